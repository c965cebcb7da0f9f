/**
 * The framing of W&B's run log (`run-<id>.wandb`), as the Python client's
 * `wandb/sdk/internal/datastore.py` writes it and the Go core's `core/pkg/leveldb` reads it:
 *
 *     file   := header block*          (blocks are 32 KiB, counted from byte 0 of the file)
 *     header := ":W&B"  uint16 0xBEE1 (little-endian)  uint8 version (0; 1 from the Go core's
 *               history-step change on)
 *     block  := chunk* padding?        (a block tail under 7 bytes is zero padding)
 *     chunk  := uint32 checksum  uint16 length  uint8 type  data[length]   (little-endian)
 *
 * A chunk never crosses a block: a record longer than what is left of the block is cut into a
 * FIRST chunk, MIDDLE chunks and a LAST chunk (type 2, 3, 4); a record that fits is one FULL
 * chunk (type 1). Unlike LevelDB, the checksum is zlib's CRC-32 (IEEE, not Castagnoli), not
 * masked, over the type byte and then the data: `zlib.crc32(data, zlib.crc32(bytes([type])))`.
 * The first block is 7 bytes short, the file header taking its start.
 *
 * `LogParser` is a push parser: feed it the file in pieces of any size and it reports each record
 * whose chunks all check out, then stops at the first damage (a checksum that fails, a chunk that
 * runs past its block, chunks out of order, or the input ending inside a record), which it reports
 * with the byte offset and the record's number. A chunk header of seven zero bytes where a record
 * may start is space the writer reserved but never wrote (a file preallocated, or copied while
 * being written): the rest of that block is skipped, as W&B's own reader does.
 * Memory: a FULL chunk lying in one pushed piece is handed over in place; other records are
 * assembled in one buffer that grows to the record's size, at most `maxRecordBytes`; a longer
 * record is checked chunk by chunk and reported as oversized, never kept.
 */
import { crc32 } from '../../crc32.js';

export const BLOCK_BYTES = 32 * 1024;
export const FILE_HEADER_BYTES = 7;
export const CHUNK_HEADER_BYTES = 7;
/** ":W&B" */
export const MAGIC_IDENT = [0x3a, 0x57, 0x26, 0x42] as const;
/** `zlib.crc32(b"Weights & Biases") & 0xffff`, stored little-endian after the ident. */
export const MAGIC = 0xbee1;
/** Header versions this parser knows: 0, and 1 (W&B PR #12110: history rows it numbered itself omit `_step`). */
export const KNOWN_VERSIONS: readonly number[] = [0, 1];
/** Records longer than this are checked but not kept (a history row is a few hundred bytes). */
export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

export const ChunkType = { Full: 1, First: 2, Middle: 3, Last: 4 } as const;
const TYPE_NAMES = ['zero', 'FULL', 'FIRST', 'MIDDLE', 'LAST'];

/** Why a file is not a W&B log, found in its first 7 bytes. */
export class LogHeaderError extends Error {
  override name = 'LogHeaderError';
}

export interface LogSink {
  /** The header checked out. */
  header(version: number): void;
  /**
   * A record whose chunks all checked out: its data is `bytes[start, end)`, valid during the call
   * only. `offset` is the byte offset of its first chunk; `index` counts records from 1.
   */
  record(bytes: Uint8Array, start: number, end: number, offset: number, index: number): void;
  /** A record over the size limit whose chunks checked out; its data was not kept. */
  oversized(offset: number, index: number, length: number): void;
  /**
   * Damage at the chunk starting at `offset`, inside record `index`: nothing more is read.
   * `torn`: the input ended inside the record (it may still be being written).
   */
  damaged(offset: number, index: number, what: string, torn: boolean): void;
}

const Phase = { FileHeader: 0, Boundary: 1, ChunkHeader: 2, Data: 3, Skip: 4, Stopped: 5 } as const;
type Phase = (typeof Phase)[keyof typeof Phase];

export { crc32, tableCrc32 } from '../../crc32.js';

/** The checksum a chunk of `type` starts from: the CRC of its type byte. */
const TYPE_SEED = [0, 1, 2, 3, 4].map((type) => crc32(Uint8Array.of(type), 0, 1, 0));

/** The checksum W&B stores for a chunk: CRC-32 over the type byte, then the data. */
export function chunkChecksum(type: number, bytes: Uint8Array, start = 0, end = bytes.length): number {
  return crc32(bytes, start, end, crc32(Uint8Array.of(type), 0, 1, 0));
}

const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

/** Whether `head` starts with W&B's log header (ident and magic; any version), for detection. */
export function startsWithLogHeader(head: Uint8Array): boolean {
  return (
    head.length >= 6 && MAGIC_IDENT.every((b, i) => head[i] === b) && (head[4]! | (head[5]! << 8)) === MAGIC
  );
}

/** Why 7 header bytes (or fewer, at the end of input) are not a W&B log header; undefined if they are. */
function headerProblem(bytes: Uint8Array, length: number): string | undefined {
  const shown = Array.from(bytes.subarray(0, length), (b) => b.toString(16).padStart(2, '0')).join(' ');
  for (let i = 0; i < Math.min(length, 4); i++) {
    if (bytes[i] !== MAGIC_IDENT[i]) {
      return `expected the W&B log header ":W&B" (3a 57 26 42), found ${shown || 'nothing'}`;
    }
  }
  if (length >= 6 && (bytes[4]! | (bytes[5]! << 8)) !== MAGIC) {
    return `":W&B" is followed by ${shown.slice(12, 17)}, expected W&B's magic e1 be`;
  }
  if (length === 7 && !KNOWN_VERSIONS.includes(bytes[6]!)) {
    return `W&B log format version ${bytes[6]}: mlci reads versions ${KNOWN_VERSIONS.join(' and ')} (a newer wandb wrote this file)`;
  }
  return undefined;
}

export class LogParser {
  private phase: Phase = Phase.FileHeader;
  /** Bytes consumed so far: the offset of the next byte pushed. */
  private position = 0;
  /** File or chunk header bytes collected across pieces. */
  private readonly head = new Uint8Array(7);
  private headFill = 0;

  // The chunk being read.
  private chunkOffset = 0;
  private chunkType = 0;
  private chunkStored = 0;
  private chunkCrc = 0;
  private chunkLength = 0;
  private remaining = 0;
  private skipRemaining = 0;

  // The record being assembled (FIRST seen, LAST not yet).
  private assembling = false;
  private recordOffset = 0;
  private recordLength = 0;
  private kept: Uint8Array = new Uint8Array(0);
  private keptFill = 0;
  private tooLong = false;
  private records = 0;
  private zeroTails = 0;

  constructor(
    private readonly sink: LogSink,
    private readonly maxRecordBytes: number = DEFAULT_MAX_RECORD_BYTES,
  ) {}

  /** True once reading stopped at damage: further input is ignored. */
  get done(): boolean {
    return this.phase === Phase.Stopped;
  }

  /** Bytes consumed so far. */
  get offset(): number {
    return this.position;
  }

  /** Records reported so far (kept or oversized). */
  get recordCount(): number {
    return this.records;
  }

  /** Block tails skipped because they held zeros where a record could start. */
  get zeroFilledTails(): number {
    return this.zeroTails;
  }

  /** Throws LogHeaderError when the first bytes are not a W&B log header. */
  push(piece: Uint8Array): void {
    const n = piece.length;
    let i = 0;
    while (i < n) {
      switch (this.phase) {
        case Phase.Stopped:
          return;
        case Phase.FileHeader: {
          const take = Math.min(FILE_HEADER_BYTES - this.headFill, n - i);
          this.head.set(piece.subarray(i, i + take), this.headFill);
          this.headFill += take;
          i += take;
          this.position += take;
          const problem = headerProblem(this.head, this.headFill);
          if (problem !== undefined) throw new LogHeaderError(problem);
          if (this.headFill === FILE_HEADER_BYTES) {
            this.headFill = 0;
            this.phase = Phase.Boundary;
            this.sink.header(this.head[6]!);
          }
          break;
        }
        case Phase.Boundary: {
          const left = BLOCK_BYTES - (this.position % BLOCK_BYTES);
          if (left < CHUNK_HEADER_BYTES) {
            // Block trailer: W&B writes zeros; like W&B's Go reader, its content is not checked.
            this.skipRemaining = left;
            this.phase = Phase.Skip;
            break;
          }
          this.chunkOffset = this.position;
          if (n - i >= CHUNK_HEADER_BYTES) {
            i = this.chunkHeader(piece, i, n);
          } else {
            this.phase = Phase.ChunkHeader;
          }
          break;
        }
        case Phase.ChunkHeader: {
          const take = Math.min(CHUNK_HEADER_BYTES - this.headFill, n - i);
          this.head.set(piece.subarray(i, i + take), this.headFill);
          this.headFill += take;
          i += take;
          this.position += take;
          if (this.headFill === CHUNK_HEADER_BYTES) {
            this.headFill = 0;
            this.startChunk(this.head, 0);
          }
          break;
        }
        case Phase.Data: {
          const take = Math.min(this.remaining, n - i);
          this.chunkCrc = crc32(piece, i, i + take, this.chunkCrc);
          this.keep(piece, i, i + take);
          i += take;
          this.position += take;
          this.remaining -= take;
          if (this.remaining === 0) this.endChunk(undefined, 0, 0);
          break;
        }
        case Phase.Skip: {
          const take = Math.min(this.skipRemaining, n - i);
          i += take;
          this.position += take;
          this.skipRemaining -= take;
          if (this.skipRemaining === 0) this.phase = Phase.Boundary;
          break;
        }
      }
    }
  }

  /**
   * A chunk header that lies whole in `piece` at `i`. When the chunk's data is in the piece too it
   * is checked in place (the common case: pieces are whole blocks). Returns where reading goes on.
   */
  private chunkHeader(piece: Uint8Array, i: number, n: number): number {
    this.position += CHUNK_HEADER_BYTES;
    if (!this.startChunk(piece, i)) return i + CHUNK_HEADER_BYTES;
    const start = i + CHUNK_HEADER_BYTES;
    const end = start + this.chunkLength;
    if (end > n) return start;
    this.chunkCrc = crc32(piece, start, end, this.chunkCrc);
    this.position += this.chunkLength;
    this.remaining = 0;
    if (this.chunkType === ChunkType.Full && this.chunkLength <= this.maxRecordBytes) {
      this.endChunk(piece, start, end);
    } else {
      this.keep(piece, start, end);
      this.endChunk(undefined, 0, 0);
    }
    return end;
  }

  /** Checks a chunk header at `bytes[at]`; false when reading does not go on into its data. */
  private startChunk(bytes: Uint8Array, at: number): boolean {
    const stored = u32(bytes, at);
    const length = bytes[at + 4]! | (bytes[at + 5]! << 8);
    const type = bytes[at + 6]!;
    if (stored === 0 && length === 0 && type === 0) {
      if (this.assembling) {
        this.stop(
          `zero bytes where the next chunk of the record begun at byte ${this.recordOffset} should be (the writer reserved space it never filled)`,
          true,
        );
        return false;
      }
      this.zeroTails++;
      this.skipRemaining = BLOCK_BYTES - (this.position % BLOCK_BYTES);
      this.phase = this.skipRemaining === BLOCK_BYTES ? Phase.Boundary : Phase.Skip;
      return false;
    }
    if (type < ChunkType.Full || type > ChunkType.Last) {
      this.stop(`unknown chunk type ${type} (expected 1 FULL, 2 FIRST, 3 MIDDLE or 4 LAST)`, false);
      return false;
    }
    const inBlock = this.chunkOffset % BLOCK_BYTES;
    if (inBlock + CHUNK_HEADER_BYTES + length > BLOCK_BYTES) {
      this.stop(
        `a ${TYPE_NAMES[type]} chunk of ${length} bytes at ${inBlock} bytes into its block would run past the 32 KiB block (chunks never cross blocks)`,
        false,
      );
      return false;
    }
    const starts = type === ChunkType.Full || type === ChunkType.First;
    if (starts && this.assembling) {
      this.stop(
        `a ${TYPE_NAMES[type]} chunk where the record begun at byte ${this.recordOffset} should go on (MIDDLE or LAST expected)`,
        false,
      );
      return false;
    }
    if (!starts && !this.assembling) {
      this.stop(`a ${TYPE_NAMES[type]} chunk with no FIRST chunk before it`, false);
      return false;
    }
    this.chunkType = type;
    this.chunkStored = stored;
    this.chunkCrc = TYPE_SEED[type]!;
    this.chunkLength = length;
    this.remaining = length;
    if (type === ChunkType.First) {
      this.assembling = true;
      this.recordOffset = this.chunkOffset;
      this.recordLength = 0;
      this.keptFill = 0;
      this.tooLong = false;
    }
    if (type === ChunkType.Full) {
      this.recordOffset = this.chunkOffset;
      this.recordLength = 0;
      this.keptFill = 0;
      this.tooLong = false;
    }
    this.phase = length === 0 ? Phase.Boundary : Phase.Data;
    if (length === 0) {
      this.endChunk(undefined, 0, 0);
      return false;
    }
    return true;
  }

  /** Copies data of the record being read into the assembly buffer, up to the size limit. */
  private keep(piece: Uint8Array, start: number, end: number): void {
    const count = end - start;
    this.recordLength += count;
    if (this.tooLong) return;
    if (this.recordLength > this.maxRecordBytes) {
      this.tooLong = true;
      this.kept = new Uint8Array(0);
      this.keptFill = 0;
      return;
    }
    const need = this.keptFill + count;
    if (need > this.kept.length) {
      const next = new Uint8Array(Math.min(this.maxRecordBytes, Math.max(need, this.kept.length * 2, 256)));
      next.set(this.kept.subarray(0, this.keptFill));
      this.kept = next;
    }
    this.kept.set(piece.subarray(start, end), this.keptFill);
    this.keptFill = need;
  }

  /**
   * The chunk's data has all been read: checks its checksum, and reports the record it ends.
   * `inPlace`: a FULL chunk's data, when it lay whole in one piece.
   */
  private endChunk(inPlace: Uint8Array | undefined, start: number, end: number): void {
    this.phase = Phase.Boundary;
    const computed = this.chunkCrc >>> 0;
    if (computed !== this.chunkStored) {
      this.stop(
        `checksum mismatch in a ${TYPE_NAMES[this.chunkType]} chunk of ${this.chunkLength} bytes (stored ${hex(this.chunkStored)}, computed ${hex(computed)})`,
        false,
      );
      return;
    }
    const type = this.chunkType;
    if (type === ChunkType.First || type === ChunkType.Middle) return;
    this.assembling = false;
    const index = ++this.records;
    if (this.tooLong) {
      this.sink.oversized(this.recordOffset, index, this.recordLength);
    } else if (inPlace !== undefined) {
      this.sink.record(inPlace, start, end, this.recordOffset, index);
    } else {
      this.sink.record(this.kept, 0, this.keptFill, this.recordOffset, index);
    }
    // A long record's buffer is not kept for the next one.
    if (this.kept.length > 1024 * 1024) this.kept = new Uint8Array(0);
    this.keptFill = 0;
  }

  private stop(what: string, torn: boolean): void {
    this.phase = Phase.Stopped;
    this.sink.damaged(this.chunkOffset, this.records + 1, what, torn);
  }

  /**
   * The input ended. Reports a record it ended inside of. Returns false when it ended inside the
   * file header (or was empty): nothing was read (`offset` says how many header bytes there were).
   */
  end(): boolean {
    const phase = this.phase;
    if (phase === Phase.Stopped) return true;
    this.phase = Phase.Stopped;
    if (phase === Phase.FileHeader) return false;
    if (phase === Phase.ChunkHeader) {
      this.sink.damaged(
        this.chunkOffset,
        this.records + 1,
        `the log ends ${this.headFill} bytes into the ${CHUNK_HEADER_BYTES}-byte header of a chunk`,
        true,
      );
    } else if (phase === Phase.Data) {
      this.sink.damaged(
        this.chunkOffset,
        this.records + 1,
        `the ${TYPE_NAMES[this.chunkType]} chunk announces ${this.chunkLength} bytes, the log ends after ${this.chunkLength - this.remaining} of them`,
        true,
      );
    } else if (this.assembling) {
      this.sink.damaged(
        this.recordOffset,
        this.records + 1,
        `the log ends after ${this.recordLength} bytes of a record cut into chunks, before its LAST chunk`,
        true,
      );
    }
    return true;
  }
}
