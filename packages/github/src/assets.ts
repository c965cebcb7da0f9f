import { messageOf, type Logger, type GitHubClient } from './client.js';
import { isReadOnlyError } from './fork.js';
import { branchHead, commitFilesInOneRequest, isGraphqlForbidden, type FileToCommit } from './git-data.js';
import { commitTree, type TreeBlob } from './snapshot.js';

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

export interface RemoveAssetsFolderOptions {
  owner: string;
  repo: string;
  /** Default `mlci-assets`. */
  branch?: string;
  /** The first folder to remove with everything in it: `pr-12`. */
  folder: string;
  message?: string;
  maxAttempts?: number;
  retryDelayMs?: number;
  log?: Logger;
}

export type RemoveAssetsFolderResult =
  | {
      ok: true;
      /** Files removed (0: the folder was not on the branch, and nothing was committed). */
      removed: number;
      /** Their bytes: what the branch's tree no longer holds. */
      bytes: number;
      commitSha?: string;
    }
  | { ok: false; reason: string };

/**
 * Removes a closed pull request's charts from the assets branch, in one commit on top of the
 * branch's head: the head, its tree listed once, then createCommitOnBranch with a deletion per
 * file, which checks that the branch still points at that head. When another report moved it
 * first, the tree is listed again at the new head (a report of the same pull request may have
 * added files meanwhile) and the commit redone, so a concurrent writer is never overwritten. Old
 * comments keep their charts: their links name commits, which stay in the branch's history.
 */
export async function removeAssetsFolder(
  client: GitHubClient,
  options: RemoveAssetsFolderOptions,
): Promise<RemoveAssetsFolderResult> {
  const branch = options.branch ?? DEFAULT_ASSETS_BRANCH;
  const { owner, repo } = options;
  const folder = pathSegments(options.folder).join('/');
  let listed: TreeBlob[] = [];
  const underFolder = async (head: string | undefined): Promise<FileToCommit[]> => {
    if (head === undefined) return (listed = []);
    const tree = await commitTree(client, { owner, repo, sha: head });
    listed = tree.blobs.filter((b) => b.path.startsWith(`${folder}/`));
    return listed.map((b) => ({ path: b.path, content: null }));
  };
  try {
    const head = await branchHead(client, owner, repo, branch);
    // Listed once here to learn whether there is anything to do; again only if the head moves.
    const first = await underFolder(head);
    if (head === undefined || first.length === 0) return { ok: true, removed: 0, bytes: 0 };
    let attempt = 0;
    const result = await commitFilesInOneRequest(client, {
      owner,
      repo,
      branch,
      files: [],
      filesAtHead: async (at) => (attempt++ === 0 && at === head ? first : underFolder(at)),
      // The Git Data fallback keeps the rest of the tree and deletes from it.
      keepFiles: true,
      head: Promise.resolve(head),
      message: options.message ?? `mlci: remove ${folder} (pull request closed)`,
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
      ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
      ...(options.log === undefined ? {} : { log: options.log }),
    });
    return {
      ok: true,
      removed: listed.length,
      bytes: listed.reduce((sum, b) => sum + b.size, 0),
      commitSha: result.commitSha,
    };
  } catch (error) {
    if (!isReadOnlyError(error) && !isGraphqlForbidden(error)) throw error;
    return {
      ok: false,
      reason: `the token may not push to the ${branch} branch (${messageOf(error)}); grant \`contents: write\``,
    };
  }
}
