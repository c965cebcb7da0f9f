/**
 * Distances between two distributions of one column, for data drift on large tables (where every
 * test says "different" and the question is "by how much"). Each is what the named scipy function
 * computes (test vectors: test/fixtures/drift/scipy-expected.json):
 *
 * - wassersteinDistance: scipy.stats.wasserstein_distance, with optional weights (a quantile
 *   sketch is a weighted sample), in the column's own units;
 * - jensenShannonDistance: scipy.spatial.distance.jensenshannon(p, q, base=2), in [0, 1];
 * - populationStabilityIndex: Σ (r - c) ln(r / c) over shares, empty shares raised to epsilon;
 * - lInfinityDistance: max |p_i - q_i| over normalized frequencies (TFDV's categorical comparator).
 */

/**
 * The first Wasserstein distance between two (weighted) samples: the area between their CDFs,
 * ∫ |U(t) - V(t)| dt, in the values' units. Weights default to 1; they need not sum to 1.
 */
export function wassersteinDistance(
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  uWeights?: ArrayLike<number>,
  vWeights?: ArrayLike<number>,
): number {
  const a = sortedWeighted(u, uWeights, 'first');
  const b = sortedWeighted(v, vWeights, 'second');
  const uTotal = a.cumulative[a.values.length]!;
  const vTotal = b.cumulative[b.values.length]!;
  // Walk the merged values; between two consecutive ones both CDFs are constant.
  let i = 0;
  let j = 0;
  let previous = NaN;
  let distance = 0;
  const nu = a.values.length;
  const nv = b.values.length;
  while (i < nu || j < nv) {
    const next = j >= nv || (i < nu && a.values[i]! <= b.values[j]!) ? a.values[i]! : b.values[j]!;
    if (!Number.isNaN(previous) && next > previous) {
      // CDFs at `previous` (right-continuous): everything <= previous, already consumed.
      const uCdf = a.cumulative[i]! / uTotal;
      const vCdf = b.cumulative[j]! / vTotal;
      distance += Math.abs(uCdf - vCdf) * (next - previous);
    }
    while (i < nu && a.values[i]! <= next) i++;
    while (j < nv && b.values[j]! <= next) j++;
    previous = next;
  }
  return distance;
}

interface Weighted {
  values: Float64Array;
  /** cumulative[k] = total weight of the k smallest values (cumulative[0] = 0). */
  cumulative: Float64Array;
}

function sortedWeighted(
  values: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  which: string,
): Weighted {
  const n = values.length;
  if (n === 0) throw new RangeError(`the ${which} distribution has no values`);
  if (weights !== undefined && weights.length !== n) {
    throw new RangeError(`the ${which} distribution has ${n} values but ${weights.length} weights`);
  }
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i]!)) throw new RangeError(`the ${which} distribution holds ${values[i]}`);
    if (weights !== undefined && !(weights[i]! >= 0 && Number.isFinite(weights[i]!))) {
      throw new RangeError(`the ${which} distribution has the weight ${weights[i]}`);
    }
  }
  order.sort((x, y) => values[x]! - values[y]! || x - y);
  const sorted = new Float64Array(n);
  const cumulative = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    sorted[k] = values[order[k]!]!;
    cumulative[k + 1] = cumulative[k]! + (weights === undefined ? 1 : weights[order[k]!]!);
  }
  if (!(cumulative[n]! > 0)) throw new RangeError(`the ${which} distribution's weights sum to 0`);
  return { values: sorted, cumulative };
}

/**
 * The Jensen–Shannon distance (the square root of the divergence) between two frequency vectors
 * over the same categories or bins, each normalized to sum to 1; base 2, so it lies in [0, 1]
 * (1: no category in common). scipy's default base is e (Evidently's older releases used it):
 * that distance is this one times sqrt(ln 2) ≈ 0.833.
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>, base = 2): number {
  if (p.length !== q.length)
    throw new RangeError(`expected vectors of one length, got ${p.length} and ${q.length}`);
  const ps = total(p, 'first');
  const qs = total(q, 'second');
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]! / ps;
    const qi = q[i]! / qs;
    const m = (pi + qi) / 2;
    if (pi > 0) sum += pi * Math.log(pi / m);
    if (qi > 0) sum += qi * Math.log(qi / m);
  }
  const divergence = Math.max(0, sum / 2 / Math.log(base));
  return Math.sqrt(divergence);
}

function total(values: ArrayLike<number>, which: string): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`the ${which} frequencies hold ${v}`);
    sum += v;
  }
  if (!(sum > 0)) throw new RangeError(`the ${which} frequencies sum to 0`);
  return sum;
}

/** Evidently's stand-in for an empty bin's share; any positive number keeps ln(r/c) finite. */
export const PSI_EPSILON = 1e-4;

/**
 * The population stability index Σ (r_i - c_i) ln(r_i / c_i) over the shares of each bin or
 * category (counts are normalized first), a share of 0 replaced by `epsilon`. Common reading:
 * below 0.1 no real change, 0.1 to 0.2 a moderate one, above 0.2 a significant one.
 */
export function populationStabilityIndex(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  epsilon = PSI_EPSILON,
): number {
  if (reference.length !== current.length) {
    throw new RangeError(`expected bins of one length, got ${reference.length} and ${current.length}`);
  }
  const rs = total(reference, 'reference');
  const cs = total(current, 'current');
  let psi = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i]! / rs || epsilon;
    const c = current[i]! / cs || epsilon;
    psi += (r - c) * Math.log(r / c);
  }
  return psi;
}

/** max_i |p_i - q_i| over normalized frequencies: the largest change of any one category's share. */
export function lInfinityDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length)
    throw new RangeError(`expected vectors of one length, got ${p.length} and ${q.length}`);
  const ps = total(p, 'first');
  const qs = total(q, 'second');
  let max = 0;
  for (let i = 0; i < p.length; i++) max = Math.max(max, Math.abs(p[i]! / ps - q[i]! / qs));
  return max;
}
