/**
 * A table read once, in bounded memory: per column, what the drift statistics need and nothing
 * that grows with the row count (docs/drift.md, "Memory and accuracy").
 *
 * Every column counts its cells by kind (missing, number, boolean, date-time, other text), so the
 * type is decided at the end from all of them (types.ts). Numbers go to running moments, a
 * reservoir sample (all of them while there are at most RESERVOIR_SIZE) and, past that, a KLL
 * sketch; text values to counts per distinct value, up to MAX_CATEGORIES.
 */
import { KS_EXACT_MAX_N } from '../stats/kolmogorov.js';
import {
  FewValues,
  QuantileSketch,
  Reservoir,
  SKETCH_K,
  exactSample,
  type WeightedSample,
} from './sketch.js';
import {
  missingRuleFor,
  parseBoolean,
  parseIsoDateTime,
  type MissingRule,
  type MissingValues,
} from './values.js';

/**
 * Raw values kept per column: scipy's limit for an exact KS p value, so a test on a column of at
 * most this many values is exact, and a larger column is tested on a seeded sample of this size.
 */
export const RESERVOIR_SIZE = KS_EXACT_MAX_N;

/** Distinct text values counted per column; a column with more is high-cardinality text. */
export const MAX_CATEGORIES = 1000;

/** Distinct numbers tracked per column (Evidently tests a numeric column of at most 5 as categories). */
export const FEW_VALUES = 5;

const EXAMPLES = 3;

export const KIND_BOOLEAN = 0;
export const KIND_DATETIME = 1;
export const KIND_TEXT = 2;
type Kind = typeof KIND_BOOLEAN | typeof KIND_DATETIME | typeof KIND_TEXT;

export interface Category {
  count: number;
  kind: Kind;
  /** For a date-time, its milliseconds since 1970; for a boolean, 1 (true) or 0. */
  time: number;
}

export class ColumnProfile {
  /** Cells added (values and missing); at the end of each file, padded to the table's rows. */
  cells = 0;
  missing = 0;
  /** Finite numbers. */
  numbers = 0;
  /** ±Infinity: numbers, but no distance can be computed with them. */
  nonFinite = 0;
  booleans = 0;
  trues = 0;
  datetimes = 0;
  texts = 0;
  min = Infinity;
  max = -Infinity;
  minTime = Infinity;
  maxTime = -Infinity;
  readonly few = new FewValues(FEW_VALUES);
  readonly categories = new Map<string, Category>();
  categoriesOverflowed = false;
  readonly textExamples: string[] = [];
  readonly numberExamples: number[] = [];
  private mean = 0;
  private m2 = 0;
  private readonly reservoir: Reservoir;
  private sketch: QuantileSketch | undefined;

  constructor(
    readonly name: string,
    private readonly rule: MissingRule,
    private readonly seed: number,
  ) {
    this.reservoir = new Reservoir(RESERVOIR_SIZE, seed);
  }

  addNumber(value: number): void {
    this.cells++;
    if (value !== value || (this.rule.numbers !== undefined && this.rule.numbers.has(value))) {
      this.missing++;
      return;
    }
    if (value === Infinity || value === -Infinity) {
      this.nonFinite++;
      return;
    }
    const n = ++this.numbers;
    const delta = value - this.mean;
    this.mean += delta / n;
    this.m2 += delta * (value - this.mean);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (!this.few.overflowed) this.few.add(value);
    if (n <= RESERVOIR_SIZE) {
      if (n <= EXAMPLES) this.numberExamples.push(value);
    } else if (this.sketch === undefined) {
      // Past the reservoir, the sketch takes over the distribution; it starts from the values the
      // reservoir still holds in their order (all of them, none replaced yet).
      this.sketch = new QuantileSketch(SKETCH_K, this.seed + 1);
      const held = this.reservoir.values();
      for (let i = 0; i < held.length; i++) this.sketch.add(held[i]!);
      this.sketch.add(value);
    } else {
      this.sketch.add(value);
    }
    this.reservoir.add(value);
  }

  /** A text cell (not yet trimmed): missing, a boolean, a date-time or other text. */
  addText(raw: string): void {
    this.cells++;
    const text = raw.trim();
    const known = this.categories.get(text);
    if (known !== undefined) {
      known.count++;
      this.countKind(known.kind, known.time);
      return;
    }
    if (text === '' || this.rule.text.has(text)) {
      this.missing++;
      return;
    }
    let kind: Kind = KIND_TEXT;
    let time = NaN;
    const flag = parseBoolean(text);
    if (flag !== undefined) {
      kind = KIND_BOOLEAN;
      time = flag ? 1 : 0;
    } else {
      const ms = parseIsoDateTime(text);
      if (ms !== undefined) {
        kind = KIND_DATETIME;
        time = ms;
      }
    }
    this.countKind(kind, time);
    if (kind === KIND_TEXT && this.textExamples.length < EXAMPLES) this.textExamples.push(text);
    this.remember(text, kind, time);
  }

  /** A typed boolean (JSON, Parquet). */
  addBoolean(value: boolean): void {
    this.cells++;
    this.booleans++;
    if (value) this.trues++;
    const text = value ? 'true' : 'false';
    const known = this.categories.get(text);
    if (known !== undefined) known.count++;
    else this.remember(text, KIND_BOOLEAN, value ? 1 : 0);
  }

  /** A typed date-time (a Parquet timestamp or date), as milliseconds since 1970. */
  addDatetime(ms: number): void {
    this.cells++;
    if (!Number.isFinite(ms)) {
      this.missing++;
      return;
    }
    this.datetimes++;
    if (ms < this.minTime) this.minTime = ms;
    if (ms > this.maxTime) this.maxTime = ms;
  }

  addMissing(count = 1): void {
    this.cells += count;
    this.missing += count;
  }

  /** Pads the column to `rows` cells: a row without this column (or field) has it missing. */
  padTo(rows: number): void {
    if (this.cells < rows) this.addMissing(rows - this.cells);
  }

  private countKind(kind: Kind, time: number): void {
    if (kind === KIND_TEXT) {
      this.texts++;
    } else if (kind === KIND_BOOLEAN) {
      this.booleans++;
      if (time === 1) this.trues++;
    } else {
      this.datetimes++;
      if (time < this.minTime) this.minTime = time;
      if (time > this.maxTime) this.maxTime = time;
    }
  }

  private remember(text: string, kind: Kind, time: number): void {
    if (this.categoriesOverflowed) return;
    if (this.categories.size >= MAX_CATEGORIES) {
      this.categoriesOverflowed = true;
      return;
    }
    this.categories.set(text, { count: 1, kind, time });
  }

  /** Non-missing cells. */
  get present(): number {
    return this.numbers + this.nonFinite + this.booleans + this.datetimes + this.texts;
  }

  /** The running mean of the finite numbers (Welford). */
  get runningMean(): number {
    return this.numbers === 0 ? NaN : this.mean;
  }

  /** Whether every finite number is held as itself (so tests and distances are exact). */
  get exact(): boolean {
    return this.reservoir.complete;
  }

  /** Population standard deviation (ddof 0) of the finite numbers: exact two-pass while exact. */
  get std(): number {
    if (this.numbers === 0) return NaN;
    if (this.exact) {
      const values = this.reservoir.values();
      let sum = 0;
      for (let i = 0; i < values.length; i++) sum += values[i]!;
      const mean = sum / values.length;
      let squares = 0;
      for (let i = 0; i < values.length; i++) squares += (values[i]! - mean) ** 2;
      return Math.sqrt(squares / values.length);
    }
    return Math.sqrt(this.m2 / this.numbers);
  }

  /** The finite numbers for the KS test: all of them, or a uniform sample of RESERVOIR_SIZE. */
  testValues(): Float64Array {
    return this.reservoir.values();
  }

  /** The distribution of the finite numbers: the values themselves, or the sketch's weighted ones. */
  distribution(): WeightedSample {
    return this.sketch === undefined ? exactSample(this.reservoir.values()) : this.sketch.sample();
  }
}

/** One side of the comparison: a table (a file, or a folder of files read as one). */
export class TableProfile {
  readonly columns: ColumnProfile[] = [];
  private readonly byName = new Map<string, ColumnProfile>();
  rows = 0;
  readonly files: string[] = [];
  readonly notes: string[] = [];
  readonly warnings: string[] = [];

  constructor(
    /** The path as given (or `git:rev:path`). */
    readonly label: string,
    private readonly missing: MissingValues,
    private readonly seed: number,
  ) {}

  /** The column of this name, created (with the rows so far missing) when first seen. */
  column(name: string): ColumnProfile {
    let column = this.byName.get(name);
    if (column === undefined) {
      column = new ColumnProfile(
        name,
        missingRuleFor(name, this.missing),
        (this.seed + hashName(name)) >>> 0,
      );
      column.addMissing(this.rows);
      this.byName.set(name, column);
      this.columns.push(column);
    }
    return column;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get(name: string): ColumnProfile | undefined {
    return this.byName.get(name);
  }

  /** At the end of a file: columns it lacked get its rows as missing. */
  padColumns(): void {
    for (const column of this.columns) column.padTo(this.rows);
  }

  note(message: string): void {
    if (!this.notes.includes(message)) this.notes.push(message);
  }
}

/** FNV-1a, so each column's sample and sketch have a seed of their own that does not depend on order. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
