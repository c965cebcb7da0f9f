import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction } from '../support/action-runner.js';
import {
  BASE_METRICS,
  CONFIG,
  FULL,
  TOKEN,
  TRAIN_CSV,
  pullRequestRun,
  workspace,
} from '../support/pull-request-scenario.js';

// Issue #14, item 4: "The action shows only the pull request's side of plots: no base confusion
// matrix or ROC, no confusion change chart; only the CLI has them." compare-metrics now fetches
// the base's plot files in the baseline's own GraphQL query and keeps them in the state folder;
// report draws both sides and the change.
let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

const WITH_PLOTS = `${CONFIG}report:
  plots: [eval/confusion.json]
`;
// 93 of 100 right at the base; the pull request confuses more cats for dogs (88 of 100).
const BASE_CM = JSON.stringify({
  labels: ['cat', 'dog'],
  matrix: [
    [47, 3],
    [4, 46],
  ],
});
const HEAD_CM = JSON.stringify({
  labels: ['cat', 'dog'],
  matrix: [
    [40, 10],
    [2, 48],
  ],
});

/** main with the config (and the confusion matrix when `baseCm`), a pull request on top. */
function seed(config: string, baseCm: string | undefined) {
  const { state } = fake;
  state.addRepo({ owner: 'acme', repo: 'model', defaultBranch: 'main' });
  const base = state.commit(FULL, {
    branch: 'main',
    files: {
      '.mlci.yml': config,
      'metrics.json': BASE_METRICS,
      'train.csv': `${TRAIN_CSV}\n`,
      ...(baseCm !== undefined ? { 'eval/confusion.json': baseCm } : {}),
    },
    message: 'baseline',
  });
  // The repository has reported before: the assets branch exists (as in the bench's scenario).
  state.commit(FULL, { branch: 'mlci-assets', files: { 'pr-0/mlci/old.png': 'x' }, message: 'old' });
  const head = state.commit(FULL, {
    branch: 'feature',
    parents: [base],
    files: { 'train.py': 'print(2)\n' },
    message: 'tweak',
  });
  const pr = state.addPullRequest(FULL, { head: { ref: 'feature', sha: head }, base: { ref: 'main' } });
  return { base, head, pr, headRepo: FULL };
}

/** compare-metrics then report on the pull request; the requests each made, and what was posted. */
async function compareAndReport(config: string, baseCm: string | undefined) {
  const s = seed(config, baseCm);
  const dir = workspace('{"accuracy": 0.88, "loss": 0.31, "f1": 0.87}', config);
  if (config.includes('eval/confusion.json')) {
    mkdirSync(join(dir, 'eval'), { recursive: true });
    writeFileSync(join(dir, 'eval/confusion.json'), HEAD_CM);
  }
  const run = pullRequestRun(fake, s, dir);
  const start = fake.requests.length;
  const compared = await runDistAction('compare-metrics', {
    ...run,
    inputs: { 'baseline-sources': 'contents' },
  });
  expect(compared.stderr).toBe('');
  const middle = fake.requests.length;
  const reported = await runDistAction('report', { ...run, inputs: { 'fail-on-gate': 'false' } });
  if (reported.exitCode !== 0) throw new Error(reported.stdout + reported.stderr);
  const assets = fake.state.files(FULL, 'mlci-assets');
  return {
    compareRequests: middle - start,
    reportRequests: fake.requests.length - middle,
    charts: [...assets.keys()]
      .filter((p) => p.startsWith(`pr-${s.pr.number}/`))
      .map((p) => p.split('/').at(-1)),
    comment: fake.state.repo(FULL).comments.at(-1)!.body,
  };
}

describe('the base side of the evaluation plots in the action', () => {
  it("draws the base's confusion matrix and the change chart, within the same requests as without plots", async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const without = await compareAndReport(CONFIG, undefined);
    await fake.close();

    fake = await startFakeGitHub({ token: TOKEN });
    const both = await compareAndReport(WITH_PLOTS, BASE_CM);
    expect(both.charts).toEqual(
      expect.arrayContaining(['confusion-matrix.png', 'confusion-matrix-change.png']),
    );
    // The matrix's alt text has both sides' accuracy; the change chart says what moved.
    expect(both.comment).toMatch(
      /!\[Confusion matrix of the pull request[^\]]*accuracy 88%, baseline 93% \(−5 pp\)[^\]]*\]\([^)]*\/pr-1\/mlci\/confusion-matrix\.png/,
    );
    expect(both.comment).toMatch(/!\[[^\]]*\]\([^)]*confusion-matrix-change\.png\?raw=true\)/);
    // The plot file came in the baseline's GraphQL query: not one request more on either step.
    expect(both.reportRequests).toBe(without.reportRequests);
    expect(both.compareRequests + both.reportRequests).toBeLessThanOrEqual(10);
  }, 120_000);

  it("a base without the plot file: the pull request's matrix alone, and the report says why", async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const alone = await compareAndReport(WITH_PLOTS, undefined);
    expect(alone.charts).toContain('confusion-matrix.png');
    expect(alone.charts).not.toContain('confusion-matrix-change.png');
    expect(alone.comment).toMatch(
      /The baseline \(main@\u2060[0-9a-f]{7} \(merge base\)\) has no eval\/confusion\.json: the pull request's side is shown alone\./,
    );
  }, 90_000);
});
