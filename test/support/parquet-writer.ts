/**
 * Writes Parquet tables for the reader's tests and the drift bench, through hyparquet-writer (pure
 * JavaScript, by hyparquet's author; a dev dependency). A column is a name, a type and its values
 * (`null` for a missing cell); the table is cut into row groups of a chosen size and compressed
 * with a chosen codec. Files are written as Spark, pyarrow and DuckDB write them: DATA_PAGE_V2
 * pages, dictionary encoding where it pays, an offset index per column chunk.
 *
 * Types: DOUBLE, FLOAT, INT32, INT64 (numbers or bigints), BOOLEAN, STRING (UTF8 byte arrays),
 * DATE (INT32 days; a Date or a number of days), TIMESTAMP (INT64 milliseconds, the converted type
 * TIMESTAMP_MILLIS), TIMESTAMP_MICROS and TIMESTAMP_NANOS (the logical type TIMESTAMP, UTC, as
 * pyarrow writes pandas' time stamps); a Date or a number of milliseconds.
 *
 * Codecs: UNCOMPRESSED, SNAPPY (hyparquet-writer's own, its default), GZIP and BROTLI (node:zlib),
 * and ZSTD where node:zlib has it (Node 22.15 and later). hyparquet-writer has no LZ4 compressor.
 */
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import * as zlib from 'node:zlib';
import {
  ByteWriter,
  ParquetWriter,
  parquetWriteBuffer,
  type ParquetWriteOptions,
  type SchemaElement,
} from 'hyparquet-writer';

type CompressionCodec = NonNullable<ParquetWriteOptions['codec']>;

export type ParquetColumnType =
  | 'DOUBLE'
  | 'FLOAT'
  | 'INT32'
  | 'INT64'
  | 'BOOLEAN'
  | 'STRING'
  | 'DATE'
  | 'TIMESTAMP'
  | 'TIMESTAMP_MICROS'
  | 'TIMESTAMP_NANOS';

export type ParquetCell = number | bigint | string | boolean | Date | null;

export interface ParquetColumnSpec {
  name: string;
  type: ParquetColumnType;
  /** REQUIRED (no nulls; readers hand such columns over as typed arrays) rather than OPTIONAL. */
  required?: boolean;
}

export interface ParquetColumn extends ParquetColumnSpec {
  values: readonly ParquetCell[] | Float64Array | Int32Array;
}

export type ParquetCodec = 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP' | 'BROTLI' | 'ZSTD';

export interface ParquetLayout {
  /** Rows per row group (the last one holds the rest); default: one row group. */
  rowGroupSize?: number;
  /** Default SNAPPY. */
  codec?: ParquetCodec;
  /** Target page size in bytes before compression (hyparquet-writer's default is 1 MiB). */
  pageSize?: number;
  /** Write an offset index per column chunk (default true; pyarrow writes none by default). */
  offsetIndex?: boolean;
}

type ZlibWithZstd = typeof zlib & { zstdCompressSync?: (input: Uint8Array) => Buffer };

/** The codecs this Node can write: ZSTD only where node:zlib has it. */
export const PARQUET_CODECS: readonly ParquetCodec[] = [
  'UNCOMPRESSED',
  'SNAPPY',
  'GZIP',
  'BROTLI',
  ...((zlib as ZlibWithZstd).zstdCompressSync !== undefined ? (['ZSTD'] as const) : []),
];

const bytesOf = (buffer: Buffer): Uint8Array =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

const COMPRESSORS = {
  GZIP: (input: Uint8Array) => bytesOf(zlib.gzipSync(input)),
  BROTLI: (input: Uint8Array) => bytesOf(zlib.brotliCompressSync(input)),
  ...((zlib as ZlibWithZstd).zstdCompressSync !== undefined
    ? { ZSTD: (input: Uint8Array) => bytesOf((zlib as ZlibWithZstd).zstdCompressSync!(input)) }
    : {}),
};

function codecOf(layout: ParquetLayout): CompressionCodec {
  const codec = layout.codec ?? 'SNAPPY';
  if (!PARQUET_CODECS.includes(codec)) {
    throw new Error(`the Parquet test writer cannot compress ${codec} on Node ${process.versions.node}`);
  }
  return codec;
}

/** The schema of a flat table: the root, then one leaf per column. */
export function parquetSchema(columns: readonly ParquetColumnSpec[]): SchemaElement[] {
  return [{ name: 'root', num_children: columns.length }, ...columns.map(schemaElement)];
}

function schemaElement(column: ParquetColumnSpec): SchemaElement {
  const repetition_type = column.required === true ? 'REQUIRED' : 'OPTIONAL';
  const { name } = column;
  switch (column.type) {
    case 'STRING':
      return { name, repetition_type, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
    case 'DATE':
      return { name, repetition_type, type: 'INT32', converted_type: 'DATE' };
    case 'TIMESTAMP':
      return { name, repetition_type, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' };
    case 'TIMESTAMP_MICROS':
    case 'TIMESTAMP_NANOS':
      return {
        name,
        repetition_type,
        type: 'INT64',
        logical_type: {
          type: 'TIMESTAMP',
          isAdjustedToUTC: true,
          unit: column.type === 'TIMESTAMP_MICROS' ? 'MICROS' : 'NANOS',
        },
      };
    default:
      return { name, repetition_type, type: column.type };
  }
}

const DAY = 86_400_000;

/** The values as hyparquet-writer takes them for the column's physical type. */
function physicalValues(column: ParquetColumn): ParquetColumn['values'] {
  const { type, values } = column;
  if (values instanceof Float64Array || values instanceof Int32Array) return values;
  const each = (convert: (value: Exclude<ParquetCell, null>) => ParquetCell) =>
    values.map((v) => (v === null ? null : convert(v)));
  switch (type) {
    case 'INT64':
      return each((v) => (typeof v === 'bigint' ? v : BigInt(v as number)));
    case 'DATE':
      return each((v) => (v instanceof Date ? Math.floor(v.getTime() / DAY) : v));
    case 'TIMESTAMP':
    case 'TIMESTAMP_MICROS':
    case 'TIMESTAMP_NANOS': {
      const per = type === 'TIMESTAMP' ? 1n : type === 'TIMESTAMP_MICROS' ? 1000n : 1_000_000n;
      return each((v) => {
        const millis = v instanceof Date ? v.getTime() : (v as number);
        return BigInt(millis) * per;
      });
    }
    default:
      return values;
  }
}

function columnData(columns: readonly ParquetColumn[], layout: ParquetLayout) {
  const rows = columns[0]?.values.length ?? 0;
  for (const column of columns) {
    if (column.values.length !== rows) {
      throw new Error(`column ${column.name} has ${column.values.length} values, the first has ${rows}`);
    }
  }
  // hyparquet-writer's DecodedArray: typed arrays or plain arrays of cells.
  return columns.map((c) => ({
    name: c.name,
    data: physicalValues(c) as unknown[],
    ...(layout.offsetIndex === false ? { offsetIndex: false } : {}),
  }));
}

/** A whole table as the bytes of a Parquet file. */
export function parquetBytes(columns: readonly ParquetColumn[], layout: ParquetLayout = {}): Uint8Array {
  const data = columnData(columns, layout);
  const rows = columns[0]?.values.length ?? 0;
  const buffer = parquetWriteBuffer({
    columnData: data,
    schema: parquetSchema(columns),
    codec: codecOf(layout),
    compressors: COMPRESSORS,
    rowGroupSize: layout.rowGroupSize ?? Math.max(1, rows),
    ...(layout.pageSize !== undefined ? { pageSize: layout.pageSize } : {}),
  });
  return new Uint8Array(buffer);
}

/**
 * A Parquet file written one row group at a time, for tables too large to hold: each
 * `writeRowGroup` encodes its columns and appends them to the file (through `<path>.partial`,
 * renamed by `finish`, so an interrupted run leaves no truncated file under the final name).
 */
export class ParquetFileStream {
  private readonly partial: string;
  private readonly fd: number;
  private readonly writer: ParquetWriter;
  private readonly bytes = new ByteWriter();
  rows = 0;

  constructor(
    readonly path: string,
    private readonly columns: readonly ParquetColumnSpec[],
    private readonly layout: ParquetLayout = {},
  ) {
    this.partial = `${path}.partial`;
    this.fd = openSync(this.partial, 'w');
    // Bytes go to the file once a MiB has gathered (as hyparquet-writer's own fileWriter does),
    // so a row group's encoded bytes are never held whole.
    const grow = this.bytes.ensure.bind(this.bytes);
    const flush = () => {
      writeSync(this.fd, new Uint8Array(this.bytes.buffer, 0, this.bytes.index));
      this.bytes.index = 0;
    };
    this.bytes.ensure = (size: number) => {
      if (this.bytes.index > 1 << 20) flush();
      grow(size);
    };
    this.bytes.finish = flush;
    this.writer = new ParquetWriter({
      writer: this.bytes,
      schema: parquetSchema(columns),
      codec: codecOf(layout),
      compressors: COMPRESSORS,
    });
  }

  /** One row group: the values of every column, in the order of the specs. */
  writeRowGroup(values: ReadonlyArray<ParquetColumn['values']>): void {
    const columns = this.columns.map((spec, i) => ({ ...spec, values: values[i]! }));
    const rows = columns[0]?.values.length ?? 0;
    void this.writer.write({
      columnData: columnData(columns, this.layout),
      rowGroupSize: Math.max(1, rows),
      ...(this.layout.pageSize !== undefined ? { pageSize: this.layout.pageSize } : {}),
    });
    this.rows += rows;
  }

  finish(): void {
    void this.writer.finish();
    closeSync(this.fd);
    renameSync(this.partial, this.path);
  }
}
