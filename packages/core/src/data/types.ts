/**
 * A column's type, stated once from what its cells hold (docs/drift.md, "Column types"):
 *
 * - numeric: at least 99% of the non-missing cells are numbers (so a stray "?" does not turn a
 *   measurement into text; it is left out and named in a note);
 * - boolean: at least 99% are true/false;
 * - datetime: at least 99% are ISO 8601 dates or date-times (or Parquet dates and time stamps);
 * - categorical: at least 99% are text (booleans and dates included), with at most MAX_CATEGORIES
 *   distinct values, and not mostly unique (more than 20 distinct values that are more than half of
 *   the cells read as identifiers or free text);
 * - text: such text that is mostly unique or has more distinct values than that;
 * - mixed: numbers and text, neither reaching 99%;
 * - empty: no values at all.
 *
 * A numeric column with few distinct values stays numeric: its type says what the values are. Its
 * test is chosen by how many there are (drift.ts, as Evidently does).
 */
import { MAX_CATEGORIES, type ColumnProfile } from './profile.js';

export type ColumnType = 'numeric' | 'boolean' | 'datetime' | 'categorical' | 'text' | 'mixed' | 'empty';

/** The share of the non-missing cells that must be of one kind for the column to be of that type. */
export const TYPE_SHARE = 0.99;

/** Text with more distinct values than this that are also more than half of its cells is not categorical. */
export const MOSTLY_UNIQUE_DISTINCT = 20;
export const MOSTLY_UNIQUE_SHARE = 0.5;

/** What kind of values a column holds; categorical and text are told apart by `stringType`. */
export type ValueFamily = 'numeric' | 'boolean' | 'datetime' | 'string' | 'mixed' | 'empty';

export function valueFamily(column: ColumnProfile): ValueFamily {
  const present = column.present;
  if (present === 0) return 'empty';
  const enough = TYPE_SHARE * present;
  if (column.numbers + column.nonFinite >= enough) return 'numeric';
  if (column.booleans >= enough) return 'boolean';
  if (column.datetimes >= enough) return 'datetime';
  if (column.booleans + column.datetimes + column.texts >= enough) return 'string';
  return 'mixed';
}

/** Categorical or text, for a column of the string family (decided on the reference). */
export function stringType(column: ColumnProfile): 'categorical' | 'text' {
  if (column.categoriesOverflowed) return 'text';
  const distinct = column.categories.size;
  const strings = column.booleans + column.datetimes + column.texts;
  return distinct > MOSTLY_UNIQUE_DISTINCT && distinct > MOSTLY_UNIQUE_SHARE * strings
    ? 'text'
    : 'categorical';
}

/** The type of one side's column on its own (what a retyped column is reported as). */
export function columnType(column: ColumnProfile): ColumnType {
  const family = valueFamily(column);
  return family === 'string' ? stringType(column) : family;
}

/** How a column's cells split by kind, in words: "12 numbers, 3 text values such as \"?\"". */
export function describeKinds(column: ColumnProfile): string {
  const parts: string[] = [];
  const numbers = column.numbers + column.nonFinite;
  if (numbers > 0) parts.push(`${numbers} number${numbers === 1 ? '' : 's'}`);
  if (column.booleans > 0) parts.push(`${column.booleans} true/false`);
  if (column.datetimes > 0) parts.push(`${column.datetimes} date${column.datetimes === 1 ? '' : 's'}`);
  if (column.texts > 0) {
    const examples = column.textExamples.map((t) => JSON.stringify(clip(t))).join(', ');
    parts.push(
      `${column.texts} text value${column.texts === 1 ? '' : 's'}${examples === '' ? '' : ` such as ${examples}`}`,
    );
  }
  return parts.length === 0 ? 'no values' : parts.join(', ');
}

export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

export { MAX_CATEGORIES };
