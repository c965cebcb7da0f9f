import { isMlciError } from '@mlci/core';
import { checkCommand, checkUsage } from './commands/check.js';
import { compareCommand, compareUsage } from './commands/compare.js';
import { readCommand, readUsage } from './commands/read.js';
import { reportCommand, reportUsage } from './commands/report.js';
import { EXIT, type CliIO } from './io.js';
import { terminalIO, wantsJson } from './terminal.js';

export const VERSION = '0.1.0';

const usage = `mlci ${VERSION}: continuous integration for machine-learning projects

Usage: mlci <command> [options]

Commands:
  read <path...>   read metrics files or folders and print what mlci sees
  check [path...]  evaluate gates on one run's own numbers
  compare          compare a pull request's metrics with a baseline and evaluate gates
  report           compare, then write the pull request report (Markdown, charts, HTML preview)

Run 'mlci <command> --help' for a command's options.
`;

type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  read: { run: readCommand, usage: readUsage },
  check: { run: checkCommand, usage: checkUsage },
  compare: { run: compareCommand, usage: compareUsage },
  report: { run: reportCommand, usage: reportUsage },
};

/**
 * Runs one CLI invocation and returns its exit code. Every failure is reported here, once:
 * mistakes in the input or the command line as one line on stderr (exit 2), anything else as a bug.
 * What it prints carries data (metric names, file names, parameter values): it reaches `output`
 * through terminalIO, which shows control characters as escapes (JSON on stdout is left as it is).
 */
export async function main(argv: string[], output: CliIO): Promise<number> {
  const io = terminalIO(output, { json: wantsJson(argv) });
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(usage);
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr(`mlci: unknown command ${JSON.stringify(name)}\n\n${usage}`);
    return EXIT.badInput;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isMlciError(error)) {
      io.stderr(`mlci ${name}: ${error.message}\n`);
      return EXIT.badInput;
    }
    if (isArgumentError(error)) {
      io.stderr(`mlci ${name}: ${(error as Error).message}\n\n${command.usage}`);
      return EXIT.badInput;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(
      `mlci ${name}: internal error, this is a bug in mlci; please report it with this output:\n${detail}\n`,
    );
    return EXIT.internal;
  }
}

/** node:util parseArgs reports unknown or malformed options with these codes. */
function isArgumentError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
