/**
 * A data schema (docs/validate.md): what a table must look like, as a YAML file a person reads and
 * edits. Inferred from a reference table's profile (`mlci validate --infer`), with a comment on
 * every bound saying where it came from, or written by hand. Parsed like `.mlci.yml`: every
 * mistake names file:line:column and the key.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { parseCheckedYaml, type CheckedYaml } from '../yaml-check.js';
import { MAX_CATEGORIES, type ColumnProfile, type TableProfile } from './profile.js';
import { columnType, valueFamily } from './types.js';

export const SCHEMA_TYPES = ['numeric', 'categorical', 'boolean', 'datetime', 'text'] as const;
export type SchemaType = (typeof SCHEMA_TYPES)[number];

/** At most this many categories are inferred; a column with more gets no list (edit one in). */
export const MAX_INFERRED_CATEGORIES = 100;

export interface ColumnSchema {
  name: string;
  type: SchemaType;
  /** Numeric columns: the smallest and largest value allowed. */
  min?: number;
  max?: number;
  /** Categorical columns: the values allowed (none given: any value). */
  categories?: string[];
  /** The largest share (0 to 1) of missing cells allowed. */
  maxMissing?: number;
  /** Every non-missing value differs from every other. */
  unique?: boolean;
}

export interface DataSchema {
  /** The file it was read from, for messages. */
  file?: string;
  rows: { min?: number; max?: number };
  columns: ColumnSchema[];
}

const TOP_KEYS = ['version', 'rows', 'columns'];
const ROW_KEYS = ['min', 'max'];
const COLUMN_KEYS = ['type', 'min', 'max', 'categories', 'max-missing', 'unique'];

// ---------------------------------------------------------------------------------------------
// Inference

/** The schema a reference table satisfies, with the reason for every bound (for the YAML comments). */
export interface InferredSchema {
  schema: DataSchema;
  /** `columns.<name>.<key>` (or `rows.min`) -> where the bound came from. */
  why: Map<string, string>;
  /** The reference, as named in the header comment. */
  source: string;
  referenceRows: number;
}

export function inferSchema(profile: TableProfile): InferredSchema {
  const why = new Map<string, string>();
  const columns = profile.columns.map((column) => inferColumn(column, profile.rows, why));
  why.set('rows.min', `the reference has ${profile.rows} rows; raise this to the fewest rows you accept`);
  return {
    schema: { rows: { min: 1 }, columns },
    why,
    source: profile.label,
    referenceRows: profile.rows,
  };
}

function inferColumn(column: ColumnProfile, rows: number, why: Map<string, string>): ColumnSchema {
  const at = (key: string, text: string) => why.set(`columns.${column.name}.${key}`, text);
  const seen = columnType(column);
  let type: SchemaType;
  if (seen === 'mixed') {
    type = 'text';
    at('type', 'numbers and text mixed in the reference: read as text; set the type you expect');
  } else if (seen === 'empty') {
    type = 'text';
    at('type', 'no values in the reference: any type is accepted until you set one');
  } else {
    type = seen;
    at('type', `${column.present} non-missing values in the reference`);
  }
  const out: ColumnSchema = { name: column.name, type };
  if (type === 'numeric' && column.numbers > 0) {
    out.min = column.min;
    out.max = column.max;
    at('min', 'the smallest value in the reference');
    at('max', 'the largest value in the reference');
  }
  if (type === 'categorical') {
    const sorted = [...column.categories.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (sorted.length <= MAX_INFERRED_CATEGORIES) {
      out.categories = sorted.map(([value]) => value);
      for (const [value, category] of sorted) at(`categories.${value}`, `${category.count} rows`);
    }
  }
  const cells = Math.max(rows, 1);
  out.maxMissing = Math.ceil((column.missing / cells) * 10_000) / 10_000;
  at(
    'max-missing',
    column.missing === 0
      ? 'none missing in the reference'
      : `${column.missing} of ${rows} missing in the reference`,
  );
  const distinct = distinctIfAllDifferent(column);
  if (distinct !== undefined && distinct >= 2 && seen !== 'empty') {
    out.unique = true;
    at('unique', `${distinct} distinct values in ${column.present} non-missing cells`);
  }
  return out;
}

/**
 * The number of values when every present value of the reference differs from the others and the
 * profile can tell (text counted exactly up to MAX_CATEGORIES distinct values; integers held
 * exactly up to the reservoir). Measurements (non-integers) are never inferred unique: that they
 * differ is chance, not a rule.
 */
function distinctIfAllDifferent(column: ColumnProfile): number | undefined {
  const family = valueFamily(column);
  if (family === 'string' || family === 'datetime') {
    if (column.categoriesOverflowed || column.categories.size !== column.present) return undefined;
    return column.categories.size;
  }
  if (family === 'numeric' && column.exact && column.nonFinite === 0) {
    const values = column.testValues();
    if (values.length !== column.present) return undefined;
    const sorted = Float64Array.from(values).sort();
    for (let i = 0; i < sorted.length; i++) {
      if (!Number.isInteger(sorted[i]!) || (i > 0 && sorted[i] === sorted[i - 1])) return undefined;
    }
    return sorted.length;
  }
  return undefined;
}

/** The YAML text of an inferred schema, each bound with its reason as a comment. */
export function schemaYaml(inferred: InferredSchema): string {
  const { schema, why } = inferred;
  const lines: string[] = [
    `# Data schema for mlci validate, inferred from ${inferred.source} (${inferred.referenceRows} rows).`,
    '# Every bound is what the reference held: edit them to what you accept (docs/validate.md).',
    'version: 1',
    'rows:',
    `  min: ${schema.rows.min ?? 0}  # ${why.get('rows.min') ?? ''}`,
    'columns:',
  ];
  for (const column of schema.columns) {
    const reason = (key: string) => {
      const text = why.get(`columns.${column.name}.${key}`);
      return text === undefined ? '' : `  # ${text}`;
    };
    lines.push(`  ${yamlString(column.name)}:`);
    lines.push(`    type: ${column.type}${reason('type')}`);
    if (column.min !== undefined) lines.push(`    min: ${yamlNumber(column.min)}${reason('min')}`);
    if (column.max !== undefined) lines.push(`    max: ${yamlNumber(column.max)}${reason('max')}`);
    if (column.categories !== undefined) {
      lines.push('    categories:');
      for (const value of column.categories) {
        lines.push(`      - ${JSON.stringify(value)}${reason(`categories.${value}`)}`);
      }
    } else if (column.type === 'categorical') {
      lines.push(
        `    # more than ${MAX_INFERRED_CATEGORIES} distinct values in the reference: list the allowed ones under categories: to check them`,
      );
    }
    if (column.maxMissing !== undefined)
      lines.push(`    max-missing: ${yamlNumber(column.maxMissing)}${reason('max-missing')}`);
    if (column.unique === true) lines.push(`    unique: true${reason('unique')}`);
  }
  return `${lines.join('\n')}\n`;
}

function yamlString(text: string): string {
  return /^[A-Za-z_][A-Za-z0-9_. -]*$/.test(text) &&
    !/[ .]$/.test(text) &&
    !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(text)
    ? text
    : JSON.stringify(text);
}

function yamlNumber(value: number): string {
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Parses and checks schema text. Every mistake names file:line:column and the key path. */
export function parseSchema(text: string, file: string): DataSchema {
  const yaml = parseCheckedYaml(text, file);
  const { doc, describe, checkKeys } = yaml;
  // Declared with its type so that `if (bad) fail(...)` narrows like a throw does.
  const fail: CheckedYaml['fail'] = yaml.fail;
  const number = (
    node: Node | undefined,
    path: string,
    check?: (n: number) => string | undefined,
  ): number | undefined => {
    if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'number' || Number.isNaN(value))
      return fail(node, path, `expected a number, found ${describe(node)}`);
    const problem = check?.(value);
    if (problem !== undefined) fail(node, path, `${problem}, found ${value}`);
    return value;
  };
  const count = (n: number) =>
    Number.isInteger(n) && n >= 0 ? undefined : 'expected a whole number of rows, 0 or more';

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null))
    return fail(root, '(top level)', 'the schema is empty; expected version: 1, rows: and columns:');
  if (!isMap(root))
    return fail(
      root,
      '(top level)',
      `expected a mapping with keys ${TOP_KEYS.join(', ')}, found ${describe(root)}`,
    );
  checkKeys(root, '', TOP_KEYS);
  const version = root.get('version', true) as Node | undefined;
  if (version !== undefined && !(isScalar(version) && version.value === 1))
    fail(version, 'version', `expected 1, found ${describe(version)}`);

  const schema: DataSchema = { file, rows: {}, columns: [] };
  const rows = root.get('rows', true) as Node | undefined;
  if (rows !== undefined && !(isScalar(rows) && rows.value === null)) {
    if (!isMap(rows)) fail(rows, 'rows', `expected a mapping with keys min, max, found ${describe(rows)}`);
    checkKeys(rows, 'rows', ROW_KEYS);
    const map = rows as unknown as { get(key: string, keep: true): Node | undefined };
    const min = number(map.get('min', true), 'rows.min', count);
    const max = number(map.get('max', true), 'rows.max', count);
    if (min !== undefined) schema.rows.min = min;
    if (max !== undefined) schema.rows.max = max;
    if (min !== undefined && max !== undefined && min > max)
      fail(map.get('max', true), 'rows.max', `is below rows.min (${min})`);
  }

  const columns = root.get('columns', true) as Node | undefined;
  if (columns === undefined || (isScalar(columns) && columns.value === null))
    return fail(columns ?? root, 'columns', 'expected a mapping of column names to their rules');
  if (!isMap(columns))
    return fail(
      columns,
      'columns',
      `expected a mapping of column names to their rules, found ${describe(columns)}`,
    );
  for (const pair of columns.items) {
    const keyNode = pair.key as Node;
    if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object')
      fail(keyNode, 'columns', `expected a column name, found ${describe(keyNode)}`);
    const name = String((keyNode as unknown as { value: unknown }).value);
    const path = `columns.${name}`;
    const body = pair.value as Node | null;
    if (!isMap(body))
      return fail(
        body ?? keyNode,
        path,
        `expected a mapping with keys ${COLUMN_KEYS.join(', ')}, found ${describe(body)}`,
      );
    checkKeys(body, path, COLUMN_KEYS);
    const get = (key: string) => body.get(key, true) as Node | undefined;
    const typeNode = get('type');
    const typeValue = isScalar(typeNode) ? typeNode.value : undefined;
    if (typeNode === undefined) fail(body, `${path}.type`, `required; one of ${SCHEMA_TYPES.join(', ')}`);
    if (typeof typeValue !== 'string' || !(SCHEMA_TYPES as readonly string[]).includes(typeValue))
      fail(
        typeNode,
        `${path}.type`,
        `expected one of ${SCHEMA_TYPES.join(', ')}, found ${describe(typeNode)}`,
      );
    const column: ColumnSchema = { name, type: typeValue as SchemaType };
    const min = number(get('min'), `${path}.min`);
    const max = number(get('max'), `${path}.max`);
    if ((min !== undefined || max !== undefined) && column.type !== 'numeric')
      fail(
        get(min !== undefined ? 'min' : 'max'),
        `${path}.${min !== undefined ? 'min' : 'max'}`,
        `a range applies to numeric columns; this one is ${column.type}`,
      );
    if (min !== undefined && max !== undefined && min > max)
      fail(get('max'), `${path}.max`, `is below min (${min})`);
    if (min !== undefined) column.min = min;
    if (max !== undefined) column.max = max;
    const categories = get('categories');
    if (categories !== undefined && !(isScalar(categories) && categories.value === null)) {
      if (column.type !== 'categorical')
        fail(
          categories,
          `${path}.categories`,
          `categories apply to categorical columns; this one is ${column.type}`,
        );
      if (!isSeq(categories))
        return fail(
          categories,
          `${path}.categories`,
          `expected a list of values, found ${describe(categories)}`,
        );
      const items = (categories as unknown as { items: Node[] }).items;
      if (items.length > MAX_CATEGORIES)
        fail(
          categories,
          `${path}.categories`,
          `at most ${MAX_CATEGORIES} categories, found ${items.length}; a column with more values is text`,
        );
      column.categories = items.map((item, i) => {
        const value = isScalar(item) ? item.value : undefined;
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
          return fail(item, `${path}.categories[${i}]`, `expected a value, found ${describe(item)}`);
        // As written (so `1.0` stays "1.0"), the way a cell is compared.
        return (item as unknown as { source?: string }).source ?? String(value);
      });
    }
    const maxMissing = number(get('max-missing'), `${path}.max-missing`, (n) =>
      n >= 0 && n <= 1 ? undefined : 'expected a share from 0 to 1 (0.01 is 1%)',
    );
    if (maxMissing !== undefined) column.maxMissing = maxMissing;
    const unique = get('unique');
    if (unique !== undefined) {
      const value = isScalar(unique) ? unique.value : undefined;
      if (typeof value !== 'boolean')
        fail(unique, `${path}.unique`, `expected true or false, found ${describe(unique)}`);
      column.unique = value as boolean;
    }
    schema.columns.push(column);
  }
  return schema;
}
