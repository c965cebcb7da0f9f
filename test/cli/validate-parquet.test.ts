/**
 * `mlci validate` on Parquet: a schema inferred from a Parquet reference, and a current table with
 * a retyped column, values out of range, a category not allowed, a dropped column, missing values
 * and a repeated identifier. Every table is also written as CSV: the schema, the violations, their
 * counts, examples and rows, and the metrics must be those of the CSV (a Parquet file has rows but
 * no lines, so its examples name the row only).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '../../packages/core/src/stats/random.js';
import { runCli } from '../support/cli.js';
import { parquetBytes, type ParquetCell, type ParquetColumn } from '../support/parquet-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'mlci-cli-validate-parquet-'));
const CITIES = ['Paris', 'Lyon', 'Nice'];

/** Orders: a unique id, a price, a quantity, a city, a paid flag, a date and a free note. */
function orders(rows: number, seed: number, step = 1): ParquetColumn[] {
  const rng = createRandom(seed);
  const column = (
    spec: Omit<ParquetColumn, 'values'>,
    make: (row: number) => ParquetCell,
  ): ParquetColumn => ({
    ...spec,
    values: Array.from({ length: rows }, (_, row) => make(row)),
  });
  return [
    column({ name: 'id', type: 'INT64' }, (row) => 1000 + step * row),
    column({ name: 'price', type: 'DOUBLE' }, () => Math.round(100 * (5 + 90 * rng.next())) / 100),
    column({ name: 'quantity', type: 'INT32' }, () => 1 + Math.floor(rng.next() * 9)),
    column({ name: 'city', type: 'STRING' }, () => CITIES[Math.floor(rng.next() * CITIES.length)]!),
    column({ name: 'paid', type: 'BOOLEAN' }, () => rng.next() < 0.8),
    column({ name: 'day', type: 'DATE' }, (row) => new Date(Date.UTC(2024, 0, 1) + (row % 300) * 86_400_000)),
    column({ name: 'note', type: 'STRING' }, (row) => (row % 7 === 0 ? null : `note ${row % 13}`)),
  ];
}

/** This month's orders, gone wrong in every way a schema catches. */
function current(rows: number): ParquetColumn[] {
  const table = orders(rows, 2);
  const edit = (name: string, change: (value: ParquetCell, row: number) => ParquetCell): void => {
    const column = table.find((c) => c.name === name)!;
    column.values = (column.values as ParquetCell[]).map(change);
  };
  edit('id', (v, row) => (row % 5_000 === 4_999 ? 1000 + row - 1 : v)); // a repeat every 5,000 rows
  edit('price', (v, row) => (row % 997 === 3 ? 120.5 : row % 1_999 === 7 ? -1.25 : v)); // out of range
  edit('city', (v, row) => (row % 1_234 === 11 ? 'Atlantis' : v)); // not an allowed category
  edit('paid', (v, row) => (row % 50 === 0 ? null : v)); // missing, none in the reference
  // quantity written as text ("3 pcs"): retyped
  const quantity = table.find((c) => c.name === 'quantity')!;
  quantity.type = 'STRING';
  quantity.values = (quantity.values as ParquetCell[]).map((v) => `${v as number} pcs`);
  return table.filter((c) => c.name !== 'note'); // dropped
}

function csvOf(columns: readonly ParquetColumn[]): string {
  const cell = (column: ParquetColumn, value: ParquetCell): string => {
    if (value === null) return '';
    if (value instanceof Date)
      return column.type === 'DATE' ? value.toISOString().slice(0, 10) : value.toISOString();
    return String(value);
  };
  const lines = [columns.map((c) => c.name).join(',')];
  for (let row = 0; row < columns[0]!.values.length; row++) {
    lines.push(columns.map((c) => cell(c, (c.values as ParquetCell[])[row]!)).join(','));
  }
  return `${lines.join('\n')}\n`;
}

function both(
  name: string,
  columns: ParquetColumn[],
  rowGroupSize: number,
): { csv: string; parquet: string } {
  const csv = join(dir, `${name}.csv`);
  const parquet = join(dir, `${name}.parquet`);
  writeFileSync(csv, csvOf(columns));
  writeFileSync(parquet, parquetBytes(columns, { rowGroupSize }));
  return { csv, parquet };
}

describe('mlci validate on Parquet', () => {
  // Identifiers spread over 1000..22989, so the current's 1000..20999 are in range.
  const reference = both('reference', orders(2_000, 1, 11), 512);
  // 20,000 rows in row groups of 3,000: past the profile's 10,000-value reservoir, so counts can
  // only be exact if they come from the values themselves.
  const changed = both('current', current(20_000), 3_000);
  const schema = join(dir, 'orders.yml');

  beforeAll(async () => {
    expect((await runCli('validate', '--infer', reference.parquet, '--out', schema)).code).toBe(0);
  });

  it('infers from Parquet the schema it infers from the same table in CSV', async () => {
    const fromCsv = join(dir, 'orders-csv.yml');
    expect((await runCli('validate', '--infer', reference.csv, '--out', fromCsv)).code).toBe(0);
    const parquetSchema = readFileSync(schema, 'utf8');
    expect(parquetSchema.replaceAll(reference.parquet, 'TABLE')).toBe(
      readFileSync(fromCsv, 'utf8').replaceAll(reference.csv, 'TABLE'),
    );
    expect(parquetSchema).toContain('  id:\n    type: numeric');
    expect(parquetSchema).toContain('    unique: true');
    expect(parquetSchema).toContain('      - "Lyon"');
  });

  it('names each violation with the counts, examples and rows of the CSV', async () => {
    const parquet = await runCli('validate', changed.parquet, '--schema', schema);
    const csv = await runCli('validate', changed.csv, '--schema', schema);
    expect([parquet.code, parquet.stderr]).toEqual([0, '']);
    const lines = parquet.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`INVALID: 6 violations in ${changed.parquet} (20000 rows) against ${schema}`);
    expect(lines.filter((l) => l.startsWith('- '))).toEqual([
      '- id: 4 duplicates in a unique column, such as "5998 (as in row 4999)" (row 5000), "10998 (as in row 9999)" (row 10000), "15998 (as in row 14999)" (row 15000), "20998 (as in row 19999)" (row 20000)',
      // the planted 120.5 and -1.25, and prices drawn just outside the reference's range (95, 94.99)
      '- price: 49 values outside the range (>= 5.05 and <= 94.96), such as "120.5" (row 4), "-1.25" (row 8), "95" (row 552), "120.5" (row 1001), "94.99" (row 1003)',
      '- quantity: expected numeric, found categorical values (retyped)',
      '- city: 17 values not among the 3 allowed categories, such as "Atlantis" (row 12), "Atlantis" (row 1246), "Atlantis" (row 2480), "Atlantis" (row 3714), "Atlantis" (row 4948)',
      '- paid: 400 of 20000 missing (2%), above the 0% allowed (max-missing)',
      '- note: in the schema (categorical) but not in the data (dropped)',
    ]);
    // The CSV says the same, with the line of each row (the header is line 1).
    const withoutLines = csv.stdout.replaceAll(changed.csv, changed.parquet).replace(/, line \d+\)/g, ')');
    expect(parquet.stdout).toBe(withoutLines);
  });

  it('writes the metrics of the CSV, and fails the gate schema.violations == 0 (exit 1)', async () => {
    const outParquet = join(dir, 'parquet.json');
    const outCsv = join(dir, 'csv.json');
    const gate = ['--gate', 'schema.violations == 0'];
    const parquet = await runCli(
      'validate',
      changed.parquet,
      '--schema',
      schema,
      '--out',
      outParquet,
      ...gate,
    );
    const csv = await runCli('validate', changed.csv, '--schema', schema, '--out', outCsv, ...gate);
    expect([parquet.code, csv.code]).toEqual([1, 1]);
    const metrics = JSON.parse(readFileSync(outParquet, 'utf8')) as {
      schema: { violations: number; columns: Record<string, Record<string, number>> };
      data: { rows: number; missing: Record<string, number> };
    };
    expect(metrics).toEqual(JSON.parse(readFileSync(outCsv, 'utf8')));
    expect(metrics.schema.violations).toBe(6);
    expect(metrics.schema.columns.price).toEqual({ out_of_range: 49, violations: 1 });
    expect(metrics.schema.columns.id).toEqual({ duplicates: 4, violations: 1 });
    expect(metrics.data.missing).toMatchObject({ paid: 0.02, note: 1 });
  });

  it('the reference is valid against its own schema', async () => {
    const { code, stdout } = await runCli('validate', reference.parquet, '--schema', schema);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`VALID: ${reference.parquet} (2000 rows) against ${schema}`);
  });
});
