import { stringifyDocument } from '../../../packages/core/src/compare/json.js';
import { runComparison } from '../../../packages/core/src/compare/pipeline.js';
import { emptyConfig } from '../../../packages/core/src/config/config.js';
import { decodeDriftReport, MAX_DRIFT_COLUMNS } from '../../../packages/core/src/data/decode.js';
import { compareTables, type DriftReport } from '../../../packages/core/src/data/drift.js';
import { driftMetricsDoc } from '../../../packages/core/src/data/metrics.js';
import { TableProfile } from '../../../packages/core/src/data/profile.js';
import { readTable } from '../../../packages/core/src/data/read.js';
import { noExtraMissing, parseMissingValues } from '../../../packages/core/src/data/values.js';
import { ConfigurationError } from '../../../packages/core/src/errors.js';
import { buildReport } from '../../../packages/core/src/report/build.js';
import { createRandom } from '../../../packages/core/src/stats/random.js';

/** Seattle's weather, 2012 against 2015: small tables, so Kolmogorov–Smirnov and chi-square decide. */
async function seattle(): Promise<DriftReport> {
  const options = { missing: parseMissingValues([]), seed: 1 };
  return compareTables(
    await readTable('test/fixtures/drift/seattle-2012.csv', options),
    await readTable('test/fixtures/drift/seattle-2015.csv', options),
  );
}

/**
 * Large tables with a column of every other kind: distances decide (Wasserstein, Jensen–Shannon), a
 * column retyped, one empty on one side, a date, one dropped and one new.
 */
function everyKind(): DriftReport {
  const reference = new TableProfile('reference.csv', noExtraMissing(), 1);
  const current = new TableProfile('current.csv', noExtraMissing(), 1);
  const rng = createRandom(3);
  const rows = 1500;
  for (let row = 0; row < rows; row++) {
    for (const [table, shift] of [
      [reference, 0],
      [current, 1],
    ] as const) {
      table.column('amount').addNumber(rng.normal() + shift);
      table.column('colour').addText(rng.next() < 0.3 + shift * 0.3 ? 'red' : 'blue');
      if (shift === 0) table.column('weight').addNumber(row);
      else table.column('weight').addText(`${row} kg`);
      if (shift === 0) table.column('score').addNumber(rng.normal());
      else table.column('score').addMissing();
      table.column('day').addDatetime(Date.UTC(2024 + shift, 0, 1) + row * 86_400_000);
      table.column(shift === 0 ? 'old' : 'new').addNumber(row);
    }
  }
  reference.rows = current.rows = rows;
  reference.padColumns();
  current.padColumns();
  return compareTables(reference, current);
}

/** The report as drift.json holds it: written as mlci writes documents, parsed as JSON. */
function asJson(report: DriftReport): Record<string, unknown> & { columns: Array<Record<string, unknown>> } {
  return JSON.parse(stringifyDocument(report));
}

function decode(value: unknown): DriftReport {
  return decodeDriftReport(value, 'drift.json');
}

/** The index of a column in the report's JSON. */
function at(json: { columns: Array<Record<string, unknown>> }, name: string): number {
  const i = json.columns.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
}

describe('decodeDriftReport: drift.json and report.json read back', () => {
  it('gives back every report compareTables makes, field for field', async () => {
    for (const report of [await seattle(), everyKind()]) {
      expect(decode(asJson(report))).toEqual(report);
    }
    // Both sets of tests and every status are covered by the two reports.
    const tests = [...(await seattle()).columns, ...everyKind().columns].map((c) => c.test ?? c.status);
    expect(new Set(tests)).toEqual(
      new Set([
        'ks',
        'chi_square',
        'wasserstein',
        'jensen_shannon',
        'retyped',
        'no-values',
        'not-compared',
        'dropped',
        'new',
      ]),
    );
  });

  it('names the file and the JSON path of the first bad field, with what was expected and found', async () => {
    const json = asJson(await seattle());
    const i = at(json, 'temp_max');
    json.columns[i]!.p = 'x';
    expect(() => decode(json)).toThrow(
      new ConfigurationError(`drift.json: columns[${i}].p: expected a number between 0 and 1, found "x"`),
    );
  });

  it.each<[string, (json: ReturnType<typeof asJson>, i: number) => void, string]>([
    [
      'a Kolmogorov–Smirnov column without its p',
      (json, i) => delete json.columns[i]!.p,
      "columns[I].p: expected a number (the ks column's p), found nothing",
    ],
    [
      'a Kolmogorov–Smirnov column without its statistic',
      (json, i) => delete json.columns[i]!.ks,
      "columns[I].ks: expected a number (the ks column's ks), found nothing",
    ],
    [
      'a share that is text',
      (json) => (json.share = '0.6'),
      'share: expected a number between 0 and 1, found "0.6"',
    ],
    ['a NaN share', (json) => (json.share = 'NaN'), 'share: expected a number between 0 and 1, found "NaN"'],
    [
      'a NaN statistic',
      (json, i) => (json.columns[i]!.ks = 'NaN'),
      'columns[I].ks: expected a number between 0 and 1, found "NaN"',
    ],
    [
      'no options',
      (json) => delete json.options,
      'options: expected the drift options (alpha, threshold, smallRows, driftShare, correction, psiBins), found nothing',
    ],
    [
      'an unknown correction',
      (json) => ((json.options as Record<string, unknown>).correction = 'sidak'),
      'options.correction: expected one of holm, bonferroni, bh, none, found "sidak"',
    ],
    [
      'an unknown test',
      (json, i) => (json.columns[i]!.test = 'anderson'),
      'columns[I].test: expected one of ks, chi_square, wasserstein, jensen_shannon, found "anderson"',
    ],
    [
      'a column without its current side',
      (json, i) => delete json.columns[i]!.current,
      'columns[I].current: expected one side of a column (type, rows, missing, missingShare, values), found nothing',
    ],
    [
      'a row count that is markup',
      (json) => ((json.reference as Record<string, unknown>).rows = '<img src=x onerror=alert(1)>'),
      'reference.rows: expected a whole number of at least 0, found "<img src=x onerror=alert(1)>"',
    ],
    [
      'a column that is not an object',
      (json, i) => (json.columns[i] = 'temp_max' as never),
      'columns[I]: expected a column (name, type, status, drifted, reason, notes), found "temp_max"',
    ],
    [
      'a version this mlci does not read',
      (json) => (json.version = 2),
      'schema: expected an mlci/drift document of version 1, found "mlci/drift" version 2',
    ],
  ])('refuses %s', async (_, damage, message) => {
    const json = asJson(await seattle());
    const i = at(json, 'temp_max');
    damage(json, i);
    expect(() => decode(json)).toThrow(
      new ConfigurationError(`drift.json: ${message.replace('[I]', `[${i}]`)}`),
    );
  });

  it('refuses a report that contradicts itself: a verdict its numbers do not give, counts its columns do not add up to', async () => {
    const flipped = asJson(await seattle());
    const i = at(flipped, 'wind');
    flipped.columns[i]!.drifted = true;
    expect(() => decode(flipped)).toThrow(
      new RegExp(
        `^drift\\.json: columns\\[${i}\\]\\.drifted: expected false \\(p = 0\\.\\d+ is not below the threshold 0\\.05\\), found true$`,
      ),
    );
    const undercounted = asJson(await seattle());
    undercounted.drifted = 0;
    undercounted.share = 0;
    undercounted.detected = false;
    expect(() => decode(undercounted)).toThrow(
      new ConfigurationError('drift.json: drifted: expected 3 (the columns marked drifted), found 0'),
    );
    const loosened = asJson(await seattle());
    (loosened.options as Record<string, unknown>).alpha = 1e-30;
    expect(() => decode(loosened)).toThrow(
      /^drift\.json: columns\[0\]\.threshold: expected 1e-30 \(options\.alpha\), found 0\.05$/,
    );
    const large = asJson(everyKind());
    const j = at(large, 'amount');
    large.columns[j]!.wasserstein = 0.01;
    expect(() => decode(large)).toThrow(
      new RegExp(
        `^drift\\.json: columns\\[${j}\\]\\.drifted: expected false \\(distance 0\\.01, threshold 0\\.1,`,
      ),
    );
    const twice = asJson(await seattle());
    twice.columns[1]!.name = twice.columns[0]!.name;
    expect(() => decode(twice)).toThrow(
      /^drift\.json: columns\[1\]\.name: expected a name no other column has, found "temp_max"$/,
    );
  });

  it('caps what an untrusted document may hold: columns, notes, texts', async () => {
    const many = asJson(await seattle());
    many.columns = Array.from({ length: MAX_DRIFT_COLUMNS + 1 }, () => many.columns[0]!);
    expect(() => decode(many)).toThrow(
      new ConfigurationError(
        `drift.json: columns: expected a list of at most 100000 columns, found a list of ${MAX_DRIFT_COLUMNS + 1}`,
      ),
    );
    const notes = asJson(await seattle());
    notes.notes = Array.from({ length: 10_001 }, () => 'x');
    expect(() => decode(notes)).toThrow(
      /^drift\.json: notes: expected a list of at most 10000 notes, found a list of 10001$/,
    );
    const long = asJson(await seattle());
    long.columns[0]!.name = 'x'.repeat(10_001);
    expect(() => decode(long)).toThrow(
      /^drift\.json: columns\[0\]\.name: expected text of at most 10000 characters, found "x{40}\.\.\."$/,
    );
  });

  it('keeps the start of a long category value: data of any length is not a damaged report', async () => {
    // A column of prompts: its largest change can be a 20,000-character value (the lm-eval fixtures have such).
    const json = asJson(await seattle());
    const i = at(json, 'weather');
    (json.columns[i]!.largestChange as Record<string, unknown>).value = 'p'.repeat(20_000);
    expect(decode(json).columns[i]!.largestChange!.value).toBe('p'.repeat(10_000));
  });

  it('names the report inside a larger document (report.json: drift)', async () => {
    const json = asJson(await seattle());
    json.tested = -1;
    expect(() => decodeDriftReport(json, 'saved/report.json', { at: 'drift' })).toThrow(
      new ConfigurationError(
        'saved/report.json: drift.tested: expected a whole number of at least 0, found -1',
      ),
    );
  });

  it('drops unknown fields, so nothing unchecked reaches the report', async () => {
    const json = asJson(await seattle());
    json.columns[0]!.script = '<script>';
    (json.reference as Record<string, unknown>).extra = 1;
    const decoded = decode(json);
    expect(decoded.columns[0]).not.toHaveProperty('script');
    expect(decoded.reference).not.toHaveProperty('extra');
  });

  it('keeps a column whose histogram cannot be drawn, without its chart, and says so in a warning', async () => {
    const report = await seattle();
    const json = asJson(report);
    const i = at(json, 'weather');
    (json.columns[i]!.histogram as Record<string, unknown>).reference = ['a lot'];
    const decoded = decode(json);
    expect(decoded.columns[i]!.histogram).toBeUndefined();
    expect(decoded.columns[i]!.p).toBe(report.columns[i]!.p);
    expect(decoded.warnings).toEqual([
      `drift.json: columns[${i}].histogram: not a histogram mlci can draw, so the column "weather" is shown without its chart`,
    ]);
    // The report still builds: the column keeps its row, and loses only its chart.
    const doc = driftMetricsDoc(decoded);
    const comparison = runComparison({
      head: { runs: [doc] },
      config: emptyConfig(),
      extraGates: [],
      expectBaseline: false,
    });
    const built = await buildReport({ comparison, head: [doc], drift: decoded });
    expect(built.charts.map((c) => c.file)).not.toContain('drift-weather.png');
    expect(built.markdown).toContain('| weather | categorical | chi-square |');
    expect(built.markdown).toContain('⚠️ drift.json: columns\\[');
  });
});
