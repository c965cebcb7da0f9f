/**
 * W&B history rows into curves, the same whether a row comes from the binary log
 * (`run-<id>.wandb`, HistoryRecord) or from an old client's `files/wandb-history.jsonl`:
 * - each logged key is a curve over the row's step; keys are named as in wandb-summary.json (one
 *   key segment, a "." in it escaped; a nested key path or a dict's keys joined with "."), so a
 *   curve and its summary value share a key;
 * - `_step` is the step (rows without one follow the previous row: W&B's log format 1 leaves it
 *   out of rows it numbered itself), `_timestamp` the wall time, `_runtime` the run time: W&B's
 *   bookkeeping, not curves;
 * - a dict without `_type` is walked (with its own stack, not recursion) into one curve per number
 *   in it; strings, booleans, nulls, lists and W&B media (a dict with `_type`: images, histograms,
 *   tables) are not numbers: counted per key and named in one note.
 */
import type { DocBuilder } from '../../doc-builder.js';
import { MAX_DOCUMENT_KEYS } from '../../doc-builder.js';
import { ParseError } from '../../errors.js';
import { MAX_NESTING } from '../../flatten.js';
import { childKey, escapeSegment, joinKey } from '../../keys.js';
import type { SeriesAccumulator } from '../../series.js';

export const Role = { Value: 0, Step: 1, Runtime: 2, Timestamp: 3, Internal: 4 } as const;
export type Role = (typeof Role)[keyof typeof Role];

/** One logged key: its metric key, what it is, and its curve once it has a number. */
export interface HistoryKey {
  readonly key: string;
  readonly role: Role;
  series: SeriesAccumulator | undefined;
}

/** How a value logged under the key "" is named in the note that says it was skipped. */
const EMPTY_KEY = '(empty key)';

/** A Map, not an object literal: a key named `constructor` must not find Object's. */
const BOOKKEEPING = new Map<string, Role>([
  ['_step', Role.Step],
  ['_runtime', Role.Runtime],
  ['_timestamp', Role.Timestamp],
  ['_wandb', Role.Internal],
]);

export class HistoryTable {
  private readonly keys = new Map<string, HistoryKey>();
  /** Values that are not numbers: key -> what they were -> how many. */
  private readonly skipped = new Map<string, Map<string, number>>();
  private rowCount = 0;
  private inferred = 0;
  private badSteps = 0;
  private step = -1;
  private wall: number | undefined;
  private firstStep: number | undefined;
  private lastRuntime: number | undefined;
  private lastTimestamp: number | undefined;

  constructor(private readonly builder: DocBuilder) {}

  /** A key as logged (`wandb.log({"eval/acc": ...})`): one segment. */
  keyFor(name: string): HistoryKey {
    return this.intern(name, BOOKKEEPING.get(name) ?? Role.Value, escapeSegment(name));
  }

  /** A nested key path (`nested_key` of a HistoryItem). */
  keyForPath(segments: readonly string[]): HistoryKey {
    if (segments.length === 1) return this.keyFor(segments[0]!);
    return this.intern(`\u0000${segments.join('\u0000')}`, Role.Value, joinKey(segments));
  }

  private intern(id: string, role: Role, key: string): HistoryKey {
    let entry = this.keys.get(id);
    if (entry === undefined) {
      if (this.keys.size >= MAX_DOCUMENT_KEYS) {
        throw new ParseError(
          { file: this.builder.file },
          `the history logs more than ${MAX_DOCUMENT_KEYS} distinct keys; mlci reads at most ${MAX_DOCUMENT_KEYS} from one run`,
        );
      }
      entry = { key, role, series: undefined };
      this.keys.set(id, entry);
    }
    return entry;
  }

  /**
   * Starts a row. `stepValue`: the row's `_step` as logged (undefined when absent); `recordStep`:
   * the step the log record carries besides (HistoryRecord.step), if any.
   */
  row(stepValue: unknown, recordStep: number | undefined, timestamp: unknown, runtime: unknown): void {
    let step: number | undefined;
    if (typeof stepValue === 'number' && Number.isSafeInteger(stepValue) && stepValue >= 0) {
      step = stepValue;
    } else if (stepValue !== undefined) {
      this.badSteps++;
    }
    if (step === undefined && recordStep !== undefined && Number.isSafeInteger(recordStep)) step = recordStep;
    if (step === undefined) {
      step = this.step + 1;
      this.inferred++;
    }
    this.step = step;
    this.firstStep ??= step;
    this.wall = typeof timestamp === 'number' && Number.isFinite(timestamp) ? timestamp : undefined;
    if (this.wall !== undefined) this.lastTimestamp = this.wall;
    if (typeof runtime === 'number' && Number.isFinite(runtime)) this.lastRuntime = runtime;
    this.rowCount++;
  }

  /** A number of the current row. */
  number(entry: HistoryKey, value: number): void {
    if (entry.role !== Role.Value) return;
    if (entry.key === '') {
      this.skip(EMPTY_KEY, 'number');
      return;
    }
    (entry.series ??= this.builder.seriesFor(entry.key)).add(this.step, value, this.wall);
  }

  /** A value of the current row that is not a plain number (parsed JSON). */
  value(entry: HistoryKey, value: unknown): void {
    if (entry.role !== Role.Value) return;
    if (typeof value === 'number') {
      this.number(entry, value);
      return;
    }
    this.walk(entry.key, value);
  }

  /** A value whose JSON text could not be parsed. */
  unreadable(entry: HistoryKey): void {
    if (entry.role === Role.Value) this.skip(entry.key, 'unreadable JSON');
  }

  private walk(rootKey: string, rootValue: unknown): void {
    const stack: Array<{ key: string; value: unknown; depth: number }> = [
      { key: rootKey, value: rootValue, depth: 0 },
    ];
    while (stack.length > 0) {
      const { key, value, depth } = stack.pop()!;
      let node = value;
      // Like JSON Lines logs: a one-element list is its element.
      while (Array.isArray(node) && node.length === 1) node = node[0];
      if (typeof node === 'number') {
        if (key === '') this.skip(EMPTY_KEY, 'number');
        else this.builder.seriesFor(key).add(this.step, node, this.wall);
      } else if (typeof node === 'string') {
        this.skip(key, 'text');
      } else if (typeof node === 'boolean') {
        this.skip(key, 'true/false');
      } else if (node === null || node === undefined) {
        this.skip(key, 'null');
      } else if (Array.isArray(node)) {
        this.skip(key, 'list');
      } else if (typeof node === 'object') {
        const type = (node as Record<string, unknown>)._type;
        if (typeof type === 'string') {
          this.skip(key, `"${type}" media`);
        } else if (depth >= MAX_NESTING) {
          this.skip(key, `nested deeper than ${MAX_NESTING} levels`);
        } else {
          // Pushed in reverse, so keys are met in their order.
          const names = Object.keys(node);
          for (let i = names.length - 1; i >= 0; i--) {
            const name = names[i]!;
            stack.push({
              key: childKey(key, name),
              value: (node as Record<string, unknown>)[name],
              depth: depth + 1,
            });
          }
        }
      } else {
        this.skip(key, typeof node);
      }
    }
  }

  private skip(name: string, why: string): void {
    const key = name === '' ? EMPTY_KEY : name;
    let kinds = this.skipped.get(key);
    if (kinds === undefined) {
      if (this.skipped.size >= MAX_DOCUMENT_KEYS) return;
      kinds = new Map();
      this.skipped.set(key, kinds);
    }
    kinds.set(why, (kinds.get(why) ?? 0) + 1);
  }

  get rows(): number {
    return this.rowCount;
  }

  /** The last row's step; undefined before any row. */
  get lastStep(): number | undefined {
    return this.rowCount === 0 ? undefined : this.step;
  }

  get lastRuntimeSeconds(): number | undefined {
    return this.lastRuntime;
  }

  get lastWallTime(): number | undefined {
    return this.lastTimestamp;
  }

  /** A short account: "862 history rows (steps 0 to 861)". */
  describe(): string {
    if (this.rowCount === 0) return 'no history rows';
    const rows = `${this.rowCount} history row${this.rowCount === 1 ? '' : 's'}`;
    return this.firstStep === this.step
      ? `${rows} (step ${this.step})`
      : `${rows} (steps ${this.firstStep} to ${this.step})`;
  }

  /** Notes what was skipped and how steps were found; `where` prefixes the notes ("" or "file: "). */
  finish(where: string): void {
    const builder = this.builder;
    for (const [key, kinds] of this.skipped) {
      for (const [why, count] of kinds) builder.skip(key, `${count} ${why} value${count === 1 ? '' : 's'}`);
    }
    if (this.badSteps > 0) {
      builder.warn(
        `${where}${this.badSteps} history row${this.badSteps === 1 ? '' : 's'} had a _step that is not a whole number ≥ 0; ${this.badSteps === 1 ? 'it was' : 'they were'} placed after the previous row`,
      );
    }
    if (this.inferred > 0 && this.inferred < this.rowCount) {
      builder.note(
        `${where}${this.inferred} of ${this.rowCount} history rows carry no step; each was placed one step after the previous row, as W&B numbers them`,
      );
    } else if (this.inferred > 0) {
      builder.note(`${where}the history rows carry no step; they are numbered from 0, as W&B numbers them`);
    }
  }
}
