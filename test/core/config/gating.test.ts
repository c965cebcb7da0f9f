import { parseConfig } from '../../../packages/core/src/config/config.js';
import { diffConfigs, gatingConfig } from '../../../packages/core/src/config/gating.js';

const base = parseConfig(
  `files: [metrics.json]
gates:
  - accuracy >= 0.9
  - accuracy drop <= 0.01
  - warn: loss rise <= 5%
metrics:
  accuracy: { direction: higher, percent: true }
  custom: { tolerance: 0.5% }
statistics: { correction: holm }
`,
  'main@abc1234:.mlci.yml',
);

describe('the rules that judge a pull request come from its base', () => {
  it("takes the base's gates, metric settings and statistics, and the pull request's files and report", () => {
    const head = parseConfig(
      `files: [out/metrics.json]
gates:
  - accuracy >= 0.5
metrics:
  accuracy: { direction: lower }
statistics: { untestable: neutral }
report: { title: mine }
`,
      '.mlci.yml',
    );
    const config = gatingConfig(base, head);
    expect(config.gates.map((g) => `${g.level} ${g.text}`)).toEqual([
      'fail accuracy >= 0.9',
      'fail accuracy drop <= 0.01',
      'warn loss rise <= 5%',
    ]);
    expect(config.metrics).toBe(base.metrics);
    expect(config.statistics).toEqual({ correction: 'holm', untestable: 'fail', historyWindow: 30 });
    expect(config.files).toEqual([{ path: 'out/metrics.json' }]);
    expect(config.report.title).toBe('mine');
    expect(config.file).toBe('.mlci.yml');
  });

  it('lists what the pull request loosens or tightens: gates by text, directions, tolerances, statistics', () => {
    const head = parseConfig(
      `gates:
  - accuracy >= 0.9
  - accuracy drop <= 0.5
  - loss rise <= 5%
metrics:
  accuracy: { direction: lower, percent: true }
  custom: { tolerance: 5% }
statistics: { correction: none, untestable: neutral }
`,
      '.mlci.yml',
    );
    expect(diffConfigs(base, head, 'main@abc1234')).toEqual({
      from: 'main@abc1234',
      gatesAdded: ['accuracy drop <= 0.5', 'loss rise <= 5%'],
      gatesRemoved: ['accuracy drop <= 0.01', 'warn: loss rise <= 5%'],
      settings: [
        'metrics.accuracy.direction: higher → lower',
        'metrics.custom.tolerance: 0.5% → 5%',
        'statistics.correction: holm → none',
        'statistics.untestable: fail → neutral',
      ],
    });
  });

  // Issue #13: whether a metric is written in percent decides what `top1 >= 90%` means.
  it('lists a change of a metric to or from percent', () => {
    const head = parseConfig(
      `files: [metrics.json]
gates:
  - accuracy >= 0.9
  - accuracy drop <= 0.01
  - warn: loss rise <= 5%
metrics:
  accuracy: { direction: higher, percent: true }
  custom: { tolerance: 0.5% }
  top1: { unit: percent }
  latency_ms: { unit: ms }
statistics: { correction: holm }
`,
      '.mlci.yml',
    );
    expect(diffConfigs(base, head, 'main@abc1234')?.settings).toEqual([
      'metrics.top1.unit: (not set) → percent',
    ]);
  });

  // Issue #16: the base's drift settings judge a pull request too, so loosening them is shown.
  it('lists the drift settings a pull request changes, not its own data path or seed', () => {
    const withDrift = (drift: string) => parseConfig(`files: [metrics.json]\n${drift}`, '.mlci.yml');
    const before = withDrift(
      'drift:\n  reference: data/train.csv\n  current: data/prod.csv\n  alpha: 0.05\n',
    );
    const after = withDrift(
      'drift:\n  reference: data/old.csv\n  current: data/other.csv\n  alpha: 1e-300\n  missing-values: ["?", "age=-1"]\n  seed: 9\n',
    );
    expect(diffConfigs(before, after, 'main@abc1234')?.settings).toEqual([
      'drift.reference: data/train.csv → data/old.csv',
      'drift.missing-values: (not set) → ?, age=-1',
      'drift.alpha: 0.05 → 1e-300',
    ]);
    expect(diffConfigs(withDrift(''), after, 'main@abc1234')?.settings[0]).toBe(
      'drift: (not set) → a drift: section, which judges once merged',
    );
    expect(diffConfigs(before, before, 'main@abc1234')).toBeUndefined();
  });

  it('finds no change in the same rules written differently (a warn: mapping, display settings, order of keys)', () => {
    const same = parseConfig(
      `gates:
  - accuracy >= 0.9
  - metric: accuracy
    rule: drop <= 0.01
  - warn: loss rise <= 5%
metrics:
  custom: { tolerance: 0.5%, precision: 3 }
  accuracy: { direction: higher }
`,
      '.mlci.yml',
    );
    expect(diffConfigs(base, same, 'main@abc1234')).toBeUndefined();
  });
});
