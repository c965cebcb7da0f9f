import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction, type RunOptions } from '../support/action-runner.js';
import { FULL, TOKEN, pullRequestRun, seed, workspace } from '../support/pull-request-scenario.js';

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
