import fc from 'fast-check';
import { SeriesAccumulator } from '../../packages/core/src/series.js';

describe('SeriesAccumulator', () => {
  it('keeps every point of a short curve, in step order', () => {
    const acc = new SeriesAccumulator(100);
    acc.add(2, 0.5);
    acc.add(0, 1.0, 1700000000);
    acc.add(1, 0.7);
    const data = acc.finish();
    expect(data.points).toEqual([
      { step: 0, value: 1.0, wallTime: 1700000000 },
      { step: 1, value: 0.7 },
      { step: 2, value: 0.5 },
    ]);
    expect(data.downsampledFrom).toBeUndefined();
    expect(data.stats).toMatchObject({ count: 3, nonFinite: 0, min: 0.5, max: 1, minStep: 2, maxStep: 0 });
    expect(data.stats.mean).toBeCloseTo(2.2 / 3, 15);
    expect(data.stats.first).toEqual({ step: 0, value: 1.0, wallTime: 1700000000 });
    expect(data.stats.last).toEqual({ step: 2, value: 0.5 });
  });

  it('downsamples a long curve within budget and keeps first, last, min and max', () => {
    const acc = new SeriesAccumulator(100);
    const n = 100_000;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = Math.sin(i / 1000) + (i === 54_321 ? 5 : 0) - (i === 12_345 ? 5 : 0);
      sum += v;
      acc.add(i, v);
    }
    const data = acc.finish();
    expect(data.points.length).toBeLessThanOrEqual(100);
    expect(data.points.length).toBeGreaterThan(50);
    expect(data.downsampledFrom).toBe(n);
    expect(data.points[0]!.step).toBe(0);
    expect(data.points.at(-1)!.step).toBe(n - 1);
    expect(data.points.some((p) => p.step === 54_321)).toBe(true);
    expect(data.points.some((p) => p.step === 12_345)).toBe(true);
    expect(data.stats.count).toBe(n);
    expect(data.stats.maxStep).toBe(54_321);
    expect(data.stats.minStep).toBe(12_345);
    expect(data.stats.mean).toBeCloseTo(sum / n, 12);
    const steps = data.points.map((p) => p.step);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  it('keeps a NaN visible in the downsampled curve and out of the statistics', () => {
    const acc = new SeriesAccumulator(50);
    for (let i = 0; i < 10_000; i++) acc.add(i, i === 7_777 ? NaN : 1);
    const data = acc.finish();
    expect(data.points.some((p) => Number.isNaN(p.value))).toBe(true);
    expect(data.stats).toMatchObject({ count: 10_000, nonFinite: 1, min: 1, max: 1, mean: 1 });
  });

  it('takes the last point by step, the later one on equal steps', () => {
    const acc = new SeriesAccumulator();
    acc.add(5, 1);
    acc.add(9, 2);
    acc.add(3, 3);
    acc.add(9, 4);
    expect(acc.finish().stats.last).toEqual({ step: 9, value: 4 });
  });

  it('has no finite statistics when every value is non-finite', () => {
    const acc = new SeriesAccumulator();
    acc.add(0, NaN);
    acc.add(1, Infinity);
    const { stats } = acc.finish();
    expect(stats.min).toBeUndefined();
    expect(stats.mean).toBeUndefined();
    expect(stats.nonFinite).toBe(2);
  });

  it('reads -0 as 0, so the extremes of -0 and 0 are 0 (found by the property below)', () => {
    const acc = new SeriesAccumulator(20);
    acc.add(0, -0);
    acc.add(0, 0);
    const { stats, points } = acc.finish();
    expect(Object.is(stats.max, 0)).toBe(true);
    expect(Object.is(stats.min, 0)).toBe(true);
    expect(points.every((p) => Object.is(p.value, 0))).toBe(true);
  });

  it('always stays within budget and keeps the extremes, in any arrival order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
          {
            minLength: 1,
            maxLength: 3000,
          },
        ),
        (pairs) => {
          const acc = new SeriesAccumulator(20);
          for (const [step, value] of pairs) acc.add(step, value);
          const data = acc.finish();
          expect(data.points.length).toBeLessThanOrEqual(Math.max(20, 0));
          const values = pairs.map(([, v]) => (v === 0 ? 0 : v)); // -0 is read as 0
          const min = Math.min(...values);
          const max = Math.max(...values);
          expect(data.stats.min).toBe(min);
          expect(data.stats.max).toBe(max);
          expect(data.points.some((p) => p.value === min)).toBe(true);
          expect(data.points.some((p) => p.value === max)).toBe(true);
          const steps = pairs.map(([s]) => s);
          expect(data.points[0]!.step).toBe(Math.min(...steps));
          expect(data.points.at(-1)!.step).toBe(Math.max(...steps));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a budget too small to draw', () => {
    expect(() => new SeriesAccumulator(3)).toThrow(RangeError);
  });
});
