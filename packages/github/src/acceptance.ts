import type { Acceptance } from '@mlci/core';
import { messageOf, statusOf, type GitHubClient } from './client.js';
import type { PullRequestEvent } from './context.js';

/** The label a maintainer adds to accept a pull request's known regressions. */
export const DEFAULT_ACCEPT_LABEL = 'mlci: accept regression';

/** Roles that may accept a regression: those who may merge. */
const WRITERS = new Set(['admin', 'maintain', 'write']);

export interface AcceptanceResult {
  accepted?: Acceptance;
  /** Why the label, present, does not accept (for the log and the report). */
  note?: string;
}

/**
 * Whether a maintainer accepted the regressions of this pull request's head with `label`.
 *
 * Only the run that adding the label triggered accepts (a `labeled` event for that label), for the
 * head the pull request had then: a later push is judged afresh, so accepting one regression never
 * waves through the next one. The person who added the label must have write permission, asked of
 * GitHub (the collaborator permission API), never taken from the payload. Removing the label runs
 * the workflow again (`unlabeled`) and the gates decide as usual.
 */
export async function findAcceptance(
  client: GitHubClient,
  options: { owner: string; repo: string; event: PullRequestEvent; label: string },
): Promise<AcceptanceResult> {
  const { event, label } = options;
  if (!event.labels.includes(label) && event.label !== label) return {};
  if (event.action !== 'labeled' || event.label !== label || event.sender === undefined) {
    return {
      note: `the label "${label}" was added for an earlier state of this pull request: add it again to accept the regressions of ${event.headSha.slice(0, 7)}`,
    };
  }
  try {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({
      owner: options.owner,
      repo: options.repo,
      username: event.sender,
    });
    const role = data.role_name ?? data.permission;
    if (!WRITERS.has(role) && !WRITERS.has(data.permission)) {
      return {
        note: `the label "${label}" was added by @${event.sender}, who may not write to this repository (${role}): only a maintainer can accept a regression`,
      };
    }
    return { accepted: { by: event.sender, label, head: event.headSha } };
  } catch (error) {
    const status = statusOf(error);
    return {
      note: `the label "${label}" could not be checked: the permission of @${event.sender} could not be read (${status === undefined ? '' : `${status} `}${messageOf(error)}); re-run the job`,
    };
  }
}
