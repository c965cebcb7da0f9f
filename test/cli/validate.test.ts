import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../support/cli.js';

const SEATTLE_2012 = resolve('test/fixtures/drift/seattle-2012.csv');
const SEATTLE_2015 = resolve('test/fixtures/drift/seattle-2015.csv');
const CO2_2015 = resolve('test/fixtures/real/drift-tabular/co2-mm-mlo-2015-01-09-c65438a.csv');
const CO2_2017 = resolve('test/fixtures/real/drift-tabular/co2-mm-mlo-2017-01-21-a864797.csv');
const SENTINELS = ['--missing-values=Average=-99.99', '--missing-values=Number of Days=-1'];
const dir = mkdtempSync(join(tmpdir(), 'mlci-cli-validate-'));

describe('mlci validate', () => {
  // The schema the tests below validate against, written once for all of them (each test can run alone).
  const schema = join(dir, 'seattle.yml');
  beforeAll(async () => {
    expect((await runCli('validate', '--infer', SEATTLE_2012, '--out', schema)).code).toBe(0);
  });

  it('--infer --out writes a schema a person can edit', async () => {
    const written = join(dir, 'written.yml');
    const { code, stdout } = await runCli('validate', '--infer', SEATTLE_2012, '--out', written);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote the schema inferred from ${SEATTLE_2012} (366 rows) to ${written}\n`);
    const text = readFileSync(written, 'utf8');
    expect(text).toContain('version: 1\n');
    expect(text).toContain('    max: 9.5  # the largest value in the reference\n');
  });

  it('prints the violations of Seattle 2015 and suggests the gate on its last line (exit 0)', async () => {
    const { code, stdout, stderr } = await runCli('validate', SEATTLE_2015, '--schema', schema);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`INVALID: 4 violations in ${SEATTLE_2015} (365 rows) against ${schema}`);
    expect(lines[2]).toBe(
      '- temp_max: 1 value outside the range (>= -1.1 and <= 34.4), such as "35.0" (row 200, line 201)',
    );
    expect(lines.at(-1)).toBe(
      'No gates given: pass --gate "schema.violations == 0" (or add it to gates: in .mlci.yml) to fail on these.',
    );
  });

  it('fails the gate schema.violations == 0 (exit 1) and passes the row and missing gates', async () => {
    const { code, stdout } = await runCli(
      'validate',
      SEATTLE_2015,
      '--schema',
      schema,
      '--gate',
      'schema.violations == 0',
      '--gate',
      'data.rows >= 300',
      '--gate',
      'data.missing.* <= 0.01',
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL +schema\.violations == 0 +schema\.violations +- +4 /);
    expect(stdout).toMatch(/pass +data\.rows >= 300 +data\.rows +- +365 /);
  });

  it('writes the metrics with --out for mlci check and the actions', async () => {
    const out = join(dir, 'validation.json');
    await runCli('validate', SEATTLE_2015, '--schema', schema, '--out', out);
    const metrics = JSON.parse(readFileSync(out, 'utf8')) as {
      schema: { violations: number; columns: Record<string, { violations: number; out_of_range?: number }> };
      data: { rows: number };
    };
    expect(metrics.schema.violations).toBe(4);
    expect(metrics.schema.columns.wind).toEqual({ out_of_range: 5, violations: 1 });
    expect(metrics.data.rows).toBe(365);
  });

  it('without a schema and without gates, prints the inferred schema and says nothing can be violated', async () => {
    const { code, stdout } = await runCli('validate', CO2_2015, ...SENTINELS);
    expect(code).toBe(0);
    expect(stdout).toContain('  Average:\n    type: numeric');
    expect(stdout).toContain('    max-missing: 0.0103  # 7 of 682 missing in the reference\n');
    expect(stdout).toContain('this is the schema');
    expect(stdout).toContain('so no violation is possible');
  });

  it('validates the CO2 snapshot of 2017 against the schema of 2015', async () => {
    const co2 = join(dir, 'co2.yml');
    await runCli('validate', '--infer', CO2_2015, ...SENTINELS, '--out', co2);
    const { code, stdout } = await runCli(
      'validate',
      CO2_2017,
      '--schema',
      co2,
      ...SENTINELS,
      '--gate',
      'schema.violations == 0',
    );
    expect(code).toBe(1);
    expect(stdout).toContain(
      '- Number of Days: 1 value outside the range (>= 1 and <= 31), such as "0" (row 214, line 215)',
    );
  });

  it('a schema mistake is bad input (exit 2) naming file:line:column', async () => {
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'columns:\n  wind:\n    type: numeric\n    range: [0, 10]\n');
    const { code, stderr } = await runCli('validate', SEATTLE_2015, '--schema', bad);
    expect(code).toBe(2);
    expect(stderr).toContain(`${bad}:4:5: columns.wind.range: unknown key; expected one of type, min, max`);
  });

  it('needs exactly one table', async () => {
    const { code, stderr } = await runCli('validate', '--schema', schema);
    expect(code).toBe(2);
    expect(stderr).toContain('mlci validate: name the data to validate');
  });
});
