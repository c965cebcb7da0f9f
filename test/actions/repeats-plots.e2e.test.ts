import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction } from '../support/action-runner.js';
import { FULL, OWNER, REPO, TOKEN, pullRequestRun } from '../support/pull-request-scenario.js';

// Issue #14, item 3, in the action: "Seed 1 stands in for all seeds without saying so: the
// confusion matrices use seed 1 while the tables show 3-seed means." The report action drew its
// matrix from the one file report.predictions names, and compare-metrics fetched only that file
// of the base. Now every run's predictions come with the baseline (same query) and the matrix sums
// them, or names the one run it shows.
let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

// The runs are files (runs/seed-N/metrics.json), so the base's predictions beside them are not
// part of a run the pattern fetches: they must be asked for in the baseline's query.
const CONFIG = `repeats: runs/seed-*/metrics.json
gates:
  - accuracy >= 0.5
report:
  predictions: runs/seed-1/predictions.csv
`;

/**
 * 20 examples, cat on even ids and dog on odd ones; the first `wrong` cats are predicted as dog.
 * One run's matrix is [[10 - wrong, wrong], [0, 10]] (rows actual cat, dog).
 */
function predictions(wrong: number): string {
  const rows = Array.from({ length: 20 }, (_, i) => {
    const label = i % 2 === 0 ? 'cat' : 'dog';
    const predicted = i % 2 === 0 && i / 2 < wrong ? 'dog' : label;
    return `${i},${label},${predicted}`;
  });
  return ['id,label,prediction', ...rows].join('\n');
}

/**
 * Three seeds; `wrong[k]` cats misread by seed k + 1. `only` writes predictions for seed 1 alone.
 * Summed by hand: the pull request (1, 2, 3 wrong) is [[24, 6], [0, 30]], 54 of 60 = 90%; the
 * baseline (0, 1, 2 wrong) is [[27, 3], [0, 30]], 57 of 60 = 95%. Seed 1 alone: 9 of 10 cats
 * right at the pull request (95%), all 20 at the base (100%).
 */
function seeds(wrong: readonly number[], only = false): Record<string, string> {
  const files: Record<string, string> = {};
  wrong.forEach((w, k) => {
    files[`runs/seed-${k + 1}/metrics.json`] = JSON.stringify({ accuracy: 1 - w / 20 });
    if (!only || k === 0) files[`runs/seed-${k + 1}/predictions.csv`] = predictions(w);
  });
  return files;
}

const HEAD = [1, 2, 3];
const BASE = [0, 1, 2];

function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-repeats-plots-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function compareAndReport(only: boolean) {
  const { state } = fake;
  state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
  const base = state.commit(FULL, {
    branch: 'main',
    files: { '.mlci.yml': CONFIG, ...seeds(BASE, only) },
    message: 'baseline',
  });
  state.commit(FULL, { branch: 'mlci-assets', files: { 'pr-0/mlci/old.png': 'x' }, message: 'old' });
  const head = state.commit(FULL, {
    branch: 'feature',
    parents: [base],
    files: { 'train.py': 'print(2)\n' },
    message: 'tweak',
  });
  const pr = state.addPullRequest(FULL, { head: { ref: 'feature', sha: head }, base: { ref: 'main' } });
  const run = pullRequestRun(
    fake,
    { base, head, pr, headRepo: FULL },
    workspaceWith({ '.mlci.yml': CONFIG, ...seeds(HEAD, only) }),
  );
  const start = fake.requests.length;
  const compared = await runDistAction('compare-metrics', {
    ...run,
    inputs: { 'baseline-sources': 'contents' },
  });
  expect(compared.stderr).toBe('');
  const middle = fake.requests.length;
  const reported = await runDistAction('report', { ...run, inputs: { 'fail-on-gate': 'false' } });
  if (reported.exitCode !== 0) throw new Error(reported.stdout + reported.stderr);
  const comment = fake.state.repo(FULL).comments.at(-1)!.body;
  const alt = (file: string) =>
    new RegExp(`!\\[([^\\]]*)\\]\\([^)]*/${file.replace('.', '\\.')}\\?raw=true\\)`).exec(comment)?.[1];
  return {
    compareRequests: middle - start,
    reportRequests: fake.requests.length - middle,
    comment,
    matrix: alt('confusion-matrix.png'),
    change: alt('confusion-matrix-change.png'),
  };
}

describe("the action's confusion matrix with three seeds per side", () => {
  it("sums every seed's counts on both sides, the base's predictions fetched in the baseline's query", async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const summed = await compareAndReport(false);
    // 60 examples per side (3 × 20): 54 right at the pull request, 57 at the base.
    expect(summed.matrix).toContain('Confusion matrix, summed over 3 runs, of the pull request');
    expect(summed.matrix).toContain('60 examples: accuracy 90%, baseline 95% (−5 pp)');
    expect(summed.matrix).toContain('Most frequent confusion: cat predicted as dog, 6 (20% of cat)');
    // The change chart names both sides' scope: cat→dog 3/30 = 10% at the base, 6/30 = 20% now.
    expect(summed.change).toContain('cat predicted as dog +10 pp (worse)');
    expect(summed.change).toContain('Counts: pull request summed over 3 runs, baseline summed over 3 runs.');
    // The merge base, the tree, one GraphQL query: the three base predictions cost no request.
    expect(summed.compareRequests).toBe(3);
  }, 120_000);

  it('with predictions from seed 1 only, names that run on both sides', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const one = await compareAndReport(true);
    expect(one.matrix).toContain(
      'Confusion matrix, one run of 3: runs/seed-1/predictions.csv, of the pull request',
    );
    // Seed 1: one cat of ten misread at the pull request, none at the base.
    expect(one.matrix).toContain('20 examples: accuracy 95%, baseline 100% (−5 pp)');
    expect(one.change).toMatch(
      /Counts: pull request one run of 3: runs\/seed-1\/predictions\.csv, baseline one run of 3: main@\u2060?[0-9a-f]{7} \(merge base\):runs\/seed-1\/predictions\.csv\./,
    );
    expect(one.compareRequests).toBe(3);
  }, 120_000);
});
