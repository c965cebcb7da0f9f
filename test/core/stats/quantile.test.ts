import { quantileSorted } from '../../../packages/core/src/stats/descriptive.js';
import {
  lognormalLogQuantileSd,
  minSamplesFor,
  quantile,
  quantileChangeTest,
  quantileLabel,
  quantileRisePower,
  quantileRiseSamples,
  quantiles,
  resampledQuantile,
  type QuantileTestInput,
} from '../../../packages/core/src/stats/quantile.js';
import { createRandom } from '../../../packages/core/src/stats/random.js';

const lognormal = (seed: number, n: number, scale = 1) => {
  const rng = createRandom(seed);
  const sigma = Math.sqrt(Math.log(1.04));
  return Array.from({ length: n }, () => scale * Math.exp(sigma * rng.normal()));
};

describe('quantiles of timings (type 7, numpy’s default)', () => {
  it('match numpy.quantile', () => {
    // numpy 2.4: np.quantile([3.1, 0.5, 2.2, 9.7, 4.4, 1.0, 6.3], q)
    const x = [3.1, 0.5, 2.2, 9.7, 4.4, 1.0, 6.3];
    expect(quantile(x, 0.5)).toBe(3.1);
    expect(quantile(x, 0.25)).toBeCloseTo(1.6, 14);
    expect(quantile(x, 0.9)).toBeCloseTo(7.66, 14);
    expect(quantile(x, 0.95)).toBeCloseTo(8.68, 14);
    expect(quantile(x, 0.99)).toBeCloseTo(9.496, 14);
    expect(quantiles([1, 2, 3, 4], [0.5, 0.95])).toEqual([2.5, quantile([4, 3, 2, 1], 0.95)]);
    expect(quantile([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 14);
  });

  it('name themselves as keys do', () => {
    expect([0.5, 0.95, 0.99, 0.999].map(quantileLabel)).toEqual(['p50', 'p95', 'p99', 'p99.9']);
  });

  it('need 5 samples beyond the quantile for the test: 10 for the median, 100 for the p95, 500 for the p99', () => {
    expect([0.5, 0.9, 0.95, 0.99, 0.999].map(minSamplesFor)).toEqual([10, 50, 100, 500, 5000]);
  });
});

describe('the resampled quantile, drawn through the order statistics of uniforms', () => {
  it('has the distribution resampling n values with replacement gives (two-sample Kolmogorov–Smirnov)', () => {
    const sorted = Float64Array.from([3.1, 0.5, 2.2, 9.7, 4.4, 1.0, 6.3]).sort();
    const draws = 10000;
    for (const q of [0.5, 0.9]) {
      const fast = createRandom(1);
      const slow = createRandom(2);
      const viaOrder = Float64Array.from({ length: draws }, () => resampledQuantile(sorted, q, fast)).sort();
      const resample = new Float64Array(sorted.length);
      const naive = Float64Array.from({ length: draws }, () => {
        for (let i = 0; i < sorted.length; i++) resample[i] = sorted[slow.int(sorted.length)]!;
        return quantileSorted(resample.slice().sort(), q);
      }).sort();
      // The largest gap between the two empirical CDFs; 1.95 sqrt(2 / draws) is its 0.1% critical value.
      let gap = 0;
      for (const v of new Set([...viaOrder, ...naive])) {
        const a = upperBound(viaOrder, v) / draws;
        const b = upperBound(naive, v) / draws;
        gap = Math.max(gap, Math.abs(a - b));
      }
      expect(gap).toBeLessThan(1.95 * Math.sqrt(2 / draws));
    }
  });
});

/** How many values of an ascending array are at most v. */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

describe('the bootstrap test of a quantile’s change', () => {
  const base = lognormal(1, 300);
  const head = lognormal(2, 300, 1.25);
  const input: QuantileTestInput = {
    base,
    head,
    q: 0.95,
    scale: 'relative',
    alternative: 'rise',
    limit: 0.1,
    alpha: 0.05,
    resamples: 2000,
  };

  it('estimates the change from the two sample quantiles, with an interval around it', () => {
    const r = quantileChangeTest(input);
    if (r.kind !== 'ok') throw new Error(r.reason);
    expect(r.base).toBe(quantile(base, 0.95));
    expect(r.head).toBe(quantile(head, 0.95));
    expect(r.estimate).toBeCloseTo(r.head / r.base - 1, 11);
    expect(r.ci[0]).toBeLessThan(r.estimate);
    expect(r.ci[1]).toBeGreaterThan(r.estimate);
    expect(r.level).toBeCloseTo(0.9, 12);
    expect(r.ciAbsolute[0]).toBeLessThan(r.head - r.base);
    expect(r.ciAbsolute[1]).toBeGreaterThan(r.head - r.base);
  });

  it('is reproducible under a seed, and its p value agrees with the interval at every limit', () => {
    expect(quantileChangeTest(input)).toEqual(quantileChangeTest(input));
    for (const limit of [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]) {
      for (const alternative of ['rise', 'drop'] as const) {
        const r = quantileChangeTest({ ...input, limit, alternative, seed: 7 });
        if (r.kind !== 'ok') throw new Error(r.reason);
        const beyond = alternative === 'rise' ? r.ci[0] > limit : r.ci[1] < -limit;
        expect(r.p <= 0.05).toBe(beyond);
      }
    }
  });

  it('tests a change either way with both tails (twice the smaller one-sided p)', () => {
    const rise = quantileChangeTest({ ...input, seed: 3 });
    const drop = quantileChangeTest({ ...input, alternative: 'drop', seed: 3 });
    const change = quantileChangeTest({ ...input, alternative: 'change', seed: 3 });
    if (rise.kind !== 'ok' || drop.kind !== 'ok' || change.kind !== 'ok') throw new Error('no test');
    expect(change.p).toBeCloseTo(Math.min(1, 2 * Math.min(rise.p, drop.p)), 12);
  });

  it('tests an absolute limit in the samples’ units', () => {
    const r = quantileChangeTest({ ...input, scale: 'absolute', limit: 0.05 });
    if (r.kind !== 'ok') throw new Error(r.reason);
    expect(r.estimate).toBeCloseTo(r.head - r.base, 11);
    expect(r.ci).toEqual(r.ciAbsolute);
  });

  it('does not test too few samples, a relative change from 0, or a broken timing', () => {
    expect(quantileChangeTest({ ...input, base: base.slice(0, 99) })).toEqual({
      kind: 'insufficient',
      reason:
        'the bootstrap of the p95 needs at least 100 samples per side (5 beyond the quantile); got 99 and 300',
    });
    expect(quantileChangeTest({ ...input, q: 0.5, base: new Array<number>(20).fill(0) })).toMatchObject({
      kind: 'insufficient',
      reason: "a change relative to the base's p50 needs it to be above 0; it is 0",
    });
    expect(quantileChangeTest({ ...input, head: [...head.slice(1), Infinity] })).toEqual({
      kind: 'invalid',
      reason: 'head[299] is Infinity',
    });
  });

  it('refuses arguments no gate writes', () => {
    expect(() => quantileChangeTest({ ...input, q: 1 })).toThrow(RangeError);
    expect(() => quantileChangeTest({ ...input, limit: -0.1 })).toThrow(RangeError);
    expect(() => quantileChangeTest({ ...input, alpha: 0.5 })).toThrow(RangeError);
    expect(() => quantileChangeTest({ ...input, resamples: 10 })).toThrow(RangeError);
  });
});

describe('the power of the quantile gate in theory (lognormal timings)', () => {
  it('uses the asymptotic spread of a sample quantile: √(q(1 − q)/n) σ / φ(z_q) on the log scale', () => {
    // CV 0.2: σ = √ln 1.04 = 0.19804; z_0.95 = 1.64485, φ = 0.103136.
    expect(lognormalLogQuantileSd(0.95, 0.2, 1)).toBeCloseTo((Math.sqrt(0.0475) * 0.19804) / 0.103136, 4);
  });

  it('says how many timings per side detect a rise with 80% probability at α = 0.05', () => {
    // A 10% rise of the p95 against "no rise" (rise <= 0%): 239 per side.
    expect(quantileRiseSamples({ q: 0.95, cv: 0.2, power: 0.8, rise: 0.1, limit: 0, alpha: 0.05 })).toBe(239);
    // A 20% rise against "rise <= 10%": 287 per side.
    expect(quantileRiseSamples({ q: 0.95, cv: 0.2, power: 0.8, rise: 0.2, limit: 0.1, alpha: 0.05 })).toBe(
      287,
    );
    expect(quantileRisePower({ q: 0.95, cv: 0.2, n: 239, rise: 0.1, limit: 0, alpha: 0.05 })).toBeCloseTo(
      0.8,
      2,
    );
  });

  it('matches the simulated spread of the log p95 of 400 lognormal timings', () => {
    const logs = Array.from({ length: 1000 }, (_, i) => Math.log(quantile(lognormal(100 + i, 400), 0.95)));
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1));
    // 1,000 draws estimate an sd within about 3 × 2.2%.
    expect(sd / lognormalLogQuantileSd(0.95, 0.2, 400)).toBeGreaterThan(0.93);
    expect(sd / lognormalLogQuantileSd(0.95, 0.2, 400)).toBeLessThan(1.07);
  });
});
