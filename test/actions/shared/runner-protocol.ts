/**
 * How the GitHub Actions runner reads a step's output and its GITHUB_OUTPUT file, written out from
 * its source (actions/runner, MIT) so tests can ask what the runner would obey. Kept apart from
 * actions/shared/src/runner.ts on purpose: a test that used mlci's own rules would prove nothing.
 *
 * - Runner.Sdk/ProcessInvoker.cs: stdout and stderr are read with StreamReader.ReadLine, so a line
 *   ends at LF, CR or CRLF.
 * - Runner.Worker/Handlers/OutputManager.cs: only lines containing `##[` or `::` go to the command
 *   manager.
 * - Runner.Common/ActionCommand.cs, TryParseV2: after String.TrimStart (char.IsWhiteSpace), the
 *   line starts with `::`; the command runs to the next `::`; its name (up to the first space) must
 *   be registered, ignoring case; properties `k=v` split at `,`; data and properties unescaped.
 *   TryParse (legacy, tried when V2 fails): `##[` anywhere in the line, the command up to `]`.
 * - Runner.Worker/ActionCommandManager.cs: `stop-commands` with data T makes it obey nothing but a
 *   command named T (then registered), which resumes.
 * - Runner.Worker/FileCommandManager.cs: GITHUB_OUTPUT is read line by line (LF; CRLF on Windows);
 *   `name<<delimiter` takes every following line up to one equal to the delimiter.
 */

/** The command extensions the runner registers (plus stop-commands). */
const REGISTERED = new Set([
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'add-path',
  'debug',
  'notice',
  'warning',
  'error',
  'group',
  'endgroup',
  'echo',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
]);

export interface ObeyedCommand {
  name: string;
  properties: Record<string, string>;
  data: string;
}

/** .NET's char.IsWhiteSpace, which String.TrimStart removes. */
// eslint-disable-next-line no-control-regex -- tab to carriage return are whitespace to .NET
const DOTNET_SPACE = /^[\u0009-\u000d\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

/** StreamReader.ReadLine over the whole text: LF, CR and CRLF end a line; no empty line after the last end. */
export function runnerLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function unescape(text: string, pairs: readonly (readonly [string, string])[]): string {
  let out = text;
  for (const [escaped, raw] of pairs) out = out.split(escaped).join(raw);
  return out;
}
const DATA = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%'],
] as const;
const PROPERTY = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%'],
] as const;
const LEGACY = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%'],
] as const;

function properties(text: string, separator: string, pairs: typeof PROPERTY | typeof LEGACY) {
  const out: Record<string, string> = {};
  for (const part of text.split(separator).filter((p) => p !== '')) {
    const at = part.indexOf('=');
    if (at > 0 && at < part.length - 1) out[part.slice(0, at)] = unescape(part.slice(at + 1), pairs);
  }
  return out;
}

function parseV2(line: string, registered: (name: string) => boolean): ObeyedCommand | undefined {
  const message = line.replace(DOTNET_SPACE, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!registered(name)) return undefined;
  return {
    name,
    properties: space > 0 ? properties(info.slice(space + 1).trim(), ',', PROPERTY) : {},
    data: unescape(message.slice(end + 2), DATA),
  };
}

function parseLegacy(line: string, registered: (name: string) => boolean): ObeyedCommand | undefined {
  const start = line.indexOf('##[');
  if (start < 0) return undefined;
  const end = line.indexOf(']', start);
  if (end < 0) return undefined;
  const info = line.slice(start + 3, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!registered(name)) return undefined;
  return {
    name,
    properties: space > 0 ? properties(info.slice(space + 1), ';', LEGACY) : {},
    data: unescape(line.slice(end + 1), LEGACY),
  };
}

export interface CommandRun {
  /** The commands the runner carried out, stop-commands and its resumption left out. */
  obeyed: ObeyedCommand[];
  /** How many stop-commands blocks were opened, and whether one was still open at the end. */
  pauses: number;
  stoppedAtEnd: boolean;
}

/** What the runner's ActionCommandManager does with a step's output. */
export function runnerCommands(output: string): CommandRun {
  const obeyed: ObeyedCommand[] = [];
  let token: string | undefined;
  let pauses = 0;
  const registered = (name: string) =>
    REGISTERED.has(name.toLowerCase()) || (token !== undefined && name.toLowerCase() === token.toLowerCase());
  for (const line of runnerLines(output)) {
    if (!line.includes('##[') && !line.includes('::')) continue;
    const command = parseV2(line, registered) ?? parseLegacy(line, registered);
    if (command === undefined) continue;
    if (token !== undefined) {
      if (command.name.toLowerCase() === token.toLowerCase()) token = undefined;
      continue;
    }
    if (command.name.toLowerCase() === 'stop-commands') {
      token = command.data;
      pauses++;
      continue;
    }
    obeyed.push(command);
  }
  return { obeyed, pauses, stoppedAtEnd: token !== undefined };
}

/** GITHUB_OUTPUT as the runner reads it (Linux line ends). */
export function runnerOutputs(text: string): Record<string, string> {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const outputs: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      outputs[line.slice(0, equals)] = line.slice(equals + 1);
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (name === '' || delimiter === '') throw new Error(`invalid output line ${JSON.stringify(line)}`);
      const value: string[] = [];
      for (i++; lines[i] !== delimiter; i++) {
        if (i >= lines.length) throw new Error(`no line ${delimiter} ends ${name}`);
        value.push(lines[i]!);
      }
      outputs[name] = value.join('\n');
    } else {
      throw new Error(`invalid output line ${JSON.stringify(line)}`);
    }
  }
  return outputs;
}
