import { execFileSync } from 'node:child_process';
import { assertForkSafe, type GitHubContext } from '@mlci/github';

/**
 * Refuses the `pull_request_target` + checkout-of-the-fork pattern before anything runs: the
 * workspace's HEAD is the pull request's head commit from a fork, and this job holds a write
 * token. The metrics any step reads there were produced by the fork's code.
 */
export function refuseForkCheckoutWithWriteToken(
  context: GitHubContext,
  workspace: string | undefined,
): void {
  if (context.event.kind !== 'pull_request' || context.event.trigger !== 'pull_request_target') return;
  let head: string | undefined;
  try {
    head = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: workspace ?? process.cwd(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    head = undefined; // no checkout at all: nothing of the fork's runs here
  }
  assertForkSafe(context, { runsCode: true, ...(head !== undefined ? { checkedOutSha: head } : {}) });
}
