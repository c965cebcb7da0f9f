import { normalCdf, normalQuantile } from './distributions.js';
import { findNonFinite, quantileSorted, sampleMean, sampleVariance } from './descriptive.js';
import { createRandom, DEFAULT_SEED } from './random.js';
import type { InsufficientResult, InvalidResult, StatsDirection } from './welch.js';
import { checkLevel, pOneSided } from './welch.js';

export const DEFAULT_RESAMPLES = 10_000;

/**
 * How the resampled differences become an interval and p values:
 * - 'studentized' (default, the bootstrap-t): each resample's difference is divided by its own
 *   standard error, so the spread is estimated the way Welch's t-test does it. With few values the
 *   plain percentile bootstrap underestimates the spread and blocks harmless changes far too often
 *   (measured at alpha = 0.01: 4.4% with 5 runs per side, 1.7% with 20); the studentized one
 *   stays at alpha (0.9% and 1.0%).
 * - 'percentile': the classic percentile interval of the differences.
 * - 'bca': bias-corrected and accelerated (Efron 1987); an interval only, its p values are the
 *   percentile ones.
 */
export type BootstrapInterval = 'studentized' | 'percentile' | 'bca';

export interface BootstrapOptions {
  /** Two-sided confidence level, default 0.95. */
  level?: number;
  /**
   * The one-sided tail of each bound instead of `level` (level = 1 - 2 alpha): with it, pLess <=
   * alpha holds exactly when the upper bound is below the null, with no rounding of 1 - 2 alpha
   * in between.
   */
  alpha?: number;
  /** Number of resamples, default 10,000. */
  resamples?: number;
  /** Seed of the generator; the same seed and data always give the same interval. */
  seed?: number;
  interval?: BootstrapInterval;
  direction?: StatsDirection;
  /** The difference the p values test against (default 0): pLess is for "diff < null". */
  null?: number;
}

export interface BootstrapResult {
  kind: 'ok';
  /** meanB - meanA of the data (not of the resamples). */
  diff: number;
  /** Standard error of diff (Welch's): what the studentized resamples are scaled by. */
  se: number;
  ci: [number, number];
  level: number;
  resamples: number;
  seed: number;
  interval: BootstrapInterval;
  meanA: number;
  meanB: number;
  nA: number;
  nB: number;
  /** The hypothesised difference the p values are about (options.null, default 0). */
  null: number;
  /**
   * One-sided p for "diff < null", (1 + #{resamples not below}) / (resamples + 1) (Davison &
   * Hinkley, so p is never 0). Counted with the same order statistic the interval's bound is, so
   * pLess <= alpha exactly when the upper bound of the (1 - 2 alpha) interval is below null.
   */
  pLess: number;
  /** One-sided p for "diff > null"; <= alpha exactly when the lower bound is above null. */
  pGreater: number;
  pWorse?: number;
  note?: string;
}

function validateResamples(resamples: number): void {
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a whole number >= 1, got ${resamples}`);
  }
}

/**
 * The order statistic behind a bound: with R resamples and a tail of probability `tail`, the
 * k-th smallest value, k = floor(tail * (R + 1)). A p value (1 + count) / (R + 1) is <= tail
 * exactly when count < k, which is what makes an interval and its p values agree. A k of 0
 * means R is too small for that tail: no bound exists, and the caller must use more resamples.
 */
export function tailOrder(tail: number, resamples: number): number {
  // The largest k with k / (R + 1) <= tail as the p value computes it, in floating point: the
  // product can be a hair off an integer either way (0.45 * 200).
  let k = Math.max(0, Math.floor(tail * (resamples + 1)));
  while (k > 0 && k / (resamples + 1) > tail) k--;
  while ((k + 1) / (resamples + 1) <= tail) k++;
  return k;
}

/** The one-sided tail of each bound: `alpha` when given, else half of 1 - level. */
export function tailOf(options: { level?: number; alpha?: number }): { tail: number; level: number } {
  if (options.alpha !== undefined) {
    if (!(options.alpha > 0 && options.alpha < 0.5))
      throw new RangeError(`alpha must be in (0, 0.5), got ${options.alpha}`);
    return { tail: options.alpha, level: 1 - 2 * options.alpha };
  }
  const level = options.level ?? 0.95;
  checkLevel(level);
  return { tail: (1 - level) / 2, level };
}

/** Resamples needed so that a one-sided tail of `tail` has at least 20 resamples beyond its bound. */
export function resamplesFor(tail: number, wanted = DEFAULT_RESAMPLES): number {
  return Math.max(wanted, Math.ceil(20 / tail) - 1);
}

/**
 * Bootstrap of meanB - meanA for two independent samples: both are resampled with replacement
 * (each to its own size) `resamples` times with a seeded generator. Needs 2 values per side (one
 * value has no spread to resample).
 */
export function bootstrapMeanDiff(
  a: readonly number[],
  b: readonly number[],
  options: BootstrapOptions = {},
): BootstrapResult | InsufficientResult | InvalidResult {
  const { tail, level } = tailOf(options);
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const interval = options.interval ?? 'studentized';
  const hypothesis = options.null ?? 0;
  validateResamples(resamples);
  checkTail(tail, resamples);
  const bad = findNonFinite('a', a) ?? findNonFinite('b', b);
  if (bad !== undefined) return { kind: 'invalid', error: bad };
  const nA = a.length;
  const nB = b.length;
  if (nA < 2 || nB < 2) {
    return {
      kind: 'insufficient',
      reason: `the bootstrap needs at least 2 values on each side; got ${nA} and ${nB}`,
    };
  }
  const meanA = sampleMean(a);
  const meanB = sampleMean(b);
  const diff = meanB - meanA;
  const se = Math.sqrt(sampleVariance(a, meanA) / nA + sampleVariance(b, meanB) / nB);
  const summary =
    interval === 'studentized'
      ? summariseStudentized(
          studentizedResamples(a, b, meanA, meanB, seed, resamples),
          diff,
          se,
          tail,
          hypothesis,
        )
      : summarise(differenceResamples(a, b, seed, resamples), diff, tail, interval, hypothesis, () =>
          acceleration(a, b, meanA, meanB),
        );
  const result: BootstrapResult = {
    kind: 'ok',
    diff,
    se,
    ci: summary.ci,
    level,
    resamples,
    seed,
    interval,
    meanA,
    meanB,
    nA,
    nB,
    null: hypothesis,
    pLess: summary.pLess,
    pGreater: summary.pGreater,
  };
  if (summary.note !== undefined) result.note = summary.note;
  if (options.direction !== undefined) result.pWorse = pOneSided(result, options.direction);
  return result;
}

/** The resampled differences of means d* = mean(b*) - mean(a*). */
function differenceResamples(
  a: readonly number[],
  b: readonly number[],
  seed: number,
  resamples: number,
): Float64Array {
  const nA = a.length;
  const nB = b.length;
  const rng = createRandom(seed);
  const diffs = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sa = 0;
    for (let i = 0; i < nA; i++) sa += a[rng.int(nA)]!;
    let sb = 0;
    for (let i = 0; i < nB; i++) sb += b[rng.int(nB)]!;
    diffs[r] = sb / nB - sa / nA;
  }
  return diffs;
}

/**
 * The studentized resamples t* = (d* - d) / se* of two samples, drawn with the same generator
 * stream as differenceResamples. Values are centred on their side's mean first, so each resample's
 * variance is computed from small numbers and keeps its digits (metrics like 0.9 +- 0.005).
 */
function studentizedResamples(
  a: readonly number[],
  b: readonly number[],
  meanA: number,
  meanB: number,
  seed: number,
  resamples: number,
): Float64Array {
  const nA = a.length;
  const nB = b.length;
  const ca = Float64Array.from(a, (v) => v - meanA);
  const cb = Float64Array.from(b, (v) => v - meanB);
  const rng = createRandom(seed);
  const t = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sa = 0;
    let qa = 0;
    for (let i = 0; i < nA; i++) {
      const v = ca[rng.int(nA)]!;
      sa += v;
      qa += v * v;
    }
    let sb = 0;
    let qb = 0;
    for (let i = 0; i < nB; i++) {
      const v = cb[rng.int(nB)]!;
      sb += v;
      qb += v * v;
    }
    // d* - d is the difference of the centred means; each variance is around its resample's mean.
    const ma = sa / nA;
    const mb = sb / nB;
    const va = Math.max(0, (qa - sa * ma) / (nA - 1));
    const vb = Math.max(0, (qb - sb * mb) / (nB - 1));
    t[r] = studentize(mb - ma, Math.sqrt(va / nA + vb / nB));
  }
  return t;
}

/** (d* - d) / se*, with a resample of no spread counted as infinitely far (or 0 when d* = d). */
export function studentize(shift: number, se: number): number {
  if (se > 0) return shift / se;
  return shift === 0 ? 0 : shift > 0 ? Infinity : -Infinity;
}

/** Influence values of the difference of means (jackknife-equivalent), for BCa's acceleration. */
function acceleration(a: readonly number[], b: readonly number[], meanA: number, meanB: number): number {
  let num = 0;
  let den = 0;
  for (const v of b) {
    const u = (v - meanB) / b.length;
    num += u * u * u;
    den += u * u;
  }
  for (const v of a) {
    const u = -(v - meanA) / a.length;
    num += u * u * u;
    den += u * u;
  }
  return den === 0 ? 0 : num / (6 * den ** 1.5);
}

function checkTail(tail: number, resamples: number): void {
  if (tailOrder(tail, resamples) < 1) {
    throw new RangeError(
      `${resamples} resamples cannot give a one-sided tail of ${tail}: use at least ${Math.ceil(1 / tail) - 1}`,
    );
  }
}

export interface BootstrapSummary {
  ci: [number, number];
  pLess: number;
  pGreater: number;
  note?: string;
}

/**
 * The studentized (bootstrap-t) interval and p values from t* = (d* - d) / se* of each resample.
 * Each resample implies a bound b = d - t* se of the difference; with k = tailOrder(tail, R), the
 * interval is [k-th smallest b, k-th largest b], and for a hypothesised difference c,
 * pLess = (1 + #{b >= c}) / (R + 1) and pGreater = (1 + #{b <= c}) / (R + 1). The interval and
 * the p values are counted on the same floating-point numbers, so pLess <= alpha exactly when the
 * upper bound of the (1 - 2 alpha) interval is below c, even at ties and underflow (in exact
 * arithmetic this is the usual t* <= (d - c) / se). When the data have no spread (se = 0) the
 * difference is exact: p is 0 or 1.
 */
export function summariseStudentized(
  t: Float64Array,
  diff: number,
  se: number,
  tail: number,
  hypothesis: number,
): BootstrapSummary {
  const R = t.length;
  if (!(se > 0)) {
    return {
      ci: [diff, diff],
      pLess: diff < hypothesis ? 0 : 1,
      pGreater: diff > hypothesis ? 0 : 1,
      note:
        diff === hypothesis
          ? 'the data have no spread and the difference is exactly as tested (p = 1)'
          : 'the data have no spread: the difference is exact, not noise',
    };
  }
  const bounds = t.map((x) => diff - x * se).sort();
  const k = tailOrder(tail, R);
  let atLeast = 0;
  let atMost = 0;
  for (const b of bounds) {
    if (b >= hypothesis) atLeast++;
    if (b <= hypothesis) atMost++;
  }
  return {
    ci: [bounds[k - 1]!, bounds[R - k]!],
    pLess: (1 + atLeast) / (R + 1),
    pGreater: (1 + atMost) / (R + 1),
  };
}

/**
 * Sorts the resampled differences in place and turns them into an interval and p values. The
 * percentile interval's bounds are the order statistics tailOrder names, and pLess counts the
 * resamples at or above the hypothesised difference, so the two always agree. BCa moves the
 * bounds and keeps the percentile p values.
 */
export function summarise(
  diffs: Float64Array,
  observed: number,
  tail: number,
  interval: 'percentile' | 'bca',
  hypothesis: number,
  accelerationOf: () => number,
): BootstrapSummary {
  const R = diffs.length;
  let notBelow = 0;
  let notAbove = 0;
  let below = 0;
  let equal = 0;
  for (const d of diffs) {
    if (d >= hypothesis) notBelow++;
    if (d <= hypothesis) notAbove++;
    if (d < observed) below++;
    else if (d === observed) equal++;
  }
  diffs.sort();
  const k = tailOrder(tail, R);
  let ci: [number, number] = [diffs[k - 1]!, diffs[R - k]!];
  let note: string | undefined;
  if (interval === 'bca') {
    const share = (below + 0.5 * equal) / R;
    const z0 = normalQuantile(share);
    if (!Number.isFinite(z0)) {
      note = 'BCa not possible (every resample on one side of the estimate); percentile interval used';
    } else {
      const acc = accelerationOf();
      const adjust = (p: number) => {
        const z = normalQuantile(p);
        return normalCdf(z0 + (z0 + z) / (1 - acc * (z0 + z)));
      };
      ci = [quantileSorted(diffs, adjust(tail)), quantileSorted(diffs, adjust(1 - tail))];
    }
  }
  if (diffs[0] === diffs[R - 1]) note = 'every resample gave the same difference: the data have no spread';
  const summary: BootstrapSummary = {
    ci,
    pLess: (1 + notBelow) / (R + 1),
    pGreater: (1 + notAbove) / (R + 1),
  };
  if (note !== undefined) summary.note = note;
  return summary;
}
