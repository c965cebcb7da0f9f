import type { Comparison } from '../../compare/compare.js';
import type { DisplaySettings } from '../../config/config.js';
import type { MetricsDoc } from '../../model.js';
import type { ChartImage } from '../model.js';
import type { ConfusionMatrix, PrCurve, RocCurve } from '../../plots/model.js';
import { changeChart } from './change.js';
import { confusionCharts } from './confusion.js';
import { precisionRecallChart, rocChart } from './roc.js';
import { curveCharts, FLAT_SHARE, selectCurveGroups, type CurveGroup } from './curves.js';
import { meanMetrics } from '../../history.js';
import { BAND_LOOKBACK, BAND_Z, historyChart, type HistoryEntry } from './history.js';
import { formatValue, listWords, plural, type ChartSpec } from './theme.js';

/**
 * Which charts a report gets, in the order it shows them:
 * 0. first, the chart that explains the verdict, since the report's first screen shows only
 *    `specs[0]`: the curve of a failed (then warned) gate's metric when there is one, else the
 *    order below, which starts with the change chart;
 * 1. the metric-change chart (when there is a baseline and something changed): the overview;
 * 2. the evaluation plots (confusion matrix and its change, ROC, precision-recall), when given;
 * 3. training curves, at most `maxCurves` (default 6): gated metrics, then those asked for
 *    (`report.curves`), regressed ones, evaluation curves, the rest; never bookkeeping series
 *    (epoch, learning rate, runtime, throughput) or flat ones unless gated or asked for;
 * 4. the base-branch history of the gated metrics, when past documents were given.
 * `notes` says in words what was left out, for the report to print under the charts.
 */
export interface ChartPlanInput {
  comparison: Comparison;
  head: readonly MetricsDoc[];
  base?: readonly MetricsDoc[];
  /** Past documents of the base branch, oldest first. */
  history?: readonly HistoryEntry[];
  /** Metrics to trend; default: the gated metrics that the history has and that share a scale. */
  historyKeys?: readonly string[];
  /** The base branch, for the history chart's title. */
  branch?: string;
  displayFor?(key: string): DisplaySettings;
  /** Evaluation plots of the pull request and, when known, of the baseline. */
  confusion?: { head: ConfusionMatrix; base?: ConfusionMatrix };
  roc?: { head: RocCurve; base?: RocCurve };
  pr?: { head: PrCurve; base?: PrCurve };
}

export interface ChartPlanOptions {
  maxCurves?: number;
  maxBars?: number;
  /** At most this many metrics in the history chart (default 3). */
  maxHistoryKeys?: number;
  /** Series to draw even when bookkeeping or flat: `report.curves` of .mlci.yml (keys or globs). */
  curves?: readonly string[];
}

export interface ChartPlan {
  specs: ChartSpec[];
  omittedCurves: CurveGroup[];
  notes: string[];
}

export function planCharts(input: ChartPlanInput, options: ChartPlanOptions = {}): ChartPlan {
  const taken = new Set<string>();
  const specs: ChartSpec[] = [];
  const notes: string[] = [];
  const displayFor = input.displayFor;

  const change = changeChart(input.comparison, {
    ...(options.maxBars !== undefined ? { limit: options.maxBars } : {}),
    ...(displayFor !== undefined ? { displayFor } : {}),
    takenFiles: taken,
  });
  if (change !== undefined) specs.push(change);

  if (input.confusion !== undefined) {
    specs.push(...confusionCharts(input.confusion.head, input.confusion.base, { takenFiles: taken }));
  }
  if (input.roc !== undefined) specs.push(rocChart(input.roc.head, input.roc.base, { takenFiles: taken }));
  if (input.pr !== undefined) {
    specs.push(precisionRecallChart(input.pr.head, input.pr.base, { takenFiles: taken }));
  }

  const limit = options.maxCurves ?? 6;
  const include = options.curves ?? [];
  const selection = selectCurveGroups(input.head, input.base, {
    limit,
    comparison: input.comparison,
    include,
  });
  const curves = curveCharts(input.head, input.base, {
    limit,
    comparison: input.comparison,
    include,
    takenFiles: taken,
    ...(displayFor !== undefined ? { displayFor } : {}),
  });
  // The curve of a failed, else warned, gate's metric explains the verdict best: it goes first.
  const explaining = selection.chosen.findIndex(
    (g) => g.reason === 'gate' && gateRankOf(input.comparison, g) <= 1,
  );
  if (explaining >= 0) specs.unshift(curves.splice(explaining, 1)[0]!);
  specs.push(...curves);
  if (selection.omitted.length > 0) {
    const names = selection.omitted.map((g) => g.key);
    const shown = names.slice(0, 10);
    const more = names.length > shown.length ? ` and ${names.length - shown.length} more` : '';
    notes.push(
      `${plural(selection.omitted.length, 'more training curve')} not drawn (at most ${limit} are): ${shown.join(', ')}${more}.`,
    );
  }
  const bookkeeping = selection.skipped.filter((s) => s.why === 'bookkeeping').map((s) => s.group.key);
  if (bookkeeping.length > 0)
    notes.push(
      `Bookkeeping series not drawn: ${listWords(bookkeeping)} (name one under report.curves in .mlci.yml to draw it).`,
    );
  const flat = selection.skipped.filter((s) => s.why === 'flat');
  if (flat.length > 0)
    notes.push(
      `Flat, so not drawn (every value within ${FLAT_SHARE * 100}% of the largest): ${flat
        .map((s) => {
          const [lo, hi] = s.range!;
          const settings = displayFor?.(s.group.members[0]!.key);
          return lo === hi
            ? `${s.group.key} ${formatValue(lo, settings)}`
            : `${s.group.key} ${formatValue(lo, settings)} to ${formatValue(hi, settings)}`;
        })
        .join('; ')}.`,
    );

  if (input.history !== undefined && input.history.length > 0) {
    const keys = input.historyKeys ?? defaultHistoryKeys(input, options.maxHistoryKeys ?? 3);
    // The pull request's point is the mean of its runs, as each commit's is.
    const current: HistoryEntry = {
      label: 'this pull request',
      doc: { ...input.head[0]!, metrics: meanMetrics(input.head) },
      runs: input.head.length,
    };
    // The noise band uses the run-to-run noise the comparison took from the same history.
    const noise = new Map(
      input.comparison.metrics.flatMap((m) =>
        m.noise?.history !== undefined ? [[m.key, m.noise.history] as const] : [],
      ),
    );
    const history = historyChart(input.history, keys, input.head.length > 0 ? current : undefined, {
      takenFiles: taken,
      noiseOf: (key) => noise.get(key)?.sd,
      ...(displayFor !== undefined ? { displayFor } : {}),
      ...(input.branch !== undefined ? { branch: input.branch } : {}),
    });
    if (history !== undefined) specs.push(history);
    const banded = keys.filter((key) => noise.has(key));
    if (history !== undefined && banded.length > 0) {
      const records = noise.get(banded[0]!)!.records;
      notes.push(
        `The history chart's shaded band: where a point lands if nothing changed, the mean of the ${BAND_LOOKBACK} commits before it ± ${BAND_Z} standard errors of the run-to-run noise that the statistics estimated from ${plural(records, 'record')} of the base branch (a point of n runs after m runs: ${BAND_Z}σ√(1/n + 1/m)). About 1 point in 20 lands outside it by chance.`,
      );
    }
    if (history === undefined && keys.length > 0)
      notes.push(
        `No history chart: fewer than two past commits of the base branch have ${listWords(keys.map((k) => k))}.`,
      );
  }
  return { specs, omittedCurves: selection.omitted, notes };
}

/** 0 for a group whose metric failed a gate (or could not be evaluated), 1 warned, 2 passed, 9 none. */
function gateRankOf(comparison: Comparison, group: CurveGroup): number {
  const names = new Set([group.key, ...group.members.map((m) => m.key)]);
  let rank = 9;
  for (const result of comparison.gates) {
    if (result.metric === undefined || !names.has(result.metric)) continue;
    const r = result.status === 'fail' || result.status === 'error' ? 0 : result.status === 'warn' ? 1 : 2;
    rank = Math.min(rank, r);
  }
  return rank;
}

/**
 * The gated metrics (failing first) that at least two past documents have; then only those within
 * a factor of ten of the first one's magnitude, so they can share an axis without one flattening
 * the others.
 */
export function defaultHistoryKeys(input: ChartPlanInput, max: number): string[] {
  const order = { fail: 0, error: 0, warn: 1, pass: 2, neutral: 3 } as const;
  const gated = [...input.comparison.gates]
    .filter((g) => g.metric !== undefined)
    .sort((a, b) => order[a.status] - order[b.status])
    .map((g) => g.metric!);
  const history = input.history ?? [];
  const present = [...new Set(gated)].filter(
    (key) =>
      history.filter((h) => Object.hasOwn(h.doc.metrics, key) && Number.isFinite(h.doc.metrics[key]))
        .length >= 2,
  );
  if (present.length === 0) return [];
  const magnitude = (key: string): number => {
    const values = history.map((h) => Math.abs(h.doc.metrics[key] ?? NaN)).filter(Number.isFinite);
    return values.length === 0 ? 0 : Math.max(...values);
  };
  const reference = magnitude(present[0]!);
  return present
    .filter((key) => {
      const m = magnitude(key);
      return reference === 0 ? m === 0 : m > 0 && m / reference <= 10 && reference / m <= 10;
    })
    .slice(0, Math.max(1, max));
}

/** What the report model needs to show a rendered spec. */
export function chartImage(spec: ChartSpec): ChartImage {
  return { file: spec.file, alt: spec.alt, title: spec.title, width: spec.width, height: spec.height };
}
