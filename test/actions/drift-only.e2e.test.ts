import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faults, startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction } from '../support/action-runner.js';
import { FULL, OWNER, REPO, pullRequestRun, type Seeded } from '../support/pull-request-scenario.js';

// Issue #16: a repository whose pull requests change training data and have no model metrics at
// all. compare-metrics with drift-reference: base compares the pull request's data/train.csv with
// the same file as committed at the merge base; the drift metrics are the run, no metrics baseline
// is looked for, and the gates alone decide. main's data is Seattle's weather in 2012; a drifted
// pull request replaces it with 2015's (test/fixtures/drift/). Runs against dist/ (npm run build
// first, or MLCI_TEST_DIST).

const SEATTLE_2012 = readFileSync('test/fixtures/drift/seattle-2012.csv', 'utf8');
const SEATTLE_2015 = readFileSync('test/fixtures/drift/seattle-2015.csv', 'utf8');
/** No files: and no metrics file anywhere: the data is all there is. */
const CONFIG = 'gates:\n  - drift.share <= 0.3\n';
const DRIFT_INPUTS = { 'drift-reference': 'base', 'drift-current': 'data/train.csv' };

let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

/** main with its config and (unless null) data/train.csv; a feature branch changing the data; its pull request. */
function seedData(baseData: string | null, headData: string, config = CONFIG): Seeded {
  const { state } = fake;
  state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
  const base = state.commit(FULL, {
    branch: 'main',
    files: { '.mlci.yml': config, ...(baseData === null ? {} : { 'data/train.csv': baseData }) },
    message: 'training data',
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

/** The pull request's checkout: its config and data/train.csv, and no metrics file. */
function checkout(data: string, config = CONFIG): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-data-only-'));
  writeFileSync(join(dir, '.mlci.yml'), config);
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'train.csv'), data);
  return dir;
}

const checkRuns = () => fake.state.repo(FULL).checkRuns;

/** Requests that look for a metrics baseline: artifacts, the metrics at the base, the history's records. */
const baselineSearches = () =>
  fake.requests.filter(
    (r) => r.path.includes('/actions/') || r.path.includes('metrics') || r.operationId === 'graphql',
  );

describe('compare-metrics on data alone: the drift is the run', () => {
  it('fails the pull request whose training data drifted, with no metrics baseline looked for', async () => {
    fake = await startFakeGitHub();
    const s = seedData(SEATTLE_2012, SEATTLE_2015);
    const dir = checkout(SEATTLE_2015);
    const run = pullRequestRun(fake, s, dir);
    // Every baseline source is allowed: none is tried, and on-no-baseline has nothing to decide.
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { ...DRIFT_INPUTS, 'on-no-baseline': 'fail' },
    });
    expect(compared.exitCode).toBe(0);
    expect(compared.stdout).not.toContain('no metrics files are named, and none were found');
    expect(compared.stdout).toContain('Data alone: no metrics files are named');
    expect(compared.stdout).toMatch(
      /Drift reference: main@[0-9a-f]{7} \(merge base\):data\/train\.csv, fetched through GitHub's API/,
    );
    expect(compared.outputs.verdict).toBe('failed');
    expect(JSON.parse(compared.outputs['failed-gates']!)).toEqual(['drift.share <= 0.3']);
    expect(compared.outputs.baseline).toBe('');
    expect(compared.stdout).not.toMatch(/^::warning.*no baseline/im);
    expect(baselineSearches()).toEqual([]);
    // The log: the gated metric in the table, the ~40 others in one line; the drift step's own
    // column table says the rest.
    expect(compared.stdout).toMatch(/^drift\.share +0\.6 +\S+$/m);
    expect(compared.stdout).toMatch(
      /^\d\d data drift metrics that no gate names are not listed: see \.mlci\/drift\.json and the report's data drift section$/m,
    );
    expect(compared.stdout).not.toMatch(/^drift\.columns\./m);
    const state = JSON.parse(readFileSync(join(dir, '.mlci', 'compare.json'), 'utf8'));
    expect(state.head).toHaveLength(1);
    expect(state.head[0].metrics['drift.share']).toBeCloseTo(0.6, 12);
    expect(state.base).toBeUndefined();
    expect(state.attempts).toEqual([]);
    expect(state.comparison.verdict.kind).toBe('failed');

    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(1);
    expect(checkRuns()).toHaveLength(1);
    expect(checkRuns()[0]).toMatchObject({ name: 'mlci', conclusion: 'failure' });
    expect(fake.state.repo(FULL).comments[0]!.body).toMatch(/data drift/i);
  }, 90_000);

  it('passes when the pull request’s data is the base’s, even with on-no-baseline: fail', async () => {
    fake = await startFakeGitHub();
    const s = seedData(SEATTLE_2012, SEATTLE_2012);
    const dir = checkout(SEATTLE_2012);
    const run = pullRequestRun(fake, s, dir);
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { ...DRIFT_INPUTS, 'on-no-baseline': 'fail' },
    });
    expect(compared.exitCode).toBe(0);
    expect(compared.outputs.verdict).toBe('passed');
    expect(compared.outputs['drift-share']).toBe('0');
    expect(compared.stdout).toMatch(/^PASSED: all 1 check passed$/m);
    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(0);
    expect(checkRuns().map((c) => c.conclusion)).toEqual(['success']);
  }, 90_000);

  it('is judged by the base’s drift: section and gates, not the ones the pull request loosens', async () => {
    fake = await startFakeGitHub();
    const strict = `${CONFIG}drift:\n  reference: base\n  current: data/train.csv\n`;
    // A significance level no column reaches, and a gate no share fails.
    const loose =
      'gates:\n  - drift.share <= 1\ndrift:\n  reference: base\n  current: data/train.csv\n  alpha: 1e-300\n';
    const s = seedData(SEATTLE_2012, SEATTLE_2015, strict);
    const dir = checkout(SEATTLE_2015, loose);
    const run = pullRequestRun(fake, s, dir);
    // No drift inputs: the config alone asks for the comparison.
    const compared = await runDistAction('compare-metrics', { ...run, inputs: {} });
    expect(compared.exitCode).toBe(0);
    expect(compared.stdout).toContain('Data alone: no metrics files are named');
    expect(compared.stdout).toMatch(/Gates from main@[0-9a-f]{7} \(merge base\):\.mlci\.yml/);
    expect(compared.stdout).toMatch(/settings from main@[0-9a-f]{7} \(merge base\):\.mlci\.yml\./);
    expect(compared.outputs['drift-share']).toBe('0.6');
    expect(compared.outputs.verdict).toBe('failed');
    expect(JSON.parse(compared.outputs['failed-gates']!)).toEqual(['drift.share <= 0.3']);
    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(1);
    expect(checkRuns().map((c) => c.conclusion)).toEqual(['failure']);
  }, 90_000);

  it('a base without the data fails closed, and says what to set', async () => {
    fake = await startFakeGitHub();
    const s = seedData(null, SEATTLE_2015);
    const dir = checkout(SEATTLE_2015);
    const run = pullRequestRun(fake, s, dir);
    const compared = await runDistAction('compare-metrics', { ...run, inputs: DRIFT_INPUTS });
    expect(compared.exitCode).toBe(1);
    expect(compared.stdout).toMatch(
      /^::error::the drift step could not read its reference \(input drift-reference: base\): data\/train\.csv is not in main@[0-9a-f]{7} \(merge base\), so there is nothing to compare the pull request's data with\. Commit the data on the base branch first, or set drift-reference \(or drift\.reference\) to a file, a folder or git:<revision>:<path> that holds the reference/m,
    );
    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(1);
    expect(checkRuns().map((c) => c.conclusion)).toEqual(['failure']);
    expect(checkRuns()[0]!.output.summary).toContain('data/train.csv is not in main@');
  }, 90_000);

  it('reads the base’s rules and data at the base commit when the merge base cannot be asked, and says so', async () => {
    fake = await startFakeGitHub();
    const s = seedData(SEATTLE_2012, SEATTLE_2015);
    const dir = checkout(SEATTLE_2015);
    const run = pullRequestRun(fake, s, dir);
    fake.inject({ ...faults.serverError(502, 100), path: /\/compare\// });
    const compared = await runDistAction('compare-metrics', {
      ...run,
      env: { MLCI_RETRY_BUDGET: '2' },
      inputs: DRIFT_INPUTS,
    });
    expect(compared.exitCode).toBe(0);
    expect(compared.stdout).toMatch(
      /^::warning::the merge base of [0-9a-f]{7} and [0-9a-f]{7}: 502 .*: the base's rules and data are read at main@[0-9a-f]{7} \(base\) instead\.$/m,
    );
    expect(compared.stdout).toMatch(/Drift reference: main@[0-9a-f]{7} \(base\):data\/train\.csv, fetched/);
    expect(compared.outputs.verdict).toBe('failed');
  }, 90_000);

  it('fails a gate on the change of a drift metric, which data alone cannot measure', async () => {
    fake = await startFakeGitHub();
    const config = 'gates:\n  - drift.share rise <= 0.1\n';
    const s = seedData(SEATTLE_2012, SEATTLE_2012, config);
    const dir = checkout(SEATTLE_2012, config);
    const run = pullRequestRun(fake, s, dir);
    const compared = await runDistAction('compare-metrics', { ...run, inputs: DRIFT_INPUTS });
    expect(compared.exitCode).toBe(0);
    // Neutral ("no baseline"), with no baseline expected, would have passed the check untested.
    expect(compared.outputs.verdict).toBe('failed');
    const state = JSON.parse(readFileSync(join(dir, '.mlci', 'compare.json'), 'utf8'));
    expect(state.comparison.gates).toMatchObject([
      {
        status: 'fail',
        metric: 'drift.share',
        reason: expect.stringContaining('gate the value itself (such as drift.share <= 0.3)'),
      },
    ]);
    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(1);
    expect(checkRuns().map((c) => c.conclusion)).toEqual(['failure']);
  }, 90_000);

  it('a drift: section the base does not have yet judges nothing: the check fails, saying what to set', async () => {
    fake = await startFakeGitHub();
    const withDrift = `${CONFIG}drift:\n  reference: base\n  current: data/train.csv\n`;
    const s = seedData(SEATTLE_2012, SEATTLE_2015, CONFIG);
    const dir = checkout(SEATTLE_2015, withDrift);
    const run = pullRequestRun(fake, s, dir);
    const compared = await runDistAction('compare-metrics', { ...run, inputs: {} });
    expect(compared.exitCode).toBe(1);
    expect(compared.stdout).toMatch(
      /^::error::nothing to judge: no metrics files are named, and the data is not compared because main@[0-9a-f]{7} \(merge base\):\.mlci\.yml has no drift\.reference .*Set the inputs drift-reference and drift-current/m,
    );
    // The report step that runs anyway fails the check with the same message, not a guess at files.
    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(1);
    expect(checkRuns().map((c) => c.conclusion)).toEqual(['failure']);
    expect(checkRuns()[0]!.output.summary).toContain('nothing to judge');
  }, 90_000);
});
