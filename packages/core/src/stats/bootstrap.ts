import { normalCdf, normalQuantile } from './distributions.js';
import { findNonFinite, quantileSorted, sampleMean } from './descriptive.js';
import { createRandom, DEFAULT_SEED } from './random.js';
import type { InsufficientResult, InvalidResult, StatsDirection } from './welch.js';
import { checkLevel, pOneSided } from './welch.js';

export const DEFAULT_RESAMPLES = 10_000;

export interface BootstrapOptions {
  /** Two-sided confidence level, default 0.95. */
  level?: number;
  /** Number of resamples, default 10,000. */
  resamples?: number;
  /** Seed of the generator; the same seed and data always give the same interval. */
  seed?: number;
  /** 'percentile' (default) or 'bca' (bias-corrected and accelerated, Efron 1987). */
  interval?: 'percentile' | 'bca';
  direction?: StatsDirection;
}

export interface BootstrapResult {
  kind: 'ok';
  /** meanB - meanA of the data (not of the resamples). */
  diff: number;
  ci: [number, number];
  level: number;
  resamples: number;
  seed: number;
  interval: 'percentile' | 'bca';
  meanA: number;
  meanB: number;
  nA: number;
  nB: number;
  /**
   * Percentile-bootstrap p values: pLess = (1 + #{resampled diff >= 0}) / (resamples + 1) is the
   * share of resamples in which B is NOT below A (with the +1 of Davison & Hinkley, so p is never 0).
   * pLess <= alpha exactly when the one-sided (1 - alpha) percentile bound of diff is below 0.
   */
  pLess: number;
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
 * Bootstrap confidence interval of meanB - meanA for two independent samples: both samples are
 * resampled with replacement (each to its own size) `resamples` times with a seeded generator.
 * Needs 2 values per side (one value has no spread to resample).
 */
export function bootstrapMeanDiff(
  a: readonly number[],
  b: readonly number[],
  options: BootstrapOptions = {},
): BootstrapResult | InsufficientResult | InvalidResult {
  const level = options.level ?? 0.95;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const interval = options.interval ?? 'percentile';
  checkLevel(level);
  validateResamples(resamples);
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
  const rng = createRandom(seed);
  const diffs = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sa = 0;
    for (let i = 0; i < nA; i++) sa += a[rng.int(nA)]!;
    let sb = 0;
    for (let i = 0; i < nB; i++) sb += b[rng.int(nB)]!;
    diffs[r] = sb / nB - sa / nA;
  }
  // Influence values of the difference of means (jackknife-equivalent), for BCa's acceleration.
  const influence = () => {
    let num = 0;
    let den = 0;
    for (const v of b) {
      const u = (v - meanB) / nB;
      num += u * u * u;
      den += u * u;
    }
    for (const v of a) {
      const u = -(v - meanA) / nA;
      num += u * u * u;
      den += u * u;
    }
    return den === 0 ? 0 : num / (6 * den ** 1.5);
  };
  const summary = summarise(diffs, diff, level, interval, influence);
  const result: BootstrapResult = {
    kind: 'ok',
    diff,
    ci: summary.ci,
    level,
    resamples,
    seed,
    interval,
    meanA,
    meanB,
    nA,
    nB,
    pLess: summary.pLess,
    pGreater: summary.pGreater,
  };
  if (summary.note !== undefined) result.note = summary.note;
  if (options.direction !== undefined) result.pWorse = pOneSided(result, options.direction);
  return result;
}

/** Sorts the resampled differences in place and turns them into an interval and p values. */
export function summarise(
  diffs: Float64Array,
  observed: number,
  level: number,
  interval: 'percentile' | 'bca',
  acceleration: () => number,
): { ci: [number, number]; pLess: number; pGreater: number; note?: string; below: number } {
  const R = diffs.length;
  let notBelow = 0;
  let notAbove = 0;
  let below = 0;
  let equal = 0;
  for (const d of diffs) {
    if (d >= 0) notBelow++;
    if (d <= 0) notAbove++;
    if (d < observed) below++;
    else if (d === observed) equal++;
  }
  diffs.sort();
  const tail = (1 - level) / 2;
  let lo = tail;
  let hi = 1 - tail;
  let note: string | undefined;
  if (interval === 'bca') {
    const share = (below + 0.5 * equal) / R;
    const z0 = normalQuantile(share);
    if (!Number.isFinite(z0)) {
      note = 'BCa not possible (every resample on one side of the estimate); percentile interval used';
    } else {
      const acc = acceleration();
      const adjust = (p: number) => {
        const z = normalQuantile(p);
        return normalCdf(z0 + (z0 + z) / (1 - acc * (z0 + z)));
      };
      lo = adjust(tail);
      hi = adjust(1 - tail);
    }
  }
  const min = diffs[0]!;
  const max = diffs[R - 1]!;
  if (min === max) note = 'every resample gave the same difference: the data have no spread';
  return {
    ci: [quantileSorted(diffs, lo), quantileSorted(diffs, hi)],
    pLess: (1 + notBelow) / (R + 1),
    pGreater: (1 + notAbove) / (R + 1),
    below,
    ...(note === undefined ? {} : { note }),
  };
}
