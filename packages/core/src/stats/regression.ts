import { roundNoise } from '../format.js';
import { bootstrapMeanDiff, resamplesFor } from './bootstrap.js';
import { findNonFinite } from './descriptive.js';
import { mcnemarCounts, mcnemarInterval } from './mcnemar.js';
import { noiseModel } from './difference.js';
import { pooledTest, type NoiseEstimate, type NoiseUnavailable } from './noise.js';
import { pairedBootstrap } from './paired.js';
import { DEFAULT_SEED } from './random.js';
import type { StatsDirection } from './welch.js';
import { welchTest } from './welch.js';

export type RegressionVerdict = 'regressed' | 'not-significant' | 'improved' | 'insufficient';
/** The test that was run: 'history' is Student's t with the noise pooled from the base branch's history. */
export type RegressionMethod = 'welch' | 'bootstrap' | 'history' | 'paired-bootstrap' | 'mcnemar';

/** The largest significance level a gate may use: beyond it "significant" would mean "more likely than not". */
export const MAX_ALPHA = 0.5;
/** The significance level of a statistical gate that does not name one (`at 0.05`). */
export const DEFAULT_ALPHA = 0.05;

/**
 * The fewest runs per side the bootstrap is used with; below it, Welch's t-test is used instead.
 * Measured (bench/gates.bench.ts): the studentized bootstrap keeps false blocks at alpha from 5
 * runs on, but misses more regressions than Welch's t-test until about 15 runs (with 10 per side
 * at alpha = 0.01, 27.5% against 23.7%); from 15 on the two are within 6%.
 */
export const MIN_BOOTSTRAP_RUNS = 15;
/** The fewest examples the paired bootstrap is used with: with fewer, its resamples repeat too often. */
export const MIN_PAIRED_EXAMPLES = 15;

export interface RegressionInput {
  /** Repeats of the metric on the base branch (seeds, folds). */
  base: readonly number[];
  /** Repeats of the metric on the pull request. */
  head: readonly number[];
  direction: StatsDirection;
  /** Significance level of the one-sided test "head is worse", e.g. 0.05. */
  alpha: number;
  /** The test asked for; the one run may differ (see MIN_BOOTSTRAP_RUNS, history), and says so. */
  method: 'welch' | 'bootstrap';
  /**
   * A worsening up to this size (in the metric's units) is allowed: the test is shifted, and the
   * verdict is 'regressed' only when the data show with confidence 1 - alpha that the head is worse
   * by more than this. At a true worsening of exactly minEffect, it blocks with probability alpha.
   */
  minEffect?: number;
  /**
   * The metric's run-to-run noise from the base branch's history (estimateNoise); when the history
   * could not give one, its reason is quoted if the test cannot run without it.
   */
  history?: NoiseEstimate | NoiseUnavailable;
  /** Bootstrap only: generator seed (default 20240611) and number of resamples. */
  seed?: number;
  resamples?: number;
  /**
   * Level of the reported two-sided interval. Default 1 - 2 alpha, so that the interval lies
   * beyond minEffect (or 0) on the worse side exactly when the one-sided test at alpha blocks.
   */
  ciLevel?: number;
  /**
   * False leaves `explanation` empty, for a caller that words the result itself (the gates do, after
   * the family-wise correction): a sentence per metric is most of the cost of 10,000 metrics.
   */
  explain?: boolean;
}

export interface PairedRegressionInput {
  /** One value per evaluation example; for 'mcnemar' 1/true = correct, 0/false = wrong. */
  base: readonly (number | boolean)[];
  head: readonly (number | boolean)[];
  direction: StatsDirection;
  alpha: number;
  method: 'paired-bootstrap' | 'mcnemar';
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
  /**
   * too-few-values: not enough runs (or examples, or history) to estimate the noise;
   * invalid-values: NaN, Infinity, a value that is not 0/1, unequal pairs: a broken run, which a
   * gate fails rather than skips.
   */
  reason: 'too-few-values' | 'invalid-values';
}

/** What the base branch's history contributed to a test. */
export interface HistoryUse {
  records: number;
  /** Degrees of freedom of the history's variance. */
  df: number;
  /** The history's estimate of one run's standard deviation. */
  sd: number;
  method: NoiseEstimate['method'];
  outliers: number;
}

export interface RegressionDecided extends CommonFields {
  verdict: 'regressed' | 'not-significant' | 'improved';
  /**
   * One-sided p value of the decision: for "head is worse than base", or, with minEffect, for
   * "head is worse than base by more than minEffect".
   */
  p: number;
  /** One-sided p value for "head is better than base". */
  pBetter: number;
  /** With minEffect: the one-sided p value for "head is worse at all" (unshifted). */
  pAnyWorsening?: number;
  /** head - base (means, or mean of per-example differences). */
  diff: number;
  /** diff signed so that positive = head is worse (diff for 'lower' metrics, -diff for 'higher'). */
  worsening: number;
  /** Two-sided interval of diff at ciLevel. */
  ci: [number, number];
  ciLevel: number;
  mean: { base: number; head: number };
  /** Degrees of freedom of the t-based tests. */
  df?: number;
  minEffect?: number;
  /** True when the head is significantly worse, but not confidently by more than minEffect. */
  withinMinEffect?: boolean;
  history?: HistoryUse;
  seed?: number;
  resamples?: number;
  note?: string;
}

export type RegressionResult = RegressionInsufficient | RegressionDecided;

export const METHOD_NAMES: Record<RegressionMethod, string> = {
  welch: "Welch's t-test",
  bootstrap: 'studentized bootstrap',
  history: "t-test with the base branch's noise",
  'paired-bootstrap': 'paired studentized bootstrap',
  mcnemar: "McNemar's exact test",
};

function checkCommon(alpha: number, minEffect: number | undefined, ciLevel: number | undefined): number {
  if (!(alpha > 0 && alpha < MAX_ALPHA))
    throw new RangeError(`alpha must be in (0, ${MAX_ALPHA}), got ${alpha}`);
  if (minEffect !== undefined && !(minEffect >= 0 && Number.isFinite(minEffect))) {
    throw new RangeError(`minEffect must be a finite number >= 0, got ${minEffect}`);
  }
  const level = ciLevel ?? 1 - 2 * alpha;
  if (!(level > 0 && level < 1)) throw new RangeError(`ciLevel must be in (0, 1), got ${level}`);
  return level;
}

/**
 * Values as the change rules see them: rounded to 12 significant digits, so that float noise
 * (0.1 + 0.2 against 0.3) is no difference here either. Non-finite values pass through.
 */
function denoise(values: readonly number[]): number[] {
  return values.map((v) => (typeof v === 'number' ? roundNoise(v) : v));
}

/** The numbers one test gives, before the verdict: p values in the worse and better directions. */
interface TestOutcome {
  method: RegressionMethod;
  diff: number;
  ci: [number, number];
  /** p for "worse by more than the shift" (the decision). */
  pWorse: number;
  /** p for "worse at all" (equal to pWorse without a shift). */
  pWorseAtAll: number;
  pBetter: number;
  mean: { base: number; head: number };
  df?: number;
  history?: HistoryUse;
  seed?: number;
  resamples?: number;
  notes: string[];
}

/**
 * The statistical gate: is head worse than base beyond noise? Independent samples (e.g. 5 seeds
 * each): Welch's t-test, the studentized bootstrap (from MIN_BOOTSTRAP_RUNS runs per side), or,
 * given the base branch's history, Student's t with the history's noise pooled in (which also
 * works with one run per side).
 *
 * Verdict: 'regressed' iff the one-sided p for "head is worse (by more than minEffect)" is <=
 * alpha; 'improved' iff the one-sided p for "head is better" is <= alpha; 'insufficient' when
 * the noise cannot be estimated or a value is not a finite number; else 'not-significant'.
 */
export function testRegression(input: RegressionInput): RegressionResult {
  const { direction, alpha, minEffect } = input;
  const ciLevel = checkCommon(alpha, minEffect, input.ciLevel);
  const base = denoise(input.base);
  const head = denoise(input.head);
  const common = { method: input.method, direction, alpha, n: { base: base.length, head: head.length } };
  const bad = findNonFinite('base', base) ?? findNonFinite('head', head);
  if (bad !== undefined) return insufficient(common, 'invalid-values', bad);
  if (base.length === 0 || head.length === 0)
    return insufficient(common, 'too-few-values', `got ${base.length} and ${head.length} values`);

  // The hypothesised difference head - base at the edge of "worse by more than minEffect".
  const shift = minEffect ?? 0;
  const worseNull = direction === 'higher' ? -shift : shift;
  const enoughForBootstrap = Math.min(base.length, head.length) >= MIN_BOOTSTRAP_RUNS;
  const notes: string[] = [];
  let outcome: TestOutcome | RegressionInsufficient;
  if (input.method === 'bootstrap' && enoughForBootstrap) {
    outcome = bootstrapOutcome(input, base, head, ciLevel, worseNull, common);
  } else {
    if (input.method === 'bootstrap')
      notes.push(
        `the bootstrap needs at least ${MIN_BOOTSTRAP_RUNS} runs per side to keep false blocks at ${alpha}, so ${input.history?.kind === 'ok' ? "the base branch's noise" : "Welch's t-test"} was used`,
      );
    outcome = parametricOutcome(input, base, head, ciLevel, worseNull, common);
  }
  if ('verdict' in outcome) return outcome;
  outcome.notes.unshift(...notes);
  return decide(
    { ...common, method: outcome.method },
    {
      diff: outcome.diff,
      ci: outcome.ci,
      ciLevel,
      p: outcome.pWorse,
      pAnyWorsening: outcome.pWorseAtAll,
      pBetter: outcome.pBetter,
      mean: outcome.mean,
      minEffect,
      df: outcome.df,
      history: outcome.history,
      seed: outcome.seed,
      resamples: outcome.resamples,
      note: outcome.notes.length > 0 ? outcome.notes.join('; ') : undefined,
    },
  );
}

function bootstrapOutcome(
  input: RegressionInput,
  base: number[],
  head: number[],
  ciLevel: number,
  worseNull: number,
  common: Omit<CommonFields, 'explanation'>,
): TestOutcome | RegressionInsufficient {
  const options = {
    // With the default level, the bounds are set by alpha itself, so that p <= alpha and the
    // interval agree exactly (1 - 2 alpha loses bits on its way back to alpha).
    ...(input.ciLevel === undefined ? { alpha: input.alpha } : { level: ciLevel }),
    seed: input.seed ?? DEFAULT_SEED,
    resamples: input.resamples ?? resamplesFor(input.alpha),
  };
  const shifted = bootstrapMeanDiff(base, head, { ...options, null: worseNull });
  if (shifted.kind !== 'ok') return insufficientOf(common, shifted);
  const atZero = worseNull === 0 ? shifted : bootstrapMeanDiff(base, head, options);
  if (atZero.kind !== 'ok') return insufficientOf(common, atZero);
  return outcomeOf('bootstrap', input.direction, shifted, atZero, {
    seed: shifted.seed,
    resamples: shifted.resamples,
    notes: shifted.note === undefined ? [] : [shifted.note],
  });
}

/** A test's two-sided numbers as the gate reads them: "worse" and "better" by the metric's direction. */
interface TwoSided {
  diff: number;
  ci: [number, number];
  pLess: number;
  pGreater: number;
  meanA: number;
  meanB: number;
}

/**
 * The outcome of a test run against the shifted null (the decision) and against 0 (whether the
 * head is worse at all, or better): for a higher-is-better metric "worse" is pLess.
 */
function outcomeOf(
  method: RegressionMethod,
  direction: StatsDirection,
  shifted: TwoSided,
  atZero: TwoSided,
  extra: Pick<TestOutcome, 'notes'> & Partial<TestOutcome>,
): TestOutcome {
  const higher = direction === 'higher';
  return {
    method,
    diff: shifted.diff,
    ci: shifted.ci,
    pWorse: higher ? shifted.pLess : shifted.pGreater,
    pWorseAtAll: higher ? atZero.pLess : atZero.pGreater,
    pBetter: higher ? atZero.pGreater : atZero.pLess,
    mean: { base: shifted.meanA, head: shifted.meanB },
    ...extra,
  };
}

/** Welch's t-test, or Student's t with the history's noise when the history is usable (noiseModel). */
function parametricOutcome(
  input: RegressionInput,
  base: number[],
  head: number[],
  ciLevel: number,
  worseNull: number,
  common: Omit<CommonFields, 'explanation'>,
): TestOutcome | RegressionInsufficient {
  const model = noiseModel(base, head, input.history);
  if (model.kind === 'none') return insufficient(common, 'too-few-values', model.reason);
  if (model.kind === 'history') {
    const history = model.history;
    const headApart = model.headApart === true;
    const shifted = pooledTest(base, head, history, { level: ciLevel, null: worseNull, headApart });
    const atZero = worseNull === 0 ? shifted : pooledTest(base, head, history, { level: ciLevel, headApart });
    return outcomeOf('history', input.direction, shifted, atZero, {
      df: shifted.df,
      history: {
        records: history.records,
        df: history.df,
        sd: history.sd,
        method: history.method,
        outliers: history.outliers,
      },
      notes: [model.note, shifted.note].filter((n): n is string => n !== undefined),
    });
  }
  const shifted = welchTest(base, head, { level: ciLevel, null: worseNull });
  const atZero = worseNull === 0 ? shifted : welchTest(base, head, { level: ciLevel });
  if (shifted.kind !== 'ok') return insufficientOf(common, shifted);
  if (atZero.kind !== 'ok') return insufficientOf(common, atZero);
  const notes = [model.note, shifted.note].filter((n): n is string => n !== undefined);
  return outcomeOf('welch', input.direction, shifted, atZero, { df: shifted.df, notes });
}

function insufficientOf(
  common: Omit<CommonFields, 'explanation'>,
  r: { kind: 'insufficient'; reason: string } | { kind: 'invalid'; error: string },
): RegressionInsufficient {
  return r.kind === 'invalid'
    ? insufficient(common, 'invalid-values', r.error)
    : insufficient(common, 'too-few-values', r.reason);
}

function formatSd(sd: number): string {
  return String(Number(sd.toPrecision(2)));
}

/**
 * The paired gate: base and head scored on the same examples. 'mcnemar' for correct/wrong per
 * example (accuracy-like, direction 'higher'; with 'lower' a 1 counts as an error), or
 * 'paired-bootstrap' for any per-example score (from MIN_PAIRED_EXAMPLES examples).
 */
export function testPairedRegression(input: PairedRegressionInput): RegressionResult {
  const { direction, alpha, method } = input;
  const ciLevel = checkCommon(alpha, undefined, input.ciLevel);
  const common = { method, direction, alpha, n: { base: input.base.length, head: input.head.length } };
  const seed = input.seed ?? DEFAULT_SEED;
  const resamples = input.resamples ?? resamplesFor(alpha);
  if (method === 'mcnemar') {
    const counts = mcnemarCounts(input.base, input.head);
    if ('kind' in counts) return insufficient(common, 'invalid-values', counts.error);
    // The exact (Clopper–Pearson) interval inverts the same binomial test as the p value, so they
    // agree: with the default level, the bound is beyond 0 exactly when p <= alpha.
    const r = mcnemarInterval(counts, input.ciLevel === undefined ? { alpha } : input.ciLevel);
    if (r.kind === 'invalid') return insufficient(common, 'invalid-values', r.error);
    if (r.kind === 'insufficient') return insufficient(common, 'too-few-values', r.reason);
    // 1 = correct: head worse = fewer 1s (b > c). With 'lower' the 1s are errors: worse = more 1s.
    return decide(common, {
      diff: r.diff,
      ci: r.ci,
      ciLevel: r.level,
      p: direction === 'higher' ? r.pHeadWorse : r.pHeadBetter,
      pBetter: direction === 'higher' ? r.pHeadBetter : r.pHeadWorse,
      mean: { base: r.accuracyBase, head: r.accuracyHead },
      minEffect: undefined,
      note: r.note,
    });
  }
  const base = denoise(input.base as readonly number[]);
  const head = denoise(input.head as readonly number[]);
  const bad = findNonFinite('base', base) ?? findNonFinite('head', head);
  if (bad !== undefined) return insufficient(common, 'invalid-values', bad);
  if (base.length !== head.length)
    return insufficient(
      common,
      'invalid-values',
      `paired scores need one base and one head value per example; got ${base.length} and ${head.length}`,
    );
  if (base.length < MIN_PAIRED_EXAMPLES)
    return insufficient(
      common,
      'too-few-values',
      `the paired bootstrap needs at least ${MIN_PAIRED_EXAMPLES} examples to keep false blocks at ${alpha}; got ${base.length}`,
    );
  const r = pairedBootstrap(base, head, {
    ...(input.ciLevel === undefined ? { alpha } : { level: ciLevel }),
    seed,
    resamples,
  });
  if (r.kind !== 'ok') return insufficientOf(common, r);
  return decide(common, {
    diff: r.diff,
    ci: r.ci,
    ciLevel,
    p: direction === 'higher' ? r.pLess : r.pGreater,
    pBetter: direction === 'higher' ? r.pGreater : r.pLess,
    mean: { base: r.meanBase, head: r.meanHead },
    minEffect: undefined,
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

interface Decision {
  diff: number;
  ci: [number, number];
  ciLevel: number;
  p: number;
  pAnyWorsening?: number;
  pBetter: number;
  mean: { base: number; head: number };
  minEffect: number | undefined;
  note: string | undefined;
  explain?: boolean | undefined;
  df?: number | undefined;
  history?: HistoryUse | undefined;
  seed?: number | undefined;
  resamples?: number | undefined;
}

/**
 * The verdict and its sentence. Takes the common fields apart from the numbers: one object literal
 * spreading both grew into V8's slow dictionary mode and made gating 10,000 metrics spend most of
 * its time collecting garbage.
 */
function decide(common: Omit<CommonFields, 'explanation'>, d: Decision): RegressionDecided {
  const worsening = common.direction === 'higher' ? -d.diff : d.diff;
  let verdict: RegressionDecided['verdict'] = 'not-significant';
  if (d.p <= common.alpha) verdict = 'regressed';
  else if (d.pBetter <= common.alpha) verdict = 'improved';
  const result: RegressionDecided = {
    verdict,
    method: common.method,
    direction: common.direction,
    alpha: common.alpha,
    n: common.n,
    p: d.p,
    pBetter: d.pBetter,
    diff: d.diff,
    worsening: worsening === 0 ? 0 : worsening,
    ci: d.ci,
    ciLevel: d.ciLevel,
    mean: d.mean,
    explanation: '',
  };
  if (d.minEffect !== undefined) {
    result.minEffect = d.minEffect;
    if (d.pAnyWorsening !== undefined) result.pAnyWorsening = d.pAnyWorsening;
    if (verdict !== 'regressed' && d.pAnyWorsening !== undefined && d.pAnyWorsening <= common.alpha)
      result.withinMinEffect = true;
  }
  if (d.df !== undefined) result.df = d.df;
  if (d.history !== undefined) result.history = d.history;
  if (d.seed !== undefined) result.seed = d.seed;
  if (d.resamples !== undefined) result.resamples = d.resamples;
  if (d.note !== undefined) result.note = d.note;
  if (d.explain !== false) result.explanation = explainRegression(result);
  return result;
}

/** Formats diff and interval with a shared number of decimals: two significant digits of the interval's width. */
function decimalsFor(a: number, b: number, c: number): number {
  // Written out rather than with arrays: a report of 10,000 metrics says this 10,000 times.
  let min = Infinity;
  let max = -Infinity;
  let largest = 0;
  for (const v of [a, b, c]) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (Math.abs(v) > largest) largest = Math.abs(v);
  }
  const width = max - min;
  const scale = width > 0 ? width : largest;
  if (!(scale > 0)) return 0;
  return Math.min(12, Math.max(0, 1 - Math.floor(Math.log10(scale))));
}

function fixed(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  // "-0.00" is no worsening: drop the sign of a rounded zero.
  return s.charCodeAt(0) === 45 && Number(s) === 0 ? s.slice(1) : s;
}

export function formatP(p: number): string {
  if (p < 0.0001) return 'p < 0.0001';
  if (p >= 0.1) return `p = ${Number(p.toFixed(2))}`;
  return `p = ${Number(p.toPrecision(2))}`;
}

/** A p value after a family-wise correction, for the sentence: how many tests, which method. */
export interface FamilyAdjustment {
  /** The corrected p value the verdict compares with alpha. */
  p: number;
  /** Members of the family: statistical gate results tested together. */
  size: number;
  /** The correction's name in the sentence: "Holm", "Bonferroni", "Benjamini–Hochberg". */
  name: string;
}

/**
 * The result as one sentence. With an adjustment (the family-wise correction of several tests),
 * the verdict is the corrected p against alpha, and the sentence says so; the interval stays the
 * one of this comparison alone.
 */
export function explainRegression(r: RegressionDecided, adjustment?: FamilyAdjustment): string {
  // Present the interval in the sentence's own terms: of the worsening when head looks worse, of
  // the improvement when it looks better.
  const worse = r.worsening > 0;
  const sign = r.direction === 'higher' ? -1 : 1; // worsening = sign * diff
  const flip = worse ? sign : -sign;
  const end0 = flip * r.ci[0];
  const end1 = flip * r.ci[1];
  const low = Math.min(end0, end1);
  const high = Math.max(end0, end1);
  const shown = Math.abs(r.worsening);
  const dec = decimalsFor(shown, low, high);
  const level = `${Number((r.ciLevel * 100).toPrecision(4))}%`;
  const interval = `(${level} CI ${fixed(low, dec)} to ${fixed(high, dec)})`;
  const what =
    r.worsening === 0
      ? `no difference ${interval}`
      : `head is ${worse ? 'worse' : 'better'} by ${fixed(shown, dec)} ${interval}`;
  const shifted = r.minEffect !== undefined && r.minEffect > 0;
  // Worse (or no difference): the decision's p. Better: the p for "better", which only informs.
  const raw = worse || r.worsening === 0 ? r.p : r.pBetter;
  const decisive = adjustment !== undefined && (worse || r.worsening === 0) ? adjustment.p : raw;
  const ps = formatP(raw);
  // "p = 0.29" -> "0.29", "p < 0.0001" -> "< 0.0001"
  const adjustedP = adjustment === undefined ? '' : formatP(adjustment.p).slice(2).replace(/^= /, '');
  const adjusted =
    adjustment !== undefined && (worse || r.worsening === 0)
      ? `, adjusted ${adjustedP} (${adjustment.name}, ${adjustment.size} tests)`
      : '';
  const cmp =
    decisive > r.alpha
      ? `${ps}${adjusted} ≥ ${r.alpha}, not significant`
      : adjusted === '' && ps.startsWith('p <')
        ? ps
        : `${ps}${adjusted} ${decisive < r.alpha ? '<' : '≤'} ${r.alpha}`;
  const unit = r.method === 'mcnemar' || r.method === 'paired-bootstrap' ? ' examples' : '';
  let sizes =
    r.n.base === r.n.head && unit !== '' ? `n = ${r.n.base}${unit}` : `n = ${r.n.base} vs ${r.n.head}`;
  if (r.history !== undefined)
    sizes += `, noise sd ${formatSd(r.history.sd)} from ${r.history.records} past records`;
  const beyond = shifted && worse ? `; tested against the allowed ${r.minEffect}` : '';
  let sentence = `${what}${beyond}, ${cmp} (${METHOD_NAMES[r.method]}, ${sizes})`;
  if (r.withinMinEffect) sentence += `; worse, but not confidently by more than the allowed ${r.minEffect}`;
  if (r.note !== undefined) sentence += `; ${r.note}`;
  return sentence;
}
