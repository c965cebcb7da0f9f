import fc from 'fast-check';
import { betaQuantile } from '../../../packages/core/src/stats/distributions.js';
import { mcnemarCounts, mcnemarInterval, mcnemarTest } from '../../../packages/core/src/stats/mcnemar.js';
import type {
  McNemarCounts,
  McNemarIntervalResult,
  McNemarResult,
} from '../../../packages/core/src/stats/mcnemar.js';
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

/** b + c disagreements among n examples (n >= b + c; the rest agree, right or wrong). */
function tableN(b: number, c: number, n: number): McNemarCounts {
  const agree = n - b - c;
  return {
    bothCorrect: agree - Math.floor(agree / 3),
    baseOnly: b,
    headOnly: c,
    neitherCorrect: Math.floor(agree / 3),
  };
}

function withCi(r: ReturnType<typeof mcnemarInterval>): McNemarIntervalResult {
  if (r.kind !== 'ok') throw new Error(JSON.stringify(r));
  return r;
}

/** The next double above (direction 1) or below (-1) a positive finite x. */
function nextDouble(x: number, direction: 1 | -1): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(direction));
  return view.getFloat64(0);
}

/**
 * The rule under test, for one table and one alpha: each one-sided exact p is <= alpha exactly
 * when the interval excludes 0 on that side, the two-sided p <= 2 alpha exactly when it excludes 0
 * at all; and the bounds are the Clopper–Pearson bounds up to rounding (so agreement is never
 * bought by moving a bound further than that).
 */
function checkAgreement(r: McNemarIntervalResult): void {
  const { baseOnly: b, headOnly: c } = r.counts;
  const { alpha, ci } = r;
  const context = `b=${b} c=${c} n=${r.n} alpha=${alpha} pWorse=${r.pHeadWorse} pBetter=${r.pHeadBetter} ci=${ci}`;
  expect([context, r.pHeadWorse <= alpha]).toEqual([context, ci[1] < 0]);
  expect([context, r.pHeadBetter <= alpha]).toEqual([context, ci[0] > 0]);
  expect([context, r.pTwoSided <= 2 * alpha]).toEqual([context, ci[0] > 0 || ci[1] < 0]);
  expect(r.pTwoSided).toBe(Math.min(1, 2 * Math.min(r.pHeadWorse, r.pHeadBetter)));
  expect(ci[0]).toBeLessThanOrEqual(r.diff);
  expect(ci[1]).toBeGreaterThanOrEqual(r.diff);
  const scale = r.discordant / r.n;
  const upper = b === 0 ? scale : scale * (1 - 2 * betaQuantile(alpha, b, c + 1));
  const lower = c === 0 ? -scale : scale * (2 * betaQuantile(alpha, c, b + 1) - 1);
  expect(Math.abs(ci[1] - upper)).toBeLessThanOrEqual(1e-12 * scale);
  expect(Math.abs(ci[0] - lower)).toBeLessThanOrEqual(1e-12 * scale);
}

describe("McNemar's exact interval (Clopper–Pearson for b / (b + c), mapped to the difference)", () => {
  it('matches scipy.stats.binomtest(b, b + c).proportion_ci(level, method="exact")', () => {
    expect(REF.mcnemar_ci.length).toBeGreaterThan(100);
    const failures = REF.mcnemar_ci.flatMap((e) => {
      const r = withCi(mcnemarInterval(tableN(e.b, e.c, e.n), e.level));
      const what = `b=${e.b} c=${e.c} n=${e.n} level=${e.level}`;
      const scale = (e.b + e.c) / e.n;
      return [
        // pi: the upper end is 1 - (a lower end), so it is exact to 1e-16 absolute, not relative.
        close(r.piCi[0], e.low, 1e-11, 1e-15, `pi low ${what}`),
        close(r.piCi[1], e.high, 1e-11, 1e-15, `pi high ${what}`),
        // scipy solves with brentq to 2e-12 absolute
        close(r.piCi[0], e.scipy_low, 0, 1e-11, `scipy pi low ${what}`),
        close(r.piCi[1], e.scipy_high, 0, 1e-11, `scipy pi high ${what}`),
        // near 0 the bound is a difference, (m / n)(1 - 2 pi): absolute error ~ pi's error * m / n
        close(r.ci[0], e.diff_low, 1e-11, 1e-13 * scale, `diff low ${what}`),
        close(r.ci[1], e.diff_high, 1e-11, 1e-13 * scale, `diff high ${what}`),
      ];
    });
    expect(failures.filter((f) => f !== '')).toEqual([]);
  });

  it('keeps the test result and reports level and alpha', () => {
    const r = withCi(mcnemarInterval(table(7, 2, 80, 11), 0.9));
    expect(r).toMatchObject(ok(mcnemarTest(table(7, 2, 80, 11))));
    expect(r.level).toBe(0.9);
    expect(r.alpha).toBe((1 - 0.9) / 2);
    const s = withCi(mcnemarInterval(table(7, 2, 80, 11), { alpha: 0.05 }));
    expect(s.alpha).toBe(0.05);
    expect(s.level).toBe(0.9);
  });

  it('agrees with the exact p values for every table and alpha (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(300),
        fc.nat(300),
        fc.nat(2000),
        fc.oneof(
          fc.double({ min: 1e-12, max: 0.5, maxExcluded: true, noNaN: true }),
          fc.double({ min: -300, max: -12, noNaN: true }).map((e) => 10 ** e),
          fc.constantFrom(0.05, 0.025, 0.01, 0.005, 0.1, 0.25, 0.4999999999999999),
        ),
        (b, c, extra, alpha) => {
          checkAgreement(withCi(mcnemarInterval(tableN(b, c, b + c + extra), { alpha })));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees at the boundary: alpha exactly p, and one double either side (property)', () => {
    // Where p = alpha the exact Clopper–Pearson bound is 0 itself; the p value decides
    // (p <= alpha: significant), and the bound is placed just beyond 0 to agree.
    let boundaryCases = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(300), fc.nat(200), (b, c, extra) => {
        const t = tableN(b, c, b + c + extra);
        const test = ok(mcnemarTest(t));
        for (const p of [test.pHeadWorse, test.pHeadBetter]) {
          for (const alpha of [p, nextDouble(p, 1), nextDouble(p, -1)]) {
            if (!(alpha > 0 && alpha < 0.5)) continue;
            boundaryCases++;
            const r = withCi(mcnemarInterval(t, { alpha }));
            checkAgreement(r);
            // and through a level, which rounds alpha: the result reports the alpha it used (a level
            // cannot express alpha < 2^-54: 1 - 2 alpha rounds to 1)
            if (1 - 2 * alpha < 1) checkAgreement(withCi(mcnemarInterval(t, 1 - 2 * alpha)));
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(boundaryCases).toBeGreaterThan(100);
  });

  it('at alpha = 2^-k with every disagreement one way (exact p = 2^-m), the computed p decides', () => {
    // At k = m, p = alpha in exact arithmetic, but the computed p is not always exactly 2^-m
    // (m = 2 gives 0.2500000000000003): whichever side of alpha the computed p falls on decides,
    // and the interval follows it. Away from the tie the answer is the exact one.
    for (let m = 2; m <= 40; m++) {
      for (const k of [m - 1, m, m + 1]) {
        const alpha = 2 ** -k;
        if (alpha >= 0.5) continue;
        const worse = withCi(mcnemarInterval(tableN(m, 0, m + 10), { alpha }));
        expect(Math.abs(worse.pHeadWorse - 2 ** -m)).toBeLessThanOrEqual(1e-14 * 2 ** -m);
        checkAgreement(worse);
        const better = withCi(mcnemarInterval(tableN(0, m, m + 10), { alpha }));
        checkAgreement(better);
        if (k !== m) {
          expect(worse.ci[1] < 0).toBe(m > k);
          expect(better.ci[0] > 0).toBe(m > k);
        }
      }
    }
  });

  it('b + c = 0: the interval is [0, 0] and p = 1', () => {
    const r = withCi(mcnemarInterval(table(0, 0), 0.95));
    expect(r).toMatchObject({
      ci: [0, 0],
      piCi: [0, 1],
      pTwoSided: 1,
      pHeadWorse: 1,
      pHeadBetter: 1,
      diff: 0,
    });
    expect(r.note).toBeDefined();
    expect(mcnemarInterval(table(0, 0, 0, 0), 0.95).kind).toBe('insufficient');
    expect(mcnemarInterval(table(-1, 0), 0.95).kind).toBe('invalid');
  });

  it('b = m or c = m: the closed forms of Clopper–Pearson', () => {
    for (const m of [1, 2, 5, 30, 1000]) {
      const n = m + 20;
      // all disagreements favour base: pi_high = 1, pi_low = alpha^(1/m)
      const worse = withCi(mcnemarInterval(tableN(m, 0, n), { alpha: 0.025 }));
      expect(worse.piCi[1]).toBe(1);
      expect(worse.piCi[0]).toBeCloseTo(0.025 ** (1 / m), 14);
      expect(worse.ci[0]).toBe(-m / n);
      expect(worse.ci[1]).toBeCloseTo((m / n) * (1 - 2 * 0.025 ** (1 / m)), 14);
      // all favour head: the mirror image
      const better = withCi(mcnemarInterval(tableN(0, m, n), { alpha: 0.025 }));
      expect(better.piCi).toEqual([0, 1 - worse.piCi[0]]);
      expect(better.ci).toEqual([-worse.ci[1], m / n]);
    }
    // one disagreement: at 90% the interval of pi is [0.05, 1], so head worse by 0.9/n to 1/n
    const one = withCi(mcnemarInterval(tableN(1, 0, 10), 0.9));
    expect(one.piCi[0]).toBeCloseTo(0.05, 15);
    expect(one.ci[1]).toBeCloseTo(0.1 * (1 - 2 * 0.05), 15);
  });

  it('large m (1e5): agrees at the boundary and stays accurate', () => {
    for (const [b, c] of [
      [50_300, 49_700], // p ~ 0.03
      [50_150, 49_850], // p ~ 0.17
      [51_000, 49_000],
      [100_000, 0],
      [1, 99_999],
    ] as const) {
      const t = tableN(b, c, 150_000);
      const test = ok(mcnemarTest(t));
      for (const alpha of [0.05, 0.005, test.pHeadWorse, nextDouble(test.pHeadWorse, -1)]) {
        if (alpha > 0 && alpha < 0.5) checkAgreement(withCi(mcnemarInterval(t, { alpha })));
      }
    }
  });

  it('mirrors exactly when base and head swap (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(300),
        fc.nat(300),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (b, c, level) => {
          fc.pre(b + c > 0);
          const r = withCi(mcnemarInterval(tableN(b, c, b + c + 7), level));
          const s = withCi(mcnemarInterval(tableN(c, b, b + c + 7), level));
          expect(s.ci).toEqual([-r.ci[1], -r.ci[0]]);
          // pi's interval mirrors too, up to the rounding of 1 - x
          expect(Math.abs(s.piCi[0] - (1 - r.piCi[1]))).toBeLessThanOrEqual(2 ** -53);
          expect(Math.abs(s.piCi[1] - (1 - r.piCi[0]))).toBeLessThanOrEqual(2 ** -53);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects levels outside (0, 1) and alpha outside (0, 0.5)', () => {
    expect(() => mcnemarInterval(table(3, 4), 1)).toThrow(RangeError);
    expect(() => mcnemarInterval(table(3, 4), 0)).toThrow(RangeError);
    expect(() => mcnemarInterval(table(3, 4), NaN)).toThrow(RangeError);
    expect(() => mcnemarInterval(table(3, 4), { alpha: 0.5 })).toThrow(RangeError);
    expect(() => mcnemarInterval(table(3, 4), { alpha: 0 })).toThrow(RangeError);
  });
});
