// A token's permissions, as a workflow's `permissions:` block gives GITHUB_TOKEN (or a GitHub App
// its installation): which operations of the fake need which permission, and GitHub's 403 when the
// token lacks it.
import type { RepoState } from './state.js';

/** The permission names of a workflow's `permissions:` block (`pull-requests`, not `pull_requests`). */
export type Scope = 'actions' | 'checks' | 'contents' | 'issues' | 'pull-requests' | 'statuses';
export type Access = 'none' | 'read' | 'write';

/**
 * A `permissions:` block. As on GitHub, a scope it does not name is `none` (metadata, which the
 * repository and collaborator routes need, is always readable).
 */
export type Permissions = Partial<Record<Scope, Access>>;

/** Operations outside the `checks/`, `git/`, `pulls/`, `actions/` and `issues/` families, by permission. */
const BY_OPERATION: Record<string, Scope> = {
  'repos/create-commit-status': 'statuses',
  'repos/list-commit-statuses-for-ref': 'statuses',
  'repos/get-combined-status-for-ref': 'statuses',
  'repos/get-content': 'contents',
  'repos/create-or-update-file-contents': 'contents',
  'repos/get-commit': 'contents',
  'repos/get-branch': 'contents',
  'repos/compare-commits': 'contents',
  'repos/list-pull-requests-associated-with-commit': 'pull-requests',
};

/**
 * The permissions any one of which lets a token call `operationId` (GitHub's "Permissions required
 * for GitHub Apps"); undefined for operations that need only metadata. A comment on a pull request
 * may be written with `issues` or `pull-requests`; on an issue only with `issues`.
 */
export function scopesOf(
  operationId: string,
  repo: RepoState | undefined,
  params: Record<string, unknown>,
): Scope[] | undefined {
  const family = operationId.slice(0, operationId.indexOf('/'));
  if (family === 'checks') return ['checks'];
  if (family === 'git') return ['contents'];
  if (family === 'pulls') return ['pull-requests'];
  if (family === 'actions') return ['actions'];
  if (family === 'issues') {
    let n = params.issue_number === undefined ? undefined : Number(params.issue_number);
    if (n === undefined && params.comment_id !== undefined) {
      n = repo?.comments.find((c) => c.id === Number(params.comment_id))?.issueNumber;
    }
    const onPull = n !== undefined && repo?.pulls.some((p) => p.number === n) === true;
    return onPull ? ['issues', 'pull-requests'] : ['issues'];
  }
  const scope = BY_OPERATION[operationId];
  return scope === undefined ? undefined : [scope];
}

/**
 * Whether `permissions` let a request through: a write needs `write` of one of the scopes; a read
 * needs `read` or `write`, except on a public repository, which every token may read.
 */
export function allowed(
  permissions: Permissions,
  scopes: readonly Scope[],
  write: boolean,
  publicRepo: boolean,
): boolean {
  if (!write && publicRepo) return true;
  return scopes.some((scope) => {
    const access = permissions[scope] ?? 'none';
    return write ? access === 'write' : access !== 'none';
  });
}

/**
 * GitHub's `x-accepted-github-permissions` header: the sets of permissions that would do, separated
 * by `;` (GitHub changelog, 2023-08-10), with the App permission names (`pull_requests`).
 */
export function acceptedPermissionsHeader(scopes: readonly Scope[], write: boolean): string {
  return scopes.map((scope) => `${scope.replace(/-/g, '_')}=${write ? 'write' : 'read'}`).join('; ');
}
