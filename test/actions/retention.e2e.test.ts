import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction, type RunOptions } from '../support/action-runner.js';
import { FULL, TOKEN, pullRequestRun, pushRun, seed, workspace } from '../support/pull-request-scenario.js';

// Issue #14, item 6: "The assets and history branches grow forever (about 0.5 MB per run)." The
// `pull_request: closed` run of report removes the pull request's folder from the assets branch,
// and posts nothing.
let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

/** The assets branch's tree at its head: files and bytes. */
function assetsTree(): { files: string[]; bytes: number } {
  const files = fake.state.files(FULL, 'mlci-assets');
  return { files: [...files.keys()].sort(), bytes: [...files.values()].reduce((n, b) => n + b.length, 0) };
}

/** The same pull request's `closed` event, in a job with no checkout (the workflows skip it). */
function closedRun(open: Omit<RunOptions, 'inputs'>): Omit<RunOptions, 'inputs'> {
  const payload = structuredClone(open.event.payload) as Record<string, unknown> & {
    pull_request: Record<string, unknown>;
  };
  payload.action = 'closed';
  Object.assign(payload.pull_request, { state: 'closed', merged: true });
  return {
    ...open,
    workspace: mkdtempSync(join(tmpdir(), 'mlci-closed-')),
    event: { ...open.event, payload },
  };
}

describe('a closed pull request leaves the assets branch', () => {
  it("removes the pull request's charts, posts nothing, and the branch's tree shrinks", async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const s = seed(fake);
    // Another pull request's charts, which must stay.
    fake.state.commit(FULL, {
      branch: 'mlci-assets',
      files: { 'pr-7/mlci/change-metrics.png': Buffer.alloc(20_000, 1) },
      message: 'pr-7',
    });
    const open = pullRequestRun(fake, s, workspace('{"accuracy": 0.915, "loss": 0.29, "f1": 0.885}'));
    await runDistAction('compare-metrics', { ...open });
    const reported = await runDistAction('report', { ...open });
    expect(reported.exitCode).toBe(0);
    const before = assetsTree();
    expect(before.files.filter((f) => f.startsWith(`pr-${s.pr.number}/`)).length).toBeGreaterThan(0);
    const comments = fake.state.repo(FULL).comments.length;
    const checks = fake.state.repo(FULL).checkRuns.length;

    const start = fake.requests.length;
    const closed = await runDistAction('report', { ...closedRun(open) });
    expect(closed.stderr).toBe('');
    expect(closed.exitCode).toBe(0);
    expect(closed.stdout).toMatch(
      new RegExp(
        `Pull request #${s.pr.number} closed: removed pr-${s.pr.number}/ from mlci-assets \\(\\d+ files, \\d+ KiB\\)`,
      ),
    );
    const after = assetsTree();
    expect(after.files).toEqual(['pr-7/mlci/change-metrics.png']);
    expect(after.bytes).toBeLessThan(before.bytes);
    // No comment, no check run on a closed pull request; three requests: the head, its tree, the commit.
    expect(fake.state.repo(FULL).comments).toHaveLength(comments);
    expect(fake.state.repo(FULL).checkRuns).toHaveLength(checks);
    expect(fake.requests.slice(start).map((r) => r.operationId)).toEqual([
      'git/get-ref',
      'git/get-tree',
      'graphql',
    ]);

    // Closed again (reopened and closed): nothing left to remove, nothing committed.
    const head = fake.state.repo(FULL).refs.get('refs/heads/mlci-assets');
    const again = await runDistAction('report', { ...closedRun(open) });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain(`mlci-assets holds no pr-${s.pr.number}/, nothing to remove`);
    expect(fake.state.repo(FULL).refs.get('refs/heads/mlci-assets')).toBe(head);
  }, 90_000);

  it("a fork's pull request: the pull_request_target clean-up (fork-safe-clean-up.yml) removes its folder", async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const s = seed(fake, { fork: true });
    fake.state.commit(FULL, {
      branch: 'mlci-assets',
      files: {
        [`pr-${s.pr.number}/mlci/change-metrics.png`]: Buffer.alloc(5_000, 1),
        'pr-7/mlci/change-metrics.png': Buffer.alloc(100, 1),
      },
      message: 'charts posted by fork-safe-post.yml',
    });
    const closed = closedRun(pullRequestRun(fake, s, workspace('{"accuracy": 0.915}')));
    // No checkout: the workspace is empty, as in the example workflow.
    const target = await runDistAction('report', {
      ...closed,
      event: { ...closed.event, name: 'pull_request_target' },
    });
    expect(target.stderr).toBe('');
    expect(target.exitCode).toBe(0);
    expect(target.stdout).toContain(`removed pr-${s.pr.number}/ from mlci-assets (1 files, 5 KiB)`);
    expect(assetsTree().files).toEqual(['pr-7/mlci/change-metrics.png']);
    expect(fake.state.repo(FULL).comments).toHaveLength(0);
  }, 90_000);

  it('a clean-up that fails is a warning, never a failed step', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const s = seed(fake);
    fake.state.commit(FULL, {
      branch: 'mlci-assets',
      files: { [`pr-${s.pr.number}/mlci/change-metrics.png`]: Buffer.alloc(100, 1) },
      message: 'charts',
    });
    const open = pullRequestRun(fake, s, workspace('{"accuracy": 0.915}'));
    fake.inject({ path: /\/git\/trees\//, status: 502, times: 20 });
    const closed = await runDistAction('report', { ...closedRun(open) });
    expect(closed.exitCode).toBe(0);
    expect(closed.stdout).toMatch(/::warning::mlci-assets:pr-1 not removed \(502 /);
    expect(assetsTree().files).toEqual([`pr-${s.pr.number}/mlci/change-metrics.png`]);
    fake.clearFaults();
  }, 90_000);
});

// Item 6, continued: the default branch's `<sha>/` folders were never removed. A push to main
// removes those past assets-keep-days (dated in pushes.json at the branch's root), after its upload.
describe("a push to the default branch removes main's charts past the retention", () => {
  const OLD = '1'.repeat(40);
  const UNDATED = '2'.repeat(40);
  const RECENT = '3'.repeat(40);
  /** Days before the run's own clock (the action's "now"): data, not an assertion on time. */
  const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();

  it("removes the old <sha>/ folders, keeps the recent and the undated ones and the pull requests'", async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    seed(fake);
    fake.state.commit(FULL, {
      branch: 'mlci-assets',
      files: {
        [`${OLD}/mlci/change-metrics.png`]: Buffer.alloc(30_000, 1),
        [`${OLD}/mlci/curves-loss.png`]: Buffer.alloc(30_000, 2),
        [`${UNDATED}/mlci/change-metrics.png`]: Buffer.alloc(1_000, 3),
        [`${RECENT}/mlci/change-metrics.png`]: Buffer.alloc(1_000, 4),
        'pr-7/mlci/change-metrics.png': Buffer.alloc(1_000, 5),
        'pushes.json': JSON.stringify({ version: 1, folders: { [OLD]: daysAgo(40), [RECENT]: daysAgo(5) } }),
      },
      message: 'earlier reports',
    });
    const main = fake.state.repo(FULL).refs.get('refs/heads/main')!;
    const before = assetsTree();
    const pushed = await runDistAction('report', {
      ...pushRun(fake, main, workspace('{"accuracy": 0.92, "loss": 0.28, "f1": 0.89}')),
      inputs: { 'assets-keep-days': '30', 'fail-on-gate': 'false' },
    });
    expect(pushed.stderr).toBe('');
    expect(pushed.exitCode).toBe(0);
    expect(pushed.stdout).toMatch(
      /Removed 1 default branch chart folder older than 30 days from mlci-assets \(2 files, 59 KiB\); 3 kept\./,
    );
    const after = assetsTree();
    expect(after.files.filter((f) => f.startsWith(`${OLD}/`))).toEqual([]);
    expect(after.files).toEqual(
      expect.arrayContaining([
        `${UNDATED}/mlci/change-metrics.png`,
        `${RECENT}/mlci/change-metrics.png`,
        'pr-7/mlci/change-metrics.png',
      ]),
    );
    // This push's own charts went up, and are dated for the next run.
    expect(after.files.some((f) => f.startsWith(`${main}/mlci/`))).toBe(true);
    const index = JSON.parse(fake.state.files(FULL, 'mlci-assets').get('pushes.json')!.toString('utf8')) as {
      folders: Record<string, string>;
    };
    expect(Object.keys(index.folders).sort()).toEqual([UNDATED, RECENT, main].sort());
    // Apart from this push's own charts, the head holds 60,000 bytes less: the old folder's.
    const files = fake.state.files(FULL, 'mlci-assets');
    const own = [...files].filter(([f]) => f.startsWith(`${main}/`) || f === 'pushes.json');
    const ownBytes = own.reduce((n, [, b]) => n + b.length, 0);
    const oldIndexBytes = before.files.includes('pushes.json')
      ? JSON.stringify({ version: 1, folders: { [OLD]: daysAgo(40), [RECENT]: daysAgo(5) } }).length
      : 0;
    expect(before.bytes - oldIndexBytes - (after.bytes - ownBytes)).toBe(60_000);
  }, 90_000);

  it('assets-keep-days: 0 keeps them all', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    seed(fake);
    fake.state.commit(FULL, {
      branch: 'mlci-assets',
      files: {
        [`${OLD}/mlci/change-metrics.png`]: Buffer.alloc(100, 1),
        'pushes.json': JSON.stringify({ version: 1, folders: { [OLD]: daysAgo(4000) } }),
      },
      message: 'earlier reports',
    });
    const main = fake.state.repo(FULL).refs.get('refs/heads/main')!;
    const pushed = await runDistAction('report', {
      ...pushRun(fake, main, workspace('{"accuracy": 0.92, "loss": 0.28, "f1": 0.89}')),
      inputs: { 'assets-keep-days': '0', 'fail-on-gate': 'false' },
    });
    expect(pushed.exitCode).toBe(0);
    expect(assetsTree().files).toContain(`${OLD}/mlci/change-metrics.png`);
  }, 90_000);
});
