import { isPercentUnit } from '../gates/percent.js';
import type { DriftSettings, MlciConfig, MetricRule, StatisticsSettings } from './config.js';

/**
 * What a pull request changed in the rules that judge it, between the base's config and its own.
 * The gates, the metric settings (directions, tolerances) and the statistics settings come from
 * the base by default: a pull request cannot loosen the gates it is judged by. Its changes are
 * shown, and take effect once it is merged.
 */
export interface ConfigChanges {
  /** Where the rules in force came from: `main@abc1234`. */
  from: string;
  /** Gates, by their text (with `warn:` for warnings), the pull request adds or removes. */
  gatesAdded: string[];
  gatesRemoved: string[];
  /** Other rule changes in words: `metrics.accuracy.direction: higher -> lower`. */
  settings: string[];
}

/**
 * The config a pull request is judged with: its own files and report settings (where its metrics
 * are, how they are shown), the base's gates, metric settings and statistics settings.
 */
export function gatingConfig(base: MlciConfig, head: MlciConfig): MlciConfig {
  const config: MlciConfig = {
    files: head.files,
    repeats: head.repeats,
    gates: base.gates,
    metrics: base.metrics,
    report: head.report,
    statistics: base.statistics,
  };
  if (head.file !== undefined) config.file = head.file;
  return config;
}

/** The rule changes between two configs; undefined when there are none. */
export function diffConfigs(base: MlciConfig, head: MlciConfig, from: string): ConfigChanges | undefined {
  const gateText = (gate: MlciConfig['gates'][number]) =>
    `${gate.level === 'warn' ? 'warn: ' : ''}${gate.text.replace(/^(warn|fail)\s*:\s*/i, '')}`;
  const baseGates = base.gates.map(gateText);
  const headGates = head.gates.map(gateText);
  const gatesAdded = difference(headGates, baseGates);
  const gatesRemoved = difference(baseGates, headGates);
  const settings = [
    ...metricChanges(base.metrics, head.metrics),
    ...statisticsChanges(base.statistics, head.statistics),
    ...driftChanges(base.drift, head.drift),
  ];
  if (gatesAdded.length + gatesRemoved.length + settings.length === 0) return undefined;
  return { from, gatesAdded, gatesRemoved, settings };
}

/** Items of `a` that `b` does not have, counting repeats (a gate written twice is two gates). */
function difference(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const item of b) left.set(item, (left.get(item) ?? 0) + 1);
  const out: string[] = [];
  for (const item of a) {
    const n = left.get(item) ?? 0;
    if (n > 0) left.set(item, n - 1);
    else out.push(item);
  }
  return out;
}

const RULE_SETTINGS = ['direction', 'tolerance'] as const;

function metricChanges(base: readonly MetricRule[], head: readonly MetricRule[]): string[] {
  // The last entry for a selector wins, as in settingsFor.
  const bySelector = (rules: readonly MetricRule[]) => {
    const map = new Map<string, MetricRule>();
    for (const rule of rules) map.set(rule.selector, { ...map.get(rule.selector), ...rule });
    return map;
  };
  const b = bySelector(base);
  const h = bySelector(head);
  const out: string[] = [];
  for (const selector of [...new Set([...b.keys(), ...h.keys()])].sort()) {
    for (const key of RULE_SETTINGS) {
      const before = show(b.get(selector)?.[key]);
      const after = show(h.get(selector)?.[key]);
      if (before !== after) out.push(`metrics.${selector}.${key}: ${before} → ${after}`);
    }
    // A unit is for display, except that `unit: percent` makes a gate's 90% mean 90, not 0.9.
    const [before, after] = [b, h].map((rules) => rules.get(selector)?.unit);
    if (isPercentUnit(before) !== isPercentUnit(after))
      out.push(`metrics.${selector}.unit: ${show(before)} → ${show(after)}`);
  }
  return out;
}

function statisticsChanges(base: StatisticsSettings, head: StatisticsSettings): string[] {
  const out: string[] = [];
  for (const [key, name] of [
    ['correction', 'correction'],
    ['untestable', 'untestable'],
    ['historyWindow', 'history-window'],
  ] as const) {
    if (base[key] !== head[key]) out.push(`statistics.${name}: ${show(base[key])} → ${show(head[key])}`);
  }
  return out;
}

/**
 * The drift settings that decide a verdict, which the base's config sets for a pull request too
 * (actions/shared/src/drift.ts planDrift): the reference, how values are read, and the thresholds.
 * `current` and `seed` are the pull request's own (its data, its samples) and are not listed.
 */
const DRIFT_RULES = [
  ['reference', 'reference'],
  ['format', 'format'],
  ['missingValues', 'missing-values'],
  ['alpha', 'alpha'],
  ['threshold', 'threshold'],
  ['smallRows', 'small-rows'],
  ['driftShare', 'drift-share'],
] as const;

function driftChanges(base: DriftSettings | undefined, head: DriftSettings | undefined): string[] {
  if (base === undefined && head === undefined) return [];
  const out: string[] = [];
  for (const [key, name] of DRIFT_RULES) {
    const value = (settings: DriftSettings | undefined) => {
      const v = settings?.[key];
      return Array.isArray(v) ? (v.length === 0 ? undefined : v.join(', ')) : v;
    };
    const [before, after] = [value(base), value(head)];
    if (before !== after) out.push(`drift.${name}: ${show(before)} → ${show(after)}`);
  }
  if (base === undefined) out.unshift('drift: (not set) → a drift: section, which judges once merged');
  return out;
}

function show(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (typeof value === 'object' && value !== null && 'value' in value) {
    const tolerance = value as { value: number; relative: boolean };
    return `${tolerance.value}${tolerance.relative ? '%' : ''}`;
  }
  return String(value);
}
