import * as zlib from 'node:zlib';

/**
 * CRC-32 (IEEE 802.3, the one of zlib, PNG and W&B's run logs): zlib's own where Node has it,
 * else slicing-by-8 tables. Shared by the PNG encoder (report/charts/render.ts) and the W&B log
 * reader (readers/wandb/log.ts).
 */
/** CRC-32 (IEEE) of `bytes[start, end)`, continuing from `crc`. */
export type Crc32 = (bytes: Uint8Array, start: number, end: number, crc: number) => number;

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** zlib's own CRC-32 (Node 20.15 and later, several times faster), else the table-driven one. */
export const crc32: Crc32 =
  nativeCrc32 === undefined
    ? tableCrc32
    : (bytes, start, end, crc) => nativeCrc32(bytes.subarray(start, end), crc);

const IEEE = 0xedb88320;
let table: Uint32Array | undefined;

/**
 * CRC-32 (IEEE) with slicing-by-8 tables, for Node 20 releases before 20.15, whose zlib has no
 * `crc32`. W&B's logs and PNG use this polynomial; readers/tensorboard/crc32c.ts runs the same
 * loop over the Castagnoli polynomial (TensorBoard's).
 */
export function tableCrc32(bytes: Uint8Array, start = 0, end = bytes.length, crc = 0): number {
  return sliceBy8((table ??= slicingTable(IEEE)), bytes, start, end, crc);
}

/**
 * A reflected CRC of `bytes[start, end)` with a table from slicingTable: eight bytes per step
 * instead of one, several times faster than the bytewise loop. Continues from `crc`.
 */
export function sliceBy8(t: Uint32Array, bytes: Uint8Array, start: number, end: number, crc: number): number {
  let c = ~crc;
  let i = start;
  const stop8 = end - 8;
  while (i <= stop8) {
    const one = c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    c =
      t[1792 + (one & 0xff)]! ^
      t[1536 + ((one >>> 8) & 0xff)]! ^
      t[1280 + ((one >>> 16) & 0xff)]! ^
      t[1024 + (one >>> 24)]! ^
      t[768 + bytes[i + 4]!]! ^
      t[512 + bytes[i + 5]!]! ^
      t[256 + bytes[i + 6]!]! ^
      t[bytes[i + 7]!]!;
    i += 8;
  }
  while (i < end) c = t[(c ^ bytes[i++]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** The eight 256-entry tables of slicing-by-8 for a reflected polynomial. */
export function slicingTable(poly: number): Uint32Array {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let s = 1; s < 8; s++) {
      c = (c >>> 8) ^ t[c & 0xff]!;
      t[s * 256 + n] = c >>> 0;
    }
  }
  return t;
}
