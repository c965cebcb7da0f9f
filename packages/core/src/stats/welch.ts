import { studentTQuantile, studentTTails } from './distributions.js';
import { findNonFinite, sampleMean, sampleVariance } from './descriptive.js';

/** Whether a bigger number is a better model ('higher': accuracy) or a smaller one ('lower': loss). */
export type StatsDirection = 'higher' | 'lower';

export interface WelchOptions {
  /** Confidence level of the two-sided interval of the difference, default 0.95. */
  level?: number;
  /** When given, `pWorse` is the one-sided p value for "B is worse than A". */
  direction?: StatsDirection;
  /**
   * The difference meanB - meanA the p values test against (default 0): pLess is then for
   * "meanB - meanA < null". A gate that ignores worsening up to X tests against -X or X.
   */
  null?: number;
}

export interface WelchResult {
  kind: 'ok';
  meanA: number;
  meanB: number;
  /** Sample standard deviations (divisor n - 1). */
  sdA: number;
  sdB: number;
  nA: number;
  nB: number;
  /** meanB - meanA: with A = base and B = head, positive means the head's number is bigger. */
  diff: number;
  /** The hypothesised difference the t statistic and p values are about (options.null, default 0). */
  null: number;
  /** Standard error of diff: sqrt(sdA^2/nA + sdB^2/nB). */
  se: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  pTwoSided: number;
  /** One-sided p for "meanB < meanA" (scipy's alternative='less' with B first). */
  pLess: number;
  /** One-sided p for "meanB > meanA". */
  pGreater: number;
  /** One-sided p for "B is worse than A" given options.direction; absent without a direction. */
  pWorse?: number;
  level: number;
  /** Two-sided `level` confidence interval of diff. */
  ci: [number, number];
  /** Set when the data forced a special case (both samples constant). */
  note?: string;
}

/** Fewer than 2 values on a side: there is no variance to compare with. */
export interface InsufficientResult {
  kind: 'insufficient';
  reason: string;
}

/** A value that is not a finite number (NaN, Infinity, a non-number): the test refuses to guess. */
export interface InvalidResult {
  kind: 'invalid';
  error: string;
}

export function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
}

/** The one-sided p for "B worse than A" of a result with pLess / pGreater. */
export function pOneSided(result: { pLess: number; pGreater: number }, direction: StatsDirection): number {
  return direction === 'higher' ? result.pLess : result.pGreater;
}

/**
 * Welch's unequal-variances t-test of B against A (two independent samples, e.g. the metric of
 * each training seed on the base branch and on the pull request).
 *
 * Degenerate cases, decided explicitly rather than left to NaN:
 * - a side with fewer than 2 values -> `insufficient`;
 * - a NaN / Infinity / non-number value -> `invalid`, naming the first offender ("b[2] is NaN");
 * - both sides constant (zero variance): the comparison is exact: equal means give p = 1, different
 *   means give p = 0 in the direction of the difference (t = +-Infinity, ci = [diff, diff]), with a note.
 */
export function welchTest(
  a: readonly number[],
  b: readonly number[],
  options: WelchOptions = {},
): WelchResult | InsufficientResult | InvalidResult {
  const level = options.level ?? 0.95;
  const hypothesis = options.null ?? 0;
  checkLevel(level);
  if (!Number.isFinite(hypothesis)) throw new RangeError(`null must be a finite number, got ${hypothesis}`);
  const bad = findNonFinite('a', a) ?? findNonFinite('b', b);
  if (bad !== undefined) return { kind: 'invalid', error: bad };
  const nA = a.length;
  const nB = b.length;
  if (nA < 2 || nB < 2) {
    return {
      kind: 'insufficient',
      reason: `Welch's t-test needs at least 2 values on each side to estimate their spread; got ${nA} and ${nB}`,
    };
  }
  const meanA = sampleMean(a);
  const meanB = sampleMean(b);
  const varA = sampleVariance(a, meanA);
  const varB = sampleVariance(b, meanB);
  const diff = meanB - meanA;
  const vA = varA / nA;
  const vB = varB / nB;
  const se = Math.sqrt(vA + vB);
  const base = {
    meanA,
    meanB,
    sdA: Math.sqrt(varA),
    sdB: Math.sqrt(varB),
    nA,
    nB,
    diff,
    null: hypothesis,
    level,
  };

  if (se === 0) {
    const away = diff - hypothesis;
    const result: WelchResult = {
      kind: 'ok',
      ...base,
      se: 0,
      t: away === 0 ? 0 : away > 0 ? Infinity : -Infinity,
      df: nA + nB - 2,
      pTwoSided: away === 0 ? 1 : 0,
      pLess: away < 0 ? 0 : 1,
      pGreater: away > 0 ? 0 : 1,
      ci: [diff, diff],
      note:
        diff === 0
          ? 'both samples are constant and equal: no difference (p = 1)'
          : 'both samples are constant: the difference is exact, not noise',
    };
    if (options.direction !== undefined) result.pWorse = pOneSided(result, options.direction);
    return result;
  }

  const t = (diff - hypothesis) / se;
  // Welch–Satterthwaite; a constant side contributes 0 and df falls back to the other side's n - 1.
  // Scaled by the larger term so that tiny variances (1e-300) cannot underflow to 0 / 0.
  const scale = Math.max(vA, vB);
  const wA = vA / scale;
  const wB = vB / scale;
  const df = (wA + wB) ** 2 / ((wA * wA) / (nA - 1) + (wB * wB) / (nB - 1));
  const [pLess, pGreater] = studentTTails(t, df);
  const pTwoSided = Math.min(1, 2 * Math.min(pLess, pGreater));
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  const result: WelchResult = {
    kind: 'ok',
    ...base,
    se,
    t,
    df,
    pTwoSided,
    pLess,
    pGreater,
    ci: [diff - q * se, diff + q * se],
  };
  if (options.direction !== undefined) result.pWorse = pOneSided(result, options.direction);
  return result;
}
