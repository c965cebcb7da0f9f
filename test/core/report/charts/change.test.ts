import { createHash } from 'node:crypto';
import { readMetricsPath } from '../../../../packages/core/src/readers/registry.js';
import { runComparison } from '../../../../packages/core/src/compare/pipeline.js';
import type { Comparison, MetricComparison } from '../../../../packages/core/src/compare/compare.js';
import { emptyConfig } from '../../../../packages/core/src/config/config.js';
import { DocBuilder } from '../../../../packages/core/src/doc-builder.js';
import { parseGate } from '../../../../packages/core/src/gates/parse.js';
import type { MetricsDoc } from '../../../../packages/core/src/model.js';
import { changeChart } from '../../../../packages/core/src/report/charts/change.js';
import { renderChart } from '../../../../packages/core/src/report/charts/render.js';
import {
  CHART_PIXEL_RATIO,
  STATUS_COLORS,
  ZERO_LINE_COLOR,
  type ChartSpec,
} from '../../../../packages/core/src/report/charts/theme.js';
import { countColor, decodePng, parseHexColor, pixelAt, type DecodedPng } from '../../../support/png.js';

const DVC = 'test/fixtures/real/dvc';

async function churn(): Promise<Comparison> {
  return runComparison({
    head: { runs: [await readMetricsPath(`${DVC}/churn-metrics-nested-rev-01b7b1c.json`)] },
    base: { runs: [await readMetricsPath(`${DVC}/churn-metrics-nested-rev-c4404a0.json`)] },
    config: emptyConfig(),
    extraGates: [parseGate('roc_auc drop <= 0.005', '--gate #1')],
  });
}

function withMetrics(base: Comparison, metrics: MetricComparison[]): Comparison {
  return { ...base, metrics };
}

function metric(
  key: string,
  base: number,
  head: number,
  status: MetricComparison['status'],
): MetricComparison {
  const delta = head - base;
  return {
    key,
    base,
    head,
    delta,
    ...(base !== 0 ? { deltaPercent: (delta / Math.abs(base)) * 100 } : {}),
    directionSource: 'name',
    status,
  };
}

/** Three seeds on each side: accuracy drops beyond its noise, f1 rises within it. */
function seeds(): Comparison {
  const run = (accuracy: number, f1: number): MetricsDoc => {
    const b = new DocBuilder('run.json', 'json');
    b.metric('accuracy', accuracy);
    b.metric('f1', f1);
    return b.build();
  };
  return runComparison({
    head: { runs: [run(0.8, 0.78), run(0.805, 0.86), run(0.8, 0.82)] },
    base: { runs: [run(0.9, 0.8), run(0.91, 0.84), run(0.9, 0.78)] },
    config: emptyConfig(),
  });
}

function withNoise(m: MetricComparison, ci: [number, number], method: 'welch' | 'history'): MetricComparison {
  return {
    ...m,
    noise: {
      ci,
      level: 0.95,
      method,
      ...(method === 'history' ? { history: { records: 12, sd: 0.8 } } : {}),
    },
  };
}

function render(spec: ChartSpec): Promise<Buffer> {
  return renderChart(spec.config, { width: spec.width, height: spec.height, pixelRatio: CHART_PIXEL_RATIO });
}

/** The PNG rows holding at least `min` pixels of `color`: a bar's rows, not its 24-pixel legend swatch. */
function barRows(png: DecodedPng, color: string, min = 40): number[] {
  const rows: number[] = [];
  for (let y = 0; y < png.height; y++)
    if (countColor(png, color, { x0: 0, y0: y, x1: png.width, y1: y + 1 }) >= min) rows.push(y);
  return rows;
}

/** The first and last x of `color` on row y (between x0 and x1). */
function extent(png: DecodedPng, color: string, y: number, x0 = 0, x1 = png.width - 1): [number, number] {
  const [r, g, b] = parseHexColor(color);
  const xs: number[] = [];
  for (let x = x0; x <= x1; x++) {
    const [pr, pg, pb] = pixelAt(png, x, y);
    if (Math.abs(pr - r) <= 8 && Math.abs(pg - g) <= 8 && Math.abs(pb - b) <= 8) xs.push(x);
  }
  return [xs[0]!, xs[xs.length - 1]!];
}

/** A whisker's pixel: near-black (the bars and the zero line are lighter in at least one channel). */
function darkNear(png: DecodedPng, x: number, y: number, radius = 1): boolean {
  for (let dy = -radius; dy <= radius; dy++)
    for (let dx = -radius; dx <= radius; dx++) {
      const [r, g, b] = pixelAt(png, Math.round(x) + dx, Math.round(y) + dy);
      if (Math.max(r, g, b) < 80) return true;
    }
  return false;
}

interface BarDataset {
  label: string;
  data: Array<number | null>;
  backgroundColor: string;
  grouped: boolean;
}

describe('changeChart', () => {
  it('draws the real DVC revision diff: regressions first, percent of the baseline, blue/orange', async () => {
    const spec = changeChart(await churn())!;
    expect(spec.file).toBe('change-metrics.png');
    expect(spec.title).toBe('Change from the baseline, % of its value');
    expect(spec.config.type).toBe('bar');
    expect((spec.config.options as { indexAxis: string }).indexAxis).toBe('y');
    expect(spec.config.data.labels).toEqual([
      'roc_auc_by_geo.Germany',
      'roc_auc_by_geo.Spain',
      'roc_auc',
      'roc_auc_by_geo.France',
      'f1_by_geo.France',
      'f1',
      'f1_by_geo.Germany',
      'f1_by_geo.Spain',
    ]);
    const ds = spec.config.data.datasets as unknown as BarDataset[];
    expect(ds.map((d) => [d.label, d.backgroundColor, d.grouped])).toEqual([
      ['regressed', STATUS_COLORS.regressed, false],
      ['improved', STATUS_COLORS.improved, false],
    ]);
    // Each bar is in exactly one dataset (the others hold null in its row).
    for (let i = 0; i < 8; i++) expect(ds.filter((d) => d.data[i] !== null)).toHaveLength(1);
    expect(ds[0]!.data[2]).toBeCloseTo(-0.97, 2);
    expect(spec.width).toBe(800);
    expect(spec.height).toBe(96 + 22 * 8);
    expect(spec.alt).toBe(
      'Change of each metric from the baseline in percent of the baseline, 8 metrics. ' +
        '4 regressed: roc_auc_by_geo.Germany -2.79%, roc_auc_by_geo.Spain -1.07%, roc_auc -0.97%, roc_auc_by_geo.France -0.11%; ' +
        '4 improved: f1_by_geo.France +5.73%, f1 +3.3%, f1_by_geo.Germany +2.51%, f1_by_geo.Spain +2.33%.',
    );
  });

  it('is undefined without a baseline or when nothing moved', async () => {
    const comparison = await churn();
    const { base: _base, ...noBase } = comparison;
    expect(changeChart(noBase as Comparison)).toBeUndefined();
    expect(changeChart(withMetrics(comparison, [metric('a', 1, 1, 'unchanged')]))).toBeUndefined();
    // Within tolerance only: nothing changed that matters.
    expect(changeChart(withMetrics(comparison, [metric('a', 1, 1.001, 'unchanged')]))).toBeUndefined();
    expect(
      changeChart(withMetrics(comparison, [{ key: 'b', head: 1, directionSource: 'name', status: 'added' }])),
    ).toBeUndefined();
  });

  it('keeps the top K with regressions first, greys for unknown direction and tolerance', async () => {
    const metrics = [
      metric('small_regression', 1, 1.01, 'regressed'),
      metric('big_improvement', 1, 2, 'improved'),
      metric('unknown_direction', 10, 15, 'changed'),
      metric('within_tolerance', 100, 100.5, 'unchanged'),
      metric('medium_improvement', 1, 1.2, 'improved'),
    ];
    const spec = changeChart(withMetrics(await churn(), metrics), { limit: 3 })!;
    expect(spec.config.data.labels).toEqual(['small_regression', 'big_improvement', 'unknown_direction']);
    const ds = spec.config.data.datasets as unknown as BarDataset[];
    expect(ds.map((d) => [d.label, d.backgroundColor])).toEqual([
      ['regressed', STATUS_COLORS.regressed],
      ['improved', STATUS_COLORS.improved],
      ['changed (direction unknown)', STATUS_COLORS.changed],
    ]);
    const subtitle = (spec.config.options as { plugins: { subtitle: { text: string } } }).plugins.subtitle
      .text;
    expect(subtitle).toBe('The 3 largest of 5 changes, regressions first');
    expect(spec.alt).toMatch(
      /^Change of each metric from the baseline in percent of the baseline, the 3 largest of 5\. /,
    );
    const all = changeChart(withMetrics(await churn(), metrics))!;
    expect((all.config.data.datasets as unknown as BarDataset[]).map((d) => d.backgroundColor)).toContain(
      STATUS_COLORS.unchanged,
    );
  });

  it('uses absolute deltas when every baseline is 0, and names zero baselines on a percent axis', async () => {
    const comparison = await churn();
    const zero = changeChart(
      withMetrics(comparison, [metric('errors', 0, 3, 'regressed'), metric('warnings', 0, -2, 'improved')]),
    )!;
    expect(zero.title).toBe('Change from the baseline');
    expect(zero.config.data.datasets.flatMap((d) => d.data).filter((v) => v !== null)).toEqual([3, -2]);
    const mixed = changeChart(
      withMetrics(comparison, [metric('errors', 0, 3, 'regressed'), metric('f1', 0.5, 0.6, 'improved')]),
    )!;
    expect(mixed.config.data.labels).toEqual(['f1']);
    expect(mixed.alt).toContain('Not drawn because their baseline is 0: errors +3.');
  });

  it('shortens long keys in the middle and keeps them distinct', async () => {
    const metrics = Array.from({ length: 12 }, (_, i) =>
      metric(`eval.per_class.class_${i}.f1_score_with_a_long_name`, 0.5, 0.5 + (i + 1) * 0.01, 'improved'),
    );
    const spec = changeChart(withMetrics(await churn(), metrics))!;
    const labels = spec.config.data.labels as string[];
    expect(new Set(labels).size).toBe(12);
    for (const l of labels) expect([...l].length).toBeLessThanOrEqual(40);
    expect(labels[0]).toContain('class_11');
    expect(labels[0]).toContain('…');
  });

  it('handles 1,000 metrics quickly', async () => {
    const metrics = Array.from({ length: 1000 }, (_, i) =>
      metric(
        `m${String(i).padStart(4, '0')}`,
        1,
        1 + Math.sin(i + 1) / 10,
        i % 2 === 0 ? 'regressed' : 'improved',
      ),
    );
    const spec = changeChart(withMetrics(await churn(), metrics))!;
    expect(spec.config.data.labels).toHaveLength(20);
    expect(spec.alt).toContain('the 20 largest of 1000');
  });

  it('keeps a comparison without noise as it was: no whiskers, the reviewed pixels', async () => {
    const spec = changeChart(await churn())!;
    const options = spec.config.options as unknown as XOptions;
    expect(options.scales.x.suggestedMin).toBeUndefined();
    expect(options.plugins.subtitle.display).toBe(false);
    expect((spec.config.plugins ?? []).map((p) => p.id)).toEqual(['mlci-value-labels']);
    // The hash of the pixels before whiskers existed (see render.test.ts on reviewing hashes).
    const png = decodePng(await render(spec));
    expect(createHash('sha256').update(png.data).digest('hex')).toBe(
      'e9d26702d61e3b98a51d669dc6c065d2ad771368f4a1706a986b74c542714af7',
    );
  });

  it('draws changes within noise in their own muted colour, with the repeats as whiskers', () => {
    const comparison = seeds();
    const byKey = Object.fromEntries(comparison.metrics.map((m) => [m.key, m]));
    const accuracy = byKey.accuracy!;
    const f1 = byKey.f1!;
    expect(accuracy).toMatchObject({ status: 'regressed', noise: { method: 'welch', level: 0.95 } });
    expect(f1).toMatchObject({ status: 'within-noise', noise: { method: 'welch', level: 0.95 } });
    const spec = changeChart(comparison)!;
    expect(spec.config.data.labels).toEqual(['accuracy', 'f1']);
    const ds = spec.config.data.datasets as unknown as BarDataset[];
    expect(ds.map((d) => [d.label, d.backgroundColor])).toEqual([
      ['regressed', STATUS_COLORS.regressed],
      ['within noise', STATUS_COLORS['within-noise']],
    ]);
    expect(new Set(Object.values(STATUS_COLORS)).size).toBe(Object.keys(STATUS_COLORS).length);
    // The axis reaches both whiskers' far ends, in percent of |base|.
    const options = spec.config.options as unknown as XOptions;
    const percentOf = (m: MetricComparison, v: number) => (v * 100) / Math.abs(m.base!);
    expect(options.scales.x.suggestedMin).toBeCloseTo(percentOf(accuracy, accuracy.noise!.ci[0]), 9);
    expect(options.scales.x.suggestedMax).toBeCloseTo(percentOf(f1, f1.noise!.ci[1]), 9);
    expect(options.plugins.subtitle).toMatchObject({
      display: true,
      text: "Whiskers: 95% interval of the change (from the runs' spread)",
    });
    expect((spec.config.plugins ?? []).map((p) => p.id)).toEqual(['mlci-whiskers', 'mlci-value-labels']);
    expect(spec.height).toBe(96 + 22 * 2 + 42);
    expect(spec.alt).toBe(
      "Change of each metric from the baseline in percent of the baseline, 2 metrics. Whiskers: 95% interval of the change (from the runs' spread). " +
        '1 regressed: accuracy -11.3% (95% interval -12.6% to -9.93%); ' +
        '1 within noise: f1 +1.65% (95% interval -8.63% to +11.9%).',
    );
  });

  it('renders the within-noise bar in its colour and each whisker along its interval', async () => {
    const comparison = seeds();
    const spec = changeChart(comparison)!;
    const png = decodePng(await render(spec));
    expect([png.width, png.height]).toEqual([1600, spec.height * 2]);
    const byKey = Object.fromEntries(comparison.metrics.map((m) => [m.key, m]));
    const percent = (key: string, v: number) => (v * 100) / Math.abs(byKey[key]!.base!);

    // The axis, measured on the picture: the zero line (between the rows) and the regressed bar's
    // far end, at accuracy's change.
    const accRows = barRows(png, STATUS_COLORS.regressed);
    const f1Rows = barRows(png, STATUS_COLORS['within-noise']);
    expect(accRows.length).toBeGreaterThan(20);
    expect(f1Rows.length).toBeGreaterThan(20);
    expect(f1Rows[0]!).toBeGreaterThan(accRows[accRows.length - 1]!);
    const [accLeft, accRight] = extent(png, STATUS_COLORS.regressed, accRows[accRows.length - 2]!);
    const gap = Math.round((accRows[accRows.length - 1]! + f1Rows[0]!) / 2);
    const zeroLine = extent(png, ZERO_LINE_COLOR, gap, accRight - 8, accRight + 8);
    // The zero line stays visible: drawn between the bars, 1.5 px wide (3 PNG pixels).
    expect(zeroLine[1] - zeroLine[0]).toBeGreaterThanOrEqual(2);
    const zero = (zeroLine[0] + zeroLine[1] + 1) / 2;
    const accValue = byKey.accuracy!.deltaPercent!;
    const xOf = (v: number) => zero + (v / accValue) * (accLeft - zero);

    // The within-noise bar: its own colour, from 0 to f1's change.
    const [f1Left, f1Right] = extent(png, STATUS_COLORS['within-noise'], f1Rows[f1Rows.length - 2]!);
    expect(Math.abs(f1Left - zero)).toBeLessThanOrEqual(3);
    expect(Math.abs(f1Right - xOf(byKey.f1!.deltaPercent!))).toBeLessThanOrEqual(3);

    for (const [key, rows] of [
      ['accuracy', accRows],
      ['f1', f1Rows],
    ] as const) {
      const y = (rows[0]! + rows[rows.length - 1]!) / 2;
      const [lo, hi] = byKey[key]!.noise!.ci.map((v) => xOf(percent(key, v))) as [number, number];
      expect(hi - lo).toBeGreaterThan(40);
      // The line, over the bar and beside it...
      for (let i = 0; i <= 8; i++)
        expect([key, i, darkNear(png, lo + 6 + ((hi - lo - 12) * i) / 8, y)]).toEqual([key, i, true]);
      // ...its caps across it at both ends...
      for (const x of [lo, hi])
        for (const dy of [-6, 6])
          expect([key, x, dy, darkNear(png, x, y + dy, 2)]).toEqual([key, x, dy, true]);
      // ...and nothing past the ends, or above and below the caps.
      for (const x of [lo - 7, hi + 7]) expect([key, x, darkNear(png, x, y)]).toEqual([key, x, false]);
      expect(darkNear(png, (lo + hi) / 2, y - 12, 0)).toBe(false);
    }
  });

  it("gives absolute whiskers on an absolute axis and names the base branch's history", async () => {
    const spec = changeChart(
      withMetrics(await churn(), [
        withNoise(metric('errors', 0, 3, 'regressed'), [1, 5], 'history'),
        withNoise(metric('warnings', 0, -2, 'within-noise'), [-4.5, 0.5], 'history'),
      ]),
    )!;
    expect(spec.title).toBe('Change from the baseline');
    const options = spec.config.options as unknown as XOptions;
    expect([options.scales.x.suggestedMin, options.scales.x.suggestedMax]).toEqual([-4.5, 5]);
    expect(options.plugins.subtitle.text).toBe(
      "Whiskers: 95% interval of the change (from the base branch's history)",
    );
    expect(spec.alt).toContain(
      '1 regressed: errors +3 (95% interval +1 to +5); 1 within noise: warnings -2 (95% interval -4.5 to +0.5).',
    );
  });

  it('puts the whiskers under the other subtitle, and names the sources of the drawn ones', async () => {
    const metrics = [
      withNoise(metric('accuracy', 0.9, 0.87, 'regressed'), [-0.04, -0.02], 'history'),
      withNoise(metric('f1', 0.6, 0.61, 'within-noise'), [-0.02, 0.04], 'welch'),
      metric('throughput', 100, 130, 'changed'),
      metric('tolerated', 10, 10.1, 'unchanged'),
      metric('errors', 0, 3, 'regressed'),
    ];
    const spec = changeChart(withMetrics(await churn(), metrics), { limit: 3 })!;
    expect((spec.config.options as unknown as XOptions).plugins.subtitle.text).toEqual([
      'The 3 largest of 4 changes, regressions first; not drawn (baseline 0, no percentage): errors +3',
      "Whiskers: 95% interval of the change (from the runs' spread, or the base branch's history)",
    ]);
    // A bar without noise has no whisker and no interval in the alt text.
    expect(spec.config.data.labels).toEqual(['accuracy', 'throughput', 'f1']);
    expect(spec.alt).toContain(
      '1 regressed: accuracy -3.33% (95% interval -4.44% to -2.22%); 1 changed (direction unknown): throughput +30%; ' +
        '1 within noise: f1 +1.67% (95% interval -3.33% to +6.67%).',
    );
    // f1's whisker is not drawn when its bar is not: only the history is named.
    const two = changeChart(withMetrics(await churn(), metrics), { limit: 2 })!;
    expect((two.config.options as unknown as XOptions).plugins.subtitle.text).toEqual([
      'The 2 largest of 4 changes, regressions first; not drawn (baseline 0, no percentage): errors +3',
      "Whiskers: 95% interval of the change (from the base branch's history)",
    ]);
  });

  it('keeps findings before changes within noise, and those before changes within tolerance', async () => {
    const metrics = [
      withNoise(metric('noisy_big', 1, 1.6, 'within-noise'), [-0.2, 1.4], 'welch'),
      metric('tolerated', 1, 1.8, 'unchanged'),
      metric('small_regression', 1, 0.99, 'regressed'),
      metric('small_improvement', 1, 1.02, 'improved'),
      metric('unknown_direction', 1, 1.05, 'changed'),
      withNoise(metric('noisy_small', 1, 1.03, 'within-noise'), [-0.01, 0.07], 'welch'),
    ];
    const comparison = withMetrics(await churn(), metrics);
    expect(changeChart(comparison, { limit: 4 })!.config.data.labels).toEqual([
      'small_regression',
      'unknown_direction',
      'small_improvement',
      'noisy_big',
    ]);
    const all = changeChart(comparison)!;
    expect(all.config.data.labels).toEqual([
      'small_regression',
      'unknown_direction',
      'small_improvement',
      'noisy_big',
      'noisy_small',
      'tolerated',
    ]);
    expect((all.config.data.datasets as unknown as BarDataset[]).map((d) => d.label)).toEqual([
      'regressed',
      'improved',
      'changed (direction unknown)',
      'within noise',
      'within tolerance',
    ]);
    // Only changes within noise: still a chart, which shows how wide the noise is.
    const quiet = changeChart(withMetrics(comparison, [metrics[0]!]))!;
    expect((quiet.config.data.datasets as unknown as BarDataset[]).map((d) => d.label)).toEqual([
      'within noise',
    ]);
  });
});

interface XOptions {
  scales: { x: { suggestedMin?: number; suggestedMax?: number } };
  plugins: { subtitle: { display: boolean; text: string | string[] } };
}
