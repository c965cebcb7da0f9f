/**
 * MLflow's SQLite tracking store (format id `mlflow`, like the file store: the same model, the same
 * run choice): `mlflow.db`, the default tracking URI since MLflow 3.7 (`sqlite:///mlflow.db`), or
 * any SQLite file with MLflow's tables. User-facing rules in docs/formats/mlflow.md. The tables read,
 * as MLflow's SqlAlchemyStore writes them:
 * - `runs`: run_uuid, name, status (RUNNING, SCHEDULED, FINISHED, FAILED, KILLED), start_time and
 *   end_time (ms), lifecycle_stage (`deleted` runs stay, marked), experiment_id;
 * - `experiments`: experiment_id, name, lifecycle_stage;
 * - `metrics`: one row per logged value (key, value, timestamp, step, is_nan; a NaN is stored as
 *   value 0 with is_nan 1, and +-inf as +-1.7976931348623157e308);
 * - `latest_metrics`: the latest value of each key, for a key whose history is gone;
 * - `params`, `tags`: key, value.
 * Columns that an older or newer schema lacks are read as MLflow's defaults, and a note says which.
 *
 * sql.js works on the whole file in memory: the file is read once (capped), and rows are stepped
 * through one at a time, never collected, so a run of millions of logged values streams.
 */
import { statSync } from 'node:fs';
import type { Database, SqlValue, Statement } from 'sql.js';
import { DocBuilder } from '../doc-builder.js';
import { ConfigurationError, MlciError, ParseError } from '../errors.js';
import type { MetricsDoc } from '../model.js';
import { parseNumber } from '../numbers.js';
import type { SeriesAccumulator } from '../series.js';
import { readFileBytes } from './files.js';
import { chooseRun, scopeOf, statusName, type MlflowExperiment, type MlflowRunInfo } from './mlflow/runs.js';
import { hasSqliteMagic, parseHeader, sqliteTableNames } from './mlflow/sqlite-file.js';
import { loadSqlJs } from './mlflow/sql-js.js';
import {
  addRunParams,
  addTag,
  laterThan,
  metricKey,
  noteRead,
  paramValue,
  plural,
  type LoggedValue,
} from './mlflow/values.js';
import { DETECT, type Probe, type ReaderOptions } from './types.js';

/**
 * sql.js holds the whole file in memory (and briefly a second copy while opening it): past this
 * size a store is refused rather than risk a runner's memory. A store of a million logged values
 * is about 100 MB.
 */
export const MAX_STORE_BYTES = 1024 * 1024 * 1024;
/** The names MLflow's documentation and defaults give the store. */
const STORE_NAME = /^(mlflow|mlruns)\.db$/i;
/** Tables every MLflow schema has had since the first (MLflow 0.9). */
const MLFLOW_TABLES = ['experiments', 'metrics', 'params', 'runs', 'tags'];
/** How MLflow stores +-inf (SqlAlchemyStore: the largest double, since some databases refuse inf). */
const STORED_INFINITY = 1.7976931348623157e308;

/**
 * A file is claimed when its table names are MLflow's (read from the file's schema pages, without
 * loading SQLite), or when it is named as MLflow names its store, so that reading says what is
 * wrong with it. Any other SQLite file (an Optuna study, a cache in a results folder) is not ours;
 * a `*.db` whose tables cannot be read (damaged) gets a low score, below every text format.
 */
export function detectMlflowSqlite(probe: Probe): number {
  if (!hasSqliteMagic(probe.head)) return DETECT.no;
  const tables = sqliteTableNames(probe.path);
  if (tables !== undefined && MLFLOW_TABLES.every((t) => tables.includes(t))) return DETECT.name;
  if (STORE_NAME.test(probe.name)) return DETECT.name;
  if (tables === undefined && /\.db$/i.test(probe.name)) return DETECT.extension;
  return DETECT.no;
}

/** The columns of the tables read, as the file has them. */
type Schema = Map<string, Set<string>>;
/** A cell of a row as sql.js gives it (undefined past the row's end, which the queries never reach). */
type Cell = SqlValue | undefined;

export async function readMlflowSqlite(path: string, options: ReaderOptions): Promise<MetricsDoc> {
  const bytes = await readStore(path);
  const builder = new DocBuilder(path, 'mlflow', { maxSeriesPoints: options.maxSeriesPoints });
  checkJournals(path, builder);
  const SQL = await loadSqlJs();
  const db = sqlite(path, 'open it', () => new SQL.Database(bytes));
  try {
    // The sort of a run's values into step order stays in memory: sql.js's temporary files are
    // emulated in JavaScript, and a million values took 3.8 s to sort through them, 1.5 s without.
    sqlite(path, 'set it up', () => db.exec('PRAGMA query_only = 1; PRAGMA temp_store = MEMORY'));
    const schema = readSchema(db, path);
    const experiments = listExperiments(db, schema, path, builder);
    const runs = listRuns(db, schema, path, experiments);
    const live = [...experiments.values()].filter((e) => !e.deleted);
    const deletedExperiments = experiments.size - live.length;
    if (deletedExperiments > 0) builder.note(`skipped ${plural(deletedExperiments, 'deleted experiment')}`);
    const inScope = runs.filter((r) => experiments.get(r.experimentId)?.deleted !== true);
    if (runs.length === 0) {
      throw new ConfigurationError(`${path}: no runs in this MLflow store (its runs table is empty)`);
    }
    const run = chooseRun(inScope, options.run, scopeOf(live, inScope), path, builder);
    addRunParams(builder, run);
    const metrics = readMetrics(db, schema, path, run, builder);
    const params = readParams(db, schema, path, run, builder);
    const tags = readTags(db, schema, path, run, builder);
    noteRead(builder, run, { metrics, params, tags });
  } finally {
    db.close();
  }
  return builder.build();
}

/** The whole file, through files.ts (regular files only), refused past MAX_STORE_BYTES; checked to be SQLite. */
async function readStore(path: string): Promise<Uint8Array> {
  const bytes = await readFileBytes(
    path,
    MAX_STORE_BYTES,
    (what) =>
      new ParseError(
        { file: path },
        `the file ${what}; mlci reads MLflow SQLite stores of up to ${MAX_STORE_BYTES} bytes (SQLite runs in memory here). ` +
          'Export the runs to compare (mlflow.search_runs, or an mlruns folder) or prune the store (mlflow gc) first',
      ),
  );
  if (bytes.length === 0) {
    throw new ParseError(
      { file: path },
      'an empty file, not an MLflow tracking store (MLflow writes its tables when it first opens the store)',
    );
  }
  if (!hasSqliteMagic(bytes)) {
    throw new ConfigurationError(
      `${path}: is not an SQLite database (it does not start with "SQLite format 3"); the mlflow format reads an mlruns, experiment or run folder, or an MLflow SQLite store such as mlflow.db`,
    );
  }
  const header = parseHeader(bytes);
  if (typeof header === 'string')
    throw new ParseError({ file: path, offset: 16 }, `not a readable SQLite file: ${header}`);
  const expected = header.pageCount * header.pageSize;
  if (bytes.length < expected || bytes.length % header.pageSize !== 0) {
    const says =
      expected > 0
        ? `its header says ${header.pageCount} pages of ${header.pageSize} bytes (${expected} bytes)`
        : `its pages are ${header.pageSize} bytes`;
    throw new ParseError(
      { file: path, offset: bytes.length },
      `the SQLite file is truncated: it ends at byte ${bytes.length}, but ${says} (an incomplete copy or download?)`,
    );
  }
  return bytes;
}

/** Changes beside the file that sql.js, reading the file alone, does not see. */
function checkJournals(path: string, builder: DocBuilder): void {
  const size = (file: string) => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size(`${path}-wal`) > 0) {
    builder.warn(
      `${path}-wal holds changes not yet written into the store (a tracking server has it open in WAL mode); they are not read. ` +
        `Stop the server, or run sqlite3 ${path} 'PRAGMA wal_checkpoint', to include them`,
    );
  }
  if (size(`${path}-journal`) > 0) {
    builder.warn(
      `${path}-journal is beside the store: MLflow was writing to it (or stopped while writing) when it was read, so the last changes may be missing or half written`,
    );
  }
}

/**
 * Runs sql.js calls, turning SQLite's own errors (a damaged file, a table that is not what its
 * name says) into a ParseError naming the file. Anything else thrown is a bug, and stays one.
 */
function sqlite<T>(path: string, doing: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof MlciError || !(error instanceof Error) || error.constructor !== Error) throw error;
    const hint = /malformed|not a database|corrupt/i.test(error.message)
      ? ' (the file is damaged, or was copied while MLflow was writing it)'
      : '';
    throw new ParseError({ file: path }, `SQLite could not ${doing}: ${error.message}${hint}`);
  }
}

function readSchema(db: Database, path: string): Schema {
  const tables = sqlite(path, 'read its list of tables', () =>
    column(db.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")),
  ).map(String);
  const missing = ['metrics', 'runs'].filter((t) => !tables.includes(t));
  if (tables.length === 0) {
    throw new ParseError(
      { file: path },
      'no tables: an empty SQLite database, not an MLflow tracking store (MLflow creates its tables when it first opens the store)',
    );
  }
  if (missing.length > 0) {
    throw new ParseError(
      { file: path },
      `no ${missing.map((t) => `\`${t}\``).join(' and ')} table${missing.length === 1 ? '' : 's'}: not an MLflow tracking store (its tables: ${shortList(tables)})`,
    );
  }
  const schema: Schema = new Map();
  for (const table of ['experiments', 'runs', 'metrics', 'latest_metrics', 'params', 'tags']) {
    if (!tables.includes(table)) continue;
    const columns = sqlite(path, `read the columns of table ${table}`, () =>
      // PRAGMA table_info: cid, name, type, notnull, dflt_value, pk.
      column(db.exec(`PRAGMA table_info(${quote(table)})`), 1),
    );
    schema.set(table, new Set(columns.map(String)));
  }
  requireColumns(schema, path, 'runs', ['run_uuid']);
  requireColumns(schema, path, 'metrics', ['key', 'value', 'run_uuid']);
  return schema;
}

/** Refuses a table that lacks a column MLflow has always written (it is then some other table). */
function requireColumns(schema: Schema, path: string, table: string, columns: readonly string[]): void {
  const has = schema.get(table)!;
  const missing = columns.filter((c) => !has.has(c));
  if (missing.length > 0) {
    throw new ParseError(
      { file: path, key: table },
      `the \`${table}\` table has no ${missing.map((c) => `\`${c}\``).join(', ')} column${missing.length === 1 ? '' : 's'} (its columns: ${shortList([...has])}): not an MLflow tracking store`,
    );
  }
}

/** The column `name` of the metrics table, quoted, when the file has it; else a note says what its absence means. */
function metricsColumn(
  schema: Schema,
  name: string,
  builder: DocBuilder,
  meaning: string,
): string | undefined {
  if (schema.get('metrics')!.has(name)) return quote(name);
  builder.note(`the metrics table has no ${name} column (an older MLflow schema): ${meaning}`);
  return undefined;
}

interface StoreExperiment extends MlflowExperiment {
  deleted: boolean;
}

function listExperiments(
  db: Database,
  schema: Schema,
  path: string,
  builder: DocBuilder,
): Map<string, StoreExperiment> {
  const out = new Map<string, StoreExperiment>();
  const has = schema.get('experiments');
  if (has === undefined || !has.has('experiment_id')) {
    builder.note('no experiments table: runs are listed by experiment id only');
    return out;
  }
  const name = has.has('name') ? quote('name') : 'NULL';
  const stage = has.has('lifecycle_stage') ? quote('lifecycle_stage') : "'active'";
  sqlite(path, 'read the experiments table', () =>
    each(db, `SELECT experiment_id, ${name}, ${stage} FROM experiments ORDER BY experiment_id`, [], (row) => {
      const id = String(row[0]);
      const experiment: StoreExperiment = { id, deleted: row[2] === 'deleted' };
      if (typeof row[1] === 'string' && row[1] !== '') experiment.name = row[1];
      out.set(id, experiment);
    }),
  );
  return out;
}

function listRuns(
  db: Database,
  schema: Schema,
  path: string,
  experiments: ReadonlyMap<string, StoreExperiment>,
): MlflowRunInfo[] {
  const has = schema.get('runs')!;
  const col = (name: string, fallback = 'NULL') => (has.has(name) ? quote(name) : fallback);
  const runs: MlflowRunInfo[] = [];
  const sql =
    `SELECT run_uuid, ${col('name')}, ${col('status')}, ${col('start_time')}, ${col('end_time')}, ` +
    `${col('lifecycle_stage', "'active'")}, ${col('experiment_id')} FROM runs`;
  sqlite(path, 'read the runs table', () =>
    each(db, sql, [], (row) => {
      const run: MlflowRunInfo = {
        id: String(row[0]),
        name: typeof row[1] === 'string' ? row[1] : '',
        status: statusName(row[2]),
        experimentId: row[6] === null ? '' : String(row[6]),
        deleted: row[5] === 'deleted',
      };
      if (typeof row[3] === 'number') run.startTime = row[3];
      if (typeof row[4] === 'number') run.endTime = row[4];
      const experiment = experiments.get(run.experimentId);
      if (experiment?.name !== undefined) run.experimentName = experiment.name;
      runs.push(run);
    }),
  );
  // Before MLflow 1.x kept runs.name, the name was only the tag mlflow.runName.
  const unnamed = new Map(runs.filter((r) => r.name === '').map((r) => [r.id, r]));
  if (unnamed.size > 0 && schema.get('tags')?.has('value') === true) {
    sqlite(path, 'read the run names in the tags table', () =>
      each(db, "SELECT run_uuid, value FROM tags WHERE key = 'mlflow.runName'", [], (row) => {
        const run = unnamed.get(String(row[0]));
        if (run !== undefined && typeof row[1] === 'string') run.name = row[1];
      }),
    );
  }
  return runs;
}

/**
 * Streams the run's logged values in (key, step, timestamp) order, one curve per key, and sets
 * each key's metric to MLflow's latest value. Keys that have only a `latest_metrics` row (their
 * history was deleted) get that value. Returns the number of metric keys.
 */
function readMetrics(
  db: Database,
  schema: Schema,
  path: string,
  run: MlflowRunInfo,
  builder: DocBuilder,
): number {
  const step = metricsColumn(schema, 'step', builder, 'every value is read as step 0, as MLflow does');
  const timestamp = metricsColumn(schema, 'timestamp', builder, 'the values are read without a time');
  const isNan = metricsColumn(schema, 'is_nan', builder, 'values are read as stored');
  const order = ['"key"', step, timestamp].filter((c) => c !== undefined).join(', ');
  const sql =
    `SELECT "key", "value", ${timestamp ?? '0'}, ${step ?? '0'}, ${isNan ?? '0'} FROM metrics ` +
    `WHERE run_uuid = ? ORDER BY ${order}`;
  const keys = new Set<string>();
  let name: string | undefined;
  let acc: SeriesAccumulator | undefined;
  let best: LoggedValue | undefined;
  let rows = 0;
  const finish = () => {
    if (name !== undefined && best !== undefined) builder.metric(metricKey(name), best.value);
  };
  sqlite(path, `read the metrics of run ${run.id}`, () =>
    each(db, sql, [run.id], (row) => {
      rows++;
      const key = String(row[0]);
      if (key !== name) {
        finish();
        name = key;
        keys.add(key);
        acc = builder.seriesFor(metricKey(key));
        best = undefined;
      }
      const s = finite(row[3], path, run, key, 'step');
      const t = finite(row[2], path, run, key, 'timestamp');
      const value = row[4] === 1 || row[4] === '1' ? NaN : metricValue(row[1], path, run, key, s);
      acc!.add(s, value, t / 1000);
      if (best === undefined || laterThan(s, t, value, best)) best = { step: s, timestamp: t, value };
    }),
  );
  finish();
  const onlyLatest = readLatestOnly(db, schema, path, run, builder, keys);
  if (rows > 0)
    builder.note(
      `read ${plural(rows, 'logged value')} of ${plural(keys.size, 'metric')} from the metrics table`,
    );
  return keys.size + onlyLatest;
}

/** Keys that `latest_metrics` has and the history does not (a partial copy, a pruned table). */
function readLatestOnly(
  db: Database,
  schema: Schema,
  path: string,
  run: MlflowRunInfo,
  builder: DocBuilder,
  seen: ReadonlySet<string>,
): number {
  const has = schema.get('latest_metrics');
  if (has === undefined || !['key', 'value', 'run_uuid'].every((c) => has.has(c))) return 0;
  const isNan = has.has('is_nan') ? quote('is_nan') : '0';
  const added: string[] = [];
  const sql = `SELECT "key", "value", ${isNan} FROM latest_metrics WHERE run_uuid = ? ORDER BY "key"`;
  sqlite(path, `read the latest metrics of run ${run.id}`, () =>
    each(db, sql, [run.id], (row) => {
      const key = String(row[0]);
      if (seen.has(key)) return;
      builder.metric(
        metricKey(key),
        row[2] === 1 || row[2] === '1' ? NaN : metricValue(row[1], path, run, key),
      );
      added.push(key);
    }),
  );
  if (added.length > 0) {
    builder.note(
      `${plural(added.length, 'metric')} ${added.length === 1 ? 'has' : 'have'} a latest value (latest_metrics) but no logged history in the metrics table: ${shortList(added)}`,
    );
  }
  return added.length;
}

function readParams(
  db: Database,
  schema: Schema,
  path: string,
  run: MlflowRunInfo,
  builder: DocBuilder,
): number {
  const has = schema.get('params');
  if (has === undefined || !['key', 'value', 'run_uuid'].every((c) => has.has(c))) {
    builder.note('no params table (key, value, run_uuid): no params read');
    return 0;
  }
  let count = 0;
  sqlite(path, `read the params of run ${run.id}`, () =>
    each(db, 'SELECT "key", "value" FROM params WHERE run_uuid = ? ORDER BY "key"', [run.id], (row) => {
      builder.param(metricKey(String(row[0])), paramValue(text(row[1])));
      count++;
    }),
  );
  return count;
}

function readTags(
  db: Database,
  schema: Schema,
  path: string,
  run: MlflowRunInfo,
  builder: DocBuilder,
): number {
  const has = schema.get('tags');
  if (has === undefined || !['key', 'value', 'run_uuid'].every((c) => has.has(c))) {
    builder.note('no tags table (key, value, run_uuid): no tags read');
    return 0;
  }
  let count = 0;
  sqlite(path, `read the tags of run ${run.id}`, () =>
    each(db, 'SELECT "key", "value" FROM tags WHERE run_uuid = ? ORDER BY "key"', [run.id], (row) => {
      if (addTag(builder, String(row[0]), text(row[1]))) count++;
    }),
  );
  return count;
}

/** Steps through a query's rows one at a time (never all of them in memory), then frees it. */
function each(db: Database, sql: string, params: SqlValue[], onRow: (row: SqlValue[]) => void): void {
  const statement: Statement = db.prepare(sql);
  try {
    if (params.length > 0) statement.bind(params);
    while (statement.step()) onRow(statement.get());
  } finally {
    statement.free();
  }
}

function column(results: ReturnType<Database['exec']>, index = 0): SqlValue[] {
  return results[0]?.values.map((row) => row[index] ?? null) ?? [];
}

function metricValue(value: Cell, path: string, run: MlflowRunInfo, key: string, step?: number): number {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') n = parseNumber(value);
  if (n === undefined) {
    throw new ParseError(
      { file: path, key: `metrics/${key}` },
      `expected a number as the value of metric ${JSON.stringify(key)} of run ${run.id}${step === undefined ? '' : ` at step ${step}`}, found ${describe(value)}`,
    );
  }
  if (n === STORED_INFINITY) return Infinity;
  if (n === -STORED_INFINITY) return -Infinity;
  return n;
}

function finite(value: Cell, path: string, run: MlflowRunInfo, key: string, what: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new ParseError(
    { file: path, key: `metrics/${key}` },
    `expected a number as the ${what} of a value of metric ${JSON.stringify(key)} of run ${run.id}, found ${describe(value)}`,
  );
}

function describe(value: Cell): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Uint8Array) return `a ${value.length}-byte blob`;
  return JSON.stringify(value);
}

function text(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return String(value);
}

/** An SQL identifier, quoted. */
function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function shortList(items: readonly string[]): string {
  const shown = items.slice(0, 12).join(', ');
  return items.length > 12 ? `${shown} and ${items.length - 12} more` : shown;
}
