import { emptyConfig, parseConfig } from '../../../packages/core/src/config/config.js';
import { runComparison } from '../../../packages/core/src/compare/pipeline.js';
import { DocBuilder } from '../../../packages/core/src/doc-builder.js';
import { gateStatistics } from '../../../packages/core/src/gates/statistics.js';
import type { MetricsDoc } from '../../../packages/core/src/model.js';
import { createRandom } from '../../../packages/core/src/stats/random.js';

function run(metrics: Record<string, number>): MetricsDoc {
  const b = new DocBuilder('run.json', 'json');
  for (const [k, v] of Object.entries(metrics)) b.metric(k, v);
  return b.build();
}

// Issue #11: one gate "*_accuracy no significant regression" over 50 harmless metrics, 5 seeds per
// side, blocked 89.5% of harmless pull requests at alpha = 0.05 (and 31% at 0.01). With Holm's
// correction over the family it blocks at most alpha of them.
describe('family-wise error control over a glob gate (simulated harmless pull requests)', () => {
  const METRICS = 50;
  const SEEDS = 5;
  const rng = createRandom(11);
  const side = () =>
    Array.from({ length: SEEDS }, () =>
      run(
        Object.fromEntries(
          Array.from({ length: METRICS }, (_, m) => [`m${m}_accuracy`, 0.9 + 0.005 * rng.normal()]),
        ),
      ),
    );
  const blockedShare = (configText: string, prs: number) => {
    const config = configText === '' ? emptyConfig() : parseConfig(configText, '.mlci.yml');
    let blocked = 0;
    for (let i = 0; i < prs; i++) {
      const comparison = runComparison({
        head: { runs: side() },
        base: { runs: side() },
        config,
        statistics: gateStatistics(),
      });
      if (comparison.verdict.kind === 'failed') blocked++;
      if (i === 0) {
        expect(comparison.gates).toHaveLength(METRICS);
        expect(comparison.gates[0]!.statistics?.family).toEqual({
          size: METRICS,
          correction: configText.includes('none') ? 'none' : 'holm',
        });
      }
    }
    return blocked / prs;
  };

  it('blocks at most alpha of them with Holm (the default)', () => {
    const share = blockedShare('gates: ["*_accuracy no significant regression at 0.05"]\n', 600);
    // alpha = 5%; three standard errors of a 600-PR rate are 2.7 points.
    expect(share).toBeLessThan(0.05 + 0.027);
  });

  it('without correction nearly every harmless pull request is blocked (the defect, kept as a contrast)', () => {
    const share = blockedShare(
      'gates: ["*_accuracy no significant regression at 0.05"]\nstatistics: { correction: none }\n',
      100,
    );
    // 1 - 0.95^50 = 92%
    expect(share).toBeGreaterThan(0.8);
  });
});
