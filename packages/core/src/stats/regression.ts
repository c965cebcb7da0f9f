import { bootstrapMeanDiff, DEFAULT_RESAMPLES } from './bootstrap.js';
import { findNonFinite } from './descriptive.js';
import { mcnemarCounts, mcnemarTest } from './mcnemar.js';
import { pairedBootstrap } from './paired.js';
import { DEFAULT_SEED } from './random.js';
import type { StatsDirection } from './welch.js';
import { welchTest } from './welch.js';

export type RegressionVerdict = 'regressed' | 'not-significant' | 'improved' | 'insufficient';
export type RegressionMethod = 'welch' | 'bootstrap' | 'paired-bootstrap' | 'mcnemar';

export interface RegressionInput {
  /** Repeats of the metric on the base branch (seeds, folds). */
  base: readonly number[];
  /** Repeats of the metric on the pull request. */
  head: readonly number[];
  direction: StatsDirection;
  /** Significance level of the one-sided test "head is worse", e.g. 0.05. */
  alpha: number;
  method: 'welch' | 'bootstrap';
  /** Only block when the estimated worsening is also bigger than this (in the metric's units). */
  minEffect?: number;
  /** Bootstrap only: generator seed (default 20240611) and number of resamples (default 10,000). */
  seed?: number;
  resamples?: number;
  /**
   * Level of the reported two-sided interval. Default 1 - 2 alpha, so that the interval excludes 0
   * on the worse side exactly when the one-sided test at alpha is significant.
   */
  ciLevel?: number;
}

export interface PairedRegressionInput {
  /** One value per evaluation example; for 'mcnemar' 1/true = correct, 0/false = wrong. */
  base: readonly (number | boolean)[];
  head: readonly (number | boolean)[];
  direction: StatsDirection;
  alpha: number;
  method: 'paired-bootstrap' | 'mcnemar';
  minEffect?: number;
  seed?: number;
  resamples?: number;
  ciLevel?: number;
}

interface CommonFields {
  method: RegressionMethod;
  direction: StatsDirection;
  alpha: number;
  /** Number of values (independent methods) or examples (paired methods) on each side. */
  n: { base: number; head: number };
  /** One plain-English sentence for a report. */
  explanation: string;
}

export interface RegressionInsufficient extends CommonFields {
  verdict: 'insufficient';
  /** too-few-values: n < 2 on a side (no spread to test against); invalid-values: NaN, Infinity, bad 0/1, unequal pairs. */
  reason: 'too-few-values' | 'invalid-values';
}

export interface RegressionDecided extends CommonFields {
  verdict: 'regressed' | 'not-significant' | 'improved';
  /** One-sided p value for "head is worse than base". */
  p: number;
  /** One-sided p value for "head is better than base". */
  pBetter: number;
  /** head - base (means, or mean of per-example differences). */
  diff: number;
  /** diff signed so that positive = head is worse (diff for 'lower' metrics, -diff for 'higher'). */
  worsening: number;
  /** Two-sided interval of diff at ciLevel. */
  ci: [number, number];
  ciLevel: number;
  mean: { base: number; head: number };
  minEffect?: number;
  /** True when the test was significant but the worsening/improvement is within minEffect. */
  withinMinEffect?: boolean;
  seed?: number;
  resamples?: number;
  note?: string;
}

export type RegressionResult = RegressionInsufficient | RegressionDecided;

const METHOD_NAMES: Record<RegressionMethod, string> = {
  welch: "Welch's t-test",
  bootstrap: 'bootstrap',
  'paired-bootstrap': 'paired bootstrap',
  mcnemar: "McNemar's exact test",
};

function checkCommon(alpha: number, minEffect: number | undefined, ciLevel: number | undefined): number {
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`alpha must be in (0, 0.5), got ${alpha}`);
  if (minEffect !== undefined && !(minEffect >= 0 && Number.isFinite(minEffect))) {
    throw new RangeError(`minEffect must be a finite number >= 0, got ${minEffect}`);
  }
  const level = ciLevel ?? 1 - 2 * alpha;
  if (!(level > 0 && level < 1)) throw new RangeError(`ciLevel must be in (0, 1), got ${level}`);
  return level;
}

/**
 * The statistical gate: is head worse than base beyond noise? Independent samples (e.g. 5 seeds
 * each), Welch's t-test or a bootstrap of the difference of means.
 *
 * Verdict: 'regressed' iff the one-sided p for "head is worse" is <= alpha and (when minEffect is
 * given) the estimated worsening exceeds minEffect; 'improved' symmetrically; 'insufficient' when
 * there are fewer than 2 values on a side or a value is not a finite number; else 'not-significant'.
 */
export function testRegression(input: RegressionInput): RegressionResult {
  const { base, head, direction, alpha, method, minEffect } = input;
  const ciLevel = checkCommon(alpha, minEffect, input.ciLevel);
  const common = { method, direction, alpha, n: { base: base.length, head: head.length } };
  const bad = findNonFinite('base', base) ?? findNonFinite('head', head);
  if (bad !== undefined) return insufficient(common, 'invalid-values', bad);
  const result =
    method === 'welch'
      ? welchTest(base, head, { level: ciLevel, direction })
      : bootstrapMeanDiff(base, head, {
          level: ciLevel,
          direction,
          seed: input.seed ?? DEFAULT_SEED,
          resamples: input.resamples ?? DEFAULT_RESAMPLES,
        });
  if (result.kind === 'invalid') return insufficient(common, 'invalid-values', result.error);
  if (result.kind === 'insufficient') return insufficient(common, 'too-few-values', result.reason);
  const extra =
    result.kind === 'ok' && 'resamples' in result ? { seed: result.seed, resamples: result.resamples } : {};
  return decide({
    ...common,
    ...extra,
    diff: result.diff,
    ci: result.ci,
    ciLevel,
    p: direction === 'higher' ? result.pLess : result.pGreater,
    pBetter: direction === 'higher' ? result.pGreater : result.pLess,
    mean: { base: result.meanA, head: result.meanB },
    minEffect,
    note: result.note,
  });
}

/**
 * The paired gate: base and head scored on the same examples. 'mcnemar' for correct/wrong per
 * example (accuracy-like, direction 'higher'; with 'lower' a 1 counts as an error), or
 * 'paired-bootstrap' for any per-example score.
 */
export function testPairedRegression(input: PairedRegressionInput): RegressionResult {
  const { base, head, direction, alpha, method, minEffect } = input;
  const ciLevel = checkCommon(alpha, minEffect, input.ciLevel);
  const common = { method, direction, alpha, n: { base: base.length, head: head.length } };
  if (method === 'mcnemar') {
    const counts = mcnemarCounts(base, head);
    if ('kind' in counts) return insufficient(common, 'invalid-values', counts.error);
    const r = mcnemarTest(counts);
    if (r.kind === 'invalid') return insufficient(common, 'invalid-values', r.error);
    if (r.kind === 'insufficient') return insufficient(common, 'too-few-values', r.reason);
    // McNemar has no interval of its own: report the paired bootstrap interval of the same 0/1
    // differences (seeded), so the sentence has the same shape for every method.
    const numeric = (xs: readonly (number | boolean)[]) => xs.map((x) => (x === true || x === 1 ? 1 : 0));
    const boot = pairedBootstrap(numeric(base), numeric(head), {
      level: ciLevel,
      seed: input.seed ?? DEFAULT_SEED,
      resamples: input.resamples ?? DEFAULT_RESAMPLES,
    });
    const ci: [number, number] = boot.kind === 'ok' ? boot.ci : [r.diff, r.diff];
    // 1 = correct: head worse = fewer 1s (b > c). With 'lower' the 1s are errors: worse = more 1s.
    return decide({
      ...common,
      diff: r.diff,
      ci,
      ciLevel,
      p: direction === 'higher' ? r.pHeadWorse : r.pHeadBetter,
      pBetter: direction === 'higher' ? r.pHeadBetter : r.pHeadWorse,
      mean: { base: r.accuracyBase, head: r.accuracyHead },
      minEffect,
      note: r.note,
      seed: input.seed ?? DEFAULT_SEED,
      resamples: input.resamples ?? DEFAULT_RESAMPLES,
    });
  }
  const bad =
    findNonFinite('base', base as readonly number[]) ?? findNonFinite('head', head as readonly number[]);
  if (bad !== undefined) return insufficient(common, 'invalid-values', bad);
  const r = pairedBootstrap(base as readonly number[], head as readonly number[], {
    level: ciLevel,
    direction,
    seed: input.seed ?? DEFAULT_SEED,
    resamples: input.resamples ?? DEFAULT_RESAMPLES,
  });
  if (r.kind === 'invalid') return insufficient(common, 'invalid-values', r.error);
  if (r.kind === 'insufficient') return insufficient(common, 'too-few-values', r.reason);
  return decide({
    ...common,
    diff: r.diff,
    ci: r.ci,
    ciLevel,
    p: direction === 'higher' ? r.pLess : r.pGreater,
    pBetter: direction === 'higher' ? r.pGreater : r.pLess,
    mean: { base: r.meanBase, head: r.meanHead },
    minEffect,
    note: r.note,
    seed: r.seed,
    resamples: r.resamples,
  });
}

function insufficient(
  common: Omit<CommonFields, 'explanation'>,
  reason: RegressionInsufficient['reason'],
  detail: string,
): RegressionInsufficient {
  const what = reason === 'too-few-values' ? 'not enough data to test' : 'cannot test';
  return { ...common, verdict: 'insufficient', reason, explanation: `${what}: ${detail}` };
}

interface Decision extends Omit<CommonFields, 'explanation'> {
  diff: number;
  ci: [number, number];
  ciLevel: number;
  p: number;
  pBetter: number;
  mean: { base: number; head: number };
  minEffect: number | undefined;
  note: string | undefined;
  seed?: number;
  resamples?: number;
}

function decide(d: Decision): RegressionDecided {
  const worsening = d.direction === 'higher' ? -d.diff : d.diff;
  const significantWorse = d.p <= d.alpha;
  const significantBetter = d.pBetter <= d.alpha;
  const bigEnough = (x: number) => d.minEffect === undefined || x > d.minEffect;
  let verdict: RegressionDecided['verdict'] = 'not-significant';
  let withinMinEffect: boolean | undefined;
  if (significantWorse) {
    if (bigEnough(worsening)) verdict = 'regressed';
    else withinMinEffect = true;
  } else if (significantBetter) {
    if (bigEnough(-worsening)) verdict = 'improved';
    else withinMinEffect = true;
  }
  const result: RegressionDecided = {
    verdict,
    method: d.method,
    direction: d.direction,
    alpha: d.alpha,
    n: d.n,
    p: d.p,
    pBetter: d.pBetter,
    diff: d.diff,
    worsening: worsening === 0 ? 0 : worsening,
    ci: d.ci,
    ciLevel: d.ciLevel,
    mean: d.mean,
    explanation: '',
  };
  if (d.minEffect !== undefined) result.minEffect = d.minEffect;
  if (withinMinEffect) result.withinMinEffect = true;
  if (d.seed !== undefined) result.seed = d.seed;
  if (d.resamples !== undefined) result.resamples = d.resamples;
  if (d.note !== undefined) result.note = d.note;
  result.explanation = explain(result);
  return result;
}

/** Formats diff and interval with a shared number of decimals: two significant digits of the interval's width. */
function decimalsFor(values: number[]): number {
  const finite = values.filter((v) => Number.isFinite(v));
  const width = Math.max(...finite) - Math.min(...finite);
  const scale = width > 0 ? width : Math.max(...finite.map(Math.abs));
  if (!(scale > 0)) return 0;
  return Math.min(12, Math.max(0, 1 - Math.floor(Math.log10(scale))));
}

function fixed(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

export function formatP(p: number): string {
  if (p < 0.0001) return 'p < 0.0001';
  if (p >= 0.1) return `p = ${Number(p.toFixed(2))}`;
  return `p = ${Number(p.toPrecision(2))}`;
}

function explain(r: RegressionDecided): string {
  // Present the interval in the sentence's own terms: of the worsening when head looks worse, of
  // the improvement when it looks better.
  const worse = r.worsening > 0;
  const sign = r.direction === 'higher' ? -1 : 1; // worsening = sign * diff
  const toShown = (x: number) => (worse ? sign * x : -sign * x);
  const shownCi = [toShown(r.ci[0]), toShown(r.ci[1])].sort((x, y) => x - y) as [number, number];
  const shown = Math.abs(r.worsening);
  const dec = decimalsFor([shown, ...shownCi]);
  const level = `${Number((r.ciLevel * 100).toPrecision(4))}%`;
  const interval = `(${level} CI ${fixed(shownCi[0], dec)} to ${fixed(shownCi[1], dec)})`;
  const what =
    r.worsening === 0
      ? `no difference ${interval}`
      : `head is ${worse ? 'worse' : 'better'} by ${fixed(shown, dec)} ${interval}`;
  const p = worse || r.worsening === 0 ? r.p : r.pBetter;
  const ps = formatP(p);
  const cmp =
    p > r.alpha
      ? `${ps} ≥ ${r.alpha}, not significant`
      : ps.startsWith('p <')
        ? ps
        : `${ps} ${p < r.alpha ? '<' : '≤'} ${r.alpha}`;
  const unit = r.method === 'mcnemar' || r.method === 'paired-bootstrap' ? ' examples' : '';
  const sizes =
    r.n.base === r.n.head && unit !== '' ? `n = ${r.n.base}${unit}` : `n = ${r.n.base} vs ${r.n.head}`;
  let sentence = `${what}, ${cmp} (${METHOD_NAMES[r.method]}, ${sizes})`;
  if (r.withinMinEffect) sentence += `; within the allowed ${r.minEffect}, so not counted`;
  if (r.note !== undefined) sentence += `; ${r.note}`;
  return sentence;
}
