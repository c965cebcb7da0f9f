import { messageOf, type Logger, type GitHubClient } from './client.js';
import { isReadOnlyError } from './fork.js';
import { branchHead, commitFilesInOneRequest, isGraphqlForbidden, type FileToCommit } from './git-data.js';
import { commitTree, readBlobs, type TreeBlob } from './snapshot.js';

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

/**
 * The file at the assets branch's root that dates the default branch's `<sha>/` folders: a folder
 * name says which commit it charts, not when it was uploaded, and the tree has no dates.
 */
export const PUSHES_INDEX_FILE = 'pushes.json';

/** Default days a push's charts stay at the assets branch's head (`assets-keep-days`). */
export const DEFAULT_ASSETS_KEEP_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;
/** A push's folder: the full commit sha (pull requests' folders are `pr-<number>`). */
const PUSH_FOLDER = /^[0-9a-f]{40}$/;

interface PushesIndex {
  version: 1;
  /** `<sha>` -> when it was first seen on the branch (ISO 8601). */
  folders: Record<string, string>;
}

/**
 * Which push folders have expired: pure, so the rule is tested without a branch. A folder missing
 * from the index (uploaded before the index existed, or by hand) is dated `now`: it is kept a full
 * retention from the first run that sees it, never removed on a guess. An unreadable date counts
 * as missing.
 */
export function expiredPushFolders(
  folders: readonly string[],
  index: Readonly<Record<string, string>>,
  options: { now: Date; keepDays: number },
): { expired: string[]; kept: Record<string, string> } {
  const cutoff = options.now.getTime() - options.keepDays * DAY_MS;
  const expired: string[] = [];
  const kept: Record<string, string> = {};
  for (const folder of [...new Set(folders)].sort()) {
    const recorded = index[folder];
    const time = recorded === undefined ? Number.NaN : Date.parse(recorded);
    if (Number.isNaN(time)) kept[folder] = options.now.toISOString();
    else if (time < cutoff) expired.push(folder);
    else kept[folder] = recorded!;
  }
  return { expired, kept };
}

/** The index's folders; anything else (no file, not JSON, another shape) reads as empty. */
export function parsePushesIndex(text: string | undefined): Record<string, string> {
  if (text === undefined) return {};
  try {
    const parsed = JSON.parse(text) as Partial<PushesIndex> | null;
    const folders = parsed?.folders;
    if (typeof folders !== 'object' || folders === null || Array.isArray(folders)) return {};
    return Object.fromEntries(
      Object.entries(folders).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

export interface PrunePushFoldersOptions {
  owner: string;
  repo: string;
  /** Default `mlci-assets`. */
  branch?: string;
  /** Days a push's `<sha>/` folder stays at the head, from the first run that saw it. */
  keepDays: number;
  /** Injected by tests; default the current time. */
  now?: Date;
  maxAttempts?: number;
  retryDelayMs?: number;
  log?: Logger;
}

export type PrunePushFoldersResult =
  | {
      ok: true;
      /** The `<sha>` folders removed, sorted. */
      removedFolders: string[];
      /** Files removed and their bytes. */
      removed: number;
      bytes: number;
      /** The push folders still at the head. */
      kept: number;
      /** Undefined when nothing changed and nothing was committed. */
      commitSha?: string;
    }
  | { ok: false; reason: string };

/**
 * Removes the default branch's `<sha>/` folders older than keepDays from the assets branch, and
 * dates the new ones in `pushes.json`, in one commit on top of the head (its tree listed, the index
 * read, createCommitOnBranch), after the push's own upload. The same compare-and-swap as
 * removeAssetsFolder: when another report moved the branch first, the tree and the index are read
 * again at the new head and the commit redone. Pull requests' `pr-<number>/` folders are left to
 * their `closed` run.
 *
 * Why days and not a count of commits: nothing reads a `<sha>/` folder at the head. Comments,
 * check runs and job summaries link each chart by the assets commit that added it
 * (`/blob/<commit>/...`), which stays in the branch's history, and trend charts are drawn from the
 * history branch's records; so removal only bounds the head's size, and days bound it the same
 * whether the team pushes twice a day or twice a month.
 */
export async function prunePushFolders(
  client: GitHubClient,
  options: PrunePushFoldersOptions,
): Promise<PrunePushFoldersResult> {
  const branch = options.branch ?? DEFAULT_ASSETS_BRANCH;
  const { owner, repo } = options;
  const now = options.now ?? new Date();
  let outcome = { removedFolders: [] as string[], removed: 0, bytes: 0, kept: 0 };
  const changesAt = async (head: string | undefined): Promise<FileToCommit[]> => {
    outcome = { removedFolders: [], removed: 0, bytes: 0, kept: 0 };
    if (head === undefined) return [];
    const tree = await commitTree(client, { owner, repo, sha: head });
    const folders = tree.blobs.map((b) => b.path.split('/')[0]!).filter((f) => PUSH_FOLDER.test(f));
    const indexBlob = tree.blobs.find((b) => b.path === PUSHES_INDEX_FILE);
    const indexText =
      indexBlob === undefined
        ? undefined
        : (await readBlobs(client, { owner, repo, blobs: [indexBlob] })).get(indexBlob.sha)?.toString('utf8');
    const before = parsePushesIndex(indexText);
    const { expired, kept } = expiredPushFolders(folders, before, { now, keepDays: options.keepDays });
    const gone = new Set(expired);
    const deleted = tree.blobs.filter((b) => gone.has(b.path.split('/')[0]!));
    outcome = {
      removedFolders: expired,
      removed: deleted.length,
      bytes: deleted.reduce((sum, b) => sum + b.size, 0),
      kept: Object.keys(kept).length,
    };
    const index = `${JSON.stringify({ version: 1, folders: kept } satisfies PushesIndex, null, 2)}\n`;
    if (deleted.length === 0 && index === indexText) return [];
    return [
      ...deleted.map((b) => ({ path: b.path, content: null })),
      { path: PUSHES_INDEX_FILE, content: index },
    ];
  };
  try {
    const head = await branchHead(client, owner, repo, branch);
    const first = await changesAt(head);
    if (head === undefined || first.length === 0) return { ok: true, ...outcome };
    let attempt = 0;
    const result = await commitFilesInOneRequest(client, {
      owner,
      repo,
      branch,
      files: [],
      filesAtHead: async (at) => (attempt++ === 0 && at === head ? first : changesAt(at)),
      keepFiles: true,
      head: Promise.resolve(head),
      message:
        outcome.removedFolders.length === 0
          ? 'mlci: date the default branch charts'
          : `mlci: remove ${outcome.removedFolders.length} default branch chart folders older than ${options.keepDays} days`,
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
      ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
      ...(options.log === undefined ? {} : { log: options.log }),
    });
    return { ok: true, ...outcome, commitSha: result.commitSha };
  } catch (error) {
    if (!isReadOnlyError(error) && !isGraphqlForbidden(error)) throw error;
    return {
      ok: false,
      reason: `the token may not push to the ${branch} branch (${messageOf(error)}); grant \`contents: write\``,
    };
  }
}
