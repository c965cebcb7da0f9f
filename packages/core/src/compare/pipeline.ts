import type { MlciConfig } from '../config/config.js';
import type { ConfigChanges } from '../config/gating.js';
import { metricUnit, settingsFor } from '../config/config.js';
import { inferDirection, type Direction } from '../gates/direction.js';
import { collectSamples, collectValues, evaluateGates, type GateStatistics } from '../gates/evaluate.js';
import { withExamplePairing } from '../gates/statistics.js';
import type { Gate } from '../gates/types.js';
import type { MetricsDoc } from '../model.js';
import { estimateNoise, type NoiseEstimate, type NoiseUnavailable } from '../stats/noise.js';
import { compareMetrics, type Acceptance, type BaselineProblem, type Comparison } from './compare.js';

export interface RunSet {
  /** One document per run; several runs are repeats (seeds, folds). */
  runs: MetricsDoc[];
  /** Where the runs came from, shown in reports: "main@abc1234 (merge base)". */
  label?: string;
}

/** One recorded commit of the base branch: its runs (several for repeats). */
export interface HistoryRecord {
  /** What the record is called in messages: a short commit hash. */
  label: string;
  runs: MetricsDoc[];
}

export interface PipelineInput {
  head: RunSet;
  base?: RunSet;
  config: MlciConfig;
  /** Gates given on the command line or as action inputs, evaluated after the config's. */
  extraGates?: Gate[];
  /** Directions given on the command line, winning over the config and the name. */
  directions?: Record<string, Direction>;
  statistics?: GateStatistics;
  /**
   * The base branch's recorded runs, oldest first: their spread is each metric's run-to-run noise,
   * for statistical gates and for telling changes from noise in the report.
   */
  history?: readonly HistoryRecord[];
  /** Where the history came from, for the report: "24 records of git:mlci-history:.". */
  historyLabel?: string;
  /** False for a check of one run's own numbers, where no baseline is expected. */
  expectBaseline?: boolean;
  /** Without a base: why that fails the comparison (it could not be fetched, or should exist). */
  baselineProblem?: BaselineProblem;
  /** The pull request's changes to the rules, when they came from the base (config/gating.ts). */
  configChanges?: ConfigChanges;
  /** A maintainer's label accepting this head's regressions (checked by the caller). */
  acceptance?: Acceptance;
}

/** Each metric's noise from the history, estimated once per key (undefined without a history). */
export function historyNoiseOf(
  history: readonly HistoryRecord[] | undefined,
  window: number,
): ((key: string) => NoiseEstimate | NoiseUnavailable | undefined) | undefined {
  if (history === undefined || history.length === 0) return undefined;
  const cache = new Map<string, NoiseEstimate | NoiseUnavailable>();
  return (key) => {
    let estimate = cache.get(key);
    if (estimate === undefined) {
      const records = history.map((record) =>
        record.runs.flatMap((run) => (Object.hasOwn(run.metrics, key) ? [run.metrics[key]!] : [])),
      );
      estimate = estimateNoise(
        records.filter((values) => values.length > 0),
        { window },
      );
      cache.set(key, estimate);
    }
    return estimate;
  };
}

/** Reads nothing and writes nothing: the same numbers always give the same verdict. */
export function runComparison(input: PipelineInput): Comparison {
  // The gates and the comparison both ask for every key's direction: read each name once.
  const inferred = new Map<string, Direction | undefined>();
  const inferOnce = (key: string): Direction | undefined => {
    if (inferred.has(key)) return inferred.get(key);
    const direction = inferDirection(key);
    inferred.set(key, direction);
    return direction;
  };
  const directionOf = (key: string): Direction | undefined =>
    input.directions?.[key] ?? settingsFor(input.config, key).direction ?? inferOnce(key);
  const head = { values: collectValues(input.head.runs), runs: input.head.runs, label: input.head.label };
  const base =
    input.base === undefined
      ? undefined
      : { values: collectValues(input.base.runs), runs: input.base.runs, label: input.base.label };
  const gates = [...input.config.gates, ...(input.extraGates ?? [])];
  const historyNoise = historyNoiseOf(input.history, input.config.statistics.historyWindow);
  // Paired gates also pair the runs' own per-example results (evaluation logs), unless
  // predictions files were given (they win).
  const statistics =
    input.statistics === undefined
      ? undefined
      : withExamplePairing(input.statistics, { head: input.head.runs, base: input.base?.runs ?? [] });
  const results = evaluateGates(gates, {
    head: head.values,
    ...(base !== undefined ? { base: base.values } : {}),
    // Raw timings behind quantile metrics, for quantile gates (`latency_ms p95 rise <= 10%`).
    samples: {
      head: collectSamples(input.head.runs),
      ...(input.base !== undefined ? { base: collectSamples(input.base.runs) } : {}),
    },
    directionOf,
    unitOf: (key) => metricUnit(settingsFor(input.config, key)),
    ...(statistics !== undefined ? { statistics } : {}),
    ...(historyNoise !== undefined ? { historyNoise } : {}),
    policy: {
      correction: input.config.statistics.correction,
      untestable: input.config.statistics.untestable,
    },
  });
  return compareMetrics({
    head: stripUndefined(head),
    ...(base !== undefined ? { base: stripUndefined(base) } : {}),
    settingsFor: (key) => {
      const settings = settingsFor(input.config, key);
      const direction = input.directions?.[key] ?? settings.direction;
      return {
        ...(direction !== undefined ? { direction } : {}),
        ...(settings.tolerance !== undefined ? { tolerance: settings.tolerance } : {}),
      };
    },
    inferDirection: inferOnce,
    ...(historyNoise !== undefined ? { historyNoise } : {}),
    ...(input.history !== undefined && input.history.length > 0
      ? {
          history: {
            records: input.history.length,
            label: input.historyLabel ?? `${input.history.length} records`,
          },
        }
      : {}),
    gates: results,
    ...(input.expectBaseline !== undefined ? { expectBaseline: input.expectBaseline } : {}),
    ...(input.baselineProblem !== undefined ? { baselineProblem: input.baselineProblem } : {}),
    ...(input.configChanges !== undefined ? { configChanges: input.configChanges } : {}),
    ...(input.acceptance !== undefined ? { acceptance: input.acceptance } : {}),
  });
}

function stripUndefined<T extends { label?: string | undefined }>(side: T): T & { label?: string } {
  if (side.label === undefined) {
    const { label: _label, ...rest } = side;
    return rest as T;
  }
  return side as T & { label: string };
}
