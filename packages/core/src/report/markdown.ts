import { markdownTable } from 'markdown-table';
import type { MetricComparison, MetricStatus, ParamChange, SampleSummary } from '../compare/compare.js';
import type { DisplaySettings } from '../config/config.js';
import { formatNumber, formatPercent, roundNoise } from '../format.js';
import type { GateResult, GateStatus } from '../gates/types.js';
import type { ParamValue, SourceInfo } from '../model.js';
import { formatChange, formatInterval, formatP, formatValue, shortReason, SPREAD_DIGITS } from './display.js';
import { escapeMarkdownText, escapeTableCell, safeUrl, shortenMiddle } from './escape.js';
import { isUnchangedPipeline, type DvcLockDiff } from '../dvc/diff.js';
import { dataChanges, pipelineRows, pipelineSummary, type PipelineRow } from '../dvc/rows.js';
import { reportMarker, type ChartImage, type ExtraSection, type ReportInput } from './model.js';
import { DRIFT_KEY_PREFIXES } from '../data/metrics.js';
import { driftFacts, driftOmissions, renderDriftSection, type DriftFacts } from './drift.js';
import { count, details, grouped } from './words.js';

/** GitHub refuses issue and pull-request comment bodies longer than this. */
export const MAX_COMMENT_LENGTH = 65_536;

export interface MarkdownOptions {
  /**
   * The longest result, in UTF-16 code units (`string.length`): never fewer than the characters
   * GitHub counts, so a report that fits here fits there. Default MAX_COMMENT_LENGTH.
   */
  maxLength?: number;
}

export interface MarkdownReport {
  /** Ends with the hidden marker (no newline after it); at most `maxLength` long. */
  markdown: string;
  /** What trimming left out, in words ("40 unchanged metrics"); empty when nothing was. */
  omitted: string[];
}

/** Longest metric key, param or gate text shown in a cell; longer ones are cut in the middle. */
const MAX_KEY = 160;
/** Longest reason, value or warning shown; a reason explains, it never needs a page. */
const MAX_TEXT = 600;
/** Names listed in the headline ("failed: a, b, c and 4 more"). */
const MAX_NAMES = 5;
const MAX_WARNINGS_PER_FILE = 5;
/** Rule changes listed; a pull request that rewrites its whole config says how many more. */
const MAX_CONFIG_CHANGES = 50;
/** Pipeline changes listed (dvc.lock); a pipeline of many generated stages says how many more. */
const MAX_PIPELINE_ROWS = 50;
/** Input data named on the first screen ("Data: ... and 4 more"). */
const MAX_DATA_NAMES = 3;
/**
 * Rows on the first screen: failed and warned gates, then changes beyond noise. About what fits
 * above the fold of a comment next to the verdict and one chart; the rest is in the folded tables.
 */
export const DECIDING_ROWS = 8;

/**
 * The pull-request report as GitHub Markdown. The first screen decides: the verdict, the rows that
 * decide the merge (failed and warned gates, changes beyond noise; at most DECIDING_ROWS) and the
 * chart that explains them (`charts[0]`); everything else (every gate, every metric, params, more
 * charts, files read) is folded in `<details>`, then the hidden marker the actions find the
 * comment by. The team's own sections go where they asked (top, after the deciding rows, bottom). Pure and deterministic: the same input always gives the same text. Everything that
 * comes from files is escaped (see escape.ts). When the report is longer than `maxLength`, the least
 * important parts are left out first, and the report says what was left out and where it is.
 */
export function renderMarkdown(input: ReportInput, options: MarkdownOptions = {}): MarkdownReport {
  const maxLength = options.maxLength ?? MAX_COMMENT_LENGTH;
  const marker = reportMarker(input.id);
  if (maxLength < marker.length) {
    throw new RangeError(`maxLength ${maxLength} is shorter than the report's marker (${marker.length})`);
  }
  const facts = gatherFacts(input);
  const fits = (plan: Plan) => render(facts, plan, maxLength).markdown.length <= maxLength;
  const regressions = facts.changed.filter((m) => m.status === 'regressed').length;
  const notPassing = facts.gates.filter((g) => !isPassing(g.status)).length;

  // Less and less, least important first. Metric rows are a prefix of a table that lists
  // regressions first, so the longest prefix that fits keeps them.
  const cuts: ((p: Plan) => Plan)[] = [
    (p) => ({ ...p, sources: false }),
    // The drift section's folded rows (columns without drift) go first of its parts.
    (p) => ({ ...p, driftDetails: false }),
    (p) => ({ ...p, unchanged: false }),
    (p) => ({ ...p, params: false }),
    (p) => ({
      ...p,
      pipelineRows: largestFitting(0, p.pipelineRows, (n) => fits({ ...p, pipelineRows: n })),
    }),
    (p) => ({
      ...p,
      metricRows: largestFitting(regressions, p.metricRows, (n) => fits({ ...p, metricRows: n })),
    }),
    (p) => ({ ...p, passingGates: false }),
    (p) => ({ ...p, metricRows: largestFitting(0, p.metricRows, (n) => fits({ ...p, metricRows: n })) }),
    // Drifted columns: a failed drift gate's row stays in the deciding rows, cut last.
    (p) => ({ ...p, driftRows: largestFitting(0, p.driftRows, (n) => fits({ ...p, driftRows: n })) }),
    (p) => ({ ...p, charts: false, runInfo: false }),
    // The team's sections go before our own deciding rows do, the last kept last.
    (p) => ({ ...p, extras: largestFitting(0, p.extras, (n) => fits({ ...p, extras: n })) }),
    (p) => ({ ...p, gateRows: largestFitting(0, p.gateRows, (n) => fits({ ...p, gateRows: n })) }),
    (p) => ({
      ...p,
      decidingRows: largestFitting(0, p.decidingRows, (n) => fits({ ...p, decidingRows: n })),
    }),
  ];
  let plan = fullPlan(facts);
  // The common case: everything fits, rendered once (the cuts and refills below render many times).
  const full = render(facts, plan, maxLength);
  if (full.markdown.length <= maxLength) return full;
  for (const cut of cuts) {
    if (fits(plan)) break;
    plan = cut(plan);
  }
  if (!fits(plan)) {
    return hardCut(render(facts, { ...plan, minimal: true }, maxLength), marker, maxLength);
  }
  // A later cut may have freed room an earlier one needed: give it back, most important first.
  const refills: ((p: Plan) => Plan)[] = [
    (p) => ({
      ...p,
      decidingRows: largestFitting(p.decidingRows, Math.min(DECIDING_ROWS, facts.deciding.length), (n) =>
        fits({ ...p, decidingRows: n }),
      ),
    }),
    (p) => ({ ...p, gateRows: largestFitting(p.gateRows, notPassing, (n) => fits({ ...p, gateRows: n })) }),
    (p) => ({
      ...p,
      extras: largestFitting(p.extras, facts.extras.length, (n) => fits({ ...p, extras: n })),
    }),
    (p) => ({
      ...p,
      driftRows: largestFitting(p.driftRows, facts.drift?.driftedRows.length ?? 0, (n) =>
        fits({ ...p, driftRows: n }),
      ),
    }),
    (p) => ({
      ...p,
      metricRows: largestFitting(p.metricRows, facts.changed.length, (n) => fits({ ...p, metricRows: n })),
    }),
    (p) => ({ ...p, passingGates: true }),
    (p) => ({ ...p, charts: true, runInfo: true }),
    (p) => ({
      ...p,
      pipelineRows: largestFitting(p.pipelineRows, shownPipelineRows(facts), (n) =>
        fits({ ...p, pipelineRows: n }),
      ),
    }),
    (p) => ({ ...p, params: true }),
    (p) => ({ ...p, unchanged: true }),
    (p) => ({ ...p, driftDetails: true }),
    (p) => ({ ...p, sources: true }),
  ];
  for (const refill of refills) {
    const more = refill(plan);
    if (!samePlan(more, plan) && fits(more)) plan = more;
  }
  return render(facts, plan, maxLength);
}

function samePlan(a: Plan, b: Plan): boolean {
  const keys = Object.keys(a) as Array<keyof Plan>;
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The largest n in [min, max] for which `ok(n)` holds (min when none does), given `ok` is monotonic. */
function largestFitting(min: number, max: number, ok: (n: number) => boolean): number {
  let low = min;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ok(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Last resort for a tiny maxLength: as many whole lines of the verdict as fit, then the marker. */
function hardCut(report: MarkdownReport, marker: string, maxLength: number): MarkdownReport {
  if (report.markdown.length <= maxLength) return report;
  const body = report.markdown.slice(0, report.markdown.length - marker.length);
  const room = maxLength - marker.length - 2;
  let cut = room <= 0 ? '' : body.slice(0, room);
  const lastNewline = cut.lastIndexOf('\n');
  cut = lastNewline >= 0 ? cut.slice(0, lastNewline) : '';
  const markdown = cut.trimEnd() === '' ? marker : `${cut.trimEnd()}\n\n${marker}`;
  return { markdown, omitted: [...report.omitted, 'part of the verdict'] };
}

// ---------------------------------------------------------------------------------------------
// What is shown, decided once

interface Facts {
  input: ReportInput;
  hasBase: boolean;
  /** The metrics the metric tables show: all but the drift section's (drift.*, data.*) when there is one. */
  metrics: MetricComparison[];
  /** The drift metrics left to the drift section. */
  driftMetrics: number;
  /** The "Data drift" section's rows and sentences, escaped once. */
  drift?: DriftFacts;
  /** The model's charts (the drift section shows its own). */
  charts: ChartImage[];
  driftCharts: ChartImage[];
  /** Gate results, failed and errored first, then warnings, then the rest (stable otherwise). */
  gates: GateResult[];
  /** Metrics that changed beyond noise (or of unknown noise), regressions first; all metrics when there is no baseline. */
  changed: MetricComparison[];
  /** Metrics whose change is within the noise of repeats or history: shown folded, counted apart. */
  withinNoise: MetricComparison[];
  unchanged: MetricComparison[];
  params: ParamChange[];
  sources: { side: 'pull request' | 'baseline'; source: SourceInfo }[];
  hasRepeats: boolean;
  /** The first screen's rows: not-passing gates, then changes beyond noise not already named by one. */
  deciding: DecidingRow[];
  /** The team's sections, most important first (top, after-summary, bottom): trimming keeps a prefix. */
  extras: ExtraSection[];
  /** The pipeline's changes (dvc.lock), when there are any: rows most telling first. */
  pipeline?: PipelineFacts;
  /** Rendered table rows by what they show: trimming renders many plans, each row is escaped once. */
  rows: Map<object, string>;
}

type DecidingRow = { kind: 'gate'; gate: GateResult } | { kind: 'metric'; metric: MetricComparison };

interface PipelineFacts {
  diff: DvcLockDiff;
  rows: PipelineRow[];
  /** Inputs left out because the stage that makes them shows the same change (dvc/rows.ts). */
  shownAsOutputs: number;
  /** The pipeline's input data that changed: named on the first screen. */
  data: PipelineRow[];
}

interface Plan {
  sources: boolean;
  unchanged: boolean;
  params: boolean;
  metricRows: number;
  charts: boolean;
  runInfo: boolean;
  passingGates: boolean;
  /** How many of the not-passing gate rows to show. */
  gateRows: number;
  /** How many of the first screen's deciding rows to show. */
  decidingRows: number;
  /** How many of the team's sections (facts.extras, in order) to show. */
  extras: number;
  /** How many of the pipeline's change rows to show (at most MAX_PIPELINE_ROWS). */
  pipelineRows: number;
  /** How many of the drift section's drifted columns to show. */
  driftRows: number;
  /** The drift section's folded table of the other columns. */
  driftDetails: boolean;
  /** Only the headline and a short notice: the last resort before cutting lines. */
  minimal: boolean;
}

function fullPlan(facts: Facts): Plan {
  return {
    sources: true,
    unchanged: true,
    params: true,
    metricRows: facts.changed.length,
    charts: true,
    runInfo: true,
    passingGates: true,
    gateRows: facts.gates.length,
    decidingRows: Math.min(DECIDING_ROWS, facts.deciding.length),
    extras: facts.extras.length,
    pipelineRows: shownPipelineRows(facts),
    driftRows: facts.drift?.driftedRows.length ?? 0,
    driftDetails: true,
    minimal: false,
  };
}

function shownPipelineRows(facts: Facts): number {
  return Math.min(MAX_PIPELINE_ROWS, facts.pipeline?.rows.length ?? 0);
}

const GATE_RANK: Record<GateStatus, number> = { fail: 0, error: 0, warn: 1, pass: 2, neutral: 2 };
const METRIC_RANK: Record<MetricStatus, number> = {
  regressed: 0,
  'non-finite': 1,
  changed: 2,
  improved: 3,
  added: 4,
  removed: 5,
  'no-baseline': 6,
  'within-noise': 7,
  unchanged: 8,
};

function isPassing(status: GateStatus): boolean {
  return status === 'pass' || status === 'neutral';
}

function gatherFacts(input: ReportInput): Facts {
  const comparison = input.comparison;
  // With a drift section, its metrics are shown there: hundreds of per-column keys would bury the model's.
  const isDriftMetric = (key: string) => DRIFT_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
  const metrics =
    input.drift === undefined ? comparison.metrics : comparison.metrics.filter((m) => !isDriftMetric(m.key));
  const gates = comparison.gates
    .map((g, i) => ({ g, i }))
    .sort((a, b) => GATE_RANK[a.g.status] - GATE_RANK[b.g.status] || a.i - b.i)
    .map(({ g }) => g);
  const changed = metrics
    .filter((m) => m.status !== 'unchanged' && m.status !== 'within-noise')
    .map((m, i) => ({ m, i }))
    .sort((a, b) => METRIC_RANK[a.m.status] - METRIC_RANK[b.m.status] || bySize(a.m, b.m) || a.i - b.i)
    .map(({ m }) => m);
  const notPassing = gates.filter((g) => !isPassing(g.status));
  const named = new Set(notPassing.flatMap((g) => (g.metric === undefined ? [] : [g.metric])));
  // Without a baseline nothing changed: only the gates decide.
  const moved = comparison.base === undefined ? [] : changed.filter((m) => !named.has(m.key));
  const deciding: DecidingRow[] = [
    ...notPassing.map((gate) => ({ kind: 'gate' as const, gate })),
    ...moved.map((metric) => ({ kind: 'metric' as const, metric })),
  ];
  const placementRank = { top: 0, 'after-summary': 1, bottom: 2 } as const;
  const extras = (input.extraSections ?? [])
    .map((section, i) => ({ section, i }))
    .sort((a, b) => placementRank[a.section.placement] - placementRank[b.section.placement] || a.i - b.i)
    .map(({ section }) => section);
  const pipeline = pipelineFacts(input.pipeline);
  return {
    ...(pipeline !== undefined ? { pipeline } : {}),
    ...(input.drift !== undefined ? { drift: driftFacts(input.drift) } : {}),
    input,
    hasBase: comparison.base !== undefined,
    metrics,
    driftMetrics: comparison.metrics.length - metrics.length,
    charts: input.charts.filter((c) => c.section !== 'drift'),
    driftCharts: input.charts.filter((c) => c.section === 'drift'),
    gates,
    changed,
    withinNoise: metrics
      .filter((m) => m.status === 'within-noise')
      .map((m, i) => ({ m, i }))
      .sort((a, b) => bySize(a.m, b.m) || a.i - b.i)
      .map(({ m }) => m),
    unchanged: metrics.filter((m) => m.status === 'unchanged'),
    params: comparison.params,
    sources: [
      ...comparison.head.sources.map((source) => ({ side: 'pull request' as const, source })),
      ...(comparison.base?.sources ?? []).map((source) => ({ side: 'baseline' as const, source })),
    ],
    hasRepeats: metrics.some((m) => m.repeats !== undefined),
    deciding,
    extras,
    rows: new Map(),
  };
}

function pipelineFacts(diff: DvcLockDiff | undefined): PipelineFacts | undefined {
  if (diff === undefined || isUnchangedPipeline(diff)) return undefined;
  const { rows, shownAsOutputs } = pipelineRows(diff);
  return { diff, rows, shownAsOutputs, data: dataChanges(rows) };
}

/** Within regressions and improvements, the largest relative change first: what a reviewer looks for. */
function bySize(a: MetricComparison, b: MetricComparison): number {
  if (a.status !== 'regressed' && a.status !== 'improved' && a.status !== 'within-noise') return 0;
  const size = (m: MetricComparison) => (m.deltaPercent === undefined ? -1 : Math.abs(m.deltaPercent));
  return size(b) - size(a);
}

// ---------------------------------------------------------------------------------------------
// Rendering one plan

function render(facts: Facts, plan: Plan, maxLength: number): MarkdownReport {
  if (plan.minimal) {
    const notice = `> **This report was shortened** to fit in ${grouped(maxLength)} characters: only the verdict is shown. ${whereFullReport(facts)}`;
    const markdown = [headline(facts), notice, reportMarker(facts.input.id)].join('\n\n');
    return { markdown, omitted: ['everything but the verdict'] };
  }
  const omitted = omissions(facts, plan);
  const extras = facts.extras.slice(0, plan.extras);
  const placed = (where: ExtraSection['placement']) =>
    extras.filter((e) => e.placement === where).map(extraSection);
  const charts = plan.charts ? facts.charts : [];
  const sections = [
    headline(facts),
    omitted.length > 0 ? trimNotice(facts, omitted, maxLength) : '',
    ...placed('top'),
    // The first screen: what decides the merge, and the chart that explains it.
    decidingSection(facts, plan),
    configChangesSection(facts),
    charts.length > 0 ? chartImage(charts[0]!) : '',
    ...placed('after-summary'),
    // Data drift: the evidence for a drift gate in the rows above, and what the metrics below were
    // measured on. Its drifted columns are not folded: they are what a reviewer must see next.
    facts.drift === undefined ? '' : driftSection(facts, plan),
    // The evidence, folded.
    gatesSection(facts, plan),
    metricsSection(facts, plan),
    plan.params ? paramsSection(facts) : '',
    pipelineSection(facts, plan),
    plan.charts ? moreChartsSection(charts.slice(1), facts.input.chartNotes ?? []) : '',
    plan.runInfo ? runSection(facts) : '',
    plan.sources ? sourcesSection(facts) : '',
    ...placed('bottom'),
    reportMarker(facts.input.id),
  ];
  return { markdown: sections.filter((s) => s !== '').join('\n\n'), omitted };
}

function omissions(facts: Facts, plan: Plan): string[] {
  const out: string[] = [];
  if (!plan.sources && facts.sources.length > 0)
    out.push(`the list of ${count(facts.sources.length, 'file')} read`);
  if (!plan.unchanged && facts.withinNoise.length > 0)
    out.push(count(facts.withinNoise.length, 'change') + ' within noise');
  if (!plan.unchanged && facts.unchanged.length > 0)
    out.push(count(facts.unchanged.length, 'unchanged metric'));
  if (!plan.params && facts.params.length > 0) out.push(count(facts.params.length, 'parameter change'));
  const pipelineShown = shownPipelineRows(facts);
  if (plan.pipelineRows < pipelineShown)
    out.push(
      `${grouped(pipelineShown - plan.pipelineRows)} of ${count(facts.pipeline!.rows.length, 'pipeline change')}`,
    );
  if (plan.metricRows < facts.changed.length) {
    const noun = facts.hasBase ? 'changed metric' : 'metric';
    out.push(`${grouped(facts.changed.length - plan.metricRows)} of ${count(facts.changed.length, noun)}`);
  }
  if (facts.drift !== undefined)
    out.push(
      ...driftOmissions(facts.drift, { driftedRows: plan.driftRows, details: plan.driftDetails, charts: [] }),
    );
  if (!plan.charts && facts.input.charts.length > 0) out.push(count(facts.input.charts.length, 'chart'));
  if (!plan.runInfo && facts.input.run !== undefined) out.push('the run details');
  const passing = facts.gates.filter((g) => isPassing(g.status)).length;
  if (!plan.passingGates && passing > 0) out.push(count(passing, 'passing gate result'));
  const notPassing = facts.gates.length - passing;
  if (plan.gateRows < notPassing)
    out.push(
      `${grouped(notPassing - plan.gateRows)} of ${count(notPassing, 'failing or warning gate result')}`,
    );
  for (const section of facts.extras.slice(plan.extras))
    out.push(`the section "${shortenMiddle(section.title, 80)}" (${shortenMiddle(section.source, 80)})`);
  const deciding = Math.min(DECIDING_ROWS, facts.deciding.length);
  if (plan.decidingRows < deciding)
    out.push(`${grouped(deciding - plan.decidingRows)} of ${count(deciding, 'deciding row')}`);
  return out;
}

function trimNotice(facts: Facts, omitted: string[], maxLength: number): string {
  // Escaped: a team's section title is file data.
  return `> **This report was shortened** to fit in ${grouped(maxLength)} characters. Not shown: ${escapeMarkdownText(omitted.join('; '))}. ${whereFullReport(facts)}`;
}

function whereFullReport(facts: Facts): string {
  const url = facts.input.fullReportUrl === undefined ? undefined : safeUrl(facts.input.fullReportUrl);
  return url !== undefined
    ? `The full report is [here](${url}).`
    : 'The full report is in report.md and the job summary.';
}

// ---------------------------------------------------------------------------------------------
// Headline

const VERDICT_LABEL = {
  passed: '✅ Passed',
  failed: '❌ Failed',
  'passed-with-warnings': '⚠️ Passed with warnings',
  'no-baseline': '⚪ No baseline',
} as const;

function headline(facts: Facts): string {
  const { input } = facts;
  const comparison = input.comparison;
  const title = `## ${escapeMarkdownText(shortenMiddle(input.title ?? 'mlci report', MAX_KEY))}`;
  const verdict = `**${VERDICT_LABEL[comparison.verdict.kind]}**: ${verdictSentence(facts)}`;
  const lines = [title, '', `${verdict}  `, `${metricsSentence(facts)}  `, baselineSentence(facts)];
  const changes = comparison.configChanges;
  if (changes !== undefined) {
    const n = changes.gatesAdded.length + changes.gatesRemoved.length + changes.settings.length;
    lines[lines.length - 1] += '  ';
    lines.push(
      `Gates: this pull request changes ${grouped(n)} of its rules; they take effect after the merge, and it was judged by the rules of ${escapeMarkdownText(shortenMiddle(changes.from, MAX_KEY))} (see "Gates changed by this pull request").`,
    );
  }
  const data = dataSentence(facts);
  if (data !== '') {
    lines[lines.length - 1] += '  ';
    lines.push(data);
  }
  const drift = driftSentence(facts);
  if (drift !== '') {
    lines[lines.length - 1] += '  ';
    lines.push(drift);
  }
  return lines.join('\n');
}

/**
 * One line under the verdict when the pipeline read different input data: metrics that moved
 * because the data did are not the model's doing, and the reviewer must see that before the
 * numbers. Parameter, command and code changes are the pull request's own subject and stay folded
 * in "Pipeline"; so do outputs, which change whenever anything upstream does.
 */
function dataSentence(facts: Facts): string {
  const data = facts.pipeline?.data ?? [];
  if (data.length === 0) return '';
  const named = data.slice(0, MAX_DATA_NAMES).map((row) => {
    const what = row.status === 'changed' ? row.change : row.status;
    return `${escapeMarkdownText(shortenMiddle(row.subject, 80))} (${escapeMarkdownText(shortenMiddle(what, 120))})`;
  });
  const more = data.length > MAX_DATA_NAMES ? ` and ${grouped(data.length - MAX_DATA_NAMES)} more` : '';
  return `Data: **the pipeline's input data changed**: ${named.join(', ')}${more}. See "Pipeline" below.`;
}

/**
 * One line under the verdict when columns of the data drifted: the metrics below were measured on
 * data that changed. Said whether or not a gate checks drift (a gate's row is in the table below).
 */
function driftSentence(facts: Facts): string {
  const report = facts.drift?.report;
  if (report === undefined || report.drifted === 0) return '';
  const names = report.columns.filter((c) => c.drifted).map((c) => c.name);
  const shown = names.slice(0, MAX_NAMES).map((n) => escapeMarkdownText(shortenMiddle(n, 60)));
  const more = names.length > MAX_NAMES ? ` and ${grouped(names.length - MAX_NAMES)} more` : '';
  const share = `${formatNumber(report.share * 100, 3)}%`;
  const limit = `${formatNumber(report.options.driftShare * 100, 3)}%`;
  return `Data: **${grouped(report.drifted)} of ${count(report.tested, 'column')} drifted** (${share}; the dataset drifts at ${limit}): ${shown.join(', ')}${more}. See "Data drift" below.`;
}

/**
 * A pull request's changes to the gates and settings that judge it: it was judged by the base's,
 * and these are in force after the merge. Always shown in full: loosening a gate is what a
 * reviewer must see.
 */
function configChangesSection(facts: Facts): string {
  const changes = facts.input.comparison.configChanges;
  if (changes === undefined) return '';
  const rows = [
    ...changes.gatesRemoved.map((g) => tableRow(['gate removed', shortenMiddle(g, MAX_TEXT)])),
    ...changes.gatesAdded.map((g) => tableRow(['gate added', shortenMiddle(g, MAX_TEXT)])),
    ...changes.settings.map((c) => tableRow(['setting changed', shortenMiddle(c, MAX_TEXT)])),
  ];
  const shown = rows.slice(0, MAX_CONFIG_CHANGES);
  const more =
    rows.length > shown.length
      ? `\n\n${grouped(rows.length - shown.length)} more changes are in report.json.`
      : '';
  return `### Gates changed by this pull request\n\nThis pull request was judged by the gates of ${escapeMarkdownText(shortenMiddle(changes.from, MAX_KEY))}; its own take effect after the merge.\n\n${table(['change', 'gate or setting'], shown, ['l', 'l'])}${more}`;
}

function verdictSentence(facts: Facts): string {
  const gates = facts.input.comparison.gates;
  const counts = facts.input.comparison.verdict.counts;
  const total = gates.length;
  const noun = gateNoun(gates);
  const names = (status: GateStatus) => ` (${namesOf(gates.filter((g) => g.status === status))})`;
  const of = (n: number) => `${grouped(n)} of ${count(total, noun)}`;
  const neutral = counts.neutral > 0 ? `; ${grouped(counts.neutral)} not tested${names('neutral')}` : '';
  const warned = counts.warn > 0 ? `; ${grouped(counts.warn)} warned${names('warn')}` : '';
  switch (facts.input.comparison.verdict.kind) {
    case 'failed': {
      const problem = facts.input.comparison.baselineProblem;
      if (problem !== undefined)
        return `${escapeMarkdownText(shortenMiddle(facts.input.comparison.verdict.summary, MAX_TEXT))}.`;
      const parts: string[] = [];
      if (counts.fail > 0) parts.push(`${of(counts.fail)} failed${names('fail')}`);
      if (counts.error > 0) parts.push(`${grouped(counts.error)} could not be evaluated${names('error')}`);
      if (counts.warn > 0) parts.push(`${grouped(counts.warn)} warned${names('warn')}`);
      return `${parts.join('; ')}.`;
    }
    case 'passed-with-warnings': {
      const acceptance = facts.input.comparison.acceptance;
      if (acceptance !== undefined && counts.fail > 0)
        return `${of(counts.fail)} failed${names('fail')}, and **@${escapeMarkdownText(acceptance.by)} accepted** these regressions of ${escapeMarkdownText(acceptance.head.slice(0, 7))} with the label "${escapeMarkdownText(acceptance.label)}"${counts.warn > 0 ? `; ${grouped(counts.warn)} warned${names('warn')}` : ''}${neutral}.`;
      return `no gate failed; ${of(counts.warn)} warned${names('warn')}${neutral}.`;
    }
    case 'no-baseline':
      if (total === 0) return 'no baseline was found, so nothing was compared, and no gates are configured.';
      return `no baseline was found, so nothing was compared; ${of(counts.pass)} passed on the pull request's own numbers${warned}${counts.neutral > 0 ? `; ${grouped(counts.neutral)} had nothing to compare with${names('neutral')}` : ''}.`;
    case 'passed':
      if (total === 0) return 'no gates are configured, so nothing could fail.';
      if (counts.pass === total)
        return total === 1 ? `the one ${noun} passed.` : `all ${count(total, noun)} passed.`;
      return `${of(counts.pass)} passed${neutral}.`;
  }
}

/** "gates" when each gate gave one result; a glob gives one result per metric it matched. */
const gateNouns = new WeakMap<readonly GateResult[], string>();

function gateNoun(gates: readonly GateResult[]): string {
  const known = gateNouns.get(gates);
  if (known !== undefined) return known;
  const noun = countGateNoun(gates);
  gateNouns.set(gates, noun);
  return noun;
}

function countGateNoun(gates: readonly GateResult[]): string {
  const distinct = new Set(gates.map((g) => `${g.gate.origin}\u0000${g.gate.text}`)).size;
  return distinct === gates.length ? 'gate' : 'gate check';
}

function namesOf(results: readonly GateResult[]): string {
  const names = [...new Set(results.map((r) => r.metric ?? r.gate.selector))];
  const shown = names.slice(0, MAX_NAMES).map((n) => escapeMarkdownText(shortenMiddle(n, 60)));
  return names.length > MAX_NAMES
    ? `${shown.join(', ')} and ${grouped(names.length - MAX_NAMES)} more`
    : shown.join(', ');
}

const METRIC_COUNT_ORDER: [MetricStatus, string][] = [
  ['regressed', 'regressed'],
  ['improved', 'improved'],
  ['within-noise', 'within noise'],
  ['changed', 'changed (direction unknown)'],
  ['non-finite', 'non-finite'],
  ['unchanged', 'unchanged'],
  ['added', 'added'],
  ['removed', 'removed'],
];

function metricsSentence(facts: Facts): string {
  const metrics = facts.metrics;
  if (metrics.length === 0)
    return facts.driftMetrics > 0
      ? `Metrics: only data drift's (${count(facts.driftMetrics, 'metric')}), in "Data drift" below.`
      : 'Metrics: none were read.';
  if (!facts.hasBase) return `Metrics: ${grouped(metrics.length)} read, none compared (no baseline).`;
  const tally = new Map<MetricStatus, number>();
  for (const m of metrics) tally.set(m.status, (tally.get(m.status) ?? 0) + 1);
  const parts = METRIC_COUNT_ORDER.filter(([status]) => (tally.get(status) ?? 0) > 0).map(
    ([status, word]) => `${grouped(tally.get(status)!)} ${word}`,
  );
  // A change of one run against one run, with no history, cannot be told from noise: say so.
  const moved = metrics.filter(
    (m) => m.status === 'regressed' || m.status === 'improved' || m.status === 'changed',
  );
  const noiseUnknown = moved.filter((m) => m.noise === undefined).length;
  const unknown =
    noiseUnknown === 0
      ? ''
      : noiseUnknown === moved.length
        ? ' (one run per side, no history: noise unknown)'
        : ` (noise unknown for ${grouped(noiseUnknown)} of them: one run per side, no history)`;
  return `Metrics: ${parts.join(', ')}${unknown}.`;
}

function baselineSentence(facts: Facts): string {
  const { comparison, baseline } = facts.input;
  if (comparison.base === undefined) {
    const problem = comparison.baselineProblem;
    if (problem !== undefined)
      return problem.kind === 'unavailable'
        ? 'Baseline: **could not be fetched**. Gates that compare with a baseline were not evaluated, so the check fails until a re-run can fetch it.'
        : 'Baseline: **none found**, where this repository has recorded baselines before. Gates that compare with a baseline were not evaluated.';
    return comparison.verdict.kind === 'no-baseline'
      ? 'Baseline: **none found**. Metrics are shown without changes, and gates that compare with a baseline were not evaluated.'
      : "Baseline: none; the run's own numbers were checked.";
  }
  const label = baseline?.label ?? comparison.base.label;
  const how = baseline?.how === undefined ? '' : ` (${baseline.how})`;
  const name = label === undefined ? 'the base runs given (no label)' : shortLabel(label);
  const text = escapeMarkdownText(shortenMiddle(`${name}${how}`, 120));
  const url = baseline?.url === undefined ? undefined : safeUrl(baseline.url);
  return `Baseline: ${url === undefined ? text : `[${text}](${url})`}`;
}

/**
 * One short line for a baseline of several runs: `3 runs in examples/iris/baseline` rather than
 * every path (a label lists the runs' paths, comma-separated, when no better name was given).
 */
function shortLabel(label: string): string {
  const paths = label.split(', ');
  if (paths.length < 2) return label;
  const parts = paths.map((p) => p.split('/'));
  let shared = 0;
  while (parts.every((p) => shared < p.length - 1 && p[shared] === parts[0]![shared])) shared++;
  const folder = parts[0]!.slice(0, shared).join('/');
  return folder === '' ? `${paths.length} runs` : `${paths.length} runs in ${folder}`;
}

// ---------------------------------------------------------------------------------------------
// Gates

const GATE_MARK: Record<GateStatus, string> = {
  fail: '❌ failed',
  error: '❗ error',
  warn: '⚠️ warning',
  pass: '✅ passed',
  neutral: '⚪ not compared',
};

function gatesSection(facts: Facts, plan: Plan): string {
  if (facts.gates.length === 0) return '';
  const notPassing = facts.gates.filter((g) => !isPassing(g.status)).slice(0, plan.gateRows);
  const passing = plan.passingGates ? facts.gates.filter((g) => isPassing(g.status)) : [];
  const rows = [...notPassing, ...passing].map((g) => cachedRow(facts, g, () => gateRow(g, facts)));
  const hidden = facts.gates.length - rows.length;
  const noun = rows.length > 0 ? 'more gate result' : 'gate result';
  const more = hidden > 0 ? `\n\n${count(hidden, noun)} not shown.` : '';
  const summary = `Gates: ${gateTally(facts)}`;
  if (rows.length === 0) return `${summary}.${more}`;
  return details(
    summary,
    `${table(['gate', 'metric', 'base', 'PR', 'result', 'why'], rows, ['l', 'l', 'r', 'r', 'l', 'l'])}${more}`,
  );
}

/** "10 gate checks: 9 passed, 1 warned": the folded table's summary. */
function gateTally(facts: Facts): string {
  const counts = facts.input.comparison.verdict.counts;
  const parts = [
    counts.fail > 0 ? `${grouped(counts.fail)} failed` : '',
    counts.error > 0 ? `${grouped(counts.error)} could not be evaluated` : '',
    counts.warn > 0 ? `${grouped(counts.warn)} warned` : '',
    counts.pass > 0 ? `${grouped(counts.pass)} passed` : '',
    counts.neutral > 0 ? `${grouped(counts.neutral)} not compared` : '',
  ].filter((p) => p !== '');
  return `${count(facts.gates.length, gateNoun(facts.input.comparison.gates))}, ${parts.join(', ')}`;
}

function gateRow(result: GateResult, facts: Facts): string[] {
  const settings = result.metric === undefined ? undefined : facts.input.displayFor?.(result.metric);
  return [
    shortenMiddle(result.gate.text, MAX_KEY),
    result.metric === undefined ? '—' : shortenMiddle(result.metric, MAX_KEY),
    result.base === undefined ? '—' : formatValue(result.base, settings),
    result.head === undefined ? '—' : formatValue(result.head, settings),
    GATE_MARK[result.status],
    shortenMiddle(shortReason(result, settings, runsOf(facts)), MAX_TEXT),
  ];
}

function runsOf(facts: Facts): { head: number; base?: number } {
  const { head, base } = facts.input.comparison;
  return base === undefined ? { head: head.runs } : { head: head.runs, base: base.runs };
}

// ---------------------------------------------------------------------------------------------
// The first screen: what decides the merge

/**
 * Failed, errored and warned gates, then the metrics that changed beyond noise (regressions
 * first), each once: its values, its change, the interval of the change or the test's p, and the
 * gate that judged it. At most DECIDING_ROWS; the folded tables below have every row.
 */
function decidingSection(facts: Facts, plan: Plan): string {
  const rows = facts.deciding.slice(0, plan.decidingRows);
  const rest = facts.deciding.length - rows.length;
  if (rows.length === 0)
    return rest > 0 ? `${count(rest, 'deciding row')} not shown: see the tables below.` : '';
  const body = table(
    ['', 'metric', 'base', 'PR', 'change', 'interval or p', 'gate'],
    rows.map((row) => cachedRow(facts, row, () => decidingRow(row, facts))),
    ['l', 'l', 'r', 'r', 'r', 'r', 'l'],
  );
  const more =
    rest > 0
      ? `\n\n${count(rest, facts.deciding.length - rest > 0 ? 'more row' : 'row')} (${rest === 1 ? 'a gate or a change' : 'gates and changes'}) in the tables below.`
      : '';
  return `${body}${more}`;
}

function decidingRow(row: DecidingRow, facts: Facts): string[] {
  const input = facts.input;
  if (row.kind === 'gate') {
    const g = row.gate;
    const metric = g.metric === undefined ? undefined : metricOf(input, g.metric);
    const settings = g.metric === undefined ? undefined : input.displayFor?.(g.metric);
    const change =
      g.base !== undefined && g.head !== undefined && Number.isFinite(g.base) && Number.isFinite(g.head)
        ? changeText(roundNoise(g.head - g.base), g.base, settings)
        : '—';
    const p = g.statistics?.pAdjusted ?? g.statistics?.p;
    const spread =
      p !== undefined
        ? `p = ${formatP(p)}`
        : metric?.noise !== undefined
          ? formatInterval(metric.noise.ci, settings)
          : '—';
    const gate = `${shortenMiddle(g.gate.text, MAX_KEY)}: ${shortenMiddle(shortReason(g, settings, runsOf(facts)), 200)}`;
    return [
      GATE_MARK[g.status],
      g.metric === undefined ? '—' : shortenMiddle(g.metric, MAX_KEY),
      g.base === undefined ? '—' : formatValue(g.base, settings),
      g.head === undefined ? '—' : formatValue(g.head, settings),
      change,
      spread,
      gate,
    ];
  }
  const m = row.metric;
  const settings = input.displayFor?.(m.key);
  const gates = facts.gates.filter((g) => g.metric === m.key);
  return [
    METRIC_MARK[m.status],
    shortenMiddle(m.key, MAX_KEY),
    m.base === undefined ? '—' : formatValue(m.base, settings),
    m.head === undefined ? '—' : formatValue(m.head, settings),
    m.delta === undefined ? '—' : changeText(m.delta, m.base, settings),
    m.noise === undefined ? '—' : formatInterval(m.noise.ci, settings),
    gates.length === 0
      ? 'no gate'
      : `passed: ${shortenMiddle(gates.map((g) => g.gate.text).join(', '), MAX_KEY)}`,
  ];
}

function metricOf(input: ReportInput, key: string): MetricComparison | undefined {
  return input.comparison.metrics.find((m) => m.key === key);
}

/** `+0.0126 (+3%)`; a percentage's change is in points and needs no second percentage. */
function changeText(delta: number, base: number | undefined, settings: DisplaySettings | undefined): string {
  const change = formatChange(delta, settings);
  if (settings?.percent === true || base === undefined || base === 0 || !Number.isFinite(delta))
    return change;
  return `${change} (${formatPercent((delta / Math.abs(base)) * 100)})`;
}

/** A team's own section: sanitised Markdown, its images pointed at their hosted copies when known. */
function extraSection(section: ExtraSection): string {
  let markdown = section.markdown.trim();
  for (const image of section.images) {
    if (image.url === undefined || image.url === image.file) continue;
    const url = safeUrl(image.url);
    if (url === undefined) continue;
    // Only the link targets: `](file)` and `src="file"`, never the words around them.
    markdown = markdown
      .split(`](${image.file})`)
      .join(`](${url})`)
      .split(`src="${image.file}"`)
      .join(`src="${url}"`);
  }
  const title = escapeMarkdownText(shortenMiddle(section.title, MAX_KEY));
  return section.folded ? details(title, markdown) : `### ${title}\n\n${markdown}`;
}

// ---------------------------------------------------------------------------------------------
// Metrics

const METRIC_MARK: Record<MetricStatus, string> = {
  regressed: '🔴 regressed',
  improved: '🟢 improved',
  'within-noise': '⚪ within noise',
  unchanged: '⚪ unchanged',
  changed: '🔵 changed',
  added: '🆕 added',
  removed: '➖ removed',
  'non-finite': '⚠️ non-finite',
  'no-baseline': '',
};

/** The "Data drift" section for this plan (report/drift.ts). */
function driftSection(facts: Facts, plan: Plan): string {
  return renderDriftSection(facts.drift!, {
    driftedRows: plan.driftRows,
    details: plan.driftDetails,
    charts: plan.charts ? facts.driftCharts : [],
  });
}

function metricsSection(facts: Facts, plan: Plan): string {
  const metrics = facts.metrics;
  if (metrics.length === 0) return '';
  const parts: string[] = [];
  const shown = facts.changed.slice(0, plan.metricRows);
  if (!facts.hasBase) {
    if (shown.length > 0)
      parts.push(
        details(
          `Metrics: ${count(facts.changed.length, 'metric')}`,
          table(
            ['metric', 'value'],
            shown.map((m) => cachedRow(facts, m, () => noBaselineRow(m, facts.input))),
            ['l', 'r'],
          ),
        ),
      );
  } else if (facts.changed.length === 0) {
    parts.push(facts.withinNoise.length > 0 ? 'No metric changed beyond noise.' : 'No metric changed.');
  } else if (shown.length > 0) {
    parts.push(details(`Metrics: ${count(facts.changed.length, 'change')}`, metricTable(shown, facts)));
  }
  const hiddenRows = facts.changed.length - shown.length;
  if (hiddenRows > 0) {
    const noun = shown.length > 0 ? 'more metric' : facts.hasBase ? 'changed metric' : 'metric';
    parts.push(`${count(hiddenRows, noun)} not shown.`);
  }
  if (facts.withinNoise.length > 0) {
    const summary = `${count(facts.withinNoise.length, 'change')} within noise`;
    parts.push(
      plan.unchanged ? details(summary, metricTable(facts.withinNoise, facts)) : `${summary} not shown.`,
    );
  }
  if (facts.unchanged.length > 0) {
    const summary = count(facts.unchanged.length, 'unchanged metric');
    parts.push(
      plan.unchanged ? details(summary, metricTable(facts.unchanged, facts)) : `${summary} not shown.`,
    );
  }
  const notes = [
    facts.hasRepeats ? repeatsNote(facts) : '',
    noiseNote(facts),
    unknownNoiseNote(facts),
  ].filter((n) => n !== '');
  if (notes.length > 0) parts.push(`<sub>${notes.join(' ')}</sub>`);
  return parts.join('\n\n');
}

function repeatsNote(facts: Facts): string {
  const { head, base } = facts.input.comparison;
  const runs = `The pull request has ${count(head.runs, 'run')}${base === undefined ? '' : `, the baseline ${count(base.runs, 'run')}`}.`;
  return `${runs} With several runs (seeds, folds), a value is the mean ± standard deviation over n runs.`;
}

/** Changes of one run against one run, without history: what would tell them from noise. */
function unknownNoiseNote(facts: Facts): string {
  if (!facts.hasBase || !facts.changed.some((m) => m.delta !== undefined && m.noise === undefined)) return '';
  return "A change without a range is one run against one run: its noise is unknown. Run repeats (seeds) on both sides or give the base branch's history to tell changes from noise.";
}

/** What the range after a delta is, and when a change counts as beyond noise. */
function noiseNote(facts: Facts): string {
  if (!facts.hasBase) return '';
  const methods = new Set(facts.metrics.flatMap((m) => (m.noise ? [m.noise.method] : [])));
  if (methods.size === 0) return '';
  const from = [
    methods.has('welch') ? "the runs' own spread (Welch)" : '',
    methods.has('history')
      ? `the base branch's history${facts.input.comparison.history !== undefined ? ` (${escapeMarkdownText(shortenMiddle(facts.input.comparison.history.label, MAX_KEY))})` : ''}`
      : '',
  ]
    .filter((w) => w !== '')
    .join(' or ');
  return `The range after a delta is its 95% interval, from ${from}; a change whose interval contains 0 is within noise, not a regression or an improvement.`;
}

function metricTable(metrics: readonly MetricComparison[], facts: Facts): string {
  return table(
    ['metric', 'base', 'PR', 'delta', 'delta %', 'status'],
    metrics.map((m) => cachedRow(facts, m, () => metricRow(m, facts.input))),
    ['l', 'r', 'r', 'r', 'r', 'l'],
  );
}

function metricRow(m: MetricComparison, input: ReportInput): string[] {
  const settings = input.displayFor?.(m.key);
  const noise = m.noise;
  const delta =
    m.delta === undefined
      ? '—'
      : noise === undefined
        ? formatChange(m.delta, settings)
        : `${formatChange(m.delta, settings)} (${formatInterval(noise.ci, settings)})`;
  return [
    shortenMiddle(m.key, MAX_KEY),
    sideText(m.base, m.repeats?.base, settings),
    sideText(m.head, m.repeats?.head, settings),
    delta,
    m.deltaPercent === undefined ? '—' : formatPercent(m.deltaPercent),
    METRIC_MARK[m.status],
  ];
}

function noBaselineRow(m: MetricComparison, input: ReportInput): string[] {
  const head = sideText(m.head, m.repeats?.head, input.displayFor?.(m.key));
  const flagged = m.head !== undefined && !Number.isFinite(m.head) ? `⚠️ ${head}` : head;
  return [shortenMiddle(m.key, MAX_KEY), flagged];
}

function sideText(
  value: number | undefined,
  summary: SampleSummary | undefined,
  settings?: DisplaySettings,
): string {
  if (value === undefined) return '—';
  if (summary === undefined || summary.n < 2) return formatValue(value, settings);
  const sd = summary.sd === undefined ? '' : ` ± ${formatValue(summary.sd, settings, SPREAD_DIGITS)}`;
  return `${formatValue(summary.mean, settings)}${sd} (n=${summary.n})`;
}

// ---------------------------------------------------------------------------------------------
// Params, run, charts, files

function paramsSection(facts: Facts): string {
  if (facts.params.length === 0) return '';
  const body = table(
    ['parameter', 'base', 'PR'],
    facts.params.map((p) =>
      tableRow([
        shortenMiddle(p.key, MAX_KEY),
        paramText(p.base, p.status === 'added'),
        paramText(p.head, p.status === 'removed'),
      ]),
    ),
    ['l', 'l', 'l'],
  );
  return details(`Parameters: ${count(facts.params.length, 'change')}`, body);
}

function paramText(value: ParamValue | undefined, absent: boolean): string {
  if (absent || value === undefined) return '—';
  if (value === null) return 'null';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  return value === '' ? '""' : shortenMiddle(value, MAX_TEXT);
}

const PIPELINE_CHANGE_WORD: Record<PipelineRow['kind'], string> = {
  data: 'input data',
  param: 'parameter',
  command: 'command',
  stage: 'stage',
  code: 'code',
  input: "input (another stage's output)",
  output: 'output',
};

/**
 * The pipeline's changes between the base's dvc.lock and the pull request's, folded: one row per
 * change, the same change in several stages once, most telling first (dvc/rows.ts).
 */
function pipelineSection(facts: Facts, plan: Plan): string {
  const pipeline = facts.pipeline;
  if (pipeline === undefined) return '';
  const { diff, rows } = pipeline;
  const summary = `Pipeline (${escapeMarkdownText(shortenMiddle(diff.file, 80))}): ${pipelineSummary(diff)}${pipeline.data.length > 0 ? ', input data changed' : ''}`;
  const shown = rows.slice(0, plan.pipelineRows);
  if (shown.length === 0) return `${summary}; ${count(rows.length, 'change')} not shown.`;
  const body = table(
    ['stage', 'change', 'path or key', 'base', 'PR'],
    shown.map((row) => cachedRow(facts, row, () => pipelineRow(row))),
    ['l', 'l', 'l', 'l', 'l'],
  );
  const hidden = rows.length - shown.length;
  const more =
    hidden > 0
      ? `\n\n${count(hidden, shown.length > 0 ? 'more change' : 'change')} not shown; the log of the step that compared lists every one.`
      : '';
  const notes = [
    pipeline.shownAsOutputs > 0
      ? `${count(pipeline.shownAsOutputs, 'input')} made by another stage ${pipeline.shownAsOutputs === 1 ? 'is' : 'are'} listed once, as that stage's output.`
      : '',
    ...diff.notes.map((note) => escapeMarkdownText(shortenMiddle(note, MAX_TEXT))),
  ].filter((n) => n !== '');
  const intro = `Against the dvc.lock of ${escapeMarkdownText(shortenMiddle(diff.base, MAX_KEY))}.`;
  const sub = notes.length > 0 ? `\n\n<sub>${notes.join(' ')}</sub>` : '';
  return details(summary, `${intro}\n\n${body}${more}${sub}`);
}

function pipelineRow(row: PipelineRow): string[] {
  const word = PIPELINE_CHANGE_WORD[row.kind];
  const stages =
    row.stages.length > 3
      ? `${row.stages.slice(0, 3).join(', ')} and ${grouped(row.stages.length - 3)} more`
      : row.stages.join(', ');
  const subject = row.kind === 'command' || row.kind === 'stage' ? '—' : row.subject;
  return [
    shortenMiddle(stages, MAX_KEY),
    `${word} ${row.status}`,
    shortenMiddle(subject, MAX_KEY),
    shortenMiddle(row.base, 200),
    shortenMiddle(row.head, 200),
  ];
}

function runSection(facts: Facts): string {
  const run = facts.input.run;
  if (run === undefined) return '';
  const parts: string[] = [];
  if (run.commit !== undefined) {
    const commit = escapeMarkdownText(run.commit.slice(0, 7));
    parts.push(
      run.branch === undefined
        ? `commit ${commit}`
        : `commit ${commit} on ${escapeMarkdownText(shortenMiddle(run.branch, MAX_KEY))}`,
    );
  } else if (run.branch !== undefined) {
    parts.push(`branch ${escapeMarkdownText(shortenMiddle(run.branch, MAX_KEY))}`);
  }
  if (run.durationSeconds !== undefined) parts.push(`trained in ${formatDuration(run.durationSeconds)}`);
  if (run.runner !== undefined)
    parts.push(`runner ${escapeMarkdownText(shortenMiddle(run.runner, MAX_KEY))}`);
  const url = run.url === undefined ? undefined : safeUrl(run.url);
  if (url !== undefined) parts.push(`[CI run](${url})`);
  if (parts.length === 0) return '';
  return `Run: ${parts.join(' · ')}`;
}

/** `45 s`, `12 min 5 s`, `2 h 3 min`: a training time, to the second. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return formatNumber(seconds);
  if (seconds < 60)
    return `${formatNumber(seconds < 10 ? roundNoise(Math.round(seconds * 10) / 10) : Math.round(seconds))} s`;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h} h ${min} min` : `${min} min ${s} s`;
}

function chartImage(chart: ChartImage): string {
  const url = safeUrl(chart.url ?? chart.file);
  const alt = escapeMarkdownText(shortenMiddle(chart.alt, 1000));
  return url === undefined
    ? `*Chart not shown (not an http(s) or relative link):* ${alt}`
    : `![${alt}](${url})`;
}

/** The charts after the first one, folded, with what the plan left out. */
function moreChartsSection(charts: readonly ChartImage[], notes: readonly string[]): string {
  if (charts.length === 0 && notes.length === 0) return '';
  // Notes name metrics (file data), so they are escaped like every other text from files.
  const said = notes.map((note) => `*${escapeMarkdownText(shortenMiddle(note, MAX_TEXT))}*`);
  const body = [...charts.map(chartImage), ...said].join('\n\n');
  if (charts.length === 0) return body;
  return details(`More charts: ${grouped(charts.length)}`, body);
}

function sourcesSection(facts: Facts): string {
  if (facts.sources.length === 0) return '';
  const lines = facts.sources.map(({ side, source }) => {
    const warnings = source.warnings
      .slice(0, MAX_WARNINGS_PER_FILE)
      .map((w) => escapeMarkdownText(shortenMiddle(w, MAX_TEXT)));
    const more =
      source.warnings.length > MAX_WARNINGS_PER_FILE
        ? ` and ${grouped(source.warnings.length - MAX_WARNINGS_PER_FILE)} more`
        : '';
    const warned =
      warnings.length > 0
        ? ` — ⚠️ ${count(source.warnings.length, 'warning')}: ${warnings.join('; ')}${more}`
        : '';
    return `- ${side}: ${escapeMarkdownText(shortenMiddle(source.file, MAX_TEXT))} (${source.format})${warned}`;
  });
  const warnings = facts.sources.reduce((n, s) => n + s.source.warnings.length, 0);
  const summary = `Files read: ${grouped(facts.sources.length)}${warnings > 0 ? `, ⚠️ ${count(warnings, 'warning')}` : ''}`;
  return details(summary, lines.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// Small pieces

/**
 * A table of rendered rows (see tableRow) under a header of our own words. Delimiters are not
 * aligned: padding every cell to the widest one would spend the comment's length on spaces.
 */
function table(header: string[], rows: readonly string[], align: string[]): string {
  const head = markdownTable([header], { align, alignDelimiters: false });
  return rows.length === 0 ? head : `${head}\n${rows.join('\n')}`;
}

/** One row, formatted as markdown-table does without aligned delimiters; cells are escaped here and only here. */
function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(escapeTableCell).join(' | ')} |`;
}

function cachedRow(facts: Facts, source: object, cells: () => string[]): string {
  let row = facts.rows.get(source);
  if (row === undefined) {
    row = tableRow(cells());
    facts.rows.set(source, row);
  }
  return row;
}
