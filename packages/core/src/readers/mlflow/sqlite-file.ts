/**
 * What can be known of an SQLite file without an SQLite engine: its header
 * (https://www.sqlite.org/fileformat2.html, "The Database Header") and the names of its tables,
 * walked from the schema b-tree (rooted at page 1) by hand. Detection needs the table names to tell
 * an MLflow store from any other SQLite file (an Optuna study, a browser cache) that sits in a
 * results folder, synchronously and without loading a WebAssembly engine for every `*.db` seen;
 * the schema is a few pages, wherever in the file it is.
 */
import { closeSync, readSync } from 'node:fs';
import { openRegular } from '../files.js';

/** "SQLite format 3" and a NUL: the first 16 bytes of every SQLite 3 database. */
const MAGIC = [83, 81, 76, 105, 116, 101, 32, 102, 111, 114, 109, 97, 116, 32, 51, 0];
export const HEADER_BYTES = 100;
/** The schema of a real store fills a handful of pages; a walk past this many is not worth it. */
const MAX_SCHEMA_PAGES = 256;

export function hasSqliteMagic(head: Uint8Array): boolean {
  return head.length >= MAGIC.length && MAGIC.every((byte, i) => head[i] === byte);
}

export interface SqliteHeader {
  pageSize: number;
  /** Bytes of each page that b-trees use (the page size less the reserved tail). */
  usableSize: number;
  /** Pages the header says the database holds; 0 when it is not to be trusted (see below). */
  pageCount: number;
  /** How text is stored: UTF-8 (MLflow's), or UTF-16 of either byte order. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
}

const ENCODINGS = { 1: 'utf-8', 2: 'utf-16le', 3: 'utf-16be' } as const;

/** The header's facts, or why the header is not an SQLite 3 header. */
export function parseHeader(head: Uint8Array): SqliteHeader | string {
  if (head.length < HEADER_BYTES)
    return `the file ends within the ${HEADER_BYTES}-byte SQLite header (${head.length} bytes)`;
  const raw = (head[16]! << 8) | head[17]!;
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0)
    return `the header's page size ${raw} is not a power of two from 512 to 65536`;
  const usableSize = pageSize - head[20]!;
  if (usableSize < 480) return `the header reserves ${head[20]} bytes of each ${pageSize}-byte page`;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  // The in-header size is valid only when the change counter matches the "version-valid-for"
  // number (older writers did not keep it up to date).
  const valid = view.getUint32(24) === view.getUint32(92);
  // 0 in a database that holds no table yet; SQLite then takes UTF-8.
  const encoding = ENCODINGS[view.getUint32(56) as 1 | 2 | 3] ?? 'utf-8';
  return { pageSize, usableSize, pageCount: valid ? view.getUint32(28) : 0, encoding };
}

/**
 * The names of the tables of the SQLite file at `path`, or undefined when they cannot be read
 * (not SQLite, damaged, truncated, a schema of more than MAX_SCHEMA_PAGES pages). Never throws.
 */
export function sqliteTableNames(path: string): string[] | undefined {
  let fd: number | undefined;
  try {
    fd = openRegular(path).fd;
    const head = new Uint8Array(HEADER_BYTES);
    if (readSync(fd, head, 0, HEADER_BYTES, 0) < HEADER_BYTES || !hasSqliteMagic(head)) return undefined;
    const header = parseHeader(head);
    if (typeof header === 'string') return undefined;
    const file = fd;
    const readPage = (n: number): Uint8Array | undefined => {
      const page = new Uint8Array(header.pageSize);
      return readSync(file, page, 0, page.length, (n - 1) * header.pageSize) === page.length
        ? page
        : undefined;
    };
    const decoder = new TextDecoder(header.encoding);
    return schemaTables(readPage, header.usableSize, (bytes) => decoder.decode(bytes));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Walks the schema table's b-tree; undefined at the first thing that is not as the format says. */
function schemaTables(
  readPage: (n: number) => Uint8Array | undefined,
  usable: number,
  decode: (bytes: Uint8Array) => string,
): string[] | undefined {
  const names: string[] = [];
  const pending = [1];
  const seen = new Set<number>();
  while (pending.length > 0) {
    const n = pending.pop()!;
    if (seen.has(n) || seen.size >= MAX_SCHEMA_PAGES) return undefined;
    seen.add(n);
    const page = readPage(n);
    if (page === undefined) return undefined;
    const at = n === 1 ? HEADER_BYTES : 0; // page 1 holds the file header first
    const type = page[at];
    const cells = (page[at + 3]! << 8) | page[at + 4]!;
    const interior = type === 0x05;
    if (!interior && type !== 0x0d) return undefined;
    const pointers = at + (interior ? 12 : 8);
    if (pointers + 2 * cells > usable) return undefined;
    const view = new DataView(page.buffer);
    if (interior) pending.push(view.getUint32(at + 8));
    for (let i = 0; i < cells; i++) {
      const cell = view.getUint16(pointers + 2 * i);
      if (cell >= usable) return undefined;
      if (interior) {
        pending.push(view.getUint32(cell));
        continue;
      }
      const entry = schemaEntry(page, cell, usable, decode);
      if (entry === undefined) return undefined;
      if (entry.type === 'table') names.push(entry.name);
    }
  }
  return names.sort();
}

/** The first two columns (type, name) of a schema table row stored in a leaf cell. */
function schemaEntry(
  page: Uint8Array,
  cell: number,
  usable: number,
  decode: (bytes: Uint8Array) => string,
): { type: string; name: string } | undefined {
  const payload = varint(page, cell);
  const rowid = varint(page, payload.end);
  // How much of the payload is on this page (the rest is on overflow pages): fileformat2 "Cell Payload Overflow Pages".
  const most = usable - 35;
  let local = payload.value;
  if (local > most) {
    const least = Math.floor(((usable - 12) * 32) / 255) - 23;
    const k = least + ((payload.value - least) % (usable - 4));
    local = k <= most ? k : least;
  }
  const start = rowid.end;
  const end = Math.min(start + local, usable);
  const headerSize = varint(page, start);
  let typeAt = headerSize.end;
  let body = start + headerSize.value;
  const columns: string[] = [];
  while (columns.length < 2) {
    if (typeAt >= start + headerSize.value) return undefined;
    const serial = varint(page, typeAt);
    typeAt = serial.end;
    // Text is serial type 13, 15, 17...; the schema table's type and name are never anything else.
    if (serial.value < 13 || serial.value % 2 === 0) return undefined;
    const length = (serial.value - 13) / 2;
    if (body + length > end) return undefined;
    columns.push(decode(page.subarray(body, body + length)));
    body += length;
  }
  return { type: columns[0]!, name: columns[1]! };
}

/** SQLite's big-endian varint: up to 9 bytes, 7 bits each, all 8 bits of the ninth. */
function varint(bytes: Uint8Array, at: number): { value: number; end: number } {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const byte = bytes[at + i] ?? 0;
    if (i === 8) return { value: value * 256 + byte, end: at + 9 };
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return { value, end: at + i + 1 };
  }
  return { value, end: at + 9 };
}
