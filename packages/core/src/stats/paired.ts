import { findNonFinite, sampleMean } from './descriptive.js';
import { createRandom, DEFAULT_SEED } from './random.js';
import { DEFAULT_RESAMPLES, summarise } from './bootstrap.js';
import type { InsufficientResult, InvalidResult, StatsDirection } from './welch.js';
import { checkLevel, pOneSided } from './welch.js';

export interface PairedBootstrapOptions {
  level?: number;
  resamples?: number;
  seed?: number;
  direction?: StatsDirection;
}

export interface PairedBootstrapResult {
  kind: 'ok';
  /** Number of examples (pairs). */
  n: number;
  /** Mean over examples of head - base. */
  diff: number;
  meanBase: number;
  meanHead: number;
  /** Percentile interval of diff. */
  ci: [number, number];
  level: number;
  resamples: number;
  seed: number;
  /**
   * Percentile-bootstrap p values, the "paired bootstrap test" of Koehn (2004): pLess is the share
   * of resamples in which head is NOT below base, (1 + #{d* >= 0}) / (R + 1). It agrees with the
   * interval: pLess <= alpha exactly when the one-sided (1 - alpha) percentile bound is below 0.
   */
  pLess: number;
  pGreater: number;
  pWorse?: number;
  /**
   * Berg-Kirkpatrick et al. (2012) variant, for comparison: the resampled differences are shifted
   * to the null (d* - d), and p = (1 + #{d* - d beyond d}) / (R + 1) in the direction "head worse".
   * Present only with a direction. Equal to pWorse when the resampled differences are symmetric.
   */
  pWorseShifted?: number;
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
  const level = options.level ?? 0.95;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  checkLevel(level);
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a whole number >= 1, got ${resamples}`);
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
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = head[i]! - base[i]!;
  const diff = sampleMean(Array.from(d));
  const rng = createRandom(seed);
  const diffs = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d[rng.int(n)]!;
    diffs[r] = s / n;
  }
  // Berg-Kirkpatrick needs the unsorted-independent counts: count before summarise sorts.
  let shiftedHigher = 0; // resamples with d* - d <= d (head worse when higher is better)
  let shiftedLower = 0;
  for (const x of diffs) {
    if (x - diff <= diff) shiftedHigher++;
    if (x - diff >= diff) shiftedLower++;
  }
  const summary = summarise(diffs, diff, level, 'percentile', () => 0);
  const result: PairedBootstrapResult = {
    kind: 'ok',
    n,
    diff,
    meanBase: sampleMean(base),
    meanHead: sampleMean(head),
    ci: summary.ci,
    level,
    resamples,
    seed,
    pLess: summary.pLess,
    pGreater: summary.pGreater,
  };
  if (summary.note !== undefined) result.note = summary.note;
  if (options.direction !== undefined) {
    result.pWorse = pOneSided(result, options.direction);
    result.pWorseShifted =
      (1 + (options.direction === 'higher' ? shiftedHigher : shiftedLower)) / (resamples + 1);
  }
  return result;
}
