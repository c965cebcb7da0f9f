/**
 * What a numeric column keeps in bounded memory, whatever its length:
 *
 * - QuantileSketch: a KLL sketch (Karnin, Lang & Liberty 2016; the compactor scheme of Liberty's
 *   reference implementation, capacities k·(2/3)^depth, level 0 at least SKETCH_BATCH). It holds
 *   about 3k + SKETCH_BATCH values (40 KB); each is a stand-in for 2^level of the values seen. Queries are off by a share of the rank: measured on
 *   100,000 values (test/core/data/sketch.test.ts) the largest rank error is well under
 *   SKETCH_RANK_ERROR, the bound docs/drift.md states. Compactions flip a seeded coin, so a sketch
 *   of the same values in the same order is the same sketch on every run.
 * - Reservoir: a uniform sample without replacement of fixed size (Li's Algorithm L, seeded), for
 *   the tests that need raw values. While a column has at most `capacity` values the reservoir
 *   holds all of them, in order, and the statistics are exact.
 * - FewValues: the distinct numbers of a column and their counts, while there are at most five
 *   (Evidently tests such a numeric column as a categorical one).
 */
import { createRandom, type Random } from '../stats/random.js';

/** Default sketch size k: about 3k + SKETCH_BATCH values held (40 KB a column). */
export const SKETCH_K = 1024;

/**
 * The rank error the sketch is documented and tested to stay under (a share of the values): for
 * a value x, the share of values <= x it reports is within this of the true share; for a share q,
 * the value it reports has a true rank within this of q.
 */
export const SKETCH_RANK_ERROR = 0.005;

const C = 2 / 3;
/** Level 0 is compacted in batches of at least this many values (see capacity). */
export const SKETCH_BATCH = 2048;

/** Values sorted ascending, each with a weight; cumulative[i] = weight of the first i values. */
export interface WeightedSample {
  values: Float64Array;
  cumulative: Float64Array;
  /** Every weight is 1: the sample is the data itself (or a uniform sample of it). */
  exact: boolean;
}

export class QuantileSketch {
  private readonly levels: Float64Array[] = [];
  private readonly sizes: number[] = [];
  private held = 0;
  private maxHeld = 0;
  private seen = 0;
  private readonly rng: Random;

  constructor(
    private readonly k = SKETCH_K,
    seed = 1,
  ) {
    if (!(k >= 8) || !Number.isInteger(k))
      throw new RangeError(`sketch size k must be an integer >= 8, got ${k}`);
    this.rng = createRandom(seed);
    this.grow();
  }

  /** How many values were added. */
  get count(): number {
    return this.seen;
  }

  /** Whether every value added is still held as itself (no compaction yet). */
  get exact(): boolean {
    return this.levels.length === 1;
  }

  add(value: number): void {
    let level = this.levels[0]!;
    const size = this.sizes[0]!;
    if (size === level.length) {
      const bigger = new Float64Array(level.length * 2);
      bigger.set(level);
      this.levels[0] = level = bigger;
    }
    level[size] = value;
    this.sizes[0] = size + 1;
    this.seen++;
    if (++this.held >= this.maxHeld) this.compress();
  }

  private capacity(level: number): number {
    const depth = this.levels.length - level - 1;
    const capacity = Math.ceil(C ** depth * this.k) + 1;
    // Level 0 takes every value: compacting it in batches of at least SKETCH_BATCH lets the radix
    // sort run at its constant cost per value (a bigger buffer only makes the sketch more exact).
    return level === 0 ? Math.max(capacity, SKETCH_BATCH) : capacity;
  }

  private grow(): void {
    this.levels.push(new Float64Array(Math.ceil(this.k / 4) + 2));
    this.sizes.push(0);
    let max = 0;
    for (let h = 0; h < this.levels.length; h++) max += this.capacity(h);
    this.maxHeld = max;
  }

  private compress(): void {
    for (let h = 0; h < this.levels.length; h++) {
      if (this.sizes[h]! < this.capacity(h)) continue;
      if (h + 1 >= this.levels.length) this.grow();
      this.compact(h);
      if (this.held < this.maxHeld) break;
    }
  }

  /**
   * Moves every other value of a level up a level (the pair's other value is dropped). Level 0
   * takes values as they come and is sorted here; every level above is kept sorted, each batch
   * merged in, so only level 0 is ever sorted.
   */
  private compact(h: number): void {
    const size = this.sizes[h]!;
    const items = this.levels[h]!.subarray(0, size);
    if (h === 0) sortFloats(items);
    // An odd value out (the smallest) stays behind.
    const start = size % 2;
    const offset = this.rng.next() < 0.5 ? 0 : 1;
    const promoted = (size - start) / 2;
    let target = this.levels[h + 1]!;
    const targetSize = this.sizes[h + 1]!;
    if (targetSize + promoted > target.length) {
      const bigger = new Float64Array(Math.max(target.length * 2, targetSize + promoted));
      bigger.set(target.subarray(0, targetSize));
      this.levels[h + 1] = target = bigger;
    }
    // Merge from the back: the promoted values are items[start + offset + 2j], j < promoted.
    let i = targetSize - 1;
    let j = promoted - 1;
    for (let out = targetSize + promoted - 1; j >= 0; out--) {
      const candidate = items[start + offset + 2 * j]!;
      if (i >= 0 && target[i]! > candidate) target[out] = target[i--]!;
      else {
        target[out] = candidate;
        j--;
      }
    }
    this.sizes[h + 1] = targetSize + promoted;
    this.sizes[h] = start;
    this.held -= size - start - promoted;
  }

  /** The values held, sorted, each weighing 2^level. */
  sample(): WeightedSample {
    const pairs: Array<[Float64Array, number]> = [];
    let n = 0;
    for (let h = 0; h < this.levels.length; h++) {
      pairs.push([this.levels[h]!.subarray(0, this.sizes[h]!), 2 ** h]);
      n += this.sizes[h]!;
    }
    const values = new Float64Array(n);
    const weights = new Float64Array(n);
    let at = 0;
    for (const [items, weight] of pairs) {
      values.set(items, at);
      weights.fill(weight, at, at + items.length);
      at += items.length;
    }
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
    const sorted = new Float64Array(n);
    const cumulative = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      sorted[i] = values[order[i]!]!;
      cumulative[i + 1] = cumulative[i]! + weights[order[i]!]!;
    }
    return { values: sorted, cumulative, exact: this.exact };
  }
}

const RADIX_MIN = 256;
let radixScratch = new Float64Array(0);
const radixCounts = new Uint32Array(256 * 8);

/**
 * Sorts finite doubles ascending. Compaction sorts every value a sketch takes, which made the sort
 * 40% of `mlci drift`'s time with the built-in comparison sort; an LSD radix sort on the bits
 * (made order-preserving: sign flipped for positives, every bit for negatives) costs a constant
 * per value, and skips the byte positions all values share (the exponent, mostly).
 */
export function sortFloats(values: Float64Array): void {
  const n = values.length;
  if (n < RADIX_MIN || values.byteOffset % 4 !== 0) {
    values.sort();
    return;
  }
  if (radixScratch.length < n) radixScratch = new Float64Array(Math.max(n, 2 * radixScratch.length));
  const words: Uint32Array = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const scratch: Uint32Array = new Uint32Array(radixScratch.buffer, 0, n * 2);
  const counts = radixCounts;
  counts.fill(0);
  for (let i = 0; i < 2 * n; i += 2) {
    let lo = words[i]!;
    let hi = words[i + 1]!;
    if (hi >>> 31) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else {
      hi = (hi ^ 0x80000000) >>> 0;
    }
    words[i] = lo;
    words[i + 1] = hi;
    counts[lo & 255]!++;
    counts[256 + ((lo >>> 8) & 255)]!++;
    counts[512 + ((lo >>> 16) & 255)]!++;
    counts[768 + (lo >>> 24)]!++;
    counts[1024 + (hi & 255)]!++;
    counts[1280 + ((hi >>> 8) & 255)]!++;
    counts[1536 + ((hi >>> 16) & 255)]!++;
    counts[1792 + (hi >>> 24)]!++;
  }
  let source = words;
  let target = scratch;
  for (let pass = 0; pass < 8; pass++) {
    const offset = pass * 256;
    let shared = false;
    for (let b = 0; b < 256; b++) {
      const c = counts[offset + b]!;
      if (c === n) shared = true;
      if (c !== 0) break;
    }
    if (shared) continue;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = counts[offset + b]!;
      counts[offset + b] = sum;
      sum += c;
    }
    const word = pass >> 2;
    const shift = (pass & 3) * 8;
    for (let i = 0; i < 2 * n; i += 2) {
      const lo = source[i]!;
      const hi = source[i + 1]!;
      const at = 2 * counts[offset + (((word === 0 ? lo : hi) >>> shift) & 255)]!++;
      target[at] = lo;
      target[at + 1] = hi;
    }
    const swap = source;
    source = target;
    target = swap;
  }
  if (source !== words) words.set(source);
  for (let i = 0; i < 2 * n; i += 2) {
    const hi = words[i + 1]!;
    if (hi >>> 31) {
      words[i + 1] = (hi ^ 0x80000000) >>> 0;
    } else {
      words[i + 1] = ~hi >>> 0;
      words[i] = ~words[i]! >>> 0;
    }
  }
}

/** A sample of exact values (weights 1), sorted. */
export function exactSample(values: ArrayLike<number>): WeightedSample {
  const sorted = Float64Array.from(values).sort();
  const cumulative = new Float64Array(sorted.length + 1);
  for (let i = 0; i < sorted.length; i++) cumulative[i + 1] = i + 1;
  return { values: sorted, cumulative, exact: true };
}

/** Total weight of the values <= x (binary search). */
export function weightAtOrBelow(sample: WeightedSample, x: number): number {
  let lo = 0;
  let hi = sample.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sample.values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return sample.cumulative[lo]!;
}

/**
 * The q-quantile. An exact sample interpolates linearly between order statistics, as numpy's
 * default (`np.quantile(..., method='linear')`, including its two-sided lerp); a sketch returns
 * the first value whose cumulative weight reaches q of the total.
 */
export function sampleQuantile(sample: WeightedSample, q: number): number {
  const n = sample.values.length;
  if (n === 0) return NaN;
  if (sample.exact) {
    const h = (n - 1) * q;
    const lo = Math.floor(h);
    const a = sample.values[lo]!;
    if (lo + 1 >= n) return a;
    const b = sample.values[lo + 1]!;
    const t = h - lo;
    const diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
  const total = sample.cumulative[n]!;
  const target = q * total;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sample.cumulative[mid + 1]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return sample.values[lo]!;
}

/**
 * A uniform random sample of at most `capacity` values without replacement (Algorithm L, Li 1994:
 * it draws a random number per accepted value, not per value seen, so a long column costs little).
 */
export class Reservoir {
  private readonly items: Float64Array;
  private seen = 0;
  private nextTake = 0;
  private w = 0;
  private readonly rng: Random;

  constructor(
    readonly capacity: number,
    seed = 1,
  ) {
    this.items = new Float64Array(capacity);
    this.rng = createRandom(seed);
  }

  get count(): number {
    return this.seen;
  }

  /** True while the reservoir holds every value added. */
  get complete(): boolean {
    return this.seen <= this.capacity;
  }

  add(value: number): void {
    const seen = this.seen++;
    if (seen < this.capacity) {
      this.items[seen] = value;
      if (seen + 1 === this.capacity) {
        this.w = Math.exp(Math.log(this.uniform()) / this.capacity);
        this.nextTake = this.capacity + this.skip();
      }
      return;
    }
    if (seen === this.nextTake) {
      this.items[this.rng.int(this.capacity)] = value;
      this.w *= Math.exp(Math.log(this.uniform()) / this.capacity);
      this.nextTake += 1 + this.skip();
    }
  }

  private skip(): number {
    return Math.floor(Math.log(this.uniform()) / Math.log(1 - this.w));
  }

  /** A uniform number in (0, 1): log(0) would skip forever. */
  private uniform(): number {
    let u = this.rng.next();
    while (u === 0) u = this.rng.next();
    return u;
  }

  values(): Float64Array {
    return this.items.slice(0, Math.min(this.seen, this.capacity));
  }
}

/** The distinct values of a numeric column and their counts, while there are at most `limit`. */
export class FewValues {
  readonly values: number[] = [];
  readonly counts: number[] = [];
  overflowed = false;

  constructor(private readonly limit = 5) {}

  add(value: number): void {
    if (this.overflowed) return;
    const values = this.values;
    for (let i = 0; i < values.length; i++) {
      if (values[i] === value) {
        this.counts[i]!++;
        return;
      }
    }
    if (values.length >= this.limit) {
      this.overflowed = true;
      return;
    }
    values.push(value);
    this.counts.push(1);
  }
}
