import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  ConfigurationError,
  decodeHistoryDocument,
  meanMetrics,
  orderHistory,
  type DatedHistory,
  type HistoryEntry,
  type HistoryRecord,
  type MetricsDoc,
} from '@mlci/core';
import { commitTimes, materializeGitPath, parseGitSpec } from './git.js';
import { readRun, type ReadRunOptions } from './inputs.js';

/** A history document is one commit's metrics: bigger than this is not one. */
const MAX_HISTORY_FILE_BYTES = 16 * 1024 * 1024;
const MAX_HISTORY_FILES = 5000;

export interface History {
  /** Oldest first: the noise of each metric is estimated from their spread. */
  records: HistoryRecord[];
  /** The same records for the history chart: one point per record (the mean of its runs). */
  entries: HistoryEntry[];
  /** Where it came from, for the report: "24 records of git:mlci-history:. (by commit time)". */
  label: string;
}

/**
 * The base branch's past runs from `--history`, in the order given. Each spec is either
 * - a folder of mlci/history documents (the history branch's `<sha>.json` files, or its
 *   `<report-id>/` folder), or that folder as committed at a revision (`git:mlci-history:.`):
 *   every document is a record, ordered by the time it was recorded (or committed); or
 * - `[LABEL=]RUN`: one past run of any format mlci reads, a record of its own (repeat the option,
 *   oldest first).
 */
export async function readHistoryArgs(
  specs: readonly string[],
  options: ReadRunOptions,
): Promise<History | undefined> {
  if (specs.length === 0) return undefined;
  const records: HistoryRecord[] = [];
  const labels: string[] = [];
  let singles = 0;
  for (const spec of specs) {
    const folder = await historyFolder(spec);
    if (folder !== undefined) {
      const read = await readHistoryFolder(spec, folder);
      records.push(...read.records);
      labels.push(read.label);
      continue;
    }
    const eq = spec.indexOf('=');
    const label = eq > 0 && !spec.startsWith('git:') ? spec.slice(0, eq) : basename(spec);
    const path = eq > 0 && !spec.startsWith('git:') ? spec.slice(eq + 1) : spec;
    if (path === '') throw new ConfigurationError(`--history ${JSON.stringify(spec)}: expected [LABEL=]FILE`);
    const { doc } = await readRun(path, options);
    records.push({ label, runs: [doc] });
    singles++;
  }
  if (singles > 0) labels.push(`${singles} ${singles === 1 ? 'run' : 'runs'} given in order`);
  return {
    records,
    // `runs`: the chart's noise band narrows for a point that is the mean of several runs.
    entries: records.map((record) => ({
      label: record.label,
      runs: record.runs.length,
      doc: meanDoc(record.runs),
    })),
    label: labels.join(' and '),
  };
}

/**
 * One point of the history chart for a record: the mean of its runs' metrics (a single run keeps
 * its curves, whose last values stand in for metrics it does not state).
 */
function meanDoc(runs: readonly MetricsDoc[]): MetricsDoc {
  if (runs.length === 1) return runs[0]!;
  return {
    metrics: meanMetrics(runs),
    series: {},
    params: runs[0]?.params ?? {},
    sources: runs.flatMap((r) => r.sources),
  };
}

/**
 * The folder a spec names when it holds mlci/history documents (its first *.json file is one);
 * undefined for anything else, which is then read as a run.
 */
async function historyFolder(spec: string): Promise<string | undefined> {
  const git = parseGitSpec(spec);
  const path = git === undefined ? spec : (await materializeGitPath(git)).path;
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) return undefined;
  const first = (await readdir(path)).filter((name) => name.endsWith('.json')).sort()[0];
  if (first === undefined) return undefined;
  const head = (await readFile(join(path, first), 'utf8').catch(() => '')).slice(0, 4096);
  return /"schema"\s*:\s*"mlci\/history"/.test(head) ? path : undefined;
}

async function readHistoryFolder(
  spec: string,
  folder: string,
): Promise<{ records: HistoryRecord[]; label: string }> {
  const git = parseGitSpec(spec);
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  if (names.length > MAX_HISTORY_FILES)
    throw new ConfigurationError(`--history ${spec}: ${names.length} files, more than ${MAX_HISTORY_FILES}`);
  const times = git === undefined ? undefined : await commitTimes(git);
  const entries: DatedHistory[] = [];
  for (const name of names) {
    const path = join(folder, name);
    const shown = git === undefined ? path : `${spec.replace(/\/+$/, '')}/${name}`;
    const info = await stat(path);
    if (info.size > MAX_HISTORY_FILE_BYTES)
      throw new ConfigurationError(`${shown}: ${info.size} bytes, more than a history document holds`);
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new ConfigurationError(`${shown}: not JSON (${(error as Error).message})`);
    }
    const entry: DatedHistory = { doc: decodeHistoryDocument(value, shown), file: name };
    const time = times === undefined ? info.mtimeMs : times.get(name);
    if (time !== undefined) entry.time = time;
    entries.push(entry);
  }
  const { records, orderedBy } = orderHistory(entries);
  const order =
    orderedBy === 'recorded time'
      ? 'by the time each was recorded'
      : orderedBy === 'given time'
        ? git === undefined
          ? 'by file time'
          : 'by commit time'
        : 'by file name';
  return {
    records,
    label: `${records.length} ${records.length === 1 ? 'record' : 'records'} of ${spec} (${order})`,
  };
}
