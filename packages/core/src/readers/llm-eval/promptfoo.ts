/**
 * promptfoo's eval output (format id `promptfoo`), as `promptfoo eval -o results.json` writes it;
 * user-facing rules in docs/formats/promptfoo.md. The file is `{ evalId, results, config, ... }`
 * where `results` (version 3 and later) holds:
 * - `prompts[]`: one entry per column of the eval (a prompt run against a provider);
 * - `results[]`: one row per test and column: `testIdx`, `promptIdx`, `provider` (`{id, label}`),
 *   `success`, `score`, `namedScores` (the custom metrics of the assertions), `failureReason`
 *   (0 none, 1 an assertion failed, 2 an error), `testCase` (`description`, `vars`), `latencyMs`,
 *   `cost`, `gradingResult`;
 * - `stats`: successes, failures and errors over the whole file.
 * Metrics per column: `pass_rate`, `score` (mean), each named score's mean, counts, mean latency and
 * total cost; with one column they are the file's own (`pass_rate`), with several they are keyed by
 * the column's provider (`openai:chat:gpt-4o-mini.pass_rate`). Per-example results, by column: each
 * test's pass (0/1, under `pass_rate`), `score` and named scores, by an id made from the test's
 * description and vars, so that a test keeps its id when tests are added or reordered.
 * `config` is never read: it holds the providers' settings, API keys included.
 */
import { createHash } from 'node:crypto';
import { DocBuilder } from '../../doc-builder.js';
import { ParseError } from '../../errors.js';
import { parseJsonText } from '../../json-text.js';
import { childKey, escapeSegment } from '../../keys.js';
import type { ExampleResults, MetricsDoc } from '../../model.js';
import { extensionOf, readTextFile, statOrExplain } from '../files.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from '../types.js';
import { describeValue, ExampleTable, isPlainObject, listed, plural } from './examples.js';

/** promptfoo's ResultFailureReason. */
const FAILURE_ERROR = 2;
/** The oldest results version read: v3 rows carry testIdx and promptIdx. */
const MIN_VERSION = 3;
/** Measure names of a column's own: a named score of the same name is kept as `<name>_named`. */
const OWN_NAMES = new Set([
  'pass_rate',
  'score',
  'tests',
  'passes',
  'failures',
  'errors',
  'latency_ms',
  'cost',
]);
/** A prompt's text kept as a param is cut to this many characters. */
const PROMPT_CHARS = 200;

export const promptfooReader: Reader = {
  format: 'promptfoo',
  title: 'promptfoo eval output (promptfoo eval -o results.json)',
  target: 'file',
  detect(probe: Probe): number {
    if (probe.isDirectory || extensionOf(probe.name) !== 'json') return DETECT.no;
    const head = new TextDecoder().decode(probe.head);
    if (!/^\s*\{/.test(head)) return DETECT.no;
    // `{ "evalId": "eval-…", "results": { "version": 3, "timestamp": …, "prompts": [ …`
    if (/"evalId"\s*:/.test(head) && /"results"\s*:\s*\{/.test(head)) return DETECT.content;
    if (/"results"\s*:\s*\{\s*"version"\s*:\s*\d+\s*,\s*"timestamp"\s*:/.test(head)) return DETECT.content;
    return DETECT.no;
  },
  read: readPromptfoo,
};

/** One column of the eval: a prompt run against a provider. */
interface Column {
  promptIdx: number;
  provider: string;
  providerId: string;
  prompt?: string;
  tests: number;
  passes: number;
  errors: number;
  scoreSum: number;
  scored: number;
  named: Map<string, { sum: number; n: number }>;
  latencySum: number;
  timed: number;
  cost: number;
  costed: number;
  table: ExampleTable;
  /** How many tests so far had each content id: the second of two identical tests is `<id>#2`. */
  seen: Map<string, number>;
  firstError?: string;
}

export async function readPromptfoo(path: string, options: ReaderOptions): Promise<MetricsDoc> {
  const info = await statOrExplain(path);
  if (info.isDirectory())
    throw new ParseError(
      { file: path },
      'is a folder; the promptfoo format reads the file promptfoo eval -o wrote',
    );
  const builder = new DocBuilder(path, 'promptfoo', { maxSeriesPoints: options.maxSeriesPoints });
  const value = parseJsonText(await readTextFile(path), path);
  const summary = summaryOf(value, path);
  const version = summary['version'];
  if (typeof version === 'number' && version < MIN_VERSION) {
    throw new ParseError(
      { file: path, key: 'results.version' },
      `promptfoo results version ${version}: mlci reads version ${MIN_VERSION} and later (rows with testIdx and promptIdx); write the file again with a current promptfoo (promptfoo eval -o results.json)`,
    );
  }
  if (typeof version !== 'number') builder.note('no results.version: read as version 3');
  const rows = summary['results'] as unknown[];
  if (rows.length === 0)
    throw new ParseError({ file: path, key: 'results.results' }, 'no test results: the eval ran no tests');
  const prompts = Array.isArray(summary['prompts']) ? summary['prompts'] : [];
  const columns = new Map<number, Column>();
  let skipped = 0;
  rows.forEach((row, index) => {
    if (!isPlainObject(row)) {
      if (++skipped <= 3)
        builder.warn(
          `${path}: results.results[${index}] is ${describeValue(row)}, not a test result; skipped`,
        );
      return;
    }
    readRow(row, index, columns, prompts, path);
  });
  if (skipped > 3) builder.warn(`${path}: ${skipped} rows in all were not test results and were skipped`);
  const ordered = [...columns.values()].sort((a, b) => a.promptIdx - b.promptIdx);
  const prefixes = columnPrefixes(ordered);
  const examples: ExampleResults[] = [];
  ordered.forEach((column, i) => {
    const prefix = prefixes[i]!;
    writeColumn(builder, column, prefix);
    const built = column.table.build();
    if (built !== undefined) examples.push({ ...built, task: prefix });
  });
  if (ordered.length > 1) {
    builder.note(
      `${ordered.length} columns (prompt × provider), each with its own metrics and examples under its key: ${listed(
        prefixes.map((p, i) =>
          ordered[i]!.providerId === ordered[i]!.provider ? p : `${p} (${ordered[i]!.providerId})`,
        ),
        4,
      )}`,
    );
  }
  writeTotals(builder, summary, ordered, path);
  const evalId = isPlainObject(value) ? value['evalId'] : undefined;
  if (typeof evalId === 'string') builder.param('eval_id', evalId);
  if (typeof summary['timestamp'] === 'string') builder.param('timestamp', summary['timestamp']);
  const config = isPlainObject(value) ? value['config'] : undefined;
  if (isPlainObject(config) && typeof config['description'] === 'string')
    builder.param('description', config['description']);
  const doc = builder.build();
  if (examples.length > 0)
    doc.examples = examples.sort((a, b) => (a.task < b.task ? -1 : a.task > b.task ? 1 : 0));
  return doc;
}

/** The results summary: `results` of the output file, or the file itself when it is one. */
function summaryOf(value: unknown, file: string): Record<string, unknown> {
  if (isPlainObject(value) && isPlainObject(value['results']) && Array.isArray(value['results']['results']))
    return value['results'];
  if (isPlainObject(value) && Array.isArray(value['results']) && 'version' in value) return value;
  throw new ParseError(
    { file, key: 'results' },
    `expected promptfoo eval output: { "results": { "version": 3, "results": [ one row per test ], "stats": … } }, found ${isPlainObject(value) ? `results: ${describeValue(value['results'])}` : describeValue(value)}`,
  );
}

function providerName(provider: unknown): { name: string; id: string } | undefined {
  if (typeof provider === 'string' && provider !== '') return { name: provider, id: provider };
  if (!isPlainObject(provider)) return undefined;
  const id = typeof provider['id'] === 'string' ? provider['id'] : undefined;
  const label =
    typeof provider['label'] === 'string' && provider['label'] !== '' ? provider['label'] : undefined;
  const name = label ?? id;
  return name === undefined ? undefined : { name, id: id ?? name };
}

function readRow(
  row: Record<string, unknown>,
  index: number,
  columns: Map<number, Column>,
  prompts: unknown[],
  file: string,
): void {
  const where = `results.results[${index}]`;
  const promptIdx = typeof row['promptIdx'] === 'number' ? row['promptIdx'] : 0;
  let column = columns.get(promptIdx);
  if (column === undefined) {
    const prompt = prompts[promptIdx];
    const provider =
      providerName(row['provider']) ?? (isPlainObject(prompt) ? providerName(prompt['provider']) : undefined);
    column = {
      promptIdx,
      provider: provider?.name ?? `prompt ${promptIdx}`,
      providerId: provider?.id ?? '(provider not named)',
      tests: 0,
      passes: 0,
      errors: 0,
      scoreSum: 0,
      scored: 0,
      named: new Map(),
      latencySum: 0,
      timed: 0,
      cost: 0,
      costed: 0,
      table: new ExampleTable('', file),
      seen: new Map(),
    };
    if (isPlainObject(prompt)) {
      const text = typeof prompt['label'] === 'string' ? prompt['label'] : prompt['raw'];
      if (typeof text === 'string')
        column.prompt = text.length > PROMPT_CHARS ? `${text.slice(0, PROMPT_CHARS)}…` : text;
    }
    columns.set(promptIdx, column);
  }
  const grading = isPlainObject(row['gradingResult']) ? row['gradingResult'] : undefined;
  const success =
    typeof row['success'] === 'boolean'
      ? row['success']
      : typeof grading?.['pass'] === 'boolean'
        ? grading['pass']
        : undefined;
  if (success === undefined) {
    throw new ParseError(
      { file, key: `${where}.success` },
      `expected true or false (whether the test passed), found ${describeValue(row['success'])}`,
    );
  }
  const score =
    typeof row['score'] === 'number'
      ? row['score']
      : typeof grading?.['score'] === 'number'
        ? grading['score']
        : undefined;
  column.tests++;
  if (success) column.passes++;
  if (row['failureReason'] === FAILURE_ERROR) {
    column.errors++;
    if (column.firstError === undefined && typeof row['error'] === 'string') column.firstError = row['error'];
  }
  const at = column.table.row(testId(row, column), {});
  column.table.set('pass_rate', at, success ? 1 : 0);
  if (score !== undefined) {
    column.scoreSum += score;
    column.scored++;
    column.table.set('score', at, score);
  }
  const named = isPlainObject(row['namedScores']) ? row['namedScores'] : {};
  for (const [name, v] of Object.entries(named)) {
    if (typeof v !== 'number') continue;
    const measure = OWN_NAMES.has(name) ? `${name}_named` : name;
    const entry = column.named.get(measure);
    if (entry === undefined) column.named.set(measure, { sum: v, n: 1 });
    else {
      entry.sum += v;
      entry.n++;
    }
    column.table.set(measure, at, v);
  }
  if (typeof row['latencyMs'] === 'number') {
    column.latencySum += row['latencyMs'];
    column.timed++;
  }
  if (typeof row['cost'] === 'number') {
    column.cost += row['cost'];
    column.costed++;
  }
}

/**
 * A test's id from what it is (its description and vars), not where it is: a test keeps its id
 * when another is added before it, so base and head pair test by test. Identical tests are told
 * apart by order (`#2`).
 */
function testId(row: Record<string, unknown>, column: Column): string {
  const testCase = isPlainObject(row['testCase']) ? row['testCase'] : {};
  const vars = testCase['vars'] ?? row['vars'] ?? null;
  const description = typeof testCase['description'] === 'string' ? testCase['description'] : null;
  const content =
    description === null && (vars === null || (isPlainObject(vars) && Object.keys(vars).length === 0))
      ? `testIdx ${String(row['testIdx'] ?? '')}`
      : stableJson({ description, vars });
  const id = createHash('sha256').update(content).digest('hex').slice(0, 16);
  const n = (column.seen.get(id) ?? 0) + 1;
  column.seen.set(id, n);
  return n === 1 ? id : `${id}#${n}`;
}

/** JSON with every object's keys sorted, so equal vars always give the same text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isPlainObject(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

/**
 * The key prefix of each column: none for a single column; the provider when each column has
 * its own; else the provider and the prompt's index (`gpt-4o.prompt_1`).
 */
function columnPrefixes(columns: readonly Column[]): string[] {
  if (columns.length === 1) return [''];
  const providers = new Set(columns.map((c) => c.provider));
  if (providers.size === columns.length) return columns.map((c) => escapeSegment(c.provider));
  return columns.map((c) => childKey(escapeSegment(c.provider), `prompt_${c.promptIdx}`));
}

function writeColumn(builder: DocBuilder, column: Column, prefix: string): void {
  const key = (name: string) => childKey(prefix, name);
  builder.metric(key('tests'), column.tests);
  builder.metric(key('passes'), column.passes);
  builder.metric(key('failures'), column.tests - column.passes - column.errors);
  builder.metric(key('errors'), column.errors);
  builder.metric(key('pass_rate'), column.passes / column.tests);
  if (column.scored > 0) builder.metric(key('score'), column.scoreSum / column.scored);
  for (const [name, { sum, n }] of column.named) builder.metric(key(name), sum / n);
  if (column.timed > 0) builder.metric(key('latency_ms'), column.latencySum / column.timed);
  if (column.costed > 0) builder.metric(key('cost'), column.cost);
  builder.param(key('provider'), column.providerId);
  if (column.prompt !== undefined) builder.param(key('prompt'), column.prompt);
  const renamed = [...column.named.keys()].filter(
    (n) => n.endsWith('_named') && OWN_NAMES.has(n.slice(0, -6)),
  );
  if (renamed.length > 0)
    builder.note(`named scores called like a column's own metric are kept as ${listed(renamed)}`);
  if (column.errors > 0) {
    builder.warn(
      `${prefix === '' ? '' : `${prefix}: `}${plural(column.errors, 'test')} ended in an error (the provider or the grader failed, not an assertion)${column.firstError !== undefined ? `, first: ${column.firstError.slice(0, 200)}` : ''}; promptfoo counts them as not passed, and so does pass_rate`,
    );
  }
}

/** The whole file's counts from `stats` (with several columns), checked against the rows. */
function writeTotals(
  builder: DocBuilder,
  summary: Record<string, unknown>,
  columns: readonly Column[],
  file: string,
): void {
  const rows = columns.reduce(
    (t, c) => ({ passes: t.passes + c.passes, errors: t.errors + c.errors, tests: t.tests + c.tests }),
    { passes: 0, errors: 0, tests: 0 },
  );
  const stats = isPlainObject(summary['stats']) ? summary['stats'] : undefined;
  const successes = stats?.['successes'];
  const failures = stats?.['failures'];
  const errors = stats?.['errors'];
  if (typeof successes === 'number' && typeof failures === 'number') {
    const erred = typeof errors === 'number' ? errors : 0;
    const total = successes + failures + erred;
    if (total !== rows.tests || successes !== rows.passes) {
      builder.warn(
        `${file}: stats says ${successes} of ${total} tests passed, the rows ${rows.passes} of ${rows.tests}; the metrics are the rows'`,
      );
    }
  }
  if (columns.length <= 1) return;
  builder.metric('tests', rows.tests);
  builder.metric('passes', rows.passes);
  builder.metric('failures', rows.tests - rows.passes - rows.errors);
  builder.metric('errors', rows.errors);
  builder.metric('pass_rate', rows.passes / rows.tests);
}
