import { runComparison } from '../../../../packages/core/src/compare/pipeline.js';
import { emptyConfig } from '../../../../packages/core/src/config/config.js';
import { parseGate } from '../../../../packages/core/src/gates/parse.js';
import { historyTrend, trendEntries } from '../../../../packages/core/src/history.js';
import { emptyDoc, type MetricsDoc } from '../../../../packages/core/src/model.js';
import { planCharts } from '../../../../packages/core/src/report/charts/select.js';
import { gateStatistics } from '../../../../packages/core/src/gates/statistics.js';

const run = (accuracy: number): MetricsDoc => ({ ...emptyDoc(), metrics: { accuracy, loss: 1 - accuracy } });

// A steady branch: one run per commit, a run-to-run noise of about 0.01.
const WIGGLE = [0, 1, -1, 0.5, -0.5, 1.5, -1.5, 0, 1, -1, 0.5, -0.5];
const records = WIGGLE.map((z, i) => ({ label: `c${i}`, runs: [run(0.9 + 0.01 * z)] }));

describe('the history chart in a report: its band is the noise the statistics used', () => {
  it('takes each metric’s run-to-run noise from the comparison, and explains the band under the charts', () => {
    const head = [run(0.87), run(0.86)];
    const comparison = runComparison({
      head: { runs: head },
      base: { runs: [run(0.9)] },
      config: emptyConfig(),
      extraGates: [parseGate('accuracy no significant regression', '--gate #1')],
      statistics: gateStatistics(),
      history: records,
      historyLabel: '12 records of mlci-history:summary.json',
    });
    const noise = comparison.metrics.find((m) => m.key === 'accuracy')!.noise!;
    expect(noise.method).toBe('history');
    const sd = noise.history!.sd;
    expect(sd).toBeGreaterThan(0.005);

    const trend = historyTrend(records, ['accuracy'], 'label');
    const plan = planCharts({ comparison, head, history: trendEntries(trend), branch: 'main' });
    const chart = plan.specs.find((s) => s.file === 'history-accuracy.png')!;
    const ds = chart.config.data.datasets as unknown as Array<{ label: string; data: (number | null)[] }>;
    expect(ds.map((d) => d.label)).toEqual(['', '', 'accuracy', '']);
    // The pull request's point is the mean of its two runs, and its band is for a mean of two.
    const prDiamond = ds[3]!.data.at(-1)!;
    expect(prDiamond).toBeCloseTo(0.865, 12);
    const last5 = records.slice(-5).map((r) => r.runs[0]!.metrics.accuracy!);
    const centre = last5.reduce((a, b) => a + b, 0) / 5;
    expect(ds[0]!.data.at(-1)).toBeCloseTo(centre + 2 * sd * Math.sqrt(1 / 2 + 1 / 5), 12);
    expect(ds[1]!.data.at(-1)).toBeCloseTo(centre - 2 * sd * Math.sqrt(1 / 2 + 1 / 5), 12);
    expect(plan.notes).toContain(
      "The history chart's shaded band: where a point lands if nothing changed, the mean of the 5 commits before it ± 2 standard errors of the run-to-run noise that the statistics estimated from 12 records of the base branch (a point of n runs after m runs: 2σ√(1/n + 1/m)). About 1 point in 20 lands outside it by chance.",
    );
  });

  it('draws no band, and says nothing of one, when the comparison had no history', () => {
    const head = [run(0.87)];
    const comparison = runComparison({
      head: { runs: head },
      base: { runs: [run(0.9)] },
      config: emptyConfig(),
      extraGates: [parseGate('accuracy drop <= 0.05', '--gate #1')],
    });
    const plan = planCharts({
      comparison,
      head,
      history: trendEntries(historyTrend(records, ['accuracy'], 'label')),
    });
    const chart = plan.specs.find((s) => s.file === 'history-accuracy.png')!;
    expect(chart.config.data.datasets.map((d) => d.label)).toEqual(['accuracy', '']);
    expect(plan.notes.join(' ')).not.toContain('shaded band');
  });
});
