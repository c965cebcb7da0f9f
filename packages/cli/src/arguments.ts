import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestNames } from '@mlci/core';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A mistake on the command line, as found in the arguments; main() says it in one line. */
export type ArgumentProblem =
  /** `--fromat`, `-x`: as written. */
  | { kind: 'unknown'; option: string }
  /** A string option at the end, or followed by what looks like another option. */
  | { kind: 'missing-value'; option: string; next?: string }
  /** `--json=yes`. */
  | { kind: 'unexpected-value'; option: string; written: string };

export class ArgumentError extends Error {
  override name = 'ArgumentError';
  constructor(readonly problem: ArgumentProblem) {
    super(`${problem.kind}: ${problem.option}`);
  }
}

/**
 * node:util parseArgs, with its mistakes found first and thrown as an ArgumentError: parseArgs's
 * own messages are for programmers ("Unknown option '--fromat'. To specify a positional argument
 * starting with a '-', place it at the end of the command after '--' ..."), and they do not say
 * which option was meant.
 */
export function parseCommandArgs<T extends ParseArgsConfig & { options: Options }>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  const { tokens } = parseArgs({
    ...(config.args !== undefined ? { args: config.args } : {}),
    options: config.options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(config.options, token.name) ? config.options[token.name] : undefined;
    if (spec === undefined) throw new ArgumentError({ kind: 'unknown', option: token.rawName });
    if (spec.type === 'boolean' && token.inlineValue === true)
      throw new ArgumentError({
        kind: 'unexpected-value',
        option: token.rawName,
        written: `${token.rawName}=${token.value ?? ''}`,
      });
    // The strict parse refuses a separate value that starts with a dash: it was most likely forgotten.
    if (
      spec.type === 'string' &&
      (token.value === undefined || (token.inlineValue === false && token.value.startsWith('-')))
    ) {
      throw new ArgumentError(
        token.value === undefined
          ? { kind: 'missing-value', option: token.rawName }
          : { kind: 'missing-value', option: token.rawName, next: token.value },
      );
    }
  }
  return parseArgs(config);
}

/** The line after every command-line mistake: where to look, rather than the whole usage. */
export function helpHint(command: string): string {
  return `Run 'mlci ${command} --help' for its options.`;
}

/**
 * One line that says what is wrong and, when it can, what was meant:
 * - an option of another command names the commands that take it;
 * - an unknown option, the closest options of this command (only when close);
 * - an option without its value, the value it takes, as the usage writes it (`--base RUN`).
 */
export function describeArgumentProblem(
  problem: ArgumentProblem,
  command: { name: string; usage: string; options: Options },
  others: Record<string, Options>,
): string {
  const { option } = problem;
  if (problem.kind === 'unexpected-value') return `${option} takes no value (found ${problem.written})`;
  if (problem.kind === 'missing-value') {
    const placeholder = new RegExp(`^\\s+${escapeRegExp(option)} (\\S+)`, 'm').exec(command.usage)?.[1];
    const example = placeholder === undefined ? '' : `, as in ${option} ${placeholder}`;
    if (problem.next === undefined) return `${option} needs a value${example}`;
    const nextIsOption = /^--?[^-]/.test(problem.next) && knownOption(problem.next, command.options);
    return nextIsOption
      ? `${option} needs a value${example} (found ${problem.next} after it)`
      : `${option} needs a value${example}; write ${option}=${problem.next} for a value that starts with -`;
  }
  if (option.startsWith('--')) {
    const name = option.slice(2);
    const takers = Object.entries(others)
      .filter(([, options]) => Object.hasOwn(options, name))
      .map(([other]) => other);
    if (takers.length > 0)
      return `${option} is not an option of ${command.name} (${listed(takers)} take${takers.length === 1 ? 's' : ''} it)`;
    const meant = closestNames(name, Object.keys(command.options)).map((n) => `--${n}`);
    if (meant.length > 0) return `unknown option ${option}; did you mean ${listed(meant, 'or')}?`;
  }
  return `unknown option ${option}`;
}

/** After "unknown command": the closest command, when one is close. */
export function suggestCommand(name: string, commands: readonly string[]): string {
  const meant = closestNames(name, commands, 2);
  return meant.length > 0 ? `; did you mean ${listed(meant, 'or')}?` : '';
}

function knownOption(written: string, options: Options): boolean {
  const name = written.replace(/^--?/, '').replace(/=.*$/, '');
  return written.startsWith('--')
    ? Object.hasOwn(options, name)
    : Object.values(options).some((spec) => spec.short === name);
}

function listed(items: readonly string[], word = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
