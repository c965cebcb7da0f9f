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
  seriesColor,
  tickLabel,
  uniqueFileName,
  withAlpha,
  type ChartSpec,
} from './theme.js';

/**
 * Training curves: one chart per measure, the pull request's runs solid over the baseline's
 * dashed, one colour per split (train, validation, test) so `train/loss` and `val/loss` share a
 * chart. Pure: documents in, chart.js configurations out (render with `renderChart`).
 *
 * Repeats (several runs per side, e.g. seeds) are all drawn, thinner and slightly transparent,
 * rather than averaged: runs log at different steps, so a mean curve would need resampling that
 * could invent points, and the spread between seeds is itself what a reviewer wants to see.
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
  reason: 'gate' | 'regressed' | 'other' | 'bookkeeping';
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
}

export interface CurveSelection {
  chosen: CurveGroup[];
  /** Groups left out by the limit, in the order they would have come. */
  omitted: CurveGroup[];
}

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
const SPLIT_COLORS: Record<string, string> = {
  train: OKABE_ITO.blue,
  val: OKABE_ITO.vermillion,
  test: OKABE_ITO.bluishGreen,
};
const OTHER_COLORS = [OKABE_ITO.reddishPurple, OKABE_ITO.orange, OKABE_ITO.skyBlue, OKABE_ITO.black];

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

/** Measures that describe the run rather than the model: drawn only when room is left. */
const BOOKKEEPING =
  /(^|[._])(epoch|epochs|step|steps|global_step|learning_rate|lr|runtime|total_flos|flos|timestamp|wall_?time|[a-z]+_per_second)$/i;

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
 * first), then metrics that regressed, then the rest alphabetically, then bookkeeping series
 * (epoch, learning rate, runtime, throughput) alphabetically, regressed or not (unless gated). The rest is `omitted`, so the
 * report can say what it left out.
 */
export function selectCurveGroups(
  head: readonly MetricsDoc[],
  base: readonly MetricsDoc[] | undefined,
  options: Pick<CurveOptions, 'limit' | 'comparison'> = {},
): CurveSelection {
  const limit = Math.max(0, options.limit ?? 6);
  const groups = curveGroups(head, base ?? []);
  const gateRank = new Map<string, number>();
  const selectors: string[] = [];
  for (const result of options.comparison?.gates ?? []) {
    const rank = result.status === 'fail' || result.status === 'error' ? 0 : result.status === 'warn' ? 1 : 2;
    if (result.metric !== undefined)
      gateRank.set(result.metric, Math.min(rank, gateRank.get(result.metric) ?? 9));
    else selectors.push(result.gate.selector);
  }
  const regressed = new Set(
    (options.comparison?.metrics ?? []).filter((m) => m.status === 'regressed').map((m) => m.key),
  );
  const ranked = groups.map((group) => {
    const keys = group.members.map((m) => m.key);
    let rank = Math.min(...keys.map((k) => gateRank.get(k) ?? 9));
    if (rank === 9 && selectors.some((s) => matchKeys(s, keys).length > 0)) rank = 2;
    if (rank < 9) group.reason = 'gate';
    else if (BOOKKEEPING.test(group.key)) {
      // Even when it "regressed": runtimes and throughputs move with the machine, and must not
      // push a model metric's curve out.
      group.reason = 'bookkeeping';
      rank = 5;
    } else if (keys.some((k) => regressed.has(k))) {
      group.reason = 'regressed';
      rank = 3;
    } else rank = 4;
    return { group, rank };
  });
  ranked.sort((a, b) => a.rank - b.rank || compareText(a.group.key, b.group.key));
  const ordered = ranked.map((r) => r.group);
  return { chosen: ordered.slice(0, limit), omitted: ordered.slice(limit) };
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
  run: number;
  series: SeriesData;
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
    head.forEach((doc, run) => {
      const series = doc.series[member.key];
      if (series !== undefined) lines.push({ member, side: 'head', run, series });
    });
    base.forEach((doc, run) => {
      const series = doc.series[member.key];
      if (series !== undefined) lines.push({ member, side: 'base', run, series });
    });
  }
  const single = group.members.length === 1;
  const colors = memberColors(group.members);
  let min = Infinity;
  let max = -Infinity;
  for (const line of lines) {
    for (const p of line.series.points) {
      if (Number.isFinite(p.value)) {
        min = Math.min(min, p.value);
        max = Math.max(max, p.value);
      }
    }
  }
  // Log scale when every value is positive and they span more than two decades: a loss falling
  // from 3 to 0.01 is a flat line near zero on a linear axis after the first few hundred steps.
  const log = min > 0 && Number.isFinite(max) && max / min > 100;
  const integerSteps = lines.every((l) => l.series.points.every((p) => Number.isInteger(p.step)));
  const headRuns = head.length;
  const baseRuns = base.length;
  const datasets: ChartDataset<'line', Array<{ x: number; y: number | null }>>[] = lines.map((line) => {
    const color = colors.get(line.member.key)!;
    const isHead = line.side === 'head';
    const runs = isHead ? headRuns : baseRuns;
    const side = isHead ? 'pull request' : 'baseline';
    const points = capPoints(line.series.points, cap);
    const sparse = points.length <= 60;
    const label = line.run > 0 ? '' : single ? side : `${line.member.label} (${side})`;
    return {
      label,
      data: points.map((p) => ({ x: p.step, y: Number.isFinite(p.value) ? p.value : null })),
      borderColor: runs > 1 ? withAlpha(color, 0.7) : color,
      backgroundColor: color,
      borderWidth: (isHead ? HEAD_LINE_WIDTH : BASE_LINE_WIDTH) * (runs > 1 ? 0.6 : 1),
      borderDash: isHead ? [] : BASE_DASH,
      pointRadius: sparse ? (isHead ? 2.5 : 2) : 0,
      pointStyle: isHead ? 'circle' : 'rect',
      pointBorderWidth: 0,
      pointHoverRadius: 0,
      spanGaps: false,
      fill: false,
      tension: 0,
      // Lower order is drawn last, so the pull request's lines lie on top of the baseline's.
      order: isHead ? 0 : 1,
      normalized: isSorted(points),
    };
  });

  const measure = single ? group.key : `${group.key}: ${group.members.map((m) => m.label).join(' vs ')}`;
  const notes: string[] = [];
  if (headRuns > 1 || baseRuns > 1) {
    notes.push(
      baseRuns > 0 && baseRuns !== headRuns
        ? `${plural(headRuns, 'run')} of the pull request, ${plural(baseRuns, 'run')} of the baseline, each drawn`
        : `${plural(headRuns, 'run')} per side, each drawn`,
    );
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
    options: {
      ...options_,
      parsing: false,
      plugins: {
        ...options_.plugins,
        legend: {
          ...options_.plugins?.legend,
          labels: {
            ...options_.plugins?.legend?.labels,
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

function memberColors(members: readonly CurveMember[]): Map<string, string> {
  const colors = new Map<string, string>();
  if (members.length === 1) {
    colors.set(members[0]!.key, seriesColor(0));
    return colors;
  }
  const used = new Set<string>();
  let other = 0;
  for (const m of members) {
    const cls = m.label === 'train' ? 'train' : splitClass(m.split);
    let color = cls === undefined ? undefined : SPLIT_COLORS[cls];
    // Two members of one class (`val` and `eval`) still need two colours.
    if (color === undefined || used.has(color)) color = OTHER_COLORS[other++ % OTHER_COLORS.length]!;
    used.add(color);
    colors.set(m.key, color);
  }
  return colors;
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
    const ends = (side: 'head' | 'base') =>
      lines.filter((l) => l.member === member && l.side === side).map((l) => l.series.stats.last.value);
    const h = ends('head');
    const b = ends('base');
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
    const who = facts.single ? '' : `${member.label}: `;
    const text: string[] = [];
    if (h.length > 0) text.push(`pull request ends ${describe(h)}`);
    else text.push('not in the pull request');
    if (b.length > 0) {
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
