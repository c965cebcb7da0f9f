/** Reading JUnit XML, loaded on first use by the reader in junit.ts (see there for the rules). */
import { DocBuilder } from '../doc-builder.js';
import { ParseError, lineColumnAt } from '../errors.js';
import { MAX_NESTING } from '../flatten.js';
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

/** Elements nested deeper than this are refused (the same limit as JSON, YAML and TOML). */
export const MAX_XML_NESTING = MAX_NESTING;

const NAME = /[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFFF]*/y;
const BLANK = /[ \t\r\n]*/y;

/**
 * Reads a JUnit report with a scanner of our own, built for what a report needs and for what a
 * hostile one holds:
 * - only the attributes of the elements mlci counts are kept (testsuites, testsuite, testcase,
 *   failure, error, skipped); text (a 50 MB `<system-out>`) is stepped over with indexOf and never
 *   copied, and an attribute value is a slice of the file, never rebuilt character by character
 *   (the general XML parser used before took 1.9 GB for a 55 MB report);
 * - elements live in null-prototype objects, so `<__proto__/>` is a name like any other;
 * - entities are never expanded. Declarations of internal entities are stepped over (their
 *   references stay as written); an external entity (SYSTEM or PUBLIC) or a parameter entity is
 *   refused, since a test report has no use for either;
 * - nesting deeper than MAX_XML_NESTING is refused, with the element's line and column.
 * Well-formedness is checked as it goes (matching tags, quoted attributes, one root), and every
 * mistake names its line and column.
 */
export function parseJunitXml(text: string, file: string): XmlElement {
  const fail = (index: number, detail: string): never => {
    const { line, column } = lineColumnAt(text, index);
    throw new ParseError({ file, line, column }, `invalid XML: ${detail}`);
  };
  const document: XmlElement = Object.create(null) as XmlElement;
  // Open elements: name, where it starts, and its kept object (undefined when not kept).
  const names: string[] = [];
  const starts: number[] = [];
  const kept: Array<XmlElement | undefined> = [];
  let rootDone = false;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const skipPast = (from: number, end: string, what: string): number => {
    const at = text.indexOf(end, from);
    if (at === -1) fail(from, `${what} is not closed (expected "${end}")`);
    return at + end.length;
  };

  for (;;) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt === -1 ? text.length : lt;
    if (names.length === 0 && textEnd > pos) {
      BLANK.lastIndex = pos;
      BLANK.test(text);
      if (BLANK.lastIndex < textEnd)
        fail(BLANK.lastIndex, rootDone ? 'text after the root element' : 'text before the root element');
    }
    if (lt === -1) break;
    if (text.startsWith('<?', lt)) {
      pos = skipPast(lt + 2, '?>', 'a processing instruction');
    } else if (text.startsWith('<!--', lt)) {
      pos = skipPast(lt + 4, '-->', 'a comment');
    } else if (text.startsWith('<![CDATA[', lt)) {
      if (names.length === 0) fail(lt, 'a CDATA section outside the root element');
      pos = skipPast(lt + 9, ']]>', 'a CDATA section');
    } else if (text.startsWith('<!DOCTYPE', lt)) {
      if (names.length > 0 || rootDone) fail(lt, 'a DOCTYPE after the root element started');
      pos = skipDoctype(text, lt, fail);
    } else if (text.startsWith('<!', lt)) {
      fail(lt, 'expected a comment, CDATA section or DOCTYPE after "<!"');
    } else if (text.charCodeAt(lt + 1) === 0x2f /* / */) {
      NAME.lastIndex = lt + 2;
      if (!NAME.test(text)) fail(lt + 2, 'expected an element name after "</"');
      const name = text.slice(lt + 2, NAME.lastIndex);
      BLANK.lastIndex = NAME.lastIndex;
      BLANK.test(text);
      if (text[BLANK.lastIndex] !== '>') fail(BLANK.lastIndex, `expected ">" to end </${name}`);
      const open = names.pop();
      if (open === undefined) fail(lt, `closing tag </${name}> has no opening tag`);
      if (open !== name) {
        const { line, column } = lineColumnAt(text, starts[starts.length - 1]!);
        fail(lt, `expected </${open}> (opened at ${line}:${column}), found </${name}>`);
      }
      starts.pop();
      kept.pop();
      if (names.length === 0) rootDone = true;
      pos = BLANK.lastIndex + 1;
    } else {
      if (rootDone && names.length === 0) fail(lt, 'a second root element (a document has one)');
      NAME.lastIndex = lt + 1;
      if (!NAME.test(text)) fail(lt + 1, 'expected an element name after "<"');
      const name = text.slice(lt + 1, NAME.lastIndex);
      if (names.length >= MAX_XML_NESTING) {
        fail(
          lt,
          `elements nested deeper than ${MAX_XML_NESTING} levels; mlci reads at most ${MAX_XML_NESTING}`,
        );
      }
      const parent = names.length === 0 ? document : kept[kept.length - 1];
      const element =
        parent !== undefined && ELEMENT_LISTS.has(name) ? (Object.create(null) as XmlElement) : undefined;
      let at = NAME.lastIndex;
      let selfClosing = false;
      for (;;) {
        BLANK.lastIndex = at;
        BLANK.test(text);
        const blank = BLANK.lastIndex > at;
        at = BLANK.lastIndex;
        const c = text[at];
        if (c === '>') break;
        if (c === '/' && text[at + 1] === '>') {
          selfClosing = true;
          at++;
          break;
        }
        if (c === undefined) fail(lt, `the tag <${name}> is not closed (expected ">")`);
        if (!blank) fail(at, `expected a space, ">" or "/>" in <${name}>, found ${JSON.stringify(c)}`);
        NAME.lastIndex = at;
        if (!NAME.test(text)) fail(at, `expected an attribute name in <${name}>, found ${JSON.stringify(c)}`);
        const attribute = text.slice(at, NAME.lastIndex);
        BLANK.lastIndex = NAME.lastIndex;
        BLANK.test(text);
        if (text[BLANK.lastIndex] !== '=') {
          // A bare attribute (`<testcase skipped>`): some writers emit them; read as "true".
          if (element !== undefined) element[`@${attribute}`] ??= 'true';
          at = NAME.lastIndex;
          continue;
        }
        BLANK.lastIndex++;
        BLANK.test(text);
        const quote = text[BLANK.lastIndex];
        if (quote !== '"' && quote !== "'")
          fail(BLANK.lastIndex, `expected a quoted value for attribute ${attribute} of <${name}>`);
        const valueStart = BLANK.lastIndex + 1;
        const valueEnd = text.indexOf(quote!, valueStart);
        if (valueEnd === -1)
          fail(valueStart - 1, `the value of attribute ${attribute} of <${name}> is not closed`);
        const lessThan = text.indexOf('<', valueStart);
        if (lessThan !== -1 && lessThan < valueEnd)
          fail(lessThan, `"<" inside the value of attribute ${attribute} of <${name}> (write it as &lt;)`);
        if (element !== undefined) {
          const key = `@${attribute}`;
          if (key in element) fail(at, `attribute ${attribute} is repeated in <${name}>`);
          element[key] = text.slice(valueStart, valueEnd);
        }
        at = valueEnd + 1;
      }
      if (element !== undefined) {
        const list = (parent![name] ??= []) as XmlElement[];
        list.push(element);
      }
      pos = at + 1;
      if (selfClosing) {
        if (names.length === 0) rootDone = true;
      } else {
        names.push(name);
        starts.push(lt);
        kept.push(element);
      }
    }
  }
  if (names.length > 0) {
    fail(
      text.length,
      `the file ends inside <${names[names.length - 1]}> (opened at ${describeAt(text, starts[starts.length - 1]!)})`,
    );
  }
  if (!rootDone) throw new ParseError({ file }, 'expected a JUnit report: the file holds no XML element');
  return document;
}

function describeAt(text: string, index: number): string {
  const { line, column } = lineColumnAt(text, index);
  return `${line}:${column}`;
}

/**
 * Steps over `<!DOCTYPE name ...>`, with its internal subset when there is one. Internal entity
 * declarations are stepped over unread; external and parameter entities are refused.
 */
function skipDoctype(text: string, start: number, fail: (index: number, detail: string) => never): number {
  let at = start + 9;
  for (;;) {
    const c = text[at];
    if (c === undefined) fail(start, 'the DOCTYPE is not closed');
    if (c === '>') return at + 1;
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, at + 1);
      if (end === -1) fail(at, 'a quoted string in the DOCTYPE is not closed');
      at = end + 1;
      continue;
    }
    if (c !== '[') {
      at++;
      continue;
    }
    // The internal subset: declarations, comments and processing instructions up to "]".
    at++;
    for (;;) {
      BLANK.lastIndex = at;
      BLANK.test(text);
      at = BLANK.lastIndex;
      if (text[at] === ']') {
        at++;
        break;
      }
      if (text.startsWith('<!--', at)) {
        const end = text.indexOf('-->', at + 4);
        if (end === -1) fail(at, 'a comment is not closed (expected "-->")');
        at = end + 3;
        continue;
      }
      if (text.startsWith('<?', at)) {
        const end = text.indexOf('?>', at + 2);
        if (end === -1) fail(at, 'a processing instruction is not closed (expected "?>")');
        at = end + 2;
        continue;
      }
      if (text[at] === '%') {
        fail(at, 'a parameter entity reference in the DOCTYPE; mlci never expands entities and refuses one');
      }
      if (!text.startsWith('<!', at)) fail(at, 'expected a declaration (<!...>) or "]" in the DOCTYPE');
      const declaration = at;
      const isEntity = text.startsWith('<!ENTITY', at);
      let words = '';
      at += 2;
      for (;;) {
        const d = text[at];
        if (d === undefined) fail(declaration, 'a declaration in the DOCTYPE is not closed (expected ">")');
        if (d === '>') break;
        if (d === '"' || d === "'") {
          const end = text.indexOf(d, at + 1);
          if (end === -1) fail(at, 'a quoted string in the DOCTYPE is not closed');
          at = end + 1;
          words += ' "" ';
          continue;
        }
        words += d;
        at++;
      }
      at++;
      if (isEntity) {
        const parts = words.split(/[ \t\r\n]+/).filter((w) => w !== '');
        if (parts[1] === '%') {
          fail(
            declaration,
            'a parameter entity (<!ENTITY % ...>) is declared here; mlci never expands entities and refuses a report that declares one',
          );
        }
        if (parts.includes('SYSTEM') || parts.includes('PUBLIC')) {
          fail(
            declaration,
            'an external entity (SYSTEM or PUBLIC) is declared here; mlci never reads what an entity points at and refuses a report that declares one',
          );
        }
      }
    }
  }
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
  // Only the start of a message is shown: a 50 MB message is cut before it is decoded.
  const raw = rawAttribute(element, 'message') ?? rawAttribute(element, 'type');
  if (raw === undefined || raw === '') return `${name} (${what})`;
  const firstLine = decodeXmlText(raw.slice(0, 1000)).split('\n')[0]!.trim();
  return `${name} (${what}: ${firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine})`;
}

function elements(parent: XmlElement, name: string): XmlElement[] {
  const value = parent[name];
  if (!Array.isArray(value)) return [];
  // `<skipped/>` parses to an empty string; any element counts, whatever its content.
  return value.map((item) => (item !== null && typeof item === 'object' ? (item as XmlElement) : {}));
}

function rawAttribute(element: XmlElement, name: string): string | undefined {
  const value = element[`@${name}`];
  return value === undefined ? undefined : typeof value === 'string' ? value : String(value);
}

function attribute(element: XmlElement, name: string): string | undefined {
  const value = rawAttribute(element, name);
  return value === undefined ? undefined : decodeXmlText(value);
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
