/**
 * How a cell of a data table is read, in one place (docs/drift.md, "Reading the tables"):
 * which cells are missing, which text is a boolean, which is a date or a time.
 */
import { ConfigurationError } from '../errors.js';
import { parseNumber } from '../numbers.js';

/**
 * Cells read as missing by default: pandas' `read_csv` defaults (`na_values`), so a table means
 * the same here as in the notebook it came from. An empty or blank cell is missing too.
 */
export const DEFAULT_MISSING_TOKENS: readonly string[] = [
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
];

/** Extra values that mean "missing": for every column, or for one (a sentinel such as -99.99). */
export interface MissingValues {
  all: string[];
  byColumn: Record<string, string[]>;
}

export function noExtraMissing(): MissingValues {
  return { all: [], byColumn: {} };
}

/**
 * `--missing-values` arguments: `V` or `V1,V2` for every column, `COLUMN=V[,V...]` for one. The
 * last `=` separates (a column name may hold one, a value may not).
 */
export function parseMissingValues(specs: readonly string[], what = '--missing-values'): MissingValues {
  const out = noExtraMissing();
  for (const spec of specs) {
    const eq = spec.lastIndexOf('=');
    const column = eq >= 0 ? spec.slice(0, eq).trim() : undefined;
    const values = (eq >= 0 ? spec.slice(eq + 1) : spec)
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (values.length === 0 || column === '') {
      throw new ConfigurationError(
        `${what} ${JSON.stringify(spec)}: expected VALUE[,VALUE...] for every column, or COLUMN=VALUE[,VALUE...] for one (such as "Average=-99.99")`,
      );
    }
    if (column === undefined) out.all.push(...values);
    else (out.byColumn[column] ??= []).push(...values);
  }
  return out;
}

/** A column's missing values, split into numbers (compared as numbers: -1 matches -1.0) and text. */
export interface MissingRule {
  numbers: Set<number> | undefined;
  text: Set<string>;
}

export function missingRuleFor(column: string, missing: MissingValues): MissingRule {
  const text = new Set<string>(DEFAULT_MISSING_TOKENS);
  const numbers = new Set<number>();
  for (const value of [
    ...missing.all,
    ...(Object.hasOwn(missing.byColumn, column) ? missing.byColumn[column]! : []),
  ]) {
    text.add(value);
    const n = parseNumber(value);
    if (n !== undefined && Number.isFinite(n)) numbers.add(n);
  }
  return { numbers: numbers.size > 0 ? numbers : undefined, text };
}

/** `true` / `false` in any case (as pandas, JSON and Parquet write them); not yes/no, not 0/1. */
export function parseBoolean(text: string): boolean | undefined {
  if (text.length === 4 && text.toLowerCase() === 'true') return true;
  if (text.length === 5 && text.toLowerCase() === 'false') return false;
  return undefined;
}

const ISO =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?$/;

/**
 * An ISO 8601 calendar date or date-time as milliseconds since 1970 (UTC; a time without a zone is
 * read as UTC): `2015-01-09`, `1958-03` (a month), `2015-01-09T10:20`, `2015-01-09 10:20:30.5Z`,
 * `2015-01-09T10:20:30+01:00`. Impossible dates (`2015-02-30`) are not dates.
 */
export function parseIsoDateTime(text: string): number | undefined {
  const c = text.charCodeAt(4);
  if (c !== 45 || text.length < 7 || text.length > 35) return undefined;
  const m = ISO.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (day < 1 || day > daysIn(year, month)) return undefined;
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second) + fraction;
  // Date.UTC maps years 0-99 to 1900-1999.
  if (year < 100) ms = new Date(ms).setUTCFullYear(year);
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const hh = Number(zone.slice(1, 3));
    const mm = zone.length > 3 ? Number(zone.slice(-2)) : 0;
    if (hh > 23 || mm > 59) return undefined;
    ms -= sign * (hh * 60 + mm) * 60_000;
  }
  return ms;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
