import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faults, startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction, stepNode, webhookExample } from '../support/action-runner.js';
import {
  FORK_TOKEN,
  FULL,
  pullRequestRun as runOn,
  pushRun,
  REPO,
  seed as seedOn,
  TOKEN,
  workspace,
  type Seeded,
} from '../support/pull-request-scenario.js';
import { decodePng } from '../support/png.js';

// The actions as users run them: from the committed dist/, against the fake GitHub server that
// validates every request with GitHub's OpenAPI description, with real webhook payloads.
let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

const seed = (options: { fork?: boolean } = {}) => seedOn(fake, options);
const pullRequestRun = (s: Seeded, dir: string, token = TOKEN) => runOn(fake, s, dir, token);

describe('evaluate, compare-metrics and report on a pull request', () => {
  it('finds the committed baseline, fails the gate, and posts one comment, one check run and the summary', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const s = seed();
    const dir = workspace('{"accuracy": 0.885, "loss": 0.33, "f1": 0.87}');
    const run = pullRequestRun(s, dir);

    const evaluated = await runDistAction('evaluate', { ...run });
    expect(evaluated.stderr).toBe('');
    expect(evaluated.exitCode).toBe(0);
    expect(evaluated.outputs).toMatchObject({ passed: 'true', verdict: 'passed', 'failed-gates': '[]' });
    expect(JSON.parse(evaluated.outputs.metrics!)).toMatchObject({ accuracy: 0.885 });

    const compared = await runDistAction('compare-metrics', { ...run });
    expect(compared.exitCode).toBe(0);
    expect(compared.outputs.verdict).toBe('failed');
    expect(compared.outputs.baseline).toMatch(/^main@[0-9a-f]{7} \(merge base\)$/);
    expect(JSON.parse(compared.outputs['failed-gates']!)).toEqual(['accuracy drop <= 0.01']);
    expect(compared.stdout).toContain(
      '::error title=mlci gate failed,file=metrics.json,line=1::accuracy drop <= 0.01',
    );

    const reported = await runDistAction('report', { ...run });
    expect(reported.exitCode).toBe(1); // fail-on-gate: the job fails with the gate
    expect(reported.stdout).toContain('::error::');
    expect(reported.outputs.verdict).toBe('failed');
    const repo = fake.state.repo(FULL);
    expect(repo.comments).toHaveLength(1);
    const body = repo.comments[0]!.body;
    expect(body).toContain('**❌ Failed**: 1 of 3 gates failed (accuracy)');
    expect(body).toContain('<!-- mlci-report id="mlci" -->');
    expect(body).toMatch(
      /!\[[^\]]*\]\(https:\/\/github\.com\/acme\/model\/blob\/[0-9a-f]{40}\/pr-1\/mlci\/change-metrics\.png\?raw=true\)/,
    );
    expect(reported.outputs['comment-url']).toBe(
      `https://github.com/${FULL}/pull/${s.pr.number}#issuecomment-${repo.comments[0]!.id}`,
    );
    const check = repo.checkRuns.find((c) => c.name === 'mlci')!;
    expect(check).toMatchObject({ headSha: s.head, status: 'completed', conclusion: 'failure' });
    expect(reported.outputs['check-run-id']).toBe(String(check.id));
    expect(check.annotations.map((a) => [a.path, a.start_line, a.annotation_level, a.title])).toEqual([
      ['metrics.json', 1, 'failure', 'mlci gate failed: accuracy drop <= 0.01'],
      ['metrics.json', 1, 'warning', 'mlci gate warning: loss rise <= 5%'],
    ]);
    expect(reported.summary).toContain('Failed');
    // Where the step's time went, in the debug log (shown with ACTIONS_STEP_DEBUG).
    expect(reported.stdout).toMatch(
      /::debug::Time: start-up \d+ ms \(\d+ page faults\), reading \d+ ms \(\d+ page faults\), charts \(2\) and Markdown \d+ ms \(\d+ page faults\), report folder \d+ ms \(\d+ page faults\), charts upload \d+ ms \(\d+ page faults\), job summary \d+ ms \(\d+ page faults\), comment \d+ ms \(\d+ page faults\), check run \d+ ms \(\d+ page faults\)/,
    );
    const charts = fake.state.files(FULL, 'mlci-assets');
    const png = charts.get('pr-1/mlci/change-metrics.png');
    expect(decodePng(png!).width).toBe(1600);
    // No index.html unless asked (preview: true): the job summary is the preview on GitHub.
    expect(readdirSync(join(dir, '.mlci', 'report')).sort()).toEqual([
      'change-metrics.png',
      'curve-loss.png',
      'report.json',
      'report.md',
    ]);

    // Again, on the same head: the same comment is updated, never a second one.
    const again = await runDistAction('report', { ...run });
    expect(again.exitCode).toBe(1);
    expect(fake.state.repo(FULL).comments).toHaveLength(1);
  }, 60_000);

  it('passes, and says when no baseline was found instead of passing silently', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const s = seed();
    const dir = workspace('{"accuracy": 0.95, "loss": 0.2}');
    const run = pullRequestRun(s, dir);
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'history', files: 'metrics.json' },
    });
    expect(compared.outputs.verdict).toBe('no-baseline');
    expect(compared.stdout).toContain('No baseline found');
    // What a train step left: the report says how long training took.
    writeFileSync(
      join(dir, '.mlci', 'train.json'),
      JSON.stringify({ schema: 'mlci/train', version: 1, durationSeconds: 725 }),
    );
    const reported = await runDistAction('report', { ...run });
    expect(reported.exitCode).toBe(0);
    expect(fake.state.repo(FULL).comments[0]!.body).toContain('trained in 12 min 5 s');
    const check = fake.state.repo(FULL).checkRuns[0]!;
    expect(check.conclusion).toBe('neutral');
    expect(fake.state.repo(FULL).comments[0]!.body).toContain('No baseline');
  }, 60_000);

  it("shares V8's compile cache between the steps of a job in RUNNER_TEMP on Node 22+ (none on 20)", async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const s = seed();
    const dir = workspace('{"accuracy": 0.95, "loss": 0.2}');
    const runnerTemp = mkdtempSync(join(tmpdir(), 'mlci-job-'));
    const run = { ...pullRequestRun(s, dir), runnerTemp };
    expect((await runDistAction('evaluate', run)).exitCode).toBe(0);
    expect((await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } })).exitCode).toBe(
      0,
    );
    const cache = join(runnerTemp, 'mlci-compile-cache');
    if (stepNode().major >= 22) {
      // One folder per Node version and flags, holding an entry per compiled chunk.
      const entries = readdirSync(cache, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(entries.length).toBeGreaterThan(3);
    } else {
      expect(existsSync(cache)).toBe(false);
    }
  }, 60_000);
});

describe('a pull request from a fork: two workflows', () => {
  it('the pull_request run keeps its report without failing on the read-only token; workflow_run posts it', async () => {
    fake = await startFakeGitHub({ token: TOKEN, readOnlyTokens: [FORK_TOKEN] });
    const s = seed({ fork: true });
    const dir = workspace('{"accuracy": 0.93, "loss": 0.25, "f1": 0.9}');
    const prRun = pullRequestRun(s, dir, FORK_TOKEN);
    const compared = await runDistAction('compare-metrics', { ...prRun });
    expect(compared.outputs.verdict).toBe('passed');
    // As examples/workflows/fork-safe-pr.yml: the artifact gets the preview for the fork's author.
    const saved = await runDistAction('report', { ...prRun, inputs: { preview: 'true' } });
    expect(saved.stderr).toBe('');
    expect(saved.exitCode).toBe(0);
    expect(saved.stdout).toContain('Cannot comment on pull request #1');
    expect(readFileSync(join(dir, '.mlci', 'report', 'index.html'), 'utf8')).toContain('<!doctype html>');
    expect(saved.summary).toContain('Passed');
    expect(fake.state.repo(FULL).comments).toHaveLength(0);

    // The artifact the first workflow uploaded, downloaded by the second one into an empty workspace.
    const second = mkdtempSync(join(tmpdir(), 'mlci-workflow-run-'));
    mkdirSync(join(second, 'saved'));
    cpSync(join(dir, '.mlci', 'report'), join(second, 'saved'), { recursive: true });
    const payload = webhookExample('workflow_run', 'completed');
    Object.assign(payload.workflow_run, {
      head_sha: s.head,
      head_branch: 'feature',
      event: 'pull_request',
      conclusion: 'success',
      pull_requests: [],
    });
    payload.workflow_run.head_repository.full_name = s.headRepo;
    payload.workflow_run.repository.full_name = FULL;
    Object.assign(payload.repository, { full_name: FULL, name: REPO, default_branch: 'main' });
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
    expect(posted.stderr).toBe('');
    expect(posted.exitCode).toBe(0);
    const comments = fake.state.repo(FULL).comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('**✅ Passed**');
    expect(comments[0]!.body).toContain("Computed by the pull request's own workflow run");
    expect(fake.state.repo(FULL).checkRuns[0]).toMatchObject({ headSha: s.head, conclusion: 'success' });
  }, 60_000);

  it('refuses a saved report that claims to pass over a failed gate? It re-derives the verdict', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const s = seed({ fork: true });
    const dir = workspace('{"accuracy": 0.5, "loss": 0.25}');
    const prRun = pullRequestRun(s, dir);
    await runDistAction('evaluate', { ...prRun });
    await runDistAction('report', {
      ...prRun,
      inputs: { comment: 'false', check: 'false', 'upload-charts': 'false' },
    });
    const reportJson = join(dir, '.mlci', 'report', 'report.json');
    const forged = JSON.parse(readFileSync(reportJson, 'utf8'));
    forged.comparison.verdict.kind = 'passed';
    forged.comparison.gates = forged.comparison.gates.map((g: { status: string }) => ({
      ...g,
      status: g.status,
    }));
    writeFileSync(reportJson, JSON.stringify(forged));
    const payload = webhookExample('workflow_run', 'completed');
    Object.assign(payload.workflow_run, {
      head_sha: s.head,
      head_branch: 'feature',
      event: 'pull_request',
      pull_requests: [],
    });
    payload.workflow_run.head_repository.full_name = s.headRepo;
    Object.assign(payload.repository, { full_name: FULL, name: REPO, default_branch: 'main' });
    const posted = await runDistAction('report', {
      workspace: join(dir, '.mlci'),
      event: { name: 'workflow_run', payload },
      token: TOKEN,
      apiUrl: fake.url,
      repository: FULL,
      sha: s.base,
      ref: 'refs/heads/main',
      inputs: { 'saved-report': 'report' },
    });
    expect(posted.exitCode).toBe(1);
    expect(fake.state.repo(FULL).checkRuns.at(-1)).toMatchObject({ conclusion: 'failure' });
  }, 60_000);
});

describe('a matrix of jobs merged into one report', () => {
  it('posts one comment with a column per job and one check run with the worst verdict', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const s = seed();
    const merged = mkdtempSync(join(tmpdir(), 'mlci-merge-'));
    const jobs = {
      'lr-0.1': '{"accuracy": 0.85, "loss": 0.3, "f1": 0.88}',
      'lr-0.01': '{"accuracy": 0.92, "loss": 0.29, "f1": 0.89}',
    };
    for (const [name, metrics] of Object.entries(jobs)) {
      const dir = workspace(metrics);
      const run = pullRequestRun(s, dir);
      await runDistAction('compare-metrics', { ...run });
      const saved = await runDistAction('report', {
        ...run,
        inputs: { comment: 'false', check: 'false', 'upload-charts': 'false', 'fail-on-gate': 'false' },
      });
      expect(saved.exitCode).toBe(0);
      cpSync(join(dir, '.mlci', 'report'), join(merged, `mlci-report-${name}`), { recursive: true });
    }
    expect(fake.state.repo(FULL).comments).toHaveLength(0);
    const reporter = mkdtempSync(join(tmpdir(), 'mlci-merge-job-'));
    const result = await runDistAction('report', {
      ...pullRequestRun(s, reporter),
      inputs: { 'merge-reports': merged, title: 'Learning-rate sweep' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.verdict).toBe('failed');
    const comments = fake.state.repo(FULL).comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('**❌ Failed**: 1 of 2 matrix jobs failed (lr-0.1).');
    expect(comments[0]!.body).toContain('| gate | lr-0.01 | lr-0.1 |');
    expect(comments[0]!.body).toMatch(
      /blob\/[0-9a-f]{40}\/pr-1\/mlci\/lr-0\.1\/change-metrics\.png\?raw=true/,
    );
    expect(fake.state.repo(FULL).checkRuns).toHaveLength(1);
    expect(fake.state.repo(FULL).checkRuns[0]).toMatchObject({ conclusion: 'failure', headSha: s.head });
  }, 90_000);
});

describe('ten report runs at once on one pull request', () => {
  // Each push moves the pull request's updated_at, which its events carry. Without times the
  // decision falls back to asking for the pull request's head: tested in-process in
  // test/github/comments.test.ts, where ten processes on two cores cannot starve one another.
  it.each(['distinct'])(
    'leave exactly one comment, holding the newest head report (%s event times)',
    async (times) => {
      fake = await startFakeGitHub({ token: TOKEN });
      const s = seed();
      // Ten pushes: each run reports on its own commit; the pull request's head is the last one.
      const heads: string[] = [];
      let parent = s.head;
      for (let i = 0; i < 10; i++) {
        parent = fake.state.commit(FULL, {
          branch: 'feature',
          parents: [parent],
          files: { 'n.txt': `${i}\n` },
          message: `push ${i}`,
        });
        heads.push(parent);
      }
      fake.state.repo(FULL).pulls.find((p) => p.number === s.pr.number)!.head.sha = heads.at(-1)!;
      const runs = heads.map((head, i) => {
        const dir = workspace(`{"accuracy": ${0.9 + i / 1000}, "loss": 0.3, "f1": 0.88}`);
        const run = pullRequestRun({ ...s, head }, dir);
        // Each push moves the pull request's updated_at; the events carry it.
        if (times === 'distinct') {
          (run.event.payload as { pull_request: { updated_at: string } }).pull_request.updated_at =
            `2024-06-01T12:00:0${i}Z`;
        }
        return runDistAction('report', {
          ...run,
          inputs: { 'upload-charts': 'false', check: 'false', 'max-curves': '0' },
        });
      });
      const results = await Promise.all(runs);
      for (const result of results) expect(result.stderr).toBe('');
      const comments = fake.state.repo(FULL).comments;
      expect(comments).toHaveLength(1);
      expect(comments[0]!.body).toContain(`<!-- mlci-head sha="${heads.at(-1)}"`);
      // The newest run's accuracy (0.909), in the metric's display (percent) as every column shows it.
      expect(comments[0]!.body).toContain('| accuracy | 90.9% |');
    },
    120_000,
  );
});

describe('GitHub having a bad moment', () => {
  it('retries a 502 and a secondary rate limit with retry-after, and still posts once', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const s = seed();
    const run = pullRequestRun(s, workspace('{"accuracy": 0.95, "loss": 0.29, "f1": 0.9}'));
    fake.inject({ ...faults.serverError(502, 1), method: 'POST', path: /\/issues\/\d+\/comments$/ });
    fake.inject({ ...faults.secondaryRateLimit(1), method: 'POST', path: /\/check-runs$/ });
    const result = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/secondary rate limit hit by POST .*check-runs: retrying after 1 s/);
    expect(fake.state.repo(FULL).comments).toHaveLength(1);
    expect(fake.state.repo(FULL).checkRuns).toHaveLength(1);
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'));
    expect(posts.map((r) => r.status)).toEqual([502, 201]);
  }, 60_000);
});

describe('pushes to the default branch record the baseline, one history file per report id', () => {
  it("a matrix job's pull request is compared with its own value's last push, not a neighbour's", async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const s = seed();
    const pushOnMain = (dir: string) => pushRun(fake, s.base, dir);
    // Two jobs of one push, one per data set, as in examples/workflows/matrix-sweep.yml.
    for (const [value, accuracy] of [
      ['en', 0.95],
      ['de', 0.5],
    ] as const) {
      const pushed = await runDistAction('report', {
        ...pushOnMain(workspace(`{"accuracy": ${accuracy}, "loss": 0.3}`)),
        inputs: { 'report-id': `mlci/${value}`, 'upload-charts': 'false', 'fail-on-gate': 'false' },
      });
      expect(pushed.stderr).toBe('');
      expect(pushed.stdout).toContain(`Baseline recorded: mlci-history:mlci/${value}/${s.base}.json`);
    }
    expect([...fake.state.files(FULL, 'mlci-history').keys()].sort()).toEqual([
      `mlci/de/${s.base}.json`,
      'mlci/de/summary.json',
      `mlci/en/${s.base}.json`,
      'mlci/en/summary.json',
    ]);

    // The pull request's en job: 0.93 against en's 0.95 is a drop past 0.01 (against de's 0.5 it
    // would pass).
    const dir = workspace('{"accuracy": 0.93, "loss": 0.3}');
    const compared = await runDistAction('compare-metrics', {
      ...pullRequestRun(s, dir),
      inputs: { 'baseline-sources': 'history', 'report-id': 'mlci/en' },
    });
    expect(compared.stderr).toBe('');
    expect(compared.stdout).toContain(`found mlci-history:mlci/en/${s.base}.json`);
    expect(compared.outputs.verdict).toBe('failed');
    // Without its report id the job finds no baseline, and says so: never the wrong one. The
    // repository has recorded baselines (the history branch exists), so that fails by default
    // (on-no-baseline: auto) instead of turning neutral; on-no-baseline: neutral allows it.
    const unnamed = await runDistAction('compare-metrics', {
      ...pullRequestRun(s, workspace('{"accuracy": 0.93, "loss": 0.3}')),
      inputs: { 'baseline-sources': 'history' },
    });
    expect(unnamed.outputs.verdict).toBe('failed');
    expect(unnamed.stdout).toContain(`mlci-history:${s.base}.json not found`);
    expect(JSON.parse(unnamed.outputs.comparison!).verdict.summary).toMatch(
      /^no baseline was found, though this repository has recorded baselines before: looked at history: main@[0-9a-f]{7} \(merge base\)/,
    );
    const allowed = await runDistAction('compare-metrics', {
      ...pullRequestRun(s, workspace('{"accuracy": 0.93, "loss": 0.3}')),
      inputs: { 'baseline-sources': 'history', 'on-no-baseline': 'neutral' },
    });
    expect(allowed.outputs.verdict).toBe('no-baseline');
  }, 60_000);
});
