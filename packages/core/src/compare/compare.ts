import { roundNoise } from '../format.js';
import { differenceNoise, type DifferenceNoise } from '../stats/difference.js';
import { studentTQuantile } from '../stats/distributions.js';
import type { ConfigChanges } from '../config/gating.js';
import type { NoiseEstimate, NoiseUnavailable } from '../stats/noise.js';
import type { Direction } from '../gates/direction.js';
import { sideValue, type SideValues } from '../gates/evaluate.js';
import type { GateResult, GateStatus } from '../gates/types.js';
import type { MetricsDoc, ParamValue, SourceInfo } from '../model.js';

/**
 * improved / regressed follow the metric's direction, and only for changes beyond the noise the
 * comparison knows of (repeats or the base branch's history); `within-noise` is a change inside
 * that noise; `changed` is a change beyond noise of a metric whose direction is unknown;
 * `unchanged` is within the metric's tolerance (exactly equal by default); `no-baseline` when
 * there is no baseline at all.
 */
export type MetricStatus =
  | 'improved'
  | 'regressed'
  | 'within-noise'
  | 'unchanged'
  | 'changed'
  | 'added'
  | 'removed'
  | 'non-finite'
  | 'no-baseline';

export const METRIC_STATUSES: readonly MetricStatus[] = [
  'improved',
  'regressed',
  'within-noise',
  'unchanged',
  'changed',
  'added',
  'removed',
  'non-finite',
  'no-baseline',
];

export interface SampleSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1); undefined for a single run. */
  sd?: number;
  /** 95% t-interval of the mean; undefined for a single run or non-finite values. */
  ci?: [number, number];
  values: number[];
}

export interface MetricComparison {
  key: string;
  base?: number;
  head?: number;
  /** head - base, rounded to remove float noise. */
  delta?: number;
  /** delta as a percentage of |base|; undefined when base is 0. */
  deltaPercent?: number;
  direction?: Direction;
  directionSource: 'config' | 'name' | 'unknown';
  status: MetricStatus;
  /** Present when either side has several runs (seeds, folds). */
  repeats?: {
    base?: SampleSummary;
    head?: SampleSummary;
  };
  /**
   * The noise the status was judged against: the 95% interval of head - base, from the runs'
   * spread (Welch) or the base branch's history. Absent when neither is known: one run per side
   * and no history, whose change cannot be told from noise (`noiseUnknown` on the comparison).
   */
  noise?: DifferenceNoise;
}

export interface ParamChange {
  key: string;
  base?: ParamValue;
  head?: ParamValue;
  status: 'changed' | 'added' | 'removed';
}

export type VerdictKind = 'passed' | 'failed' | 'passed-with-warnings' | 'no-baseline';

export interface Verdict {
  kind: VerdictKind;
  counts: Record<GateStatus, number>;
  /** One sentence: "2 of 5 gates failed: accuracy, loss". */
  summary: string;
}

/**
 * Why a comparison that needed a baseline has none, when that must fail the check rather than
 * turn it neutral: the baseline could not be fetched ('unavailable': GitHub errors, timeouts, a
 * token without access), or none was found where the repository has recorded baselines before
 * ('missing', with `on-no-baseline: auto` or `fail`).
 */
export interface BaselineProblem {
  kind: 'unavailable' | 'missing';
  /** What happened, for the verdict and the check's title: the failed requests, or where it looked. */
  detail: string;
}

/**
 * A maintainer accepted this head's regressions with a label: the failed gates are shown as
 * failed, and the verdict passes with their name on it. Never for an error or a baseline that could
 * not be fetched: acceptance is of a known regression, not of an unknown.
 */
export interface Acceptance {
  /** The login of who added the label (checked to have write permission). */
  by: string;
  label: string;
  /** The head commit the label was added on: acceptance does not carry over to later pushes. */
  head: string;
}

export interface SideInfo {
  /** How many runs (repeats) the side has. */
  runs: number;
  sources: SourceInfo[];
  /** Where the baseline came from, when known: "main@abc1234 (merge base)". */
  label?: string;
}

/** The versioned document `mlci compare --json` prints and later steps (report, actions) consume. */
export interface Comparison {
  schema: 'mlci/comparison';
  version: 1;
  verdict: Verdict;
  gates: GateResult[];
  metrics: MetricComparison[];
  params: ParamChange[];
  head: SideInfo;
  /** Undefined when no baseline was found. */
  base?: SideInfo;
  /** The base branch's history the noise was estimated from, when one was given. */
  history?: { records: number; label: string };
  /** Set when the missing baseline fails the comparison (see BaselineProblem). */
  baselineProblem?: BaselineProblem;
  /**
   * The rules came from the base's config, and the pull request changes them: shown in the
   * report, in force after the merge (config/gating.ts).
   */
  configChanges?: ConfigChanges;
  acceptance?: Acceptance;
}

export interface MetricSettings {
  direction?: Direction;
  /** Changes up to this size count as unchanged; a number, or a percentage of |base| when relative. */
  tolerance?: { value: number; relative: boolean };
}

export interface CompareInput {
  head: { values: SideValues; runs: readonly MetricsDoc[]; label?: string };
  base?: { values: SideValues; runs: readonly MetricsDoc[]; label?: string };
  settingsFor(key: string): MetricSettings;
  inferDirection(key: string): Direction | undefined;
  /** The metric's noise from the base branch's history, when one was given. */
  historyNoise?(key: string): NoiseEstimate | NoiseUnavailable | undefined;
  gates: GateResult[];
  /** False for `mlci check`, which has no baseline by design: the verdict is then never "no baseline". */
  expectBaseline?: boolean;
  history?: { records: number; label: string };
  baselineProblem?: BaselineProblem;
  configChanges?: ConfigChanges;
  acceptance?: Acceptance;
}

export function compareMetrics(input: CompareInput): Comparison {
  const keys = new Set<string>([...input.head.values.keys(), ...(input.base?.values.keys() ?? [])]);
  const metrics = [...keys].sort().map((key) => compareOne(key, input));
  const comparison: Comparison = {
    schema: 'mlci/comparison',
    version: 1,
    verdict: verdictOf(
      input.gates,
      input.base !== undefined || input.expectBaseline === false,
      input.base === undefined ? input.baselineProblem : undefined,
      input.acceptance,
    ),
    gates: input.gates,
    metrics,
    params: diffParams(input.base?.runs ?? [], input.head.runs, input.base !== undefined),
    head: sideInfo(input.head),
  };
  if (input.base !== undefined) comparison.base = sideInfo(input.base);
  if (input.history !== undefined) comparison.history = input.history;
  if (input.base === undefined && input.baselineProblem !== undefined)
    comparison.baselineProblem = input.baselineProblem;
  if (input.configChanges !== undefined) comparison.configChanges = input.configChanges;
  if (input.acceptance !== undefined) comparison.acceptance = input.acceptance;
  return comparison;
}

function sideInfo(side: { runs: readonly MetricsDoc[]; label?: string }): SideInfo {
  const info: SideInfo = { runs: side.runs.length, sources: side.runs.flatMap((r) => r.sources) };
  if (side.label !== undefined) info.label = side.label;
  return info;
}

function compareOne(key: string, input: CompareInput): MetricComparison {
  const settings = input.settingsFor(key);
  const inferred = input.inferDirection(key);
  const direction = settings.direction ?? inferred;
  const headValues = input.head.values.get(key);
  const baseValues = input.base?.values.get(key);
  const head = sideValue(headValues);
  const base = sideValue(baseValues);
  const out: MetricComparison = {
    key,
    directionSource:
      settings.direction !== undefined ? 'config' : inferred !== undefined ? 'name' : 'unknown',
    status: 'unchanged',
  };
  if (direction !== undefined) out.direction = direction;
  if (base !== undefined) out.base = base;
  if (head !== undefined) out.head = head;
  if ((headValues?.length ?? 0) > 1 || (baseValues?.length ?? 0) > 1) {
    out.repeats = {};
    if (baseValues !== undefined) out.repeats.base = summarize(baseValues);
    if (headValues !== undefined) out.repeats.head = summarize(headValues);
  }
  if (baseValues !== undefined && headValues !== undefined) {
    const noise = differenceNoise(baseValues, headValues, input.historyNoise?.(key));
    if (noise !== undefined) out.noise = noise;
  }
  if (head === undefined) {
    out.status = 'removed';
    return out;
  }
  if (base === undefined) {
    out.status = input.base === undefined ? 'no-baseline' : 'added';
    return out;
  }
  if (!Number.isFinite(head) || !Number.isFinite(base)) {
    out.status = Object.is(head, base) ? 'unchanged' : 'non-finite';
    return out;
  }
  const delta = roundNoise(head - base);
  out.delta = delta;
  if (base !== 0) out.deltaPercent = roundNoise((delta / Math.abs(base)) * 100);
  const tolerance = settings.tolerance;
  const within =
    tolerance === undefined
      ? delta === 0
      : tolerance.relative
        ? base !== 0 && (Math.abs(delta) / Math.abs(base)) * 100 <= tolerance.value
        : Math.abs(delta) <= tolerance.value;
  const inNoise = out.noise !== undefined && out.noise.ci[0] <= 0 && out.noise.ci[1] >= 0;
  if (within) out.status = 'unchanged';
  else if (inNoise) out.status = 'within-noise';
  else if (direction === undefined) out.status = 'changed';
  else out.status = (direction === 'higher') === delta > 0 ? 'improved' : 'regressed';
  return out;
}

/** The 97.5% quantile of Student's t by whole degrees of freedom: every metric with n runs asks for the same one. */
const T975 = new Map<number, number>();
function t975(df: number): number {
  let q = T975.get(df);
  if (q === undefined) {
    q = studentTQuantile(0.975, df);
    if (T975.size < 10_000) T975.set(df, q);
  }
  return q;
}

function summarize(values: number[]): SampleSummary {
  const n = values.length;
  const mean = roundNoise(values.reduce((a, b) => a + b, 0) / n);
  const summary: SampleSummary = { n, mean, values: [...values] };
  if (n > 1) {
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    summary.sd = roundNoise(sd);
    if (Number.isFinite(sd)) {
      const half = t975(n - 1) * (sd / Math.sqrt(n));
      summary.ci = [roundNoise(mean - half), roundNoise(mean + half)];
    }
  }
  return summary;
}

/**
 * Params that name or time a run rather than configure it: they differ between any two runs, so
 * listing them as "changed" in every report would bury the hyper-parameters that did change.
 * MLflow's run metadata and its per-run system tags (the commit, the user, generated run names).
 */
export const RUN_IDENTITY_PARAMS: readonly RegExp[] = [
  /^run\.(id|name|start_time|end_time|experiment_id)$/,
  /^tag\.mlflow\\\.(runName|user|source\\\.git\\\.commit|log-model\\\.history|parentRunId)$/,
];

export function isRunIdentity(key: string): boolean {
  return RUN_IDENTITY_PARAMS.some((pattern) => pattern.test(key));
}

function diffParams(
  baseRuns: readonly MetricsDoc[],
  headRuns: readonly MetricsDoc[],
  hasBase: boolean,
): ParamChange[] {
  if (!hasBase) return [];
  const base = Object.assign({}, ...baseRuns.map((r) => r.params)) as Record<string, ParamValue>;
  const head = Object.assign({}, ...headRuns.map((r) => r.params)) as Record<string, ParamValue>;
  const changes: ParamChange[] = [];
  for (const key of [...new Set([...Object.keys(base), ...Object.keys(head)])].sort()) {
    if (isRunIdentity(key)) continue;
    const inBase = Object.hasOwn(base, key);
    const inHead = Object.hasOwn(head, key);
    if (inBase && inHead) {
      if (!Object.is(base[key], head[key]))
        changes.push({ key, base: base[key]!, head: head[key]!, status: 'changed' });
    } else if (inHead) changes.push({ key, head: head[key]!, status: 'added' });
    else changes.push({ key, base: base[key]!, status: 'removed' });
  }
  return changes;
}

/**
 * `hasBase` false means a baseline was wanted and not found: the headline then says so. A
 * `problem` (the baseline could not be fetched, or is missing where it should not be) fails the
 * verdict: a check must not turn neutral, which branch protection accepts, when it could not look.
 */
export function verdictOf(
  results: readonly GateResult[],
  hasBase: boolean,
  problem?: BaselineProblem,
  acceptance?: Acceptance,
): Verdict {
  const counts: Record<GateStatus, number> = { pass: 0, warn: 0, fail: 0, neutral: 0, error: 0 };
  for (const r of results) counts[r.status]++;
  const named = (status: GateStatus) =>
    [...new Set(results.filter((r) => r.status === status).map((r) => r.metric ?? r.gate.selector))].join(
      ', ',
    );
  const total = results.length;
  if (problem !== undefined) {
    const failed =
      counts.fail > 0
        ? `; ${counts.fail} of ${total} ${total === 1 ? 'check' : 'checks'} failed: ${named('fail')}`
        : '';
    return {
      kind: 'failed',
      counts,
      summary:
        problem.kind === 'unavailable'
          ? `the baseline could not be fetched, so nothing was compared: re-run the job (${problem.detail})${failed}`
          : `no baseline was found, though this repository has recorded baselines before: ${problem.detail}${failed}`,
    };
  }
  if (acceptance !== undefined && counts.fail > 0 && counts.error === 0) {
    // Accepted regressions: the check passes, with who accepted what in its title.
    return {
      kind: 'passed-with-warnings',
      counts,
      summary: `accepted by @${acceptance.by} (label "${acceptance.label}"): ${counts.fail} of ${total} ${total === 1 ? 'check' : 'checks'} failed: ${named('fail')}`,
    };
  }
  if (counts.fail + counts.error > 0) {
    const parts = [];
    if (counts.fail > 0)
      parts.push(`${counts.fail} of ${total} ${total === 1 ? 'check' : 'checks'} failed: ${named('fail')}`);
    if (counts.error > 0) parts.push(`${counts.error} could not be evaluated: ${named('error')}`);
    return { kind: 'failed', counts, summary: parts.join('; ') };
  }
  if (!hasBase) {
    return {
      kind: 'no-baseline',
      counts,
      summary:
        total === 0
          ? 'no baseline was found to compare with'
          : `no baseline was found; ${counts.pass} of ${total} ${total === 1 ? 'check' : 'checks'} passed on the pull request's own numbers` +
            (counts.warn > 0 ? `, ${counts.warn} warned: ${named('warn')}` : ''),
    };
  }
  // Neutral results (nothing to compare with, or set to be neutral when they cannot test) are
  // counted apart: "all passed" only when every check passed.
  const untested = counts.neutral > 0 ? `; ${counts.neutral} not tested: ${named('neutral')}` : '';
  if (counts.warn > 0) {
    return {
      kind: 'passed-with-warnings',
      counts,
      summary: `no check failed; ${counts.warn} warning${counts.warn === 1 ? '' : 's'}: ${named('warn')}${untested}`,
    };
  }
  const checks = (n: number) => `${n} ${n === 1 ? 'check' : 'checks'}`;
  return {
    kind: 'passed',
    counts,
    summary:
      total === 0
        ? 'no gates are configured'
        : counts.neutral === 0
          ? `all ${checks(counts.pass)} passed`
          : `${counts.pass} of ${checks(total)} passed${untested}`,
  };
}
