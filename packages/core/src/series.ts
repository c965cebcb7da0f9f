import type { SeriesData, SeriesPoint, SeriesStats } from './model.js';

/** Enough points to draw a curve at twice GitHub's comment width without losing its shape. */
export const DEFAULT_MAX_SERIES_POINTS = 2000;

/**
 * Collects one curve in bounded memory, whatever its length.
 *
 * Points are buffered in typed arrays; when the buffer holds four times the budget it is reduced
 * to the budget with M4 aggregation (Jugel et al., VLDB 2014): the step range is cut into equal
 * buckets and each bucket keeps its first, last, minimum and maximum point, plus its first
 * non-finite point so a divergence stays visible. Because every bucket keeps its extremes, the
 * global first, last, minimum and maximum points survive any number of reductions. Statistics
 * (count, min, max, mean, first, last) are kept exactly over every point added, independently of
 * the display selection. Points may arrive out of step order (several event files, resumed runs):
 * they are sorted before each reduction.
 */
export class SeriesAccumulator {
  private readonly maxPoints: number;
  private readonly capacity: number;
  private steps: Float64Array;
  private values: Float64Array;
  private walls: Float64Array;
  private length = 0;
  private ordered = true;
  private lastAddedStep = -Infinity;

  private count = 0;
  private nonFinite = 0;
  private min = Infinity;
  private max = -Infinity;
  private minStep = NaN;
  private maxStep = NaN;
  private sum = 0;
  private compensation = 0;
  private finiteCount = 0;
  private firstStep = NaN;
  private firstValue = NaN;
  private firstWall = NaN;
  private lastStep = NaN;
  private lastValue = NaN;
  private lastWall = NaN;
  private buckets = 0;

  constructor(maxPoints: number = DEFAULT_MAX_SERIES_POINTS) {
    if (!Number.isInteger(maxPoints) || maxPoints < 10) {
      throw new RangeError(`maxPoints must be an integer >= 10, got ${maxPoints}`);
    }
    this.maxPoints = maxPoints;
    this.capacity = maxPoints * 4;
    // 8 doubles (64 bytes) is the most V8 keeps inside its heap: allocating one is cheap, which
    // matters when a file names 100,000 keys (an off-heap buffer each took 30 µs and 1.5 KB).
    this.steps = new Float64Array(Math.min(this.capacity, 8));
    this.values = new Float64Array(this.steps.length);
    this.walls = new Float64Array(this.steps.length);
  }

  get size(): number {
    return this.count;
  }

  add(step: number, value: number, wallTime?: number): void {
    this.count++;
    // -0 (a log's "-0.0") is 0: otherwise it could stand as the maximum next to a later 0.
    if (value === 0) value = 0;
    if (Number.isFinite(value)) {
      this.finiteCount++;
      // Neumaier summation: the mean stays exact to the last bits over millions of points.
      const t = this.sum + value;
      this.compensation +=
        Math.abs(this.sum) >= Math.abs(value) ? this.sum - t + value : value - t + this.sum;
      this.sum = t;
      if (value < this.min) {
        this.min = value;
        this.minStep = step;
      }
      if (value > this.max) {
        this.max = value;
        this.maxStep = step;
      }
    } else {
      this.nonFinite++;
    }
    const wall = wallTime ?? NaN;
    if (this.count === 1 || step < this.firstStep) {
      this.firstStep = step;
      this.firstValue = value;
      this.firstWall = wall;
    }
    if (this.count === 1 || step >= this.lastStep) {
      this.lastStep = step;
      this.lastValue = value;
      this.lastWall = wall;
    }

    if (step < this.lastAddedStep) this.ordered = false;
    this.lastAddedStep = step;
    if (this.length === this.steps.length) this.grow();
    this.steps[this.length] = step;
    this.values[this.length] = value;
    this.walls[this.length] = wall;
    this.length++;
  }

  finish(): SeriesData {
    if (this.count === 0) {
      throw new Error('SeriesAccumulator.finish() called on an empty series');
    }
    this.sortIfNeeded();
    if (this.length > this.maxPoints) this.reduce();
    const points: SeriesPoint[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) {
      points[i] = point(this.steps[i]!, this.values[i]!, nanToUndefined(this.walls[i]!));
    }
    const stats: SeriesStats = {
      count: this.count,
      nonFinite: this.nonFinite,
      first: point(this.firstStep, this.firstValue, nanToUndefined(this.firstWall)),
      last: point(this.lastStep, this.lastValue, nanToUndefined(this.lastWall)),
    };
    if (this.finiteCount > 0) {
      stats.min = this.min;
      stats.max = this.max;
      stats.minStep = this.minStep;
      stats.maxStep = this.maxStep;
      stats.mean = (this.sum + this.compensation) / this.finiteCount;
    }
    const data: SeriesData = { points, stats };
    if (this.count > points.length) data.downsampledFrom = this.count;
    return data;
  }

  private grow(): void {
    if (this.steps.length < this.capacity) {
      const size = Math.min(this.capacity, this.steps.length * 2);
      this.steps = resized(this.steps, size);
      this.values = resized(this.values, size);
      this.walls = resized(this.walls, size);
      return;
    }
    this.sortIfNeeded();
    this.reduce();
  }

  private sortIfNeeded(): void {
    if (this.ordered) return;
    const order = Array.from({ length: this.length }, (_, i) => i);
    // Stable: points logged at the same step keep the order they were logged in.
    order.sort((a, b) => this.steps[a]! - this.steps[b]!);
    const steps = new Float64Array(this.steps.length);
    const values = new Float64Array(this.steps.length);
    const walls = new Float64Array(this.steps.length);
    order.forEach((from, to) => {
      steps[to] = this.steps[from]!;
      values[to] = this.values[from]!;
      walls[to] = this.walls[from]!;
    });
    this.steps = steps;
    this.values = values;
    this.walls = walls;
    this.ordered = true;
    this.lastAddedStep = this.length > 0 ? this.steps[this.length - 1]! : -Infinity;
  }

  /**
   * M4 reduction of the (sorted) buffer to at most `maxPoints` points, in place. A bucket keeps
   * two to five points (fewer where its first/last/min/max coincide, as on smooth curves), so the
   * bucket count starts at half the budget and shrinks only when the selection would overflow it.
   */
  private reduce(): void {
    const n = this.length;
    const keep = new Uint8Array(n);
    let buckets = this.buckets > 0 ? this.buckets : Math.max(1, Math.floor(this.maxPoints / 2));
    let kept = this.selectM4(buckets, keep);
    while (kept > this.maxPoints && buckets > 1) {
      buckets = Math.max(1, Math.min(buckets - 1, Math.floor((buckets * this.maxPoints * 0.9) / kept)));
      keep.fill(0);
      kept = this.selectM4(buckets, keep);
    }
    this.buckets = buckets;
    let out = 0;
    for (let i = 0; i < n; i++) {
      if (keep[i] === 1) {
        this.steps[out] = this.steps[i]!;
        this.values[out] = this.values[i]!;
        this.walls[out] = this.walls[i]!;
        out++;
      }
    }
    this.length = out;
  }

  /** Marks each bucket's first, last, min, max and first non-finite point; returns how many. */
  private selectM4(buckets: number, keep: Uint8Array): number {
    const n = this.length;
    const lo = this.steps[0]!;
    const hi = this.steps[n - 1]!;
    const width = (hi - lo) / buckets;
    const byIndex = !(width > 0) || !Number.isFinite(width);
    const bucketOf = (i: number): number =>
      byIndex
        ? Math.floor((i * buckets) / n)
        : Math.min(buckets - 1, Math.floor((this.steps[i]! - lo) / width));
    let kept = 0;
    const mark = (i: number): void => {
      if (keep[i] === 0) {
        keep[i] = 1;
        kept++;
      }
    };
    let start = 0;
    while (start < n) {
      const bucket = bucketOf(start);
      let end = start + 1;
      while (end < n && bucketOf(end) === bucket) end++;
      let minAt = -1;
      let maxAt = -1;
      let nonFiniteAt = -1;
      for (let i = start; i < end; i++) {
        const v = this.values[i]!;
        if (Number.isFinite(v)) {
          if (minAt < 0 || v < this.values[minAt]!) minAt = i;
          if (maxAt < 0 || v > this.values[maxAt]!) maxAt = i;
        } else if (nonFiniteAt < 0) {
          nonFiniteAt = i;
        }
      }
      mark(start);
      mark(end - 1);
      if (minAt >= 0) mark(minAt);
      if (maxAt >= 0) mark(maxAt);
      if (nonFiniteAt >= 0) mark(nonFiniteAt);
      start = end;
    }
    return kept;
  }
}

function point(step: number, value: number, wallTime: number | undefined): SeriesPoint {
  return wallTime === undefined ? { step, value } : { step, value, wallTime };
}

function nanToUndefined(n: number): number | undefined {
  return Number.isNaN(n) ? undefined : n;
}

function resized(array: Float64Array, size: number): Float64Array {
  const next = new Float64Array(size);
  next.set(array.subarray(0, Math.min(array.length, size)));
  return next;
}
