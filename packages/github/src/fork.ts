import { ConfigurationError } from '@mlci/core';
import type { GitHubContext } from './context.js';
import { statusOf } from './client.js';

export interface CheckoutFacts {
  /** The commit the workspace holds, when the caller knows it (`git rev-parse HEAD`). */
  checkedOutSha?: string;
  /** The action is about to run user code (the train action), not only read files. */
  runsCode: boolean;
}

/**
 * Refuses the one setup that hands a fork's author the repository's write token: a
 * `pull_request_target` workflow (which runs with a write token and secrets) that checked out the
 * pull request's head and runs its code. Returns without a word for everything else.
 */
export function assertForkSafe(context: GitHubContext, facts: CheckoutFacts): void {
  const event = context.event;
  if (event.kind !== 'pull_request' || event.trigger !== 'pull_request_target') return;
  if (!event.fork || !facts.runsCode) return;
  if (facts.checkedOutSha === undefined || facts.checkedOutSha !== event.headSha) return;
  throw new ConfigurationError(
    `this pull_request_target workflow checked out the head of pull request #${event.number} ` +
      `(${event.headSha.slice(0, 7)}, from the fork ${event.headRepo ?? '(deleted)'}) and is about to run its code ` +
      'with a token that can write to this repository and read its secrets: anyone who opens a pull request ' +
      'could take over the repository. Use two workflows instead: one on `pull_request` that trains, ' +
      'evaluates and uploads the results as an artifact with a read-only token, and one on `workflow_run` ' +
      'that downloads the artifact and posts the report without checking out any code from the fork. ' +
      'See docs/github.md ("Pull requests from forks").',
  );
}

/**
 * Whether an error means the token may not write here: a `pull_request` run from a fork, or a
 * workflow without `permissions:` for checks, statuses, contents or pull requests. Rate limits are
 * 403s too, but those are retried by the client and never end up here as "read-only".
 */
export function isReadOnlyError(error: unknown): boolean {
  if (statusOf(error) !== 403) return false;
  const message = error instanceof Error ? error.message : '';
  return !/rate limit/i.test(message);
}
