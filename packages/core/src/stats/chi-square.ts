/**
 * Pearson's chi-square test of homogeneity for a categorical column: are the reference's and the
 * current's category frequencies samples of one distribution? The same numbers as
 * scipy.stats.chi2_contingency(table, correction=False) on the 2 × K table of counts.
 *
 * With two categories it is the two-proportion z-test Evidently uses for binary columns (χ² = z²,
 * same p); with more it differs from Evidently's `chisquare(current, expected=reference)`, which
 * treats the reference as the true distribution rather than as a sample (docs/drift.md).
 */
import { gammaQ } from './distributions.js';

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
