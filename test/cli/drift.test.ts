import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../support/cli.js';

const SEATTLE_2012 = resolve('test/fixtures/drift/seattle-2012.csv');
const SEATTLE_2015 = resolve('test/fixtures/drift/seattle-2015.csv');
const CO2_2015 = resolve('test/fixtures/real/drift-tabular/co2-mm-mlo-2015-01-09-c65438a.csv');
const CO2_2017 = resolve('test/fixtures/real/drift-tabular/co2-mm-mlo-2017-01-21-a864797.csv');
const SENTINELS = ['--missing-values=Average=-99.99', '--missing-values=Number of Days=-1'];
const dir = mkdtempSync(join(tmpdir(), 'mlci-cli-drift-'));

describe('mlci drift', () => {
  it('prints the drifted columns first and fails the gate the drift breaks (exit 1)', async () => {
    const { code, stdout, stderr } = await runCli(
      'drift',
      '--reference',
      SEATTLE_2012,
      '--current',
      SEATTLE_2015,
      '--gate',
      'drift.share <= 0.3',
    );
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('DRIFT: 3 of 5 compared columns drifted (60%; the dataset drifts at 50%)');
    expect(lines[1]).toBe(`reference: ${SEATTLE_2012} (366 rows, 6 columns)`);
    expect(lines.slice(4, 12)).toEqual([
      'column         drift  type         test                   statistic  p / distance  threshold     psi  missing',
      '-------------  -----  -----------  ------------------  ------------  ------------  ---------  ------  --------',
      'temp_max       DRIFT  numeric      Kolmogorov–Smirnov     D = 0.153    p = 0.0013  p < 0.05    0.225  0% -> 0%',
      'temp_min       DRIFT  numeric      Kolmogorov–Smirnov     D = 0.118     p = 0.034  p < 0.05    0.173  0% -> 0%',
      'weather        DRIFT  categorical  chi-square          chi2 = 88.42   p = 1.4e-17  p < 0.05    0.838  0% -> 0%',
      'precipitation  no     numeric      Kolmogorov–Smirnov    D = 0.0949      p = 0.13  p < 0.05   0.0438  0% -> 0%',
      'wind           no     numeric      Kolmogorov–Smirnov    D = 0.0762      p = 0.22  p < 0.05   0.0705  0% -> 0%',
      'date           -      datetime     not compared                                                       0% -> 0%',
    ]);
    expect(stdout).toContain('- weather: chi-square = 88.42 (4 df), p = 1.4e-17 < 0.05 after the correction');
    expect(stdout).toContain('FAILED: 1 of 1 check failed: drift.share');
  });

  it('passes the CO2 snapshots with their sentinels read as missing (exit 0)', async () => {
    const { code, stdout } = await runCli(
      'drift',
      '--reference',
      CO2_2015,
      '--current',
      CO2_2017,
      ...SENTINELS,
      '--gate',
      'drift.share <= 0.3',
      '--gate',
      'data.missing.* <= 0.3',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^NO DRIFT: 1 of 5 compared columns drifted \(20%/);
    expect(stdout).toContain(
      '\nNumber of Days  DRIFT  numeric   Kolmogorov–Smirnov   D = 0.399   p = 2.7e-35',
    );
    expect(stdout).toContain('PASSED: all 7 checks passed');
  });

  it('says so when no gate is given, and exits 0 whatever the drift', async () => {
    const { code, stderr } = await runCli('drift', '--reference', SEATTLE_2012, '--current', SEATTLE_2015);
    expect(code).toBe(0);
    expect(stderr).toContain('no gates given: pass --gate "drift.share <= 0.3"');
  });

  it('prints the report, the metrics and the gates as JSON', async () => {
    const { code, stdout } = await runCli(
      'drift',
      '--reference',
      SEATTLE_2012,
      '--current',
      SEATTLE_2015,
      '--json',
      '--gate',
      'drift.columns.*.psi <= 0.2',
    );
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.drift).toMatchObject({
      schema: 'mlci/drift',
      tested: 5,
      drifted: 3,
      share: 0.6,
      detected: true,
    });
    expect(doc.metrics.metrics['drift.columns.weather.chi_square']).toBeCloseTo(88.4193937452583, 9);
    expect(doc.metrics.params['drift.columns.weather.test']).toBe('chi_square');
    expect(doc.comparison.verdict.summary).toBe(
      '2 of 5 checks failed: drift.columns.temp_max.psi, drift.columns.weather.psi',
    );
  });

  it('writes the metrics for mlci check and compare with --out', async () => {
    const out = join(dir, 'out', 'drift.json');
    const drift = await runCli('drift', '--reference', SEATTLE_2012, '--current', SEATTLE_2015, '--out', out);
    expect(drift.code).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.drift.share).toBe(0.6);
    expect(written.data.missing.wind).toBe(0);
    const check = await runCli('check', out, '--gate', 'drift.columns.*.drifted == 0');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('3 of 5 checks failed');
  });

  it('evaluates the config gates on drift.* and data.* keys, and leaves the others to check and compare', async () => {
    const config = join(dir, 'drift.yml');
    writeFileSync(
      config,
      'gates:\n  - "drift.share <= 0.7"\n  - "data.rows >= 300"\n  - "accuracy >= 0.9"\n',
    );
    const { code, stdout, stderr } = await runCli(
      'drift',
      '--reference',
      SEATTLE_2012,
      '--current',
      SEATTLE_2015,
      '--config',
      config,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('PASSED: all 2 checks passed');
    expect(stderr).toBe(
      `mlci drift: 1 gate of ${config} not on drift.* or data.* keys is left to mlci check and compare\n`,
    );
  });

  it('reads a table as committed at a revision (git:<rev>:<path>)', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'mlci-drift-git-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'ci');
    copyFileSync(SEATTLE_2012, join(repo, 'weather.csv'));
    git('add', '.');
    git('commit', '-qm', 'training data');
    copyFileSync(SEATTLE_2015, join(repo, 'weather.csv'));
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      const { code, stdout } = await runCli(
        'drift',
        '--reference',
        'git:main:weather.csv',
        '--current',
        'weather.csv',
      );
      expect(code).toBe(0);
      expect(stdout).toMatch(/^DRIFT: 3 of 5 compared columns drifted/);
      expect(stdout).toMatch(
        /\nreference: git:main:weather\.csv \(main@[0-9a-f]{7}\) \(366 rows, 6 columns\)\n/,
      );
    } finally {
      process.chdir(cwd);
    }
  });

  it('has help lines within 100 columns', async () => {
    const { code, stdout } = await runCli('drift', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: mlci drift \[--reference <data> --current <data>\]/);
    expect(stdout.split('\n').filter((line) => line.length > 100)).toEqual([]);
  });

  it('exits 2 on bad input, naming what is wrong', async () => {
    const noCurrent = await runCli('drift', '--reference', SEATTLE_2012);
    expect(noCurrent.code).toBe(2);
    expect(noCurrent.stderr).toContain('mlci drift: --current is required');
    const format = await runCli(
      'drift',
      '--reference',
      SEATTLE_2012,
      '--current',
      SEATTLE_2015,
      '--format',
      'xlsx',
    );
    expect(format.stderr).toBe(
      'mlci drift: --format "xlsx": expected one of csv, tsv, jsonl, parquet (a data table\'s format)\n',
    );
    const alpha = await runCli(
      'drift',
      '--reference',
      SEATTLE_2012,
      '--current',
      SEATTLE_2015,
      '--alpha',
      '2',
    );
    expect(alpha.stderr).toBe('mlci drift: --alpha 2: expected a level above 0, at most 0.5\n');
    const missing = await runCli('drift', '--reference', SEATTLE_2012, '--current', join(dir, 'nope.csv'));
    expect(missing.stderr).toBe(`mlci drift: ${join(dir, 'nope.csv')}: no such file or folder\n`);
    const dash = await runCli(
      'drift',
      '--reference',
      CO2_2015,
      '--current',
      CO2_2017,
      '--missing-values',
      '-99.99',
    );
    expect(dash.stderr).toContain('--missing-values needs a value');
    const gate = await runCli(
      'drift',
      '--reference',
      SEATTLE_2012,
      '--current',
      SEATTLE_2015,
      '--gate',
      'drift.shar <= 1',
    );
    expect(gate.code).toBe(2);
    expect(gate.stderr).toContain('matches no metric; did you mean drift.share?');
  });
});
