import { findNonFinite, sampleMean, sampleVariance } from './descriptive.js';
import { createRandom, DEFAULT_SEED } from './random.js';
import {
  DEFAULT_RESAMPLES,
  studentize,
  summarise,
  summariseStudentized,
  tailOf,
  tailOrder,
  type BootstrapSummary,
} from './bootstrap.js';
import type { InsufficientResult, InvalidResult, StatsDirection } from './welch.js';
import { pOneSided } from './welch.js';

export interface PairedBootstrapOptions {
  level?: number;
  /** The one-sided tail of each bound instead of `level` (see BootstrapOptions.alpha). */
  alpha?: number;
  resamples?: number;
  seed?: number;
  direction?: StatsDirection;
  /** 'studentized' (default, the bootstrap-t) or 'percentile' (Koehn 2004); see BootstrapInterval. */
  interval?: 'studentized' | 'percentile';
  /** The mean difference the p values test against (default 0). */
  null?: number;
}

export interface PairedBootstrapResult {
  kind: 'ok';
  /** Number of examples (pairs). */
  n: number;
  /** Mean over examples of head - base. */
  diff: number;
  /** Standard error of diff: the standard deviation of the per-example differences over sqrt(n). */
  se: number;
  meanBase: number;
  meanHead: number;
  ci: [number, number];
  level: number;
  resamples: number;
  seed: number;
  interval: 'studentized' | 'percentile';
  null: number;
  /**
   * One-sided p for "diff < null", counted with the order statistic of the interval's upper bound,
   * so pLess <= alpha exactly when the (1 - 2 alpha) interval's upper bound is below null.
   */
  pLess: number;
  pGreater: number;
  pWorse?: number;
  note?: string;
}

/**
 * Paired bootstrap of a per-example score (loss, BLEU, correctness 0/1, ...): examples are
 * resampled with replacement (the same examples for base and head, which keeps the pairing and
 * so removes the example-to-example variation both models share).
 */
export function pairedBootstrap(
  base: readonly number[],
  head: readonly number[],
  options: PairedBootstrapOptions = {},
): PairedBootstrapResult | InsufficientResult | InvalidResult {
  const { tail, level } = tailOf(options);
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const interval = options.interval ?? 'studentized';
  const hypothesis = options.null ?? 0;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a whole number >= 1, got ${resamples}`);
  }
  if (tailOrder(tail, resamples) < 1) {
    throw new RangeError(`${resamples} resamples are too few for a ${level} interval`);
  }
  const bad = findNonFinite('base', base) ?? findNonFinite('head', head);
  if (bad !== undefined) return { kind: 'invalid', error: bad };
  if (base.length !== head.length) {
    return {
      kind: 'invalid',
      error: `paired scores need one base and one head value per example; got ${base.length} and ${head.length}`,
    };
  }
  const n = base.length;
  if (n < 2)
    return { kind: 'insufficient', reason: `the paired bootstrap needs at least 2 examples; got ${n}` };
  const d = Float64Array.from(head, (h, i) => h - base[i]!);
  const diff = sampleMean(Array.from(d));
  const se = Math.sqrt(sampleVariance(Array.from(d), diff) / n);
  const summary: BootstrapSummary =
    interval === 'studentized'
      ? summariseStudentized(studentizedMeans(d, diff, seed, resamples), diff, se, tail, hypothesis)
      : summarise(resampledMeans(d, seed, resamples), diff, tail, 'percentile', hypothesis, () => 0);
  const result: PairedBootstrapResult = {
    kind: 'ok',
    n,
    diff,
    se,
    meanBase: sampleMean(base),
    meanHead: sampleMean(head),
    ci: summary.ci,
    level,
    resamples,
    seed,
    interval,
    null: hypothesis,
    pLess: summary.pLess,
    pGreater: summary.pGreater,
  };
  if (summary.note !== undefined) result.note = summary.note;
  if (options.direction !== undefined) result.pWorse = pOneSided(result, options.direction);
  return result;
}

function resampledMeans(d: Float64Array, seed: number, resamples: number): Float64Array {
  const n = d.length;
  const rng = createRandom(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d[rng.int(n)]!;
    means[r] = s / n;
  }
  return means;
}

/** t* = (mean(d*) - mean(d)) / se(d*), on differences centred first so the squares keep their digits. */
function studentizedMeans(d: Float64Array, mean: number, seed: number, resamples: number): Float64Array {
  const n = d.length;
  const centred = Float64Array.from(d, (x) => x - mean);
  const rng = createRandom(seed);
  const t = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    let q = 0;
    for (let i = 0; i < n; i++) {
      const x = centred[rng.int(n)]!;
      s += x;
      q += x * x;
    }
    const m = s / n;
    const variance = Math.max(0, (q - s * m) / (n - 1));
    t[r] = studentize(m, Math.sqrt(variance / n));
  }
  return t;
}
