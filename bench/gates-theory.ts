/**
 * What the gates of bench/gates.bench.ts could achieve in theory: the power (1 - miss rate) of
 * one-sided tests of "head is worse" under the normal model, at significance level alpha.
 *
 * - zTestPower: the best any test can do, knowing sigma: Phi(ncp - z_{1-alpha}).
 * - tTestPower: Student's t-test with `df` degrees of freedom (the noncentral t), for the test
 *   that pools the base branch's history.
 * - welchPower: Welch's t-test with n runs per side, exactly (its df is random, see there).
 * - mcnemarPower: McNemar's exact test, exactly (a binomial mixture).
 *
 * `ncp` is always the true worsening over the true standard error of the estimate, e.g. 2 sigma
 * with 5 runs per side: ncp = 2 / sqrt(2 / 5).
 *
 * The integrals are trapezoid rules on the real line after a change of variable that makes the
 * integrand smooth and quickly decaying (log of a chi scale, logit of a beta share); the
 * trapezoid rule converges geometrically for such integrands. Checked against scipy 1.17.1 by
 * hand (values in test/bench/gates-theory.test.ts).
 */
import {
  binomialPmf,
  binomialSf,
  normalCdf,
  normalQuantile,
  studentTQuantile,
} from '../packages/core/src/stats/distributions.js';

/** Relative weight below which a tail of a density is left out of a quadrature (e^-40 ~ 4e-18). */
const TAIL_LOG = -40;

/** Power of the one-sided z-test that knows sigma: Phi(ncp - z_{1-alpha}). */
export function zTestPower(ncp: number, alpha: number): number {
  return normalCdf(ncp - normalQuantile(1 - alpha));
}

/**
 * Nodes and weights of a trapezoid rule for a density given by its log (up to a constant) on the
 * real line, peaked at `mode` with roughly the width `width`: the range is cut where the log density
 * falls TAIL_LOG below its peak, and the weights are normalised to sum to 1. A step of width / 5
 * agrees with scipy to 2e-14 (width / 4: 7e-11, width / 10: 1e-15, in test/bench).
 */
function quadrature(logDensity: (x: number) => number, mode: number, width: number): [number[], number[]] {
  const step = width / 5;
  const peak = logDensity(mode);
  const edge = (direction: 1 | -1): number => {
    let x = mode;
    while (logDensity(x) - peak > TAIL_LOG) x += direction * step;
    return x;
  };
  const lo = edge(-1);
  const hi = edge(1);
  const nodes: number[] = [];
  const weights: number[] = [];
  let total = 0;
  for (let x = lo; x <= hi; x += step) {
    const w = Math.exp(logDensity(x) - peak);
    nodes.push(x);
    weights.push(w);
    total += w;
  }
  return [nodes, weights.map((w) => w / total)];
}

const chiScaleRules = new Map<number, [number[], number[]]>();

/**
 * E[g(S)] for S = sqrt(X / df), X ~ chi-square(df): what a sample standard deviation is, in units
 * of the true one. In u = ln S the density is proportional to exp(df (u - (e^{2u} - 1) / 2)):
 * smooth, peaked at 0 with width about 1 / sqrt(2 df).
 */
export function overChiScale(df: number, g: (s: number) => number): number {
  let rule = chiScaleRules.get(df);
  if (rule === undefined) {
    const [us, weights] = quadrature(
      (u) => df * (u - (Math.exp(2 * u) - 1) / 2),
      0,
      Math.min(0.5, 1 / Math.sqrt(2 * df)),
    );
    rule = [us.map(Math.exp), weights];
    chiScaleRules.set(df, rule);
  }
  const [scales, weights] = rule;
  let sum = 0;
  for (let i = 0; i < scales.length; i++) sum += weights[i]! * g(scales[i]!);
  return sum;
}

/**
 * P(T > c) for the noncentral t with df degrees of freedom and noncentrality ncp: T = (Z + ncp) / S,
 * so P(T > c) = E[Phi(ncp - c S)] over S (overChiScale). scipy: nct.sf(c, df, ncp).
 */
export function noncentralTSf(c: number, df: number, ncp: number): number {
  return overChiScale(df, (s) => normalCdf(ncp - c * s));
}

/** Power of the one-sided t-test with df degrees of freedom: P(T > t_{1-alpha, df}). */
export function tTestPower(ncp: number, df: number, alpha: number): number {
  return noncentralTSf(studentTQuantile(1 - alpha, df), df, ncp);
}

/**
 * Power of Welch's one-sided t-test with n runs on each side and equal true variances, exactly.
 *
 * With n per side, Welch's standard error is sqrt((s1^2 + s2^2) / n), the pooled one: so the
 * statistic is a noncentral t with 2n - 2 df. What makes Welch's test different is its critical
 * value, t_{1-alpha, nu} with nu = (n - 1) / (B^2 + (1 - B)^2), where B = s1^2 / (s1^2 + s2^2)
 * is the share of one side in the variance. B ~ Beta((n - 1) / 2, (n - 1) / 2) is independent of
 * s1^2 + s2^2 (and of the means), so
 *
 *   power = E_B[ P(T_{2n-2}(ncp) > t_{1-alpha, nu(B)}) ],
 *
 * a one-dimensional integral over B, by the trapezoid rule in x = logit(B), where B's density
 * times dB/dx is proportional to (B (1 - B))^((n - 1) / 2).
 */
export function welchPower(n: number, ncp: number, alpha: number): number {
  if (!(n >= 2)) throw new RangeError(`Welch's t-test needs 2 runs per side, got ${n}`);
  const a = (n - 1) / 2;
  const logShare = (x: number) => -Math.log1p(Math.exp(-x)); // log B
  const [xs, weights] = quadrature((x) => a * (logShare(x) + logShare(-x)), 0, Math.min(1, 1 / Math.sqrt(a)));
  let power = 0;
  for (let i = 0; i < xs.length; i++) {
    const share = 1 / (1 + Math.exp(-xs[i]!));
    const nu = (n - 1) / (share * share + (1 - share) * (1 - share));
    power += weights[i]! * noncentralTSf(studentTQuantile(1 - alpha, nu), 2 * n - 2, ncp);
  }
  return power;
}

/**
 * Power of McNemar's exact one-sided test on n paired examples, exactly. Each example is, with
 * probability qWorse, right on base and wrong on head, and with probability qBetter the reverse.
 * Given m = b + c disagreements (m ~ Binomial(n, qWorse + qBetter)), b ~ Binomial(m, pi) with
 * pi = qWorse / (qWorse + qBetter), and the test blocks when P(X >= b | m, 1/2) <= alpha.
 * With qWorse = qBetter it gives the test's exact false-block rate (below alpha: b is discrete).
 */
export function mcnemarPower(n: number, qWorse: number, qBetter: number, alpha: number): number {
  const q = qWorse + qBetter;
  const pi = qWorse / q;
  const mean = n * q;
  const sd = Math.sqrt(n * q * (1 - q));
  const from = Math.max(1, Math.floor(mean - 12 * sd));
  const to = Math.min(n, Math.ceil(mean + 12 * sd));
  let power = 0;
  for (let m = from; m <= to; m++) {
    // The smallest b with P(X >= b) = binomialSf(b - 1) <= alpha, by bisection on [ceil(m/2), m + 1].
    let lo = Math.ceil(m / 2);
    let hi = m + 1; // m + 1: never blocks
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (binomialSf(mid - 1, m, 0.5) <= alpha) hi = mid;
      else lo = mid + 1;
    }
    if (lo <= m) power += binomialPmf(m, n, q) * binomialSf(lo - 1, m, pi);
  }
  return power;
}
