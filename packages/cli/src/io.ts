/**
 * Where the CLI writes. Tests pass a recorder; `bin.ts` passes the process streams. main() wraps it
 * in terminalIO (terminal.ts), so what arrives here has its control characters shown as escapes.
 */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIO: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** A gate failed: the model change should not merge. */
  gateFailed: 1,
  /** The input or the configuration is wrong: the user must fix something. */
  badInput: 2,
  /** mlci itself failed: a bug to report. */
  internal: 3,
} as const;
