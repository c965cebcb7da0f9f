/**
 * Checks a table against a data schema (docs/validate.md). Two parts:
 *
 * - `checkProfile`: pure, over the table's profile (profile.ts): a dropped, new or retyped column,
 *   a missing share above its bound, a row count out of bounds;
 * - `scanValues`: one more streamed pass over the files, for what needs each value and its row:
 *   values out of range, categories not allowed, duplicates in a unique column, each counted, with
 *   up to MAX_EXAMPLES examples and their rows. It keeps per column a handful of examples and, for
 *   a unique column, the values seen up to UNIQUE_EXACT_MAX distinct ones (past that it says the
 *   check is no longer exact), so memory stays bounded by the schema, not the row count.
 *
 * The results become metrics (`validationMetricsDoc`) so the gates apply: `schema.violations == 0`.
 */
import { join, relative } from 'node:path';
import { setOwn } from '../doc-builder.js';
import { childKey } from '../keys.js';
import type { FormatId, MetricsDoc, ParamValue } from '../model.js';
import {
  CELL_MISSING,
  CELL_NUMBER,
  DelimitedParser,
  lastCellKind,
  parseCell,
  type DelimitedSink,
} from '../readers/delimited.js';
import { JsonLinesParser } from '../readers/jsonl.js';
import { streamTextFile } from '../readers/tabular.js';
import type { TableProfile } from './profile.js';
import type { TableFormat } from './read.js';
import { parquetValueText, tableFormatOf, withParquetFile } from './read.js';
import type { ColumnSchema, DataSchema, SchemaType } from './schema.js';
import { clip, columnType, valueFamily, type ColumnType } from './types.js';
import { missingRuleFor, noExtraMissing, type MissingRule, type MissingValues } from './values.js';

/** Examples kept per violation. */
export const MAX_EXAMPLES = 5;

/** Distinct values a unique column is checked against exactly; past them the check says so. */
export const UNIQUE_EXACT_MAX = 500_000;

export type ViolationKind =
  'dropped' | 'new' | 'retyped' | 'missing' | 'rows' | 'out-of-range' | 'not-allowed' | 'duplicate';

export interface Example {
  value: string;
  /** 1-based data row in the table (the header is not a row). */
  row: number;
  /** The file, and the 1-based line where the row starts (Parquet has no lines). */
  file?: string;
  line?: number;
}

export interface Violation {
  kind: ViolationKind;
  /** The column, unless it is about the whole table (rows). */
  column?: string;
  /** How many cells (or rows) break the rule; 1 for a column rule (dropped, new, retyped). */
  count: number;
  message: string;
  examples: Example[];
}

export interface ValidationReport {
  label: string;
  schemaFile: string | undefined;
  rows: number;
  violations: Violation[];
  /** Per column of the schema and of the table: its missing share in the table (1 when dropped). */
  missing: Array<{ column: string; share: number }>;
  notes: string[];
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// Over the profile

export function checkProfile(profile: TableProfile, schema: DataSchema): Violation[] {
  const out: Violation[] = [];
  const rule = (kind: ViolationKind, count: number, message: string, column?: string): void => {
    out.push({ kind, count, message, examples: [], ...(column !== undefined ? { column } : {}) });
  };
  const { min, max } = schema.rows;
  if (min !== undefined && profile.rows < min)
    rule('rows', 1, `${profile.rows} rows, fewer than the ${min} the schema asks for (rows.min)`);
  if (max !== undefined && profile.rows > max)
    rule('rows', 1, `${profile.rows} rows, more than the ${max} the schema allows (rows.max)`);
  const named = new Set(schema.columns.map((c) => c.name));
  for (const column of schema.columns) {
    const seen = profile.get(column.name);
    if (seen === undefined) {
      rule(
        'dropped',
        1,
        `${column.name}: in the schema (${column.type}) but not in the data (dropped)`,
        column.name,
      );
      continue;
    }
    const found = columnType(seen);
    if (!typeFits(column.type, found, valueFamily(seen))) {
      rule(
        'retyped',
        1,
        `${column.name}: expected ${column.type}, found ${found} values (retyped)`,
        column.name,
      );
    }
    const share = profile.rows === 0 ? 0 : seen.missing / profile.rows;
    if (column.maxMissing !== undefined && share > column.maxMissing) {
      rule(
        'missing',
        seen.missing,
        `${column.name}: ${seen.missing} of ${profile.rows} missing (${percent(share)}), above the ${percent(column.maxMissing)} allowed (max-missing)`,
        column.name,
      );
    }
  }
  for (const column of profile.columns) {
    if (!named.has(column.name))
      rule(
        'new',
        1,
        `${column.name}: in the data (${columnType(column)}) but not in the schema (new)`,
        column.name,
      );
  }
  return out;
}

/** Categorical and text are both text, told apart by how many values: one may become the other. */
function typeFits(expected: SchemaType, found: ColumnType, family: ReturnType<typeof valueFamily>): boolean {
  if (family === 'empty') return true;
  if (expected === 'categorical' || expected === 'text') return family === 'string';
  return expected === found;
}

function percent(share: number): string {
  return `${Number((share * 100).toPrecision(3))}%`;
}

// ---------------------------------------------------------------------------------------------
// The streamed pass

/** What is checked on each value of one column. */
class ColumnCheck {
  readonly outOfRange: Finding;
  readonly notAllowed: Finding;
  readonly duplicates: Finding;
  private readonly allowed: Set<string> | undefined;
  private readonly seen: Map<string, number> | undefined;
  uniqueOverflow = false;

  constructor(
    readonly schema: ColumnSchema,
    readonly rule: MissingRule,
  ) {
    this.outOfRange = new Finding();
    this.notAllowed = new Finding();
    this.duplicates = new Finding();
    this.allowed = schema.categories === undefined ? undefined : new Set(schema.categories);
    this.seen = schema.unique === true ? new Map() : undefined;
  }

  get numeric(): boolean {
    return this.schema.type === 'numeric';
  }

  /** A number (already known not to be missing). */
  number(value: number, raw: string, row: number, at: string): void {
    const { min, max } = this.schema;
    if ((min !== undefined && value < min) || (max !== undefined && value > max))
      this.outOfRange.add(raw, row, at);
    if (this.seen !== undefined) this.unique(`n${value}`, raw, row, at);
  }

  /** A trimmed, non-missing text value. */
  text(value: string, row: number, at: string): void {
    if (this.allowed !== undefined && !this.allowed.has(value)) this.notAllowed.add(value, row, at);
    if (this.seen !== undefined) this.unique(`t${value}`, value, row, at);
  }

  private unique(key: string, raw: string, row: number, at: string): void {
    const first = this.seen!.get(key);
    if (first !== undefined) {
      this.duplicates.add(`${raw} (as in row ${first})`, row, at);
      return;
    }
    if (this.seen!.size >= UNIQUE_EXACT_MAX) {
      this.uniqueOverflow = true;
      return;
    }
    this.seen!.set(key, row);
  }

  /** A cell as the profile reads it: missing, a number, or text. */
  cell(raw: string, row: number, at: string): void {
    const text = raw.trim();
    if (text === '' || this.rule.text.has(text)) return;
    if (this.numeric) {
      const value = parseCell(text, 0, text.length);
      const kind = lastCellKind();
      if (kind === CELL_MISSING) return;
      if (kind === CELL_NUMBER) {
        if (value !== value || this.rule.numbers?.has(value) === true) return;
        this.number(value, text, row, at);
        return;
      }
      // Text in a numeric column: counted by the type check (a retyped column), not here.
      if (this.seen !== undefined) this.unique(`t${text}`, text, row, at);
      return;
    }
    this.text(text, row, at);
  }

  /** A JSON value (JSON Lines): numbers and booleans as the profile reads them. */
  value(value: unknown, row: number, at: string): void {
    if (value === null || value === undefined) return;
    if (typeof value === 'number') {
      if (value !== value || this.rule.numbers?.has(value) === true) return;
      if (this.numeric) this.number(value, String(value), row, at);
      else this.text(String(value), row, at);
      return;
    }
    if (typeof value === 'string') this.cell(value, row, at);
    else if (typeof value === 'boolean') this.text(String(value), row, at);
    else this.text(JSON.stringify(value), row, at);
  }
}

class Finding {
  count = 0;
  readonly examples: Example[] = [];

  add(value: string, row: number, at: string): void {
    this.count++;
    if (this.examples.length < MAX_EXAMPLES) {
      // `at` is file:line (a file name may hold a colon; the line number does not), or `file:`
      // for a Parquet file, which has rows but no lines.
      const colon = at.lastIndexOf(':');
      const line = at.slice(colon + 1);
      this.examples.push({
        value: clip(value, 60),
        row,
        file: at.slice(0, colon),
        ...(line === '' ? {} : { line: Number(line) }),
      });
    }
  }
}

export interface ScanOptions {
  format?: TableFormat;
  missing?: MissingValues;
}

/**
 * The value checks, streamed over the files the profile was read from (a file, or a folder's
 * files in the same order). `path` is the file or folder as read; the profile's file names are
 * under its label.
 */
export async function scanValues(
  path: string,
  profile: TableProfile,
  schema: DataSchema,
  options: ScanOptions = {},
): Promise<{ violations: Violation[]; notes: string[] }> {
  const missing = options.missing ?? noExtraMissing();
  const checks = new Map<string, ColumnCheck>();
  for (const column of schema.columns) {
    const needed =
      column.min !== undefined ||
      column.max !== undefined ||
      column.categories !== undefined ||
      column.unique === true;
    if (needed && profile.has(column.name))
      checks.set(column.name, new ColumnCheck(column, missingRuleFor(column.name, missing)));
  }
  const notes: string[] = [];
  if (checks.size > 0) {
    let row = 0;
    for (const shown of profile.files) {
      const file =
        profile.files.length === 1 && shown === profile.label
          ? path
          : join(path, relative(profile.label, shown));
      const format = options.format ?? tableFormatOf(shown);
      if (format === 'parquet') row = await scanParquet(file, shown, checks, row);
      else if (format === 'jsonl') row = await scanJsonLines(file, shown, checks, row);
      else if (format === 'csv' || format === 'tsv')
        row = await scanDelimited(file, shown, format, checks, row);
    }
  }
  const violations: Violation[] = [];
  for (const check of checks.values()) {
    const name = check.schema.name;
    const { min, max } = check.schema;
    if (check.outOfRange.count > 0) {
      const range = `${min === undefined ? '' : `>= ${min}`}${min !== undefined && max !== undefined ? ' and ' : ''}${max === undefined ? '' : `<= ${max}`}`;
      violations.push(
        finding(
          'out-of-range',
          name,
          check.outOfRange,
          `value${plural(check.outOfRange.count)} outside the range (${range})`,
          profile.label,
        ),
      );
    }
    if (check.notAllowed.count > 0) {
      violations.push(
        finding(
          'not-allowed',
          name,
          check.notAllowed,
          `value${plural(check.notAllowed.count)} not among the ${check.schema.categories!.length} allowed categories`,
          profile.label,
        ),
      );
    }
    if (check.duplicates.count > 0) {
      violations.push(
        finding(
          'duplicate',
          name,
          check.duplicates,
          `duplicate${plural(check.duplicates.count)} in a unique column`,
          profile.label,
        ),
      );
    }
    if (check.uniqueOverflow) {
      notes.push(
        `${name}: more than ${UNIQUE_EXACT_MAX} distinct values; uniqueness was checked exactly against the first ${UNIQUE_EXACT_MAX} only (a repeat of a later value is not found)`,
      );
    }
  }
  return { violations, notes };
}

function finding(
  kind: ViolationKind,
  column: string,
  found: Finding,
  what: string,
  label: string,
): Violation {
  const shown = found.examples.map((e) => `${JSON.stringify(e.value)} (${place(e, label)})`).join(', ');
  return {
    kind,
    column,
    count: found.count,
    message: `${column}: ${found.count} ${what}, such as ${shown}`,
    examples: found.examples,
  };
}

/** `row 200, line 201` in a file, `row 200, part-1.csv:12` in a folder; Parquet has no lines. */
function place(example: Example, label: string): string {
  const inFolder = example.file !== label;
  if (example.line === undefined) return `row ${example.row}${inFolder ? `, ${example.file}` : ''}`;
  return `row ${example.row}, ${inFolder ? `${example.file}:` : 'line '}${example.line}`;
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}

async function scanDelimited(
  file: string,
  shown: string,
  format: 'csv' | 'tsv',
  checks: Map<string, ColumnCheck>,
  rowsBefore: number,
): Promise<number> {
  let row = rowsBefore;
  let header = true;
  const names: string[] = [];
  let byIndex: Array<ColumnCheck | undefined> = [];
  // Cells arrive before their row's line: held until row() says where the row began.
  const pending: Array<{ check: ColumnCheck; raw: string }> = [];
  const sink: DelimitedSink = {
    // Every cell as text, so a category "1.0" stays "1.0"; numeric columns parse their own.
    numbers: false,
    value() {},
    cell(_index, text, start, end) {
      if (header) {
        names[_index] = text.slice(start, end).trim();
        return;
      }
      const check = byIndex[_index];
      if (check !== undefined) pending.push({ check, raw: text.slice(start, end) });
    },
    row(line) {
      if (header) {
        header = false;
        byIndex = names.map((name) => checks.get(name));
        return;
      }
      row++;
      const at = `${shown}:${line}`;
      for (const { check, raw } of pending) check.cell(raw, row, at);
      pending.length = 0;
    },
  };
  const parser = new DelimitedParser(format === 'tsv' ? 9 : 44, sink, shown);
  await streamTextFile(file, (text) => parser.push(text));
  parser.end();
  return row;
}

async function scanJsonLines(
  file: string,
  shown: string,
  checks: Map<string, ColumnCheck>,
  rowsBefore: number,
): Promise<number> {
  let row = rowsBefore;
  let at = '';
  const add = (name: string, value: unknown, depth: number): void => {
    // Nested objects are columns `a.b`, as read.ts names them.
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < 16) {
      for (const [key, inner] of Object.entries(value)) add(`${name}.${key}`, inner, depth + 1);
      return;
    }
    checks.get(name)?.value(value, row, at);
  };
  const parser = new JsonLinesParser(
    {
      record(value, line) {
        row++;
        at = `${shown}:${line}`;
        for (const [key, inner] of Object.entries(value)) add(key, inner, 0);
      },
      warn() {
        // Already reported by the profile's read.
      },
    },
    shown,
  );
  await streamTextFile(file, (text) => parser.push(text));
  parser.end();
  return row;
}

/**
 * Parquet, a column chunk (or a run of its pages) at a time, only the checked columns. Values are
 * checked as the profile reads them: numbers as numbers, text as text (trimmed, missing tokens
 * left out), booleans as `true`/`false`, dates and time stamps as ISO 8601 text (for uniqueness).
 * Examples name the row; a Parquet file has no lines.
 */
async function scanParquet(
  file: string,
  shown: string,
  checks: Map<string, ColumnCheck>,
  rowsBefore: number,
): Promise<number> {
  const at = `${shown}:`;
  return withParquetFile(file, shown, async (parquet) => {
    const checked = parquet.leaves
      .map((leaf, index) => ({ leaf, index, check: checks.get(leaf.name) }))
      .filter((c): c is typeof c & { check: ColumnCheck } => c.check !== undefined);
    for (let group = 0; group < parquet.groups.length; group++) {
      for (const { leaf, index, check } of checked) {
        await parquet.read(index, group, (values, from, to, firstRow) => {
          // 1-based rows of the table: the rows of the files before, then this file's.
          const row = rowsBefore + firstRow - from + 1;
          for (let i = from; i < to; i++) {
            const value = values[i];
            if (value === null || value === undefined) continue;
            if (leaf.kind === 'datetime') {
              const ms = typeof value === 'number' ? value : Number(value);
              if (!Number.isFinite(ms)) continue;
              // Past the years a Date can show (±275,760), the milliseconds themselves.
              const iso = Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
              check.cell(leaf.date ? iso.slice(0, 10) : iso, row + i, at);
            } else if (typeof value === 'bigint') {
              check.value(Number(value), row + i, at);
            } else if (typeof value === 'object') {
              check.cell(parquetValueText(value), row + i, at);
            } else {
              check.value(value, row + i, at);
            }
          }
        });
      }
    }
    return rowsBefore + parquet.groups.reduce((sum, rows) => sum + rows, 0);
  });
}

// ---------------------------------------------------------------------------------------------

/** The profile's checks and the streamed ones, in one report. */
export async function validateTable(
  path: string,
  profile: TableProfile,
  schema: DataSchema,
  options: ScanOptions = {},
): Promise<ValidationReport> {
  const fromProfile = checkProfile(profile, schema);
  const scanned = await scanValues(path, profile, schema, options);
  // The table's rules first, then the schema's columns in order, then the new ones.
  const order = (v: Violation) =>
    v.column === undefined
      ? -1
      : v.kind === 'new'
        ? schema.columns.length
        : schema.columns.findIndex((c) => c.name === v.column);
  const violations = [...fromProfile, ...scanned.violations].sort((a, b) => order(a) - order(b));
  const names = new Set([...schema.columns.map((c) => c.name), ...profile.columns.map((c) => c.name)]);
  const missing = [...names].map((column) => {
    const seen = profile.get(column);
    return { column, share: seen === undefined ? 1 : profile.rows === 0 ? 0 : seen.missing / profile.rows };
  });
  return {
    label: profile.label,
    schemaFile: schema.file,
    rows: profile.rows,
    violations,
    missing,
    notes: [...profile.notes, ...scanned.notes],
    warnings: [...profile.warnings],
  };
}

/** The format named in the sources of a validation document. */
export const VALIDATE_FORMAT: FormatId = 'validate';

/**
 * The report as metrics: `schema.violations` (broken rules), `schema.columns.<c>.violations`,
 * `schema.columns.<c>.out_of_range` / `.not_allowed` / `.duplicates` (cells), `data.rows` and
 * `data.missing.<c>` (as mlci drift writes them).
 */
export function validationMetricsDoc(report: ValidationReport, withSchema = true): MetricsDoc {
  const metrics: Record<string, number> = {};
  const params: Record<string, ParamValue> = {};
  // Without a schema nothing was checked: no schema.* metric, so a gate on one says it is missing.
  if (withSchema) setOwn(metrics, 'schema.violations', report.violations.length);
  setOwn(metrics, 'data.rows', report.rows);
  const perColumn = new Map<string, number>();
  for (const { column, share } of report.missing) {
    setOwn(metrics, childKey('data.missing', column), share);
    perColumn.set(column, 0);
  }
  const cells: Record<string, string> = {
    'out-of-range': 'out_of_range',
    'not-allowed': 'not_allowed',
    duplicate: 'duplicates',
  };
  for (const v of report.violations) {
    if (v.column === undefined) continue;
    perColumn.set(v.column, (perColumn.get(v.column) ?? 0) + 1);
    const name = cells[v.kind];
    if (name !== undefined) setOwn(metrics, `${childKey('schema.columns', v.column)}.${name}`, v.count);
  }
  if (withSchema)
    for (const [column, count] of perColumn)
      setOwn(metrics, `${childKey('schema.columns', column)}.violations`, count);
  if (report.schemaFile !== undefined) setOwn(params, 'schema.file', report.schemaFile);
  return {
    metrics,
    series: {},
    params,
    sources: [
      {
        file: report.label,
        format: VALIDATE_FORMAT,
        notes: [...report.notes, ...report.violations.map((v) => v.message)],
        warnings: [...report.warnings],
      },
    ],
  };
}
