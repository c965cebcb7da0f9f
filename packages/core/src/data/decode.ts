/**
 * A DriftReport read back from disk: drift.json in the state folder (maybe another job's artifact,
 * maybe edited) or the `drift` of a report.json a fork's run saved (written by anyone who can open
 * a pull request). The report section and its charts format these numbers with no guard of their
 * own (`c.p!`, `c.ks!`), so every field they or the metrics use is checked here, with the file and
 * the JSON path of the first bad one (`drift.json: columns[3].p: expected a number between 0 and 1,
 * found "x"`), instead of a TypeError deep in the renderer. Unknown fields are dropped, texts and
 * lists are capped, and the report must agree with itself: each column's verdict with its test and
 * the options, the counts and the share with the columns, as compareTables (drift.ts) made them.
 *
 * A histogram is the one field that is not an error: one the charts cannot draw (isDrawableHistogram)
 * is dropped and a warning of the report says so, because it is evidence drawn for the reader, not
 * part of any verdict: the column's row and numbers stay, only its chart is lost. Failing the check
 * over a chart would turn a cosmetic defect into a red pull request, and no check on its shape can
 * tell a well-formed but invented histogram from a true one anyway.
 */
import { ConfigurationError } from '../errors.js';
import { numberFromJson } from '../numbers.js';
import { CORRECTIONS } from '../stats/family.js';
import type {
  ColumnDrift,
  ColumnStatus,
  DriftOptions,
  DriftReport,
  DriftTest,
  SideSummary,
  TableSummary,
} from './drift.js';
import { isDrawableHistogram, MAX_BINS, type DriftHistogram } from './histogram.js';
import { MAX_TABLE_FILES } from './read.js';
import type { ColumnType } from './types.js';

/** Most columns a report read back may hold: far more than a real table, few enough to render. */
export const MAX_DRIFT_COLUMNS = 100_000;
/** Longest text kept (a column name, a label, a reason, a note). */
const MAX_TEXT = 10_000;
/** Most notes (or warnings) of the report, and of one column. */
const MAX_NOTES = 10_000;
const MAX_COLUMN_NOTES = 1_000;
/** Rounding room for shares and p values computed in floating point (as isDrawableHistogram allows). */
const ROUNDING = 1e-9;

const COLUMN_TYPES: readonly ColumnType[] = [
  'numeric',
  'boolean',
  'datetime',
  'categorical',
  'text',
  'mixed',
  'empty',
];
const STATUSES: readonly ColumnStatus[] = [
  'compared',
  'retyped',
  'no-values',
  'not-compared',
  'dropped',
  'new',
];
const TESTS: readonly DriftTest[] = ['ks', 'chi_square', 'wasserstein', 'jensen_shannon'];
/** Statuses with a verdict: counted in `tested` and in the share. */
const DECIDED: readonly ColumnStatus[] = ['compared', 'retyped', 'no-values'];

/** Where a value is: the file, and the JSON path inside it ('' for the document itself). */
interface At {
  file: string;
  path: string;
}

const child = (at: At, name: string): At => ({
  file: at.file,
  path: at.path === '' ? name : `${at.path}.${name}`,
});
const item = (at: At, index: number): At => ({ file: at.file, path: `${at.path}[${index}]` });

function where(at: At): string {
  return at.path === '' ? at.file : `${at.file}: ${at.path}`;
}

function found(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function fail(at: At, expected: string, value: unknown): never {
  throw new ConfigurationError(`${where(at)}: expected ${expected}, found ${found(value)}`);
}

type Check<T> = (value: unknown, at: At) => T;

function object(value: unknown, at: At, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail(at, what, value);
  return value as Record<string, unknown>;
}

function get(doc: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(doc, name) ? doc[name] : undefined;
}

function required<T>(doc: Record<string, unknown>, at: At, name: string, check: Check<T>): T {
  return check(get(doc, name), child(at, name));
}

/** Absent and null are the same: JSON has no undefined. */
function optional<T>(doc: Record<string, unknown>, at: At, name: string, check: Check<T>): T | undefined {
  const value = get(doc, name);
  return value === undefined || value === null ? undefined : check(value, child(at, name));
}

function text(max = MAX_TEXT): Check<string> {
  return (value, at) =>
    typeof value === 'string' && value.length <= max
      ? value
      : fail(at, `text of at most ${max} characters`, value);
}

function list<T>(check: Check<T>, max: number, what = 'items'): Check<T[]> {
  return (value, at) => {
    if (!Array.isArray(value) || value.length > max)
      return fail(at, `a list of at most ${max} ${what}`, value);
    return value.map((v, i) => check(v, item(at, i)));
  };
}

function oneOf<T extends string>(choices: readonly T[]): Check<T> {
  return (value, at) =>
    typeof value === 'string' && (choices as readonly string[]).includes(value)
      ? (value as T)
      : fail(at, `one of ${choices.join(', ')}`, value);
}

const boolean: Check<boolean> = (value, at) =>
  typeof value === 'boolean' ? value : fail(at, 'true or false', value);

const count: Check<number> = (value, at) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? value
    : fail(at, 'a whole number of at least 0', value);

/** A share or a p value. */
const unit: Check<number> = (value, at) =>
  typeof value === 'number' && value >= 0 && value <= 1 + ROUNDING
    ? value
    : fail(at, 'a number between 0 and 1', value);

/** A statistic or distance: 0 or more; "Infinity" (how mlci writes an infinite one) too, never NaN. */
const nonNegative: Check<number> = (value, at) => {
  const n = numberFromJson(value);
  return n !== undefined && n >= 0 ? n : fail(at, 'a number of at least 0', value);
};

/** A summary statistic shown for information only: any number, in mlci's spellings of NaN and the infinities. */
const anyNumber: Check<number> = (value, at) => {
  const n = numberFromJson(value);
  return n === undefined ? fail(at, 'a number (or "NaN", "Infinity", "-Infinity")', value) : n;
};

/**
 * A DriftReport checked field by field. `file` names the document in messages; `at` is the report's
 * JSON path inside it when it is part of a larger document (`drift` in report.json).
 */
export function decodeDriftReport(value: unknown, file: string, options: { at?: string } = {}): DriftReport {
  const at: At = { file, path: options.at ?? '' };
  const doc = object(value, at, 'an mlci/drift document');
  if (get(doc, 'schema') !== 'mlci/drift' || get(doc, 'version') !== 1)
    throw new ConfigurationError(
      `${where(child(at, 'schema'))}: expected an mlci/drift document of version 1, found ${found(get(doc, 'schema'))} version ${found(get(doc, 'version'))}`,
    );
  // In the order mlci writes the fields, so the first bad one reported is the first in the file.
  const reference = required(doc, at, 'reference', decodeTable);
  const current = required(doc, at, 'current', decodeTable);
  const driftOptions = required(doc, at, 'options', decodeOptions);
  const undrawable: string[] = [];
  const columnsAt = child(at, 'columns');
  const columns = required(
    doc,
    at,
    'columns',
    list((v, a) => decodeColumn(v, a, driftOptions, undrawable), MAX_DRIFT_COLUMNS, 'columns'),
  );
  const names = new Set<string>();
  columns.forEach((c, i) => {
    if (names.has(c.name)) fail(child(item(columnsAt, i), 'name'), 'a name no other column has', c.name);
    names.add(c.name);
  });
  const report: DriftReport = {
    schema: 'mlci/drift',
    version: 1,
    reference,
    current,
    options: driftOptions,
    columns,
    tested: required(doc, at, 'tested', count),
    drifted: required(doc, at, 'drifted', count),
    share: required(doc, at, 'share', unit),
    detected: required(doc, at, 'detected', boolean),
    family: required(doc, at, 'family', count),
    notes: required(doc, at, 'notes', list(text(), MAX_NOTES, 'notes')),
    warnings: [...required(doc, at, 'warnings', list(text(), MAX_NOTES, 'warnings')), ...undrawable],
  };
  checkTotals(report, at);
  return report;
}

const decodeOptions: Check<DriftOptions> = (value, at) => {
  const doc = object(
    value,
    at,
    'the drift options (alpha, threshold, smallRows, driftShare, correction, psiBins)',
  );
  const threshold = required(doc, at, 'threshold', (v, a) =>
    typeof v === 'number' && v > 0 && Number.isFinite(v) ? v : fail(a, 'a distance above 0', v),
  );
  return {
    alpha: required(doc, at, 'alpha', (v, a) =>
      typeof v === 'number' && v > 0 && v <= 0.5 ? v : fail(a, 'a level above 0, at most 0.5', v),
    ),
    threshold,
    smallRows: required(doc, at, 'smallRows', count),
    driftShare: required(doc, at, 'driftShare', (v, a) =>
      typeof v === 'number' && v > 0 && v <= 1 ? v : fail(a, 'a share above 0, at most 1', v),
    ),
    correction: required(doc, at, 'correction', oneOf(CORRECTIONS)),
    psiBins: required(doc, at, 'psiBins', (v, a) =>
      typeof v === 'number' && Number.isSafeInteger(v) && v >= 2
        ? v
        : fail(a, 'a whole number of at least 2', v),
    ),
  };
};

const decodeTable: Check<TableSummary> = (value, at) => {
  const doc = object(value, at, 'a table summary (label, rows, columns, files)');
  return {
    label: required(doc, at, 'label', text()),
    rows: required(doc, at, 'rows', count),
    columns: required(doc, at, 'columns', count),
    files: required(doc, at, 'files', list(text(), MAX_TABLE_FILES, 'files')),
  };
};

const decodeSide: Check<SideSummary> = (value, at) => {
  const doc = object(value, at, 'one side of a column (type, rows, missing, missingShare, values)');
  const side: SideSummary = {
    type: required(doc, at, 'type', oneOf(COLUMN_TYPES)),
    rows: required(doc, at, 'rows', count),
    missing: required(doc, at, 'missing', count),
    missingShare: required(doc, at, 'missingShare', unit),
    values: required(doc, at, 'values', count),
  };
  for (const name of ['mean', 'std', 'min', 'max', 'median'] as const) {
    const v = optional(doc, at, name, anyNumber);
    if (v !== undefined) side[name] = v;
  }
  const distinct = optional(doc, at, 'distinct', count);
  if (distinct !== undefined) side.distinct = distinct;
  for (const name of ['from', 'to'] as const) {
    const v = optional(doc, at, name, text(40));
    if (v !== undefined) side[name] = v;
  }
  return side;
};

function decodeColumn(value: unknown, at: At, options: DriftOptions, warnings: string[]): ColumnDrift {
  const doc = object(value, at, 'a column (name, type, status, drifted, reason, notes)');
  const column: ColumnDrift = {
    name: required(doc, at, 'name', text()),
    type: required(doc, at, 'type', oneOf(COLUMN_TYPES)),
    status: required(doc, at, 'status', oneOf(STATUSES)),
    drifted: required(doc, at, 'drifted', boolean),
    exact: required(doc, at, 'exact', boolean),
    reason: required(doc, at, 'reason', text()),
    notes: required(doc, at, 'notes', list(text(), MAX_COLUMN_NOTES, 'notes')),
  };
  const test = optional(doc, at, 'test', oneOf(TESTS));
  if (test !== undefined) column.test = test;
  const threshold = optional(doc, at, 'threshold', nonNegative);
  if (threshold !== undefined) column.threshold = threshold;
  for (const name of ['p', 'pRaw', 'ks', 'jensenShannon', 'linf'] as const) {
    const v = optional(doc, at, name, unit);
    if (v !== undefined) column[name] = v;
  }
  for (const name of ['chiSquare', 'wasserstein', 'psi'] as const) {
    const v = optional(doc, at, name, nonNegative);
    if (v !== undefined) column[name] = v;
  }
  const df = optional(doc, at, 'df', count);
  if (df !== undefined) column.df = df;
  // Each side is there unless the column is on the other side only; the metrics read the current's missing share.
  if (column.status !== 'new') column.reference = required(doc, at, 'reference', decodeSide);
  else if (get(doc, 'reference') !== undefined && get(doc, 'reference') !== null)
    fail(
      child(at, 'reference'),
      'nothing (the column is new: the reference has no such column)',
      get(doc, 'reference'),
    );
  if (column.status !== 'dropped') column.current = required(doc, at, 'current', decodeSide);
  else if (get(doc, 'current') !== undefined && get(doc, 'current') !== null)
    fail(
      child(at, 'current'),
      'nothing (the column was dropped: the current data has no such column)',
      get(doc, 'current'),
    );
  const change = optional(doc, at, 'largestChange', (v, a) => {
    const c = object(v, a, 'the value whose share changed most (value, reference, current)');
    return {
      // A category's value is data of any length (a prompt, a document): its start is kept, as
      // nothing shows it whole (the reason quotes 40 characters).
      value: required(c, a, 'value', (v, va) =>
        typeof v === 'string' ? v.slice(0, MAX_TEXT) : fail(va, 'text', v),
      ),
      reference: required(c, a, 'reference', unit),
      current: required(c, a, 'current', unit),
    };
  });
  if (change !== undefined) column.largestChange = change;
  const histogram = get(doc, 'histogram');
  if (histogram !== undefined && histogram !== null) {
    const drawable = drawableHistogram(histogram);
    if (drawable !== undefined) column.histogram = drawable;
    else
      warnings.push(
        `${where(child(at, 'histogram'))}: not a histogram mlci can draw, so the column ${JSON.stringify(column.name.slice(0, 200))} is shown without its chart`,
      );
  }
  checkVerdict(column, at, options);
  return column;
}

/**
 * The verdict must follow from the column's numbers as compareTables decides it, and the numbers the
 * report shows for its test must be there: a test's p, the statistic, the distance that decided.
 */
function checkVerdict(column: ColumnDrift, at: At, options: DriftOptions): void {
  const { test, status } = column;
  const drifted = child(at, 'drifted');
  if (test === undefined) {
    // Retyped and empty columns drift; a compared column without a test has categories past counting.
    const expected = status === 'retyped' || status === 'no-values' || status === 'compared';
    if (column.drifted !== expected)
      fail(drifted, `${expected} (a column whose status is ${status} and that has no test)`, column.drifted);
    return;
  }
  if (status !== 'compared')
    fail(child(at, 'test'), `nothing (only a compared column has a test; this one is ${status})`, test);
  const need = (
    name: 'p' | 'pRaw' | 'ks' | 'chiSquare' | 'df' | 'wasserstein' | 'jensenShannon' | 'threshold',
  ) => {
    const v = column[name];
    return v === undefined ? fail(child(at, name), `a number (the ${test} column's ${name})`, v) : v;
  };
  const p = need('p');
  need('pRaw');
  const threshold = need('threshold');
  const tested = test === 'ks' || test === 'chi_square';
  const limit = tested ? options.alpha : options.threshold;
  if (threshold !== limit)
    fail(child(at, 'threshold'), `${limit} (options.${tested ? 'alpha' : 'threshold'})`, threshold);
  if (test === 'ks' || test === 'wasserstein') need('ks');
  if (test === 'chi_square' || test === 'jensen_shannon') {
    need('chiSquare');
    need('df');
  }
  let expected: boolean;
  let why: string;
  if (tested) {
    expected = p < threshold;
    why = `p = ${p} is ${expected ? '' : 'not '}below the threshold ${threshold}`;
  } else {
    const distance = need(test === 'wasserstein' ? 'wasserstein' : 'jensenShannon');
    expected = distance >= threshold && p < options.alpha;
    why = `distance ${distance}, threshold ${threshold}, p = ${p}, alpha ${options.alpha}`;
  }
  if (column.drifted !== expected) fail(drifted, `${expected} (${why})`, column.drifted);
}

/** The counts and the share as compareTables derives them from the columns. */
function checkTotals(report: DriftReport, at: At): void {
  const decided = report.columns.filter((c) => DECIDED.includes(c.status));
  const drifted = decided.filter((c) => c.drifted).length;
  const expect = (name: keyof DriftReport, expected: number | boolean, why: string) => {
    if (report[name] !== expected) fail(child(at, name), `${expected} (${why})`, report[name]);
  };
  const spurious = report.columns.findIndex((c) => c.drifted && !DECIDED.includes(c.status));
  if (spurious >= 0)
    fail(
      child(item(child(at, 'columns'), spurious), 'drifted'),
      `false (a ${report.columns[spurious]!.status} column has no verdict)`,
      true,
    );
  expect('tested', decided.length, 'the columns compared, retyped or without values');
  expect('drifted', drifted, 'the columns marked drifted');
  expect('share', decided.length === 0 ? 0 : drifted / decided.length, 'drifted / tested');
  expect(
    'detected',
    decided.length > 0 && report.share >= report.options.driftShare,
    `the share against options.driftShare ${report.options.driftShare}`,
  );
  expect('family', report.columns.filter((c) => c.test !== undefined).length, 'the columns with a test');
}

/**
 * The histogram as the charts draw it, its known fields only, or undefined when it is not one they
 * can draw (isDrawableHistogram, and its optional fields well formed).
 */
function drawableHistogram(value: unknown): DriftHistogram | undefined {
  if (!isDrawableHistogram(value)) return undefined;
  const h: DriftHistogram = {
    kind: value.kind,
    labels: [...value.labels],
    reference: [...value.reference],
    current: [...value.current],
    values: { reference: value.values.reference, current: value.values.current },
    exact: value.exact,
  };
  const raw = value as unknown as Record<string, unknown>;
  const edges = get(raw, 'edges');
  if (edges !== undefined && edges !== null) {
    if (
      !Array.isArray(edges) ||
      edges.length > MAX_BINS + 1 ||
      !edges.every((e) => typeof e === 'number' && Number.isFinite(e))
    )
      return undefined;
    h.edges = edges as number[];
  }
  for (const name of ['openBelow', 'openAbove', 'integer', 'otherAtLeast'] as const) {
    const v = get(raw, name);
    if (v === undefined || v === null) continue;
    if (typeof v !== 'boolean') return undefined;
    h[name] = v;
  }
  const other = get(raw, 'other');
  if (other !== undefined && other !== null) {
    if (typeof other !== 'number' || !Number.isSafeInteger(other) || other < 0) return undefined;
    h.other = other;
  }
  return h;
}
