/**
 * CSV and TSV training logs (Keras CSVLogger, PyTorch Lightning CSVLogger, dvclive, pandas,
 * hand-written scripts), read as a stream: memory stays bounded whatever the file's size.
 *
 * `DelimitedParser` is the pure, incremental tokenizer (RFC 4180 quoting, CRLF or LF, a BOM);
 * `TableSink` turns its rows into a MetricsDoc; `readDelimitedFile` connects them to a file.
 */
import { DocBuilder } from '../doc-builder.js';
import { ParseError } from '../errors.js';
import { childKey } from '../keys.js';
import type { MetricsDoc } from '../model.js';
import type { SeriesAccumulator } from '../series.js';
import { extensionOf } from './files.js';
import { parseNumber } from '../numbers.js';
import {
  MAX_LINE_CHARS,
  chooseStep,
  isWallTimeName,
  nameKey,
  streamTextFile,
  wallTimeSeconds,
} from './tabular.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from './types.js';

const QUOTE = 34;
const NEWLINE = 10;
const CR = 13;
const SPACE = 32;

/** How `parseCell` classified its cell. */
export const CELL_MISSING = 0;
export const CELL_NUMBER = 1;
export const CELL_TEXT = 2;
let cellKind: 0 | 1 | 2 = CELL_MISSING;
let scanEnd = 0;
let scanValid = false;

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];
const MAX_EXACT = 9007199254740992;

/**
 * Scans a plain decimal (`-0.25`, `1e-3`, `.5`) from `i`, stopping at the first character that
 * cannot continue it (`scanEnd`; a cell's delimiter, CR or LF always stops it, and so does the end of
 * the text); `scanValid` says whether one was found. No string is made when
 * the digits fit in 2^53 and the decimal exponent is within ±22: then the value is one correctly
 * rounded multiplication or division of two exact doubles (Clinger's fast path), as exact as
 * `Number`. Longer numbers go through `Number`.
 */
function scanDecimal(text: string, i: number): number {
  const start = i;
  let c = text.charCodeAt(i);
  let negative = false;
  if (c === 45 || c === 43) {
    negative = c === 45;
    c = text.charCodeAt(++i);
  }
  let mantissa = 0;
  let exact = true;
  let scale = 0;
  let sawDigit = false;
  while (c >= 48 && c <= 57) {
    sawDigit = true;
    if (exact) {
      const next = mantissa * 10 + (c - 48);
      if (next > MAX_EXACT) exact = false;
      else mantissa = next;
    }
    c = text.charCodeAt(++i);
  }
  if (c === 46) {
    c = text.charCodeAt(++i);
    while (c >= 48 && c <= 57) {
      sawDigit = true;
      if (exact) {
        const next = mantissa * 10 + (c - 48);
        if (next > MAX_EXACT) {
          exact = false;
        } else {
          mantissa = next;
          scale--;
        }
      }
      c = text.charCodeAt(++i);
    }
  }
  if (sawDigit && (c === 101 || c === 69)) {
    c = text.charCodeAt(++i);
    let expNegative = false;
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      c = text.charCodeAt(++i);
    }
    let exponent = 0;
    let expDigits = 0;
    while (c >= 48 && c <= 57) {
      if (exponent < 100000) exponent = exponent * 10 + (c - 48);
      expDigits++;
      c = text.charCodeAt(++i);
    }
    if (expDigits === 0) sawDigit = false;
    scale += expNegative ? -exponent : exponent;
  }
  scanEnd = i;
  scanValid = sawDigit;
  if (!sawDigit) return 0;
  // Exact when every digit fit in the mantissa (<= 2^53) and 10^|scale| is exact (<= 22).
  if (!exact || scale > 22 || scale < -22) return Number(text.slice(start, i));
  const value = scale < 0 ? mantissa / POW10[-scale]! : mantissa * POW10[scale]!;
  return negative ? -value : value;
}

/**
 * A cell as a number, classified: an empty or blank cell is CELL_MISSING (not 0, not NaN), what
 * `parseNumber` accepts is a CELL_NUMBER (`nan` and `inf` included), anything else is CELL_TEXT.
 */
export function parseCell(text: string, start: number, end: number): number {
  const value = scanDecimal(text, start);
  if (scanValid && scanEnd === end) {
    cellKind = CELL_NUMBER;
    return value;
  }
  const s = text.slice(start, end);
  const n = parseNumber(s);
  if (n !== undefined) {
    cellKind = CELL_NUMBER;
    return n;
  }
  cellKind = s.trim() === '' ? CELL_MISSING : CELL_TEXT;
  return 0;
}

/** The kind `parseCell` gave its last cell. */
export function lastCellKind(): 0 | 1 | 2 {
  return cellKind;
}

/** Receives a delimited text's rows, cell by cell, without a string per cell on the fast path. */
export interface DelimitedSink {
  /** Whether data cells that are plain decimals may arrive through `value` (after the header). */
  readonly numbers: boolean;
  /** Cell `index` of the current row is this plain decimal. */
  value(index: number, value: number): void;
  /** Cell `index` of the current row is `text.slice(start, end)` (quotes already removed). */
  cell(index: number, text: string, start: number, end: number): void;
  /** The current row, which began on 1-based `line`, had `cells` cells. */
  row(line: number, cells: number): void;
}

/**
 * Incremental RFC 4180 tokenizer: `push` text as it arrives, then `end`. The first non-blank row
 * is the header and fixes the width: a later row with more cells is a ParseError pointing at the
 * first extra cell. Blank lines are skipped. Rows without a quote take a fast path that scans
 * the text once and hands cells over as offsets; quoted rows are unescaped into strings.
 */
export class DelimitedParser {
  private buffer = '';
  private line = 1;
  private width = 0;
  private started = false;
  private readonly delimiterChar: string;

  constructor(
    private readonly delimiter: number,
    private readonly sink: DelimitedSink,
    private readonly file: string,
  ) {
    this.delimiterChar = String.fromCharCode(delimiter);
  }

  push(chunk: string): void {
    if (!this.started && chunk !== '') {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let start = 0;
    if (this.buffer !== '') {
      // Finish the row the last chunk ended in on a small string of its own, so the rest of this
      // chunk is scanned as the flat string the decoder made (concatenations are slow to index).
      const nl = chunk.indexOf('\n');
      if (nl === -1) {
        this.buffer += chunk;
        this.checkLength();
        return;
      }
      const joined = this.buffer + chunk.slice(0, nl + 1);
      const used = this.consume(joined, 0, false);
      if (used < joined.length) {
        // A quoted cell goes on past that newline: parse the rest joined (rare, and still correct).
        const rest = joined.slice(used) + chunk.slice(nl + 1);
        this.buffer = rest.slice(this.consume(rest, 0, false));
        this.checkLength();
        return;
      }
      start = nl + 1;
    }
    const used = this.consume(chunk, start, false);
    this.buffer = used >= chunk.length ? '' : chunk.slice(used);
    this.checkLength();
  }

  end(): void {
    const text = this.buffer;
    this.buffer = '';
    this.consume(text, 0, true);
  }

  private checkLength(): void {
    if (this.buffer.length > MAX_LINE_CHARS) {
      throw new ParseError(
        { file: this.file, line: this.line, column: 1 },
        `a row longer than ${MAX_LINE_CHARS} characters starts here: a quoted field may be missing its closing quote, or this is not a ${this.delimiter === 9 ? 'TSV' : 'CSV'} file`,
      );
    }
  }

  /** Parses the whole rows of `text` from `pos`; returns where the first incomplete row starts. */
  private consume(text: string, pos: number, final: boolean): number {
    const n = text.length;
    const delimiter = this.delimiter;
    const sink = this.sink;
    let nextQuote = -1;
    while (pos < n) {
      let nl = text.indexOf('\n', pos);
      if (nl === -1) {
        if (!final) break;
        nl = n;
      }
      if (nextQuote < pos) {
        nextQuote = text.indexOf('"', pos);
        if (nextQuote === -1) nextQuote = n;
      }
      if (nextQuote >= nl) {
        // Fast path: no quote on this line.
        let end = nl;
        if (end > pos && text.charCodeAt(end - 1) === CR) end--;
        if (end === pos || (text.charCodeAt(pos) === SPACE && isBlank(text, pos, end))) {
          this.line++;
          pos = nl + 1;
          continue;
        }
        const width = this.width;
        let index = 0;
        let extraAt = -1;
        if (width > 0 && sink.numbers) {
          // Each cell is scanned once: as a number, or up to the delimiter when it is not one.
          let i = pos;
          for (;;) {
            const value = scanDecimal(text, i);
            let j = scanEnd;
            if (scanValid && (j === end || text.charCodeAt(j) === delimiter)) {
              if (index < width) sink.value(index, value);
              else if (extraAt < 0) extraAt = i;
            } else {
              while (j < end && text.charCodeAt(j) !== delimiter) j++;
              if (index < width) sink.cell(index, text, i, j);
              else if (extraAt < 0) extraAt = i;
            }
            index++;
            if (j >= end) break;
            i = j + 1;
          }
        } else {
          let start = pos;
          for (let i = pos; i < end; i++) {
            if (text.charCodeAt(i) === delimiter) {
              if (width === 0 || index < width) sink.cell(index, text, start, i);
              else if (extraAt < 0) extraAt = start;
              index++;
              start = i + 1;
            }
          }
          if (width === 0 || index < width) sink.cell(index, text, start, end);
          else if (extraAt < 0) extraAt = start;
          index++;
        }
        if (extraAt >= 0) this.tooWide(this.line, extraAt - pos + 1, index);
        if (width === 0) this.width = index;
        sink.row(this.line, index);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const row = this.quotedRow(text, pos, final);
      if (row === undefined) break;
      const width = this.width;
      if (width > 0 && row.cells.length > width) {
        this.tooWide(row.extraLine, row.extraColumn, row.cells.length);
      }
      for (let i = 0; i < row.cells.length; i++) {
        const cell = row.cells[i]!;
        sink.cell(i, cell, 0, cell.length);
      }
      if (width === 0) this.width = row.cells.length;
      sink.row(this.line, row.cells.length);
      this.line += 1 + row.newlines;
      pos = row.end + 1;
      nextQuote = -1;
    }
    return Math.min(pos, n);
  }

  private tooWide(line: number, column: number, found: number): never {
    throw new ParseError(
      { file: this.file, line, column },
      `expected ${this.width} column${this.width === 1 ? '' : 's'} as in the header, found ${found}`,
    );
  }

  /** One row that holds a quote, unescaped; undefined when the text ends before the row does. */
  private quotedRow(text: string, pos: number, final: boolean): QuotedRow | undefined {
    const n = text.length;
    const cells: string[] = [];
    let newlines = 0;
    let lineStart = pos;
    let extraLine = 0;
    let extraColumn = 0;
    let i = pos;
    for (;;) {
      if (this.width > 0 && cells.length === this.width && extraLine === 0) {
        extraLine = this.line + newlines;
        extraColumn = i - lineStart + 1;
      }
      let value = '';
      if (i < n && text.charCodeAt(i) === QUOTE) {
        const openLine = this.line + newlines;
        const openColumn = i - lineStart + 1;
        i++;
        let segment = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            if (!final) return undefined;
            throw new ParseError(
              { file: this.file, line: openLine, column: openColumn },
              'unterminated quoted field: the file ends before its closing quote',
            );
          }
          for (let k = text.indexOf('\n', i); k !== -1 && k < q; k = text.indexOf('\n', k + 1)) {
            newlines++;
            lineStart = k + 1;
          }
          if (q + 1 >= n && !final) return undefined;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(segment, q + 1);
            i = q + 2;
            segment = i;
            continue;
          }
          value += text.slice(segment, q);
          i = q + 1;
          break;
        }
      }
      // An unquoted cell, or text after a closing quote (kept, as Python's csv module does).
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === this.delimiter || c === NEWLINE) break;
        j++;
      }
      if (j >= n && !final) return undefined;
      let stop = j;
      if ((j >= n || text.charCodeAt(j) === NEWLINE) && stop > i && text.charCodeAt(stop - 1) === CR) stop--;
      value += text.slice(i, stop);
      cells.push(value);
      if (j < n && text.charCodeAt(j) === this.delimiter) {
        i = j + 1;
        continue;
      }
      return { cells, end: j, newlines, extraLine, extraColumn };
    }
  }
}

interface QuotedRow {
  cells: string[];
  /** Index of the row's terminating newline (or the text's length). */
  end: number;
  /** Newlines inside quoted cells. */
  newlines: number;
  extraLine: number;
  extraColumn: number;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== SPACE) return false;
  return true;
}

export interface TableOptions {
  maxSeriesPoints?: number;
  /** A file of a single data row is a summary (metrics and params), not curves. Default true. */
  singleRowSummary?: boolean;
  /**
   * dvclive: the key of the file's value column (from its path). With one value column the
   * series is this key; with several, each is this key plus the column name.
   */
  seriesKey?: string;
  /** Prefix for notes and warnings when several files share one builder (dvclive). */
  where?: string;
}

const UNKNOWN = 0;
const NUMERIC = 1;
const TEXTUAL = 2;

/** Names of the column holding a series name in a long (name, value, step) table. */
const LONG_NAME_COLUMNS = ['name', 'metric', 'key', 'tag', 'metric_name'];

/**
 * Turns rows into series. The header decides the shape:
 * - long: a name column (`name`, `metric`, `key`, `tag`) and a `value` column: one series per name;
 * - wide: otherwise, one series per column, against the step column (see STEP_NAMES) or the row
 *   number. Empty cells are missing values; `nan`/`inf` are values. A column whose first value is
 *   text is skipped; a text cell in a numeric column is not read, with a warning.
 * A file of exactly one data row is a summary: its numbers are metrics, its text cells params.
 */
export class TableSink implements DelimitedSink {
  numbers = false;
  private header = true;
  private long = false;
  private names: string[] = [];
  private keys: string[] = [];
  private width = 0;
  private values = new Float64Array(0);
  private kinds = new Uint8Array(0);
  private texts: (string | undefined)[] = [];
  private rawColumn = -1;
  private stepColumn = -1;
  private wallColumn = -1;
  private valueColumn = -1;
  private metricColumns = new Int32Array(0);
  private state = new Uint8Array(0);
  private accs: (SeriesAccumulator | undefined)[] = [];
  private rows = 0;
  private first:
    { values: Float64Array; kinds: Uint8Array; texts: (string | undefined)[]; line: number } | undefined;
  private shortRows = 0;
  private shortFirst = 0;
  private noStepRows = 0;
  private noStepFirst = 0;
  private readonly badCells = new Map<number, { count: number; line: number; text: string }>();
  private readonly longAccs = new Map<string, SeriesAccumulator>();
  private readonly longCounts = new Map<string, number>();
  private longBad = 0;
  private longBadFirst = 0;
  private longBadWhat = '';
  private readonly singleRowSummary: boolean;
  private readonly where: string;

  constructor(
    private readonly builder: DocBuilder,
    private readonly file: string,
    private readonly options: TableOptions = {},
  ) {
    this.singleRowSummary = options.singleRowSummary ?? true;
    this.where = options.where ?? '';
  }

  value(index: number, value: number): void {
    this.values[index] = value;
    this.kinds[index] = CELL_NUMBER;
  }

  cell(index: number, text: string, start: number, end: number): void {
    if (this.header) {
      this.names[index] = text.slice(start, end).trim();
      return;
    }
    if (index === this.rawColumn) {
      this.kinds[index] = CELL_TEXT;
      this.texts[index] = text.slice(start, end).trim();
      return;
    }
    this.values[index] = parseCell(text, start, end);
    const kind = cellKind;
    this.kinds[index] = kind;
    if (kind === CELL_TEXT) this.texts[index] = text.slice(start, end).trim();
  }

  row(line: number, cells: number): void {
    if (this.header) {
      this.readHeader(line, cells);
      return;
    }
    if (cells < this.width) {
      for (let i = cells; i < this.width; i++) this.kinds[i] = CELL_MISSING;
      if (this.shortRows++ === 0) this.shortFirst = line;
    }
    if (this.long) {
      this.longRow(line);
      return;
    }
    if (this.rows === 0) {
      this.first = { values: this.values.slice(), kinds: this.kinds.slice(), texts: [...this.texts], line };
    } else {
      if (this.rows === 1) this.commitFirst();
      this.commit(this.values, this.kinds, this.texts, line, this.rows);
    }
    this.rows++;
  }

  private commitFirst(): void {
    const first = this.first;
    if (first === undefined) return;
    this.first = undefined;
    this.commit(first.values, first.kinds, first.texts, first.line, 0);
  }

  private readHeader(line: number, cells: number): void {
    this.header = false;
    this.width = cells;
    const names = this.names.slice(0, cells);
    this.names = names;
    this.values = new Float64Array(cells);
    this.kinds = new Uint8Array(cells);
    this.texts = new Array<string | undefined>(cells).fill(undefined);
    this.state = new Uint8Array(cells);
    this.accs = new Array<SeriesAccumulator | undefined>(cells).fill(undefined);
    const lower = names.map((n) => n.toLowerCase());
    const seriesKey = this.options.seriesKey;

    const nameColumn = seriesKey === undefined ? lower.findIndex((n) => LONG_NAME_COLUMNS.includes(n)) : -1;
    const valueColumn = lower.indexOf('value');
    this.long = nameColumn >= 0 && valueColumn >= 0;
    this.numbers = !this.long;
    this.stepColumn = chooseStep(names);
    this.wallColumn = names.findIndex((n, i) => i !== this.stepColumn && isWallTimeName(n));

    if (this.long) {
      this.rawColumn = nameColumn;
      this.valueColumn = valueColumn;
      this.builder.note(
        `${this.where}read as a long table: one series per value of column "${names[nameColumn]}", values from column "${names[valueColumn]}"` +
          (this.stepColumn >= 0
            ? `, steps from column "${names[this.stepColumn]}"`
            : ', steps counted per name from 0'),
      );
      names.forEach((name, i) => {
        if (i !== nameColumn && i !== valueColumn && i !== this.stepColumn && i !== this.wallColumn) {
          this.builder.skip(name === '' ? `(column ${i + 1})` : name, 'a column a long table does not use');
        }
      });
      return;
    }

    const keys = new Array<string>(cells).fill('');
    const seen = new Map<string, number>();
    const valueColumns = names.flatMap((name, i) =>
      i !== this.stepColumn && i !== this.wallColumn && name !== '' ? [i] : [],
    );
    names.forEach((name, i) => {
      if (name === '') {
        this.builder.skip(`(column ${i + 1})`, 'a column without a name in the header');
        return;
      }
      let key: string;
      if (seriesKey === undefined) key = nameKey('', name);
      else if (i === this.stepColumn || i === this.wallColumn) key = childKey(seriesKey, name);
      else key = valueColumns.length === 1 ? seriesKey : nameKey(seriesKey, name);
      const other = seen.get(key);
      if (other !== undefined) {
        throw new ParseError(
          { file: this.file, line },
          `columns ${other + 1} (${JSON.stringify(names[other])}) and ${i + 1} (${JSON.stringify(name)}) both name the metric ${JSON.stringify(key)}; rename one of them`,
        );
      }
      seen.set(key, i);
      keys[i] = key;
    });
    this.keys = keys;
    this.metricColumns = Int32Array.from(valueColumns);
    if (this.stepColumn < 0) {
      this.builder.note(
        `${this.where}no step column (step, global_step, iteration, iter, batch, _step or epoch): the row number, from 0, is used as the step`,
      );
    } else if (lower[this.stepColumn] !== 'step') {
      this.builder.note(`${this.where}steps are read from column "${names[this.stepColumn]}"`);
    }
    if (this.wallColumn >= 0) {
      this.builder.note(
        `${this.where}column "${names[this.wallColumn]}" is read as the wall-clock time of each point`,
      );
    }
  }

  private commit(
    values: Float64Array,
    kinds: Uint8Array,
    texts: (string | undefined)[],
    line: number,
    rowIndex: number,
  ): void {
    let step: number;
    const stepColumn = this.stepColumn;
    if (stepColumn >= 0) {
      step = values[stepColumn]!;
      if (kinds[stepColumn] !== CELL_NUMBER || !Number.isFinite(step)) {
        if (this.noStepRows++ === 0) this.noStepFirst = line;
        return;
      }
    } else {
      step = rowIndex;
    }
    let wall: number | undefined;
    const wallColumn = this.wallColumn;
    if (wallColumn >= 0) {
      const kind = kinds[wallColumn];
      if (kind === CELL_NUMBER) {
        const w = values[wallColumn]!;
        if (Number.isFinite(w)) wall = wallTimeSeconds(w);
      } else if (kind === CELL_TEXT && this.state[wallColumn] === UNKNOWN) {
        this.state[wallColumn] = TEXTUAL;
        this.builder.skip(
          this.keys[wallColumn]!,
          `a time as text, such as ${JSON.stringify(texts[wallColumn])}`,
        );
      }
    }
    const columns = this.metricColumns;
    const state = this.state;
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j]!;
      const kind = kinds[c];
      if (kind === CELL_NUMBER) {
        const s = state[c];
        if (s === NUMERIC) {
          this.accs[c]!.add(step, values[c]!, wall);
        } else if (s === UNKNOWN) {
          state[c] = NUMERIC;
          const acc = this.builder.seriesFor(this.keys[c]!);
          this.accs[c] = acc;
          acc.add(step, values[c]!, wall);
        }
      } else if (kind === CELL_TEXT) {
        const s = state[c];
        if (s === UNKNOWN) {
          state[c] = TEXTUAL;
          this.builder.skip(this.keys[c]!, `text such as ${JSON.stringify(clip(texts[c] ?? ''))}`);
        } else if (s === NUMERIC) {
          const bad = this.badCells.get(c);
          if (bad === undefined) this.badCells.set(c, { count: 1, line, text: texts[c] ?? '' });
          else bad.count++;
        }
      }
    }
  }

  private longRow(line: number): void {
    const kinds = this.kinds;
    const name = this.texts[this.rawColumn] ?? '';
    const valueKind = kinds[this.valueColumn];
    if (valueKind === CELL_MISSING) return;
    if (name === '' || valueKind !== CELL_NUMBER) {
      if (this.longBad++ === 0) {
        this.longBadFirst = line;
        this.longBadWhat =
          name === ''
            ? 'has no name'
            : `has the value ${JSON.stringify(clip(this.texts[this.valueColumn] ?? ''))}`;
      }
      return;
    }
    let step: number;
    if (this.stepColumn >= 0) {
      step = this.values[this.stepColumn]!;
      if (kinds[this.stepColumn] !== CELL_NUMBER || !Number.isFinite(step)) {
        if (this.noStepRows++ === 0) this.noStepFirst = line;
        return;
      }
    } else {
      step = this.longCounts.get(name) ?? 0;
      this.longCounts.set(name, step + 1);
    }
    let wall: number | undefined;
    if (this.wallColumn >= 0 && kinds[this.wallColumn] === CELL_NUMBER) {
      const w = this.values[this.wallColumn]!;
      if (Number.isFinite(w)) wall = wallTimeSeconds(w);
    }
    let acc = this.longAccs.get(name);
    if (acc === undefined) {
      acc = this.builder.seriesFor(nameKey('', name));
      this.longAccs.set(name, acc);
    }
    acc.add(step, this.values[this.valueColumn]!, wall);
    this.rows++;
  }

  /** Call once the parser has ended. */
  finish(): void {
    const b = this.builder;
    const w = this.where;
    if (this.header) {
      b.note(`${w}the file is empty: no header, no rows`);
      return;
    }
    if (this.long) {
      if (this.rows === 0) b.note(`${w}the file has a header but no rows yet`);
    } else if (this.rows === 0) {
      b.note(`${w}the file has a header but no rows yet`);
    } else if (this.rows === 1 && this.singleRowSummary && this.first !== undefined) {
      this.summary(this.first);
    } else {
      this.commitFirst();
    }
    if (this.shortRows > 0) {
      b.warn(
        `${w}line ${this.shortFirst}: fewer cells than the ${this.width} columns of the header; the missing cells were read as empty` +
          (this.shortRows > 1 ? ` (${this.shortRows} rows like this)` : ''),
      );
    }
    if (this.noStepRows > 0) {
      b.warn(
        `${w}line ${this.noStepFirst}: no number in step column "${this.names[this.stepColumn]}"; the row's values were not read` +
          (this.noStepRows > 1 ? ` (${this.noStepRows} rows like this)` : ''),
      );
    }
    for (const [c, bad] of this.badCells) {
      b.warn(
        `${w}line ${bad.line}: column "${this.names[c]}" holds ${JSON.stringify(clip(bad.text))}, which is not a number; ` +
          (bad.count > 1 ? `${bad.count} such cells were` : 'it was') +
          ' not read',
      );
    }
    if (this.longBad > 0) {
      b.warn(
        `${w}line ${this.longBadFirst}: the row ${this.longBadWhat}; it was not read` +
          (this.longBad > 1 ? ` (${this.longBad} rows like this)` : ''),
      );
    }
    if (!this.long && this.rows > 1) {
      for (const c of this.metricColumns) {
        if (this.state[c] === UNKNOWN) {
          b.skip(this.keys[c]!, 'an empty column');
        }
      }
    }
  }

  private summary(row: { values: Float64Array; kinds: Uint8Array; texts: (string | undefined)[] }): void {
    this.builder.note(
      `${this.where}one data row: read as summary values (numbers as metrics, text as params)`,
    );
    this.names.forEach((name, i) => {
      if (name === '') return;
      const key = this.keys[i]!;
      const kind = row.kinds[i];
      if (i === this.wallColumn) {
        if (kind !== CELL_MISSING) this.builder.skip(key, 'wall-clock time');
      } else if (kind === CELL_NUMBER) {
        this.builder.metric(key, row.values[i]!);
      } else if (kind === CELL_TEXT) {
        this.builder.param(key, row.texts[i] ?? '');
      } else {
        this.builder.skip(key, 'an empty cell');
      }
    });
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export type DelimitedFormat = 'csv' | 'tsv';

function delimiterOf(format: DelimitedFormat): number {
  return format === 'tsv' ? 9 : 44;
}

/** Reads delimited text already in memory (or in pieces): for tests, fuzzing and small inputs. */
export function readDelimitedText(
  chunks: string | readonly string[],
  file: string,
  format: DelimitedFormat,
  options: TableOptions = {},
): MetricsDoc {
  const builder = new DocBuilder(file, format, { maxSeriesPoints: options.maxSeriesPoints });
  const sink = new TableSink(builder, file, options);
  const parser = new DelimitedParser(delimiterOf(format), sink, file);
  for (const chunk of typeof chunks === 'string' ? [chunks] : chunks) parser.push(chunk);
  parser.end();
  sink.finish();
  return builder.build();
}

/** Streams one delimited file into a builder (which may be shared, as dvclive does). */
export async function readDelimitedInto(
  builder: DocBuilder,
  path: string,
  format: DelimitedFormat,
  options: TableOptions = {},
): Promise<void> {
  const sink = new TableSink(builder, path, options);
  const parser = new DelimitedParser(delimiterOf(format), sink, path);
  await streamTextFile(path, (text) => parser.push(text));
  parser.end();
  sink.finish();
}

export async function readDelimitedFile(
  path: string,
  format: DelimitedFormat,
  options: ReaderOptions,
): Promise<MetricsDoc> {
  const builder = new DocBuilder(path, format, { maxSeriesPoints: options.maxSeriesPoints });
  await readDelimitedInto(builder, path, format, {});
  return builder.build();
}

/**
 * Whether the first lines of a file look like a delimited table: a header with at least one
 * delimiter and a next line of as many cells, one of them a number. For `.txt` and `.log` files.
 */
export function looksDelimited(head: Uint8Array, delimiter: string): boolean {
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const all = text.split(/\r?\n/);
  // The head may end mid-line: only whole lines count.
  if (head.length >= 8192) all.pop();
  const lines = all.filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  const header = lines[0]!.split(delimiter);
  const row = lines[1]!.split(delimiter);
  if (header.length < 2 || row.length !== header.length) return false;
  if (header.some((h) => h.trim() === '' || /^[+-]?\d/.test(h.trim()))) return false;
  return row.some((cell) => {
    parseCell(cell, 0, cell.length);
    return lastCellKind() === CELL_NUMBER;
  });
}

function delimitedReader(format: DelimitedFormat, title: string, extensions: readonly string[]): Reader {
  const delimiter = format === 'tsv' ? '\t' : ',';
  return {
    format,
    title,
    target: 'file',
    detect(probe: Probe): number {
      if (probe.isDirectory) return DETECT.no;
      const extension = extensionOf(probe.name);
      if (extensions.includes(extension)) return DETECT.extension + 5;
      if ((extension === 'txt' || extension === 'log') && looksDelimited(probe.head, delimiter)) {
        return DETECT.extension - 2;
      }
      return DETECT.no;
    },
    read(path: string, options: ReaderOptions): Promise<MetricsDoc> {
      return readDelimitedFile(path, format, options);
    },
  };
}

export const csvReader = delimitedReader('csv', 'CSV log (Keras, Lightning, pandas)', ['csv']);
export const tsvReader = delimitedReader('tsv', 'TSV log', ['tsv', 'tab']);
