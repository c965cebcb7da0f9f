import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ConfigurationError, MlciError, ParseError } from '../../../packages/core/src/errors.js';
import { probePath } from '../../../packages/core/src/readers/files.js';
import { mlflowReader } from '../../../packages/core/src/readers/mlflow.js';
import { MAX_STORE_BYTES } from '../../../packages/core/src/readers/mlflow-sqlite.js';
import { loadSqlJs, sqlWasmPath } from '../../../packages/core/src/readers/mlflow/sql-js.js';
import { sqliteTableNames } from '../../../packages/core/src/readers/mlflow/sqlite-file.js';
import { chooseReader, readMetricsPath } from '../../../packages/core/src/readers/registry.js';
import { DETECT } from '../../../packages/core/src/readers/types.js';
import { EXPERIMENT, storeBytes, type RunRow, type StoreSpec } from '../../support/mlflow-store.js';

const REAL = 'test/fixtures/real/mlflow-sqlite';
/** 4 FINISHED runs of experiment 1 'predict_drug', metrics accuracy/f1_score/precision/recall. */
const DRUG = `${REAL}/ml_drug_classification-mlruns.db`;
/** 5 FINISHED runs of experiment 1 'breast_cancer_classification', all named multi_model_comparison. */
const WORKSHOP = `${REAL}/ml_fundumentals-mlruns.db`;
const work = mkdtempSync(join(tmpdir(), 'mlci-mlflow-sqlite-'));
let counter = 0;

/** Writes `bytes` as `name` in a folder of its own; returns the file's path. */
function write(bytes: Uint8Array | string, name = 'mlflow.db'): string {
  const dir = join(work, `case-${counter++}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function store(spec: StoreSpec, name?: string): Promise<string> {
  return write(await storeBytes(spec), name);
}

const RUN = 'aaaaaaaa000000000000000000000001';

// ---------------------------------------------------------------------------------------------

describe('mlflow sqlite: the real stores', () => {
  it('detects both as MLflow stores, from their tables', async () => {
    for (const path of [DRUG, WORKSHOP]) {
      const probe = await probePath(path);
      expect(chooseReader(probe)?.format).toBe('mlflow');
      expect(mlflowReader.detect(probe)).toBe(DETECT.name);
    }
    expect(sqliteTableNames(DRUG)).toEqual(
      expect.arrayContaining(['experiments', 'latest_metrics', 'metrics', 'params', 'runs', 'tags']),
    );
  });

  it('reads the latest FINISHED run of predict_drug, and says which and why', async () => {
    const doc = await readMetricsPath(DRUG);
    expect(doc.metrics).toEqual({ accuracy: 1, f1_score: 1, precision: 1, recall: 1 });
    expect(doc.series).toEqual({});
    expect(doc.params).toEqual({
      max_depth: 10,
      min_samples_split: 2,
      n_estimators: 100,
      'run.end_time': '2025-02-04T21:33:42Z',
      'run.experiment_id': '1',
      'run.id': '35c60ae007244476aa27bee05ddad97d',
      'run.name': 'zealous-pig-808',
      'run.start_time': '2025-02-04T21:31:19Z',
      'run.status': 'FINISHED',
      'tag.Dev': 'Harinder Singh Sudwal',
      'tag.Project': 'Drug Classification',
      'tag.mlflow\\.runName': 'zealous-pig-808',
      'tag.mlflow\\.source\\.git\\.commit': '66f38deeabab34e2b06ab8ae7b626f6f9fde86bb',
      'tag.mlflow\\.source\\.name': 'run.py',
      'tag.mlflow\\.source\\.type': 'LOCAL',
      'tag.mlflow\\.user': 'sudwa',
    });
    const source = doc.sources[0]!;
    expect(source.format).toBe('mlflow');
    expect(source.notes[0]).toBe(
      "chose run 35c60ae0 'zealous-pig-808' (FINISHED, ended 2025-02-04T21:33:42Z), the latest finished of 4 runs in experiment 1 'predict_drug'; pass --run to pick another",
    );
    expect(source.notes.join('\n')).toMatch(/tag\.mlflow\\\.log-model\\\.history \(a 518-character document/);
    expect(source.warnings).toEqual([]);
  });

  it('reads another run by name, with its own params', async () => {
    const doc = await readMetricsPath(DRUG, { run: 'burly-bee-153' });
    expect(doc.params['run.id']).toBe('582495d03a0e43fc8d382578ce04888f');
    expect(doc.params['classifier__max_depth']).toBe(10);
    expect(doc.params['n_estimators']).toBeUndefined();
    expect(doc.sources[0]!.notes[0]).toMatch(
      /^chose run 582495d0 'burly-bee-153' .* by its name, as --run asked$/,
    );
  });

  it('refuses a name that five runs share, listing their ids; an id always works', async () => {
    await expect(readMetricsPath(WORKSHOP, { run: 'multi_model_comparison' })).rejects.toThrow(
      `--run "multi_model_comparison" matches 5 runs in experiment 1 'breast_cancer_classification'; pass a run id instead:\n` +
        "  107bc058d2364a6d81e1dc663bb328ca 'multi_model_comparison' FINISHED, ended 2025-08-02T15:15:56Z\n" +
        "  be8cda5633ea44dbb6a64a78672ac4c6 'multi_model_comparison' FINISHED, ended 2025-08-02T15:09:05Z\n" +
        "  e2b8d5666d684fc3bd5c63b64b99239a 'multi_model_comparison' FINISHED, ended 2025-08-02T15:01:48Z\n" +
        "  d14c9625e24f43179c2e920d9ee24f87 'multi_model_comparison' FINISHED, ended 2025-08-02T15:00:17Z\n" +
        "  f216afc656b0438eaebe71084b9c7247 'multi_model_comparison' FINISHED, ended 2025-08-02T14:38:30Z",
    );
    const byId = await readMetricsPath(WORKSHOP, { run: 'e2b8d5666d684fc3bd5c63b64b99239a' });
    expect(byId.params['run.id']).toBe('e2b8d5666d684fc3bd5c63b64b99239a');
    expect(Object.keys(byId.metrics)).toHaveLength(12);
    expect(byId.params['models']).toBe("['random_forest', 'logistic_regression', 'xgboost']");
    const byPrefix = await readMetricsPath(WORKSHOP, { run: 'e2b8d5' });
    expect(byPrefix.params['run.id']).toBe('e2b8d5666d684fc3bd5c63b64b99239a');
  });

  it('reads the latest finished run of an experiment named by --run', async () => {
    const latest = await readMetricsPath(WORKSHOP);
    expect(latest.params['run.id']).toBe('107bc058d2364a6d81e1dc663bb328ca');
    expect(latest.metrics['logistic_regression_test_accuracy']).toBe(0.9824561403508771);
    expect(latest.metrics['xgboost_val_auc']).toBe(0.9907120743034057);
    for (const wanted of ['breast_cancer_classification', '1']) {
      const doc = await readMetricsPath(WORKSHOP, { run: wanted });
      expect(doc.params['run.id']).toBe('107bc058d2364a6d81e1dc663bb328ca');
      expect(doc.sources[0]!.notes[0]).toContain(
        `the latest finished of 5 runs in experiment 1 'breast_cancer_classification', as --run "${wanted}" asked; pass a run id to pick another`,
      );
    }
    await expect(readMetricsPath(WORKSHOP, { run: 'Default' })).rejects.toThrow(
      /no runs in experiment 0 'Default'/,
    );
  });

  it('reads a store with --format mlflow and its alias mlruns', async () => {
    for (const format of ['mlflow', 'mlruns']) {
      expect((await readMetricsPath(DRUG, { format })).params['run.name']).toBe('zealous-pig-808');
    }
  });
});

describe('mlflow sqlite: generated stores', () => {
  it("streams each metric's history as a curve in step order, the metric being MLflow's latest value", async () => {
    const path = await store({
      runs: [{ id: RUN }],
      // Logged out of order; at step 2 two values share a timestamp: the greater value wins, as in MLflow.
      metrics: [
        [RUN, 'loss', 0.5, 1000, 1],
        [RUN, 'loss', 0.9, 900, 0],
        [RUN, 'loss', 0.2, 1200, 3],
        [RUN, 'loss', 0.3, 1100, 2],
        [RUN, 'loss', 0.35, 1100, 2],
        [RUN, 'val/acc', 0.7, 5000, 10],
        [RUN, 'val/acc', 0.6, 4000, 10],
        [RUN, 'top.1', 0.8, 1000, 0],
      ],
    });
    const doc = await readMetricsPath(path);
    expect(doc.series['loss']!.points.map((p) => [p.step, p.value])).toEqual([
      [0, 0.9],
      [1, 0.5],
      [2, 0.3],
      [2, 0.35],
      [3, 0.2],
    ]);
    expect(doc.series['loss']!.points[0]!.wallTime).toBe(0.9);
    expect(doc.metrics).toEqual({ loss: 0.2, 'top\\.1': 0.8, 'val/acc': 0.7 });
    expect(doc.sources[0]!.notes).toContain('read 8 logged values of 3 metrics from the metrics table');
  });

  it('keeps NaN (is_nan) and infinities (stored as the largest double) as MLflow logged them', async () => {
    const path = await store({
      runs: [{ id: RUN }],
      metrics: [
        [RUN, 'grad_norm', 1.5, 1, 0],
        [RUN, 'grad_norm', 0, 2, 1, 1],
        [RUN, 'up', 1.7976931348623157e308, 1, 0],
        [RUN, 'down', -1.7976931348623157e308, 1, 0],
      ],
    });
    const doc = await readMetricsPath(path);
    expect(doc.metrics['grad_norm']).toBeNaN();
    expect(doc.series['grad_norm']!.stats.nonFinite).toBe(1);
    expect(doc.metrics['up']).toBe(Infinity);
    expect(doc.metrics['down']).toBe(-Infinity);
  });

  it('reads params as the file store does, and skips tags that are documents', async () => {
    const path = await store({
      runs: [{ id: RUN, name: 'resnet' }],
      metrics: [[RUN, 'acc', 0.9, 1, 0]],
      params: [
        [RUN, 'lr', '0.001'],
        [RUN, 'amsgrad', 'False'],
        [RUN, 'betas', '(0.9, 0.999)'],
        [RUN, 'optimizer.name', 'Adam'],
      ],
      tags: [
        [RUN, 'mlflow.runName', 'resnet'],
        [RUN, 'mlflow.log-model.history', '[{"artifact_path": "model"}]'],
        [RUN, 'notes', 'x'.repeat(501)],
      ],
    });
    const doc = await readMetricsPath(path);
    expect(doc.params).toMatchObject({
      lr: 0.001,
      amsgrad: false,
      betas: '(0.9, 0.999)',
      'optimizer\\.name': 'Adam',
      'tag.mlflow\\.runName': 'resnet',
      'run.name': 'resnet',
    });
    expect(doc.params['tag.notes']).toBeUndefined();
    expect(doc.params['tag.mlflow\\.log-model\\.history']).toBeUndefined();
    expect(doc.sources[0]!.notes).toContain(
      `read 1 metric, 4 params and 1 tag (as tag.<name>) of run ${RUN}; artifacts are not read`,
    );
  });

  const STATUSES: RunRow[] = [
    { id: 'aaaaaaaa000000000000000000000001', name: 'old-good', start: 1000, end: 2000 },
    { id: 'bbbbbbbb000000000000000000000002', name: 'crashed', status: 'FAILED', start: 3000, end: 4000 },
    { id: 'cccccccc000000000000000000000003', name: 'live', status: 'RUNNING', start: 5000, end: null },
    { id: 'dddddddd000000000000000000000004', name: 'deleted', start: 6000, end: 7000, deleted: true },
    {
      id: 'ffffffff000000000000000000000006',
      name: 'in-deleted-experiment',
      start: 8000,
      end: 9000,
      experiment: 2,
    },
  ];
  const statusMetrics: StoreSpec['metrics'] = STATUSES.map((r, i) => [r.id, 'acc', i / 10, 1, 0]);
  const experiments = [EXPERIMENT, { id: 2, name: 'scratch', deleted: true }];

  it('skips unfinished and deleted runs, and deleted experiments, by default, and says so', async () => {
    const path = await store({ experiments, runs: STATUSES, metrics: statusMetrics });
    const doc = await readMetricsPath(path);
    expect(doc.params['run.name']).toBe('old-good');
    expect(doc.metrics['acc']).toBe(0);
    expect(doc.sources[0]!.notes).toEqual(
      expect.arrayContaining([
        'skipped 1 deleted experiment',
        "chose run aaaaaaaa 'old-good' (FINISHED, ended 1970-01-01T00:00:02Z), the latest finished of 3 runs in experiment 1 'mnist' " +
          '(1 FAILED, 1 RUNNING not considered), not counting 1 deleted run; pass --run to pick another',
      ]),
    );
  });

  it('reads a FAILED run by name, and explains a deleted or unknown one', async () => {
    const path = await store({ experiments, runs: STATUSES, metrics: statusMetrics });
    expect((await readMetricsPath(path, { run: 'crashed' })).params['run.status']).toBe('FAILED');
    await expect(readMetricsPath(path, { run: 'deleted' })).rejects.toThrow(
      /no run matches --run "deleted" \(run dddddddd000000000000000000000004 matches, but it is deleted\)/,
    );
    await expect(readMetricsPath(path, { run: 'nope' })).rejects.toThrow(
      /pass a run id, an id prefix of 6\+ characters, a run name, or an experiment name or id\. Runs in experiment 1 'mnist':\n {2}bbbbbbbb/,
    );
  });

  it('refuses to guess when no run is FINISHED, and explains an empty store', async () => {
    const path = await store({ runs: [STATUSES[1]!, STATUSES[2]!] });
    await expect(readMetricsPath(path)).rejects.toThrow(
      /none of the 2 runs in experiment 1 'mnist' is FINISHED; pass --run to read one anyway:\n {2}bbbbbbbb000000000000000000000002 'crashed' FAILED/,
    );
    const empty = await store({});
    await expect(readMetricsPath(empty)).rejects.toThrow(ConfigurationError);
    await expect(readMetricsPath(empty)).rejects.toThrow(
      /no runs in this MLflow store \(its runs table is empty\)/,
    );
  });

  it('takes the value of latest_metrics for a key that has no history', async () => {
    const path = await store({
      runs: [{ id: RUN }],
      metrics: [[RUN, 'loss', 0.4, 1, 3]],
      latest: [
        [RUN, 'loss', 0.4, 3],
        [RUN, 'test_acc', 0.93, 0],
      ],
    });
    const doc = await readMetricsPath(path);
    expect(doc.metrics).toEqual({ loss: 0.4, test_acc: 0.93 });
    expect(doc.sources[0]!.notes).toContain(
      '1 metric has a latest value (latest_metrics) but no logged history in the metrics table: test_acc',
    );
  });

  it('reads an older schema (no step, no is_nan, no runs.name, no latest_metrics), noting what is missing', async () => {
    const path = await store({
      runs: [{ id: RUN, name: 'ignored' }],
      metrics: [
        [RUN, 'loss', 0.9, 100, 0],
        [RUN, 'loss', 0.5, 200, 0],
      ],
      tags: [[RUN, 'mlflow.runName', 'from-tag']],
      without: { metrics: ['step', 'is_nan'], runs: ['name'] },
      withoutTables: ['latest_metrics'],
    });
    const doc = await readMetricsPath(path);
    expect(doc.params['run.name']).toBe('from-tag');
    expect(doc.metrics['loss']).toBe(0.5);
    expect(doc.series['loss']!.points.map((p) => p.step)).toEqual([0, 0]);
    expect(doc.sources[0]!.notes).toEqual(
      expect.arrayContaining([
        'the metrics table has no step column (an older MLflow schema): every value is read as step 0, as MLflow does',
        'the metrics table has no is_nan column (an older MLflow schema): values are read as stored',
      ]),
    );
  });

  it('reads a newer schema (added columns and tables) the same way', async () => {
    const spec: StoreSpec = {
      runs: [{ id: RUN }],
      metrics: [[RUN, 'acc', 0.8, 1, 0]],
      params: [[RUN, 'lr', '0.1']],
    };
    const before = await readMetricsPath(await store(spec));
    const after = await readMetricsPath(
      await store({
        ...spec,
        extra:
          'ALTER TABLE metrics ADD COLUMN dataset_uuid VARCHAR(36); ALTER TABLE runs ADD COLUMN workspace TEXT; ' +
          'CREATE TABLE logged_models (model_id TEXT PRIMARY KEY);',
      }),
    );
    expect({ ...after, sources: [] }).toEqual({ ...before, sources: [] });
    expect(after.sources[0]!.notes).toEqual(before.sources[0]!.notes);
  });

  it('refuses an SQLite file without MLflow tables with a ParseError naming what is missing', async () => {
    const SQL = await loadSqlJs();
    const other = new SQL.Database();
    other.run('CREATE TABLE studies (study_id INTEGER PRIMARY KEY, study_name TEXT)');
    const bytes = other.export();
    other.close();

    // Named like a store: claimed, so that reading says what is wrong.
    const named = write(bytes, 'mlflow.db');
    expect(mlflowReader.detect(await probePath(named))).toBe(DETECT.name);
    const error = await readMetricsPath(named).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).location.file).toBe(named);
    expect((error as ParseError).message).toBe(
      `${named}: no \`metrics\` and \`runs\` tables: not an MLflow tracking store (its tables: studies)`,
    );

    // Any other name: not ours (an Optuna study in a results folder is left alone).
    expect(mlflowReader.detect(await probePath(write(bytes, 'optuna.db')))).toBe(DETECT.no);

    const SQL2 = await loadSqlJs();
    const empty = new SQL2.Database();
    const emptyPath = write(empty.export(), 'mlruns.db');
    empty.close();
    await expect(readMetricsPath(emptyPath)).rejects.toThrow(
      /no tables: an empty SQLite database, not an MLflow tracking store/,
    );
    await expect(readMetricsPath(write(new Uint8Array(0)), { format: 'mlflow' })).rejects.toThrow(ParseError);
  });

  it('refuses a metrics table without a value column, naming the table', async () => {
    const path = await store({ runs: [{ id: RUN }], without: { metrics: ['value'] } });
    await expect(readMetricsPath(path)).rejects.toThrow(
      /\(key "metrics"\): the `metrics` table has no `value` column \(its columns: key, timestamp, run_uuid, step, is_nan\): not an MLflow tracking store/,
    );
  });

  it('finds the tables of a store whose schema spans several pages, wherever they are', async () => {
    // 300 extra tables push the schema over many pages: page 1 becomes an interior page.
    const extra = Array.from(
      { length: 300 },
      (_, i) => `CREATE TABLE filler_${i} (a TEXT, b TEXT, c TEXT);`,
    ).join('\n');
    const path = await store(
      { runs: [{ id: RUN }], metrics: [[RUN, 'acc', 1, 1, 0]], extra },
      'tracking.sqlite',
    );
    const tables = sqliteTableNames(path)!;
    expect(tables).toHaveLength(307);
    expect(tables).toEqual(expect.arrayContaining(['metrics', 'runs', 'filler_299']));
    expect(chooseReader(await probePath(path))?.format).toBe('mlflow');
  });

  it('reports a truncated store with the byte where it ends', async () => {
    const bytes = readFileSync(DRUG);
    const path = write(bytes.subarray(0, 50_000), 'mlflow.db');
    expect(chooseReader(await probePath(path))?.format).toBe('mlflow');
    const error = await readMetricsPath(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).location.offset).toBe(50_000);
    expect((error as ParseError).message).toMatch(
      /at byte 50000: the SQLite file is truncated: it ends at byte 50000, but its header says 55 pages of 4096 bytes \(225280 bytes\)/,
    );
  });

  it('reports a damaged page as a ParseError that names the file', async () => {
    const bytes = Uint8Array.from(readFileSync(DRUG));
    bytes.fill(0xff, 5 * 4096, 6 * 4096); // page 6: the root of the metrics table
    const path = write(bytes);
    await expect(readMetricsPath(path)).rejects.toThrow(
      `${path}: SQLite could not read the metrics of run 35c60ae007244476aa27bee05ddad97d: database disk image is malformed (the file is damaged, or was copied while MLflow was writing it)`,
    );
  });

  it('says a file that is not SQLite is not a store, when --format mlflow is forced on it', async () => {
    const path = write('step,loss\n1,0.5\n', 'mlflow.db');
    expect(mlflowReader.detect(await probePath(path))).toBe(DETECT.no);
    await expect(readMetricsPath(path, { format: 'mlflow' })).rejects.toThrow(ConfigurationError);
    await expect(readMetricsPath(path, { format: 'mlflow' })).rejects.toThrow(
      /is not an SQLite database \(it does not start with "SQLite format 3"\)/,
    );
  });

  it('refuses a store over the size cap before reading it', async () => {
    const path = write(readFileSync(DRUG));
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, MAX_STORE_BYTES + 1); // sparse: nothing is written
    closeSync(fd);
    await expect(readMetricsPath(path)).rejects.toThrow(
      new RegExp(
        `the file is ${MAX_STORE_BYTES + 1} bytes; mlci reads MLflow SQLite stores of up to ${MAX_STORE_BYTES} bytes`,
      ),
    );
  });

  it('warns that changes waiting in a -wal file are not read', async () => {
    const path = await store({ runs: [{ id: RUN }], metrics: [[RUN, 'acc', 1, 1, 0]] });
    writeFileSync(`${path}-wal`, 'x');
    const doc = await readMetricsPath(path);
    expect(doc.sources[0]!.warnings).toEqual([
      expect.stringContaining(`${path}-wal holds changes not yet written into the store`),
    ]);
  });

  it('reads a store in a results folder and leaves other SQLite files alone', async () => {
    const dir = join(work, `folder-${counter++}`);
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'mlflow.db'),
      await storeBytes({ runs: [{ id: RUN }], metrics: [[RUN, 'acc', 0.7, 1, 0]] }),
    );
    const SQL = await loadSqlJs();
    const other = new SQL.Database();
    other.run('CREATE TABLE trials (id INTEGER)');
    writeFileSync(join(dir, 'optuna.db'), other.export());
    other.close();
    writeFileSync(join(dir, 'metrics.json'), '{"f1": 0.5}');
    const doc = await readMetricsPath(dir);
    expect(doc.metrics).toEqual({ acc: 0.7, f1: 0.5 });
    expect(doc.sources.map((s) => s.format).sort()).toEqual(['json', 'mlflow']);
    expect(doc.sources[0]!.notes.join('\n')).toMatch(/not read: optuna\.db/);
  });

  it('streams 100,000 logged values into bounded curves with exact stats', async () => {
    const metrics: NonNullable<StoreSpec['metrics']> = [];
    for (let step = 0; step < 50_000; step++) {
      metrics.push([RUN, 'loss', 1 / (step + 1), 1_700_000_000_000 + step, step]);
      metrics.push([RUN, 'lr', step === 25_000 ? 9 : 0.001, 1_700_000_000_000 + step, step]);
    }
    const path = await store({ runs: [{ id: RUN }], metrics });
    const doc = await readMetricsPath(path, { maxSeriesPoints: 500 });
    const loss = doc.series['loss']!;
    expect(loss.stats.count).toBe(50_000);
    expect(loss.downsampledFrom).toBe(50_000);
    expect(loss.points.length).toBeLessThanOrEqual(500);
    expect(loss.stats.last).toMatchObject({ step: 49_999, value: 1 / 50_000 });
    expect(doc.series['lr']!.stats.max).toBe(9);
    expect(doc.series['lr']!.stats.maxStep).toBe(25_000);
    expect(doc.metrics['loss']).toBe(1 / 50_000);
  });

  it('finds the SQLite engine it ships', () => {
    expect(sqlWasmPath()).toMatch(/sql-wasm\.wasm$/);
    expect(existsSync(sqlWasmPath())).toBe(true);
  });
});

describe('mlflow sqlite: random damage', () => {
  it('returns a document or an MlciError for bytes changed anywhere in a real store', async () => {
    const original = readFileSync(WORKSHOP);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.option(fc.nat(original.length), { nil: undefined }),
        async (changes, cut) => {
          const bytes = Uint8Array.from(original);
          for (const [at, byte] of changes) bytes[at] = byte;
          const path = write(cut === undefined ? bytes : bytes.subarray(0, cut));
          try {
            chooseReader(await probePath(path));
            const doc = await readMetricsPath(path, { format: 'mlflow' });
            expect(doc.sources[0]!.format).toBe('mlflow');
          } catch (error) {
            if (!(error instanceof MlciError)) throw error;
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
