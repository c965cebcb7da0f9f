import { messageOf, type Logger, type GitHubClient } from './client.js';
import { isReadOnlyError } from './fork.js';
import { commitFilesInOneRequest, isGraphqlForbidden } from './git-data.js';

export const DEFAULT_ASSETS_BRANCH = 'mlci-assets';

export interface PublishAssetsOptions {
  owner: string;
  repo: string;
  /** GITHUB_SERVER_URL: the URLs returned point at it. */
  serverUrl: string;
  /** Default `mlci-assets`. */
  branch?: string;
  /** The first folder: `pr-12` for a pull request, the commit sha otherwise. */
  folder: string;
  /** The report id (`mlci`, `mlci/gpu`): reports of a matrix do not overwrite each other's charts. */
  reportId: string;
  /** Files by name (`curves-loss.png`). */
  files: { name: string; content: Uint8Array }[];
  message?: string;
  /** The assets branch's head, read earlier, while the caller did other work (see readBranchHeadEarly). */
  head?: Promise<string | undefined>;
  maxAttempts?: number;
  retryDelayMs?: number;
  log?: Logger;
}

export type PublishAssetsResult =
  | {
      ok: true;
      commitSha: string;
      /** File name -> a URL that renders in a comment and never changes (it names the commit). */
      urls: Record<string, string>;
    }
  | { ok: false; reason: string };

/**
 * Commits a report's images to the assets branch, one commit per report, and returns URLs that
 * render in pull-request comments: `/blob/<commit>/<path>?raw=true` works for private repositories
 * (for people who can read them) and is immutable, so an old comment keeps its old charts. When the
 * token may not write (a pull request from a fork), says so instead of throwing: the report then
 * points at the job summary and the artifact.
 */
export async function publishAssets(
  client: GitHubClient,
  options: PublishAssetsOptions,
): Promise<PublishAssetsResult> {
  const branch = options.branch ?? DEFAULT_ASSETS_BRANCH;
  const prefix = [...pathSegments(options.folder), ...pathSegments(options.reportId)].join('/');
  const files = options.files.map((f) => ({
    name: f.name,
    path: `${prefix}/${pathSegments(f.name).join('/')}`,
  }));
  try {
    const result = await commitFilesInOneRequest(client, {
      owner: options.owner,
      repo: options.repo,
      branch,
      files: options.files.map((f, i) => ({ path: files[i]!.path, content: f.content })),
      message: options.message ?? `mlci: charts for ${prefix}`,
      keepFiles: false,
      ...(options.head === undefined ? {} : { head: options.head }),
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
      ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
      ...(options.log === undefined ? {} : { log: options.log }),
    });
    const urls: Record<string, string> = {};
    for (const file of files) {
      urls[file.name] = assetUrl(options.serverUrl, options.owner, options.repo, result.commitSha, file.path);
    }
    return { ok: true, commitSha: result.commitSha, urls };
  } catch (error) {
    if (!isReadOnlyError(error) && !isGraphqlForbidden(error)) throw error;
    return {
      ok: false,
      reason: `the token may not push to the ${branch} branch (${messageOf(error)}); the charts are in the job summary and the run's artifact`,
    };
  }
}

/** `${serverUrl}/${owner}/${repo}/blob/<commit>/<path>?raw=true`, each path segment encoded. */
export function assetUrl(
  serverUrl: string,
  owner: string,
  repo: string,
  commitSha: string,
  path: string,
): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/blob/${commitSha}/${encoded}?raw=true`;
}

/**
 * Path segments safe in a git tree: no empty, `.` or `..` segments, no characters git or URLs trip
 * on. `mlci/gpu` stays two folders.
 */
export function pathSegments(name: string): string[] {
  const segments = name
    .split('/')
    .map((s) => s.replace(/[^A-Za-z0-9._-]/g, '_'))
    .filter((s) => s !== '' && s !== '.' && s !== '..');
  return segments.length === 0 ? ['_'] : segments;
}
