/**
 * What the report's drift charts draw (docs/drift.md, "In the report"): for one compared column,
 * the share of each side's non-missing values per bin (numbers) or per category, as plain JSON
 * stored on `ColumnDrift.histogram`, so a DriftReport read back from drift.json draws the same
 * charts. Bounded whatever the table: at most MAX_BINS + 2 bins or MAX_CATEGORIES_SHOWN + 1
 * categories per column.
 *
 * Numbers get shared, equal-width bins over both sides (numpy's convention: each bin [a, b), the
 * last [a, b]), with a "nice" width (1, 2, 2.5 or 5 times a power of ten) and edges on multiples of
 * it, about TARGET_BINS of them. The range is the two sides' 0.5% to 99.5% quantiles, widened to
 * the smallest and largest value unless that tail is longer than half the range: then the outer
 * bin is open-ended and says so in its label ("< -40", "≥ 120"), so one outlier does not squash
 * every other value into one bar. A column of whole numbers gets whole-number bins: [a, a + w)
 * holds a ... a + w - 1 and is labelled so.
 *
 * The shares come from the values themselves while a column holds all of them (at most 10,000),
 * else from its KLL sketch: each edge's rank is then within SKETCH_RANK_ERROR (0.5%) of the true
 * one, so each bin's share is within 2 x 0.5% = 1% of the exact share (tested on 100,000 values in
 * test/core/data/histogram.test.ts; measured at most 0.08 points).
 */
import { formatNumber } from '../format.js';
import type { ColumnProfile } from './profile.js';
import { SKETCH_RANK_ERROR, sampleQuantile, type WeightedSample } from './sketch.js';
import { clip } from './types.js';

/** Bins a numeric histogram aims for over its range (a nice width gives between 8 and 20 or so). */
export const TARGET_BINS = 20;
/** Most bins between the edges (the open-ended outer bins come on top). */
export const MAX_BINS = 40;
/** Categories drawn; the others are summed as "other (N values)". */
export const MAX_CATEGORIES_SHOWN = 10;
/** The range's quantiles, on each side: what the bins cover before the tails. */
export const RANGE_QUANTILE = 0.005;
/** A tail (from the range to the smallest or largest value) longer than this share of the range gets an open bin. */
export const OPEN_TAIL = 0.5;
/** The most a sketched share can be off: two edges, each within the sketch's rank error. */
export const HISTOGRAM_SHARE_ERROR = 2 * SKETCH_RANK_ERROR;

/** Longest category label kept (the chart shortens it further). */
const MAX_LABEL = 60;

export interface DriftHistogram {
  /** `bins`: a numeric column's ranges; `categories`: categories, booleans, a few distinct numbers. */
  kind: 'bins' | 'categories';
  /** One per bar: the bin's range ("10 to 12.5", "< -40", "≥ 120") or the category. */
  labels: string[];
  /** Each side's share of its non-missing values per bar (summing to 1). */
  reference: number[];
  current: number[];
  /** How many values the shares are of, per side. */
  values: { reference: number; current: number };
  /** False when a quantile sketch stood in for the values: each share within HISTOGRAM_SHARE_ERROR. */
  exact: boolean;
  /** bins: the finite edges, ascending (labels.length + 1 of them, less one per open end). */
  edges?: number[];
  /** bins: the first bin holds everything below edges[0], the last everything at or above the last edge. */
  openBelow?: boolean;
  openAbove?: boolean;
  /** bins: every value is a whole number, and so are the edges. */
  integer?: boolean;
  /** categories: distinct values summed in the last bar, "other (N values)" (undefined when none). */
  other?: number;
  /** categories: a side counted more distinct values than it kept, so `other` is a lower bound. */
  otherAtLeast?: boolean;
}

/** One side of a numeric column: its sorted (weighted) values and its exact extremes. */
export interface NumericSide {
  sample: WeightedSample;
  min: number;
  max: number;
}

/** The histogram of two numeric columns (their finite numbers), or undefined when either has none. */
export function numericColumnHistogram(
  reference: ColumnProfile,
  current: ColumnProfile,
): DriftHistogram | undefined {
  if (reference.numbers === 0 || current.numbers === 0) return undefined;
  return numericHistogram(
    { sample: reference.distribution(), min: reference.min, max: reference.max },
    { sample: current.distribution(), min: current.min, max: current.max },
  );
}

export function numericHistogram(reference: NumericSide, current: NumericSide): DriftHistogram | undefined {
  const refTotal = totalOf(reference.sample);
  const curTotal = totalOf(current.sample);
  if (refTotal === 0 || curTotal === 0) return undefined;
  const min = Math.min(reference.min, current.min);
  const max = Math.max(reference.max, current.max);
  if (!Number.isFinite(min) || !Number.isFinite(max)) return undefined;
  const integer = isWholeNumbers(reference) && isWholeNumbers(current);
  let lo = Math.min(
    sampleQuantile(reference.sample, RANGE_QUANTILE),
    sampleQuantile(current.sample, RANGE_QUANTILE),
  );
  let hi = Math.max(
    sampleQuantile(reference.sample, 1 - RANGE_QUANTILE),
    sampleQuantile(current.sample, 1 - RANGE_QUANTILE),
  );
  if (!(hi > lo)) {
    // Almost every value is one number: the bins span all of them.
    lo = min;
    hi = max;
  }
  const spread = hi - lo;
  const openBelow = lo - min > OPEN_TAIL * spread;
  const openAbove = max - hi > OPEN_TAIL * spread;
  if (!openBelow) lo = min;
  if (!openAbove) hi = max;
  let width = niceWidth((hi - lo) / TARGET_BINS, integer);
  let first = Math.floor(lo / width);
  // Whole numbers: the last bin must hold the largest value, [a, a + w) never being closed at a + w.
  let last = integer ? Math.floor(hi / width) + 1 : Math.max(Math.ceil(hi / width), first + 1);
  while (last - first > MAX_BINS) {
    width = niceWidth(width * 1.01, integer);
    first = Math.floor(lo / width);
    last = integer ? Math.floor(hi / width) + 1 : Math.max(Math.ceil(hi / width), first + 1);
  }
  const edges: number[] = [];
  for (let k = first; k <= last; k++) edges.push(cleanEdge(k * width));
  const shares = (side: NumericSide, total: number): number[] => {
    const out: number[] = [];
    const below = edges.map((edge) => weightBelow(side.sample, edge));
    if (openBelow) out.push(below[0]! / total);
    for (let i = 0; i + 1 < edges.length; i++) {
      // The last bin is closed at its upper edge unless an open bin follows.
      const upper = i + 2 === edges.length && !openAbove ? total : below[i + 1]!;
      out.push((upper - below[i]!) / total);
    }
    if (openAbove) out.push((total - below[edges.length - 1]!) / total);
    return out;
  };
  const labels: string[] = [];
  if (openBelow) labels.push(`< ${edgeText(edges[0]!)}`);
  for (let i = 0; i + 1 < edges.length; i++) labels.push(binLabel(edges[i]!, edges[i + 1]!, integer));
  if (openAbove) labels.push(`≥ ${edgeText(edges[edges.length - 1]!)}`);
  return {
    kind: 'bins',
    labels,
    reference: shares(reference, refTotal),
    current: shares(current, curTotal),
    values: { reference: refTotal, current: curTotal },
    exact: reference.sample.exact && current.sample.exact,
    edges,
    openBelow,
    openAbove,
    integer,
  };
}

/**
 * The histogram of two columns' category counts (`names[i]` counted `reference[i]` and
 * `current[i]` times). Categories keep their order when `ordered` (false/true, a few numbers);
 * otherwise the largest share on either side comes first, and past MAX_CATEGORIES_SHOWN the rest
 * are summed as "other (N values)". `uncounted` adds values of categories a side did not keep (a
 * column with more distinct values than are counted): they go to "other".
 */
export function categoryHistogram(
  names: readonly string[],
  reference: readonly number[],
  current: readonly number[],
  options: { ordered?: boolean; uncounted?: { reference: number; current: number } } = {},
): DriftHistogram | undefined {
  const extra = options.uncounted ?? { reference: 0, current: 0 };
  const refTotal = sum(reference) + extra.reference;
  const curTotal = sum(current) + extra.current;
  if (refTotal === 0 || curTotal === 0) return undefined;
  const rows = names
    .map((name, i) => ({ name, r: reference[i]! / refTotal, c: current[i]! / curTotal, i }))
    .filter((row) => row.r > 0 || row.c > 0);
  if (!options.ordered) {
    rows.sort(
      (a, b) => Math.max(b.r, b.c) - Math.max(a.r, a.c) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  }
  const uncounted = extra.reference > 0 || extra.current > 0;
  // An "other" bar for one category would hide a name it has room for.
  const room = rows.length > MAX_CATEGORIES_SHOWN + 1 || uncounted ? MAX_CATEGORIES_SHOWN : rows.length;
  const shown = rows.slice(0, room);
  const rest = rows.slice(room);
  const histogram: DriftHistogram = {
    kind: 'categories',
    labels: shown.map((row) => clip(row.name, MAX_LABEL)),
    reference: shown.map((row) => row.r),
    current: shown.map((row) => row.c),
    values: { reference: refTotal, current: curTotal },
    exact: true,
  };
  if (rest.length > 0 || uncounted) {
    const other = rest.length;
    histogram.labels.push(
      uncounted ? `other (${other + 1} or more values)` : `other (${other} value${other === 1 ? '' : 's'})`,
    );
    histogram.reference.push(sum(rest.map((row) => row.r)) + extra.reference / refTotal);
    histogram.current.push(sum(rest.map((row) => row.c)) + extra.current / curTotal);
    histogram.other = other;
    if (uncounted) histogram.otherAtLeast = true;
  }
  return histogram;
}

/**
 * Whether `value` is a histogram the charts can draw: a report read back from a file (drift.json
 * from another job, report.json) is checked before it is drawn, and a malformed one is not.
 */
export function isDrawableHistogram(value: unknown): value is DriftHistogram {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Partial<DriftHistogram>;
  const bars = Array.isArray(h.labels) ? h.labels.length : -1;
  const shares = (xs: unknown) =>
    Array.isArray(xs) &&
    xs.length === bars &&
    xs.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1 + 1e-9);
  const count = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  return (
    (h.kind === 'bins' || h.kind === 'categories') &&
    bars >= 1 &&
    bars <= MAX_BINS + 2 &&
    h.labels!.every((l) => typeof l === 'string' && l.length <= 200) &&
    shares(h.reference) &&
    shares(h.current) &&
    typeof h.values === 'object' &&
    h.values !== null &&
    count(h.values.reference) &&
    count(h.values.current) &&
    typeof h.exact === 'boolean'
  );
}

/** Weight of the values strictly below x (binary search; the sample is sorted). */
export function weightBelow(sample: WeightedSample, x: number): number {
  let lo = 0;
  let hi = sample.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sample.values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return sample.cumulative[lo]!;
}

function totalOf(sample: WeightedSample): number {
  return sample.cumulative[sample.values.length] ?? 0;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Every value held is a whole number (a sketch holds values of the column, so it tells too). */
function isWholeNumbers(side: NumericSide): boolean {
  if (!Number.isInteger(side.min) || !Number.isInteger(side.max)) return false;
  const values = side.sample.values;
  for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i]!)) return false;
  return true;
}

/** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `raw` (whole numbers: at least 1, no 2.5). */
export function niceWidth(raw: number, integer: boolean): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const steps = integer && power < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  for (const step of steps) {
    const width = cleanEdge(step * power);
    if (width >= raw * (1 - 1e-12)) return integer ? Math.max(1, Math.round(width)) : width;
  }
  return cleanEdge(10 * power);
}

/** k x width without the binary noise of the product (0.30000000000000004 is 0.3). */
function cleanEdge(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(12));
}

function edgeText(value: number): string {
  return formatNumber(value, 6);
}

function binLabel(lower: number, upper: number, integer: boolean): string {
  if (!integer) return `${edgeText(lower)} to ${edgeText(upper)}`;
  // [a, b) of whole numbers holds a ... b - 1.
  return upper - lower === 1 ? edgeText(lower) : `${edgeText(lower)} to ${edgeText(upper - 1)}`;
}
