/**
 * The power functions of bench/gates-theory.ts against values computed once with scipy 1.17.1
 * (stats.norm, stats.nct, stats.t, stats.binom; Welch's power with integrate.quad over the beta
 * share and a 10^6-draw Monte Carlo of the variances, which agreed to 1e-3), and against Welch's
 * t-test of packages/core itself on simulated samples.
 */
import { mcnemarPower, noncentralTSf, tTestPower, welchPower, zTestPower } from '../../bench/gates-theory.js';
import { createRandom } from '../../packages/core/src/stats/random.js';
import { welchTest } from '../../packages/core/src/stats/welch.js';

const closeTo = (actual: number, expected: number, relative = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));

/** 2 sigma with n runs per side, in standard errors of the difference of means. */
const twoSigma = (n: number) => 2 / Math.sqrt(2 / n);

describe('zTestPower', () => {
  it('is Phi(ncp - z_{1-alpha})', () => {
    // norm.cdf(2 / sqrt(2/5) - norm.ppf(0.99))
    closeTo(zTestPower(twoSigma(5), 0.01), 0.7984027977761156);
  });
});

describe('noncentralTSf and tTestPower', () => {
  it.each([
    // nct.sf(c, df, ncp)
    [2.5, 4, 1.5, 0.2626062569833215],
    [1.7, 11.886, 3, 0.896463056679529],
  ])('P(T > %f) with df %f, ncp %f', (c, df, ncp, expected) => {
    closeTo(noncentralTSf(c, df, ncp), expected);
  });

  it.each([
    // nct.sf(t.ppf(1 - alpha, df), df, ncp)
    [twoSigma(5), 88, 0.01, 0.7843979069597099],
    [3 / Math.SQRT2, 11.886, 0.05, 0.6381724320225403],
    [3 / Math.SQRT2, 7.9, 0.0002, 0.017419867405827096],
    [5, 1, 0.05, 0.565886700369409],
  ])('power at ncp %f, df %f, alpha %f', (ncp, df, alpha, expected) => {
    closeTo(tTestPower(ncp, df, alpha), expected);
  });

  it('tends to the z-test as df grows', () => {
    expect(tTestPower(twoSigma(5), 1e7, 0.01)).toBeCloseTo(zTestPower(twoSigma(5), 0.01), 6);
  });
});

describe('welchPower', () => {
  it.each([
    // integrate.quad(beta.pdf(b, a, a) * nct.sf(t.ppf(1 - alpha, (n-1) / (b^2 + (1-b)^2)), 2n - 2, ncp), 0, 1)
    [3, 0.01, 0.17335945265735103],
    [5, 0.01, 0.5705230058735141],
    [5, 0.0002, 0.0479495336851833],
    [10, 0.05, 0.9958651000123021],
    [20, 0.0002, 0.9871606144355347],
  ])('n = %i per side, 2 sigma, alpha %f', (n, alpha, expected) => {
    closeTo(welchPower(n, twoSigma(n), alpha), expected);
  });

  it.each([
    // the same integral with ncp = 0: Welch's exact size under equal variances, below alpha
    [0.05, 0.03967593976668474],
    [0.001, 0.00043905605724102773],
  ])('n = 3 per side, no effect: size at alpha %f', (alpha, expected) => {
    closeTo(welchPower(3, 0, alpha), expected);
  });

  it("is what packages/core's Welch test does on simulated samples", () => {
    const rng = createRandom(11);
    const n = 5;
    const draws = 10_000;
    let blocked = 0;
    for (let i = 0; i < draws; i++) {
      const base = Array.from({ length: n }, () => rng.normal());
      const head = Array.from({ length: n }, () => rng.normal() - 2);
      const r = welchTest(base, head);
      if (r.kind === 'ok' && r.pLess <= 0.05) blocked++;
    }
    const power = welchPower(n, twoSigma(n), 0.05);
    const se = Math.sqrt((power * (1 - power)) / draws);
    expect(Math.abs(blocked / draws - power)).toBeLessThan(4 * se);
  });
});

describe('mcnemarPower', () => {
  const shift = (effect: number, examples: number) => effect * Math.sqrt(0.06 / examples);

  it.each([
    // sum over m of binom.pmf(m, n, q) * binom.sf(b_m - 1, m, pi), b_m the smallest b with binom.sf(b - 1, m, 1/2) <= alpha
    [1000, shift(2, 1000), 0.05, 0.5964000629925386],
    [1000, 0, 0.05, 0.03852159616985844],
    [5000, shift(3, 5000), 0.01, 0.733885853769533],
    [5000, 0, 0.01, 0.008545986803039154],
  ])('%i examples, worsening %f, alpha %f', (examples, d, alpha, expected) => {
    closeTo(mcnemarPower(examples, 0.03 + d / 2, 0.03 - d / 2, alpha), expected);
  });
});
