/**
 * Every registered reader, fed damaged copies of real files: it may return a well-formed document
 * or throw mlci's own error type. Never another exception, never a hang, never a malformed model.
 * Readers specific tests cover exact values; this one covers the contract they all share.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { MlciError } from '../../../packages/core/src/errors.js';
import type { FormatId, MetricsDoc } from '../../../packages/core/src/model.js';
import { READERS, readMetricsPath } from '../../../packages/core/src/readers/registry.js';

const REAL = 'test/fixtures/real';

/** A real sample per format: a file, or a folder (one of whose files gets damaged). */
const SAMPLES: Record<FormatId, string[]> = {
  json: [`${REAL}/dvc/churn-metrics-nested-rev-c4404a0.json`],
  yaml: [`${REAL}/dvc/churn-params-rev-c4404a0.yaml`],
  toml: [],
  csv: [
    `${REAL}/lightning-csv/binn-lightning_logs-version_0-metrics.csv`,
    `${REAL}/dvc-plots/churn-feature-importance.csv`,
  ],
  tsv: [`${REAL}/dvclive/airq-dvclive/plots/metrics/val/loss.tsv`],
  jsonl: [],
  dvclive: [`${REAL}/dvclive/airq-dvclive`],
  'hf-trainer': [`${REAL}/hf-trainer/whisper-ja/trainer_state.json`, `${REAL}/hf-trainer/whisper-ja`],
  mlflow: [
    `${REAL}/mlflow/packt-ch02-mlruns/1/34e6c900bbec484aa32ca9a4827a0c85`,
    `${REAL}/mlflow-sqlite/ml_drug_classification-mlruns.db`,
  ],
  tensorboard: [`${REAL}/tensorboard/packt-ch01-lightning-version_3`],
  junit: [`${REAL}/junit/biobb_pytorch-pytest-junit.xml`],
  wandb: [
    `${REAL}/wandb/jaxmarl-ippo-smoke-wandb-summary.json`,
    `${REAL}/wandb-binary/nn-modularity/run-20250126_193919-axeaxk52/run-axeaxk52.wandb`,
  ],
  'sklearn-report': [`${REAL}/sklearn/remla-classification_report-dvc-metric.json`],
  'lm-eval': [
    `${REAL}/lm-eval/qwen3-8b-negotiationtom`,
    `${REAL}/lm-eval/flor-760m-eqbench/results_FLOR-760M_2025-07-21T1441-16_2025-07-21T14-41-47.889425.json`,
  ],
  promptfoo: [`${REAL}/promptfoo/tds-project-1-promptfoo_results.json`],
  'inspect-ai': [
    `${REAL}/inspect-ai/2025-02-11T15-18-04-05-00_popularity_mj7khqpMM4GBCfVQozKgzB.eval`,
    `${REAL}/inspect-ai/every_eval_ever-data_arc_qwen.json`,
  ],
  benchmark: [
    `${REAL}/benchmarks/pytest-benchmark/lagom-Linux-CPython-3.10-64bit-0001_baseline.json`,
    `${REAL}/benchmarks/pytest-benchmark/pdfminer.six-Linux-CPython-3.12-64bit-0001_baseline.json`,
    `${REAL}/benchmarks/hyperfine/1brc-hyperfine.json`,
    `${REAL}/benchmarks/google-benchmark/github-action-benchmark-googlecpp_output.json`,
  ],
  // Not a reader: the source format of mlci drift's own documents (packages/core/src/data).
  drift: [],
  validate: [],
};

const INLINE: Partial<Record<FormatId, string>> = {
  toml: '[eval]\naccuracy = 0.91\nloss = 0.25\n[train]\nepochs = 3\n',
  jsonl:
    '{"step": 0, "loss": 1.2, "acc": 0.1}\n{"step": 1, "loss": 0.8, "acc": 0.4}\n{"step": 2, "loss": NaN}\n',
  'sklearn-report':
    '              precision    recall  f1-score   support\n\n           0       0.91      0.95      0.93       100\n           1       0.88      0.80      0.84        50\n\n    accuracy                           0.90       150\n   macro avg       0.90      0.88      0.88       150\nweighted avg       0.90      0.90      0.90       150\n',
};
const EXTENSION: Partial<Record<FormatId, string>> = {
  toml: 'toml',
  jsonl: 'jsonl',
  'sklearn-report': 'txt',
};

const work = mkdtempSync(join(tmpdir(), 'mlci-fuzz-'));
let counter = 0;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => join(dir, entry))
    .filter((path) => statSync(path).isFile());
}

/** A damaged copy of a sample: the path to read and the file inside it that was damaged. */
function damagedCopy(sample: string, pick: number, damage: (bytes: Uint8Array) => Uint8Array): string {
  const target = join(work, `case-${counter++}`);
  if (statSync(sample).isDirectory()) {
    cpSync(sample, target, { recursive: true });
    const files = filesUnder(target).sort();
    const victim = files[pick % files.length]!;
    writeFileSync(victim, damage(readFileSync(victim)));
    return target;
  }
  const path = join(target + '-' + sample.split('/').pop()!);
  writeFileSync(path, damage(readFileSync(sample)));
  return path;
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.uint8Array({ maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant('replace' as const), bytes: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({
    kind: fc.constant('splice' as const),
    from: fc.double({ min: 0, max: 1, noNaN: true }),
    to: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(m: Mutation, bytes: Uint8Array): Uint8Array {
  const at = (f: number) => Math.min(bytes.length, Math.floor(f * bytes.length));
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, at(m.at));
    case 'flip': {
      const out = Uint8Array.from(bytes);
      if (out.length > 0) out[Math.min(out.length - 1, at(m.at))]! ^= 1 << m.bit;
      return out;
    }
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at(m.at)), m.bytes, bytes.subarray(at(m.at))]);
    case 'replace':
      return m.bytes;
    case 'splice': {
      const [a, b] = [at(m.from), at(m.to)].sort((x, y) => x - y);
      return Buffer.concat([bytes.subarray(0, b!), bytes.subarray(a!, b!), bytes.subarray(b!)]);
    }
  }
}

function expectWellFormed(doc: MetricsDoc): void {
  expect(doc.sources.length).toBeGreaterThan(0);
  for (const value of Object.values(doc.metrics)) expect(typeof value).toBe('number');
  for (const value of Object.values(doc.params))
    expect(['string', 'number', 'boolean'].includes(typeof value) || value === null).toBe(true);
  for (const series of Object.values(doc.series)) {
    expect(series.points.length).toBeGreaterThan(0);
    for (let i = 1; i < series.points.length; i++)
      expect(series.points[i]!.step).toBeGreaterThanOrEqual(series.points[i - 1]!.step);
  }
}

async function readWithin(path: string, format: string | undefined, ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`reading ${path} took over ${ms} ms`)), ms);
  });
  try {
    const doc = await Promise.race([readMetricsPath(path, format === undefined ? {} : { format }), deadline]);
    expectWellFormed(doc);
  } catch (error) {
    if (!(error instanceof MlciError)) {
      throw new Error(
        `${format ?? 'auto-detected'} reader threw ${String(error)} for ${relative(work, path)}`,
        { cause: error },
      );
    }
  } finally {
    clearTimeout(timer);
  }
}

function samplesFor(format: FormatId): string[] {
  const inline = INLINE[format];
  if (inline === undefined) return SAMPLES[format];
  const path = join(work, `sample.${EXTENSION[format] ?? format}`);
  writeFileSync(path, inline);
  return [...SAMPLES[format], path];
}

describe.each(READERS.map((r) => [r.format]))('the %s reader, fed damaged input', (format) => {
  const samples = samplesFor(format as FormatId);

  it('reads its undamaged samples', async () => {
    for (const sample of samples) expectWellFormed(await readMetricsPath(sample, { format }));
  });

  it('returns a document or throws MlciError, with or without --format', async () => {
    if (samples.length === 0) return;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), mutation, fc.boolean(), async (which, pick, m, forced) => {
        const path = damagedCopy(samples[which % samples.length]!, pick, (bytes) => apply(m, bytes));
        await readWithin(path, forced ? format : undefined);
      }),
      { numRuns: 60 },
    );
  });
});
