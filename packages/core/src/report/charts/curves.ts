import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { Comparison } from '../../compare/compare.js';
import type { DisplaySettings } from '../../config/config.js';
import { formatDelta, formatPercent, roundNoise } from '../../format.js';
import { matchKeys } from '../../gates/match.js';
import { joinKey, splitKey } from '../../keys.js';
import type { MetricsDoc, SeriesData, SeriesPoint } from '../../model.js';
import { DEFAULT_MAX_SERIES_POINTS } from '../../series.js';
import {
  axisOptions,
  bandFill,
  BASE_DASH,
  BASE_LINE_WIDTH,
  baseOptions,
  CHART_WIDTH,
  CURVE_HEIGHT,
  formatValue,
  HEAD_LINE_WIDTH,
  listWords,
  OKABE_ITO,
  plural,
  tickLabel,
  uniqueFileName,
  withAlpha,
  type ChartSpec,
} from './theme.js';

/**
 * Training curves: one chart per measure, so `train/loss` and `val/loss` share a chart. The side
 * is what a reviewer must tell apart first, so it has the colour: the pull request dark blue and
 * solid, the baseline light orange and dashed (two greys far apart, so it reads in greyscale and
 * at a comment's width), each named in the legend. Within a side the evaluation split is the
 * thick line and the train split the thin one. Pure: documents in, chart.js configurations out
 * (render with `renderChart`).
 *
 * Repeats (several runs per side, e.g. seeds) are one mean line with a band from the lowest to the
 * highest run, at the steps every run logged: twelve thin lines of three seeds cannot be read at
 * 830 px, while the band keeps the spread between seeds in view. Runs that logged at different
 * steps are each drawn instead, since a mean there would need resampling that invents points.
 *
 * Only what says something about the model is drawn by default: bookkeeping series (epoch, step,
 * learning rate, runtimes, throughputs, timestamps) and flat series (a 0.6% wobble would fill the
 * axis like a cliff) are left out and named in a note, unless a gate names them or the team asks
 * for them (`report.curves`).
 */

/** One series of a group: `val_loss` is the `val` split of the measure `loss`. */
export interface CurveMember {
  key: string;
  /** The split word as written (`val`, `eval`, `train`), or undefined for a key with none. */
  split?: string;
  /** What the legend calls it: the split, `train` for Keras' bare `loss` next to `val_loss`, or the key. */
  label: string;
}

export interface CurveGroup {
  /** The measure shared by the members (`loss`), or the key itself for a group of one. */
  key: string;
  members: CurveMember[];
  /** Why it ranks where it does. */
  reason: 'gate' | 'requested' | 'regressed' | 'evaluation' | 'other' | 'bookkeeping';
}

/** A group left out whatever the limit: it says nothing about the model, or nothing at all. */
export interface SkippedCurve {
  group: CurveGroup;
  why: 'bookkeeping' | 'flat';
  /** The lowest and highest value of a flat group, for the note that replaces its chart. */
  range?: [number, number];
}

export interface CurveOptions {
  /** At most this many charts (default 6). */
  limit?: number;
  /** Gates and regressions decide what is drawn first. */
  comparison?: Comparison;
  displayFor?(key: string): DisplaySettings;
  /** Points per line at most (default 2000, the readers' own budget); longer series are reduced. */
  maxPoints?: number;
  /** File names already used in the report, so curve files do not collide with others. */
  takenFiles?: Set<string>;
  /**
   * Keys or globs of series to draw even when they are bookkeeping or flat (`report.curves`):
   * ranked right after the gated ones.
   */
  include?: readonly string[];
}

export interface CurveSelection {
  chosen: CurveGroup[];
  /** Groups left out by the limit, in the order they would have come. */
  omitted: CurveGroup[];
  /** Bookkeeping and flat groups, alphabetically: not drawn unless gated or asked for. */
  skipped: SkippedCurve[];
}

/** A series whose every value lies within this share of its largest magnitude is flat. */
export const FLAT_SHARE = 0.01;

/**
 * The sides' colours: Okabe–Ito blue and orange, which colour-blind readers tell apart, and whose
 * greys (relative luminance 0.15 and 0.42) stay apart when printed or viewed in greyscale.
 */
export const SIDE_COLORS = { head: OKABE_ITO.blue, base: OKABE_ITO.orange } as const;

const SPLIT_WORDS: Record<string, 'train' | 'val' | 'test'> = {
  train: 'train',
  training: 'train',
  val: 'val',
  valid: 'val',
  validation: 'val',
  eval: 'val',
  evaluation: 'val',
  dev: 'val',
  test: 'test',
};
const SPLIT_ORDER = ['train', 'val', 'test'] as const;

const PREFIX = /^(train|training|val|valid|validation|eval|evaluation|dev|test)[_\-/ ](.+)$/i;
const SUFFIX = /^(.+?)[_\-/ ](train|training|val|valid|validation|eval|evaluation|dev|test)$/i;

/**
 * Splits a key into the measure and the split it belongs to: `train/loss` (key `train.loss`),
 * `loss.val`, `train_loss`, `eval_loss`, `loss_val`. A key without a split word has none
 * (`loss`, `epoch`).
 */
export function parseCurveKey(key: string): { measure: string; split?: string } {
  const segments = splitKey(key);
  if (segments.length > 1) {
    const i = segments.findIndex((s) => SPLIT_WORDS[s.toLowerCase()] !== undefined);
    if (i >= 0) {
      const rest = segments.filter((_, j) => j !== i);
      return { measure: joinKey(rest), split: segments[i]! };
    }
  }
  const last = segments[segments.length - 1]!;
  const parent = segments.slice(0, -1);
  const prefix = PREFIX.exec(last);
  if (prefix !== null) return { measure: joinKey([...parent, prefix[2]!]), split: prefix[1]! };
  const suffix = SUFFIX.exec(last);
  if (suffix !== null) return { measure: joinKey([...parent, suffix[1]!]), split: suffix[2]! };
  return { measure: key };
}

function splitClass(split: string | undefined): string | undefined {
  return split === undefined ? undefined : SPLIT_WORDS[split.toLowerCase()];
}

/**
 * Measures that describe the run rather than the model: the clock, the counters, the optimiser's
 * schedule, the machine's speed. Never drawn unless gated or asked for.
 */
const BOOKKEEPING =
  /(^|[./])(epoch|epochs|step|steps|global_step|learning_rate|lr|lr[-_][a-z0-9]+|total_flos|flos)$/i;
/** Suffixes: `eval_runtime`, `train_samples_per_second`; but `accuracy_step` is a metric per step. */
const BOOKKEEPING_SUFFIX = /(^|[._/])([a-z]*_?runtime|[a-z]+_per_second|[a-z]+_per_sec)$/i;
/** A clock, not a duration: `inference_time` is a model metric, `time` and `timestamp` are not. */
const CLOCK = /(^|[./])(time|timestamp|wall_?time|_timestamp|created_at)$/i;

/** Whether a key is bookkeeping (`epoch`, `eval_runtime`, `train_samples_per_second`, ...). */
export function isBookkeeping(key: string): boolean {
  return BOOKKEEPING.test(key) || BOOKKEEPING_SUFFIX.test(key) || CLOCK.test(key);
}

/** The lowest and highest finite value of a group on both sides, when it is flat. */
function flatRange(group: CurveGroup, docs: readonly MetricsDoc[]): [number, number] | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const doc of docs)
    for (const member of group.members)
      for (const p of doc.series[member.key]?.points ?? [])
        if (Number.isFinite(p.value)) {
          min = Math.min(min, p.value);
          max = Math.max(max, p.value);
        }
  if (!Number.isFinite(min)) return undefined;
  const scale = Math.max(Math.abs(min), Math.abs(max));
  return max - min <= FLAT_SHARE * scale ? [min, max] : undefined;
}

function drawable(series: SeriesData | undefined): boolean {
  return series !== undefined && series.points.length >= 2;
}

/** Groups every series of both sides by measure; groups of one are the series itself. */
export function curveGroups(head: readonly MetricsDoc[], base: readonly MetricsDoc[] = []): CurveGroup[] {
  const keys = new Set<string>();
  for (const doc of [...head, ...base]) {
    for (const [key, series] of Object.entries(doc.series)) if (drawable(series)) keys.add(key);
  }
  const byMeasure = new Map<string, CurveMember[]>();
  const bare: string[] = [];
  for (const key of [...keys].sort()) {
    const { measure, split } = parseCurveKey(key);
    if (split === undefined) {
      bare.push(key);
      continue;
    }
    const list = byMeasure.get(measure) ?? [];
    list.push({ key, split, label: split });
    byMeasure.set(measure, list);
  }
  // A bare `loss` next to `val_loss` (Keras) or `eval_loss` (Hugging Face) is the training loss.
  for (const key of bare) {
    const siblings = byMeasure.get(key);
    if (siblings === undefined) {
      byMeasure.set(key, [{ key, label: key }]);
    } else {
      const hasTrain = siblings.some((m) => splitClass(m.split) === 'train');
      siblings.push({ key, label: hasTrain ? key : 'train' });
    }
  }
  const groups: CurveGroup[] = [];
  for (const [measure, members] of byMeasure) {
    members.sort((a, b) => memberRank(a) - memberRank(b) || a.key.localeCompare(b.key));
    const only = members.length === 1 ? members[0]! : undefined;
    if (only !== undefined) only.label = only.key;
    groups.push({ key: only?.key ?? measure, members, reason: 'other' });
  }
  return groups;
}

function memberRank(member: CurveMember): number {
  const cls = member.label === 'train' ? 'train' : splitClass(member.split);
  const i = cls === undefined ? -1 : SPLIT_ORDER.indexOf(cls as (typeof SPLIT_ORDER)[number]);
  return i >= 0 ? i : SPLIT_ORDER.length;
}

/**
 * Which curve groups get a chart, most important first: metrics named by gates (failing ones
 * first), then those the team asked for (`include`), then metrics that regressed, then
 * evaluation curves (a val, eval or test split), then the rest, alphabetically. Bookkeeping and
 * flat groups are `skipped` unless gated or asked for; what the limit leaves out is `omitted`, so
 * the report can say both.
 */
export function selectCurveGroups(
  head: readonly MetricsDoc[],
  base: readonly MetricsDoc[] | undefined,
  options: Pick<CurveOptions, 'limit' | 'comparison' | 'include'> = {},
): CurveSelection {
  const limit = Math.max(0, options.limit ?? 6);
  const groups = curveGroups(head, base ?? []);
  const docs = [...head, ...(base ?? [])];
  const gateRank = new Map<string, number>();
  const selectors: string[] = [];
  for (const result of options.comparison?.gates ?? []) {
    const rank = result.status === 'fail' || result.status === 'error' ? 0 : result.status === 'warn' ? 1 : 2;
    if (result.metric !== undefined)
      gateRank.set(result.metric, Math.min(rank, gateRank.get(result.metric) ?? 9));
    else selectors.push(result.gate.selector);
  }
  const include = options.include ?? [];
  const regressed = new Set(
    (options.comparison?.metrics ?? []).filter((m) => m.status === 'regressed').map((m) => m.key),
  );
  const skipped: SkippedCurve[] = [];
  const ranked: Array<{ group: CurveGroup; rank: number }> = [];
  for (const group of groups) {
    const keys = group.members.map((m) => m.key);
    const names = [group.key, ...keys];
    let rank = Math.min(...names.map((k) => gateRank.get(k) ?? 9));
    if (rank === 9 && selectors.some((s) => matchKeys(s, keys).length > 0)) rank = 2;
    const requested = include.some((s) => matchKeys(s, names).length > 0);
    if (rank < 9) group.reason = 'gate';
    else if (requested) {
      group.reason = 'requested';
      rank = 3;
    } else if (isBookkeeping(group.key)) {
      // Even when it "regressed": runtimes and throughputs move with the machine.
      group.reason = 'bookkeeping';
      skipped.push({ group, why: 'bookkeeping' });
      continue;
    } else if (keys.some((k) => regressed.has(k))) {
      group.reason = 'regressed';
      rank = 4;
    } else if (group.members.some((m) => ['val', 'test'].includes(splitClass(m.split) ?? ''))) {
      group.reason = 'evaluation';
      rank = 5;
    } else {
      group.reason = 'other';
      rank = 6;
    }
    const flat = rank >= 4 ? flatRange(group, docs) : undefined;
    if (flat !== undefined) {
      skipped.push({ group, why: 'flat', range: flat });
      continue;
    }
    ranked.push({ group, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || compareText(a.group.key, b.group.key));
  skipped.sort((a, b) => compareText(a.group.key, b.group.key));
  const ordered = ranked.map((r) => r.group);
  return { chosen: ordered.slice(0, limit), omitted: ordered.slice(limit), skipped };
}

/** Locale-independent, so every machine orders the same way. */
function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** The charts for the selected groups (see `selectCurveGroups`), in that order. */
export function curveCharts(
  head: readonly MetricsDoc[],
  base: readonly MetricsDoc[] | undefined,
  options: CurveOptions = {},
): ChartSpec[] {
  const { chosen } = selectCurveGroups(head, base, options);
  const taken = options.takenFiles ?? new Set<string>();
  return chosen.map((group) => curveChart(group, head, base ?? [], options, taken));
}

interface Line {
  member: CurveMember;
  side: 'head' | 'base';
  /** The run's index, or -1 for the mean of the side's runs. */
  run: number;
  series: SeriesData;
  /** For a mean line: the lowest and highest run at each of its points, and the runs' last values. */
  band?: { lower: number[]; upper: number[]; ends: number[] };
}

/**
 * The mean of a side's runs at the steps every run logged, with the lowest and highest run there.
 * Undefined when the runs share fewer than two steps, or fewer than half of the shortest run's:
 * then they logged at different steps and a mean would need invented points.
 */
export function meanSeries(
  runs: readonly SeriesData[],
): { series: SeriesData; lower: number[]; upper: number[] } | undefined {
  if (runs.length < 2) return undefined;
  const byStep = runs.map((r) => new Map(r.points.map((p) => [p.step, p.value])));
  const shortest = Math.min(...runs.map((r) => r.points.length));
  const steps = runs[0]!.points.map((p) => p.step).filter((step) => byStep.every((m) => m.has(step)));
  if (steps.length < 2 || steps.length < shortest / 2) return undefined;
  const points: SeriesPoint[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  let nonFinite = 0;
  for (const step of steps) {
    const values = byStep.map((m) => m.get(step)!);
    // A run that diverged at this step leaves a gap in the mean: it must not vanish into it.
    const finite = values.every(Number.isFinite);
    const value = finite ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
    if (!finite) nonFinite++;
    points.push({ step, value });
    lower.push(finite ? Math.min(...values) : NaN);
    upper.push(finite ? Math.max(...values) : NaN);
  }
  const finitePoints = points.filter((p) => Number.isFinite(p.value));
  const values = finitePoints.map((p) => p.value);
  const series: SeriesData = {
    points,
    stats: {
      ...runs[0]!.stats,
      count: points.length,
      nonFinite,
      last: points[points.length - 1]!,
      ...(values.length > 0
        ? {
            min: finitePoints.reduce((a, b) => (b.value < a.value ? b : a)),
            max: finitePoints.reduce((a, b) => (b.value > a.value ? b : a)),
          }
        : {}),
    },
  } as SeriesData;
  return { series, lower, upper };
}

/** How a member's line looks: the evaluation split thick, train thin, any further split dotted. */
function memberStyle(
  role: 'main' | 'train' | 'other',
  side: 'head' | 'base',
): { width: number; dash: number[] } {
  const isHead = side === 'head';
  if (role === 'train') return { width: isHead ? 1.25 : 1, dash: isHead ? [] : BASE_DASH };
  if (role === 'other') return { width: isHead ? 1.75 : 1.5, dash: isHead ? [2, 3] : [6, 3, 2, 3] };
  return { width: isHead ? HEAD_LINE_WIDTH : BASE_LINE_WIDTH, dash: isHead ? [] : BASE_DASH };
}

function memberRoles(members: readonly CurveMember[]): Map<string, 'main' | 'train' | 'other'> {
  const roles = new Map<string, 'main' | 'train' | 'other'>();
  let main = false;
  for (const m of members) {
    const cls = m.label === 'train' ? 'train' : splitClass(m.split);
    if (cls === 'train' && members.length > 1) roles.set(m.key, 'train');
    else if (!main) {
      roles.set(m.key, 'main');
      main = true;
    } else roles.set(m.key, 'other');
  }
  // Only train splits (`train_loss` and `train/loss` both): the first is the main line.
  if (!main && members.length > 0) roles.set(members[0]!.key, 'main');
  return roles;
}

/** One side's lines of one member: the mean with its band, or each run when they cannot be averaged. */
function sideLines(member: CurveMember, side: 'head' | 'base', docs: readonly MetricsDoc[]): Line[] {
  const runs = docs.flatMap((doc, run) => {
    const series = doc.series[member.key];
    return series === undefined ? [] : [{ run, series }];
  });
  if (runs.length > 1) {
    const mean = meanSeries(runs.map((r) => r.series));
    if (mean !== undefined)
      return [
        {
          member,
          side,
          run: -1,
          series: mean.series,
          band: { lower: mean.lower, upper: mean.upper, ends: runs.map((r) => r.series.stats.last.value) },
        },
      ];
  }
  return runs.map(({ run, series }) => ({ member, side, run, series }));
}

/** One group's chart. Exposed for callers that choose groups themselves. */
export function curveChart(
  group: CurveGroup,
  head: readonly MetricsDoc[],
  base: readonly MetricsDoc[],
  options: CurveOptions = {},
  taken: Set<string> = new Set(),
): ChartSpec {
  const cap = Math.max(10, options.maxPoints ?? DEFAULT_MAX_SERIES_POINTS);
  const lines: Line[] = [];
  for (const member of group.members) {
    lines.push(...sideLines(member, 'head', head), ...sideLines(member, 'base', base));
  }
  const single = group.members.length === 1;
  const roles = memberRoles(group.members);
  let min = Infinity;
  let max = -Infinity;
  const see = (v: number) => {
    if (Number.isFinite(v)) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  };
  for (const line of lines) {
    for (const p of line.series.points) see(p.value);
    for (const v of line.band?.lower ?? []) see(v);
    for (const v of line.band?.upper ?? []) see(v);
  }
  // Log scale when every value is positive and they span more than two decades: a loss falling
  // from 3 to 0.01 is a flat line near zero on a linear axis after the first few hundred steps.
  const log = min > 0 && Number.isFinite(max) && max / min > 100;
  const integerSteps = lines.every((l) => l.series.points.every((p) => Number.isInteger(p.step)));
  const headRuns = head.length;
  const baseRuns = base.length;
  const datasets: ChartDataset<'line', Array<{ x: number; y: number | null }>>[] = [];
  const labelled = new Set<string>();
  for (const line of lines) {
    const color = SIDE_COLORS[line.side];
    const isHead = line.side === 'head';
    const side = isHead ? 'pull request' : 'baseline';
    const style = memberStyle(roles.get(line.member.key) ?? 'main', line.side);
    const kept = capPoints(line.series.points, cap);
    const sparse = kept.length <= 60;
    const sideName = line.run === -1 ? `${side}, mean` : side;
    const name = single ? sideName : `${line.member.label} (${sideName})`;
    // One legend entry per member and side, however many runs are drawn.
    const label = labelled.has(name) ? '' : name;
    labelled.add(name);
    const point = (p: SeriesPoint, v: number) => ({ x: p.step, y: Number.isFinite(v) ? v : null });
    if (line.band !== undefined) {
      const index = new Map(line.series.points.map((p, i) => [p, i]));
      const edge = {
        label: '',
        borderColor: withAlpha(color, 0),
        backgroundColor: withAlpha(color, 0),
        borderWidth: 0,
        pointRadius: 0,
        pointHoverRadius: 0,
        spanGaps: false,
        fill: false,
        tension: 0,
        order: 3,
        normalized: isSorted(kept),
      };
      const { lower, upper } = line.band;
      datasets.push({
        ...edge,
        data: kept.map((p) => point(p, upper[index.get(p)!]!)),
        // The train split's band is fainter: the evaluation split's spread is what decides.
        mlciBandFill: withAlpha(color, roles.get(line.member.key) === 'train' ? 0.1 : 0.2),
      } as ChartDataset<'line', Array<{ x: number; y: number | null }>>);
      datasets.push({ ...edge, data: kept.map((p) => point(p, lower[index.get(p)!]!)) });
    }
    const each = line.run >= 0 && (isHead ? headRuns : baseRuns) > 1;
    datasets.push({
      label,
      data: kept.map((p) => point(p, p.value)),
      borderColor: each ? withAlpha(color, 0.75) : color,
      backgroundColor: color,
      borderWidth: style.width * (each ? 0.7 : 1),
      borderDash: style.dash,
      pointRadius: sparse ? (isHead ? 2.5 : 2) : 0,
      pointStyle: isHead ? 'circle' : 'rect',
      pointBorderWidth: 0,
      pointHoverRadius: 0,
      spanGaps: false,
      fill: false,
      tension: 0,
      // Lower order is drawn last, so the pull request's lines lie on top of the baseline's.
      order: isHead ? 0 : 1,
      normalized: isSorted(kept),
    });
  }

  const measure = single ? group.key : `${group.key}: ${group.members.map((m) => m.label).join(' vs ')}`;
  const notes: string[] = [];
  const averaged = lines.some((l) => l.band !== undefined);
  const eachDrawn = lines.some((l) => l.run >= 0 && (l.side === 'head' ? headRuns : baseRuns) > 1);
  if (averaged) {
    notes.push(
      baseRuns > 1 && headRuns > 1 && baseRuns !== headRuns
        ? `lines: the mean of ${headRuns} runs of the pull request and ${baseRuns} of the baseline; shaded: from the lowest to the highest run`
        : `lines: the mean of ${plural(Math.max(headRuns, baseRuns), 'run')}${headRuns > 1 && baseRuns > 1 ? ' per side' : headRuns > 1 ? ' of the pull request' : ' of the baseline'}; shaded: from the lowest to the highest run`,
    );
  }
  if (eachDrawn) {
    const runs = headRuns > 1 ? headRuns : baseRuns;
    notes.push(`${plural(runs, 'run')}, logged at different steps, each drawn`);
  }
  const gaps = gapNotes(lines, single);
  if (gaps.length > 0) notes.push(`gaps are NaN or infinite values`);
  if (log) notes.push('log scale');
  const title = `${measure} by step`;
  const subtitle = notes.length > 0 ? capitalize(notes.join('; ')) : undefined;
  const options_ = baseOptions(title, subtitle);
  const yAxis = axisOptions(undefined);
  const config = {
    type: 'line',
    data: { datasets },
    ...(averaged ? { plugins: [bandFill] } : {}),
    options: {
      ...options_,
      parsing: false,
      plugins: {
        ...options_.plugins,
        legend: {
          ...options_.plugins?.legend,
          labels: {
            ...options_.plugins?.legend?.labels,
            // A zero-height box draws the line itself, dash and width included, not a filled box.
            boxHeight: 0,
            filter: (item: { text: string }) => item.text !== '',
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          ...axisOptions('step'),
          ticks: {
            ...(axisOptions('step').ticks as object),
            callback: tickLabel,
            maxRotation: 0,
            // Whole steps get whole ticks: no "step 0.5" on a three-epoch run.
            ...(integerSteps ? { precision: 0 } : {}),
          },
        },
        y: {
          type: log ? 'logarithmic' : 'linear',
          ...yAxis,
          // A log axis ends on round values (1, 2 or 5 times a power of ten) so both ends are labelled.
          ...(log ? logBounds(min, max) : {}),
          ticks: {
            ...(yAxis.ticks as object),
            callback: tickLabel,
            ...(log ? { autoSkip: false } : { autoSkipPadding: 8 }),
          },
        },
      },
    },
  } as unknown as ChartConfiguration;

  return {
    file: uniqueFileName('curve', group.key, taken),
    title,
    alt: altText(group, lines, { single, log, gaps, headRuns, baseRuns }, options),
    config,
    width: CHART_WIDTH,
    height: CURVE_HEIGHT,
  };
}

/**
 * A log axis from and to round values (1, 2 or 5 times a power of ten), so both ends are labelled,
 * with ticks (and gridlines) only at 1-2-5 values, or at powers of ten when that would be more than
 * a dozen: chart.js's own log ticks put a gridline at every integer multiple.
 */
function logBounds(min: number, max: number): Record<string, unknown> {
  const lo = niceLog(min, 'down');
  const hi = niceLog(max, 'up');
  const ticks: number[] = [];
  for (let p = Math.floor(Math.log10(lo)) - 1; p <= Math.ceil(Math.log10(hi)) + 1; p++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** p).toPrecision(12));
      if (v >= lo && v <= hi) ticks.push(v);
    }
  }
  const values = ticks.length > 12 ? ticks.filter((v) => /^1(e|$)/.test(v.toExponential())) : ticks;
  if (!values.includes(lo)) values.unshift(lo);
  if (!values.includes(hi)) values.push(hi);
  return {
    min: lo,
    max: hi,
    afterBuildTicks: (axis: { ticks: { value: number }[] }) => {
      axis.ticks = values.map((value) => ({ value }));
    },
  };
}

/** The nearest 1, 2 or 5 times a power of ten below (`down`) or above (`up`) a positive value. */
export function niceLog(value: number, way: 'down' | 'up'): number {
  const power = Math.floor(Math.log10(value));
  const candidates: number[] = [];
  for (let p = power - 1; p <= power + 1; p++)
    for (const m of [1, 2, 5]) candidates.push(Number((m * 10 ** p).toPrecision(12)));
  return way === 'down'
    ? Math.max(...candidates.filter((c) => c <= value))
    : Math.min(...candidates.filter((c) => c >= value));
}

function isSorted(points: readonly SeriesPoint[]): boolean {
  for (let i = 1; i < points.length; i++) if (!(points[i]!.step > points[i - 1]!.step)) return false;
  return true;
}

/**
 * At most `cap` points. The readers already keep a shape-preserving selection of 2000 points, so
 * this only acts on documents built with a larger budget: equal step buckets keep their first,
 * lowest, highest and last point (and a non-finite one, so divergence stays visible).
 */
export function capPoints(points: readonly SeriesPoint[], cap: number): readonly SeriesPoint[] {
  if (points.length <= cap) return points;
  const buckets = Math.max(1, Math.floor(cap / 5));
  const first = points[0]!.step;
  const span = points[points.length - 1]!.step - first || 1;
  const keep = new Uint8Array(points.length);
  let start = 0;
  for (let b = 0; b < buckets && start < points.length; b++) {
    const end = b === buckets - 1 ? first + span + 1 : first + ((b + 1) * span) / buckets;
    let i = start;
    let lo = -1;
    let hi = -1;
    let bad = -1;
    for (; i < points.length && (points[i]!.step < end || b === buckets - 1); i++) {
      const v = points[i]!.value;
      if (!Number.isFinite(v)) {
        if (bad < 0) bad = i;
        continue;
      }
      if (lo < 0 || v < points[lo]!.value) lo = i;
      if (hi < 0 || v > points[hi]!.value) hi = i;
    }
    if (i > start) {
      keep[start] = 1;
      keep[i - 1] = 1;
      if (lo >= 0) keep[lo] = 1;
      if (hi >= 0) keep[hi] = 1;
      if (bad >= 0) keep[bad] = 1;
    }
    start = i;
  }
  return points.filter((_, i) => keep[i] === 1);
}

interface GapNote {
  member: CurveMember;
  side: 'head' | 'base';
  count: number;
}

function gapNotes(lines: readonly Line[], single: boolean): string[] {
  const notes: GapNote[] = [];
  for (const line of lines) {
    if (line.series.stats.nonFinite === 0) continue;
    const found = notes.find((n) => n.member === line.member && n.side === line.side);
    if (found !== undefined) found.count += line.series.stats.nonFinite;
    else notes.push({ member: line.member, side: line.side, count: line.series.stats.nonFinite });
  }
  return notes.map((n) => {
    const whose = n.side === 'head' ? "the pull request's" : "the baseline's";
    const curve = single ? 'curve' : `${n.member.label} curve`;
    return `${whose} ${curve} has ${plural(n.count, 'NaN or infinite value')}, drawn as ${n.count === 1 ? 'a gap' : 'gaps'}`;
  });
}

function altText(
  group: CurveGroup,
  lines: readonly Line[],
  facts: { single: boolean; log: boolean; gaps: string[]; headRuns: number; baseRuns: number },
  options: CurveOptions,
): string {
  const parts = group.members.map((member) => {
    const settings = options.displayFor?.(member.key);
    const of = (side: 'head' | 'base') => lines.filter((l) => l.member === member && l.side === side);
    const ends = (side: 'head' | 'base') => of(side).map((l) => l.series.stats.last.value);
    const range = (values: number[]): string => {
      const finite = values.filter(Number.isFinite);
      if (finite.length === 0) return `non-finite in all ${values.length} runs`;
      const lo = Math.min(...finite);
      const hi = Math.max(...finite);
      return lo === hi
        ? `all ${values.length} runs at ${formatValue(lo, settings)}`
        : `runs between ${formatValue(lo, settings)} and ${formatValue(hi, settings)}`;
    };
    const describe = (values: number[]): string => {
      if (values.length === 1) return `at ${formatValue(values[0]!, settings)}`;
      const finite = values.filter(Number.isFinite);
      if (finite.length === 0) return `on non-finite values in all ${values.length} runs`;
      const lo = Math.min(...finite);
      const hi = Math.max(...finite);
      return lo === hi
        ? `at ${formatValue(lo, settings)} in all ${values.length} runs`
        : `between ${formatValue(lo, settings)} and ${formatValue(hi, settings)} over ${values.length} runs`;
    };
    const mean = (side: 'head' | 'base') => of(side).find((l) => l.band !== undefined);
    const who = facts.single ? '' : `${member.label}: `;
    const text: string[] = [];
    const h = ends('head');
    const b = ends('base');
    const headMean = mean('head');
    const baseMean = mean('base');
    if (headMean !== undefined)
      text.push(
        `pull request's mean of ${headMean.band!.ends.length} runs ends at ${formatValue(headMean.series.stats.last.value, settings)} (${range(headMean.band!.ends)})`,
      );
    else if (h.length > 0) text.push(`pull request ends ${describe(h)}`);
    else text.push('not in the pull request');
    if (baseMean !== undefined) {
      const change =
        headMean !== undefined
          ? changeText(headMean.series.stats.last.value, baseMean.series.stats.last.value)
          : '';
      text.push(
        `baseline's ${headMean !== undefined ? 'at' : `mean of ${baseMean.band!.ends.length} runs ends at`} ${formatValue(baseMean.series.stats.last.value, settings)} (${range(baseMean.band!.ends)})${change}`,
      );
    } else if (b.length > 0) {
      let change = '';
      if (h.length === 1 && b.length === 1) change = changeText(h[0]!, b[0]!);
      text.push(`baseline ${describe(b)}${change}`);
    } else if (facts.baseRuns > 0) text.push('not in the baseline');
    return `${who}${text.join(', ')}`;
  });
  const sentence = `${group.members.length === 1 ? group.key : `${group.key} (${listWords(group.members.map((m) => m.label))})`} by step${facts.log ? ', log scale' : ''}: ${parts.join('; ')}.`;
  const extra = facts.gaps.map((g) => `${capitalize(g)}.`);
  return [sentence, ...extra].join(' ');
}

function changeText(head: number, base: number): string {
  if (!Number.isFinite(head) || !Number.isFinite(base)) return '';
  const delta = roundNoise(head - base);
  if (delta === 0) return ', unchanged';
  return base !== 0
    ? ` (change ${formatPercent(roundNoise((delta / Math.abs(base)) * 100))})`
    : ` (change ${formatDelta(delta, 4)})`;
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
