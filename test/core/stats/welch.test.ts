import fc from 'fast-check';
import { welchTest } from '../../../packages/core/src/stats/welch.js';
import type { WelchResult } from '../../../packages/core/src/stats/welch.js';
import { close, REF } from './reference.js';

function ok(r: ReturnType<typeof welchTest>): WelchResult {
  if (r.kind !== 'ok') throw new Error(`expected a result, got ${JSON.stringify(r)}`);
  return r;
}

describe("Welch's t-test against scipy.stats.ttest_ind(equal_var=False)", () => {
  // Tolerance 1e-9 relative. Absolute slack where the two programs round differently: t gets 1e-12
  // (sample 1 has equal means: scipy's t is -7e-15 of rounding noise, ours exactly 0 thanks to the
  // compensated mean), the intervals 1e-12 times the data's scale (the 1e6 + x sample).
  it.each(REF.welch.map((e, i) => [i, e] as const))('sample %i', (_i, e) => {
    const r95 = ok(welchTest(e.a, e.b, { level: 0.95 }));
    const r90 = ok(welchTest(e.a, e.b, { level: 0.9, direction: 'higher' }));
    const scale = Math.max(...e.a.map(Math.abs), ...e.b.map(Math.abs)) * 1e-12;
    const failures = [
      close(r95.t, e.t, 1e-9, 1e-12, 't'),
      close(r95.df, e.df, 1e-9, 0, 'df'),
      close(r95.pTwoSided, e.p_two_sided, 1e-9, 0, 'p two-sided'),
      close(r95.pLess, e.p_less, 1e-9, 0, 'p less'),
      close(r95.pGreater, e.p_greater, 1e-9, 0, 'p greater'),
      close(r95.ci[0], e.ci95[0], 1e-9, scale, 'ci95 low'),
      close(r95.ci[1], e.ci95[1], 1e-9, scale, 'ci95 high'),
      close(r90.ci[0], e.ci90[0], 1e-9, scale, 'ci90 low'),
      close(r90.ci[1], e.ci90[1], 1e-9, scale, 'ci90 high'),
      close(r90.pWorse!, e.p_less, 1e-9, 0, 'pWorse (higher is better -> less)'),
    ].filter((f) => f !== '');
    expect(failures).toEqual([]);
  });
});

describe("Welch's t-test: degenerate cases", () => {
  it('returns insufficient, not NaN, for fewer than 2 values on a side', () => {
    expect(welchTest([1], [1, 2, 3])).toEqual({
      kind: 'insufficient',
      reason: "Welch's t-test needs at least 2 values on each side to estimate their spread; got 1 and 3",
    });
    expect(welchTest([], []).kind).toBe('insufficient');
  });

  it('names the first non-finite value', () => {
    expect(welchTest([1, 2], [3, NaN])).toEqual({ kind: 'invalid', error: 'b[1] is NaN' });
    expect(welchTest([1, -Infinity], [3, 4])).toEqual({ kind: 'invalid', error: 'a[1] is -Infinity' });
  });

  it('compares exactly when both sides are constant', () => {
    const same = ok(welchTest([0.9, 0.9], [0.9, 0.9, 0.9], { direction: 'higher' }));
    expect(same).toMatchObject({ t: 0, pTwoSided: 1, pLess: 1, pGreater: 1, pWorse: 1, ci: [0, 0] });
    expect(same.note).toMatch(/constant and equal/);
    const lower = ok(welchTest([0.9, 0.9], [0.8, 0.8], { direction: 'higher' }));
    expect(lower).toMatchObject({ t: -Infinity, pTwoSided: 0, pLess: 0, pGreater: 1, pWorse: 0 });
    expect(lower.note).toMatch(/exact/);
  });

  it('uses the varying side when only one side is constant (df = n - 1 of that side)', () => {
    const r = ok(welchTest([1, 1, 1], [1, 2, 3, 4]));
    expect(r.df).toBeCloseTo(3, 12);
  });

  it('rejects a confidence level outside (0, 1)', () => {
    expect(() => welchTest([1, 2], [3, 4], { level: 1 })).toThrow(RangeError);
  });
});

const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 12 });

describe("Welch's t-test: properties", () => {
  it('p values lie in [0, 1] and the interval contains diff', () => {
    fc.assert(
      fc.property(sample, sample, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (a, b, level) => {
        const r = ok(welchTest(a, b, { level }));
        for (const p of [r.pTwoSided, r.pLess, r.pGreater]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        expect(r.ci[0]).toBeLessThanOrEqual(r.diff);
        expect(r.ci[1]).toBeGreaterThanOrEqual(r.diff);
      }),
      { numRuns: 200 },
    );
  });

  it('is antisymmetric: t(a, b) = -t(b, a), one-sided p values swap', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const ab = ok(welchTest(a, b));
        const ba = ok(welchTest(b, a));
        expect(ab.t).toBe(ab.t === 0 ? ba.t * -1 || 0 : -ba.t);
        expect(ab.df).toBe(ba.df);
        expect(ab.pLess).toBeCloseTo(ba.pGreater, 12);
        expect(ab.pTwoSided).toBeCloseTo(ba.pTwoSided, 12);
      }),
      { numRuns: 200 },
    );
  });

  it('is unchanged by shifting both samples', () => {
    fc.assert(
      fc.property(sample, sample, fc.double({ min: -100, max: 100, noNaN: true }), (a, b, shift) => {
        const r = ok(welchTest(a, b));
        const s = ok(
          welchTest(
            a.map((x) => x + shift),
            b.map((x) => x + shift),
          ),
        );
        if (r.se > 1e-6) expect(s.pTwoSided).toBeCloseTo(r.pTwoSided, 6);
      }),
      { numRuns: 100 },
    );
  });
});
