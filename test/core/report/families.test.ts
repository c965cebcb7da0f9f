// #14's "done when", family by family: on a real file of each tool (Hugging Face Trainer, Lightning
// CSVLogger, Keras CSVLogger, dvclive, TensorBoard, MLflow), the whole report (buildReport: chart
// plan, PNGs, Markdown) opens with the verdict and the deciding row, shows one chart before the
// folded tables, and draws no bookkeeping series (epoch, step, runtimes, throughputs, learning rate).
import { runComparison } from '../../../packages/core/src/compare/pipeline.js';
import { parseConfig } from '../../../packages/core/src/config/config.js';
import type { MetricsDoc } from '../../../packages/core/src/model.js';
import { readMetricsPath } from '../../../packages/core/src/readers/registry.js';
import { buildReport } from '../../../packages/core/src/report/build.js';
import { isBookkeeping } from '../../../packages/core/src/report/charts/curves.js';

const FAMILIES: Array<{ family: string; path: string; gated: string; charts: string[] }> = [
  {
    family: 'Hugging Face Trainer',
    path: 'test/fixtures/real/hf-trainer/whisper-ja/trainer_state.json',
    gated: 'eval_wer',
    charts: ['curve-eval-wer.png', 'curve-loss.png'],
  },
  {
    family: 'Lightning CSVLogger',
    path: 'test/fixtures/real/lightning-csv/binn-lightning_logs-version_0-metrics.csv',
    gated: 'train_acc',
    charts: ['curve-train-acc.png', 'curve-train-loss.png'],
  },
  {
    family: 'Keras CSVLogger',
    path: 'test/fixtures/real/keras-csv/dvc-docs-mnist-logs.csv',
    gated: 'val_accuracy',
    charts: ['curve-accuracy.png', 'curve-loss.png'],
  },
  {
    family: 'dvclive',
    path: 'test/fixtures/real/dvclive/airq-dvclive',
    gated: 'val.loss',
    charts: ['curve-loss.png', 'curve-val-accuracy.png'],
  },
  {
    family: 'TensorBoard (Lightning)',
    path: 'test/fixtures/real/tensorboard/packt-ch01-lightning-version_3',
    gated: 'train_accuracy_step',
    charts: ['curve-train-accuracy-step.png', 'curve-train-cross-entropy-step.png'],
  },
  {
    family: 'MLflow',
    path: 'test/fixtures/real/mlflow/packt-ch02-mlruns',
    gated: 'test_accuracy',
    charts: [],
  },
];

/** The lines before the first folded section: what a reviewer sees without a click. */
function firstScreen(markdown: string): string {
  const end = markdown.indexOf('<details>');
  return end < 0 ? markdown : markdown.slice(0, end);
}

/** The run as its own baseline, with the gated metric a tenth lower there: a change the gate refuses. */
function baselineOf(doc: MetricsDoc, gated: string): MetricsDoc {
  return { ...doc, metrics: { ...doc.metrics, [gated]: doc.metrics[gated]! * 0.9 } };
}

describe.each(FAMILIES)('$family: the first screen decides and no bookkeeping chart is drawn', (f) => {
  let markdown: string;
  let charts: string[];

  beforeAll(async () => {
    const head = await readMetricsPath(f.path);
    const base = baselineOf(head, f.gated);
    const config = parseConfig(`gates:\n  - ${f.gated} change <= 1%\n`, '.mlci.yml');
    const comparison = runComparison({
      head: { runs: [head] },
      base: { runs: [base], label: 'main@abc1234' },
      config,
    });
    const report = await buildReport({ comparison, head: [head], base: [base], config });
    markdown = report.markdown;
    charts = report.charts.map((c) => c.file);
  });

  it('opens with the failed verdict, and the gate is the first deciding row', () => {
    const lines = markdown.split('\n');
    expect(lines[2]).toMatch(new RegExp(`^\\*\\*❌ Failed\\*\\*: 1 of 1 gates? failed \\(${f.gated}\\)`));
    const rows = firstScreen(markdown)
      .split('\n')
      .filter((l) => /^\| (❌|⚠️|🔴|🟢)/.test(l));
    expect(rows[0]).toMatch(new RegExp(`^\\| ❌ failed \\| ${f.gated.replace('.', '\\.')} \\|`));
  });

  it("draws the failed gate's curve first, then the change chart and the other model curves, never a bookkeeping series", () => {
    const [explaining, ...others] = f.charts;
    expect(charts).toEqual(
      explaining === undefined ? ['change-metrics.png'] : [explaining, 'change-metrics.png', ...others],
    );
    for (const file of charts) {
      const key = file.replace(/^curve-|\.png$/g, '');
      expect(isBookkeeping(key)).toBe(false);
    }
    expect(
      charts.filter((c) => /^curve-(epoch|step|global-step|learning-rate)\.png$|runtime|per-second/.test(c)),
    ).toEqual([]);
  });

  it('shows one chart on the first screen, the others folded', () => {
    const screen = firstScreen(markdown);
    expect(screen.match(/!\[[^\]]*\]\([^)]+\.png\)/g) ?? []).toHaveLength(1);
  });
});
