/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum TFRecord framing uses, with
 * slicing-by-8 tables: eight bytes per step instead of one, several times faster than the bytewise
 * loop on the record sizes event files hold. `maskedCrc32c` is TFRecord's mask
 * (`((crc >>> 15) | (crc << 17)) + 0xa282ead8`), which keeps a CRC of bytes that contain CRCs
 * from being trivially zero.
 */
import { sliceBy8, slicingTable } from '../../crc32.js';

const POLY = 0x82f63b78;

const TABLE = /* @__PURE__ */ slicingTable(POLY);

/**
 * The CRC-32C of `bytes[start, end)`. Pass a previous result as `crc` to continue a checksum over
 * data that arrives in pieces: `crc32c(b, 0, n) === crc32c(b, k, n, crc32c(b, 0, k))`.
 */
export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length, crc = 0): number {
  return sliceBy8(TABLE, bytes, start, end, crc);
}

export function maskCrc(crc: number): number {
  return (((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0;
}

export function maskedCrc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return maskCrc(crc32c(bytes, start, end));
}
