import type { Comparison } from '../compare/compare.js';
import type { DisplaySettings } from '../config/config.js';
import type { DriftReport } from '../data/drift.js';
import type { DvcLockDiff } from '../dvc/diff.js';
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
  baseline?: { label: string; how?: string; url?: string };
  /** Display settings for a key (precision, unit, percent), from .mlci.yml. */
  displayFor?(key: string): DisplaySettings;
  /** Charts already rendered, in the order they are shown. */
  charts: ChartImage[];
  /** What the chart plan left out, in words ("4 more training curves not drawn ..."). */
  chartNotes?: string[];
  /** Where the full report lives when the comment had to be trimmed (job summary, artifact). */
  fullReportUrl?: string;
  /** The team's own content (`report.sections`, the `extra` input, `mlci report --extra`). */
  extraSections?: ExtraSection[];
  /**
   * What changed in the DVC pipeline between the base's `dvc.lock` and the pull request's
   * (dvc/diff.ts): data, parameters, commands. Absent, or without a change, the report says nothing.
   */
  pipeline?: DvcLockDiff;
  /**
   * Data drift between a reference table and the current one (`mlci drift`, data/drift.ts): the
   * report's "Data drift" section, its charts being those of `charts` marked `section: 'drift'`.
   * Its metrics (drift.*, data.*) are shown there, not in the metric tables.
   */
  drift?: DriftReport;
}

/** Where a team's own section goes in the report. */
export type ExtraPlacement = 'top' | 'after-summary' | 'bottom';

/**
 * A section of the team's own Markdown (with its images), already read, size-checked and
 * sanitised by report/extra.ts: the renderer places it and never reads a file.
 */
export interface ExtraSection {
  /** After the verdict ('top'), after the deciding rows ('after-summary'), or at the end ('bottom', the default). */
  placement: ExtraPlacement;
  /** Shown as the section's heading (or the `<summary>` when folded). */
  title: string;
  /** Sanitised Markdown; images point at `images[].file` (actions replace it with a hosted URL). */
  markdown: string;
  /** Folded in `<details>` (the default for 'bottom'). */
  folded: boolean;
  /** The file it came from, for errors and the trimming note. */
  source: string;
  /** The images it shows, written next to report.md and uploaded with the charts. */
  images: ExtraImage[];
}

export interface ExtraImage {
  /** The file name in the report folder (`extra-shap-summary.png`). */
  file: string;
  /** The URL to show, when different from `file` (hosted copies on the assets branch). */
  url?: string;
  /** Required: a section's image without alt text is an error naming the file. */
  alt: string;
  width?: number;
  height?: number;
}
// The images' bytes (PNG or JPEG; an SVG rendered to PNG) travel beside the report input, like a
// rendered chart's PNG (BuiltReport.charts), never inside it: ReportInput is saved and re-rendered.

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
  /** Shown in the "Data drift" section (a column's histogram), not with the model's charts. */
  section?: 'drift';
}

/** The marker that lets the actions find their comment again. Stable across versions of mlci. */
export function reportMarker(id: string): string {
  return `<!-- mlci-report id="${id.replace(/[^A-Za-z0-9._/-]/g, '_')}" -->`;
}
