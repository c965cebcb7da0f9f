import fc from 'fast-check';
import { bootstrapMeanDiff } from '../../../packages/core/src/stats/bootstrap.js';
import type { BootstrapResult } from '../../../packages/core/src/stats/bootstrap.js';
import { pairedBootstrap } from '../../../packages/core/src/stats/paired.js';
import type { PairedBootstrapResult } from '../../../packages/core/src/stats/paired.js';
import { createRandom } from '../../../packages/core/src/stats/random.js';

function ok<T extends { kind: string }>(r: T | { kind: 'insufficient' | 'invalid' }): T {
  if (r.kind !== 'ok') throw new Error(JSON.stringify(r));
  return r as T;
}

describe('seeded generator', () => {
  it('is deterministic, uniform-looking and seed-sensitive', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
    const r = createRandom(7);
    const zs = Array.from({ length: 20000 }, () => r.normal());
    const m = zs.reduce((s, z) => s + z, 0) / zs.length;
    const v = zs.reduce((s, z) => s + (z - m) ** 2, 0) / zs.length;
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(v - 1)).toBeLessThan(0.04);
    expect(() => createRandom(NaN)).toThrow(RangeError);
  });

  it('pins the stream so reports stay reproducible across versions', () => {
    // If this changes, every published bootstrap interval changes: do it on purpose only.
    const r = createRandom(1);
    expect([r.int(1000), r.int(1000), r.int(1000), r.int(1000)]).toEqual([568, 889, 470, 352]);
  });
});

describe('bootstrap of a difference of means', () => {
  const base = [0.812, 0.815, 0.809, 0.811, 0.814];
  const head = [0.801, 0.799, 0.806, 0.803, 0.8];

  it('returns diff, interval, level, resamples and seed, reproducibly', () => {
    const r = ok<BootstrapResult>(bootstrapMeanDiff(base, head, { seed: 5 }));
    // 10,000 resamples of 5 + 5 values is the default; Jest runs tight loops ~50x slower than
    // plain Node here, so the larger cases below use fewer resamples.
    expect(r).toMatchObject({
      level: 0.95,
      resamples: 10_000,
      seed: 5,
      interval: 'percentile',
      nA: 5,
      nB: 5,
    });
    expect(r.diff).toBeCloseTo(-0.0104, 12);
    expect(r.ci[0]).toBeLessThan(r.diff);
    expect(r.ci[1]).toBeGreaterThan(r.diff);
    expect(r.ci[1]).toBeLessThan(0);
    expect(bootstrapMeanDiff(base, head, { seed: 5 })).toEqual(r);
    expect(ok<BootstrapResult>(bootstrapMeanDiff(base, head, { seed: 6 })).ci).not.toEqual(r.ci);
  });

  it('is close to the t interval for a large normal sample', () => {
    const rng = createRandom(3);
    const a = Array.from({ length: 200 }, () => rng.normal());
    const b = Array.from({ length: 200 }, () => 0.3 + rng.normal());
    const r = ok<BootstrapResult>(bootstrapMeanDiff(a, b, { resamples: 1000 }));
    // se = sqrt(2/200) = 0.1: the 95% interval is about +-0.196 around diff
    expect(r.ci[1] - r.ci[0]).toBeGreaterThan(0.33);
    expect(r.ci[1] - r.ci[0]).toBeLessThan(0.45);
  });

  it('BCa gives an interval around diff too', () => {
    const r = ok<BootstrapResult>(bootstrapMeanDiff(base, head, { interval: 'bca', resamples: 2000 }));
    expect(r.ci[0]).toBeLessThan(r.diff);
    expect(r.ci[1]).toBeGreaterThan(r.diff);
  });

  it('handles degenerate input explicitly', () => {
    expect(bootstrapMeanDiff([1], [1, 2]).kind).toBe('insufficient');
    expect(bootstrapMeanDiff([1, 2], [1, NaN])).toEqual({ kind: 'invalid', error: 'b[1] is NaN' });
    const flat = ok<BootstrapResult>(
      bootstrapMeanDiff([1, 1], [1, 1], { resamples: 100, direction: 'higher' }),
    );
    expect(flat).toMatchObject({ ci: [0, 0], pLess: 1, pGreater: 1, pWorse: 1 });
    expect(flat.note).toMatch(/no spread/);
    expect(() => bootstrapMeanDiff([1, 2], [3, 4], { resamples: 0 })).toThrow(RangeError);
  });

  it('properties: same seed -> same result, p in [0, 1], interval ordered', () => {
    const sample = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(sample, sample, fc.integer(), (a, b, seed) => {
        const r = ok<BootstrapResult>(bootstrapMeanDiff(a, b, { seed, resamples: 200 }));
        expect(bootstrapMeanDiff(a, b, { seed, resamples: 200 })).toEqual(r);
        expect(r.ci[0]).toBeLessThanOrEqual(r.ci[1]);
        for (const p of [r.pLess, r.pGreater]) {
          expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('paired bootstrap', () => {
  it('uses the per-example differences (pairing removes shared example difficulty)', () => {
    const rng = createRandom(11);
    const difficulty = Array.from({ length: 200 }, () => rng.normal() * 5);
    const base = difficulty.map((d) => d + rng.normal() * 0.1);
    const head = difficulty.map((d) => d - 0.05 + rng.normal() * 0.1);
    const r = ok<PairedBootstrapResult>(
      pairedBootstrap(base, head, { direction: 'higher', resamples: 1000 }),
    );
    expect(r.diff).toBeCloseTo(-0.05, 1);
    expect(r.ci[1]).toBeLessThan(0); // with pairing the 0.05 drop is clear despite the spread of 5
    expect(r.pWorse).toBeLessThan(0.001);
    expect(r.pWorseShifted).toBeLessThan(0.001);
    expect(pairedBootstrap(base, head, { direction: 'higher', resamples: 1000 })).toEqual(r);
  });

  it('p is large when head is better, and both p variants agree on symmetric data', () => {
    const base = [0, 0, 0, 0, 0, 0];
    const head = [1, 2, 3, 1, 2, 3];
    const r = ok<PairedBootstrapResult>(
      pairedBootstrap(base, head, { direction: 'higher', resamples: 1000 }),
    );
    expect(r.pWorse).toBeGreaterThan(0.99);
    expect(r.pWorseShifted).toBeGreaterThan(0.9);
  });

  it('rejects unequal lengths and too few pairs', () => {
    expect(pairedBootstrap([1, 2], [1])).toMatchObject({ kind: 'invalid' });
    expect(pairedBootstrap([1], [1]).kind).toBe('insufficient');
  });
});
