import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { DocBuilder } from '../doc-builder.js';
import { ParseError } from '../errors.js';
import { MAX_NESTING, fileStem, flattenInto } from '../flatten.js';
import { childKey, escapeSegment } from '../keys.js';
import { parseJsonText } from '../json-text.js';
import type { FormatId, MetricsDoc } from '../model.js';
import { MAX_DOCUMENT_BYTES, extensionOf, isParamsFileName, readTextFile, streamFile } from './files.js';
import { NumberListScanner } from './number-list.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from './types.js';

/** A DVC-style metrics (or params) file: any nesting of named numbers. */
function structuredReader(
  format: FormatId,
  title: string,
  extensions: readonly string[],
  parse: (text: string, file: string, notes: string[]) => unknown,
): Reader {
  return {
    format,
    title,
    target: 'file',
    detect(probe: Probe): number {
      if (probe.isDirectory) return DETECT.no;
      return extensions.includes(extensionOf(probe.name)) ? DETECT.extension : DETECT.no;
    },
    async read(path: string, options: ReaderOptions): Promise<MetricsDoc> {
      if (format === 'json' && !isParamsFileName(path.split(/[\\/]/).pop() ?? path)) {
        const list = await readNumberListJson(path, options);
        if (list !== undefined) return list;
      }
      const notes: string[] = [];
      const value = await parse(await readTextFile(path), path, notes);
      return structuredDoc(value, path, format, options, notes);
    },
  };
}

/** Thrown inside a stream's callback to stop reading once the fast path has given up. */
const STOP = Symbol('stop');

/**
 * A JSON file that is one long list of numbers, streamed into a curve (see number-list.ts), or
 * undefined when it is anything else (read the ordinary way then; the first chunk usually tells).
 */
export async function readNumberListJson(
  path: string,
  options: ReaderOptions,
): Promise<MetricsDoc | undefined> {
  const builder = new DocBuilder(path, 'json', { maxSeriesPoints: options.maxSeriesPoints });
  const name = escapeSegment(fileStem(path));
  const scanner = new NumberListScanner(() => builder.seriesFor(name));
  let bytes = 0;
  try {
    await streamFile(path, (chunk) => {
      bytes += chunk.length;
      // Past the size limit, the ordinary read says so in its own words.
      if (bytes > MAX_DOCUMENT_BYTES) throw STOP;
      scanner.push(chunk);
      if (scanner.gaveUp) throw STOP;
    });
  } catch (error) {
    if (error === STOP) return undefined;
    throw error;
  }
  const count = scanner.finish();
  if (count === undefined) return undefined;
  builder.note(`read the list ${name} (${count} numbers) as a curve over its index`);
  return builder.build();
}

export function structuredDoc(
  value: unknown,
  path: string,
  format: FormatId,
  options: ReaderOptions,
  notes: readonly string[] = [],
): MetricsDoc {
  const builder = new DocBuilder(path, format, { maxSeriesPoints: options.maxSeriesPoints });
  for (const note of notes) builder.note(note);
  const name = path.split(/[\\/]/).pop() ?? path;
  const role = isParamsFileName(name) ? 'params' : 'metrics';
  if (role === 'params') builder.note('read as parameters (the file name says it holds hyper-parameters)');
  flattenInto(builder, value, role);
  return builder.build();
}

/** How many values YAML aliases may expand to (yaml's maxAliasCount): the billion-laughs guard. */
export const MAX_YAML_ALIAS_EXPANSION = 1000;

/**
 * Parses YAML into plain values. Aliases are where YAML turns hostile: an alias to its own
 * ancestor makes a cycle, an alias to nothing is an error the library throws late and untyped, and
 * aliases of aliases expand exponentially ("billion laughs"). All three are ParseErrors at the
 * alias's line and column, as is nesting past MAX_NESTING. With `notes`, duplicate keys (allowed
 * here, the last one wins, as PyYAML does) are named in a note.
 */
export function parseYamlText(text: string, file: string, notes?: string[]): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: false, strict: false, lineCounter });
  const error = doc.errors[0];
  if (error !== undefined) {
    const pos = error.linePos?.[0];
    let detail = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    // The library's own recursion gave out: say what that means for the file.
    if (detail.startsWith('Maximum call stack size exceeded'))
      detail = `nested too deeply for the YAML parser (mlci reads at most ${MAX_NESTING} levels)`;
    throw new ParseError(
      pos ? { file, line: pos.line, column: pos.col } : { file, offset: error.pos[0] },
      `invalid YAML: ${detail}`,
    );
  }
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const firstAlias = checkYamlNodes(doc, at, notes);
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_EXPANSION });
  } catch (error) {
    // yaml throws a ReferenceError when the aliases expand past maxAliasCount.
    if (error instanceof ReferenceError && firstAlias !== undefined) {
      throw new ParseError(
        at(firstAlias),
        `invalid YAML: the aliases expand to more than ${MAX_YAML_ALIAS_EXPANSION} values, starting with this one (an alias bomb?); mlci expands at most ${MAX_YAML_ALIAS_EXPANSION}`,
      );
    }
    throw error;
  }
}

/**
 * One walk of the YAML syntax tree, in document order and with its own stack: refuses nesting past
 * MAX_NESTING, aliases to no anchor and aliases inside their own anchor's value; names duplicate
 * keys in `notes`. Returns the offset of the first alias, where an alias bomb is reported.
 */
function checkYamlNodes(
  doc: Document.Parsed,
  at: (offset: number) => { file: string; line: number; column: number },
  notes: string[] | undefined,
): number | undefined {
  const anchors = new Map<string, unknown>();
  const open = new Set<unknown>();
  const duplicates: Array<{ offset: number; text: string }> = [];
  let duplicateCount = 0;
  let firstAlias: number | undefined;
  type Frame = { node: unknown; key: string; depth: number } | { close: unknown };
  const stack: Frame[] = [{ node: doc.contents, key: '', depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ('close' in frame) {
      open.delete(frame.close);
      continue;
    }
    const { node, key, depth } = frame;
    if (node === null || typeof node !== 'object') continue;
    const range = (node as { range?: [number, number, number] }).range;
    if (depth > MAX_NESTING) {
      throw new ParseError(
        at(range?.[0] ?? 0),
        `invalid YAML: nested deeper than ${MAX_NESTING} levels; mlci reads at most ${MAX_NESTING}`,
      );
    }
    if (isAlias(node)) {
      firstAlias ??= range?.[0] ?? 0;
      const target = anchors.get(node.source);
      if (target === undefined) {
        throw new ParseError(
          at(range?.[0] ?? 0),
          `invalid YAML: alias *${node.source} refers to no anchor &${node.source} defined before it`,
        );
      }
      if (open.has(target)) {
        throw new ParseError(
          at(range?.[0] ?? 0),
          `invalid YAML: alias *${node.source} is inside the value of its own anchor &${node.source} (a cycle); mlci cannot flatten it`,
        );
      }
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor !== undefined) anchors.set(anchor, node);
    if (isScalar(node)) continue;
    open.add(node);
    stack.push({ close: node });
    const children: Frame[] = [];
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const childPath = name === undefined ? key : childKey(key, name);
        if (name !== undefined) {
          if (seen.has(name) && notes !== undefined && duplicateCount++ < 10) {
            const offset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
            duplicates.push({ offset, text: `${childPath} (line ${at(offset).line})` });
          }
          seen.add(name);
        }
        // The key first: an anchor on a key is defined before the value's aliases.
        children.push({ node: pair.key, key: childPath, depth: depth + 1 });
        children.push({ node: pair.value, key: childPath, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) =>
        children.push({ node: item, key: childKey(key, String(i)), depth: depth + 1 }),
      );
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  if (notes !== undefined && duplicateCount > 0) {
    const more = duplicateCount - duplicates.length;
    // In the order they appear in the file (a map's keys are checked before its values are walked).
    const named = duplicates.sort((a, b) => a.offset - b.offset).map((d) => d.text);
    notes.push(
      `duplicate keys, the last value of each is read: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
    );
  }
  return firstAlias;
}

/** Async: the TOML parser is loaded by the first TOML file, not by every step that reads metrics. */
export async function parseTomlText(text: string, file: string): Promise<unknown> {
  const { TomlError, parse: parseToml } = await import('smol-toml');
  try {
    // TOML integers are 64-bit: those past 2^53 come back as bigints, and the flattener reads them
    // as the nearest number with a note, rather than refusing the file (smol-toml's default).
    return parseToml(text, { integersAsBigInt: 'asNeeded' });
  } catch (error) {
    if (error instanceof TomlError) {
      const detail = error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'syntax error';
      throw new ParseError({ file, line: error.line, column: error.column }, `invalid TOML: ${detail}`);
    }
    throw error;
  }
}

export const jsonReader = structuredReader('json', 'JSON metrics file', ['json'], parseJsonText);
export const yamlReader = structuredReader('yaml', 'YAML metrics file', ['yaml', 'yml'], parseYamlText);
export const tomlReader = structuredReader('toml', 'TOML metrics file', ['toml'], parseTomlText);
