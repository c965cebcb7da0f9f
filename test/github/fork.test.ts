import { ConfigurationError } from '@mlci/core';
import type { GitHubContext, PullRequestEvent } from '../../packages/github/src/context.js';
import { assertForkSafe, isReadOnlyError } from '../../packages/github/src/fork.js';

const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

function prContext(event: Partial<PullRequestEvent>): GitHubContext {
  return {
    eventName: event.trigger ?? 'pull_request_target',
    owner: 'acme',
    repo: 'model',
    sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
    ref: 'refs/heads/main',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    event: {
      kind: 'pull_request',
      trigger: 'pull_request_target',
      number: 7,
      headSha: HEAD,
      headRef: 'feature',
      baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      baseRef: 'main',
      headRepo: 'someone/model',
      fork: true,
      labels: [],
      ...event,
    },
  };
}

describe('assertForkSafe', () => {
  test("pull_request_target running a fork's checked-out head is refused, with the two-workflow alternative", () => {
    const run = () => assertForkSafe(prContext({}), { checkedOutSha: HEAD, runsCode: true });
    expect(run).toThrow(ConfigurationError);
    expect(run).toThrow(/checked out the head of pull request #7 \(ec26c3e, from the fork someone\/model\)/);
    expect(run).toThrow(/one on `pull_request` .* one on `workflow_run`/);
  });

  test('everything else passes', () => {
    const safe: [GitHubContext, { checkedOutSha?: string; runsCode: boolean }][] = [
      // The base branch's code (the default checkout of pull_request_target).
      [prContext({}), { checkedOutSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e', runsCode: true }],
      // Reading files only (the report action), not running them.
      [prContext({}), { checkedOutSha: HEAD, runsCode: false }],
      // Same-repository pull requests: their authors can push anyway.
      [prContext({ fork: false, headRepo: 'acme/model' }), { checkedOutSha: HEAD, runsCode: true }],
      // pull_request from a fork has a read-only token.
      [prContext({ trigger: 'pull_request' }), { checkedOutSha: HEAD, runsCode: true }],
      [prContext({}), { runsCode: true }],
    ];
    for (const [context, facts] of safe) expect(() => assertForkSafe(context, facts)).not.toThrow();
  });
});

describe('isReadOnlyError', () => {
  // Shaped like Octokit's RequestError: a message and a numeric status.
  const error = (status: number, message: string) => Object.assign(new Error(message), { status });

  test('403 from a read-only token, not a rate limit, not other statuses', () => {
    expect(isReadOnlyError(error(403, 'Resource not accessible by integration'))).toBe(true);
    expect(isReadOnlyError(error(403, 'You have exceeded a secondary rate limit'))).toBe(false);
    expect(isReadOnlyError(error(404, 'Not Found'))).toBe(false);
    expect(isReadOnlyError(error(500, 'Server Error'))).toBe(false);
    expect(isReadOnlyError(new Error('403'))).toBe(false);
    expect(isReadOnlyError('403')).toBe(false);
  });
});
