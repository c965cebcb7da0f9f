/**
 * Builds MLflow SQLite tracking stores with sql.js, for tests and the benchmark: MLflow's schema as
 * alembic leaves it in MLflow 2.x and 3.x, with the rows a spec lists, and on request an older
 * schema (columns or tables left out) or a newer one (more SQL run last).
 */
import type { SqlValue } from 'sql.js';
import { loadSqlJs } from '../../packages/core/src/readers/mlflow/sql-js.js';

export const TABLES: Record<string, string[]> = {
  experiments: [
    'experiment_id INTEGER NOT NULL PRIMARY KEY',
    'name VARCHAR(256) NOT NULL UNIQUE',
    'artifact_location VARCHAR(256)',
    'lifecycle_stage VARCHAR(32)',
    'creation_time BIGINT',
    'last_update_time BIGINT',
  ],
  runs: [
    'run_uuid VARCHAR(32) NOT NULL PRIMARY KEY',
    'name VARCHAR(250)',
    'source_type VARCHAR(20)',
    'user_id VARCHAR(256)',
    'status VARCHAR(9)',
    'start_time BIGINT',
    'end_time BIGINT',
    'lifecycle_stage VARCHAR(20)',
    'artifact_uri VARCHAR(200)',
    'experiment_id INTEGER',
    'deleted_time BIGINT',
  ],
  metrics: [
    '"key" VARCHAR(250) NOT NULL',
    'value FLOAT NOT NULL',
    'timestamp BIGINT NOT NULL',
    'run_uuid VARCHAR(32) NOT NULL',
    "step BIGINT DEFAULT '0' NOT NULL",
    "is_nan BOOLEAN DEFAULT '0' NOT NULL",
  ],
  latest_metrics: [
    '"key" VARCHAR(250) NOT NULL',
    'value FLOAT NOT NULL',
    'timestamp BIGINT',
    'step BIGINT NOT NULL',
    'is_nan BOOLEAN NOT NULL',
    'run_uuid VARCHAR(32) NOT NULL',
  ],
  params: ['"key" VARCHAR(250) NOT NULL', 'value VARCHAR(8000) NOT NULL', 'run_uuid VARCHAR(32) NOT NULL'],
  tags: ['"key" VARCHAR(250) NOT NULL', 'value VARCHAR(8000)', 'run_uuid VARCHAR(32) NOT NULL'],
  alembic_version: ['version_num VARCHAR(32) NOT NULL'],
};

export interface RunRow {
  id: string;
  name?: string;
  status?: string;
  start?: number;
  end?: number | null;
  deleted?: boolean;
  experiment?: number;
}

export interface StoreSpec {
  experiments?: Array<{ id: number; name: string; deleted?: boolean }>;
  runs?: RunRow[];
  /** [run, key, value, timestamp, step, is_nan] */
  metrics?: Array<[string, string, number, number, number, number?]>;
  /** [run, key, value, step, is_nan] */
  latest?: Array<[string, string, number, number, number?]>;
  params?: Array<[string, string, string]>;
  tags?: Array<[string, string, string]>;
  /** Columns (table -> names) an older schema did not have. */
  without?: Record<string, string[]>;
  /** Tables left out altogether. */
  withoutTables?: string[];
  /** More SQL, run last (a newer schema's columns and tables). */
  extra?: string;
}

export const EXPERIMENT: { id: number; name: string; deleted?: boolean } = { id: 1, name: 'mnist' };

export async function storeBytes(spec: StoreSpec): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    const has: Record<string, string[]> = {};
    for (const [table, columns] of Object.entries(TABLES)) {
      if (spec.withoutTables?.includes(table)) continue;
      const kept = columns.filter(
        (c) => !(spec.without?.[table] ?? []).includes(c.split(' ')[0]!.replace(/"/g, '')),
      );
      has[table] = kept.map((c) => c.split(' ')[0]!.replace(/"/g, ''));
      db.run(`CREATE TABLE ${table} (${kept.join(', ')})`);
    }
    const insert = (table: string, row: Record<string, SqlValue>) => {
      const names = Object.keys(row).filter((n) => has[table]?.includes(n));
      if (names.length === 0) return;
      db.run(
        `INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        names.map((n) => row[n]!),
      );
    };
    insert('alembic_version', { version_num: 'bda7b8c39065' });
    for (const e of spec.experiments ?? [EXPERIMENT]) {
      insert('experiments', {
        experiment_id: e.id,
        name: e.name,
        lifecycle_stage: e.deleted === true ? 'deleted' : 'active',
      });
    }
    for (const r of spec.runs ?? []) {
      insert('runs', {
        run_uuid: r.id,
        name: r.name ?? r.id.slice(0, 5),
        status: r.status ?? 'FINISHED',
        start_time: r.start ?? 1700000000000,
        end_time: r.end === undefined ? 1700000100000 : r.end,
        lifecycle_stage: r.deleted === true ? 'deleted' : 'active',
        experiment_id: r.experiment ?? 1,
      });
    }
    if (spec.metrics !== undefined && has['metrics'] !== undefined) {
      db.run('BEGIN');
      for (const [run, key, value, timestamp, step, isNan] of spec.metrics)
        insert('metrics', { run_uuid: run, key, value, timestamp, step, is_nan: isNan ?? 0 });
      db.run('COMMIT');
    }
    for (const [run, key, value, step, isNan] of spec.latest ?? [])
      insert('latest_metrics', { run_uuid: run, key, value, timestamp: 0, step, is_nan: isNan ?? 0 });
    for (const [run, key, value] of spec.params ?? []) insert('params', { run_uuid: run, key, value });
    for (const [run, key, value] of spec.tags ?? []) insert('tags', { run_uuid: run, key, value });
    if (spec.extra !== undefined) db.exec(spec.extra);
    return db.export();
  } finally {
    db.close();
  }
}
