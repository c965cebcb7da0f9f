import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DocBuilder } from '../../../packages/core/src/doc-builder.js';
import { ConfigurationError, MlciError, ParseError } from '../../../packages/core/src/errors.js';
import { probePath } from '../../../packages/core/src/readers/files.js';
import { mlflowReader, readMetricFile } from '../../../packages/core/src/readers/mlflow.js';
import { chooseReader, readMetricsPath } from '../../../packages/core/src/readers/registry.js';

const MLRUNS = 'test/fixtures/real/mlflow/packt-ch02-mlruns';
const RUN_A = '34e6c900bbec484aa32ca9a4827a0c85'; // ended 2023-02-23T05:41:26Z (the later one)
const RUN_B = 'a7455f84da244022855a52b3921795f6'; // ended 2023-02-23T03:20:21Z
const work = mkdtempSync(join(tmpdir(), 'mlci-mlflow-'));
let counter = 0;

function tree(files: Record<string, string>): string {
  const dir = join(work, `case-${counter++}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, ...name.split('/'));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

interface RunSpec {
  id: string;
  status?: number;
  start?: number;
  end?: number | null;
  name?: string;
  deleted?: boolean;
  metrics?: Record<string, string>;
  params?: Record<string, string>;
  tags?: Record<string, string>;
}

/** A run folder's files, as MLflow's FileStore writes them, below `prefix`. */
function runFiles(prefix: string, experimentId: string, run: RunSpec): Record<string, string> {
  const files: Record<string, string> = {
    [`${prefix}meta.yaml`]: [
      `artifact_uri: file:///tmp/mlruns/${experimentId}/${run.id}/artifacts`,
      `end_time: ${run.end === undefined ? 1700000100000 : run.end === null ? 'null' : run.end}`,
      'entry_point_name: ""',
      `experiment_id: '${experimentId}'`,
      `lifecycle_stage: ${run.deleted ? 'deleted' : 'active'}`,
      `run_id: ${run.id}`,
      `run_name: ${run.name ?? run.id.slice(0, 5)}`,
      `run_uuid: ${run.id}`,
      `start_time: ${run.start ?? 1700000000000}`,
      `status: ${run.status ?? 3}`,
      'tags: []',
      'user_id: tester',
      '',
    ].join('\n'),
    [`${prefix}metrics/.keep`]: '',
  };
  delete files[`${prefix}metrics/.keep`];
  for (const [name, text] of Object.entries(run.metrics ?? {})) files[`${prefix}metrics/${name}`] = text;
  for (const [name, text] of Object.entries(run.params ?? {})) files[`${prefix}params/${name}`] = text;
  for (const [name, text] of Object.entries(run.tags ?? {})) files[`${prefix}tags/${name}`] = text;
  return files;
}

function experiment(id: string, runs: RunSpec[], prefix = ''): Record<string, string> {
  const files: Record<string, string> = {
    [`${prefix}meta.yaml`]: `artifact_location: file:///tmp/mlruns/${id}\nexperiment_id: '${id}'\nlifecycle_stage: active\nname: exp-${id}\n`,
  };
  for (const run of runs) Object.assign(files, runFiles(`${prefix}${run.id}/`, id, run));
  return files;
}

describe('mlflow: the real packt chapter02 mlruns folder', () => {
  it('detects the mlruns root, the experiment folder and a run folder', async () => {
    for (const path of [MLRUNS, `${MLRUNS}/1`, `${MLRUNS}/1/${RUN_A}`]) {
      expect(chooseReader(await probePath(path))?.format).toBe('mlflow');
    }
    expect(mlflowReader.detect(await probePath(`${MLRUNS}/1/${RUN_A}/metrics`))).toBe(0);
  });

  it('reads the latest FINISHED run by default, and says which and why', async () => {
    const doc = await readMetricsPath(MLRUNS);
    expect(doc.sources[0]!.notes[0]).toBe(
      "chose run 34e6c900 'chapter02' (FINISHED, ended 2023-02-23T05:41:26Z), the latest finished of 2 runs in experiment 1 'dl_model_chapter02'; pass --run to pick another",
    );
    expect(doc.metrics).toEqual({
      test_accuracy: 0.6639999747276306,
      test_cross_entropy: 0.6244320273399353,
      train_accuracy: 0.5830222368240356,
      train_accuracy_epoch: 0.5830222368240356,
      train_accuracy_step: 0.5,
      train_cross_entropy: 0.7489732503890991,
      train_cross_entropy_epoch: 0.7489732503890991,
      train_cross_entropy_step: 0.7327241897583008,
      val_accuracy: 0.6664000153541565,
      val_cross_entropy: 0.6288087368011475,
    });
    expect(doc.series).toEqual({}); // one value per metric: metrics, not curves
    expect(doc.params).toEqual({
      amsgrad: false,
      betas: '(0.9, 0.999)',
      capturable: false,
      differentiable: false,
      epochs: 1,
      eps: 1e-8,
      foreach: 'None',
      fused: false,
      lr: 0.01,
      maximize: false,
      optimizer_name: 'Adam',
      weight_decay: 0,
      'run.end_time': '2023-02-23T05:41:26Z',
      'run.experiment_id': '1',
      'run.id': RUN_A,
      'run.name': 'chapter02',
      'run.start_time': '2023-02-23T05:38:04Z',
      'run.status': 'FINISHED',
      'tag.Mode': 'testing',
      'tag.mlflow\\.runName': 'chapter02',
      'tag.mlflow\\.source\\.git\\.commit': '4169b327d69d7d97b13ead7376604bcfb7f51cfa',
      'tag.mlflow\\.source\\.name': 'first_dl_with_mlflow.py',
      'tag.mlflow\\.source\\.type': 'LOCAL',
      'tag.mlflow\\.user': 'bwin',
    });
    expect(doc.sources[0]!.notes.join('\n')).toMatch(
      /tag\.mlflow\\\.log-model\\\.history \(a 474-character document/,
    );
    expect(doc.sources[0]!.warnings).toEqual([]);
  });

  it('chooses the same run from the experiment folder', async () => {
    const doc = await readMetricsPath(`${MLRUNS}/1`);
    expect(doc.params['run.id']).toBe(RUN_A);
  });

  it('selects a run by id, by id prefix, and refuses an ambiguous name', async () => {
    const byId = await readMetricsPath(MLRUNS, { run: RUN_B });
    expect(byId.params['run.id']).toBe(RUN_B);
    expect(byId.metrics['test_accuracy']).toBe(0.6208000183105469);
    expect(byId.metrics['val_cross_entropy']).toBe(0.655669629573822);
    expect(byId.params['run.end_time']).toBe('2023-02-23T03:20:21Z');
    expect(byId.sources[0]!.notes[0]).toMatch(
      /^chose run a7455f84 'chapter02' \(FINISHED, ended 2023-02-23T03:20:21Z\) by its id/,
    );

    const byPrefix = await readMetricsPath(MLRUNS, { run: 'a7455f' });
    expect(byPrefix.params['run.id']).toBe(RUN_B);
    expect(byPrefix.sources[0]!.notes[0]).toMatch(/by its id prefix/);

    // Both runs are named "chapter02" (tag mlflow.runName): the error lists them, latest first.
    const ambiguous = readMetricsPath(MLRUNS, { run: 'chapter02' });
    await expect(ambiguous).rejects.toThrow(ConfigurationError);
    await expect(readMetricsPath(MLRUNS, { run: 'chapter02' })).rejects.toThrow(
      `--run "chapter02" matches 2 runs in experiment 1 'dl_model_chapter02'; pass a run id instead:\n` +
        `  ${RUN_A} 'chapter02' FINISHED, ended 2023-02-23T05:41:26Z\n` +
        `  ${RUN_B} 'chapter02' FINISHED, ended 2023-02-23T03:20:21Z`,
    );
    // A prefix shorter than 6 characters is not a prefix match.
    await expect(readMetricsPath(MLRUNS, { run: 'a7455' })).rejects.toThrow(/no run matches --run "a7455"/);
  });

  it('reads a run folder directly, and refuses a --run that names another run', async () => {
    const doc = await readMetricsPath(`${MLRUNS}/1/${RUN_B}`);
    expect(doc.params['run.id']).toBe(RUN_B);
    expect(doc.sources[0]!.notes[0]).toBe(
      `read run ${RUN_B} 'chapter02' (FINISHED, ended 2023-02-23T03:20:21Z)`,
    );
    await expect(readMetricsPath(`${MLRUNS}/1/${RUN_B}`, { run: RUN_A })).rejects.toThrow(
      /does not match this run folder/,
    );
  });
});

describe('mlflow: generated metric files', () => {
  const ID = 'f00dfeed00000000000000000000000a';

  it('keeps nan and inf as Python writes them', async () => {
    const dir = tree(
      runFiles('', '0', {
        id: ID,
        metrics: {
          loss: '1700000000000 1.5 0\n1700000001000 nan 1\n1700000002000 inf 2\n1700000003000 -inf 3\n',
        },
      }),
    );
    const doc = await readMetricsPath(dir);
    expect(doc.metrics['loss']).toBe(-Infinity);
    const loss = doc.series['loss']!;
    expect(loss.stats.count).toBe(4);
    expect(loss.stats.nonFinite).toBe(3);
    expect(loss.points.map((p) => p.value)).toEqual([1.5, NaN, Infinity, -Infinity]);
    expect(loss.points[1]!.wallTime).toBe(1700000001);
  });

  it("takes MLflow's latest value: the greatest (step, timestamp, value), not the last line", async () => {
    const dir = tree(
      runFiles('', '0', {
        id: ID,
        metrics: {
          // step 2 logged before step 1's repeats; at step 2 two values share a timestamp: the larger wins.
          acc: '100 0.1 0\n300 0.7 2\n300 0.6 2\n200 0.2 1\n250 0.3 1\n',
          // only repeated steps: the later timestamp wins, whatever the order in the file.
          loss: '500 0.4 5\n400 0.9 5\n',
        },
      }),
    );
    const doc = await readMetricsPath(dir);
    expect(doc.metrics['acc']).toBe(0.7);
    expect(doc.metrics['loss']).toBe(0.4);
    expect(doc.series['acc']!.stats.count).toBe(5);
    expect(doc.series['acc']!.points.map((p) => p.step)).toEqual([0, 1, 1, 2, 2]);
  });

  it('reads the old two-column lines (no step) as step 0', async () => {
    const dir = tree(
      runFiles('', '0', {
        id: ID,
        metrics: { rmse: '1500000000000 0.9\n1500000005000 0.7\n1500000001000 0.8\n' },
      }),
    );
    const doc = await readMetricsPath(dir);
    expect(doc.metrics['rmse']).toBe(0.7); // step 0 for all: the latest timestamp
    expect(doc.series['rmse']!.points.every((p) => p.step === 0)).toBe(true);
  });

  it('names a metric logged as "train/loss" (nested folders) train/loss, and escapes dots', async () => {
    const dir = tree(
      runFiles('', '0', {
        id: ID,
        metrics: {
          'train/loss': '1 0.5 0\n2 0.25 1\n',
          'val/top.1': '1 0.9 0\n',
          'eval/nested/deep': '1 3 0\n',
        },
        params: { 'optimizer/lr': '0.001' },
      }),
    );
    const doc = await readMetricsPath(dir);
    expect(doc.metrics).toEqual({ 'train/loss': 0.25, 'val/top\\.1': 0.9, 'eval/nested/deep': 3 });
    expect(doc.series['train/loss']!.stats.count).toBe(2);
    expect(doc.params['optimizer/lr']).toBe(0.001);
  });

  it('reports a corrupt line with its file and line number', async () => {
    const dir = tree(
      runFiles('', '0', { id: ID, metrics: { loss: '1 0.5 0\n2 0.4 1\n3 0.3 two\n4 0.2 3\n' } }),
    );
    const read = readMetricsPath(dir);
    await expect(read).rejects.toThrow(ParseError);
    await expect(readMetricsPath(dir)).rejects.toThrow(
      `${join(dir, 'metrics', 'loss')}:3:1: expected 'timestamp value step' (an MLflow metric line), the step "two" is not an integer: "3 0.3 two"`,
    );
    const fields = tree(runFiles('', '0', { id: ID, metrics: { loss: '1 0.5 0 extra\n' } }));
    await expect(readMetricsPath(fields)).rejects.toThrow(
      /loss:1:1: expected 'timestamp value step' \(an MLflow metric line\), found 4 fields/,
    );
    const value = tree(runFiles('', '0', { id: ID, metrics: { loss: '1 0.5 0\n2 abc 1\n' } }));
    await expect(readMetricsPath(value)).rejects.toThrow(/loss:2:1: .*the value "abc" is not a number/);
  });

  it('keeps what was read when only the unterminated last line is cut off, with a warning', async () => {
    // An unterminated last line that still parses is kept, as MLflow itself reads it.
    const valid = tree(runFiles('', '0', { id: ID, metrics: { loss: '1 0.5 0\n2 0.4 1' } }));
    expect((await readMetricsPath(valid)).metrics['loss']).toBe(0.4);
    const dir = tree(runFiles('', '0', { id: ID, metrics: { loss: '1 0.5 0\n2 0.4 1\n3' } }));
    const doc = await readMetricsPath(dir);
    expect(doc.metrics['loss']).toBe(0.4);
    expect(doc.sources[0]!.warnings).toEqual([
      `${join(dir, 'metrics', 'loss')}:3: ignored the last line "3": it is incomplete (no newline at the end of the file; was the run killed while writing?)`,
    ]);
  });

  it('warns about an empty metric file instead of inventing a value', async () => {
    const dir = tree(runFiles('', '0', { id: ID, metrics: { loss: '', acc: '1 0.5 0\r\n2 0.75 1\r\n' } }));
    const doc = await readMetricsPath(dir);
    expect(doc.metrics).toEqual({ acc: 0.75 });
    expect(doc.sources[0]!.warnings[0]).toMatch(/empty metric file/);
  });

  it('streams a long metric file in bounded display points with exact stats', async () => {
    const lines: string[] = [];
    for (let step = 0; step < 50_000; step++) lines.push(`${1700000000000 + step} ${1 / (step + 1)} ${step}`);
    const dir = tree(runFiles('', '0', { id: ID, metrics: { loss: lines.join('\n') + '\n' } }));
    const doc = await readMetricsPath(dir, { maxSeriesPoints: 500 });
    const loss = doc.series['loss']!;
    expect(loss.stats.count).toBe(50_000);
    expect(loss.points.length).toBeLessThanOrEqual(500);
    expect(loss.stats.max).toBe(1);
    expect(doc.metrics['loss']).toBe(1 / 50_000);
  });

  it('reads params verbatim except plain numbers and Python booleans, and skips long tags', async () => {
    const dir = tree(
      runFiles('', '0', {
        id: ID,
        metrics: { loss: '1 0.5 0\n' },
        params: {
          lr: '3e-4',
          layers: '12',
          use_amp: 'True',
          name: 'resnet 50',
          note: 'two\nlines\n',
          seed: ' 7',
        },
        tags: { 'mlflow.user': 'me', 'mlflow.note.content': 'x'.repeat(600), team: 'vision' },
      }),
    );
    const doc = await readMetricsPath(dir);
    expect(doc.params).toMatchObject({
      lr: 3e-4,
      layers: 12,
      use_amp: true,
      name: 'resnet 50',
      note: 'two\nlines\n',
      seed: ' 7',
      'tag.mlflow\\.user': 'me',
      'tag.team': 'vision',
    });
    expect(doc.params['tag.mlflow\\.note\\.content']).toBeUndefined();
    expect(doc.sources[0]!.notes.join('\n')).toMatch(
      /tag\.mlflow\\\.note\\\.content \(a 600-character document/,
    );
  });

  it('readMetricFile can be used on its own', async () => {
    const dir = tree({ m: '10 2 0\n20 4 1\n' });
    const builder = new DocBuilder(dir, 'mlflow');
    await readMetricFile(builder, join(dir, 'm'), 'm');
    expect(builder.build().metrics).toEqual({ m: 4 });
  });
});

describe('mlflow: choosing a run', () => {
  const runs: RunSpec[] = [
    {
      id: 'aaaaaaaa000000000000000000000001',
      name: 'old-good',
      status: 3,
      start: 1000,
      end: 2000,
      metrics: { acc: '1 0.5 0\n' },
    },
    {
      id: 'bbbbbbbb000000000000000000000002',
      name: 'crashed',
      status: 4,
      start: 3000,
      end: 4000,
      metrics: { acc: '1 0.1 0\n' },
    },
    {
      id: 'cccccccc000000000000000000000003',
      name: 'live',
      status: 1,
      start: 5000,
      end: null,
      metrics: { acc: '1 0.2 0\n' },
    },
    {
      id: 'dddddddd000000000000000000000004',
      name: 'deleted',
      status: 3,
      start: 6000,
      end: 7000,
      deleted: true,
      metrics: { acc: '1 0.9 0\n' },
    },
    {
      id: 'eeeeeeee000000000000000000000005',
      name: 'killed',
      status: 5,
      start: 500,
      end: 9000,
      metrics: { acc: '1 0.3 0\n' },
    },
  ];

  it('skips FAILED, RUNNING, KILLED and deleted runs by default, and says so', async () => {
    const dir = tree({
      ...experiment('0', [], '0/'),
      ...experiment('7', runs, '7/'),
      '7/tags/mlflow.note.content': 'experiment tag folder, not a run',
      '.trash/9/meta.yaml': "experiment_id: '9'\nlifecycle_stage: deleted\n",
    });
    expect(chooseReader(await probePath(dir))?.format).toBe('mlflow');
    const doc = await readMetricsPath(dir);
    expect(doc.metrics['acc']).toBe(0.5);
    expect(doc.params['run.name']).toBe('old-good');
    const notes = doc.sources[0]!.notes;
    expect(notes).toContain(
      "chose run aaaaaaaa 'old-good' (FINISHED, ended 1970-01-01T00:00:02Z), the latest finished of 4 runs in experiment 7 'exp-7' " +
        '(1 FAILED, 1 RUNNING, 1 KILLED not considered), not counting 1 deleted run; pass --run to pick another',
    );
    expect(notes).toContain('the .trash folder (deleted experiments) is not read');
  });

  it('reads a FAILED run when asked by name, and explains a deleted or unknown one', async () => {
    const dir = tree(experiment('7', runs));
    const doc = await readMetricsPath(dir, { run: 'crashed' });
    expect(doc.params['run.status']).toBe('FAILED');
    expect(doc.metrics['acc']).toBe(0.1);
    await expect(readMetricsPath(dir, { run: 'deleted' })).rejects.toThrow(
      /no run matches --run "deleted" \(run dddddddd000000000000000000000004 matches, but it is deleted\)/,
    );
    await expect(readMetricsPath(dir, { run: 'nope' })).rejects.toThrow(
      /Runs in experiment 7 'exp-7':\n {2}eeeeeeee/,
    );
  });

  it('refuses to guess when no run is FINISHED', async () => {
    const dir = tree(experiment('3', [runs[1]!, runs[2]!]));
    await expect(readMetricsPath(dir)).rejects.toThrow(
      /none of the 2 runs in experiment 3 'exp-3' is FINISHED; pass --run to read one anyway:\n {2}bbbbbbbb000000000000000000000002 'crashed' FAILED, ended/,
    );
  });

  it('breaks an end-time tie by the later start', async () => {
    const dir = tree(
      experiment('1', [
        {
          id: 'a1a1a1a1000000000000000000000000',
          name: 'first',
          start: 100,
          end: 900,
          metrics: { m: '1 1 0\n' },
        },
        {
          id: 'b2b2b2b2000000000000000000000000',
          name: 'second',
          start: 200,
          end: 900,
          metrics: { m: '1 2 0\n' },
        },
      ]),
    );
    expect((await readMetricsPath(dir)).params['run.name']).toBe('second');
  });

  it('falls back to the mlflow.runName tag for the run name of older meta.yaml files', async () => {
    const files = runFiles('', '0', {
      id: 'c0ffee00000000000000000000000000',
      metrics: { m: '1 1 0\n' },
      tags: { 'mlflow.runName': 'from-tag' },
    });
    files['meta.yaml'] = files['meta.yaml']!.replace(/^run_name: .*\n/m, "name: ''\n");
    const doc = await readMetricsPath(tree(files));
    expect(doc.params['run.name']).toBe('from-tag');
  });

  it('refuses a folder that holds no experiments', async () => {
    const dir = tree({ 'notes.txt': 'hello' });
    expect(mlflowReader.detect(await probePath(dir))).toBe(0);
    await expect(readMetricsPath(dir, { format: 'mlruns' })).rejects.toThrow(/no MLflow experiment folders/);
    const file = join(dir, 'notes.txt');
    await expect(readMetricsPath(file, { format: 'mlflow' })).rejects.toThrow(ConfigurationError);
  });
});

describe('mlflow: random and damaged metric files', () => {
  const ID = 'abcdef00000000000000000000000000';
  const token = fc.oneof(
    fc.constantFrom(
      '1700000000000',
      '0',
      '-3',
      '12',
      'nan',
      'inf',
      '-inf',
      'NaN',
      '1e-3',
      '.5',
      '',
      ' ',
      '\t',
      'x',
      '1.5.2',
      '\r',
    ),
    fc.integer().map(String),
    fc.double().map(String),
    fc.string({ maxLength: 6 }),
  );
  const line = fc.array(token, { maxLength: 5 }).map((parts) => parts.join(' '));
  let n = 0;

  const check = async (bytes: Uint8Array) => {
    const dir = join(work, `fuzz-${n++}`);
    const files = runFiles('', '0', { id: ID, metrics: { m: '' } });
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    writeFileSync(join(dir, 'metrics', 'm'), bytes);
    try {
      const doc = await readMetricsPath(dir);
      expect(doc.sources[0]!.format).toBe('mlflow');
      if ('m' in doc.metrics) expect(typeof doc.metrics['m']).toBe('number');
    } catch (error) {
      if (!(error instanceof MlciError)) throw error;
    }
  };

  it('returns a document or an MlciError for lines made of plausible and implausible tokens', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), fc.boolean(), async (lines, newline) => {
        await check(new TextEncoder().encode(lines.join('\n') + (newline ? '\n' : '')));
      }),
      { numRuns: 150 },
    );
  });

  it('returns a document or an MlciError for random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), check), { numRuns: 100 });
  });

  it('returns a document or an MlciError for a damaged meta.yaml', async () => {
    const meta = new TextEncoder().encode(runFiles('', '0', { id: ID })['meta.yaml']!);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(meta.length - 1),
        fc.integer({ min: 0, max: 255 }),
        fc.boolean(),
        async (at, byte, cut) => {
          const dir = join(work, `fuzz-${n++}`);
          const files = runFiles('', '0', { id: ID, metrics: { m: '1 2 3\n' } });
          for (const [name, text] of Object.entries(files)) {
            mkdirSync(join(dir, name, '..'), { recursive: true });
            writeFileSync(join(dir, name), text);
          }
          const damaged = Uint8Array.from(meta);
          damaged[at] = byte;
          writeFileSync(join(dir, 'meta.yaml'), cut ? meta.subarray(0, at) : damaged);
          try {
            await readMetricsPath(dir, { format: 'mlflow' });
          } catch (error) {
            if (!(error instanceof MlciError)) throw error;
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('mlflow: --run naming an experiment, and files', () => {
  it('reads the latest finished run of the experiment --run names (by name or id)', async () => {
    const dir = tree({
      ...experiment(
        '3',
        [{ id: 'a0a0a0a0000000000000000000000003', name: 'three', metrics: { m: '1 3 0\n' } }],
        '3/',
      ),
      ...experiment(
        '4',
        [
          { id: 'b0b0b0b0000000000000000000000004', name: 'early', end: 1000, metrics: { m: '1 4 0\n' } },
          { id: 'b1b1b1b1000000000000000000000004', name: 'late', end: 2000, metrics: { m: '1 5 0\n' } },
        ],
        '4/',
      ),
    });
    const byName = await readMetricsPath(dir, { run: 'exp-4' });
    expect(byName.params['run.name']).toBe('late');
    expect(byName.sources[0]!.notes[0]).toBe(
      "chose run b1b1b1b1 'late' (FINISHED, ended 1970-01-01T00:00:02Z), the latest finished of 2 runs in experiment 4 'exp-4', as --run \"exp-4\" asked; pass a run id to pick another",
    );
    expect((await readMetricsPath(dir, { run: '3' })).params['run.name']).toBe('three');
    // A run of that name still wins over an experiment.
    expect((await readMetricsPath(dir, { run: 'early' })).params['run.name']).toBe('early');
  });

  it('claims no file that is not an SQLite database', async () => {
    const dir = tree({ 'mlflow.db': 'not sqlite', 'mlruns.csv': 'step,loss\n1,0.5\n' });
    for (const name of ['mlflow.db', 'mlruns.csv']) {
      expect(mlflowReader.detect(await probePath(join(dir, name)))).toBe(0);
    }
  });
});
