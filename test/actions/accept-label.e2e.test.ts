import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction, webhookExample, type Payload, type RunOptions } from '../support/action-runner.js';
import {
  FULL,
  OWNER,
  REPO,
  TOKEN,
  pullRequestRun,
  seed,
  workspace,
  type Seeded,
} from '../support/pull-request-scenario.js';

// Issue #12: a regression a team decides to ship must not need the gates edited in the pull
// request (which the base's gates now ignore). A maintainer adds a label; only the run that label
// starts accepts, only for that head, and only when GitHub confirms the person may write.
let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

const LABEL = 'mlci: accept regression';
const CONFIG = 'files: [metrics.json]\ngates:\n  - accuracy drop <= 0.01\n';
const WORSE = '{"accuracy": 0.85}';

/** The `pull_request` run that `sender` adding (or, with `action`, another event) starts. */
function labelRun(
  s: Seeded,
  dir: string,
  options: { sender: string; action?: 'labeled' | 'synchronize'; labels?: string[] },
): Omit<RunOptions, 'inputs'> {
  const run = pullRequestRun(fake, s, dir);
  const payload = run.event!.payload as Payload;
  const example = webhookExample('pull_request', 'labeled');
  const labelOf = (name: string) => ({ ...example.label, name });
  payload.action = options.action ?? 'labeled';
  payload.pull_request.labels = (options.labels ?? [LABEL]).map(labelOf);
  if (payload.action === 'labeled') payload.label = labelOf(LABEL);
  else delete payload.label;
  payload.sender = { ...payload.sender, login: options.sender };
  return run;
}

function setUp(): Seeded {
  const s = seed(fake, { baseMetrics: '{"accuracy": 0.90}', config: CONFIG });
  fake.state.addCollaborator(FULL, 'maintainer', 'maintain');
  fake.state.addCollaborator(FULL, 'triager', 'triage');
  return s;
}

describe('a maintainer accepts a regression with a label', () => {
  it('the run the label starts passes with the failed gate and who accepted it in the report', async () => {
    fake = await startFakeGitHub();
    const s = setUp();
    const run = labelRun(s, workspace(WORSE, CONFIG), { sender: 'maintainer' });
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.exitCode).toBe(0);
    expect(compared.outputs.verdict).toBe('passed-with-warnings');
    const comparison = JSON.parse(compared.outputs.comparison!);
    expect(comparison.acceptance).toEqual({ by: 'maintainer', label: LABEL, head: s.head });
    expect(comparison.gates[0].status).toBe('fail');
    expect(comparison.verdict.summary).toBe(
      `accepted by @maintainer (label "${LABEL}"): 1 of 1 check failed: accuracy`,
    );
    expect(
      fake.requests.filter((r) => r.operationId === 'repos/get-collaborator-permission-level'),
    ).toHaveLength(1);

    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(0);
    const [check] = fake.state.repo(FULL).checkRuns;
    expect(check!.conclusion).toBe('success');
    expect(check!.output.title).toContain('accepted by @maintainer');
    const comment = fake.state.repo(FULL).comments[0]!.body;
    expect(comment).toContain(`**@maintainer accepted** these regressions of ${s.head.slice(0, 7)}`);
  }, 60_000);

  it('a label added by someone who may not write does not accept', async () => {
    fake = await startFakeGitHub();
    const s = setUp();
    for (const sender of ['triager', 'outsider']) {
      fake.state.user({ login: sender });
      const run = labelRun(s, workspace(WORSE, CONFIG), { sender });
      const compared = await runDistAction('compare-metrics', {
        ...run,
        inputs: { 'baseline-sources': 'contents' },
      });
      expect(compared.outputs.verdict).toBe('failed');
      expect(JSON.parse(compared.outputs.comparison!).acceptance).toBeUndefined();
      expect(compared.stdout).toContain(
        `Regressions not accepted: the label "${LABEL}" was added by @${sender}, who may not write to this repository (${sender === 'triager' ? 'triage' : 'read'})`,
      );
    }
  }, 60_000);

  it('a later push is judged afresh though the label is still on the pull request', async () => {
    fake = await startFakeGitHub();
    const s = setUp();
    const run = labelRun(s, workspace(WORSE, CONFIG), { sender: 'contributor', action: 'synchronize' });
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.outputs.verdict).toBe('failed');
    expect(compared.stdout).toContain(
      `the label "${LABEL}" was added for an earlier state of this pull request: add it again to accept the regressions of ${s.head.slice(0, 7)}`,
    );
    // Nothing to ask GitHub: the event alone rules it out.
    expect(
      fake.requests.filter((r) => r.operationId === 'repos/get-collaborator-permission-level'),
    ).toHaveLength(0);
  }, 60_000);

  it('a permission GitHub cannot tell does not accept: the gate fails closed', async () => {
    fake = await startFakeGitHub();
    const s = setUp();
    fake.inject({ status: 502, times: 100, path: /\/collaborators\/maintainer\/permission$/ });
    const run = labelRun(s, workspace(WORSE, CONFIG), { sender: 'maintainer' });
    const compared = await runDistAction('compare-metrics', {
      ...run,
      env: { MLCI_RETRY_BUDGET: '2' },
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.outputs.verdict).toBe('failed');
    expect(compared.stdout).toMatch(
      /Regressions not accepted: the label "mlci: accept regression" could not be checked: the permission of @maintainer could not be read \(502 /,
    );
  }, 60_000);

  it('a label accepts failed gates only: a baseline that could not be fetched still fails', async () => {
    fake = await startFakeGitHub();
    const s = setUp();
    fake.inject({ status: 502, times: 100, path: /\/git\/trees\// });
    const run = labelRun(s, workspace(WORSE, CONFIG), { sender: 'maintainer' });
    const compared = await runDistAction('compare-metrics', {
      ...run,
      env: { MLCI_RETRY_BUDGET: '2' },
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.outputs.verdict).toBe('failed');
    expect(JSON.parse(compared.outputs.comparison!).verdict.summary).toMatch(
      /^the baseline could not be fetched/,
    );
  }, 60_000);

  it("a fork's saved report cannot carry an acceptance to the base repository's run", async () => {
    fake = await startFakeGitHub();
    const s = setUp();
    const dir = workspace(WORSE, CONFIG);
    const run = labelRun(s, dir, { sender: 'maintainer' });
    await runDistAction('compare-metrics', { ...run, inputs: { 'baseline-sources': 'contents' } });
    await runDistAction('report', {
      ...run,
      inputs: { comment: 'false', check: 'false', 'upload-charts': 'false' },
    });
    const saved = JSON.parse(readFileSync(join(dir, '.mlci', 'report', 'report.json'), 'utf8'));
    expect(saved.comparison.acceptance.by).toBe('maintainer');

    const second = mkdtempSync(join(tmpdir(), 'mlci-workflow-run-'));
    mkdirSync(join(second, 'saved'));
    cpSync(join(dir, '.mlci', 'report'), join(second, 'saved'), { recursive: true });
    const payload = webhookExample('workflow_run', 'completed');
    Object.assign(payload.workflow_run, {
      head_sha: s.head,
      head_branch: 'feature',
      event: 'pull_request',
      pull_requests: [],
    });
    payload.workflow_run.head_repository.full_name = s.headRepo;
    payload.workflow_run.repository.full_name = FULL;
    Object.assign(payload.repository, { full_name: FULL, name: REPO, default_branch: 'main' });
    payload.repository.owner.login = OWNER;
    const posted = await runDistAction('report', {
      workspace: second,
      event: { name: 'workflow_run', payload },
      token: TOKEN,
      apiUrl: fake.url,
      repository: FULL,
      sha: s.base,
      ref: 'refs/heads/main',
      inputs: { 'saved-report': 'saved' },
    });
    expect(posted.exitCode).toBe(1);
    expect(posted.stdout).toContain('title=mlci%3A acceptance not taken from a saved report');
    expect(fake.state.repo(FULL).checkRuns.at(-1)!.conclusion).toBe('failure');
    expect(fake.state.repo(FULL).comments.at(-1)!.body).not.toContain('accepted');
  }, 60_000);
});
