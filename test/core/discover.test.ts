// Zero configuration (#15): with no files named, mlci finds what the project's tools wrote, on
// projects laid out as those tools lay them out (built from real files), and says what it picked.
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { discoverMetricsFiles } from '../../packages/core/src/discover.js';
import { ConfigurationError } from '../../packages/core/src/errors.js';
import { readMetricsPath } from '../../packages/core/src/readers/registry.js';

const REAL = 'test/fixtures/real';

/** A fresh project folder with `files` copied in: target path → fixture path (or text). */
function project(files: Record<string, string | { text: string }>): string {
  const root = mkdtempSync(join(tmpdir(), 'mlci-discover-'));
  for (const [to, from] of Object.entries(files)) {
    mkdirSync(dirname(join(root, to)), { recursive: true });
    if (typeof from === 'string') cpSync(from, join(root, to), { recursive: true });
    else writeFileSync(join(root, to), from.text);
  }
  return root;
}

async function refusal(root: string): Promise<string> {
  try {
    await discoverMetricsFiles(root);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected discovery to refuse');
}

const paths = async (root: string) => (await discoverMetricsFiles(root)).files.map((f) => f.path);

describe('a DVC pipeline says where its metrics are', () => {
  // LaurenzBeck/music-processing-challenge as committed: a nested dvc.yaml with wdir: ../../ and
  // vars: [../../params.yaml], metrics under reports/, a dvclive scalars folder as plots, and a
  // confusion-template plot of predictions.
  const root = project({ '.': `${REAL}/dvc-pipeline/music-processing-challenge` });

  it('reads the declared metrics and the declared log folder, resolved through wdir, and nothing else', async () => {
    expect(await paths(root)).toEqual([
      'reports/onset-detection/dvclive.json',
      'reports/onset-detection/dvclive/scalars',
      'reports/onset-detection/metrics.json',
    ]);
  });

  it('says why each was read and why the confusion plot was not', async () => {
    const { reasons } = await discoverMetricsFiles(root);
    expect(reasons).toContain(
      'read reports/onset-detection/dvclive.json: challenges/onset-detection/dvc.yaml declares it (stages.train.metrics)',
    );
    expect(reasons.join('\n')).toMatch(
      /declares reports\/onset-detection\/val-df\.csv with template confusion: chart data, not metrics; left out/,
    );
  });

  it('gives files every reader reads (the run is readable as found)', async () => {
    for (const path of await paths(root))
      await expect(readMetricsPath(join(root, path))).resolves.toBeDefined();
  });

  it('names a declared file that is not on disk (DVC-cached) and an unresolvable variable, and reads the rest', async () => {
    const partial = project({
      'dvc.yaml': {
        text: 'stages:\n  eval:\n    cmd: python eval.py\n    metrics:\n      - eval/metrics.json\n      - eval/${nowhere.name}.json\n      - scores.json:\n          cache: false\n',
      },
      'scores.json': { text: '{"f1": 0.8}' },
    });
    const { files, reasons } = await discoverMetricsFiles(partial);
    expect(files).toEqual([{ path: 'scores.json' }]);
    expect(reasons.join('\n')).toContain(
      'dvc.yaml declares eval/metrics.json (stages.eval.metrics), which is not on disk',
    );
    expect(reasons.join('\n')).toContain(
      'names eval/${nowhere.name}.json, which uses a variable mlci cannot resolve',
    );
  });
});

describe("without a pipeline, the tools' own outputs", () => {
  it('a Hugging Face output folder, not its checkpoints', async () => {
    const root = project({
      'outputs/whisper-ja': `${REAL}/hf-trainer/whisper-ja`,
      'outputs/whisper-ja/checkpoint-500/trainer_state.json': `${REAL}/hf-trainer/whisper-ja/trainer_state.json`,
      'train.py': { text: 'print(1)\n' },
    });
    const { files, reasons } = await discoverMetricsFiles(root);
    expect(files).toEqual([{ path: 'outputs/whisper-ja' }]);
    expect(reasons[0]).toBe(
      "read outputs/whisper-ja/ (Hugging Face Trainer output): no files are named, and this is what the project's tools wrote",
    );
  });

  it('only checkpoints: the output folder, whose reader takes the highest step', async () => {
    const state = `${REAL}/hf-trainer/whisper-ja/trainer_state.json`;
    const root = project({
      'out/checkpoint-900/trainer_state.json': state,
      'out/checkpoint-1000/trainer_state.json': state,
      'out/checkpoint-100/trainer_state.json': state,
    });
    // The output folder is the Trainer's: its reader takes the checkpoint of the highest step.
    expect(await paths(root)).toEqual(['out']);
    const doc = await readMetricsPath(join(root, 'out'));
    expect(doc.sources[0]!.notes.join(' ')).toContain('read checkpoint-1000/trainer_state.json');
  });

  it("Lightning's CSV logs: the newest version (10 after 9)", async () => {
    const csv = `${REAL}/lightning-csv/binn-lightning_logs-version_0-metrics.csv`;
    const root = project({
      'lightning_logs/version_0/metrics.csv': csv,
      'lightning_logs/version_9/metrics.csv': csv,
      'lightning_logs/version_10/metrics.csv': csv,
    });
    expect(await paths(root)).toEqual(['lightning_logs/version_10/metrics.csv']);
  });

  it('TensorBoard event files, MLflow runs and a W&B summary, each by its own signature', async () => {
    const tb = project({ 'lightning_logs/version_3': `${REAL}/tensorboard/packt-ch01-lightning-version_3` });
    expect(await paths(tb)).toEqual(['lightning_logs/version_3']);
    const mlflow = project({ mlruns: `${REAL}/mlflow/packt-ch02-mlruns` });
    expect(await paths(mlflow)).toEqual(['mlruns']);
    const wandb = project({
      'wandb/run-20240101_120000-abc123/files/wandb-summary.json': `${REAL}/wandb/jaxmarl-ippo-smoke-wandb-summary.json`,
    });
    expect(await paths(wandb)).toEqual(['wandb']);
  });

  it("today's tools: an MLflow SQLite store, a W&B run log, an lm-eval run, saved pytest benchmarks (the newest)", async () => {
    const store = project({ 'mlflow.db': `${REAL}/mlflow-sqlite/ml_drug_classification-mlruns.db` });
    expect(await paths(store)).toEqual(['mlflow.db']);
    const wandb = project({
      'wandb/run-20220429_201936-3ojed7lz': `${REAL}/wandb-binary/keyword-transformer/run-20220429_201936-3ojed7lz`,
    });
    expect(await paths(wandb)).toEqual(['wandb']);
    const lmEval = project({ 'eval-out/qwen': `${REAL}/lm-eval/qwen3-8b-negotiationtom` });
    // lm-eval's output folder (its reader picks the run inside, as lm_eval --output_path lays it out).
    expect(await paths(lmEval)).toEqual(['eval-out']);
    const pytest = `${REAL}/benchmarks/pytest-benchmark/lagom-Linux-CPython-3.10-64bit-0001_baseline.json`;
    const benchmarks = project({
      '.benchmarks/Linux-CPython-3.10-64bit/0001_baseline.json': pytest,
      '.benchmarks/Linux-CPython-3.10-64bit/0002_pr.json': pytest,
    });
    const { files, reasons } = await discoverMetricsFiles(benchmarks);
    expect(files).toEqual([{ path: '.benchmarks/Linux-CPython-3.10-64bit/0002_pr.json' }]);
    expect(reasons.join('\n')).toContain(
      'left out older saved benchmark runs: .benchmarks/Linux-CPython-3.10-64bit/0001_baseline.json',
    );
  });

  it('a summary file by its usual name, beside a training log of another kind: one run of both', async () => {
    const root = project({
      'metrics.json': `${REAL}/dvc/churn-metrics-flat-head.json`,
      'lightning_logs/version_0/metrics.csv': `${REAL}/lightning-csv/binn-lightning_logs-version_0-metrics.csv`,
    });
    expect((await paths(root)).sort()).toEqual(['lightning_logs/version_0/metrics.csv', 'metrics.json']);
  });
});

describe('it never guesses between runs of the same kind', () => {
  it("two metrics.json in different folders (the quickstart's pr/ and main/): refused, both named", async () => {
    const message = await refusal('examples/quickstart');
    expect(message).toContain('several runs of the same kind');
    expect(message).toContain('main/metrics.json, pr/metrics.json');
    expect(message).toContain('Name the run');
  });

  it('nothing found: says what it looked for and where', async () => {
    const root = project({ 'README.md': { text: '# a project\n' }, 'data.csv': { text: 'a,b\n1,2\n' } });
    const message = await refusal(root);
    expect(message).toContain('none were found under');
    expect(message).toContain('dvclive/, trainer_state.json, lightning_logs/');
  });
});

describe('the search is bounded and stays in the project', () => {
  it('skips dependencies, virtual environments and hidden folders, and never follows a symbolic link', async () => {
    const elsewhere = project({ 'metrics.json': `${REAL}/dvc/churn-metrics-flat-head.json` });
    const root = project({
      'node_modules/pkg/metrics.json': `${REAL}/dvc/churn-metrics-flat-head.json`,
      '.venv/lib/metrics.json': `${REAL}/dvc/churn-metrics-flat-head.json`,
      'venv/metrics.json': `${REAL}/dvc/churn-metrics-flat-head.json`,
      'results/metrics.json': `${REAL}/dvc/churn-metrics-flat-head.json`,
    });
    symlinkSync(elsewhere, join(root, 'linked'));
    expect(await paths(root)).toEqual(['results/metrics.json']);
  });

  it('does not look deeper than 4 folders', async () => {
    const root = project({ 'a/b/c/d/e/metrics.json': `${REAL}/dvc/churn-metrics-flat-head.json` });
    expect(await refusal(root)).toContain('none were found');
  });
});
