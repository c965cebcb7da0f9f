import { betaQuantile, binomialCdf, binomialPmf, binomialSf } from './distributions.js';
import type { InsufficientResult, InvalidResult } from './welch.js';

/** The 2x2 table of paired binary outcomes (one pair per evaluation example). */
export interface McNemarCounts {
  /** Base right and head right. */
  bothCorrect: number;
  /** b: base right, head wrong. */
  baseOnly: number;
  /** c: base wrong, head right. */
  headOnly: number;
  /** Base wrong and head wrong. */
  neitherCorrect: number;
}

export interface McNemarResult {
  kind: 'ok';
  counts: McNemarCounts;
  /** Number of examples. */
  n: number;
  /** b + c: only these pairs carry information about which model is better. */
  discordant: number;
  accuracyBase: number;
  accuracyHead: number;
  /** accuracyHead - accuracyBase = (c - b) / n. */
  diff: number;
  /** Exact two-sided p: min(1, 2 P(X <= min(b, c))), X ~ Binomial(b + c, 1/2). */
  pTwoSided: number;
  /** Exact one-sided p for "head is worse": P(X >= b). */
  pHeadWorse: number;
  /** Exact one-sided p for "head is better": P(X >= c). */
  pHeadBetter: number;
  /** Mid-p variants (half the probability of the observed table): less conservative, not exact. */
  midPTwoSided: number;
  midPHeadWorse: number;
  midPHeadBetter: number;
  note?: string;
}

function isCount(v: number): boolean {
  return Number.isInteger(v) && v >= 0;
}

/**
 * Counts the 2x2 table from per-example correctness (booleans, or 1 = correct and 0 = wrong).
 * Returns an `invalid` result naming the first problem (lengths differ, a value that is not 0/1).
 */
export function mcnemarCounts(
  baseCorrect: ArrayLike<boolean | number>,
  headCorrect: ArrayLike<boolean | number>,
): McNemarCounts | InvalidResult {
  if (baseCorrect.length !== headCorrect.length) {
    return {
      kind: 'invalid',
      error: `paired outcomes need one base and one head value per example; got ${baseCorrect.length} and ${headCorrect.length}`,
    };
  }
  const counts: McNemarCounts = { bothCorrect: 0, baseOnly: 0, headOnly: 0, neitherCorrect: 0 };
  for (let i = 0; i < baseCorrect.length; i++) {
    const x = toBit(baseCorrect[i]);
    if (x === undefined)
      return { kind: 'invalid', error: `base[${i}] is ${String(baseCorrect[i])}, expected 0/1 or a boolean` };
    const y = toBit(headCorrect[i]);
    if (y === undefined)
      return { kind: 'invalid', error: `head[${i}] is ${String(headCorrect[i])}, expected 0/1 or a boolean` };
    if (x && y) counts.bothCorrect++;
    else if (x) counts.baseOnly++;
    else if (y) counts.headOnly++;
    else counts.neitherCorrect++;
  }
  return counts;
}

function toBit(v: unknown): boolean | undefined {
  if (v === true || v === 1) return true;
  if (v === false || v === 0) return false;
  return undefined;
}

/**
 * McNemar's exact test (the binomial test on the discordant pairs). With b + c = 0 the models
 * agree on every example: p = 1 everywhere. No examples at all -> `insufficient`.
 */
export function mcnemarTest(counts: McNemarCounts): McNemarResult | InsufficientResult | InvalidResult {
  for (const [key, v] of Object.entries(counts)) {
    if (!isCount(v as number))
      return { kind: 'invalid', error: `${key} must be a whole number >= 0, got ${v}` };
  }
  const { bothCorrect, baseOnly: b, headOnly: c, neitherCorrect } = counts;
  const n = bothCorrect + b + c + neitherCorrect;
  if (n === 0) return { kind: 'insufficient', reason: 'no paired examples to compare' };
  const m = b + c;
  const accuracyBase = (bothCorrect + b) / n;
  const accuracyHead = (bothCorrect + c) / n;
  const base = {
    kind: 'ok' as const,
    counts: { ...counts },
    n,
    discordant: m,
    accuracyBase,
    accuracyHead,
    diff: (c - b) / n,
  };
  if (m === 0) {
    return {
      ...base,
      pTwoSided: 1,
      pHeadWorse: 1,
      pHeadBetter: 1,
      midPTwoSided: 1,
      midPHeadWorse: 1,
      midPHeadBetter: 1,
      note: 'base and head are right and wrong on exactly the same examples',
    };
  }
  const k = Math.min(b, c);
  const lowerTail = binomialCdf(k, m, 0.5);
  const pmfK = binomialPmf(k, m, 0.5);
  // P(X >= b) = P(X > b - 1); mid-p: P(X > b) + P(X = b) / 2.
  const upper = (x: number) => binomialSf(x - 1, m, 0.5);
  const mid = (x: number) => binomialSf(x, m, 0.5) + 0.5 * binomialPmf(x, m, 0.5);
  return {
    ...base,
    pTwoSided: Math.min(1, 2 * lowerTail),
    pHeadWorse: upper(b),
    pHeadBetter: upper(c),
    midPTwoSided: Math.min(1, 2 * (lowerTail - 0.5 * pmfK)),
    midPHeadWorse: mid(b),
    midPHeadBetter: mid(c),
  };
}

/** McNemar's exact test together with the exact interval that inverts it (see mcnemarInterval). */
export interface McNemarIntervalResult extends McNemarResult {
  /** Two-sided confidence level of `ci`: 1 - 2 alpha. */
  level: number;
  /**
   * Probability outside the interval on each side, and the one-sided significance level the
   * interval agrees with: pHeadWorse <= alpha iff ci[1] < 0, pHeadBetter <= alpha iff ci[0] > 0.
   */
  alpha: number;
  /** Interval of diff = accuracyHead - accuracyBase = (c - b) / n, conditional on b + c. */
  ci: [number, number];
  /** Clopper–Pearson interval of pi = b / (b + c), the share of disagreements won by base; [0, 1] when b + c = 0. */
  piCi: [number, number];
}

/** 1/2 + 2^-53, the smallest double above 1/2. */
const ABOVE_HALF = 0.5 + Number.EPSILON / 2;

/**
 * Lower Clopper–Pearson bound, at one-sided level alpha, for the share k / (k + other) of
 * disagreements, kept consistent with the exact p = P(X >= k), X ~ Binomial(k + other, 1/2):
 * the bound is > 1/2 exactly when p <= alpha. In exact arithmetic that already holds except at
 * p = alpha, where the bound is 1/2 itself; there, and wherever rounding in the quantile or in p
 * puts the bound on the other side of 1/2 than p says, it is moved to the nearest double on the
 * side p decides (1/2 + 2^-53 or 1/2), which is never further than the rounding it corrects.
 */
function lowerShareBound(k: number, other: number, alpha: number, p: number): number {
  if (k === 0) return 0; // p = 1 > alpha
  const bound = betaQuantile(alpha, k, other + 1);
  if (p <= alpha) return bound > 0.5 ? bound : ABOVE_HALF;
  return bound > 0.5 ? 0.5 : bound;
}

/**
 * McNemar's exact test (mcnemarTest) together with an exact interval for the difference of
 * accuracies diff = head - base = (c - b) / n that comes from the same rule as the test's p values,
 * so the two can never disagree.
 *
 * Conditional on the m = b + c examples on which the models disagree, b ~ Binomial(m, pi), and
 * diff = (m / n) (1 - 2 pi) for the underlying share pi (b: base right & head wrong; c: base wrong &
 * head right; n: all examples). The interval is the two-sided Clopper–Pearson interval for pi,
 * with probability alpha in each tail, mapped through that decreasing line:
 *
 *   pi_low  = BetaQuantile(alpha; b, c + 1)   (0 when b = 0)
 *   pi_high = 1 - BetaQuantile(alpha; c, b + 1)   (1 when c = 0)
 *   ci      = [(m / n) (1 - 2 pi_high), (m / n) (1 - 2 pi_low)]
 *
 * (The upper end of pi is computed as one minus the lower end for the mirrored table, so swapping
 * base and head mirrors the interval exactly.) Clopper–Pearson inverts the one-sided binomial
 * tests, so ci[1] < 0 exactly when pHeadWorse = P(X >= b | m, 1/2) <= alpha, and ci[0] > 0 exactly
 * when pHeadBetter <= alpha, at the same alpha; and 0 lies outside the interval exactly when
 * pTwoSided <= 2 alpha (pTwoSided is min(1, 2 min(pHeadWorse, pHeadBetter)), bit for bit).
 *
 * Boundary: at p = alpha the exact bound is 0 itself, and the computed p and quantile can each
 * land an ulp either side. The rule is decided by the computed p value (p <= alpha: significant,
 * as the gates decide), and the bounds are made to follow it (see lowerShareBound): when they
 * disagree, the bound becomes -(m / n) 2^-52 (significant) or 0 (not). That only happens when
 * alpha is within rounding of p, and moves the bound by no more than the rounding (at most
 * 9e-16 * m / n in the tests, which allow 1e-12 * m / n). Note that the computed p is not always
 * the exact dyadic value (b = 2, c = 0 gives 0.2500000000000003, not 1/4), so at alpha = 1/4 that
 * table is not significant: the interval agrees with the p value that is reported, not with exact
 * arithmetic.
 *
 * Coverage is at least `level` for every pi (conditional on m), as for any Clopper–Pearson
 * interval. With b + c = 0 there is nothing to estimate: the interval is [0, 0] (and p = 1). For
 * a gate with direction 'lower' (1 = an error), head worse means c > b: pHeadBetter and ci[0] > 0.
 *
 * `level` is the two-sided level as a number (alpha = (1 - level) / 2, as scipy's
 * binomtest(...).proportion_ci(level, method='exact') computes it), or { alpha } to give the
 * one-sided significance level itself: a gate that rejects when p <= alpha should pass { alpha },
 * because alpha -> 1 - 2 alpha -> (1 - level) / 2 need not give back the same double (and a level
 * cannot express alpha < 2^-54 at all). Throws a RangeError for a level outside (0, 1) or an alpha
 * outside (0, 0.5); counts are checked as in mcnemarTest.
 */
export function mcnemarInterval(
  counts: McNemarCounts,
  level: number | { alpha: number },
): McNemarIntervalResult | InsufficientResult | InvalidResult {
  let alpha: number;
  let twoSided: number;
  if (typeof level === 'number') {
    if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
    alpha = (1 - level) / 2;
    twoSided = level;
  } else {
    alpha = level.alpha;
    if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`alpha must be in (0, 0.5), got ${alpha}`);
    twoSided = 1 - 2 * alpha;
  }
  const r = mcnemarTest(counts);
  if (r.kind !== 'ok') return r;
  const m = r.discordant;
  if (m === 0) return { ...r, level: twoSided, alpha, ci: [0, 0], piCi: [0, 1] };
  const b = r.counts.baseOnly;
  const c = r.counts.headOnly;
  const scale = m / r.n;
  const piLow = lowerShareBound(b, c, alpha, r.pHeadWorse);
  const piLowMirrored = lowerShareBound(c, b, alpha, r.pHeadBetter);
  // 2 pi - 1 is exactly -(1 - 2 pi) in floating point, and its sign is exactly that of pi - 1/2.
  return {
    ...r,
    level: twoSided,
    alpha,
    ci: [scale * (2 * piLowMirrored - 1), scale * (1 - 2 * piLow)],
    piCi: [piLow, 1 - piLowMirrored],
  };
}
