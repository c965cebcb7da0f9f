import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// packages/cli/src/io.ts
var processIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text)
};
var EXIT = {
  ok: 0,
  /** A gate failed: the model change should not merge. */
  gateFailed: 1,
  /** The input or the configuration is wrong: the user must fix something. */
  badInput: 2,
  /** mlci itself failed: a bug to report. */
  internal: 3
};

// packages/cli/src/terminal.ts
var UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
function visible(char) {
  const code = char.charCodeAt(0);
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function terminalText(text) {
  return text.replace(UNSAFE, visible);
}
function wantsJson(argv) {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).includes("--json");
}
function terminalIO(io, options) {
  return {
    stdout: options.json ? (text) => io.stdout(text) : (text) => io.stdout(terminalText(text)),
    stderr: (text) => io.stderr(terminalText(text))
  };
}

export {
  processIO,
  EXIT,
  terminalText,
  wantsJson,
  terminalIO
};
