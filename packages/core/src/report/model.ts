import type { Comparison } from '../compare/compare.js';
import type { DisplaySettings } from '../config/config.js';
import type { MetricsDoc } from '../model.js';

/**
 * Everything a report shows, gathered before rendering so that Markdown, HTML and the actions'
 * sinks render the same facts. Pure data: no paths are read and nothing is written here.
 */
export interface ReportInput {
  /**
   * Identifies the report among others on the same pull request (the hidden marker is built from
   * it): `mlci`, or `mlci/<matrix value>` for one report per matrix job.
   */
  id: string;
  /** Shown as the heading; default "mlci report". */
  title?: string;
  comparison: Comparison;
  /** The runs behind the comparison, for curves (series) and anything else not in the comparison. */
  head: MetricsDoc[];
  base?: MetricsDoc[];
  /** What produced the head numbers, when known. */
  run?: RunInfo;
  /** Which baseline was used and how it was found: "main@abc1234 (merge base)". */
  baseline?: { label: string; how?: string };
  /** Display settings for a key (precision, unit, percent), from .mlci.yml. */
  displayFor?(key: string): DisplaySettings;
  /** Charts already rendered, in the order they are shown. */
  charts: ChartImage[];
  /** What the chart plan left out, in words ("4 more training curves not drawn ..."). */
  chartNotes?: string[];
  /** Where the full report lives when the comment had to be trimmed (job summary, artifact). */
  fullReportUrl?: string;
}

export interface RunInfo {
  commit?: string;
  branch?: string;
  /** Seconds the training (train action) took. */
  durationSeconds?: number;
  /** "ubuntu-latest (4 CPU, 16 GB)", "local". */
  runner?: string;
  /** A link to the CI run. */
  url?: string;
}

export interface ChartImage {
  /** The file name written next to report.md (`curves-loss.png`); actions replace it with a hosted URL. */
  file: string;
  /** The URL to show, when different from `file` (hosted copies on the assets branch). */
  url?: string;
  /** Alt text that says what the chart shows, for screen readers and broken images. */
  alt: string;
  title: string;
  width: number;
  height: number;
}

/** The marker that lets the actions find their comment again. Stable across versions of mlci. */
export function reportMarker(id: string): string {
  return `<!-- mlci-report id="${id.replace(/[^A-Za-z0-9._/-]/g, '_')}" -->`;
}
