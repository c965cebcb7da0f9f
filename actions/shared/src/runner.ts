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

/** One output in GITHUB_OUTPUT's heredoc format; the delimiter is random so no value can end it early. */
export function outputBlock(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`output ${name}: the value contains the delimiter ${delimiter}`);
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
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
