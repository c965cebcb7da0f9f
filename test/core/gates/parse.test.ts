import { ConfigurationError } from '../../../packages/core/src/errors.js';
import { parseGate } from '../../../packages/core/src/gates/parse.js';

const rule = (text: string) => parseGate(text, '--gate #1').rule;

function parseError(text: string): string {
  try {
    parseGate(text, '--gate #1');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

describe('the gate language', () => {
  it('reads static bounds, with or without spaces', () => {
    expect(rule('accuracy >= 0.9')).toEqual({ kind: 'bound', op: '>=', value: 0.9 });
    expect(rule('latency_ms<=50')).toEqual({ kind: 'bound', op: '<=', value: 50 });
    expect(rule('x != -1e-3')).toEqual({ kind: 'bound', op: '!=', value: -0.001 });
  });

  it('reads ranges', () => {
    expect(rule('accuracy in [0.8, 1]')).toEqual({ kind: 'range', min: 0.8, max: 1 });
    expect(rule('accuracy between 0.8 and 1')).toEqual({ kind: 'range', min: 0.8, max: 1 });
  });

  it('reads changes against the baseline, absolute and relative', () => {
    expect(rule('accuracy drop <= 0.005')).toEqual({
      kind: 'change',
      measure: 'drop',
      op: '<=',
      value: 0.005,
      relative: false,
    });
    expect(rule('loss rise <= 2%')).toEqual({
      kind: 'change',
      measure: 'rise',
      op: '<=',
      value: 2,
      relative: true,
    });
    expect(rule('f1 regression < 1 %')).toEqual({
      kind: 'change',
      measure: 'regression',
      op: '<',
      value: 1,
      relative: true,
    });
    expect(rule('latency change <= 10%')).toEqual({
      kind: 'change',
      measure: 'change',
      op: '<=',
      value: 10,
      relative: true,
    });
    expect(rule('accuracy no regression')).toEqual({ kind: 'no-regression' });
  });

  it('reads statistical and paired rules with their options in any order', () => {
    expect(rule('accuracy no significant regression')).toEqual({
      kind: 'significant',
      alpha: 0.05,
      method: 'welch',
    });
    expect(rule('accuracy no significant regression by bootstrap at 0.01 beyond 0.5%')).toEqual({
      kind: 'significant',
      alpha: 0.01,
      method: 'bootstrap',
      minEffect: 0.5,
      minEffectRelative: true,
    });
    expect(rule('accuracy paired no significant regression using bootstrap at 0.1')).toEqual({
      kind: 'paired',
      alpha: 0.1,
      method: 'bootstrap',
    });
    expect(rule('accuracy no significant regression if untestable threshold beyond 0.01')).toEqual({
      kind: 'significant',
      alpha: 0.05,
      method: 'welch',
      minEffect: 0.01,
      minEffectRelative: false,
      untestable: 'threshold',
    });
    expect(rule('accuracy paired no significant regression if untestable neutral')).toEqual({
      kind: 'paired',
      alpha: 0.05,
      method: 'mcnemar',
      untestable: 'neutral',
    });
  });

  it('reads hygiene rules', () => {
    expect(rule('accuracy required')).toEqual({ kind: 'required' });
    expect(rule('loss finite')).toEqual({ kind: 'finite' });
    expect(rule('loss is finite')).toEqual({ kind: 'finite' });
  });

  it('reads the level, globs and quoted names', () => {
    expect(parseGate('warn: eval.*.f1 >= 0.5', 'x')).toMatchObject({ level: 'warn', selector: 'eval.*.f1' });
    expect(parseGate('FAIL: acc >= 0.5', 'x').level).toBe('fail');
    expect(parseGate('"macro avg.f1-score" >= 0.8', 'x').selector).toBe('macro avg.f1-score');
    expect(parseGate('delivery_count\\.agent_0 >= 1', 'x').selector).toBe('delivery_count\\.agent_0');
  });

  it('points at the column of a mistake and says what was expected', () => {
    expect(parseError('accuracy >== 0.9')).toBe(
      '--gate #1: gate "accuracy >== 0.9", column 12: expected a number after ">=", found "= 0.9"',
    );
    expect(parseError('accuracy drop 0.1')).toBe(
      '--gate #1: gate "accuracy drop 0.1", column 15: expected "<=" or "<" after "drop" (a limit on how much it may drop), found "0.1"',
    );
    expect(parseError('accuracy')).toMatch(/column 9: expected a rule: .* found the end of the gate$/);
    expect(parseError('accuracy bigger 3')).toMatch(/column 10: expected a rule: .*, found "bigger"$/);
    expect(parseError('')).toBe('--gate #1: gate "", column 1: expected a metric name, found nothing');
    expect(parseError('acc >= 0.9 please')).toMatch(
      /column 12: expected the end of the gate, found "please"/,
    );
  });

  it('refuses impossible limits', () => {
    expect(parseError('accuracy in [1, 0]')).toContain('the range [1, 0] is empty');
    expect(parseError('accuracy no significant regression at 2')).toContain(
      'column 39: the significance level must be above 0 and below 0.5',
    );
    // Issue #11: "at 0.5" was accepted here, then ended in exit 3 (an internal error).
    expect(parseError('accuracy no significant regression at 0.5')).toBe(
      '--gate #1: gate "accuracy no significant regression at 0.5", column 39: the significance level must be above 0 and below 0.5 (such as 0.05 or 0.01), found 0.5',
    );
    expect(parseError('accuracy paired no significant regression at 0')).toContain('found 0');
    expect(parseError('acc no significant regression if untestable threshold')).toContain(
      '"if untestable threshold" needs "beyond X"',
    );
    expect(parseError('acc paired no significant regression if untestable threshold')).toContain(
      'expected "fail" or "neutral", found "threshold"',
    );
    expect(parseError('acc no significant regression if broken')).toContain('expected "untestable"');
    expect(parseError('accuracy drop <= -1')).toContain('a drop limit cannot be negative');
    expect(parseError('"acc >= 1')).toContain('the quoted metric name has no closing quote');
    expect(parseError('acc no progress')).toContain(
      'expected "regression" or "significant regression" after "no", found "progress"',
    );
    expect(parseError('acc no significant regression by magic')).toContain(
      'expected "welch" or "bootstrap", found "magic"',
    );
  });
});
