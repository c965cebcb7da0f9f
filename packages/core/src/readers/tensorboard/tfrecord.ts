/**
 * TFRecord framing, as TensorFlow's `RecordWriter` writes it and TensorBoard's record reader checks it:
 *
 *     uint64  length          (little-endian)
 *     uint32  masked CRC-32C of the 8 length bytes
 *     byte    data[length]
 *     uint32  masked CRC-32C of the data
 *
 * `RecordParser` is a push parser: feed it the file in chunks of any size (records may straddle
 * chunks; only the unfinished record is carried over) and it reports each record whose two
 * checksums hold, and each kind of damage, with the byte offset of the record it happened at:
 * - a length checksum that does not match means the framing is lost (the length cannot be trusted,
 *   so the next record cannot be found): fatal, nothing after it is read;
 * - a data checksum that does not match under a length that checked out: that record is skipped and
 *   parsing goes on with the next one (as TensorBoard's reader, which stops at the bad record on one
 *   load and resumes after it on the next);
 * - input that ends inside a record: a truncated (possibly still being written) last record.
 * Memory is bounded by `maxRecordBytes`: a longer record (a huge graph or image) is streamed
 * through its checksum without being kept, and reported as oversized.
 */
import { crc32c, maskCrc } from './crc32c.js';

export const HEADER_BYTES = 12;
export const FOOTER_BYTES = 4;
/** Records longer than this are checked but not kept (scalars are tens of bytes). */
export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

export interface RecordSink {
  /** A record whose checksums matched: its data is `bytes[start, end)`, valid during the call only. */
  record(bytes: Uint8Array, start: number, end: number, offset: number): void;
  /** Damage at the record starting at `offset`. When `fatal`, the parser reads nothing more. */
  corrupt(offset: number, what: string, fatal: boolean): void;
  /** A record over the size limit, whose data checksum matched; its data was not kept. */
  oversized(offset: number, length: number): void;
}

/** Parser states: what the next bytes are. */
const State = { Header: 0, Body: 1, Skip: 2, Footer: 3 } as const;
type State = (typeof State)[keyof typeof State];

const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

export class RecordParser {
  private state: State = State.Header;
  /** Bytes consumed so far: the offset of the next byte pushed. */
  private position = 0;
  private recordOffset = 0;
  private length = 0;
  private skipRemaining = 0;
  private skipCrc = 0;
  private carry: Uint8Array = new Uint8Array(256);
  private carryLength = 0;
  private stopped = false;
  /**
   * Headers whose checksum held, by the low byte of their length: a file's records have a few
   * lengths, and a header equal to a good one is good, so most headers need no CRC computed.
   */
  private readonly goodLength = new Float64Array(256).fill(-1);
  private readonly goodStored = new Float64Array(256);

  constructor(
    private readonly sink: RecordSink,
    private readonly maxRecordBytes: number = DEFAULT_MAX_RECORD_BYTES,
  ) {}

  /** True once framing was lost: further input is ignored. */
  get done(): boolean {
    return this.stopped;
  }

  /** Bytes consumed so far. */
  get offset(): number {
    return this.position;
  }

  push(chunk: Uint8Array): void {
    const n = chunk.length;
    let i = 0;
    while (!this.stopped) {
      if (this.state === State.Header && this.carryLength === 0) i = this.wholeRecords(chunk, i);
      if (this.state === State.Skip) {
        const take = Math.min(this.skipRemaining, n - i);
        this.skipCrc = crc32c(chunk, i, i + take, this.skipCrc);
        i += take;
        this.position += take;
        this.skipRemaining -= take;
        if (this.skipRemaining > 0) return;
        this.state = State.Footer;
        continue;
      }
      if (this.state === State.Header && this.carryLength === 0) {
        if (i === n) return;
        this.recordOffset = this.position;
      }
      const needed =
        this.state === State.Header
          ? HEADER_BYTES
          : this.state === State.Body
            ? this.length + FOOTER_BYTES
            : FOOTER_BYTES;
      let bytes: Uint8Array;
      let at: number;
      if (this.carryLength === 0 && n - i >= needed) {
        bytes = chunk;
        at = i;
        i += needed;
        this.position += needed;
      } else {
        const take = Math.min(needed - this.carryLength, n - i);
        this.append(chunk, i, take);
        i += take;
        this.position += take;
        if (this.carryLength < needed) return;
        bytes = this.carry;
        at = 0;
        this.carryLength = 0;
      }
      if (this.state === State.Header) this.header(bytes, at);
      else if (this.state === State.Body) this.body(bytes, at);
      else this.footer(bytes, at);
    }
  }

  /**
   * The fast path: records that lie whole inside the chunk, read in place. Returns where it stopped
   * (at a record it leaves to the general path: damaged, oversized, or running past the chunk).
   */
  private wholeRecords(chunk: Uint8Array, from: number): number {
    const n = chunk.length;
    const sink = this.sink;
    let i = from;
    while (n - i >= HEADER_BYTES) {
      const lo = u32(chunk, i);
      const hi = u32(chunk, i + 4);
      const stored = u32(chunk, i + 8);
      if (!this.knownGood(lo, hi, stored)) {
        if (stored !== maskCrc(crc32c(chunk, i, i + 8, 0))) break;
        this.remember(lo, hi, stored);
      }
      if (hi !== 0 || lo > this.maxRecordBytes) break;
      const start = i + HEADER_BYTES;
      const end = start + lo;
      if (end + FOOTER_BYTES > n) break;
      const offset = this.position + (i - from);
      if (u32(chunk, end) !== maskCrc(crc32c(chunk, start, end, 0))) break;
      i = end + FOOTER_BYTES;
      this.recordOffset = offset;
      sink.record(chunk, start, end, offset);
      if (this.stopped) break;
    }
    this.position += i - from;
    return i;
  }

  /** The input ended: reports a record it ended inside of. */
  end(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.state === State.Header && this.carryLength === 0) return;
    const into = this.position - this.recordOffset;
    let what: string;
    if (this.state === State.Header) {
      what = `truncated record: the input ends ${into} bytes into the ${HEADER_BYTES}-byte record header`;
    } else {
      what = `truncated record: the header announces ${this.length} data bytes, but the input ends ${into - HEADER_BYTES} bytes after the header (${this.length + FOOTER_BYTES} expected, with the checksum)`;
    }
    this.sink.corrupt(this.recordOffset, what, true);
  }

  private header(bytes: Uint8Array, at: number): void {
    const lo = u32(bytes, at);
    const hi = u32(bytes, at + 4);
    const stored = u32(bytes, at + 8);
    if (!this.knownGood(lo, hi, stored)) {
      const computed = maskCrc(crc32c(bytes, at, at + 8));
      if (stored !== computed) {
        this.lengthMismatch(stored, computed);
        return;
      }
      this.remember(lo, hi, stored);
    }
    this.length = lo + hi * 4294967296;
    if (this.length > this.maxRecordBytes) {
      this.state = State.Skip;
      this.skipRemaining = this.length;
      this.skipCrc = 0;
    } else {
      this.state = State.Body;
    }
  }

  private knownGood(lo: number, hi: number, stored: number): boolean {
    const slot = lo & 0xff;
    return hi === 0 && this.goodLength[slot] === lo && this.goodStored[slot] === stored;
  }

  private remember(lo: number, hi: number, stored: number): void {
    if (hi !== 0) return;
    this.goodLength[lo & 0xff] = lo;
    this.goodStored[lo & 0xff] = stored;
  }

  private lengthMismatch(stored: number, computed: number): void {
    this.stopped = true;
    this.sink.corrupt(
      this.recordOffset,
      `length checksum mismatch (stored ${hex(stored)}, computed ${hex(computed)}): the record framing is lost, nothing after it can be read`,
      true,
    );
  }

  private body(bytes: Uint8Array, at: number): void {
    this.state = State.Header;
    const end = at + this.length;
    const stored = u32(bytes, end);
    const computed = maskCrc(crc32c(bytes, at, end));
    if (stored !== computed) {
      this.sink.corrupt(
        this.recordOffset,
        `data checksum mismatch (stored ${hex(stored)}, computed ${hex(computed)}) over ${this.length} bytes`,
        false,
      );
      return;
    }
    this.sink.record(bytes, at, end, this.recordOffset);
  }

  private footer(bytes: Uint8Array, at: number): void {
    this.state = State.Header;
    const stored = u32(bytes, at);
    const computed = maskCrc(this.skipCrc);
    if (stored !== computed) {
      this.sink.corrupt(
        this.recordOffset,
        `data checksum mismatch (stored ${hex(stored)}, computed ${hex(computed)}) over ${this.length} bytes`,
        false,
      );
      return;
    }
    this.sink.oversized(this.recordOffset, this.length);
  }

  private append(chunk: Uint8Array, from: number, count: number): void {
    const need = this.carryLength + count;
    if (need > this.carry.length) {
      const next = new Uint8Array(Math.max(need, this.carry.length * 2));
      next.set(this.carry.subarray(0, this.carryLength));
      this.carry = next;
    }
    this.carry.set(chunk.subarray(from, from + count), this.carryLength);
    this.carryLength = need;
  }
}

/** Whether `bytes` start with a TFRecord header whose length checksum holds (for detection). */
export function startsWithRecordHeader(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER_BYTES) return false;
  return u32(bytes, 8) === maskCrc(crc32c(bytes, 0, 8));
}
