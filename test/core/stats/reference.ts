// Shared loader for the scipy reference values (made by test/fixtures/generated/stats/make_reference.py).
import { readFileSync } from 'node:fs';

type Encoded = number | 'nan' | 'inf' | '-inf';

export interface Reference {
  gammaln: { x: number; value: Encoded }[];
  betainc: { a: number; b: number; x: number; value: Encoded }[];
  t_cdf: { t: number; df: number; cdf: Encoded; sf: Encoded }[];
  t_ppf: { p: number; df: number; value: Encoded }[];
  norm_cdf: { x: number; cdf: Encoded; sf: Encoded }[];
  norm_ppf: { p: number; value: Encoded }[];
  binom: { k: number; n: number; p: number; cdf: Encoded; sf: Encoded; pmf: Encoded }[];
  mcnemar: { b: number; c: number; two_sided: Encoded; head_worse: Encoded }[];
  /** scipy.stats.beta.ppf(p, a, b), replaced by mpmath where scipy is off (see scipy_overridden). */
  beta_ppf: { p: number; a: number; b: number; value: Encoded }[];
  /**
   * Clopper–Pearson interval of pi = b / (b + c) at two-sided `level`: low / high to full precision
   * (mpmath), scipy_low / scipy_high from binomtest(...).proportion_ci (brentq, 2e-12 absolute);
   * diff_low / diff_high = (m / n)(1 - 2 pi) at the other end.
   */
  mcnemar_ci: {
    b: number;
    c: number;
    n: number;
    level: number;
    low: Encoded;
    high: Encoded;
    scipy_low: Encoded;
    scipy_high: Encoded;
    diff_low: Encoded;
    diff_high: Encoded;
  }[];
  welch: {
    a: number[];
    b: number[];
    t: Encoded;
    df: Encoded;
    p_two_sided: Encoded;
    p_less: Encoded;
    p_greater: Encoded;
    ci95: [Encoded, Encoded];
    ci90: [Encoded, Encoded];
  }[];
  scipy_overridden: unknown[];
}

export const REF = JSON.parse(
  readFileSync('test/fixtures/generated/stats/reference.json', 'utf8'),
) as Reference;

export function dec(v: Encoded): number {
  return v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v;
}

/**
 * |got - want| <= rel * |want| + abs. Returns a message instead of a boolean so a failure names
 * the case; '' means close enough.
 */
export function close(got: number, want: Encoded, rel: number, abs = 0, what = ''): string {
  const w = dec(want);
  if (Object.is(got, w) || got === w) return '';
  if (Number.isNaN(w) && Number.isNaN(got)) return '';
  if (Math.abs(got - w) <= rel * Math.abs(w) + abs) return '';
  return `${what}: got ${got}, want ${w} (relative error ${Math.abs(got - w) / Math.abs(w)})`;
}
