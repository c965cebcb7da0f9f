/** Small, exact-as-possible summaries shared by the tests. */

/** Arithmetic mean; two-pass corrected so that values like 1e6 + 1, 1e6 + 2 keep their digits. */
export function sampleMean(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (const v of values) sum += v;
  const m = sum / n;
  let correction = 0;
  for (const v of values) correction += v - m;
  return m + correction / n;
}

/** Unbiased sample variance (divisor n - 1), two-pass with the compensated sum of Chan et al. */
export function sampleVariance(values: readonly number[], mean = sampleMean(values)): number {
  const n = values.length;
  if (n < 2) return NaN;
  let ss = 0;
  let comp = 0;
  for (const v of values) {
    const d = v - mean;
    ss += d * d;
    comp += d;
  }
  return Math.max(0, (ss - (comp * comp) / n) / (n - 1));
}

/**
 * The first non-finite value of a sample, named for an error message ("head[2] is NaN"), or
 * undefined when every value is a finite number.
 */
export function findNonFinite(label: string, values: readonly number[]): string | undefined {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number') return `${label}[${i}] is not a number (${String(v)})`;
    if (!Number.isFinite(v)) return `${label}[${i}] is ${v}`;
  }
  return undefined;
}

/**
 * Linear interpolation between order statistics (type 7 of Hyndman & Fan, numpy's default) of
 * an ascending sorted array.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}
