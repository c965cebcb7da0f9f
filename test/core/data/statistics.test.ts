// The drift statistics against scipy 1.17 (test/fixtures/drift/scipy-expected.json, written by
// test/fixtures/drift/scipy_expected.py from the same seeded inputs). Observed worst differences
// are about 1e-13; the tests hold them to 1e-9.
import { readFileSync } from 'node:fs';
import { chiSquareHomogeneity, chiSquareSf } from '../../../packages/core/src/stats/chi-square.js';
import {
  jensenShannonDistance,
  lInfinityDistance,
  populationStabilityIndex,
  wassersteinDistance,
} from '../../../packages/core/src/stats/distances.js';
import {
  kolmogorovTwoSidedSf,
  ksTwoSample,
  roundHalfEven,
  smirnovSf,
} from '../../../packages/core/src/stats/kolmogorov.js';
import { numericPsi } from '../../../packages/core/src/data/drift.js';
import { exactSample } from '../../../packages/core/src/data/sketch.js';

interface Expected {
  scipy: string;
  ks_2samp: Array<{ name: string; x: number[]; y: number[]; statistic: number; p: number; method: string }>;
  kstwo_sf: Array<{ n: number; x: number; sf: number }>;
  smirnov: Array<{ n: number; x: number; sf: number }>;
  chi2_sf: Array<{ x: number; df: number; sf: number }>;
  chi2_contingency: Array<{
    reference: number[];
    current: number[];
    statistic: number;
    p: number;
    df: number;
    jensen_shannon: number;
    psi: number;
    linf: number;
  }>;
  wasserstein_distance: Array<{
    u: number[];
    v: number[];
    u_weights?: number[];
    v_weights?: number[];
    distance: number;
  }>;
  psi_quantile_bins: Array<{ reference: number[]; current: number[]; psi: number }>;
}

const REF = JSON.parse(readFileSync('test/fixtures/drift/scipy-expected.json', 'utf8')) as Expected;
const TOLERANCE = 1e-9;

/** The cases whose difference from scipy exceeds the tolerance, as readable lines. */
function misses<T>(cases: T[], diff: (c: T) => number, name: (c: T) => string): string[] {
  return cases.flatMap((c) => {
    const d = diff(c);
    return d <= TOLERANCE ? [] : [`${name(c)}: off by ${d}`];
  });
}

describe('two-sample Kolmogorov–Smirnov, as scipy.stats.ks_2samp(method="auto")', () => {
  it('was checked against scipy 1.17', () => {
    expect(REF.scipy).toMatch(/^1\.17\./);
  });

  it('gives scipy statistic and p value, exact and asymptotic', () => {
    expect(REF.ks_2samp.map((c) => c.method)).toEqual(expect.arrayContaining(['exact', 'asymptotic']));
    const off = misses(
      REF.ks_2samp,
      (c) => {
        const r = ksTwoSample(c.x, c.y);
        expect(r.method).toBe(c.method);
        return Math.max(Math.abs(r.statistic - c.statistic), Math.abs(r.p - c.p));
      },
      (c) => c.name,
    );
    expect(off).toEqual([]);
  });

  it("gives scipy's kstwo.sf over every regime of Simard and L'Ecuyer's choice", () => {
    expect(REF.kstwo_sf.length).toBeGreaterThan(200);
    const off = misses(
      REF.kstwo_sf,
      (c) => Math.abs(kolmogorovTwoSidedSf(c.n, c.x) - c.sf),
      (c) => `kstwo.sf(${c.x}, ${c.n})`,
    );
    expect(off).toEqual([]);
  });

  it("gives scipy's one-sided smirnov", () => {
    const off = misses(
      REF.smirnov,
      (c) => Math.abs(smirnovSf(c.n, c.x) - c.sf),
      (c) => `smirnov(${c.n}, ${c.x})`,
    );
    expect(off).toEqual([]);
  });

  it('is symmetric, 0 for identical samples and 1 for disjoint ones', () => {
    const a = [1, 5, 2, 8, 3];
    const b = [2, 9, 4];
    expect(ksTwoSample(a, b)).toEqual({ ...ksTwoSample(b, a), n1: 5, n2: 3 });
    expect(ksTwoSample(a, a)).toMatchObject({ statistic: 0, p: 1 });
    expect(ksTwoSample([1, 2], [3, 4]).statistic).toBe(1);
  });

  it('refuses empty samples and values that are not finite', () => {
    expect(() => ksTwoSample([], [1])).toThrow('at least one value on each side');
    expect(() => ksTwoSample([1, NaN], [1])).toThrow('the first sample holds NaN');
  });

  it('rounds halves to even, as numpy does for the asymptotic N', () => {
    expect([0.5, 1.5, 2.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 2, 3]);
  });
});

describe('chi-square test of homogeneity, as scipy.stats.chi2_contingency(correction=False)', () => {
  it('gives scipy statistic, degrees of freedom and p value', () => {
    const off = misses(
      REF.chi2_contingency,
      (c) => {
        const r = chiSquareHomogeneity(c.reference, c.current);
        expect(r.df).toBe(c.df);
        return Math.max(Math.abs(r.statistic - c.statistic) / Math.max(1, c.statistic), Math.abs(r.p - c.p));
      },
      (c) => `${c.reference} vs ${c.current}`,
    );
    expect(off).toEqual([]);
  });

  it("gives scipy's chi2.sf, tiny tails included (relative)", () => {
    const off = misses(
      REF.chi2_sf,
      (c) => {
        const v = chiSquareSf(c.x, c.df);
        return c.sf > 1e-300 ? Math.abs(v - c.sf) / c.sf : Math.abs(v - c.sf);
      },
      (c) => `chi2.sf(${c.x}, ${c.df})`,
    );
    expect(off).toEqual([]);
  });

  it('leaves out categories absent from both sides, and finds no evidence in one category', () => {
    expect(chiSquareHomogeneity([3, 0, 4], [5, 0, 1]).df).toBe(1);
    expect(chiSquareHomogeneity([7], [9])).toEqual({ statistic: 0, df: 0, p: 1 });
    expect(() => chiSquareHomogeneity([0, 0], [1, 2])).toThrow('at least one value on each side');
  });
});

describe('distances', () => {
  it('Jensen–Shannon (base 2), PSI and L-infinity match scipy and numpy', () => {
    const off = misses(
      REF.chi2_contingency,
      (c) =>
        Math.max(
          Math.abs(jensenShannonDistance(c.reference, c.current) - c.jensen_shannon),
          Math.abs(populationStabilityIndex(c.reference, c.current) - c.psi),
          Math.abs(lInfinityDistance(c.reference, c.current) - c.linf),
        ),
      (c) => `${c.reference} vs ${c.current}`,
    );
    expect(off).toEqual([]);
  });

  it('Jensen–Shannon is 0 for equal shares and 1 for disjoint categories', () => {
    expect(jensenShannonDistance([1, 2, 3], [10, 20, 30])).toBeCloseTo(0, 12);
    expect(jensenShannonDistance([1, 0], [0, 1])).toBe(1);
  });

  it('Wasserstein matches scipy.stats.wasserstein_distance, weighted or not', () => {
    const off = misses(
      REF.wasserstein_distance,
      (c) => Math.abs(wassersteinDistance(c.u, c.v, c.u_weights, c.v_weights) - c.distance),
      (c) => `${c.u.length} vs ${c.v.length} values${c.u_weights === undefined ? '' : ', weighted'}`,
    );
    expect(off).toEqual([]);
    // A shift moves every value by the same amount.
    expect(wassersteinDistance([0, 1, 2], [5, 6, 7])).toBeCloseTo(5, 12);
  });

  it('numeric PSI on reference-decile bins matches numpy (ties merge bins)', () => {
    const off = misses(
      REF.psi_quantile_bins,
      (c) => Math.abs(numericPsi(exactSample(c.reference), exactSample(c.current), 10) - c.psi),
      (c) => `${c.reference.length} vs ${c.current.length}`,
    );
    expect(off).toEqual([]);
  });
});
