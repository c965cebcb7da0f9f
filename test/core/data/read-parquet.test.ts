/**
 * Reading Parquet tables written by test/support/parquet-writer.ts (hyparquet-writer): types from
 * the schema, missing cells, row groups, pages and codecs, a file with no rows, damaged files, and
 * a folder of Parquet and CSV parts. The reference for every statistic is the same table written
 * as CSV: both must give the same profile and, compared, no drift at all.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { join } from 'node:path';
import { ParseError } from '../../../packages/core/src/errors.js';
import { compareTables } from '../../../packages/core/src/data/drift.js';
import type { ColumnProfile, TableProfile } from '../../../packages/core/src/data/profile.js';
import { PARQUET_ROWS_PER_READ, readTable, withParquetFile } from '../../../packages/core/src/data/read.js';
import { columnType } from '../../../packages/core/src/data/types.js';
import { createRandom } from '../../../packages/core/src/stats/random.js';
import {
  PARQUET_CODECS,
  parquetBytes,
  type ParquetCell,
  type ParquetColumn,
  type ParquetLayout,
} from '../../support/parquet-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'mlci-read-parquet-'));

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}

const DAY = 86_400_000;
const CITIES = ['Paris', 'Lyon', 'Nice', 'Lille', 'Brest'];

/**
 * A seeded table of every type the reader maps: floats with 5% nulls, a REQUIRED float (typed
 * arrays), small and large integers, booleans, categories, a unique identifier, dates and time
 * stamps in milliseconds and microseconds.
 */
function table(rows: number, seed = 7): ParquetColumn[] {
  const rng = createRandom(seed);
  const maybe = <T>(value: T): T | null => (rng.next() < 0.05 ? null : value);
  const column = (
    spec: Omit<ParquetColumn, 'values'>,
    make: (row: number) => ParquetCell,
  ): ParquetColumn => ({
    ...spec,
    values: Array.from({ length: rows }, (_, row) => make(row)),
  });
  return [
    column({ name: 'x', type: 'DOUBLE' }, () => maybe(3 + 2 * rng.normal())),
    {
      name: 'r',
      type: 'DOUBLE',
      required: true,
      values: Float64Array.from({ length: rows }, () => Math.exp(rng.normal())),
    },
    column({ name: 'level', type: 'INT32' }, () => maybe(Math.floor(rng.next() * 4))),
    column({ name: 'count', type: 'INT64' }, () => Math.floor(rng.next() * 1e9)),
    column({ name: 'flag', type: 'BOOLEAN' }, () => maybe(rng.next() < 0.3)),
    column({ name: 'city', type: 'STRING' }, () =>
      maybe(CITIES[Math.floor(rng.next() ** 2 * CITIES.length)]!),
    ),
    column({ name: 'id', type: 'STRING' }, (row) => `user-${row}`),
    column({ name: 'day', type: 'DATE' }, () =>
      maybe(new Date(Date.UTC(2024, 0, 1) + Math.floor(rng.next() * 366) * DAY)),
    ),
    column({ name: 'seen', type: 'TIMESTAMP' }, () => Date.UTC(2024, 0, 1) + Math.floor(rng.next() * 1e10)),
    column({ name: 'logged', type: 'TIMESTAMP_MICROS' }, () =>
      maybe(Date.UTC(2023, 5, 1) + Math.floor(rng.next() * 1e9)),
    ),
  ];
}

/** The same table as CSV text: a null is an empty cell, a number as JavaScript prints it (exactly). */
function csvOf(columns: readonly ParquetColumn[]): string {
  const cell = (column: ParquetColumn, value: ParquetCell | number): string => {
    if (value === null) return '';
    if (value instanceof Date) value = value.getTime();
    if (column.type === 'DATE') return new Date(value as number).toISOString().slice(0, 10);
    if (column.type.startsWith('TIMESTAMP')) return new Date(value as number).toISOString();
    return String(value);
  };
  const rows = columns[0]!.values.length;
  const lines = [columns.map((c) => c.name).join(',')];
  for (let row = 0; row < rows; row++) lines.push(columns.map((c) => cell(c, c.values[row]!)).join(','));
  return `${lines.join('\n')}\n`;
}

/** Everything the drift statistics read from a column, in a form `toEqual` compares. */
function statistics(column: ColumnProfile) {
  const distribution = column.distribution();
  return {
    type: columnType(column),
    cells: column.cells,
    missing: column.missing,
    numbers: column.numbers,
    booleans: column.booleans,
    trues: column.trues,
    datetimes: column.datetimes,
    texts: column.texts,
    min: column.min,
    max: column.max,
    minTime: column.minTime,
    maxTime: column.maxTime,
    mean: column.runningMean,
    std: column.std,
    exact: column.exact,
    testValues: [...column.testValues()],
    distribution: { values: [...distribution.values], cumulative: [...distribution.cumulative] },
    // Date-time text is also counted by value in a CSV; Parquet dates are not text.
    categories:
      columnType(column) === 'datetime'
        ? undefined
        : [...column.categories].map(([value, c]) => [value, c.count, c.kind, c.time]),
  };
}

function profileOf(table: TableProfile) {
  return { rows: table.rows, columns: table.columns.map((c) => [c.name, statistics(c)]) };
}

describe('reading Parquet: types from the schema', () => {
  it('types each column from its Parquet type and counts nulls as missing', async () => {
    const path = write('types.parquet', parquetBytes(table(200)));
    const read = await readTable(path);
    expect(read.rows).toBe(200);
    expect(read.columns.map((c) => [c.name, columnType(c), c.missing + c.present])).toEqual([
      ['x', 'numeric', 200],
      ['r', 'numeric', 200],
      ['level', 'numeric', 200],
      ['count', 'numeric', 200],
      ['flag', 'boolean', 200],
      ['city', 'categorical', 200],
      ['id', 'text', 200],
      ['day', 'datetime', 200],
      ['seen', 'datetime', 200],
      ['logged', 'datetime', 200],
    ]);
    const expected = table(200);
    const nulls = (name: string) =>
      expected.find((c) => c.name === name)!.values.filter((v) => v === null).length;
    for (const column of read.columns)
      expect([column.name, column.missing]).toEqual([column.name, nulls(column.name)]);
    expect(nulls('x')).toBeGreaterThan(0);
    // Time stamps in microseconds come back as milliseconds; DATE as midnight UTC of its day.
    const logged = expected.find((c) => c.name === 'logged')!.values.filter((v): v is number => v !== null);
    expect(read.get('logged')!.minTime).toBe(Math.min(...logged));
    expect(read.get('day')!.minTime % DAY).toBe(0);
    expect([...read.get('city')!.categories.keys()].sort()).toEqual([...CITIES].sort());
  });

  it.each([3_000, 30_000])(
    'gives the statistics of the same %i rows written as CSV, and no drift against it',
    async (rows) => {
      const columns = table(rows);
      const parquet = await readTable(
        write(`same-${rows}.parquet`, parquetBytes(columns, { rowGroupSize: 4096 })),
      );
      const csv = await readTable(write(`same-${rows}.csv`, csvOf(columns)));
      expect(profileOf(parquet)).toEqual(profileOf(csv));
      // 30,000 values are past the reservoir: the sketches of both sides saw the same values in
      // the same order, so they agree too.
      expect(parquet.get('x')!.exact).toBe(rows <= 10_000);
      const report = compareTables(csv, parquet);
      expect(report.drifted).toBe(0);
      expect(report.columns.map((c) => [c.name, c.status, c.drifted])).toEqual(
        expect.arrayContaining([
          ['x', 'compared', false],
          ['r', 'compared', false],
          ['level', 'compared', false],
          ['count', 'compared', false],
          ['flag', 'compared', false],
          ['city', 'compared', false],
        ]),
      );
      for (const c of report.columns.filter((c) => c.status === 'compared')) {
        expect([c.name, c.wasserstein ?? c.jensenShannon, c.psi]).toEqual([c.name, 0, 0]);
        if (c.pRaw !== undefined) expect([c.name, c.pRaw]).toEqual([c.name, 1]);
      }
    },
    60_000,
  );
});

describe('reading Parquet: layout does not change a statistic', () => {
  const columns = table(2_500, 11);
  let whole: ReturnType<typeof profileOf>;
  beforeAll(async () => {
    whole = profileOf(await readTable(write('layout-whole.parquet', parquetBytes(columns))));
  });

  it.each<[string, ParquetLayout]>([
    ['row groups of 7 rows', { rowGroupSize: 7 }],
    ['row groups of 1000 rows and pages of 4 KiB', { rowGroupSize: 1000, pageSize: 4096 }],
    ['no offset index', { pageSize: 4096, offsetIndex: false }],
    ...PARQUET_CODECS.map((codec): [string, ParquetLayout] => [`${codec}`, { codec, rowGroupSize: 600 }]),
  ])('%s', async (name, layout) => {
    const path = write(`layout-${name.replace(/\W+/g, '-')}.parquet`, parquetBytes(columns, layout));
    expect(profileOf(await readTable(path))).toEqual(whole);
  });

  /** What `read` hands over for the one column of a 200,000-row row group: the runs, and the values' sum. */
  async function runsOf(path: string) {
    const handed: number[] = [];
    let next = 0;
    let sum = 0;
    await withParquetFile(path, path, async (file) => {
      expect(file.groups).toEqual([200_000]);
      await file.read(0, 0, (data, from, to, firstRow) => {
        expect(firstRow).toBe(next);
        next += to - from;
        handed.push(to - from);
        for (let i = from; i < to; i++) sum += data[i] as number;
      });
    });
    return { rows: next, sum, handed };
  }

  it('reads a column chunk with an offset index a run of pages at a time, not the row group whole', async () => {
    // 200,000 rows in one row group, pages of 16 KiB (2,000 doubles): a reader that decodes the
    // chunk whole hands over 200,000 values at once, the memory the 1 GB bench could not afford.
    const rows = 200_000;
    const values = Float64Array.from({ length: rows }, (_, i) => i);
    const layout = { rowGroupSize: rows, pageSize: 16_384 };
    const indexed = await runsOf(
      write('runs.parquet', parquetBytes([{ name: 'v', type: 'DOUBLE', values }], layout)),
    );
    expect([indexed.rows, indexed.sum]).toEqual([rows, (rows * (rows - 1)) / 2]);
    expect(indexed.handed.length).toBeGreaterThan(1);
    expect(Math.max(...indexed.handed)).toBeLessThan(PARQUET_ROWS_PER_READ + 5_000);
    // Without an offset index the pages cannot be found without decoding them: the chunk, whole.
    const plain = await runsOf(
      write(
        'no-index.parquet',
        parquetBytes([{ name: 'v', type: 'DOUBLE', values }], { ...layout, offsetIndex: false }),
      ),
    );
    expect(plain).toEqual({ rows, sum: indexed.sum, handed: [rows] });
  });

  it('reads every type in runs of pages (dictionaries, nulls, several runs) as it reads the chunk whole', async () => {
    const columns = table(100_000, 13);
    const layout = { rowGroupSize: 100_000, pageSize: 16_384 };
    const runs = await readTable(write('runs-all.parquet', parquetBytes(columns, layout)));
    const whole = await readTable(
      write('whole-all.parquet', parquetBytes(columns, { ...layout, offsetIndex: false })),
    );
    expect(runs.rows).toBe(100_000);
    expect(profileOf(runs)).toEqual(profileOf(whole));
  }, 60_000);
});

describe('reading Parquet: edge cases and damaged files', () => {
  it('reads a file with columns but no rows as an empty table, with a note', async () => {
    const path = write(
      'empty.parquet',
      parquetBytes([
        { name: 'x', type: 'DOUBLE', values: [] },
        { name: 'city', type: 'STRING', values: [] },
      ]),
    );
    const read = await readTable(path);
    expect(read.rows).toBe(0);
    expect(read.columns.map((c) => [c.name, columnType(c), c.cells])).toEqual([
      ['x', 'empty', 0],
      ['city', 'empty', 0],
    ]);
    expect(read.notes).toContain(`${path}: no rows`);
  });

  it('reads the flat columns beside a nested one, and names the nested one in a note', async () => {
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'x', data: [1.5, 2.5, 3.5] },
        { name: 'tags', data: [['a'], ['b', 'c'], []] },
      ],
      schema: [
        { name: 'root', num_children: 2 },
        { name: 'x', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
        { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      ],
    });
    const path = write('nested.parquet', new Uint8Array(bytes));
    const read = await readTable(path);
    expect([read.rows, read.columns.map((c) => c.name), read.get('x')!.max]).toEqual([3, ['x'], 3.5]);
    expect(read.notes).toContain(`${path}: nested columns (structs, lists, maps) are not compared: tags`);
  });

  it('says a file cut short is not a readable Parquet file, naming it', async () => {
    const bytes = parquetBytes(table(300), { rowGroupSize: 100 });
    const path = write('cut.parquet', bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const error = await readTable(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).message).toMatch(
      new RegExp(`^${escape(path)}: not a readable Parquet file: .+`),
    );
  });

  it('locates a column whose bytes lie past the end of the file (a row group cut out, the footer kept)', async () => {
    const bytes = parquetBytes(table(3_000), { rowGroupSize: 1_000 });
    const footer = footerLength(bytes);
    const last = parquetMetadata(bytes.slice().buffer).row_groups[2]!.columns[0]!.meta_data!;
    // The last row group's bytes (and the indexes after them) are gone: the footer still points at them.
    const groupStart = Number(last.data_page_offset);
    expect(Number(last.total_compressed_size)).toBeGreaterThan(footer);
    const path = write(
      'hollow.parquet',
      new Uint8Array([...bytes.subarray(0, groupStart), ...bytes.subarray(bytes.length - footer)]),
    );
    await expect(readTable(path)).rejects.toThrow(
      new ParseError(
        { file: path, key: 'x' },
        `cannot read column "x" of the row group starting at row 2000: its metadata points at bytes ${groupStart} to ${groupStart + Number(last.total_compressed_size)}, past the end of the file (${groupStart + footer} bytes): the file is damaged or cut short`,
      ),
    );
  });

  it('locates a column chunk whose page header is damaged', async () => {
    const bytes = parquetBytes(table(3_000), { rowGroupSize: 1_000 });
    const metadata = parquetMetadata(bytes.slice().buffer);
    const city = metadata.row_groups[1]!.columns.find((c) => c.meta_data!.path_in_schema[0] === 'city')!;
    const start = Number(city.meta_data!.dictionary_page_offset ?? city.meta_data!.data_page_offset);
    const path = write('damaged.parquet', bytes.slice().fill(0xff, start, start + 24));
    await expect(readTable(path)).rejects.toThrow(
      new RegExp(
        `^${escape(path)} \\(key "city"\\): cannot read column "city" of the row group starting at row 1000: `,
      ),
    );
  });
});

describe('reading Parquet: a folder of Parquet and CSV parts is one table', () => {
  it('gives the statistics of the whole table, a column a part lacks missing in its rows', async () => {
    const columns = table(1_000, 5);
    const part = (from: number, to: number, without?: string) =>
      columns
        .filter((c) => c.name !== without)
        .map((c) => ({ ...c, values: [...c.values].slice(from, to) }) as ParquetColumn);
    // part-0.csv, part-1.parquet (3 row groups, without `flag`), part-2/part-3.parquet
    write('mixed/part-0.csv', csvOf(part(0, 300)));
    write('mixed/part-1.parquet', parquetBytes(part(300, 700, 'flag'), { rowGroupSize: 150 }));
    write('mixed/part-2/part-3.parquet', parquetBytes(part(700, 1_000), { codec: 'GZIP' }));
    const folder = await readTable(join(dir, 'mixed'));
    // The whole table as one CSV, with `flag` blank in rows 300 to 699.
    const flag = columns.find((c) => c.name === 'flag')!;
    const flags = flag.values as readonly ParquetCell[];
    const blanked = columns.map((c) =>
      c === flag ? { ...c, values: flags.map((v, row) => (row >= 300 && row < 700 ? null : v)) } : c,
    );
    const whole = await readTable(write('mixed-whole.csv', csvOf(blanked)));
    expect(folder.files.map((f) => f.slice(dir.length + 1))).toEqual([
      'mixed/part-0.csv',
      'mixed/part-1.parquet',
      'mixed/part-2/part-3.parquet',
    ]);
    expect(profileOf(folder)).toEqual(profileOf(whole));
    expect(folder.get('flag')!.missing).toBe(
      400 + flags.filter((v, row) => v === null && (row < 300 || row >= 700)).length,
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The footer's length plus its 8 closing bytes (length, PAR1). */
function footerLength(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(bytes.length - 8, true) + 8;
}
