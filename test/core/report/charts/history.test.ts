import { emptyDoc, type MetricsDoc } from '../../../../packages/core/src/model.js';
import {
  historyChart,
  noiseBand,
  type HistoryEntry,
} from '../../../../packages/core/src/report/charts/history.js';
import { renderChart } from '../../../../packages/core/src/report/charts/render.js';
import { CHART_PIXEL_RATIO, OKABE_ITO } from '../../../../packages/core/src/report/charts/theme.js';
import { countColor, decodePng } from '../../../support/png.js';
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

describe('the noise band', () => {
  // One run per commit around 0.9; the noise of one run is 0.01.
  const values = [0.9, 0.91, 0.89, 0.9, 0.92, 0.9, 0.88];
  const entries: HistoryEntry[] = values.map((accuracy, i) => ({ label: `c${i}`, doc: doc({ accuracy }) }));

  it('is the mean of the 5 points before each point, ± 2 standard errors of the difference', () => {
    const band = noiseBand([0.9, 0.92, 0.88, 0.9, 0.91, 0.89, 0.95], [1, 1, 1, 1, 1, 1, 1], 0.01);
    expect(band.lower[0]).toBeNull();
    expect(band.upper[0]).toBeNull();
    // After one point: 0.9 ± 2 * 0.01 * sqrt(1 + 1).
    expect(band.lower[1]).toBeCloseTo(0.9 - 0.02 * Math.SQRT2, 12);
    expect(band.upper[1]).toBeCloseTo(0.9 + 0.02 * Math.SQRT2, 12);
    // Point 6 after points 1..5 (the first is out of the window): mean 0.9, 2 * 0.01 * sqrt(1 + 1/5).
    expect(band.lower[6]).toBeCloseTo(0.9 - 0.02 * Math.sqrt(1.2), 12);
    expect(band.upper[6]).toBeCloseTo(0.9 + 0.02 * Math.sqrt(1.2), 12);
  });

  it('weighs points by their runs and narrows for a point of several runs', () => {
    // Points of 4 and 1 runs before a point of 5 runs: the centre is the mean of the 5 runs.
    const band = noiseBand([0.9, 0.95, 0.8], [4, 1, 5], 0.01);
    expect((band.lower[2]! + band.upper[2]!) / 2).toBeCloseTo((4 * 0.9 + 0.95) / 5, 12);
    expect(band.upper[2]! - band.lower[2]!).toBeCloseTo(2 * 2 * 0.01 * Math.sqrt(1 / 5 + 1 / 5), 12);
  });

  it('steps over a missing or NaN point: it is neither a centre nor a gap in the band', () => {
    const band = noiseBand([0.9, null, NaN, 0.92], [1, 1, 1, 1], 0.01);
    expect(band.lower[1]).toBeCloseTo(0.9 - 0.02 * Math.SQRT2, 12);
    expect(band.lower[3]).toBeCloseTo(0.9 - 0.02 * Math.SQRT2, 12);
  });

  it('is drawn behind each metric with a noise, up to the pull request, and said in words', () => {
    const spec = historyChart(
      entries,
      ['accuracy', 'f1'],
      { label: 'this pull request', doc: doc({ accuracy: 0.86 }), runs: 1 },
      { branch: 'main', noiseOf: (key) => (key === 'accuracy' ? 0.01 : undefined) },
    );
    // f1 is in no entry: only accuracy is drawn.
    const ds = spec!.config.data.datasets as unknown as Array<LineDataset & { mlciBandFill?: string }>;
    expect(ds.map((d) => d.label)).toEqual(['', '', 'accuracy', '']);
    const [upper, lower] = ds;
    expect(upper!.mlciBandFill).toBe(`${OKABE_ITO.blue}24`);
    expect(lower!.mlciBandFill).toBeUndefined();
    expect(upper!.data).toHaveLength(values.length + 1);
    const band = noiseBand([...values, 0.86], new Array(values.length + 1).fill(1), 0.01);
    expect(upper!.data).toEqual(band.upper);
    expect(lower!.data).toEqual(band.lower);
    expect((spec!.config as unknown as { plugins: Array<{ id: string }> }).plugins.map((p) => p.id)).toEqual([
      'mlci-noise-band',
    ]);
    const subtitle = (spec!.config.options!.plugins!.subtitle as { text: string[] }).text;
    expect(subtitle).toEqual([
      'The diamond is this pull request.',
      'Shaded: where a point lands if nothing changed, the mean of the 5 commits before it ± 2 standard errors of run-to-run noise.',
    ]);
    // The last five commits average 0.898: the band at the pull request is 0.898 ± 0.0219.
    expect(spec!.alt).toContain(
      'noise band ±2 standard errors with a run-to-run noise of 0.01, the pull request below it (0.8761 to 0.9199)',
    );
  });

  it('says when the pull request is inside the band, and draws none without a noise', () => {
    const inside = historyChart(
      entries,
      ['accuracy'],
      { label: 'PR', doc: doc({ accuracy: 0.905 }) },
      {
        noiseOf: () => 0.01,
      },
    )!;
    expect(inside.alt).toContain('the pull request inside it');
    for (const noiseOf of [undefined, () => undefined, () => 0, () => NaN]) {
      const spec = historyChart(
        entries,
        ['accuracy'],
        { label: 'PR', doc: doc({ accuracy: 0.905 }) },
        {
          ...(noiseOf !== undefined ? { noiseOf } : {}),
        },
      )!;
      expect(spec.config.data.datasets.map((d) => d.label)).toEqual(['accuracy', '']);
      expect((spec.config as { plugins?: unknown[] }).plugins).toBeUndefined();
      expect(spec.alt).not.toContain('noise band');
    }
  });
});

describe('the noise band, drawn', () => {
  const entries: HistoryEntry[] = [0.9, 0.91, 0.89, 0.9, 0.92, 0.9, 0.88].map((accuracy, i) => ({
    label: `c${i}`,
    doc: doc({ accuracy }),
  }));
  const current = { label: 'PR', doc: doc({ accuracy: 0.86 }) };
  /** The band's fill over the white background: blue at alpha 0x24. */
  const tint = (() => {
    const alpha = 0x24 / 255;
    const hex = OKABE_ITO.blue.slice(1);
    return [0, 2, 4].map((i) =>
      Math.round(255 * (1 - alpha) + Number.parseInt(hex.slice(i, i + 2), 16) * alpha),
    ) as [number, number, number];
  })();
  const pixels = async (noiseOf?: () => number) => {
    const spec = historyChart(entries, ['accuracy'], current, noiseOf !== undefined ? { noiseOf } : {})!;
    return decodePng(
      await renderChart(spec.config, {
        width: spec.width,
        height: spec.height,
        pixelRatio: CHART_PIXEL_RATIO,
      }),
    );
  };

  it('shades the plot between the band lines, and nothing without a noise', async () => {
    const plain = await pixels();
    const shaded = await pixels(() => 0.01);
    // Without it only a few anti-aliased edges of the line come near that colour.
    expect(countColor(plain, tint, undefined, 3)).toBeLessThan(1_000);
    // The band spans most of the plot's width and a good part of its height.
    expect(countColor(shaded, tint, undefined, 3)).toBeGreaterThan(100_000);
  });
});
