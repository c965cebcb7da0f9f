import { binomialCdf, binomialPmf, binomialSf } from './distributions.js';
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
