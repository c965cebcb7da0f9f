/**
 * What the streaming log readers (CSV, TSV, JSON Lines, dvclive) share: how a column or field name
 * becomes a key, which names are steps and wall-clock times, and how a file is streamed as text in
 * bounded memory.
 */
import { Buffer, isAscii } from 'node:buffer';
import { ParseError } from '../errors.js';
import { childKey } from '../keys.js';
import { streamFile } from './files.js';

/** Names that are the x-axis of a log, most preferred first (matched case-insensitively). */
export const STEP_NAMES = ['step', 'global_step', 'iteration', 'iter', 'batch', '_step', 'epoch'] as const;

/** Names of a wall-clock time column or field: read as the points' time, not as a curve. */
export const WALL_TIME_NAMES = ['timestamp', '_timestamp', 'wall_time', 'walltime'] as const;

/** The preferred step name among `names`, as its index, or -1. */
export function chooseStep(names: readonly string[]): number {
  const lower = names.map((n) => n.trim().toLowerCase());
  for (const wanted of STEP_NAMES) {
    const at = lower.indexOf(wanted);
    if (at >= 0) return at;
  }
  return -1;
}

export function isWallTimeName(name: string): boolean {
  return (WALL_TIME_NAMES as readonly string[]).includes(name.trim().toLowerCase());
}

/**
 * Wall-clock times are seconds since the Unix epoch; dvclive (and JavaScript) write milliseconds.
 * A value past 1e11 (year 5138 in seconds, 1973 in milliseconds) is taken as milliseconds.
 */
export function wallTimeSeconds(value: number): number {
  return Math.abs(value) > 1e11 ? value / 1000 : value;
}

/**
 * The key of a column or field name below an (already escaped) parent key. Names are kept as
 * written, as the JSON reader keeps them: `train/loss` stays `train/loss`, and a "." in a name is
 * escaped (`top\.1`) so it never reads as nesting.
 */
export function nameKey(parent: string, name: string): string {
  return childKey(parent, name);
}

/** A log line (or a CSV row) longer than this is not a log: refuse it instead of buffering it. */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

export interface TextStreamOptions {
  /** Bytes per read; large reads keep the per-chunk overhead negligible. */
  chunkBytes?: number;
}

/**
 * Streams a file as UTF-8 text in chunks of about 1 MiB, so memory stays bounded whatever the
 * file's size. A byte-order mark is dropped. Bytes that are not UTF-8 are a ParseError at their
 * offset (TextDecoder carries sequences split between chunks).
 */
export async function streamTextFile(
  path: string,
  onText: (text: string) => void,
  options: TextStreamOptions = {},
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The last bytes of the previous chunk, copied (streamFile reuses its buffers).
  let previous: Uint8Array = new Uint8Array(0);
  let end = 0;
  // While every byte so far was ASCII, a chunk that is ASCII too is copied as Latin-1 (several
  // times faster than validating UTF-8); from the first other byte on, the decoder does it all.
  let ascii = true;
  await streamFile(
    path,
    (data, offset) => {
      let chunk = data;
      if (offset === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf)
        chunk = chunk.subarray(3);
      let text: string;
      if (ascii && isAscii(chunk)) {
        text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      } else {
        ascii = false;
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          throw notUtf8(path, offset + data.length - chunk.length, previous, chunk);
        }
      }
      end = offset + data.length;
      previous = chunk.slice(Math.max(0, chunk.length - 3));
      if (text !== '') onText(text);
    },
    options,
  );
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw new ParseError(
      { file: path, offset: Math.max(0, end - 3) },
      'not UTF-8 text: the file ends inside a multi-byte character',
    );
  }
  if (tail !== '') onText(tail);
}

function notUtf8(file: string, offset: number, previous: Uint8Array, chunk: Uint8Array): ParseError {
  // Validate the previous chunk's last bytes plus this chunk to find the first bad byte.
  const joined = new Uint8Array(previous.length + chunk.length);
  joined.set(previous, 0);
  joined.set(chunk, previous.length);
  let start = 0;
  // Skip to a character boundary inside the carried-over bytes.
  while (start < previous.length && (joined[start]! & 0xc0) === 0x80) start++;
  const bad = firstInvalidUtf8(joined, start);
  const at = offset - previous.length + Math.max(bad, previous.length);
  return new ParseError(
    { file, offset: at },
    'not UTF-8 text (is this a binary file? pass --format to say what it is)',
  );
}

/** Index of the first byte that does not belong to a valid UTF-8 sequence, from `start`. */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0): number {
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cont = bytes[i + k]!;
      if ((cont & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cont & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
