import { statusOf, type GitHubClient } from './client.js';

/**
 * Reading many files of one commit in few requests: the commit's whole tree in one REST call
 * (`git/trees/{sha}?recursive=1`), then the blobs' text in one GraphQL query (one alias per blob).
 * Blobs GraphQL cannot give whole (binary, over 512,000 bytes, or text that is not UTF-8) come
 * from the REST blob API, up to its 100 MB. A baseline of a config, five seeds' metrics and a
 * predictions file is then 2 requests instead of 7 or more through the contents API.
 */

export interface TreeBlob {
  /** Relative, `/`-separated. */
  path: string;
  sha: string;
  size: number;
}

export interface CommitTree {
  blobs: TreeBlob[];
  /** Folders, for patterns that name folders (`runs/seed-*`). */
  folders: string[];
  /** GitHub returned part of the tree (over 100,000 entries or 7 MB): a path not listed may exist. */
  truncated: boolean;
}

/** The REST blob API's limit. */
export const MAX_BLOB_BYTES = 100 * 1024 * 1024;
/** GitHub's GraphQL `Blob.text` stops here (and says `isTruncated`). */
const GRAPHQL_TEXT_LIMIT = 512_000;
/** One query's share of text: GraphQL answers are kept well below a size that times out. */
const QUERY_BYTES = 8 * 1024 * 1024;
const QUERY_BLOBS = 100;
/** Formats that are binary by design go straight to the blob API. */
const BINARY_NAME =
  /(tfevents|\.(parquet|pb|npy|npz|pkl|pickle|db|sqlite3?|gz|zip|feather|arrow|h5|hdf5|png|jpe?g))$/i;

export async function commitTree(
  client: GitHubClient,
  options: { owner: string; repo: string; sha: string },
): Promise<CommitTree> {
  const { data } = await client.rest.git.getTree({
    owner: options.owner,
    repo: options.repo,
    tree_sha: options.sha,
    recursive: '1',
  });
  const blobs: TreeBlob[] = [];
  const folders: string[] = [];
  for (const entry of data.tree) {
    if (entry.path === undefined || entry.sha === undefined) continue;
    if (entry.type === 'blob') blobs.push({ path: entry.path, sha: entry.sha, size: entry.size ?? 0 });
    else if (entry.type === 'tree') folders.push(entry.path);
  }
  return { blobs, folders, truncated: data.truncated };
}

const BLOB_FIELDS = '... on Blob { oid byteSize isBinary isTruncated text }';

interface GraphqlBlob {
  oid: string;
  byteSize: number;
  isBinary: boolean | null;
  isTruncated: boolean;
  text: string | null;
}

/**
 * The contents of `blobs` (by their git sha), in as few requests as GraphQL allows; the rest
 * through the blob API. A blob GitHub does not have is an error: the tree just listed it.
 *
 * `expressions` (`mlci-history:summary.json`: a revision, a colon, a path) ride along in the first
 * query: each found is in the map under the expression itself; one that names nothing (no such
 * branch or file) is absent.
 */
export async function readBlobs(
  client: GitHubClient,
  options: { owner: string; repo: string; blobs: readonly TreeBlob[]; expressions?: readonly string[] },
): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const unique = [...new Map(options.blobs.map((b) => [b.sha, b])).values()];
  for (const blob of unique) {
    if (blob.size > MAX_BLOB_BYTES) {
      throw new Error(
        `${blob.path} is ${(blob.size / 1024 / 1024).toFixed(0)} MB; GitHub's API gives files up to 100 MB: keep metrics and predictions smaller, or take the baseline from an artifact`,
      );
    }
  }
  const viaRest: TreeBlob[] = [];
  const viaGraphql: TreeBlob[][] = [[]];
  let bytes = 0;
  for (const blob of unique) {
    if (blob.size > GRAPHQL_TEXT_LIMIT || BINARY_NAME.test(blob.path)) {
      viaRest.push(blob);
      continue;
    }
    let batch = viaGraphql[viaGraphql.length - 1]!;
    if (batch.length >= QUERY_BLOBS || (batch.length > 0 && bytes + blob.size > QUERY_BYTES)) {
      batch = [];
      viaGraphql.push(batch);
      bytes = 0;
    }
    batch.push(blob);
    bytes += blob.size;
  }
  const expressions = options.expressions ?? [];
  for (const [index, batch] of viaGraphql.entries()) {
    const asked = index === 0 ? expressions : [];
    if (batch.length === 0 && asked.length === 0) continue;
    const aliases = [
      ...batch.map((blob, i) => `b${i}: object(oid: "${blob.sha}") { ${BLOB_FIELDS} }`),
      ...asked.map((_, i) => `e${i}: object(expression: $e${i}) { ${BLOB_FIELDS} }`),
    ];
    const variables = asked.map((_, i) => `, $e${i}: String!`).join('');
    const answer = await client.graphql<{ repository: Record<string, GraphqlBlob | null> | null }>(
      `query($owner: String!, $repo: String!${variables}) { repository(owner: $owner, name: $repo) { ${aliases.join(' ')} } }`,
      {
        owner: options.owner,
        repo: options.repo,
        ...Object.fromEntries(asked.map((expression, i) => [`e${i}`, expression])),
      },
    );
    for (const [i, expression] of asked.entries()) {
      const found = answer.repository?.[`e${i}`];
      // null: no such revision or path. A tree there (`oid` but no text fields) is not a file.
      if (found === null || found === undefined || found.byteSize === undefined) continue;
      const text = found.text;
      if (
        text !== null &&
        found.isBinary !== true &&
        !found.isTruncated &&
        Buffer.byteLength(text) === found.byteSize
      )
        out.set(expression, Buffer.from(text, 'utf8'));
      else {
        if (found.byteSize > MAX_BLOB_BYTES)
          throw new Error(
            `${expression} is ${(found.byteSize / 1024 / 1024).toFixed(0)} MB; GitHub's API gives files up to 100 MB`,
          );
        const { data } = await client.rest.git.getBlob({
          owner: options.owner,
          repo: options.repo,
          file_sha: found.oid,
        });
        out.set(expression, Buffer.from(data.content, data.encoding === 'utf-8' ? 'utf8' : 'base64'));
      }
    }
    batch.forEach((blob, i) => {
      const found = answer.repository?.[`b${i}`];
      if (found === null || found === undefined) {
        viaRest.push(blob); // asked again, where a missing blob is a clear 404
        return;
      }
      // Text is whole only when it is not cut, not binary and was UTF-8 (its bytes come back equal).
      const text = found.text;
      const whole =
        text !== null &&
        found.isBinary !== true &&
        !found.isTruncated &&
        Buffer.byteLength(text) === found.byteSize;
      if (whole) out.set(blob.sha, Buffer.from(text, 'utf8'));
      else viaRest.push(blob);
    });
  }
  // A few at a time: hundreds of parallel requests are what secondary rate limits are for.
  const queue = [...viaRest];
  const worker = async (): Promise<void> => {
    for (let blob = queue.shift(); blob !== undefined; blob = queue.shift()) {
      const { data } = await client.rest.git.getBlob({
        owner: options.owner,
        repo: options.repo,
        file_sha: blob.sha,
      });
      out.set(blob.sha, Buffer.from(data.content, data.encoding === 'utf-8' ? 'utf8' : 'base64'));
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
  return out;
}

/** Whether an error is GitHub saying the commit is not there (as opposed to could not ask). */
export function isMissingCommit(error: unknown): boolean {
  const status = statusOf(error);
  return status === 404 || status === 422;
}
