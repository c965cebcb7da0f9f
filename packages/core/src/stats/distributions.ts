/**
 * Special functions and distributions for the statistical gates, in plain TypeScript.
 *
 * Accuracy goal: about 1e-12 relative (checked against scipy at 1e-9 in test/core/stats), in the
 * tails too, because a gate compares tail probabilities like 0.003 with alpha. Each tail is
 * computed directly (never as `1 - other tail`), so tiny p values keep their relative accuracy.
 */

const LN_SQRT_2PI = 0.9189385332046727; // log(sqrt(2 pi))
const EPS = 1e-16;
const FPMIN = 1e-300;

function assertFinitePositive(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value))
    throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
}

/**
 * Stirling's series for log Gamma(x) - [(x - 1/2) log x - x + log sqrt(2 pi)], valid for x >= 10
 * (truncation error below 1e-15 there). Kept separate so lnBeta can cancel the big terms exactly.
 */
function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return (
    r *
    (1 / 12 +
      r2 *
        (-1 / 360 +
          r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156)))))))
  );
}

// Lanczos approximation, g = 7, n = 9 (the coefficients of Numerical Recipes 2nd ed. / Godfrey).
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * log Gamma(x) for x > 0. Lanczos below 10, Stirling's series with its correction above (more
 * accurate for large x). Near x = 1 and x = 2, where the value crosses 0, the error is absolute
 * (about 1e-15), not relative. Negative non-integers use the reflection formula and return
 * log |Gamma(x)|.
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === 1 || x === 2) return 0;
  if (x === Infinity) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0.5) {
    // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingCorrection(x);
  const xm1 = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (xm1 + i);
  const t = xm1 + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (xm1 + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * log B(a, b) = log Gamma(a) + log Gamma(b) - log Gamma(a + b), without the catastrophic
 * cancellation of that formula when a or b is large (the approach of R's lbeta): with Stirling's
 * series the huge terms are cancelled algebraically.
 */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
    return (
      -0.5 * Math.log(q) +
      LN_SQRT_2PI +
      corr +
      (p - 0.5) * Math.log(p / (p + q)) +
      q * Math.log1p(-p / (p + q))
    );
  }
  if (q >= 10) {
    const corr = stirlingCorrection(q) - stirlingCorrection(p + q);
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

/** Continued fraction for I_x(a, b) (Numerical Recipes `betacf`, modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  // Convergence takes O(sqrt(max(a, b))) steps near the switch point; the cap is far above that
  // for every a, b a gate can produce (degrees of freedom, counts of examples).
  const maxIterations = 1000 + Math.ceil(20 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) return h;
  }
  return h; // not reached for sane inputs; the partial fraction is still a good approximation
}

/**
 * I_x(a, b) given both x and y = 1 - x, so callers that know 1 - x more accurately than the
 * subtraction (t distribution: y = t^2 / (df + t^2)) keep their precision.
 */
function incompleteBeta(a: number, b: number, x: number, y: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  if (x < (a + 1) / (a + b + 2)) return (betaFront(a, b, x, y) * betaContinuedFraction(a, b, x)) / a;
  return 1 - (betaFront(b, a, y, x) * betaContinuedFraction(b, a, y)) / b;
}

/** x^a y^b / B(a, b), in log space. */
function betaFront(a: number, b: number, x: number, y: number): number {
  const lnx = x <= 0.5 ? Math.log(x) : Math.log1p(-y);
  const lny = y <= 0.5 ? Math.log(y) : Math.log1p(-x);
  return Math.exp(a * lnx + b * lny - logBeta(a, b));
}

/** Regularized incomplete beta function I_x(a, b), argument order of scipy.special.betainc(a, b, x). */
export function betaInc(a: number, b: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(x)) return NaN;
  assertFinitePositive('a', a);
  assertFinitePositive('b', b);
  if (x < 0 || x > 1) throw new RangeError(`x must be in [0, 1], got ${x}`);
  return incompleteBeta(a, b, x, 1 - x);
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * Starting point for betaQuantile as [log x, log(1 - x)] (Numerical Recipes 3rd ed. `invbetai`,
 * taken to log space so that neither end underflows): a normal approximation (Abramowitz & Stegun
 * 26.5.22) when a, b >= 1, else the power laws of the two tails.
 */
function betaQuantileGuess(p: number, a: number, b: number): [number, number] {
  if (a >= 1 && b >= 1) {
    const t = Math.sqrt(-2 * Math.log(p < 0.5 ? p : 1 - p));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    // x = a / (a + b e^{2w}), 1 - x = b e^{2w} / (a + b e^{2w})
    const lnRatio = Math.log(b / a) + 2 * w;
    return [-softplus(lnRatio), -softplus(-lnRatio)];
  }
  const lna = Math.log(a / (a + b));
  const lnb = Math.log(b / (a + b));
  const t = Math.exp(a * lna) / a;
  const u = Math.exp(b * lnb) / b;
  const w = t + u;
  if (p < t / w) {
    const lnx = (Math.log(a * w) + Math.log(p)) / a; // x = (a w p)^(1/a)
    return [lnx, Math.log1p(-Math.exp(lnx))];
  }
  const lny = (Math.log(b * w) + Math.log1p(-p)) / b; // 1 - x = (b w (1 - p))^(1/b)
  return [Math.log1p(-Math.exp(lny)), lny];
}

const HALF_LOG = Math.log(0.5);

/**
 * The p-quantile of the Beta(a, b) distribution: x with betaInc(a, b, x) = p. Argument order of
 * scipy.stats.beta.ppf(p, a, b) (p first), whereas betaInc follows scipy.special.betainc(a, b, x).
 *
 * p = 0 gives 0 and p = 1 gives 1 exactly; a = 1 or b = 1 use the closed forms. Otherwise it solves
 * for s = min(x, 1 - x) (whichever the root makes smaller, so both ends keep their relative
 * accuracy) against the smaller tail (p, or 1 - p, which is exact for p >= 1/2): Newton on
 * log(tail) as a function of log s, which is nearly linear in the tails, kept inside a bisection
 * bracket and replaced by a bisection step whenever it leaves the bracket or stops converging
 * quadratically (Numerical Recipes `rtsafe`). It stops when a step changes s by less than 1e-15
 * relative, so the result is as accurate as betaInc allows. Against mpmath (test/core/stats, a and
 * b from 1e-3 to 1e7, p from 1e-300 to 1 - 1e-16): within 2e-12 relative for a, b <= 1e5, mostly
 * ~1e-14 (near x = 0 the problem's condition number is about 1/a: 1000 at a = 1e-3); within 6e-11
 * when a shape parameter is 1e7, where betaInc itself runs its continued fraction in 1 - x.
 * A quantile below the smallest double comes out as 0, one closer to 1 than half an ulp as 1.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (Number.isNaN(p) || Number.isNaN(a) || Number.isNaN(b)) return NaN;
  assertFinitePositive('a', a);
  assertFinitePositive('b', b);
  if (p < 0 || p > 1) return NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  if (a === 1 && b === 1) return p;
  if (b === 1) return Math.exp(Math.log(p) / a); // I_x(a, 1) = x^a
  if (a === 1) return -Math.expm1(Math.log1p(-p) / b); // I_x(1, b) = 1 - (1 - x)^b

  const lower = p <= 0.5;
  const logTarget = Math.log(lower ? p : 1 - p);
  const lnB = logBeta(a, b);
  // G(s) = log(tail) - log(target), signed so that it increases with s, and dG/d(log s) = s pdf / tail.
  // sideX: s = x; otherwise s = 1 - x.
  const evaluate = (s: number, sideX: boolean): [number, number] => {
    const x = sideX ? s : 1 - s;
    const y = sideX ? 1 - s : s;
    const lnx = sideX ? Math.log(s) : Math.log1p(-s);
    const lny = sideX ? Math.log1p(-s) : Math.log(s);
    const tail = lower ? incompleteBeta(a, b, x, y) : incompleteBeta(b, a, y, x);
    const logTail = tail > 0 ? Math.log(tail) : -Infinity;
    const g = logTail - logTarget;
    const slope = Math.exp(Math.log(s) + (a - 1) * lnx + (b - 1) * lny - lnB - logTail);
    // The lower tail grows with x, the upper tail shrinks; x grows with s on the x side only.
    return [lower === sideX ? g : -g, slope];
  };

  const [gHalf] = evaluate(0.5, true);
  if (gHalf === 0) return 0.5;
  const sideX = gHalf > 0; // the root has x < 1/2, else 1 - x < 1/2
  const finish = (s: number) => (sideX ? s : 1 - s);
  // Bracket: G(sLo) < 0 <= G(sHi).
  let sLo = Number.MIN_VALUE;
  let sHi = 0.5;
  const [gMin] = evaluate(sLo, sideX);
  if (gMin >= 0) return finish(gMin === 0 ? sLo : 0); // the root is below the smallest double

  const [lnx0, lny0] = betaQuantileGuess(p, a, b);
  const u0 = sideX ? lnx0 : lny0;
  let s = u0 < HALF_LOG ? Math.exp(u0) : NaN;
  if (!(s > sLo && s < sHi)) s = Math.sqrt(sLo) * Math.sqrt(sHi); // guess unusable: bisect
  let step = Infinity; // the last step and the one before, in log s
  let stepBefore = Infinity;
  for (let i = 0; i < 300; i++) {
    const [g, slope] = evaluate(s, sideX);
    if (g === 0) return finish(s);
    if (g < 0) sLo = s;
    else sHi = s;
    const newton = g / slope;
    const next = s * Math.exp(-newton);
    // As in rtsafe, Newton must at least halve the step before last, else bisect.
    const limit = 0.5 * Math.abs(stepBefore);
    stepBefore = step;
    if (Number.isFinite(newton) && next > sLo && next < sHi && Math.abs(newton) <= limit) {
      step = newton;
      s = next;
      if (Math.abs(newton) <= 1e-15) return finish(s);
    } else {
      // Bisect: geometrically while the bracket spans orders of magnitude, arithmetically after.
      const ratio = sHi / sLo;
      step = 0.5 * Math.log(ratio);
      s = ratio > 4 ? Math.exp(0.5 * (Math.log(sLo) + Math.log(sHi))) : 0.5 * (sLo + sHi);
      if (sHi - sLo <= 1e-15 * sHi) return finish(s);
    }
  }
  return finish(s);
}

// ---------------------------------------------------------------------------------------------
// Incomplete gamma (the chi-square's tail; erfc below)

const GAMMA_MAX_ITERATIONS = 100_000;

/**
 * Q(a, x) = Γ(a, x) / Γ(a): by the series of P when x < a + 1 (then Q is not small, so 1 - P
 * keeps its accuracy), else by Lentz's continued fraction for Q itself, so tiny p values keep
 * their relative accuracy (Numerical Recipes 6.2).
 */
export function gammaQ(a: number, x: number): number {
  const logPrefactor = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < GAMMA_MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefactor));
  }
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < GAMMA_MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.min(1, Math.exp(logPrefactor) * h);
}

// ---------------------------------------------------------------------------------------------
// Normal distribution

/** erfc(sqrt(u)) = Q(1/2, u), for u >= 1.5 (where gammaQ uses its continued fraction). */
function erfcContinuedFraction(u: number): number {
  return gammaQ(0.5, u);
}

/** erf(z) for z >= 0 with z^2 < 1.5, by the series of positive terms (no cancellation). */
function erfSeries(z: number): number {
  const u = z * z;
  let term = z;
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= (2 * u) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-u) * sum;
}

/** Lower tail P(Z <= x) of the standard normal distribution, relative accuracy ~1e-15 in both tails. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const u = (x * x) / 2;
  if (u < 1.5) {
    const e = erfSeries(Math.abs(x) / Math.SQRT2);
    return x < 0 ? 0.5 * (1 - e) : 0.5 * (1 + e);
  }
  const tail = u > 800 ? 0 : 0.5 * erfcContinuedFraction(u);
  return x < 0 ? tail : 1 - tail;
}

/** Upper tail P(Z > x). */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

export function normalPdf(x: number): number {
  return Math.exp(-(x * x) / 2 - LN_SQRT_2PI);
}

// Acklam's rational approximation (relative error < 1.15e-9), refined by Halley steps on normalCdf.
const ACKLAM_A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const ACKLAM_B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
];
const ACKLAM_C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function polynomial(coefficients: number[], x: number): number {
  let s = 0;
  for (const c of coefficients) s = s * x + c;
  return s;
}

/** x with P(Z <= x) = p, for p <= 0.5 (x <= 0). */
function normalLowerQuantile(p: number): number {
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = polynomial(ACKLAM_C, q) / (polynomial(ACKLAM_D, q) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (polynomial(ACKLAM_A, r) * q) / (polynomial(ACKLAM_B, r) * r + 1);
  }
  // Halley steps in relative form: (Phi(x) - p) / phi(x) = (Phi(x)/p - 1) * p / phi(x), where
  // p / phi(x) is formed in log space so that p down to 1e-300 does not overflow.
  for (let i = 0; i < 2; i++) {
    const relative = normalCdf(x) / p - 1;
    const u = relative * Math.exp(Math.log(p) + (x * x) / 2 + LN_SQRT_2PI);
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}

/** The p-quantile of the standard normal distribution (inverse of normalCdf). */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // 1 - p is exact for p in [0.5, 1] (Sterbenz), so the upper half loses nothing by symmetry.
  return p < 0.5 ? normalLowerQuantile(p) : -normalLowerQuantile(1 - p);
}

// ---------------------------------------------------------------------------------------------
// Student's t distribution

/** Hill (1970), Algorithm 395: P(T > t) for large df via a normal deviate z(t, df). */
function hillTail(t: number, df: number): number {
  const a = df - 0.5;
  const b = 48 * a * a;
  const y = a * Math.log1p((t * t) / df);
  if (!(y < 1e5)) return 0; // z^2 > 1e5: the tail is far below the smallest double
  const z =
    (((((-0.4 * y - 3.3) * y - 24) * y - 85.5) / (0.8 * y * y + 100 + b) + y + 3) / b + 1) * Math.sqrt(y);
  return normalSf(z);
}

/** P(T > |t|) for t's absolute value, i.e. the one tail beyond |t|, via I_{df/(df+t^2)}(df/2, 1/2) / 2. */
function studentTailBeyond(t: number, df: number): number {
  const at = Math.abs(t);
  if (at === Infinity) return 0;
  if (df === Infinity) return normalSf(at);
  // The continued fraction needs O(sqrt(df)) steps and its rounding grows with them (3e-9 relative
  // at df = 1e8). For large df, Hill's asymptotic normalisation (ACM Algorithm 395) is accurate to
  // about 1e-13 relative in both tails (checked against mpmath for df = 1e4 .. 1e10, |t| <= 20).
  if (df >= 1e4) return hillTail(at, df);
  const t2 = at * at;
  if (!(t2 < 1e280 * df)) {
    // x = df / (df + t^2) < 1e-280 (or t^2 overflows): the continued fraction is 1 + O(x), so the
    // leading term x^a / (a B(a, 1/2)) is exact to rounding; formed in log space so it cannot underflow early.
    const a = df / 2;
    const lnx = Math.log(df) - 2 * Math.log(at);
    return (0.5 * Math.exp(a * lnx - logBeta(a, 0.5))) / a;
  }
  return 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t2), t2 / (df + t2));
}

/** P(T <= t) for Student's t with df > 0 degrees of freedom (df = Infinity is the normal). */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df)) return NaN;
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  const tail = studentTailBeyond(t, df);
  return t < 0 ? tail : 1 - tail;
}

/**
 * [P(T <= t), P(T > t)] from one evaluation of the tail beyond |t|: the same numbers as
 * studentTCdf(t) and studentTSf(t), for the price of one (a test needs both one-sided p values).
 */
export function studentTTails(t: number, df: number): [number, number] {
  if (Number.isNaN(t) || Number.isNaN(df)) return [NaN, NaN];
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  const tail = studentTailBeyond(t, df);
  // studentTSf(t) is studentTCdf(-t): the tail beyond |-t| is the same tail.
  return [t < 0 ? tail : 1 - tail, -t < 0 ? tail : 1 - tail];
}

/** P(T > t), computed directly so small upper tails keep their relative accuracy. */
export function studentTSf(t: number, df: number): number {
  return studentTCdf(-t, df);
}

export function studentTPdf(t: number, df: number): number {
  if (df === Infinity) return normalPdf(t);
  return Math.exp(-((df + 1) / 2) * Math.log1p((t * t) / df) - 0.5 * Math.log(df) - logBeta(df / 2, 0.5));
}

/**
 * A starting point for the t quantile from the normal one: the Cornish–Fisher expansion in 1/df
 * (Abramowitz & Stegun 26.7.5). Four terms are within about 1e-5 of the quantile from df = 3 at
 * the usual levels, so Newton needs two or three steps instead of five; with fewer df only the
 * first term is used (the later ones grow there).
 */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  if (df < 3) return z + g1 / df;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/** t > 0 with P(T > t) = q, for 0 < q < 0.5: safeguarded Newton on log P(T > t) against log t. */
function studentUpperQuantile(q: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * q); // Cauchy, exact
  if (df === Infinity) return -normalLowerQuantile(q);
  // Beyond the largest double? (Heavy tails: df = 0.3 and q = 1e-100 would need t ~ 1e333.) With
  // df >= 1 the tail beyond the largest double is below 2e-309, so only smaller q can ask for it.
  if ((df < 1 || q < 1e-300) && studentTailBeyond(Number.MAX_VALUE, df) > q) return Infinity;
  // Newton on f(u) = log P(T > e^u) - log q, which is nearly linear in u in the tails (slope about
  // -df), with bisection inside the bracket whenever a step would leave it.
  const z = -normalLowerQuantile(q);
  let t = df === 2 ? (1 - 2 * q) / Math.sqrt(2 * q * (1 - q)) : cornishFisher(z, df);
  if (!(t > 0) || !Number.isFinite(t)) t = 1;
  let u = Math.log(t);
  let lo = -Infinity;
  let hi = Math.log(Number.MAX_VALUE);
  const target = Math.log(q);
  for (let i = 0; i < 400; i++) {
    t = Math.exp(u);
    const sf = studentTailBeyond(t, df);
    const f = Math.log(sf) - target;
    if (f === 0) return t;
    if (f > 0) lo = u;
    else hi = u;
    const slope = (-t * studentTPdf(t, df)) / sf;
    let next = u - f / slope;
    if (!(next > lo && next < hi)) next = lo === -Infinity ? u - 2 : (lo + hi) / 2;
    if (Math.abs(next - u) <= 4e-16 * Math.max(1, Math.abs(u))) return Math.exp(next);
    u = next;
  }
  return Math.exp(u);
}

/** The p-quantile of Student's t with df degrees of freedom (inverse of studentTCdf). */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || Number.isNaN(df) || p < 0 || p > 1) return NaN;
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  return p < 0.5 ? -studentUpperQuantile(p, df) : studentUpperQuantile(1 - p, df);
}

// ---------------------------------------------------------------------------------------------
// Binomial distribution

function checkBinomial(n: number, p: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
}

/** P(X <= k) for X ~ Binomial(n, p), exact up to rounding (via the incomplete beta function). */
export function binomialCdf(k: number, n: number, p: number): number {
  checkBinomial(n, p);
  const kk = Math.floor(k);
  if (kk < 0) return 0;
  if (kk >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  // P(X <= k) = I_{1-p}(n - k, k + 1)
  return incompleteBeta(n - kk, kk + 1, 1 - p, p);
}

/** P(X > k), computed directly (not as 1 - cdf) so small upper tails are accurate. */
export function binomialSf(k: number, n: number, p: number): number {
  checkBinomial(n, p);
  const kk = Math.floor(k);
  if (kk < 0) return 1;
  if (kk >= n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  // P(X > k) = P(X >= k + 1) = I_p(k + 1, n - k)
  return incompleteBeta(kk + 1, n - kk, p, 1 - p);
}

/** P(X = k). */
export function binomialPmf(k: number, n: number, p: number): number {
  checkBinomial(n, p);
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const logChoose = -Math.log(n + 1) - logBeta(n - k + 1, k + 1);
  return Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
}
