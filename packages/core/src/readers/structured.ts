import { parseDocument } from 'yaml';
import { DocBuilder } from '../doc-builder.js';
import { ParseError } from '../errors.js';
import { flattenInto } from '../flatten.js';
import { parseJsonText } from '../json-text.js';
import type { FormatId, MetricsDoc } from '../model.js';
import { extensionOf, isParamsFileName, readTextFile } from './files.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from './types.js';

/** A DVC-style metrics (or params) file: any nesting of named numbers. */
function structuredReader(
  format: FormatId,
  title: string,
  extensions: readonly string[],
  parse: (text: string, file: string) => unknown,
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
      const value = await parse(await readTextFile(path), path);
      return structuredDoc(value, path, format, options);
    },
  };
}

export function structuredDoc(
  value: unknown,
  path: string,
  format: FormatId,
  options: ReaderOptions,
): MetricsDoc {
  const builder = new DocBuilder(path, format, { maxSeriesPoints: options.maxSeriesPoints });
  const name = path.split(/[\\/]/).pop() ?? path;
  const role = isParamsFileName(name) ? 'params' : 'metrics';
  if (role === 'params') builder.note('read as parameters (the file name says it holds hyper-parameters)');
  flattenInto(builder, value, role);
  return builder.build();
}

export function parseYamlText(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: false, strict: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const pos = error.linePos?.[0];
    throw new ParseError(
      pos ? { file, line: pos.line, column: pos.col } : { file, offset: error.pos[0] },
      `invalid YAML: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
    );
  }
  return doc.toJS({ maxAliasCount: 1000 });
}

/** Async: the TOML parser is loaded by the first TOML file, not by every step that reads metrics. */
export async function parseTomlText(text: string, file: string): Promise<unknown> {
  const { TomlError, parse: parseToml } = await import('smol-toml');
  try {
    return parseToml(text);
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
