import fc from 'fast-check';
import { adjustPValues } from '../../../packages/core/src/stats/family.js';

describe('adjustPValues', () => {
  const ps = [0.01, 0.04, 0.03, 0.005];

  it('Holm: step-down, each p times the tests left, never below an earlier one', () => {
    // sorted 0.005 (x4 = 0.02), 0.01 (x3 = 0.03), 0.03 (x2 = 0.06), 0.04 (x1, raised to 0.06)
    expect(adjustPValues(ps, 'holm')).toEqual([0.03, 0.06, 0.06, 0.02]);
  });

  it('Bonferroni: p times the family size, at most 1', () => {
    expect(adjustPValues(ps, 'bonferroni')).toEqual([0.04, 0.16, 0.12, 0.02]);
    expect(adjustPValues([0.5, 0.9], 'bonferroni')).toEqual([1, 1]);
  });

  it('Benjamini–Hochberg: as scipy.stats.false_discovery_control', () => {
    // scipy 1.17: false_discovery_control([0.01, 0.04, 0.03, 0.005]) = [0.02, 0.04, 0.04, 0.02]
    expect(adjustPValues(ps, 'bh').map((p) => Number(p.toPrecision(12)))).toEqual([0.02, 0.04, 0.04, 0.02]);
  });

  it('none, and a family of one, leave p as it is', () => {
    expect(adjustPValues(ps, 'none')).toEqual(ps);
    expect(adjustPValues([0.03], 'holm')).toEqual([0.03]);
    expect(adjustPValues([], 'bh')).toEqual([]);
  });

  it('refuses a p value outside [0, 1]', () => {
    expect(() => adjustPValues([0.1, NaN], 'holm')).toThrow(RangeError);
    expect(() => adjustPValues([1.5], 'none')).toThrow(RangeError);
  });

  it('orders: raw <= BH <= Holm <= Bonferroni <= 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (raw) => {
          const bh = adjustPValues(raw, 'bh');
          const holm = adjustPValues(raw, 'holm');
          const bonferroni = adjustPValues(raw, 'bonferroni');
          raw.forEach((p, i) => {
            expect(bh[i]!).toBeGreaterThanOrEqual(p - 1e-15);
            expect(holm[i]!).toBeGreaterThanOrEqual(bh[i]! - 1e-15);
            expect(bonferroni[i]!).toBeGreaterThanOrEqual(holm[i]! - 1e-15);
            expect(bonferroni[i]!).toBeLessThanOrEqual(1);
          });
          // Adjusted p values keep the order of the raw ones.
          const order = raw.map((p, i) => i).sort((a, b) => raw[a]! - raw[b]!);
          for (let k = 1; k < order.length; k++) {
            expect(holm[order[k]!]!).toBeGreaterThanOrEqual(holm[order[k - 1]!]!);
            expect(bh[order[k]!]!).toBeGreaterThanOrEqual(bh[order[k - 1]!]! - 1e-15);
          }
        },
      ),
    );
  });
});
