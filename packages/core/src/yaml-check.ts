import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ConfigurationError } from './errors.js';

/**
 * YAML read for checking by hand, as `.mlci.yml` (config/config.ts) and data schemas
 * (data/schema.ts) are: every mistake is a ConfigurationError that names file:line:column and the
 * key path, in the same words for both files.
 */
export interface CheckedYaml {
  doc: Document.Parsed;
  /** `file:line:column` of a node (just `file` when it has no position). */
  where: (node: Node | null | undefined) => string;
  fail: (node: Node | null | undefined, path: string, detail: string) => never;
  /** What a node is, for "expected X, found Y". */
  describe: (node: Node | null | undefined) => string;
  /** Fails on the first key of a mapping that is not allowed, listing the allowed ones. */
  checkKeys: (node: Node, path: string, allowed: readonly string[]) => void;
}

/**
 * Parses `text` (duplicate keys are errors) and fails on its first syntax error. `hint` may add a
 * sentence for the offending line (config.ts explains quoted gates).
 */
export function parseCheckedYaml(text: string, file: string, hint?: (line: string) => string): CheckedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    const pos = firstError.linePos?.[0];
    const message = (firstError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    const line = pos === undefined ? '' : (text.split('\n')[pos.line - 1] ?? '');
    throw new ConfigurationError(
      `${file}${pos ? `:${pos.line}:${pos.col}` : ''}: invalid YAML: ${message}${hint?.(line) ?? ''}`,
    );
  }
  const where = (node: Node | null | undefined): string => {
    const offset = node?.range?.[0];
    const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
    return `${file}${pos ? `:${pos.line}:${pos.col}` : ''}`;
  };
  const fail = (node: Node | null | undefined, path: string, detail: string): never => {
    throw new ConfigurationError(`${where(node)}: ${path}: ${detail}`);
  };
  const describe = (node: Node | null | undefined): string => {
    if (node === null || node === undefined) return 'nothing';
    if (isMap(node)) return 'a mapping';
    if (isSeq(node)) return 'a list';
    if (isScalar(node)) return JSON.stringify(node.value);
    return 'something else';
  };
  const checkKeys = (node: Node, path: string, allowed: readonly string[]): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      if (!allowed.includes(key)) {
        fail(
          pair.key as Node,
          path === '' ? key : `${path}.${key}`,
          `unknown key; expected one of ${allowed.join(', ')}`,
        );
      }
    }
  };
  return { doc, where, fail, describe, checkKeys };
}
