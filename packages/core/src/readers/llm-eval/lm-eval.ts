/**
 * EleutherAI lm-evaluation-harness output (format id `lm-eval`), user-facing rules in
 * docs/formats/lm-eval.md. `lm_eval --output_path out --log_samples` writes, into
 * `out/<model_name_sanitized>/`:
 * - `results_<timestamp>.json` (or `results_<prefix>_<timestamp>.json`): `results` maps each task
 *   (and each group, beside its subtasks) to keys `<measure>,<filter>` (`acc,none`,
 *   `exact_match,strict-match`, `acc_stderr,none`, whose value may be "N/A"), plus `alias`, `name`,
 *   `sample_len` and, for groups, `sample_count`, which are not metrics; `n-samples`, `versions`,
 *   `n-shot`, `config` and the model's name describe the run;
 * - `samples_<task>_<timestamp>.jsonl`: one row per example and filter, with `doc_id`, `filter`,
 *   `metrics` (the names of the per-example values in the row) and those values (`acc` 0/1,
 *   `exact_match`; corpus-level metrics such as `micro_f1` hold [gold, prediction] lists instead).
 * The timestamp pairs a results file with its samples files. Metrics are `<task>.<measure>`, the
 * filter kept after a comma when it is not `none` (`gsm8k.exact_match,strict-match`), so the key
 * is lm-eval's own with `,none` dropped; a standard error is the metric `<task>.<measure>_stderr`.
 * Per-example values become the document's examples (task `<task>`, measure as in the key), which
 * paired gates compare example by example.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DocBuilder } from '../../doc-builder.js';
import { ConfigurationError, ParseError } from '../../errors.js';
import { flattenInto } from '../../flatten.js';
import { parseJsonText } from '../../json-text.js';
import { childKey, escapeSegment } from '../../keys.js';
import type { ExampleResults, MetricsDoc } from '../../model.js';
import { parseNumber } from '../../numbers.js';
import {
  checkInside,
  folderScope,
  listFolder,
  readTextFile,
  statOrExplain,
  type FolderScope,
} from '../files.js';
import { JsonLinesParser } from '../jsonl.js';
import { streamTextFile } from '../tabular.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from '../types.js';
import {
  describeValue,
  exampleNumber,
  ExampleTable,
  isPlainObject,
  listed,
  plural,
  sameValue,
} from './examples.js';

/** `datetime.now().isoformat().replace(":", "-")`, as lm-eval stamps its files. */
const TIMESTAMP = String.raw`\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:\.\d+)?`;
const RESULTS_NAME = new RegExp(String.raw`^results(?:_(.+?))?_(${TIMESTAMP})\.json$`);
/** An older or hand-named results file, without a timestamp. */
const PLAIN_RESULTS_NAME = /^results(?:_[^/]*)?\.json$/;
const SAMPLES_NAME = new RegExp(String.raw`^samples_(.+?)(?:_(${TIMESTAMP}))?\.jsonl$`);

/** Keys of a results row that describe the task rather than measure it. */
const NOT_METRICS = new Set(['alias', 'name', 'sample_len', 'sample_count', 'samples']);
/** Fields of a samples row that are not per-example values (used when a row has no `metrics` list). */
const SAMPLE_FIELDS = new Set([
  'doc_id',
  'doc',
  'target',
  'arguments',
  'resps',
  'filtered_resps',
  'filter',
  'metrics',
  'doc_hash',
  'prompt_hash',
  'target_hash',
  'task_name',
]);
/** Top-level facts of a results file kept as params, under these names. */
const RUN_PARAMS: Record<string, string> = {
  model_name: 'model',
  model_source: 'model_source',
  lm_eval_version: 'lm_eval_version',
  transformers_version: 'transformers_version',
  git_hash: 'git_hash',
  max_length: 'max_length',
  fewshot_as_multiturn: 'fewshot_as_multiturn',
  system_instruction_sha: 'system_instruction_sha',
  chat_template_sha: 'chat_template_sha',
};
/** Top-level keys read elsewhere, or left out on purpose (documented in docs/formats/lm-eval.md). */
const KNOWN_KEYS = new Set([
  'results',
  'groups',
  'group_subtasks',
  'configs',
  'versions',
  'n-shot',
  'higher_is_better',
  'n-samples',
  'config',
  'date',
  'pretty_env_info',
  'upper_git_hash',
  'tokenizer_pad_token',
  'tokenizer_eos_token',
  'tokenizer_bos_token',
  'eot_token_id',
  'task_hashes',
  'model_name_sanitized',
  'system_instruction',
  'chat_template',
  'start_time',
  'end_time',
  'total_evaluation_time_seconds',
]);
/** How many sub-folders detection looks into for `<output_path>/<model>/results_*.json`. */
const DETECT_SUBFOLDERS = 20;
/** At most this many runs are listed in an error. */
const LISTED_RUNS = 20;
const MIN_PREFIX = 6;

export const lmEvalReader: Reader = {
  format: 'lm-eval',
  title: 'EleutherAI lm-evaluation-harness output (results_*.json, samples_*.jsonl or their folder)',
  target: 'both',
  detect(probe: Probe): number {
    if (probe.isDirectory) {
      if (probe.entries.some(isRunFileName)) return DETECT.name;
      let looked = 0;
      for (const entry of probe.entries) {
        if (entry.startsWith('.') || looked >= DETECT_SUBFOLDERS) continue;
        const sub = join(probe.path, entry);
        if (!isFolder(sub)) continue;
        looked++;
        if (namesIn(sub).some((name) => RESULTS_NAME.test(name))) return DETECT.name;
      }
      return DETECT.no;
    }
    const head = new TextDecoder().decode(probe.head);
    if (SAMPLES_NAME.test(probe.name)) return /"doc_id"\s*:/.test(head) ? DETECT.name : DETECT.no;
    if (!/^\s*\{/.test(head) || !/"results"\s*:/.test(head)) return DETECT.no;
    if (RESULTS_NAME.test(probe.name)) return DETECT.name;
    // A renamed results file still has lm-eval's `<measure>,<filter>` keys or its own fields.
    return /"[^"\n]+,none"\s*:|"lm_eval_version"|"n-samples"|"group_subtasks"/.test(head)
      ? DETECT.content
      : DETECT.no;
  },
  read: readLmEval,
};

function isRunFileName(name: string): boolean {
  return RESULTS_NAME.test(name) || SAMPLES_NAME.test(name);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** One evaluation: a results file and the samples files of the same timestamp. */
interface LmEvalRun {
  dir: string;
  /** The sub-folder it was found in ('' for the folder given), for messages. */
  where: string;
  /** '' when the file names carry none. */
  timestamp: string;
  results?: string;
  /** Task name -> samples file name. */
  samples: Map<string, string>;
}

export async function readLmEval(path: string, options: ReaderOptions): Promise<MetricsDoc> {
  const info = await statOrExplain(path);
  const builder = new DocBuilder(path, 'lm-eval', { maxSeriesPoints: options.maxSeriesPoints });
  if (info.isDirectory()) {
    const scope = await folderScope(path);
    const run = chooseRun(await findRuns(path, scope, builder), options.run, path, builder);
    return readRun(builder, run, scope);
  }
  const name = basename(path);
  const dir = dirname(path);
  // The files beside a file the user named: links among them may not lead out of its folder.
  const scope = await folderScope(dir);
  const samples = SAMPLES_NAME.exec(name);
  if (samples !== null) {
    builder.note(
      'read a samples file alone: its metrics are the means of its per-example values (name the results file, or the folder, to read the run)',
    );
    const run: LmEvalRun = {
      dir,
      where: '',
      timestamp: samples[2] ?? '',
      samples: new Map([[samples[1]!, name]]),
    };
    return readRun(builder, run, undefined);
  }
  const timestamp = RESULTS_NAME.exec(name)?.[2] ?? '';
  const run: LmEvalRun = { dir, where: '', timestamp, results: name, samples: new Map() };
  if (timestamp === '') {
    builder.note(
      `${name} carries no timestamp in its name, so no samples_<task>_<timestamp>.jsonl file can be paired with it: no per-example results`,
    );
  } else {
    const listing = await listFolder(dir, scope);
    warnRefused(builder, dir, listing.refused);
    for (const entry of listing.entries) {
      const match = SAMPLES_NAME.exec(entry.name);
      if (!entry.isDirectory && match !== null && match[2] === timestamp)
        run.samples.set(match[1]!, entry.name);
    }
  }
  return readRun(builder, run, scope);
}

/** The runs in a folder, else in its sub-folders (lm-eval writes into `<output_path>/<model>/`). */
async function findRuns(path: string, scope: FolderScope, builder: DocBuilder): Promise<LmEvalRun[]> {
  const listing = await listFolder(path, scope);
  warnRefused(builder, path, listing.refused);
  const here = runsIn(
    listing.entries.filter((e) => !e.isDirectory).map((e) => e.name),
    path,
    '',
  );
  if (here.length > 0) return here;
  const below: LmEvalRun[] = [];
  for (const entry of listing.entries) {
    if (!entry.isDirectory || entry.name.startsWith('.')) continue;
    const sub = await listFolder(entry.path, scope);
    warnRefused(builder, entry.path, sub.refused);
    below.push(
      ...runsIn(
        sub.entries.filter((e) => !e.isDirectory).map((e) => e.name),
        entry.path,
        entry.name,
      ),
    );
  }
  if (below.length === 0) {
    throw new ConfigurationError(
      `${path}: no lm-evaluation-harness results_<timestamp>.json or samples_<task>_<timestamp>.jsonl in this folder or its sub-folders (lm_eval --output_path writes them into <output_path>/<model>/)`,
    );
  }
  return below;
}

/** Run files that could not be opened (a link out of the folder, a pipe): said, never read. */
function warnRefused(
  builder: DocBuilder,
  dir: string,
  refused: ReadonlyArray<{ name: string; why: string }>,
): void {
  const named = refused.filter((r) => isRunFileName(r.name) || PLAIN_RESULTS_NAME.test(r.name));
  if (named.length === 0) return;
  builder.warn(
    `not opened in ${dir}: ${listed(named.map((r) => `${r.name} (${r.why})`))}; mlci reads regular files, and symbolic links only to what is inside the folder`,
  );
}

function runsIn(names: readonly string[], dir: string, where: string): LmEvalRun[] {
  const byTimestamp = new Map<string, LmEvalRun[]>();
  const runOf = (timestamp: string): LmEvalRun[] => {
    let runs = byTimestamp.get(timestamp);
    if (runs === undefined) {
      runs = [];
      byTimestamp.set(timestamp, runs);
    }
    return runs;
  };
  for (const name of names) {
    const results = RESULTS_NAME.exec(name);
    if (results !== null) {
      runOf(results[2]!).push({ dir, where, timestamp: results[2]!, results: name, samples: new Map() });
    } else if (PLAIN_RESULTS_NAME.test(name)) {
      runOf('').push({ dir, where, timestamp: '', results: name, samples: new Map() });
    }
  }
  for (const name of names) {
    const match = SAMPLES_NAME.exec(name);
    if (match === null) continue;
    const runs = runOf(match[2] ?? '');
    // Samples without a results file: a run that stopped before writing its results.
    if (runs.length === 0) runs.push({ dir, where, timestamp: match[2] ?? '', samples: new Map() });
    for (const run of runs) run.samples.set(match[1]!, name);
  }
  return [...byTimestamp.values()].flat();
}

function describeRun(run: LmEvalRun): string {
  const at = run.where === '' ? '' : `${run.where}/`;
  const what = run.results ?? `${plural(run.samples.size, 'samples file')}, no results file`;
  return `${at}${what}`;
}

function newestFirst(a: LmEvalRun, b: LmEvalRun): number {
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? 1 : -1;
  const x = `${a.where}/${a.results ?? ''}`;
  const y = `${b.where}/${b.results ?? ''}`;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * As the MLflow reader narrows a folder to one run: `--run` (a timestamp, a prefix of one of 6 or
 * more characters, or a results file name), else the newest run with a results file; a note
 * always says which, and of how many.
 */
function chooseRun(
  runs: LmEvalRun[],
  wanted: string | undefined,
  path: string,
  builder: DocBuilder,
): LmEvalRun {
  const sorted = [...runs].sort(newestFirst);
  const list = () => {
    const lines = sorted
      .slice(0, LISTED_RUNS)
      .map((r) => `  ${r.timestamp || '(no timestamp)'}  ${describeRun(r)}`);
    if (sorted.length > LISTED_RUNS) lines.push(`  and ${sorted.length - LISTED_RUNS} more`);
    return lines.join('\n');
  };
  if (wanted !== undefined && wanted !== '') {
    const exact = sorted.filter(
      (r) => r.timestamp === wanted || r.results === wanted || `${r.where}/${r.results ?? ''}` === wanted,
    );
    const found =
      exact.length > 0
        ? exact
        : wanted.length >= MIN_PREFIX
          ? sorted.filter((r) => r.timestamp.startsWith(wanted))
          : [];
    if (found.length === 1) {
      builder.note(`read run ${found[0]!.timestamp} (${describeRun(found[0]!)}), as --run asked`);
      return found[0]!;
    }
    throw new ConfigurationError(
      found.length > 1
        ? `${path}: --run ${JSON.stringify(wanted)} matches ${found.length} lm-eval runs; pass a whole timestamp or a results file name:\n${list()}`
        : `${path}: no lm-eval run matches --run ${JSON.stringify(wanted)}: pass a timestamp, a prefix of ${MIN_PREFIX}+ characters or a results file name. Runs here:\n${list()}`,
    );
  }
  const complete = sorted.filter((r) => r.results !== undefined);
  const chosen = complete[0] ?? sorted[0]!;
  if (sorted.length === 1) {
    builder.note(`read run ${chosen.timestamp || '(no timestamp)'} (${describeRun(chosen)})`);
  } else {
    const partial = sorted.length - complete.length;
    const why =
      chosen.results === undefined
        ? 'none has a results file; the newest'
        : `the newest with a results file${partial > 0 ? ` (${plural(partial, 'run')} without one not considered)` : ''}`;
    builder.note(
      `read run ${chosen.timestamp || '(no timestamp)'} (${describeRun(chosen)}), ${why} of ${sorted.length} runs in ${path}; pass --run <timestamp> to read another`,
    );
  }
  return chosen;
}

async function readRun(
  builder: DocBuilder,
  run: LmEvalRun,
  scope: FolderScope | undefined,
): Promise<MetricsDoc> {
  let results: ResultsInfo | undefined;
  if (run.results !== undefined) {
    const file = join(run.dir, run.results);
    const text = await readTextFile(file, scope === undefined ? {} : { within: scope });
    results = readResultsInto(builder, parseJsonText(text, file), file);
  }
  const examples: ExampleResults[] = [];
  const mismatched: string[] = [];
  for (const [task, name] of [...run.samples].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const file = join(run.dir, name);
    const table = await readSamplesFile(file, task, scope, builder);
    for (const measure of table.measures()) {
      const key = childKey(table.task, measure);
      const mean = table.mean(measure);
      if (mean === undefined) continue;
      const stated = results?.values.get(key);
      if (results === undefined || (stated === undefined && !results.tasks.has(task)))
        builder.metric(key, mean);
      else if (stated !== undefined && !sameValue(stated, mean)) mismatched.push(key);
    }
    const built = table.build();
    if (built !== undefined) examples.push(built);
  }
  if (mismatched.length > 0) {
    builder.note(
      `the mean of the per-example values differs from the results file for ${listed(mismatched)}: those metrics are not means of their examples, or the samples come from another run`,
    );
  }
  if (results !== undefined) {
    const withoutSamples = [...results.tasks].filter((t) => !results!.groups.has(t) && !run.samples.has(t));
    if (run.samples.size === 0) {
      builder.note(
        'no samples_<task>_<timestamp>.jsonl beside the results: no per-example results (lm_eval writes them with --log_samples; paired gates need them)',
      );
    } else if (withoutSamples.length > 0) {
      builder.note(`no per-example results (samples file) for ${listed(withoutSamples)}`);
    }
  }
  const doc = builder.build();
  if (examples.length > 0) doc.examples = examples;
  return doc;
}

interface ResultsInfo {
  /** Every task and group with a results row. */
  tasks: Set<string>;
  groups: Set<string>;
  /** Every metric read, by key: to check the samples against. */
  values: Map<string, number>;
}

/** `acc,none` -> `acc`; `exact_match,strict-match` stays; lm-eval 0.3's `acc` has no filter. */
function measureKey(raw: string): string {
  const comma = raw.indexOf(',');
  if (comma < 0) return raw;
  return raw.slice(comma + 1) === 'none' ? raw.slice(0, comma) : raw;
}

/** A parsed `results_*.json` into metrics and params. */
export function readResultsInto(builder: DocBuilder, value: unknown, file: string): ResultsInfo {
  if (!isPlainObject(value) || !isPlainObject(value['results'])) {
    throw new ParseError(
      { file, key: 'results' },
      `expected lm-evaluation-harness results: an object whose "results" maps each task to its metrics, found ${isPlainObject(value) ? describeValue(value['results']) : describeValue(value)}`,
    );
  }
  const info: ResultsInfo = { tasks: new Set(), groups: new Set(), values: new Map() };
  const results = value['results'];
  const rows: Array<[string, unknown]> = Object.entries(results);
  // lm-eval 0.4 repeats each group's row under `groups`; a group only there is read too.
  if (isPlainObject(value['groups'])) {
    for (const [group, row] of Object.entries(value['groups'])) {
      info.groups.add(group);
      if (!Object.hasOwn(results, group)) rows.push([group, row]);
    }
  }
  const subtasks = new Map<string, string[]>();
  if (isPlainObject(value['group_subtasks'])) {
    for (const [group, list] of Object.entries(value['group_subtasks'])) {
      if (!Array.isArray(list) || list.length === 0) continue;
      subtasks.set(group, list.map(String));
      info.groups.add(group);
    }
  }
  const notComputed: string[] = [];
  let quoted = 0;
  for (const [task, row] of rows) {
    info.tasks.add(task);
    const taskKey = escapeSegment(task);
    if (!isPlainObject(row)) {
      builder.warn(`${file}: results.${task} is ${describeValue(row)}, not an object of metrics; skipped`);
      continue;
    }
    for (const [raw, node] of Object.entries(row)) {
      if (NOT_METRICS.has(raw)) continue;
      const key = childKey(taskKey, measureKey(raw));
      let n: number | undefined;
      if (typeof node === 'number') n = node;
      else if (typeof node === 'string') {
        n = parseNumber(node);
        if (n !== undefined) quoted++;
        else if (node.trim() === 'N/A') {
          notComputed.push(key);
          continue;
        }
      } else if (node === null) {
        notComputed.push(key);
        continue;
      }
      if (n === undefined) {
        builder.skip(key, describeValue(node));
        continue;
      }
      builder.metric(key, n);
      info.values.set(key, n);
    }
  }
  if (quoted > 0) builder.note(`read ${plural(quoted, 'quoted number')} (such as "0.9") as metrics`);
  if (notComputed.length > 0) {
    builder.note(`not computed by lm-eval ("N/A"), so not read: ${listed(notComputed)}`);
  }
  if (subtasks.size > 0) {
    const groups = [...subtasks].map(([group, list]) => `${group} (of ${listed(list, 4)})`);
    builder.note(`groups (their metrics aggregate their subtasks'): ${listed(groups, 4)}`);
  }
  readRunFacts(builder, value, file);
  return info;
}

/** n-samples, versions, n-shot, config and the model: params; the evaluation time: a metric. */
function readRunFacts(builder: DocBuilder, value: Record<string, unknown>, file: string): void {
  const samples = value['n-samples'];
  if (isPlainObject(samples)) {
    const limited: string[] = [];
    for (const [task, counts] of Object.entries(samples)) {
      if (!isPlainObject(counts)) continue;
      const effective = counts['effective'];
      const original = counts['original'];
      if (typeof effective === 'number') builder.param(childKey(escapeSegment(task), 'n_samples'), effective);
      if (typeof effective === 'number' && typeof original === 'number' && effective < original)
        limited.push(`${task} ${effective} of ${original}`);
    }
    if (limited.length > 0)
      builder.note(`evaluated on part of each dataset (--limit): ${listed(limited, 5)} examples`);
  }
  for (const [field, name] of [
    ['versions', 'version'],
    ['n-shot', 'num_fewshot'],
  ] as const) {
    const record = value[field];
    if (!isPlainObject(record)) continue;
    for (const [task, v] of Object.entries(record)) {
      if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
        builder.param(childKey(escapeSegment(task), name), v);
    }
  }
  if (isPlainObject(value['config'])) flattenInto(builder, value['config'], 'params', 'config');
  for (const [field, name] of Object.entries(RUN_PARAMS)) {
    const v = value[field];
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') builder.param(name, v);
  }
  const time = value['total_evaluation_time_seconds'];
  const seconds = typeof time === 'number' ? time : typeof time === 'string' ? parseNumber(time) : undefined;
  if (seconds !== undefined) builder.metric('total_evaluation_time_seconds', seconds);
  const unknown = Object.keys(value).filter((k) => !KNOWN_KEYS.has(k) && !Object.hasOwn(RUN_PARAMS, k));
  if (unknown.length > 0) builder.note(`${basename(file)}: not read: ${listed(unknown)}`);
}

/** One `samples_<task>_<timestamp>.jsonl`, streamed: one row per example and filter. */
async function readSamplesFile(
  file: string,
  task: string,
  scope: FolderScope | undefined,
  builder: DocBuilder,
): Promise<ExampleTable> {
  if (scope !== undefined) await checkInside(file, scope);
  const table = new ExampleTable(escapeSegment(task), file);
  const notNumbers = new Set<string>();
  let rows = 0;
  const parser = new JsonLinesParser(
    {
      record(row, line) {
        rows++;
        const rawId = row['doc_id'];
        if (typeof rawId !== 'number' && typeof rawId !== 'string') {
          throw new ParseError(
            { file, line },
            `expected "doc_id" (the example's index in the task's documents), found ${describeValue(rawId)}`,
          );
        }
        const id = String(rawId);
        const filter = typeof row['filter'] === 'string' ? row['filter'] : 'none';
        const listedNames = row['metrics'];
        const names = Array.isArray(listedNames)
          ? listedNames.filter((n): n is string => typeof n === 'string')
          : Object.keys(row).filter((k) => !SAMPLE_FIELDS.has(k));
        const at = table.row(id, { line });
        for (const name of names) {
          if (!Object.hasOwn(row, name)) continue;
          const measure = filter === 'none' ? name : `${name},${filter}`;
          const n = exampleNumber(row[name]);
          if (n === undefined) {
            notNumbers.add(measure);
            continue;
          }
          if (table.get(measure, at) !== undefined) {
            throw new ParseError(
              { file, line },
              `doc_id ${id} has a second row${filter === 'none' ? '' : ` for filter ${filter}`}: expected one row per example and filter`,
            );
          }
          table.set(measure, at, n, { line });
        }
      },
      warn(message) {
        builder.warn(`${file}: ${message}`);
      },
    },
    file,
  );
  await streamTextFile(file, (text) => parser.push(text));
  parser.end();
  if (rows === 0) builder.warn(`${file}: no examples (an empty samples file)`);
  if (notNumbers.size > 0) {
    for (const measure of notNumbers) table.drop(measure);
    builder.note(
      `per-example ${listed([...notNumbers])} of ${task} ${notNumbers.size === 1 ? 'is' : 'are'} not numbers (lm-eval keeps such rows as [gold, prediction] pairs and computes the metric over the whole set): no per-example results for ${notNumbers.size === 1 ? 'it' : 'them'}, so paired gates cannot use ${notNumbers.size === 1 ? 'it' : 'them'}`,
    );
  }
  return table;
}
