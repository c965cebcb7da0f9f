import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../../../packages/core/src/errors.js';
import { compareTables, type DriftReport } from '../../../packages/core/src/data/drift.js';
import { driftMetricsDoc, nestedMetricsJson } from '../../../packages/core/src/data/metrics.js';
import { readTable } from '../../../packages/core/src/data/read.js';
import { SKETCH_RANK_ERROR } from '../../../packages/core/src/data/sketch.js';
import { parseMissingValues } from '../../../packages/core/src/data/values.js';
import { readMetricsPath } from '../../../packages/core/src/readers/registry.js';
import { wassersteinDistance } from '../../../packages/core/src/stats/distances.js';
import { createRandom } from '../../../packages/core/src/stats/random.js';

const dir = mkdtempSync(join(tmpdir(), 'mlci-drift-'));
const FIXTURES = 'test/fixtures/drift';
const CO2 = 'test/fixtures/real/drift-tabular';

interface ExpectedColumn {
  test?: string;
  p?: number;
  p_raw?: number;
  ks?: number;
  chi_square?: number;
  wasserstein?: number;
  jensen_shannon?: number;
  psi?: number;
  linf?: number;
  missing_current: number;
}
interface ExpectedPair {
  name: string;
  reference_rows: number;
  current_rows: number;
  columns: Record<string, ExpectedColumn>;
}
const EXPECTED = (
  JSON.parse(readFileSync(`${FIXTURES}/real-expected.json`, 'utf8')) as { pairs: ExpectedPair[] }
).pairs;

async function drift(reference: string, current: string, missing: string[] = []): Promise<DriftReport> {
  const options = { missing: parseMissingValues(missing), seed: 1 };
  return compareTables(await readTable(reference, options), await readTable(current, options));
}

function column(report: DriftReport, name: string) {
  const found = report.columns.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no column ${name}`);
  return found;
}

/** Every statistic the scipy script computed, against the report's, as "column.stat: off by x" lines. */
function offFromScipy(report: DriftReport, expected: ExpectedPair): string[] {
  const off: string[] = [];
  const pairs: Array<[keyof ExpectedColumn, string]> = [
    ['p', 'p'],
    ['p_raw', 'pRaw'],
    ['ks', 'ks'],
    ['chi_square', 'chiSquare'],
    ['wasserstein', 'wasserstein'],
    ['jensen_shannon', 'jensenShannon'],
    ['psi', 'psi'],
    ['linf', 'linf'],
  ];
  for (const [name, want] of Object.entries(expected.columns)) {
    const got = column(report, name) as unknown as Record<string, number | string | undefined>;
    if (want.test !== undefined && got.test !== want.test)
      off.push(`${name}: test ${String(got.test)}, expected ${want.test}`);
    for (const [key, field] of pairs) {
      const value = want[key];
      if (typeof value !== 'number') continue;
      const diff = Math.abs((got[field] as number) - value);
      if (!(diff <= 1e-9)) off.push(`${name}.${key}: ${String(got[field])}, scipy ${value}`);
    }
    const missing = Math.abs(column(report, name).current!.missingShare - want.missing_current);
    if (!(missing <= 1e-12)) off.push(`${name}: missing share off by ${missing}`);
  }
  return off;
}

describe('real tables, against statistics computed with scipy (test/fixtures/drift/real-expected.json)', () => {
  it('seattle-weather 2012 against 2015 (vega-datasets): a known shift in temperatures and weather labels', async () => {
    const report = await drift(`${FIXTURES}/seattle-2012.csv`, `${FIXTURES}/seattle-2015.csv`);
    expect(offFromScipy(report, EXPECTED[0]!)).toEqual([]);
    expect(report.columns.map((c) => [c.name, c.type, c.drifted])).toEqual([
      ['temp_max', 'numeric', true],
      ['temp_min', 'numeric', true],
      ['weather', 'categorical', true],
      ['precipitation', 'numeric', false],
      ['wind', 'numeric', false],
      ['date', 'datetime', false],
    ]);
    expect(report).toMatchObject({ tested: 5, drifted: 3, share: 0.6, detected: true, family: 5 });
    expect(column(report, 'weather').largestChange).toEqual({
      value: 'fog',
      reference: 5 / 366,
      current: 52 / 365,
    });
    expect(column(report, 'date')).toMatchObject({
      status: 'not-compared',
      reason: expect.stringContaining('reference 2012-01-01 to 2012-12-31, current 2015-01-01 to 2015-12-31'),
    });
  });

  it('the CO2 table two years apart, -99.99 and -1 read as missing: only the revised day counts drift', async () => {
    const report = await drift(
      `${CO2}/co2-mm-mlo-2015-01-09-c65438a.csv`,
      `${CO2}/co2-mm-mlo-2017-01-21-a864797.csv`,
      ['Average=-99.99', 'Number of Days=-1'],
    );
    expect(offFromScipy(report, EXPECTED[1]!)).toEqual([]);
    expect(report.columns.filter((c) => c.drifted).map((c) => c.name)).toEqual(['Number of Days']);
    expect(report).toMatchObject({ tested: 5, drifted: 1, detected: false });
    expect(column(report, 'Date').type).toBe('datetime');
    expect(column(report, 'Average').reference).toMatchObject({ missing: 7, values: 675 });
  });

  it('the sentinels matter: without them -99.99 is an average like any other', async () => {
    const report = await drift(
      `${CO2}/co2-mm-mlo-2015-01-09-c65438a.csv`,
      `${CO2}/co2-mm-mlo-2017-01-21-a864797.csv`,
    );
    expect(column(report, 'Average').reference).toMatchObject({ missing: 0, min: -99.99 });
  });
});

describe('one table, three formats', () => {
  it('gives the same statistics read as CSV, TSV or JSON Lines', async () => {
    const [header, ...rows] = readFileSync(`${FIXTURES}/seattle-2015.csv`, 'utf8').trimEnd().split('\n');
    const names = header!.split(',');
    writeFileSync(
      join(dir, 'seattle-2015.tsv'),
      [header!, ...rows].map((r) => r.split(',').join('\t')).join('\n'),
    );
    const records = rows.map((r) => {
      const cells = r.split(',');
      return JSON.stringify(
        Object.fromEntries(
          names.map((n, i) => [n, n === 'date' || n === 'weather' ? cells[i] : Number(cells[i])]),
        ),
      );
    });
    writeFileSync(join(dir, 'seattle-2015.jsonl'), records.join('\n'));
    const csv = await drift(`${FIXTURES}/seattle-2012.csv`, `${FIXTURES}/seattle-2015.csv`);
    for (const other of ['seattle-2015.tsv', 'seattle-2015.jsonl']) {
      const report = await drift(`${FIXTURES}/seattle-2012.csv`, join(dir, other));
      expect(report.columns.map(({ name, type, p, ks, psi }) => ({ name, type, p, ks, psi }))).toEqual(
        csv.columns.map(({ name, type, p, ks, psi }) => ({ name, type, p, ks, psi })),
      );
    }
  });
});

describe('identical distributions give no drift', () => {
  it('a table against itself: every distance 0, every p 1', async () => {
    for (const path of [`${FIXTURES}/seattle-2012.csv`, `${FIXTURES}/seattle-weather.csv`]) {
      const report = await drift(path, path);
      expect(report.drifted).toBe(0);
      for (const c of report.columns.filter((c) => c.status === 'compared')) {
        expect([c.name, c.wasserstein ?? c.jensenShannon, c.psi, c.p ?? 1]).toEqual([c.name, 0, 0, 1]);
      }
    }
  });

  it('the whole table (1461 days) against itself is measured with distances, not tested', async () => {
    const report = await drift(`${FIXTURES}/seattle-weather.csv`, `${FIXTURES}/seattle-weather.csv`);
    expect(column(report, 'temp_max').test).toBe('wasserstein');
    expect(column(report, 'weather').test).toBe('jensen_shannon');
  });

  it('two random halves of seattle-weather: no column drifts', async () => {
    const [header, ...rows] = readFileSync(`${FIXTURES}/seattle-weather.csv`, 'utf8').trimEnd().split('\n');
    for (const seed of [1, 2, 3]) {
      const rng = createRandom(seed);
      const shuffled = rows
        .map((r) => ({ r, k: rng.next() }))
        .sort((a, b) => a.k - b.k)
        .map((x) => x.r);
      const half = Math.floor(shuffled.length / 2);
      writeFileSync(join(dir, 'half-a.csv'), [header, ...shuffled.slice(0, half)].join('\n'));
      writeFileSync(join(dir, 'half-b.csv'), [header, ...shuffled.slice(half)].join('\n'));
      const report = await drift(join(dir, 'half-a.csv'), join(dir, 'half-b.csv'));
      expect(report.columns.filter((c) => c.drifted)).toEqual([]);
      expect(report.tested).toBe(5);
    }
  });
});

/** A CSV of `rows` rows: x ~ N(shift, 1), g in {a, b, c} with the given weights. */
function generated(
  name: string,
  rows: number,
  seed: number,
  shift: number,
  weights = [0.5, 0.3, 0.2],
): string {
  const rng = createRandom(seed);
  const lines = ['x,g'];
  for (let i = 0; i < rows; i++) {
    const u = rng.next();
    const g = u < weights[0]! ? 'a' : u < weights[0]! + weights[1]! ? 'b' : 'c';
    lines.push(`${(rng.normal() + shift).toFixed(6)},${g}`);
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('large tables: distances, from sketches past 10,000 values', () => {
  const base = generated('large-base.csv', 30_000, 1, 0);
  const same = generated('large-same.csv', 30_000, 2, 0);
  const shifted = generated('large-shifted.csv', 30_000, 3, 0.4, [0.3, 0.3, 0.4]);

  it('finds a shift of 0.4 standard deviations and a change in the mix of categories', async () => {
    const report = await drift(base, shifted);
    const x = column(report, 'x');
    expect(x).toMatchObject({ test: 'wasserstein', drifted: true, exact: false });
    expect(x.wasserstein).toBeGreaterThan(0.35);
    expect(x.notes.join(' ')).toContain('quantile sketches');
    expect(column(report, 'g')).toMatchObject({ test: 'jensen_shannon', drifted: true, exact: true });
  });

  it('finds nothing between two samples of one distribution', async () => {
    const report = await drift(base, same);
    expect(report.drifted).toBe(0);
    expect(column(report, 'x').wasserstein).toBeLessThan(0.03);
    expect(column(report, 'x').psi).toBeLessThan(0.01);
  });

  it('keeps the sketched Wasserstein distance within the documented error of the exact one', async () => {
    const report = await drift(base, shifted);
    const values = (path: string) =>
      readFileSync(path, 'utf8')
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => Number(line.split(',')[0]));
    const a = values(base);
    const b = values(shifted);
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    const sd = Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length);
    const exact = wassersteinDistance(a, b) / sd;
    const range = (Math.max(...a, ...b) - Math.min(...a, ...b)) / sd;
    // The documented bound: 2 x rank error x range, over the standard deviation; far looser than what is seen.
    const error = Math.abs(column(report, 'x').wasserstein! - exact);
    expect(error).toBeLessThanOrEqual(2 * SKETCH_RANK_ERROR * range);
    expect(error).toBeLessThan(0.01);
  });

  it('tests a small reference against a large current on a seeded sample of the current', async () => {
    const small = generated('small-ref.csv', 800, 4, 0);
    const report = await drift(small, same);
    expect(column(report, 'x')).toMatchObject({ test: 'ks', exact: false });
    expect(column(report, 'x').notes.join(' ')).toContain('current 10000 of 30000 values');
  });
});

describe('large columns drift only beyond sampling noise (bench/drift-soundness.bench.ts)', () => {
  /** Two independent samples of one distribution: `rows` draws of 100 equally likely categories and of N(0, 1). */
  function sameDistribution(name: string, rows: number, seed: number): string {
    const rng = createRandom(seed);
    const lines = ['x,g'];
    for (let i = 0; i < rows; i++) lines.push(`${rng.normal().toFixed(6)},v${rng.int(100)}`);
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  }

  it('does not drift 100 equally likely categories whose Jensen–Shannon distance is only noise', async () => {
    // Evidently's rule (distance >= 0.1 alone) drifts this column in every such pair of samples.
    const report = await drift(
      sameDistribution('jsd-a.csv', 1500, 21),
      sameDistribution('jsd-b.csv', 1500, 22),
    );
    const g = column(report, 'g');
    expect(g.jensenShannon).toBeGreaterThanOrEqual(0.1);
    expect(g).toMatchObject({ test: 'jensen_shannon', drifted: false });
    expect(g.p).toBeGreaterThan(0.05);
    expect(g.reason).toContain('but within sampling noise: chi-square');
    expect(report.drifted).toBe(0);
  });

  it('gives large columns a p value, corrected in the same family as the small ones', async () => {
    const base = generated('noise-base.csv', 3000, 31, 0);
    const shifted = generated('noise-shifted.csv', 3000, 32, 0.3, [0.3, 0.3, 0.4]);
    const report = await drift(base, shifted);
    expect(report.family).toBe(2);
    const x = column(report, 'x');
    expect(x).toMatchObject({ test: 'wasserstein', threshold: 0.1, drifted: true });
    expect(x.p).toBeLessThan(1e-6);
    expect(x.ks).toBeGreaterThan(0);
    expect(x.reason).toMatch(
      /^normed Wasserstein distance 0\.\d+ .*>= 0\.1, beyond sampling noise: Kolmogorov–Smirnov D = /,
    );
    expect(column(report, 'g')).toMatchObject({ test: 'jensen_shannon', drifted: true });
  });
});

describe('columns that cannot be compared as they are', () => {
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reports a retyped column as drifted, with what each side holds', async () => {
    const ref = write('typed-ref.csv', 'weight,id\n1.5,a1\n2.5,a2\n3.5,a3\n');
    const cur = write('typed-cur.csv', 'weight,id\n1.5 kg,b1\n2 kg,b2\n3 kg,b3\n');
    const report = await drift(ref, cur);
    expect(column(report, 'weight')).toMatchObject({
      status: 'retyped',
      drifted: true,
      type: 'numeric',
      reason:
        'numeric in the reference (3 numbers), categorical in the current (3 text values such as "1.5 kg", "2 kg", "3 kg"): not compared',
    });
    const doc = driftMetricsDoc(report);
    expect(doc.metrics['drift.columns.weight.retyped']).toBe(1);
    expect(doc.metrics['drift.columns.weight.drifted']).toBe(1);
  });

  // Every column dropped or new, none in the share: `drift.share <= 0.3` would pass on unrelated data.
  it("refuses two tables without a column in common, naming both sides' columns", async () => {
    const ref = write('disjoint-ref.csv', 'temp,wind\n1,2\n');
    const cur = write('disjoint-cur.csv', 'price,qty\n3,4\n');
    await expect(drift(ref, cur)).rejects.toThrow(ConfigurationError);
    await expect(drift(ref, cur)).rejects.toThrow(
      `${ref} and ${cur} have no column in common (reference: "temp", "wind"; current: "price", "qty"), so there is nothing to compare`,
    );
    const empty = write('disjoint-empty.csv', '');
    await expect(drift(ref, empty)).rejects.toThrow('(reference: "temp", "wind"; current: no columns)');
  });

  it('names dropped and new columns, outside the share; a dropped column is missing in every current row', async () => {
    const ref = write('cols-ref.csv', 'a,old\n1,x\n2,y\n');
    const cur = write('cols-cur.csv', 'a,new\n1,x\n2,y\n');
    const report = await drift(ref, cur);
    expect(report.columns.map((c) => [c.name, c.status])).toEqual([
      ['a', 'compared'],
      ['old', 'dropped'],
      ['new', 'new'],
    ]);
    expect(report.tested).toBe(1);
    const doc = driftMetricsDoc(report);
    expect(doc.metrics).toMatchObject({
      'data.missing.old': 1,
      'data.missing.new': 0,
      'drift.dropped_columns': 1,
      'drift.new_columns': 1,
    });
  });

  it('drifts a column that has no values on one side', async () => {
    const report = await drift(
      write('gone-ref.csv', 'a,b\n1,2\n3,4\n'),
      write('gone-cur.csv', 'a,b\n1,\n3,NA\n'),
    );
    expect(column(report, 'b')).toMatchObject({
      status: 'no-values',
      drifted: true,
      reason: 'the current data has no values in this numeric column',
    });
  });

  it('leaves identifiers and free text uncompared, and tests numbers with few values as categories', async () => {
    const rows = (n: number, f: (i: number) => string) =>
      Array.from({ length: n }, (_, i) => f(i)).join('\n');
    const ref = write('kinds-ref.csv', `id,level\n${rows(60, (i) => `user${i},${i % 3}`)}\n`);
    const cur = write('kinds-cur.csv', `id,level\n${rows(60, (i) => `user${i + 100},${i % 2}`)}\n`);
    const report = await drift(ref, cur);
    expect(column(report, 'id')).toMatchObject({ type: 'text', status: 'not-compared' });
    expect(column(report, 'level')).toMatchObject({ type: 'numeric', test: 'chi_square', drifted: true });
    expect(column(report, 'level').notes).toContain('3 distinct values: tested as categories');
  });
});

describe('results as metrics', () => {
  it('escapes column names in keys, and writes nested JSON that the JSON reader reads back to the same keys', async () => {
    const path = join(dir, 'dotted.csv');
    writeFileSync(path, 'temp.max,kind\n1,a\n2,b\n3,a\n');
    const report = await drift(path, path);
    const doc = driftMetricsDoc(report);
    expect(doc.metrics).toMatchObject({
      'drift.columns.temp\\.max.drifted': 0,
      'drift.columns.temp\\.max.p': 1,
      'data.missing.temp\\.max': 0,
      'drift.share': 0,
      'drift.detected': 0,
      'data.rows': 3,
    });
    expect(doc.params['drift.columns.temp\\.max.test']).toBe('chi_square');
    expect(doc.sources.map((s) => s.file)).toEqual([path, path]);
    expect(doc.sources[1]!.notes).toContain(
      'kind: chi-square = 0 (1 df), p = 1 >= 0.05 (every share unchanged)',
    );
    const out = join(dir, 'drift-metrics.json');
    writeFileSync(out, JSON.stringify(nestedMetricsJson(doc)));
    const back = await readMetricsPath(out, {});
    expect(back.metrics).toEqual(doc.metrics);
    expect(back.params).toEqual(doc.params);
  });

  it('refuses options out of range, naming the flag', async () => {
    const path = `${FIXTURES}/seattle-2012.csv`;
    const table = await readTable(path);
    expect(() => compareTables(table, table, { alpha: 0 })).toThrow(
      '--alpha 0: expected a level above 0, at most 0.5',
    );
    expect(() => compareTables(table, table, { driftShare: 1.5 })).toThrow('--drift-share 1.5');
  });
});
