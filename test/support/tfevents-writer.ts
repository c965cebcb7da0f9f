/**
 * A small ENCODER of TensorBoard event files, for tests and the benchmark: TFRecord framing with
 * masked CRC-32C, and the Event / Summary / Value / TensorProto messages with the field numbers of
 * tensorboard/compat/proto/{event,summary,tensor,tensor_shape,types}.proto. It writes what
 * TensorFlow, PyTorch's SummaryWriter and Lightning write, and, on request, damaged variants.
 */
import { crc32c, maskCrc } from '../../packages/core/src/readers/tensorboard/crc32c.js';

export const DT_FLOAT = 1;
export const DT_DOUBLE = 2;
export const DT_INT32 = 3;
export const DT_STRING = 7;
export const DT_BFLOAT16 = 14;
export const DT_HALF = 19;

/** Protobuf wire-format writer into a growable buffer. */
export class ProtoWriter {
  private buf = new Uint8Array(64);
  private len = 0;
  private readonly view = new DataView(new ArrayBuffer(8));

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + extra));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  byte(b: number): this {
    this.ensure(1);
    this.buf[this.len++] = b & 0xff;
    return this;
  }

  /** A varint of a non-negative integer, or a negative int64 (two's complement, 10 bytes). */
  varint(value: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.byte(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    return this.byte(Number(v));
  }

  key(field: number, wire: number): this {
    return this.varint(field * 8 + wire);
  }

  raw(bytes: Uint8Array): this {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
    return this;
  }

  fixed32(value: number): this {
    this.view.setUint32(0, value >>> 0, true);
    return this.raw(new Uint8Array(this.view.buffer, 0, 4).slice());
  }

  float(value: number): this {
    this.view.setFloat32(0, value, true);
    return this.raw(new Uint8Array(this.view.buffer, 0, 4).slice());
  }

  double(value: number): this {
    this.view.setFloat64(0, value, true);
    return this.raw(new Uint8Array(this.view.buffer, 0, 8).slice());
  }

  bytes(field: number, data: Uint8Array): this {
    return this.key(field, 2).varint(data.length).raw(data);
  }

  string(field: number, text: string): this {
    return this.bytes(field, new TextEncoder().encode(text));
  }

  message(field: number, write: (w: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    write(inner);
    return this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

export interface TensorSpec {
  dtype: number;
  /** Dimension sizes; [] (the default) is a scalar. Omit the shape field entirely with `null`. */
  shape?: number[] | null;
  floatVal?: number[];
  doubleVal?: number[];
  /** binary16 (or bfloat16) bit patterns, as TensorFlow stores them in int32s. */
  halfVal?: number[];
  intVal?: number[];
  /** Raw little-endian element bytes. */
  content?: Uint8Array;
  /** Write repeated numbers unpacked (one key per element), which parsers must accept too. */
  unpacked?: boolean;
}

export interface ValueSpec {
  tag: string;
  simpleValue?: number;
  tensor?: TensorSpec;
  /** SummaryMetadata.plugin_data.plugin_name (and content). */
  plugin?: string;
  pluginContent?: Uint8Array;
  image?: { width: number; height: number; data: Uint8Array };
  histo?: { min: number; max: number; num: number };
}

export interface EventSpec {
  wallTime?: number;
  step?: number;
  fileVersion?: string;
  summary?: ValueSpec[];
  graphDef?: Uint8Array;
  /** SessionLog.status */
  sessionLog?: number;
}

export function encodeTensor(w: ProtoWriter, t: TensorSpec): void {
  w.key(1, 0).varint(t.dtype);
  if (t.shape !== null) {
    w.message(2, (s) => {
      for (const size of t.shape ?? []) s.message(2, (d) => d.key(1, 0).varint(size));
    });
  }
  if (t.content !== undefined) w.bytes(4, t.content);
  const repeated = (
    field: number,
    values: number[] | undefined,
    wire: number,
    put: (x: ProtoWriter, v: number) => void,
  ) => {
    if (values === undefined || values.length === 0) return;
    if (t.unpacked) {
      for (const v of values) put(w.key(field, wire), v);
    } else {
      w.message(field, (p) => values.forEach((v) => put(p, v)));
    }
  };
  repeated(5, t.floatVal, 5, (x, v) => x.float(v));
  repeated(6, t.doubleVal, 1, (x, v) => x.double(v));
  repeated(7, t.intVal, 0, (x, v) => x.varint(v));
  repeated(13, t.halfVal, 0, (x, v) => x.varint(v));
}

export function encodeValue(w: ProtoWriter, v: ValueSpec): void {
  w.string(1, v.tag);
  if (v.simpleValue !== undefined) w.key(2, 5).float(v.simpleValue);
  if (v.image !== undefined) {
    const image = v.image;
    w.message(4, (i) => {
      i.key(1, 0).varint(image.height).key(2, 0).varint(image.width).key(3, 0).varint(3).bytes(4, image.data);
    });
  }
  if (v.histo !== undefined) {
    const h = v.histo;
    w.message(5, (x) => x.key(1, 1).double(h.min).key(2, 1).double(h.max).key(3, 1).double(h.num));
  }
  if (v.tensor !== undefined) w.message(8, (t) => encodeTensor(t, v.tensor!));
  if (v.plugin !== undefined) {
    w.message(9, (m) =>
      m.message(1, (p) => {
        p.string(1, v.plugin!);
        if (v.pluginContent !== undefined) p.bytes(2, v.pluginContent);
      }),
    );
  }
}

export function encodeEvent(e: EventSpec): Uint8Array {
  const w = new ProtoWriter();
  if (e.wallTime !== undefined) w.key(1, 1).double(e.wallTime);
  if (e.step !== undefined && e.step !== 0) w.key(2, 0).varint(e.step);
  if (e.fileVersion !== undefined) w.string(3, e.fileVersion);
  if (e.graphDef !== undefined) w.bytes(4, e.graphDef);
  if (e.summary !== undefined)
    w.message(5, (s) => e.summary!.forEach((v) => s.message(1, (x) => encodeValue(x, v))));
  if (e.sessionLog !== undefined) w.message(7, (s) => s.key(1, 0).varint(e.sessionLog!));
  return w.finish();
}

/** One TFRecord: length, masked CRC of the length, data, masked CRC of the data. */
export function frameRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 16);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(data.length), true);
  view.setUint32(8, maskCrc(crc32c(out, 0, 8)), true);
  out.set(data, 12);
  view.setUint32(12 + data.length, maskCrc(crc32c(data)), true);
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const FILE_VERSION: EventSpec = { wallTime: 1700000000, fileVersion: 'brain.Event:2' };

/** An event file: the file_version record (unless `bare`), then the events, framed. */
export function eventFile(events: readonly EventSpec[], bare = false): Uint8Array {
  return concat([...(bare ? [] : [FILE_VERSION]), ...events].map((e) => frameRecord(encodeEvent(e))));
}

/** Byte offsets at which each record of `eventFile(events, bare)` starts. */
export function recordOffsets(events: readonly EventSpec[], bare = false): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const e of [...(bare ? [] : [FILE_VERSION]), ...events]) {
    offsets.push(at);
    at += encodeEvent(e).length + 16;
  }
  return offsets;
}

/** IEEE 754 binary16 bits of a number (round to nearest even), as TensorFlow's half_val holds them. */
export function halfBits(value: number): number {
  const f32 = new Float32Array([value]);
  const x = new Uint32Array(f32.buffer)[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rest > halfway || (rest === halfway && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  return sign | half;
}

export function float32Bytes(value: number): Uint8Array {
  return new Uint8Array(new Float32Array([value]).buffer);
}

export function float64Bytes(value: number): Uint8Array {
  return new Uint8Array(new Float64Array([value]).buffer);
}

export function float16Bytes(value: number): Uint8Array {
  const bits = halfBits(value);
  return new Uint8Array([bits & 0xff, bits >>> 8]);
}
