/**
 * Just enough of the protocol buffers wire format to read TensorBoard events, by hand: varints,
 * fixed 32/64-bit values and length-delimited fields, read in place from a byte range without
 * allocating per field. Nested messages are read by narrowing `end` to the message and restoring it
 * afterwards (`enter`/`leave`). Unknown fields are skipped by wire type (0, 1, 2, 5); groups (3, 4),
 * the unused wire types 6 and 7, truncated or over-long varints and fields that run past the end
 * of their message throw `ProtoError`, which callers report as an undecodable record.
 * https://protobuf.dev/programming-guides/encoding/
 */
export class ProtoError extends Error {
  override name = 'ProtoError';
  constructor(
    message: string,
    /** Byte position (in the buffer being read) where the problem was found. */
    readonly position: number,
  ) {
    super(message);
  }
}

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH = 2;
export const WIRE_FIXED32 = 5;

const WIRE_NAMES = ['varint', '64-bit', 'length-delimited', 'group start', 'group end', '32-bit', '6', '7'];

export function wireTypeName(wire: number): string {
  return WIRE_NAMES[wire] ?? String(wire);
}

const scratch = new ArrayBuffer(8);
const scratchBytes = new Uint8Array(scratch);
const scratchF32 = new Float32Array(scratch);
const scratchF64 = new Float64Array(scratch);
const scratchU32 = new Uint32Array(scratch);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** IEEE 754 binary16 bits (in the low 16 bits) as a number. */
export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** bfloat16 bits (in the low 16 bits): the top half of a float32. */
export function bfloat16ToNumber(bits: number): number {
  scratchU32[0] = (bits & 0xffff) << 16;
  return scratchF32[0]!;
}

/** The little-endian float32 at `bytes[at]`. */
export function readFloat32(bytes: Uint8Array, at: number): number {
  for (let k = 0; k < 4; k++) scratchBytes[LITTLE_ENDIAN ? k : 3 - k] = bytes[at + k]!;
  return scratchF32[0]!;
}

/** The little-endian float64 at `bytes[at]`. */
export function readFloat64(bytes: Uint8Array, at: number): number {
  for (let k = 0; k < 8; k++) scratchBytes[LITTLE_ENDIAN ? k : 7 - k] = bytes[at + k]!;
  return scratchF64[0]!;
}

export class ProtoReader {
  bytes: Uint8Array = new Uint8Array(0);
  pos = 0;
  /** The end of the message being read (exclusive). */
  end = 0;
  /** The high 32 bits of the last varint read by `varint()`. */
  private hi = 0;
  /** Where the last field key started (for messages). */
  private keyAt = 0;

  reset(bytes: Uint8Array, start: number, end: number): void {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }

  /** Reads a varint; returns its low 32 bits (unsigned) and keeps the high ones in `hi`. */
  private varint(): number {
    const b = this.bytes;
    const e = this.end;
    let p = this.pos;
    let lo = 0;
    let byte: number;
    for (let shift = 0; shift < 28; shift += 7) {
      if (p >= e) throw this.truncatedVarint();
      byte = b[p++]!;
      lo |= (byte & 0x7f) << shift;
      if (byte < 0x80) {
        this.pos = p;
        this.hi = 0;
        return lo >>> 0;
      }
    }
    if (p >= e) throw this.truncatedVarint();
    byte = b[p++]!;
    lo |= (byte & 0x0f) << 28;
    let hi = (byte & 0x70) >>> 4;
    if (byte < 0x80) {
      this.pos = p;
      this.hi = hi;
      return lo >>> 0;
    }
    for (let shift = 3; shift < 32; shift += 7) {
      if (p >= e) throw this.truncatedVarint();
      byte = b[p++]!;
      hi |= (byte & 0x7f) << shift;
      if (byte < 0x80) {
        this.pos = p;
        this.hi = hi >>> 0;
        return lo >>> 0;
      }
    }
    throw new ProtoError('a varint longer than 10 bytes', this.pos);
  }

  private truncatedVarint(): ProtoError {
    return new ProtoError('a varint runs past the end of its message', this.pos);
  }

  /** An unsigned varint as a number (exact up to 2^53). */
  uint(): number {
    const b = this.bytes;
    const p = this.pos;
    if (p < this.end) {
      const first = b[p]!;
      if (first < 0x80) {
        this.pos = p + 1;
        return first;
      }
    }
    const lo = this.varint();
    return this.hi * 4294967296 + lo;
  }

  /** A varint read as a two's complement int64 (proto `int64`, `int32`, enums). */
  int64(): number {
    // Fast path: up to 4 bytes (below 2^28), which is every step of any real run.
    const b = this.bytes;
    const p = this.pos;
    if (p + 4 <= this.end) {
      const b0 = b[p]!;
      if (b0 < 0x80) {
        this.pos = p + 1;
        return b0;
      }
      const b1 = b[p + 1]!;
      if (b1 < 0x80) {
        this.pos = p + 2;
        return (b0 & 0x7f) | (b1 << 7);
      }
      const b2 = b[p + 2]!;
      if (b2 < 0x80) {
        this.pos = p + 3;
        return (b0 & 0x7f) | ((b1 & 0x7f) << 7) | (b2 << 14);
      }
      const b3 = b[p + 3]!;
      if (b3 < 0x80) {
        this.pos = p + 4;
        return (b0 & 0x7f) | ((b1 & 0x7f) << 7) | ((b2 & 0x7f) << 14) | (b3 << 21);
      }
    }
    const lo = this.varint();
    const hi = this.hi;
    if (hi & 0x80000000) return -((~hi >>> 0) * 4294967296 + (~lo >>> 0) + 1);
    return hi * 4294967296 + lo;
  }

  /** A field key: returns `field << 3 | wire`, checked. */
  key(): number {
    const start = this.pos;
    this.keyAt = start;
    const key = this.uint();
    if (key > 0xffffffff || key >>> 3 === 0) {
      throw new ProtoError(`an invalid field key ${key} (field number 0 or too large)`, start);
    }
    return key;
  }

  private need(count: number): void {
    if (this.end - this.pos < count) {
      throw new ProtoError(
        `a field needs ${count} bytes but its message has ${this.end - this.pos} left`,
        this.pos,
      );
    }
  }

  float32(): number {
    this.need(4);
    const value = readFloat32(this.bytes, this.pos);
    this.pos += 4;
    return value;
  }

  float64(): number {
    this.need(8);
    const value = readFloat64(this.bytes, this.pos);
    this.pos += 8;
    return value;
  }

  /** Reads a length prefix and returns where that field ends; `pos` is at its first byte. */
  lengthEnd(): number {
    const start = this.pos;
    const length = this.uint();
    if (length > this.end - this.pos) {
      throw new ProtoError(
        `a length-delimited field of ${length} bytes runs past the end of its message (${this.end - this.pos} bytes left)`,
        start,
      );
    }
    return this.pos + length;
  }

  /** Narrows reading to a length-delimited field; returns the outer end for `leave`. */
  enter(): number {
    const end = this.lengthEnd();
    const outer = this.end;
    this.end = end;
    return outer;
  }

  leave(outer: number): void {
    this.pos = this.end;
    this.end = outer;
  }

  skip(wire: number): void {
    switch (wire) {
      case WIRE_VARINT:
        this.varint();
        return;
      case WIRE_FIXED64:
        this.need(8);
        this.pos += 8;
        return;
      case WIRE_LENGTH:
        this.pos = this.lengthEnd();
        return;
      case WIRE_FIXED32:
        this.need(4);
        this.pos += 4;
        return;
      default:
        throw new ProtoError(`wire type ${wireTypeName(wire)} is not used by this message`, this.keyAt);
    }
  }

  /** Throws unless `wire` is what field `name` is declared as. */
  expect(wire: number, expected: number, name: string): void {
    if (wire !== expected) {
      throw new ProtoError(
        `field ${name} has wire type ${wireTypeName(wire)}, expected ${wireTypeName(expected)}`,
        this.keyAt,
      );
    }
  }
}
