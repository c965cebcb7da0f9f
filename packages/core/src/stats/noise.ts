/**
 * A metric's run-to-run noise, learnt from its history on the base branch, and the t-test that
 * uses it. One run per side has no spread of its own; the base branch's recorded runs do. With
 * repeats, the history's spread and the current runs' spread are pooled, for more degrees of
 * freedom than Welch's t-test has with 3 or 5 runs per side.
 *
 * Assumptions, stated where the report can quote them:
 * - the noise (its standard deviation) is the same on the base branch, in the recent past and in
 *   the pull request; a pull request whose runs spread much more than history says keeps its own
 *   spread for its side (see `poolingCheck`);
 * - runs are independent and their values roughly normal;
 * - the history's level may drift and jump (the model changed between commits): that is not
 *   noise, so it is removed (repeats are compared within their own record; single runs through
 *   successive differences, centred on their median so a steady trend cancels);
 * - a few values may be wild (a diverged seed, a jump): values far out (OUTLIER_CUT,
 *   DIFFERENCE_CUT robust standard deviations) are left out, and the estimate says how many.
 */
import { betaInc, normalCdf, studentTQuantile, studentTTails } from './distributions.js';
import { sampleMean } from './descriptive.js';

/** How many of the most recent records are used by default. */
export const DEFAULT_HISTORY_WINDOW = 30;
/** Fewer records than this give no estimate (single runs: 5 successive differences). */
export const MIN_HISTORY_RECORDS = 6;
/** Degrees of freedom a history needs at least to be used. */
const MIN_HISTORY_DF = 2;
/** Values this many robust standard deviations from the rest of their record are outliers (6e-5 of normal values). */
const OUTLIER_CUT = 4;
/**
 * Successive differences this many robust standard deviations from their median are left out: a
 * jump where the model changed (5 sigma of one run is 3.5 of a difference) must not count as noise.
 * Normal differences beyond it (0.27%) are compensated by the truncated normal's variance factor,
 * and the estimate's degrees of freedom are scaled by DIFFERENCES_DF_EFFICIENCY: a trimmed estimate
 * with a random cut carries less information than its count says. Both are checked by simulation
 * (bench/gates.bench.ts: harmless single-run changes with a 20-record history block at alpha).
 */
const DIFFERENCE_CUT = 3;
const DIFFERENCES_DF_EFFICIENCY = 0.85;
/** Var(Z | |Z| <= c) for a standard normal: the variance left after cutting at c. */
function truncatedVariance(c: number): number {
  const density = Math.exp(-(c * c) / 2) / Math.sqrt(2 * Math.PI);
  return 1 - (2 * c * density) / (2 * normalCdf(c) - 1);
}
/** 1 / Phi^-1(3/4): a median absolute deviation times this estimates a normal standard deviation. */
const MAD_SCALE = 1.482602218505602;
/** Below this p, the current runs spread more than the history allows, and are not pooled with it. */
export const POOLING_ALPHA = 0.01;

export interface NoiseEstimate {
  kind: 'ok';
  /** Estimated standard deviation of one run. */
  sd: number;
  /** Sum of squares behind sd^2 = ss / df, so estimates can be pooled. */
  ss: number;
  /** Degrees of freedom of sd^2 (Satterthwaite's for successive differences). */
  df: number;
  /** 'repeats': spread within each record's runs; 'successive differences': between single runs. */
  method: 'repeats' | 'successive differences';
  /** Records used (after the window). */
  records: number;
  /** Values (or differences) left out as outliers. */
  outliers: number;
  /** Non-finite values the history held, left out. */
  nonFinite: number;
}

export interface NoiseUnavailable {
  kind: 'insufficient';
  reason: string;
}

export interface NoiseOptions {
  /** The most recent records to use, default DEFAULT_HISTORY_WINDOW. */
  window?: number;
}

/**
 * The run-to-run noise of one metric from its history: one entry per recorded commit, oldest
 * first, each the values of that commit's runs (several for repeats).
 *
 * - Records with repeats: the pooled variance of the runs around their record's mean, with
 *   sum(n_i - 1) degrees of freedom. A level that moves between records does not count.
 * - Single runs: half the mean squared successive difference, centred on the median difference
 *   (a linear trend adds the same amount to every difference and cancels); its degrees of freedom
 *   are Satterthwaite's, 2m^2 / (3m - 1) for m differences, less one for the centring.
 */
export function estimateNoise(
  records: readonly (readonly number[])[],
  options: NoiseOptions = {},
): NoiseEstimate | NoiseUnavailable {
  const window = options.window ?? DEFAULT_HISTORY_WINDOW;
  if (!Number.isInteger(window) || window < MIN_HISTORY_RECORDS)
    throw new RangeError(`window must be a whole number >= ${MIN_HISTORY_RECORDS}, got ${window}`);
  let nonFinite = 0;
  const usable: number[][] = [];
  for (const record of records) {
    const finite = record.filter((v) => Number.isFinite(v));
    nonFinite += record.length - finite.length;
    if (finite.length > 0) usable.push(finite);
  }
  const recent = usable.slice(-window);
  const withRepeats = recent.filter((r) => r.length >= 2);
  const repeatsDf = withRepeats.reduce((sum, r) => sum + r.length - 1, 0);
  const estimate =
    repeatsDf >= MIN_HISTORY_DF
      ? withinRecords(withRepeats)
      : recent.length >= MIN_HISTORY_RECORDS
        ? // One run of each record: a mean of several runs would be less noisy than one run.
          successiveDifferences(recent.map((r) => r[0]!))
        : undefined;
  if (estimate === undefined) {
    return {
      kind: 'insufficient',
      reason: `the history has ${recent.length} ${recent.length === 1 ? 'record' : 'records'} of this metric; at least ${MIN_HISTORY_RECORDS} are needed to estimate its noise`,
    };
  }
  if (estimate.df < MIN_HISTORY_DF) {
    return {
      kind: 'insufficient',
      reason: `after leaving out ${estimate.outliers} outlying values, the history has too few left to estimate the noise`,
    };
  }
  return {
    kind: 'ok',
    sd: Math.sqrt(estimate.ss / estimate.df),
    ss: estimate.ss,
    df: estimate.df,
    method: estimate.method,
    records: recent.length,
    outliers: estimate.outliers,
    nonFinite,
  };
}

interface RawEstimate {
  ss: number;
  df: number;
  method: NoiseEstimate['method'];
  outliers: number;
}

/** Pooled within-record variance, after leaving out values far from the rest of their record. */
function withinRecords(records: readonly number[][]): RawEstimate {
  // Each value's distance from the median of its record's other values: a diverged seed is far
  // from the others, and (unlike with their mean) does not drag the others away with it. The
  // distances are compared with their own median, so no normal-theory constant is needed.
  const distances = records.map((record) =>
    record.map((x, j) => Math.abs(x - median(record.filter((_, k) => k !== j)))),
  );
  const scale = MAD_SCALE * median(distances.flat());
  let ss = 0;
  let df = 0;
  let outliers = 0;
  records.forEach((record, i) => {
    const kept = scale > 0 ? record.filter((_, j) => distances[i]![j]! <= OUTLIER_CUT * scale) : record;
    outliers += record.length - kept.length;
    if (kept.length < 2) return;
    const mean = sampleMean(kept);
    for (const x of kept) ss += (x - mean) ** 2;
    df += kept.length - 1;
  });
  return { ss, df, method: 'repeats', outliers };
}

/** Half the mean squared successive difference, centred, after leaving out outlying differences. */
function successiveDifferences(values: readonly number[]): RawEstimate {
  const diffs: number[] = [];
  for (let i = 1; i < values.length; i++) diffs.push(values[i]! - values[i - 1]!);
  const centre = median(diffs);
  const scale = MAD_SCALE * median(diffs.map((d) => Math.abs(d - centre)));
  const trimmed = scale > 0;
  const kept = trimmed ? diffs.filter((d) => Math.abs(d - centre) <= DIFFERENCE_CUT * scale) : diffs;
  const m = kept.length;
  if (m < 2) return { ss: 0, df: 0, method: 'successive differences', outliers: diffs.length - m };
  const mean = sampleMean(kept);
  // A difference of two runs has variance 2 sigma^2. Successive differences are correlated
  // (-sigma^2 between neighbours), so the centred sum of squares has expectation 2 sigma^2 (m - 1/m).
  const variance =
    kept.reduce((sum, d) => sum + (d - mean) ** 2, 0) /
    (2 * (m - 1 / m)) /
    (trimmed ? truncatedVariance(DIFFERENCE_CUT) : 1);
  const df = Math.max(0, ((2 * m * m) / (3 * m - 1) - 1) * DIFFERENCES_DF_EFFICIENCY);
  return { ss: variance * df, df, method: 'successive differences', outliers: diffs.length - m };
}

function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Sum of squares around the mean, and its degrees of freedom. */
function sumOfSquares(values: readonly number[]): { ss: number; df: number } {
  if (values.length < 2) return { ss: 0, df: 0 };
  const mean = sampleMean(values);
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { ss, df: values.length - 1 };
}

/**
 * Whether the pull request's runs spread more than the base branch's history says: the one-sided
 * F test of their variance against the history's. Undefined with one run (no spread to test). A p
 * below POOLING_ALPHA means the pull request changed the noise: its side keeps its own variance.
 * The base's own runs are not tested: they are the base branch's, as the history is.
 */
export function poolingCheck(
  head: readonly number[],
  history: NoiseEstimate,
): { p: number; sd: number } | undefined {
  const { ss, df } = sumOfSquares(head);
  if (df === 0) return undefined;
  const variance = ss / df;
  const historyVariance = history.ss / history.df;
  if (historyVariance === 0) return { p: variance === 0 ? 1 : 0, sd: Math.sqrt(variance) };
  const f = variance / historyVariance;
  // P(F > f) for F(df, history.df): I_{d2 / (d2 + d1 f)}(d2 / 2, d1 / 2).
  const p = betaInc(history.df / 2, df / 2, history.df / (history.df + df * f));
  return { p, sd: Math.sqrt(variance) };
}

export interface PooledResult {
  kind: 'ok';
  meanA: number;
  meanB: number;
  nA: number;
  nB: number;
  /** meanB - meanA. */
  diff: number;
  null: number;
  /** Standard deviation of one run: pooled from the history and the runs (of the base's side with headApart). */
  sd: number;
  se: number;
  t: number;
  df: number;
  pLess: number;
  pGreater: number;
  level: number;
  ci: [number, number];
  note?: string;
}

/**
 * Student's t-test of meanB - meanA with the variance pooled from the history and the current
 * runs: s^2 = (ss_history + ss_a + ss_b) / (df_history + (nA - 1) + (nB - 1)). Works with one run
 * per side, where only the history's spread is known. Assumes equal noise everywhere: check the
 * pull request's runs with poolingCheck first. With `headApart` (the check failed), B keeps its own
 * variance and the history is pooled with A only: Welch's statistic, with Satterthwaite's df.
 */
export function pooledTest(
  a: readonly number[],
  b: readonly number[],
  history: NoiseEstimate,
  options: { level?: number; null?: number; headApart?: boolean } = {},
): PooledResult {
  const level = options.level ?? 0.95;
  const hypothesis = options.null ?? 0;
  const nA = a.length;
  const nB = b.length;
  if (nA === 0 || nB === 0) throw new RangeError('pooledTest needs at least one value per side');
  const meanA = sampleMean(a);
  const meanB = sampleMean(b);
  const diff = meanB - meanA;
  const sa = sumOfSquares(a);
  const sb = sumOfSquares(b);
  let sd: number;
  let se: number;
  let df: number;
  if (options.headApart === true && sb.df > 0) {
    const dfA = history.df + sa.df;
    const varA = (history.ss + sa.ss) / dfA;
    const vA = varA / nA;
    const vB = sb.ss / sb.df / nB;
    sd = Math.sqrt(varA);
    se = Math.sqrt(vA + vB);
    df = vA + vB === 0 ? dfA + sb.df : (vA + vB) ** 2 / ((vA * vA) / dfA + (vB * vB) / sb.df);
  } else {
    df = history.df + sa.df + sb.df;
    sd = Math.sqrt((history.ss + sa.ss + sb.ss) / df);
    se = sd * Math.sqrt(1 / nA + 1 / nB);
  }
  const common = { kind: 'ok' as const, meanA, meanB, nA, nB, diff, null: hypothesis, sd, se, df, level };
  if (se === 0) {
    const away = diff - hypothesis;
    return {
      ...common,
      t: away === 0 ? 0 : away > 0 ? Infinity : -Infinity,
      pLess: away < 0 ? 0 : 1,
      pGreater: away > 0 ? 0 : 1,
      ci: [diff, diff],
      note: 'the history and the runs have no spread: the difference is exact, not noise',
    };
  }
  const t = (diff - hypothesis) / se;
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  const tails = studentTTails(t, df);
  return {
    ...common,
    t,
    pLess: tails[0],
    pGreater: tails[1],
    ci: [diff - q * se, diff + q * se],
  };
}
