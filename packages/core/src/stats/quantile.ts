/**
 * Quantiles of timing samples, and the bootstrap test behind the distribution-aware latency gate
 * (`latency.time_ms p95 rise <= 10%`, docs/statistics.md "Quantiles of timings").
 *
 * Quantile definition: type 7 of Hyndman & Fan (numpy's and R's default), linear interpolation
 * between the order statistics around h = (n - 1) q (0-based).
 */
import { roundNoise } from '../format.js';
import { normalCdf, normalQuantile } from './distributions.js';
import { findNonFinite, quantileSorted } from './descriptive.js';
import { DEFAULT_RESAMPLES, resamplesFor, tailOrder } from './bootstrap.js';
import { createRandom, DEFAULT_SEED, type Random } from './random.js';

/** The type 7 quantile of values in any order (NaN for none). */
export function quantile(values: readonly number[], q: number): number {
  return quantileSorted(Float64Array.from(values).sort(), q);
}

/** Several type 7 quantiles of one sample, sorted once. */
export function quantiles(values: readonly number[], qs: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return qs.map((q) => quantileSorted(sorted, q));
}

/**
 * Samples beyond the quantile (on its nearer side) the bootstrap needs on each side. With fewer,
 * the resampled quantile takes only a handful of distinct values (the largest few), its spread is
 * underestimated, and harmless changes block more often than α: measured with 1 beyond it, up to
 * 6.2% at α = 0.05; from 2, at most α (docs/statistics.md). 5 leaves a margin.
 */
export const MIN_TAIL_SAMPLES = 5;

/** The fewest samples per side the quantile bootstrap is run with: 10 for the median, 100 for the p95, 500 for the p99. */
export function minSamplesFor(q: number): number {
  const tail = Math.min(q, 1 - q);
  return Math.ceil(MIN_TAIL_SAMPLES / tail - 1e-9);
}

/** How the change of the quantile is measured: head - base, or head / base - 1. */
export type QuantileScale = 'absolute' | 'relative';
/**
 * What blocks: a rise beyond the limit (θ > limit), a drop beyond it (θ < -limit), or a change
 * beyond it either way (|θ| > limit).
 */
export type QuantileAlternative = 'rise' | 'drop' | 'change';

export interface QuantileTestInput {
  base: readonly number[];
  head: readonly number[];
  /** The quantile, strictly between 0 and 1 (0.95 for the p95). */
  q: number;
  scale: QuantileScale;
  alternative: QuantileAlternative;
  /**
   * The largest change that is allowed, 0 or more, on `scale` (a fraction for 'relative': 0.1 for
   * 10%). The null hypothesis is that the true change is within it; the test blocks when the data
   * show with confidence 1 - α that it is not.
   */
  limit: number;
  /** One-sided significance level (each bound of the reported interval has this tail). */
  alpha: number;
  resamples?: number;
  seed?: number;
}

export interface QuantileTestResult {
  kind: 'ok';
  q: number;
  /** The sample quantiles (type 7) of each side. */
  base: number;
  head: number;
  nBase: number;
  nHead: number;
  scale: QuantileScale;
  /** The observed change on `scale`: head - base, or head / base - 1. */
  estimate: number;
  /** Percentile interval of the change on `scale`, two-sided at `level` = 1 - 2α. */
  ci: [number, number];
  /** The same resamples' interval of head - base, in the samples' units. */
  ciAbsolute: [number, number];
  level: number;
  /**
   * One-sided p value of the alternative, (1 + #{resamples not beyond the limit}) / (R + 1):
   * p ≤ α exactly when the interval's bound on the alternative's side is beyond the limit. For
   * 'change', twice the smaller of the two one-sided p values (at most 1).
   */
  p: number;
  resamples: number;
  seed: number;
}

/**
 * No test: 'insufficient' (too few samples, or a relative change from a quantile of 0) or
 * 'invalid' (a NaN or infinite sample: a broken benchmark, which a gate fails on).
 */
export type QuantileTestUnavailable =
  | {
      kind: 'insufficient';
      /** Why, in words: "... needs at least 100 samples per side; got 40 and 300". */ reason: string;
    }
  | { kind: 'invalid'; reason: string };

/**
 * Is the q-quantile of head beyond the allowed change from base's? A percentile bootstrap of the
 * change: both samples are resampled with replacement (each to its own size), R times, with a
 * seeded generator, and the change of their quantiles is counted against the limit.
 *
 * The resampled quantile is drawn exactly as resampling n values would give it, in constant time:
 * the k-th smallest of n values drawn with replacement from the sorted sample x is x[⌊n U⌋], where
 * U is the k-th smallest of n uniforms, U ~ Beta(k, n - k + 1); the next order statistic, which
 * type 7 interpolates with, is U + (1 - U)(1 - V^(1/(n - k))) for a uniform V. 10,000 resamples of
 * 50,000 timings then cost what 10,000 resamples of 5 values do.
 */
export function quantileChangeTest(input: QuantileTestInput): QuantileTestResult | QuantileTestUnavailable {
  const { q, alpha, limit } = input;
  if (!(q > 0 && q < 1)) throw new RangeError(`q must be strictly between 0 and 1, got ${q}`);
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`alpha must be in (0, 0.5), got ${alpha}`);
  if (!(limit >= 0 && Number.isFinite(limit)))
    throw new RangeError(`limit must be a finite number >= 0, got ${limit}`);
  const resamples = input.resamples ?? resamplesFor(alpha, DEFAULT_RESAMPLES);
  if (!Number.isInteger(resamples) || tailOrder(alpha, resamples) < 1)
    throw new RangeError(`${resamples} resamples cannot give a one-sided tail of ${alpha}`);
  const seed = input.seed ?? DEFAULT_SEED;
  const bad = findNonFinite('base', input.base) ?? findNonFinite('head', input.head);
  if (bad !== undefined) return { kind: 'invalid', reason: bad };
  const nBase = input.base.length;
  const nHead = input.head.length;
  const needed = minSamplesFor(q);
  if (nBase < needed || nHead < needed) {
    return {
      kind: 'insufficient',
      reason: `the bootstrap of the ${quantileLabel(q)} needs at least ${needed} samples per side (${MIN_TAIL_SAMPLES} beyond the quantile); got ${nBase} and ${nHead}`,
    };
  }
  const base = Float64Array.from(input.base).sort();
  const head = Float64Array.from(input.head).sort();
  const qBase = quantileSorted(base, q);
  const qHead = quantileSorted(head, q);
  const relative = input.scale === 'relative';
  if (relative && !(qBase > 0)) {
    return {
      kind: 'insufficient',
      reason: `a change relative to the base's ${quantileLabel(q)} needs it to be above 0; it is ${qBase}`,
    };
  }
  // Rounded to 12 significant digits, as the change rules round their deltas: 1.1 a / a - 1 is
  // 0.10000000000000009, which must not count as beyond a limit of 10%.
  const change = (h: number, b: number): number => {
    if (!relative) return roundNoise(h - b);
    if (b > 0) return roundNoise(h / b - 1);
    return h === b ? 0 : h > b ? Infinity : -Infinity;
  };

  // One generator stream, base then head per resample: the same seed and data give the same result.
  const rng = createRandom(seed);
  const onScale = new Float64Array(resamples);
  const absolute = new Float64Array(resamples);
  let notAbove = 0; // θ* <= limit: does not support "rise beyond the limit"
  let notBelow = 0; // θ* >= -limit: does not support "drop beyond the limit"
  for (let r = 0; r < resamples; r++) {
    const b = resampledQuantile(base, q, rng);
    const h = resampledQuantile(head, q, rng);
    const theta = change(h, b);
    onScale[r] = theta;
    absolute[r] = relative ? roundNoise(h - b) : theta;
    if (theta <= limit) notAbove++;
    if (theta >= -limit) notBelow++;
  }
  const pRise = (1 + notAbove) / (resamples + 1);
  const pDrop = (1 + notBelow) / (resamples + 1);
  const p =
    input.alternative === 'rise'
      ? pRise
      : input.alternative === 'drop'
        ? pDrop
        : Math.min(1, 2 * Math.min(pRise, pDrop));
  onScale.sort();
  absolute.sort();
  const k = tailOrder(alpha, resamples);
  return {
    kind: 'ok',
    q,
    base: qBase,
    head: qHead,
    nBase,
    nHead,
    scale: input.scale,
    estimate: change(qHead, qBase),
    ci: [onScale[k - 1]!, onScale[resamples - k]!],
    ciAbsolute: [absolute[k - 1]!, absolute[resamples - k]!],
    level: 1 - 2 * alpha,
    p,
    resamples,
    seed,
  };
}

/** `p95` for 0.95, `p99.9` for 0.999: how the quantile is named in keys and sentences. */
export function quantileLabel(q: number): string {
  return `p${Number((q * 100).toPrecision(6))}`;
}

/**
 * The type 7 q-quantile of one resample (with replacement, of the sample's own size) of the
 * ascending `sorted`, drawn through the order statistics of uniforms (see quantileChangeTest).
 */
export function resampledQuantile(sorted: Float64Array, q: number, rng: Random): number {
  const n = sorted.length;
  if (n === 1) return sorted[0]!;
  const h = (n - 1) * q;
  const lo = Math.floor(h); // 0-based: the (lo + 1)-th smallest
  const frac = h - lo;
  const k = lo + 1;
  const u = betaSample(rng, k, n - k + 1);
  const first = sorted[Math.min(n - 1, Math.floor(n * u))]!;
  if (frac === 0 || k >= n) return first;
  // The next smallest of n uniforms: the least of the n - k above u.
  const next = u + (1 - u) * -Math.expm1(Math.log(rng.next()) / (n - k));
  const second = sorted[Math.min(n - 1, Math.floor(n * next))]!;
  return first + frac * (second - first);
}

/** Beta(a, b) for a, b >= 1, as X / (X + Y) of two gamma variates. */
function betaSample(rng: Random, a: number, b: number): number {
  const x = gammaSample(rng, a);
  const y = gammaSample(rng, b);
  return x / (x + y);
}

/** Gamma(shape, 1) for shape >= 1: Marsaglia & Tsang (2000), exact by rejection. */
function gammaSample(rng: Random, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * The asymptotic standard deviation of log(sample q-quantile) of n lognormal timings with the
 * given coefficient of variation: √(q(1 - q) / n) σ / φ(z_q), with σ² = ln(1 + cv²). Behind the
 * power figures of docs/statistics.md and the simulation test that checks them.
 */
export function lognormalLogQuantileSd(q: number, cv: number, n: number): number {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const z = normalQuantile(q);
  const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  return (Math.sqrt((q * (1 - q)) / n) * sigma) / density;
}

/**
 * The theoretical power of the one-sided test of "the q-quantile rose by more than `limit`" (a
 * fraction) when it truly rose by `rise`, n lognormal timings per side of the given CV, at α: the
 * normal approximation of the log ratio of the two sample quantiles.
 */
export function quantileRisePower(input: {
  q: number;
  cv: number;
  n: number;
  rise: number;
  limit: number;
  alpha: number;
}): number {
  const sd = Math.SQRT2 * lognormalLogQuantileSd(input.q, input.cv, input.n);
  const effect = Math.log1p(input.rise) - Math.log1p(input.limit);
  return normalCdf(effect / sd - normalQuantile(1 - input.alpha));
}

/** The samples per side for the given power (normal approximation, as quantileRisePower). */
export function quantileRiseSamples(input: {
  q: number;
  cv: number;
  power: number;
  rise: number;
  limit: number;
  alpha: number;
}): number {
  const unit = Math.SQRT2 * lognormalLogQuantileSd(input.q, input.cv, 1);
  const effect = Math.log1p(input.rise) - Math.log1p(input.limit);
  const z = normalQuantile(1 - input.alpha) + normalQuantile(input.power);
  return Math.ceil(((z * unit) / effect) ** 2);
}
