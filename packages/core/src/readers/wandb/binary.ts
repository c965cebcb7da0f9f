/**
 * W&B's binary run log (`run-<id>.wandb`): the framing in log.ts, whose records are protobuf
 * `Record` messages (wandb/proto/wandb_internal.proto). Field numbers used here:
 *
 *     Record        history = 2, summary = 3, output = 4, config = 5, files = 6, stats = 7,
 *                   telemetry = 11, output_raw = 13, run = 17, exit = 18 (one oneof)
 *     HistoryRecord item = 1 (HistoryItem), step = 2 (HistoryStep: num = 1)
 *     HistoryItem, SummaryItem, ConfigItem
 *                   key = 1, nested_key = 2 (repeated), value_json = 16
 *     SummaryRecord, ConfigRecord
 *                   update = 1, remove = 2
 *     RunExitRecord exit_code = 1, runtime = 2
 *     RunRecord     run_id = 1, entity = 2, project = 3, config = 4, summary = 5, run_group = 6,
 *                   display_name = 8, start_time = 17 (Timestamp: seconds = 1, nanos = 2)
 *     TelemetryRecord cli_version = 5
 *
 * History rows become curves (history.ts). Summary and config records are replayed in order
 * (updates, then removes, record by record) into the run's final summary and config, which the
 * caller reads like wandb-summary.json and config.yaml. Everything else (console output, system
 * metrics, files, artifacts) is counted in a note.
 *
 * The file is read one 32 KiB block at a time into one buffer, synchronously: a block is the
 * format's own unit, so a chunk header never straddles two reads, and a thread-pool round trip per
 * block cost more than the read (with 1 MiB reads, double-buffered, the speed was the same). Memory
 * holds that block, the record being assembled (log.ts) and the curves, never the file.
 */
import { closeSync, readSync } from 'node:fs';
import { MAX_DOCUMENT_KEYS, type DocBuilder } from '../../doc-builder.js';
import { MlciError, ParseError } from '../../errors.js';
import { parseJsonText } from '../../json-text.js';
import { openRegular } from '../files.js';
import { TagTable, type TagEntry } from '../tensorboard/events.js';
import { ProtoError, ProtoReader, WIRE_LENGTH, WIRE_VARINT } from '../tensorboard/protobuf.js';
import { HistoryTable, Role, type HistoryKey } from './history.js';
import { BLOCK_BYTES, FILE_HEADER_BYTES, LogHeaderError, LogParser, type LogSink } from './log.js';

const Field = {
  History: 2,
  Summary: 3,
  Output: 4,
  Config: 5,
  Files: 6,
  Stats: 7,
  Artifact: 8,
  TbRecord: 9,
  Alert: 10,
  Telemetry: 11,
  Metric: 12,
  OutputRaw: 13,
  Run: 17,
  Exit: 18,
  Final: 20,
  Header: 21,
  Footer: 22,
  Preempting: 23,
  LinkArtifact: 24,
  UseArtifact: 25,
  Request: 100,
} as const;

/** What the records this reader does not read are, for the note that counts them. */
const OTHER_KINDS: Record<number, string> = {
  [Field.Output]: 'console output',
  [Field.OutputRaw]: 'console output',
  [Field.Stats]: 'system metrics',
  [Field.Files]: 'file list',
  [Field.Artifact]: 'artifact',
  [Field.LinkArtifact]: 'artifact',
  [Field.UseArtifact]: 'artifact',
  [Field.TbRecord]: 'TensorBoard sync',
  [Field.Alert]: 'alert',
  [Field.Metric]: 'define_metric',
  [Field.Preempting]: 'preemption',
  [Field.Request]: 'request',
};
/** Records that only frame the run: not worth a word. */
const SILENT_KINDS = new Set<number>([0, Field.Telemetry, Field.Final, Field.Header, Field.Footer]);

/** A summary or config being replayed: nested objects without prototypes (keys are user data). */
export type Tree = Record<string, unknown>;

export interface RunInfo {
  id?: string;
  entity?: string;
  project?: string;
  group?: string;
  name?: string;
  /** Seconds since the Unix epoch. */
  startTime?: number;
}

/** What a log held besides its history, which went into the builder. */
export interface RunLog {
  /** The header's format version. */
  version: number | undefined;
  records: number;
  history: HistoryTable;
  /** The final summary, when the log held summary records (or a run record with one). */
  summary: Tree | undefined;
  /** The final config, when the log held config records (or a run record with one). */
  config: Tree | undefined;
  /** From the exit record; undefined when the log has none. */
  exitCode: number | undefined;
  run: RunInfo;
  cliVersion: string | undefined;
  /** Damage stopped reading (a warning says where). */
  damaged: boolean;
}

const utf8 = new TextDecoder('utf-8');

/** Item lists (SummaryRecord, ConfigRecord): updates and removes by key path, in order. */
interface ItemChange {
  path: string[];
  /** undefined for a remove. */
  json: string | undefined;
}

/**
 * Decodes Record messages. History rows are decoded into scratch arrays and committed only once
 * the whole record decoded, so a damaged record adds nothing.
 */
class RecordDecoder {
  private readonly r = new ProtoReader();
  private readonly tags: TagTable;
  private readonly tagKeys = new Map<TagEntry, HistoryKey>();
  // The current history row's items.
  private itemKeys: HistoryKey[] = [];
  private valueStart = new Int32Array(64);
  private valueEnd = new Int32Array(64);
  private itemCount = 0;
  private recordStep: number | undefined;
  private readonly nested: string[] = [];
  private readonly values = new ValueReader();

  constructor(private readonly table: HistoryTable) {
    // Only the interning of key bytes is used: curves are made by the HistoryTable.
    this.tags = new TagTable(() => {
      throw new Error('W&B history keys get their curves from the HistoryTable');
    });
  }

  /** The oneof field of a Record and its range: [field, start, end]; field 0 for none. */
  kind(bytes: Uint8Array, start: number, end: number): [number, number, number] {
    const r = this.r;
    r.reset(bytes, start, end);
    let field = 0;
    let bodyStart = 0;
    let bodyEnd = 0;
    while (r.pos < r.end) {
      const key = r.key();
      const f = key >>> 3;
      const wire = key & 7;
      if (wire === WIRE_LENGTH && f !== 16 && f !== 19 && f !== 200) {
        const stop = r.lengthEnd();
        // proto3: of a oneof's fields the last one read wins.
        field = f;
        bodyStart = r.pos;
        bodyEnd = stop;
        r.pos = stop;
      } else {
        r.skip(wire);
      }
    }
    return [field, bodyStart, bodyEnd];
  }

  /** A HistoryRecord: decodes every item, then commits the row. */
  history(bytes: Uint8Array, start: number, end: number): void {
    const r = this.r;
    r.reset(bytes, start, end);
    this.itemCount = 0;
    this.recordStep = undefined;
    while (r.pos < r.end) {
      const key = r.key();
      const f = key >>> 3;
      const wire = key & 7;
      if (f === 1) {
        r.expect(wire, WIRE_LENGTH, 'HistoryRecord.item');
        const outer = r.enter();
        this.item(bytes);
        r.leave(outer);
      } else if (f === 2) {
        r.expect(wire, WIRE_LENGTH, 'HistoryRecord.step');
        const outer = r.enter();
        let num = 0;
        while (r.pos < r.end) {
          const k = r.key();
          if (k >>> 3 === 1) {
            r.expect(k & 7, WIRE_VARINT, 'HistoryStep.num');
            num = r.int64();
          } else {
            r.skip(k & 7);
          }
        }
        r.leave(outer);
        this.recordStep = num;
      } else {
        r.skip(wire);
      }
    }
    this.commit(bytes);
  }

  private item(bytes: Uint8Array): void {
    const r = this.r;
    let keyStart = -1;
    let keyEnd = -1;
    let valueStart = -1;
    let valueEnd = -1;
    this.nested.length = 0;
    while (r.pos < r.end) {
      const k = r.key();
      const f = k >>> 3;
      const wire = k & 7;
      if (f === 1 || f === 2 || f === 16) {
        r.expect(
          wire,
          WIRE_LENGTH,
          f === 1 ? 'HistoryItem.key' : f === 2 ? 'HistoryItem.nested_key' : 'HistoryItem.value_json',
        );
        const stop = r.lengthEnd();
        if (f === 1) {
          keyStart = r.pos;
          keyEnd = stop;
        } else if (f === 16) {
          valueStart = r.pos;
          valueEnd = stop;
        } else {
          this.nested.push(utf8.decode(bytes.subarray(r.pos, stop)));
        }
        r.pos = stop;
      } else {
        r.skip(wire);
      }
    }
    let entry: HistoryKey;
    if (this.nested.length > 0) {
      entry = this.table.keyForPath(this.nested);
    } else {
      if (keyStart < 0) {
        keyStart = 0;
        keyEnd = 0;
      }
      const tag = this.tags.lookup(bytes, keyStart, keyEnd);
      let known = this.tagKeys.get(tag);
      if (known === undefined) {
        known = this.table.keyFor(tag.tag);
        this.tagKeys.set(tag, known);
      }
      entry = known;
    }
    const n = this.itemCount++;
    if (n === this.valueStart.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.valueStart = grow(this.valueStart);
      this.valueEnd = grow(this.valueEnd);
    }
    this.itemKeys[n] = entry;
    // An item without value_json holds "" (proto3's default): not JSON, skipped as such.
    this.valueStart[n] = valueStart < 0 ? 0 : valueStart;
    this.valueEnd[n] = valueStart < 0 ? 0 : valueEnd;
  }

  private commit(bytes: Uint8Array): void {
    const table = this.table;
    let step: unknown;
    let timestamp: unknown;
    let runtime: unknown;
    for (let i = 0; i < this.itemCount; i++) {
      const role = this.itemKeys[i]!.role;
      if (role === Role.Value || role === Role.Internal) continue;
      const value = this.values.parse(bytes, this.valueStart[i]!, this.valueEnd[i]!);
      if (role === Role.Step) step = value;
      else if (role === Role.Timestamp) timestamp = value;
      else runtime = value;
    }
    table.row(step, this.recordStep, timestamp, runtime);
    for (let i = 0; i < this.itemCount; i++) {
      const entry = this.itemKeys[i]!;
      if (entry.role !== Role.Value) continue;
      const start = this.valueStart[i]!;
      const end = this.valueEnd[i]!;
      const n = this.values.number(bytes, start, end);
      if (n !== undefined) {
        table.number(entry, n);
        continue;
      }
      const value = this.values.parse(bytes, start, end);
      if (value === UNREADABLE) table.unreadable(entry);
      else table.value(entry, value);
    }
  }

  /** SummaryRecord / ConfigRecord: updates (field 1) and removes (field 2), in order. */
  items(bytes: Uint8Array, start: number, end: number, name: string): ItemChange[] {
    const r = this.r;
    r.reset(bytes, start, end);
    const changes: ItemChange[] = [];
    while (r.pos < r.end) {
      const key = r.key();
      const f = key >>> 3;
      if (f === 1 || f === 2) {
        r.expect(key & 7, WIRE_LENGTH, `${name}.${f === 1 ? 'update' : 'remove'}`);
        const outer = r.enter();
        const change = this.change(bytes);
        if (f === 2) change.json = undefined;
        changes.push(change);
        r.leave(outer);
      } else {
        r.skip(key & 7);
      }
    }
    return changes;
  }

  private change(bytes: Uint8Array): ItemChange {
    const r = this.r;
    let key: string | undefined;
    const nested: string[] = [];
    let json = '';
    while (r.pos < r.end) {
      const k = r.key();
      const f = k >>> 3;
      if (f === 1 || f === 2 || f === 16) {
        r.expect(k & 7, WIRE_LENGTH, f === 1 ? 'key' : f === 2 ? 'nested_key' : 'value_json');
        const stop = r.lengthEnd();
        const text = utf8.decode(bytes.subarray(r.pos, stop));
        if (f === 1) key = text;
        else if (f === 2) nested.push(text);
        else json = text;
        r.pos = stop;
      } else {
        r.skip(k & 7);
      }
    }
    return { path: nested.length > 0 ? nested : [key ?? ''], json };
  }

  /** RunExitRecord.exit_code (0 when absent, as proto3 omits zero). */
  exit(bytes: Uint8Array, start: number, end: number): number {
    const r = this.r;
    r.reset(bytes, start, end);
    let code = 0;
    while (r.pos < r.end) {
      const key = r.key();
      if (key >>> 3 === 1) {
        r.expect(key & 7, WIRE_VARINT, 'RunExitRecord.exit_code');
        // int32: a negative code is a 10-byte varint, read as int64 and cut to 32 bits.
        code = r.int64() | 0;
      } else {
        r.skip(key & 7);
      }
    }
    return code;
  }

  /** RunRecord: what names the run, and the ranges of its config and summary. */
  run(
    bytes: Uint8Array,
    start: number,
    end: number,
    info: RunInfo,
  ): { config?: [number, number]; summary?: [number, number] } {
    const r = this.r;
    r.reset(bytes, start, end);
    const out: { config?: [number, number]; summary?: [number, number] } = {};
    const text = (stop: number) => utf8.decode(bytes.subarray(r.pos, stop));
    while (r.pos < r.end) {
      const key = r.key();
      const f = key >>> 3;
      const wire = key & 7;
      if (wire !== WIRE_LENGTH || ![1, 2, 3, 4, 5, 6, 8, 17].includes(f)) {
        r.skip(wire);
        continue;
      }
      const stop = r.lengthEnd();
      if (f === 1) info.id = text(stop);
      else if (f === 2) info.entity = text(stop);
      else if (f === 3) info.project = text(stop);
      else if (f === 4) out.config = [r.pos, stop];
      else if (f === 5) out.summary = [r.pos, stop];
      else if (f === 6) info.group = text(stop);
      else if (f === 8) info.name = text(stop);
      else {
        const outer = r.end;
        r.end = stop;
        let seconds = 0;
        let nanos = 0;
        while (r.pos < r.end) {
          const k = r.key();
          if ((k & 7) === WIRE_VARINT && (k >>> 3 === 1 || k >>> 3 === 2)) {
            if (k >>> 3 === 1) seconds = r.int64();
            else nanos = r.int64();
          } else {
            r.skip(k & 7);
          }
        }
        r.end = outer;
        info.startTime = seconds + nanos / 1e9;
      }
      r.pos = stop;
    }
    return out;
  }

  /** TelemetryRecord.cli_version (field 5), or undefined. */
  cliVersion(bytes: Uint8Array, start: number, end: number): string | undefined {
    const r = this.r;
    r.reset(bytes, start, end);
    let version: string | undefined;
    while (r.pos < r.end) {
      const key = r.key();
      if (key >>> 3 === 5 && (key & 7) === WIRE_LENGTH) {
        const stop = r.lengthEnd();
        version = utf8.decode(bytes.subarray(r.pos, stop));
        r.pos = stop;
      } else {
        r.skip(key & 7);
      }
    }
    return version;
  }
}

const UNREADABLE = Symbol('unreadable');

/**
 * Reads value_json texts. A plain JSON number (the common case) is read from the bytes without a
 * JSON parse; NaN and ±Infinity as Python's json writes them.
 */
class ValueReader {
  /** A Buffer view of the buffer last read from, for its native Latin-1 slicing. */
  private viewOf: Uint8Array | undefined;
  private view: Buffer | undefined;

  /** The number a value_json spells, or undefined when it is not a plain number. */
  number(bytes: Uint8Array, start: number, end: number): number | undefined {
    const length = end - start;
    if (length === 0 || length > 64) return undefined;
    const first = bytes[start]!;
    if (first === 0x4e || first === 0x49 || (first === 0x2d && bytes[start + 1] === 0x49)) {
      return nonFinite(bytes, start, end);
    }
    if (first !== 0x2d && (first < 0x30 || first > 0x39)) return undefined;
    // Fast path, for `-?digits(.digits)?` with at most 2^53 as the digits read as one integer:
    // that integer and 10^k (k <= 22) are exact doubles, so one division rounds correctly.
    let i = first === 0x2d ? start + 1 : start;
    let mantissa = 0;
    let digits = 0;
    let decimals = -1;
    for (; i < end; i++) {
      const c = bytes[i]!;
      if (c >= 0x30 && c <= 0x39) {
        mantissa = mantissa * 10 + (c - 0x30);
        digits++;
        if (decimals >= 0) decimals++;
      } else if (c === 0x2e && decimals < 0) {
        decimals = 0;
      } else {
        break;
      }
    }
    if (i === end && digits > 0 && mantissa <= 2 ** 53 && decimals <= 22) {
      const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
      return first === 0x2d ? -value : value;
    }
    // Anything else made of a JSON number's characters (an exponent, 17 digits): Number() decides.
    for (let k = start; k < end; k++) {
      const c = bytes[k]!;
      if (!((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d)) {
        return undefined;
      }
    }
    const value = Number(this.latin1(bytes, start, end));
    return Number.isNaN(value) ? undefined : value;
  }

  /** A value_json parsed (NaN and Infinity tokens accepted), or UNREADABLE. */
  parse(bytes: Uint8Array, start: number, end: number): unknown {
    const n = this.number(bytes, start, end);
    if (n !== undefined) return n;
    return parseJsonValue(() => strictUtf8.decode(bytes.subarray(start, end)));
  }

  private latin1(bytes: Uint8Array, start: number, end: number): string {
    if (bytes !== this.viewOf || this.view === undefined) {
      this.viewOf = bytes;
      this.view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.view.toString('latin1', start, end);
  }
}

/** The number a value_json spells, or undefined when it is not a plain JSON number. */
export function plainNumber(bytes: Uint8Array, start = 0, end = bytes.length): number | undefined {
  return new ValueReader().number(bytes, start, end);
}

// Parsed, not computed: `1e22` is exact, and a parser rounds correctly where `10 ** k` need not.
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

function nonFinite(bytes: Uint8Array, start: number, end: number): number | undefined {
  const length = end - start;
  const is = (word: string, from: number) => {
    for (let i = 0; i < word.length; i++) if (bytes[from + i] !== word.charCodeAt(i)) return false;
    return true;
  };
  if (length === 3 && is('NaN', start)) return NaN;
  if (length === 8 && is('Infinity', start)) return Infinity;
  if (length === 9 && bytes[start] === 0x2d && is('Infinity', start + 1)) return -Infinity;
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function parseJsonValue(text: () => string): unknown {
  try {
    return parseJsonText(text(), 'value_json');
  } catch (error) {
    if (error instanceof MlciError || error instanceof TypeError) return UNREADABLE;
    throw error;
  }
}

/** A summary or config replayed from update/remove items; throws past MAX_DOCUMENT_KEYS leaves. */
class TreeBuilder {
  readonly root: Tree = Object.create(null) as Tree;
  /** Keys created so far, at any depth (removes do not give them back): bounds the replay's memory. */
  private created = 0;
  unreadable: string[] = [];

  constructor(
    private readonly file: string,
    private readonly what: string,
  ) {}

  apply(changes: readonly ItemChange[]): void {
    for (const { path, json } of changes) {
      if (json === undefined) {
        this.remove(path);
        continue;
      }
      const value = parseJsonValue(() => json);
      if (value === UNREADABLE) {
        if (this.unreadable.length < 10) this.unreadable.push(path.join('.'));
        continue;
      }
      this.set(path, value);
    }
  }

  private set(path: readonly string[], value: unknown): void {
    let node = this.root;
    for (let i = 0; i < path.length; i++) {
      const name = path[i]!;
      if (!Object.hasOwn(node, name) && ++this.created > MAX_DOCUMENT_KEYS) {
        throw new ParseError(
          { file: this.file },
          `the ${this.what} records create more than ${MAX_DOCUMENT_KEYS} keys; mlci reads at most ${MAX_DOCUMENT_KEYS} from one run`,
        );
      }
      if (i === path.length - 1) {
        define(node, name, value);
        return;
      }
      let next = Object.hasOwn(node, name) ? node[name] : undefined;
      if (next === null || typeof next !== 'object' || Array.isArray(next)) {
        next = Object.create(null) as Tree;
        define(node, name, next);
      }
      node = next as Tree;
    }
  }

  private remove(path: readonly string[]): void {
    let node: unknown = this.root;
    for (let i = 0; i < path.length - 1; i++) {
      if (node === null || typeof node !== 'object' || !Object.hasOwn(node, path[i]!)) return;
      node = (node as Tree)[path[i]!];
    }
    if (node !== null && typeof node === 'object') delete (node as Tree)[path[path.length - 1]!];
  }
}

/** `node[name] = value`, as an own property even for `__proto__`. */
function define(node: Tree, name: string, value: unknown): void {
  Object.defineProperty(node, name, { value, enumerable: true, writable: true, configurable: true });
}

export interface ReadLogOptions {
  /** How to name the file in messages: "" when it is the file the user gave. */
  label: string;
  /** A folder listing saw a regular file here (see files.ts openRegular). */
  listed?: boolean;
  maxRecordBytes?: number;
}

/**
 * Streams a W&B run log into `builder`: its history as curves, with notes and warnings. Returns
 * what else it held. A file that is not a W&B log is a ParseError at byte 0.
 */
export async function readRunLog(
  path: string,
  builder: DocBuilder,
  options: ReadLogOptions,
): Promise<RunLog> {
  const where = options.label === '' ? '' : `${options.label}: `;
  const history = new HistoryTable(builder);
  const decoder = new RecordDecoder(history);
  const summary = new TreeBuilder(path, 'summary');
  const config = new TreeBuilder(path, 'config');
  const log: RunLog = {
    version: undefined,
    records: 0,
    history,
    summary: undefined,
    config: undefined,
    exitCode: undefined,
    run: {},
    cliVersion: undefined,
    damaged: false,
  };
  const others = new Map<string, number>();
  let oversized = 0;
  let undecodable = 0;

  const sink: LogSink = {
    header: (version) => {
      log.version = version;
    },
    record: (bytes, start, end, offset, index) => {
      log.records = index;
      try {
        const [field, bodyStart, bodyEnd] = decoder.kind(bytes, start, end);
        switch (field) {
          case Field.History:
            decoder.history(bytes, bodyStart, bodyEnd);
            return;
          case Field.Summary:
            summary.apply(decoder.items(bytes, bodyStart, bodyEnd, 'SummaryRecord'));
            log.summary = summary.root;
            return;
          case Field.Config:
            config.apply(decoder.items(bytes, bodyStart, bodyEnd, 'ConfigRecord'));
            log.config = config.root;
            return;
          case Field.Exit:
            log.exitCode = decoder.exit(bytes, bodyStart, bodyEnd);
            return;
          case Field.Run: {
            const ranges = decoder.run(bytes, bodyStart, bodyEnd, log.run);
            if (ranges.config !== undefined) {
              config.apply(decoder.items(bytes, ranges.config[0], ranges.config[1], 'ConfigRecord'));
              log.config = config.root;
            }
            if (ranges.summary !== undefined) {
              summary.apply(decoder.items(bytes, ranges.summary[0], ranges.summary[1], 'SummaryRecord'));
              log.summary = summary.root;
            }
            return;
          }
          case Field.Telemetry:
            log.cliVersion = decoder.cliVersion(bytes, bodyStart, bodyEnd) || log.cliVersion;
            return;
          default: {
            if (SILENT_KINDS.has(field)) return;
            const kind = OTHER_KINDS[field] ?? `kind ${field}`;
            others.set(kind, (others.get(kind) ?? 0) + 1);
          }
        }
      } catch (error) {
        if (!(error instanceof ProtoError)) throw error;
        // The framing checked out, so the next record can be found: skip this one, say where.
        if (undecodable++ < 3) {
          builder.warn(
            `${where}record ${index} (at byte ${offset}) is not a W&B Record protobuf: ${error.message}; skipped`,
          );
        }
      }
    },
    oversized: (_offset, index) => {
      log.records = index;
      oversized++;
    },
    damaged: (offset, index, what, torn) => {
      log.damaged = true;
      const read = `read the ${index - 1} record${index === 2 ? '' : 's'} before it`;
      builder.warn(
        torn
          ? `${where}the log ends inside record ${index} (at byte ${offset}): ${what}; ${read} (the run may still be writing, or was killed)`
          : `${where}damaged record ${index} at byte ${offset}: ${what}; ${read}, nothing after it`,
      );
    },
  };

  const parser = new LogParser(sink, options.maxRecordBytes);
  const { fd } = openRegular(path, options.listed ?? false);
  try {
    // Reading stops at damage: what follows it cannot be trusted, and may be long.
    const block = new Uint8Array(BLOCK_BYTES);
    let position = 0;
    while (!parser.done) {
      const bytesRead = readSync(fd, block, 0, BLOCK_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      parser.push(bytesRead === BLOCK_BYTES ? block : block.subarray(0, bytesRead));
    }
  } catch (error) {
    if (error instanceof LogHeaderError) {
      throw new ParseError({ file: path, offset: 0 }, `not a W&B run log (run-<id>.wandb): ${error.message}`);
    }
    throw error;
  } finally {
    closeSync(fd);
  }
  const started = parser.end();
  if (!started) {
    const bytes = parser.offset;
    builder.note(
      bytes === 0
        ? `${where}the log is empty: the run wrote nothing to it yet`
        : `${where}the log holds only ${bytes} of the ${FILE_HEADER_BYTES} bytes of its header: the run wrote nothing to it yet`,
    );
    return log;
  }
  history.finish(where);
  if (undecodable > 3) builder.warn(`${where}${undecodable - 3} more records were not W&B Record protobufs`);
  if (oversized > 0) {
    builder.note(
      `${where}${oversized} record${oversized === 1 ? '' : 's'} over ${(options.maxRecordBytes ?? 64 * 1024 * 1024) / 1024 / 1024} MiB checked but not read`,
    );
  }
  if (parser.zeroFilledTails > 0) {
    builder.note(
      `${where}skipped ${parser.zeroFilledTails} block tail${parser.zeroFilledTails === 1 ? '' : 's'} of zero bytes (space the writer reserved but did not fill)`,
    );
  }
  for (const tree of [summary, config]) {
    const { unreadable } = tree;
    if (unreadable.length > 0) {
      builder.warn(
        `${where}values in the log's ${tree === summary ? 'summary' : 'config'} that are not JSON, skipped: ${unreadable.join(', ')}`,
      );
    }
  }
  if (others.size > 0) {
    const parts = [...others].map(([kind, count]) => `${count} ${kind} record${count === 1 ? '' : 's'}`);
    builder.note(`${where}not metrics, not read: ${parts.join(', ')}`);
  }
  return log;
}
