import { silentLogger, statusOf, type GitHubClient, type Logger } from './client.js';

export interface FileToCommit {
  /** Path inside the branch, `/`-separated, no leading slash. */
  path: string;
  /** Null deletes the file (it must exist at the head the commit goes on). */
  content: Uint8Array | string | null;
}

export interface CommitFilesOptions {
  owner: string;
  repo: string;
  /** A branch name without `refs/heads/`; created (without history) when missing. */
  branch: string;
  files: FileToCommit[];
  /**
   * Files that depend on what the branch already holds (a summary of its files), made for the head
   * the commit goes on (undefined: the branch does not exist yet). Called again on the new head
   * whenever a concurrent writer moved the branch, so that writer's changes are read and kept,
   * never overwritten by a file made from an older head.
   */
  filesAtHead?: (head: string | undefined) => Promise<FileToCommit[]>;
  message: string;
  /**
   * Keep the files already on the branch (the history branch, read by path at its head). False
   * for the assets branch: its files are linked by commit SHA, so a commit needs only its own
   * files, and the request that reads the head commit's tree is saved.
   */
  keepFiles?: boolean;
  /**
   * The branch's head, read earlier (see readBranchHeadEarly), for the first attempt of
   * commitFilesInOneRequest: the read then overlaps the caller's work instead of preceding the
   * commit. A head that moved in between costs one retry, as any concurrent writer does.
   */
  head?: Promise<string | undefined>;
  /** Tries when a concurrent writer moved the branch between our read and our update; default 5. */
  maxAttempts?: number;
  /** Milliseconds to wait before a retry, times the attempt number; default 200. */
  retryDelayMs?: number;
  log?: Logger;
}

export interface CommitFilesResult {
  commitSha: string;
  /** True when this commit created the branch. */
  createdBranch: boolean;
  attempts: number;
}

/**
 * Adds files to a branch in one commit through the Git Data API (no checkout, no git binary):
 * blobs, a tree (on top of the branch's tree unless keepFiles is false), a commit whose parent is
 * the branch head (so every earlier commit stays reachable), then a
 * fast-forward of the ref. When another writer moved the ref first (409/422), the ref is read again
 * and the tree and commit rebuilt on the new head. A missing branch is created as an orphan.
 */
export async function commitFiles(
  client: GitHubClient,
  options: CommitFilesOptions,
): Promise<CommitFilesResult> {
  const { owner, repo, branch } = options;
  const log = options.log ?? silentLogger;
  const maxAttempts = options.maxAttempts ?? 5;
  const createBlobs = (files: readonly FileToCommit[]) =>
    Promise.all(
      files.map(async (file): Promise<{ path: string; sha: string | null }> => {
        const content = file.content;
        if (content === null) return { path: file.path, sha: null };
        const blob = await client.rest.git.createBlob(
          typeof content === 'string'
            ? { owner, repo, content, encoding: 'utf-8' }
            : { owner, repo, content: Buffer.from(content).toString('base64'), encoding: 'base64' },
        );
        return { path: file.path, sha: blob.data.sha };
      }),
    );
  const blobs = await createBlobs(options.files);
  // A null sha deletes the path from the base tree (a file, or a folder with everything in it).
  const entry = (b: { path: string; sha: string | null }) => ({
    path: b.path,
    mode: '100644' as const,
    type: 'blob' as const,
    sha: b.sha,
  });

  for (let attempt = 1; ; attempt++) {
    const head = await branchHead(client, owner, repo, branch);
    let baseTree: string | undefined;
    if (head !== undefined && options.keepFiles !== false) {
      baseTree = (await client.rest.git.getCommit({ owner, repo, commit_sha: head })).data.tree.sha;
    }
    const atHead =
      options.filesAtHead === undefined ? [] : await createBlobs(await options.filesAtHead(head));
    // Without a base tree there is nothing to delete.
    const tree = [...blobs, ...atHead].filter((b) => b.sha !== null || baseTree !== undefined).map(entry);
    const newTree = await client.rest.git.createTree({
      owner,
      repo,
      tree,
      ...(baseTree === undefined ? {} : { base_tree: baseTree }),
    });
    const commit = await client.rest.git.createCommit({
      owner,
      repo,
      message: options.message,
      tree: newTree.data.sha,
      parents: head === undefined ? [] : [head],
    });
    try {
      if (head === undefined) {
        await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.data.sha });
      } else {
        await client.rest.git.updateRef({
          owner,
          repo,
          ref: `heads/${branch}`,
          sha: commit.data.sha,
          force: false,
        });
      }
      return { commitSha: commit.data.sha, createdBranch: head === undefined, attempts: attempt };
    } catch (error) {
      const status = statusOf(error);
      if ((status !== 409 && status !== 422) || attempt >= maxAttempts) throw error;
      log.info(
        `Branch ${branch} moved while committing (${status}); retrying on its new head (attempt ${attempt + 1} of ${maxAttempts}).`,
      );
      await sleep((options.retryDelayMs ?? 200) * attempt);
    }
  }
}

/** The commit a branch points at, or undefined when the branch does not exist. */
export async function branchHead(
  client: GitHubClient,
  owner: string,
  repo: string,
  branch: string,
): Promise<string | undefined> {
  try {
    return (await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 409) return undefined;
    throw error;
  }
}

/**
 * Starts reading a branch's head now, for a commit made later (CommitFilesOptions.head). A failure
 * is kept for whoever awaits the result, never reported as an unhandled rejection meanwhile.
 */
export function readBranchHeadEarly(
  client: GitHubClient,
  owner: string,
  repo: string,
  branch: string,
): Promise<string | undefined> {
  const head = branchHead(client, owner, repo, branch);
  head.catch(() => {});
  return head;
}

function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}

const CREATE_COMMIT_ON_BRANCH = `mutation ($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    commit {
      oid
    }
  }
}`;

interface GraphqlFailure {
  errors?: Array<{ type?: string; message?: string }>;
  message?: string;
}

/** The GraphQL error types of a failed `client.graphql` call (empty for other errors). */
function graphqlErrorTypes(error: unknown): string[] {
  return ((error as GraphqlFailure).errors ?? []).map((e) => e.type ?? '');
}

/** A GraphQL answer that the token may not write (a fork's read-only GITHUB_TOKEN). */
export function isGraphqlForbidden(error: unknown): boolean {
  return graphqlErrorTypes(error).includes('FORBIDDEN');
}

/**
 * The same commit as commitFiles in two requests instead of four plus one per file: the branch's
 * head (REST), then GraphQL's `createCommitOnBranch` with every file in it, which checks that the
 * branch still points at that head (so a concurrent writer is detected, and the commit is redone
 * on the new head). A branch that does not exist yet, or a server without the mutation (an old
 * GitHub Enterprise Server), goes through the Git Data API (commitFiles).
 */
export async function commitFilesInOneRequest(
  client: GitHubClient,
  options: CommitFilesOptions,
): Promise<CommitFilesResult> {
  const { owner, repo, branch } = options;
  const log = options.log ?? silentLogger;
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const head =
      attempt === 1 && options.head !== undefined
        ? await options.head
        : await branchHead(client, owner, repo, branch);
    if (head === undefined) return commitFiles(client, options);
    const files = [
      ...options.files,
      ...(options.filesAtHead === undefined ? [] : await options.filesAtHead(head)),
    ];
    try {
      const result = await client.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(
        CREATE_COMMIT_ON_BRANCH,
        {
          input: {
            branch: { repositoryNameWithOwner: `${owner}/${repo}`, branchName: branch },
            expectedHeadOid: head,
            message: { headline: options.message },
            fileChanges: {
              additions: files.flatMap((file) =>
                file.content === null
                  ? []
                  : [{ path: file.path, contents: Buffer.from(file.content).toString('base64') }],
              ),
              deletions: files.filter((file) => file.content === null).map((file) => ({ path: file.path })),
            },
          },
        },
      );
      return { commitSha: result.createCommitOnBranch.commit.oid, createdBranch: false, attempts: attempt };
    } catch (error) {
      const types = graphqlErrorTypes(error);
      if (types.includes('STALE_DATA') && attempt < maxAttempts) {
        log.info(
          `Branch ${branch} moved while committing; retrying on its new head (attempt ${attempt + 1} of ${maxAttempts}).`,
        );
        await sleep((options.retryDelayMs ?? 200) * attempt);
        continue;
      }
      if (isGraphqlForbidden(error) || types.includes('STALE_DATA') || statusOf(error) === 403) throw error;
      log.info(
        `GraphQL createCommitOnBranch is not available here (${String((error as Error).message)}); using the Git Data API.`,
      );
      return commitFiles(client, options);
    }
  }
}
