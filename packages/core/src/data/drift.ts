/**
 * Data drift, column by column, between a reference table and a current one (docs/drift.md).
 *
 * Each column is typed once (types.ts) and both sides must agree; then, following Evidently's
 * DataDriftPreset (the reference's non-missing values decide the size):
 *
 * | column                          | at most `smallRows` (1000)        | more                               |
 * | numeric                         | Kolmogorov–Smirnov, p < alpha     | Wasserstein / reference sd >= 0.1  |
 * | categorical, boolean, numeric   | chi-square homogeneity, p < alpha | Jensen–Shannon distance >= 0.1     |
 * |   with at most 5 distinct values|                                   |                                    |
 *
 * The p values of all tested columns are corrected together (Holm by default, stats/family.ts),
 * which Evidently does not do. Every applicable distance is computed for every column (so gates
 * can use them whatever the size), plus PSI on reference-decile bins and TFDV's L-infinity for
 * categories. The dataset drifts when the share of drifted columns reaches `driftShare` (0.5).
 */
import { chiSquareHomogeneity } from '../stats/chi-square.js';
import {
  jensenShannonDistance,
  lInfinityDistance,
  populationStabilityIndex,
  wassersteinDistance,
} from '../stats/distances.js';
import { adjustPValues, CORRECTION_NAMES, DEFAULT_CORRECTION, type Correction } from '../stats/family.js';
import { ksTwoSample } from '../stats/kolmogorov.js';
import { formatNumber } from '../format.js';
import { ConfigurationError } from '../errors.js';
import { FEW_VALUES, RESERVOIR_SIZE, type ColumnProfile, type TableProfile } from './profile.js';
import { categoryHistogram, numericHistogram, type DriftHistogram } from './histogram.js';
import { SKETCH_RANK_ERROR, sampleQuantile, weightAtOrBelow, type WeightedSample } from './sketch.js';
import { clip, columnType, describeKinds, stringType, valueFamily, type ColumnType } from './types.js';

export interface DriftOptions {
  /** Significance level of the tests (after the family-wise correction). */
  alpha: number;
  /** A distance at or above this is drift (normed Wasserstein, Jensen–Shannon). */
  threshold: number;
  /** Tests up to this many non-missing reference values, distances above. */
  smallRows: number;
  /** The dataset drifts when at least this share of the compared columns drifts. */
  driftShare: number;
  correction: Correction;
  /** PSI bins for numeric columns, cut at the reference's quantiles. */
  psiBins: number;
}

export const DRIFT_DEFAULTS: DriftOptions = {
  alpha: 0.05,
  threshold: 0.1,
  smallRows: 1000,
  driftShare: 0.5,
  correction: DEFAULT_CORRECTION,
  psiBins: 10,
};

/** Evidently's floor for the reference's standard deviation when norming the Wasserstein distance. */
export const MIN_NORM = 0.001;

export type DriftTest = 'ks' | 'chi_square' | 'wasserstein' | 'jensen_shannon';

export const TEST_NAMES: Record<DriftTest, string> = {
  ks: 'Kolmogorov–Smirnov',
  chi_square: 'chi-square',
  wasserstein: 'Wasserstein (normed)',
  jensen_shannon: 'Jensen–Shannon',
};

/**
 * - compared: tested or measured; `drifted` says the verdict;
 * - retyped: the two sides' types differ (drifted, not compared);
 * - no-values: one side has no values in the column (drifted);
 * - not-compared: a type mlci does not test (date-time, text, mixed, empty on both sides);
 * - dropped / new: the column is on one side only (not counted in the share).
 */
export type ColumnStatus = 'compared' | 'retyped' | 'no-values' | 'not-compared' | 'dropped' | 'new';

export interface SideSummary {
  type: ColumnType;
  rows: number;
  missing: number;
  missingShare: number;
  /** Non-missing cells. */
  values: number;
  mean?: number;
  std?: number;
  min?: number;
  max?: number;
  median?: number;
  /** Distinct values, when counted (categorical, boolean, numeric with few values). */
  distinct?: number;
  /** Date-time range, ISO 8601. */
  from?: string;
  to?: string;
}

export interface ColumnDrift {
  name: string;
  /** The type both sides agree on (the reference's when they do not). */
  type: ColumnType;
  status: ColumnStatus;
  drifted: boolean;
  /** The test or distance that decided. */
  test?: DriftTest;
  /** alpha for a test, the distance limit otherwise. */
  threshold?: number;
  /** p after the correction (tests only): what alpha was compared with. */
  p?: number;
  /** p of this column's test alone. */
  pRaw?: number;
  ks?: number;
  chiSquare?: number;
  df?: number;
  wasserstein?: number;
  jensenShannon?: number;
  psi?: number;
  linf?: number;
  /** False when a sample or a sketch stood in for the values. */
  exact: boolean;
  /** The verdict in one sentence, with its numbers. */
  reason: string;
  notes: string[];
  reference?: SideSummary;
  current?: SideSummary;
  /** Categorical columns: the value whose share changed most. */
  largestChange?: { value: string; reference: number; current: number };
  /**
   * What the report's chart of this column draws (histogram.ts): each side's share per bin or
   * category. Compared columns only; plain JSON, so a report read back draws the same chart.
   */
  histogram?: DriftHistogram;
}

export interface TableSummary {
  label: string;
  rows: number;
  columns: number;
  files: string[];
}

export interface DriftReport {
  schema: 'mlci/drift';
  version: 1;
  reference: TableSummary;
  current: TableSummary;
  options: DriftOptions;
  /** Drifted first, then in the reference's column order. */
  columns: ColumnDrift[];
  /** Columns with a verdict (compared, retyped, no values). */
  tested: number;
  drifted: number;
  /** drifted / tested (0 when nothing was tested). */
  share: number;
  /** share >= driftShare, with at least one column tested. */
  detected: boolean;
  /** How many p values were corrected together. */
  family: number;
  notes: string[];
  warnings: string[];
}

export function checkDriftOptions(options: DriftOptions): void {
  const bad = (what: string, value: number, expected: string) =>
    new ConfigurationError(`${what} ${value}: expected ${expected}`);
  if (!(options.alpha > 0 && options.alpha <= 0.5))
    throw bad('--alpha', options.alpha, 'a level above 0, at most 0.5');
  if (!(options.threshold > 0) || !Number.isFinite(options.threshold))
    throw bad('--threshold', options.threshold, 'a distance above 0');
  if (!(options.driftShare > 0 && options.driftShare <= 1))
    throw bad('--drift-share', options.driftShare, 'a share above 0, at most 1');
  if (!(options.smallRows >= 0) || !Number.isInteger(options.smallRows))
    throw bad('--small-rows', options.smallRows, 'a whole number of rows');
  if (!(options.psiBins >= 2) || !Number.isInteger(options.psiBins))
    throw bad('PSI bins', options.psiBins, 'a whole number of at least 2');
}

/** Compares every column of the two tables; pure (the tables are already read). */
export function compareTables(
  reference: TableProfile,
  current: TableProfile,
  partial: Partial<DriftOptions> = {},
): DriftReport {
  const options: DriftOptions = { ...DRIFT_DEFAULTS, ...partial };
  checkDriftOptions(options);
  refuseDisjointTables(reference, current);
  const names = reference.columns.map((c) => c.name);
  for (const column of current.columns) if (!reference.has(column.name)) names.push(column.name);
  const columns: ColumnDrift[] = [];
  const tested: Array<{
    drift: ColumnDrift;
    describe: (p: number) => string;
    drifts: (p: number) => boolean;
  }> = [];
  for (const name of names) {
    const ref = reference.get(name);
    const cur = current.get(name);
    if (cur === undefined) {
      columns.push(oneSided(name, ref!, reference.rows, 'dropped'));
      continue;
    }
    if (ref === undefined) {
      columns.push(oneSided(name, cur, current.rows, 'new'));
      continue;
    }
    const drift = compareColumn(ref, cur, reference.rows, current.rows, options);
    columns.push(drift.drift);
    if (drift.describe !== undefined)
      tested.push({ drift: drift.drift, describe: drift.describe, drifts: drift.drifts! });
  }
  // One family for every p value, so twenty harmless columns do not bring twenty chances to drift.
  const adjusted = adjustPValues(
    tested.map((t) => t.drift.pRaw!),
    options.correction,
  );
  tested.forEach(({ drift, describe, drifts }, i) => {
    const p = adjusted[i]!;
    drift.p = p;
    drift.drifted = drifts(p);
    drift.reason = describe(p);
  });
  const decided = columns.filter(
    (c) => c.status === 'compared' || c.status === 'retyped' || c.status === 'no-values',
  );
  const drifted = decided.filter((c) => c.drifted).length;
  const share = decided.length === 0 ? 0 : drifted / decided.length;
  const order = (c: ColumnDrift) => (c.drifted ? 0 : c.status === 'compared' ? 1 : 2);
  const sorted = columns
    .map((c, i) => ({ c, i }))
    .sort((a, b) => order(a.c) - order(b.c) || a.i - b.i)
    .map(({ c }) => c);
  const notes = [...reference.notes, ...current.notes];
  if (tested.length > 1 && options.correction !== 'none') {
    notes.push(
      `the p values of the ${tested.length} tested columns were corrected together (${CORRECTION_NAMES[options.correction]}), so each column drifts at p < ${options.alpha} after the correction`,
    );
  }
  return {
    schema: 'mlci/drift',
    version: 1,
    reference: summarizeTable(reference),
    current: summarizeTable(current),
    options,
    columns: sorted,
    tested: decided.length,
    drifted,
    share,
    detected: decided.length > 0 && share >= options.driftShare,
    family: tested.length,
    notes,
    warnings: [...reference.warnings, ...current.warnings],
  };
}

/**
 * Two tables without a column name in common are not two samples of one data set: a wrong file, a
 * renamed schema, an export that lost its header. Every column would be dropped or new, none in the
 * share, and `drift.share <= 0.3` would pass on data that has nothing to do with the reference.
 */
function refuseDisjointTables(reference: TableProfile, current: TableProfile): void {
  if (reference.columns.some((c) => current.has(c.name))) return;
  const list = (table: TableProfile) => {
    const names = table.columns.slice(0, 8).map((c) => JSON.stringify(clip(c.name)));
    const more = table.columns.length > 8 ? `, and ${table.columns.length - 8} more` : '';
    return table.columns.length === 0 ? 'no columns' : `${names.join(', ')}${more}`;
  };
  throw new ConfigurationError(
    `${reference.label} and ${current.label} have no column in common (reference: ${list(reference)}; current: ${list(current)}), so there is nothing to compare: check that both name the same kind of table, with its header`,
  );
}

function summarizeTable(table: TableProfile): TableSummary {
  return { label: table.label, rows: table.rows, columns: table.columns.length, files: [...table.files] };
}

function oneSided(name: string, column: ColumnProfile, rows: number, status: 'dropped' | 'new'): ColumnDrift {
  const summary = sideSummary(column, rows, columnType(column));
  return {
    name,
    type: summary.type,
    status,
    drifted: false,
    exact: true,
    reason: status === 'dropped' ? 'not in the current data (dropped)' : 'not in the reference data (new)',
    notes: [],
    ...(status === 'dropped' ? { reference: summary } : { current: summary }),
  };
}

interface Compared {
  drift: ColumnDrift;
  /** For a column with a test: its reason once the corrected p is known. */
  describe?: (p: number) => string;
  /** With `describe`: the verdict given the corrected p. */
  drifts?: (p: number) => boolean;
}

/**
 * A large column drifts when its distance reaches the threshold AND its test says the difference
 * is more than sampling noise (corrected p < alpha). The distance alone, as in Evidently, fires on
 * unchanged data: two samples of 1,500 rows of one distribution have a normed Wasserstein
 * distance above 0.1 in about 1% of columns (17% of tables of 20 columns), and 100 equally likely
 * categories a Jensen–Shannon distance of ~0.15 every time (bench/drift-soundness.bench.ts). With
 * the test required, every drifted column is one Holm rejected, so the family-wise rate of false
 * alarms is at most alpha whatever the size; on large tables the test rejects any real difference
 * and the distance decides whether it is large enough to matter.
 */
function largeVerdict(
  distance: number,
  options: DriftOptions,
  distanceText: string,
  testText: (p: number) => string,
): Pick<Compared, 'describe' | 'drifts'> {
  const large = distance >= options.threshold;
  return {
    drifts: (p) => large && p < options.alpha,
    describe: (p) => {
      if (!large) return `${distanceText} < ${options.threshold} (${testText(p)})`;
      if (p < options.alpha)
        return `${distanceText} >= ${options.threshold}, beyond sampling noise: ${testText(p)}`;
      return `${distanceText} >= ${options.threshold}, but within sampling noise: ${testText(p)}`;
    },
  };
}

function compareColumn(
  ref: ColumnProfile,
  cur: ColumnProfile,
  refRows: number,
  curRows: number,
  options: DriftOptions,
): Compared {
  const refFamily = valueFamily(ref);
  const curFamily = valueFamily(cur);
  const refType = columnType(ref);
  const curType = columnType(cur);
  const base = (type: ColumnType, status: ColumnStatus, drifted: boolean, reason: string): ColumnDrift => ({
    name: ref.name,
    type,
    status,
    drifted,
    exact: true,
    reason,
    notes: [],
    reference: sideSummary(ref, refRows, refType),
    current: sideSummary(cur, curRows, curType),
  });
  if (refFamily === 'empty' && curFamily === 'empty') {
    return { drift: base('empty', 'not-compared', false, 'no values on either side') };
  }
  if (refFamily === 'empty' || curFamily === 'empty') {
    const which = curFamily === 'empty' ? 'current' : 'reference';
    const other = curFamily === 'empty' ? refType : curType;
    return {
      drift: base(other, 'no-values', true, `the ${which} data has no values in this ${other} column`),
    };
  }
  if (refFamily !== curFamily) {
    return {
      drift: base(
        refType,
        'retyped',
        true,
        `${refType} in the reference (${describeKinds(ref)}), ${curType} in the current (${describeKinds(cur)}): not compared`,
      ),
    };
  }
  switch (refFamily) {
    case 'numeric':
      return compareNumeric(ref, cur, base('numeric', 'compared', false, ''), options);
    case 'boolean':
      return compareCategories(
        ['false', 'true'],
        [ref.booleans - ref.trues, ref.trues],
        [cur.booleans - cur.trues, cur.trues],
        base('boolean', 'compared', false, ''),
        options,
        ref.booleans,
        true,
      );
    case 'string': {
      const type = stringType(ref);
      if (type === 'text') {
        const distinct = ref.categoriesOverflowed
          ? `more than ${ref.categories.size}`
          : `${ref.categories.size}`;
        return {
          drift: base(
            'text',
            'not-compared',
            false,
            `text with ${distinct} distinct values (identifiers or free text): only its missing share is compared`,
          ),
        };
      }
      const drift = base('categorical', 'compared', false, '');
      if (cur.categoriesOverflowed) {
        drift.drifted = true;
        drift.reason = `the current data holds more than ${cur.categories.size} distinct values where the reference holds ${ref.categories.size}: its categories changed`;
        drift.exact = false;
        const histogram = overflowedHistogram(ref, cur);
        if (histogram !== undefined) drift.histogram = histogram;
        return { drift };
      }
      const names = [...new Set([...ref.categories.keys(), ...cur.categories.keys()])];
      const refCounts = names.map((n) => ref.categories.get(n)?.count ?? 0);
      const curCounts = names.map((n) => cur.categories.get(n)?.count ?? 0);
      const leftOut = ref.numbers + ref.nonFinite + cur.numbers + cur.nonFinite;
      if (leftOut > 0) drift.notes.push(`${leftOut} numbers in this text column were left out`);
      return compareCategories(
        names,
        refCounts,
        curCounts,
        drift,
        options,
        refCounts.reduce((a, b) => a + b, 0),
      );
    }
    case 'datetime': {
      const drift = base('datetime', 'not-compared', false, '');
      drift.reason = `a date-time column follows the period each table covers, so its distribution is not compared (reference ${range(drift.reference!)}, current ${range(drift.current!)})`;
      return { drift };
    }
    default:
      return {
        drift: base(
          'mixed',
          'not-compared',
          false,
          `numbers and text mixed on both sides (reference: ${describeKinds(ref)}); pass --missing-values for the text that means missing`,
        ),
      };
  }
}

function compareNumeric(
  ref: ColumnProfile,
  cur: ColumnProfile,
  drift: ColumnDrift,
  options: DriftOptions,
): Compared {
  for (const [side, column] of [
    ['reference', ref],
    ['current', cur],
  ] as const) {
    if (column.nonFinite > 0) drift.notes.push(`${side}: ${column.nonFinite} infinite values left out`);
    const stray = column.booleans + column.datetimes + column.texts;
    if (stray > 0)
      drift.notes.push(`${side}: ${stray} cells that are not numbers left out (${describeKinds(column)})`);
  }
  if (ref.numbers === 0 || cur.numbers === 0) {
    drift.status = 'no-values';
    drift.drifted = true;
    drift.reason = `the ${ref.numbers === 0 ? 'reference' : 'current'} data has no finite numbers in this column`;
    return { drift };
  }
  const small = ref.numbers <= options.smallRows;
  const union = new Set([...ref.few.values, ...cur.few.values]);
  if (!ref.few.overflowed && !cur.few.overflowed && union.size <= FEW_VALUES) {
    // Few distinct numbers: compared as categories (Evidently does the same), with the exact
    // Wasserstein distance of the two discrete distributions beside.
    const values = [...union].sort((a, b) => a - b);
    const count = (column: ColumnProfile, v: number) => column.few.counts[column.few.values.indexOf(v)] ?? 0;
    const refCounts = values.map((v) => count(ref, v));
    const curCounts = values.map((v) => count(cur, v));
    drift.wasserstein =
      wassersteinDistance(values, values, refCounts, curCounts) / Math.max(ref.std, MIN_NORM);
    drift.notes.push(`${union.size} distinct values: tested as categories`);
    return compareCategories(
      values.map((v) => formatNumber(v)),
      refCounts,
      curCounts,
      drift,
      options,
      ref.numbers,
      true,
    );
  }
  const refDist = ref.distribution();
  const curDist = cur.distribution();
  drift.exact = refDist.exact && curDist.exact;
  const std = ref.std;
  const w1 = wassersteinDistance(refDist.values, curDist.values, weightsOf(refDist), weightsOf(curDist));
  drift.wasserstein = w1 / Math.max(std, MIN_NORM);
  drift.psi = numericPsi(refDist, curDist, options.psiBins);
  const histogram = numericHistogram(
    { sample: refDist, min: ref.min, max: ref.max },
    { sample: curDist, min: cur.min, max: cur.max },
  );
  if (histogram !== undefined) drift.histogram = histogram;
  if (!drift.exact) {
    drift.notes.push(
      `the distances come from quantile sketches (rank error below ${SKETCH_RANK_ERROR * 100}%): the reference has ${ref.numbers} values, the current ${cur.numbers}`,
    );
  }
  if (std < MIN_NORM)
    drift.notes.push(
      `the reference's standard deviation (${formatNumber(std)}) is below ${MIN_NORM}: the distance is divided by ${MIN_NORM}`,
    );
  const refValues = ref.testValues();
  const curValues = cur.testValues();
  const sampled = [
    ...(ref.exact ? [] : [`reference ${RESERVOIR_SIZE} of ${ref.numbers}`]),
    ...(cur.exact ? [] : [`current ${RESERVOIR_SIZE} of ${cur.numbers}`]),
  ];
  if (sampled.length > 0) {
    drift.notes.push(`the KS test ran on seeded uniform samples (${sampled.join(', ')} values)`);
    drift.exact = false;
  }
  const ks = ksTwoSample(refValues, curValues);
  drift.ks = ks.statistic;
  drift.pRaw = ks.p;
  const ksText = (p: number) =>
    `Kolmogorov–Smirnov D = ${formatNumber(ks.statistic, 3)}, ${pText(p, ks.p, options)} (${ks.method} p, ${ks.n1} against ${ks.n2} values)`;
  if (!small) {
    drift.test = 'wasserstein';
    drift.threshold = options.threshold;
    const distanceText = `normed Wasserstein distance ${formatNumber(drift.wasserstein, 3)} (${formatNumber(w1, 4)} in the column's units, over the reference's standard deviation ${formatNumber(std, 4)})`;
    return { drift, ...largeVerdict(drift.wasserstein, options, distanceText, ksText) };
  }
  drift.test = 'ks';
  drift.threshold = options.alpha;
  return { drift, describe: ksText, drifts: (p) => p < options.alpha };
}

function compareCategories(
  names: string[],
  refCounts: number[],
  curCounts: number[],
  drift: ColumnDrift,
  options: DriftOptions,
  refValues: number,
  /** The categories have an order of their own (false/true, numbers): the chart keeps it. */
  ordered = false,
): Compared {
  const refTotal = refCounts.reduce((a, b) => a + b, 0);
  const curTotal = curCounts.reduce((a, b) => a + b, 0);
  if (refTotal === 0 || curTotal === 0) {
    drift.status = 'no-values';
    drift.drifted = true;
    drift.reason = `the ${refTotal === 0 ? 'reference' : 'current'} data has no values in this column`;
    return { drift };
  }
  drift.jensenShannon = jensenShannonDistance(refCounts, curCounts);
  drift.psi = populationStabilityIndex(refCounts, curCounts);
  drift.linf = lInfinityDistance(refCounts, curCounts);
  const histogram = categoryHistogram(names, refCounts, curCounts, { ordered });
  if (histogram !== undefined) drift.histogram = histogram;
  let largest = -1;
  names.forEach((name, i) => {
    const r = refCounts[i]! / refTotal;
    const c = curCounts[i]! / curTotal;
    if (Math.abs(c - r) > largest) {
      largest = Math.abs(c - r);
      drift.largestChange = { value: name, reference: r, current: c };
    }
  });
  if (drift.reference !== undefined) drift.reference.distinct = refCounts.filter((c) => c > 0).length;
  if (drift.current !== undefined) drift.current.distinct = curCounts.filter((c) => c > 0).length;
  const change = drift.largestChange!;
  const changeText =
    change.reference === change.current
      ? 'every share unchanged'
      : `largest change: ${JSON.stringify(clip(change.value))} ${percent(change.reference)} -> ${percent(change.current)}`;
  const chi = chiSquareHomogeneity(refCounts, curCounts);
  drift.chiSquare = chi.statistic;
  drift.df = chi.df;
  drift.pRaw = chi.p;
  const chiText = (p: number) =>
    `chi-square = ${formatNumber(chi.statistic, 4)} (${chi.df} df), ${pText(p, chi.p, options)} (${changeText})`;
  if (refValues > options.smallRows) {
    drift.test = 'jensen_shannon';
    drift.threshold = options.threshold;
    const distanceText = `Jensen–Shannon distance ${formatNumber(drift.jensenShannon, 3)}`;
    return { drift, ...largeVerdict(drift.jensenShannon, options, distanceText, chiText) };
  }
  drift.test = 'chi_square';
  drift.threshold = options.alpha;
  return { drift, describe: chiText, drifts: (p) => p < options.alpha };
}

/**
 * A categorical column whose current side has more distinct values than are counted: the counts of
 * the values it kept are exact, the others go to the chart's "other" bar.
 */
function overflowedHistogram(ref: ColumnProfile, cur: ColumnProfile): DriftHistogram | undefined {
  const names = [...new Set([...ref.categories.keys(), ...cur.categories.keys()])];
  const refCounts = names.map((n) => ref.categories.get(n)?.count ?? 0);
  const curCounts = names.map((n) => cur.categories.get(n)?.count ?? 0);
  const strings = (column: ColumnProfile) => column.booleans + column.datetimes + column.texts;
  const counted = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
  return categoryHistogram(names, refCounts, curCounts, {
    uncounted: {
      reference: Math.max(0, strings(ref) - counted(refCounts)),
      current: Math.max(0, strings(cur) - counted(curCounts)),
    },
  });
}

function pText(p: number, raw: number, options: DriftOptions): string {
  const verdict = p < options.alpha ? '<' : '>=';
  const shown = `p = ${formatP(p)} ${verdict} ${options.alpha}`;
  return p === raw ? shown : `${shown} after the correction (${formatP(raw)} alone)`;
}

function formatP(p: number): string {
  if (p === 0) return '0';
  return p < 1e-4 ? p.toExponential(1) : formatNumber(p, 2);
}

function range(side: SideSummary): string {
  if (side.from === undefined || side.to === undefined) return 'no dates';
  const day = (iso: string) => iso.replace(/T00:00:00\.000Z$/, '').replace(/\.000Z$/, 'Z');
  return side.from === side.to ? day(side.from) : `${day(side.from)} to ${day(side.to)}`;
}

function percent(share: number): string {
  return `${formatNumber(share * 100, 3)}%`;
}

function weightsOf(sample: WeightedSample): Float64Array | undefined {
  if (sample.exact) return undefined;
  const weights = new Float64Array(sample.values.length);
  for (let i = 0; i < weights.length; i++) weights[i] = sample.cumulative[i + 1]! - sample.cumulative[i]!;
  return weights;
}

/**
 * PSI over bins cut at the reference's quantiles k/bins (k = 1 ... bins-1; numpy's linear
 * quantiles when exact), each bin (lower, upper], repeated edges merged (a column with many ties
 * has fewer bins), an empty share counted as PSI_EPSILON.
 */
export function numericPsi(reference: WeightedSample, current: WeightedSample, bins: number): number {
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const edge = sampleQuantile(reference, k / bins);
    if (edges.length === 0 || edge !== edges[edges.length - 1]) edges.push(edge);
  }
  return populationStabilityIndex(binShares(reference, edges), binShares(current, edges));
}

function binShares(sample: WeightedSample, edges: readonly number[]): Float64Array {
  const total = sample.cumulative[sample.values.length]!;
  const shares = new Float64Array(edges.length + 1);
  let below = 0;
  for (let i = 0; i < edges.length; i++) {
    const atOrBelow = weightAtOrBelow(sample, edges[i]!);
    shares[i] = (atOrBelow - below) / total;
    below = atOrBelow;
  }
  shares[edges.length] = (total - below) / total;
  return shares;
}

function sideSummary(column: ColumnProfile, rows: number, type: ColumnType): SideSummary {
  const summary: SideSummary = {
    type,
    rows,
    missing: column.missing,
    missingShare: rows === 0 ? 0 : column.missing / rows,
    values: column.present,
  };
  if (column.numbers > 0 && (type === 'numeric' || type === 'mixed')) {
    summary.min = column.min;
    summary.max = column.max;
    summary.std = column.std;
    const distribution = column.distribution();
    summary.median = sampleQuantile(distribution, 0.5);
    summary.mean = meanOf(column, distribution);
  }
  if (type === 'datetime' && column.datetimes > 0) {
    summary.from = new Date(column.minTime).toISOString();
    summary.to = new Date(column.maxTime).toISOString();
  }
  if ((type === 'categorical' || type === 'text') && !column.categoriesOverflowed) {
    summary.distinct = column.categories.size;
  }
  return summary;
}

function meanOf(column: ColumnProfile, distribution: WeightedSample): number {
  // Exact from the values while they are all held; otherwise the running mean's value.
  if (distribution.exact && column.exact) {
    let sum = 0;
    for (let i = 0; i < distribution.values.length; i++) sum += distribution.values[i]!;
    return sum / distribution.values.length;
  }
  return column.runningMean;
}
