import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, Scalar, isMap, isScalar, isSeq, parse, parseDocument, visit } from 'yaml';
import type { Node, YAMLSeq } from 'yaml';
import { parseConfig } from '../../packages/core/src/config/config.js';
import { parseGate } from '../../packages/core/src/gates/parse.js';

// Issue #12, item 11: compare-metrics documented `accuracy no paired regression`, which exits 2
// (the syntax is `accuracy paired no significant regression`), and nothing checked the gates the
// docs write. This finds every gate written in the docs, READMEs, example configs and workflows
// and action.yml descriptions, and parses each with the parser mlci itself uses.

/** Where a gate was written. */
type Kind = 'markdown' | 'mlci config' | 'workflow' | 'action.yml';
/** How it was found. */
type Method = 'inline code' | 'code block' | '--gate' | 'gates: list' | 'gates: input';

interface Found {
  file: string;
  line: number;
  method: Method;
  text: string;
  /** The parser's message when the gate does not parse. */
  error?: string;
}

interface Skipped {
  file: string;
  line: number;
  text: string;
}

/**
 * Lines written like gates that are not gates, each with the reason. Only these exact texts are
 * skipped, so `accuracy no paired regression [at 0.05]` is still caught; every entry must still
 * be in use (a test below), so the list cannot rot.
 */
const TEMPLATES: Record<string, string> = {
  '[warn:] <metric or glob> <rule>': 'the grammar of a gate: placeholders in <>, optional part in []',
  'accuracy no significant regression [at 0.05] [by welch|bootstrap] [beyond 0.002|beyond 1%] [if untestable fail|neutral|threshold]':
    'the grammar of a statistical gate (docs/gates.md): optional parts in [], alternatives split by |',
  'accuracy no significant regression [at 0.05] [by welch|bootstrap] [beyond 0.002] [if untestable fail|neutral|threshold]':
    'the same grammar, shortened in README.md',
  'accuracy paired no significant regression [at 0.05] [by mcnemar|bootstrap] [if untestable fail|neutral]':
    'the grammar of a paired gate: optional parts in [], alternatives split by |',
  '...': 'a placeholder for any gate: `--gate "..."` (docs/gates.md), `[--gate ...]` (README.md)',
};

/** The words a rule starts with (packages/core/src/gates/parse.ts): never a metric in the docs. */
const RULE_WORDS = [
  'in',
  'between',
  'drop',
  'rise',
  'change',
  'regression',
  'no',
  'paired',
  'required',
  'finite',
  'is',
];
/**
 * Text that looks like a gate: an optional `warn:`/`fail:`, a metric (quoted, or a name or glob
 * that starts with a letter, digit, `_`, `*` or `?` and is not a rule word), then a comparator
 * followed by a space or a number (so not `<name>`), or the first words of a rule. Only the start
 * is matched: whether the rest is right is the parser's to judge. A rule alone (`drop <= 0.005`,
 * `no regression`, `regression <= X`) names no metric and is not a gate.
 */
const GATE_LIKE = new RegExp(
  String.raw`^(?:(?:warn|fail)\s*:\s*)?` +
    String.raw`(?:"(?:[^"\\]|\\.)*"|(?!(?:${RULE_WORDS.join('|')})\b)[\w*?][^\s<>=!]*)` +
    String.raw`(?:\s*(?:>=|<=|==|!=|>|<)(?=\s|[-+.\d])|\s+(?:in\s*\[|is\s+finite\b|(?:between|drop|rise|change|regression|no|paired|required|finite)\b))`,
  'i',
);
const looksLikeGate = (text: string): boolean => GATE_LIKE.test(text);

/** `--gate "..."`, `--gate '...'`, `--gate=...` or an unquoted word, anywhere in a line. */
const GATE_FLAG = /--gate(?:=|[ \t]+)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s\]`'"]+)/g;
const unquote = (arg: string): string =>
  arg.startsWith('"')
    ? arg.slice(1, -1).replace(/\\(["\\$`])/g, '$1')
    : arg.startsWith("'")
      ? arg.slice(1, -1)
      : arg;

class Extractor {
  readonly found: Found[] = [];
  readonly skipped: Skipped[] = [];

  constructor(
    readonly file: string,
    private readonly text: string,
  ) {}

  private lineAt(offset: number): number {
    let line = 1;
    for (let i = 0; i < offset; i++) if (this.text.charCodeAt(i) === 10) line++;
    return line;
  }

  /** One gate's text, parsed as `mlci check --gate` and the action inputs parse it. */
  gate(text: string, line: number, method: Method): void {
    if (Object.hasOwn(TEMPLATES, text)) {
      this.skipped.push({ file: this.file, line, text });
      return;
    }
    const found: Found = { file: this.file, line, method, text };
    try {
      parseGate(text, `${this.file}:${line}`);
    } catch (error) {
      found.error = error instanceof Error ? error.message : String(error);
    }
    this.found.push(found);
  }

  /** `--gate` arguments on any line: shell blocks, tables, `run:` steps of workflows. */
  gateFlags(): void {
    this.text.split('\n').forEach((content, i) => {
      for (const match of content.matchAll(GATE_FLAG)) this.gate(unquote(match[1]!), i + 1, '--gate');
    });
  }

  /**
   * Inline code spans of `prose`, a copy of the text in which everything that is not prose is
   * blanked (offsets, and so lines, unchanged). A span that looks like a gate is one.
   */
  codeSpans(prose: string): void {
    const span = /(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;
    for (let match = span.exec(prose); match !== null; match = span.exec(prose)) {
      const [, ticks, body] = match as unknown as [string, string, string];
      if (/\n[ \t]*\n/.test(body)) {
        // No closing backticks in this paragraph: the opening ones are literal (CommonMark).
        span.lastIndex = match.index + ticks.length;
        continue;
      }
      const line = this.lineAt(match.index);
      const inTable = /^\s*\|/.test(this.text.split('\n')[line - 1] ?? '');
      let code = body.replace(/\s*\n\s*/g, ' ').trim();
      if (inTable) code = code.replace(/\\\|/g, '|');
      if (code.includes('--gate')) continue; // a command line: gateFlags() reads its gates
      if (code.startsWith('- ')) {
        this.yamlItem(code, line);
        continue;
      }
      if (Object.hasOwn(TEMPLATES, code) || looksLikeGate(code)) this.gate(code, line, 'inline code');
    }
  }

  /** `- '"macro avg.f1-score" >= 0.8'` in a sentence: one item of a `gates:` list. */
  private yamlItem(code: string, line: number): void {
    let item: unknown;
    try {
      item = parse(code.slice(2));
    } catch {
      return;
    }
    if (typeof item === 'string' && looksLikeGate(item)) this.gate(item, line, 'inline code');
    const entries = typeof item === 'object' && item !== null ? Object.entries(item) : [];
    if (
      entries.length === 1 &&
      ['warn', 'fail'].includes(entries[0]![0]) &&
      typeof entries[0]![1] === 'string'
    )
      this.gate(`${entries[0]![0]}: ${entries[0]![1]}`, line, 'inline code');
  }

  /**
   * Every `gates:` key of a YAML text (a file, or a Markdown block padded with blank lines so that
   * its lines are the file's): a top-level list is `.mlci.yml`'s and goes through parseConfig,
   * item by item; a string is an action input, one gate per line.
   */
  yaml(text: string): void {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter });
    const lineOf = (offset: number) => lineCounter.linePos(offset).line;
    if (doc.errors.length > 0) {
      if (/^\s*gates\s*:/m.test(text))
        this.failure(lineOf(doc.errors[0]!.pos[0]), 'gates: list', `invalid YAML: ${doc.errors[0]!.message}`);
      return;
    }
    const root = doc.contents;
    visit(doc, {
      Pair: (_, pair) => {
        if (!isScalar(pair.key) || pair.key.value !== 'gates') return;
        const key = pair.key;
        const value = pair.value as Node | null;
        if (isSeq(value) && isMap(root) && (root.items as unknown[]).includes(pair))
          this.configGates(text, key, value, lineOf);
        else if (isScalar(value) && typeof value.value === 'string') this.inputGates(value, lineOf);
        else
          this.failure(
            lineOf(key.range![0]),
            'gates: list',
            'gates: expected a list (.mlci.yml) or lines (an action input)',
          );
      },
    });
  }

  /**
   * Each item of `.mlci.yml`'s `gates:` list through parseConfig, which builds the gate text from
   * strings, `- warn: ...`, `{ gate, level }` and `{ metric, rule, level }` as mlci does. Each item
   * is parsed alone (the rest of the text blanked, positions unchanged), so one wrong gate does not
   * hide the next.
   */
  private configGates(text: string, key: Scalar, seq: YAMLSeq, lineOf: (offset: number) => number): void {
    const head: [number, number] = [key.range![0], text.indexOf(':', key.range![1]) + 1];
    const items = (seq.flow ? [seq] : seq.items) as Node[];
    items.forEach((item, i) => {
      const start = seq.flow ? seq.range![0] : dashBefore(text, item.range![0]);
      const alone = keepOnly(text, [head, [start, item.range![1]]]);
      const line = lineOf(item.range![0]);
      try {
        const config = parseConfig(alone, this.file);
        for (const gate of config.gates) {
          const text = gate.level === 'warn' ? `warn: ${gate.text}` : gate.text;
          this.found.push({ file: this.file, line, method: 'gates: list', text });
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.failure(
          line,
          'gates: list',
          seq.flow ? message : message.replace(': gates[0]', `: gates[${i}]`),
        );
      }
    });
  }

  /** An action's `gates:` input: one gate per line, blank lines and `# ...` skipped (listInput). */
  private inputGates(value: Scalar, lineOf: (offset: number) => number): void {
    const first = lineOf(value.range![0]);
    String(value.value)
      .split('\n')
      .forEach((content, i) => {
        const gate = content.trim();
        if (gate === '' || gate.startsWith('#')) return;
        this.gate(gate, value.type === Scalar.BLOCK_LITERAL ? first + 1 + i : first, 'gates: input');
      });
  }

  private failure(line: number, method: Method, error: string): void {
    this.found.push({ file: this.file, line, method, text: '', error });
  }

  /**
   * An untyped code block: its template lines are skipped; once a cell (columns are split by two
   * spaces or more) looks like a gate, every other cell must be a gate too.
   */
  plainBlock(lines: string[], firstLine: number): void {
    const rows = lines.map((content, i) => {
      const line = firstLine + i;
      if (!Object.hasOwn(TEMPLATES, content.trim()))
        return content
          .trim()
          .split(/\s{2,}/)
          .filter(Boolean);
      this.skipped.push({ file: this.file, line, text: content.trim() });
      return [];
    });
    if (!rows.flat().some(looksLikeGate)) return;
    rows.forEach((cells, i) => cells.forEach((cell) => this.gate(cell, firstLine + i, 'code block')));
  }
}

/** Where a block sequence item's `-` is, so that the item can be kept alone. */
function dashBefore(text: string, offset: number): number {
  let at = offset - 1;
  while (at >= 0 && /\s/.test(text[at]!)) at--;
  return text[at] === '-' ? at : offset;
}

/** The text with everything outside `ranges` blanked, line breaks kept. */
function keepOnly(text: string, ranges: Array<[number, number]>): string {
  return text.replace(/[^\n]/g, (char, at: number) =>
    ranges.some(([from, to]) => at >= from && at < to) ? char : ' ',
  );
}

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

function markdown(file: string, text: string): Extractor {
  const x = new Extractor(file, text);
  const lines = text.split('\n');
  const prose = [...lines];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]!);
    if (open === null) continue;
    const [, indent, fence, language] = open as unknown as [string, string, string, string];
    let end = i + 1;
    while (end < lines.length && !new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`).test(lines[end]!))
      end++;
    const body = lines
      .slice(i + 1, end)
      .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()));
    if (/^ya?ml$/i.test(language)) x.yaml('\n'.repeat(i + 1) + body.join('\n'));
    else if (language === '' || language === 'text') x.plainBlock(body, i + 2);
    for (let j = i; j <= end && j < lines.length; j++) prose[j] = blank(lines[j]!);
    i = end;
  }
  x.codeSpans(prose.join('\n'));
  x.gateFlags();
  return x;
}

/** The text with everything but its YAML comments blanked (a `#` at a line's start or after a space). */
function comments(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const at = line.search(/(?:^|\s)#/);
      if (at < 0) return blank(line);
      const hash = line.indexOf('#', at);
      return blank(line.slice(0, hash + 1)) + line.slice(hash + 1);
    })
    .join('\n');
}

/** `.mlci.yml` and workflows: the `gates:` keys, `--gate` in steps, code spans in comments. */
function yamlFile(file: string, text: string): Extractor {
  const x = new Extractor(file, text);
  x.yaml(text);
  x.gateFlags();
  x.codeSpans(comments(text));
  return x;
}

/** action.yml: the code spans of its `description:` texts (the README tables repeat them). */
function actionYml(file: string, text: string): Extractor {
  const x = new Extractor(file, text);
  const ranges: Array<[number, number]> = [];
  visit(parseDocument(text), {
    Pair: (_, pair) => {
      if (isScalar(pair.key) && pair.key.value === 'description' && isScalar(pair.value))
        ranges.push([pair.value.range![0], pair.value.range![1]]);
    },
  });
  x.codeSpans(keepOnly(text, ranges));
  x.gateFlags();
  return x;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules')
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? walk(path) : [path];
    })
    .sort();
}

const FILES: Array<{ file: string; kind: Kind }> = [
  { file: 'README.md', kind: 'markdown' },
  ...walk('docs')
    .filter((f) => f.endsWith('.md'))
    .map((file) => ({ file, kind: 'markdown' as const })),
  ...walk('examples').flatMap((file): Array<{ file: string; kind: Kind }> => {
    if (file.endsWith('/README.md')) return [{ file, kind: 'markdown' }];
    if (file.endsWith('/.mlci.yml')) return [{ file, kind: 'mlci config' }];
    if (file.endsWith('.yml')) return [{ file, kind: 'workflow' }];
    return [];
  }),
  ...readdirSync('actions')
    .sort()
    .flatMap((name): Array<{ file: string; kind: Kind }> =>
      walk(join('actions', name))
        .filter((f) => f === join('actions', name, 'README.md') || f === join('actions', name, 'action.yml'))
        .map((file) => ({ file, kind: file.endsWith('.md') ? 'markdown' : 'action.yml' })),
    ),
];

function extract(file: string, kind: Kind, text: string): Extractor {
  if (kind === 'markdown') return markdown(file, text);
  if (kind === 'action.yml') return actionYml(file, text);
  return yamlFile(file, text);
}

const results = FILES.map(({ file, kind }) => ({ kind, x: extract(file, kind, readFileSync(file, 'utf8')) }));
const found = results.flatMap(({ kind, x }) => x.found.map((gate) => ({ ...gate, kind })));
const skipped = results.flatMap(({ x }) => x.skipped);

/** The fewest gates each kind of file, and each way of writing them, must yield (about 80% of today's). */
const KIND_FLOORS: Record<Kind, number> = { markdown: 65, 'mlci config': 11, workflow: 19, 'action.yml': 4 };
const METHOD_FLOORS: Record<Method, number> = {
  'inline code': 45,
  'code block': 5,
  '--gate': 8,
  'gates: list': 19,
  'gates: input': 22,
};

describe('the gates written in the docs parse', () => {
  it('parses every gate of the docs, READMEs, examples and action.yml descriptions', () => {
    const failures = found.filter((g) => g.error !== undefined).map((g) => g.error);
    expect(failures).toEqual([]);
  });

  it.each(Object.entries(KIND_FLOORS))('finds gates in the %s files (at least %d)', (kind, floor) => {
    expect(found.filter((g) => g.kind === kind).length).toBeGreaterThanOrEqual(floor);
  });

  it.each(Object.entries(METHOD_FLOORS))('finds gates written as %s (at least %d)', (method, floor) => {
    expect(found.filter((g) => g.method === method).length).toBeGreaterThanOrEqual(floor);
  });

  it('finds the gates of every example .mlci.yml', () => {
    const configs = FILES.filter((f) => f.kind === 'mlci config').map((f) => f.file);
    expect(configs.length).toBeGreaterThanOrEqual(2);
    expect(configs.filter((file) => !found.some((g) => g.file === file))).toEqual([]);
  });

  it('skips only the templates it lists, each still in use', () => {
    expect([...new Set(skipped.map((s) => s.text))].sort()).toEqual(Object.keys(TEMPLATES).sort());
  });

  it('catches a wrong gate wherever it looks', () => {
    const doc = [
      'Write `accuracy no paired regression` or `warn: loss rise 2%`; `drop <= 0.005` is a rule alone.',
      '',
      '```sh',
      'mlci check --gate "accuracy >= 0.9" --gate "f1 => 0.8"',
      '```',
      '',
      '```',
      'accuracy >= 0.9          loss finte',
      '```',
      '',
      '```yaml',
      'gates:',
      '  - accuracy >= 0.9',
      '  - metric: loss',
      '    rule: rise 2%',
      '  - warn: f1 no regresion',
      '```',
      '',
      '```yaml',
      'steps:',
      '  - uses: mlci-dev/mlci/actions/compare-metrics@v1',
      '    with:',
      '      gates: |',
      '        accuracy >= 0.9',
      '        accuracy between 1 and 0',
      '```',
    ].join('\n');
    const x = extract('doc.md', 'markdown', doc);
    const wrong = x.found.filter((g) => g.error !== undefined);
    expect(wrong.map((g) => `${g.line} ${g.method}`).sort()).toEqual([
      '1 inline code',
      '1 inline code',
      '14 gates: list',
      '16 gates: list',
      '25 gates: input',
      '4 --gate',
      '8 code block',
    ]);
    expect(x.found.filter((g) => g.error === undefined)).toHaveLength(4);
    const yml = extract(
      'action.yml',
      'action.yml',
      'inputs:\n  a:\n    description: >-\n      such as `f1 no\n      paired regression`.\n',
    );
    expect(yml.found.map((g) => [g.line, g.text, g.error !== undefined])).toEqual([
      [4, 'f1 no paired regression', true],
    ]);
  });
});
