import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { faults, startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction } from '../support/action-runner.js';
import {
  FULL,
  OWNER,
  REPO,
  pullRequestRun,
  pushRun,
  workspace,
  type Seeded,
} from '../support/pull-request-scenario.js';

// Issue #16, item 5: a drift gate fails a pull request. The training data of main is Seattle's
// weather in 2012; the pull request replaces it with 2015's (test/fixtures/drift/). compare-metrics
// compares the pull request's data/train.csv with the same file as committed at the base
// (drift-reference: base), the drift metrics join the pull request's metrics before the gates,
// and the report fails the check. Runs against dist/ (npm run build first, or MLCI_TEST_DIST).

const SEATTLE_2012 = readFileSync('test/fixtures/drift/seattle-2012.csv', 'utf8');
const SEATTLE_2015 = readFileSync('test/fixtures/drift/seattle-2015.csv', 'utf8');
const CONFIG = 'files: [metrics.json]\ngates:\n  - f1 >= 0.5\n  - drift.share <= 0.3\n';
const DRIFT_INPUTS = { 'drift-reference': 'base', 'drift-current': 'data/train.csv' };

let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

/** main with its metrics and (unless null) data/train.csv; a feature branch; its pull request. */
function seedData(baseData: string | null, headData: string, config = CONFIG): Seeded {
  const { state } = fake;
  state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
  const base = state.commit(FULL, {
    branch: 'main',
    files: {
      '.mlci.yml': config,
      'metrics.json': '{"f1": 0.84}',
      ...(baseData === null ? {} : { 'data/train.csv': baseData }),
    },
    message: 'baseline',
  });
  const head = state.commit(FULL, {
    branch: 'feature',
    parents: [base],
    files: { 'data/train.csv': headData },
    message: 'new training data',
  });
  const pr = state.addPullRequest(FULL, {
    head: { ref: 'feature', sha: head, repo: FULL },
    base: { ref: 'main' },
  });
  return { base, head, pr, headRepo: FULL };
}

/** The pull request's checkout: its config, metrics and (unless null) data/train.csv. */
function checkout(data: string | null, config = CONFIG): string {
  const dir = workspace('{"f1": 0.85}', config);
  if (data !== null) {
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'train.csv'), data);
  }
  return dir;
}

const checkRun = () => fake.state.repo(FULL).checkRuns.at(-1);

describe('compare-metrics and report: a drift gate judges the pull request’s data', () => {
  it('fails the pull request whose training data drifted from the base’s', async () => {
    fake = await startFakeGitHub();
    const s = seedData(SEATTLE_2012, SEATTLE_2015);
    const dir = checkout(SEATTLE_2015);
    const run = pullRequestRun(fake, s, dir);
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'contents', ...DRIFT_INPUTS },
    });
    expect(compared.exitCode).toBe(0);
    expect(compared.stdout).toMatch(
      /Drift reference: main@[0-9a-f]{7} \(merge base\):data\/train\.csv, fetched through GitHub's API \(1 file, \d+ bytes\)\./,
    );
    // The CLI's drift table, in the log: 3 of 5 columns, as docs/drift.md shows for these years.
    expect(compared.stdout).toContain(
      'DRIFT: 3 of 5 compared columns drifted (60%; the dataset drifts at 50%)',
    );
    expect(compared.outputs['drift-detected']).toBe('true');
    expect(Number(compared.outputs['drift-share'])).toBeCloseTo(0.6, 12);
    expect(compared.outputs.verdict).toBe('failed');
    expect(JSON.parse(compared.outputs['failed-gates']!)).toEqual(['drift.share <= 0.3']);
    // The comparison's table keeps the model's metrics and the gated drift.share; the drift's
    // other metrics, which the base's metrics file lacks, are one line rather than ~50 "added" rows.
    expect(compared.stdout).toMatch(/^f1 +0\.84 +0\.85 /m);
    expect(compared.stdout).toMatch(/^drift\.share +- +0\.6 +- +- +added$/m);
    expect(compared.stdout).toMatch(
      /^(\d\d) data drift metrics that no gate names \(\1 added\) are not listed: see \.mlci\/drift\.json and the report's data drift section$/m,
    );
    expect(compared.stdout).not.toMatch(/^drift\.columns\./m);
    // The whole report is left for the report step, and the metrics joined the pull request's.
    const drift = JSON.parse(readFileSync(join(dir, '.mlci', 'drift.json'), 'utf8'));
    expect(drift).toMatchObject({ schema: 'mlci/drift', version: 1, drifted: 3, tested: 5 });
    expect(drift.reference.label).toMatch(/^main@[0-9a-f]{7} \(merge base\):data\/train\.csv$/);
    const state = JSON.parse(readFileSync(join(dir, '.mlci', 'compare.json'), 'utf8'));
    expect(state.head[0].metrics['drift.share']).toBeCloseTo(0.6, 12);
    expect(state.head[0].metrics.f1).toBe(0.85);

    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(1);
    expect(checkRun()).toMatchObject({ name: 'mlci', conclusion: 'failure' });
    const comment = fake.state.repo(FULL).comments[0]!.body;
    // The failed drift gate comes first, before the model's passing one.
    const failed = comment.indexOf('drift.share');
    expect(failed).toBeGreaterThan(-1);
    expect(failed).toBeLessThan(comment.indexOf('f1 >= 0.5'));
    expect(comment).toMatch(/data drift/i);
  }, 90_000);

  it('passes when the pull request’s data is the base’s', async () => {
    fake = await startFakeGitHub();
    const s = seedData(SEATTLE_2012, SEATTLE_2012);
    const dir = checkout(SEATTLE_2012);
    const run = pullRequestRun(fake, s, dir);
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'contents', ...DRIFT_INPUTS },
    });
    expect(compared.exitCode).toBe(0);
    expect(compared.outputs.verdict).toBe('passed');
    expect(compared.outputs['drift-detected']).toBe('false');
    expect(compared.outputs['drift-share']).toBe('0');
    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(0);
    expect(checkRun()).toMatchObject({ conclusion: 'success' });
  }, 90_000);

  it('an unreadable current table fails the step and the check, naming the file', async () => {
    fake = await startFakeGitHub();
    const s = seedData(SEATTLE_2012, SEATTLE_2015);
    // A row with more cells than the header: an error at its line and column.
    const dir = checkout('date,precipitation\n2015-01-01,0.0\n2015-01-02,1.5,7\n');
    const run = pullRequestRun(fake, s, dir);
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'contents', ...DRIFT_INPUTS },
    });
    expect(compared.exitCode).toBe(1);
    expect(compared.stdout).not.toContain('this is a bug');
    expect(compared.stdout).toMatch(
      /^::error::the drift step could not read its current data \(input drift-current\): data\/train\.csv:3:/m,
    );
    expect(compared.outputs.passed).toBeUndefined();
    // compare.json says the step did not finish (state.ts), not what it would have compared.
    expect(JSON.parse(readFileSync(join(dir, '.mlci', 'compare.json'), 'utf8')).schema).toBe(
      'mlci/step-failure',
    );
    // The report step runs anyway (`if: always()`): it must not judge the metrics without the data.
    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(1);
    expect(reported.stdout).toMatch(
      /^::error::the compare-metrics step failed, so its gates were not evaluated: the drift step could not read its current data \(input drift-current\): data\/train\.csv:3:/m,
    );
    const checks = fake.state.repo(FULL).checkRuns;
    expect(checks.filter((c) => c.conclusion !== 'failure')).toEqual([]);
    expect(checks).toHaveLength(1);
    expect(checks[0]!.output.summary).toContain('data/train.csv:3:');
    expect(checks[0]!.output.title).toBe('mlci could not judge this commit: the compare-metrics step failed');
  }, 90_000);

  it('a base without the file fails closed, and says what to set', async () => {
    fake = await startFakeGitHub();
    const s = seedData(null, SEATTLE_2015);
    const dir = checkout(SEATTLE_2015);
    const run = pullRequestRun(fake, s, dir);
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'contents', ...DRIFT_INPUTS },
    });
    expect(compared.exitCode).toBe(1);
    expect(compared.stdout).toMatch(
      /^::error::the drift step could not read its reference \(input drift-reference: base\): data\/train\.csv is not in main@[0-9a-f]{7} \(merge base\), so there is nothing to compare the pull request's data with\. Commit the data on the base branch first, or set drift-reference \(or drift\.reference\) to a file, a folder or git:<revision>:<path> that holds the reference/m,
    );
    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(1);
    expect(fake.state.repo(FULL).checkRuns.map((c) => c.conclusion)).toEqual(['failure']);
    expect(fake.state.repo(FULL).checkRuns[0]!.output.summary).toContain('data/train.csv is not in main@');
  }, 90_000);

  it('a drift that cannot be planned fails the check too, not only the step', async () => {
    fake = await startFakeGitHub();
    // The drift gate is an input of compare-metrics: the report step alone would judge f1 and pass.
    const config = 'files: [metrics.json]\ngates:\n  - f1 >= 0.5\n';
    const s = seedData(SEATTLE_2012, SEATTLE_2015, config);
    const dir = checkout(SEATTLE_2015, config);
    const run = pullRequestRun(fake, s, dir);
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: {
        'baseline-sources': 'contents',
        'drift-current': 'data/train.csv',
        gates: 'drift.share <= 0.3',
      },
    });
    expect(compared.exitCode).toBe(1);
    expect(compared.stdout).toMatch(
      /^::error::input drift-current is "data\/train\.csv", but there is no reference to compare with: set the input drift-reference, or drift\.reference in main@[0-9a-f]{7} \(merge base\):\.mlci\.yml/m,
    );
    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(1);
    expect(fake.state.repo(FULL).checkRuns.map((c) => c.conclusion)).toEqual(['failure']);
    expect(fake.state.repo(FULL).checkRuns[0]!.output.summary).toContain(
      'there is no reference to compare with',
    );
  }, 90_000);

  it('a base table that could not be fetched fails the check, never neutral', async () => {
    fake = await startFakeGitHub();
    const s = seedData(SEATTLE_2012, SEATTLE_2015);
    const dir = checkout(SEATTLE_2015);
    const run = pullRequestRun(fake, s, dir);
    fake.inject({ ...faults.serverError(502, 100), path: /\/contents\/data(\/|%2F)train\.csv$/i });
    const compared = await runDistAction('compare-metrics', {
      ...run,
      env: { MLCI_RETRY_BUDGET: '2' },
      inputs: { 'baseline-sources': 'contents', ...DRIFT_INPUTS },
    });
    expect(compared.exitCode).toBe(1);
    expect(compared.stdout).toMatch(
      /^::error::the drift step could not read its reference \(input drift-reference: base\): main@[0-9a-f]{7} \(merge base\):data\/train\.csv could not be fetched: 502 .*re-run the job/m,
    );
    fake.clearFaults();
    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(1);
    expect(fake.state.repo(FULL).checkRuns.map((c) => c.conclusion)).toEqual(['failure']);
    expect(fake.state.repo(FULL).checkRuns[0]!.output.summary).toContain('could not be fetched: 502');
  }, 90_000);

  it('fetches a folder table of the base file by file, leaving out what is not data', async () => {
    fake = await startFakeGitHub();
    const [header, ...rows] = SEATTLE_2012.trimEnd().split('\n');
    const parts = {
      'data/train/part-0.csv': `${header}\n${rows.slice(0, 200).join('\n')}\n`,
      'data/train/2/part-1.csv': `${header}\n${rows.slice(200).join('\n')}\n`,
      'data/train/_SUCCESS': '',
    };
    const { state } = fake;
    state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
    const base = state.commit(FULL, {
      branch: 'main',
      files: { '.mlci.yml': CONFIG, 'metrics.json': '{"f1": 0.84}', ...parts },
      message: 'baseline',
    });
    const head = state.commit(FULL, { branch: 'feature', parents: [base], files: {}, message: 'x' });
    const pr = state.addPullRequest(FULL, {
      head: { ref: 'feature', sha: head, repo: FULL },
      base: { ref: 'main' },
    });
    const dir = checkout(null);
    for (const [path, text] of Object.entries(parts)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const compared = await runDistAction('compare-metrics', {
      ...pullRequestRun(fake, { base, head, pr, headRepo: FULL }, dir),
      inputs: { 'baseline-sources': 'contents', 'drift-reference': 'base', 'drift-current': 'data/train' },
    });
    expect(compared.exitCode).toBe(0);
    expect(compared.stdout).toMatch(
      /Drift reference: main@[0-9a-f]{7} \(merge base\):data\/train, fetched through GitHub's API \(2 files, \d+ bytes\)\./,
    );
    expect(compared.stdout).toContain('NO DRIFT: 0 of 5 compared columns drifted');
    expect(compared.outputs['drift-share']).toBe('0');
    expect(compared.outputs.verdict).toBe('passed');
    expect(fake.requests.filter((r) => r.path.includes('_SUCCESS'))).toEqual([]);
  }, 90_000);

  it('takes the reference and the settings from the base’s drift: section (gates-from: base)', async () => {
    fake = await startFakeGitHub();
    const strict = `${CONFIG}drift:\n  reference: base\n  current: data/train.csv\n`;
    // The pull request tries to loosen the test: a significance level that no column reaches.
    const loose = `${strict}  alpha: 1e-300\n`;
    const s = seedData(SEATTLE_2012, SEATTLE_2015, strict);
    const dir = checkout(SEATTLE_2015, loose);
    const run = pullRequestRun(fake, s, dir);
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.exitCode).toBe(0);
    expect(compared.stdout).toMatch(/settings from main@[0-9a-f]{7} \(merge base\):\.mlci\.yml\./);
    expect(compared.outputs['drift-share']).toBe('0.6');
    expect(compared.outputs.verdict).toBe('failed');
  }, 90_000);
});

describe('evaluate: drift between two local tables, without GitHub', () => {
  it('compares two paths and gates the drift, with no token and no baseline', async () => {
    fake = await startFakeGitHub();
    const dir = checkout(SEATTLE_2015, 'files: [metrics.json]\ngates:\n  - drift.share <= 0.3\n');
    writeFileSync(join(dir, 'data', 'reference.csv'), SEATTLE_2012);
    const evaluated = await runDistAction('evaluate', {
      ...pushRun(fake, 'e'.repeat(40), dir),
      inputs: { 'drift-reference': 'data/reference.csv', 'drift-current': 'data/train.csv' },
    });
    expect(evaluated.exitCode).toBe(0);
    expect(evaluated.outputs.verdict).toBe('failed');
    expect(evaluated.outputs['drift-share']).toBe('0.6');
    expect(JSON.parse(evaluated.outputs.metrics!)['drift.share']).toBe(0.6);
    expect(fake.requests).toEqual([]);
    expect(existsSync(join(dir, '.mlci', 'drift.json'))).toBe(true);
  }, 90_000);

  it('refuses base, which only compare-metrics can read', async () => {
    fake = await startFakeGitHub();
    const dir = checkout(SEATTLE_2015);
    const evaluated = await runDistAction('evaluate', {
      ...pushRun(fake, 'e'.repeat(40), dir),
      inputs: { 'drift-reference': 'base', 'drift-current': 'data/train.csv' },
    });
    expect(evaluated.exitCode).toBe(1);
    expect(evaluated.stdout).toContain(
      "::error::input drift-reference: base means the current data as committed at the pull request's base commit, which only compare-metrics knows",
    );
  }, 90_000);
});
