import {
  estimateNoise,
  pooledTest,
  poolingCheck,
  type NoiseEstimate,
} from '../../../packages/core/src/stats/noise.js';
import { createRandom } from '../../../packages/core/src/stats/random.js';

const ok = (r: ReturnType<typeof estimateNoise>): NoiseEstimate => {
  if (r.kind !== 'ok') throw new Error(r.reason);
  return r;
};

describe('estimateNoise', () => {
  const rng = createRandom(5);
  const normal = (mu: number, sd: number) => mu + sd * rng.normal();

  it('finds the sd of single runs from successive differences', () => {
    const runs = Array.from({ length: 400 }, () => [normal(0.9, 0.005)]);
    const noise = ok(estimateNoise(runs, { window: 400 }));
    expect(noise).toMatchObject({ method: 'successive differences', records: 400 });
    expect(noise.outliers).toBeLessThan(4); // 0.27% of normal differences fall beyond 3 robust sd
    expect(noise.sd).toBeGreaterThan(0.0045);
    expect(noise.sd).toBeLessThan(0.0055);
    // Satterthwaite: 2m^2 / (3m - 1) - 1 for m kept differences, times 0.85 for the trimming.
    const m = 399 - noise.outliers;
    expect(noise.df).toBeCloseTo(((2 * m * m) / (3 * m - 1) - 1) * 0.85, 9);
  });

  it('leaves a 5-sigma jump of the level out, even in a short history', () => {
    // bench/gates.bench.ts found a 5-sigma jump kept two times in three with a cut at 4 robust sd of
    // the differences (5.7 sigma of one run), inflating the noise by 31% on average.
    const rng2 = createRandom(1);
    let inflation = 0;
    const trials = 2000;
    for (let i = 0; i < trials; i++) {
      const at = 1 + rng2.int(19);
      const noise = ok(
        estimateNoise(
          Array.from({ length: 20 }, (_, r) => [0.9 + (r >= at ? 0.025 : 0) + 0.005 * rng2.normal()]),
        ),
      );
      inflation += (noise.sd / 0.005) ** 2;
    }
    expect(inflation / trials).toBeLessThan(1.15);
  });

  it('is not fooled by a trend or a jump in the level (the model changed between commits)', () => {
    const trend = Array.from({ length: 200 }, (_, i) => [normal(0.8 + 0.001 * i, 0.005)]);
    const jump = Array.from({ length: 200 }, (_, i) => [normal(i < 100 ? 0.8 : 0.9, 0.005)]);
    const trendNoise = ok(estimateNoise(trend, { window: 200 }));
    const jumpNoise = ok(estimateNoise(jump, { window: 200 }));
    // The plain sd of these values is 0.058 and 0.05: level, not noise.
    for (const noise of [trendNoise, jumpNoise]) {
      expect(noise.sd).toBeGreaterThan(0.0043);
      expect(noise.sd).toBeLessThan(0.0057);
    }
    expect(jumpNoise.outliers).toBeGreaterThanOrEqual(1); // the jump (kept, it would give sd 0.0071)
  });

  it('uses the spread within records that have repeats, leaving a diverged seed out', () => {
    const records = Array.from({ length: 30 }, (_, i) =>
      Array.from({ length: 5 }, () => normal(0.8 + 0.003 * i, 0.005)),
    );
    records[7]![2] = 0.1; // one seed diverged
    const noise = ok(estimateNoise(records));
    expect(noise).toMatchObject({ method: 'repeats', records: 30, outliers: 1 });
    expect(noise.df).toBe(30 * 4 - 1);
    expect(noise.sd).toBeGreaterThan(0.0043);
    expect(noise.sd).toBeLessThan(0.0057);
  });

  it('uses only the most recent records of the window', () => {
    const old = Array.from({ length: 50 }, () => [normal(0.5, 0.1)]);
    const recent = Array.from({ length: 30 }, () => [normal(0.9, 0.001)]);
    const noise = ok(estimateNoise([...old, ...recent]));
    expect(noise.records).toBe(30);
    expect(noise.sd).toBeLessThan(0.002);
  });

  it('leaves non-finite values out and counts them; too few records give a reason', () => {
    const noise = ok(
      estimateNoise([[0.9], [NaN], [0.91], [0.905], [Infinity, 0.9], [0.902], [0.899], [0.903]]),
    );
    expect(noise).toMatchObject({ nonFinite: 2, records: 7 });
    expect(estimateNoise([[0.9], [0.91], [0.92]])).toEqual({
      kind: 'insufficient',
      reason: 'the history has 3 records of this metric; at least 6 are needed to estimate its noise',
    });
    expect(() => estimateNoise([], { window: 2 })).toThrow(RangeError);
  });

  it('a deterministic pipeline has no noise: sd 0', () => {
    expect(ok(estimateNoise(Array.from({ length: 10 }, () => [0.9, 0.9])))).toMatchObject({ sd: 0, df: 10 });
  });
});

describe('pooledTest and poolingCheck', () => {
  const history: NoiseEstimate = {
    kind: 'ok',
    sd: 0.005,
    ss: 0.005 ** 2 * 20,
    df: 20,
    method: 'successive differences',
    records: 30,
    outliers: 0,
    nonFinite: 0,
  };

  it('is Student’s t with the history’s variance pooled in', () => {
    const r = pooledTest([0.9], [0.88], history);
    expect(r.df).toBe(20);
    expect(r.se).toBeCloseTo(0.005 * Math.SQRT2, 15);
    expect(r.t).toBeCloseTo(-0.02 / (0.005 * Math.SQRT2), 9);
    // scipy.stats.t.cdf(-2.8284271247461903, 20) = 0.005191238525132892
    expect(r.pLess).toBeCloseTo(0.005191238525133, 14);
    const pooled = pooledTest([0.9, 0.91], [0.88, 0.89], history, { null: -0.005 });
    expect(pooled.df).toBe(22);
    expect(pooled.null).toBe(-0.005);
  });

  it('flags a pull request whose runs spread far more than the history', () => {
    expect(poolingCheck([0.88], history)).toBeUndefined();
    expect(poolingCheck([0.9, 0.897, 0.903], history)!.p).toBeGreaterThan(0.1);
    // scipy: f.sf(var([0.9, 0.8, 0.97], ddof=1) / 0.005**2, 2, 20)
    expect(poolingCheck([0.9, 0.8, 0.97], history)!.p).toBeLessThan(0.001);
  });

  it('keeps the pull request’s own spread for its side when it changed the noise', () => {
    const apart = pooledTest([0.9, 0.905, 0.895], [0.88, 0.95, 0.81], history, { headApart: true });
    // Welch's statistic: the base side pools 20 + 2 df of sd 0.005, the head side has its own 2 df.
    const varHead = ((0.88 - 0.88) ** 2 + (0.95 - 0.88) ** 2 + (0.81 - 0.88) ** 2) / 2;
    expect(apart.se).toBeCloseTo(Math.sqrt(apart.sd ** 2 / 3 + varHead / 3), 12);
    expect(apart.df).toBeGreaterThan(2);
    expect(apart.df).toBeLessThan(3);
  });

  // The point of the history: one run per side can be tested, and harmless changes are blocked at
  // most alpha of the time when the noise is what the history says.
  it('blocks about alpha of harmless single-run changes with a history of 20 (simulation)', () => {
    const rng = createRandom(99);
    let blocked = 0;
    const trials = 4000;
    for (let i = 0; i < trials; i++) {
      const past = Array.from({ length: 20 }, () => [0.9 + 0.005 * rng.normal()]);
      const noise = ok(estimateNoise(past));
      const r = pooledTest([0.9 + 0.005 * rng.normal()], [0.9 + 0.005 * rng.normal()], noise);
      if (r.pLess <= 0.05) blocked++;
    }
    // 3 standard errors of a 4,000-trial rate at 5% are 1 point.
    expect(blocked / trials).toBeLessThan(0.06);
    expect(blocked / trials).toBeGreaterThan(0.035);
  });
});
