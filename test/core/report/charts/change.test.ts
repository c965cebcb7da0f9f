import { readMetricsPath } from '../../../../packages/core/src/readers/registry.js';
import { runComparison } from '../../../../packages/core/src/compare/pipeline.js';
import type { Comparison, MetricComparison } from '../../../../packages/core/src/compare/compare.js';
import { emptyConfig } from '../../../../packages/core/src/config/config.js';
import { parseGate } from '../../../../packages/core/src/gates/parse.js';
import { changeChart } from '../../../../packages/core/src/report/charts/change.js';
import { STATUS_COLORS } from '../../../../packages/core/src/report/charts/theme.js';

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
    const started = performance.now();
    const spec = changeChart(withMetrics(await churn(), metrics))!;
    expect(performance.now() - started).toBeLessThan(500);
    expect(spec.config.data.labels).toHaveLength(20);
    expect(spec.alt).toContain('the 20 largest of 1000');
  });
});
