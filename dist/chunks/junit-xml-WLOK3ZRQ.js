import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  DocBuilder,
  MAX_NESTING,
  childKey,
  readTextFile
} from "./chunk-BDOKL3XF.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import {
  ParseError,
  lineColumnAt
} from "./chunk-TQLTVCQ6.js";
import "./chunk-3CG65SHH.js";

// packages/core/src/readers/junit-xml.ts
var ELEMENT_LISTS = /* @__PURE__ */ new Set(["testsuites", "testsuite", "testcase", "failure", "error", "skipped"]);
async function readJunit(path, options) {
  const text = await readTextFile(path);
  const root = parseJunitXml(text, path);
  const builder = new DocBuilder(path, "junit", { maxSeriesPoints: options.maxSeriesPoints });
  const suites = collectSuites(root, path);
  if (suites.length === 0) {
    throw new ParseError(
      { file: path },
      "expected a JUnit report: a <testsuites> or <testsuite> root element, found neither"
    );
  }
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const failed = [];
  const usedNames = /* @__PURE__ */ new Map();
  let fromAttributes = 0;
  let suiteCount = 0;
  for (const suite of suites) {
    const counted = countSuite(suite, path, failed);
    if (counted.container) continue;
    suiteCount++;
    if (counted.fromAttributes) fromAttributes++;
    add(total, counted.counts);
    const name = uniqueName(suite.name, usedNames);
    writeCounts(builder, childKey(childKey("junit", "suites"), name), counted.counts);
  }
  if (total.time === void 0) {
    const rootTime = rootSuitesTime(root, path);
    if (rootTime !== void 0) total.time = rootTime;
  }
  writeCounts(builder, "junit", total);
  builder.note(
    `${suiteCount} test suite${suiteCount === 1 ? "" : "s"}, ${total.tests} test${total.tests === 1 ? "" : "s"}: ${passed(total)} passed, ${total.failures} failed, ${total.errors} errored, ${total.skipped} skipped`
  );
  if (fromAttributes > 0) {
    builder.note(
      `${fromAttributes} suite${fromAttributes === 1 ? " lists" : "s list"} no <testcase>: counted from the tests/failures/errors/skipped attributes`
    );
  }
  if (failed.length > 0) {
    const shown = failed.slice(0, 10).join("; ");
    builder.note(`not passing: ${shown}${failed.length > 10 ? ` and ${failed.length - 10} more` : ""}`);
  }
  return builder.build();
}
var MAX_XML_NESTING = MAX_NESTING;
var NAME = /[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFFF]*/y;
var BLANK = /[ \t\r\n]*/y;
function parseJunitXml(text, file) {
  const fail = (index, detail) => {
    const { line, column } = lineColumnAt(text, index);
    throw new ParseError({ file, line, column }, `invalid XML: ${detail}`);
  };
  const document = /* @__PURE__ */ Object.create(null);
  const names = [];
  const starts = [];
  const kept = [];
  let rootDone = false;
  let pos = text.charCodeAt(0) === 65279 ? 1 : 0;
  const skipPast = (from, end, what) => {
    const at = text.indexOf(end, from);
    if (at === -1) fail(from, `${what} is not closed (expected "${end}")`);
    return at + end.length;
  };
  for (; ; ) {
    const lt = text.indexOf("<", pos);
    const textEnd = lt === -1 ? text.length : lt;
    if (names.length === 0 && textEnd > pos) {
      BLANK.lastIndex = pos;
      BLANK.test(text);
      if (BLANK.lastIndex < textEnd)
        fail(BLANK.lastIndex, rootDone ? "text after the root element" : "text before the root element");
    }
    if (lt === -1) break;
    if (text.startsWith("<?", lt)) {
      pos = skipPast(lt + 2, "?>", "a processing instruction");
    } else if (text.startsWith("<!--", lt)) {
      pos = skipPast(lt + 4, "-->", "a comment");
    } else if (text.startsWith("<![CDATA[", lt)) {
      if (names.length === 0) fail(lt, "a CDATA section outside the root element");
      pos = skipPast(lt + 9, "]]>", "a CDATA section");
    } else if (text.startsWith("<!DOCTYPE", lt)) {
      if (names.length > 0 || rootDone) fail(lt, "a DOCTYPE after the root element started");
      pos = skipDoctype(text, lt, fail);
    } else if (text.startsWith("<!", lt)) {
      fail(lt, 'expected a comment, CDATA section or DOCTYPE after "<!"');
    } else if (text.charCodeAt(lt + 1) === 47) {
      NAME.lastIndex = lt + 2;
      if (!NAME.test(text)) fail(lt + 2, 'expected an element name after "</"');
      const name = text.slice(lt + 2, NAME.lastIndex);
      BLANK.lastIndex = NAME.lastIndex;
      BLANK.test(text);
      if (text[BLANK.lastIndex] !== ">") fail(BLANK.lastIndex, `expected ">" to end </${name}`);
      const open = names.pop();
      if (open === void 0) fail(lt, `closing tag </${name}> has no opening tag`);
      if (open !== name) {
        const { line, column } = lineColumnAt(text, starts[starts.length - 1]);
        fail(lt, `expected </${open}> (opened at ${line}:${column}), found </${name}>`);
      }
      starts.pop();
      kept.pop();
      if (names.length === 0) rootDone = true;
      pos = BLANK.lastIndex + 1;
    } else {
      if (rootDone && names.length === 0) fail(lt, "a second root element (a document has one)");
      NAME.lastIndex = lt + 1;
      if (!NAME.test(text)) fail(lt + 1, 'expected an element name after "<"');
      const name = text.slice(lt + 1, NAME.lastIndex);
      if (names.length >= MAX_XML_NESTING) {
        fail(
          lt,
          `elements nested deeper than ${MAX_XML_NESTING} levels; mlci reads at most ${MAX_XML_NESTING}`
        );
      }
      const parent = names.length === 0 ? document : kept[kept.length - 1];
      const element = parent !== void 0 && ELEMENT_LISTS.has(name) ? /* @__PURE__ */ Object.create(null) : void 0;
      let at = NAME.lastIndex;
      let selfClosing = false;
      for (; ; ) {
        BLANK.lastIndex = at;
        BLANK.test(text);
        const blank = BLANK.lastIndex > at;
        at = BLANK.lastIndex;
        const c = text[at];
        if (c === ">") break;
        if (c === "/" && text[at + 1] === ">") {
          selfClosing = true;
          at++;
          break;
        }
        if (c === void 0) fail(lt, `the tag <${name}> is not closed (expected ">")`);
        if (!blank) fail(at, `expected a space, ">" or "/>" in <${name}>, found ${JSON.stringify(c)}`);
        NAME.lastIndex = at;
        if (!NAME.test(text)) fail(at, `expected an attribute name in <${name}>, found ${JSON.stringify(c)}`);
        const attribute2 = text.slice(at, NAME.lastIndex);
        BLANK.lastIndex = NAME.lastIndex;
        BLANK.test(text);
        if (text[BLANK.lastIndex] !== "=") {
          if (element !== void 0) element[`@${attribute2}`] ??= "true";
          at = NAME.lastIndex;
          continue;
        }
        BLANK.lastIndex++;
        BLANK.test(text);
        const quote = text[BLANK.lastIndex];
        if (quote !== '"' && quote !== "'")
          fail(BLANK.lastIndex, `expected a quoted value for attribute ${attribute2} of <${name}>`);
        const valueStart = BLANK.lastIndex + 1;
        const valueEnd = text.indexOf(quote, valueStart);
        if (valueEnd === -1)
          fail(valueStart - 1, `the value of attribute ${attribute2} of <${name}> is not closed`);
        const lessThan = text.indexOf("<", valueStart);
        if (lessThan !== -1 && lessThan < valueEnd)
          fail(lessThan, `"<" inside the value of attribute ${attribute2} of <${name}> (write it as &lt;)`);
        if (element !== void 0) {
          const key = `@${attribute2}`;
          if (key in element) fail(at, `attribute ${attribute2} is repeated in <${name}>`);
          element[key] = text.slice(valueStart, valueEnd);
        }
        at = valueEnd + 1;
      }
      if (element !== void 0) {
        const list = parent[name] ??= [];
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
      `the file ends inside <${names[names.length - 1]}> (opened at ${describeAt(text, starts[starts.length - 1])})`
    );
  }
  if (!rootDone) throw new ParseError({ file }, "expected a JUnit report: the file holds no XML element");
  return document;
}
function describeAt(text, index) {
  const { line, column } = lineColumnAt(text, index);
  return `${line}:${column}`;
}
function skipDoctype(text, start, fail) {
  let at = start + 9;
  for (; ; ) {
    const c = text[at];
    if (c === void 0) fail(start, "the DOCTYPE is not closed");
    if (c === ">") return at + 1;
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, at + 1);
      if (end === -1) fail(at, "a quoted string in the DOCTYPE is not closed");
      at = end + 1;
      continue;
    }
    if (c !== "[") {
      at++;
      continue;
    }
    at++;
    for (; ; ) {
      BLANK.lastIndex = at;
      BLANK.test(text);
      at = BLANK.lastIndex;
      if (text[at] === "]") {
        at++;
        break;
      }
      if (text.startsWith("<!--", at)) {
        const end = text.indexOf("-->", at + 4);
        if (end === -1) fail(at, 'a comment is not closed (expected "-->")');
        at = end + 3;
        continue;
      }
      if (text.startsWith("<?", at)) {
        const end = text.indexOf("?>", at + 2);
        if (end === -1) fail(at, 'a processing instruction is not closed (expected "?>")');
        at = end + 2;
        continue;
      }
      if (text[at] === "%") {
        fail(at, "a parameter entity reference in the DOCTYPE; mlci never expands entities and refuses one");
      }
      if (!text.startsWith("<!", at)) fail(at, 'expected a declaration (<!...>) or "]" in the DOCTYPE');
      const declaration = at;
      const isEntity = text.startsWith("<!ENTITY", at);
      let words = "";
      at += 2;
      for (; ; ) {
        const d = text[at];
        if (d === void 0) fail(declaration, 'a declaration in the DOCTYPE is not closed (expected ">")');
        if (d === ">") break;
        if (d === '"' || d === "'") {
          const end = text.indexOf(d, at + 1);
          if (end === -1) fail(at, "a quoted string in the DOCTYPE is not closed");
          at = end + 1;
          words += ' "" ';
          continue;
        }
        words += d;
        at++;
      }
      at++;
      if (isEntity) {
        const parts = words.split(/[ \t\r\n]+/).filter((w) => w !== "");
        if (parts[1] === "%") {
          fail(
            declaration,
            "a parameter entity (<!ENTITY % ...>) is declared here; mlci never expands entities and refuses a report that declares one"
          );
        }
        if (parts.includes("SYSTEM") || parts.includes("PUBLIC")) {
          fail(
            declaration,
            "an external entity (SYSTEM or PUBLIC) is declared here; mlci never reads what an entity points at and refuses a report that declares one"
          );
        }
      }
    }
  }
}
function collectSuites(root, file) {
  const out = [];
  const visit = (element, parentName) => {
    for (const suite of elements(element, "testsuite")) {
      const own = attribute(suite, "name");
      const name = own !== void 0 && own !== "" ? own : parentName || `suite ${out.length + 1}`;
      out.push({ name, element: suite });
      visit(suite, name);
    }
  };
  const roots = elements(root, "testsuites");
  if (roots.length > 1) {
    throw new ParseError({ file }, "expected one <testsuites> root element, found several");
  }
  visit(roots[0] ?? root, "");
  return out;
}
function countSuite(suite, file, failed) {
  const cases = elements(suite.element, "testcase");
  const where = `testsuite ${JSON.stringify(suite.name)}`;
  if (cases.length === 0 && nestedSuites(suite) > 0) {
    return {
      counts: { tests: 0, failures: 0, errors: 0, skipped: 0 },
      fromAttributes: false,
      container: true
    };
  }
  if (cases.length === 0) {
    const counts2 = {
      tests: countAttribute(suite.element, "tests", file, where) ?? 0,
      failures: countAttribute(suite.element, "failures", file, where) ?? 0,
      errors: countAttribute(suite.element, "errors", file, where) ?? 0,
      skipped: countAttribute(suite.element, "skipped", file, where) ?? countAttribute(suite.element, "disabled", file, where) ?? 0
    };
    const time = timeAttribute(suite.element, file, where);
    if (time !== void 0) counts2.time = time;
    return { counts: counts2, fromAttributes: true, container: false };
  }
  const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  let caseTime = 0;
  let anyCaseTime = false;
  for (const testcase of cases) {
    counts.tests++;
    const name = caseName(testcase);
    const caseWhere = `${where} > testcase ${JSON.stringify(name)}`;
    const time = timeAttribute(testcase, file, caseWhere);
    if (time !== void 0) {
      caseTime += time;
      anyCaseTime = true;
    }
    const failure = elements(testcase, "failure")[0];
    const error = elements(testcase, "error")[0];
    if (failure !== void 0) {
      counts.failures++;
      failed.push(describeProblem(name, "failed", failure));
    } else if (error !== void 0) {
      counts.errors++;
      failed.push(describeProblem(name, "error", error));
    } else if (elements(testcase, "skipped").length > 0) {
      counts.skipped++;
    }
  }
  const suiteTime = timeAttribute(suite.element, file, where);
  if (suiteTime !== void 0) counts.time = suiteTime;
  else if (anyCaseTime) counts.time = roundSeconds(caseTime);
  return { counts, fromAttributes: false, container: false };
}
function nestedSuites(suite) {
  return elements(suite.element, "testsuite").length;
}
function rootSuitesTime(root, file) {
  const suites = elements(root, "testsuites")[0];
  return suites === void 0 ? void 0 : timeAttribute(suites, file, "testsuites");
}
function writeCounts(builder, prefix, counts) {
  builder.metric(childKey(prefix, "tests"), counts.tests);
  builder.metric(childKey(prefix, "passed"), passed(counts));
  builder.metric(childKey(prefix, "failures"), counts.failures);
  builder.metric(childKey(prefix, "errors"), counts.errors);
  builder.metric(childKey(prefix, "skipped"), counts.skipped);
  const ran = counts.tests - counts.skipped;
  if (ran > 0) builder.metric(childKey(prefix, "pass_rate"), passed(counts) / ran);
  if (counts.time !== void 0) builder.metric(childKey(prefix, "time"), counts.time);
}
function passed(counts) {
  return Math.max(0, counts.tests - counts.failures - counts.errors - counts.skipped);
}
function add(total, counts) {
  total.tests += counts.tests;
  total.failures += counts.failures;
  total.errors += counts.errors;
  total.skipped += counts.skipped;
  if (counts.time !== void 0) total.time = roundSeconds((total.time ?? 0) + counts.time);
}
function roundSeconds(seconds) {
  return Math.round(seconds * 1e6) / 1e6;
}
function uniqueName(name, used) {
  const seen = used.get(name) ?? 0;
  used.set(name, seen + 1);
  return seen === 0 ? name : `${name} #${seen + 1}`;
}
function caseName(testcase) {
  const name = attribute(testcase, "name") ?? "(unnamed)";
  const classname = attribute(testcase, "classname");
  return classname !== void 0 && classname !== "" ? `${classname}.${name}` : name;
}
function describeProblem(name, what, element) {
  const raw = rawAttribute(element, "message") ?? rawAttribute(element, "type");
  if (raw === void 0 || raw === "") return `${name} (${what})`;
  const firstLine = decodeXmlText(raw.slice(0, 1e3)).split("\n")[0].trim();
  return `${name} (${what}: ${firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine})`;
}
function elements(parent, name) {
  const value = parent[name];
  if (!Array.isArray(value)) return [];
  return value.map((item) => item !== null && typeof item === "object" ? item : {});
}
function rawAttribute(element, name) {
  const value = element[`@${name}`];
  return value === void 0 ? void 0 : typeof value === "string" ? value : String(value);
}
function attribute(element, name) {
  const value = rawAttribute(element, name);
  return value === void 0 ? void 0 : decodeXmlText(value);
}
function countAttribute(element, name, file, where) {
  const text = attribute(element, name);
  if (text === void 0 || text.trim() === "") return void 0;
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 0) {
    throw new ParseError(
      { file, key: `${where} @${name}` },
      `expected a count (a whole number >= 0), found ${JSON.stringify(text)}`
    );
  }
  return n;
}
function timeAttribute(element, file, where) {
  const text = attribute(element, "time");
  if (text === void 0 || text.trim() === "") return void 0;
  const n = Number(text.trim().replace(/,(?=\d{3}(\D|$))/g, ""));
  if (!Number.isFinite(n) || n < 0) {
    throw new ParseError(
      { file, key: `${where} @time` },
      `expected a duration in seconds (a number >= 0), found ${JSON.stringify(text)}`
    );
  }
  return n;
}
var PREDEFINED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decodeXmlText(text) {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, body) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 1114111 ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[body] ?? whole;
  });
}
export {
  MAX_XML_NESTING,
  decodeXmlText,
  parseJunitXml,
  readJunit
};
