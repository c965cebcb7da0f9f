import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodePng } from '../support/png.js';
import { runCli } from '../support/cli.js';

const SEATTLE_2012 = resolve('test/fixtures/drift/seattle-2012.csv');
const SEATTLE_2015 = resolve('test/fixtures/drift/seattle-2015.csv');
const CO2_2015 = resolve('test/fixtures/real/drift-tabular/co2-mm-mlo-2015-01-09-c65438a.csv');
const CO2_2017 = resolve('test/fixtures/real/drift-tabular/co2-mm-mlo-2017-01-21-a864797.csv');
const dir = mkdtempSync(join(tmpdir(), 'mlci-cli-drift-report-'));

describe('mlci drift --report', () => {
  it('writes report.md, a PNG per top column, report.json and index.html, with the gates as the verdict', async () => {
    const out = join(dir, 'seattle');
    const { code, stdout, stderr } = await runCli(
      'drift',
      '--reference',
      SEATTLE_2012,
      '--current',
      SEATTLE_2015,
      '--gate',
      'drift.share <= 0.3',
      '--report',
      out,
    );
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain(
      `\nReport written to ${join(out, 'report.md')} with 4 charts; preview: ${join(out, 'index.html')}\n`,
    );
    expect(readdirSync(out).sort()).toEqual([
      'drift-temp-max.png',
      'drift-temp-min.png',
      'drift-weather.png',
      'drift-wind.png',
      'index.html',
      'report.json',
      'report.md',
    ]);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toMatch(/^## mlci drift\n\n\*\*❌ Failed\*\*: 1 of 1 gate failed \(drift\.share\)\./);
    expect(md).toContain('### ⚠️ Data drift: 3 of 5 columns drifted (60%); the dataset drifts at 50%');
    expect(md).toContain('](drift-temp-max.png)');
    const png = decodePng(readFileSync(join(out, 'drift-temp-max.png')));
    expect([png.width, png.height]).toEqual([1600, 640]);
    const document = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(document.verdict.kind).toBe('failed');
    expect(document.drift.schema).toBe('mlci/drift');
    expect(document.drift.columns[0].histogram.kind).toBe('bins');
    expect(document.charts.map((c: { section?: string }) => c.section)).toEqual([
      'drift',
      'drift',
      'drift',
      'drift',
    ]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<img');
  });

  it("takes the tables and settings from the config's drift: section, flags overriding it", async () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'data'), { recursive: true });
    copyFileSync(CO2_2015, join(project, 'data', 'co2-2015.csv'));
    copyFileSync(CO2_2017, join(project, 'data', 'co2-2017.csv'));
    const config = join(project, '.mlci.yml');
    writeFileSync(
      config,
      [
        'drift:',
        '  reference: data/co2-2015.csv',
        '  current: data/co2-2017.csv',
        '  missing-values: ["Average=-99.99", "Number of Days=-1"]',
        'gates:',
        '  - drift.share <= 0.3',
        '',
      ].join('\n'),
    );
    const fromConfig = await runCli('drift', '--config', config, '--report', join(project, 'report'));
    expect(fromConfig.stderr).toBe('');
    expect(fromConfig.code).toBe(0);
    expect(fromConfig.stdout).toMatch(/^NO DRIFT: 1 of 5 compared columns drifted \(20%/);
    expect(fromConfig.stdout).toContain(`reference: ${join(project, 'data', 'co2-2015.csv')} (`);
    expect(readFileSync(join(project, 'report', 'report.md'), 'utf8')).toContain(
      '### Data drift: 1 of 5 columns drifted (20%); the dataset drifts at 50%',
    );
    // A flag wins over its setting: the seattle tables, and a dataset share of 10%.
    const overridden = await runCli(
      'drift',
      '--config',
      config,
      '--reference',
      SEATTLE_2012,
      '--current',
      SEATTLE_2015,
      '--drift-share',
      '0.1',
      '--missing-values',
      '?',
    );
    expect(overridden.stdout).toMatch(
      /^DRIFT: 3 of 5 compared columns drifted \(60%; the dataset drifts at 10%\)/,
    );
    expect(overridden.code).toBe(1);
  });

  it('refuses a --report that is a file, --max-charts without --report, and a config without tables', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const args = ['drift', '--reference', SEATTLE_2012, '--current', SEATTLE_2015];
    const onFile = await runCli(...args, '--report', file);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toContain(
      `--report ${JSON.stringify(file)}: expected a folder to write the report into (it is a file)`,
    );
    const lonely = await runCli(...args, '--max-charts', '2');
    expect(lonely.code).toBe(2);
    expect(lonely.stderr).toContain('--max-charts: only with --report DIR');
    const bad = await runCli(...args, '--report', join(dir, 'r'), '--max-charts', 'many');
    expect(bad.code).toBe(2);
    expect(existsSync(join(dir, 'r'))).toBe(false);
    const empty = join(dir, 'empty.yml');
    writeFileSync(empty, 'gates: []\n');
    const none = await runCli('drift', '--config', empty);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      `--reference is required (a CSV, TSV, JSON Lines or Parquet file, or a folder of them), or drift.reference in ${empty}`,
    );
  });

  it('draws as many charts as --max-charts says', async () => {
    const out = join(dir, 'two');
    const { code } = await runCli(
      'drift',
      '--reference',
      SEATTLE_2012,
      '--current',
      SEATTLE_2015,
      '--report',
      out,
      '--max-charts',
      '2',
    );
    expect(code).toBe(0);
    expect(
      readdirSync(out)
        .filter((f) => f.endsWith('.png'))
        .sort(),
    ).toEqual(['drift-temp-max.png', 'drift-weather.png']);
  });
});
