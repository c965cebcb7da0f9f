import type { WorkflowRunEvent } from '../../packages/github/src/context.js';
import { findPullRequestForRun } from '../../packages/github/src/pulls.js';
import { FULL_NAME, OWNER, REPO, fakeClient, useFakeGitHub } from './helpers.js';

describe('findPullRequestForRun against the fake GitHub', () => {
  const fake = useFakeGitHub();

  function seedFork() {
    const { state } = fake();
    state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
    const base = state.commit(FULL_NAME, { branch: 'main', files: { 'metrics.json': '{}' } });
    state.addRepo({ owner: 'someone', repo: REPO, fork: FULL_NAME });
    const head = state.commit(`someone/${REPO}`, {
      branch: 'patch-1',
      parents: [base],
      files: { 'a.py': '1' },
    });
    const pr = state.addPullRequest(FULL_NAME, {
      head: { ref: 'patch-1', sha: head, repo: `someone/${REPO}` },
      base: { ref: 'main' },
    });
    return { head, pr };
  }

  const run = (headSha: string, extra: Partial<WorkflowRunEvent['run']> = {}): WorkflowRunEvent['run'] => ({
    id: 1,
    headSha,
    headBranch: 'patch-1',
    event: 'pull_request',
    conclusion: 'success',
    headRepo: `someone/${REPO}`,
    fork: true,
    pullRequests: [],
    ...extra,
  });

  test('a run from a fork (no pull_requests in the event) is matched by owner:branch and head sha', async () => {
    const { head, pr } = seedFork();
    const found = await findPullRequestForRun(fakeClient(fake()), {
      owner: OWNER,
      repo: REPO,
      run: run(head),
    });
    expect(found).toEqual({
      number: pr.number,
      headSha: head,
      headRef: 'patch-1',
      baseSha: pr.base.sha,
      baseRef: 'main',
    });
    const list = fake().requests.find((r) => r.operationId === 'pulls/list');
    expect(list!.query).toMatchObject({ head: 'someone:patch-1', state: 'open' });
  });

  test('a pull request that moved on to a newer head is not the run’s', async () => {
    seedFork();
    const found = await findPullRequestForRun(fakeClient(fake()), {
      owner: OWNER,
      repo: REPO,
      run: run('0'.repeat(40)),
    });
    expect(found).toBeUndefined();
  });

  test('pull requests listed in the event are used without a request', async () => {
    const listed = {
      number: 3,
      headSha: 'a'.repeat(40),
      headRef: 'x',
      baseSha: 'b'.repeat(40),
      baseRef: 'main',
    };
    const found = await findPullRequestForRun(fakeClient(fake()), {
      owner: OWNER,
      repo: REPO,
      run: run('a'.repeat(40), { pullRequests: [listed], fork: false }),
    });
    expect(found).toBe(listed);
    expect(fake().requests).toHaveLength(0);
  });
});
