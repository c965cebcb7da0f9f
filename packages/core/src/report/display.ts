import type { DisplaySettings } from '../config/config.js';
import { formatDelta, formatNumber, formatPercent, roundNoise } from '../format.js';
import type { Comparator, GateResult } from '../gates/types.js';

/**
 * One display per metric, in every column and in every sentence about it: the report shows a
 * metric's value, its change, its spread and its gate's reason with the same precision, unit and
 * percent setting, so `95.6%` in a column is never `0.955556` in the reason next to it.
 */

/** Significant digits when `.mlci.yml` sets no precision for a metric. */
export const DEFAULT_DIGITS = 6;
/** Significant digits of a spread (sd, interval) when no precision is set: it is itself uncertain. */
export const SPREAD_DIGITS = 3;

/** A value as configured for its metric (precision, unit, percent); 6 significant digits by default. */
export function formatValue(value: number, settings: DisplaySettings | undefined, digits?: number): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  const precision = settings?.precision ?? digits ?? DEFAULT_DIGITS;
  if (settings?.percent === true) return `${formatNumber(roundNoise(value * 100), precision)}%`;
  const text = formatNumber(value, precision);
  return settings?.unit === undefined ? text : `${text} ${settings.unit}`;
}

/** A signed change; a change of a value shown as a percentage is in percentage points. */
export function formatChange(delta: number, settings: DisplaySettings | undefined, digits?: number): string {
  const precision = settings?.precision ?? digits ?? DEFAULT_DIGITS;
  if (settings?.percent === true) return `${formatDelta(roundNoise(delta * 100), precision)} pp`;
  const text = formatDelta(delta, precision);
  return settings?.unit === undefined || !Number.isFinite(delta) ? text : `${text} ${settings.unit}`;
}

/** A 95% interval of a change, in the metric's display: `-1.63 pp to +2.74 pp`. */
export function formatInterval(ci: readonly [number, number], settings: DisplaySettings | undefined): string {
  return `${formatChange(ci[0], settings, SPREAD_DIGITS)} to ${formatChange(ci[1], settings, SPREAD_DIGITS)}`;
}

/** A p value as a reviewer reads it: two significant digits, small ones in scientific form. */
export function formatP(p: number): string {
  return p < 0.0001 ? '< 0.0001' : formatNumber(p, 2);
}

const OP_TEXT: Record<Comparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '==': '=',
  '!=': '≠',
};

/**
 * The gate's reason, short and in the metric's own display. The gate's values and change are in
 * the row's other columns, so the reason says only what the rule concluded: `96.1% ≥ 90%`,
 * `rose 5.47%, over the allowed 5%`, `p = 0.26 ≥ 0.05 (Welch's t-test, 3 vs 3 runs)`. Results the
 * structured fields cannot word (errors, untestable gates, missing metrics) keep the gate's own
 * reason, which already says what to do.
 */
export function shortReason(
  result: GateResult,
  settings: DisplaySettings | undefined,
  runs?: { head: number; base?: number },
): string {
  const rule = result.gate.rule;
  const { head, base } = result;
  const passed = result.status === 'pass';
  const stats = result.statistics;
  if (stats?.untestable !== undefined || result.status === 'error' || result.status === 'neutral')
    return result.reason;
  if (head === undefined || !Number.isFinite(head)) return result.reason;
  // A bound written with % on a metric not shown in percent could mean 0.9 or 90: keep the gate's words.
  const plainLimits = rule.kind !== 'bound' && rule.kind !== 'range' ? true : rule.percent !== true;
  const limitsMatch = plainLimits || settings?.percent === true;
  switch (rule.kind) {
    case 'bound': {
      if (!limitsMatch) return result.reason;
      const limit = formatValue(rule.percent === true ? rule.value / 100 : rule.value, settings);
      const value = formatValue(head, settings);
      return passed ? `${value} ${OP_TEXT[rule.op]} ${limit}` : `${value}, not ${OP_TEXT[rule.op]} ${limit}`;
    }
    case 'range': {
      if (!limitsMatch) return result.reason;
      const scale = rule.percent === true ? 0.01 : 1;
      const range = `${formatValue(rule.min * scale, settings)} to ${formatValue(rule.max * scale, settings)}`;
      return passed ? `within ${range}` : `outside ${range}`;
    }
    case 'change': {
      if (base === undefined || result.observed === undefined || !Number.isFinite(base)) return result.reason;
      const delta = roundNoise(head - base);
      const verb = { drop: 'dropped', rise: 'rose', change: 'changed', regression: 'got worse' }[
        rule.measure
      ];
      const amount = rule.relative
        ? formatPercent(result.observed).replace(/^\+/, '')
        : formatChange(result.observed, settings).replace(/^\+/, '');
      const limit = rule.relative
        ? `${formatNumber(rule.value)}%`
        : formatChange(rule.value, settings).replace(/^\+/, '');
      if (result.observed <= 0 && rule.measure !== 'change')
        return `did not ${rule.measure === 'regression' ? 'get worse' : rule.measure}`;
      if (delta === 0) return 'unchanged';
      return passed ? `${verb} ${amount}, within ${limit}` : `${verb} ${amount}, over the allowed ${limit}`;
    }
    case 'finite':
      return passed ? 'finite' : result.reason;
    case 'required':
      return passed ? 'present' : result.reason;
    case 'no-regression':
      return passed ? 'not worse' : 'worse than the baseline';
    case 'significant':
    case 'paired': {
      if (stats?.p === undefined) return result.reason;
      const adjusted = stats.pAdjusted !== undefined && stats.family !== undefined && stats.family.size > 1;
      const p = adjusted ? stats.pAdjusted! : stats.p;
      const alpha =
        stats.alpha ?? (rule.kind === 'significant' || rule.kind === 'paired' ? rule.alpha : 0.05);
      const pText = `${adjusted ? 'adjusted p' : 'p'} = ${formatP(p)} ${p <= alpha ? '≤' : '>'} ${formatNumber(alpha)}`;
      const what = passed ? 'not significantly worse' : 'significantly worse';
      if (rule.kind === 'significant') {
        const n =
          stats.nBase !== undefined && stats.nHead !== undefined
            ? `, ${stats.nBase} vs ${stats.nHead} runs`
            : '';
        return `${what}: ${pText} (${stats.method}${n})`;
      }
      // A paired test runs on per-example predictions, usually of one run per side: say which
      // numbers it compared, so they are not mistaken for the mean of the runs in the columns.
      // Examples from evaluation logs of several runs are each run's mean (the measure says so):
      // then the test did use every run, and "one run per side" would be wrong.
      const on = stats.paired;
      const pooled = on?.measure.includes('mean of') ?? false;
      const perSide = pooled ? '' : ' of one run per side';
      const sample =
        on === undefined
          ? ''
          : on.correct !== undefined
            ? `; on ${on.examples} examples${perSide}: ${on.correct.base} → ${on.correct.head} correct (${formatPercent100(on.correct.base / on.examples)} → ${formatPercent100(on.correct.head / on.examples)})`
            : `; on ${on.examples} examples${perSide} (${on.measure})`;
      const many = (runs?.head ?? 1) > 1 || (runs?.base ?? 1) > 1;
      const columns = many && on !== undefined && !pooled ? `, not the mean of the runs in the columns` : '';
      return `${what}: ${pText} (${stats.method})${sample}${columns}`;
    }
    default:
      return result.reason;
  }
}

function formatPercent100(fraction: number): string {
  return `${formatNumber(roundNoise(fraction * 100), 3)}%`;
}
