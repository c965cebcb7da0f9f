import { join } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { mergeDocs } from '../merge.js';
import type { FormatId, MetricsDoc } from '../model.js';
import { DEFAULT_MAX_SERIES_POINTS } from '../series.js';
import { folderScope, listFolder, probePath } from './files.js';
import { csvReader, tsvReader } from './delimited.js';
import { dvcliveReader } from './dvclive.js';
import { hfTrainerReader } from './hf-trainer.js';
import { mlflowReader } from './mlflow.js';
import { tensorboardReader } from './tensorboard/reader.js';
import { jsonlReader } from './jsonl.js';
import { junitReader } from './junit.js';
import { sklearnReportReader } from './sklearn-report.js';
import { wandbReader } from './wandb.js';
import { benchmarkReader } from './benchmark.js';
import { inspectAiReader } from './llm-eval/inspect-ai.js';
import { lmEvalReader } from './llm-eval/lm-eval.js';
import { promptfooReader } from './llm-eval/promptfoo.js';
import { jsonReader, tomlReader, yamlReader } from './structured.js';
import type { Probe, Reader, ReaderOptions } from './types.js';

/**
 * Every reader, most specific first: on equal detection scores the earlier one wins, so a tool's
 * own format (Hugging Face, W&B, scikit-learn) beats the generic file type it is written in.
 */
export const READERS: readonly Reader[] = [
  dvcliveReader,
  hfTrainerReader,
  mlflowReader,
  tensorboardReader,
  wandbReader,
  lmEvalReader,
  promptfooReader,
  inspectAiReader,
  junitReader,
  sklearnReportReader,
  benchmarkReader,
  csvReader,
  tsvReader,
  jsonlReader,
  jsonReader,
  yamlReader,
  tomlReader,
];

const ALIASES: Record<string, FormatId> = {
  yml: 'yaml',
  ndjson: 'jsonl',
  'json-lines': 'jsonl',
  hf: 'hf-trainer',
  huggingface: 'hf-trainer',
  transformers: 'hf-trainer',
  mlruns: 'mlflow',
  tfevents: 'tensorboard',
  tb: 'tensorboard',
  'junit-xml': 'junit',
  sklearn: 'sklearn-report',
  classification_report: 'sklearn-report',
  'weights-and-biases': 'wandb',
  'wandb-summary': 'wandb',
  xunit: 'junit',
  'classification-report': 'sklearn-report',
  lm_eval: 'lm-eval',
  lmeval: 'lm-eval',
  'lm-evaluation-harness': 'lm-eval',
  inspect: 'inspect-ai',
  inspect_ai: 'inspect-ai',
  'pytest-benchmark': 'benchmark',
  hyperfine: 'benchmark',
  'google-benchmark': 'benchmark',
  timings: 'benchmark',
};

export interface ReadOptions extends Partial<ReaderOptions> {
  /** Skip detection and read every path as this format (a format id or an alias). */
  format?: string;
}

export function formatNames(): string[] {
  return READERS.map((r) => r.format);
}

export function resolveFormat(name: string): Reader {
  const wanted = name.trim().toLowerCase();
  const id = ALIASES[wanted] ?? wanted;
  const reader = READERS.find((r) => r.format === id);
  if (reader === undefined) {
    throw new ConfigurationError(
      `unknown format ${JSON.stringify(name)}: expected one of ${formatNames().join(', ')}`,
    );
  }
  return reader;
}

export function chooseReader(probe: Probe): Reader | undefined {
  return detectBest(probe)?.reader;
}

/** The reader most confident about `probe`, with its score (DETECT); undefined when none is. */
export function detectBest(probe: Probe): { reader: Reader; score: number } | undefined {
  let best: Reader | undefined;
  let bestScore = 0;
  for (const reader of READERS) {
    if (reader.target === 'file' && probe.isDirectory) continue;
    if (reader.target === 'directory' && !probe.isDirectory) continue;
    const score = reader.detect(probe);
    if (score > bestScore) {
      best = reader;
      bestScore = score;
    }
  }
  return best === undefined ? undefined : { reader: best, score: bestScore };
}

export async function detectReader(path: string): Promise<Reader> {
  const probe = await probePath(path);
  const reader = chooseReader(probe);
  if (reader !== undefined) return reader;
  throw unrecognised(probe);
}

function unrecognised(probe: Probe): ConfigurationError {
  const kinds = READERS.filter((r) => r.target !== (probe.isDirectory ? 'file' : 'directory'))
    .map((r) => `${r.format} (${r.title})`)
    .join(', ');
  if (probe.isDirectory) {
    return new ConfigurationError(
      `${probe.path}: found no metrics mlci recognises in this folder (it holds ${describeEntries(probe.entries)}). Folders can be: ${kinds}, or hold such files. Point at a metrics file instead, or pass --format.`,
    );
  }
  return new ConfigurationError(
    `${probe.path}: cannot tell which metrics format this is from its name or first bytes. Pass --format with one of: ${kinds}.`,
  );
}

const LOG_FORMATS = new Set<FormatId>(['csv', 'tsv', 'jsonl', 'tensorboard']);

/** Files that sit beside metrics but are configuration, never results. */
const NOT_METRICS =
  /^(\..*|dvc\.(yaml|lock)|.*\.dvc|package(-lock)?\.json|tsconfig\.json|MLproject|conda\.ya?ml|requirements.*\.txt|.*\.md)$/;

/**
 * A folder that is no tool's output folder (a `results/` with metrics.json and a training log):
 * every file in it that a reader recognises, read as one run in name order. Sub-folders and files
 * no reader recognises are named in a note, so nothing is left out silently. Devices, FIFOs,
 * sockets and symbolic links that leave the folder (or dangle, or loop) are named in a warning and
 * never opened.
 */
async function readPlainFolder(probe: Probe, options: ReaderOptions): Promise<MetricsDoc> {
  const found: Array<{ path: string; reader: Reader }> = [];
  const ignored: string[] = [];
  const listing = await listFolder(probe.path, await folderScope(probe.path));
  for (const entry of listing.entries) {
    if (entry.isDirectory) {
      ignored.push(`${entry.name}/`);
      continue;
    }
    if (NOT_METRICS.test(entry.name)) {
      ignored.push(entry.name);
      continue;
    }
    const reader = chooseReader(await probePath(entry.path, true));
    if (reader === undefined) ignored.push(entry.name);
    else found.push({ path: entry.path, reader });
  }
  const refused = listing.refused.map(({ name, why }) => `${name} (${why})`);
  // Logs first: a summary file's stated value then wins over a curve's last point of the same name,
  // as it does inside one file (a Keras log's training `accuracy` vs metrics.json's test accuracy).
  found.sort((a, b) => Number(!LOG_FORMATS.has(a.reader.format)) - Number(!LOG_FORMATS.has(b.reader.format)));
  const docs: MetricsDoc[] = [];
  for (const { path, reader } of found) docs.push(await reader.read(path, options));
  if (docs.length === 0) {
    const error = unrecognised(probe);
    if (refused.length === 0) throw error;
    throw new ConfigurationError(`${error.message} Not opened: ${describeEntries(refused)}.`);
  }
  const merged = mergeDocs(docs);
  if (ignored.length > 0) {
    merged.sources[0]!.notes.push(
      `read the recognised files of folder ${probe.path}; not read: ${describeEntries(ignored)}`,
    );
  }
  if (refused.length > 0) {
    merged.sources[0]!.warnings.push(
      `not opened in folder ${probe.path}: ${describeEntries(refused)}; mlci reads regular files, and symbolic links only to what is inside the folder`,
    );
  }
  return merged;
}

function describeEntries(entries: string[]): string {
  if (entries.length === 0) return 'nothing';
  const shown = entries.slice(0, 8).join(', ');
  return entries.length > 8 ? `${shown} and ${entries.length - 8} more` : shown;
}

/** Reads one path (file or folder) with the given or detected reader. */
export async function readMetricsPath(path: string, options: ReadOptions = {}): Promise<MetricsDoc> {
  const readerOptions: ReaderOptions = {
    maxSeriesPoints: options.maxSeriesPoints ?? DEFAULT_MAX_SERIES_POINTS,
  };
  if (options.run !== undefined) readerOptions.run = options.run;
  if (options.format !== undefined && options.format !== '') {
    const reader = resolveFormat(options.format);
    const probe = await probePath(path);
    if (reader.target === 'file' && probe.isDirectory) {
      throw new ConfigurationError(`${path}: is a folder, but format ${reader.format} reads files`);
    }
    if (reader.target === 'directory' && !probe.isDirectory) {
      throw new ConfigurationError(`${path}: is a file, but format ${reader.format} reads folders`);
    }
    return reader.read(path, readerOptions);
  }
  const probe = await probePath(path);
  const reader = chooseReader(probe);
  if (reader !== undefined) return reader.read(path, readerOptions);
  if (probe.isDirectory) return readPlainFolder(probe, readerOptions);
  throw unrecognised(probe);
}

/** Reads several paths as one run: later inputs win on equal keys, with a note. */
export async function readMetrics(paths: readonly string[], options: ReadOptions = {}): Promise<MetricsDoc> {
  if (paths.length === 0)
    throw new ConfigurationError('no metrics file given: name at least one file or folder');
  const docs: MetricsDoc[] = [];
  for (const path of paths) docs.push(await readMetricsPath(path, options));
  return mergeDocs(docs);
}

/** For folder readers: the path of an entry inside a probed folder. */
export function entryPath(probe: Probe, entry: string): string {
  return join(probe.path, entry);
}
