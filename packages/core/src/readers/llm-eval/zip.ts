/**
 * Reading a few named entries of a zip archive (Inspect AI's `.eval` logs) without reading the
 * rest: the central directory is found from the end of the file, and only the entries asked for
 * are read and inflated (with fflate). An `.eval` log of a large evaluation holds megabytes of
 * transcripts in `samples/`; its header, summaries and reductions are a small part of it.
 *
 * Nothing in an archive is trusted. Each entry's declared size is checked against a cap before
 * it is inflated, and the bytes it actually inflates to are counted as they come: inflation stops
 * at the declared size (or the cap), so a zip bomb (a few kilobytes that inflate to gigabytes, or
 * an entry that declares 1 KB and inflates to more) is refused with a message, in bounded memory.
 */
import { closeSync, readSync } from 'node:fs';
import { Inflate } from 'fflate';
import { ParseError } from '../../errors.js';
import { openRegular } from '../files.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The size the archive declares, before anything is inflated. */
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
  encrypted: boolean;
}

export interface ZipLimits {
  /** The most one entry may inflate to. */
  entryBytes: number;
  /** The most all entries read from one archive may inflate to, together. */
  totalBytes: number;
}

/** The central directory is read whole; past this size it is not a log's. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;
/** The end-of-central-directory record and the longest comment it may carry. */
const EOCD_SEARCH = 22 + 0xffff;
/** Compressed bytes handed to the inflater at a time: what one step may inflate is bounded by it. */
const INFLATE_STEP = 16 * 1024;

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** An archive opened for reading entries: close it when done. */
export class ZipArchive {
  private readonly fd: number;
  private readonly size: number;
  private inflated = 0;
  readonly entries: ZipEntry[];

  constructor(
    readonly file: string,
    private readonly limits: ZipLimits,
  ) {
    const { fd, size } = openRegular(file);
    this.fd = fd;
    this.size = size;
    try {
      this.entries = this.readDirectory();
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  /** The last entry of that name (a rewritten entry is appended), or undefined. */
  find(name: string): ZipEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--)
      if (this.entries[i]!.name === name) return this.entries[i];
    return undefined;
  }

  /** The entry's bytes, inflated within the limits. */
  read(entry: ZipEntry): Uint8Array {
    const where = `entry ${entry.name}`;
    if (entry.encrypted) this.fail(`${where} is encrypted; mlci does not read encrypted archives`);
    const cap = Math.min(this.limits.entryBytes, this.limits.totalBytes - this.inflated);
    if (entry.size > cap) {
      this.fail(
        entry.size > this.limits.entryBytes
          ? `${where} declares ${entry.size} bytes; mlci inflates at most ${this.limits.entryBytes} per entry`
          : `${where} declares ${entry.size} bytes, more than the ${this.limits.totalBytes} bytes mlci inflates from one archive in all`,
      );
    }
    const local = this.bytes(entry.offset, 30, where);
    if (u32(local, 0) !== SIG_LOCAL)
      this.fail(`${where}: expected a local file header at byte ${entry.offset}`);
    const start = entry.offset + 30 + u16(local, 26) + u16(local, 28);
    if (start + entry.compressedSize > this.size)
      this.fail(`${where} runs past the end of the file (the archive is cut off?)`);
    let out: Uint8Array;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size)
        this.fail(
          `${where} is stored uncompressed, yet declares ${entry.size} bytes and holds ${entry.compressedSize}`,
        );
      out = this.bytes(start, entry.size, where);
    } else if (entry.method === 8) {
      out = this.inflate(entry, start, where);
    } else {
      this.fail(
        `${where} is compressed with method ${entry.method}; mlci reads stored (0) and deflated (8) entries`,
      );
    }
    this.inflated += out.length;
    return out;
  }

  /**
   * Inflates step by step, counting: the output may never exceed what the entry declared, so
   * memory is bounded by the declared size (itself capped) whatever the compressed bytes say.
   */
  private inflate(entry: ZipEntry, start: number, where: string): Uint8Array {
    const out = new Uint8Array(entry.size);
    let filled = 0;
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      if (filled + chunk.length > entry.size) {
        this.fail(
          `${where} inflates to more than the ${entry.size} bytes it declares; refused (a zip bomb, or a damaged archive)`,
        );
      }
      out.set(chunk, filled);
      filled += chunk.length;
      if (final) ended = true;
    });
    const step = new Uint8Array(INFLATE_STEP);
    for (let done = 0; done < entry.compressedSize;) {
      const length = Math.min(INFLATE_STEP, entry.compressedSize - done);
      const got = readSync(this.fd, step, 0, length, start + done);
      if (got !== length) this.fail(`${where} runs past the end of the file (the archive is cut off?)`);
      done += length;
      try {
        // fflate keeps what it is pushed until it is consumed: give it a copy, not the reused buffer.
        inflater.push(step.slice(0, length), done === entry.compressedSize);
      } catch (error) {
        if (error instanceof ParseError) throw error;
        this.fail(`${where} is not valid deflate data (${(error as Error).message})`);
      }
      if (ended) break;
    }
    if (!ended || filled !== entry.size)
      this.fail(`${where} inflates to ${filled} bytes, but declares ${entry.size} (a damaged archive?)`);
    return out;
  }

  private readDirectory(): ZipEntry[] {
    const tailLength = Math.min(this.size, EOCD_SEARCH);
    const tail = this.bytes(this.size - tailLength, tailLength, 'the end of the archive');
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (u32(tail, i) === SIG_EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) this.fail('not a zip archive: no end-of-central-directory record (is the file cut off?)');
    let count = u16(tail, at + 10);
    let directorySize = u32(tail, at + 12);
    let directoryOffset = u32(tail, at + 16);
    const locator = at - 20;
    if (locator >= 0 && u32(tail, locator) === SIG_ZIP64_LOCATOR) {
      const zip64At = u64(tail, locator + 8, this);
      const record = this.bytes(zip64At, 56, 'the zip64 end-of-central-directory record');
      if (u32(record, 0) !== SIG_ZIP64_EOCD) this.fail('a zip64 locator that points at no zip64 record');
      count = u64(record, 32, this);
      directorySize = u64(record, 40, this);
      directoryOffset = u64(record, 48, this);
    }
    if (directorySize > MAX_DIRECTORY_BYTES)
      this.fail(`a central directory of ${directorySize} bytes; mlci reads at most ${MAX_DIRECTORY_BYTES}`);
    if (directoryOffset + directorySize > this.size)
      this.fail('the central directory lies past the end of the file (the archive is cut off?)');
    const directory = this.bytes(directoryOffset, directorySize, 'the central directory');
    const entries: ZipEntry[] = [];
    let pos = 0;
    for (let i = 0; i < count; i++) {
      if (pos + 46 > directory.length || u32(directory, pos) !== SIG_CENTRAL)
        this.fail(`central directory entry ${i + 1} of ${count} is damaged`);
      const nameLength = u16(directory, pos + 28);
      const extraLength = u16(directory, pos + 30);
      const commentLength = u16(directory, pos + 32);
      const end = pos + 46 + nameLength + extraLength + commentLength;
      if (end > directory.length) this.fail(`central directory entry ${i + 1} of ${count} is damaged`);
      const entry: ZipEntry = {
        name: new TextDecoder().decode(directory.subarray(pos + 46, pos + 46 + nameLength)),
        method: u16(directory, pos + 10),
        compressedSize: u32(directory, pos + 20),
        size: u32(directory, pos + 24),
        offset: u32(directory, pos + 42),
        encrypted: (u16(directory, pos + 8) & 1) === 1,
      };
      readZip64Extra(directory, pos + 46 + nameLength, extraLength, entry, this);
      entries.push(entry);
      pos = end;
    }
    return entries;
  }

  private bytes(position: number, length: number, what: string): Uint8Array {
    const buffer = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const got = readSync(this.fd, buffer, filled, length - filled, position + filled);
      if (got === 0) this.fail(`${what} runs past the end of the file (the archive is cut off?)`);
      filled += got;
    }
    return buffer;
  }

  fail(detail: string): never {
    throw new ParseError({ file: this.file }, detail);
  }
}

/** Sizes and offsets of 0xFFFFFFFF are in the zip64 extra field (id 1), in this order. */
function readZip64Extra(
  data: Uint8Array,
  start: number,
  length: number,
  entry: ZipEntry,
  archive: ZipArchive,
): void {
  const MAX = 0xffffffff;
  if (entry.size !== MAX && entry.compressedSize !== MAX && entry.offset !== MAX) return;
  for (let pos = start; pos + 4 <= start + length;) {
    const id = u16(data, pos);
    const size = u16(data, pos + 2);
    if (id === 1) {
      let at = pos + 4;
      if (entry.size === MAX) {
        entry.size = u64(data, at, archive);
        at += 8;
      }
      if (entry.compressedSize === MAX) {
        entry.compressedSize = u64(data, at, archive);
        at += 8;
      }
      if (entry.offset === MAX) entry.offset = u64(data, at, archive);
      return;
    }
    pos += 4 + size;
  }
  archive.fail(`entry ${entry.name} has zip64 sizes but no zip64 extra field`);
}

function u16(data: Uint8Array, at: number): number {
  return data[at]! | (data[at + 1]! << 8);
}

function u32(data: Uint8Array, at: number): number {
  return (data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16) | (data[at + 3]! << 24)) >>> 0;
}

function u64(data: Uint8Array, at: number, archive: ZipArchive): number {
  const value = u32(data, at) + u32(data, at + 4) * 2 ** 32;
  if (!Number.isSafeInteger(value) || at + 8 > data.length)
    archive.fail('a zip64 size or offset out of range');
  return value;
}
