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
 * A run folder (`wandb/run-<date>-<id>/`, or its `files/`) is read as its `files/wandb-summary.json`
 * plus `files/config.yaml` (the run's config: params). A `wandb/` folder of runs is read as its
 * `latest-run`, or the run chosen with `--run <id>`.
 */
import { existsSync } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DocBuilder } from '../doc-builder.js';
import { ConfigurationError, ParseError } from '../errors.js';
import { flattenInto } from '../flatten.js';
import { parseJsonText } from '../json-text.js';
import { childKey, escapeSegment } from '../keys.js';
import type { MetricsDoc } from '../model.js';
import { folderScope, readTextFile, statOrExplain } from './files.js';
import { parseYamlText } from './structured.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from './types.js';

const SUMMARY_FILE = 'wandb-summary.json';
const CONFIG_FILE = 'config.yaml';
const RUN_FOLDER = /^(offline-)?run-\d{8}_\d{6}-([A-Za-z0-9]+)$/;
/** Keys W&B itself writes that are results of the run. */
const RUN_METRICS = new Set(['_step', '_runtime']);

export const wandbReader: Reader = {
  format: 'wandb',
  title: 'Weights & Biases run files (wandb-summary.json, a run folder or a wandb/ folder)',
  target: 'both',
  detect(probe: Probe): number {
    if (!probe.isDirectory) {
      if (probe.name === SUMMARY_FILE) return DETECT.name;
      const head = new TextDecoder().decode(probe.head);
      // A renamed summary: W&B's bookkeeping keys appear wherever the dict put them.
      const own = ['"_runtime"', '"_timestamp"', '"_step"', '"_wandb"'].filter((k) => head.includes(k));
      return /^\s*\{/.test(head) && own.length >= 2 ? DETECT.content : DETECT.no;
    }
    if (probe.entries.includes(SUMMARY_FILE)) return DETECT.name;
    if (probe.entries.includes('files') && existsSync(join(probe.path, 'files', SUMMARY_FILE)))
      return DETECT.name;
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
    readSummaryInto(builder, parseJsonText(await readTextFile(path), path), path);
    return builder.build();
  }
  const files = await runFilesFolder(path, options, builder);
  // A link in the folder (latest-run) may point inside it, never out of it (#15).
  const within = await folderScope(path);
  const summary = join(files, SUMMARY_FILE);
  if (!existsSync(summary)) {
    throw new ConfigurationError(
      `${path}: no ${SUMMARY_FILE} in ${files === path ? 'this folder' : files}: W&B writes it when the run finishes (or on run.summary updates); is the run still going, or was it synced elsewhere?`,
    );
  }
  readSummaryInto(builder, parseJsonText(await readTextFile(summary, { within }), summary), summary);
  const read = [SUMMARY_FILE];
  const config = join(files, CONFIG_FILE);
  if (existsSync(config)) {
    readConfigInto(builder, parseYamlText(await readTextFile(config, { within }), config), config);
    read.push(CONFIG_FILE);
  }
  builder.note(`read ${read.join(' and ')} of ${files}`);
  return builder.build();
}

/** The `files/` folder of the run a folder names: the folder itself, a run folder, or a `wandb/` root. */
async function runFilesFolder(path: string, options: ReaderOptions, builder: DocBuilder): Promise<string> {
  if (existsSync(join(path, SUMMARY_FILE))) return path;
  if (existsSync(join(path, 'files', SUMMARY_FILE))) return join(path, 'files');
  // A run folder (or its files/) whose summary is not written yet: the caller says so.
  if (RUN_FOLDER.test(basename(path)) && existsSync(join(path, 'files'))) return join(path, 'files');
  if (existsSync(join(path, CONFIG_FILE)) || existsSync(join(path, 'wandb-metadata.json'))) return path;
  // Run folder names carry the start time (run-20240102_030405-<id>); offline runs sort with the rest.
  const startOf = (name: string) => name.replace(/^offline-/, '');
  const runs = (await readdir(path, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && RUN_FOLDER.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => (startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : 0));
  if (options.run !== undefined) {
    const wanted = options.run;
    const match = runs.filter((name) => name === wanted || RUN_FOLDER.exec(name)![2] === wanted);
    if (match.length === 0) {
      throw new ConfigurationError(
        `${path}: no W&B run ${JSON.stringify(wanted)} here; runs: ${runs.map((r) => RUN_FOLDER.exec(r)![2]).join(', ') || 'none'}`,
      );
    }
    builder.note(`chose run ${match[0]} (--run ${wanted})`);
    return join(path, match[0]!, 'files');
  }
  if (existsSync(join(path, 'latest-run'))) {
    const target = basename(await realpath(join(path, 'latest-run')));
    builder.note(`chose the run latest-run points at: ${target}`);
    return join(path, 'latest-run', 'files');
  }
  const latest = runs.at(-1);
  if (latest === undefined) {
    throw new ConfigurationError(`${path}: no ${SUMMARY_FILE}, files/${SUMMARY_FILE} or run-* folder here`);
  }
  builder.note(
    `chose the newest of ${runs.length} run${runs.length === 1 ? '' : 's'}: ${latest} (pass --run <id> for another)`,
  );
  return join(path, latest, 'files');
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
