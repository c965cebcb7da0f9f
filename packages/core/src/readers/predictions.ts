import { ParseError } from '../errors.js';
import { parseJsonText } from '../json-text.js';
import { parseNumber } from '../numbers.js';
import { DelimitedParser, type DelimitedSink } from './delimited.js';
import { extensionOf, readTextFile } from './files.js';

/**
 * Per-example predictions of one model on one evaluation set, for paired gates: a CSV, TSV or
 * JSON Lines file with one row per example. Columns are found by name:
 * - id: `id`, `example_id`, `sample_id`, `uid`, `idx`, `index` (without one, rows are paired by order);
 * - label: `label`, `target`, `y_true`, `gold`, `reference`, `true`;
 * - prediction: `prediction`, `pred`, `y_pred`, `predicted`, `output`;
 * - every other column whose cells are all numbers is a per-example score (`loss`, `correct`).
 */
export interface PredictionSet {
  file: string;
  /** Example ids in file order (row numbers, from "1", when the file has no id column). */
  ids: string[];
  hasIds: boolean;
  labels?: string[];
  predictions?: string[];
  scores: Map<string, number[]>;
}

const ID_NAMES = ['id', 'example_id', 'sample_id', 'uid', 'idx', 'index'];
const LABEL_NAMES = ['label', 'target', 'y_true', 'gold', 'reference', 'true', 'labels'];
const PREDICTION_NAMES = ['prediction', 'pred', 'y_pred', 'predicted', 'output', 'predictions'];

export async function readPredictions(path: string): Promise<PredictionSet> {
  const text = await readTextFile(path);
  const ext = extensionOf(path);
  const table =
    ext === 'jsonl' || ext === 'ndjson' || /^\s*\{/.test(text)
      ? jsonLinesTable(text, path)
      : delimitedTable(text, path, ext === 'tsv' ? 9 : 44);
  return toPredictionSet(table, path);
}

/** A small delimited file as text cells: its header row, then each row with its line number. */
export interface TextTable {
  columns: string[];
  rows: Array<{ line: number; cells: Array<string | undefined> }>;
}

type Table = TextTable;

/** Reads a whole CSV/TSV text into cells (quotes and line numbers as the log readers handle them). */
export function delimitedTable(text: string, file: string, delimiter: number): TextTable {
  const table: TextTable = { columns: [], rows: [] };
  let current: Array<string | undefined> = [];
  const sink: DelimitedSink = {
    numbers: false,
    value: (index, value) => void (current[index] = String(value)),
    cell: (index, source, start, end) => void (current[index] = source.slice(start, end)),
    row: (line) => {
      if (table.columns.length === 0) table.columns = current.map((c) => (c ?? '').trim());
      else table.rows.push({ line, cells: current });
      current = [];
    },
  };
  const parser = new DelimitedParser(delimiter, sink, file);
  parser.push(text);
  parser.end();
  return table;
}

function jsonLinesTable(text: string, file: string): Table {
  const columns: string[] = [];
  const rows: Table['rows'] = [];
  text.split(/\r?\n/).forEach((lineText, i) => {
    if (lineText.trim() === '') return;
    const value = parseJsonText(lineText, `${file}:${i + 1}`);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ParseError(
        { file, line: i + 1, column: 1 },
        'expected one JSON object per line (one example)',
      );
    }
    const cells: Array<string | undefined> = [];
    for (const [key, cell] of Object.entries(value)) {
      let at = columns.indexOf(key);
      if (at < 0) at = columns.push(key) - 1;
      cells[at] =
        cell === null || cell === undefined
          ? undefined
          : typeof cell === 'object'
            ? JSON.stringify(cell)
            : String(cell);
    }
    rows.push({ line: i + 1, cells });
  });
  return { columns, rows };
}

function toPredictionSet(table: Table, file: string): PredictionSet {
  if (table.rows.length === 0)
    throw new ParseError({ file }, 'no examples: expected a header and one row per example');
  const find = (names: string[]) => table.columns.findIndex((c) => names.includes(c.toLowerCase()));
  const idAt = find(ID_NAMES);
  const labelAt = find(LABEL_NAMES);
  const predictionAt = find(PREDICTION_NAMES);
  const set: PredictionSet = { file, ids: [], hasIds: idAt >= 0, scores: new Map() };
  const seen = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const id = idAt >= 0 ? (row.cells[idAt] ?? '').trim() : String(i + 1);
    if (id === '')
      throw new ParseError(
        { file, line: row.line },
        `the ${table.columns[idAt]} cell is empty: every example needs an id`,
      );
    const earlier = seen.get(id);
    if (earlier !== undefined)
      throw new ParseError(
        { file, line: row.line },
        `example id ${JSON.stringify(id)} appears twice (first on line ${earlier})`,
      );
    seen.set(id, row.line);
    set.ids.push(id);
  });
  const column = (at: number) => table.rows.map((row) => (row.cells[at] ?? '').trim());
  if (labelAt >= 0) set.labels = column(labelAt);
  if (predictionAt >= 0) set.predictions = column(predictionAt);
  table.columns.forEach((name, at) => {
    if (at === idAt || at === labelAt || at === predictionAt) return;
    const values = table.rows.map((row) => parseNumber(row.cells[at] ?? ''));
    if (values.every((v) => v !== undefined)) set.scores.set(name, values as number[]);
  });
  return set;
}

export interface PairedValues {
  base: number[];
  head: number[];
  /** What was compared, for the explanation: "correctness (label = prediction)" or a column name. */
  measure: string;
  /** Examples present on one side only, left out of the pairing. */
  unpaired: number;
}

/**
 * Aligns two prediction sets example by example. `column` names a per-example score to compare;
 * without it (or for McNemar) each example is 1 when its prediction equals its label, else 0.
 */
export function pairPredictions(
  base: PredictionSet,
  head: PredictionSet,
  column: string | undefined,
): PairedValues {
  const valuesOf = (set: PredictionSet): { values: number[]; measure: string } => {
    if (column !== undefined && set.scores.has(column))
      return { values: set.scores.get(column)!, measure: column };
    if (set.labels !== undefined && set.predictions !== undefined) {
      const predictions = set.predictions;
      return {
        values: set.labels.map((label, i) => (label === predictions[i] ? 1 : 0)),
        measure: 'correctness (label = prediction)',
      };
    }
    if (set.scores.has('correct')) return { values: set.scores.get('correct')!, measure: 'correct' };
    throw new ParseError(
      { file: set.file },
      `cannot tell which examples are right: expected label and prediction columns, a numeric "correct" column${column !== undefined ? ` or a "${column}" column` : ''}`,
    );
  };
  const b = valuesOf(base);
  const h = valuesOf(head);
  if (b.measure !== h.measure) {
    throw new ParseError(
      { file: head.file },
      `compares ${h.measure} but ${base.file} gives ${b.measure}: give both sides the same columns`,
    );
  }
  if (!base.hasIds || !head.hasIds) {
    if (base.ids.length !== head.ids.length) {
      throw new ParseError(
        { file: head.file },
        `has ${head.ids.length} examples and ${base.file} has ${base.ids.length}; without an id column examples are paired by row, so the counts must match (add an id column)`,
      );
    }
    return { base: b.values, head: h.values, measure: b.measure, unpaired: 0 };
  }
  // A NaN in a predictions file is a broken value, which the test refuses (a gate fails on it).
  const aligned = alignById(base.ids, b.values, head.ids, h.values, false);
  if (aligned.base.length === 0)
    throw new ParseError({ file: head.file }, `shares no example id with ${base.file}`);
  return { base: aligned.base, head: aligned.head, measure: b.measure, unpaired: aligned.unpaired };
}

/** Two sides' values put side by side by example id, in the head's order. */
export interface AlignedValues {
  base: number[];
  head: number[];
  /** Examples present on one side only, left out. */
  unpaired: number;
  /** Examples on both sides left out because one side has no value for them (NaN: missing). */
  missing: number;
}

/**
 * Pairs values by example id: an example on one side only is left out and counted (`unpaired`).
 * With `dropMissing`, so is one whose value is NaN on either side (`missing`): the per-example
 * results of evaluation logs use NaN for "this example has no value of this measure". Without it a
 * NaN stays in, and the test refuses it: in a predictions file it is a broken value.
 */
export function alignById(
  baseIds: readonly string[],
  baseValues: readonly number[],
  headIds: readonly string[],
  headValues: readonly number[],
  dropMissing: boolean,
): AlignedValues {
  const baseIndex = new Map<string, number>();
  baseIds.forEach((id, i) => baseIndex.set(id, i));
  const pairedBase: number[] = [];
  const pairedHead: number[] = [];
  let shared = 0;
  let missing = 0;
  headIds.forEach((id, i) => {
    const j = baseIndex.get(id);
    if (j === undefined) return;
    shared++;
    const x = baseValues[j]!;
    const y = headValues[i]!;
    if (dropMissing && (Number.isNaN(x) || Number.isNaN(y))) {
      missing++;
      return;
    }
    pairedBase.push(x);
    pairedHead.push(y);
  });
  return {
    base: pairedBase,
    head: pairedHead,
    unpaired: baseIds.length + headIds.length - 2 * shared,
    missing,
  };
}
