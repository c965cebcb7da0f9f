import type { CliIO } from './io.js';

/**
 * Characters a terminal acts on instead of showing: C0 controls but line feed and tab (ESC starts
 * the sequences that clear the screen, move the cursor or retitle the window; BEL rings; CR
 * overwrites the line), DEL, the C1 controls (U+009B is CSI on terminals that honour 8-bit
 * controls), and the bidirectional embeddings, overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069) that make text read differently from what it is.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` safe to print on a terminal: every character above shown as a visible escape (`\x1b`,
 * `\u202e`). Everything else is kept, line feeds and tabs included; the result contains none of
 * those characters, so escaping it again changes nothing.
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * Whether the command line asks for JSON on stdout (`--json` before any `--`): that output is
 * JSON.stringify's, whose strings already escape every C0 control, and scripts read it byte for
 * byte, so it is passed through unchanged.
 */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

/**
 * The output boundary of the CLI: what is written to `io` has passed through terminalText, except
 * stdout in JSON mode. Nothing mlci prints for people has control characters of its own (no
 * colours), so escaping whole writes cannot break legitimate output.
 */
export function terminalIO(io: CliIO, options: { json: boolean }): CliIO {
  return {
    stdout: options.json ? (text) => io.stdout(text) : (text) => io.stdout(terminalText(text)),
    stderr: (text) => io.stderr(terminalText(text)),
  };
}
