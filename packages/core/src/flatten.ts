import type { DocBuilder } from './doc-builder.js';
import { ParseError } from './errors.js';
import { childKey, escapeSegment } from './keys.js';
import { parseNumber } from './numbers.js';

export type LeafRole = 'metrics' | 'params';

/**
 * How deep a document may nest. The same limit as mlci's own JSON parser (json-text.ts): no real
 * metrics file comes near it, and a deeper one is either generated to crash a reader or not metrics.
 */
export const MAX_NESTING = 512;

/**
 * A list of numbers longer than this is read as one curve over its index rather than as one metric
 * per element: at 5.8 M elements the indexed form took about 640 bytes per element (a key string,
 * a map entry, a sort), the curve takes a fixed budget (exact stats, downsampled points).
 */
export const LONG_LIST = 1000;

/** Keys in error messages are cut to this many characters (a key 512 levels deep is long). */
const KEY_IN_MESSAGE = 80;

interface Container {
  node: object;
  key: string;
  depth: number;
  /** The object's own keys, or undefined for an array (walked by index). */
  keys: string[] | undefined;
  length: number;
  index: number;
}

/**
 * Walks a parsed JSON/YAML/TOML document into a builder. The rules, documented for users in
 * docs/formats.md:
 * - numbers are metrics (NaN and ±Infinity included);
 * - strings that spell a number (`"0.93"`, `"nan"`) are metrics too, and the source notes how many
 *   were read that way; other strings are params;
 * - booleans are params (`true`/`false`), never silently 1/0;
 * - dates (YAML/TOML) are params, as ISO 8601 text;
 * - nested objects join their keys with "."; one-element arrays are unwrapped (DVC writes
 *   `{"acc": [0.9]}`); longer arrays index their elements (`scores.0`, `scores.1`), except a list of
 *   more than LONG_LIST numbers, which is a curve over its index (a list at the root is named after
 *   the file);
 * - null, empty objects and empty arrays are skipped, and the note names them.
 * With role `params` (a `params.yaml`), every leaf is a param, numbers included.
 *
 * The walk keeps its own stack, so no document can overflow the call stack: nesting past
 * MAX_NESTING and a value that contains itself (possible through YAML aliases) are ParseErrors
 * naming the key.
 */
export function flattenInto(builder: DocBuilder, value: unknown, role: LeafRole, prefix = ''): void {
  let numericStrings = 0;
  const stack: Container[] = [];
  const open = new Set<object>();

  const fail = (key: string, detail: string): never => {
    const shown = key.length > KEY_IN_MESSAGE ? `${key.slice(0, KEY_IN_MESSAGE)}...` : key;
    throw new ParseError({ file: builder.file, key: shown || '(root)' }, detail);
  };

  /** Handles one value: a leaf is written, a container is pushed for the loop below. */
  const visit = (start: unknown, key: string, startDepth: number): void => {
    let node = start;
    let depth = startDepth;
    // One-element lists are unwrapped; each unwrap is a level, so `a = [a]` ends at the limit.
    while (Array.isArray(node) && node.length === 1) {
      node = node[0];
      depth++;
      if (depth > MAX_NESTING)
        fail(key, `nested deeper than ${MAX_NESTING} levels; mlci reads at most ${MAX_NESTING}`);
    }
    if (depth > MAX_NESTING)
      fail(key, `nested deeper than ${MAX_NESTING} levels; mlci reads at most ${MAX_NESTING}`);
    if (Array.isArray(node)) {
      if (node.length === 0) return builder.skip(key || '(root)', 'empty list');
      if (role === 'metrics' && node.length > LONG_LIST && allNumbers(node)) {
        const name = key === '' ? escapeSegment(fileStem(builder.file)) : key;
        const series = builder.seriesFor(name);
        for (let i = 0; i < node.length; i++) series.add(i, node[i] as number);
        builder.note(`read the list ${name} (${node.length} numbers) as a curve over its index`);
        return;
      }
      return enter(node, key, depth, undefined, node.length);
    }
    if (node instanceof Date) {
      const text = Number.isNaN(node.getTime()) ? String(node) : node.toISOString();
      return builder.param(key, text);
    }
    if (node !== null && typeof node === 'object') {
      const keys = Object.keys(node);
      if (keys.length === 0) return builder.skip(key || '(root)', 'empty object');
      return enter(node, key, depth, keys, keys.length);
    }
    if (key === '') return builder.skip('(root)', `a single ${typeof node}, not an object of named values`);
    if (typeof node === 'number')
      return role === 'metrics' ? builder.metric(key, node) : builder.param(key, node);
    if (typeof node === 'bigint') {
      const n = Number(node);
      builder.note(
        `${key}: the integer ${String(node)} is beyond what a number holds exactly (2^53); read as ${BigInt(n).toString()}`,
      );
      return role === 'metrics' ? builder.metric(key, n) : builder.param(key, n);
    }
    if (typeof node === 'boolean') return builder.param(key, node);
    if (typeof node === 'string') {
      if (role === 'metrics') {
        const n = parseNumber(node);
        if (n !== undefined) {
          numericStrings++;
          return builder.metric(key, n);
        }
      }
      return builder.param(key, node);
    }
    if (node === null || node === undefined) return builder.skip(key, 'null');
    builder.skip(key, typeof node);
  };

  const enter = (node: object, key: string, depth: number, keys: string[] | undefined, length: number) => {
    if (open.has(node)) fail(key, 'the value contains itself (a cycle); mlci cannot flatten it');
    open.add(node);
    stack.push({ node, key, depth, keys, length, index: 0 });
  };

  visit(value, prefix, 0);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.index === top.length) {
      stack.pop();
      open.delete(top.node);
      continue;
    }
    const i = top.index++;
    if (top.keys === undefined) {
      visit((top.node as unknown[])[i], childKey(top.key, String(i)), top.depth + 1);
    } else {
      const name = top.keys[i]!;
      visit((top.node as Record<string, unknown>)[name], childKey(top.key, name), top.depth + 1);
    }
  }
  if (numericStrings > 0) {
    builder.note(
      `read ${numericStrings} quoted number${numericStrings === 1 ? '' : 's'} (such as "0.9" or "nan") as ${numericStrings === 1 ? 'a metric' : 'metrics'}`,
    );
  }
}

function allNumbers(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'number') return false;
  return true;
}

/** `results/latencies.json` -> `latencies`: the name of a curve that is a whole file. */
export function fileStem(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name || 'values';
}
