import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { ConfigurationError } from '@mlci/core';
import { statusOf, type GitHubClient } from './client.js';
import { MAX_BLOB_BYTES } from './snapshot.js';
import { writeInside } from './baseline.js';

/**
 * A file or folder as committed at a commit, through the contents API: what a data table of the
 * base commit is when the clone does not have that commit (actions/checkout fetches one commit by
 * default). A file is one request (two past 1 MB); a folder is one request per folder listed and
 * one per file read, so the limits below keep it to a data table, not a checkout.
 */

/** Files of one folder table at most. */
export const MAX_FETCHED_FILES = 1000;
/** Bytes of one fetched table at most, files together; each file is also at most MAX_BLOB_BYTES. */
export const MAX_FETCHED_BYTES = 1024 * 1024 * 1024;
/** GitHub's contents API lists at most this many entries of one folder. */
const LISTING_LIMIT = 1000;
const MAX_DEPTH = 8;

export interface FetchedPath {
  /** Where the copy is on disk: its last segment keeps the original name (format detection). */
  path: string;
  kind: 'file' | 'folder';
  files: number;
  bytes: number;
  /** Entries not fetched, in words (symbolic links, submodules, `.`/`_` names). */
  skipped: string[];
}

export interface FetchPathOptions {
  owner: string;
  repo: string;
  /** A commit (or branch or tag). */
  ref: string;
  /** `/`-separated, relative to the repository's root. */
  path: string;
  /** Where the copy goes; default a new folder under the OS temp folder (pass RUNNER_TEMP). */
  workDir?: string;
  /** How the path is named in messages: `main@abc1234 (merge base):data/train.csv`. */
  label?: string;
}

/**
 * Copies `path` as committed at `ref` into a new folder; undefined when it does not exist there.
 * Over a limit is a ConfigurationError that names the path and says what to do instead; a request
 * that fails (an outage, a token without access) is thrown as it came: the caller decides what
 * "could not ask" means.
 */
export async function fetchPathAt(
  client: GitHubClient,
  options: FetchPathOptions,
): Promise<FetchedPath | undefined> {
  const path = options.path
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .replace(/^\/+|\/+$/g, '');
  const label = options.label ?? `${options.ref}:${path}`;
  const root = await mkdtemp(join(options.workDir ?? tmpdir(), 'mlci-path-at-'));
  const target = join(root, posix.basename(path) || 'root');
  const tooLarge = (what: string) =>
    new ConfigurationError(
      `${label}: ${what}, more than mlci fetches through GitHub's API (${MAX_FETCHED_FILES} files, ${MAX_FETCHED_BYTES / 1024 / 1024 / 1024} GB in all, ${MAX_BLOB_BYTES / 1024 / 1024} MB a file): fetch the base commit in the checkout (actions/checkout with fetch-depth: 0), which is read without these limits, or name a smaller reference`,
    );
  const fetched: FetchedPath = { path: target, kind: 'file', files: 0, bytes: 0, skipped: [] };
  const get = async (inside: string) => {
    try {
      return (
        await client.rest.repos.getContent({
          owner: options.owner,
          repo: options.repo,
          path: inside,
          ref: options.ref,
        })
      ).data;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  };
  const readFile = async (entry: { path: string; sha: string; size: number; content?: string }) => {
    if (entry.size > MAX_BLOB_BYTES)
      throw tooLarge(`${entry.path} is ${(entry.size / 1024 / 1024).toFixed(0)} MB`);
    if (fetched.files + 1 > MAX_FETCHED_FILES) throw tooLarge(`more than ${MAX_FETCHED_FILES} files`);
    if (fetched.bytes + entry.size > MAX_FETCHED_BYTES)
      throw tooLarge(`more than ${MAX_FETCHED_BYTES / 1024 / 1024 / 1024} GB`);
    let base64 = entry.content ?? '';
    // Files over 1 MB come without content, folder listings with none: read them as blobs (up to 100 MB).
    if (base64 === '' && entry.size > 0) {
      base64 = (
        await client.rest.git.getBlob({ owner: options.owner, repo: options.repo, file_sha: entry.sha })
      ).data.content;
    }
    const bytes = Buffer.from(base64, 'base64');
    fetched.files += 1;
    fetched.bytes += bytes.length;
    return bytes;
  };

  const top = await get(path);
  if (top === undefined) return undefined;
  if (!Array.isArray(top)) {
    if (top.type !== 'file')
      throw new ConfigurationError(`${label}: is a ${top.type}, expected a file or a folder`);
    await writeInside(root, posix.basename(path), await readFile(top));
    return fetched;
  }
  fetched.kind = 'folder';
  await mkdir(target, { recursive: true });
  const walk = async (folder: string, listing: typeof top, depth: number): Promise<void> => {
    if (listing.length >= LISTING_LIMIT)
      throw tooLarge(`${folder} lists ${listing.length} entries or more (GitHub's contents API stops there)`);
    for (const entry of [...listing].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const inside = entry.path.slice(path.length).replace(/^\/+/, '');
      // Spark's _SUCCESS, checksums and dotfiles: readTable skips them, so they are not fetched.
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      if (entry.type === 'dir') {
        if (depth >= MAX_DEPTH) {
          fetched.skipped.push(`${entry.path} (deeper than ${MAX_DEPTH} folders)`);
          continue;
        }
        const sub = await get(entry.path);
        if (Array.isArray(sub)) await walk(entry.path, sub, depth + 1);
        continue;
      }
      if (entry.type !== 'file') {
        fetched.skipped.push(`${entry.path} (a ${entry.type})`);
        continue;
      }
      // A listing has no contents: each file is one blob request, whatever its size.
      await writeInside(target, inside, await readFile(entry));
    }
  };
  await walk(path, top, 0);
  return fetched;
}
