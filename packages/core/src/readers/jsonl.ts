/**
 * JSON Lines logs: one JSON object per line (`{"step": 10, "loss": 0.5}`), as custom training
 * loops, W&B's history and many scripts write them. Read as a stream, in bounded memory.
 */
import { DocBuilder } from '../doc-builder.js';
import { ParseError, isMlciError } from '../errors.js';
import { flattenInto } from '../flatten.js';
import { parseJsonText } from '../json-text.js';
import type { MetricsDoc } from '../model.js';
import { parseNumber } from '../numbers.js';
import { extensionOf } from './files.js';
import {
  MAX_LINE_CHARS,
  STEP_NAMES,
  isWallTimeName,
  nameKey,
  streamTextFile,
  wallTimeSeconds,
} from './tabular.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from './types.js';

export interface JsonLinesSink {
  /** One object, from 1-based `line`. */
  record(value: Record<string, unknown>, line: number): void;
  /** Recoverable damage, already located. */
  warn(message: string): void;
}

/**
 * Incremental JSON Lines splitter: `push` text as it arrives, then `end`. Blank lines are skipped;
 * a line that is not a JSON object is a ParseError at its line and column. Python's NaN and
 * Infinity tokens are accepted. A last line without a newline that does not parse is a log cut off
 * while being written: it is left out with a warning rather than failing the whole read.
 */
export class JsonLinesParser {
  private buffer = '';
  private line = 1;
  private started = false;

  constructor(
    private readonly sink: JsonLinesSink,
    private readonly file: string,
  ) {}

  push(chunk: string): void {
    if (!this.started && chunk !== '') {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const text = this.buffer === '' ? chunk : this.buffer + chunk;
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl === -1) break;
      this.handle(text, pos, nl, false);
      pos = nl + 1;
    }
    this.buffer = pos >= text.length ? '' : text.slice(pos);
    if (this.buffer.length > MAX_LINE_CHARS) {
      throw new ParseError(
        { file: this.file, line: this.line, column: 1 },
        `a line longer than ${MAX_LINE_CHARS} characters starts here; JSON Lines logs hold one record per line`,
      );
    }
  }

  end(): void {
    const text = this.buffer;
    this.buffer = '';
    if (text !== '') this.handle(text, 0, text.length, true);
  }

  private handle(text: string, start: number, end: number, last: boolean): void {
    const line = this.line++;
    let stop = end;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    let first = start;
    while (first < stop && isJsonBlank(text.charCodeAt(first))) first++;
    if (first === stop) return;
    const body = text.slice(first, stop);
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      try {
        value = parseJsonText(body, this.file);
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        if (last) {
          this.sink.warn(
            `line ${line}: the file ends in the middle of a record (it may still be being written); that line was not read`,
          );
          return;
        }
        const column = (error.location.column ?? 1) + (first - start);
        throw new ParseError({ file: this.file, line, column }, error.detail);
      }
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const found = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
      throw new ParseError(
        { file: this.file, line, column: first - start + 1 },
        `expected a JSON object on each line, found ${found}`,
      );
    }
    this.sink.record(value as Record<string, unknown>, line);
  }
}

function isJsonBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

const STEP_FIELDS: readonly string[] = STEP_NAMES;

/**
 * Turns records into series: each numeric field (nested objects joined with ".") is a curve over
 * the step field (see STEP_NAMES; chosen from the first record that has one) or the record number.
 * A file of a single record is a summary, read like a JSON metrics file.
 */
export class JsonLinesTable implements JsonLinesSink {
  private records = 0;
  private first: { value: Record<string, unknown>; line: number } | undefined;
  private stepField: string | undefined;
  private lastStep: number | undefined;
  private noStep = 0;
  private noStepFirst = 0;
  private numericStrings = 0;
  private readonly skipped = new Set<string>();
  private step = 0;
  private wall: number | undefined;

  constructor(private readonly builder: DocBuilder) {}

  warn(message: string): void {
    this.builder.warn(message);
  }

  record(value: Record<string, unknown>, line: number): void {
    if (this.records === 0) {
      this.first = { value, line };
    } else {
      if (this.records === 1) this.commitFirst();
      this.commit(value, line, this.records);
    }
    this.records++;
  }

  private commitFirst(): void {
    const first = this.first;
    if (first === undefined) return;
    this.first = undefined;
    this.commit(first.value, first.line, 0);
  }

  private commit(value: Record<string, unknown>, line: number, index: number): void {
    if (this.stepField === undefined) {
      for (const name of STEP_FIELDS) {
        const field = Object.keys(value).find((k) => k.toLowerCase() === name);
        if (field !== undefined && typeof value[field] === 'number' && Number.isFinite(value[field])) {
          this.stepField = field;
          if (name !== 'step') this.builder.note(`steps are read from field "${field}"`);
          break;
        }
      }
      if (this.stepField === undefined && index === 0) {
        this.builder.note(
          'the first record has no step field (step, global_step, iteration, iter, batch, _step or epoch): records are numbered from 0',
        );
      }
    }
    let step: number;
    if (this.stepField === undefined) {
      step = index;
    } else {
      const s = value[this.stepField];
      if (typeof s === 'number' && Number.isFinite(s)) {
        step = s;
        this.lastStep = s;
      } else {
        step = this.lastStep ?? index;
        if (this.noStep++ === 0) this.noStepFirst = line;
      }
    }
    this.step = step;
    this.wall = undefined;
    for (const key of Object.keys(value)) {
      if (key === this.stepField) continue;
      const v = value[key];
      if (isWallTimeName(key) && typeof v === 'number') {
        if (Number.isFinite(v)) this.wall = wallTimeSeconds(v);
        continue;
      }
    }
    for (const key of Object.keys(value)) {
      if (key === this.stepField) continue;
      const v = value[key];
      if (isWallTimeName(key) && typeof v === 'number') continue;
      this.visit(nameKey('', key), v, 0);
    }
  }

  private visit(key: string, value: unknown, depth: number): void {
    if (typeof value === 'number') {
      this.builder.seriesFor(key).add(this.step, value, this.wall);
      return;
    }
    if (value === null || value === undefined) return;
    if (typeof value === 'string') {
      const n = parseNumber(value);
      if (n === undefined) return this.skipOnce(key, 'text');
      this.numericStrings++;
      this.builder.seriesFor(key).add(this.step, n, this.wall);
      return;
    }
    if (typeof value === 'boolean') return this.skipOnce(key, 'true/false');
    if (Array.isArray(value)) {
      if (value.length === 1) return this.visit(key, value[0], depth + 1);
      return this.skipOnce(key, `a list of ${value.length} values`);
    }
    if (typeof value === 'object') {
      const type = (value as Record<string, unknown>)._type;
      if (typeof type === 'string')
        return this.skipOnce(key, `a "${type}" object (media or a chart, not a number)`);
      if (depth > 64) return this.skipOnce(key, 'nested too deeply');
      for (const [k, v] of Object.entries(value)) this.visit(nameKey(key, k), v, depth + 1);
      return;
    }
    this.skipOnce(key, typeof value);
  }

  private skipOnce(key: string, why: string): void {
    if (this.skipped.has(key)) return;
    this.skipped.add(key);
    this.builder.skip(key, why);
  }

  finish(): void {
    if (this.records === 0) {
      this.builder.note('the file holds no records yet');
      return;
    }
    if (this.records === 1 && this.first !== undefined) {
      this.builder.note('one record: read as summary values, like a JSON metrics file');
      flattenInto(this.builder, this.first.value, 'metrics');
      this.first = undefined;
      return;
    }
    this.commitFirst();
    if (this.noStep > 0) {
      this.builder.warn(
        `line ${this.noStepFirst}: no number in step field "${this.stepField}"; the record's values were placed at the previous step` +
          (this.noStep > 1 ? ` (${this.noStep} records like this)` : ''),
      );
    }
    if (this.numericStrings > 0) {
      this.builder.note(
        `read ${this.numericStrings} quoted number${this.numericStrings === 1 ? '' : 's'} (such as "0.9" or "nan") as values`,
      );
    }
  }
}

/** Reads JSON Lines text already in memory (or in pieces): for tests, fuzzing and small inputs. */
export function readJsonLinesText(
  chunks: string | readonly string[],
  file: string,
  maxSeriesPoints?: number,
): MetricsDoc {
  const builder = new DocBuilder(file, 'jsonl', { maxSeriesPoints });
  const table = new JsonLinesTable(builder);
  const parser = new JsonLinesParser(table, file);
  for (const chunk of typeof chunks === 'string' ? [chunks] : chunks) parser.push(chunk);
  parser.end();
  table.finish();
  return builder.build();
}

export async function readJsonLinesFile(path: string, options: ReaderOptions): Promise<MetricsDoc> {
  const builder = new DocBuilder(path, 'jsonl', { maxSeriesPoints: options.maxSeriesPoints });
  const table = new JsonLinesTable(builder);
  const parser = new JsonLinesParser(table, path);
  await streamTextFile(path, (text) => parser.push(text));
  parser.end();
  table.finish();
  return builder.build();
}

/** Whether a file's first two non-blank lines are each a whole JSON object. */
export function looksLikeJsonLines(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const first = lines[0]?.trim();
  const second = lines[1]?.trim();
  if (first === undefined || second === undefined || !first.startsWith('{') || !second.startsWith('{'))
    return false;
  try {
    const value = parseJsonText(first, 'head');
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch (error) {
    if (isMlciError(error)) return false;
    throw error;
  }
}

export const jsonlReader: Reader = {
  format: 'jsonl',
  title: 'JSON Lines log',
  target: 'file',
  detect(probe: Probe): number {
    if (probe.isDirectory) return DETECT.no;
    const extension = extensionOf(probe.name);
    if (extension === 'jsonl' || extension === 'ndjson') return DETECT.extension + 5;
    // A .json file of one object per line: beats the JSON reader, which would fail on it.
    if (extension === 'json' && looksLikeJsonLines(probe.head)) return DETECT.extension + 2;
    if ((extension === 'txt' || extension === 'log') && looksLikeJsonLines(probe.head))
      return DETECT.extension - 2;
    return DETECT.no;
  },
  read: readJsonLinesFile,
};
