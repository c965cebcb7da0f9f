import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction } from '../support/action-runner.js';
import {
  FULL,
  OWNER,
  REPO,
  pullRequestRun,
  workspace,
  type Seeded,
} from '../support/pull-request-scenario.js';

// Issue #15: a reviewer of a model change wants to know whether the data changed. compare-metrics
// fetches the base's dvc.lock with the baseline, keeps the diff in compare.json, and the report
// shows it. Runs against dist/ (npm run build first).

const REAL_LOCK = readFileSync(
  'test/fixtures/real/dvc-pipeline/music-processing-challenge/challenges/onset-detection/dvc.lock',
  'utf8',
);
/** The pull request's lock: the real one EDITED (a new data folder, seed 7), as in test/core/dvc/diff.test.ts. */
const EDITED_LOCK = REAL_LOCK.replace(
  'a4da05829c6006bb7be263752f10e8b1.dir\n      size: 215577173\n      nfiles: 508',
  '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f.dir\n      size: 216912345\n      nfiles: 512',
).replaceAll('seed: 42', 'seed: 7');
const CONFIG = 'files: [metrics.json]\ngates:\n  - f1 >= 0.5\n';

let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

/** main with metrics.json and, unless `baseLock` is null, a dvc.lock; a feature branch; its pull request. */
function seedWithLock(baseLock: string | null): Seeded {
  const { state } = fake;
  state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
  const base = state.commit(FULL, {
    branch: 'main',
    files: {
      '.mlci.yml': CONFIG,
      'metrics.json': '{"f1": 0.84}',
      ...(baseLock === null ? {} : { 'dvc.lock': baseLock }),
    },
    message: 'baseline',
  });
  const head = state.commit(FULL, {
    branch: 'feature',
    parents: [base],
    files: { 'dvc.lock': EDITED_LOCK },
    message: 'more training data',
  });
  const pr = state.addPullRequest(FULL, {
    head: { ref: 'feature', sha: head, repo: FULL },
    base: { ref: 'main' },
  });
  return { base, head, pr, headRepo: FULL };
}

/** The pull request's checkout: the config, its metrics and (unless null) its dvc.lock. */
function checkout(lock: string | null = EDITED_LOCK): string {
  const dir = workspace('{"f1": 0.81}', CONFIG);
  if (lock !== null) writeFileSync(join(dir, 'dvc.lock'), lock);
  return dir;
}

describe('compare-metrics and report: what changed in the DVC pipeline', () => {
  it('compares the pull request’s dvc.lock with the base’s, keeps the diff, and the report shows it', async () => {
    fake = await startFakeGitHub();
    const s = seedWithLock(REAL_LOCK);
    const dir = checkout();
    const run = pullRequestRun(fake, s, dir);
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.exitCode).toBe(0);
    expect(compared.stdout).toMatch(
      /Pipeline \(dvc\.lock, against main@[0-9a-f]{7} \(merge base\)\): 3 of 7 stages changed/,
    );
    expect(compared.stdout).toContain('data   data/raw/train: md5 a4da058 → 1c2d3e4, 508 → 512 files');
    // Fetched with the baseline's files, in the same query: no request of its own.
    expect(fake.requests.filter((r) => /dvc\.lock/.test(r.path))).toEqual([]);
    const state = JSON.parse(readFileSync(join(dir, '.mlci', 'compare.json'), 'utf8'));
    expect(state.pipeline.file).toBe('dvc.lock');
    expect(state.pipeline.base).toMatch(/^main@[0-9a-f]{7} \(merge base\)$/);
    expect(state.pipeline.stages.map((st: { name: string }) => st.name)).toEqual([
      'train_val_split',
      'train',
      'predict',
    ]);

    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(0);
    const comment = fake.state.repo(FULL).comments[0]!.body;
    expect(comment).toContain(
      'Data: **the pipeline\'s input data changed**: data/raw/train (md5 a4da058 → 1c2d3e4, 508 → 512 files). See "Pipeline" below.',
    );
    expect(comment).toContain(
      '<details><summary>Pipeline (dvc.lock): 3 of 7 stages changed, input data changed</summary>',
    );
    expect(comment).toContain(
      '| train_val_split, train, predict | parameter changed | params.yaml: seed | 42 | 7 |',
    );
  }, 60_000);

  it('says nothing when the base has no dvc.lock, and logs why', async () => {
    fake = await startFakeGitHub();
    const s = seedWithLock(null);
    const dir = checkout();
    const run = pullRequestRun(fake, s, dir);
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.exitCode).toBe(0);
    expect(compared.stdout).toMatch(/dvc\.lock is not compared: main@[0-9a-f]{7} \(merge base\) has none\./);
    expect(JSON.parse(readFileSync(join(dir, '.mlci', 'compare.json'), 'utf8')).pipeline).toBeUndefined();
    await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(fake.state.repo(FULL).comments[0]!.body).not.toContain('Pipeline');
  }, 60_000);

  it('does not ask for a dvc.lock when the pull request has none', async () => {
    fake = await startFakeGitHub();
    const s = seedWithLock(REAL_LOCK);
    const dir = checkout(null);
    const compared = await runDistAction('compare-metrics', {
      ...pullRequestRun(fake, s, dir),
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.exitCode).toBe(0);
    expect(compared.stdout).not.toContain('dvc.lock');
    expect(JSON.parse(readFileSync(join(dir, '.mlci', 'compare.json'), 'utf8')).pipeline).toBeUndefined();
  }, 60_000);

  it('a base dvc.lock that does not parse is a warning that names it; the comparison goes on', async () => {
    fake = await startFakeGitHub();
    const s = seedWithLock("schema: '2.0'\nstages:\n  train:\n    cmd: x\n    deps:\n    - md5: abc\n");
    const dir = checkout();
    const compared = await runDistAction('compare-metrics', {
      ...pullRequestRun(fake, s, dir),
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.exitCode).toBe(0);
    expect(compared.outputs.verdict).toBe('passed');
    expect(compared.stdout).toMatch(
      /::warning title=mlci%3A dvc\.lock not compared::The pipeline changes \(dvc\.lock against main@[0-9a-f]{7} \(merge base\):dvc\.lock\) are not shown: main@[0-9a-f]{7} \(merge base\):dvc\.lock:6:7: stages\.train\.deps\[0\]: expected a path/,
    );
  }, 60_000);
});
