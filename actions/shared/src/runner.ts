import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * The GitHub Actions runner's protocol, written out here instead of loading @actions/core: that
 * package pulls in @actions/http-client and undici (for OIDC tokens, which mlci never asks for),
 * about 100 ms of every step's start-up. The formats follow @actions/core 3 (MIT) exactly, and a
 * test compares them: workflow commands `::name key=value,...::message` on stdout with `%`, CR and
 * LF escaped (and `:` and `,` in properties), outputs appended to the GITHUB_OUTPUT file as
 * `name<<delimiter` blocks with a random delimiter, summaries appended to GITHUB_STEP_SUMMARY.
 *
 * Log text is the one thing @actions/core leaves raw (core.info), and mlci's log text carries data:
 * metric names, file names, parameter values. The runner (actions/runner, OutputManager and
 * ActionCommand.TryParseV2 / TryParse) reads stdout and stderr line by line, a line ending at LF,
 * CR or CRLF (StreamReader.ReadLine), and obeys a line as a command when, after its leading
 * whitespace (.NET's String.TrimStart: every Unicode space, U+0085 included), it starts with
 * `::name` and a second `::`, or when it holds the legacy `##[name]` anywhere (actions/runner#4692).
 * `::stop-commands::<token>` makes it obey nothing until `::<token>::`; logText wraps text that
 * could be read as a command in such a block, with a fresh random token each time.
 */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
}

export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A workflow command line, as @actions/core's issueCommand writes it. */
export function workflowCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '' && value !== 0)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${command}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
}

/** The properties of an annotation, under the names the runner reads (`line`, not `startLine`). */
export function annotationProperties(
  where: AnnotationProperties = {},
): Record<string, string | number | undefined> {
  return { title: where.title, file: where.file, line: where.startLine };
}

export function issue(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): void {
  process.stdout.write(`${workflowCommand(command, properties, message)}${EOL}`);
}

/** A fresh heredoc delimiter, as @actions/core draws one for every output. */
export function newDelimiter(): string {
  return `ghadelimiter_${randomUUID()}`;
}

/**
 * One output in GITHUB_OUTPUT's heredoc format. The runner ends the value at the first line that
 * equals the delimiter exactly, so the delimiter is random and drawn again should the value (or
 * the name) contain it: no value can end its block early. A name with `=`, `<` or a line break
 * would change how the runner reads the block's first line, so it is refused (names are mlci's
 * own, never data).
 */
export function outputBlock(name: string, value: string, delimiter: () => string = newDelimiter): string {
  if (name === '' || /[\r\n=<]/.test(name)) throw new Error(`${JSON.stringify(name)} is not an output name`);
  for (let attempt = 0; attempt < 3; attempt++) {
    const candidate = delimiter();
    if (candidate === '' || /[\r\n]/.test(candidate)) throw new Error('an output delimiter must be one line');
    if (!name.includes(candidate) && !value.includes(candidate)) {
      return `${name}<<${candidate}${EOL}${value}${EOL}${candidate}${EOL}`;
    }
  }
  throw new Error(`output ${name}: every delimiter drawn occurs in the value`);
}

/** What .NET's String.TrimStart removes (char.IsWhiteSpace), with U+180E, a space in older Unicode. */
const SPACE = /[\s\u0085\u180e]/;

/**
 * Whether the runner could obey some line of `text` as a workflow command: `##[` anywhere, or a
 * line that starts with `::` after whitespace. Looser than the runner (the command name is not
 * checked), never tighter. One pass: each `::` looks back over the spaces just before it only.
 */
export function mayBeCommand(text: string): boolean {
  if (text.includes('##[')) return true;
  for (let at = text.indexOf('::'); at >= 0; at = text.indexOf('::', at + 1)) {
    let i = at - 1;
    while (i >= 0 && text[i] !== '\n' && text[i] !== '\r' && SPACE.test(text[i]!)) i--;
    if (i < 0 || text[i] === '\n' || text[i] === '\r') return true;
  }
  return false;
}

/** A stop-commands token: random, from crypto, never derived from what it protects. */
export function newStopToken(): string {
  return `mlci-${randomUUID()}`;
}

/**
 * `text` as a log shows it and the runner never obeys. Text in which no line could be a command
 * is returned as it is (the common case, and no extra lines in the log); other text goes inside
 * `::stop-commands::<token>` ... `::<token>::`, the token drawn afresh for each block and again
 * should the text hold it (the runner compares command names ignoring case). The text itself is
 * not changed, so the log shows a metric name exactly as the file spells it.
 */
export function logText(text: string, token: () => string = newStopToken): string {
  if (!mayBeCommand(text)) return text;
  const folded = text.toLowerCase();
  for (let attempt = 0; attempt < 3; attempt++) {
    const candidate = token();
    if (!/^[a-z0-9-]+$/i.test(candidate)) throw new Error('a stop-commands token is letters, digits and -');
    if (!folded.includes(candidate.toLowerCase())) {
      return `::stop-commands::${candidate}\n${text}\n::${candidate}::`;
    }
  }
  throw new Error('every stop-commands token drawn occurs in the text');
}

export function setOutput(name: string, value: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = env.GITHUB_OUTPUT;
  if (file === undefined || file === '') {
    // Outside a runner (or an old one): the deprecated command still shows the value in the log.
    process.stdout.write(`${EOL}${workflowCommand('set-output', { name }, value)}${EOL}`);
    return;
  }
  if (!existsSync(file)) throw new Error(`GITHUB_OUTPUT names ${file}, which does not exist`);
  appendFileSync(file, outputBlock(name, value), 'utf8');
}

export function appendSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') return false;
  appendFileSync(file, `${markdown}${EOL}`, 'utf8');
  return true;
}
