import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { parse } from 'yaml';
import {
  describeFailure,
  issueBody,
  parseIssueInputs,
  wantedAction,
} from '../../actions/report/src/issue.js';
import { runDistAction, webhookExample, type Payload, type RunOptions } from '../support/action-runner.js';
import { startFakeGitHub, type FakeGitHub, type Permissions } from '../support/fake-github/index.js';

// Issue #16, item 5: the scheduled monitoring workflow (examples/workflows/monitoring.yml), run
// step by step as written: its evaluate and report steps, with their `with:` inputs taken from the
// file, on a `schedule` and a `workflow_dispatch` event, against the fake GitHub with the token
// permissions the workflow's `permissions:` block gives. The production sample is what its first
// step downloads: here, written into prod-sample/ as that step would leave it.

const WORKFLOW_FILE = 'examples/workflows/monitoring.yml';
const OWNER = 'acme';
const REPO = 'model';
const FULL = `${OWNER}/${REPO}`;
const TOKEN = 'ghs_monitoring_token';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: { schedule: Array<{ cron: string }>; workflow_dispatch: unknown };
  permissions: Permissions;
  jobs: Record<string, { steps: Step[] }>;
}

const workflow = parse(readFileSync(WORKFLOW_FILE, 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const stepOf = (action: string): Step => {
  const step = steps.find((s) => s.uses?.includes(`/actions/${action}@`) === true);
  if (step === undefined) throw new Error(`${WORKFLOW_FILE} has no ${action} step`);
  return step;
};

/**
 * A step's `with:` as the runner passes it: each `${{ <expression> }}` replaced by its value in
 * `known`. An expression the test does not know fails the test, so a new one in the workflow is
 * given a value here rather than passed on as text.
 */
function inputsOf(step: Step, known: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(step.with ?? {})) {
    out[key] = String(value).replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_all, expression: string) => {
      const replaced = known[expression];
      if (replaced === undefined)
        throw new Error(`${WORKFLOW_FILE}: no value for \${{ ${expression} }} in ${key}`);
      return replaced;
    });
  }
  return out;
}

// Seattle's weather (vega-datasets): 2012 is the training data; 2015 is warmer and foggier (a known
// shift, test/fixtures/drift/README.md); every other day of 2012 is a sample that has not drifted.
const SEATTLE_2012 = readFileSync('test/fixtures/drift/seattle-2012.csv', 'utf8');
const SEATTLE_2015 = readFileSync('test/fixtures/drift/seattle-2015.csv', 'utf8');

/** The rows of one of the seattle CSV files as a Parquet file, as the export job would upload it. */
function parquetOf(csv: string, keep: (index: number) => boolean = () => true): Uint8Array {
  const rows = csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((_row, i) => keep(i));
  const numbers = (i: number) => rows.map((r) => Number(r[i]));
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'date', data: rows.map((r) => new Date(`${r[0]}T00:00:00Z`)), type: 'TIMESTAMP' },
      { name: 'precipitation', data: numbers(1), type: 'DOUBLE' },
      { name: 'temp_max', data: numbers(2), type: 'DOUBLE' },
      { name: 'temp_min', data: numbers(3), type: 'DOUBLE' },
      { name: 'wind', data: numbers(4), type: 'DOUBLE' },
      { name: 'weather', data: rows.map((r) => r[5]!), type: 'STRING' },
    ],
  });
  return new Uint8Array(buffer);
}

const DRIFTED = parquetOf(SEATTLE_2015);
const CLEAN = parquetOf(SEATTLE_2012, (i) => i % 2 === 0);

/** A fresh checkout of the default branch with the training data, and the downloaded sample. */
function checkout(sample: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-monitoring-'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'train.csv'), SEATTLE_2012);
  mkdirSync(join(dir, 'prod-sample'));
  writeFileSync(join(dir, 'prod-sample', 'production-sample.parquet'), sample);
  return dir;
}

/**
 * GitHub's `schedule` payload: `{"schedule": "<cron>"}` (the only field until 2022, as
 * octokit/webhooks#141 records) plus the repository, organization and sender that every event has
 * carried since GitHub's changelog of 2022-09-27 ("Additional information available in github event
 * payload for scheduled workflow runs"). Those three are taken from the workflow_dispatch example
 * of @octokit/webhooks-examples (schedule is not a webhook, so it has no example of its own).
 */
function schedulePayload(): Payload {
  const dispatch = dispatchPayload();
  return {
    schedule: workflow.on.schedule[0]!.cron,
    repository: dispatch.repository,
    organization: dispatch.organization,
    sender: dispatch.sender,
  };
}

/** GitHub's workflow_dispatch example payload, pointed at acme/model's default branch. */
function dispatchPayload(): Payload {
  const payload = webhookExample('workflow_dispatch');
  payload.ref = 'refs/heads/main';
  payload.workflow = '.github/workflows/monitoring.yml';
  Object.assign(payload.repository, { full_name: FULL, name: REPO, default_branch: 'main' });
  payload.repository.owner.login = OWNER;
  payload.organization.login = OWNER;
  return payload;
}

let fake: FakeGitHub;
/** Whether this test started the fake (the input tests below do not). */
let started = false;
let sha: string;
afterEach(async () => {
  if (!started) return;
  started = false;
  try {
    fake.assertNoProblems();
  } finally {
    await fake.close();
  }
});

/** The fake GitHub, whose GITHUB_TOKEN has the workflow's permissions (or the ones given). */
async function github(permissions: Permissions = workflow.permissions): Promise<void> {
  fake = await startFakeGitHub({ token: TOKEN, permissions });
  started = true;
  fake.state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
  sha = fake.state.commit(FULL, {
    branch: 'main',
    files: {
      'data/train.csv': SEATTLE_2012,
      '.github/workflows/monitoring.yml': readFileSync(WORKFLOW_FILE),
    },
    message: 'monitoring',
  });
}

/** One run of the workflow's mlci steps: evaluate, then report, in a fresh checkout. */
async function monitor(sample: Uint8Array, event: 'schedule' | 'workflow_dispatch', runId: number) {
  const dir = checkout(sample);
  const run: Omit<RunOptions, 'inputs'> = {
    workspace: dir,
    event: { name: event, payload: event === 'schedule' ? schedulePayload() : dispatchPayload() },
    token: TOKEN,
    apiUrl: fake.url,
    repository: FULL,
    sha,
    ref: 'refs/heads/main',
    runId,
    runnerTemp: mkdtempSync(join(tmpdir(), 'mlci-monitoring-temp-')),
  };
  const known = { 'github.token': TOKEN };
  const evaluate = await runDistAction('evaluate', { ...run, inputs: inputsOf(stepOf('evaluate'), known) });
  const report = await runDistAction('report', { ...run, inputs: inputsOf(stepOf('report'), known) });
  return { evaluate, report };
}

const issues = () => [...fake.state.repo(FULL).issues.values()];
const commentsOn = (n: number) =>
  fake.state
    .repo(FULL)
    .comments.filter((c) => c.issueNumber === n)
    .map((c) => c.body);
const ISSUE_TITLE = stepOf('report').with!.issue!;

describe('examples/workflows/monitoring.yml, run as written', () => {
  test('the workflow compares the sample with the training data under the drift gates, and keeps an issue', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(stepOf('evaluate').with).toMatchObject({
      'drift-reference': 'data/train.csv',
      'drift-current': 'prod-sample/',
    });
    expect(stepOf('evaluate').with!.gates!.trim().split('\n')).toEqual([
      'drift.share <= 0.3',
      'drift.columns.*.psi <= 0.2',
      'data.missing.* <= 0.01',
    ]);
    expect(ISSUE_TITLE).toBe('Production data drifted from the training data');
    // The continuous-training trigger: retrain.yml, which the scheduled-retraining example becomes
    // and which runs on workflow_dispatch (the one event a GITHUB_TOKEN may start a workflow with).
    const dispatch = steps.find((s) => s.run?.includes('gh workflow run') === true)!;
    expect(dispatch.run).toMatch(/^gh workflow run retrain\.yml /);
    expect(dispatch.if).toBe("${{ !cancelled() && steps.evaluate.outputs.verdict == 'failed' }}");
    expect(workflow.permissions).toEqual({ contents: 'read', issues: 'write', actions: 'write' });
    const retraining = parse(readFileSync('examples/workflows/scheduled-retraining.yml', 'utf8')) as {
      on: Record<string, unknown>;
    };
    expect(Object.keys(retraining.on)).toContain('workflow_dispatch');
  });

  test('a drifted sample opens one issue; drifting again updates it and comments; a clean sample closes it', async () => {
    await github();

    // 1. The scheduled run finds 2015's weather in production: the gates fail, the issue opens.
    const first = await monitor(DRIFTED, 'schedule', 5001);
    // (The whole run on failure: its log says why.)
    expect(first.evaluate).toMatchObject({ exitCode: 0 });
    // What the dispatch step's condition reads: the continuous-training trigger fires.
    expect(first.evaluate.outputs.verdict).toBe('failed');
    expect(first.report.exitCode).toBe(1);
    expect(first.report.outputs).toMatchObject({
      verdict: 'failed',
      'issue-action': 'created',
      'issue-number': '1',
    });
    expect(issues()).toHaveLength(1);
    const issue = issues()[0]!;
    expect(issue).toMatchObject({
      title: ISSUE_TITLE,
      state: 'open',
      labels: ['data-drift'],
      user: { login: 'github-actions[bot]' },
    });
    // The body is the report, with the run's link and the issue's hidden marker.
    expect(issue.body).toContain('drift.share');
    expect(issue.body).toContain(`[CI run](https://github.com/${FULL}/actions/runs/5001)`);
    expect(issue.body).toContain('<!-- mlci-issue id="mlci/monitoring" -->');
    expect(issue.body).not.toContain('<!-- mlci-report');
    expect(commentsOn(1)).toEqual([]);
    expect(first.report.stdout).toContain(`Issue opened: "${ISSUE_TITLE}" #1`);
    // No check run on the commit (check: 'false'), and no write the permissions do not cover.
    expect(fake.state.repo(FULL).checkRuns).toEqual([]);
    expect(fake.requests.filter((r) => r.status === 403)).toEqual([]);

    // 2. Started by hand the next day, still drifted: the same issue, the new report, one comment.
    const second = await monitor(DRIFTED, 'workflow_dispatch', 5002);
    expect(second.report.exitCode).toBe(1);
    expect(second.report.outputs).toMatchObject({ 'issue-action': 'updated', 'issue-number': '1' });
    expect(issues()).toHaveLength(1);
    expect(issue.body).toContain(`[CI run](https://github.com/${FULL}/actions/runs/5002)`);
    expect(commentsOn(1)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\[Run 7\\]\\(https://github\\.com/${FULL}/actions/runs/5002\\) \\(workflow_dispatch\\) on ${sha.slice(0, 7)}: still failing\\. `,
        ),
      ),
    ]);

    // 3. The sample looks like the training data again: the gates pass, the issue is closed.
    const third = await monitor(CLEAN, 'schedule', 5003);
    expect(third.evaluate.outputs.verdict).toBe('passed');
    expect(third.report.exitCode).toBe(0);
    expect(third.report.outputs).toMatchObject({
      verdict: 'passed',
      'issue-action': 'closed',
      'issue-number': '1',
    });
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(commentsOn(1)[1]).toMatch(/\(schedule\) on [0-9a-f]{7}: the gates pass again\. .* Closing\.$/);

    // 4. Clean again: nothing to close, nothing written.
    const writes = fake.requests.filter((r) => r.method !== 'GET').length;
    const fourth = await monitor(CLEAN, 'schedule', 5004);
    expect(fourth.report.exitCode).toBe(0);
    expect(fourth.report.outputs['issue-action']).toBe('none');
    expect(fake.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
  }, 120_000);

  test('without issues: write, a drifted run still fails and says which permission to add', async () => {
    const { issues: _dropped, ...withoutIssues } = workflow.permissions;
    await github(withoutIssues);
    const { evaluate, report } = await monitor(DRIFTED, 'schedule', 6001);
    expect(evaluate.outputs.verdict).toBe('failed');
    expect(report.exitCode).toBe(1);
    expect(report.outputs.verdict).toBe('failed');
    expect(report.outputs['issue-action']).toBe('');
    expect(report.stdout).toMatch(
      /::error title=mlci%3A issue not written::The report's issue could not be opened or updated: GitHub answered 403 \(Resource not accessible by integration.*\)\. The token needs issues: write: add `issues: write` to the job's `permissions:`/,
    );
    // The verdict is not hidden: the step fails on the gates, and the summary holds the report.
    expect(report.stdout).toMatch(/::error::.*drift/i);
    expect(report.summary).toContain('drift.share');
    expect(issues()).toEqual([]);
  }, 120_000);

  test('without issues: write, a passing run that cannot close the issue is red too', async () => {
    const { issues: _dropped, ...withoutIssues } = workflow.permissions;
    await github(withoutIssues);
    fake.state.addIssue(FULL, {
      title: ISSUE_TITLE,
      body: 'drifted\n<!-- mlci-issue id="mlci/monitoring" -->',
    });
    const { evaluate, report } = await monitor(CLEAN, 'schedule', 6002);
    expect(evaluate.outputs.verdict).toBe('passed');
    expect(report.outputs.verdict).toBe('passed');
    expect(report.exitCode).toBe(1);
    expect(report.stdout).toMatch(
      /::error::The report's issue could not be closed: GitHub answered 403 .*issues: write/,
    );
    expect(issues()[0]!.state).toBe('open');
  }, 120_000);
});

describe("the report action's issue inputs", () => {
  const get = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

  test('issue is the title; labels and issue-on-pass go with it', () => {
    expect(parseIssueInputs(get({}), 'ghs_x')).toBeUndefined();
    expect(
      parseIssueInputs(
        get({ issue: 'Drift', 'issue-labels': 'data-drift\nmonitoring', 'issue-on-pass': 'comment' }),
        'ghs_x',
      ),
    ).toEqual({ title: 'Drift', labels: ['data-drift', 'monitoring'], onPass: 'comment' });
  });

  test.each([
    [
      'labels without a title',
      { 'issue-labels': 'drift' },
      'ghs_x',
      /input issue-labels: set the input issue \(the title\) too/,
    ],
    [
      'a title of two lines',
      { issue: 'a\nb' },
      'ghs_x',
      /input issue: expected the issue's title, one line of at most 256 characters/,
    ],
    ['a title of 257 characters', { issue: 'x'.repeat(257) }, 'ghs_x', /at most 256 characters/],
    [
      'issue-on-pass: reopen',
      { issue: 'Drift', 'issue-on-pass': 'reopen' },
      'ghs_x',
      /input issue-on-pass: expected one of close, comment, keep, found "reopen"/,
    ],
    [
      'no token',
      { issue: 'Drift' },
      undefined,
      /input issue: opening an issue needs a token, but the input token is empty/,
    ],
  ])('%s: a configuration error naming the input', (_case, inputs, token, message) => {
    expect(() => parseIssueInputs(get(inputs), token)).toThrow(message);
  });

  test('what each verdict does to the issue', () => {
    expect(wantedAction('failed', 'keep')).toBe('raise');
    expect(wantedAction('passed', 'close')).toBe('close');
    expect(wantedAction('passed-with-warnings', 'comment')).toBe('comment');
    expect(wantedAction('passed', 'keep')).toBe('none');
    // Nothing was judged: an open issue stays open.
    expect(wantedAction('no-baseline', 'close')).toBe('none');
  });

  test("the body is the report with the issue's marker instead of the comment's", () => {
    const report = { id: 'mlci/monitoring', verdict: 'failed' as const, summary: 's' };
    expect(issueBody({ ...report, markdown: 'report\n<!-- mlci-report id="mlci/monitoring" -->' })).toBe(
      'report\n<!-- mlci-issue id="mlci/monitoring" -->',
    );
    expect(issueBody({ ...report, markdown: 'report' })).toBe(
      'report\n<!-- mlci-issue id="mlci/monitoring" -->',
    );
  });

  test('a failure names the permission GitHub asked for, and keeps the verdict', () => {
    const report = { id: 'mlci', markdown: '', verdict: 'failed' as const, summary: '1 of 2 checks failed' };
    const refused = Object.assign(new Error('Resource not accessible by integration'), {
      status: 403,
      response: { headers: { 'x-accepted-github-permissions': 'issues=write; pull_requests=write' } },
    });
    expect(describeFailure(refused, 'raise', report)).toBe(
      "The report's issue could not be opened or updated: GitHub answered 403 (Resource not accessible by integration). " +
        "The token needs issues: write or pull-requests: write: add `issues: write` to the job's `permissions:` " +
        '(or give the GitHub App or personal access token Issues read and write). ' +
        'The verdict (failed: 1 of 2 checks failed) is in the job summary and the report folder.',
    );
    const gone = Object.assign(new Error('Issues are disabled for this repo'), { status: 410 });
    expect(describeFailure(gone, 'close', report)).toMatch(
      /^The report's issue could not be closed: issues are turned off/,
    );
    const outage = Object.assign(new Error('Server Error'), { status: 502 });
    expect(describeFailure(outage, 'comment', report)).toMatch(
      /could not be commented on \(502 Server Error\); re-run the job\./,
    );
  });
});
