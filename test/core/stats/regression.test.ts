import fc from 'fast-check';
import { testPairedRegression, testRegression } from '../../../packages/core/src/stats/regression.js';

const base = [0.812, 0.815, 0.809, 0.811, 0.814];
const worse = [0.801, 0.799, 0.806, 0.803, 0.8];

describe('testRegression', () => {
  it('blocks a clear drop of accuracy with a plain sentence', () => {
    const r = testRegression({ base, head: worse, direction: 'higher', alpha: 0.05, method: 'welch' });
    expect(r.verdict).toBe('regressed');
    if (r.verdict === 'insufficient') throw new Error('unreachable');
    expect(r.ciLevel).toBeCloseTo(0.9, 15);
    expect(r.diff).toBeCloseTo(-0.0104, 12);
    expect(r.worsening).toBeCloseTo(0.0104, 12);
    expect(r.explanation).toBe(
      "head is worse by 0.0104 (90% CI 0.0073 to 0.0135), p = 0.00012 < 0.05 (Welch's t-test, n = 5 vs 5)",
    );
  });

  it('calls the mirror image an improvement, and a lower-is-better drop an improvement', () => {
    expect(
      testRegression({ base: worse, head: base, direction: 'higher', alpha: 0.05, method: 'welch' }).verdict,
    ).toBe('improved');
    const loss = testRegression({ base, head: worse, direction: 'lower', alpha: 0.05, method: 'welch' });
    expect(loss.verdict).toBe('improved');
    expect(loss.explanation).toMatch(/^head is better by 0\.0104/);
  });

  it('says not significant for noise', () => {
    const r = testRegression({
      base,
      head: [0.81, 0.812, 0.813, 0.808, 0.815],
      direction: 'higher',
      alpha: 0.05,
      method: 'welch',
    });
    expect(r.verdict).toBe('not-significant');
    expect(r.explanation).toMatch(/not significant/);
  });

  it('does not block a significant drop smaller than minEffect', () => {
    const r = testRegression({
      base,
      head: worse,
      direction: 'higher',
      alpha: 0.05,
      method: 'welch',
      minEffect: 0.02,
    });
    expect(r).toMatchObject({ verdict: 'not-significant', withinMinEffect: true, minEffect: 0.02 });
    expect(r.explanation).toMatch(/within the allowed 0.02/);
  });

  it('bootstrap agrees on a clear case and is reproducible', () => {
    const r = testRegression({
      base,
      head: worse,
      direction: 'higher',
      alpha: 0.05,
      method: 'bootstrap',
      seed: 9,
      resamples: 2000,
    });
    expect(r).toMatchObject({ verdict: 'regressed', seed: 9, resamples: 2000 });
    expect(
      testRegression({
        base,
        head: worse,
        direction: 'higher',
        alpha: 0.05,
        method: 'bootstrap',
        seed: 9,
        resamples: 2000,
      }),
    ).toEqual(r);
  });

  it('is insufficient, with a reason, for one run or a NaN', () => {
    expect(
      testRegression({ base: [0.8], head: worse, direction: 'higher', alpha: 0.05, method: 'welch' }),
    ).toMatchObject({
      verdict: 'insufficient',
      reason: 'too-few-values',
      n: { base: 1, head: 5 },
    });
    const nan = testRegression({
      base,
      head: [0.8, NaN],
      direction: 'higher',
      alpha: 0.05,
      method: 'bootstrap',
    });
    expect(nan).toMatchObject({ verdict: 'insufficient', reason: 'invalid-values' });
    expect(nan.explanation).toBe('cannot test: head[1] is NaN');
  });

  it('rejects nonsense parameters (programming errors, not data)', () => {
    expect(() =>
      testRegression({ base, head: worse, direction: 'higher', alpha: 0, method: 'welch' }),
    ).toThrow(RangeError);
    expect(() =>
      testRegression({ base, head: worse, direction: 'higher', alpha: 0.05, method: 'welch', minEffect: -1 }),
    ).toThrow(RangeError);
  });

  it('the verdict always agrees with the default interval (property)', () => {
    const sample = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(
        sample,
        sample,
        fc.constantFrom<'higher' | 'lower'>('higher', 'lower'),
        (b, h, direction) => {
          const r = testRegression({ base: b, head: h, direction, alpha: 0.05, method: 'welch' });
          if (r.verdict === 'insufficient') throw new Error('unexpected');
          expect(r.p).toBeGreaterThanOrEqual(0);
          expect(r.p).toBeLessThanOrEqual(1);
          expect(r.ci[0]).toBeLessThanOrEqual(r.diff);
          expect(r.ci[1]).toBeGreaterThanOrEqual(r.diff);
          // worse side of the interval entirely beyond 0 <=> regressed (up to rounding at the boundary)
          const worseBound = direction === 'higher' ? r.ci[1] : -r.ci[0];
          if (Math.abs(r.p - 0.05) > 1e-9) expect(r.verdict === 'regressed').toBe(worseBound < 0);
          expect(typeof r.explanation).toBe('string');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('testPairedRegression', () => {
  const n = 400;
  const baseCorrect = Array.from({ length: n }, (_, i) => i % 5 !== 0);
  const headCorrect = baseCorrect.map((c, i) => (i % 13 === 0 ? false : c));

  it('McNemar blocks a drop of accuracy on the same examples', () => {
    const r = testPairedRegression({
      base: baseCorrect,
      head: headCorrect,
      direction: 'higher',
      alpha: 0.05,
      method: 'mcnemar',
      resamples: 500,
    });
    expect(r.verdict).toBe('regressed');
    expect(r.explanation).toMatch(
      /^head is worse by 0\.0\d+ \(90% CI .*\), p .* \(McNemar's exact test, n = 400 examples\)$/,
    );
  });

  it('McNemar with identical predictions is not significant', () => {
    const r = testPairedRegression({
      base: baseCorrect,
      head: baseCorrect,
      direction: 'higher',
      alpha: 0.05,
      method: 'mcnemar',
      resamples: 500,
    });
    expect(r).toMatchObject({ verdict: 'not-significant', p: 1 });
  });

  it('paired bootstrap on per-example losses', () => {
    const loss = Array.from({ length: 200 }, (_, i) => 1 + Math.sin(i));
    const r = testPairedRegression({
      base: loss,
      head: loss.map((x, i) => x + 0.05 + 0.01 * Math.cos(i * 7)),
      direction: 'lower',
      alpha: 0.01,
      method: 'paired-bootstrap',
      resamples: 1000,
    });
    expect(r.verdict).toBe('regressed');
    expect(r.explanation).toMatch(/98% CI/);
  });

  it('bad paired input is insufficient with the reason', () => {
    expect(
      testPairedRegression({ base: [1, 0], head: [1], direction: 'higher', alpha: 0.05, method: 'mcnemar' }),
    ).toMatchObject({ verdict: 'insufficient', reason: 'invalid-values' });
    expect(
      testPairedRegression({ base: [], head: [], direction: 'higher', alpha: 0.05, method: 'mcnemar' }),
    ).toMatchObject({ verdict: 'insufficient', reason: 'too-few-values' });
  });
});
