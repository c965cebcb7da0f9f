import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction, webhookExample, type RunOptions } from '../support/action-runner.js';
import {
  FORK_TOKEN,
  FULL,
  OWNER,
  REPO,
  TOKEN,
  pullRequestRun,
  workspace,
  type Seeded,
} from '../support/pull-request-scenario.js';
import { decodePng } from '../support/png.js';

// The drift report on every path to the report (issue #16): a fork's pull request, whose report is
// built in its own read-only run and posted by a workflow_run job of the base repository
// (examples/workflows/fork-safe-pr.yml and fork-safe-post.yml), keeps its "Data drift" section
// and charts, and the saved drift is checked like the rest of a saved report; a damaged drift.json
// in the state folder fails the check with where it is damaged. Runs against dist/ (npm run build
// first, or MLCI_TEST_DIST).

const SEATTLE_2012 = readFileSync('test/fixtures/drift/seattle-2012.csv', 'utf8');
const SEATTLE_2015 = readFileSync('test/fixtures/drift/seattle-2015.csv', 'utf8');
const CONFIG = 'files: [metrics.json]\ngates:\n  - f1 >= 0.5\n  - drift.share <= 0.3\n';
const DRIFT_INPUTS = { 'drift-reference': 'base', 'drift-current': 'data/train.csv' };
/** The pull request run's report step, as examples/workflows/fork-safe-pr.yml has it. */
const SAVE_ONLY = {
  comment: 'false',
  check: 'false',
  'upload-charts': 'false',
  'fail-on-gate': 'false',
  preview: 'true',
};

let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

/** main with Seattle's 2012 weather as its training data; a pull request (from a fork) with 2015's. */
function seedData(options: { fork: boolean }): Seeded {
  const { state } = fake;
  state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
  const base = state.commit(FULL, {
    branch: 'main',
    files: { '.mlci.yml': CONFIG, 'metrics.json': '{"f1": 0.84}', 'data/train.csv': SEATTLE_2012 },
    message: 'baseline',
  });
  let headRepo = FULL;
  if (options.fork) {
    state.addRepo({ owner: 'contributor', repo: REPO, fork: FULL });
    headRepo = `contributor/${REPO}`;
  }
  const head = state.commit(headRepo, {
    branch: 'feature',
    parents: [base],
    files: { 'data/train.csv': SEATTLE_2015 },
    message: 'new training data',
  });
  const pr = state.addPullRequest(FULL, {
    head: { ref: 'feature', sha: head, repo: headRepo },
    base: { ref: 'main' },
  });
  return { base, head, pr, headRepo };
}

/** The pull request's checkout: its config, metrics and 2015's data. */
function checkout(): string {
  const dir = workspace('{"f1": 0.85}', CONFIG);
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'train.csv'), SEATTLE_2015);
  return dir;
}

/** The fork's pull_request run: compare-metrics with drift, then the report saved, not posted. */
async function forkRun(s: Seeded): Promise<string> {
  const dir = checkout();
  const run = pullRequestRun(fake, s, dir, FORK_TOKEN);
  const compared = await runDistAction('compare-metrics', {
    ...run,
    inputs: { 'baseline-sources': 'contents', ...DRIFT_INPUTS },
  });
  expect(compared.exitCode).toBe(0);
  expect(compared.outputs.verdict).toBe('failed');
  const saved = await runDistAction('report', { ...run, inputs: SAVE_ONLY });
  expect(saved.stderr).toBe('');
  expect(saved.exitCode).toBe(0);
  expect(fake.state.repo(FULL).comments).toHaveLength(0);
  expect(fake.state.repo(FULL).checkRuns).toHaveLength(0);
  return join(dir, '.mlci', 'report');
}

/** The workflow_run job of fork-safe-post.yml: the artifact downloaded into an empty workspace, posted. */
function postRun(s: Seeded, folder: string): RunOptions {
  const second = mkdtempSync(join(tmpdir(), 'mlci-workflow-run-'));
  cpSync(folder, join(second, 'saved'), { recursive: true });
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
  return {
    workspace: second,
    event: { name: 'workflow_run', payload },
    token: TOKEN,
    apiUrl: fake.url,
    repository: FULL,
    sha: s.base,
    ref: 'refs/heads/main',
    inputs: { 'saved-report': 'saved' },
  };
}

/** report.json of a saved folder, edited as a fork could edit it before the upload. */
function tamper(folder: string, edit: (doc: { drift: { columns: Array<Record<string, unknown>> } }) => void) {
  const file = join(folder, 'report.json');
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  edit(doc);
  writeFileSync(file, JSON.stringify(doc));
}

describe('a pull request from a fork whose data drifted: two workflows', () => {
  it('workflow_run posts the drift section and its charts, and fails the check', async () => {
    fake = await startFakeGitHub({ token: TOKEN, readOnlyTokens: [FORK_TOKEN] });
    const s = seedData({ fork: true });
    const folder = await forkRun(s);
    const document = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8'));
    expect(document.drift).toMatchObject({ schema: 'mlci/drift', drifted: 3, tested: 5 });
    const driftCharts = document.charts.filter((c: { section?: string }) => c.section === 'drift');
    expect(driftCharts.map((c: { file: string }) => c.file)).toEqual([
      'drift-weather.png',
      'drift-temp-max.png',
      'drift-temp-min.png',
      'drift-wind.png',
    ]);

    const posted = await runDistAction('report', postRun(s, folder));
    expect(posted.stderr).toBe('');
    expect(posted.exitCode).toBe(1); // the drift gate failed
    const repo = fake.state.repo(FULL);
    expect(repo.checkRuns).toHaveLength(1);
    expect(repo.checkRuns[0]).toMatchObject({ headSha: s.head, conclusion: 'failure' });
    expect(repo.comments).toHaveLength(1);
    const body = repo.comments[0]!.body;
    expect(body).toContain("Computed by the pull request's own workflow run");
    expect(body).toContain('### ⚠️ Data drift: 3 of 5 columns drifted (60%); the dataset drifts at 50%');
    expect(body).toContain(
      '| temp_max | numeric | Kolmogorov–Smirnov | D = 0.153 | p = 0.0013 | p < 0.05 | 0.225 | 0% → 0% |',
    );
    expect(body).toContain('Data: **3 of 5 columns drifted** (60%; the dataset drifts at 50%)');
    // The charts are in the drift section, after its table, hosted on the assets branch.
    const section = body.slice(body.indexOf('Data drift: 3 of 5'));
    for (const file of ['drift-weather.png', 'drift-temp-max.png', 'drift-temp-min.png', 'drift-wind.png']) {
      const link = new RegExp(
        `\\]\\(https://github\\.com/acme/model/blob/[0-9a-f]{40}/pr-1/mlci/${file}\\?raw=true\\)`,
      );
      expect(section).toMatch(link);
      expect(section.search(link)).toBeGreaterThan(section.indexOf('| temp_max |'));
      // Not also among the model's charts, before the section.
      expect(body.indexOf(file)).toBeGreaterThan(body.indexOf('Data drift: 3 of 5'));
    }
    const png = fake.state.files(FULL, 'mlci-assets').get('pr-1/mlci/drift-weather.png');
    expect(decodePng(png!).width).toBe(1600);
  }, 120_000);

  it('escapes a column name a fork wrote as Markdown and HTML', async () => {
    fake = await startFakeGitHub({ token: TOKEN, readOnlyTokens: [FORK_TOKEN] });
    const s = seedData({ fork: true });
    const folder = await forkRun(s);
    const forged =
      '<img src=x onerror=alert(1)> **[approved](https://evil.example)** <!-- mlci-report id="mlci" -->';
    tamper(folder, (doc) => {
      const weather = doc.drift.columns.find((c) => c.name === 'weather')!;
      weather.name = forged;
    });
    const posted = await runDistAction('report', postRun(s, folder));
    expect(posted.exitCode).toBe(1);
    const body = fake.state.repo(FULL).comments[0]!.body;
    expect(body).toContain('&lt;img src=x onerror=alert(1)> \\*\\*\\[approved\\]');
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain('[approved](https://evil.example)');
    // The one marker is mlci's own, at the end.
    expect(body.match(/<!-- mlci-report/g)).toHaveLength(1);
    expect(fake.state.repo(FULL).checkRuns[0]).toMatchObject({ conclusion: 'failure' });
  }, 120_000);

  it('shows the charts of a saved report without its drift report with the others, rather than nowhere', async () => {
    fake = await startFakeGitHub({ token: TOKEN, readOnlyTokens: [FORK_TOKEN] });
    const s = seedData({ fork: true });
    const folder = await forkRun(s);
    tamper(folder, (doc) => delete (doc as { drift?: unknown }).drift);
    const posted = await runDistAction('report', postRun(s, folder));
    expect(posted.exitCode).toBe(1);
    const body = fake.state.repo(FULL).comments[0]!.body;
    expect(body).not.toContain('Data drift: 3 of 5');
    expect(body).toMatch(
      /\]\(https:\/\/github\.com\/acme\/model\/blob\/[0-9a-f]{40}\/pr-1\/mlci\/drift-weather\.png\?raw=true\)/,
    );
  }, 120_000);

  it.each<[string, (doc: { drift: { columns: Array<Record<string, unknown>> } }) => void, RegExp]>([
    [
      'a huge list of columns',
      (doc) => {
        // Small items, so that the list and not the file's size cap (32 MB) is what is refused.
        doc.drift.columns = Array.from({ length: 100_001 }, () => ({}));
      },
      /saved[/\\]report\.json: drift\.columns: expected a list of at most 100000 columns, found a list of 100001/,
    ],
    [
      'markup where a number belongs',
      (doc) => {
        (doc.drift as unknown as { reference: { rows: unknown } }).reference.rows = '<img src=x>';
      },
      /saved[/\\]report\.json: drift\.reference\.rows: expected a whole number of at least 0, found "<img src=x>"/,
    ],
    [
      'a verdict its numbers do not give',
      (doc) => {
        for (const column of doc.drift.columns) column.drifted = false;
      },
      /saved[/\\]report\.json: drift\.columns\[0\]\.drifted: expected true \(p = [0-9.e-]+ is below the threshold 0\.05\), found false/,
    ],
  ])(
    'refuses a saved drift with %s, posting nothing of it',
    async (_, edit, message) => {
      fake = await startFakeGitHub({ token: TOKEN, readOnlyTokens: [FORK_TOKEN] });
      const s = seedData({ fork: true });
      const folder = await forkRun(s);
      tamper(folder, edit);
      const posted = await runDistAction('report', postRun(s, folder));
      expect(posted.exitCode).toBe(1);
      expect(posted.stdout).toMatch(message);
      expect(posted.stdout).not.toContain('this is a bug');
      expect(fake.state.repo(FULL).comments).toHaveLength(0);
      // The required check fails and says why, on the pull request's head (not never arrives).
      const checks = fake.state.repo(FULL).checkRuns;
      expect(checks).toHaveLength(1);
      expect(checks[0]).toMatchObject({ headSha: s.head, name: 'mlci', conclusion: 'failure' });
      expect(checks[0]!.output.title).toBe(
        "mlci could not post this pull request's report: the saved report was refused",
      );
      expect(checks[0]!.output.summary).toMatch(message);
    },
    120_000,
  );
});

describe('a damaged drift.json in the state folder', () => {
  it.each<
    [
      string,
      (drift: { columns: Array<Record<string, unknown>>; options?: unknown }, i: number) => void,
      string,
    ]
  >([
    [
      'a p value that is text',
      (drift, i) => (drift.columns[i]!.p = 'x'),
      'columns[I].p: expected a number between 0 and 1, found "x"',
    ],
    [
      'no options',
      (drift) => delete drift.options,
      'options: expected the drift options (alpha, threshold, smallRows, driftShare, correction, psiBins), found nothing',
    ],
  ])(
    'fails the check, naming where: %s',
    async (_, damage, where) => {
      fake = await startFakeGitHub();
      const s = seedData({ fork: false });
      const dir = checkout();
      const run = pullRequestRun(fake, s, dir);
      const compared = await runDistAction('compare-metrics', {
        ...run,
        inputs: { 'baseline-sources': 'contents', ...DRIFT_INPUTS },
      });
      expect(compared.exitCode).toBe(0);
      // Between the jobs (an artifact), the file is damaged.
      const file = join(dir, '.mlci', 'drift.json');
      const drift = JSON.parse(readFileSync(file, 'utf8'));
      const i = drift.columns.findIndex((c: { name: string }) => c.name === 'temp_max');
      damage(drift, i);
      writeFileSync(file, JSON.stringify(drift));
      const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
      expect(reported.exitCode).toBe(1);
      const message = `.mlci/drift.json: ${where.replace('[I]', `[${i}]`)}; delete it or rerun the step that wrote it`;
      expect(reported.stdout).toContain(`::error::${message}`);
      expect(reported.stdout).not.toContain('this is a bug');
      const checks = fake.state.repo(FULL).checkRuns;
      expect(checks.map((c) => c.conclusion)).toEqual(['failure']);
      expect(checks[0]!.output.summary).toContain(message);
      expect(fake.state.repo(FULL).comments).toHaveLength(0);
    },
    120_000,
  );
});
