/**
 * Reads a data table into a TableProfile, streamed: CSV and TSV through the readers' tokenizer
 * (readers/delimited.ts: RFC 4180 quoting, line numbers in errors), JSON Lines through the readers'
 * line splitter (readers/jsonl.ts), Parquet a column chunk at a time (hyparquet, pure JavaScript,
 * every codec through hyparquet-compressors). A folder is one table: its files, in name order.
 * Every byte comes through readers/files.ts (regular files only, links kept inside the folder).
 */
import { closeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type * as Hyparquet from 'hyparquet';
import type { AsyncBuffer, FileMetaData } from 'hyparquet';
import type * as HyparquetCompressors from 'hyparquet-compressors';
import { ConfigurationError, ParseError, isMlciError } from '../errors.js';
import {
  CELL_MISSING,
  CELL_NUMBER,
  DelimitedParser,
  lastCellKind,
  parseCell,
  type DelimitedSink,
} from '../readers/delimited.js';
import {
  extensionOf,
  folderScope,
  listFolder,
  openRegular,
  readAt,
  statOrExplain,
  type FolderScope,
} from '../readers/files.js';
import { JsonLinesParser } from '../readers/jsonl.js';
import { streamTextFile } from '../readers/tabular.js';
import { TableProfile, type ColumnProfile } from './profile.js';
import { noExtraMissing, type MissingValues } from './values.js';

export type TableFormat = 'csv' | 'tsv' | 'jsonl' | 'parquet';
export const TABLE_FORMATS: readonly TableFormat[] = ['csv', 'tsv', 'jsonl', 'parquet'];

const EXTENSIONS: Record<string, TableFormat> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  parquet: 'parquet',
  pq: 'parquet',
};

/** Files a folder may hold that are not data (Spark's `_SUCCESS`, checksums, dotfiles). */
function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_');
}

/** At most this many files in one folder table: a table, not a file system. */
export const MAX_TABLE_FILES = 10_000;

/** JSON objects nested deeper than this inside a record are kept as JSON text. */
const MAX_FIELD_DEPTH = 16;

export interface TableReadOptions {
  /** Read every file as this format instead of going by its extension. */
  format?: TableFormat;
  /** Values that mean "missing" beyond the defaults. */
  missing?: MissingValues;
  /** Seeds the samples and sketches: the same seed and the same data give the same numbers. */
  seed?: number;
  /** How the table is named in messages and notes (`git:main:data/train.csv`); default the path. */
  label?: string;
}

export function parseTableFormat(value: string, what = '--format'): TableFormat {
  const lower = value.trim().toLowerCase();
  const format = lower === 'ndjson' ? 'jsonl' : lower === 'pq' ? 'parquet' : lower;
  if ((TABLE_FORMATS as readonly string[]).includes(format)) return format as TableFormat;
  throw new ConfigurationError(
    `${what} ${JSON.stringify(value)}: expected one of ${TABLE_FORMATS.join(', ')} (a data table's format)`,
  );
}

export function tableFormatOf(name: string): TableFormat | undefined {
  const extension = extensionOf(name);
  return Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension] : undefined;
}

/** Reads a file or a folder of files as one table. */
export async function readTable(path: string, options: TableReadOptions = {}): Promise<TableProfile> {
  const label = options.label ?? path;
  const profile = new TableProfile(label, options.missing ?? noExtraMissing(), options.seed ?? 1);
  const info = await statOrExplain(path);
  if (!info.isDirectory()) {
    const format = options.format ?? tableFormatOf(path);
    if (format === undefined) {
      throw new ConfigurationError(
        `${label}: cannot tell the table's format from the file name; pass --format ${TABLE_FORMATS.join('|')}`,
      );
    }
    await readFileInto(profile, path, format, label);
    return profile;
  }
  const scope = await folderScope(path);
  const files = await tableFiles(path, scope, options.format, profile);
  if (files.length === 0) {
    throw new ConfigurationError(
      `${label}: no data files in this folder (mlci reads ${Object.keys(EXTENSIONS)
        .map((e) => `.${e}`)
        .join(', ')} files, or every file with --format)`,
    );
  }
  for (const file of files) {
    const shown = join(label, relative(path, file.path));
    await readFileInto(profile, file.path, file.format, shown);
  }
  profile.note(`${label}: read ${files.length} file${files.length === 1 ? '' : 's'} as one table`);
  return profile;
}

async function tableFiles(
  root: string,
  scope: FolderScope,
  forced: TableFormat | undefined,
  profile: TableProfile,
): Promise<Array<{ path: string; format: TableFormat }>> {
  const found: Array<{ path: string; format: TableFormat }> = [];
  const ignored: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const listing = await listFolder(dir, scope);
    for (const refused of listing.refused) {
      profile.warnings.push(
        `${join(profile.label, relative(root, join(dir, refused.name)))}: not read (${refused.why})`,
      );
    }
    for (const entry of listing.entries) {
      if (isSkippedName(entry.name)) continue;
      if (entry.isDirectory) {
        await walk(entry.path);
        continue;
      }
      const format = forced ?? tableFormatOf(entry.name);
      if (format === undefined) {
        ignored.push(relative(root, entry.path));
        continue;
      }
      found.push({ path: entry.path, format });
      if (found.length > MAX_TABLE_FILES) {
        throw new ConfigurationError(
          `${profile.label}: the folder holds more than ${MAX_TABLE_FILES} data files; mlci reads at most ${MAX_TABLE_FILES} as one table`,
        );
      }
    }
  };
  await walk(root);
  if (ignored.length > 0) {
    const shown =
      ignored.slice(0, 5).join(', ') + (ignored.length > 5 ? ` and ${ignored.length - 5} more` : '');
    profile.note(`${profile.label}: not data files, not read: ${shown}`);
  }
  return found;
}

async function readFileInto(
  profile: TableProfile,
  path: string,
  format: TableFormat,
  shown: string,
): Promise<void> {
  await refuseLfsPointer(path, shown);
  profile.files.push(shown);
  const before = profile.rows;
  if (format === 'parquet') await readParquetInto(profile, path, shown);
  else if (format === 'jsonl') await readJsonLinesInto(profile, path, shown);
  else await readDelimitedInto(profile, path, format, shown);
  profile.padColumns();
  if (profile.rows === before) profile.note(`${shown}: no rows`);
}

/**
 * The first bytes of a Git LFS pointer file (git-lfs docs/spec.md: a pointer is under 1024 bytes
 * and starts with this line), which a checkout without LFS, `git show` and GitHub's contents API
 * all give in place of the data. Read as a table it is a one-row CSV that differs from another
 * pointer by its hash: two pointers would be compared, and pass, as if they were the data.
 */
const LFS_POINTER_START = 'version https://git-lfs.github.com/spec/v1';
const LFS_POINTER_MAX_BYTES = 1024;

async function refuseLfsPointer(path: string, shown: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size >= LFS_POINTER_MAX_BYTES) return;
    const start = Buffer.alloc(LFS_POINTER_START.length);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    if (start.subarray(0, bytesRead).toString('latin1') !== LFS_POINTER_START) return;
  } finally {
    await handle.close();
  }
  throw new ConfigurationError(
    `${shown}: a Git LFS pointer, not the data it points to. Check the data out (actions/checkout with lfs: true, or git lfs pull); a git:<revision>:<path> or base reference reads the committed pointer, so check that revision's data out into a folder (git worktree add, then git lfs pull in it) and name the folder`,
  );
}

// ---------------------------------------------------------------------------------------------
// CSV and TSV

/**
 * Hands the tokenizer's cells to the columns: plain decimals arrive as numbers (no string made),
 * everything else as text that is classified (missing token, number such as `nan` or a quoted
 * `"1.5"`, boolean, date-time, text). The header names the columns; in a folder, files are
 * matched by column name, and a column a file lacks is missing in its rows.
 */
class ProfileSink implements DelimitedSink {
  numbers = false;
  private header = true;
  private names: string[] = [];
  private columns: ColumnProfile[] = [];
  private width = 0;
  private shortRows = 0;
  private firstShort = 0;

  constructor(
    private readonly profile: TableProfile,
    private readonly file: string,
  ) {}

  value(index: number, value: number): void {
    this.columns[index]!.addNumber(value);
  }

  cell(index: number, text: string, start: number, end: number): void {
    if (this.header) {
      this.names[index] = text.slice(start, end).trim();
      return;
    }
    const column = this.columns[index]!;
    if (startsText(text.charCodeAt(start))) {
      // Most cells of a categorical column: text, without trying them as a number first.
      column.addText(text.slice(start, end));
      return;
    }
    const value = parseCell(text, start, end);
    const kind = lastCellKind();
    if (kind === CELL_NUMBER) column.addNumber(value);
    else if (kind === CELL_MISSING) column.addMissing();
    else column.addText(text.slice(start, end));
  }

  row(line: number, cells: number): void {
    if (this.header) {
      this.readHeader(line, cells);
      return;
    }
    if (cells < this.width) {
      for (let i = cells; i < this.width; i++) this.columns[i]!.addMissing();
      if (this.shortRows++ === 0) this.firstShort = line;
    }
    this.profile.rows++;
  }

  private readHeader(line: number, cells: number): void {
    this.header = false;
    this.numbers = true;
    this.width = cells;
    const seen = new Map<string, number>();
    const renamed: string[] = [];
    this.columns = this.names.slice(0, cells).map((written, i) => {
      let name = written;
      if (name === '') {
        name = `column_${i + 1}`;
        renamed.push(name);
      }
      const other = seen.get(name);
      if (other !== undefined) {
        throw new ParseError(
          { file: this.file, line },
          `columns ${other + 1} and ${i + 1} are both named ${JSON.stringify(name)}; a table's columns need distinct names`,
        );
      }
      seen.set(name, i);
      return this.profile.column(name);
    });
    if (renamed.length > 0) {
      this.profile.note(
        `${this.file}: columns without a name in the header are called ${renamed.join(', ')}`,
      );
    }
  }

  finish(): void {
    if (this.header) {
      this.profile.note(`${this.file}: the file is empty (no header)`);
      return;
    }
    if (this.shortRows > 0) {
      this.profile.warnings.push(
        `${this.file}:${this.firstShort}: fewer cells than the ${this.width} columns of the header; the missing cells were read as missing values` +
          (this.shortRows > 1 ? ` (${this.shortRows} rows like this)` : ''),
      );
    }
  }
}

/**
 * A letter that no number starts with: every letter but those of `nan`, `inf` and `infinity`
 * (which parseCell reads as numbers). Missing tokens starting with such a letter (`None`, `NULL`)
 * are still found, by addText.
 */
function startsText(c: number): boolean {
  const lower = c | 32;
  return lower >= 97 && lower <= 122 && lower !== 105 && lower !== 110;
}

async function readDelimitedInto(
  profile: TableProfile,
  path: string,
  format: 'csv' | 'tsv',
  shown: string,
): Promise<void> {
  const sink = new ProfileSink(profile, shown);
  const parser = new DelimitedParser(format === 'tsv' ? 9 : 44, sink, shown);
  await relabel(path, shown, async () => {
    await streamTextFile(path, (text) => parser.push(text));
    parser.end();
  });
  sink.finish();
}

// ---------------------------------------------------------------------------------------------
// JSON Lines

async function readJsonLinesInto(profile: TableProfile, path: string, shown: string): Promise<void> {
  const add = (name: string, value: unknown, depth: number): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < MAX_FIELD_DEPTH) {
      for (const [key, inner] of Object.entries(value)) add(`${name}.${key}`, inner, depth + 1);
      return;
    }
    const column = profile.column(name);
    if (value === null || value === undefined) column.addMissing();
    else if (typeof value === 'number') column.addNumber(value);
    else if (typeof value === 'string') column.addText(value);
    else if (typeof value === 'boolean') column.addBoolean(value);
    else column.addText(JSON.stringify(value));
  };
  const parser = new JsonLinesParser(
    {
      record(value) {
        for (const [key, inner] of Object.entries(value)) add(key, inner, 0);
        profile.rows++;
        // A field a record lacks is missing in that record.
        profile.padColumns();
      },
      warn(message) {
        profile.warnings.push(`${shown}: ${message}`);
      },
    },
    shown,
  );
  await relabel(path, shown, async () => {
    await streamTextFile(path, (text) => parser.push(text));
    parser.end();
  });
}

// ---------------------------------------------------------------------------------------------
// Parquet

export type LeafKind = 'datetime' | 'value';

/** A top-level, non-nested column of a Parquet file. */
export interface ParquetLeaf {
  readonly name: string;
  /** Date-times arrive as milliseconds since 1970 (see PARSERS). */
  readonly kind: LeafKind;
  /** A DATE (days), shown without a time of day. */
  readonly date: boolean;
}

/**
 * Rows decoded at once from a column chunk with an offset index: its pages are read in runs of at
 * least this many rows (whole pages), so memory is bounded by the run, not by the row group.
 * hyparquet decodes what it is asked for into one array (a JavaScript array for a nullable
 * column); a row group of 1,000,000 rows decoded whole is 8 MB of doubles or 1,000,000 BigInts
 * per column, and the garbage of such arrays, promoted to the old generation, is what pushed the
 * peak RSS of the 1 GB bench file past 300 MiB.
 */
export const PARQUET_ROWS_PER_READ = 65_536;

/** A Parquet file opened for reading one column of one row group at a time. */
export interface ParquetFile {
  readonly leaves: readonly ParquetLeaf[];
  /** Nested columns (structs, lists, maps): not read. */
  readonly nested: readonly string[];
  /** Rows of each row group, in order. */
  readonly groups: readonly number[];
  /**
   * Hands the values of one column in one row group to `take`, a run of pages at a time:
   * `values[from..to)` are the rows from `firstRow` (0-based, in the file) on. Resolves to the
   * number of rows handed over (fewer than the group's when the file holds fewer values).
   */
  read(
    leaf: number,
    group: number,
    take: (values: ArrayLike<unknown>, from: number, to: number, firstRow: number) => void,
  ): Promise<number>;
}

/** hyparquet's decoders, with time stamps as milliseconds rather than one Date object per cell. */
const PARSERS = {
  timestampFromMilliseconds: (millis: bigint) => Number(millis),
  timestampFromMicroseconds: (micros: bigint) => Number(micros) / 1000,
  timestampFromNanoseconds: (nanos: bigint) => Number(nanos) / 1e6,
  dateFromDays: (days: number) => days * 86_400_000,
};

/**
 * hyparquet and its codecs, loaded on first use: every action and CLI command imports core, and
 * only a Parquet table needs them (loading them up front cost every step tens of milliseconds).
 */
let parquetLoading: Promise<[typeof Hyparquet, typeof HyparquetCompressors]> | undefined;

function loadParquet() {
  parquetLoading ??= Promise.all([import('hyparquet'), import('hyparquet-compressors')]);
  return parquetLoading;
}

/**
 * Opens a Parquet file (its footer read and checked), runs `work` on it and closes it. Errors name
 * the file as `shown`; a column that cannot be decoded also names the column and the row group.
 */
export async function withParquetFile<T>(
  path: string,
  shown: string,
  work: (file: ParquetFile) => Promise<T>,
): Promise<T> {
  const [{ parquetMetadataAsync, parquetRead, parquetSchema, readOffsetIndex }, { compressors }] =
    await loadParquet();
  const { fd, size } = openRegular(path);
  try {
    const file: AsyncBuffer = {
      byteLength: size,
      async slice(start: number, end = size): Promise<ArrayBuffer> {
        // Offsets come from the file's own metadata: past its end, the file is damaged or cut short.
        if (start < 0 || end > size || end < start) {
          throw new Error(
            `its metadata points at bytes ${start} to ${end}, past the end of the file (${size} bytes): the file is damaged or cut short`,
          );
        }
        const bytes = new Uint8Array(end - start);
        let done = 0;
        while (done < bytes.length) {
          const read = await readAt(fd, bytes, done, bytes.length - done, start + done);
          if (read === 0) throw new Error(`the file ended at byte ${start + done} while being read`);
          done += read;
        }
        return bytes.buffer;
      },
    };
    let metadata: FileMetaData;
    try {
      metadata = await parquetMetadataAsync(file, { parsers: PARSERS });
    } catch (error) {
      throw new ParseError({ file: shown }, `not a readable Parquet file: ${messageOf(error)}`);
    }
    const leaves: ParquetLeaf[] = [];
    const nested: string[] = [];
    for (const child of parquetSchema(metadata).children) {
      const element = child.element;
      if (child.children.length > 0 || element.repetition_type === 'REPEATED') {
        nested.push(element.name);
        continue;
      }
      const logical = element.logical_type?.type;
      const converted = element.converted_type;
      const date = logical === 'DATE' || converted === 'DATE';
      const datetime =
        date ||
        logical === 'TIMESTAMP' ||
        converted === 'TIMESTAMP_MILLIS' ||
        converted === 'TIMESTAMP_MICROS' ||
        element.type === 'INT96';
      leaves.push({ name: element.name, kind: datetime ? 'datetime' : 'value', date });
    }
    const groups = metadata.row_groups.map((group) => Number(group.num_rows));
    const starts: number[] = [];
    for (let i = 0, start = 0; i < groups.length; start += groups[i++]!) starts.push(start);

    /** Row ranges of one column chunk, whole pages of at least PARQUET_ROWS_PER_READ rows each. */
    const runsOf = async (leaf: ParquetLeaf, group: number): Promise<Array<[number, number]>> => {
      const rows = groups[group]!;
      const chunk = metadata.row_groups[group]!.columns.find(
        (c) => c.meta_data?.path_in_schema.length === 1 && c.meta_data.path_in_schema[0] === leaf.name,
      );
      const offset = chunk?.offset_index_offset;
      const length = chunk?.offset_index_length;
      if (rows <= PARQUET_ROWS_PER_READ || offset === undefined || length === undefined) return [[0, rows]];
      const index = readOffsetIndex({
        view: new DataView(await file.slice(Number(offset), Number(offset) + length)),
        offset: 0,
      });
      const runs: Array<[number, number]> = [];
      let from = 0;
      for (const page of index.page_locations) {
        const first = Number(page.first_row_index);
        // A page that does not start inside the chunk after the last cut is not a place to cut.
        if (first - from >= PARQUET_ROWS_PER_READ && first < rows) {
          runs.push([from, first]);
          from = first;
        }
      }
      runs.push([from, rows]);
      return runs;
    };

    const read: ParquetFile['read'] = async (leafIndex, group, take) => {
      const leaf = leaves[leafIndex]!;
      const groupStart = starts[group]!;
      let failure: unknown;
      let fed = 0;
      try {
        for (const [from, to] of await runsOf(leaf, group)) {
          const rowStart = groupStart + from;
          const rowEnd = groupStart + to;
          await parquetRead({
            file,
            metadata,
            columns: [leaf.name],
            rowStart,
            rowEnd,
            useOffsetIndex: true,
            compressors,
            parsers: PARSERS,
            onChunk(chunk) {
              // A chunk may reach outside the rows asked for; only this run's rows count.
              const first = Math.max(rowStart, chunk.rowStart);
              const start = first - chunk.rowStart;
              const end = Math.min(rowEnd, chunk.rowEnd) - chunk.rowStart;
              if (end <= start || failure !== undefined) return;
              try {
                fed += end - start;
                take(chunk.columnData, start, end, first);
              } catch (error) {
                failure = error;
              }
            },
          });
          if (failure !== undefined) break;
        }
      } catch (error) {
        if (isMlciError(error)) throw error;
        throw new ParseError(
          { file: shown, key: leaf.name },
          `cannot read column ${JSON.stringify(leaf.name)} of the row group starting at row ${groupStart}: ${messageOf(error)}`,
        );
      }
      if (failure !== undefined) throw failure;
      return fed;
    };

    return await work({ leaves, nested, groups, read });
  } finally {
    closeSync(fd);
  }
}

async function readParquetInto(profile: TableProfile, path: string, shown: string): Promise<void> {
  await withParquetFile(path, shown, async (file) => {
    if (file.nested.length > 0) {
      profile.note(
        `${shown}: nested columns (structs, lists, maps) are not compared: ${file.nested.join(', ')}`,
      );
    }
    const columns = file.leaves.map((leaf) => profile.column(leaf.name));
    for (let group = 0; group < file.groups.length; group++) {
      const rows = file.groups[group]!;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i]!;
        const kind = file.leaves[i]!.kind;
        const fed = await file.read(i, group, (values, from, to) =>
          feedColumn(column, values, from, to, kind),
        );
        if (fed < rows) column.addMissing(rows - fed);
      }
      profile.rows += rows;
      profile.padColumns();
    }
  });
}

function feedColumn(
  column: ColumnProfile,
  data: ArrayLike<unknown>,
  from: number,
  to: number,
  kind: LeafKind,
): void {
  if (data instanceof Float64Array || data instanceof Float32Array || data instanceof Int32Array) {
    if (kind === 'datetime') for (let i = from; i < to; i++) column.addDatetime(data[i]!);
    else for (let i = from; i < to; i++) column.addNumber(data[i]!);
    return;
  }
  for (let i = from; i < to; i++) {
    const value = data[i];
    if (value === null || value === undefined) column.addMissing();
    else if (kind === 'datetime') column.addDatetime(toMilliseconds(value));
    else if (typeof value === 'number') column.addNumber(value);
    else if (typeof value === 'bigint') column.addNumber(Number(value));
    else if (typeof value === 'string') column.addText(value);
    else if (typeof value === 'boolean') column.addBoolean(value);
    else if (value instanceof Date) column.addDatetime(value.getTime());
    else column.addText(parquetValueText(value));
  }
}

/** A Parquet value that is neither a number, a string nor a boolean, as text: bytes by their size, objects as JSON. */
export function parquetValueText(value: unknown): string {
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) ?? String(value);
}

function toMilliseconds(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  return NaN;
}

// ---------------------------------------------------------------------------------------------

/** Errors from a file read under another name (a copy out of git) name the file as the user wrote it. */
async function relabel(path: string, shown: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (path === shown || !(error instanceof ParseError) || error.location.file !== path) throw error;
    throw new ParseError({ ...error.location, file: shown }, error.detail);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
