import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, ParseError } from '../../../packages/core/src/errors.js';
import { compareTables } from '../../../packages/core/src/data/drift.js';
import { readTable } from '../../../packages/core/src/data/read.js';
import { columnType } from '../../../packages/core/src/data/types.js';
import { parseIsoDateTime, parseMissingValues } from '../../../packages/core/src/data/values.js';
import type { TableProfile } from '../../../packages/core/src/data/profile.js';

const dir = mkdtempSync(join(tmpdir(), 'mlci-data-read-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

function kinds(table: TableProfile, name: string) {
  const c = table.get(name)!;
  return {
    type: columnType(c),
    missing: c.missing,
    numbers: c.numbers,
    texts: c.texts,
    booleans: c.booleans,
    datetimes: c.datetimes,
  };
}

describe('reading CSV and TSV through the readers tokenizer', () => {
  it('reads quoted cells, blanks and pandas NA tokens as missing, and types each column', async () => {
    const path = file(
      'basic.csv',
      'id,price,city,flag,when\n1,"1,5",Paris,true,2024-01-02\n2,NA,"New ""York""",False,2024-01-03T10:00:00Z\n3,,Paris,,\n4,2.5,N/A,TRUE,2024-02-01\n',
    );
    const table = await readTable(path);
    expect(table.rows).toBe(4);
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'price', 'city', 'flag', 'when']);
    // "1,5" is text inside quotes: one of three values, so price is mixed (not 99% numbers).
    expect(kinds(table, 'price')).toMatchObject({ type: 'mixed', missing: 2, numbers: 1, texts: 1 });
    expect(kinds(table, 'city')).toMatchObject({ type: 'categorical', missing: 1, texts: 3 });
    expect([...table.get('city')!.categories.keys()]).toEqual(['Paris', 'New "York"']);
    expect(kinds(table, 'flag')).toMatchObject({ type: 'boolean', missing: 1, booleans: 3 });
    expect(table.get('flag')!.trues).toBe(2);
    expect(kinds(table, 'when')).toMatchObject({ type: 'datetime', missing: 1, datetimes: 3 });
    expect(kinds(table, 'id')).toMatchObject({ type: 'numeric', numbers: 4 });
  });

  it('reads a sentinel as missing for every column or for one column only', async () => {
    const path = file('sentinel.csv', 'a,b\n-99.99,-1\n1.5,-1.0\n-99.990,3\n');
    const all = await readTable(path, { missing: parseMissingValues(['-99.99,-1']) });
    expect([all.get('a')!.missing, all.get('b')!.missing]).toEqual([2, 2]);
    const one = await readTable(path, { missing: parseMissingValues(['b=-1']) });
    expect([one.get('a')!.missing, one.get('b')!.missing]).toEqual([0, 2]);
  });

  it('reads TSV by its extension, and short rows as missing cells, with a located warning', async () => {
    const path = file('short.tsv', 'x\ty\n1\t2\n3\n4\t5\n');
    const table = await readTable(path);
    expect(table.get('y')!.missing).toBe(1);
    expect(table.warnings).toEqual([
      `${path}:3: fewer cells than the 2 columns of the header; the missing cells were read as missing values`,
    ]);
  });

  it('refuses two columns of one name, naming the line', async () => {
    const path = file('dup.csv', 'a,b,a\n1,2,3\n');
    await expect(readTable(path)).rejects.toThrow(
      new ParseError(
        { file: path, line: 1 },
        'columns 1 and 3 are both named "a"; a table\'s columns need distinct names',
      ),
    );
  });

  it('refuses a row with more cells than the header, at the first extra cell', async () => {
    const path = file('wide.csv', 'a,b\n1,2\n3,4,5\n');
    await expect(readTable(path)).rejects.toThrow(
      `${path}:3:5: expected 2 columns as in the header, found 3`,
    );
  });

  // Read as a CSV, a pointer is a one-row table: two pointers would be compared as if they were the data.
  it('refuses a Git LFS pointer in place of the data, in a file or a folder, saying how to get the data', async () => {
    const pointer =
      'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';
    const path = file('train.csv', pointer);
    await expect(readTable(path)).rejects.toThrow(ConfigurationError);
    await expect(readTable(path)).rejects.toThrow(
      `${path}: a Git LFS pointer, not the data it points to. Check the data out (actions/checkout with lfs: true, or git lfs pull)`,
    );
    mkdirSync(join(dir, 'lfs-folder'));
    writeFileSync(join(dir, 'lfs-folder', 'a.csv'), 'x\n1\n');
    writeFileSync(join(dir, 'lfs-folder', 'b.parquet'), pointer);
    await expect(readTable(join(dir, 'lfs-folder'))).rejects.toThrow(
      `${join(dir, 'lfs-folder', 'b.parquet')}: a Git LFS pointer`,
    );
    // A table that merely mentions the line further in is a table.
    expect((await readTable(file('notes.csv', `text\n"${pointer.split('\n')[0]}"\n`))).rows).toBe(1);
  });

  it('says a file with a .parquet name that is not Parquet is not readable, naming it', async () => {
    const path = file('fake.parquet', 'a,b\n1,2\n');
    await expect(readTable(path)).rejects.toThrow(`${path}: not a readable Parquet file: `);
  });

  it('says which format it cannot tell, and refuses what is not a file or folder', async () => {
    const path = file('table.data', 'a\n1\n');
    await expect(readTable(path)).rejects.toThrow(ConfigurationError);
    await expect(readTable(path)).rejects.toThrow('pass --format csv|tsv|jsonl|parquet');
    expect((await readTable(path, { format: 'csv' })).rows).toBe(1);
    await expect(readTable(join(dir, 'nope.csv'))).rejects.toThrow('nope.csv: no such file or folder');
  });
});

describe('reading JSON Lines', () => {
  it('types values by their JSON type, flattens objects and reads absent fields as missing', async () => {
    const path = file(
      'records.jsonl',
      [
        '{"x": 1, "label": "a", "ok": true, "meta": {"lang": "en"}}',
        '{"x": null, "label": "12", "ok": false}',
        '',
        '{"x": 2.5, "label": "b", "ok": true, "meta": {"lang": "fr"}, "extra": [1, 2]}',
      ].join('\n') + '\n',
    );
    const table = await readTable(path);
    expect(table.rows).toBe(3);
    expect(kinds(table, 'x')).toMatchObject({ type: 'numeric', numbers: 2, missing: 1 });
    // A JSON string is text even when it spells a number.
    expect(kinds(table, 'label')).toMatchObject({ type: 'categorical', texts: 3 });
    expect(kinds(table, 'ok')).toMatchObject({ type: 'boolean', booleans: 3 });
    expect(kinds(table, 'meta.lang')).toMatchObject({ missing: 1, texts: 2 });
    expect(kinds(table, 'extra')).toMatchObject({ missing: 2, texts: 1 });
  });

  it('locates a line that is not a JSON object', async () => {
    const path = file('bad.jsonl', '{"a": 1}\n[1, 2]\n');
    await expect(readTable(path)).rejects.toThrow(
      `${path}:2:1: expected a JSON object on each line, found an array`,
    );
  });
});

describe('a folder is one table', () => {
  it('reads its data files in name order, matching columns by name, skipping _SUCCESS and dotfiles', async () => {
    file('parts/part-0.csv', 'a,b\n1,x\n2,y\n');
    file('parts/part-1.csv', 'b,c\nz,10\n');
    file('parts/sub/part-2.jsonl', '{"a": 3}\n');
    file('parts/_SUCCESS', '');
    file('parts/.part-0.csv.crc', 'junk');
    file('parts/README.md', '# not data');
    const table = await readTable(join(dir, 'parts'));
    expect(table.rows).toBe(4);
    expect(table.files.map((f) => f.slice(dir.length + 1))).toEqual([
      'parts/part-0.csv',
      'parts/part-1.csv',
      'parts/sub/part-2.jsonl',
    ]);
    expect(kinds(table, 'a')).toMatchObject({ numbers: 3, missing: 1 });
    expect(kinds(table, 'b')).toMatchObject({ texts: 3, missing: 1 });
    expect(kinds(table, 'c')).toMatchObject({ numbers: 1, missing: 3 });
    expect(table.notes).toContain(`${join(dir, 'parts')}: not data files, not read: README.md`);
  });

  it('does not follow a link out of the folder', async () => {
    const outside = file('outside.csv', 'a\n1\n');
    mkdirSync(join(dir, 'linked'));
    file('linked/in.csv', 'a\n2\n');
    symlinkSync(outside, join(dir, 'linked', 'out.csv'));
    const table = await readTable(join(dir, 'linked'));
    expect(table.rows).toBe(1);
    expect(table.warnings).toEqual([
      `${join(dir, 'linked', 'out.csv')}: not read (a symbolic link that leads outside the folder)`,
    ]);
  });

  it('says so when a folder holds no data file', async () => {
    mkdirSync(join(dir, 'empty'));
    await expect(readTable(join(dir, 'empty'))).rejects.toThrow('no data files in this folder');
  });
});

describe('ISO 8601 dates', () => {
  it('reads dates, months and date-times with zones; refuses impossible dates', () => {
    expect(parseIsoDateTime('1958-03')).toBe(Date.UTC(1958, 2, 1));
    expect(parseIsoDateTime('2015-01-09')).toBe(Date.UTC(2015, 0, 9));
    expect(parseIsoDateTime('2015-01-09 10:20:30.5')).toBe(Date.UTC(2015, 0, 9, 10, 20, 30, 500));
    expect(parseIsoDateTime('2015-01-09T10:20+01:00')).toBe(Date.UTC(2015, 0, 9, 9, 20));
    expect(parseIsoDateTime('2016-02-29')).toBe(Date.UTC(2016, 1, 29));
    expect(
      ['2015-02-29', '2015-13-01', '2015-1-9', '20150109', 'May 2015', '2015-01-09T25:00'].map(
        parseIsoDateTime,
      ),
    ).toEqual(new Array(6).fill(undefined));
  });
});

const FLIGHTS = 'node_modules/vega-datasets/data/flights-3m.parquet';
const describeParquet = existsSync(FLIGHTS) ? describe : describe.skip;
if (!existsSync(FLIGHTS)) {
  console.warn(
    `skipped: the Parquet test reads ${FLIGHTS} (vega-datasets 3.2.1, a dev dependency), which is absent`,
  );
}

describeParquet('reading Parquet (vega-datasets flights-3m.parquet: 3,000,000 rows, ZSTD)', () => {
  it('reads every row of every column a column chunk at a time, typed by the schema', async () => {
    const table = await readTable(FLIGHTS);
    expect(table.rows).toBe(3_000_000);
    expect(table.columns.map((c) => [c.name, columnType(c), c.missing, c.present])).toEqual([
      ['date', 'datetime', 0, 3_000_000],
      ['delay', 'numeric', 0, 3_000_000],
      ['distance', 'numeric', 0, 3_000_000],
      ['origin', 'categorical', 0, 3_000_000],
      ['destination', 'categorical', 0, 3_000_000],
    ]);
    const date = table.get('date')!;
    expect(new Date(date.minTime).toISOString().slice(0, 4)).toBe('2001');
    expect(table.get('origin')!.categories.size).toBeGreaterThan(100);
    // Against itself: large columns are measured from sketches, and nothing drifts.
    const report = compareTables(table, table);
    expect(report.columns.map((c) => [c.name, c.test ?? c.status, c.exact, c.drifted])).toEqual([
      ['delay', 'wasserstein', false, false],
      ['distance', 'wasserstein', false, false],
      ['origin', 'jensen_shannon', true, false],
      ['destination', 'jensen_shannon', true, false],
      ['date', 'not-compared', true, false],
    ]);
    expect(report.columns.map((c) => c.wasserstein ?? c.jensenShannon ?? 0)).toEqual([0, 0, 0, 0, 0]);
  }, 300_000);
});
