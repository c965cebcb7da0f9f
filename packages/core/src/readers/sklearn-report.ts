/**
 * scikit-learn's `classification_report` (format id `sklearn-report`), user-facing rules in
 * docs/formats/sklearn-report.md. Two forms:
 * - the dict of `output_dict=True`, dumped as JSON (often declared as a DVC metric): read with the
 *   same keys the generic JSON reader gives (`0.precision`, `accuracy`, `macro avg.f1-score`), so
 *   switching readers never renames a gated metric, and checked for the report's shape;
 * - the printed text table, as people save it with `print(report, file=f)` or find it in a log:
 *   parsed from the right of each row, because class names may contain spaces and the number of
 *   digits varies (`digits=`). Rows: class labels, `accuracy` (two numbers: the score and the
 *   support), `micro avg`, `macro avg`, `weighted avg`, `samples avg` (multi-label).
 */
import { DocBuilder } from '../doc-builder.js';
import { ParseError } from '../errors.js';
import { flattenInto } from '../flatten.js';
import { parseJsonText } from '../json-text.js';
import { childKey } from '../keys.js';
import type { MetricsDoc } from '../model.js';
import { parseNumber } from '../numbers.js';
import { extensionOf, readTextFile } from './files.js';
import { DETECT, type Probe, type Reader, type ReaderOptions } from './types.js';

export const COLUMNS = ['precision', 'recall', 'f1-score', 'support'] as const;
const AVERAGE_ROWS = new Set(['micro avg', 'macro avg', 'weighted avg', 'samples avg']);
const HEADER = /^\s*precision\s+recall\s+f1-score\s+support\s*$/m;
/** A number as Python prints it, `nan` included (a class with no support can give one). */
const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|nan|NaN|inf|-inf`;
const ROW = new RegExp(String.raw`^(.*?\S)\s+(${NUMBER})\s+(${NUMBER})\s+(${NUMBER})\s+(${NUMBER})\s*$`);
const ACCURACY_ROW = new RegExp(String.raw`^\s*accuracy\s+(${NUMBER})\s+(${NUMBER})\s*$`);
const ENDS_WITH_NUMBER = new RegExp(String.raw`(?:^|\s)(?:${NUMBER})\s*$`);

export const sklearnReportReader: Reader = {
  format: 'sklearn-report',
  title: 'scikit-learn classification_report (JSON dict or printed text)',
  target: 'file',
  detect(probe: Probe): number {
    if (probe.isDirectory) return DETECT.no;
    const head = new TextDecoder().decode(probe.head);
    const ext = extensionOf(probe.name);
    if (ext === 'json') {
      // Any of the summary rows plus the per-class fields: no other tool writes this shape.
      const avg = /"(macro|weighted|micro|samples) avg"\s*:/.test(head);
      return avg && head.includes('"f1-score"') && head.includes('"support"') ? DETECT.content : DETECT.no;
    }
    if (ext === 'txt' || ext === 'log' || ext === 'out' || ext === '') {
      return HEADER.test(head) ? DETECT.content : DETECT.no;
    }
    return DETECT.no;
  },
  read: readSklearnReport,
};

export async function readSklearnReport(path: string, options: ReaderOptions): Promise<MetricsDoc> {
  const text = await readTextFile(path);
  const builder = new DocBuilder(path, 'sklearn-report', { maxSeriesPoints: options.maxSeriesPoints });
  if (/^\s*\{/.test(text)) readReportDictInto(builder, parseJsonText(text, path), path);
  else readReportTextInto(builder, text, path);
  return builder.build();
}

/** The `output_dict=True` form. */
export function readReportDictInto(builder: DocBuilder, value: unknown, file: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ParseError(
      { file },
      'expected the JSON object classification_report(output_dict=True) returns',
    );
  }
  const classes: string[] = [];
  let rows = 0;
  for (const [name, node] of Object.entries(value as Record<string, unknown>)) {
    if (name === 'accuracy') {
      if (typeof node !== 'number') {
        throw new ParseError(
          { file, key: name },
          `expected accuracy to be a number, found ${JSON.stringify(node)}`,
        );
      }
      continue;
    }
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      throw new ParseError(
        { file, key: name },
        `expected an object with ${COLUMNS.join(', ')} (a class or an average row), found ${JSON.stringify(node)}`,
      );
    }
    const missing = COLUMNS.filter((c) => typeof (node as Record<string, unknown>)[c] !== 'number');
    if (missing.length > 0) {
      throw new ParseError({ file, key: name }, `expected numbers for ${missing.join(', ')} in this row`);
    }
    rows++;
    if (!AVERAGE_ROWS.has(name)) classes.push(name);
  }
  if (rows === 0) {
    throw new ParseError(
      { file },
      'expected at least one class row ({"precision", "recall", "f1-score", "support"})',
    );
  }
  flattenInto(builder, value, 'metrics');
  noteClasses(builder, classes);
}

/** The printed form: a header line, then one row per class and the summary rows. */
export function readReportTextInto(builder: DocBuilder, text: string, file: string): void {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => HEADER.test(line));
  if (headerIndex < 0) {
    throw new ParseError(
      { file, line: 1 },
      'expected a classification report: a header line "precision recall f1-score support", found none',
    );
  }
  if (lines.slice(0, headerIndex).some((l) => l.trim() !== '')) {
    builder.note(
      `read the report that starts at line ${headerIndex + 1}; the lines before it are not part of it`,
    );
  }
  const classes: string[] = [];
  let rows = 0;
  let end = lines.length;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const lineNo = i + 1;
    const accuracy = ACCURACY_ROW.exec(line);
    if (accuracy !== null) {
      builder.metric('accuracy', number(accuracy[1]!, file, lineNo, line));
      support(accuracy[2]!, file, lineNo, line);
      rows++;
      continue;
    }
    const row = ROW.exec(line);
    if (row === null) {
      if (ENDS_WITH_NUMBER.test(line)) {
        throw new ParseError(
          { file, line: lineNo, column: 1 },
          `expected a report row: a label and four numbers (${COLUMNS.join(', ')}), or "accuracy" and two numbers; found ${JSON.stringify(line.trim())}`,
        );
      }
      end = i;
      break;
    }
    const label = row[1]!.trim();
    const key = childKey('', label);
    builder.metric(childKey(key, 'precision'), number(row[2]!, file, lineNo, line));
    builder.metric(childKey(key, 'recall'), number(row[3]!, file, lineNo, line));
    builder.metric(childKey(key, 'f1-score'), number(row[4]!, file, lineNo, line));
    builder.metric(childKey(key, 'support'), support(row[5]!, file, lineNo, line));
    if (!AVERAGE_ROWS.has(label)) classes.push(label);
    rows++;
  }
  if (rows === 0) {
    throw new ParseError(
      { file, line: Math.min(end, lines.length - 1) + 1, column: 1 },
      'expected report rows after the header line, found none',
    );
  }
  const next = lines.slice(end).findIndex((l) => HEADER.test(l));
  if (next >= 0) {
    builder.warn(
      `another classification report starts at line ${end + next + 1} and was not read: keep one report per file`,
    );
  } else if (end < lines.length && lines.slice(end).some((l) => l.trim() !== '')) {
    builder.note(`the report ends at line ${end}; the lines after it are not part of it`);
  }
  noteClasses(builder, classes);
}

function number(text: string, file: string, line: number, source: string): number {
  const value = parseNumber(text);
  if (value === undefined) {
    throw new ParseError(
      { file, line, column: source.indexOf(text) + 1 },
      `expected a number, found ${JSON.stringify(text)}`,
    );
  }
  return value;
}

function support(text: string, file: string, line: number, source: string): number {
  const value = number(text, file, line, source);
  if (!Number.isInteger(value) || value < 0) {
    throw new ParseError(
      { file, line, column: source.lastIndexOf(text) + 1 },
      `expected the support (a count of examples, a whole number >= 0), found ${JSON.stringify(text)}`,
    );
  }
  return value;
}

function noteClasses(builder: DocBuilder, classes: string[]): void {
  if (classes.length === 0) return;
  const shown = classes.slice(0, 10).join(', ');
  builder.note(
    `${classes.length} class${classes.length === 1 ? '' : 'es'}: ${shown}${classes.length > 10 ? ` and ${classes.length - 10} more` : ''}`,
  );
}
