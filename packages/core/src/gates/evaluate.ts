import { formatDelta, formatNumber, formatPercent, roundNoise } from '../format.js';
import type { MetricsDoc } from '../model.js';
import type { Direction } from './direction.js';
import { matchKeys, suggestKeys } from './match.js';
import type { Comparator, Gate, GateResult, GateStatus, Rule } from './types.js';

/** One side of a comparison: every run's value of every metric (several runs = repeats). */
export type SideValues = Map<string, number[]>;

export interface StatisticalVerdict {
  verdict: 'regressed' | 'not-significant' | 'improved' | 'insufficient';
  explanation: string;
  method: string;
  p?: number;
  ci?: [number, number];
  level?: number;
}

/** The statistics a gate may need, injected so the rules stay testable without them. */
export interface GateStatistics {
  repeats(
    rule: Extract<Rule, { kind: 'significant' }>,
    base: number[],
    head: number[],
    direction: Direction,
  ): StatisticalVerdict;
  paired?(rule: Extract<Rule, { kind: 'paired' }>, metric: string, direction: Direction): StatisticalVerdict;
}

export interface GateInput {
  head: SideValues;
  /** Undefined when no baseline was found at all: every comparing gate is then neutral. */
  base?: SideValues;
  directionOf(key: string): Direction | undefined;
  statistics?: GateStatistics;
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

/** The value a side shows for a metric: the run's value, or the mean over repeats. */
export function sideValue(values: number[] | undefined): number | undefined {
  if (values === undefined || values.length === 0) return undefined;
  if (values.length === 1) return values[0];
  return roundNoise(values.reduce((a, b) => a + b, 0) / values.length);
}

export function evaluateGates(gates: readonly Gate[], input: GateInput): GateResult[] {
  return gates.flatMap((gate) => evaluateGate(gate, input));
}

const COMPARES_WITH_BASE = new Set<Rule['kind']>(['change', 'no-regression', 'significant', 'paired']);

export function evaluateGate(gate: Gate, input: GateInput): GateResult[] {
  const keys = matchKeys(gate.selector, input.head.keys());
  if (keys.length === 0) {
    const inBase = input.base === undefined ? [] : matchKeys(gate.selector, input.base.keys());
    const suggestions = suggestKeys(gate.selector, input.head.keys());
    const hint =
      suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    const what =
      inBase.length > 0
        ? `is in the baseline but missing from the pull request's metrics`
        : `matches no metric of the pull request`;
    return [
      {
        gate,
        status: failing(gate),
        reason: `${gate.selector} ${what}.${hint}`,
      },
    ];
  }
  return keys.map((metric) => evaluateOne(gate, metric, input));
}

function evaluateOne(gate: Gate, metric: string, input: GateInput): GateResult {
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
    const ok = compare(head, rule.op, rule.value);
    return result(ok ? 'pass' : failing(gate), boundReason(metric, head, rule.op, rule.value, ok), {
      observed: head,
    });
  }
  if (rule.kind === 'range') {
    const ok = head >= rule.min && head <= rule.max;
    const where = head < rule.min ? 'below' : 'above';
    return result(
      ok ? 'pass' : failing(gate),
      ok
        ? `${formatNumber(head)} is within [${formatNumber(rule.min)}, ${formatNumber(rule.max)}]`
        : `${formatNumber(head)} is ${where} the allowed range [${formatNumber(rule.min)}, ${formatNumber(rule.max)}]`,
      { observed: head },
    );
  }

  // Everything below compares with the baseline.
  if (!COMPARES_WITH_BASE.has(rule.kind)) throw new Error(`unhandled rule ${rule.kind}`);
  if (input.base === undefined)
    return result('neutral', 'no baseline was found, so there is nothing to compare with');
  if (base === undefined)
    return result('neutral', `the baseline has no ${metric}, so there is nothing to compare with`);
  if (!Number.isFinite(base))
    return result(
      'neutral',
      `the baseline's ${metric} is ${formatNumber(base)}, so a change cannot be measured`,
    );

  const needsDirection = rule.kind !== 'change' || rule.measure === 'regression';
  if (needsDirection && direction === undefined) {
    return result(
      'error',
      `mlci cannot tell whether higher or lower is better for ${metric}: set its direction (metrics: { "${metric}": { direction: higher } } in .mlci.yml, or --direction ${metric}=higher)`,
    );
  }

  if (rule.kind === 'change') {
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
    return result(ok ? 'pass' : failing(gate), reason, { observed });
  }

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
  const verdict =
    rule.kind === 'significant'
      ? input.statistics.repeats(rule, baseValues!, headValues, direction!)
      : input.statistics.paired === undefined
        ? undefined
        : input.statistics.paired(rule, metric, direction!);
  if (verdict === undefined) {
    return result(
      'neutral',
      'a paired gate needs per-example predictions of both sides (predictions in .mlci.yml, or --base-predictions and --head-predictions)',
    );
  }
  const statistics: NonNullable<GateResult['statistics']> = {
    method: verdict.method,
    nBase: rule.kind === 'significant' ? baseValues!.length : undefined,
    nHead: rule.kind === 'significant' ? headValues.length : undefined,
  };
  if (verdict.p !== undefined) statistics.p = verdict.p;
  if (verdict.ci !== undefined) statistics.ci = verdict.ci;
  if (verdict.level !== undefined) statistics.level = verdict.level;
  if (rule.kind !== 'significant') {
    delete statistics.nBase;
    delete statistics.nHead;
  }
  const status: GateStatus =
    verdict.verdict === 'regressed' ? failing(gate) : verdict.verdict === 'insufficient' ? 'neutral' : 'pass';
  return result(status, verdict.explanation, {
    statistics,
    ...(verdict.p !== undefined ? { observed: verdict.p } : {}),
  });
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

function boundReason(metric: string, value: number, op: Comparator, limit: number, ok: boolean): string {
  const v = formatNumber(value);
  const l = formatNumber(limit);
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
