import {
  ConfigurationError,
  decodeHistoryDocument,
  decodeHistorySummary,
  DEFAULT_REPORT_ID,
  HISTORY_SUMMARY_FILE,
  HISTORY_SUMMARY_RECORDS,
  mergeHistorySummary,
  orderHistory,
  stringifyDocument,
  summaryRecordOf,
  type DatedHistory,
  type HistoryDocument,
  type HistorySummary,
  type HistorySummaryRecord,
} from '@mlci/core';
import { messageOf, silentLogger, statusOf, type GitHubClient, type Logger } from './client.js';
import { isReadOnlyError } from './fork.js';
import { pathSegments } from './assets.js';
import { DEFAULT_HISTORY_BRANCH, fileAt, historyPath } from './baseline.js';
import { commitFilesInOneRequest, isGraphqlForbidden, type FileToCommit } from './git-data.js';
import { commitTree, readBlobs } from './snapshot.js';

/**
 * The history branch's summary (core/history.ts): what a pull request reads of its base branch's
 * past runs, in one request, and how the report keeps it current in the commit of each record.
 */

/** The summary of a report's records: `summary.json` beside its `<sha>.json` files. */
export function historySummaryPath(reportId: string = DEFAULT_REPORT_ID): string {
  if (reportId === DEFAULT_REPORT_ID) return HISTORY_SUMMARY_FILE;
  return `${pathSegments(reportId).join('/')}/${HISTORY_SUMMARY_FILE}`;
}

/** A summary bigger than this is not one mlci wrote (it caps them at 8 MiB). */
const MAX_READ_BYTES = 16 * 1024 * 1024;

export interface ReadSummaryOptions {
  owner: string;
  repo: string;
  /** Default `mlci-history`. */
  branch?: string;
  /** Default `mlci`. */
  reportId?: string;
  /** A commit of the branch; default its head. */
  ref?: string;
  /**
   * The file as another request already read it (findBaseline's `alsoFetchExpressions`): its
   * bytes, or null for "not there". Nothing is asked then.
   */
  prefetched?: Buffer | null;
}

export interface ReadSummaryResult {
  /** Undefined when the branch or the file does not exist (no history yet). */
  summary?: HistorySummary;
  /** `mlci-history:summary.json`, for messages. */
  where: string;
}

const FIX =
  'delete it on the history branch: the next push to the default branch that the report action records rebuilds it from the records';

/**
 * The summary as committed at the branch's head (or `ref`): one contents request, and one more
 * for the blob when it is over 1 MB. A missing branch or file is no summary; anything else GitHub
 * could not answer (5xx, timeouts, 401/403) is thrown, for the caller to decide what "could not
 * ask" means; a file that is not a summary is a ConfigurationError naming it and the fix.
 */
export async function readHistorySummary(
  client: GitHubClient,
  options: ReadSummaryOptions,
): Promise<ReadSummaryResult> {
  const branch = options.branch ?? DEFAULT_HISTORY_BRANCH;
  const path = historySummaryPath(options.reportId);
  const where = `${branch}:${path}`;
  let text: string | undefined;
  if (options.prefetched !== undefined) text = options.prefetched?.toString('utf8');
  else
    try {
      text = await fileAt(client, {
        owner: options.owner,
        repo: options.repo,
        ref: options.ref ?? branch,
        path,
      });
    } catch (error) {
      // A missing ref: 404 like a missing file, or 422 "No commit found for the ref".
      if (statusOf(error) !== 422) throw error;
    }
  if (text === undefined) return { where };
  if (text.length > MAX_READ_BYTES)
    throw new ConfigurationError(`${where}: ${text.length} bytes, more than a summary holds; ${FIX}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${where}: not JSON (${messageOf(error)}); ${FIX}`);
  }
  try {
    return { summary: decodeHistorySummary(value, where), where };
  } catch (error) {
    if (error instanceof ConfigurationError) throw new ConfigurationError(`${error.message}; ${FIX}`);
    throw error;
  }
}

export interface RecordWithSummaryOptions {
  owner: string;
  repo: string;
  /** The record: a commit of the default branch and its runs. */
  document: HistoryDocument;
  /** Default `mlci`. */
  reportId?: string;
  /** Default `mlci-history`. */
  branch?: string;
  /**
   * Records kept, in the summary and as files: older ones are removed from the branch in the
   * commit that drops them from the summary. Default 100 (pass the config's history window when
   * larger).
   */
  keep?: number;
  /**
   * When the summary is missing or broken but records exist (written by an older mlci), they are
   * read to rebuild it, if there are at most this many; default 1000.
   */
  maxRebuild?: number;
  maxAttempts?: number;
  retryDelayMs?: number;
  log?: Logger;
}

export type RecordWithSummaryResult =
  | {
      ok: true;
      commitSha: string;
      path: string;
      summaryPath: string;
      records: number;
      rebuilt?: number;
      /** Record files removed from the branch because the summary dropped them (compaction). */
      removed: number;
    }
  | { ok: false; reason: string };

/** Records read at most to rebuild a summary, and their bytes at most. */
const MAX_REBUILD_RECORDS = 1000;
const MAX_REBUILD_BYTES = 64 * 1024 * 1024;
const RECORD_FILE = /^(?:.*\/)?[0-9a-f]{40}(?:[0-9a-f]{24})?\.json$/;

/**
 * Keeps a commit's record (`<sha>.json`, see historyPath) and rewrites the summary beside it, in
 * one commit. The summary is made from the branch head that commit goes on: read there (one
 * request), merged with the record, and committed only if the branch still points at that head
 * (createCommitOnBranch's expected head); when another push moved it first, the summary is read
 * again at the new head and merged again, so concurrent pushes never lose each other's records.
 * Steady state: 3 requests (the head, the summary, the commit). A summary that is missing while
 * records exist (history written by mlci before the summary) or that does not decode is rebuilt
 * from the records at that head: the tree listed once, the records read in batches (snapshot.ts).
 */
export async function recordHistoryWithSummary(
  client: GitHubClient,
  options: RecordWithSummaryOptions,
): Promise<RecordWithSummaryResult> {
  const log = options.log ?? silentLogger;
  const branch = options.branch ?? DEFAULT_HISTORY_BRANCH;
  const { owner, repo, document } = options;
  const path = historyPath(document.sha, options.reportId);
  const summaryPath = historySummaryPath(options.reportId);
  const record = summaryRecordOf(document);
  let outcome: { records: number; rebuilt?: number; dropped: number; removed?: number } | undefined;

  const summaryAt = async (head: string | undefined): Promise<FileToCommit[]> => {
    let previous: HistorySummaryRecord[] = [];
    let rebuilt: number | undefined;
    if (head !== undefined) {
      let summary: HistorySummary | undefined;
      let why = 'missing';
      try {
        summary = (
          await readHistorySummary(client, { owner, repo, branch, reportId: options.reportId, ref: head })
        ).summary;
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        why = 'not one mlci can read';
        log.warning(`${error.message}. Rebuilding it from the records.`);
      }
      if (summary !== undefined) previous = summary.records;
      else {
        previous = await rebuildFromRecords(client, {
          owner,
          repo,
          head,
          branch,
          summaryPath,
          why,
          keep: options.keep ?? HISTORY_SUMMARY_RECORDS,
          maxRebuild: options.maxRebuild ?? MAX_REBUILD_RECORDS,
          log,
        });
        rebuilt = previous.length;
      }
    }
    const merged = mergeHistorySummary(previous, [record], {
      maxRecords: options.keep ?? HISTORY_SUMMARY_RECORDS,
    });
    outcome = { records: merged.summary.records.length, dropped: merged.dropped };
    if (rebuilt !== undefined) outcome.rebuilt = rebuilt;
    // Compaction: the records the summary no longer holds leave the branch in the same commit, so
    // the branch keeps `keep` records and the summary names exactly those. They were committed with
    // the summary that listed them, so each exists at this head.
    const kept = new Set(merged.summary.records.map((r) => r.sha));
    const removed = previous.filter((r) => !kept.has(r.sha) && r.sha !== record.sha);
    outcome.removed = removed.length;
    if (!merged.summary.records.some((r) => r.sha === record.sha))
      log.warning(
        `${branch}:${summaryPath}: the record of ${document.sha.slice(0, 7)} alone is over the summary's size limit, so the summary does not hold it; the statistics of pull requests will not see it`,
      );
    return [
      { path: summaryPath, content: merged.text },
      ...removed.map((r) => ({ path: historyPath(r.sha, options.reportId), content: null })),
    ];
  };

  try {
    const result = await commitFilesInOneRequest(client, {
      owner,
      repo,
      branch,
      files: [{ path, content: `${stringifyDocument(document)}\n` }],
      filesAtHead: summaryAt,
      message: `mlci: metrics of ${document.sha.slice(0, 7)}`,
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
      ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
      log,
    });
    const done = outcome!;
    return {
      ok: true,
      commitSha: result.commitSha,
      path,
      summaryPath,
      records: done.records,
      removed: done.removed ?? 0,
      ...(done.rebuilt !== undefined ? { rebuilt: done.rebuilt } : {}),
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
 * The records beside the summary at `head`, oldest first (by their `recordedAt`), newest `keep`:
 * one tree listing and the record files read in batches. None when there are more records (or
 * bytes) than a rebuild reads, or the tree is too large to list: the summary then starts from the
 * new record, and the log says how to rebuild it.
 */
async function rebuildFromRecords(
  client: GitHubClient,
  options: {
    owner: string;
    repo: string;
    head: string;
    branch: string;
    summaryPath: string;
    why: string;
    keep: number;
    maxRebuild: number;
    log: Logger;
  },
): Promise<HistorySummaryRecord[]> {
  const { owner, repo, log, branch, keep } = options;
  const folder = options.summaryPath.slice(0, -HISTORY_SUMMARY_FILE.length);
  const where = `${branch}:${options.summaryPath}`;
  const tree = await commitTree(client, { owner, repo, sha: options.head });
  const records = tree.blobs.filter(
    (b) =>
      b.path.startsWith(folder) && !b.path.slice(folder.length).includes('/') && RECORD_FILE.test(b.path),
  );
  if (records.length === 0) return [];
  const limit = Math.min(options.maxRebuild, MAX_REBUILD_RECORDS);
  const bytes = records.reduce((sum, b) => sum + b.size, 0);
  if (tree.truncated || records.length > limit || bytes > MAX_REBUILD_BYTES) {
    log.warning(
      `${where} is ${options.why}, and the ${tree.truncated ? 'branch is too large to list' : `${records.length} records (${Math.round(bytes / 1024)} KiB) are more than a rebuild reads (${limit}, ${MAX_REBUILD_BYTES / 1024 / 1024} MiB)`}: the summary starts from this record. To rebuild it from older records, delete all but the newest ${keep} records and ${options.summaryPath} on the branch; the next recorded push reads them.`,
    );
    return [];
  }
  const contents = await readBlobs(client, { owner, repo, blobs: records });
  const dated: DatedHistory[] = [];
  let undated = 0;
  for (const blob of records) {
    const shown = `${branch}:${blob.path}`;
    let doc: HistoryDocument;
    try {
      doc = decodeHistoryDocument(JSON.parse(contents.get(blob.sha)!.toString('utf8')), shown);
    } catch (error) {
      // One broken old record must not stop every later one from being kept.
      log.warning(`${shown} is left out of the summary: ${messageOf(error)}`);
      continue;
    }
    // Records of mlci before 0.2 say not when their commit was made: their place in the order is
    // unknown, and successive differences need it.
    if (doc.recordedAt === undefined) undated++;
    else dated.push({ doc, file: blob.path });
  }
  const kept = orderHistory(dated).sorted.slice(-keep);
  log.info(
    `${where} was ${options.why}: rebuilt from the newest ${kept.length} of ${records.length} records on the branch${undated > 0 ? ` (${undated} without a recording time left out: their order is unknown)` : ''}.`,
  );
  return kept.map((e) => summaryRecordOf(e.doc));
}
