import { readFileSync } from 'node:fs';
import { compareTables, type DriftReport } from '../../../packages/core/src/data/drift.js';
import {
  categoryHistogram,
  HISTOGRAM_SHARE_ERROR,
  MAX_BINS,
  numericColumnHistogram,
  type DriftHistogram,
} from '../../../packages/core/src/data/histogram.js';
import { ColumnProfile, TableProfile } from '../../../packages/core/src/data/profile.js';
import { readTable } from '../../../packages/core/src/data/read.js';
import {
  missingRuleFor,
  noExtraMissing,
  parseMissingValues,
} from '../../../packages/core/src/data/values.js';
import { createRandom } from '../../../packages/core/src/stats/random.js';

const SEATTLE_2012 = 'test/fixtures/drift/seattle-2012.csv';
const SEATTLE_2015 = 'test/fixtures/drift/seattle-2015.csv';

async function seattle(): Promise<DriftReport> {
  const options = { missing: parseMissingValues([]), seed: 1 };
  return compareTables(await readTable(SEATTLE_2012, options), await readTable(SEATTLE_2015, options));
}

/** A column's numbers, read from the CSV by hand (the fixtures have no quoting and no missing cells). */
function csvColumn(path: string, name: string): number[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const index = header!.split(',').indexOf(name);
  return lines.map((line) => Number(line.split(',')[index]));
}

function column(values: ArrayLike<number>, seed = 1): ColumnProfile {
  const profile = new ColumnProfile('x', missingRuleFor('x', noExtraMissing()), seed);
  for (let i = 0; i < values.length; i++) profile.addNumber(values[i]!);
  return profile;
}

/** The exact share of `values` in each of the histogram's bins, by its edges and open ends. */
function exactShares(values: ArrayLike<number>, h: DriftHistogram): number[] {
  const edges = h.edges!;
  const counts = new Array<number>(h.labels.length).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let bin: number;
    if (v < edges[0]!) bin = 0;
    else if (v >= edges[edges.length - 1]!) bin = h.openAbove ? h.labels.length - 1 : edges.length - 2;
    else {
      let k = 0;
      while (v >= edges[k + 1]!) k++;
      bin = k + (h.openBelow ? 1 : 0);
    }
    counts[bin]!++;
  }
  return counts.map((c) => c / values.length);
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('the drift histograms (what the report draws)', () => {
  it('gives seattle temp_max shared equal-width bins whose shares sum to 1 and match an exact count', async () => {
    const report = await seattle();
    const h = report.columns.find((c) => c.name === 'temp_max')!.histogram!;
    expect(h.kind).toBe('bins');
    expect(h.exact).toBe(true);
    expect(h.values).toEqual({ reference: 366, current: 365 });
    expect(h.openBelow).toBe(false);
    expect(h.openAbove).toBe(false);
    // Equal width, on multiples of it: -2 to 36 in steps of 2.
    expect(h.edges![0]).toBe(-2);
    expect(h.edges![h.edges!.length - 1]).toBe(36);
    expect(new Set(h.edges!.slice(1).map((e, i) => e - h.edges![i]!))).toEqual(new Set([2]));
    expect(h.labels.slice(0, 3)).toEqual(['-2 to 0', '0 to 2', '2 to 4']);
    expect(sum(h.reference)).toBeCloseTo(1, 12);
    expect(sum(h.current)).toBeCloseTo(1, 12);
    const reference = exactShares(csvColumn(SEATTLE_2012, 'temp_max'), h);
    const current = exactShares(csvColumn(SEATTLE_2015, 'temp_max'), h);
    h.reference.forEach((share, i) => expect(share).toBeCloseTo(reference[i]!, 12));
    h.current.forEach((share, i) => expect(share).toBeCloseTo(current[i]!, 12));
  });

  it('gives the categorical weather column its categories, largest first, and none to the date', async () => {
    const report = await seattle();
    const weather = report.columns.find((c) => c.name === 'weather')!.histogram!;
    expect(weather.kind).toBe('categories');
    expect(weather.labels).toEqual(['rain', 'sun', 'fog', 'drizzle', 'snow']);
    // fog: 5 of 366 days in 2012, 52 of 365 in 2015.
    expect(weather.reference[2]).toBeCloseTo(5 / 366, 12);
    expect(weather.current[2]).toBeCloseTo(52 / 365, 12);
    expect(sum(weather.reference)).toBeCloseTo(1, 12);
    expect(report.columns.find((c) => c.name === 'date')!.histogram).toBeUndefined();
    // Plain JSON: it survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(report.columns))).toEqual(report.columns);
  });

  it(`stays within ${HISTOGRAM_SHARE_ERROR * 100} points of the exact shares when sketched (100,000 values)`, () => {
    let worst = 0;
    for (const seed of [1, 2, 3]) {
      const rng = createRandom(seed);
      const normal = Float64Array.from({ length: 100_000 }, () => rng.normal());
      const lognormal = Float64Array.from({ length: 100_000 }, () => Math.exp(rng.normal()));
      const h = numericColumnHistogram(column(normal, seed), column(lognormal, seed + 10))!;
      expect(h.exact).toBe(false);
      const reference = exactShares(normal, h);
      const current = exactShares(lognormal, h);
      h.reference.forEach((share, i) => (worst = Math.max(worst, Math.abs(share - reference[i]!))));
      h.current.forEach((share, i) => (worst = Math.max(worst, Math.abs(share - current[i]!))));
      expect(sum(h.reference)).toBeCloseTo(1, 9);
    }
    expect(worst).toBeLessThan(HISTOGRAM_SHARE_ERROR);
    // What docs/drift.md states as measured.
    expect(worst).toBeLessThan(0.002);
  });

  it('gives one outlier an open-ended bin instead of squashing every other value into one', () => {
    const rng = createRandom(7);
    const values = Array.from({ length: 2000 }, () => 50 + 10 * rng.normal());
    const withOutlier = [...values.slice(0, 1999), 1e6];
    const h = numericColumnHistogram(column(values), column(withOutlier))!;
    expect(h.openAbove).toBe(true);
    expect(h.openBelow).toBe(false);
    expect(h.labels[h.labels.length - 1]).toMatch(/^≥ \d+$/);
    // The open bin holds the outlier and the top of the tail, under 1% of the values.
    expect(h.current[h.current.length - 1]).toBeLessThan(0.01);
    const exact = exactShares(withOutlier, h);
    h.current.forEach((share, i) => expect(share).toBeCloseTo(exact[i]!, 12));
    // The body keeps its shape: no bin holds more than a fifth of the values.
    expect(h.labels.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...h.reference)).toBeLessThan(0.2);
  });

  it('gives whole numbers whole-number bins, labelled by the values they hold', () => {
    const reference = Array.from({ length: 500 }, (_, i) => i % 13);
    const current = Array.from({ length: 500 }, (_, i) => (i * 7) % 11);
    const h = numericColumnHistogram(column(reference), column(current))!;
    expect(h.integer).toBe(true);
    expect(h.labels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(h.reference[12]).toBeCloseTo(38 / 500, 12);
    expect(h.current[12]).toBe(0);
    const wide = numericColumnHistogram(
      column(Array.from({ length: 1000 }, (_, i) => i)),
      column(Array.from({ length: 1000 }, (_, i) => 2 * i)),
    )!;
    expect(wide.labels[0]).toBe('0 to 99');
    expect(wide.labels.length).toBeLessThanOrEqual(MAX_BINS);
  });

  it('keeps the ten largest categories and sums the rest as "other (N values)"', () => {
    const names = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const reference = names.map((_, i) => 40 - i);
    const current = names.map((_, i) => i + 1);
    const h = categoryHistogram(names, reference, current)!;
    expect(h.labels).toHaveLength(11);
    expect(h.labels[10]).toBe('other (30 values)');
    expect(h.other).toBe(30);
    // The largest share on either side first: c0 (reference) and c39 (current) lead.
    expect(h.labels.slice(0, 2)).toEqual(['c0', 'c39']);
    expect(sum(h.reference)).toBeCloseTo(1, 12);
    expect(sum(h.current)).toBeCloseTo(1, 12);
    // Ordered categories (false/true, a few numbers) keep their order.
    expect(categoryHistogram(['false', 'true'], [3, 1], [1, 3], { ordered: true })!.labels).toEqual([
      'false',
      'true',
    ]);
  });

  it('stays small whatever the table: a numeric column of 200,000 values has at most 42 bars', () => {
    const table = new TableProfile('t', noExtraMissing(), 1);
    const other = new TableProfile('u', noExtraMissing(), 1);
    const rng = createRandom(3);
    for (let i = 0; i < 200_000; i++) {
      table.column('x').addNumber(Math.exp(3 * rng.normal()));
      other.column('x').addNumber(Math.exp(3 * rng.normal() + 1));
    }
    table.rows = other.rows = 200_000;
    const h = compareTables(table, other).columns[0]!.histogram!;
    expect(h.labels.length).toBeLessThanOrEqual(MAX_BINS + 2);
    expect(JSON.stringify(h).length).toBeLessThan(8000);
  });
});
