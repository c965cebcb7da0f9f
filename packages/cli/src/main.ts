import type { ParseArgsConfig } from 'node:util';
import { isMlciError } from '@mlci/core/errors';
import { EXIT, type CliIO } from './io.js';
import { terminalIO, wantsJson } from './terminal.js';
import { VERSION } from './version.js';

export { VERSION };

const usage = `mlci ${VERSION}: continuous integration for machine-learning projects

Usage: mlci <command> [options]

Commands:
  read <path...>   read metrics files or folders and print what mlci sees
  check [path...]  evaluate gates on one run's own numbers
  compare          compare a pull request's metrics with a baseline and evaluate gates
  report           compare, then write the pull request report (Markdown, charts, HTML preview)
  drift            compare two data tables column by column; drift as metrics that gates check
  validate <data>  check a data table against a schema (inferred or written); violations as metrics

Run 'mlci <command> --help' for a command's options.
`;

type Command = (args: string[], io: CliIO) => Promise<number>;

interface CommandModule {
  run: Command;
  usage: string;
  /** Its parseArgs options: what a mistyped option is compared with, and other commands' too. */
  options: NonNullable<ParseArgsConfig['options']>;
}

/**
 * Each command is loaded when it runs: `mlci --version` loads none, `mlci read` only the readers,
 * and only `report` pays for chart.js and the Markdown stack (bench: cli).
 */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  read: async () => {
    const { readCommand, readUsage, READ_OPTIONS } = await import('./commands/read.js');
    return { run: readCommand, usage: readUsage, options: READ_OPTIONS };
  },
  check: async () => {
    const { checkCommand, checkUsage, CHECK_OPTIONS } = await import('./commands/check.js');
    return { run: checkCommand, usage: checkUsage, options: CHECK_OPTIONS };
  },
  compare: async () => {
    const { compareCommand, compareUsage, COMPARE_OPTIONS } = await import('./commands/compare.js');
    return { run: compareCommand, usage: compareUsage, options: COMPARE_OPTIONS };
  },
  report: async () => {
    const { reportCommand, reportUsage, REPORT_OPTIONS } = await import('./commands/report.js');
    return { run: reportCommand, usage: reportUsage, options: REPORT_OPTIONS };
  },
  drift: async () => {
    const { driftCommand, driftUsage, DRIFT_OPTIONS } = await import('./commands/drift.js');
    return { run: driftCommand, usage: driftUsage, options: DRIFT_OPTIONS };
  },
  validate: async () => {
    const { validateCommand, validateUsage, VALIDATE_OPTIONS } = await import('./commands/validate.js');
    return { run: validateCommand, usage: validateUsage, options: VALIDATE_OPTIONS };
  },
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
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load === undefined) {
    // Loaded for this mistake only: the suggestion needs the edit distance of @mlci/core.
    const { suggestCommand } = await import('./arguments.js');
    io.stderr(
      `mlci: unknown command ${JSON.stringify(name)}${suggestCommand(name, Object.keys(COMMANDS))}\nRun 'mlci --help' for the commands.\n`,
    );
    return EXIT.badInput;
  }
  const command = await load();
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isMlciError(error)) {
      io.stderr(`mlci ${name}: ${error.message}\n`);
      return EXIT.badInput;
    }
    if (isArgumentError(error)) {
      io.stderr(`mlci ${name}: ${await argumentMessage(error, name, command)}\n`);
      return EXIT.badInput;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(
      `mlci ${name}: internal error, this is a bug in mlci; please report it with this output:\n${detail}\n`,
    );
    return EXIT.internal;
  }
}

/**
 * A mistake on the command line: an ArgumentError of parseCommandArgs (commands/*.ts), or one that
 * node:util parseArgs reports itself with these codes.
 */
function isArgumentError(error: unknown): boolean {
  if ((error as { name?: unknown } | null)?.name === 'ArgumentError') return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** One line on what is wrong and what was probably meant, then where the options are. */
async function argumentMessage(error: unknown, name: string, command: CommandModule): Promise<string> {
  const { ArgumentError, describeArgumentProblem, helpHint } = await import('./arguments.js');
  if (!(error instanceof ArgumentError)) {
    // parseArgs's own words, first line only: the rest tells programmers about `--`.
    const first = ((error as Error).message.split('\n')[0] ?? '').replace(/\. To specify .*$/, '');
    return `${first}\n${helpHint(name)}`;
  }
  // An option of another command is worth naming: the others are loaded for this message only.
  const others: Record<string, CommandModule['options']> = {};
  if (error.problem.kind === 'unknown') {
    for (const [other, load] of Object.entries(COMMANDS))
      if (other !== name) others[other] = (await load()).options;
  }
  const problem = describeArgumentProblem(error.problem, { name, ...command }, others);
  return `${problem}\n${helpHint(name)}`;
}
