/**
 * Decoding of TensorBoard `Event` records (tensorboard/compat/proto/event.proto, summary.proto,
 * tensor.proto, tensor_shape.proto, types.proto). Only what scalars need is decoded:
 *
 *     Event        { double wall_time = 1; int64 step = 2; oneof what { string file_version = 3;
 *                    bytes graph_def = 4; Summary summary = 5; LogMessage log_message = 6;
 *                    SessionLog session_log = 7; TaggedRunMetadata tagged_run_metadata = 8;
 *                    bytes meta_graph_def = 9; } SourceMetadata source_metadata = 10; }
 *     Summary      { repeated Value value = 1; }
 *     Value        { string tag = 1; SummaryMetadata metadata = 9; oneof value { float simple_value = 2;
 *                    bytes obsolete_old_style_histogram = 3; Image image = 4; HistogramProto histo = 5;
 *                    Audio audio = 6; TensorProto tensor = 8; } }
 *     SummaryMetadata { PluginData plugin_data = 1; }   PluginData { string plugin_name = 1; }
 *     TensorProto  { DataType dtype = 1; TensorShapeProto tensor_shape = 2; bytes tensor_content = 4;
 *                    repeated float float_val = 5; repeated double double_val = 6;
 *                    repeated int32 half_val = 13; }   (repeated numbers packed, or not)
 *     TensorShapeProto { repeated Dim dim = 2; }   Dim { int64 size = 1; }
 *     DataType     DT_FLOAT = 1, DT_DOUBLE = 2, DT_BFLOAT16 = 14, DT_HALF = 19
 *
 * A scalar is a `simple_value` (TF1, PyTorch's SummaryWriter, Lightning) or a one-element float
 * tensor (TF2's `tf.summary.scalar`) whose tag belongs to the `scalars` plugin. The plugin is named
 * in a value's metadata only the first time a tag is written, so it is remembered per tag, as
 * TensorBoard does. Values are decoded into a scratch list first and committed only once the whole
 * record decoded, so a damaged record adds nothing.
 */
import type { SeriesAccumulator } from '../../series.js';
import {
  ProtoError,
  ProtoReader,
  WIRE_FIXED32,
  WIRE_FIXED64,
  WIRE_LENGTH,
  WIRE_VARINT,
  bfloat16ToNumber,
  halfToNumber,
  readFloat32,
  readFloat64,
} from './protobuf.js';

export const DT_FLOAT = 1;
export const DT_DOUBLE = 2;
export const DT_BFLOAT16 = 14;
export const DT_HALF = 19;

const DTYPE_NAMES: Record<number, string> = {
  0: 'DT_INVALID',
  1: 'DT_FLOAT',
  2: 'DT_DOUBLE',
  3: 'DT_INT32',
  4: 'DT_UINT8',
  5: 'DT_INT16',
  6: 'DT_INT8',
  7: 'DT_STRING',
  8: 'DT_COMPLEX64',
  9: 'DT_INT64',
  10: 'DT_BOOL',
  14: 'DT_BFLOAT16',
  17: 'DT_UINT16',
  18: 'DT_COMPLEX128',
  19: 'DT_HALF',
  22: 'DT_UINT32',
  23: 'DT_UINT64',
};

/** What an Event held (its `what` oneof). */
export const EventKind = {
  Empty: 0,
  FileVersion: 1,
  Graph: 2,
  Summary: 3,
  LogMessage: 4,
  SessionLog: 5,
  RunMetadata: 6,
  MetaGraph: 7,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

/** One tag of one run: its decoded name, the plugin it belongs to, and where its values go. */
export interface TagEntry {
  readonly bytes: Uint8Array;
  readonly hash: number;
  readonly tag: string;
  /** The plugin named in the tag's first metadata; undefined until one was seen. */
  plugin: string | undefined;
  /** Where the tag's scalars go, made on its first scalar. */
  series: SeriesAccumulator | undefined;
  /** Values of this tag that are not scalars, by what they are. */
  skipped: Map<string, number> | undefined;
  /** Scalars read from tensors without any plugin metadata. */
  untyped: number;
  next: TagEntry | undefined;
}

const utf8 = new TextDecoder('utf-8');

/** Tags by their bytes: a run logs a few tags millions of times, so each is decoded once. */
export class TagTable {
  private readonly buckets = new Map<number, TagEntry>();
  readonly entries: TagEntry[] = [];

  /** `makeSeries` gives the accumulator of a tag, when its first scalar is committed. */
  constructor(readonly makeSeries: (tag: string) => SeriesAccumulator) {}

  lookup(bytes: Uint8Array, start: number, end: number): TagEntry {
    // A cheap hash (length, first and last four bytes); the bytes are compared in full.
    const length = end - start;
    let h = length;
    if (length >= 4) {
      const first =
        bytes[start]! | (bytes[start + 1]! << 8) | (bytes[start + 2]! << 16) | (bytes[start + 3]! << 24);
      const last =
        bytes[end - 4]! | (bytes[end - 3]! << 8) | (bytes[end - 2]! << 16) | (bytes[end - 1]! << 24);
      h = Math.imul(h ^ first, 0x9e3779b1) ^ last;
    } else {
      for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    }
    const entries = this.entries;
    if (entries.length <= 16) {
      // Most runs log a few tags: a scan beats the map.
      for (let k = 0; k < entries.length; k++) {
        const e = entries[k]!;
        if (e.hash === h && sameBytes(e.bytes, bytes, start, end)) return e;
      }
    } else {
      for (let e = this.buckets.get(h); e !== undefined; e = e.next) {
        if (sameBytes(e.bytes, bytes, start, end)) return e;
      }
    }
    const copy = bytes.slice(start, end);
    const entry: TagEntry = {
      bytes: copy,
      hash: h,
      tag: utf8.decode(copy),
      plugin: undefined,
      series: undefined,
      skipped: undefined,
      untyped: 0,
      next: this.buckets.get(h),
    };
    this.buckets.set(h, entry);
    entries.push(entry);
    return entry;
  }
}

function sameBytes(known: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== bytes[start + i]) return false;
  return true;
}

const NO_TAG = new Uint8Array(0);

/** Reason a value is not a scalar; `undefined` in the scratch list means it is one. */
type SkipReason = string | undefined;

export class EventDecoder {
  private readonly r = new ProtoReader();
  wallTime = 0;
  step = 0;
  kind: EventKind = EventKind.Empty;
  fileVersion: string | undefined;

  /** The values of the last decoded Summary. */
  count = 0;
  private slotEntry: TagEntry[] = [];
  private slotValue = new Float64Array(16);
  private slotSkip: SkipReason[] = [];
  private slotPlugin: (string | undefined)[] = [];
  private slotUntyped: boolean[] = [];

  /** Set by `tensorScalar` when a tensor is not a float scalar. */
  private tensorProblem: string | undefined;

  constructor(
    private readonly tags: TagTable,
    /** Try the layout of a one-scalar event first (tests turn it off to compare). */
    private readonly fastPath = true,
  ) {}

  /** Decodes one Event; throws ProtoError when the bytes are not one. */
  decode(bytes: Uint8Array, start: number, end: number): EventKind {
    if (this.fastPath && this.oneScalar(bytes, start, end)) return EventKind.Summary;
    const r = this.r;
    r.reset(bytes, start, end);
    this.wallTime = 0;
    this.step = 0;
    this.kind = EventKind.Empty;
    this.fileVersion = undefined;
    this.count = 0;
    while (r.pos < r.end) {
      const key = r.key();
      const wire = key & 7;
      switch (key >>> 3) {
        case 1:
          r.expect(wire, WIRE_FIXED64, 'Event.wall_time');
          this.wallTime = r.float64();
          break;
        case 2:
          r.expect(wire, WIRE_VARINT, 'Event.step');
          this.step = r.int64();
          break;
        case 3: {
          r.expect(wire, WIRE_LENGTH, 'Event.file_version');
          const stop = r.lengthEnd();
          this.fileVersion = utf8.decode(bytes.subarray(r.pos, stop));
          r.pos = stop;
          this.kind = EventKind.FileVersion;
          break;
        }
        case 5: {
          r.expect(wire, WIRE_LENGTH, 'Event.summary');
          this.kind = EventKind.Summary;
          const outer = r.enter();
          this.summary();
          r.leave(outer);
          break;
        }
        case 4:
        case 6:
        case 7:
        case 8:
        case 9:
          r.expect(wire, WIRE_LENGTH, 'Event.what');
          r.skip(wire);
          this.kind = WHAT_KINDS[key >>> 3]!;
          break;
        default:
          r.skip(wire);
      }
    }
    return this.kind;
  }

  /** Adds the last Summary's scalars to their series, and counts the values that are not scalars. */
  commit(step: number, wallTime: number | undefined): void {
    for (let i = 0; i < this.count; i++) {
      const entry = this.slotEntry[i]!;
      const plugin = this.slotPlugin[i];
      if (plugin !== undefined && entry.plugin === undefined) entry.plugin = plugin;
      const skip = this.slotSkip[i];
      if (skip === undefined) {
        if (this.slotUntyped[i]) entry.untyped++;
        (entry.series ??= this.tags.makeSeries(entry.tag)).add(step, this.slotValue[i]!, wallTime);
      } else {
        const skipped = (entry.skipped ??= new Map());
        skipped.set(skip, (skipped.get(skip) ?? 0) + 1);
      }
    }
  }

  /**
   * The fast path, for the layout every writer gives an event holding one scalar: wall_time, step
   * and a summary of one value, fields in order, lengths under 128; the value a `simple_value`, or
   * a float tensor of a tag already known to be in the `scalars` plugin (`tensor_content` or a
   * packed float_val/double_val, shape `[]`). Returns false at the first byte that differs, and the
   * general decoder then reads the record (tests check that both agree).
   */
  private oneScalar(b: Uint8Array, start: number, end: number): boolean {
    let p = start;
    if (end - p < 17 || b[p] !== 0x09) return false;
    const wallTime = readFloat64(b, p + 1);
    p += 9;
    let step = 0;
    if (b[p] === 0x10) {
      p++;
      for (let shift = 0; ; shift += 7) {
        if (shift > 21 || p >= end) return false;
        const x = b[p++]!;
        step |= (x & 0x7f) << shift;
        if (x < 0x80) break;
      }
    }
    // Summary (field 5), the record's last field, holding one Value (field 1).
    if (end - p < 4 || b[p] !== 0x2a || b[p + 1]! >= 0x80 || p + 2 + b[p + 1]! !== end) return false;
    if (b[p + 2] !== 0x0a || b[p + 3]! >= 0x80 || p + 4 + b[p + 3]! !== end) return false;
    p += 4;
    // Value.tag (field 1).
    if (end - p < 2 || b[p] !== 0x0a || b[p + 1]! >= 0x80) return false;
    const tagStart = p + 2;
    const tagEnd = tagStart + b[p + 1]!;
    if (end - tagEnd < 5) return false;
    p = tagEnd;
    let value: number;
    let entry: TagEntry;
    if (b[p] === 0x15 && end - p === 5) {
      value = readFloat32(b, p + 1);
      entry = this.tags.lookup(b, tagStart, tagEnd);
    } else if (b[p] === 0x42 && b[p + 1]! < 0x80 && p + 2 + b[p + 1]! === end) {
      // Value.tensor (field 8): dtype, optional empty shape, one float field.
      p += 2;
      if (end - p < 4 || b[p] !== 0x08) return false;
      const dtype = b[p + 1]!;
      p += 2;
      if (b[p] === 0x12 && b[p + 1] === 0x00) p += 2;
      if (end - p < 2 || b[p + 1]! >= 0x80 || p + 2 + b[p + 1]! !== end) return false;
      const field = b[p]!;
      const size = b[p + 1]!;
      p += 2;
      if (dtype === DT_FLOAT && size === 4 && (field === 0x22 || field === 0x2a)) value = readFloat32(b, p);
      else if (dtype === DT_DOUBLE && size === 8 && (field === 0x22 || field === 0x32))
        value = readFloat64(b, p);
      else if (dtype === DT_HALF && size === 2 && field === 0x22)
        value = halfToNumber(b[p]! | (b[p + 1]! << 8));
      else return false;
      entry = this.tags.lookup(b, tagStart, tagEnd);
      if (entry.plugin !== 'scalars') return false;
    } else {
      return false;
    }
    this.wallTime = wallTime;
    this.step = step;
    this.kind = EventKind.Summary;
    this.fileVersion = undefined;
    this.count = 1;
    this.slotEntry[0] = entry;
    this.slotValue[0] = value;
    this.slotSkip[0] = undefined;
    this.slotPlugin[0] = undefined;
    this.slotUntyped[0] = false;
    return true;
  }

  private summary(): void {
    const r = this.r;
    while (r.pos < r.end) {
      const key = r.key();
      const wire = key & 7;
      if (key >>> 3 === 1) {
        r.expect(wire, WIRE_LENGTH, 'Summary.value');
        const outer = r.enter();
        this.value();
        r.leave(outer);
      } else {
        r.skip(wire);
      }
    }
  }

  private value(): void {
    const r = this.r;
    const bytes = r.bytes;
    let tagStart = -1;
    let tagEnd = -1;
    let plugin: string | undefined;
    // 0: none, 1: simple_value, 2: tensor, 3: something that is not a scalar (named in `other`).
    let kind = 0;
    let simple = 0;
    let tensorStart = 0;
    let tensorEnd = 0;
    let other = '';
    while (r.pos < r.end) {
      const key = r.key();
      const wire = key & 7;
      switch (key >>> 3) {
        case 1:
          r.expect(wire, WIRE_LENGTH, 'Value.tag');
          tagEnd = r.lengthEnd();
          tagStart = r.pos;
          r.pos = tagEnd;
          break;
        case 2:
          r.expect(wire, WIRE_FIXED32, 'Value.simple_value');
          simple = r.float32();
          kind = 1;
          break;
        case 8:
          r.expect(wire, WIRE_LENGTH, 'Value.tensor');
          tensorEnd = r.lengthEnd();
          tensorStart = r.pos;
          r.pos = tensorEnd;
          kind = 2;
          break;
        case 9: {
          r.expect(wire, WIRE_LENGTH, 'Value.metadata');
          const outer = r.enter();
          plugin = this.metadata();
          r.leave(outer);
          break;
        }
        case 3:
        case 4:
        case 5:
        case 6:
          r.expect(wire, WIRE_LENGTH, 'Value.value');
          r.skip(wire);
          kind = 3;
          other = VALUE_KINDS[key >>> 3]!;
          break;
        default:
          r.skip(wire);
      }
    }
    const entry = tagStart < 0 ? this.tags.lookup(NO_TAG, 0, 0) : this.tags.lookup(bytes, tagStart, tagEnd);
    const known = plugin ?? entry.plugin;
    let skip: SkipReason;
    let value = 0;
    let untyped = false;
    if (kind === 1) {
      value = simple;
    } else if (kind === 2) {
      if (known === undefined || known === '' || known === 'scalars') {
        value = this.tensorScalar(tensorStart, tensorEnd);
        if (this.tensorProblem !== undefined) {
          skip = known === 'scalars' ? `scalars plugin, but ${this.tensorProblem}` : this.tensorProblem;
        } else if (known !== 'scalars') {
          untyped = true;
        }
      } else {
        skip = `${known} plugin`;
      }
    } else if (kind === 3) {
      skip = other;
    } else {
      skip = known !== undefined && known !== '' ? `${known} plugin` : 'no value';
    }
    const i = this.count++;
    if (i === this.slotValue.length) {
      const grown = new Float64Array(i * 2);
      grown.set(this.slotValue);
      this.slotValue = grown;
    }
    this.slotEntry[i] = entry;
    this.slotValue[i] = value;
    this.slotSkip[i] = skip;
    this.slotPlugin[i] = plugin;
    this.slotUntyped[i] = untyped;
  }

  /** SummaryMetadata: returns plugin_data.plugin_name, if any. */
  private metadata(): string | undefined {
    const r = this.r;
    let name: string | undefined;
    while (r.pos < r.end) {
      const key = r.key();
      const wire = key & 7;
      if (key >>> 3 === 1) {
        r.expect(wire, WIRE_LENGTH, 'SummaryMetadata.plugin_data');
        const outer = r.enter();
        while (r.pos < r.end) {
          const k = r.key();
          const w = k & 7;
          if (k >>> 3 === 1) {
            r.expect(w, WIRE_LENGTH, 'PluginData.plugin_name');
            const stop = r.lengthEnd();
            name = utf8.decode(r.bytes.subarray(r.pos, stop));
            r.pos = stop;
          } else {
            r.skip(w);
          }
        }
        r.leave(outer);
      } else {
        r.skip(wire);
      }
    }
    return name;
  }

  /**
   * A TensorProto holding one float: its value, or 0 with `tensorProblem` set. As TensorFlow's
   * `make_ndarray`, a tensor with no values at all is zeros, and `tensor_content` (raw
   * little-endian bytes) wins over the typed `*_val` lists.
   */
  private tensorScalar(start: number, end: number): number {
    const r = this.r;
    const outerEnd = r.end;
    const outerPos = r.pos;
    r.pos = start;
    r.end = end;
    this.tensorProblem = undefined;
    let dtype = 0;
    let elements = 1;
    let contentStart = -1;
    let contentEnd = -1;
    let floatCount = 0;
    let doubleCount = 0;
    let halfCount = 0;
    let firstFloat = 0;
    let firstDouble = 0;
    let firstHalf = 0;
    while (r.pos < r.end) {
      const key = r.key();
      const wire = key & 7;
      switch (key >>> 3) {
        case 1:
          r.expect(wire, WIRE_VARINT, 'TensorProto.dtype');
          dtype = r.int64();
          break;
        case 2: {
          r.expect(wire, WIRE_LENGTH, 'TensorProto.tensor_shape');
          const outer = r.enter();
          elements = this.shapeElements();
          r.leave(outer);
          break;
        }
        case 4:
          r.expect(wire, WIRE_LENGTH, 'TensorProto.tensor_content');
          contentEnd = r.lengthEnd();
          contentStart = r.pos;
          r.pos = contentEnd;
          break;
        case 5:
          if (wire === WIRE_LENGTH) {
            const stop = r.lengthEnd();
            const n = (stop - r.pos) >>> 2;
            if (n * 4 !== stop - r.pos)
              throw new ProtoError('packed float_val is not a multiple of 4 bytes', r.pos);
            if (floatCount === 0 && n > 0) firstFloat = r.float32();
            floatCount += n;
            r.pos = stop;
          } else {
            r.expect(wire, WIRE_FIXED32, 'TensorProto.float_val');
            const v = r.float32();
            if (floatCount++ === 0) firstFloat = v;
          }
          break;
        case 6:
          if (wire === WIRE_LENGTH) {
            const stop = r.lengthEnd();
            const n = (stop - r.pos) >>> 3;
            if (n * 8 !== stop - r.pos)
              throw new ProtoError('packed double_val is not a multiple of 8 bytes', r.pos);
            if (doubleCount === 0 && n > 0) firstDouble = r.float64();
            doubleCount += n;
            r.pos = stop;
          } else {
            r.expect(wire, WIRE_FIXED64, 'TensorProto.double_val');
            const v = r.float64();
            if (doubleCount++ === 0) firstDouble = v;
          }
          break;
        case 13:
          if (wire === WIRE_LENGTH) {
            const outer = r.enter();
            while (r.pos < r.end) {
              const v = r.int64();
              if (halfCount++ === 0) firstHalf = v;
            }
            r.leave(outer);
          } else {
            r.expect(wire, WIRE_VARINT, 'TensorProto.half_val');
            const v = r.int64();
            if (halfCount++ === 0) firstHalf = v;
          }
          break;
        default:
          r.skip(wire);
      }
    }
    r.pos = outerPos;
    r.end = outerEnd;

    let size: number;
    if (dtype === DT_FLOAT) size = 4;
    else if (dtype === DT_DOUBLE) size = 8;
    else if (dtype === DT_HALF || dtype === DT_BFLOAT16) size = 2;
    else {
      this.tensorProblem = `a tensor of dtype ${DTYPE_NAMES[dtype] ?? dtype}, not a float`;
      return 0;
    }
    if (elements !== 1) {
      this.tensorProblem = Number.isNaN(elements)
        ? 'a tensor of unknown shape, not a scalar'
        : `a tensor of ${elements} elements, not a scalar`;
      return 0;
    }
    if (contentStart >= 0) {
      if (contentEnd - contentStart !== size) {
        this.tensorProblem = `tensor_content of ${contentEnd - contentStart} bytes for one ${DTYPE_NAMES[dtype]}`;
        return 0;
      }
      r.pos = contentStart;
      let value: number;
      if (size === 4) value = r.float32();
      else if (size === 8) value = r.float64();
      else {
        const bits = r.bytes[contentStart]! | (r.bytes[contentStart + 1]! << 8);
        value = dtype === DT_HALF ? halfToNumber(bits) : bfloat16ToNumber(bits);
      }
      r.pos = outerPos;
      return value;
    }
    if (dtype === DT_FLOAT) return floatCount > 0 ? firstFloat : 0;
    if (dtype === DT_DOUBLE) return doubleCount > 0 ? firstDouble : 0;
    if (halfCount === 0) return 0;
    return dtype === DT_HALF ? halfToNumber(firstHalf & 0xffff) : bfloat16ToNumber(firstHalf & 0xffff);
  }

  /** TensorShapeProto: the number of elements (1 for a scalar). */
  private shapeElements(): number {
    const r = this.r;
    let elements = 1;
    while (r.pos < r.end) {
      const key = r.key();
      const wire = key & 7;
      if (key >>> 3 === 2) {
        r.expect(wire, WIRE_LENGTH, 'TensorShapeProto.dim');
        const outer = r.enter();
        let size = 0;
        while (r.pos < r.end) {
          const k = r.key();
          const w = k & 7;
          if (k >>> 3 === 1) {
            r.expect(w, WIRE_VARINT, 'Dim.size');
            size = r.int64();
          } else {
            r.skip(w);
          }
        }
        r.leave(outer);
        elements = size < 0 ? NaN : elements * size;
      } else {
        r.skip(wire);
      }
    }
    return elements;
  }
}

const WHAT_KINDS: Record<number, EventKind> = {
  4: EventKind.Graph,
  6: EventKind.LogMessage,
  7: EventKind.SessionLog,
  8: EventKind.RunMetadata,
  9: EventKind.MetaGraph,
};

const VALUE_KINDS: Record<number, string> = {
  3: 'histogram',
  4: 'image',
  5: 'histogram',
  6: 'audio',
};
