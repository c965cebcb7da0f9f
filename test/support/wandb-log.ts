/**
 * An ENCODER of W&B run logs (`run-<id>.wandb`), for tests and the benchmark: the Record fields of
 * wandb/proto/wandb_internal.proto, framed as wandb/sdk/internal/datastore.py's _write_data frames
 * them (7-byte header, 32 KiB blocks, FULL / FIRST / MIDDLE / LAST chunks with their CRC-32).
 * `RowWriter` writes the same bytes as `row` by hand, fast enough for a log of 50 MB.
 */
import { BLOCK_BYTES, chunkChecksum } from '../../packages/core/src/readers/wandb/log.js';
import { ProtoWriter } from './tfevents-writer.js';

export type Item = { key?: string; nested?: string[]; json: string };

const item = (w: ProtoWriter, it: Item) => {
  if (it.key !== undefined) w.string(1, it.key);
  for (const n of it.nested ?? []) w.string(2, n);
  w.string(16, it.json);
};

/** A HistoryRecord: `values` are value_json texts; `_step` etc. are passed like any key. */
export function history(values: Record<string, string> | Item[], step?: number): Uint8Array {
  const items = Array.isArray(values) ? values : Object.entries(values).map(([key, json]) => ({ key, json }));
  return new ProtoWriter()
    .message(2, (h) => {
      for (const it of items) h.message(1, (w) => item(w, it));
      if (step !== undefined) h.message(2, (s) => s.key(1, 0).varint(step));
    })
    .finish();
}

/** A history row as W&B's clients write it: the values, then _timestamp, _runtime and _step. */
export function row(step: number, values: Record<string, string>): Uint8Array {
  return history(
    { ...values, _timestamp: String(1700000000 + step), _runtime: String(step * 2), _step: String(step) },
    step,
  );
}

export function items(field: number, updates: Item[], removes: Item[] = []): Uint8Array {
  return new ProtoWriter()
    .message(field, (m) => {
      for (const u of updates) m.message(1, (w) => item(w, u));
      for (const r of removes) m.message(2, (w) => item(w, r));
    })
    .finish();
}

export const summary = (updates: Item[], removes: Item[] = []) => items(3, updates, removes);
export const config = (updates: Item[], removes: Item[] = []) => items(5, updates, removes);

export function exit(code: number, runtime = 60): Uint8Array {
  return new ProtoWriter().message(18, (e) => e.key(1, 0).varint(code).key(2, 0).varint(runtime)).finish();
}

export function run(id: string, project: string, name: string): Uint8Array {
  return new ProtoWriter()
    .message(17, (r) =>
      r
        .string(1, id)
        .string(3, project)
        .message(4, (c) => c.message(1, (w) => item(w, { key: '_wandb', json: '{}' })))
        .string(8, name)
        .message(17, (t) => t.key(1, 0).varint(1700000000)),
    )
    .finish();
}

export function output(line: string): Uint8Array {
  return new ProtoWriter().message(13, (o) => o.key(1, 0).varint(1).string(3, line)).finish();
}

export interface Framed {
  bytes: Uint8Array;
  /** Per record: the offset of its first chunk, and the types of its chunks. */
  records: Array<{ offset: number; types: number[] }>;
}

/** Frames records as datastore.py does: FULL when it fits the block, else FIRST, MIDDLE..., LAST. */
export class Framer {
  private out: Uint8Array;
  private pos = 7;
  private readonly header = new Uint8Array(7);
  private readonly view = new DataView(this.header.buffer);
  readonly records: Framed['records'] = [];

  constructor(version = 0, capacity = 64 * 1024) {
    this.out = new Uint8Array(capacity);
    this.out.set([0x3a, 0x57, 0x26, 0x42, 0xe1, 0xbe, version]);
  }

  private put(bytes: Uint8Array): void {
    if (this.pos + bytes.length > this.out.length) {
      const bigger = new Uint8Array(Math.max(this.out.length * 2, this.pos + bytes.length));
      bigger.set(this.out.subarray(0, this.pos));
      this.out = bigger;
    }
    this.out.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  private chunk(type: number, data: Uint8Array): void {
    this.view.setUint32(0, chunkChecksum(type, data), true);
    this.view.setUint16(4, data.length, true);
    this.header[6] = type;
    this.put(this.header);
    this.put(data);
  }

  add(data: Uint8Array): void {
    let left = BLOCK_BYTES - (this.pos % BLOCK_BYTES);
    if (left < 7) {
      this.put(new Uint8Array(left));
      left = BLOCK_BYTES;
    }
    const entry = { offset: this.pos, types: [] as number[] };
    this.records.push(entry);
    if (data.length + 7 <= left) {
      this.chunk(1, data);
      entry.types.push(1);
      return;
    }
    let used = left - 7;
    this.chunk(2, data.subarray(0, used));
    entry.types.push(2);
    while (data.length - used > BLOCK_BYTES - 7) {
      this.chunk(3, data.subarray(used, used + BLOCK_BYTES - 7));
      entry.types.push(3);
      used += BLOCK_BYTES - 7;
    }
    this.chunk(4, data.subarray(used));
    entry.types.push(4);
  }

  get size(): number {
    return this.pos;
  }

  finish(): Framed {
    return { bytes: this.out.subarray(0, this.pos), records: this.records };
  }
}

export function frame(records: readonly Uint8Array[], version = 0): Framed {
  const framer = new Framer(version);
  for (const data of records) framer.add(data);
  return framer.finish();
}

export const log = (records: readonly Uint8Array[], version = 0) => frame(records, version).bytes;

/**
 * The same bytes as `row`, written by hand into one buffer (keys encoded once, values are ASCII):
 * the ProtoWriter (BigInt varints, a buffer per message) takes seconds for the 300,000 rows of the
 * large log.
 */
export class RowWriter {
  private readonly keys = new Map<string, Uint8Array>();
  private readonly body = new Uint8Array(1024);
  private readonly out = new Uint8Array(1024);

  /** `key` as HistoryItem field 1: tag, length, UTF-8 bytes (keys here are under 128 bytes). */
  private keyField(key: string): Uint8Array {
    let bytes = this.keys.get(key);
    if (bytes === undefined) {
      const text = new TextEncoder().encode(key);
      bytes = Uint8Array.of(0x0a, text.length, ...text);
      this.keys.set(key, bytes);
    }
    return bytes;
  }

  /** The row's bytes, valid until the next call. */
  row(step: number, values: Record<string, string>): Uint8Array {
    const body = this.body;
    let b = 0;
    const item = (key: string, json: string) => {
      const k = this.keyField(key);
      body[b++] = 0x0a; // HistoryRecord.item
      body[b++] = k.length + 3 + json.length;
      body.set(k, b);
      b += k.length;
      body[b++] = 0x82; // HistoryItem.value_json: field 16, length-delimited
      body[b++] = 0x01;
      body[b++] = json.length;
      for (let i = 0; i < json.length; i++) body[b++] = json.charCodeAt(i);
    };
    for (const key in values) item(key, values[key]!);
    item('_timestamp', String(1700000000 + step));
    item('_runtime', String(step * 2));
    item('_step', String(step));
    const num = varint(step);
    body[b++] = 0x12; // HistoryRecord.step
    body[b++] = num.length + 1;
    body[b++] = 0x08; // HistoryStep.num
    body.set(num, b);
    b += num.length;
    const length = varint(b);
    const out = this.out;
    out[0] = 0x12; // Record.history
    out.set(length, 1);
    out.set(body.subarray(0, b), 1 + length.length);
    return out.subarray(0, 1 + length.length + b);
  }
}

function varint(n: number): Uint8Array {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return Uint8Array.from(out);
}
