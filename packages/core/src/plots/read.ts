import { ParseError, type ParseLocation } from '../errors.js';
import { parseJsonText } from '../json-text.js';
import { parseNumber } from '../numbers.js';
import { delimitedTable } from '../readers/predictions.js';
import { extensionOf, readTextFile } from '../readers/files.js';
import { countPairs, prCurve, rocCurve } from './metrics.js';
import type { ConfusionMatrix, PlotData, PlotKind } from './model.js';

/**
 * Reads the plot files ML tools write:
 * - dvclive's `log_sklearn_plot` (`plots/sklearn/*.json`): a confusion matrix as a list of
 *   `{"actual": "1", "predicted": "0"}` rows (one per example, labels as strings), a ROC curve as
 *   `{"roc": [{"fpr", "tpr", "threshold"}]}`, a precision-recall curve as
 *   `{"precision_recall": [{"precision", "recall", "threshold"}]}` (`"prc"` in older releases);
 * - DVC plot data files: CSV, TSV or JSON rows with `actual`/`predicted`, `fpr`/`tpr` or
 *   `precision`/`recall` columns, bare or under one top-level key;
 * - scikit-learn output dumped by hand: `{"labels": [...], "matrix": [[...]]}`,
 *   `{"confusion_matrix": [[...]]}`, a bare nested list, `{"fpr": [...], "tpr": [...],
 *   "thresholds": [...]}`, `{"precision": [...], "recall": [...]}`.
 * What a file holds is told by its field names (`detectPlotKind`), not by its name.
 */

export interface ReadPlotOptions {
  /** Skip detection: read the file as this kind of plot. */
  kind?: PlotKind;
}

export type PlotFormat = 'json' | 'csv' | 'tsv';

const ACTUAL = ['actual', 'y_true', 'true', 'label', 'labels', 'target', 'truth', 'gold', 'true_label'];
const PREDICTED = ['predicted', 'y_pred', 'prediction', 'predictions', 'pred', 'predicted_label'];
const FPR = ['fpr', 'false_positive_rate'];
const TPR = ['tpr', 'true_positive_rate'];
const PRECISION = ['precision'];
const RECALL = ['recall'];
const THRESHOLD = ['threshold', 'thresholds'];
const MATRIX_KEYS = ['matrix', 'confusion_matrix', 'cm', 'counts'];
const LABEL_KEYS = ['labels', 'classes', 'display_labels', 'class_names', 'target_names'];
/** Where dvclive (and people copying it) put a plot's rows: checked before any other key. */
const PLOT_KEYS = ['roc', 'precision_recall', 'prc', 'pr', 'confusion_matrix', 'cm', 'confusion'];

const EXPECTED =
  'expected confusion-matrix rows (actual, predicted), a matrix of counts, ROC points (fpr, tpr) or precision-recall points (precision, recall)';

export async function readPlotFile(path: string, options: ReadPlotOptions = {}): Promise<PlotData> {
  const text = await readTextFile(path);
  const ext = extensionOf(path);
  const format: PlotFormat =
    ext === 'csv' ? 'csv' : ext === 'tsv' || ext === 'tab' ? 'tsv' : ext === 'json' ? 'json' : sniff(text);
  return parsePlotText(text, path, format, options);
}

/** JSON starts with `{` or `[`; anything else is a delimited table, tab-separated if its header has a tab. */
function sniff(text: string): PlotFormat {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{') || body.startsWith('[')) return 'json';
  const header = body.split(/\r?\n/, 1)[0] ?? '';
  return header.includes('\t') ? 'tsv' : 'csv';
}

export function parsePlotText(
  text: string,
  file: string,
  format: PlotFormat,
  options: ReadPlotOptions = {},
): PlotData {
  if (format === 'json') return plotFromJson(parseJsonText(text, file), file, options);
  return fromRecords(delimitedRecords(text, file, format === 'tsv' ? 9 : 44), file, options.kind);
}

/** Which plot a set of field names describes, or undefined. ROC and PR win over confusion names. */
export function detectPlotKind(fields: readonly string[]): PlotKind | undefined {
  const names = new Set(fields.map((f) => f.trim().toLowerCase()));
  const has = (aliases: readonly string[]) => aliases.some((a) => names.has(a));
  if (has(FPR) && has(TPR)) return 'roc';
  if (has(PRECISION) && has(RECALL)) return 'pr';
  if (has(ACTUAL) && has(PREDICTED)) return 'confusion';
  return undefined;
}

/** One value of a row and where it is, so a complaint can point at the cell. */
interface Cell {
  value: unknown;
  at: Omit<ParseLocation, 'file'>;
}

/** A row's cells by lower-cased column name, and where the row is (a line, or a JSON key). */
interface Row {
  at: { line?: number; key?: string };
  cells: Map<string, Cell>;
}

interface Records {
  /** Column names as written, in first-seen order. */
  columns: string[];
  rows: Row[];
  /** Where the rows are, for "no rows" messages: "the file", `key "roc"`. */
  where: Omit<ParseLocation, 'file'>;
}

function delimitedRecords(text: string, file: string, delimiter: number): Records {
  const table = delimitedTable(text, file, delimiter);
  return {
    columns: table.columns,
    rows: table.rows.map(({ line, cells: values }) => {
      const cells = new Map<string, Cell>();
      table.columns.forEach((name, i) =>
        cells.set(name.toLowerCase(), { value: values[i], at: { line, key: name } }),
      );
      return { at: { line }, cells };
    }),
    where: {},
  };
}

/** `roc` + `[3]` -> `roc[3]`; `roc[3]` + `fpr` -> `roc[3].fpr`. */
function keyPath(parent: string, child: string | number): string {
  if (typeof child === 'number') return `${parent}[${child}]`;
  return parent === '' ? child : `${parent}.${child}`;
}

function atKey(key: string): Omit<ParseLocation, 'file'> {
  return key === '' ? {} : { key };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isObject(value)) return 'an object';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return String(value);
}

/** A parsed JSON document as one of the plots. */
export function plotFromJson(value: unknown, file: string, options: ReadPlotOptions = {}): PlotData {
  return fromJsonValue(value, file, '', options.kind, 0);
}

function fromJsonValue(
  value: unknown,
  file: string,
  path: string,
  kind: PlotKind | undefined,
  depth: number,
): PlotData {
  if (Array.isArray(value)) {
    if (value.length === 0)
      throw new ParseError({ file, ...atKey(path) }, `${EXPECTED}, found an empty list`);
    if (value.every(Array.isArray)) {
      if (kind !== undefined && kind !== 'confusion')
        throw new ParseError(
          { file, ...atKey(path) },
          `expected ${kind} points, found a matrix (a list of lists)`,
        );
      return matrixFrom(value, undefined, file, path, '');
    }
    return fromRecords(jsonRows(value, file, path), file, kind);
  }
  if (!isObject(value))
    throw new ParseError({ file, ...atKey(path) }, `${EXPECTED}, found ${describe(value)}`);
  const lower = new Map(Object.keys(value).map((k) => [k.toLowerCase(), k]));
  const original = (names: readonly string[]) =>
    names.map((n) => lower.get(n)).find((k): k is string => k !== undefined);

  const matrixKey = MATRIX_KEYS.map((n) => lower.get(n)).find(
    (k) => k !== undefined && Array.isArray(value[k]) && (value[k] as unknown[]).every(Array.isArray),
  );
  if (
    matrixKey !== undefined &&
    (value[matrixKey] as unknown[]).length > 0 &&
    (kind ?? 'confusion') === 'confusion'
  ) {
    const labelKey = original(LABEL_KEYS);
    return matrixFrom(
      value[matrixKey] as unknown[],
      labelKey === undefined ? undefined : value[labelKey],
      file,
      keyPath(path, matrixKey),
      labelKey === undefined ? '' : keyPath(path, labelKey),
    );
  }

  const columnar = columnarRecords(value, file, path);
  if (columnar !== undefined && (kind === undefined || detectPlotKind(columnar.columns) === kind))
    return fromRecords(columnar, file, kind);

  if (depth < 3) {
    const nested = Object.keys(value).filter((k) => Array.isArray(value[k]) || isObject(value[k]));
    const known = PLOT_KEYS.map((n) => lower.get(n)).find((k) => k !== undefined && nested.includes(k));
    const key = known ?? (nested.length === 1 ? nested[0] : undefined);
    if (key !== undefined) return fromJsonValue(value[key], file, keyPath(path, key), kind, depth + 1);
  }
  const keys = Object.keys(value);
  throw new ParseError(
    { file, ...atKey(path) },
    `${EXPECTED}, found an object with ${keys.length === 0 ? 'no keys' : `keys ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', ...' : ''}`}`,
  );
}

/** A list of JSON objects, one per row. */
function jsonRows(list: readonly unknown[], file: string, path: string): Records {
  const records: Records = { columns: [], rows: [], where: atKey(path) };
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const rowKey = keyPath(path, i);
    if (!isObject(item))
      throw new ParseError(
        { file, key: rowKey },
        `expected an object per row, like {"actual": "cat", "predicted": "dog"} or {"fpr": 0.1, "tpr": 0.8}, found ${describe(item)}`,
      );
    const cells = new Map<string, Cell>();
    for (const [name, cell] of Object.entries(item)) {
      if (!seen.has(name.toLowerCase())) {
        seen.add(name.toLowerCase());
        records.columns.push(name);
      }
      cells.set(name.toLowerCase(), { value: cell, at: { key: keyPath(rowKey, name) } });
    }
    records.rows.push({ at: { key: rowKey }, cells });
  });
  return records;
}

/**
 * `{"fpr": [...], "tpr": [...], "thresholds": [...]}` as rows, when the object has the two
 * columns of a ROC or precision-recall curve as lists. All lists must have the same length.
 */
function columnarRecords(value: Record<string, unknown>, file: string, path: string): Records | undefined {
  const lists = Object.keys(value).filter((k) => Array.isArray(value[k]));
  const kind = detectPlotKind(lists);
  if (kind !== 'roc' && kind !== 'pr') return undefined;
  const wanted = kind === 'roc' ? [FPR, TPR, THRESHOLD] : [RECALL, PRECISION, THRESHOLD];
  const keys = wanted
    .map((aliases) => lists.find((k) => aliases.includes(k.toLowerCase())))
    .filter((k): k is string => k !== undefined);
  const first = keys[0]!;
  const length = (value[first] as unknown[]).length;
  const threshold = keys[2];
  // scikit-learn's precision_recall_curve returns one threshold fewer than points (the last
  // point, recall 0 and precision 1, has none); the thresholds are not drawn, so drop them.
  if (kind === 'pr' && threshold !== undefined && (value[threshold] as unknown[]).length === length - 1)
    keys.pop();
  for (const key of keys.slice(1)) {
    const n = (value[key] as unknown[]).length;
    if (n !== length)
      throw new ParseError(
        { file, key: keyPath(path, key) },
        `has ${n} values but ${first} has ${length}: expected one value per point in every list`,
      );
  }
  const rows = Array.from({ length }, (_, i): Row => {
    const cells = new Map<string, Cell>();
    for (const key of keys)
      cells.set(key.toLowerCase(), {
        value: (value[key] as unknown[])[i],
        at: { key: keyPath(keyPath(path, key), i) },
      });
    return { at: {}, cells };
  });
  return { columns: keys, rows, where: atKey(path) };
}

function fromRecords(records: Records, file: string, forced: PlotKind | undefined): PlotData {
  const detected = detectPlotKind(records.columns);
  const kind = forced ?? detected;
  const found = records.columns.length === 0 ? 'no columns' : `columns ${records.columns.join(', ')}`;
  if (kind === undefined) throw new ParseError({ file, ...records.where }, `${EXPECTED}, found ${found}`);
  const names = records.columns.map((c) => c.toLowerCase());
  const column = (aliases: readonly string[], what: string): string => {
    const name = aliases.find((a) => names.includes(a));
    if (name === undefined)
      throw new ParseError(
        { file, ...records.where },
        `expected a ${what} column (${aliases.map((a) => `"${a}"`).join(' or ')}) for a ${KIND_WORDS[kind]}, found ${found}`,
      );
    return name;
  };
  if (records.rows.length === 0)
    throw new ParseError(
      { file, ...records.where },
      `no rows: expected at least one ${KIND_WORDS[kind]} row`,
    );

  if (kind === 'confusion') {
    const actual = column(ACTUAL, 'true label');
    const predicted = column(PREDICTED, 'predicted label');
    return countPairs(
      file,
      records.rows.map((row) => labelCell(row, actual, file)),
      records.rows.map((row) => labelCell(row, predicted, file)),
    );
  }
  const [xName, yName] = kind === 'roc' ? [FPR, TPR] : [RECALL, PRECISION];
  const x = column(xName, kind === 'roc' ? 'false positive rate' : 'recall');
  const y = column(yName, kind === 'roc' ? 'true positive rate' : 'precision');
  const t = THRESHOLD.find((a) => names.includes(a));
  const xs = records.rows.map((row) => rateCell(row, x, file));
  const ys = records.rows.map((row) => rateCell(row, y, file));
  const ts = t === undefined ? undefined : records.rows.map((row) => thresholdCell(row, t, file));
  return kind === 'roc' ? rocCurve(file, xs, ys, ts) : prCurve(file, xs, ys, ts);
}

const KIND_WORDS: Record<PlotKind, string> = {
  confusion: 'confusion matrix',
  roc: 'ROC curve',
  pr: 'precision-recall curve',
};

/** The row's cell in `name`; a JSON row without that field gets a missing cell pointing at where it belongs. */
function cellOf(row: Row, name: string): Cell {
  return (
    row.cells.get(name) ?? {
      value: undefined,
      at:
        row.at.line !== undefined
          ? { line: row.at.line, key: name }
          : { key: keyPath(row.at.key ?? '', name) },
    }
  );
}

function labelCell(row: Row, name: string, file: string): string {
  const cell = cellOf(row, name);
  const v = cell.value;
  const text =
    typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  if (text === '')
    throw new ParseError(
      { file, ...cell.at },
      `expected a class label, found ${v === undefined || typeof v === 'string' ? 'nothing' : describe(v)}`,
    );
  return text;
}

function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return parseNumber(v);
  return undefined;
}

function rateCell(row: Row, name: string, file: string): number {
  const cell = cellOf(row, name);
  const n = numberOf(cell.value);
  if (n === undefined || !(n >= 0 && n <= 1))
    throw new ParseError(
      { file, ...cell.at },
      `expected a rate between 0 and 1, found ${cell.value === undefined ? 'nothing' : describe(n ?? cell.value)}`,
    );
  return n;
}

/** Thresholds may be ±Infinity (scikit-learn's first ROC threshold is `inf` since 1.3), never NaN. */
function thresholdCell(row: Row, name: string, file: string): number {
  const cell = cellOf(row, name);
  const n = numberOf(cell.value);
  if (n === undefined || Number.isNaN(n))
    throw new ParseError(
      { file, ...cell.at },
      `expected a score threshold (a number), found ${cell.value === undefined ? 'nothing' : describe(cell.value)}`,
    );
  return n;
}

/**
 * A square matrix of non-negative counts, `rows[actual][predicted]` as scikit-learn's
 * `confusion_matrix` returns it, with optional class names (else `0`, `1`, ...).
 */
function matrixFrom(
  rows: readonly unknown[],
  labels: unknown,
  file: string,
  path: string,
  labelPath: string,
): ConfusionMatrix {
  const n = rows.length;
  const counts = rows.map((row, i) => {
    const rowKey = keyPath(path, i);
    if (!Array.isArray(row))
      throw new ParseError({ file, key: rowKey }, `expected a list of counts, found ${describe(row)}`);
    if (row.length !== n)
      throw new ParseError(
        { file, key: rowKey },
        `expected ${n} counts (the matrix has ${n} rows, one per actual class, and must be square), found ${row.length}`,
      );
    return row.map((cell, j) => {
      const v = numberOf(cell);
      if (v === undefined || !Number.isFinite(v) || v < 0)
        throw new ParseError(
          { file, key: keyPath(rowKey, j) },
          `expected a count of 0 or more, found ${describe(cell)}`,
        );
      return v;
    });
  });
  let names: string[];
  if (labels === undefined) names = counts.map((_, i) => String(i));
  else {
    if (!Array.isArray(labels) || labels.length !== n)
      throw new ParseError(
        { file, ...atKey(labelPath) },
        `expected ${n} class names, one per row of the matrix, found ${describe(labels)}`,
      );
    names = labels.map((l, i) => {
      if (typeof l !== 'string' && typeof l !== 'number' && typeof l !== 'boolean')
        throw new ParseError(
          { file, key: keyPath(labelPath, i) },
          `expected a class name, found ${describe(l)}`,
        );
      return String(l);
    });
    const twice = names.find((name, i) => names.indexOf(name) !== i);
    if (twice !== undefined)
      throw new ParseError({ file, ...atKey(labelPath) }, `class ${JSON.stringify(twice)} is named twice`);
  }
  return {
    kind: 'confusion',
    file,
    labels: names,
    counts,
    integer: counts.every((row) => row.every(Number.isInteger)),
  };
}
