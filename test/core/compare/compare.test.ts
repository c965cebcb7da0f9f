import { readMetricsPath } from '../../../packages/core/src/readers/registry.js';
import { runComparison } from '../../../packages/core/src/compare/pipeline.js';
import { verdictOf } from '../../../packages/core/src/compare/compare.js';
import { emptyConfig, parseConfig } from '../../../packages/core/src/config/config.js';
import { parseGate } from '../../../packages/core/src/gates/parse.js';
import { DocBuilder } from '../../../packages/core/src/doc-builder.js';
import type { MetricsDoc, ParamValue } from '../../../packages/core/src/model.js';

const DVC = 'test/fixtures/real/dvc';

function run(metrics: Record<string, number>, params: Record<string, ParamValue> = {}): MetricsDoc {
  const b = new DocBuilder('run.json', 'json');
  for (const [k, v] of Object.entries(metrics)) b.metric(k, v);
  for (const [k, v] of Object.entries(params)) b.param(k, v);
  return b.build();
}

describe('comparing two revisions of a real DVC project', () => {
  it('gives the right deltas and statuses', async () => {
    const base = await readMetricsPath(`${DVC}/churn-metrics-nested-rev-c4404a0.json`);
    const head = await readMetricsPath(`${DVC}/churn-metrics-nested-rev-01b7b1c.json`);
    const comparison = runComparison({
      head: { runs: [head] },
      base: { runs: [base], label: 'main@c4404a0' },
      config: emptyConfig(),
      extraGates: [parseGate('roc_auc drop <= 0.005', '--gate #1')],
    });
    const byKey = Object.fromEntries(comparison.metrics.map((m) => [m.key, m]));
    expect(byKey.roc_auc).toEqual({
      key: 'roc_auc',
      base: 0.8653910482364984,
      head: 0.8569660599643794,
      delta: -0.00842498827212,
      deltaPercent: -0.973546963455,
      direction: 'higher',
      directionSource: 'name',
      status: 'regressed',
    });
    expect(byKey.f1!.status).toBe('improved');
    expect(byKey['f1_by_geo.France']).toMatchObject({
      base: 0.5,
      delta: expect.closeTo(head.metrics['f1_by_geo.France']! - 0.5, 12),
    });
    expect(comparison.verdict).toEqual({
      kind: 'failed',
      counts: { pass: 0, warn: 0, fail: 1, neutral: 0, error: 0 },
      summary: '1 of 1 check failed: roc_auc',
    });
    expect(comparison.base?.label).toBe('main@c4404a0');
    expect(comparison.schema).toBe('mlci/comparison');
  });
});

describe('metric statuses', () => {
  const compare = (base: Record<string, number>, head: Record<string, number>, configText = '') =>
    Object.fromEntries(
      runComparison({
        head: { runs: [run(head)] },
        base: { runs: [run(base)] },
        config: parseConfig(configText, '.mlci.yml'),
      }).metrics.map((m) => [m.key, m]),
    );

  it('marks added, removed, changed (no direction) and non-finite metrics', () => {
    const m = compare({ acc: 0.5, old: 1, custom: 1, loss: 0.3 }, { acc: 0.5, new: 2, custom: 2, loss: NaN });
    expect(m.acc!.status).toBe('unchanged');
    expect(m.old!.status).toBe('removed');
    expect(m.new!.status).toBe('added');
    expect(m.custom!.status).toBe('changed');
    expect(m.loss!.status).toBe('non-finite');
  });

  it('removes float noise from deltas', () => {
    expect(compare({ acc: 0.1 }, { acc: 0.3 }).acc!.delta).toBe(0.2);
  });

  it('honours configured directions and tolerances', () => {
    const config =
      'metrics:\n  custom: { direction: lower }\n  acc: { tolerance: 0.01 }\n  f1: { tolerance: 1% }\n';
    const m = compare({ custom: 2, acc: 0.9, f1: 0.5 }, { custom: 1, acc: 0.895, f1: 0.496 }, config);
    expect(m.custom).toMatchObject({ status: 'improved', direction: 'lower', directionSource: 'config' });
    expect(m.acc!.status).toBe('unchanged');
    expect(m.f1!.status).toBe('unchanged');
  });

  it('gives the intervals of repeats: each mean and the difference', () => {
    const comparison = runComparison({
      head: { runs: [run({ acc: 0.9 }), run({ acc: 0.92 }), run({ acc: 0.94 })] },
      base: { runs: [run({ acc: 0.88 }), run({ acc: 0.9 })] },
      config: emptyConfig(),
    });
    const repeats = comparison.metrics[0]!.repeats!;
    // scipy 1.17: stats.t.interval(0.95, 2, loc=0.92, scale=0.02/sqrt(3))
    expect(repeats.head!.ci![0]).toBeCloseTo(0.8703172457649935, 10);
    expect(repeats.head!.ci![1]).toBeCloseTo(0.9696827542350066, 10);
    // scipy 1.17: stats.ttest_ind(head, base, equal_var=False).confidence_interval(0.95)
    const noise = comparison.metrics[0]!.noise!;
    expect(noise).toMatchObject({ level: 0.95, method: 'welch' });
    expect(noise.ci[0]).toBeCloseTo(-0.01975467596410773, 10);
    expect(noise.ci[1]).toBeCloseTo(0.07975467596410757, 10);
    // The interval contains 0: the +0.03 is within noise, neither improved nor regressed.
    expect(comparison.metrics[0]!.status).toBe('within-noise');
  });

  // Issue #11: "the report calls noise a regression": any nonzero change was "regressed".
  it('calls a change regressed or improved only beyond noise', () => {
    const seeds = (...acc: number[]) => acc.map((a) => run({ acc: a, loss: 1 - a }));
    const noisy = runComparison({
      head: { runs: seeds(0.9, 0.96, 0.87) },
      base: { runs: seeds(0.92, 0.88, 0.9) },
      config: emptyConfig(),
    });
    expect(noisy.metrics.map((m) => m.status)).toEqual(['within-noise', 'within-noise']);
    const clear = runComparison({
      head: { runs: seeds(0.8, 0.81, 0.8) },
      base: { runs: seeds(0.9, 0.91, 0.9) },
      config: emptyConfig(),
    });
    expect(clear.metrics.map((m) => m.status)).toEqual(['regressed', 'regressed']);
  });

  it("tells single runs from noise with the base branch's history, and says when it cannot", () => {
    const history = [0.9, 0.903, 0.898, 0.901, 0.899, 0.902, 0.9, 0.897].map((acc, i) => ({
      label: `c${i}`,
      runs: [run({ acc })],
    }));
    const compareWith = (head: number, withHistory: boolean) =>
      runComparison({
        head: { runs: [run({ acc: head })] },
        base: { runs: [run({ acc: 0.9 })] },
        config: emptyConfig(),
        ...(withHistory ? { history } : {}),
      }).metrics[0]!;
    expect(compareWith(0.899, true)).toMatchObject({ status: 'within-noise', noise: { method: 'history' } });
    expect(compareWith(0.85, true).status).toBe('regressed');
    // Without history the noise is unknown: the change keeps its direction and no interval.
    const unknown = compareWith(0.899, false);
    expect(unknown.status).toBe('regressed');
    expect(unknown.noise).toBeUndefined();
  });

  it('summarises repeats with mean, sd and n', () => {
    const comparison = runComparison({
      head: { runs: [run({ acc: 0.9 }), run({ acc: 0.92 }), run({ acc: 0.94 })] },
      base: { runs: [run({ acc: 0.9 })] },
      config: emptyConfig(),
    });
    expect(comparison.metrics[0]).toMatchObject({
      head: expect.closeTo(0.92, 12),
      repeats: { head: { n: 3, sd: expect.closeTo(0.02, 12) }, base: { n: 1 } },
    });
  });

  it('lists params that changed, appeared or disappeared', () => {
    const comparison = runComparison({
      head: { runs: [run({}, { lr: 0.01, seed: 1, new: 'x' })] },
      base: { runs: [run({}, { lr: 0.1, seed: 1, gone: true })] },
      config: emptyConfig(),
    });
    expect(comparison.params).toEqual([
      { key: 'gone', base: true, status: 'removed' },
      { key: 'lr', base: 0.1, head: 0.01, status: 'changed' },
      { key: 'new', head: 'x', status: 'added' },
    ]);
  });

  it('says when there is no baseline at all', () => {
    const comparison = runComparison({
      head: { runs: [run({ acc: 1 })] },
      config: parseConfig('gates: ["acc >= 0.5", "acc no regression"]', 'c'),
    });
    expect(comparison.metrics[0]!.status).toBe('no-baseline');
    expect(comparison.base).toBeUndefined();
    expect(comparison.verdict).toMatchObject({
      kind: 'no-baseline',
      summary: "no baseline was found; 1 of 2 checks passed on the pull request's own numbers",
    });
  });
});

describe('the verdict', () => {
  const result = (status: 'pass' | 'warn' | 'fail' | 'neutral' | 'error', metric = 'm') => ({
    gate: parseGate(`${metric} >= 0`, 'x'),
    metric,
    status,
    reason: '',
  });
  it('fails on a failure or an error, warns, or passes and says what was neutral', () => {
    expect(verdictOf([result('pass'), result('fail', 'acc')], true).summary).toBe(
      '1 of 2 checks failed: acc',
    );
    expect(verdictOf([result('error', 'x')], true)).toMatchObject({
      kind: 'failed',
      summary: '1 could not be evaluated: x',
    });
    expect(verdictOf([result('pass'), result('warn', 'loss')], true)).toMatchObject({
      kind: 'passed-with-warnings',
      summary: 'no check failed; 1 warning: loss',
    });
    // Issue #11: neutral results are counted as such, never inside "passed".
    expect(verdictOf([result('pass'), result('neutral', 'f1')], true).summary).toBe(
      '1 of 2 checks passed; 1 not tested: f1',
    );
    expect(verdictOf([result('warn', 'loss'), result('neutral', 'f1')], true).summary).toBe(
      'no check failed; 1 warning: loss; 1 not tested: f1',
    );
    expect(verdictOf([], true).summary).toBe('no gates are configured');
  });

  // Issue #12: a maintainer's label accepts known regressions, and nothing else.
  it("a maintainer's acceptance passes failed gates, never an error or a baseline that could not be fetched", () => {
    const accepted = { by: 'alice', label: 'mlci: accept regression', head: 'a'.repeat(40) };
    expect(verdictOf([result('pass'), result('fail', 'acc')], true, undefined, accepted)).toEqual({
      kind: 'passed-with-warnings',
      counts: { pass: 1, warn: 0, fail: 1, neutral: 0, error: 0 },
      summary: 'accepted by @alice (label "mlci: accept regression"): 1 of 2 checks failed: acc',
    });
    expect(verdictOf([result('fail', 'acc'), result('error', 'x')], true, undefined, accepted).kind).toBe(
      'failed',
    );
    const unavailable = { kind: 'unavailable' as const, detail: 'main: 502' };
    expect(verdictOf([result('fail', 'acc')], false, unavailable, accepted).kind).toBe('failed');
    // Nothing failed: the acceptance has nothing to do and the verdict is the usual one.
    expect(verdictOf([result('pass')], true, undefined, accepted).kind).toBe('passed');
  });
});

describe('changed parameters leave out what names or times a run', () => {
  it('lists neither MLflow run ids, times and names nor its per-run system tags', async () => {
    const { readMetricsPath } = await import('../../../packages/core/src/readers/registry.js');
    const { runComparison } = await import('../../../packages/core/src/compare/pipeline.js');
    const { emptyConfig } = await import('../../../packages/core/src/config/config.js');
    const mlruns = 'test/fixtures/real/mlflow/packt-ch02-mlruns';
    const head = await readMetricsPath(mlruns, { run: '34e6c900bbec484aa32ca9a4827a0c85' });
    const base = await readMetricsPath(mlruns, { run: 'a7455f84da244022855a52b3921795f6' });
    expect(head.params['run.id']).not.toBe(base.params['run.id']);
    const comparison = runComparison({
      head: { runs: [head] },
      base: { runs: [base] },
      config: emptyConfig(),
    });
    const keys = comparison.params.map((p) => p.key);
    expect(keys.filter((k) => /^run\.(id|name|start_time|end_time)$/.test(k))).toEqual([]);
    expect(keys.some((k) => k.includes('git\\.commit') || k.endsWith('mlflow\\.user'))).toBe(false);
  });
});
