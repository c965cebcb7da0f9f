/**
 * Weights & Biases local run files (format id `wandb`), user-facing rules in docs/formats/wandb.md.
 *
 * `wandb-summary.json` holds each logged key's last value (or the value set with
 * `run.summary[...]`). Its top-level keys are the names people log and see in the W&B UI
 * (`loss/policy`, `eval.acc`): each one is a single key segment, so a `.` in it is escaped and a
 * gate names it exactly as W&B shows it. Values:
 * - numbers are metrics; `_step` and `_runtime` (seconds) too;
 * - strings and booleans are params; `_timestamp` (the time of the last log) is told in a note,
 *   because as a param it would "change" in every comparison;
 * - objects with a `_type` are media or tables (`histogram`, `table-file`, `image-file`, ...): not
 *   numbers, named in a note; other objects (a dict logged as one value) are flattened like JSON.
 *
 * The history (every logged row) is in the binary log `run-<id>.wandb` (wandb/binary.ts), or, for
 * clients before 0.10, in `files/wandb-history.jsonl`: curves, keyed like the summary.
 *
 * A run folder (`wandb/run-<date>-<id>/`, or its `files/`) is read as its history, then
 * `files/wandb-summary.json` (else the summary records of the log; else each curve's last value),
 * then `files/config.yaml` (else the config records of the log) as params. A `wandb/` folder of
 * runs is read as its `latest-run`, or the run chosen with `--run <id>`. A `.wandb` file given on
 * its own is read on its own: history, summary, config and exit code all come from it.
 */
import { existsSync } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { DocBuilder } from '../doc-builder.js';
import { ConfigurationError, MlciError, ParseError } from '../errors.js';
import { flattenInto } from '../flatten.js';
import { parseJsonText } from '../json-text.js';
import { childKey, escapeSegment } from '../keys.js';
import type { MetricsDoc } from '../model.js';
import {
  checkInside,
  folderScope,
  listFolder,
  probePath,
  readTextFile,
  statOrExplain,
  type FolderScope,
} from './files.js';
import { JsonLinesParser } from './jsonl.js';
import { parseYamlText } from './structured.js';
import { streamTextFile } from './tabular.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from './types.js';
import { readRunLog, type RunLog } from './wandb/binary.js';
import { HistoryTable, Role } from './wandb/history.js';
import { startsWithLogHeader } from './wandb/log.js';

const SUMMARY_FILE = 'wandb-summary.json';
const CONFIG_FILE = 'config.yaml';
const HISTORY_FILE = 'wandb-history.jsonl';
const RUN_FOLDER = /^(offline-)?run-\d{8}_\d{6}-([A-Za-z0-9]+)$/;
/** The binary log of a run folder: `run-<id>.wandb`. */
const LOG_FILE = /^run-([A-Za-z0-9]+)\.wandb$/;
/** Keys W&B itself writes that are results of the run. */
const RUN_METRICS = new Set(['_step', '_runtime']);

export const wandbReader: Reader = {
  format: 'wandb',
  title: 'Weights & Biases run files (wandb-summary.json, run-<id>.wandb, a run folder or a wandb/ folder)',
  target: 'both',
  detect(probe: Probe): number {
    if (!probe.isDirectory) {
      if (probe.name === SUMMARY_FILE || LOG_FILE.test(probe.name)) return DETECT.name;
      // ":W&B" and W&B's magic number open every run log, whatever the file is called.
      if (startsWithLogHeader(probe.head)) return DETECT.content;
      const head = new TextDecoder().decode(probe.head);
      // A renamed summary: W&B's bookkeeping keys appear wherever the dict put them.
      const own = ['"_runtime"', '"_timestamp"', '"_step"', '"_wandb"'].filter((k) => head.includes(k));
      return /^\s*\{/.test(head) && own.length >= 2 ? DETECT.content : DETECT.no;
    }
    if (probe.entries.includes(SUMMARY_FILE)) return DETECT.name;
    if (probe.entries.includes('files') && existsSync(join(probe.path, 'files', SUMMARY_FILE)))
      return DETECT.name;
    if (probe.entries.some((e) => LOG_FILE.test(e))) return DETECT.name;
    if (probe.entries.includes('latest-run') || probe.entries.some((e) => RUN_FOLDER.test(e)))
      return DETECT.name;
    return DETECT.no;
  },
  read: readWandb,
};

export async function readWandb(path: string, options: ReaderOptions): Promise<MetricsDoc> {
  const info = await statOrExplain(path);
  const builder = new DocBuilder(path, 'wandb', { maxSeriesPoints: options.maxSeriesPoints });
  if (!info.isDirectory()) {
    if (await isRunLog(path)) {
      const log = await readRunLog(path, builder, { label: '' });
      finishFromLog(builder, log, path, '', { summary: true, config: true });
    } else {
      readSummaryInto(builder, parseJsonText(await readTextFile(path), path), path);
    }
    return builder.build();
  }
  const run = await locateRun(path, options, builder);
  const { files } = run;
  // A link in the folder (latest-run) may point inside it, never out of it (#15).
  const within = await folderScope(path);
  const summary = join(files, SUMMARY_FILE);
  const history = join(files, HISTORY_FILE);
  const hasSummary = existsSync(summary);
  const hasHistory = existsSync(history);
  const logPath = run.dir === undefined ? undefined : await findRunLog(run.dir, within, builder);
  if (!hasSummary && !hasHistory && logPath === undefined) {
    const logWhere = run.dir === undefined ? '' : ` in ${run.dir === path ? 'this folder' : run.dir}`;
    throw new ConfigurationError(
      `${path}: no ${SUMMARY_FILE} in ${files === path ? 'this folder' : files} and no run-<id>.wandb log${logWhere}: W&B writes it when the run finishes (and the log while it runs); is the run still going, or was it synced elsewhere?`,
    );
  }
  const read: string[] = [];
  const label = (file: string) => relative(path, file).split(sep).join('/');
  // The history first: a summary's stated value then wins over a curve's last point.
  let log: RunLog | undefined;
  let table: HistoryTable | undefined;
  if (hasHistory) {
    table = await readHistoryLines(history, within, builder);
    read.push(label(history));
    if (logPath !== undefined)
      builder.note(`read the history of ${HISTORY_FILE}; ${label(logPath)} was not read`);
  } else if (logPath !== undefined) {
    try {
      log = await readRunLog(logPath, builder, { label: label(logPath), listed: true });
      table = log.history;
      read.push(label(logPath));
    } catch (error) {
      // A log that is no W&B log does not hide the run's summary; without one, it is the error.
      if (!(error instanceof MlciError) || !hasSummary) throw error;
      builder.warn(`not read: ${error.message}`);
    }
  }
  if (hasSummary) {
    const value = parseJsonText(await readTextFile(summary, { within }), summary);
    readSummaryInto(builder, value, summary);
    read.push(label(summary));
    if (table !== undefined) compareSteps(builder, value, table, label(summary));
  }
  const config = join(files, CONFIG_FILE);
  const hasConfig = existsSync(config);
  if (hasConfig) {
    readConfigInto(builder, parseYamlText(await readTextFile(config, { within }), config), config);
    read.push(label(config));
  }
  if (log !== undefined) {
    finishFromLog(builder, log, logPath!, label(logPath!), { summary: !hasSummary, config: !hasConfig });
  } else if (!hasSummary && table !== undefined) {
    lastValuesAsSummary(builder, table);
  }
  builder.note(`read ${read.join(', ')} of ${path}`);
  return builder.build();
}

/** A `.wandb` name, or W&B's log header in the first bytes. */
async function isRunLog(path: string): Promise<boolean> {
  if (path.endsWith('.wandb')) return true;
  return startsWithLogHeader((await probePath(path)).head);
}

/**
 * What the log says besides its history: its summary and config (unless the run folder's own
 * files were read), how the run ended, and which run it is.
 */
function finishFromLog(
  builder: DocBuilder,
  log: RunLog,
  file: string,
  name: string,
  use: { summary: boolean; config: boolean },
): void {
  if (log.version === undefined) return;
  const table = log.history;
  if (use.summary) {
    if (log.summary !== undefined) {
      readSummaryInto(builder, log.summary, file);
      compareSteps(builder, log.summary, table, `the summary in ${name === '' ? 'the log' : name}`);
    } else {
      lastValuesAsSummary(builder, table);
    }
  }
  if (use.config && log.config !== undefined) {
    // Config records hold each key's value itself, not config.yaml's {value: ..., desc: ...}.
    const wrapped: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of Object.entries(log.config)) {
      Object.defineProperty(wrapped, key, { value: { value }, enumerable: true });
    }
    readConfigInto(builder, wrapped, file);
  }
  const where = name === '' ? '' : `${name}: `;
  if (log.exitCode !== undefined) {
    builder.param('_exit_code', log.exitCode);
    if (log.exitCode !== 0) builder.warn(`${where}the run ended with exit code ${log.exitCode}`);
  } else {
    builder.note(
      `${where}no exit record${log.damaged ? ' before the damage' : ''}: the run was still going when the log was copied, or was killed before wandb could close it`,
    );
  }
  const run = log.run;
  const parts: string[] = [];
  if (run.id !== undefined) parts.push(`run ${run.id}`);
  if (run.name !== undefined && run.name !== '') parts.push(JSON.stringify(run.name));
  const place = [run.entity, run.project].filter((p) => p !== undefined && p !== '').join('/');
  if (place !== '') parts.push(`in ${place}`);
  if (run.group !== undefined && run.group !== '') parts.push(`group ${JSON.stringify(run.group)}`);
  if (run.startTime !== undefined && Number.isFinite(run.startTime) && run.startTime > 0) {
    parts.push(`started ${new Date(run.startTime * 1000).toISOString()}`);
  }
  const client = log.cliVersion === undefined ? '' : `, wandb ${log.cliVersion}`;
  builder.note(
    `${where}${parts.length > 0 ? `${parts.join(' ')}; ` : ''}W&B log format ${log.version}${client}: ${log.records} record${log.records === 1 ? '' : 's'}, ${table.describe()}`,
  );
}

/** No summary anywhere: `_step` and `_runtime` of the last row, and each curve's last value (DocBuilder). */
function lastValuesAsSummary(builder: DocBuilder, table: HistoryTable): void {
  if (table.rows === 0) return;
  builder.metric('_step', table.lastStep!);
  if (table.lastRuntimeSeconds !== undefined) builder.metric('_runtime', table.lastRuntimeSeconds);
  if (table.lastWallTime !== undefined) {
    builder.note(`last logged at ${new Date(table.lastWallTime * 1000).toISOString()} (_timestamp)`);
  }
  builder.note(
    'no summary (wandb-summary.json or a summary record): each metric is the last logged value of its curve',
  );
}

/** A summary ahead of the history means the log's last rows are missing: worth a word. */
function compareSteps(builder: DocBuilder, summary: unknown, table: HistoryTable, what: string): void {
  const step = (summary as { _step?: unknown } | null)?._step;
  const last = table.lastStep;
  if (typeof step !== 'number' || last === undefined || step <= last) return;
  builder.note(
    `${what} is at _step ${step}, the history ends at step ${last}: its last rows were not written (or not copied); the summary's values are the final ones`,
  );
}

/** W&B's history as JSON Lines (clients before 0.10): one row per line. */
async function readHistoryLines(
  path: string,
  within: FolderScope,
  builder: DocBuilder,
): Promise<HistoryTable> {
  await checkInside(path, within);
  const table = new HistoryTable(builder);
  const parser = new JsonLinesParser(
    {
      record(value) {
        table.row(value['_step'], undefined, value['_timestamp'], value['_runtime']);
        for (const name of Object.keys(value)) {
          const entry = table.keyFor(name);
          if (entry.role === Role.Value) table.value(entry, value[name]);
        }
      },
      warn(message) {
        builder.warn(`${HISTORY_FILE}: ${message}`);
      },
    },
    path,
  );
  await streamTextFile(path, (text) => parser.push(text));
  parser.end();
  table.finish(`${HISTORY_FILE}: `);
  return table;
}

/**
 * The run's `run-<id>.wandb` in `dir`, if any: the one named after the folder's run id when there
 * are several. Links are followed only inside the folder being read.
 */
async function findRunLog(
  dir: string,
  within: FolderScope,
  builder: DocBuilder,
): Promise<string | undefined> {
  if (!existsSync(dir)) return undefined;
  const listing = await listFolder(dir, within);
  for (const { name, why } of listing.refused) {
    if (LOG_FILE.test(name)) builder.warn(`not opened: ${join(dir, name)} (${why})`);
  }
  const logs = listing.entries.filter((e) => !e.isDirectory && LOG_FILE.test(e.name));
  if (logs.length <= 1) return logs[0]?.path;
  const id = RUN_FOLDER.exec(basename(dir))?.[2];
  const chosen = logs.find((e) => LOG_FILE.exec(e.name)![1] === id) ?? logs[0]!;
  builder.note(`${dir} holds ${logs.length} run logs; read ${chosen.name}`);
  return chosen.path;
}

/** A run: the folder of its `files/` (summary, config) and the folder of its log, when known. */
interface RunFolders {
  files: string;
  /** Where `run-<id>.wandb` would be; undefined for a `files/` folder given on its own. */
  dir: string | undefined;
}

/** The run a folder names: a `files/` folder, a run folder, or a `wandb/` root. */
async function locateRun(path: string, options: ReaderOptions, builder: DocBuilder): Promise<RunFolders> {
  const entries = await readdir(path);
  const hasLog = entries.some((e) => LOG_FILE.test(e));
  if (entries.includes(SUMMARY_FILE) || entries.includes(HISTORY_FILE)) {
    return { files: path, dir: hasLog ? path : undefined };
  }
  if (hasLog) return { files: join(path, 'files'), dir: path };
  if (existsSync(join(path, 'files', SUMMARY_FILE))) return { files: join(path, 'files'), dir: path };
  // A run folder (or its files/) whose summary is not written yet: the caller says so.
  if (RUN_FOLDER.test(basename(path)) && existsSync(join(path, 'files'))) {
    return { files: join(path, 'files'), dir: path };
  }
  if (entries.includes(CONFIG_FILE) || entries.includes('wandb-metadata.json')) {
    return { files: path, dir: undefined };
  }
  // Run folder names carry the start time (run-20240102_030405-<id>); offline runs sort with the rest.
  const startOf = (name: string) => name.replace(/^offline-/, '');
  const runs = (await readdir(path, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && RUN_FOLDER.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => (startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : 0));
  const runAt = (dir: string): RunFolders => ({ files: join(dir, 'files'), dir });
  if (options.run !== undefined) {
    const wanted = options.run;
    const match = runs.filter((name) => name === wanted || RUN_FOLDER.exec(name)![2] === wanted);
    if (match.length === 0) {
      throw new ConfigurationError(
        `${path}: no W&B run ${JSON.stringify(wanted)} here; runs: ${runs.map((r) => RUN_FOLDER.exec(r)![2]).join(', ') || 'none'}`,
      );
    }
    builder.note(`chose run ${match[0]} (--run ${wanted})`);
    return runAt(join(path, match[0]!));
  }
  if (existsSync(join(path, 'latest-run'))) {
    const target = basename(await realpath(join(path, 'latest-run')));
    builder.note(`chose the run latest-run points at: ${target}`);
    return runAt(join(path, 'latest-run'));
  }
  const latest = runs.at(-1);
  if (latest === undefined) {
    throw new ConfigurationError(
      `${path}: no ${SUMMARY_FILE}, files/${SUMMARY_FILE}, run-<id>.wandb or run-* folder here`,
    );
  }
  builder.note(
    `chose the newest of ${runs.length} run${runs.length === 1 ? '' : 's'}: ${latest} (pass --run <id> for another)`,
  );
  return runAt(join(path, latest));
}

export function readSummaryInto(builder: DocBuilder, value: unknown, file: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ParseError(
      { file },
      `expected a JSON object of logged values (a wandb-summary.json), found ${describe(value)}`,
    );
  }
  const media: string[] = [];
  const rest: Record<string, unknown> = {};
  for (const [name, node] of Object.entries(value as Record<string, unknown>)) {
    if (name === '_timestamp') {
      if (typeof node === 'number' && Number.isFinite(node)) {
        builder.note(`last logged at ${new Date(node * 1000).toISOString()} (_timestamp)`);
      }
      continue;
    }
    if (name === '_wandb') {
      // Newer clients keep the runtime here: {"_wandb": {"runtime": 42}}.
      const runtime = (node as { runtime?: unknown } | null)?.runtime;
      if (typeof runtime === 'number' && !('_runtime' in value)) builder.metric('_runtime', runtime);
      continue;
    }
    if (node !== null && typeof node === 'object' && !Array.isArray(node) && '_type' in node) {
      media.push(`${name} (${String((node as { _type: unknown })._type)})`);
      continue;
    }
    if (RUN_METRICS.has(name) && typeof node === 'number') {
      builder.metric(escapeSegment(name), node);
      continue;
    }
    rest[name] = node;
  }
  // One walk for the rest, so its note counts quoted numbers once for the whole file.
  flattenInto(builder, rest, 'metrics');
  if (media.length > 0) {
    const shown = media.slice(0, 8).join(', ');
    builder.note(
      `not numbers (W&B media and tables): ${shown}${media.length > 8 ? ` and ${media.length - 8} more` : ''}`,
    );
  }
}

/**
 * `config.yaml`: `{name: {value: X, desc: ...}}` per config key, plus W&B's own `wandb_version` and
 * `_wandb` (client bookkeeping, not the user's settings).
 */
export function readConfigInto(builder: DocBuilder, value: unknown, file: string): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ParseError(
      { file },
      `expected a mapping of config keys (a W&B config.yaml), found ${describe(value)}`,
    );
  }
  for (const [name, node] of Object.entries(value as Record<string, unknown>)) {
    if (name === 'wandb_version' || name === '_wandb') continue;
    const inner =
      node !== null && typeof node === 'object' && !Array.isArray(node) && 'value' in node
        ? (node as { value: unknown }).value
        : node;
    const key = childKey('', name);
    if (inner !== null && typeof inner === 'object') flattenInto(builder, inner, 'params', key);
    else flattenInto(builder, { [name]: inner }, 'params');
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
