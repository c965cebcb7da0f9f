import {
  exactSample,
  FewValues,
  QuantileSketch,
  Reservoir,
  SKETCH_BATCH,
  SKETCH_K,
  SKETCH_RANK_ERROR,
  sampleQuantile,
  sortFloats,
  weightAtOrBelow,
} from '../../../packages/core/src/data/sketch.js';
import { createRandom } from '../../../packages/core/src/stats/random.js';

const N = 100_000;

/** 100,000 values of a kind that stresses a quantile sketch differently. */
function data(kind: string, seed: number): Float64Array {
  const rng = createRandom(seed);
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    if (kind === 'normal') out[i] = rng.normal();
    else if (kind === 'sorted ascending') out[i] = i;
    else if (kind === 'sorted descending') out[i] = N - i;
    else if (kind === 'heavy ties (50 values)') out[i] = Math.floor(rng.next() * 50);
    else out[i] = Math.exp(2 * rng.normal()); // lognormal, a long right tail
  }
  return out;
}

/** Share of `sorted` strictly below / at or below x (the true ranks, by binary search). */
function trueRanks(sorted: Float64Array, x: number): [number, number] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  let lo2 = lo;
  hi = sorted.length;
  while (lo2 < hi) {
    const mid = (lo2 + hi) >>> 1;
    if (sorted[mid]! <= x) lo2 = mid + 1;
    else hi = mid;
  }
  return [lo / sorted.length, lo2 / sorted.length];
}

describe('the KLL quantile sketch against exact quantiles of 100,000 values', () => {
  const kinds = ['normal', 'sorted ascending', 'sorted descending', 'heavy ties (50 values)', 'lognormal'];

  it.each(kinds)(
    `%s: every rank and quantile within ${SKETCH_RANK_ERROR * 100}% (k = ${SKETCH_K})`,
    (kind) => {
      let worst = 0;
      for (const seed of [1, 2, 3]) {
        const values = data(kind, seed);
        const sketch = new QuantileSketch(SKETCH_K, seed);
        for (const v of values) sketch.add(v);
        expect(sketch.count).toBe(N);
        expect(sketch.exact).toBe(false);
        const sample = sketch.sample();
        // Bounded memory: about 3k + a batch of values held, not 100,000.
        expect(sample.values.length).toBeLessThan(3 * SKETCH_K + SKETCH_BATCH + 64);
        expect(sample.cumulative[sample.values.length]).toBe(N);
        const sorted = values.slice().sort();
        // Rank queries: the share at or below x.
        for (let i = 0; i < N; i += 101) {
          const x = sorted[i]!;
          const [, atOrBelow] = trueRanks(sorted, x);
          worst = Math.max(worst, Math.abs(weightAtOrBelow(sample, x) / N - atOrBelow));
        }
        // Quantile queries: the value returned for q has a true rank range that contains q, give or take.
        for (let k = 1; k < 1000; k++) {
          const q = k / 1000;
          const [below, atOrBelow] = trueRanks(sorted, sampleQuantile(sample, q));
          worst = Math.max(worst, q < below ? below - q : q > atOrBelow ? q - atOrBelow : 0);
        }
      }
      expect(worst).toBeLessThanOrEqual(SKETCH_RANK_ERROR);
    },
  );

  it('holds every value as itself until it must compact, and is then still exact in count', () => {
    const sketch = new QuantileSketch(64, 1);
    for (let i = 0; i < 40; i++) sketch.add(40 - i);
    expect(sketch.exact).toBe(true);
    expect(Array.from(sketch.sample().values)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('is the same sketch for the same seed and values (reproducible reports)', () => {
    const values = data('normal', 9);
    const a = new QuantileSketch(SKETCH_K, 5);
    const b = new QuantileSketch(SKETCH_K, 5);
    for (const v of values) {
      a.add(v);
      b.add(v);
    }
    expect(a.sample()).toEqual(b.sample());
  });
});

describe('the radix sort behind compaction', () => {
  it('sorts doubles of any sign and size as the built-in sort does', () => {
    const rng = createRandom(4);
    for (const n of [10, 300, 5000]) {
      const values = Float64Array.from({ length: n }, (_, i) =>
        i % 7 === 0
          ? -0
          : i % 11 === 0
            ? 0
            : i % 5 === 0
              ? Math.floor(rng.next() * 3)
              : (rng.next() - 0.5) * 10 ** (i % 9),
      );
      const expected = values.slice().sort();
      sortFloats(values);
      expect(values).toEqual(expected);
    }
  });
});

describe('exact samples', () => {
  it("interpolate quantiles as numpy's default (linear) method", () => {
    const sample = exactSample([5, 1, 4, 2, 3]);
    expect([0, 0.1, 0.25, 0.5, 0.9, 1].map((q) => sampleQuantile(sample, q))).toEqual([1, 1.4, 2, 3, 4.6, 5]);
  });
});

describe('the reservoir sample', () => {
  it('holds every value, in order, while there are at most its capacity', () => {
    const reservoir = new Reservoir(5, 1);
    [3, 1, 2].forEach((v) => reservoir.add(v));
    expect(reservoir.complete).toBe(true);
    expect(Array.from(reservoir.values())).toEqual([3, 1, 2]);
  });

  it('is a uniform sample of a long column: every part of it is represented in proportion', () => {
    const reservoir = new Reservoir(2000, 7);
    for (let i = 0; i < 200_000; i++) reservoir.add(i);
    expect(reservoir.complete).toBe(false);
    const values = reservoir.values();
    expect(values.length).toBe(2000);
    expect(new Set(values).size).toBe(2000);
    // Ten tenths of the column: each should hold about 200 of the 2000 (binomial sd ~13).
    const tenths = new Array<number>(10).fill(0);
    for (const v of values) tenths[Math.floor(v / 20_000)]!++;
    for (const count of tenths) expect(Math.abs(count - 200)).toBeLessThan(70);
  });

  it('is the same sample for the same seed', () => {
    const a = new Reservoir(100, 3);
    const b = new Reservoir(100, 3);
    for (let i = 0; i < 10_000; i++) {
      a.add(i);
      b.add(i);
    }
    expect(a.values()).toEqual(b.values());
  });
});

describe('few distinct values', () => {
  it('counts up to its limit, then only says there were more', () => {
    const few = new FewValues(3);
    [1, 2, 1, 3, 1].forEach((v) => few.add(v));
    expect(few).toMatchObject({ values: [1, 2, 3], counts: [3, 1, 1], overflowed: false });
    few.add(4);
    expect(few.overflowed).toBe(true);
  });
});
