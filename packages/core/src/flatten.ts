import type { DocBuilder } from './doc-builder.js';
import { childKey } from './keys.js';
import { parseNumber } from './numbers.js';

export type LeafRole = 'metrics' | 'params';

/**
 * Walks a parsed JSON/YAML/TOML document into a builder. The rules, documented for users in
 * docs/formats.md:
 * - numbers are metrics (NaN and ±Infinity included);
 * - strings that spell a number (`"0.93"`, `"nan"`) are metrics too, and the source notes how many
 *   were read that way; other strings are params;
 * - booleans are params (`true`/`false`), never silently 1/0;
 * - dates (YAML/TOML) are params, as ISO 8601 text;
 * - nested objects join their keys with "."; one-element arrays are unwrapped (DVC writes
 *   `{"acc": [0.9]}`); longer arrays index their elements (`scores.0`, `scores.1`);
 * - null, empty objects and empty arrays are skipped, and the note names them.
 * With role `params` (a `params.yaml`), every leaf is a param, numbers included.
 */
export function flattenInto(builder: DocBuilder, value: unknown, role: LeafRole, prefix = ''): void {
  let numericStrings = 0;
  const walk = (node: unknown, key: string): void => {
    if (Array.isArray(node)) {
      if (node.length === 0) return builder.skip(key || '(root)', 'empty list');
      if (node.length === 1) return walk(node[0], key);
      node.forEach((item, index) => walk(item, childKey(key, String(index))));
      return;
    }
    if (node instanceof Date) {
      const text = Number.isNaN(node.getTime()) ? String(node) : node.toISOString();
      return builder.param(key, text);
    }
    if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node);
      if (entries.length === 0) return builder.skip(key || '(root)', 'empty object');
      for (const [k, v] of entries) walk(v, childKey(key, k));
      return;
    }
    if (key === '') return builder.skip('(root)', `a single ${typeof node}, not an object of named values`);
    if (typeof node === 'number')
      return role === 'metrics' ? builder.metric(key, node) : builder.param(key, node);
    if (typeof node === 'bigint') {
      const n = Number(node);
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
  walk(value, prefix);
  if (numericStrings > 0) {
    builder.note(
      `read ${numericStrings} quoted number${numericStrings === 1 ? '' : 's'} (such as "0.9" or "nan") as ${numericStrings === 1 ? 'a metric' : 'metrics'}`,
    );
  }
}
