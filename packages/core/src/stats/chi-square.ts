/**
 * Pearson's chi-square test of homogeneity for a categorical column: are the reference's and the
 * current's category frequencies samples of one distribution? The same numbers as
 * scipy.stats.chi2_contingency(table, correction=False) on the 2 × K table of counts.
 *
 * With two categories it is the two-proportion z-test Evidently uses for binary columns (χ² = z²,
 * same p); with more it differs from Evidently's `chisquare(current, expected=reference)`, which
 * treats the reference as the true distribution rather than as a sample (docs/drift.md).
 */
import { logGamma } from './distributions.js';

export interface ChiSquareResult {
  statistic: number;
  /** Degrees of freedom: categories seen on either side, minus one. */
  df: number;
  p: number;
}

/**
 * The test on two count vectors over the same categories (index i is one category on both
 * sides). Categories absent from both sides are left out; a single category left is no evidence
 * of a difference (χ² = 0, p = 1).
 */
export function chiSquareHomogeneity(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
): ChiSquareResult {
  if (reference.length !== current.length) {
    throw new RangeError(
      `expected counts of the same categories, got ${reference.length} and ${current.length}`,
    );
  }
  let refTotal = 0;
  let curTotal = 0;
  const cells: Array<[number, number]> = [];
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i]!;
    const c = current[i]!;
    if (!(r >= 0 && c >= 0) || !Number.isFinite(r) || !Number.isFinite(c)) {
      throw new RangeError(`counts must be finite and non-negative, got ${r} and ${c}`);
    }
    if (r + c === 0) continue;
    refTotal += r;
    curTotal += c;
    cells.push([r, c]);
  }
  if (refTotal === 0 || curTotal === 0) {
    throw new RangeError('the chi-square test needs at least one value on each side');
  }
  const df = cells.length - 1;
  if (df === 0) return { statistic: 0, df: 0, p: 1 };
  const total = refTotal + curTotal;
  let statistic = 0;
  for (const [r, c] of cells) {
    const column = r + c;
    const expectedRef = (refTotal * column) / total;
    const expectedCur = (curTotal * column) / total;
    statistic += (r - expectedRef) ** 2 / expectedRef + (c - expectedCur) ** 2 / expectedCur;
  }
  return { statistic, df, p: chiSquareSf(statistic, df) };
}

/** Pr(X >= x) for X ~ χ²(df): the regularized upper incomplete gamma Q(df/2, x/2). */
export function chiSquareSf(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return gammaQ(df / 2, x / 2);
}

const EPS = 1e-16;
const FPMIN = 1e-300;
const MAX_ITERATIONS = 100_000;

/**
 * Q(a, x) = Γ(a, x) / Γ(a): by the series of P when x < a + 1 (then Q is not small, so 1 - P
 * keeps its accuracy), else by Lentz's continued fraction for Q itself, so tiny p values keep
 * their relative accuracy (Numerical Recipes 6.2).
 */
function gammaQ(a: number, x: number): number {
  const logPrefactor = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefactor));
  }
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.min(1, Math.exp(logPrefactor) * h);
}
