import { readMetricsPath } from '../../../../packages/core/src/readers/registry.js';
import { runComparison } from '../../../../packages/core/src/compare/pipeline.js';
import { emptyConfig } from '../../../../packages/core/src/config/config.js';
import { parseGate } from '../../../../packages/core/src/gates/parse.js';
import { emptyDoc, type MetricsDoc } from '../../../../packages/core/src/model.js';
import {
  chartImage,
  defaultHistoryKeys,
  planCharts,
} from '../../../../packages/core/src/report/charts/select.js';

const WHISPER = 'test/fixtures/real/hf-trainer/whisper-ja/trainer_state.json';

function scaled(doc: MetricsDoc, factor: number): MetricsDoc {
  return {
    ...doc,
    metrics: Object.fromEntries(Object.entries(doc.metrics).map(([k, v]) => [k, v * factor])),
    series: Object.fromEntries(
      Object.entries(doc.series).map(([k, s]) => [
        k,
        { ...s, points: s.points.map((p) => ({ ...p, value: p.value * factor })) },
      ]),
    ),
  };
}

function metrics(values: Record<string, number>): MetricsDoc {
  return { ...emptyDoc(), metrics: values };
}

describe('planCharts', () => {
  it("gives the failed gate's curve first, then the change chart, the other curves, the history, and says what it left out", async () => {
    const head = await readMetricsPath(WHISPER);
    const base = scaled(head, 0.95);
    const comparison = runComparison({
      head: { runs: [head] },
      base: { runs: [base] },
      config: emptyConfig(),
      extraGates: [
        parseGate('eval_wer rise <= 1%', '--gate #1'),
        parseGate('eval_loss rise <= 10%', '--gate #2'),
      ],
    });
    const history = ['c1', 'c2', 'c3'].map((label, i) => ({
      label,
      doc: metrics({ eval_wer: 0.7 + i / 100, eval_loss: 0.4 + i / 100, eval_runtime: 1700 }),
    }));
    const plan = planCharts(
      { comparison, head: [head], base: [base], history, branch: 'main' },
      { maxCurves: 3 },
    );
    // eval_wer's gate failed: its curve explains the verdict and comes before the overview.
    expect(plan.specs.map((s) => s.file)).toEqual([
      'curve-eval-wer.png',
      'change-metrics.png',
      'curve-loss.png',
      'history-metrics.png',
    ]);
    // eval_runtime regressed (a time that grew) but is bookkeeping: never drawn unless asked for.
    expect(plan.omittedCurves).toEqual([]);
    expect(plan.notes).toEqual([
      'Bookkeeping series not drawn: epoch, eval_runtime, eval_samples_per_second, eval_steps_per_second and learning_rate (name one under report.curves in .mlci.yml to draw it).',
    ]);
    const history_ = plan.specs[3]!;
    // eval_wer's gate failed so it comes first; eval_loss is within a factor of ten of it.
    expect(history_.title).toBe('eval_wer, eval_loss on main over the last 3 commits');
    expect(new Set(plan.specs.map((s) => s.file)).size).toBe(plan.specs.length);
    expect(chartImage(plan.specs[1]!)).toEqual({
      file: 'change-metrics.png',
      alt: plan.specs[1]!.alt,
      title: plan.specs[1]!.title,
      width: 800,
      height: plan.specs[1]!.height,
    });
  });

  it('has no change chart without a baseline, and a learning rate only when asked for', async () => {
    const head = await readMetricsPath(WHISPER);
    const comparison = runComparison({ head: { runs: [head] }, config: emptyConfig() });
    const plan = planCharts({ comparison, head: [head] }, { curves: ['learning_rate'], maxCurves: 2 });
    expect(plan.specs.map((s) => s.file)).toEqual(['curve-learning-rate.png', 'curve-eval-wer.png']);
    expect(plan.notes).toEqual([
      '1 more training curve not drawn (at most 2 are): loss.',
      'Bookkeeping series not drawn: epoch, eval_runtime, eval_samples_per_second and eval_steps_per_second (name one under report.curves in .mlci.yml to draw it).',
    ]);
  });

  it('explains a missing history chart', () => {
    const comparison = runComparison({
      head: { runs: [metrics({ accuracy: 0.9 })] },
      config: emptyConfig(),
      extraGates: [parseGate('accuracy >= 0.5', '--gate #1')],
    });
    const plan = planCharts({
      comparison,
      head: [metrics({ accuracy: 0.9 })],
      history: [{ label: 'c1', doc: metrics({ accuracy: 0.8 }) }],
      historyKeys: ['accuracy'],
    });
    expect(plan.specs).toEqual([]);
    expect(plan.notes).toEqual([
      'No history chart: fewer than two past commits of the base branch have accuracy.',
    ]);
  });

  it('picks history keys that share a scale', () => {
    const comparison = runComparison({
      head: { runs: [metrics({ accuracy: 0.9, latency_ms: 120, f1: 0.8 })] },
      config: emptyConfig(),
      extraGates: ['accuracy >= 0.5', 'latency_ms <= 200', 'f1 >= 0.5'].map((g, i) =>
        parseGate(g, `--gate #${i + 1}`),
      ),
    });
    const history = [1, 2].map((i) => ({
      label: `c${i}`,
      doc: metrics({ accuracy: 0.9, latency_ms: 100 + i, f1: 0.8 }),
    }));
    expect(defaultHistoryKeys({ comparison, head: [], history }, 3)).toEqual(['accuracy', 'f1']);
  });
});

describe('planCharts: evaluation plots', () => {
  it('puts the confusion matrix, its change, ROC and precision-recall right after the change chart', async () => {
    const { readPlotFile } = await import('../../../../packages/core/src/plots/read.js');
    const dir = 'test/fixtures/generated/plots';
    const confusion = await readPlotFile(`${dir}/dvclive-confusion_matrix.json`);
    const roc = await readPlotFile(`${dir}/dvclive-roc.json`);
    const comparison = runComparison({
      head: { runs: [metrics({ accuracy: 0.9 })] },
      base: { runs: [metrics({ accuracy: 0.8 })] },
      config: emptyConfig(),
    });
    if (confusion.kind !== 'confusion' || roc.kind !== 'roc') throw new Error('fixture kinds changed');
    const swapped = { ...confusion, counts: confusion.counts.map((row) => [...row].reverse()) };
    const plan = planCharts({
      comparison,
      head: [metrics({ accuracy: 0.9 })],
      base: [metrics({ accuracy: 0.8 })],
      confusion: { head: confusion, base: swapped },
      roc: { head: roc },
    });
    expect(plan.specs.map((s) => s.file)).toEqual([
      'change-metrics.png',
      'confusion-matrix.png',
      'confusion-matrix-change.png',
      'roc.png',
    ]);
  });
});
