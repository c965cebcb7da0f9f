import { faults, startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction, type ActionRun } from '../support/action-runner.js';
import { FULL, pullRequestRun, seed, workspace, type Seeded } from '../support/pull-request-scenario.js';

// Issue #12: the check must fail closed. Each fault below used to end green, neutral (which branch
// protection accepts) or in "mlci failed unexpectedly; this is a bug" with nothing published. The
// actions run from dist/ against the fake GitHub, as the runner runs them.
let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

const BASE = '{"accuracy": 0.90, "loss": 0.30}';
const WORSE = '{"accuracy": 0.82, "loss": 0.30}';
const GATES = 'files: [metrics.json]\ngates:\n  - accuracy drop <= 0.05\n';

async function compareAndReport(
  s: Seeded,
  metrics: string,
  inputs: Record<string, string> = {},
): Promise<{ compared: ActionRun; reported: ActionRun }> {
  const run = pullRequestRun(fake, s, workspace(metrics, GATES));
  const compared = await runDistAction('compare-metrics', {
    ...run,
    env: QUICK,
    inputs: { 'baseline-sources': 'contents', ...inputs },
  });
  fake.clearFaults(); // the report step's own requests are not the fault under test
  const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
  return { compared, reported };
}

const checkRun = () => fake.state.repo(FULL).checkRuns.at(-1);

/** A workflow's `env:` with a small retry budget: an outage is given up on after the first retry. */
const QUICK = { MLCI_RETRY_BUDGET: '2' };

describe('a baseline that could not be fetched fails the check, it is not "no baseline"', () => {
  it.each([
    // The contents source lists the commit's tree first (then one GraphQL query for the files).
    ['502 every time', () => fake.inject({ ...faults.serverError(502, 100), path: /\/git\/trees\// })],
    [
      'five secondary rate limits in a row',
      () => fake.inject({ ...faults.secondaryRateLimit(5), path: /\/git\/trees\// }),
    ],
    ['401', () => fake.inject({ status: 401, times: 100, path: /\/git\/trees\// })],
  ])(
    '%s',
    async (_name, inject) => {
      fake = await startFakeGitHub();
      const s = seed(fake, { baseMetrics: BASE, config: GATES });
      inject();
      const { compared, reported } = await compareAndReport(s, WORSE);
      expect(compared.outputs.verdict).toBe('failed');
      expect(compared.stdout).toContain(
        '::error title=mlci%3A baseline could not be fetched::The baseline could not be fetched',
      );
      expect(reported.exitCode).toBe(1);
      expect(checkRun()).toMatchObject({ conclusion: 'failure' });
      expect(checkRun()!.output.title).toMatch(
        /^the baseline could not be fetched, so nothing was compared: re-run the job \(contents: main@[0-9a-f]{7} \(merge base\): \d{3} /,
      );
      expect(reported.summary).toContain('Baseline: **could not be fetched**');
    },
    60_000,
  );

  it('the same pull request without the fault fails on its gate, as it should', async () => {
    fake = await startFakeGitHub();
    const s = seed(fake, { baseMetrics: BASE, config: GATES });
    const { compared } = await compareAndReport(s, WORSE);
    expect(compared.outputs.verdict).toBe('failed');
    expect(JSON.parse(compared.outputs.comparison!).verdict.summary).toBe('1 of 1 check failed: accuracy');
  }, 60_000);
});

describe('every sink on its own: the verdict is delivered whatever fails', () => {
  const harmless = '{"accuracy": 0.91, "loss": 0.30}';

  async function report(inject: () => void, inputs: Record<string, string> = {}) {
    fake = await startFakeGitHub();
    const s = seed(fake, { baseMetrics: BASE, config: GATES });
    const run = pullRequestRun(fake, s, workspace(harmless, GATES));
    await runDistAction('compare-metrics', { ...run, inputs: { 'baseline-sources': 'contents' } });
    inject();
    return runDistAction('report', { ...run, env: QUICK, inputs });
  }

  it('charts that cannot be uploaded: the comment goes out without them and says so', async () => {
    const result = await report(() =>
      fake.inject({ ...faults.serverError(502, 100), path: /\/graphql$|\/git\// }),
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('this is a bug');
    expect(result.stdout).toMatch(/::warning::Charts not uploaded: 502 /);
    const comment = fake.state.repo(FULL).comments[0]!.body;
    expect(comment).toMatch(/The chart could not be uploaded \(502 .*\); see the report folder\./);
    expect(checkRun()).toMatchObject({ conclusion: 'success' });
  }, 60_000);

  it('a comment that cannot be written does not stop the check run', async () => {
    const result = await report(() =>
      fake.inject({ ...faults.serverError(500, 6), method: 'POST', path: /\/issues\/\d+\/comments$/ }),
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/::warning::The comment could not be written \(500 /);
    expect(fake.state.repo(FULL).comments).toHaveLength(0);
    expect(checkRun()).toMatchObject({ conclusion: 'success' });
  }, 60_000);

  it('a check run that cannot be created: a commit status of the same name instead', async () => {
    const result = await report(
      () => fake.inject({ ...faults.serverError(502, 100), method: 'POST', path: /\/check-runs$/ }),
      {
        'upload-charts': 'false',
      },
    );
    expect(result.exitCode).toBe(0);
    expect(fake.state.repo(FULL).checkRuns).toHaveLength(0);
    expect(fake.state.repo(FULL).statuses.at(-1)).toMatchObject({ context: 'mlci', state: 'success' });
    expect(fake.state.repo(FULL).comments).toHaveLength(1);
  }, 60_000);

  it('nothing reaches GitHub (a 401): the step fails with what it could not publish; the summary has the report', async () => {
    const result = await report(() => fake.inject({ status: 401, times: 1000 }), {
      'upload-charts': 'false',
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).not.toContain('this is a bug');
    expect(result.stdout).toMatch(
      /::error::mlci could not publish the report: comment: 401 .*; check run: neither a check run \(401 .*\) nor a commit status \(401 .*\) could be written\. The verdict \(passed: /,
    );
    expect(result.summary).toContain('✅ Passed');
  }, 60_000);

  it('GitHub not there at all (connection refused): the same, never "this is a bug"', async () => {
    fake = await startFakeGitHub();
    const s = seed(fake, { baseMetrics: BASE, config: GATES });
    const run = pullRequestRun(fake, s, workspace(harmless, GATES));
    await runDistAction('compare-metrics', { ...run, inputs: { 'baseline-sources': 'contents' } });
    const closedUrl = fake.url;
    await fake.close();
    const result = await runDistAction('report', {
      ...run,
      apiUrl: closedUrl,
      env: QUICK,
      inputs: { 'upload-charts': 'false' },
    });
    fake = await startFakeGitHub(); // for afterEach
    expect(result.exitCode).toBe(1);
    expect(result.stdout).not.toContain('this is a bug');
    expect(result.stdout).toContain('::error::mlci could not publish the report');
    expect(result.summary).toContain('✅ Passed');
  }, 60_000);
});

describe('the job summary stays under its 1 MiB limit', () => {
  it('with 30,000 metrics', async () => {
    fake = await startFakeGitHub();
    const metrics = JSON.stringify(
      Object.fromEntries(
        Array.from({ length: 30_000 }, (_, i) => [`metric_with_a_long_name_${i}_accuracy`, 0.9]),
      ),
    );
    const s = seed(fake, { baseMetrics: BASE, config: GATES });
    const run = pullRequestRun(fake, s, workspace(metrics, 'files: [metrics.json]\n'));
    const result = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(result.exitCode).toBe(0);
    expect(Buffer.byteLength(result.summary, 'utf8')).toBeLessThanOrEqual(1_000_000 + 1);
    expect(result.summary).toContain('This report was shortened');
  }, 120_000);
});

// Issue #13, item 4: a gate that matches no metric, or a percent limit whose meaning cannot be
// told, is a configuration error. On GitHub that must fail the step and the job's check with the
// message; it must never pass, turn neutral, or be reported as a mere failed gate of the model.
describe('a configuration error fails the step and the check, with its message', () => {
  it.each([
    [
      'a gate that matches no metric',
      'files: [metrics.json]\ngates:\n  - acuracy >= 0.9\n',
      /gate "acuracy >= 0\.9" matches no metric; did you mean accuracy\?%0AA gate that matches nothing would check nothing/,
    ],
    [
      'a percent limit on a metric that is no fraction and has no declared unit',
      'files: [metrics.json]\ngates:\n  - top1 >= 90%\n',
      /gate "top1 >= 90%25": top1 is 91\.3 in the pull request, not a fraction from 0 to 1, so 90%25 could mean 0\.9 or 90\. If top1 is written in percent, declare it in \.mlci\.yml \(metrics: \{ top1: \{ unit: percent \} \}\)/,
    ],
  ])(
    '%s',
    async (_name, config, message) => {
      fake = await startFakeGitHub();
      const metrics = '{"accuracy": 0.91, "top1": 91.3}';
      const s = seed(fake, { baseMetrics: metrics, config });
      const run = pullRequestRun(fake, s, workspace(metrics, config));
      const compared = await runDistAction('compare-metrics', {
        ...run,
        inputs: { 'baseline-sources': 'contents' },
      });
      expect(compared.exitCode).toBe(1);
      expect(compared.stdout).not.toContain('this is a bug');
      expect(compared.stdout).toMatch(new RegExp(`^::error::.*${message.source}`, 'm'));
      expect(compared.outputs.passed).toBeUndefined();
      // A report step that runs anyway (`if: always()`) finds no comparison and checks the run's own
      // numbers: the same error, and no check run that could read as a pass.
      const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
      expect(reported.exitCode).toBe(1);
      expect(reported.stdout).toMatch(new RegExp(`^::error::.*${message.source}`, 'm'));
      expect(fake.state.repo(FULL).checkRuns.filter((c) => c.conclusion !== 'failure')).toEqual([]);
      expect(fake.state.repo(FULL).statuses.filter((c) => c.state !== 'failure')).toEqual([]);
      // The required check answers, as a failure that says why: a pull request blocked by a check
      // that never comes does not tell its author what to fix.
      const [check, ...more] = fake.state.repo(FULL).checkRuns;
      expect(more).toEqual([]);
      expect(check).toMatchObject({
        name: 'mlci',
        conclusion: 'failure',
        output: { title: 'mlci could not judge this commit: configuration error' },
      });
      expect(check!.output.summary).toContain(
        config.includes('acuracy') ? 'matches no metric' : 'not a fraction',
      );
    },
    60_000,
  );
});
