/** Reading JUnit XML, loaded on first use by the reader in junit.ts (see there for the rules). */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DocBuilder } from '../doc-builder.js';
import { ParseError } from '../errors.js';
import { childKey } from '../keys.js';
import type { MetricsDoc } from '../model.js';
import { readTextFile } from './files.js';
import type { ReaderOptions } from './types.js';

/** The counts of one suite, or of the whole file. */
export interface TestCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  /** Seconds; undefined when no element states a time. */
  time?: number;
}

interface XmlElement {
  [key: string]: unknown;
}

const ELEMENT_LISTS = new Set(['testsuites', 'testsuite', 'testcase', 'failure', 'error', 'skipped']);

export async function readJunit(path: string, options: ReaderOptions): Promise<MetricsDoc> {
  const text = await readTextFile(path);
  const root = parseJunitXml(text, path);
  const builder = new DocBuilder(path, 'junit', { maxSeriesPoints: options.maxSeriesPoints });
  const suites = collectSuites(root, path);
  if (suites.length === 0) {
    throw new ParseError(
      { file: path },
      'expected a JUnit report: a <testsuites> or <testsuite> root element, found neither',
    );
  }
  const total: TestCounts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const failed: string[] = [];
  const usedNames = new Map<string, number>();
  let fromAttributes = 0;
  let suiteCount = 0;
  for (const suite of suites) {
    const counted = countSuite(suite, path, failed);
    if (counted.container) continue;
    suiteCount++;
    if (counted.fromAttributes) fromAttributes++;
    add(total, counted.counts);
    const name = uniqueName(suite.name, usedNames);
    writeCounts(builder, childKey(childKey('junit', 'suites'), name), counted.counts);
  }
  if (total.time === undefined) {
    const rootTime = rootSuitesTime(root, path);
    if (rootTime !== undefined) total.time = rootTime;
  }
  writeCounts(builder, 'junit', total);
  builder.note(
    `${suiteCount} test suite${suiteCount === 1 ? '' : 's'}, ${total.tests} test${total.tests === 1 ? '' : 's'}: ` +
      `${passed(total)} passed, ${total.failures} failed, ${total.errors} errored, ${total.skipped} skipped`,
  );
  if (fromAttributes > 0) {
    builder.note(
      `${fromAttributes} suite${fromAttributes === 1 ? ' lists' : 's list'} no <testcase>: counted from the tests/failures/errors/skipped attributes`,
    );
  }
  if (failed.length > 0) {
    const shown = failed.slice(0, 10).join('; ');
    builder.note(`not passing: ${shown}${failed.length > 10 ? ` and ${failed.length - 10} more` : ''}`);
  }
  return builder.build();
}

/**
 * Parses after a well-formedness check (fast-xml-parser's own parser is lenient and reports no
 * positions). Entities are not expanded: a report has no business declaring any, and expanding
 * them is how XML bombs work; the five predefined ones and character references are decoded by
 * hand where text is used.
 */
export function parseJunitXml(text: string, file: string): XmlElement {
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw new ParseError(
      { file, line: valid.err.line, column: valid.err.col },
      `invalid XML: ${valid.err.msg.replace(/\.$/, '')}`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    allowBooleanAttributes: true,
    parseAttributeValue: false,
    parseTagValue: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    textNodeName: '#text',
    isArray: (name) => ELEMENT_LISTS.has(name),
  });
  const parsed: unknown = parser.parse(text);
  if (parsed === null || typeof parsed !== 'object') {
    throw new ParseError({ file }, 'expected a JUnit report: the file holds no XML element');
  }
  return parsed as XmlElement;
}

interface Suite {
  name: string;
  element: XmlElement;
}

/** Every `<testsuite>`, depth first, including suites nested in suites (as some writers nest them). */
function collectSuites(root: XmlElement, file: string): Suite[] {
  const out: Suite[] = [];
  const visit = (element: XmlElement, parentName: string): void => {
    for (const suite of elements(element, 'testsuite')) {
      const own = attribute(suite, 'name');
      const name = own !== undefined && own !== '' ? own : parentName || `suite ${out.length + 1}`;
      out.push({ name, element: suite });
      visit(suite, name);
    }
  };
  const roots = elements(root, 'testsuites');
  if (roots.length > 1) {
    throw new ParseError({ file }, 'expected one <testsuites> root element, found several');
  }
  visit(roots[0] ?? root, '');
  return out;
}

function countSuite(
  suite: Suite,
  file: string,
  failed: string[],
): { counts: TestCounts; fromAttributes: boolean; container: boolean } {
  const cases = elements(suite.element, 'testcase');
  const where = `testsuite ${JSON.stringify(suite.name)}`;
  // A suite that only holds suites: its attributes repeat its children's counts, which are read.
  if (cases.length === 0 && nestedSuites(suite) > 0) {
    return {
      counts: { tests: 0, failures: 0, errors: 0, skipped: 0 },
      fromAttributes: false,
      container: true,
    };
  }
  if (cases.length === 0) {
    const counts: TestCounts = {
      tests: countAttribute(suite.element, 'tests', file, where) ?? 0,
      failures: countAttribute(suite.element, 'failures', file, where) ?? 0,
      errors: countAttribute(suite.element, 'errors', file, where) ?? 0,
      skipped:
        countAttribute(suite.element, 'skipped', file, where) ??
        countAttribute(suite.element, 'disabled', file, where) ??
        0,
    };
    const time = timeAttribute(suite.element, file, where);
    if (time !== undefined) counts.time = time;
    return { counts, fromAttributes: true, container: false };
  }
  const counts: TestCounts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  let caseTime = 0;
  let anyCaseTime = false;
  for (const testcase of cases) {
    counts.tests++;
    const name = caseName(testcase);
    const caseWhere = `${where} > testcase ${JSON.stringify(name)}`;
    const time = timeAttribute(testcase, file, caseWhere);
    if (time !== undefined) {
      caseTime += time;
      anyCaseTime = true;
    }
    const failure = elements(testcase, 'failure')[0];
    const error = elements(testcase, 'error')[0];
    if (failure !== undefined) {
      counts.failures++;
      failed.push(describeProblem(name, 'failed', failure));
    } else if (error !== undefined) {
      counts.errors++;
      failed.push(describeProblem(name, 'error', error));
    } else if (elements(testcase, 'skipped').length > 0) {
      counts.skipped++;
    }
  }
  // The suite's own time includes set-up and tear-down; the sum of its cases is the fallback.
  const suiteTime = timeAttribute(suite.element, file, where);
  if (suiteTime !== undefined) counts.time = suiteTime;
  else if (anyCaseTime) counts.time = roundSeconds(caseTime);
  return { counts, fromAttributes: false, container: false };
}

function nestedSuites(suite: Suite): number {
  return elements(suite.element, 'testsuite').length;
}

function rootSuitesTime(root: XmlElement, file: string): number | undefined {
  const suites = elements(root, 'testsuites')[0];
  return suites === undefined ? undefined : timeAttribute(suites, file, 'testsuites');
}

function writeCounts(builder: DocBuilder, prefix: string, counts: TestCounts): void {
  builder.metric(childKey(prefix, 'tests'), counts.tests);
  builder.metric(childKey(prefix, 'passed'), passed(counts));
  builder.metric(childKey(prefix, 'failures'), counts.failures);
  builder.metric(childKey(prefix, 'errors'), counts.errors);
  builder.metric(childKey(prefix, 'skipped'), counts.skipped);
  const ran = counts.tests - counts.skipped;
  // A suite where nothing ran has no pass rate (0 would read as "everything failed").
  if (ran > 0) builder.metric(childKey(prefix, 'pass_rate'), passed(counts) / ran);
  if (counts.time !== undefined) builder.metric(childKey(prefix, 'time'), counts.time);
}

function passed(counts: TestCounts): number {
  return Math.max(0, counts.tests - counts.failures - counts.errors - counts.skipped);
}

function add(total: TestCounts, counts: TestCounts): void {
  total.tests += counts.tests;
  total.failures += counts.failures;
  total.errors += counts.errors;
  total.skipped += counts.skipped;
  if (counts.time !== undefined) total.time = roundSeconds((total.time ?? 0) + counts.time);
}

/** Sums of millisecond timings drift in binary floating point; reports state at most microseconds. */
function roundSeconds(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}

function uniqueName(name: string, used: Map<string, number>): string {
  const seen = used.get(name) ?? 0;
  used.set(name, seen + 1);
  return seen === 0 ? name : `${name} #${seen + 1}`;
}

function caseName(testcase: XmlElement): string {
  const name = attribute(testcase, 'name') ?? '(unnamed)';
  const classname = attribute(testcase, 'classname');
  return classname !== undefined && classname !== '' ? `${classname}.${name}` : name;
}

function describeProblem(name: string, what: string, element: XmlElement): string {
  const message = attribute(element, 'message') ?? attribute(element, 'type');
  if (message === undefined || message === '') return `${name} (${what})`;
  const firstLine = message.split('\n')[0]!.trim();
  return `${name} (${what}: ${firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine})`;
}

function elements(parent: XmlElement, name: string): XmlElement[] {
  const value = parent[name];
  if (!Array.isArray(value)) return [];
  // `<skipped/>` parses to an empty string; any element counts, whatever its content.
  return value.map((item) => (item !== null && typeof item === 'object' ? (item as XmlElement) : {}));
}

function attribute(element: XmlElement, name: string): string | undefined {
  const value = element[`@${name}`];
  if (value === undefined) return undefined;
  return decodeXmlText(typeof value === 'string' ? value : String(value));
}

function countAttribute(element: XmlElement, name: string, file: string, where: string): number | undefined {
  const text = attribute(element, name);
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 0) {
    throw new ParseError(
      { file, key: `${where} @${name}` },
      `expected a count (a whole number >= 0), found ${JSON.stringify(text)}`,
    );
  }
  return n;
}

function timeAttribute(element: XmlElement, file: string, where: string): number | undefined {
  const text = attribute(element, 'time');
  if (text === undefined || text.trim() === '') return undefined;
  // Some writers (older Surefire) group thousands: time="1,234.5".
  const n = Number(text.trim().replace(/,(?=\d{3}(\D|$))/g, ''));
  if (!Number.isFinite(n) || n < 0) {
    throw new ParseError(
      { file, key: `${where} @time` },
      `expected a duration in seconds (a number >= 0), found ${JSON.stringify(text)}`,
    );
  }
  return n;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined XML entities and character references; any other entity is left as written. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[body] ?? whole;
  });
}
