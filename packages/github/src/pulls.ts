import type { GitHubClient } from './client.js';
import type { WorkflowRunEvent } from './context.js';

export interface PullRequestRef {
  number: number;
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
}

/**
 * The open pull request a `workflow_run` event's triggering run belongs to. GitHub fills
 * `workflow_run.pull_requests` only for branches of the same repository, so for forks the pull
 * request is looked up by its head (`owner:branch`), and only one whose head is still the run's
 * commit counts: a newer push makes the run's report stale.
 */
export async function findPullRequestForRun(
  client: GitHubClient,
  options: { owner: string; repo: string; run: WorkflowRunEvent['run'] },
): Promise<PullRequestRef | undefined> {
  const { run } = options;
  const listed = run.pullRequests.find((pr) => pr.headSha === run.headSha) ?? run.pullRequests[0];
  if (listed !== undefined) return listed;
  if (run.headBranch === undefined) return undefined;
  const headOwner = run.headRepo?.split('/')[0] ?? options.owner;
  const candidates = await client.paginate(client.rest.pulls.list, {
    owner: options.owner,
    repo: options.repo,
    head: `${headOwner}:${run.headBranch}`,
    state: 'open',
    per_page: 100,
  });
  const pr = candidates.find((p) => p.head.sha === run.headSha);
  if (pr === undefined) return undefined;
  return {
    number: pr.number,
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    baseSha: pr.base.sha,
    baseRef: pr.base.ref,
  };
}
