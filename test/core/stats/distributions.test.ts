import fc from 'fast-check';
import {
  betaInc,
  betaQuantile,
  binomialCdf,
  binomialPmf,
  binomialSf,
  logBeta,
  logGamma,
  normalCdf,
  normalQuantile,
  normalSf,
  studentTCdf,
  studentTQuantile,
  studentTSf,
} from '../../../packages/core/src/stats/distributions.js';
import { close, REF } from './reference.js';

// Tolerance: 1e-9 relative everywhere (observed worst cases are ~1e-11: the binomial with n = 1e5,
// whose continued fraction takes ~700 steps). The one exception is log-gamma, whose error is
// absolute (~1e-15) where it crosses 0 near x = 1 and 2; an absolute 1e-14 is added there,
// which is what matters because log-gamma is only ever exponentiated.
const REL = 1e-9;

function expectAllClose(failures: string[]): void {
  expect(failures.filter((f) => f !== '')).toEqual([]);
}

describe('special functions against scipy', () => {
  it('logGamma', () => {
    expectAllClose(REF.gammaln.map((e) => close(logGamma(e.x), e.value, REL, 1e-14, `gammaln(${e.x})`)));
  });

  it('betaInc (regularized incomplete beta)', () => {
    expect(REF.betainc.length).toBeGreaterThan(300);
    expectAllClose(
      REF.betainc.map((e) =>
        close(betaInc(e.a, e.b, e.x), e.value, REL, 0, `betainc(${e.a}, ${e.b}, ${e.x})`),
      ),
    );
  });

  it('logBeta agrees with logGamma for small arguments and stays finite for huge ones', () => {
    expect(logBeta(2.5, 3.5)).toBeCloseTo(logGamma(2.5) + logGamma(3.5) - logGamma(6), 13);
    // B(a, 1/2) ~ sqrt(pi / a) for large a
    expect(logBeta(1e12, 0.5)).toBeCloseTo(0.5 * Math.log(Math.PI / 1e12), 9);
  });
});

describe('beta quantile against scipy (and mpmath where scipy is off)', () => {
  it('a, b from 1e-3 to 1e7, p from 1e-300 to 1 - 1e-16', () => {
    // Observed worst: 1.6e-12 with a, b <= 1e5 (x = (p a B(a, b))^(1/a) near 0 amplifies errors by
    // 1/a = 1000 at a = 1e-3), 5.8e-11 with a shape parameter of 1e7, where betaInc evaluates its
    // continued fraction in 1 - x for x just above its switch point (a + 1) / (a + b + 2).
    expect(REF.beta_ppf.length).toBeGreaterThan(600);
    expectAllClose(
      REF.beta_ppf.map((e) =>
        close(
          betaQuantile(e.p, e.a, e.b),
          e.value,
          Math.max(e.a, e.b) <= 1e5 ? 1e-11 : 1e-10,
          0,
          `beta.ppf(${e.p}, ${e.a}, ${e.b})`,
        ),
      ),
    );
  });

  it('records where scipy was overridden by mpmath', () => {
    // scipy 1.17 returns the smallest normal double 2.2e-308 when the quantile underflows (here
    // 1e-600), and NaN for beta.ppf(1e-300, 3.5, 2).
    expect(betaQuantile(1e-300, 0.5, 1)).toBe(0);
    expect(betaQuantile(1e-300, 3.5, 2)).toBeCloseTo(1.256267541438913e-86, 98);
    const overridden = REF.scipy_overridden as { what: string }[];
    expect(overridden.filter((o) => o.what === 'beta.ppf').length).toBeGreaterThan(0);
  });

  it('is exact at the ends and uses the closed forms for a = 1 or b = 1', () => {
    for (const [a, b] of [
      [1e-3, 1e-3],
      [0.5, 2],
      [1e7, 1e7],
      [1e-3, 1e7],
    ] as const) {
      expect(betaQuantile(0, a, b)).toBe(0);
      expect(betaQuantile(1, a, b)).toBe(1);
    }
    expect(betaQuantile(0.3, 1, 1)).toBe(0.3);
    expect(betaQuantile(0.05, 7, 1)).toBeCloseTo(0.05 ** (1 / 7), 15); // x^7 = p
    expect(betaQuantile(0.05, 1, 7)).toBeCloseTo(1 - 0.95 ** (1 / 7), 15); // 1 - (1 - x)^7 = p
    expect(betaQuantile(0.5, 2.5, 2.5)).toBeCloseTo(0.5, 15); // symmetric
  });

  it('rejects impossible arguments like betaInc', () => {
    expect(Number.isNaN(betaQuantile(NaN, 2, 3))).toBe(true);
    expect(Number.isNaN(betaQuantile(-0.1, 2, 3))).toBe(true);
    expect(Number.isNaN(betaQuantile(1.1, 2, 3))).toBe(true);
    expect(() => betaQuantile(0.5, 0, 3)).toThrow(RangeError);
    expect(() => betaQuantile(0.5, 2, Infinity)).toThrow(RangeError);
  });

  // a and b log-uniform over 1e-3 .. 1e7
  const shape = fc.double({ min: -3, max: 7, noNaN: true }).map((u) => 10 ** u);

  it('inverts betaInc (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -12, max: Math.log10(0.5), noNaN: true }),
        fc.double({ min: -1.3, max: 4, noNaN: true }),
        fc.double({ min: -1.3, max: 4, noNaN: true }),
        (logP, logA, logB) => {
          const [p, a, b] = [10 ** logP, 10 ** logA, 10 ** logB];
          const x = betaQuantile(p, a, b);
          // the root lies within 1e-10 relative of x (a >= 0.05: enough slope to resolve it)
          expect(betaInc(a, b, x * (1 - 1e-10))).toBeLessThanOrEqual(p);
          expect(betaInc(a, b, Math.min(1, x * (1 + 1e-10)))).toBeGreaterThanOrEqual(p);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is the mirror image under (p, a, b) -> (1 - p, b, a) (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1 - 1e-16, noNaN: true }), shape, shape, (p, a, b) => {
        const x = betaQuantile(p, a, b);
        const mirrored = 1 - betaQuantile(1 - p, b, a); // 1 - p is exact for p >= 1/2
        expect(Math.abs(x - mirrored)).toBeLessThanOrEqual(1e-10 * Math.min(x, 1 - x) + 2.3e-16);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone in p', () => {
    const ps: number[] = [];
    for (let e = -300; e < -1; e += 2.5) ps.push(10 ** e);
    for (let i = 1; i < 100; i++) ps.push(i / 100);
    for (let e = -2.5; e > -16; e -= 0.5) ps.push(1 - 10 ** e);
    ps.sort((x, y) => x - y);
    for (const [a, b] of [
      [1e-3, 1e-3],
      [1e-3, 1e7],
      [1e7, 1e-3],
      [0.5, 0.5],
      [2, 3],
      [1e5, 1e5 + 1],
      [1e7, 1e7],
    ] as const) {
      const xs = ps.map((p) => betaQuantile(p, a, b));
      const drops = xs.flatMap((x, i) => (i > 0 && x < xs[i - 1]! ? [`a=${a} b=${b} p=${ps[i]}`] : []));
      expect(drops).toEqual([]);
    }
  });

  it('is monotone in p (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-300, max: 1 - 1e-16, noNaN: true }),
        fc.double({ min: 1e-300, max: 1 - 1e-16, noNaN: true }),
        shape,
        shape,
        (p1, p2, a, b) => {
          fc.pre(Math.abs(p1 - p2) > 1e-9 * Math.min(p1, p2, 1 - p1, 1 - p2));
          const [lo, hi] = p1 < p2 ? [p1, p2] : [p2, p1];
          expect(betaQuantile(lo, a, b)).toBeLessThanOrEqual(betaQuantile(hi, a, b));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('Student t against scipy (and mpmath where scipy is off)', () => {
  it('cdf and sf, df from 0.3 to 1e8, t from -1e6 to 1e4', () => {
    expectAllClose(
      REF.t_cdf.flatMap((e) => [
        close(studentTCdf(e.t, e.df), e.cdf, REL, 0, `t.cdf(${e.t}, ${e.df})`),
        close(studentTSf(e.t, e.df), e.sf, REL, 0, `t.sf(${e.t}, ${e.df})`),
      ]),
    );
  });

  it('quantile, p from 1e-300 to 1 - 1e-10', () => {
    expectAllClose(
      REF.t_ppf.map((e) => close(studentTQuantile(e.p, e.df), e.value, REL, 0, `t.ppf(${e.p}, ${e.df})`)),
    );
  });

  it('records where scipy was overridden by mpmath', () => {
    // t.cdf(1e-8, df = 1) in scipy 1.17 is 0.5000000047; the Cauchy CDF is 0.5 + atan(1e-8)/pi.
    expect(studentTCdf(1e-8, 1)).toBeCloseTo(0.5 + Math.atan(1e-8) / Math.PI, 16);
    expect(REF.scipy_overridden.length).toBeGreaterThan(0);
  });

  it('quantile inverts the cdf (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
        fc.double({ min: 0.5, max: 1e5, noNaN: true }),
        (p, df) => {
          const t = studentTQuantile(p, df);
          const back = p < 0.5 ? studentTCdf(t, df) : studentTSf(t, df);
          const target = p < 0.5 ? p : 1 - p;
          expect(Math.abs(back - target)).toBeLessThanOrEqual(1e-9 * target);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is symmetric and in [0, 1] (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 0.1, max: 1e9, noNaN: true }),
        (t, df) => {
          const c = studentTCdf(t, df);
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThanOrEqual(1);
          expect(studentTSf(t, df)).toBe(studentTCdf(-t, df));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('handles the edges: infinite t, infinite df, bad df', () => {
    expect(studentTCdf(-Infinity, 3)).toBe(0);
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(1.5, Infinity)).toBe(normalCdf(1.5));
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 14);
    expect(studentTQuantile(0, 5)).toBe(-Infinity);
    expect(studentTQuantile(1, 5)).toBe(Infinity);
    expect(studentTQuantile(0.5, 5)).toBe(0);
    expect(Number.isNaN(studentTCdf(NaN, 5))).toBe(true);
    expect(() => studentTCdf(1, 0)).toThrow(RangeError);
  });
});

describe('normal distribution against scipy', () => {
  it('cdf and sf from -38 to 20', () => {
    expectAllClose(
      REF.norm_cdf.flatMap((e) => [
        close(normalCdf(e.x), e.cdf, REL, 0, `norm.cdf(${e.x})`),
        close(normalSf(e.x), e.sf, REL, 0, `norm.sf(${e.x})`),
      ]),
    );
  });

  it('quantile from 1e-300 to 1 - 1e-12', () => {
    expectAllClose(REF.norm_ppf.map((e) => close(normalQuantile(e.p), e.value, REL, 0, `norm.ppf(${e.p})`)));
  });
});

describe('binomial against scipy', () => {
  it('cdf, sf and pmf for n up to 1e5', () => {
    expectAllClose(
      REF.binom.flatMap((e) => [
        close(binomialCdf(e.k, e.n, e.p), e.cdf, REL, 0, `binom.cdf(${e.k}, ${e.n}, ${e.p})`),
        close(binomialSf(e.k, e.n, e.p), e.sf, REL, 0, `binom.sf(${e.k}, ${e.n}, ${e.p})`),
        close(binomialPmf(e.k, e.n, e.p), e.pmf, REL, 0, `binom.pmf(${e.k}, ${e.n}, ${e.p})`),
      ]),
    );
  });

  it('matches direct summation for small n (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (n, k0, p) => {
          const k = k0 % (n + 1);
          let sum = 0;
          for (let i = 0; i <= k; i++) sum += binomialPmf(i, n, p);
          expect(Math.abs(binomialCdf(k, n, p) - sum)).toBeLessThanOrEqual(1e-12);
          expect(Math.abs(binomialCdf(k, n, p) + binomialSf(k, n, p) - 1)).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects impossible parameters', () => {
    expect(() => binomialCdf(1, 2.5, 0.5)).toThrow(RangeError);
    expect(() => binomialCdf(1, 5, 1.5)).toThrow(RangeError);
    expect(binomialCdf(-1, 5, 0.5)).toBe(0);
    expect(binomialCdf(5, 5, 0.5)).toBe(1);
  });
});

describe('studentTTails', () => {
  it('gives both one-sided tails, the same numbers as studentTCdf and studentTSf', async () => {
    const { studentTCdf, studentTSf, studentTTails } =
      await import('../../../packages/core/src/stats/distributions.js');
    for (const df of [0.5, 1, 2.7, 8, 150, 1e5]) {
      for (const t of [-40, -3.1, -1e-9, 0, 1e-9, 0.7, 2.5, 1e30]) {
        expect(studentTTails(t, df)).toEqual([studentTCdf(t, df), studentTSf(t, df)]);
      }
    }
    expect(studentTTails(NaN, 3)).toEqual([NaN, NaN]);
    expect(() => studentTTails(1, 0)).toThrow(RangeError);
  });
});
