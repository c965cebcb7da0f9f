import fc from 'fast-check';
import { mcnemarCounts, mcnemarTest } from '../../../packages/core/src/stats/mcnemar.js';
import type { McNemarCounts, McNemarResult } from '../../../packages/core/src/stats/mcnemar.js';
import { close, REF } from './reference.js';

function table(b: number, c: number, both = 10, neither = 5): McNemarCounts {
  return { bothCorrect: both, baseOnly: b, headOnly: c, neitherCorrect: neither };
}

function ok(r: ReturnType<typeof mcnemarTest>): McNemarResult {
  if (r.kind !== 'ok') throw new Error(JSON.stringify(r));
  return r;
}

describe("McNemar's exact test against scipy.stats.binomtest(b, b + c, 0.5)", () => {
  it('two-sided and "head worse" (alternative=greater) p values', () => {
    const failures = REF.mcnemar.flatMap((e) => {
      const r = ok(mcnemarTest(table(e.b, e.c)));
      return [
        close(r.pTwoSided, e.two_sided, 1e-9, 0, `two-sided b=${e.b} c=${e.c}`),
        close(r.pHeadWorse, e.head_worse, 1e-9, 0, `head worse b=${e.b} c=${e.c}`),
      ];
    });
    expect(failures.filter((f) => f !== '')).toEqual([]);
  });

  it('b + c = 0 gives p = 1 with a note', () => {
    const r = ok(mcnemarTest(table(0, 0)));
    expect(r).toMatchObject({ pTwoSided: 1, pHeadWorse: 1, pHeadBetter: 1, discordant: 0, diff: 0 });
    expect(r.note).toBeDefined();
  });

  it('reports accuracies and the mid-p variant', () => {
    const r = ok(mcnemarTest(table(7, 2, 80, 11)));
    expect(r.n).toBe(100);
    expect(r.accuracyBase).toBeCloseTo(0.87, 15);
    expect(r.accuracyHead).toBeCloseTo(0.82, 15);
    expect(r.diff).toBeCloseTo(-0.05, 15);
    // P(X >= 7 | 9, 1/2) = (36 + 9 + 1) / 512; mid-p = (9 + 1) / 512 + 36 / 1024
    expect(r.pHeadWorse).toBeCloseTo(46 / 512, 15);
    expect(r.midPHeadWorse).toBeCloseTo(10 / 512 + 18 / 512, 15);
    expect(r.midPTwoSided).toBeLessThan(r.pTwoSided);
  });

  it('counts a 2x2 table from per-example outcomes', () => {
    expect(mcnemarCounts([true, true, false, false, 1], [true, false, true, false, 0])).toEqual({
      bothCorrect: 1,
      baseOnly: 2,
      headOnly: 1,
      neitherCorrect: 1,
    });
    expect(mcnemarCounts([1, 0], [1])).toMatchObject({ kind: 'invalid' });
    expect(mcnemarCounts([1, 0.5], [1, 1])).toEqual({
      kind: 'invalid',
      error: 'base[1] is 0.5, expected 0/1 or a boolean',
    });
    expect(mcnemarTest(table(0, 0, 0, 0)).kind).toBe('insufficient');
    expect(mcnemarTest(table(-1, 0)).kind).toBe('invalid');
  });

  it('p values are in [0, 1] and swap when base and head swap (property)', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), (b, c) => {
        const r = ok(mcnemarTest(table(b, c)));
        const s = ok(mcnemarTest(table(c, b)));
        for (const p of [r.pTwoSided, r.pHeadWorse, r.pHeadBetter, r.midPTwoSided, r.midPHeadWorse]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        expect(r.pHeadWorse).toBe(s.pHeadBetter);
        expect(r.pTwoSided).toBe(s.pTwoSided);
      }),
      { numRuns: 200 },
    );
  });
});
