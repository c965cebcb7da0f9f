import { ConfigurationError } from '../errors.js';
import { formatDelta, formatNumber, formatPercent, roundNoise } from '../format.js';
import { childKey, joinKey, splitKey } from '../keys.js';
import type { MetricsDoc } from '../model.js';
import { adjustPValues, CORRECTION_NAMES, DEFAULT_CORRECTION, type Correction } from '../stats/family.js';
import type { NoiseEstimate, NoiseUnavailable } from '../stats/noise.js';
import { quantile, quantileChangeTest, type QuantileTestResult } from '../stats/quantile.js';
import {
  explainRegression,
  formatP,
  METHOD_NAMES,
  type FamilyAdjustment,
  type RegressionResult,
} from '../stats/regression.js';
import type { Direction } from './direction.js';
import { isGlob, matchKeys, suggestKeys } from './match.js';
import { percentLimit, type MetricUnit } from './percent.js';
import {
  DEFAULT_UNTESTABLE,
  type Comparator,
  type Gate,
  type GateResult,
  type GateStatus,
  type GateTestDetail,
  type PairedSample,
  type QuantileRule,
  type Rule,
  type Untestable,
} from './types.js';

/** One side of a comparison: every run's value of every metric (several runs = repeats). */
export type SideValues = Map<string, number[]>;

/**
 * One side's raw samples (MetricsDoc.samples) by the key of the metric family they are behind
 * (`latency.time_ms` for `latency.time_ms.p95`): one list per run that has them.
 */
export type SampleSets = Map<string, number[][]>;

/** What a test said about one metric, with the words the gate adds after the test's own sentence. */
export interface StatisticalVerdict {
  result: RegressionResult;
  /** Said after the result's sentence: "compared correctness over 60 examples". */
  detail?: string;
  /** `beyond X` in the metric's units (a percentage resolved against the baseline). */
  minEffect?: number;
  /** A paired test's sample, kept in the result's statistics for the report. */
  paired?: PairedSample;
}

/** The statistics a gate may need, injected so the rules stay testable without them. */
export interface GateStatistics {
  repeats(
    rule: Extract<Rule, { kind: 'significant' }>,
    base: number[],
    head: number[],
    direction: Direction,
    history?: NoiseEstimate | NoiseUnavailable,
  ): StatisticalVerdict;
  paired?(rule: Extract<Rule, { kind: 'paired' }>, metric: string, direction: Direction): StatisticalVerdict;
  /** Without `paired`: why the predictions are missing, for the untestable gate's reason. */
  pairedUnavailable?: string;
}

/** How the statistical gates of one report are decided together (`statistics:` in .mlci.yml). */
export interface StatisticsPolicy {
  /** The family-wise correction across every statistical and paired result (default Holm). */
  correction: Correction;
  /** What a gate that cannot test does, unless it says so itself (default fail). */
  untestable: Untestable;
}

export interface GateInput {
  head: SideValues;
  /** Undefined when no baseline was found at all: every comparing gate is then neutral. */
  base?: SideValues;
  directionOf(key: string): Direction | undefined;
  /**
   * How a metric is written, for the percent limits of bounds and ranges (`accuracy >= 90%`):
   * `unit: percent` or `percent: true` in .mlci.yml; undefined when not declared.
   */
  unitOf?(key: string): MetricUnit | undefined;
  statistics?: GateStatistics;
  /** The metric's noise from the base branch's history, when a history was given. */
  historyNoise?(key: string): NoiseEstimate | NoiseUnavailable | undefined;
  policy?: Partial<StatisticsPolicy>;
  /**
   * The raw samples of each side (collectSamples), for quantile gates (`latency.time_ms p95 rise
   * <= 10%`): without them those gates compare the two summary values and say they could not test.
   */
  samples?: { head: SampleSets; base?: SampleSets };
  /** Seed of the quantile gates' bootstrap (default DEFAULT_SEED): the same data, the same verdict. */
  seed?: number;
  /** Resamples of the quantile gates' bootstrap (default 10,000; 20/α for α below 0.002). */
  resamples?: number;
}

export function collectValues(runs: readonly MetricsDoc[]): SideValues {
  const values: SideValues = new Map();
  for (const run of runs) {
    for (const [key, value] of Object.entries(run.metrics)) {
      const list = values.get(key);
      if (list === undefined) values.set(key, [value]);
      else list.push(value);
    }
  }
  return values;
}

/** Every run's raw samples, by metric family (runs without samples of a family are left out). */
export function collectSamples(runs: readonly MetricsDoc[]): SampleSets {
  const samples: SampleSets = new Map();
  for (const run of runs) {
    for (const [family, values] of Object.entries(run.samples ?? {})) {
      const list = samples.get(family);
      if (list === undefined) samples.set(family, [values]);
      else list.push(values);
    }
  }
  return samples;
}

/** The value a side shows for a metric: the run's value, or the mean over repeats. */
export function sideValue(values: number[] | undefined): number | undefined {
  if (values === undefined || values.length === 0) return undefined;
  if (values.length === 1) return values[0];
  return roundNoise(values.reduce((a, b) => a + b, 0) / values.length);
}

/**
 * Every gate on every metric it names. Statistical and paired results are then decided together:
 * their p values are corrected as one family per level (failing gates, warning gates), so that
 * adding metrics does not add false alarms (see stats/family.ts).
 *
 * Throws a ConfigurationError, naming every gate concerned, when a gate matches no metric of either
 * side (a typo checks nothing), when a percent limit cannot be told to be a fraction or a number in
 * percent, or when a gate needs to know whether higher or lower is better for a metric whose
 * direction is neither configured nor clear from its name.
 */
export function evaluateGates(gates: readonly Gate[], given: GateInput): GateResult[] {
  // Asked for every metric by checkDirections and again by each gate: once per key is enough.
  const directions = new Map<string, Direction | undefined>();
  const input: GateInput = {
    ...withSampleQuantiles(gates, given),
    directionOf(key) {
      if (directions.has(key)) return directions.get(key);
      const direction = given.directionOf(key);
      directions.set(key, direction);
      return direction;
    },
  };
  checkTargets(gates, input);
  checkDirections(gates, input);
  const tests = new Map<GateResult, PendingTest>();
  const results = gates.flatMap((gate) => evaluateGate(gate, input, tests));
  decideFamilies(tests, input.policy?.correction ?? DEFAULT_CORRECTION);
  return results;
}

/** A statistical result whose verdict waits for the family-wise correction. */
interface PendingTest {
  /** The one-sided p value of this comparison alone. */
  p: number;
  alpha: number;
  /** The result's sentence, told the correction when the family has more than one member. */
  explain(adjustment: FamilyAdjustment | undefined): string;
}

/**
 * A quantile gate may name a quantile that no reader wrote (`latency.time_ms p90`): where a side
 * has the family's samples, each run's quantile of them becomes that side's value of the key, so
 * the gate matches and compares like any other. Keys the documents have are left alone.
 */
function withSampleQuantiles(gates: readonly Gate[], input: GateInput): GateInput {
  const rules = gates.filter((g): g is Gate & { rule: QuantileRule } => g.rule.kind === 'quantile');
  if (rules.length === 0 || input.samples === undefined) return input;
  const extend = (values: SideValues, samples: SampleSets | undefined): SideValues => {
    if (samples === undefined) return values;
    let out: SideValues | undefined;
    for (const gate of rules) {
      const family = familyOf(gate.selector);
      if (family === undefined) continue;
      for (const key of matchKeys(family, samples.keys())) {
        const metric = childKey(key, gate.rule.label);
        if (values.has(metric) || out?.has(metric) === true) continue;
        out ??= new Map(values);
        out.set(
          metric,
          samples.get(key)!.map((run) => quantile(run, gate.rule.q)),
        );
      }
    }
    return out ?? values;
  };
  const head = extend(input.head, input.samples.head);
  const base = input.base === undefined ? undefined : extend(input.base, input.samples.base);
  return { ...input, head, ...(base !== undefined ? { base } : {}) };
}

/** The family a quantile's key belongs to: `latency.time_ms` for `latency.time_ms.p95`. */
function familyOf(key: string): string | undefined {
  const segments = splitKey(key);
  return segments.length < 2 ? undefined : joinKey(segments.slice(0, -1));
}

/**
 * What a gate is about must exist and be understood before anything is judged:
 * - a gate that matches no metric of the pull request or the baseline would check nothing, so it
 *   is a mistake in the gate (exit 2), with the names probably meant. `required` is the exception:
 *   it asserts presence, and a metric it cannot find fails it (exit 1). A metric the baseline has
 *   and the head lacks is a regression, decided in evaluateGate;
 * - a percent limit on a metric whose unit is not declared means a fraction (90% is 0.9), which
 *   only holds if the metric is one: a value outside 0 to 1 on either side, or a limit outside 0%
 *   to 100%, leaves the gate's meaning open, and mlci does not guess.
 */
function checkTargets(gates: readonly Gate[], input: GateInput): void {
  const problems: string[] = [];
  let unmatched = false;
  for (const gate of gates) {
    const head = matchKeys(gate.selector, input.head.keys());
    const base = input.base === undefined ? [] : matchKeys(gate.selector, input.base.keys());
    const where = `${gate.origin}: gate ${JSON.stringify(gate.text)}`;
    if (head.length === 0 && base.length === 0) {
      if (gate.rule.kind === 'required') continue;
      unmatched = true;
      problems.push(
        `${where} matches no metric${knownNames(gate.selector, input)}${dataGateHint(gate.selector)}`,
      );
      continue;
    }
    const rule = gate.rule;
    if ((rule.kind === 'bound' || rule.kind === 'range') && rule.percent === true)
      problems.push(...percentProblems(where, rule, [...new Set([...head, ...base])], input));
  }
  if (problems.length === 0) return;
  const advice = unmatched
    ? '\nA gate that matches nothing would check nothing: fix the name, or write "<metric> required" for a metric that must be there.'
    : '';
  throw new ConfigurationError(`${problems.join('\n')}${advice}`);
}

/**
 * Metrics of the data rather than the model (`drift.share`, `data.rows`, `schema.violations`) are
 * written by `mlci drift` and `mlci validate`, or by the actions' drift step, not by training: a
 * gate on them in the shared .mlci.yml still fails here (it would check nothing), and says where
 * such a gate is checked.
 */
const DATA_METRIC_PREFIXES = ['drift.', 'data.', 'schema.'];

function isDataMetric(key: string): boolean {
  return DATA_METRIC_PREFIXES.some((prefix) => key.startsWith(prefix));
}

function dataGateHint(selector: string): string {
  if (!isDataMetric(selector)) return '';
  return "; drift.*, data.* and schema.* metrics come from mlci drift and mlci validate: give this gate to them (--gate), or add the metrics document they write (--out) to this run's files. On GitHub, the evaluate and compare-metrics actions compute the drift metrics when given a reference and current data (inputs drift-reference and drift-current, or the drift: section of .mlci.yml); the report action does not";
}

/** After "matches no metric": the names probably meant, else what there is. */
function knownNames(selector: string, input: GateInput): string {
  const keys = new Set([...input.head.keys(), ...(input.base?.keys() ?? [])]);
  const suggestions = suggestKeys(selector, keys);
  if (suggestions.length > 0) return `; did you mean ${suggestions.join(', ')}?`;
  const sides = input.base === undefined ? 'of the pull request' : 'of the pull request or the baseline';
  const names = [...keys].sort();
  if (names.length === 0) return ` (there are no metrics ${sides})`;
  return ` ${sides} (${input.base === undefined ? 'its' : 'their'} metrics: ${listed(names)})`;
}

/** Why a percent limit means nothing certain for these metrics; empty when it is clear. */
function percentProblems(
  where: string,
  rule: Extract<Rule, { kind: 'bound' | 'range' }>,
  metrics: readonly string[],
  input: GateInput,
): string[] {
  const limits = rule.kind === 'bound' ? [rule.value] : [rule.min, rule.max];
  const undeclared = metrics.filter((key) => input.unitOf?.(key) === undefined);
  if (undeclared.length === 0) return [];
  const declare = (key: string) =>
    `If ${key} is written in percent, declare it in .mlci.yml (metrics: { ${yamlKey(key)}: { unit: percent } })`;
  const outside = limits.find((p) => p < 0 || p > 100);
  if (outside !== undefined) {
    const key = undeclared[0]!;
    return [
      `${where}: ${outside}% is outside 0% to 100%, where ${key} lies as a fraction, so the gate could never decide anything. ${declare(key)}`,
    ];
  }
  const problems: string[] = [];
  for (const key of undeclared) {
    const side = (['head', 'base'] as const).find((s) =>
      input[s]?.get(key)?.some((v) => Number.isFinite(v) && (v < 0 || v > 1)),
    );
    if (side === undefined) continue;
    const value = input[side]!.get(key)!.find((v) => Number.isFinite(v) && (v < 0 || v > 1))!;
    const limit = limits[0]!;
    problems.push(
      `${where}: ${key} is ${formatNumber(value)} in ${side === 'head' ? 'the pull request' : 'the baseline'}, not a fraction from 0 to 1, so ${limit}% could mean ${formatNumber(percentLimit(limit, 'fraction'))} or ${limit}. ${declare(key)}; if it is a fraction, write the bound as one (${formatNumber(percentLimit(limit, 'fraction'))})`,
    );
  }
  return problems;
}

const NEEDS_DIRECTION = (rule: Rule): boolean =>
  rule.kind === 'no-regression' ||
  rule.kind === 'significant' ||
  rule.kind === 'paired' ||
  ((rule.kind === 'change' || rule.kind === 'quantile') && rule.measure === 'regression');

/** Gates that speak of "worse" on a metric of unknown direction are a configuration mistake. */
function checkDirections(gates: readonly Gate[], input: GateInput): void {
  const problems: string[] = [];
  const unknown = new Set<string>();
  for (const gate of gates) {
    if (!NEEDS_DIRECTION(gate.rule)) continue;
    const metrics = matchKeys(gate.selector, input.head.keys()).filter(
      (k) => input.directionOf(k) === undefined,
    );
    if (metrics.length === 0) continue;
    for (const metric of metrics) unknown.add(metric);
    problems.push(
      `${gate.origin}: gate ${JSON.stringify(gate.text)} needs to know whether higher or lower is better for ${listed(metrics)}`,
    );
  }
  if (problems.length === 0) return;
  const keys = [...unknown];
  const lines = keys
    .slice(0, 10)
    .map((key) => `    ${yamlKey(key)}: { direction: higher }   # or lower`)
    .join('\n');
  throw new ConfigurationError(
    `${problems.join('\n')}\nmlci does not guess a direction that a name does not make clear. Add to .mlci.yml:\n  metrics:\n${lines}${keys.length > 10 ? `\n    # ... and ${keys.length - 10} more` : ''}\nor pass --direction ${keys[0]}=higher (or =lower) on the command line.`,
  );
}

function listed(metrics: readonly string[]): string {
  const shown = metrics.slice(0, 5).join(', ');
  return metrics.length > 5 ? `${shown} and ${metrics.length - 5} more` : shown;
}

/** A key as YAML shows it: quoted when it has characters YAML would read otherwise. */
function yamlKey(key: string): string {
  return /^[A-Za-z_][\w.\\/-]*$/.test(key) ? key : JSON.stringify(key);
}

/**
 * The family-wise correction: per level, every pending test's p value is adjusted together, and
 * the result blocks when its adjusted p is at most its own alpha.
 */
function decideFamilies(tests: Map<GateResult, PendingTest>, correction: Correction): void {
  for (const level of ['fail', 'warn'] as const) {
    const members = [...tests.entries()].filter(([result]) => result.gate.level === level);
    if (members.length === 0) continue;
    const adjusted = adjustPValues(
      members.map(([, test]) => test.p),
      correction,
    );
    const size = members.length;
    const family = { size, correction };
    members.forEach(([result, test], i) => {
      const pAdjusted = adjusted[i]!;
      const blocks = pAdjusted <= test.alpha;
      result.status = blocks ? failing(result.gate) : 'pass';
      const adjustment =
        size > 1 && correction !== 'none'
          ? { p: pAdjusted, size, name: CORRECTION_NAMES[correction] }
          : undefined;
      result.reason = test.explain(adjustment);
      result.statistics!.pAdjusted = pAdjusted;
      result.statistics!.family = family;
    });
  }
}

const COMPARES_WITH_BASE = new Set<Rule['kind']>([
  'change',
  'no-regression',
  'significant',
  'paired',
  'quantile',
]);

/**
 * One gate on every metric it names. checkTargets has refused gates that match nothing on either
 * side, except `required`. A metric of the baseline that the head lacks fails, whatever the rule:
 * dropping a metric must not be a way around its gate.
 */
function evaluateGate(gate: Gate, input: GateInput, tests: Map<GateResult, PendingTest>): GateResult[] {
  const keys = matchKeys(gate.selector, input.head.keys());
  const missing =
    input.base === undefined
      ? []
      : matchKeys(gate.selector, input.base.keys()).filter((key) => !input.head.has(key));
  const results = keys.map((metric) => evaluateOne(gate, metric, input, tests));
  for (const metric of missing) {
    const base = sideValue(input.base!.get(metric))!;
    const suggestions = isGlob(gate.selector) ? [] : suggestKeys(metric, input.head.keys());
    results.push({
      gate,
      metric,
      status: failing(gate),
      base,
      reason: `${metric} is missing from the head, though the baseline has it (${formatNumber(base)})${didYouMean(suggestions)}`,
    });
  }
  if (results.length > 0) return results;
  // Only `required` gets here (checkTargets): its metric is absent on both sides.
  const what = isGlob(gate.selector)
    ? `${gate.selector} matches no metric: the gate requires one`
    : `${gate.selector} is missing: the gate requires it`;
  return [
    {
      gate,
      status: failing(gate),
      reason: `${what}${didYouMean(suggestKeys(gate.selector, input.head.keys()))}`,
    },
  ];
}

function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '';
}

type ResultOf = (status: GateStatus, reason: string, extra?: Partial<GateResult>) => GateResult;

function evaluateOne(
  gate: Gate,
  metric: string,
  input: GateInput,
  tests: Map<GateResult, PendingTest>,
): GateResult {
  const headValues = input.head.get(metric)!;
  const head = sideValue(headValues)!;
  const baseValues = input.base?.get(metric);
  const base = sideValue(baseValues);
  const direction = input.directionOf(metric);
  const result = (status: GateStatus, reason: string, extra: Partial<GateResult> = {}): GateResult => {
    const out: GateResult = { gate, metric, status, head, reason, ...extra };
    if (base !== undefined) out.base = base;
    if (direction !== undefined) out.direction = direction;
    return out;
  };
  const rule = gate.rule;

  if (rule.kind === 'required') return result('pass', `${metric} is present (${formatNumber(head)})`);
  if (rule.kind === 'finite') {
    const bad = headValues.filter((v) => !Number.isFinite(v));
    return bad.length === 0
      ? result('pass', `${metric} is finite (${formatNumber(head)})`)
      : result(
          failing(gate),
          `${metric} is ${formatNumber(bad[0]!)}${headValues.length > 1 ? ` in ${bad.length} of ${headValues.length} runs` : ''}`,
        );
  }
  if (!Number.isFinite(head)) {
    return result(
      failing(gate),
      `${metric} is ${formatNumber(head)} in the pull request: the run diverged or did not log it properly`,
    );
  }
  if (rule.kind === 'bound') {
    const scale = limitScale(rule, input.unitOf?.(metric));
    const limit = scale.limit(rule.value);
    const ok = compare(head, rule.op, limit);
    return result(
      ok ? 'pass' : failing(gate),
      boundReason(metric, scale.value(head), rule.op, scale.shown(rule.value), ok),
      { observed: head },
    );
  }
  if (rule.kind === 'range') {
    const scale = limitScale(rule, input.unitOf?.(metric));
    const min = scale.limit(rule.min);
    const max = scale.limit(rule.max);
    const ok = head >= min && head <= max;
    const where = head < min ? 'below' : 'above';
    const range = scale.range(rule.min, rule.max);
    return result(
      ok ? 'pass' : failing(gate),
      ok
        ? `${scale.value(head)} is within ${range}`
        : `${scale.value(head)} is ${where} the allowed range ${range}`,
      { observed: head },
    );
  }

  // Everything below compares with the baseline.
  if (!COMPARES_WITH_BASE.has(rule.kind)) throw new Error(`unhandled rule ${rule.kind}`);
  if (input.base === undefined) {
    // Drift and data metrics are measured on the pull request's data against its drift reference:
    // without a baseline that measured them too (a data-only comparison never has one), a change
    // gate on them could never be tested, and "not compared" must not let drifted data through.
    if (isDataMetric(metric))
      return result(
        failing(gate),
        `there is no baseline, so a change of ${metric} cannot be measured: drift and data metrics describe the pull request's data against its drift reference; gate the value itself (such as drift.share <= 0.3); this gate fails rather than pass unchecked`,
      );
    return result('neutral', 'no baseline was found, so there is nothing to compare with');
  }
  if (base === undefined) {
    // Drift and data metrics describe the pull request's data against its reference; a baseline
    // without them (metrics files, not a drift step's) gives such a gate nothing to compare, and
    // "not compared" must not let drifted data through.
    if (isDataMetric(metric))
      return result(
        failing(gate),
        `the baseline has no ${metric}, so this change cannot be measured: drift and data metrics are measured on the pull request's data against the drift reference, and the baseline's run did not measure them. Gate the value itself (such as drift.share <= 0.3), or take the baseline from a run that compared data (the artifact of a base-branch run with a drift step); until then this gate fails rather than pass unchecked`,
      );
    return result('neutral', `the baseline has no ${metric}, so there is nothing to compare with`);
  }
  const badBase = baseValues!.filter((v) => !Number.isFinite(v));
  if (badBase.length > 0) {
    // A broken baseline cannot vouch for the pull request: fail closed, and say how to mend it.
    const runs = baseValues!.length > 1 ? ` in ${badBase.length} of ${baseValues!.length} runs` : '';
    return result(
      failing(gate),
      `the baseline's ${metric} is ${formatNumber(badBase[0]!)}${runs}, so a change cannot be measured: the base branch's run diverged or did not log it. Re-run the baseline (or fix it on the base branch); until then this gate fails rather than pass unchecked`,
    );
  }
  // checkDirections has thrown for gates that need a direction the metric does not have.

  if (rule.kind === 'change') {
    const { ok, observed, reason } = compareChange(rule, base, head, direction);
    return result(ok ? 'pass' : failing(gate), reason, { observed });
  }

  if (rule.kind === 'quantile')
    return evaluateQuantile({ gate, rule, metric, input, result, tests, base, head });

  if (rule.kind === 'no-regression') {
    const delta = roundNoise(head - base);
    const worse = direction === 'higher' ? delta < 0 : delta > 0;
    const changeText = `${formatNumber(base)} → ${formatNumber(head)} (${formatDelta(delta)})`;
    return result(
      worse ? failing(gate) : 'pass',
      worse ? `${changeText}: worse than the baseline` : `${changeText}: not worse than the baseline`,
      {
        observed: delta,
      },
    );
  }

  if (input.statistics === undefined) return result('error', 'statistical gates are not available here');
  const history = rule.kind === 'significant' ? input.historyNoise?.(metric) : undefined;
  const verdict =
    rule.kind === 'significant'
      ? input.statistics.repeats(rule, baseValues!, headValues, direction!, history)
      : input.statistics.paired?.(rule, metric, direction!);
  if (verdict === undefined) {
    return untestable(
      { gate, result, input },
      input.statistics.pairedUnavailable ??
        'a paired gate needs per-example predictions of both sides (predictions in .mlci.yml, or --base-predictions and --head-predictions)',
      { method: 'paired' },
    );
  }
  const tested = verdict.result;
  const statistics: GateTestDetail = { method: METHOD_NAMES[tested.method], alpha: rule.alpha };
  if (rule.kind === 'significant') {
    statistics.nBase = baseValues!.length;
    statistics.nHead = headValues.length;
  }
  if (verdict.minEffect !== undefined) statistics.minEffect = verdict.minEffect;
  if (verdict.paired !== undefined) statistics.paired = verdict.paired;
  if (tested.verdict === 'insufficient') {
    if (tested.reason === 'invalid-values') {
      // Hygiene: a NaN in one seed or example is a broken run, not a reason to skip the test.
      return result(
        failing(gate),
        `${tested.explanation}: a run diverged or logged a broken value, and a statistical gate fails on it rather than skip the test`,
        { statistics },
      );
    }
    const means = { base, head, direction: direction!, minEffect: verdict.minEffect };
    return untestable({ gate, result, input }, tested.explanation, statistics, means);
  }
  statistics.p = tested.p;
  statistics.ci = tested.ci;
  statistics.level = tested.ciLevel;
  if (tested.history !== undefined)
    statistics.history = { records: tested.history.records, df: tested.history.df, sd: tested.history.sd };
  // Provisional: decideFamilies sets the status and the sentence once every p value is known.
  const pending = result(tested.verdict === 'regressed' ? failing(gate) : 'pass', tested.explanation, {
    statistics,
    observed: tested.p,
  });
  tests.set(pending, {
    p: tested.p,
    alpha: tested.alpha,
    explain(adjustment) {
      const sentence = explainRegression(tested, adjustment);
      return verdict.detail === undefined ? sentence : `${sentence}; ${verdict.detail}`;
    },
  });
  return pending;
}

interface QuantileGate {
  gate: Gate;
  rule: QuantileRule;
  metric: string;
  input: GateInput;
  result: ResultOf;
  tests: Map<GateResult, PendingTest>;
  /** The two sides' values of the metric (the mean over repeats). */
  base: number;
  head: number;
}

/**
 * A change rule on a quantile of timings. With the samples of both sides: the bootstrap test of
 * the quantile's change against the limit (stats/quantile.ts), whose p value joins the family-wise
 * correction of the statistical gates. The null hypothesis is that the quantile changed by at most
 * the limit; the gate fails only when the data show with confidence 1 - α that it changed by more.
 * Without the samples (or with too few), it does what `if untestable` says: by default, compare the
 * two values as the change rule would, and say that it could not test.
 */
function evaluateQuantile(q: QuantileGate): GateResult {
  const { gate, rule, metric, input, result } = q;
  const direction = input.directionOf(metric);
  // `regression` is a rise for a time (lower is better) and a drop for a throughput.
  const measure = rule.measure === 'regression' ? (direction === 'higher' ? 'drop' : 'rise') : rule.measure;
  const method = `bootstrap of the ${rule.label}`;
  const family = familyOf(metric);
  const headRuns = family === undefined ? undefined : input.samples?.head.get(family);
  const baseRuns = family === undefined ? undefined : input.samples?.base?.get(family);
  if (family === undefined || headRuns === undefined || baseRuns === undefined) {
    const why =
      family === undefined
        ? `${metric} is not the quantile of a family of timings`
        : headRuns === undefined && baseRuns === undefined
          ? `neither side has the timings behind ${family}, only summary values`
          : `${headRuns === undefined ? 'the pull request' : 'the baseline'} has no timings behind ${family}, only summary values`;
    return quantileUntestable(q, measure, why, method);
  }
  const test = quantileChangeTest({
    base: baseRuns.flat(),
    head: headRuns.flat(),
    q: rule.q,
    scale: rule.relative ? 'relative' : 'absolute',
    alternative: measure,
    limit: rule.relative ? rule.value / 100 : rule.value,
    alpha: rule.alpha,
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    ...(input.resamples !== undefined ? { resamples: input.resamples } : {}),
  });
  if (test.kind === 'invalid') {
    // Hygiene: a NaN timing is a broken benchmark, not a reason to skip the test.
    return result(
      failing(gate),
      `the timings behind ${family}: ${test.reason}: a benchmark logged a broken value, and the gate fails on it rather than skip the test`,
      { statistics: { method, alpha: rule.alpha } },
    );
  }
  if (test.kind === 'insufficient') return quantileUntestable(q, measure, test.reason, method);
  const statistics: GateTestDetail = {
    method,
    p: test.p,
    alpha: rule.alpha,
    ci: test.ciAbsolute,
    level: test.level,
    nBase: test.nBase,
    nHead: test.nHead,
    minEffect: rule.relative ? roundNoise((rule.value / 100) * test.base) : rule.value,
  };
  const runs =
    headRuns.length > 1 || baseRuns.length > 1
      ? `; the timings of ${baseRuns.length} and ${headRuns.length} runs pooled`
      : '';
  const explain = (adjustment: FamilyAdjustment | undefined) =>
    explainQuantile(rule, measure, test, adjustment, runs);
  // Provisional: decideFamilies sets the status and the sentence once every p value is known.
  const pending = result(test.p <= rule.alpha ? failing(gate) : 'pass', explain(undefined), {
    statistics,
    observed: test.p,
  });
  q.tests.set(pending, { p: test.p, alpha: rule.alpha, explain });
  return pending;
}

/** A quantile gate that could not test: `if untestable`, by default the plain change rule. */
function quantileUntestable(
  { gate, rule, metric, input, result, base, head }: QuantileGate,
  measure: 'drop' | 'rise' | 'change',
  why: string,
  method: string,
): GateResult {
  const policy = rule.untestable ?? 'threshold';
  const statistics: GateTestDetail = { method, alpha: rule.alpha, untestable: policy };
  if (policy === 'neutral')
    return result('neutral', `not tested (${why}); this gate is set to be neutral when it cannot test`, {
      statistics,
    });
  if (policy === 'fail')
    return result(
      failing(gate),
      `${why}. This gate does not pass without a test: give both sides' timings (a benchmark file with every round, such as pytest-benchmark's --benchmark-save-data), or remove "if untestable fail"`,
      { statistics },
    );
  const plain = compareChange({ ...rule, measure }, base, head, input.directionOf(metric));
  return result(
    plain.ok ? 'pass' : failing(gate),
    `not tested (${why}); compared the two ${rule.label} values as a plain ${measure} gate: ${plain.reason}`,
    { statistics, observed: plain.observed },
  );
}

/**
 * A tested quantile gate in one sentence, worded like the statistical gates' (explainRegression):
 * `p95 2.1 → 2.39 (+14%; 90% CI +8.1% to +20%): a rise beyond the allowed 10%, p = 0.012 < 0.05
 * (bootstrap of the p95, n = 500 vs 500 samples)`.
 */
function explainQuantile(
  rule: QuantileRule,
  measure: 'drop' | 'rise' | 'change',
  test: QuantileTestResult,
  adjustment: FamilyAdjustment | undefined,
  note: string,
): string {
  const shown = (v: number) => (test.scale === 'relative' ? formatPercent(v * 100) : formatDelta(v));
  const level = `${Number((test.level * 100).toPrecision(4))}%`;
  const change = `${shown(test.estimate)}; ${level} CI ${shown(test.ci[0])} to ${shown(test.ci[1])}`;
  const limit = rule.relative ? `${formatNumber(rule.value)}%` : formatNumber(rule.value);
  const decisive = adjustment?.p ?? test.p;
  const blocks = decisive <= rule.alpha;
  const verdict = blocks
    ? `a ${measure} beyond the allowed ${limit}`
    : `no significant ${measure} beyond the allowed ${limit}`;
  const ps = formatP(test.p);
  const adjusted =
    adjustment === undefined
      ? ''
      : `, adjusted ${formatP(adjustment.p).slice(2).replace(/^= /, '')} (${adjustment.name}, ${adjustment.size} tests)`;
  const cmp = !blocks
    ? `${ps}${adjusted} ≥ ${rule.alpha}, not significant`
    : adjusted === '' && ps.startsWith('p <')
      ? ps
      : `${ps}${adjusted} ${decisive < rule.alpha ? '<' : '≤'} ${rule.alpha}`;
  return `${rule.label} ${formatNumber(test.base)} → ${formatNumber(test.head)} (${change}): ${verdict}, ${cmp} (bootstrap of the ${rule.label}, n = ${test.nBase} vs ${test.nHead} samples${note})`;
}

/**
 * A change rule on two values (`loss rise <= 2%`): whether it holds, the amount compared with the
 * limit, and the sentence. Quantile gates that cannot test compare the same way.
 */
function compareChange(
  rule: Pick<Extract<Rule, { kind: 'change' }>, 'measure' | 'op' | 'value' | 'relative'>,
  base: number,
  head: number,
  direction: Direction | undefined,
): { ok: boolean; observed: number; reason: string } {
  const delta = roundNoise(head - base);
  const amount =
    rule.measure === 'drop'
      ? -delta
      : rule.measure === 'rise'
        ? delta
        : rule.measure === 'change'
          ? Math.abs(delta)
          : direction === 'higher'
            ? -delta
            : delta;
  const observed = rule.relative ? relativeAmount(amount, base) : amount;
  const ok = rule.op === '<=' ? roundNoise(observed) <= rule.value : roundNoise(observed) < rule.value;
  const limit = `${formatNumber(rule.value)}${rule.relative ? '%' : ''}`;
  const shown = rule.relative
    ? formatPercent(observed).replace(/^\+/, '')
    : formatNumber(roundNoise(observed));
  const verb = { drop: 'dropped', rise: 'rose', change: 'changed', regression: 'got worse' }[rule.measure];
  const changeText = `${formatNumber(base)} → ${formatNumber(head)} (${formatDelta(delta)}${base !== 0 ? `, ${formatPercent((delta / Math.abs(base)) * 100)}` : ''})`;
  const reason =
    amount <= 0 && rule.measure !== 'change'
      ? `${changeText}: it did not ${rule.measure === 'regression' ? 'get worse' : rule.measure}`
      : ok
        ? `${changeText}: ${verb} by ${shown}, within the allowed ${limit}`
        : `${changeText}: ${verb} by ${shown}, more than the allowed ${limit}`;
  return { ok, observed, reason };
}

/**
 * A statistical or paired gate that could not test: what it does is the gate's own
 * `if untestable ...`, else the config's `statistics.untestable` (default: fail).
 */
function untestable(
  { gate, result, input }: { gate: Gate; result: ResultOf; input: GateInput },
  why: string,
  statistics: GateTestDetail,
  means?: { base: number; head: number; direction: Direction; minEffect: number | undefined },
): GateResult {
  const rule = gate.rule as Extract<Rule, { kind: 'significant' | 'paired' }>;
  const asked = rule.untestable ?? input.policy?.untestable ?? DEFAULT_UNTESTABLE;
  const minEffect = means?.minEffect;
  const policy: Untestable = asked === 'threshold' && minEffect === undefined ? 'fail' : asked;
  const detail = { ...statistics, untestable: policy };
  if (policy === 'neutral')
    return result('neutral', `not tested (${why}); this gate is set to be neutral when it cannot test`, {
      statistics: detail,
    });
  if (policy === 'threshold' && means !== undefined && minEffect !== undefined) {
    const { base, head } = means;
    const worsening = roundNoise(means.direction === 'higher' ? base - head : head - base);
    const within = worsening <= roundNoise(minEffect);
    const change = `${formatNumber(base)} → ${formatNumber(head)}`;
    const amount = worsening > 0 ? `worse by ${formatNumber(worsening)}` : 'not worse';
    return result(
      within ? 'pass' : failing(gate),
      `not tested (${why}); compared the means with the allowed ${formatNumber(minEffect)} instead: ${change}, ${amount}${within ? '' : `, more than the allowed ${formatNumber(minEffect)}`}`,
      { statistics: detail, observed: worsening },
    );
  }
  const instead =
    asked === 'threshold' ? ' ("if untestable threshold" needs "beyond X" to have a threshold)' : '';
  return result(
    failing(gate),
    `${why}. A gate that cannot test does not pass${instead}: run repeats (seeds) on both sides, give the base branch's history, or write "if untestable neutral" on the gate`,
    { statistics: detail },
  );
}

function failing(gate: Gate): GateStatus {
  return gate.level === 'warn' ? 'warn' : 'fail';
}

function compare(value: number, op: Comparator, limit: number): boolean {
  switch (op) {
    case '>=':
      return value >= limit;
    case '>':
      return value > limit;
    case '<=':
      return value <= limit;
    case '<':
      return value < limit;
    case '==':
      return roundNoise(value) === limit;
    case '!=':
      return roundNoise(value) !== limit;
  }
}

/**
 * How a bound's or range's limits read for one metric, and how its reason shows them: as written
 * for plain numbers; `0.9 (90%)` for a percent limit on a fraction; `90%` (and the value as
 * `91.3%`) for a metric written in percent.
 */
function limitScale(rule: Extract<Rule, { kind: 'bound' | 'range' }>, unit: MetricUnit | undefined) {
  const plain = (n: number) => formatNumber(n);
  if (rule.percent !== true)
    return {
      limit: (n: number) => n,
      value: plain,
      shown: plain,
      range: (min: number, max: number) => `[${plain(min)}, ${plain(max)}]`,
    };
  const percent = (n: number) => `${formatNumber(n)}%`;
  if (unit === 'percent')
    return {
      limit: (n: number) => n,
      value: percent,
      shown: percent,
      range: (min: number, max: number) => `[${percent(min)}, ${percent(max)}]`,
    };
  const fraction = (n: number) => percentLimit(n, 'fraction');
  return {
    limit: fraction,
    value: plain,
    shown: (n: number) => `${plain(fraction(n))} (${percent(n)})`,
    range: (min: number, max: number) =>
      `[${plain(fraction(min))}, ${plain(fraction(max))}] (${percent(min)} to ${percent(max)})`,
  };
}

function boundReason(metric: string, v: string, op: Comparator, l: string, ok: boolean): string {
  if (ok) return `${v} ${op} ${l}`;
  switch (op) {
    case '>=':
      return `${v} is below the minimum of ${l}`;
    case '>':
      return `${v} is not above ${l}`;
    case '<=':
      return `${v} is above the maximum of ${l}`;
    case '<':
      return `${v} is not below ${l}`;
    case '==':
      return `${metric} is ${v}, expected exactly ${l}`;
    case '!=':
      return `${metric} is ${v}, which it must not be`;
  }
}

/** A change as a percentage of the baseline; from a baseline of 0 any change is infinitely large. */
function relativeAmount(amount: number, base: number): number {
  if (base === 0) return amount === 0 ? 0 : amount > 0 ? Infinity : -Infinity;
  return (amount / Math.abs(base)) * 100;
}
