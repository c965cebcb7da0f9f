import { stringifyDocument } from './compare/json.js';
import type { HistoryRecord } from './compare/pipeline.js';
import { decodeMetricsDoc } from './documents.js';
import { ConfigurationError } from './errors.js';
import { emptyDoc, type MetricsDoc } from './model.js';
import type { HistoryEntry } from './report/charts/history.js';

/**
 * `<sha>.json` on the history branch (`<report-id>/<sha>.json` for other reports): one commit of
 * the default branch and its runs, written by the report action on pushes. `mlci compare
 * --history` reads a folder of them; their spread is each metric's run-to-run noise.
 */
export interface HistoryDocument {
  schema: 'mlci/history';
  version: 1;
  sha: string;
  ref?: string;
  /** When the commit was made (ISO 8601), for ordering; absent in documents of mlci before 0.2. */
  recordedAt?: string;
  runs: MetricsDoc[];
}

/** A history document from the history branch: anyone with push access wrote it, so it is checked. */
export function decodeHistoryDocument(value: unknown, file: string): HistoryDocument {
  const doc = value as Partial<HistoryDocument> | null;
  if (doc === null || typeof doc !== 'object' || doc.schema !== 'mlci/history' || doc.version !== 1) {
    throw new ConfigurationError(`${file}: expected an mlci/history document of version 1`);
  }
  if (typeof doc.sha !== 'string' || !Array.isArray(doc.runs) || doc.runs.length > 100) {
    throw new ConfigurationError(`${file}: expected sha and a list of runs`);
  }
  const decoded: HistoryDocument = {
    schema: 'mlci/history',
    version: 1,
    sha: doc.sha.slice(0, 64),
    runs: doc.runs.map((run, i) => decodeMetricsDoc(run, `${file}: runs[${i}]`)),
  };
  if (typeof doc.ref === 'string') decoded.ref = doc.ref.slice(0, 500);
  if (doc.recordedAt !== undefined) {
    if (typeof doc.recordedAt !== 'string' || Number.isNaN(Date.parse(doc.recordedAt)))
      throw new ConfigurationError(
        `${file}: recordedAt: expected a date and time such as 2026-01-31T12:00:00Z, found ${JSON.stringify(doc.recordedAt)}`,
      );
    decoded.recordedAt = doc.recordedAt;
  }
  return decoded;
}

/** A history document and what else is known of when it was made. */
export interface DatedHistory {
  doc: HistoryDocument;
  /** Where it was read from, for messages. */
  file: string;
  /** Milliseconds since 1970 from outside the document (its commit on the history branch, the file). */
  time?: number;
}

/**
 * The records oldest first, and what ordered them: every document's own `recordedAt` when all have
 * one, else the times given from outside (`time`), else the file names (and the note says so:
 * successive differences assume the order is right; repeats within a record do not need it).
 */
export function orderHistory(entries: readonly DatedHistory[]): {
  records: HistoryRecord[];
  /** The entries in the same order. */
  sorted: DatedHistory[];
  orderedBy: 'recorded time' | 'given time' | 'file name';
} {
  const byRecorded = entries.every((e) => e.doc.recordedAt !== undefined);
  const byTime = !byRecorded && entries.every((e) => e.time !== undefined);
  const key = (e: DatedHistory): number =>
    byRecorded ? Date.parse(e.doc.recordedAt!) : byTime ? e.time! : 0;
  const sorted = [...entries].sort(
    (a, b) => key(a) - key(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  );
  return {
    records: sorted.map((e) => ({ label: e.doc.sha.slice(0, 7), runs: e.doc.runs })),
    sorted,
    orderedBy: byRecorded ? 'recorded time' : byTime ? 'given time' : 'file name',
  };
}

/**
 * `summary.json` on the history branch, next to the records (`<report-id>/summary.json` for other
 * reports): the last records of the default branch in one file, so that a pull request reads its
 * history in one request instead of one per record. The report action rewrites it in the commit
 * that adds each record. Record files are named by a hexadecimal commit SHA, so this name cannot
 * be one of them.
 */
export const HISTORY_SUMMARY_FILE = 'summary.json';
/** Records a summary keeps by default (more when `statistics.history-window` asks for more). */
export const HISTORY_SUMMARY_RECORDS = 100;
/** The most records a summary holds: the largest `statistics.history-window`. */
export const MAX_HISTORY_SUMMARY_RECORDS = 1000;
/** Over this, the oldest records are dropped until the file fits. */
export const MAX_HISTORY_SUMMARY_BYTES = 8 * 1024 * 1024;

/** One record of a summary: the commit, when it was made, and per run its scalar metrics (no curves). */
export interface HistorySummaryRecord {
  sha: string;
  recordedAt?: string;
  /** Metrics only: `series`, `params` and `sources` are empty. */
  runs: MetricsDoc[];
}

export interface HistorySummary {
  schema: 'mlci/history-summary';
  version: 1;
  /** Oldest first, one per commit. */
  records: HistorySummaryRecord[];
}

const COMMIT_SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * A summary read from the history branch. Anyone with push access may have written it, so every
 * field is checked as decodeHistoryDocument checks a record; unknown fields are dropped.
 */
export function decodeHistorySummary(value: unknown, file: string): HistorySummary {
  const doc = value as { schema?: unknown; version?: unknown; records?: unknown } | null;
  if (
    doc === null ||
    typeof doc !== 'object' ||
    Array.isArray(doc) ||
    doc.schema !== 'mlci/history-summary' ||
    doc.version !== 1
  ) {
    throw new ConfigurationError(`${file}: expected an mlci/history-summary document of version 1`);
  }
  if (!Array.isArray(doc.records) || doc.records.length > MAX_HISTORY_SUMMARY_RECORDS) {
    throw new ConfigurationError(
      `${file}: records: expected a list of at most ${MAX_HISTORY_SUMMARY_RECORDS} records`,
    );
  }
  const seen = new Set<string>();
  const records = doc.records.map((item: unknown, i: number): HistorySummaryRecord => {
    const at = `${file}: records[${i}]`;
    const record = item as { sha?: unknown; recordedAt?: unknown; runs?: unknown } | null;
    if (record === null || typeof record !== 'object' || Array.isArray(record))
      throw new ConfigurationError(`${at}: expected an object with sha and runs`);
    if (typeof record.sha !== 'string' || !COMMIT_SHA.test(record.sha))
      throw new ConfigurationError(`${at}.sha: expected a full commit SHA (40 hexadecimal digits)`);
    if (seen.has(record.sha)) throw new ConfigurationError(`${at}.sha: ${record.sha} is recorded twice`);
    seen.add(record.sha);
    if (!Array.isArray(record.runs) || record.runs.length === 0 || record.runs.length > 100)
      throw new ConfigurationError(`${at}.runs: expected a list of 1 to 100 runs`);
    const runs = record.runs.map((run: unknown, j: number) => {
      const metrics = (run as { metrics?: unknown } | null)?.metrics;
      // Only the metrics are taken: a summary holds no curves, whatever the file says.
      return { ...emptyDoc(), metrics: decodeMetricsDoc({ metrics }, `${at}.runs[${j}]`).metrics };
    });
    const decoded: HistorySummaryRecord = { sha: record.sha, runs };
    if (record.recordedAt !== undefined) {
      if (typeof record.recordedAt !== 'string' || Number.isNaN(Date.parse(record.recordedAt)))
        throw new ConfigurationError(
          `${at}.recordedAt: expected a date and time such as 2026-01-31T12:00:00Z, found ${JSON.stringify(record.recordedAt)}`,
        );
      decoded.recordedAt = record.recordedAt;
    }
    return decoded;
  });
  return { schema: 'mlci/history-summary', version: 1, records };
}

/** What a summary keeps of a record: its scalar metrics per run. */
export function summaryRecordOf(doc: HistoryDocument): HistorySummaryRecord {
  const record: HistorySummaryRecord = {
    sha: doc.sha,
    runs: doc.runs.map((run) => ({ ...emptyDoc(), metrics: run.metrics })),
  };
  if (doc.recordedAt !== undefined) record.recordedAt = doc.recordedAt;
  return record;
}

export interface MergedHistorySummary {
  summary: HistorySummary;
  /** The file's text, one record a line (so the branch's diffs show what each push changed). */
  text: string;
  /** Records dropped to stay within `maxRecords` and `maxBytes`, oldest first. */
  dropped: number;
}

/**
 * The summary with `added` in it: a record of a commit already there is replaced; each added
 * record goes after every record made before it (its `recordedAt`), so runs that finish out of
 * order still list the commits in the order they were made (a record without a time stays where
 * it is); then the oldest records are dropped beyond `maxRecords` or `maxBytes`.
 */
export function mergeHistorySummary(
  previous: readonly HistorySummaryRecord[],
  added: readonly HistorySummaryRecord[],
  options: { maxRecords?: number; maxBytes?: number } = {},
): MergedHistorySummary {
  const maxRecords = Math.min(options.maxRecords ?? HISTORY_SUMMARY_RECORDS, MAX_HISTORY_SUMMARY_RECORDS);
  const maxBytes = options.maxBytes ?? MAX_HISTORY_SUMMARY_BYTES;
  const shas = new Set(added.map((r) => r.sha));
  const records = previous.filter((r) => !shas.has(r.sha));
  for (const record of added) {
    let at = records.length;
    const time = record.recordedAt === undefined ? undefined : Date.parse(record.recordedAt);
    if (time !== undefined) {
      while (at > 0) {
        const before = records[at - 1]!.recordedAt;
        if (before === undefined || Date.parse(before) <= time) break;
        at--;
      }
    }
    records.splice(at, 0, record);
  }
  let start = Math.max(0, records.length - maxRecords);
  const lines = records.map((r) =>
    stringifyDocument(
      {
        sha: r.sha,
        ...(r.recordedAt !== undefined ? { recordedAt: r.recordedAt } : {}),
        runs: r.runs.map((run) => ({ metrics: run.metrics })),
      },
      0,
    ),
  );
  const head = '{"schema":"mlci/history-summary","version":1,"records":[\n';
  const tail = '\n]}\n';
  // Lines are joined by ",\n": each kept line costs its bytes and 2, but for one fewer separator.
  let bytes = Buffer.byteLength(head + tail) - 2;
  for (const line of lines.slice(start)) bytes += Buffer.byteLength(line) + 2;
  while (start < records.length && bytes > maxBytes) bytes -= Buffer.byteLength(lines[start++]!) + 2;
  return {
    summary: { schema: 'mlci/history-summary', version: 1, records: records.slice(start) },
    text: `${head}${lines.slice(start).join(',\n')}${tail}`,
    dropped: start,
  };
}

/** A summary's records as the statistics take them: oldest first, labelled by short SHA. */
export function summaryHistory(summary: HistorySummary): HistoryRecord[] {
  return summary.records.map((r) => ({ label: r.sha.slice(0, 7), runs: r.runs }));
}

/** The mean of each metric over the runs that have it: one point of a trend for repeats. */
export function meanMetrics(runs: readonly MetricsDoc[], keys?: ReadonlySet<string>): Record<string, number> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const run of runs)
    for (const [key, value] of Object.entries(run.metrics)) {
      if (keys !== undefined && !keys.has(key)) continue;
      const s = sums.get(key) ?? { sum: 0, n: 0 };
      s.sum += value;
      s.n++;
      sums.set(key, s);
    }
  return Object.fromEntries([...sums].map(([key, s]) => [key, s.sum / s.n]));
}

/**
 * What the report needs to draw the base branch's trend, handed from compare-metrics to report in
 * the state folder: one point per record (the mean of its runs) of the metrics it may chart.
 */
export interface HistoryTrend {
  /** Where the records came from: "30 records of mlci-history (summary)". */
  label: string;
  /** Oldest first. */
  points: Array<{ label: string; runs: number; metrics: Record<string, number> }>;
}

/** Keys of a trend at most: the chart draws three; the rest only make the state file bigger. */
export const MAX_TREND_KEYS = 50;

export function historyTrend(
  records: readonly HistoryRecord[],
  keys: readonly string[],
  label: string,
): HistoryTrend {
  const wanted = new Set(keys.slice(0, MAX_TREND_KEYS));
  return {
    label,
    points: records.map((r) => ({
      label: r.label,
      runs: r.runs.length,
      metrics: meanMetrics(r.runs, wanted),
    })),
  };
}

/** The points as the history chart takes them. */
export function trendEntries(trend: HistoryTrend): HistoryEntry[] {
  return trend.points.map((p) => ({
    label: p.label,
    runs: p.runs,
    doc: { ...emptyDoc(), metrics: p.metrics },
  }));
}

/** A trend from a state file (it may come from another job's artifact): checked and capped. */
export function decodeHistoryTrend(value: unknown, path: string): HistoryTrend {
  const doc = value as { label?: unknown; points?: unknown } | null;
  if (doc === null || typeof doc !== 'object' || typeof doc.label !== 'string')
    throw new ConfigurationError(`${path}: expected a history trend with a label and points`);
  if (!Array.isArray(doc.points) || doc.points.length > MAX_HISTORY_SUMMARY_RECORDS)
    throw new ConfigurationError(
      `${path}.points: expected a list of at most ${MAX_HISTORY_SUMMARY_RECORDS} points`,
    );
  const points = doc.points.map((item: unknown, i: number) => {
    const at = `${path}.points[${i}]`;
    const point = item as { label?: unknown; runs?: unknown; metrics?: unknown } | null;
    if (point === null || typeof point !== 'object' || typeof point.label !== 'string')
      throw new ConfigurationError(`${at}: expected a point with a label, runs and metrics`);
    if (typeof point.runs !== 'number' || !Number.isInteger(point.runs) || point.runs < 1 || point.runs > 100)
      throw new ConfigurationError(`${at}.runs: expected a whole number of runs from 1 to 100`);
    const metrics = point.metrics;
    if (metrics !== null && typeof metrics === 'object' && Object.keys(metrics).length > MAX_TREND_KEYS)
      throw new ConfigurationError(`${at}.metrics: expected at most ${MAX_TREND_KEYS} metrics`);
    return {
      label: point.label.slice(0, 40),
      runs: point.runs,
      metrics: decodeMetricsDoc({ metrics }, at).metrics,
    };
  });
  return { label: doc.label.slice(0, 500), points };
}
