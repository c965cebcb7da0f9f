/**
 * What the LLM-evaluation readers (lm-eval, promptfoo, Inspect AI) share: one task's per-example
 * results collected row by row into the model's `ExampleResults` (ids in first-seen order, one
 * column per measure, NaN where an example has no value), within the limits a state file accepts
 * (documents.ts), so that what a reader produces always survives the trip through compare.json.
 */
import { setOwn } from '../../doc-builder.js';
import { DOCUMENT_LIMITS } from '../../documents.js';
import { ParseError } from '../../errors.js';
import type { ExampleResults } from '../../model.js';
import { parseNumber } from '../../numbers.js';

/** Measures per task that a state file accepts (documents.ts reads at most 1000). */
export const MAX_MEASURES = 1000;

export class ExampleTable {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly columns = new Map<string, number[]>();

  constructor(
    /** The task's key prefix, already escaped (`negotiationtom_belief`, `arc_easy.choice`). */
    readonly task: string,
    readonly file: string,
  ) {}

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  /** The row of `id`, added (with NaN in every measure) when it is new. */
  row(id: string, where: { line?: number } = {}): number {
    let at = this.index.get(id);
    if (at !== undefined) return at;
    if (id.length > DOCUMENT_LIMITS.key) {
      throw new ParseError(
        { file: this.file, ...where },
        `an example id of ${id.length} characters; mlci keeps ids of at most ${DOCUMENT_LIMITS.key}`,
      );
    }
    if (this.ids.length >= DOCUMENT_LIMITS.samples) {
      throw new ParseError(
        { file: this.file, ...where },
        `more than ${DOCUMENT_LIMITS.samples} examples in task ${this.task}; mlci keeps at most ${DOCUMENT_LIMITS.samples} per task`,
      );
    }
    at = this.ids.length;
    this.ids.push(id);
    this.index.set(id, at);
    for (const column of this.columns.values()) column.push(NaN);
    return at;
  }

  /** The value of `measure` for the example at `row`; undefined when none was set. */
  get(measure: string, row: number): number | undefined {
    const value = this.columns.get(measure)?.[row];
    return value === undefined || Number.isNaN(value) ? undefined : value;
  }

  set(measure: string, row: number, value: number, where: { line?: number } = {}): void {
    let column = this.columns.get(measure);
    if (column === undefined) {
      if (this.columns.size >= MAX_MEASURES) {
        throw new ParseError(
          { file: this.file, ...where },
          `more than ${MAX_MEASURES} per-example measures in task ${this.task}; mlci keeps at most ${MAX_MEASURES}`,
        );
      }
      column = new Array<number>(this.ids.length).fill(NaN);
      this.columns.set(measure, column);
    }
    column[row] = value;
  }

  measures(): string[] {
    return [...this.columns.keys()];
  }

  /** Forgets a measure (one whose values turned out not to be per-example numbers). */
  drop(measure: string): void {
    this.columns.delete(measure);
  }

  /** The mean of a measure over the examples that have it; undefined when none has. */
  mean(measure: string): number | undefined {
    const column = this.columns.get(measure);
    if (column === undefined) return undefined;
    let sum = 0;
    let n = 0;
    for (const v of column) {
      if (Number.isNaN(v)) continue;
      sum += v;
      n++;
    }
    return n === 0 ? undefined : sum / n;
  }

  /** The model's form; undefined when no example has a value of any measure. */
  build(): ExampleResults | undefined {
    if (this.ids.length === 0 || this.columns.size === 0) return undefined;
    const scores: Record<string, number[]> = {};
    for (const [measure, column] of this.columns) setOwn(scores, measure, column);
    return { task: this.task, file: this.file, ids: [...this.ids], scores };
  }
}

/**
 * One example's value of a measure as a number: numbers as they are, true/false as 1/0, a quoted
 * number parsed; null as missing (NaN). Anything else (a list, an object, a word) is undefined:
 * not a per-example number.
 */
export function exampleNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null) return NaN;
  if (typeof value === 'string') return parseNumber(value);
  return undefined;
}

/** Whether a mean read from the per-example values agrees with the value a tool stated. */
export function sameValue(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A few names, then how many more: for notes that must stay one line. */
export function listed(names: readonly string[], most = 8): string {
  const shown = names.slice(0, most).join(', ');
  return names.length > most ? `${shown} and ${names.length - most} more` : shown;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value in a message: what it is, briefly. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `a list of ${plural(value.length, 'item')}`;
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}
