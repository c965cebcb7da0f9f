import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHistorySummary, estimateNoise } from '@mlci/core';
import { faults, startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import {
  runDistAction,
  webhookExample,
  type ActionRun,
  type Payload,
  type RunOptions,
} from '../support/action-runner.js';
import { FULL, OWNER, pullRequestRun, REPO, TOKEN, workspace } from '../support/pull-request-scenario.js';

// Issue #12, "History on GitHub": pushes to the default branch record their runs and the summary
// of the last records on mlci-history; a pull request reads the summary in one request, tests one
// run per side against the noise it shows, and its report draws the trend with its noise band.
// The actions run from dist/ against the fake GitHub, as the runner runs them.

/**
 * The default branch's accuracy over 30 pushes: 0.9 + SIGMA * z, z a fixed draw of 30 standard
 * normals (rounded to two decimals, so every value has four). Deterministic: the noise the
 * statistics estimate from it is a fixed number (checked below), so are the verdicts.
 */
const SIGMA = 0.01;
const Z = [
  1.43, -0.99, 1.22, 1.45, -0.67, 0.25, 1.79, 1.71, -1.06, -0.58, -0.13, -1.2, 0.41, -0.63, 0.08, 0.16, -0.22,
  0.19, 2.62, 0.58, 1.09, 0.45, 0.18, 0.39, 0.71, -0.66, -0.65, 1.53, -0.42, 0.9,
];
const accuracyAt = (i: number) => Math.round((0.9 + SIGMA * Z[i]!) * 1e4) / 1e4;
const metricsOf = (accuracy: number) => JSON.stringify({ accuracy, loss: 0.3 });
const CONFIG = 'files: [metrics.json]\ngates:\n  - accuracy no significant regression\n';
const QUICK = { MLCI_RETRY_BUDGET: '2' };
const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 12, i)).toISOString().replace('.000', '');

/** A push of `sha` to main, as GitHub sends it (`head_commit.timestamp` is when it was made). */
function pushRun(fake: FakeGitHub, sha: string, before: string, i: number): Omit<RunOptions, 'inputs'> {
  const payload = webhookExample('push');
  Object.assign(payload, { ref: 'refs/heads/main', before, after: sha, deleted: false });
  Object.assign(payload.head_commit, { id: sha, timestamp: at(i) });
  Object.assign(payload.repository, {
    full_name: FULL,
    name: REPO,
    default_branch: 'main',
    master_branch: 'main',
  });
  payload.repository.owner.login = OWNER;
  return {
    workspace: workspace(metricsOf(accuracyAt(i)), CONFIG),
    event: { name: 'push', payload },
    token: TOKEN,
    apiUrl: fake.url,
    repository: FULL,
    sha,
    ref: 'refs/heads/main',
  };
}

/** A pull request on main's tip with one run of `accuracy`. */
function openPullRequest(fake: FakeGitHub, name: string, accuracy: number) {
  const base = fake.state.repo(FULL).refs.get('refs/heads/main')!;
  const head = fake.state.commit(FULL, {
    branch: name,
    parents: [base],
    files: { 'metrics.json': metricsOf(accuracy) },
    message: name,
  });
  const pr = fake.state.addPullRequest(FULL, { head: { ref: name, sha: head }, base: { ref: 'main' } });
  const run = pullRequestRun(
    fake,
    { base, head, pr, headRepo: FULL },
    workspace(metricsOf(accuracy), CONFIG),
  );
  (run.event.payload as Payload).pull_request.head.ref = name;
  return { run: { ...run, headRef: name }, pr, base, head };
}

const summaryRequests = (fake: FakeGitHub, from: number) =>
  fake.requests.slice(from).filter((r) => /summary\.json$/.test(r.path) || r.operationId === 'git/get-blob');

describe('history on GitHub: 30 pushes, then pull requests judged by its noise', () => {
  let fake: FakeGitHub;
  const shas: string[] = [];
  const pushes: ActionRun[] = [];
  let base = 0; // the last record's accuracy: the pull requests' baseline

  beforeAll(async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    fake.state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
    let before = fake.state.commit(FULL, {
      branch: 'main',
      files: { '.mlci.yml': CONFIG },
      message: 'config',
    });
    const runs: Array<Omit<RunOptions, 'inputs'>> = [];
    for (let i = 0; i < Z.length; i++) {
      const sha = fake.state.commit(FULL, {
        branch: 'main',
        files: { 'metrics.json': metricsOf(accuracyAt(i)) },
        message: `train ${i}`,
      });
      runs.push(pushRun(fake, sha, before, i));
      shas.push(sha);
      before = sha;
    }
    base = accuracyAt(Z.length - 1);
    // Five workflows at a time, as pushes in quick succession run: their records race for the branch.
    for (let i = 0; i < runs.length; i += 5)
      pushes.push(
        ...(await Promise.all(
          runs.slice(i, i + 5).map((run) =>
            runDistAction('report', {
              ...run,
              inputs: { 'upload-charts': 'false', 'fail-on-gate': 'false' },
            }),
          ),
        )),
      );
  }, 240_000);
  afterEach(() => {
    fake.clearFaults();
    fake.assertNoProblems();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('(a) the report action records each push and the summary of all 30, in the order they were made', () => {
    pushes.forEach((pushed, i) => {
      expect(pushed.stderr).toBe('');
      expect(pushed.stdout).toContain(
        `Baseline recorded: mlci-history:${shas[i]}.json; mlci-history:summary.json holds`,
      );
    });
    // Concurrent writers lost nothing (whether they raced is up to timing here; the races are
    // forced in test/github/history.test.ts).
    const files = fake.state.files(FULL, 'mlci-history');
    expect(files.size).toBe(31);
    const summary = decodeHistorySummary(
      JSON.parse(files.get('summary.json')!.toString('utf8')),
      'summary.json',
    );
    expect(summary.records.map((r) => r.sha)).toEqual(shas);
    expect(summary.records.map((r) => r.recordedAt)).toEqual(Z.map((_, i) => at(i)));
    expect(summary.records.map((r) => r.runs[0]!.metrics)).toEqual(
      Z.map((_, i) => ({ accuracy: accuracyAt(i), loss: 0.3 })),
    );
  });

  it('the fixture: the noise the statistics estimate from these 30 records', () => {
    const noise = estimateNoise(Z.map((_, i) => [accuracyAt(i)]));
    if (noise.kind !== 'ok') throw new Error(noise.reason);
    // 0.991 sigma with 15.8 degrees of freedom (successive differences of 30 single runs).
    expect(noise.sd).toBeCloseTo(0.00991, 5);
    expect(noise.df).toBeCloseTo(15.77, 2);
  });

  /** compare-metrics then report on a new pull request; the requests each made. */
  async function judge(
    name: string,
    accuracy: number,
    env: Record<string, string> = {},
    inputs: Record<string, string> = {},
  ) {
    const { run, pr } = openPullRequest(fake, name, accuracy);
    const start = fake.requests.length;
    const compared = await runDistAction('compare-metrics', { ...run, env, inputs });
    const between = fake.requests.length;
    fake.clearFaults();
    const reported = await runDistAction('report', { ...run, inputs: { 'fail-on-gate': 'false' } });
    return {
      compared,
      reported,
      pr,
      comparison: JSON.parse(compared.outputs.comparison ?? 'null'),
      compareRequests: fake.requests.slice(start, between),
      historyRequests: summaryRequests(fake, start).filter((r) => fake.requests.indexOf(r) < between),
      reportRequests: fake.requests.slice(between),
      dir: run.workspace,
    };
  }

  it("(b) a 3σ drop with one run per side is blocked: the history in the baseline's query, 30 records", async () => {
    // t = 3σ / (0.991σ √2) = 2.14 on 15.8 df: one-sided p = 0.024 < 0.05. (Over all draws of
    // history and runs, a 3σ drop with one run per side and 30 records is caught with a power of
    // about 65% at α = 0.05: docs/statistics.md. This fixture is one draw, fixed.)
    const result = await judge('drop', Math.round((base - 3 * SIGMA) * 1e4) / 1e4);
    expect(result.compared.stderr).toBe('');
    // The summary rides in the contents source's one GraphQL query: no request of its own.
    expect(result.historyRequests).toEqual([]);
    expect(result.compareRequests.map((r) => r.operationId)).toEqual([
      'repos/compare-commits',
      'git/get-tree',
      'graphql',
    ]);
    expect(JSON.stringify(result.compareRequests[2]!.body)).toContain('mlci-history:summary.json');
    expect(result.compared.stdout).toContain('History: 30 records of mlci-history:summary.json.');
    expect(result.comparison.history).toEqual({
      records: 30,
      label: '30 records of mlci-history:summary.json',
    });
    expect(result.compared.outputs.verdict).toBe('failed');
    const gate = result.comparison.gates[0];
    expect(gate).toMatchObject({ status: 'fail', metric: 'accuracy' });
    expect(gate.statistics.history).toEqual({
      records: 30,
      df: expect.closeTo(15.77, 2),
      sd: expect.closeTo(0.00991, 5),
    });
    expect(gate.statistics.p).toBeCloseTo(0.024, 3);

    // (c) The report draws the trend: 30 commits of main, the noise band, this pull request.
    const report = JSON.parse(readFileSync(join(result.dir, '.mlci', 'report', 'report.json'), 'utf8'));
    expect(report.charts.map((c: { file: string }) => c.file)).toContain('history-accuracy.png');
    const chart = report.charts.find((c: { file: string }) => c.file === 'history-accuracy.png');
    expect(chart.title).toBe('accuracy on main over the last 30 commits');
    expect(chart.alt).toMatch(
      /noise band ±2 standard errors with a run-to-run noise of 0\.009\d+, the pull request below it/,
    );
    const comment = fake.state
      .repo(FULL)
      .comments.find((c) => c.body.includes(`pr-${result.pr.number}/`))!.body;
    expect(comment).toMatch(
      new RegExp(
        `!\\[[^\\]]*\\]\\(https://github\\.com/acme/model/blob/[0-9a-f]{40}/pr-${result.pr.number}/mlci/history-accuracy\\.png\\?raw=true\\)`,
      ),
    );
    expect(comment).toContain("The history chart's shaded band");
    expect(
      fake.state.files(FULL, 'mlci-assets').has(`pr-${result.pr.number}/mlci/history-accuracy.png`),
    ).toBe(true);
    const check = fake.state.repo(FULL).checkRuns.find((c) => c.headSha === result.pr.head.sha);
    expect(check).toMatchObject({ conclusion: 'failure' });

    expect(result.historyRequests).toHaveLength(0);
  }, 60_000);

  it('(b) a harmless 0.5σ change passes', async () => {
    // t = 0.5σ / (0.991σ √2) = 0.36 on 15.8 df: p = 0.36.
    const result = await judge('harmless', Math.round((base - 0.5 * SIGMA) * 1e4) / 1e4);
    expect(result.historyRequests).toHaveLength(0);
    expect(result.compared.outputs.verdict).toBe('passed');
    // The whole report, now that the assets branch exists (the first report created it): within
    // issue #12's budget of 10 requests, the history's one included.
    const all = [...result.compareRequests, ...result.reportRequests].map((r) => r.operationId);
    expect(all.length).toBeLessThanOrEqual(10);
    expect(result.comparison.gates[0].statistics.p).toBeCloseTo(0.36, 2);
    const report = JSON.parse(readFileSync(join(result.dir, '.mlci', 'report', 'report.json'), 'utf8'));
    expect(report.charts.find((c: { file: string }) => c.file === 'history-accuracy.png').alt).toMatch(
      /the pull request inside it/,
    );
  }, 60_000);

  it('(d) a summary that cannot be fetched fails the check, "re-run": never neutral, never green', async () => {
    fake.inject({ ...faults.serverError(502, 100), path: /\/contents\/summary\.json$/ });
    // The same harmless change that passes when GitHub answers. With the baseline from the history
    // branch (no contents source), the summary is a request of its own, which fails.
    const result = await judge('outage', Math.round((base - 0.5 * SIGMA) * 1e4) / 1e4, QUICK, {
      'baseline-sources': 'history',
    });
    expect(result.historyRequests.length).toBeGreaterThan(1); // retried, then given up
    expect(result.historyRequests.every((r) => r.status === 502)).toBe(true);
    expect(result.compared.outputs.verdict).toBe('failed');
    expect(result.compared.stdout).toMatch(
      /::error title=mlci%3A baseline could not be fetched::The baseline could not be fetched, so the comparison fails: history: mlci-history: 502 .*\. Re-run the job\./,
    );
    const check = fake.state.repo(FULL).checkRuns.find((c) => c.headSha === result.pr.head.sha)!;
    expect(check.conclusion).toBe('failure');
    expect(check.output.title).toMatch(/re-run the job \(history: mlci-history: 502 /);
  }, 60_000);
});

describe('history on GitHub: a repository without a history branch', () => {
  let fake: FakeGitHub;
  afterEach(async () => {
    fake.assertNoProblems();
    await fake.close();
  });

  it('(d) has no history, says so in one line, and compares as before', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    fake.state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
    const config = 'files: [metrics.json]\ngates:\n  - accuracy drop <= 0.05\n';
    fake.state.commit(FULL, {
      branch: 'main',
      files: { '.mlci.yml': config, 'metrics.json': metricsOf(0.9) },
      message: 'm',
    });
    const base = fake.state.repo(FULL).refs.get('refs/heads/main')!;
    const head = fake.state.commit(FULL, {
      branch: 'f',
      parents: [base],
      files: { 'a.txt': 'a' },
      message: 'f',
    });
    const pr = fake.state.addPullRequest(FULL, { head: { ref: 'f', sha: head }, base: { ref: 'main' } });
    const run = pullRequestRun(fake, { base, head, pr, headRepo: FULL }, workspace(metricsOf(0.89), config));
    const compared = await runDistAction('compare-metrics', { ...run, env: QUICK });
    expect(compared.stderr).toBe('');
    expect(compared.stdout).toContain(
      'No history: mlci-history:summary.json does not exist (the report action writes it on pushes to the default branch).',
    );
    // Asked in the baseline's GraphQL query, which answered null: no request of its own.
    expect(summaryRequests(fake, 0)).toEqual([]);
    expect(compared.outputs.verdict).toBe('passed');
    expect(JSON.parse(compared.outputs.comparison!).history).toBeUndefined();
    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(0);
    expect(
      JSON.parse(readFileSync(join(run.workspace, '.mlci', 'report', 'report.json'), 'utf8')).charts.map(
        (c: { file: string }) => c.file,
      ),
    ).not.toContain('history-accuracy.png');
  }, 60_000);
});

describe('history on GitHub: a push whose record cannot be written', () => {
  let fake: FakeGitHub;
  afterEach(async () => {
    fake.assertNoProblems();
    await fake.close();
  });

  it('publishes the report, then fails the step with "re-run", never "this is a bug"', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    fake.state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
    const first = fake.state.commit(FULL, { branch: 'main', files: { '.mlci.yml': CONFIG }, message: 'a' });
    const second = fake.state.commit(FULL, { branch: 'main', files: { 'metrics.json': '{}' }, message: 'b' });
    const inputs = { 'upload-charts': 'false' };
    const recorded = await runDistAction('report', { ...pushRun(fake, first, '0'.repeat(40), 0), inputs });
    expect(recorded.exitCode).toBe(0);
    fake.inject({ ...faults.serverError(502, 100), path: /\/contents\/summary\.json$/ });
    const failed = await runDistAction('report', { ...pushRun(fake, second, first, 1), env: QUICK, inputs });
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).not.toContain('this is a bug');
    expect(failed.stdout).toMatch(
      new RegExp(
        `::error title=mlci%3A baseline not recorded::The baseline of ${second.slice(0, 7)} could not be recorded on mlci-history: 502 .*\\. The report was published; re-run the job to record it\\.`,
      ),
    );
    expect(failed.stdout).toContain(
      '::error::the baseline was not recorded (see the error above); re-run the job',
    );
    expect(failed.outputs.verdict).toBe('passed');
    expect(fake.state.repo(FULL).checkRuns.find((c) => c.headSha === second)).toMatchObject({
      conclusion: 'success',
    });
    expect(fake.state.files(FULL, 'mlci-history').has(`${second}.json`)).toBe(false);
  }, 60_000);
});
