import { jest } from '@jest/globals';
import { readMetricsPath } from '../../../../packages/core/src/readers/registry.js';
import { runComparison } from '../../../../packages/core/src/compare/pipeline.js';
import { emptyConfig } from '../../../../packages/core/src/config/config.js';
import { emptyDoc } from '../../../../packages/core/src/model.js';
import type { ConfusionMatrix } from '../../../../packages/core/src/plots/model.js';
import { curvesFromPredictions } from '../../../../packages/core/src/plots/from-predictions.js';
import { changeChart } from '../../../../packages/core/src/report/charts/change.js';
import {
  confusionChangeChart,
  confusionChart,
} from '../../../../packages/core/src/report/charts/confusion.js';
import { curveCharts } from '../../../../packages/core/src/report/charts/curves.js';
import { historyChart } from '../../../../packages/core/src/report/charts/history.js';
import { renderChart } from '../../../../packages/core/src/report/charts/render.js';
import { precisionRecallChart, rocChart } from '../../../../packages/core/src/report/charts/roc.js';
import { CHART_PIXEL_RATIO, type ChartSpec } from '../../../../packages/core/src/report/charts/theme.js';
import { docWith, lossCurve } from './helpers.js';

/**
 * Issue #14, item 9: chart.js's default tick formatter builds an Intl.NumberFormat, and the first
 * one a process builds loads ICU's number data, about 89 ms of the report step's first chart on
 * Node 24. Every number mlci draws goes through format.ts instead (theme.ts's tickLabel), which also
 * keeps the labels the same on every runner's locale. These charts cover each kind and each axis
 * type the report draws: a numeric axis left to chart.js's formatter makes this test fail.
 */

function matrix(labels: string[], counts: number[][]): ConfusionMatrix {
  return { kind: 'confusion', file: 'cm.json', labels, counts, integer: true };
}

/** A deterministic binary task, as in roc.test.ts. */
function predictions(n: number, shift: number, seed: number) {
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const labels: string[] = [];
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    const positive = random() < 0.3;
    labels.push(positive ? '1' : '0');
    scores.push(Math.round((random() + (positive ? shift : 0)) * 100) / 100);
  }
  return {
    file: 'preds.csv',
    ids: labels.map((_, i) => String(i + 1)),
    hasIds: false,
    labels,
    scores: new Map([['score', scores]]),
  };
}

async function everyKindOfChart(): Promise<ChartSpec[]> {
  const specs: ChartSpec[] = [];
  // Linear axes, and a log axis (the whisper-ja loss spans more than two decades).
  const head = docWith({ train_loss: lossCurve(300, 2.5, 0.02), val_loss: lossCurve(300, 2.6, 0.08) });
  const base = docWith({ train_loss: lossCurve(300, 2.5, 0.03, 0.012) });
  specs.push(...curveCharts([head], [base]));
  const whisper = await readMetricsPath('test/fixtures/real/hf-trainer/whisper-ja/trainer_state.json');
  specs.push(...curveCharts([whisper], []));
  // Changes as differences and as percentages of the baseline.
  const dvc = 'test/fixtures/real/dvc';
  const comparison = runComparison({
    head: { runs: [await readMetricsPath(`${dvc}/churn-metrics-nested-rev-01b7b1c.json`)] },
    base: { runs: [await readMetricsPath(`${dvc}/churn-metrics-nested-rev-c4404a0.json`)] },
    config: emptyConfig(),
  });
  specs.push(changeChart(comparison)!);
  const history = [0.9, 0.91, 0.905].map((accuracy, i) => ({
    label: `c${i}`,
    doc: { ...emptyDoc(), metrics: { accuracy } },
  }));
  specs.push(
    historyChart(history, ['accuracy'], {
      label: 'PR',
      doc: { ...emptyDoc(), metrics: { accuracy: 0.93 } },
    })!,
  );
  const curves = curvesFromPredictions(predictions(400, 0.6, 7));
  const baseCurves = curvesFromPredictions(predictions(400, 0.3, 11));
  specs.push(rocChart(curves.roc, baseCurves.roc), precisionRecallChart(curves.pr, baseCurves.pr));
  const cmHead = matrix(
    ['cat', 'dog', 'bird'],
    [
      [50, 3, 2],
      [5, 40, 0],
      [0, 0, 20],
    ],
  );
  const cmBase = matrix(
    ['cat', 'dog', 'bird'],
    [
      [45, 8, 2],
      [9, 36, 0],
      [0, 4, 16],
    ],
  );
  specs.push(confusionChart(cmHead, cmBase), confusionChangeChart(cmHead, cmBase)!);
  return specs;
}

describe('chart numbers are formatted without Intl', () => {
  it('draws every kind of chart, linear and log axes, without building an Intl.NumberFormat', async () => {
    const specs = await everyKindOfChart();
    expect(specs.some((s) => JSON.stringify(s.config).includes('logarithmic'))).toBe(true);
    // Counted, not refused: the charts must still draw the same if a label did need one.
    const built = jest.spyOn(Intl, 'NumberFormat');
    for (const spec of specs) {
      await renderChart(spec.config, {
        width: spec.width,
        height: spec.height,
        pixelRatio: CHART_PIXEL_RATIO,
      });
    }
    const calls = built.mock.calls.map((args) => JSON.stringify(args));
    built.mockRestore();
    expect(calls).toEqual([]);
  });
});
