import type { Comparison } from '../compare/compare.js';
import { settingsFor, type DisplaySettings, type MlciConfig } from '../config/config.js';
import type { MetricsDoc } from '../model.js';
import type { ConfusionMatrix, PrCurve, RocCurve } from '../plots/model.js';
import type { DvcLockDiff } from '../dvc/diff.js';
import type { DriftReport } from '../data/drift.js';
import { driftCharts } from './charts/drift.js';
import type { HistoryEntry } from './charts/history.js';
import { ChartsUnavailableError } from './charts/unavailable.js';
import { chartImage, planCharts } from './charts/select.js';
import { renderMarkdown, type MarkdownReport } from './markdown.js';
import type { ExtraContent, ExtraImageFile } from './extra.js';
import type { ChartImage, ReportInput, RunInfo } from './model.js';

/**
 * Everything a report is made from, gathered by the caller (the CLI from files and flags, the
 * actions from the state folder and the API). Reads nothing and writes nothing.
 */
export interface BuildReportInput {
  comparison: Comparison;
  head: MetricsDoc[];
  base?: MetricsDoc[];
  config?: MlciConfig;
  /** Overrides the config's `report.id` (default `mlci`). */
  id?: string;
  title?: string;
  run?: RunInfo;
  baseline?: { label: string; how?: string; url?: string };
  history?: HistoryEntry[];
  /** The base branch, for the history chart's title. */
  branch?: string;
  confusion?: { head: ConfusionMatrix; base?: ConfusionMatrix };
  roc?: { head: RocCurve; base?: RocCurve };
  pr?: { head: PrCurve; base?: PrCurve };
  /** Said with the charts: a side's plot that is missing (the base has no confusion matrix file). */
  plotNotes?: string[];
  maxCurves?: number;
  fullReportUrl?: string;
  /** Comment size limit (GitHub's 65,536 by default). */
  maxLength?: number;
  /** The team's own sections and their images' bytes (buildExtraSections, report/extra.ts). */
  extra?: ExtraContent;
  /** What changed between the base's dvc.lock and the pull request's (diffDvcLocks, dvc/diff.ts). */
  pipeline?: DvcLockDiff;
  /** Data drift (compareTables, data/drift.ts, or drift.json read back): the "Data drift" section and its charts. */
  drift?: DriftReport;
  /** At most this many drift charts (default 4: the columns that drifted most, then the largest PSI). */
  maxDriftCharts?: number;
}

export interface RenderedChart extends ChartImage {
  png: Buffer;
}

export interface BuiltReport extends MarkdownReport {
  /** The report's facts, kept so a sink can render it again (with hosted chart URLs, a smaller limit). */
  input: ReportInput;
  charts: RenderedChart[];
  /** The images of the team's own sections, written next to report.md and uploaded with the charts. */
  extraImages?: ExtraImageFile[];
}

export const DEFAULT_REPORT_ID = 'mlci';

/** Plans and renders the charts, then the Markdown. The same input gives the same bytes. */
export async function buildReport(input: BuildReportInput): Promise<BuiltReport> {
  const config = input.config;
  const displayFor =
    config === undefined
      ? undefined
      : (key: string): DisplaySettings => {
          const { precision, unit, percent } = settingsFor(config, key);
          const settings: DisplaySettings = {};
          if (precision !== undefined) settings.precision = precision;
          if (unit !== undefined) settings.unit = unit;
          if (percent !== undefined) settings.percent = percent;
          return settings;
        };
  const plan = planCharts(
    {
      comparison: input.comparison,
      head: input.head,
      ...(input.base !== undefined ? { base: input.base } : {}),
      ...(input.history !== undefined ? { history: input.history } : {}),
      ...(input.branch !== undefined ? { branch: input.branch } : {}),
      ...(input.confusion !== undefined ? { confusion: input.confusion } : {}),
      ...(input.roc !== undefined ? { roc: input.roc } : {}),
      ...(input.pr !== undefined ? { pr: input.pr } : {}),
      ...(displayFor !== undefined ? { displayFor } : {}),
    },
    {
      maxCurves: input.maxCurves ?? config?.report.maxCurves ?? 6,
      ...(config?.report.curves !== undefined ? { curves: config.report.curves } : {}),
    },
  );
  const charts: RenderedChart[] = [];
  const chartNotes = [...plan.notes, ...(input.plotNotes ?? [])];
  try {
    // Loaded on first use: chart.js and the canvas are most of the bundle's start-up cost, and a
    // step that renders no report (evaluate, compare-metrics) should not pay it.
    const { renderChart } = await import('./charts/render.js');
    // One at a time: rendering is CPU-bound on one thread, and the order must not depend on timing.
    for (const spec of plan.specs) {
      const png = await renderChart(spec.config, { width: spec.width, height: spec.height });
      charts.push({ ...chartImage(spec), png });
    }
    // The drift charts come after the model's: the report shows them in their own section.
    const taken = new Set(charts.map((c) => c.file));
    const drift =
      input.drift === undefined
        ? []
        : driftCharts(input.drift, {
            takenFiles: taken,
            ...(input.maxDriftCharts !== undefined ? { max: input.maxDriftCharts } : {}),
          });
    for (const spec of drift) {
      const png = await renderChart(spec.config, { width: spec.width, height: spec.height });
      charts.push({ ...chartImage(spec), section: 'drift', png });
    }
  } catch (error) {
    if (!(error instanceof ChartsUnavailableError)) throw error;
    charts.length = 0;
    chartNotes.unshift(`No charts: ${error.message}.`);
  }
  const reportInput: ReportInput = {
    id: input.id ?? config?.report.id ?? DEFAULT_REPORT_ID,
    comparison: input.comparison,
    head: input.head,
    charts: charts.map(({ png: _png, ...image }) => image),
  };
  const title = input.title ?? config?.report.title;
  if (title !== undefined) reportInput.title = title;
  if (input.base !== undefined) reportInput.base = input.base;
  if (input.run !== undefined) reportInput.run = input.run;
  if (input.baseline !== undefined) reportInput.baseline = input.baseline;
  if (displayFor !== undefined) reportInput.displayFor = displayFor;
  if (chartNotes.length > 0) reportInput.chartNotes = chartNotes;
  if (input.fullReportUrl !== undefined) reportInput.fullReportUrl = input.fullReportUrl;
  if (input.extra !== undefined && input.extra.sections.length > 0)
    reportInput.extraSections = input.extra.sections;
  if (input.pipeline !== undefined) reportInput.pipeline = input.pipeline;
  if (input.drift !== undefined) reportInput.drift = input.drift;
  const markdown = renderMarkdown(
    reportInput,
    input.maxLength !== undefined ? { maxLength: input.maxLength } : {},
  );
  return {
    ...markdown,
    input: reportInput,
    charts,
    ...(input.extra !== undefined && input.extra.images.length > 0
      ? { extraImages: input.extra.images }
      : {}),
  };
}
