import type { HistoryRecord } from './compare/pipeline.js';
import { decodeMetricsDoc } from './documents.js';
import { ConfigurationError } from './errors.js';
import type { MetricsDoc } from './model.js';

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
    orderedBy: byRecorded ? 'recorded time' : byTime ? 'given time' : 'file name',
  };
}
