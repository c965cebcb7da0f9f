import {
  messageOf,
  prunePushFolders,
  removeAssetsFolder,
  statusOf,
  type GitHubClient,
  type GitHubContext,
} from '@mlci/github';
import type { ActionIO } from '../../shared/src/io.js';
import { loggerOf } from '../../shared/src/io.js';

/**
 * Retention of the assets branch (docs/workflows.md, "What the branches hold"): a pull request's
 * charts live in `pr-<number>/` while it is open; the `pull_request: closed` run of the report
 * step removes the folder, and does nothing else (no comment, no check run: the pull request is
 * closed, and a check on it would only be noise).
 */

/** Whether this run is the closing of a pull request: report then only cleans up. */
export function isClosedPullRequest(context: GitHubContext): boolean {
  return context.event.kind === 'pull_request' && context.event.action === 'closed';
}

/**
 * Removes `pr-<number>/` from the assets branch. Never fails the step: a clean-up that could not
 * be done (no token, a read-only token, an outage past the retries) is a warning, since a closed
 * pull request's check must not turn red over it; the next closed pull request does not retry it,
 * and the folder can be deleted by hand.
 */
export async function cleanUpClosedPullRequest(
  io: ActionIO,
  options: {
    context: GitHubContext;
    client: GitHubClient | undefined;
    branch: string;
    uploadCharts: boolean;
  },
): Promise<void> {
  const { context, client } = options;
  if (context.event.kind !== 'pull_request') return;
  const folder = `pr-${context.event.number}`;
  if (!options.uploadCharts) {
    io.info(
      `Pull request #${context.event.number} closed; upload-charts is off, so there is nothing to remove.`,
    );
    return;
  }
  if (client === undefined) {
    io.warning(
      `Pull request #${context.event.number} closed: ${options.branch}:${folder} is not removed without a token.`,
    );
    return;
  }
  try {
    const result = await removeAssetsFolder(client, {
      owner: context.owner,
      repo: context.repo,
      branch: options.branch,
      folder,
      log: loggerOf(io),
    });
    if (!result.ok) io.warning(`${options.branch}:${folder} not removed: ${result.reason}.`);
    else if (result.removed === 0)
      io.info(
        `Pull request #${context.event.number} closed: ${options.branch} holds no ${folder}/, nothing to remove.`,
      );
    else
      io.info(
        `Pull request #${context.event.number} closed: removed ${folder}/ from ${options.branch} (${result.removed} files, ${Math.round(result.bytes / 1024)} KiB).`,
      );
  } catch (error) {
    const status = statusOf(error);
    io.warning(
      `${options.branch}:${folder} not removed (${status === undefined ? '' : `${status} `}${messageOf(error)}); delete the folder by hand, or leave it: it only costs space.`,
    );
  }
}

/**
 * After a push to the default branch uploaded its charts: removes the `<sha>/` folders older than
 * `assets-keep-days` (0 keeps them all) and dates the new one (github/src/assets.ts
 * prunePushFolders). Like the pull request's clean-up, never fails the step: the report is out,
 * and a folder left over only costs space until the next push removes it.
 */
export async function pruneDefaultBranchCharts(
  io: ActionIO,
  options: { context: GitHubContext; client: GitHubClient; branch: string; keepDays: number },
): Promise<void> {
  const { context, client, branch, keepDays } = options;
  if (keepDays === 0) return;
  if (context.event.kind !== 'push' || !context.event.toDefaultBranch) return;
  try {
    const result = await prunePushFolders(client, {
      owner: context.owner,
      repo: context.repo,
      branch,
      keepDays,
      log: loggerOf(io),
    });
    if (!result.ok) io.warning(`Old default branch charts not removed from ${branch}: ${result.reason}.`);
    else if (result.removedFolders.length > 0)
      io.info(
        `Removed ${result.removedFolders.length} default branch chart ${result.removedFolders.length === 1 ? 'folder' : 'folders'} older than ${keepDays} days from ${branch} (${result.removed} files, ${Math.round(result.bytes / 1024)} KiB); ${result.kept} kept.`,
      );
  } catch (error) {
    const status = statusOf(error);
    io.warning(
      `Old default branch charts not removed from ${branch} (${status === undefined ? '' : `${status} `}${messageOf(error)}); the next push to the default branch tries again.`,
    );
  }
}
