import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction, type Payload } from '../support/action-runner.js';
import { FULL, OWNER, REPO, pullRequestRun, pushRun } from '../support/pull-request-scenario.js';

// Issue #12: "Seeds collapse in the actions: the head is read as one run, so files of several
// seeds are merged and every statistical gate says 'got 1 and 1'. McNemar needs a base-predictions
// path the user must supply." Now `repeats:` names the runs, the baseline is found in the same
// shape from every source, and the base's predictions come with it.
let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

const CONFIG = `repeats: runs/seed-*
gates:
  - accuracy no significant regression
`;

// Five seeds per side; the seed-to-seed standard deviation is 0.0031. A 3-point drop is 9.7
// standard deviations, 15 standard errors of the difference of means (√(2/5)·0.0031 = 0.0020):
// Welch's one-sided test at α = 0.05 with ~8 degrees of freedom has power > 0.9999 there, so
// the drop must fail. The harmless change has the same mean (t = 0): it passes whatever the seed.
const BASE = [0.902, 0.897, 0.905, 0.899, 0.901];
const HARMLESS = [0.903, 0.898, 0.9, 0.904, 0.899];
const DROPPED = BASE.map((a) => Number((a - 0.03).toFixed(3)));

function seedFiles(accuracies: readonly number[]): Record<string, string> {
  return Object.fromEntries(
    accuracies.map((a, i) => [`runs/seed-${i}/metrics.json`, JSON.stringify({ accuracy: a, loss: 1 - a })]),
  );
}

function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-repeats-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** main with `baseFiles`, a feature branch and its pull request. */
function seedPullRequest(baseFiles: Record<string, string>) {
  const { state } = fake;
  state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
  const base = state.commit(FULL, { branch: 'main', files: baseFiles, message: 'baseline' });
  const head = state.commit(FULL, {
    branch: 'feature',
    parents: [base],
    files: { 'train.py': 'print(2)\n' },
    message: 'tweak',
  });
  const pr = state.addPullRequest(FULL, { head: { ref: 'feature', sha: head }, base: { ref: 'main' } });
  return { base, head, pr, headRepo: FULL };
}

interface Side {
  verdict: string;
  nBase: number;
  nHead: number;
  requests: number;
}

async function compare(
  s: ReturnType<typeof seedPullRequest>,
  head: readonly number[],
  sources: string,
  extra: Record<string, string> = {},
): Promise<Side & { stdout: string; comparison: Payload }> {
  const before = fake.requests.length;
  const dir = workspaceWith({ '.mlci.yml': CONFIG, ...seedFiles(head), ...extra });
  const compared = await runDistAction('compare-metrics', {
    ...pullRequestRun(fake, s, dir),
    inputs: { 'baseline-sources': sources },
  });
  expect(compared.stderr).toBe('');
  const comparison = JSON.parse(compared.outputs.comparison!);
  const gate = comparison.gates.find((g: { gate: { text: string } }) =>
    g.gate.text.startsWith('accuracy no significant'),
  );
  return {
    verdict: compared.outputs.verdict!,
    nBase: gate?.statistics?.nBase,
    nHead: gate?.statistics?.nHead,
    requests: fake.requests.length - before,
    stdout: compared.stdout,
    comparison,
  };
}

describe('five seeds per side, the baseline in the same shape from every source', () => {
  it('contents: every match at the merge base, in three requests; a 3-point drop fails, a harmless change passes', async () => {
    fake = await startFakeGitHub();
    const s = seedPullRequest({ '.mlci.yml': CONFIG, ...seedFiles(BASE) });
    const dropped = await compare(s, DROPPED, 'contents');
    expect(dropped).toMatchObject({ verdict: 'failed', nBase: 5, nHead: 5 });
    expect(dropped.stdout).toContain('found 5 runs (runs/seed-*)');
    // The merge base, the commit's tree, one GraphQL query for the five seeds and the base's config.
    expect(dropped.requests).toBe(3);
    const harmless = await compare(s, HARMLESS, 'contents');
    expect(harmless).toMatchObject({ verdict: 'passed', nBase: 5, nHead: 5, requests: 3 });

    // The report says n per side.
    const dir = workspaceWith({ '.mlci.yml': CONFIG, ...seedFiles(DROPPED) });
    const run = pullRequestRun(fake, s, dir);
    await runDistAction('compare-metrics', { ...run, inputs: { 'baseline-sources': 'contents' } });
    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(1);
    const comment = fake.state.repo(FULL).comments.at(-1)!.body;
    expect(comment).toContain('The pull request has 5 runs, the baseline 5 runs.');
    expect(fake.state.repo(FULL).checkRuns.at(-1)!.conclusion).toBe('failure');
  }, 90_000);

  it("artifact: the base branch run's uploaded seeds", async () => {
    fake = await startFakeGitHub();
    const s = seedPullRequest({ '.mlci.yml': CONFIG });
    fake.state.addWorkflowRun(FULL, {
      head_sha: s.base,
      head_branch: 'main',
      event: 'push',
      status: 'completed',
      conclusion: 'success',
      name: 'model',
      path: '.github/workflows/model.yml',
      artifacts: [{ name: 'mlci-results', files: seedFiles(BASE) }],
    });
    expect(await compare(s, DROPPED, 'artifact')).toMatchObject({ verdict: 'failed', nBase: 5, nHead: 5 });
    expect(await compare(s, HARMLESS, 'artifact')).toMatchObject({ verdict: 'passed', nBase: 5, nHead: 5 });
  }, 90_000);

  it('history: the record a push wrote keeps every seed', async () => {
    fake = await startFakeGitHub();
    const s = seedPullRequest({ '.mlci.yml': CONFIG });
    const pushed = await runDistAction('report', {
      ...pushRun(fake, s.base, workspaceWith({ '.mlci.yml': CONFIG, ...seedFiles(BASE) })),
      inputs: { 'upload-charts': 'false' },
    });
    expect(pushed.stdout).toContain(`Baseline recorded: mlci-history:${s.base}.json`);
    const record = JSON.parse(fake.state.files(FULL, 'mlci-history').get(`${s.base}.json`)!.toString());
    expect(record.runs).toHaveLength(5);
    expect(await compare(s, DROPPED, 'history')).toMatchObject({ verdict: 'failed', nBase: 5, nHead: 5 });
    expect(await compare(s, HARMLESS, 'history')).toMatchObject({ verdict: 'passed', nBase: 5, nHead: 5 });
  }, 90_000);

  it('a base without the runs (before repeats were set up) is no baseline there, not one run', async () => {
    fake = await startFakeGitHub();
    const s = seedPullRequest({ 'metrics.json': '{"accuracy": 0.9}' });
    const side = await compare(s, HARMLESS, 'contents');
    expect(side.verdict).toBe('no-baseline');
    expect(side.stdout).toContain('runs matching runs/seed-* not found');
  }, 60_000);

  it('a pull request without its runs is an error that names the pattern', async () => {
    fake = await startFakeGitHub();
    const s = seedPullRequest({ '.mlci.yml': CONFIG, ...seedFiles(BASE) });
    const dir = workspaceWith({ '.mlci.yml': CONFIG, 'metrics.json': '{"accuracy": 0.9}' });
    const compared = await runDistAction('compare-metrics', {
      ...pullRequestRun(fake, s, dir),
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.exitCode).not.toBe(0);
    expect(compared.stdout).toMatch(/repeats: "runs\/seed-\*" matched nothing in the workspace/);
  }, 60_000);
});

describe('paired gates with the baseline predictions fetched with the baseline', () => {
  const PAIRED = `files: [metrics.json]
gates:
  - accuracy paired no significant regression
report:
  predictions: eval/predictions.csv
`;
  // 200 examples; the base is right on 180. The worse head gets 20 of them wrong and fixes none:
  // McNemar's exact test sees 20 discordant pairs all against the head, p = 2^-20 ≈ 1e-6.
  const predictions = (wrong: (i: number) => boolean) =>
    [
      'id,label,prediction',
      ...Array.from({ length: 200 }, (_, i) => `${i},${i % 2},${wrong(i) ? 1 - (i % 2) : i % 2}`),
    ].join('\n');
  const BASE_PREDICTIONS = predictions((i) => i < 20);
  const WORSE_PREDICTIONS = predictions((i) => i < 40);

  it('a worse head fails, the same predictions pass, and nothing had to be given by path', async () => {
    fake = await startFakeGitHub();
    const s = seedPullRequest({
      '.mlci.yml': PAIRED,
      'metrics.json': '{"accuracy": 0.9}',
      'eval/predictions.csv': BASE_PREDICTIONS,
    });
    for (const [head, accuracy, verdict] of [
      [WORSE_PREDICTIONS, 0.8, 'failed'],
      [BASE_PREDICTIONS, 0.9, 'passed'],
    ] as const) {
      const dir = workspaceWith({
        '.mlci.yml': PAIRED,
        'metrics.json': `{"accuracy": ${accuracy}}`,
        'eval/predictions.csv': head,
      });
      const before = fake.requests.length;
      const compared = await runDistAction('compare-metrics', {
        ...pullRequestRun(fake, s, dir),
        inputs: { 'baseline-sources': 'contents' },
      });
      expect(compared.stderr).toBe('');
      expect(compared.outputs.verdict).toBe(verdict);
      const gate = JSON.parse(compared.outputs.comparison!).gates[0];
      expect(gate.reason).toContain('over 200 examples');
      // The predictions came in the same GraphQL query as the metrics and the config.
      expect(fake.requests.length - before).toBe(3);
    }
  }, 90_000);

  it('a baseline without predictions: the paired gate cannot test and says why (failing by default)', async () => {
    fake = await startFakeGitHub();
    const s = seedPullRequest({ '.mlci.yml': PAIRED, 'metrics.json': '{"accuracy": 0.9}' });
    const dir = workspaceWith({
      '.mlci.yml': PAIRED,
      'metrics.json': '{"accuracy": 0.9}',
      'eval/predictions.csv': BASE_PREDICTIONS,
    });
    const compared = await runDistAction('compare-metrics', {
      ...pullRequestRun(fake, s, dir),
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.outputs.verdict).toBe('failed');
    const gate = JSON.parse(compared.outputs.comparison!).gates[0];
    expect(gate.reason).toMatch(
      /the baseline \(main@[0-9a-f]{7} \(merge base\), contents\) has no per-example predictions at eval\/predictions\.csv/,
    );
  }, 60_000);
});
