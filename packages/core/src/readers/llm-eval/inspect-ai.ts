/**
 * UK AISI's Inspect AI eval logs (format id `inspect-ai`), user-facing rules in
 * docs/formats/inspect-ai.md. A log is one task run against one model:
 * - `.json` (`inspect eval --log-format json`): `{ version, status, eval, plan, results, stats,
 *   error?, samples, reductions }`;
 * - `.eval` (the default): a zip archive of `header.json` (the same fields but the samples),
 *   `samples/<id>_epoch_<n>.json` (one transcript each), `summaries.json` (each sample's scores
 *   without its transcript) and `reductions.json` (each sample's score after the epochs are
 *   reduced); a log still being written has `_journal/start.json` and `_journal/summaries/*.json`.
 * Metrics: `results.scores[]`, each scorer's metrics as `<task>.<score>.<metric>`
 * (`popularity.match.accuracy`, `popularity.match.stderr`). Per-example results: each sample's
 * score by scorer, after the epochs are reduced (as the metrics are computed), `C`/`I` read as 1/0
 * (`P` 0.5, `N` 0, as Inspect's value_to_float does), numbers as they are; kept as the task
 * `<task>.<score>` under its mean metrics (`accuracy`, `mean`), by sample id.
 * From an `.eval` archive only the header, summaries and reductions are read, never the
 * transcripts; every entry is inflated within size caps (zip.ts).
 */
import { join } from 'node:path';
import { DocBuilder } from '../../doc-builder.js';
import { ConfigurationError, ParseError } from '../../errors.js';
import { flattenInto } from '../../flatten.js';
import { parseJsonText } from '../../json-text.js';
import { childKey, escapeSegment } from '../../keys.js';
import { mergeDocs } from '../../merge.js';
import type { ExampleResults, MetricsDoc } from '../../model.js';
import {
  checkInside,
  decodeUtf8,
  extensionOf,
  folderScope,
  listFolder,
  MAX_DOCUMENT_BYTES,
  readTextFile,
  statOrExplain,
  type FolderScope,
} from '../files.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from '../types.js';
import { describeValue, ExampleTable, isPlainObject, listed, plural, sameValue } from './examples.js';
import { ZipArchive } from './zip.js';

/** `<created>_<task>_<id>.eval|json`, as Inspect names its logs (created: `2025-02-11T15-18-04-05-00`). */
const LOG_NAME =
  /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:[+-]\d{2}-\d{2}|Z)?)_(.+)_([A-Za-z0-9]+)\.(eval|json)$/;
/** A JSON log starts with its version and status, then its eval spec. */
const JSON_LOG_HEAD = /^\s*\{\s*"version"\s*:\s*\d+\s*,\s*"status"\s*:\s*"[a-z]+"\s*,\s*"eval"\s*:/;
/** Metrics computed as the mean of the per-example values: what a paired gate can pair. */
const MEAN_METRICS = new Set(['accuracy', 'mean']);
/** Inspect's value_to_float for its letter values. */
const LETTERS: Record<string, number> = { C: 1, I: 0, P: 0.5, N: 0 };
const WORDS: Record<string, number> = { yes: 1, true: 1, no: 0, false: 0 };
const ARCHIVE_LIMITS = { entryBytes: MAX_DOCUMENT_BYTES, totalBytes: MAX_DOCUMENT_BYTES };

export const inspectAiReader: Reader = {
  format: 'inspect-ai',
  title: 'Inspect AI eval log (.eval or .json, or a folder of them)',
  target: 'both',
  detect(probe: Probe): number {
    if (probe.isDirectory)
      return probe.entries.some((e) => LOG_NAME.test(e) && e.endsWith('.eval')) ? DETECT.name : DETECT.no;
    const ext = extensionOf(probe.name);
    if (ext === 'eval') return isZip(probe.head) ? DETECT.name : DETECT.no;
    if (ext !== 'json') return DETECT.no;
    return JSON_LOG_HEAD.test(new TextDecoder().decode(probe.head)) ? DETECT.content : DETECT.no;
  },
  read: readInspectAi,
};

function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** What a log holds, whichever its form. */
interface LogParts {
  /** version, status, eval, plan, results, stats, error. */
  header: Record<string, unknown>;
  /** Each sample's score after the epochs were reduced, by scorer. */
  reductions?: unknown;
  /** Each sample (or its summary) with `id`, `epoch` and `scores`. */
  samples?: unknown[];
  /** Where each part came from, for messages. */
  where: { reductions: string; samples: string };
}

export async function readInspectAi(path: string, options: ReaderOptions): Promise<MetricsDoc> {
  const info = await statOrExplain(path);
  if (info.isDirectory()) return readFolder(path, options);
  return readLog(path, options, undefined);
}

async function readLog(
  path: string,
  options: ReaderOptions,
  scope: FolderScope | undefined,
): Promise<MetricsDoc> {
  if (scope !== undefined) await checkInside(path, scope);
  const builder = new DocBuilder(path, 'inspect-ai', { maxSeriesPoints: options.maxSeriesPoints });
  const parts = extensionOf(path) === 'eval' ? readArchive(path, builder) : await readJsonLog(path);
  const examples = readLogInto(builder, parts, path);
  const doc = builder.build();
  if (examples.length > 0) doc.examples = examples;
  return doc;
}

async function readJsonLog(path: string): Promise<LogParts> {
  const value = parseJsonText(await readTextFile(path), path);
  if (!isPlainObject(value) || !isPlainObject(value['eval'])) {
    throw new ParseError(
      { file: path, key: 'eval' },
      `expected an Inspect AI log: an object with "eval" (the task, model and settings) and "results", found ${isPlainObject(value) ? `eval: ${describeValue(value['eval'])}` : describeValue(value)}`,
    );
  }
  const parts: LogParts = { header: value, where: { reductions: path, samples: path } };
  if (value['reductions'] !== undefined && value['reductions'] !== null)
    parts.reductions = value['reductions'];
  if (Array.isArray(value['samples'])) parts.samples = value['samples'];
  return parts;
}

/** The header, reductions and summaries of an `.eval` archive; the transcripts are not read. */
function readArchive(path: string, builder: DocBuilder): LogParts {
  const archive = new ZipArchive(path, ARCHIVE_LIMITS);
  try {
    const json = (name: string): unknown => {
      const entry = archive.find(name)!;
      const label = `${path} (${name})`;
      return parseJsonText(decodeUtf8(archive.read(entry), label), label);
    };
    let header: unknown;
    if (archive.find('header.json') !== undefined) {
      header = json('header.json');
    } else if (archive.find('_journal/start.json') !== undefined) {
      header = json('_journal/start.json');
      builder.warn(
        `${path}: no header.json, only the journal of a log still being written (or cut off): no results yet`,
      );
      if (isPlainObject(header) && header['status'] === undefined) header['status'] = 'started';
    } else {
      throw new ParseError(
        { file: path },
        `expected an Inspect AI .eval log (a zip archive with header.json), found an archive of ${
          listed(
            archive.entries.map((e) => e.name),
            5,
          ) || 'nothing'
        }`,
      );
    }
    if (!isPlainObject(header) || !isPlainObject(header['eval'])) {
      throw new ParseError(
        { file: `${path} (header.json)`, key: 'eval' },
        `expected the log's header: an object with "eval" (the task, model and settings), found ${describeValue(header)}`,
      );
    }
    const parts: LogParts = {
      header,
      where: { reductions: `${path} (reductions.json)`, samples: `${path} (summaries.json)` },
    };
    if (archive.find('reductions.json') !== undefined) parts.reductions = json('reductions.json');
    // The summaries are only needed for a scorer the reductions leave out: they are most of what
    // a large log's archive would inflate.
    if (reducesEveryScorer(header, parts.reductions)) return parts;
    if (archive.find('summaries.json') !== undefined) {
      const summaries = json('summaries.json');
      if (Array.isArray(summaries)) parts.samples = summaries;
    } else {
      const journal = archive.entries
        .filter((e) => /^_journal\/summaries\/\d+\.json$/.test(e.name))
        .sort((a, b) => journalIndex(a.name) - journalIndex(b.name));
      if (journal.length > 0) {
        parts.samples = journal.flatMap((e) => {
          const list = json(e.name);
          return Array.isArray(list) ? list : [];
        });
        parts.where.samples = `${path} (_journal/summaries)`;
      }
    }
    return parts;
  } finally {
    archive.close();
  }
}

/** Whether the reductions hold a list of samples for every scorer of the results. */
function reducesEveryScorer(header: Record<string, unknown>, reductions: unknown): boolean {
  if (!Array.isArray(reductions)) return false;
  const results = header['results'];
  const scores = isPlainObject(results) && Array.isArray(results['scores']) ? results['scores'] : [];
  const reduced = new Set(
    reductions
      .filter((r) => isPlainObject(r) && Array.isArray(r['samples']))
      .map((r) => (r as Record<string, unknown>)['scorer']),
  );
  return scores.every(
    (score) =>
      isPlainObject(score) &&
      reduced.has(typeof score['scorer'] === 'string' ? score['scorer'] : score['name']),
  );
}

function journalIndex(name: string): number {
  return Number(/(\d+)\.json$/.exec(name)![1]);
}

/** A score's value as a number, as Inspect's value_to_float reads it; undefined if it is none. */
function scoreNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return undefined;
  const letter = LETTERS[value];
  if (letter !== undefined) return letter;
  const word = WORDS[value.trim().toLowerCase()];
  if (word !== undefined) return word;
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

/** One entry of `results.scores`. */
interface ScoreEntry {
  name: string;
  scorer: string;
  reducer?: string;
  metrics: Map<string, number>;
  /** The segment of its metrics' keys. */
  key: string;
}

function readLogInto(builder: DocBuilder, parts: LogParts, file: string): ExampleResults[] {
  const header = parts.header;
  const spec = header['eval'] as Record<string, unknown>;
  const fullTask = typeof spec['task'] === 'string' && spec['task'] !== '' ? spec['task'] : 'task';
  // `inspect_evals/arc_easy` is the task arc_easy of the inspect_evals package.
  const task = fullTask.split('/').pop()!;
  const taskKey = escapeSegment(task);
  readSpec(builder, spec, fullTask);
  const status = typeof header['status'] === 'string' ? header['status'] : 'unknown';
  builder.param('status', status);
  if (status !== 'success') {
    const error = isPlainObject(header['error']) ? header['error']['message'] : undefined;
    builder.warn(
      `the evaluation's status is ${status}${typeof error === 'string' ? ` (${error.split('\n')[0]!.slice(0, 300)})` : ''}, not success: its results may be partial or missing`,
    );
  }
  const results = header['results'];
  if (!isPlainObject(results)) {
    builder.note('no results in this log (the evaluation did not finish)');
    return [];
  }
  for (const field of ['total_samples', 'completed_samples']) {
    if (typeof results[field] === 'number') builder.metric(childKey(taskKey, field), results[field]);
  }
  const dataset = isPlainObject(spec['dataset']) ? spec['dataset']['samples'] : undefined;
  const total = results['total_samples'];
  if (typeof dataset === 'number' && typeof total === 'number' && total < dataset)
    builder.note(`evaluated ${total} of the dataset's ${dataset} samples (--limit)`);
  readUsage(builder, header['stats'], taskKey);
  const scores = readScores(builder, results['scores'], taskKey, file);
  if (scores.length === 0) return [];
  return readExamples(builder, parts, scores);
}

function readSpec(builder: DocBuilder, spec: Record<string, unknown>, task: string): void {
  builder.param('task', task);
  for (const field of ['model', 'created', 'run_id', 'eval_id', 'task_version']) {
    const v = spec[field];
    if (typeof v === 'string' || typeof v === 'number') builder.param(field, v);
  }
  const dataset = spec['dataset'];
  if (isPlainObject(dataset)) {
    if (typeof dataset['name'] === 'string') builder.param('dataset', dataset['name']);
    if (typeof dataset['samples'] === 'number') builder.param('dataset_samples', dataset['samples']);
  }
  const packages = spec['packages'];
  if (isPlainObject(packages) && typeof packages['inspect_ai'] === 'string')
    builder.param('inspect_ai_version', packages['inspect_ai']);
  const revision = spec['revision'];
  if (isPlainObject(revision) && typeof revision['commit'] === 'string')
    builder.param('git_commit', revision['commit']);
  for (const field of ['config', 'task_args', 'model_generate_config']) {
    const v = spec[field];
    if (isPlainObject(v) && Object.keys(v).length > 0) flattenInto(builder, v, 'params', field);
  }
}

/** Tokens over every model the evaluation called. */
function readUsage(builder: DocBuilder, stats: unknown, taskKey: string): void {
  if (!isPlainObject(stats) || !isPlainObject(stats['model_usage'])) return;
  const totals = new Map<string, number>();
  for (const usage of Object.values(stats['model_usage'])) {
    if (!isPlainObject(usage)) continue;
    for (const field of ['input_tokens', 'output_tokens', 'total_tokens']) {
      const v = usage[field];
      if (typeof v === 'number') totals.set(field, (totals.get(field) ?? 0) + v);
    }
  }
  for (const [field, total] of totals) builder.metric(childKey(taskKey, field), total);
}

function readScores(builder: DocBuilder, value: unknown, taskKey: string, file: string): ScoreEntry[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new ParseError(
      { file, key: 'results.scores' },
      `expected a list of scores (one per scorer), found ${describeValue(value)}`,
    );
  }
  const entries: ScoreEntry[] = [];
  const names = new Map<string, number>();
  for (const raw of value) {
    if (!isPlainObject(raw) || typeof raw['name'] !== 'string') continue;
    names.set(raw['name'], (names.get(raw['name']) ?? 0) + 1);
  }
  value.forEach((raw, index) => {
    if (!isPlainObject(raw) || typeof raw['name'] !== 'string') {
      builder.warn(`${file}: results.scores[${index}] is ${describeValue(raw)}, not a named score; skipped`);
      return;
    }
    const name = raw['name'];
    const reducer = typeof raw['reducer'] === 'string' ? raw['reducer'] : undefined;
    // Two scores of one name (one scorer, several reducers) are told apart by their reducer.
    const segment = names.get(name)! > 1 && reducer !== undefined ? `${name}_${reducer}` : name;
    const entry: ScoreEntry = {
      name,
      scorer: typeof raw['scorer'] === 'string' ? raw['scorer'] : name,
      metrics: new Map(),
      key: childKey(taskKey, segment),
    };
    if (reducer !== undefined) entry.reducer = reducer;
    const metrics = isPlainObject(raw['metrics']) ? raw['metrics'] : {};
    for (const [metricName, metric] of Object.entries(metrics)) {
      const v = isPlainObject(metric) ? metric['value'] : metric;
      const key = childKey(entry.key, metricName);
      if (typeof v === 'number') {
        builder.metric(key, v);
        entry.metrics.set(metricName, v);
      } else if (isPlainObject(v)) {
        flattenInto(builder, v, 'metrics', key);
      } else {
        builder.skip(key, describeValue(v));
      }
    }
    entries.push(entry);
  });
  return entries;
}

/**
 * Each scorer's per-sample values, as the metrics saw them: from the reductions (one value per
 * sample after its epochs are reduced), else from the samples' own scores, averaged over epochs
 * (Inspect's default reducer).
 */
function readExamples(builder: DocBuilder, parts: LogParts, scores: ScoreEntry[]): ExampleResults[] {
  const out: ExampleResults[] = [];
  const mismatched: string[] = [];
  const noMean: string[] = [];
  const notNumbers: string[] = [];
  const missing: string[] = [];
  const reductions = Array.isArray(parts.reductions) ? parts.reductions.filter(isPlainObject) : undefined;
  let epochsNoted = false;
  for (const score of scores) {
    const means = [...score.metrics.keys()].filter((m) => MEAN_METRICS.has(m));
    if (means.length === 0) {
      noMean.push(score.key);
      continue;
    }
    // A scorer that returns a dict of values has one score per key, named by the key.
    const pick = (value: unknown): unknown =>
      score.name !== score.scorer && isPlainObject(value) ? value[score.name] : value;
    const reduction = reductions?.find(
      (r) =>
        r['scorer'] === score.scorer &&
        (score.reducer === undefined || r['reducer'] === undefined || r['reducer'] === score.reducer),
    );
    const values = new Map<string, { sum: number; n: number }>();
    let unreadable = 0;
    let file: string;
    const add = (id: string | undefined, value: unknown) => {
      if (id === undefined) return;
      const n = scoreNumber(pick(value));
      if (n === undefined) {
        unreadable++;
        return;
      }
      const entry = values.get(id);
      if (entry === undefined) values.set(id, { sum: n, n: 1 });
      else {
        entry.sum += n;
        entry.n++;
      }
    };
    if (reduction !== undefined && Array.isArray(reduction['samples'])) {
      file = parts.where.reductions;
      for (const sample of reduction['samples'])
        if (isPlainObject(sample)) add(sampleId(sample['sample_id']), sample['value']);
    } else if (parts.samples !== undefined) {
      file = parts.where.samples;
      let epochs = 1;
      for (const sample of parts.samples) {
        if (!isPlainObject(sample) || !isPlainObject(sample['scores'])) continue;
        const scored = sample['scores'][score.scorer];
        if (!isPlainObject(scored)) continue;
        if (typeof sample['epoch'] === 'number') epochs = Math.max(epochs, sample['epoch']);
        add(sampleId(sample['id']), scored['value']);
      }
      if (epochs > 1 && !epochsNoted) {
        epochsNoted = true;
        builder.note(
          `${plural(epochs, 'epoch')} and no reductions: each sample's value is its mean over its epochs (Inspect's default reducer)`,
        );
      }
    } else {
      missing.push(score.key);
      continue;
    }
    if (unreadable > 0) notNumbers.push(`${score.key} (${unreadable})`);
    const table = new ExampleTable(score.key, file);
    for (const [id, { sum, n }] of values) {
      const at = table.row(id);
      for (const measure of means) table.set(measure, at, sum / n);
    }
    for (const measure of means) {
      const mean = table.mean(measure);
      if (mean !== undefined && !sameValue(mean, score.metrics.get(measure)!))
        mismatched.push(childKey(score.key, measure));
    }
    const built = table.build();
    if (built !== undefined) out.push(built);
  }
  if (noMean.length > 0) {
    builder.note(
      `no per-example results kept for ${listed(noMean)}: none of ${noMean.length === 1 ? 'its' : 'their'} metrics is a mean of the samples' values (accuracy, mean), which is what paired gates compare`,
    );
  }
  if (missing.length > 0) builder.note(`no per-sample scores in this log for ${listed(missing)}`);
  if (notNumbers.length > 0) {
    builder.note(`sample values that are not numbers (nor C, I, P, N) were left out: ${listed(notNumbers)}`);
  }
  if (mismatched.length > 0) {
    builder.note(`the mean of the per-sample values differs from the log's metric for ${listed(mismatched)}`);
  }
  return out.sort((a, b) => (a.task < b.task ? -1 : a.task > b.task ? 1 : 0));
}

function sampleId(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * A folder of logs (Inspect's `logs/`): the newest log of each task (by the time in its name),
 * read together; `--run` names one log (its file name or its id) to read alone.
 */
async function readFolder(path: string, options: ReaderOptions): Promise<MetricsDoc> {
  const scope = await folderScope(path);
  const listing = await listFolder(path, scope);
  const logs = listing.entries
    .filter((e) => !e.isDirectory)
    .flatMap((e) => {
      const match = LOG_NAME.exec(e.name);
      return match === null ? [] : [{ name: e.name, created: match[1]!, task: match[2]!, id: match[3]! }];
    });
  if (logs.length === 0) {
    throw new ConfigurationError(
      `${path}: no Inspect AI logs (<time>_<task>_<id>.eval or .json) in this folder`,
    );
  }
  if (options.run !== undefined && options.run !== '') {
    const wanted = options.run;
    const found = logs.filter((l) => l.name === wanted || l.id === wanted);
    if (found.length !== 1) {
      throw new ConfigurationError(
        `${path}: ${found.length === 0 ? 'no' : `${found.length}`} Inspect AI log${found.length === 1 ? '' : 's'} match${found.length === 1 ? 'es' : ''} --run ${JSON.stringify(wanted)}: pass a log's file name or id. Logs here: ${listed(
          logs.map((l) => l.name),
          10,
        )}`,
      );
    }
    const doc = await readLog(join(path, found[0]!.name), options, scope);
    doc.sources[0]!.notes.unshift(`read ${found[0]!.name}, as --run asked`);
    return doc;
  }
  const byTask = new Map<string, typeof logs>();
  for (const log of logs) {
    const list = byTask.get(log.task) ?? [];
    list.push(log);
    byTask.set(log.task, list);
  }
  const chosen = [...byTask.values()].map(
    (list) =>
      [...list].sort((a, b) => createdMs(b.created) - createdMs(a.created) || (a.name < b.name ? -1 : 1))[0]!,
  );
  chosen.sort((a, b) => (a.task < b.task ? -1 : a.task > b.task ? 1 : 0));
  const docs: MetricsDoc[] = [];
  for (const log of chosen) docs.push(await readLog(join(path, log.name), options, scope));
  const merged = mergeDocs(docs);
  const older = logs.length - chosen.length;
  merged.sources[0]!.notes.unshift(
    `read the newest log of each of ${plural(chosen.length, 'task')} in ${path}: ${listed(
      chosen.map((l) => l.name),
      4,
    )}${older > 0 ? `; ${plural(older, 'older log')} not read (pass --run <file or id> to read one)` : ''}`,
  );
  return merged;
}

/** `2025-02-11T15-18-04-05-00` → milliseconds since the epoch (NaN sorts last). */
function createdMs(created: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:([+-]\d{2})-(\d{2})|Z)?$/.exec(created);
  if (m === null) return -Infinity;
  const zone = m[5] === undefined ? 'Z' : `${m[5]}:${m[6]}`;
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}${zone}`);
  return Number.isNaN(ms) ? -Infinity : ms;
}
