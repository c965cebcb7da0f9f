import { inferDirection } from '../../../packages/core/src/gates/direction.js';
import { evaluateGates, type GateInput, type SideValues } from '../../../packages/core/src/gates/evaluate.js';
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

  it('fails a missing metric and suggests the one probably meant', () => {
    expect(one('acuracy >= 0.9', { accuracy: 0.95 })).toMatchObject({
      status: 'fail',
      reason: 'acuracy matches no metric of the pull request. Did you mean "accuracy"?',
    });
    expect(one('f1 >= 0.5', { acc: 1 }, { f1: 0.6 }).reason).toBe(
      "f1 is in the baseline but missing from the pull request's metrics.",
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
    expect(one('accuracy required', { f1: 0.1 }).status).toBe('fail');
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

  it('asks for a direction it cannot infer', () => {
    expect(one('custom no regression', { custom: 1 }, { custom: 2 })).toMatchObject({
      status: 'error',
      reason: expect.stringContaining('cannot tell whether higher or lower is better for custom'),
    });
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
    expect(one('accuracy drop <= 0.01', { accuracy: 0.5 }, { accuracy: NaN }).status).toBe('neutral');
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
  it('use the injected tests and map their verdicts', () => {
    const statistics = {
      repeats: () => ({
        verdict: 'regressed' as const,
        explanation: 'head is worse',
        method: 'welch',
        p: 0.001,
        ci: [0.01, 0.02] as [number, number],
      }),
    };
    expect(
      one(
        'accuracy no significant regression',
        { accuracy: [0.8, 0.81] },
        { accuracy: [0.9, 0.91] },
        { statistics },
      ),
    ).toMatchObject({
      status: 'fail',
      reason: 'head is worse',
      statistics: { method: 'welch', p: 0.001, ci: [0.01, 0.02], nBase: 2, nHead: 2 },
    });
  });

  it('say so when no statistics are available, and are neutral without predictions for paired tests', () => {
    expect(one('accuracy no significant regression', { accuracy: 1 }, { accuracy: 1 }).status).toBe('error');
    const statistics = {
      repeats: () => ({
        verdict: 'insufficient' as const,
        explanation: 'needs 2 runs per side',
        method: 'welch',
      }),
    };
    expect(
      one('accuracy no significant regression', { accuracy: 1 }, { accuracy: 1 }, { statistics }).status,
    ).toBe('neutral');
    expect(
      one('accuracy paired no significant regression', { accuracy: 1 }, { accuracy: 1 }, { statistics })
        .reason,
    ).toContain('a paired gate needs per-example predictions');
  });
});
