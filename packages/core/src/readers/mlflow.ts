/**
 * The MLflow file store (format id `mlflow`): an `mlruns` folder, one experiment folder in it, or
 * one run folder. User-facing rules in docs/formats/mlflow.md. As MLflow's FileStore writes it:
 * - `<run>/meta.yaml`: run_id, run_name (older: name; else the tag mlflow.runName), status
 *   (RunStatus: 1 RUNNING, 2 SCHEDULED, 3 FINISHED, 4 FAILED, 5 KILLED), start_time and end_time
 *   (ms), experiment_id, lifecycle_stage (`deleted` runs stay in place, marked);
 * - `<run>/metrics/<name>`: one line per logged value, `timestamp value step` (older MLflow:
 *   `timestamp value`, step 0). A name with "/" is a nested path (`metrics/train/loss`);
 * - `<run>/params/<name>`, `<run>/tags/<name>`: the value is the file's whole text.
 * A folder holding several runs is narrowed to one: `--run` (id, id prefix, name, or an
 * experiment), else the latest FINISHED run, and a note always says which run was read and why
 * (mlflow/runs.ts, shared with the SQLite store).
 * A file is MLflow's SQLite store (`mlflow.db`, MLflow 3.7's default): mlflow-sqlite.ts. It is the
 * same format (one run, the same keys and rules), so one reader with one id serves both, and
 * `--format mlflow` works on either.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DocBuilder } from '../doc-builder.js';
import { ConfigurationError, MlciError, ParseError } from '../errors.js';
import type { MetricsDoc } from '../model.js';
import { parseNumber } from '../numbers.js';
import type { SeriesAccumulator } from '../series.js';
import {
  folderScope,
  listFolder,
  readTextFile,
  statOrExplain,
  streamFile,
  type FolderScope,
} from './files.js';
import { detectMlflowSqlite, readMlflowSqlite } from './mlflow-sqlite.js';
import {
  chooseRun,
  describeRun,
  ended,
  experimentLabel,
  matches,
  scopeOf,
  statusName,
  type MlflowExperiment,
  type MlflowRunInfo,
} from './mlflow/runs.js';
import {
  addRunParams,
  addTag,
  laterThan,
  metricKey,
  noteRead,
  paramValue,
  type LoggedValue,
} from './mlflow/values.js';
import { parseYamlText } from './structured.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from './types.js';

export { metricKey } from './mlflow/values.js';
export type { MlflowRunInfo } from './mlflow/runs.js';

const META = 'meta.yaml';
/** Folders inside an experiment folder that are not runs (FileStore.RESERVED_EXPERIMENT_FOLDERS, logged models). */
const NOT_RUNS = new Set(['tags', 'datasets', 'traces', 'models']);
/** Folders inside an mlruns root that are not experiments. */
const NOT_EXPERIMENTS = new Set(['.trash', 'models']);
/** A metric line longer than this is not a metric line: refuse it instead of buffering it. */
const MAX_LINE_CHARS = 64 * 1024;
/** How deep a metric name's "/" nesting is followed. */
const MAX_NAME_DEPTH = 32;

export const mlflowReader: Reader = {
  format: 'mlflow',
  title: 'MLflow tracking store (an mlruns folder, an experiment or run folder, or an mlflow.db SQLite file)',
  target: 'both',
  detect(probe: Probe): number {
    if (!probe.isDirectory) return detectMlflowSqlite(probe);
    const has = (e: string) => probe.entries.includes(e);
    if (has(META)) {
      if (has('metrics')) return DETECT.name;
      const meta = smallText(join(probe.path, META));
      if (meta === undefined) return DETECT.no;
      if (/^run_(id|uuid):/m.test(meta) && (has('params') || has('tags'))) return DETECT.name;
      if (/^artifact_location:/m.test(meta) && /^experiment_id:/m.test(meta)) return DETECT.name;
      return DETECT.no;
    }
    if (probe.name === 'mlruns') return DETECT.name;
    let checked = 0;
    for (const entry of probe.entries) {
      if (!/^\d+$/.test(entry)) continue;
      if (++checked > 20) break;
      const meta = smallText(join(probe.path, entry, META));
      if (meta !== undefined && /^experiment_id:/m.test(meta) && !/^run_(id|uuid):/m.test(meta))
        return DETECT.name;
    }
    return DETECT.no;
  },
  read: readMlflow,
};

/** A run as listed from its meta.yaml, and the folder it is in. */
interface FolderRun extends MlflowRunInfo {
  dir: string;
}

export async function readMlflow(path: string, options: ReaderOptions): Promise<MetricsDoc> {
  const info = await statOrExplain(path);
  if (!info.isDirectory()) return readMlflowSqlite(path, options);
  const builder = new DocBuilder(path, 'mlflow', { maxSeriesPoints: options.maxSeriesPoints });
  // Links inside the given folder may point anywhere inside it, never out of it.
  const scope = await folderScope(path);
  const metaPath = join(path, META);
  let run: FolderRun;
  if (existsSync(metaPath)) {
    const meta = await readMeta(metaPath, scope);
    if (meta['run_id'] !== undefined || meta['run_uuid'] !== undefined) {
      run = await runInfo(path, meta, metaPath, scope);
      if (options.run !== undefined && options.run !== '' && matches([run], options.run).length === 0) {
        throw new ConfigurationError(
          `${path}: --run ${JSON.stringify(options.run)} does not match this run folder (run ${describeRun(run)}); ` +
            'point at the experiment or mlruns folder to choose among runs',
        );
      }
      builder.note(`read run ${run.id} '${run.name}' (${run.status}${ended(run)})`);
      if (run.deleted) builder.note('this run is marked deleted (lifecycle_stage: deleted)');
    } else if (meta['experiment_id'] !== undefined) {
      const experiment = experimentOf(meta, path);
      const listed = await listRuns(path, experiment, builder, scope);
      const label = `experiment ${experimentLabel(experiment)}`;
      run = chooseRun(listed, options.run, { label, experiments: [experiment] }, path, builder);
    } else {
      throw new ParseError(
        { file: metaPath },
        'expected an MLflow run (run_id) or experiment (experiment_id) meta.yaml, found neither key',
      );
    }
  } else {
    const experiments = await listExperiments(path, builder, scope);
    if (experiments.length === 0) {
      throw new ConfigurationError(
        `${path}: no MLflow experiment folders (a folder with a meta.yaml holding experiment_id) in this folder`,
      );
    }
    const runs: FolderRun[] = [];
    for (const experiment of experiments)
      runs.push(...(await listRuns(experiment.dir, experiment, builder, scope)));
    run = chooseRun(runs, options.run, scopeOf(experiments, runs), path, builder);
  }
  await readRunInto(builder, run, scope);
  return builder.build();
}

interface ExperimentInfo extends MlflowExperiment {
  dir: string;
}

function experimentOf(meta: Record<string, unknown>, dir: string): ExperimentInfo {
  const experiment: ExperimentInfo = { dir, id: text(meta['experiment_id']) ?? basename(dir) };
  const name = text(meta['name']);
  if (name !== undefined && name !== '') experiment.name = name;
  return experiment;
}

async function listExperiments(
  root: string,
  builder: DocBuilder,
  scope: FolderScope,
): Promise<ExperimentInfo[]> {
  const out: ExperimentInfo[] = [];
  let deleted = 0;
  for (const entry of await sortedDirs(root, scope)) {
    if (NOT_EXPERIMENTS.has(entry)) continue;
    const metaPath = join(root, entry, META);
    if (!existsSync(metaPath)) continue;
    let meta: Record<string, unknown>;
    try {
      meta = await readMeta(metaPath, scope);
    } catch (error) {
      if (!(error instanceof MlciError)) throw error;
      builder.warn(`skipped experiment folder ${entry}: ${error.message}`);
      continue;
    }
    if (meta['experiment_id'] === undefined) continue;
    if (meta['lifecycle_stage'] === 'deleted') {
      deleted++;
      continue;
    }
    out.push(experimentOf(meta, join(root, entry)));
  }
  if (deleted > 0) builder.note(`skipped ${deleted} deleted experiment${deleted === 1 ? '' : 's'}`);
  if (existsSync(join(root, '.trash'))) builder.note('the .trash folder (deleted experiments) is not read');
  return out;
}

async function listRuns(
  dir: string,
  experiment: ExperimentInfo,
  builder: DocBuilder,
  scope: FolderScope,
): Promise<FolderRun[]> {
  const out: FolderRun[] = [];
  for (const entry of await sortedDirs(dir, scope)) {
    if (NOT_RUNS.has(entry)) continue;
    const metaPath = join(dir, entry, META);
    if (!existsSync(metaPath)) continue;
    try {
      const meta = await readMeta(metaPath, scope);
      if (meta['run_id'] === undefined && meta['run_uuid'] === undefined) continue;
      const run = await runInfo(join(dir, entry), meta, metaPath, scope);
      if (experiment.name !== undefined) run.experimentName = experiment.name;
      out.push(run);
    } catch (error) {
      // As MLflow does, a run folder whose meta.yaml cannot be read is left out of the listing.
      if (!(error instanceof MlciError)) throw error;
      builder.warn(`skipped run folder ${entry}: ${error.message}`);
    }
  }
  return out;
}

async function runInfo(
  dir: string,
  meta: Record<string, unknown>,
  metaPath: string,
  scope: FolderScope,
): Promise<FolderRun> {
  const id = text(meta['run_id']) ?? text(meta['run_uuid']);
  if (id === undefined || id === '') {
    throw new ParseError({ file: metaPath, key: 'run_id' }, 'expected the run id, found an empty value');
  }
  let name = text(meta['run_name']) ?? '';
  if (name === '') name = text(meta['name']) ?? '';
  if (name === '') {
    const tag = join(dir, 'tags', 'mlflow.runName');
    if (existsSync(tag)) name = await readTextFile(tag, { within: scope });
  }
  const run: FolderRun = {
    dir,
    id,
    name,
    status: statusName(meta['status']),
    experimentId: text(meta['experiment_id']) ?? '',
    deleted: meta['lifecycle_stage'] === 'deleted',
  };
  const start = timeMs(meta['start_time']);
  if (start !== undefined) run.startTime = start;
  const end = timeMs(meta['end_time']);
  if (end !== undefined) run.endTime = end;
  return run;
}

function timeMs(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

async function readRunInto(builder: DocBuilder, run: FolderRun, scope: FolderScope): Promise<void> {
  addRunParams(builder, run);

  const metricsDir = join(run.dir, 'metrics');
  let metricCount = 0;
  for (const name of await filesBelow(metricsDir, 'metric', scope, builder)) {
    await readMetricFile(builder, join(metricsDir, ...name.split('/')), metricKey(name), true);
    metricCount++;
  }
  const paramsDir = join(run.dir, 'params');
  let paramCount = 0;
  for (const name of await filesBelow(paramsDir, 'param', scope, builder)) {
    builder.param(metricKey(name), paramValue(await readTextFile(join(paramsDir, ...name.split('/')))));
    paramCount++;
  }
  const tagsDir = join(run.dir, 'tags');
  let tagCount = 0;
  for (const name of await filesBelow(tagsDir, 'tag', scope, builder)) {
    if (addTag(builder, name, await readTextFile(join(tagsDir, ...name.split('/'))))) tagCount++;
  }
  noteRead(builder, run, { metrics: metricCount, params: paramCount, tags: tagCount });
}

const INTEGER = /^[+-]?\d+$/;

/**
 * Streams one metric file. Every line is `timestamp value step` (MLflow's FileStore appends
 * `f"{timestamp} {value} {step}\n"`; before steps existed, `timestamp value`, read as step 0).
 * The summary metric follows MLflow's own rule for a run's latest value: the greatest
 * (step, timestamp, value), compared as Python compares tuples.
 */
export async function readMetricFile(
  builder: DocBuilder,
  file: string,
  key: string,
  /** Found by a folder listing that saw a regular file there. */
  listed = false,
): Promise<void> {
  let acc: SeriesAccumulator | undefined;
  let best: LoggedValue | undefined;
  let lineNo = 0;
  let good = 0;

  const parse = (raw: string, complete: boolean): void => {
    lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trimmed = line.trim();
    if (trimmed === '') return;
    const parts = trimmed.split(/[ \t]+/);
    let problem: string | undefined;
    let timestamp = NaN;
    let value: number | undefined;
    let step = 0;
    if (parts.length !== 2 && parts.length !== 3) {
      problem = `found ${parts.length} field${parts.length === 1 ? '' : 's'}`;
    } else if (!INTEGER.test(parts[0]!)) {
      problem = `the timestamp ${JSON.stringify(parts[0])} is not an integer (milliseconds)`;
    } else if ((value = parseNumber(parts[1]!)) === undefined) {
      problem = `the value ${JSON.stringify(parts[1])} is not a number`;
    } else if (parts.length === 3 && !INTEGER.test(parts[2]!)) {
      problem = `the step ${JSON.stringify(parts[2])} is not an integer`;
    } else {
      timestamp = Number(parts[0]);
      if (parts.length === 3) step = Number(parts[2]);
    }
    if (problem !== undefined || value === undefined) {
      const shown = JSON.stringify(trimmed.length > 60 ? trimmed.slice(0, 60) + '...' : trimmed);
      if (!complete && good > 0) {
        builder.warn(
          `${file}:${lineNo}: ignored the last line ${shown}: it is incomplete (no newline at the end of the file; was the run killed while writing?)`,
        );
        return;
      }
      throw new ParseError(
        { file, line: lineNo, column: 1 },
        `expected 'timestamp value step' (an MLflow metric line), ${problem ?? 'found no value'}: ${shown}`,
      );
    }
    good++;
    (acc ??= builder.seriesFor(key)).add(step, value, timestamp / 1000);
    if (best === undefined || laterThan(step, timestamp, value, best)) best = { step, timestamp, value };
  };

  await streamLines(file, parse, listed);
  if (best === undefined) {
    builder.warn(
      `${file}: empty metric file (MLflow writes a line for every logged value): no value for ${key}`,
    );
    return;
  }
  builder.metric(key, best.value);
}

/**
 * Calls `onLine` for each line of a UTF-8 file, streamed in chunks (memory bounded by the longest
 * line, itself capped). The last line's `complete` is false when the file does not end with "\n".
 */
async function streamLines(
  file: string,
  onLine: (line: string, complete: boolean) => void,
  listed: boolean,
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let carry = '';
  let lines = 0;
  let offset = 0;
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch {
      throw new ParseError(
        { file, line: lines + 1 + countNewlines(carry) },
        `not UTF-8 text near byte ${offset} (is this a binary file? MLflow metric files are text lines)`,
      );
    }
  };
  await streamFile(
    file,
    (chunk) => {
      const text = decode(chunk);
      offset += chunk.length;
      let start = 0;
      let nl = text.indexOf('\n');
      if (nl < 0) {
        carry += text;
      } else {
        let first = true;
        while (nl >= 0) {
          const piece = first ? carry + text.slice(start, nl) : text.slice(start, nl);
          first = false;
          lines++;
          onLine(piece, true);
          start = nl + 1;
          nl = text.indexOf('\n', start);
        }
        carry = text.slice(start);
      }
      if (carry.length > MAX_LINE_CHARS) {
        throw new ParseError(
          { file, line: lines + 1 },
          `expected 'timestamp value step' lines, found a line longer than ${MAX_LINE_CHARS} characters`,
        );
      }
    },
    { chunkBytes: 256 * 1024, listed },
  );
  carry += decode();
  if (carry !== '') onLine(carry, false);
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

async function readMeta(path: string, scope: FolderScope): Promise<Record<string, unknown>> {
  const value = parseYamlText(await readTextFile(path, { within: scope }), path);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ParseError(
      { file: path },
      'expected an MLflow meta.yaml (a mapping of run or experiment fields)',
    );
  }
  return value as Record<string, unknown>;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** The folders in `dir` (links to folders inside the scope too), in name order. */
async function sortedDirs(dir: string, scope: FolderScope): Promise<string[]> {
  const { entries } = await listFolder(dir, scope);
  return entries.filter((e) => e.isDirectory).map((e) => e.name);
}

/**
 * The files below a run's `metrics`, `params` or `tags` folder as sorted "/"-separated relative
 * paths (a metric named `a/b` is the file `a/b`). A missing folder holds nothing; a file in its
 * place is an error; what cannot be opened (a pipe, a link out of the folder) is named in a warning.
 */
async function filesBelow(
  root: string,
  what: 'metric' | 'param' | 'tag',
  scope: FolderScope,
  builder: DocBuilder,
): Promise<string[]> {
  if (!existsSync(root)) return [];
  if (!(await statOrExplain(root)).isDirectory()) {
    throw new ParseError(
      { file: root },
      `expected a folder of ${what} files, found a file (MLflow's file store keeps one file per ${what} in it)`,
    );
  }
  const out: string[] = [];
  const refused: string[] = [];
  const visit = async (relative: string, depth: number): Promise<void> => {
    const dir = relative === '' ? root : join(root, ...relative.split('/'));
    const listing = await listFolder(dir, scope);
    for (const { name, why } of listing.refused)
      refused.push(`${relative === '' ? name : `${relative}/${name}`}: ${why}`);
    for (const entry of listing.entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (!entry.isDirectory) out.push(path);
      else if (depth < MAX_NAME_DEPTH && !entry.isLink) await visit(path, depth + 1);
    }
  };
  await visit('', 0);
  for (const problem of refused) builder.warn(`not read: ${basename(root)}/${problem}`);
  return out;
}

/** A small file's text for detection, or undefined (missing, large, unreadable). */
function smallText(path: string): string | undefined {
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size > 64 * 1024) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
