/**
 * How a run's values become a MetricsDoc, the same for both MLflow stores: metric keys, the run's
 * latest value, params, which tags are kept, and the `run.*` params.
 */
import type { DocBuilder } from '../../doc-builder.js';
import { childKey, escapeSegment } from '../../keys.js';
import type { ParamValue } from '../../model.js';
import { isoTime, type MlflowRunInfo } from './runs.js';

/** Tags that hold documents (JSON) rather than facts about the run. */
const DOCUMENT_TAGS = new Set(['mlflow.log-model.history', 'mlflow.loggedArtifacts', 'mlflow.datasets']);
/** A tag value longer than this is a document, not a fact to compare between runs. */
const MAX_TAG_CHARS = 500;

/** The metric name, "/" kept as part of it (it is how MLflow nests files), "." escaped. */
export function metricKey(name: string): string {
  return escapeSegment(name);
}

/**
 * MLflow stores `str(value)`: plain decimals become numbers and Python's `True`/`False` booleans,
 * so that params compare as they do in other formats; everything else is the text, verbatim.
 */
export function paramValue(text: string): ParamValue {
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) {
    const n = Number(text);
    if (Number.isFinite(n)) return n;
  }
  if (text === 'True') return true;
  if (text === 'False') return false;
  return text;
}

/** A logged value of a metric, as MLflow orders them to find the run's latest. */
export interface LoggedValue {
  step: number;
  timestamp: number;
  value: number;
}

/**
 * MLflow's rule for a run's latest value (what its UI shows, what the SQLite store keeps in
 * `latest_metrics`): the greatest `(step, timestamp, value)`, compared as Python compares tuples,
 * so a NaN value never wins a tie. Four arguments rather than an object: it runs once per value.
 */
export function laterThan(step: number, timestamp: number, value: number, best: LoggedValue): boolean {
  if (step !== best.step) return step > best.step;
  if (timestamp !== best.timestamp) return timestamp > best.timestamp;
  return value > best.value;
}

/** Adds a tag as the param `tag.<name>`, or skips it (named in a note) when it is a document. Says which. */
export function addTag(builder: DocBuilder, name: string, value: string): boolean {
  const key = childKey('tag', name);
  if (DOCUMENT_TAGS.has(name) || value.length > MAX_TAG_CHARS) {
    builder.skip(key, `a ${value.length}-character document, not a fact about the run`);
    return false;
  }
  builder.param(key, value);
  return true;
}

/** The params that say which run this is: `run.id`, `run.name`, `run.status`, times. */
export function addRunParams(builder: DocBuilder, run: MlflowRunInfo): void {
  builder.param('run.id', run.id);
  builder.param('run.name', run.name);
  builder.param('run.status', run.status);
  builder.param('run.experiment_id', run.experimentId);
  if (run.startTime !== undefined) builder.param('run.start_time', isoTime(run.startTime));
  if (run.endTime !== undefined) builder.param('run.end_time', isoTime(run.endTime));
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The closing note: what was read of the run. */
export function noteRead(
  builder: DocBuilder,
  run: MlflowRunInfo,
  counts: { metrics: number; params: number; tags: number },
): void {
  builder.note(
    `read ${plural(counts.metrics, 'metric')}, ${plural(counts.params, 'param')} and ` +
      `${plural(counts.tags, 'tag')} (as tag.<name>) of run ${run.id}; artifacts are not read`,
  );
}
