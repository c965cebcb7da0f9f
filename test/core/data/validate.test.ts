import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../../packages/core/src/data/read.js';
import {
  inferSchema,
  parseSchema,
  schemaYaml,
  type DataSchema,
} from '../../../packages/core/src/data/schema.js';
import {
  validateTable,
  validationMetricsDoc,
  type ValidationReport,
} from '../../../packages/core/src/data/validate.js';
import { parseMissingValues } from '../../../packages/core/src/data/values.js';

const dir = mkdtempSync(join(tmpdir(), 'mlci-validate-'));
const SEATTLE_2012 = 'test/fixtures/drift/seattle-2012.csv';
const SEATTLE_2015 = 'test/fixtures/drift/seattle-2015.csv';
const CO2_2015 = 'test/fixtures/real/drift-tabular/co2-mm-mlo-2015-01-09-c65438a.csv';
const CO2_2017 = 'test/fixtures/real/drift-tabular/co2-mm-mlo-2017-01-21-a864797.csv';
const CO2_MISSING = parseMissingValues(['Average=-99.99', 'Number of Days=-1']);

/** The schema inferred from a table, written as YAML and read back, as a user's file would be. */
async function inferredSchema(path: string, missing = parseMissingValues([])): Promise<DataSchema> {
  const yaml = schemaYaml(inferSchema(await readTable(path, { missing })));
  return parseSchema(yaml, 'schema.yml');
}

async function validate(
  path: string,
  schema: DataSchema,
  missing = parseMissingValues([]),
): Promise<ValidationReport> {
  return validateTable(path, await readTable(path, { missing }), schema, { missing });
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('inferring a schema', () => {
  it('states every bound of Seattle 2012 with where it came from, and reads back to the same rules', async () => {
    const yaml = schemaYaml(inferSchema(await readTable(SEATTLE_2012)));
    expect(yaml).toContain('  temp_max:\n    type: numeric  # 366 non-missing values in the reference\n');
    expect(yaml).toContain(
      '    min: -1.1  # the smallest value in the reference\n    max: 34.4  # the largest value in the reference\n',
    );
    expect(yaml).toContain('      - "fog"  # 5 rows\n');
    expect(yaml).toContain('    unique: true  # 366 distinct values in 366 non-missing cells\n');
    const schema = parseSchema(yaml, 'schema.yml');
    expect(schema.rows).toEqual({ min: 1 });
    expect(schema.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      'date:datetime',
      'precipitation:numeric',
      'temp_max:numeric',
      'temp_min:numeric',
      'wind:numeric',
      'weather:categorical',
    ]);
    expect(schema.columns.find((c) => c.name === 'weather')!.categories).toEqual([
      'drizzle',
      'fog',
      'rain',
      'snow',
      'sun',
    ]);
    // Measurements that happen to differ are not made unique; the dates are.
    expect(schema.columns.filter((c) => c.unique === true).map((c) => c.name)).toEqual(['date']);
  });

  it('a table satisfies the schema inferred from it', async () => {
    const report = await validate(SEATTLE_2012, await inferredSchema(SEATTLE_2012));
    expect(report.violations).toEqual([]);
    expect(validationMetricsDoc(report).metrics['schema.violations']).toBe(0);
  });
});

describe('validating real data', () => {
  it('Seattle 2015 against 2012: four ranges broken, and the share of fog (5 -> 52 days) is no violation', async () => {
    const report = await validate(SEATTLE_2015, await inferredSchema(SEATTLE_2012));
    expect(report.violations.map((v) => [v.kind, v.column, v.count])).toEqual([
      ['out-of-range', 'precipitation', 1],
      ['out-of-range', 'temp_max', 1],
      ['out-of-range', 'temp_min', 1],
      ['out-of-range', 'wind', 5],
    ]);
    expect(report.violations[1]!.message).toBe(
      'temp_max: 1 value outside the range (>= -1.1 and <= 34.4), such as "35.0" (row 200, line 201)',
    );
    expect(report.violations[3]!.examples.map((e) => [e.value, e.row])).toEqual([
      ['0.6', 9],
      ['0.5', 10],
      ['0.8', 30],
      ['0.9', 51],
      ['0.9', 333],
    ]);
    const metrics = validationMetricsDoc(report).metrics;
    expect(metrics['schema.violations']).toBe(4);
    expect(metrics['schema.columns.wind.violations']).toBe(1);
    expect(metrics['schema.columns.wind.out_of_range']).toBe(5);
    expect(metrics['schema.columns.weather.violations']).toBe(0);
    expect(metrics['data.rows']).toBe(365);
    expect(metrics['data.missing.weather']).toBe(0);
  });

  it('the CO2 snapshot of 2017 against 2015, with -99.99 and -1 read as missing', async () => {
    const report = await validate(CO2_2017, await inferredSchema(CO2_2015, CO2_MISSING), CO2_MISSING);
    // 24 new months past the 2015 maximum, the recent record concentrations, and December 1975
    // whose day count was revised from 1 to 0 (a value the 2015 file never held).
    expect(report.violations.map((v) => [v.column, v.count])).toEqual([
      ['Decimal Date', 24],
      ['Average', 15],
      ['Interpolated', 15],
      ['Trend', 24],
      ['Number of Days', 1],
    ]);
    expect(report.violations[4]!.examples).toEqual([{ value: '0', row: 214, file: CO2_2017, line: 215 }]);
    // The sentinels are missing, not out of range: Average's 7 of 706 are within its 1.03%.
    expect(report.violations.some((v) => v.kind === 'missing')).toBe(false);
    expect(validationMetricsDoc(report).metrics['data.missing.Average']).toBeCloseTo(7 / 706, 12);
  });
});

describe('generated edge cases', () => {
  const schema = parseSchema(
    [
      'version: 1',
      'rows: { min: 2, max: 1000 }',
      'columns:',
      '  id: { type: numeric, unique: true, min: 1 }',
      '  label: { type: categorical, categories: [cat, dog], max-missing: 0 }',
      '  score: { type: numeric, min: 0, max: 1 }',
    ].join('\n'),
    'schema.yml',
  );

  it('names a dropped and a new column', async () => {
    const report = await validate(file('dropped.csv', 'id,label,weight\n1,cat,3\n2,dog,4\n'), schema);
    expect(report.violations.map((v) => v.message)).toEqual([
      'score: in the schema (numeric) but not in the data (dropped)',
      'weight: in the data (numeric) but not in the schema (new)',
    ]);
    expect(validationMetricsDoc(report).metrics['data.missing.score']).toBe(1);
  });

  it('names a retyped column, and a category that is not allowed with its row', async () => {
    const report = await validate(
      file('retyped.csv', 'id,label,score\n1,cat,high\n2,bird,low\n3,dog,high\n'),
      schema,
    );
    expect(report.violations.map((v) => v.message)).toEqual([
      'label: 1 value not among the 2 allowed categories, such as "bird" (row 2, line 3)',
      'score: expected numeric, found categorical values (retyped)',
    ]);
  });

  it('counts the duplicates of a unique id, naming the row each repeats', async () => {
    const report = await validate(
      file('dup.csv', 'id,label,score\n1,cat,0.1\n2,dog,0.2\n1,cat,0.3\n2,dog,0.4\n3,,0.5\n'),
      schema,
    );
    const duplicate = report.violations.find((v) => v.kind === 'duplicate')!;
    expect(duplicate.count).toBe(2);
    expect(duplicate.message).toBe(
      'id: 2 duplicates in a unique column, such as "1 (as in row 1)" (row 3, line 4), "2 (as in row 2)" (row 4, line 5)',
    );
    expect(report.violations.find((v) => v.kind === 'missing')!.message).toBe(
      'label: 1 of 5 missing (20%), above the 0% allowed (max-missing)',
    );
  });

  it('an empty file breaks the row bound and drops every column', async () => {
    const report = await validate(file('empty.csv', ''), schema);
    expect(report.violations.map((v) => v.kind)).toEqual(['rows', 'dropped', 'dropped', 'dropped']);
    expect(report.violations[0]!.message).toBe('0 rows, fewer than the 2 the schema asks for (rows.min)');
  });

  it('reads JSON Lines the same way, with the line of each example', async () => {
    const path = file(
      'rows.jsonl',
      '{"id": 1, "label": "cat", "score": 0.5}\n{"id": 1, "label": "dog", "score": 7}\n',
    );
    const report = await validate(path, schema);
    expect(report.violations.map((v) => v.message)).toEqual([
      'id: 1 duplicate in a unique column, such as "1 (as in row 1)" (row 2, line 2)',
      'score: 1 value outside the range (>= 0 and <= 1), such as "7" (row 2, line 2)',
    ]);
  });
});

describe('schema files written by hand', () => {
  it.each([
    [
      'version: 1\ncolumns:\n  a:\n    type: numeric\n    maximum: 3\n',
      's.yml:5:5: columns.a.maximum: unknown key; expected one of type, min, max, categories, max-missing, unique',
    ],
    [
      'version: 1\ncolumns:\n  a: { type: number }\n',
      's.yml:3:14: columns.a.type: expected one of numeric, categorical, boolean, datetime, text, found "number"',
    ],
    [
      'columns:\n  a: { type: text, min: 1 }\n',
      's.yml:2:25: columns.a.min: a range applies to numeric columns; this one is text',
    ],
    [
      'columns:\n  a: { type: numeric, max-missing: 5 }\n',
      's.yml:2:36: columns.a.max-missing: expected a share from 0 to 1 (0.01 is 1%), found 5',
    ],
    ['rows: { min: 10, max: 2 }\ncolumns: {}\n', 's.yml:1:23: rows.max: is below rows.min (10)'],
    [
      'colums:\n  a: { type: text }\n',
      's.yml:1:1: colums: unknown key; expected one of version, rows, columns',
    ],
    [
      'columns:\n  a: { type: text\n',
      's.yml:3:1: invalid YAML: Flow map in block collection must be sufficiently indented and end with a }',
    ],
  ])('refuses %j with a located error', (text, message) => {
    expect(() => parseSchema(text, 's.yml')).toThrow(message);
  });

  it('compares categories as written (1.0 is not 1)', () => {
    const schema = parseSchema('columns:\n  grade: { type: categorical, categories: [1.0, A] }\n', 's.yml');
    expect(schema.columns[0]!.categories).toEqual(['1.0', 'A']);
  });
});
