import { emptyDoc, type MetricsDoc } from '../../../../packages/core/src/model.js';
import { historyChart, type HistoryEntry } from '../../../../packages/core/src/report/charts/history.js';
import { OKABE_ITO } from '../../../../packages/core/src/report/charts/theme.js';
import { docWith } from './helpers.js';

function doc(metrics: Record<string, number>): MetricsDoc {
  return { ...emptyDoc(), metrics };
}

const history: HistoryEntry[] = [
  { label: 'a1b2c3d', doc: doc({ accuracy: 0.9, f1: 0.88 }) },
  { label: 'b2c3d4e', doc: doc({ accuracy: 0.91, f1: 0.885 }) },
  { label: 'c3d4e5f', doc: doc({ accuracy: 0.905 }) },
  { label: 'd4e5f6a', doc: doc({ accuracy: 0.915, f1: 0.9 }) },
];

interface LineDataset {
  label: string;
  data: Array<number | null>;
  borderColor: string;
  borderDash?: number[];
  pointRadius: number | number[];
  pointStyle?: string;
}

describe('historyChart', () => {
  it('draws each key across the commits and the pull request as a distinct last point', () => {
    const spec = historyChart(
      history,
      ['accuracy', 'f1'],
      { label: 'PR #7', doc: doc({ accuracy: 0.92, f1: 0.87 }) },
      {
        branch: 'main',
      },
    )!;
    expect(spec.file).toBe('history-metrics.png');
    expect(spec.title).toBe('accuracy, f1 on main over the last 4 commits');
    expect(spec.config.data.labels).toEqual(['a1b2c3d', 'b2c3d4e', 'c3d4e5f', 'd4e5f6a', 'PR #7']);
    const ds = spec.config.data.datasets as unknown as LineDataset[];
    expect(ds.map((d) => [d.label, d.borderColor])).toEqual([
      ['accuracy', OKABE_ITO.blue],
      ['', OKABE_ITO.blue],
      ['f1', OKABE_ITO.vermillion],
      ['', OKABE_ITO.vermillion],
    ]);
    expect(ds[0]!.data).toEqual([0.9, 0.91, 0.905, 0.915, null]);
    // The pull request's segment: from the last commit to the diamond, dashed.
    expect(ds[1]!.data).toEqual([null, null, null, 0.915, 0.92]);
    expect(ds[1]!.borderDash).toEqual([4, 4]);
    expect(ds[1]!.pointStyle).toBe('rectRot');
    expect(ds[1]!.pointRadius).toEqual([0, 0, 0, 0, 7]);
    // A commit without the metric is a hole the line spans.
    expect(ds[2]!.data).toEqual([0.88, 0.885, null, 0.9, null]);
    expect(spec.alt).toBe(
      'accuracy, f1 across 4 commits of main, oldest first: ' +
        'accuracy went from 0.9 at a1b2c3d to 0.915 at d4e5f6a, between 0.9 and 0.915; the pull request has 0.92. ' +
        'f1 went from 0.88 at a1b2c3d to 0.9 at d4e5f6a, between 0.88 and 0.9; the pull request has 0.87.',
    );
  });

  it('works without the pull request and takes curve ends when a metric is only a series', () => {
    const entries = [0.5, 0.4, 0.3].map((end, i) => ({
      label: `2024-05-0${i + 1}`,
      doc: docWith({
        loss: [
          [0, 1],
          [10, end],
        ],
      }),
    }));
    for (const e of entries) delete e.doc.metrics.loss;
    const spec = historyChart(entries, ['loss'])!;
    expect(spec.file).toBe('history-loss.png');
    expect(spec.config.data.labels).toEqual(['2024-05-01', '2024-05-02', '2024-05-03']);
    expect((spec.config.data.datasets[0] as unknown as LineDataset).data).toEqual([0.5, 0.4, 0.3]);
    expect(spec.title).toBe('loss on the base branch over the last 3 commits');
    expect(spec.alt).toBe(
      'loss across 3 commits of the base branch, oldest first: loss went from 0.5 at 2024-05-01 to 0.3 at 2024-05-03, between 0.3 and 0.5.',
    );
  });

  it('is undefined when no key has two points', () => {
    expect(historyChart(history, ['missing'])).toBeUndefined();
    expect(historyChart(history.slice(0, 1), ['accuracy'])).toBeUndefined();
    expect(historyChart([], ['accuracy'])).toBeUndefined();
  });

  it('leaves NaN out of the line and says so', () => {
    const entries = [...history, { label: 'e5f6a7b', doc: doc({ accuracy: NaN }) }];
    const spec = historyChart(entries, ['accuracy'], { label: 'PR', doc: doc({}) })!;
    expect((spec.config.data.datasets[0] as unknown as LineDataset).data).toEqual([
      0.9,
      0.91,
      0.905,
      0.915,
      null,
      null,
    ]);
    expect(spec.alt).toContain('; not in the pull request');
    expect(spec.alt).toContain('Accuracy has 1 NaN or infinite value, left out of the line.');
  });
});
