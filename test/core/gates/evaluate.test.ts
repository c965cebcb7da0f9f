import { ConfigurationError } from '../../../packages/core/src/errors.js';
import { inferDirection } from '../../../packages/core/src/gates/direction.js';
import {
  evaluateGates,
  type GateInput,
  type GateStatistics,
  type SideValues,
} from '../../../packages/core/src/gates/evaluate.js';
import { gateStatistics } from '../../../packages/core/src/gates/statistics.js';
import type { RegressionDecided, RegressionResult } from '../../../packages/core/src/stats/regression.js';
import { parseGate } from '../../../packages/core/src/gates/parse.js';
import type { GateResult } from '../../../packages/core/src/gates/types.js';

function side(values: Record<string, number | number[]>): SideValues {
  return new Map(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
}

function evaluate(
  text: string,
  head: Record<string, number | number[]>,
  base?: Record<string, number | number[]>,
  extra: Partial<GateInput> = {},
): GateResult[] {
  const input: GateInput = { head: side(head), directionOf: inferDirection, ...extra };
  if (base !== undefined) input.base = side(base);
  return evaluateGates([parseGate(text, 'test')], input);
}
const one = (...args: Parameters<typeof evaluate>) => {
  const results = evaluate(...args);
  expect(results).toHaveLength(1);
  return results[0]!;
};

describe('static bounds and ranges', () => {
  it('passes and fails on the pull request’s own number', () => {
    expect(one('accuracy >= 0.9', { accuracy: 0.91 })).toMatchObject({
      status: 'pass',
      reason: '0.91 >= 0.9',
      head: 0.91,
    });
    expect(one('accuracy >= 0.9', { accuracy: 0.89 })).toMatchObject({
      status: 'fail',
      reason: '0.89 is below the minimum of 0.9',
    });
    expect(one('latency_ms <= 50', { latency_ms: 51 }).reason).toBe('51 is above the maximum of 50');
    expect(one('accuracy in [0, 1]', { accuracy: 1.2 })).toMatchObject({
      status: 'fail',
      reason: '1.2 is above the allowed range [0, 1]',
    });
  });

  it('only warns when the gate says so', () => {
    expect(one('warn: accuracy >= 0.9', { accuracy: 0.5 }).status).toBe('warn');
  });

  it('fails a NaN instead of letting a comparison with NaN pass silently', () => {
    expect(one('loss <= 1', { loss: NaN })).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('loss is NaN'),
    });
    expect(one('loss != 5', { loss: NaN }).status).toBe('fail');
  });

  // Issue #13: a gate naming a metric that does not exist exited 1 ("gate failed"), as if the
  // model were worse; the mistake is the configuration's (exit 2), and it says what was meant.
  it('refuses a gate that matches no metric, suggesting the ones probably meant', () => {
    expect(() => evaluate('acuracy >= 0.9', { accuracy: 0.95 })).toThrow(ConfigurationError);
    expect(() => evaluate('acuracy >= 0.9', { accuracy: 0.95 })).toThrow(
      'test: gate "acuracy >= 0.9" matches no metric; did you mean accuracy?\n' +
        'A gate that matches nothing would check nothing: fix the name, or write "<metric> required" for a metric that must be there.',
    );
    // Names from the baseline count too, and so does a glob; a warning gate is no exception.
    expect(() => evaluate('warn: eval.*.f1 >= 0.5', { acc: 1 }, { acc: 0.9 })).toThrow(
      'test: gate "warn: eval.*.f1 >= 0.5" matches no metric of the pull request or the baseline (their metrics: acc)',
    );
    expect(() => evaluate('acc_top1 >= 0.5', { val_acc_top1: 1 }, { acc_top: 0.9 })).toThrow(
      /matches no metric; did you mean acc_top, val_acc_top1\?/,
    );
  });

  it('names every gate that matches nothing in one message', () => {
    const input: GateInput = { head: side({ accuracy: 0.9 }), directionOf: inferDirection };
    expect(() =>
      evaluateGates([parseGate('acc >= 0.9', '--gate #1'), parseGate('f1 >= 0.5', '--gate #2')], input),
    ).toThrow(
      /^--gate #1: gate "acc >= 0.9" matches no metric; did you mean accuracy\?\n--gate #2: gate "f1 >= 0.5" matches no metric/,
    );
  });

  it('fails a metric the baseline has and the head lacks: a regression, not a mistake', () => {
    expect(one('f1 >= 0.5', { acc: 1 }, { f1: 0.6 })).toMatchObject({
      status: 'fail',
      metric: 'f1',
      base: 0.6,
      reason: 'f1 is missing from the head, though the baseline has it (0.6)',
    });
    expect(one('warn: f1 no regression', { acc: 1 }, { f1: 0.6 }).status).toBe('warn');
    // A glob: each key of the baseline that the head lacks fails on its own line.
    const results = evaluate(
      'eval.*.f1 >= 0.5',
      { 'eval.val.f1': 0.6 },
      { 'eval.val.f1': 0.6, 'eval.test.f1': 0.7 },
    );
    expect(results.map((r) => [r.metric, r.status])).toEqual([
      ['eval.val.f1', 'pass'],
      ['eval.test.f1', 'fail'],
    ]);
    expect(results[1]!.reason).toBe(
      'eval.test.f1 is missing from the head, though the baseline has it (0.7)',
    );
  });

  it('evaluates every metric a glob matches', () => {
    const results = evaluate('eval.*.f1 >= 0.5', {
      'eval.val.f1': 0.6,
      'eval.test.f1': 0.4,
      'train.f1': 0.1,
    });
    expect(results.map((r) => [r.metric, r.status])).toEqual([
      ['eval.test.f1', 'fail'],
      ['eval.val.f1', 'pass'],
    ]);
  });
});

describe('hygiene', () => {
  it('requires presence and finiteness', () => {
    expect(one('accuracy required', { accuracy: 0.1 }).status).toBe('pass');
    // "required" asserts presence: a missing metric fails it (exit 1), it is no configuration error.
    expect(one('accuracy required', { f1: 0.1 })).toMatchObject({
      status: 'fail',
      reason: 'accuracy is missing: the gate requires it',
    });
    expect(one('acuracy required', { accuracy: 0.1 }).reason).toBe(
      'acuracy is missing: the gate requires it; did you mean accuracy?',
    );
    expect(one('eval.* required', { f1: 0.1 }, { 'eval.f1': 0.2 })).toMatchObject({
      status: 'fail',
      metric: 'eval.f1',
      reason: 'eval.f1 is missing from the head, though the baseline has it (0.2)',
    });
    expect(one('eval.* required', { f1: 0.1 }).reason).toBe(
      'eval.* matches no metric: the gate requires one',
    );
    expect(one('loss finite', { loss: Infinity })).toMatchObject({
      status: 'fail',
      reason: 'loss is Infinity',
    });
    expect(one('loss finite', { loss: [0.1, NaN, 0.2] }).reason).toBe('loss is NaN in 1 of 3 runs');
  });
});

describe('changes against the baseline', () => {
  it('measures a drop without float noise at the limit', () => {
    // 0.9 - 0.895 is 0.0050000000000000044 in binary floating point: exactly at the limit for a person.
    expect(one('accuracy drop <= 0.005', { accuracy: 0.895 }, { accuracy: 0.9 })).toMatchObject({
      status: 'pass',
      observed: 0.005,
    });
    expect(one('accuracy drop <= 0.005', { accuracy: 0.894 }, { accuracy: 0.9 })).toMatchObject({
      status: 'fail',
      reason: '0.9 → 0.894 (-0.006, -0.67%): dropped by 0.006, more than the allowed 0.005',
    });
  });

  it('measures a relative rise', () => {
    expect(one('loss rise <= 2%', { loss: 0.51 }, { loss: 0.5 })).toMatchObject({
      status: 'pass',
      observed: 2,
    });
    expect(one('loss rise <= 2%', { loss: 0.52 }, { loss: 0.5 })).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('rose by 4%, more than the allowed 2%'),
    });
    expect(one('loss rise <= 2%', { loss: 0.4 }, { loss: 0.5 }).reason).toBe(
      '0.5 → 0.4 (-0.1, -20%): it did not rise',
    );
  });

  it('knows which way is worse for "regression" and "no regression"', () => {
    expect(one('loss regression <= 0.01', { loss: 0.52 }, { loss: 0.5 }).status).toBe('fail');
    expect(one('accuracy regression <= 0.01', { accuracy: 0.52 }, { accuracy: 0.5 }).status).toBe('pass');
    expect(one('accuracy no regression', { accuracy: 0.49 }, { accuracy: 0.5 }).status).toBe('fail');
    expect(one('loss no regression', { loss: 0.49 }, { loss: 0.5 }).status).toBe('pass');
  });

  // Issue #11: a gate that needs the direction of a metric whose name does not say is a
  // configuration error (exit 2), naming the metric and the line to add to .mlci.yml.
  it('refuses to guess a direction: a configuration error with the line to add', () => {
    expect(() => evaluate('custom no regression', { custom: 1 }, { custom: 2 })).toThrow(ConfigurationError);
    expect(() => evaluate('custom no regression', { custom: 1 }, { custom: 2 })).toThrow(
      'test: gate "custom no regression" needs to know whether higher or lower is better for custom\n' +
        'mlci does not guess a direction that a name does not make clear. Add to .mlci.yml:\n' +
        '  metrics:\n' +
        '    custom: { direction: higher }   # or lower\n' +
        'or pass --direction custom=higher (or =lower) on the command line.',
    );
    // Even without a baseline: the mistake is in the configuration, not in this run.
    expect(() => evaluate('custom_* no significant regression', { custom_a: 1, custom_b: 2 })).toThrow(
      /for custom_a, custom_b\n/,
    );
    // Rules that do not speak of "worse" need no direction.
    expect(one('custom drop <= 1', { custom: 1 }, { custom: 2 }).status).toBe('pass');
    expect(
      one('custom no regression', { custom: 1 }, { custom: 2 }, { directionOf: () => 'lower' }).status,
    ).toBe('pass');
  });

  it('is neutral, never silently passing, without a baseline', () => {
    expect(one('accuracy drop <= 0.01', { accuracy: 0.5 })).toMatchObject({
      status: 'neutral',
      reason: 'no baseline was found, so there is nothing to compare with',
    });
    expect(one('accuracy drop <= 0.01', { accuracy: 0.5 }, { f1: 1 }).reason).toBe(
      'the baseline has no accuracy, so there is nothing to compare with',
    );
  });

  // Issue #16: a change of a drift metric is never measurable without a baseline that measured it.
  it('fails a change gate on a data metric without a baseline, instead of leaving it neutral', () => {
    expect(one('drift.share rise <= 0.1', { 'drift.share': 0.6 })).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining(
        'there is no baseline, so a change of drift.share cannot be measured: drift and data metrics describe',
      ),
    });
    expect(one('warn: data.rows drop <= 10%', { 'data.rows': 100 }).status).toBe('warn');
  });

  // Issue #11: "one base seed NaN with a 45-point drop" passed. A broken baseline fails closed.
  it('fails, never passes, when the baseline is NaN in any run', () => {
    expect(one('accuracy drop <= 0.01', { accuracy: 0.5 }, { accuracy: NaN })).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining("the baseline's accuracy is NaN, so a change cannot be measured"),
    });
    expect(
      one('accuracy drop <= 0.01', { accuracy: [0.5, 0.5] }, { accuracy: [0.95, NaN, 0.95] }).reason,
    ).toContain('is NaN in 1 of 3 runs');
  });

  it('treats any change from a zero baseline as infinitely large in percent', () => {
    expect(one('errors rise <= 50%', { errors: 1 }, { errors: 0 })).toMatchObject({
      status: 'fail',
      observed: Infinity,
    });
    expect(one('errors rise <= 50%', { errors: 0 }, { errors: 0 }).status).toBe('pass');
  });

  it('compares the means of repeats', () => {
    expect(one('accuracy drop <= 0.01', { accuracy: [0.9, 0.92] }, { accuracy: [0.91, 0.91] })).toMatchObject(
      { status: 'pass', base: 0.91, head: 0.91 },
    );
  });
});

describe('statistical gates', () => {
  const decided = (p: number, alpha = 0.05): RegressionDecided => ({
    verdict: p <= alpha ? 'regressed' : 'not-significant',
    method: 'welch',
    direction: 'higher',
    alpha,
    n: { base: 2, head: 2 },
    p,
    pBetter: 1 - p,
    diff: -0.1,
    worsening: 0.1,
    ci: [-0.2, 0.01],
    ciLevel: 1 - 2 * alpha,
    mean: { base: 0.9, head: 0.8 },
    explanation: 'head is worse',
  });
  const stub = (result: RegressionResult): GateStatistics => ({ repeats: () => ({ result }) });

  it('use the injected tests and map their verdicts', () => {
    expect(
      one(
        'accuracy no significant regression',
        { accuracy: [0.8, 0.81] },
        { accuracy: [0.9, 0.91] },
        { statistics: stub(decided(0.001)) },
      ),
    ).toMatchObject({
      status: 'fail',
      reason: "head is worse by 0.10 (90% CI -0.01 to 0.20), p = 0.001 < 0.05 (Welch's t-test, n = 2 vs 2)",
      statistics: {
        method: "Welch's t-test",
        p: 0.001,
        pAdjusted: 0.001,
        alpha: 0.05,
        family: { size: 1, correction: 'holm' },
        ci: [-0.2, 0.01],
        nBase: 2,
        nHead: 2,
      },
    });
  });

  it('say so when no statistics are available, and fail without predictions for paired tests', () => {
    expect(one('accuracy no significant regression', { accuracy: 1 }, { accuracy: 1 }).status).toBe('error');
    const paired = one(
      'accuracy paired no significant regression',
      { accuracy: 1 },
      { accuracy: 1 },
      {
        statistics: stub(decided(0.5)),
      },
    );
    expect(paired).toMatchObject({ status: 'fail', statistics: { untestable: 'fail' } });
    expect(paired.reason).toContain('a paired gate needs per-example predictions');
  });

  // Issue #11: "untestable gates pass silently": one run per side with accuracy 0.95 -> 0.50 passed.
  describe('that cannot test', () => {
    const statistics = gateStatistics();
    const single = (text: string, extra: Partial<GateInput> = {}) =>
      one(text, { accuracy: 0.5 }, { accuracy: 0.95 }, { statistics, ...extra });

    it('fail by default, and say what to do', () => {
      const r = single('accuracy no significant regression');
      expect(r).toMatchObject({ status: 'fail', statistics: { untestable: 'fail' } });
      expect(r.reason).toContain(
        'not enough data to test: a statistical gate needs at least 2 runs on each side',
      );
      expect(r.reason).toContain('A gate that cannot test does not pass');
      expect(r.reason).toContain('"if untestable neutral"');
    });

    it('are neutral, counted as not tested, when the gate or the config says so', () => {
      expect(single('accuracy no significant regression if untestable neutral')).toMatchObject({
        status: 'neutral',
        statistics: { untestable: 'neutral' },
        reason: expect.stringMatching(/^not tested \(not enough data to test: /),
      });
      expect(single('accuracy no significant regression', { policy: { untestable: 'neutral' } }).status).toBe(
        'neutral',
      );
      // The gate's own words win over the config.
      expect(
        single('accuracy no significant regression if untestable fail', { policy: { untestable: 'neutral' } })
          .status,
      ).toBe('fail');
    });

    it('compare the means with "beyond X" when set to threshold', () => {
      expect(single('accuracy no significant regression beyond 0.01 if untestable threshold')).toMatchObject({
        status: 'fail',
        observed: 0.45,
        reason: expect.stringContaining(
          'compared the means with the allowed 0.01 instead: 0.95 → 0.5, worse by 0.45, more than the allowed 0.01',
        ),
      });
      expect(
        one(
          'accuracy no significant regression beyond 1% if untestable threshold',
          { accuracy: 0.945 },
          { accuracy: 0.95 },
          { statistics },
        ).status,
      ).toBe('pass');
      // A config-wide threshold without "beyond X" has no threshold: it fails.
      const r = single('accuracy no significant regression', { policy: { untestable: 'threshold' } });
      expect(r).toMatchObject({ status: 'fail', statistics: { untestable: 'fail' } });
      expect(r.reason).toContain('needs "beyond X"');
    });

    // Issue #11: one NaN in the per-example "correct" column with a 30-point drop passed.
    it('fail on a non-finite repeat: hygiene, not "insufficient"', () => {
      const r = one(
        'accuracy no significant regression if untestable neutral',
        { accuracy: [0.5, 0.52, 0.51] },
        { accuracy: [0.95, 0.96, 0.95] },
        {
          statistics: stub({
            ...decided(1),
            verdict: 'insufficient',
            reason: 'invalid-values',
            explanation: 'cannot test: head[1] is NaN',
          } as RegressionResult),
        },
      );
      expect(r).toMatchObject({ status: 'fail' });
      expect(r.reason).toBe(
        'cannot test: head[1] is NaN: a run diverged or logged a broken value, and a statistical gate fails on it rather than skip the test',
      );
    });
  });

  // Issue #11: "*_accuracy no significant regression" over 50 harmless metrics blocked 89.5% of
  // harmless pull requests at alpha = 0.05. Corrected together, it blocks at most alpha of them.
  describe('corrected together as one family', () => {
    const ps = [0.001, 0.02, 0.03, 0.04, 0.6];
    const head = Object.fromEntries(ps.map((_, i) => [`m${i}_accuracy`, [0.8, 0.81]]));
    const base = Object.fromEntries(ps.map((_, i) => [`m${i}_accuracy`, [0.9, 0.91]]));
    const byMetric: GateStatistics = {
      repeats: (_rule, b, h) => ({
        result: decided(ps[Object.values(head).indexOf(h)] ?? ps[Object.values(base).indexOf(b)]!),
      }),
    };
    const statuses = (extra: Partial<GateInput>) =>
      evaluate('*_accuracy no significant regression', head, base, { statistics: byMetric, ...extra }).map(
        (r) => r.status,
      );

    it('Holm by default: only what survives the correction blocks', () => {
      const results = evaluate('*_accuracy no significant regression', head, base, { statistics: byMetric });
      expect(results.map((r) => r.status)).toEqual(['fail', 'pass', 'pass', 'pass', 'pass']);
      expect(results[0]!.statistics).toMatchObject({
        p: 0.001,
        pAdjusted: 0.005,
        family: { size: 5, correction: 'holm' },
      });
      expect(results[1]!.reason).toContain('p = 0.02, adjusted 0.08 (Holm, 5 tests) ≥ 0.05, not significant');
    });

    it('bonferroni, bh and none on request', () => {
      expect(statuses({ policy: { correction: 'bonferroni' } })).toEqual([
        'fail',
        'pass',
        'pass',
        'pass',
        'pass',
      ]);
      // Benjamini–Hochberg: 0.04 is the 4th smallest of 5, and 0.04 * 5 / 4 = 0.05.
      expect(statuses({ policy: { correction: 'bh' } })).toEqual(['fail', 'fail', 'fail', 'fail', 'pass']);
      expect(statuses({ policy: { correction: 'none' } })).toEqual(['fail', 'fail', 'fail', 'fail', 'pass']);
    });

    it('keeps warning gates in a family of their own', () => {
      const results = evaluateGates(
        [
          parseGate('m0_accuracy no significant regression', 'a'),
          parseGate('warn: m1_accuracy no significant regression', 'b'),
        ],
        { head: side(head), base: side(base), directionOf: inferDirection, statistics: byMetric },
      );
      expect(results.map((r) => [r.status, r.statistics?.family?.size])).toEqual([
        ['fail', 1],
        ['warn', 1],
      ]);
    });
  });
});
