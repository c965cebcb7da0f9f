import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';
import {
  ConfigurationError,
  DEFAULT_REPORT_ID,
  MAX_REPEATS,
  matchRuns,
  normalizePattern,
  type PathEntry,
} from '@mlci/core';
import { messageOf, silentLogger, statusOf, type GitHubClient, type Logger } from './client.js';
import { isReadOnlyError } from './fork.js';
import { pathSegments } from './assets.js';
import { commitFiles } from './git-data.js';
import { commitTree, readBlobs, type TreeBlob } from './snapshot.js';

export type BaselineSource = 'contents' | 'artifact' | 'history' | 'path';

export const DEFAULT_BASELINE_SOURCES: readonly BaselineSource[] = [
  'contents',
  'artifact',
  'history',
  'path',
];
export const DEFAULT_HISTORY_BRANCH = 'mlci-history';
export const DEFAULT_BASELINE_ARTIFACT = 'mlci-results';

/** Files fetched from one folder at most: a baseline is a handful of metrics files, not a dataset. */
const MAX_FILES = 500;

export interface FindBaselineOptions {
  owner: string;
  repo: string;
  /** The pull request's base: its branch and the commit the event names. */
  base: { ref: string; sha: string };
  /** The pull request's head commit: with it, the merge base is tried before the base commit. */
  headSha?: string;
  /** Sources in the order they are tried; default contents, artifact, history, path. */
  sources?: readonly BaselineSource[];
  /** Metrics files or folders in the repository, for the contents source. */
  paths?: readonly string[];
  /**
   * Path patterns whose every match is one run (seeds, folds), instead of `paths`: the contents
   * source fetches every match at the commit (config/repeats.ts); the other sources hold them too.
   */
  repeats?: readonly string[];
  /**
   * Files fetched with the metrics from the contents source when they exist, without counting as
   * metrics: the per-example predictions, the config. They land in the same folder (see
   * BaselineResult.snapshots).
   */
  alsoFetch?: readonly string[];
  /**
   * Files of other revisions read in the contents source's first query (`mlci-history:summary.json`),
   * so they cost no request of their own; see BaselineResult.expressions.
   */
  alsoFetchExpressions?: readonly string[];
  /** The artifact the base branch's workflow uploads; default `mlci-results`. */
  artifactName?: string;
  /** Only runs of this workflow file (`ci.yml`) count for the artifact source. */
  workflow?: string;
  /** Default `mlci-history`. */
  historyBranch?: string;
  /** The report whose history is looked up (see historyPath); default `mlci`. */
  reportId?: string;
  /** A folder or file on disk the user gave as the baseline, for the path source. */
  path?: string;
  /** Where fetched files are written; default a new folder under the OS temp folder (pass RUNNER_TEMP). */
  workDir?: string;
  log?: Logger;
}

export interface BaselineAttempt {
  source: BaselineSource;
  /** What was looked at: `main@abc1234 (merge base)`. */
  label: string;
  found: boolean;
  /** What happened: `found metrics.json`, `metrics.json not found`, `no successful run`. */
  detail: string;
  /** `contents: main@abc1234 (merge base): found metrics.json`, for the report. */
  text: string;
}

export interface FoundBaseline {
  source: BaselineSource;
  /** `main@abc1234 (merge base)`. */
  label: string;
  /** The commit the baseline belongs to (undefined for a local path). */
  sha?: string;
  /**
   * A folder holding the files: for `contents` it mirrors the repository (the configured paths
   * resolve against it); for `artifact` it holds the unzipped artifact; for `history` one `<sha>.json`.
   */
  dir: string;
  /** Every file fetched, as absolute paths. */
  files: string[];
}

/** A request that could not be answered (5xx, timeout, rate limit past the retries, 401/403): not "not there". */
export interface BaselineFailure {
  /** What was being asked: `contents: main@abc1234 (merge base)`, `the merge base of ...`. */
  what: string;
  status?: number;
  message: string;
  /** `contents: main@abc1234 (merge base): 502 Server Error`, for the report. */
  text: string;
}

export interface BaselineResult {
  found?: FoundBaseline;
  /** Every source tried, in order, with what it found or why not. */
  attempts: BaselineAttempt[];
  /**
   * Requests that failed rather than found nothing. Without a baseline, any failure means the
   * baseline could not be fetched: the comparison must fail, not turn neutral ("no baseline").
   */
  failures: BaselineFailure[];
  /** The commits looked at, the merge base first (empty when only a local path was tried). */
  commits: Array<{ sha: string; label: string }>;
  /**
   * Each commit whose files the contents source fetched: the folder mirroring the repository and
   * which of `alsoFetch` exist there (written in the folder), so the caller reads the base's config
   * without asking again.
   */
  snapshots: ContentsSnapshot[];
  /**
   * `alsoFetchExpressions` as read, when the contents source ran: the content, or null when the
   * revision or path does not exist. An expression not in the map was not asked.
   */
  expressions: Map<string, Buffer | null>;
}

export interface ContentsSnapshot {
  sha: string;
  dir: string;
  /** The paths of `alsoFetch` present at that commit. */
  present: string[];
}

interface Candidate {
  sha: string;
  label: string;
}

/**
 * Finds the metrics a pull request is compared with. Each source is tried in order, at the merge
 * base first and then at the base commit, until one has files; every attempt is recorded so the
 * report can say where the baseline came from, or everywhere it was looked for.
 */
export async function findBaseline(
  client: GitHubClient,
  options: FindBaselineOptions,
): Promise<BaselineResult> {
  const log = options.log ?? silentLogger;
  const sources = options.sources ?? DEFAULT_BASELINE_SOURCES;
  for (const source of sources) {
    if (!DEFAULT_BASELINE_SOURCES.includes(source)) {
      throw new ConfigurationError(
        `baseline source ${JSON.stringify(source)} is unknown: expected some of ${DEFAULT_BASELINE_SOURCES.join(', ')}`,
      );
    }
  }
  const paths = (options.paths ?? []).map(repositoryPath);
  const repeats = (options.repeats ?? []).map((p) => normalizePattern(p));
  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), 'mlci-baseline-')));
  const attempts: BaselineAttempt[] = [];
  const failures: BaselineFailure[] = [];
  const snapshots: ContentsSnapshot[] = [];
  const expressions = new Map<string, Buffer | null>();
  const record = (source: BaselineSource, label: string, found: boolean, detail: string) => {
    const attempt = { source, label, found, detail, text: `${source}: ${label}: ${detail}` };
    attempts.push(attempt);
    log.info(`Baseline ${attempt.text}`);
  };
  const fail = (what: string, error: unknown): BaselineFailure => {
    const failure = failureOf(what, error);
    failures.push(failure);
    return failure;
  };

  let candidates: Candidate[] | undefined;
  const commits = async () => (candidates ??= await baseCommits(client, options, log, fail));

  for (const source of sources) {
    if (source === 'path') {
      if (options.path === undefined) continue;
      const dir = resolve(options.path);
      if (existsSync(dir)) {
        record('path', options.path, true, 'found');
        return {
          found: { source, label: options.path, dir, files: [dir] },
          attempts,
          failures,
          commits: candidates ?? [],
          snapshots,
          expressions,
        };
      }
      record('path', options.path, false, 'does not exist');
      continue;
    }
    if (source === 'contents' && paths.length === 0 && repeats.length === 0) continue;
    for (const candidate of await commits()) {
      const dir = join(workDir, `${source}-${candidate.sha.slice(0, 12)}`);
      try {
        const outcome =
          source === 'contents'
            ? await fromContents(client, options, candidate, { paths, repeats }, dir, snapshots, expressions)
            : source === 'artifact'
              ? await fromArtifact(client, options, candidate, dir)
              : await fromHistory(client, options, candidate, dir);
        record(source, candidate.label, outcome.files.length > 0, outcome.detail);
        if (outcome.files.length > 0) {
          return {
            found: { source, label: candidate.label, sha: candidate.sha, dir, files: outcome.files },
            attempts,
            failures,
            commits: candidates ?? [],
            snapshots,
            expressions,
          };
        }
      } catch (error) {
        if (error instanceof ConfigurationError) throw error;
        // One source failing (permissions, an outage past the retries) must not hide the others,
        // and must not pass for "not there" either: without a baseline it fails the comparison.
        const failure = fail(`${source}: ${candidate.label}`, error);
        record(source, candidate.label, false, `failed: ${failure.text.slice(failure.what.length + 2)}`);
      }
    }
  }
  return { attempts, failures, commits: candidates ?? [], snapshots, expressions };
}

/**
 * The commits findBaseline would look at (the merge base first, then the base commit), without
 * looking for metrics there: for a comparison that has none (compare-metrics comparing data
 * alone), which still reads the base's rules and data at the merge base. `failures`: the merge
 * base could not be asked (the base commit is still returned).
 */
export async function findBaseCommits(
  client: GitHubClient,
  options: Pick<FindBaselineOptions, 'owner' | 'repo' | 'base' | 'headSha' | 'log'>,
): Promise<{ commits: Array<{ sha: string; label: string }>; failures: BaselineFailure[] }> {
  const failures: BaselineFailure[] = [];
  const commits = await baseCommits(client, options, options.log ?? silentLogger, (what, error) => {
    const failure = failureOf(what, error);
    failures.push(failure);
    return failure;
  });
  return { commits, failures };
}

function failureOf(what: string, error: unknown): BaselineFailure {
  const status = statusOf(error);
  const message = messageOf(error);
  return {
    what,
    message,
    text: `${what}: ${status === undefined ? '' : `${status} `}${message}`,
    ...(status !== undefined ? { status } : {}),
  };
}

/**
 * A text file as committed at `ref`, or undefined when it does not exist there. Anything but a
 * 404 (an outage, a token without access) is thrown: the caller decides what "could not ask" means.
 */
export async function fileAt(
  client: GitHubClient,
  options: { owner: string; repo: string; ref: string; path: string },
): Promise<string | undefined> {
  let data;
  try {
    data = (await client.rest.repos.getContent(options)).data;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
  if (Array.isArray(data) || data.type !== 'file') return undefined;
  let base64 = 'content' in data ? data.content : '';
  if (base64 === '' && data.size > 0) {
    base64 = (await client.rest.git.getBlob({ owner: options.owner, repo: options.repo, file_sha: data.sha }))
      .data.content;
  }
  return Buffer.from(base64, 'base64').toString('utf8');
}

/**
 * The merge base of base and head (when the head is known), then the base commit itself. A merge
 * base that could not be asked for is a failure (the base commit is still tried); one GitHub does
 * not know (404: the head is gone) is not.
 */
async function baseCommits(
  client: GitHubClient,
  options: Pick<FindBaselineOptions, 'owner' | 'repo' | 'base' | 'headSha'>,
  log: Logger,
  fail: (what: string, error: unknown) => BaselineFailure,
): Promise<Candidate[]> {
  const { ref, sha } = options.base;
  const out: Candidate[] = [];
  if (options.headSha !== undefined) {
    try {
      const compare = await client.rest.repos.compareCommitsWithBasehead({
        owner: options.owner,
        repo: options.repo,
        basehead: `${sha}...${options.headSha}`,
        per_page: 1,
      });
      const mergeBase = compare.data.merge_base_commit.sha;
      out.push({ sha: mergeBase, label: `${ref}@${mergeBase.slice(0, 7)} (merge base)` });
    } catch (error) {
      const what = `the merge base of ${sha.slice(0, 7)} and ${options.headSha.slice(0, 7)}`;
      if (statusOf(error) === 404) log.info(`GitHub does not know ${what}: ${messageOf(error)}`);
      else log.info(`Could not ask for ${fail(what, error).text}`);
    }
  }
  if (!out.some((c) => c.sha === sha)) out.push({ sha, label: `${ref}@${sha.slice(0, 7)} (base)` });
  return out;
}

/**
 * The metrics at a commit: its tree listed once, the wanted blobs read in one GraphQL query (see
 * snapshot.ts), written into `dir` at their repository paths. `paths` are files or folders read as
 * one run; `repeats` are patterns, each match one run. A tree too large for GitHub to list whole
 * falls back to the contents API for paths; patterns cannot be matched on part of a tree, so that
 * is an error (could not ask), not "not there".
 */
async function fromContents(
  client: GitHubClient,
  options: FindBaselineOptions,
  at: Candidate,
  wanted: { paths: string[]; repeats: string[] },
  dir: string,
  snapshots: ContentsSnapshot[],
  expressions: Map<string, Buffer | null>,
): Promise<{ files: string[]; detail: string }> {
  const tree = await commitTree(client, { owner: options.owner, repo: options.repo, sha: at.sha });
  if (tree.truncated) {
    if (wanted.repeats.length > 0) {
      throw new Error(
        `the tree of ${at.sha.slice(0, 7)} is too large for GitHub to list (over 100,000 entries), so repeats: cannot be matched there; take the baseline from the artifact or history source (baseline-sources)`,
      );
    }
    return fromContentsOneByOne(client, options, at, wanted.paths, dir);
  }
  const byPath = new Map(tree.blobs.map((b) => [b.path, b]));
  const under = (folder: string) => tree.blobs.filter((b) => b.path.startsWith(`${folder}/`));
  const selected: TreeBlob[] = [];
  const found: string[] = [];
  const missing: string[] = [];
  const take = (path: string): boolean => {
    const exact = byPath.get(path);
    const blobs = exact !== undefined ? [exact] : under(path).slice(0, MAX_FILES);
    selected.push(...blobs);
    return blobs.length > 0;
  };
  for (const path of wanted.paths) (take(path) ? found : missing).push(path);
  if (wanted.repeats.length > 0) {
    const entries: PathEntry[] = [
      ...tree.blobs.map((b) => ({ path: b.path, kind: 'file' as const })),
      ...tree.folders.map((path) => ({ path, kind: 'dir' as const })),
    ];
    const runs = matchRuns(wanted.repeats, entries).slice(0, MAX_REPEATS);
    for (const run of runs) take(run);
    if (runs.length > 0)
      found.push(`${runs.length} ${runs.length === 1 ? 'run' : 'runs'} (${wanted.repeats.join(', ')})`);
    else missing.push(`runs matching ${wanted.repeats.join(', ')}`);
  }
  const extras = (options.alsoFetch ?? [])
    .map(repositoryPath)
    .map((path) => byPath.get(path))
    .filter((b): b is TreeBlob => b !== undefined);
  // Asked once, with the first commit's files.
  const asked = snapshots.length === 0 ? (options.alsoFetchExpressions ?? []) : [];
  const contents = await readBlobs(client, {
    owner: options.owner,
    repo: options.repo,
    blobs: [...selected, ...extras],
    expressions: asked,
  });
  for (const expression of asked) expressions.set(expression, contents.get(expression) ?? null);
  const files: string[] = [];
  for (const blob of selected) files.push(await writeInside(dir, blob.path, contents.get(blob.sha)!));
  for (const blob of extras) await writeInside(dir, blob.path, contents.get(blob.sha)!);
  snapshots.push({ sha: at.sha, dir, present: extras.map((b) => b.path) });
  const parts: string[] = [];
  if (found.length > 0) parts.push(`found ${found.join(', ')}`);
  if (missing.length > 0) parts.push(`${missing.join(', ')} not found`);
  return { files: found.length > 0 ? files : [], detail: parts.join('; ') };
}

/** The contents API, a request per file: for trees GitHub cannot list whole. */
async function fromContentsOneByOne(
  client: GitHubClient,
  options: FindBaselineOptions,
  at: Candidate,
  paths: string[],
  dir: string,
): Promise<{ files: string[]; detail: string }> {
  const files: string[] = [];
  const found: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const before = files.length;
    const exists = await downloadPath(client, options, at.sha, path, dir, files, 0);
    if (exists && files.length > before) found.push(path);
    else missing.push(exists ? `${path} (empty folder)` : path);
  }
  const parts: string[] = [];
  if (found.length > 0) parts.push(`found ${found.join(', ')}`);
  if (missing.length > 0) parts.push(`${missing.join(', ')} not found`);
  return { files, detail: parts.join('; ') };
}

/** Downloads a file, or a folder recursively, into `dir`; false when the path does not exist. */
async function downloadPath(
  client: GitHubClient,
  options: FindBaselineOptions,
  ref: string,
  path: string,
  dir: string,
  files: string[],
  depth: number,
): Promise<boolean> {
  let data;
  try {
    data = (await client.rest.repos.getContent({ owner: options.owner, repo: options.repo, path, ref })).data;
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
  if (Array.isArray(data)) {
    for (const entry of data) {
      if (files.length >= MAX_FILES) break;
      if (entry.type === 'file' || (entry.type === 'dir' && depth < 8)) {
        await downloadPath(client, options, ref, entry.path, dir, files, depth + 1);
      }
    }
    return true;
  }
  if (data.type !== 'file') return true;
  let base64 = 'content' in data ? data.content : '';
  // Files over 1 MB come without content: read them as blobs.
  if (base64 === '' && data.size > 0) {
    base64 = (await client.rest.git.getBlob({ owner: options.owner, repo: options.repo, file_sha: data.sha }))
      .data.content;
  }
  files.push(await writeInside(dir, data.path, Buffer.from(base64, 'base64')));
  return true;
}

async function fromArtifact(
  client: GitHubClient,
  options: FindBaselineOptions,
  at: Candidate,
  dir: string,
): Promise<{ files: string[]; detail: string }> {
  const name = options.artifactName ?? DEFAULT_BASELINE_ARTIFACT;
  const { owner, repo } = options;
  const runs = (
    await client.rest.actions.listWorkflowRunsForRepo({
      owner,
      repo,
      head_sha: at.sha,
      status: 'success',
      per_page: 20,
    })
  ).data.workflow_runs
    .filter(
      (run) =>
        options.workflow === undefined ||
        run.path.endsWith(`/${options.workflow}`) ||
        run.path === options.workflow,
    )
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
  if (runs.length === 0) {
    return {
      files: [],
      detail: `no successful workflow run${options.workflow ? ` of ${options.workflow}` : ''}`,
    };
  }
  let expired = false;
  for (const run of runs) {
    const artifacts = (
      await client.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: run.id, name, per_page: 100 })
    ).data.artifacts.filter((a) => a.name === name);
    const artifact = artifacts.find((a) => !a.expired);
    if (artifact === undefined) {
      expired ||= artifacts.length > 0;
      continue;
    }
    let zip;
    try {
      zip = await client.rest.actions.downloadArtifact({
        owner,
        repo,
        artifact_id: artifact.id,
        archive_format: 'zip',
      });
    } catch (error) {
      // Expired or deleted between the listing and the download: not there, not a failure.
      const status = statusOf(error);
      if (status === 404 || status === 410) {
        expired = true;
        continue;
      }
      throw error;
    }
    const files = await unzipInto(new Uint8Array(zip.data as ArrayBuffer), dir);
    return {
      files,
      detail:
        files.length > 0
          ? `found artifact ${name} of run ${run.id} (${files.length} file${files.length === 1 ? '' : 's'})`
          : `artifact ${name} of run ${run.id} is empty`,
    };
  }
  return {
    files: [],
    detail: expired
      ? `artifact ${name} has expired`
      : `no artifact named ${name} in ${runs.length} successful run${runs.length === 1 ? '' : 's'}`,
  };
}

async function fromHistory(
  client: GitHubClient,
  options: FindBaselineOptions,
  at: Candidate,
  dir: string,
): Promise<{ files: string[]; detail: string }> {
  const branch = options.historyBranch ?? DEFAULT_HISTORY_BRANCH;
  const path = historyPath(at.sha, options.reportId);
  const files: string[] = [];
  try {
    await downloadPath(client, options, branch, path, dir, files, 0);
  } catch (error) {
    // GitHub answers 404 for a missing ref as for a missing file; 422 "No commit found for the ref".
    if (statusOf(error) !== 422) throw error;
  }
  return { files, detail: files.length > 0 ? `found ${branch}:${path}` : `${branch}:${path} not found` };
}

/**
 * The file a commit's metrics are kept in on the history branch: one per commit and report, so
 * writers never conflict, the jobs of a matrix (one report id each) included. The default report
 * keeps `<sha>.json` at the top; `mlci/gpu` keeps `mlci/gpu/<sha>.json`.
 */
export function historyPath(sha: string, reportId: string = DEFAULT_REPORT_ID): string {
  if (reportId === DEFAULT_REPORT_ID) return `${sha}.json`;
  return `${pathSegments(reportId).join('/')}/${sha}.json`;
}

export interface RecordHistoryOptions {
  owner: string;
  repo: string;
  /** The commit the metrics belong to (a push to the default branch). */
  sha: string;
  /** The JSON document to keep. */
  document: string;
  /** The report it belongs to (see historyPath); default `mlci`. */
  reportId?: string;
  /** Default `mlci-history`. */
  branch?: string;
  maxAttempts?: number;
  retryDelayMs?: number;
  log?: Logger;
}

export type RecordHistoryResult =
  { ok: true; commitSha: string; path: string } | { ok: false; reason: string };

/** Keeps a commit's metrics on the history branch (see historyPath), creating the branch when missing. */
export async function recordHistory(
  client: GitHubClient,
  options: RecordHistoryOptions,
): Promise<RecordHistoryResult> {
  const branch = options.branch ?? DEFAULT_HISTORY_BRANCH;
  const path = historyPath(options.sha, options.reportId);
  try {
    const result = await commitFiles(client, {
      owner: options.owner,
      repo: options.repo,
      branch,
      files: [{ path, content: options.document }],
      message: `mlci: metrics of ${options.sha.slice(0, 7)}`,
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
      ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
      ...(options.log === undefined ? {} : { log: options.log }),
    });
    return { ok: true, commitSha: result.commitSha, path };
  } catch (error) {
    if (!isReadOnlyError(error)) throw error;
    return {
      ok: false,
      reason: `the token may not push to the ${branch} branch (${messageOf(error)}); grant \`contents: write\``,
    };
  }
}

/** A path inside the repository, without `./` or a leading `/`; `..` is refused. */
function repositoryPath(path: string): string {
  const segments = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.');
  if (segments.length === 0 || segments.includes('..')) {
    throw new ConfigurationError(
      `baseline path ${JSON.stringify(path)} is not a path inside the repository: expected a file or folder like "metrics.json" or "results/"`,
    );
  }
  return segments.join('/');
}

async function unzipInto(zip: Uint8Array, dir: string): Promise<string[]> {
  const entries = unzipSync(zip);
  const files: string[] = [];
  for (const [name, content] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    files.push(await writeInside(dir, name, content));
    if (files.length >= MAX_FILES) break;
  }
  return files.sort();
}

/** Writes a file under `dir`, refusing names that would land outside it (`../`, absolute paths). */
export async function writeInside(dir: string, name: string, content: Uint8Array): Promise<string> {
  const root = resolve(dir);
  const target = resolve(root, name.replace(/\\/g, '/').replace(/^\/+/, ''));
  if (target !== root && !target.startsWith(root + sep)) {
    throw new Error(`refusing to write ${JSON.stringify(name)} outside ${root}`);
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, content);
  return target;
}
