/**
 * Benchmark results (format id `benchmark`), user-facing rules in docs/formats/benchmark.md:
 * - pytest-benchmark JSON (`--benchmark-json`, or a saved run `.benchmarks/<machine>/0001_x.json`);
 * - hyperfine `--export-json`;
 * - Google Benchmark `--benchmark_format=json` (or `--benchmark_out`);
 * - a file of raw timings: one number per line, a one-column CSV, or a JSON list.
 *
 * Every benchmark becomes one family of metrics, `<name>.time_ms.<stat>`, all in **milliseconds**
 * (a unit in the key, because gates compare with absolute limits): p50, p95, p99, mean, min, max,
 * sd, n. When the file has every timing (pytest's `stats.data`, hyperfine's `times`, Google
 * Benchmark's repetitions, a raw file), the timings are kept in `MetricsDoc.samples` under the
 * family's key (`<name>.time_ms`) and every statistic is computed from them (quantiles: type 7,
 * numpy's default), so a quantile gate can test them. With summaries only, what the tool wrote is
 * written, and a note says that no samples, and no quantiles but the median, are available.
 */
import { DocBuilder } from '../doc-builder.js';
import { ParseError } from '../errors.js';
import { parseJsonText } from '../json-text.js';
import { childKey, escapeSegment } from '../keys.js';
import type { MetricsDoc } from '../model.js';
import { parseNumber } from '../numbers.js';
import { quantileSorted, sampleMean, sampleVariance } from '../stats/descriptive.js';
import { extensionOf, readTextFile } from './files.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from './types.js';

/** The tools whose output this reader knows, as detection and notes name them. */
type Tool = 'pytest-benchmark' | 'hyperfine' | 'google-benchmark';

/** Milliseconds per unit of each time unit the tools write. */
const MS_PER: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000 };
const UNIT_WORDS: Record<string, string> = {
  ns: 'ns',
  nanoseconds: 'ns',
  us: 'us',
  µs: 'us',
  microseconds: 'us',
  ms: 'ms',
  milliseconds: 'ms',
  s: 's',
  sec: 's',
  secs: 's',
  seconds: 's',
};
const UNIT_NAMES: Record<string, string> = {
  ns: 'nanoseconds',
  us: 'microseconds',
  ms: 'milliseconds',
  s: 'seconds',
};

/** The quantiles written for a family with samples. */
const QUANTILES: ReadonlyArray<[string, number]> = [
  ['p50', 0.5],
  ['p95', 0.95],
  ['p99', 0.99],
];

/**
 * Samples kept per family: DOCUMENT_LIMITS.samples (documents.ts), what a state file may carry back.
 * A longer run keeps an evenly spaced selection, and its statistics are computed from all timings.
 */
const MAX_SAMPLES = 1_000_000;
/** Fewer timings than this get a note: their tail quantiles are little more than the maximum. */
const FEW_TIMINGS = 20;
/** Benchmark names longer than this are cut (a hyperfine command can be a whole pipeline). */
const MAX_NAME = 200;

/** A raw timings file by its name alone: `*.timings.txt`, `*.timings.csv`, `*.timings.json`. */
const TIMINGS_NAME = /\.timings\.(txt|csv|json)$/i;
/** `latency.txt`, `latencies_ms.txt`, `timings.txt`: timings when their lines are numbers. */
const LATENCY_NAME = /^(latenc(y|ies)|timings?)([^\\/]*)\.txt$/i;
/** pytest-benchmark's storage: `.benchmarks/<machine id>/0001_<name>.json`. */
const PYTEST_STORAGE = /(^|[\\/])\.benchmarks[\\/][^\\/]+[\\/]\d{4}_[^\\/]*\.json$/;

export const benchmarkReader: Reader = {
  format: 'benchmark',
  title: 'Benchmark results (pytest-benchmark, hyperfine or Google Benchmark JSON, or a file of timings)',
  target: 'file',
  detect(probe: Probe): number {
    if (probe.isDirectory) return DETECT.no;
    if (TIMINGS_NAME.test(probe.name) || PYTEST_STORAGE.test(probe.path)) return DETECT.name;
    const head = new TextDecoder().decode(probe.head);
    // A `latency_log.txt` of CSV rows stays the CSV reader's.
    if (LATENCY_NAME.test(probe.name))
      return looksLikeTimings(head, probe.head.length >= 8192) ? DETECT.name : DETECT.no;
    return toolOfHead(head) === undefined ? DETECT.no : DETECT.content;
  },
  read: readBenchmark,
};

/**
 * Which tool wrote a JSON file, from its first bytes: the keys each tool writes first. A
 * pytest-benchmark file opens with `machine_info` (whose CPU flags can fill the first 8 KiB, so
 * its own fields are the signature); hyperfine with `results` holding `command`; Google
 * Benchmark with `context` holding the machine's `num_cpus` or `mhz_per_cpu`.
 */
function toolOfHead(head: string): Tool | undefined {
  if (/^\s*\{\s*"machine_info"\s*:\s*\{/.test(head) && /"python_(implementation|version)"/.test(head))
    return 'pytest-benchmark';
  if (/^\s*\{\s*"results"\s*:\s*\[\s*\{\s*"command"\s*:/.test(head)) return 'hyperfine';
  if (/^\s*\{\s*"context"\s*:\s*\{/.test(head) && /"(num_cpus|mhz_per_cpu)"\s*:/.test(head))
    return 'google-benchmark';
  return undefined;
}

/**
 * The first lines of a text file are one number each (after blank lines, `#` comments and at most
 * one header word).
 */
function looksLikeTimings(head: string, cut: boolean): boolean {
  const lines = head
    .split(/\r?\n/)
    .slice(0, 50)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  // The last line of a head that fills the probe may be cut in the middle.
  const whole = cut && lines.length > 1 ? lines.slice(0, -1) : lines;
  const body =
    whole.length > 0 && parseNumber(whole[0]!) === undefined && /^[^\s,;\t]+$/.test(whole[0]!)
      ? whole.slice(1)
      : whole;
  return body.length > 0 && body.every((line) => parseNumber(line) !== undefined);
}

/** One benchmark's times, in milliseconds, before they become metrics. */
interface Timing {
  /** Every timing in the order measured; undefined when the file has summaries only. */
  samples?: number[];
  /** The tool's own summaries (used when there are no samples). */
  mean?: number;
  median?: number;
  min?: number;
  max?: number;
  sd?: number;
  /** How many timings the summaries are over. */
  n?: number;
}

/** What a reader of one tool hands back: its families (by benchmark name), in file order. */
interface Family {
  name: string;
  /** The family's key segment after the name: `time_ms`, `cpu_time_ms`. */
  measure: string;
  timing: Timing;
}

export async function readBenchmark(path: string, options: ReaderOptions): Promise<MetricsDoc> {
  const text = await readTextFile(path);
  const builder = new DocBuilder(path, 'benchmark', { maxSeriesPoints: options.maxSeriesPoints });
  const samples: Record<string, number[]> = {};
  const name = path.split(/[\\/]/).pop() ?? path;
  const extension = extensionOf(name);
  // The first non-blank character decides (a trimmed copy of a million-line file would cost more).
  const json = /^\uFEFF?\s*[{[]/.test(text.slice(0, 1024));
  let families: Family[];
  if (extension !== 'txt' && extension !== 'csv' && json) {
    families = readJsonInto(builder, parseJsonText(text, path), path, name);
  } else {
    families = [readTimingsText(builder, text, path, name, extension)];
  }
  writeFamilies(builder, samples, families);
  const doc = builder.build();
  if (Object.keys(samples).length > 0) doc.samples = samples;
  return doc;
}

function readJsonInto(builder: DocBuilder, value: unknown, file: string, name: string): Family[] {
  if (Array.isArray(value)) return [timingsFromList(builder, value, file, name, undefined, '(root)')];
  if (!isObject(value))
    throw new ParseError(
      { file },
      `expected a benchmark tool's JSON object or a list of timings, found ${describe(value)}`,
    );
  if ('machine_info' in value || ('benchmarks' in value && 'commit_info' in value))
    return readPytest(builder, value, file);
  if (Array.isArray(value['results'])) return readHyperfine(builder, value, file);
  if ('context' in value && 'benchmarks' in value) return readGoogle(builder, value, file);
  const list = TIMINGS_KEYS.find((k) => Array.isArray(value[k]));
  if (list !== undefined) {
    const unit = value['unit'];
    if (unit !== undefined && typeof unit !== 'string')
      throw new ParseError(
        { file, key: 'unit' },
        `expected the unit as a string (ms, us, ns or s), found ${describe(unit)}`,
      );
    return [timingsFromList(builder, value[list] as unknown[], file, name, unit, list)];
  }
  throw new ParseError(
    { file },
    `not a benchmark file mlci knows: expected pytest-benchmark JSON ("machine_info", "benchmarks"), hyperfine's --export-json ("results"), Google Benchmark JSON ("context", "benchmarks"), or a list of timings; found the keys ${Object.keys(value).slice(0, 8).join(', ') || '(none)'}`,
  );
}

/** Keys of a JSON object of raw timings: `{"unit": "ms", "timings": [...]}`. */
const TIMINGS_KEYS = ['timings', 'times', 'samples', 'latencies'];

// ---------------------------------------------------------------------------------------------
// pytest-benchmark

function readPytest(builder: DocBuilder, doc: Record<string, unknown>, file: string): Family[] {
  const benchmarks = doc['benchmarks'];
  if (!Array.isArray(benchmarks))
    throw new ParseError(
      { file, key: 'benchmarks' },
      `expected the list of benchmarks, found ${describe(benchmarks)}`,
    );
  const entries = benchmarks.map((entry, i) => {
    const key = `benchmarks[${i}]`;
    if (!isObject(entry))
      throw new ParseError({ file, key }, `expected a benchmark object, found ${describe(entry)}`);
    const name = text(entry['name']) ?? text(entry['fullname']);
    if (name === undefined) throw new ParseError({ file, key }, 'expected the benchmark\'s "name"');
    return { entry, key, name, fullname: text(entry['fullname']) ?? name };
  });
  const names = uniqueNames(entries.map((e) => ({ short: e.name, long: e.fullname, separator: '::' })));
  const families: Family[] = [];
  let summaryOnly = 0;
  let averaged = 0;
  entries.forEach(({ entry, key }, i) => {
    // Flat records (pytest-benchmark's --benchmark-storage elasticsearch form) hold the stats themselves.
    const stats = isObject(entry['stats']) ? entry['stats'] : entry;
    const statsKey = isObject(entry['stats']) ? `${key}.stats` : key;
    if (!isObject(entry['stats']) && typeof entry['mean'] !== 'number') {
      builder.warn(`${names[i]}: no stats (${statsKey}), so no timings were read for it`);
      return;
    }
    const seconds = (field: string) => optionalNumber(stats, field, file, statsKey);
    const timing: Timing = {};
    const data = stats['data'];
    if (data !== undefined && data !== null) {
      timing.samples = timingsOf(data, file, `${statsKey}.data`, MS_PER['s']!);
    } else {
      summaryOnly++;
      setIf(timing, 'mean', scaled(seconds('mean'), 1000));
      setIf(timing, 'median', scaled(seconds('median'), 1000));
      setIf(timing, 'min', scaled(seconds('min'), 1000));
      setIf(timing, 'max', scaled(seconds('max'), 1000));
      setIf(timing, 'sd', scaled(seconds('stddev'), 1000));
      setIf(timing, 'n', seconds('rounds'));
    }
    const mean = seconds('mean');
    if (timing.samples !== undefined && mean !== undefined)
      checkMean(builder, names[i]!, timing.samples, mean * 1000);
    const iterations = seconds('iterations');
    if (iterations !== undefined && iterations > 1) averaged++;
    families.push({ name: names[i]!, measure: 'time_ms', timing });
    const ops = seconds('ops');
    if (ops !== undefined) builder.metric(childKey(escapeName(names[i]!), 'ops_per_second'), ops);
    readExtraInfo(builder, names[i]!, entry['extra_info']);
  });
  notePytestRun(builder, doc, families.length, summaryOnly, averaged);
  return families;
}

/** `extra_info` numbers are the benchmark's own metrics (`benchmark.extra_info["rows"] = n`). */
function readExtraInfo(builder: DocBuilder, name: string, extra: unknown): void {
  if (!isObject(extra)) return;
  for (const [field, value] of Object.entries(extra)) {
    const key = childKey(childKey(escapeName(name), 'extra_info'), field);
    if (typeof value === 'number') builder.metric(key, value);
    else if (typeof value === 'string' || typeof value === 'boolean') builder.param(key, value);
    else builder.skip(key, value === null ? 'null' : Array.isArray(value) ? 'a list' : 'an object');
  }
}

function notePytestRun(
  builder: DocBuilder,
  doc: Record<string, unknown>,
  count: number,
  summaryOnly: number,
  averaged: number,
): void {
  const version = text(doc['version']);
  const when = text(doc['datetime']);
  const commit = isObject(doc['commit_info']) ? doc['commit_info'] : {};
  const machine = isObject(doc['machine_info']) ? doc['machine_info'] : {};
  const id = text(commit['id']);
  const branch = text(commit['branch']);
  const node = text(machine['node']);
  const parts = [`pytest-benchmark${version === undefined ? '' : ` ${version}`} run`];
  if (when !== undefined) parts.push(`of ${when}`);
  if (id !== undefined)
    parts.push(`at commit ${id.slice(0, 12)}${branch === undefined ? '' : ` (${branch})`}`);
  if (node !== undefined) parts.push(`on ${node}`);
  builder.note(
    `${parts.join(' ')}: ${count} benchmark${count === 1 ? '' : 's'}, times converted from seconds to milliseconds`,
  );
  if (commit['dirty'] === true)
    builder.note('measured on a working tree with uncommitted changes (commit_info.dirty)');
  if (summaryOnly > 0)
    builder.note(
      `${summaryOnly === count ? 'no benchmark has' : `${summaryOnly} of ${count} benchmarks have`} its timings (stats.data): only the summaries were read, so there are no samples to test and no quantile but the median (p50). pytest-benchmark writes every round with --benchmark-json, or with --benchmark-save-data for saved runs`,
    );
  if (averaged > 0)
    builder.note(
      `${averaged} benchmark${averaged === 1 ? '' : 's'} ran several iterations per round: each timing is a round's mean per call, and its quantiles are quantiles of those means`,
    );
  const cpu = isObject(machine['cpu'])
    ? (text(machine['cpu']['brand_raw']) ?? text(machine['cpu']['brand']))
    : undefined;
  if (cpu !== undefined) builder.param('machine.cpu', cpu);
  const implementation = text(machine['python_implementation']);
  const python = text(machine['python_version']);
  if (python !== undefined) builder.param('machine.python', `${implementation ?? 'Python'} ${python}`);
}

// ---------------------------------------------------------------------------------------------
// hyperfine

function readHyperfine(builder: DocBuilder, doc: Record<string, unknown>, file: string): Family[] {
  const results = doc['results'] as unknown[];
  const entries = results.map((entry, i) => {
    const key = `results[${i}]`;
    if (!isObject(entry))
      throw new ParseError({ file, key }, `expected a result object, found ${describe(entry)}`);
    const command = text(entry['command']);
    if (command === undefined) throw new ParseError({ file, key }, 'expected the result\'s "command"');
    return { entry, key, command };
  });
  const names = uniqueNames(
    entries.map((e) => ({ short: e.command.trim() || `command ${e.key}`, long: e.command, separator: '' })),
  );
  const families: Family[] = [];
  let summaryOnly = 0;
  entries.forEach(({ entry, key }, i) => {
    const name = names[i]!;
    const seconds = (field: string) => optionalNumber(entry, field, file, key);
    const timing: Timing = {};
    if (entry['times'] !== undefined && entry['times'] !== null) {
      timing.samples = timingsOf(entry['times'], file, `${key}.times`, 1000);
      const mean = seconds('mean');
      if (mean !== undefined) checkMean(builder, name, timing.samples, mean * 1000);
    } else {
      summaryOnly++;
      setIf(timing, 'mean', scaled(seconds('mean'), 1000));
      setIf(timing, 'median', scaled(seconds('median'), 1000));
      setIf(timing, 'min', scaled(seconds('min'), 1000));
      setIf(timing, 'max', scaled(seconds('max'), 1000));
      setIf(timing, 'sd', scaled(seconds('stddev'), 1000));
    }
    families.push({ name, measure: 'time_ms', timing });
    // Mean user and system CPU time per run.
    for (const [field, measure] of [
      ['user', 'user_time_ms'],
      ['system', 'system_time_ms'],
    ] as const) {
      const value = seconds(field);
      if (value !== undefined)
        builder.metric(childKey(childKey(escapeName(name), measure), 'mean'), tidy(toMs(value, 1000)));
    }
    warnExitCodes(builder, name, entry['exit_codes'], file, key);
    const parameters = entry['parameters'];
    if (isObject(parameters)) {
      for (const [parameter, value] of Object.entries(parameters)) {
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
          builder.param(childKey(childKey(escapeName(name), 'parameters'), parameter), value);
      }
    }
  });
  builder.note(
    `hyperfine results: ${families.length} command${families.length === 1 ? '' : 's'}, times converted from seconds to milliseconds`,
  );
  if (summaryOnly > 0)
    builder.note(
      `${summaryOnly} of ${families.length} results have no "times" (every run): only the summaries were read, so there are no samples to test and no quantile but the median (p50)`,
    );
  return families;
}

/** A run that exited with a non-zero code measured something else than the command's work. */
function warnExitCodes(builder: DocBuilder, name: string, codes: unknown, file: string, key: string): void {
  if (codes === undefined || codes === null) return;
  if (!Array.isArray(codes))
    throw new ParseError(
      { file, key: `${key}.exit_codes` },
      `expected a list of exit codes, found ${describe(codes)}`,
    );
  const bad = codes.filter((code) => code !== 0);
  if (bad.length === 0) return;
  const shown = [...new Set(bad.map((code) => (code === null ? 'killed by a signal' : String(code))))].join(
    ', ',
  );
  builder.warn(
    `${name}: ${bad.length} of ${codes.length} runs exited with a non-zero code (${shown}): those timings measure a failure, not the command's work`,
  );
}

// ---------------------------------------------------------------------------------------------
// Google Benchmark

/** Fields of a Google Benchmark row that are not user counters. */
const GOOGLE_FIELDS = new Set([
  'name',
  'family_index',
  'per_family_instance_index',
  'run_name',
  'run_type',
  'repetitions',
  'repetition_index',
  'threads',
  'iterations',
  'real_time',
  'cpu_time',
  'time_unit',
  'aggregate_name',
  'aggregate_unit',
  'error_occurred',
  'error_message',
  'label',
  'big_o',
  'cpu_coefficient',
  'real_coefficient',
  'rms',
]);
/** The name suffixes of aggregate rows in files older than `run_type` (2018). */
const OLD_AGGREGATE = /_(mean|median|stddev|cv|BigO|RMS)$/;

interface GoogleGroup {
  name: string;
  iterations: Array<{ row: Record<string, unknown>; key: string }>;
  aggregates: Map<string, { row: Record<string, unknown>; key: string }>;
}

function readGoogle(builder: DocBuilder, doc: Record<string, unknown>, file: string): Family[] {
  const rows = doc['benchmarks'];
  if (!Array.isArray(rows))
    throw new ParseError(
      { file, key: 'benchmarks' },
      `expected the list of benchmarks, found ${describe(rows)}`,
    );
  const groups = new Map<string, GoogleGroup>();
  const skipped = new Set<string>();
  rows.forEach((row, i) => {
    const key = `benchmarks[${i}]`;
    if (!isObject(row))
      throw new ParseError({ file, key }, `expected a benchmark row, found ${describe(row)}`);
    const name = text(row['name']);
    if (name === undefined) throw new ParseError({ file, key }, 'expected the row\'s "name"');
    if (row['error_occurred'] === true) {
      builder.warn(
        `${name}: the benchmark reported an error${text(row['error_message']) === undefined ? '' : ` (${text(row['error_message'])})`}; its row was not read`,
      );
      return;
    }
    // Files older than run_type tell aggregates by their name's suffix alone.
    const suffix = OLD_AGGREGATE.exec(name);
    const isAggregate = row['run_type'] === 'aggregate' || (row['run_type'] === undefined && suffix !== null);
    const aggregate = isAggregate ? (text(row['aggregate_name']) ?? suffix?.[1] ?? '') : undefined;
    const base =
      text(row['run_name']) ?? (isAggregate && suffix !== null ? name.slice(0, -suffix[0].length) : name);
    let group = groups.get(base);
    if (group === undefined) {
      group = { name: base, iterations: [], aggregates: new Map() };
      groups.set(base, group);
    }
    if (aggregate === undefined) group.iterations.push({ row, key });
    else if (aggregate === 'BigO' || aggregate === 'RMS') skipped.add(`${name} (complexity fit)`);
    else group.aggregates.set(aggregate, { row, key });
  });
  const names = uniqueNames(
    [...groups.values()].map((g) => ({ short: g.name, long: g.name, separator: '' })),
  );
  const families: Family[] = [];
  let summaryOnly = 0;
  [...groups.values()].forEach((group, i) => {
    const name = names[i]!;
    for (const [field, measure] of [
      ['real_time', 'time_ms'],
      ['cpu_time', 'cpu_time_ms'],
    ] as const) {
      const timing = googleTiming(group, field, file, skipped);
      if (timing === undefined) continue;
      if (field === 'real_time' && timing.samples === undefined) summaryOnly++;
      families.push({ name, measure, timing });
    }
    readCounters(builder, name, group);
  });
  noteGoogleRun(builder, doc['context'], groups.size, summaryOnly);
  if (skipped.size > 0)
    builder.note(
      `not read: ${[...skipped].slice(0, 10).join(', ')}${skipped.size > 10 ? ` and ${skipped.size - 10} more` : ''}`,
    );
  return families;
}

/**
 * One time field of a benchmark: every repetition's value as samples (from 2 repetitions), else the
 * aggregates Google Benchmark wrote (`--benchmark_report_aggregates_only`), else the one row's
 * value, which is a mean over its iterations.
 */
function googleTiming(
  group: GoogleGroup,
  field: 'real_time' | 'cpu_time',
  file: string,
  skipped: Set<string>,
): Timing | undefined {
  const inMs = (entry: { row: Record<string, unknown>; key: string }): number | undefined => {
    const value = optionalNumber(entry.row, field, file, entry.key);
    if (value === undefined) return undefined;
    return toMs(value, unitOfRow(entry.row, file, entry.key));
  };
  if (group.iterations.length >= 2) {
    const samples = group.iterations.map((entry) => {
      const value = inMs(entry);
      if (value === undefined)
        throw new ParseError(
          { file, key: `${entry.key}.${field}` },
          `expected the ${field} of this repetition`,
        );
      return checkTiming(value, file, `${entry.key}.${field}`);
    });
    return { samples };
  }
  const timing: Timing = {};
  const aggregate = (name: string) => {
    const entry = group.aggregates.get(name);
    return entry === undefined ? undefined : inMs(entry);
  };
  setIf(timing, 'mean', aggregate('mean'));
  setIf(timing, 'median', aggregate('median'));
  setIf(timing, 'sd', aggregate('stddev'));
  setIf(timing, 'min', aggregate('min'));
  setIf(timing, 'max', aggregate('max'));
  for (const other of group.aggregates.keys())
    if (!['mean', 'median', 'stddev', 'min', 'max', 'cv'].includes(other))
      skipped.add(`${group.name}_${other} (an aggregate mlci does not map)`);
  if (timing.mean !== undefined) {
    const repetitions = group.aggregates.get('mean')!.row['repetitions'];
    if (typeof repetitions === 'number' && repetitions > 0) timing.n = repetitions;
    return timing;
  }
  const only = group.iterations[0];
  if (only === undefined) return Object.keys(timing).length > 0 ? timing : undefined;
  const value = inMs(only);
  if (value === undefined) return undefined;
  return { mean: checkTiming(value, file, `${only.key}.${field}`) };
}

function unitOfRow(row: Record<string, unknown>, file: string, key: string): number {
  const unit = row['time_unit'];
  // Google Benchmark's default unit, which it always writes; a row without one is in ns.
  if (unit === undefined) return MS_PER['ns']!;
  const factor = typeof unit === 'string' ? MS_PER[unit] : undefined;
  if (factor === undefined)
    throw new ParseError(
      { file, key: `${key}.time_unit` },
      `expected a time unit ns, us, ms or s, found ${describe(unit)}`,
    );
  return factor;
}

/** User counters (`items_per_second`, `bytes_per_second`, custom ones): the mean over repetitions. */
function readCounters(builder: DocBuilder, name: string, group: GoogleGroup): void {
  const rows =
    group.iterations.length > 0
      ? group.iterations
      : [...group.aggregates.entries()].filter(([n]) => n === 'mean').map(([, e]) => e);
  const sums = new Map<string, { sum: number; count: number }>();
  for (const { row } of rows) {
    for (const [field, value] of Object.entries(row)) {
      if (GOOGLE_FIELDS.has(field) || typeof value !== 'number') continue;
      const entry = sums.get(field) ?? { sum: 0, count: 0 };
      entry.sum += value;
      entry.count++;
      sums.set(field, entry);
    }
  }
  for (const [field, { sum, count }] of sums) builder.metric(childKey(escapeName(name), field), sum / count);
}

function noteGoogleRun(builder: DocBuilder, context: unknown, count: number, summaryOnly: number): void {
  const c = isObject(context) ? context : {};
  const parts = ['Google Benchmark run'];
  const when = text(c['date']);
  const host = text(c['host_name']);
  const executable = text(c['executable']);
  if (executable !== undefined) parts.push(`of ${executable}`);
  if (when !== undefined) parts.push(`at ${when}`);
  if (host !== undefined) parts.push(`on ${host}`);
  builder.note(
    `${parts.join(' ')}: ${count} benchmark${count === 1 ? '' : 's'}, real and CPU times converted to milliseconds (time_ms, cpu_time_ms)`,
  );
  if (summaryOnly > 0)
    builder.note(
      `${summaryOnly === count ? 'no benchmark was' : `${summaryOnly} of ${count} benchmarks were not`} repeated (--benchmark_repetitions): each has one mean over its iterations, or the aggregates written with --benchmark_report_aggregates_only, so there are no samples to test and no quantile but the median (p50)`,
    );
  if (c['library_build_type'] === 'debug')
    builder.warn(
      'Google Benchmark was built as a debug library (context.library_build_type): its timings may not represent a release build',
    );
  if (c['cpu_scaling_enabled'] === true)
    builder.note(
      'CPU frequency scaling was enabled while measuring (context.cpu_scaling_enabled): timings vary more than they need to',
    );
  const cpus = c['num_cpus'];
  if (typeof cpus === 'number') builder.param('machine.num_cpus', cpus);
  const mhz = c['mhz_per_cpu'];
  if (typeof mhz === 'number') builder.param('machine.mhz_per_cpu', mhz);
  const build = text(c['library_build_type']);
  if (build !== undefined) builder.param('library_build_type', build);
}

// ---------------------------------------------------------------------------------------------
// Raw timings

/**
 * A text file of timings: one number per line (`.txt`), or a CSV whose one numeric column (or the
 * column named with a unit, `latency_ms`) holds them. Blank lines and `#` comments are skipped;
 * `# unit: us` states the unit, as a header (`latency_us`) or the file's name (`decode_us.txt`) may.
 */
function readTimingsText(
  builder: DocBuilder,
  body: string,
  file: string,
  name: string,
  extension: string,
): Family {
  const text = body.replace(/^\uFEFF/, '');
  const units: Array<{ unit: string; from: string }> = [];
  const fromName = unitOfName(stemOf(name));
  if (fromName !== undefined) units.push({ unit: fromName, from: `the file name ${name}` });
  const csv = extension === 'csv';
  let column: number | undefined;
  let header = false;
  const values: number[] = [];
  // Line by line without splitting the text: a million timings are a million lines.
  let lineNo = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    lineNo++;
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (trimmed.charCodeAt(0) === 0x23 /* # */) {
      const stated = /^#\s*unit\s*[:=]\s*(\S+)\s*$/i.exec(trimmed);
      if (stated !== null) {
        const unit = UNIT_WORDS[stated[1]!.toLowerCase()];
        if (unit === undefined)
          throw new ParseError(
            { file, line: lineNo, column: line.indexOf(stated[1]!) + 1 },
            `expected a time unit (ns, us, ms or s), found ${JSON.stringify(stated[1])}`,
          );
        units.push({ unit, from: `line ${lineNo}` });
      }
      continue;
    }
    // A plain text file's line is its one cell; a CSV line is split only when it must be.
    let cell: string | undefined = trimmed;
    if (csv && (column !== 0 || trimmed.includes(','))) {
      const cells = splitCsv(trimmed);
      if (!header && values.length === 0 && cells.some((c) => parseNumber(c) === undefined)) {
        header = true;
        column = chooseColumn(cells, file, lineNo);
        const unit = unitOfName(cells[column]!);
        if (unit !== undefined) units.push({ unit, from: `the header ${JSON.stringify(cells[column])}` });
        continue;
      }
      if (column === undefined) {
        if (cells.length > 1)
          throw new ParseError(
            { file, line: lineNo, column: 1 },
            `expected one column of timings, found ${cells.length}; give the CSV a header that names the timing column with its unit (latency_ms)`,
          );
        column = 0;
      }
      cell = cells[column];
    }
    let value = cell === undefined ? undefined : parseNumber(cell);
    if (value === undefined && !header && values.length === 0) {
      // The header: one word before the first timing (`latency_ms`).
      header = true;
      column = 0;
      const unit = unitOfName(trimmed);
      if (unit !== undefined) units.push({ unit, from: `the header ${JSON.stringify(trimmed)}` });
      continue;
    }
    if (value === undefined)
      throw new ParseError(
        { file, line: lineNo, column: 1 },
        `expected a timing (a number), found ${JSON.stringify(cell ?? trimmed)}`,
      );
    value = checkTiming(value, file, undefined, lineNo);
    values.push(value);
  }
  if (values.length === 0)
    throw new ParseError({ file }, 'expected timings, one number per line; found none');
  return timingFamily(builder, name, values, units, file);
}

function timingsFromList(
  builder: DocBuilder,
  list: unknown[],
  file: string,
  name: string,
  statedUnit: string | undefined,
  key: string,
): Family {
  const units: Array<{ unit: string; from: string }> = [];
  const fromName = unitOfName(stemOf(name));
  if (fromName !== undefined) units.push({ unit: fromName, from: `the file name ${name}` });
  if (statedUnit !== undefined) {
    const unit = UNIT_WORDS[statedUnit.toLowerCase()];
    if (unit === undefined)
      throw new ParseError(
        { file, key: 'unit' },
        `expected a time unit (ns, us, ms or s), found ${JSON.stringify(statedUnit)}`,
      );
    units.push({ unit, from: '"unit"' });
  }
  const values = timingsOf(list, file, key, 1);
  if (values.length === 0) throw new ParseError({ file, key }, 'expected a list of timings; it is empty');
  return timingFamily(builder, name, values, units, file);
}

/** Raw timings in the unit their sources agree on, as milliseconds, with the unit noted. */
function timingFamily(
  builder: DocBuilder,
  name: string,
  values: number[],
  units: Array<{ unit: string; from: string }>,
  file: string,
): Family {
  const unit = agreedUnit(units, file);
  noteUnit(builder, unit, units, values.length);
  const factor = MS_PER[unit.unit]!;
  return {
    name: timingsName(name),
    measure: 'time_ms',
    timing: { samples: factor === 1 ? values : values.map((v) => toMs(v, factor)) },
  };
}

/** The unit every source agrees on; milliseconds when none states one. */
function agreedUnit(
  units: Array<{ unit: string; from: string }>,
  file: string,
): { unit: string; stated: boolean } {
  const first = units[0];
  if (first === undefined) return { unit: 'ms', stated: false };
  const other = units.find((u) => u.unit !== first.unit);
  if (other !== undefined)
    throw new ParseError(
      { file },
      `the unit is ${UNIT_NAMES[first.unit]} by ${first.from} but ${UNIT_NAMES[other.unit]} by ${other.from}: make them agree`,
    );
  return { unit: first.unit, stated: true };
}

function noteUnit(
  builder: DocBuilder,
  unit: { unit: string; stated: boolean },
  units: Array<{ from: string }>,
  count: number,
): void {
  builder.note(
    unit.stated
      ? `${count} timing${count === 1 ? '' : 's'} in ${UNIT_NAMES[unit.unit]} (by ${units[0]!.from})${unit.unit === 'ms' ? '' : ', converted to milliseconds'}`
      : `${count} timing${count === 1 ? '' : 's'}, read as milliseconds: no unit was given (name the file or its column latency_us, latency_s..., or add a line "# unit: us")`,
  );
}

/** `latency_ms.txt` → `latency`, `encode.timings.txt` → `encode`: the benchmark's name. */
function timingsName(file: string): string {
  const stem = stemOf(file).replace(/\.timings$/i, '');
  const unit = /^(.*?)[_.-](ns|us|µs|ms|s|sec|secs|seconds|milliseconds|microseconds|nanoseconds)$/i.exec(
    stem,
  );
  return unit !== null && unit[1] !== '' ? unit[1]! : stem;
}

function stemOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot <= 0 ? file : file.slice(0, dot);
}

/** The unit a name ends with: `latency_ms` → ms, `decode-us` → us; undefined without one. */
function unitOfName(name: string): string | undefined {
  const match = /(?:^|[_.\s-])(ns|us|µs|ms|s|sec|secs|seconds|milliseconds|microseconds|nanoseconds)$/i.exec(
    name
      .replace(/\.timings$/i, '')
      .replace(/[\s)\]]+$/, '')
      .replace(/[([]\s*/g, '_'),
  );
  return match === null ? undefined : UNIT_WORDS[match[1]!.toLowerCase()];
}

/** The CSV column of timings: the only one named with a time unit, else the only column. */
function chooseColumn(header: string[], file: string, line: number): number {
  if (header.length === 1) return 0;
  const timed = header.flatMap((cell, i) => (unitOfName(cell) !== undefined ? [i] : []));
  if (timed.length === 1) return timed[0]!;
  throw new ParseError(
    { file, line, column: 1 },
    timed.length === 0
      ? `expected one column of timings, or a header naming the timing column with its unit (latency_ms); found ${header.map((h) => JSON.stringify(h)).join(', ')}`
      : `more than one column is named with a time unit (${timed.map((i) => header[i]).join(', ')}): a timings file holds one benchmark`,
  );
}

function splitCsv(line: string): string[] {
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

// ---------------------------------------------------------------------------------------------
// Families become metrics

function writeFamilies(
  builder: DocBuilder,
  samples: Record<string, number[]>,
  families: readonly Family[],
): void {
  let thinned = 0;
  const few: string[] = [];
  for (const family of families) {
    const key = childKey(escapeName(family.name), family.measure);
    const metric = (stat: string, value: number | undefined) => {
      if (value !== undefined && Number.isFinite(value)) builder.metric(childKey(key, stat), tidy(value));
    };
    const timing = family.timing;
    if (timing.samples !== undefined && timing.samples.length > 0) {
      const values = timing.samples;
      const sorted = Float64Array.from(values).sort();
      for (const [label, q] of QUANTILES) metric(label, quantileSorted(sorted, q));
      const mean = sampleMean(values);
      metric('mean', mean);
      metric('min', sorted[0]);
      metric('max', sorted[sorted.length - 1]);
      if (values.length >= 2) metric('sd', Math.sqrt(sampleVariance(values, mean)));
      metric('n', values.length);
      if (values.length < FEW_TIMINGS && family.measure === 'time_ms')
        few.push(`${family.name} (${values.length})`);
      if (values.length > MAX_SAMPLES) thinned++;
      samples[key] = values.length > MAX_SAMPLES ? evenlySpaced(values, MAX_SAMPLES) : values;
      continue;
    }
    metric('p50', timing.median);
    metric('mean', timing.mean);
    metric('min', timing.min);
    metric('max', timing.max);
    metric('sd', timing.sd);
    metric('n', timing.n);
  }
  if (few.length > 0)
    builder.note(
      `few timings: ${few.slice(0, 5).join(', ')}${few.length > 5 ? ` and ${few.length - 5} more` : ''}; their p95 and p99 are interpolated between the largest timings, and a quantile gate needs at least 100 per side to test the p95`,
    );
  if (thinned > 0)
    builder.note(
      `${thinned} benchmark${thinned === 1 ? ' has' : 's have'} more than ${MAX_SAMPLES} timings: their statistics are of all of them, and ${MAX_SAMPLES} evenly spaced ones are kept as samples for the tests`,
    );
}

function evenlySpaced(values: readonly number[], count: number): number[] {
  const step = values.length / count;
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = values[Math.floor(i * step)]!;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** A list of timings from JSON, times `factor` (to milliseconds), each checked. */
function timingsOf(value: unknown, file: string, key: string, factor: number): number[] {
  if (!Array.isArray(value))
    throw new ParseError({ file, key }, `expected a list of timings, found ${describe(value)}`);
  const out = new Array<number>(value.length);
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (typeof v !== 'number')
      throw new ParseError(
        { file, key: `${key}[${i}]` },
        `expected a timing (a number), found ${describe(v)}`,
      );
    out[i] = checkTiming(toMs(v, factor), file, `${key}[${i}]`);
  }
  return out;
}

/** A timing is a finite number of 0 or more: a NaN or a negative time is a broken measurement. */
function checkTiming(value: number, file: string, key: string | undefined, line?: number): number {
  if (Number.isFinite(value) && value >= 0) return value;
  const where = line !== undefined ? { file, line, column: 1 } : key !== undefined ? { file, key } : { file };
  throw new ParseError(
    where,
    `expected a timing of 0 or more, found ${value}: a benchmark that logs this is broken`,
  );
}

/** Timings and the tool's own mean disagree: the file was edited, or mlci misread it. */
function checkMean(builder: DocBuilder, name: string, samples: readonly number[], mean: number): void {
  if (samples.length === 0) return;
  const computed = sampleMean(samples);
  if (Math.abs(computed - mean) > 1e-6 * Math.max(Math.abs(mean), 1e-12))
    builder.warn(
      `${name}: the mean of its timings (${computed} ms) is not the mean the file states (${mean} ms)`,
    );
}

function optionalNumber(
  object: Record<string, unknown>,
  field: string,
  file: string,
  key: string,
): number | undefined {
  const value = object[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number')
    throw new ParseError({ file, key: `${key}.${field}` }, `expected a number, found ${describe(value)}`);
  return value;
}

function scaled(value: number | undefined, factor: number): number | undefined {
  return value === undefined ? undefined : toMs(value, factor);
}

/**
 * A time in milliseconds. Summaries written as metrics are then rounded to 15 significant digits
 * (tidy): 11.61481411152 s is 11614.81411152 ms, not the 11614.814111520001 of the binary product.
 */
function toMs(value: number, factor: number): number {
  if (factor === 1) return value;
  // Divided rather than multiplied by 0.001: 9 us is 0.009 ms, not 0.009000000000000001.
  return factor < 1 ? value / Math.round(1 / factor) : value * factor;
}

/** 15 significant digits: the digits a double holds for sure, without the product's last-bit noise. */
function tidy(value: number): number {
  return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(15)) : value;
}

function setIf<K extends keyof Timing>(timing: Timing, field: K, value: Timing[K] | undefined): void {
  if (value !== undefined) timing[field] = value;
}

/**
 * Names as keys: one key segment each (dots escaped, as every reader does), cut to MAX_NAME
 * characters; two benchmarks of one name (pytest's `test_x` in two classes) are told apart by the
 * shortest end of their full names that differs (`TestA::test_x`), else numbered.
 */
function uniqueNames(entries: ReadonlyArray<{ short: string; long: string; separator: string }>): string[] {
  const cut = (name: string) => (name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name);
  const names = entries.map((e) => cut(e.short));
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const out = names.map((name, i) => {
    if (counts.get(name) === 1) return name;
    const { long, separator } = entries[i]!;
    if (separator === '') return name;
    const parts = long.split(separator);
    for (let take = 2; take <= parts.length; take++) {
      const candidate = cut(parts.slice(-take).join(separator));
      const clashes = entries.some(
        (other, j) => j !== i && cut(other.long.split(separator).slice(-take).join(separator)) === candidate,
      );
      if (!clashes) return candidate;
    }
    return name;
  });
  const seen = new Map<string, number>();
  return out.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} #${n}`;
  });
}

function escapeName(name: string): string {
  return escapeSegment(name);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return String(value);
}
