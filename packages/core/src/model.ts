/**
 * The one model every reader produces and every later step consumes.
 *
 * - `metrics`: the value a metric ended at (the last logged value of a curve, or a summary number).
 *   Numbers may be NaN or ±Infinity: a diverged run must be visible, not hidden.
 * - `series`: training curves, ordered by step. Long curves are downsampled for display
 *   (`SeriesData.points`) while `SeriesData.stats` stays exact over every point that was read.
 * - `params`: hyper-parameters and other scalar facts about the run.
 * - `sources`: which files were read, as which format, and what the reader wants the user to know.
 * - `samples` (optional): every raw measurement behind a metric that summarises a distribution
 *   (a benchmark's timings behind `latency_ms.p95`), for tests that need more than one number.
 * - `examples` (optional): per-example results of an evaluation, by task, for paired gates.
 */
export type FormatId =
  | 'json'
  | 'yaml'
  | 'toml'
  | 'csv'
  | 'tsv'
  | 'jsonl'
  | 'dvclive'
  | 'hf-trainer'
  | 'mlflow'
  | 'tensorboard'
  | 'junit'
  | 'wandb'
  | 'sklearn-report'
  | 'lm-eval'
  | 'promptfoo'
  | 'inspect-ai'
  | 'benchmark'
  | 'drift'
  | 'validate';

export interface SeriesPoint {
  step: number;
  value: number;
  /** Seconds since the Unix epoch, when the format records it. */
  wallTime?: number;
}

export interface SeriesStats {
  /** Every point read, including non-finite ones. */
  count: number;
  /** How many of those were NaN or ±Infinity. */
  nonFinite: number;
  /** Over finite values only; undefined when there were none. */
  min?: number;
  max?: number;
  mean?: number;
  /** Step at which min / max were reached (first occurrence). */
  minStep?: number;
  maxStep?: number;
  first: SeriesPoint;
  last: SeriesPoint;
}

export interface SeriesData {
  /** Ordered by step; at most the configured point budget (see `downsampledFrom`). */
  points: SeriesPoint[];
  stats: SeriesStats;
  /** Set when `points` is a shape-preserving selection of more points than it holds. */
  downsampledFrom?: number;
}

export type ParamValue = string | number | boolean | null;

export interface SourceInfo {
  /** The path as given (or as found inside a folder that was given). */
  file: string;
  format: FormatId;
  /** What the reader decided that the user may want to know (which run was chosen, what was skipped). */
  notes: string[];
  /** Something is wrong with the input but reading went on (a corrupt record after good ones). */
  warnings: string[];
}

/**
 * The examples of one evaluation task, each by its id, with one number per measure: what a paired
 * gate compares example by example across two runs (McNemar for right/wrong, a paired bootstrap
 * for scores). The task's metrics are `<task>.<measure>` (`arc_easy.acc`).
 */
export interface ExampleResults {
  /** The task: the key prefix of its metrics. */
  task: string;
  /** The file the examples were read from. */
  file: string;
  /** Example ids in file order, unique within the task (lm-eval's doc_id, a sample id). */
  ids: string[];
  /** Per measure (`acc`, `exact_match`), one number per example in `ids` order; NaN when missing. */
  scores: Record<string, number[]>;
}

export interface MetricsDoc {
  metrics: Record<string, number>;
  series: Record<string, SeriesData>;
  params: Record<string, ParamValue>;
  sources: SourceInfo[];
  /** Raw measurements behind a metric, by the metric family's key (`latency_ms` → every timing). */
  samples?: Record<string, number[]>;
  /** Per-example results, one entry per task. */
  examples?: ExampleResults[];
}

export function emptyDoc(): MetricsDoc {
  return { metrics: {}, series: {}, params: {}, sources: [] };
}
