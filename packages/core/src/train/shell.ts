import { ConfigurationError } from '../errors.js';

/**
 * How a training command becomes a process, the way GitHub's `shell:` keyword does it: the
 * command is written to a script file and the shell runs that file (`{0}`), so multi-line
 * commands, quotes and `set -e` behave exactly as in a `run:` step.
 */
export interface ShellInvocation {
  /** The program to start (looked up on PATH). */
  file: string;
  /** Its arguments, `{0}` already replaced by the script's path. */
  args: string[];
  /** The script file's extension: some shells (PowerShell) refuse a script without theirs. */
  extension: string;
  /** The script as written to the file (PowerShell gets the same prologue and epilogue GitHub adds). */
  script: string;
}

interface Builtin {
  template: string[];
  extension: string;
  wrap?: (command: string) => string;
}

const powershellWrap = (command: string): string =>
  `$ErrorActionPreference = 'stop'\n${command}\nif ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }\n`;

/** The same command lines as GitHub's documented `shell:` values. */
export const BUILTIN_SHELLS: Readonly<Record<string, Builtin>> = {
  bash: { template: ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '{0}'], extension: '.sh' },
  sh: { template: ['sh', '-e', '{0}'], extension: '.sh' },
  pwsh: { template: ['pwsh', '-command', ". '{0}'"], extension: '.ps1', wrap: powershellWrap },
  powershell: { template: ['powershell', '-command', ". '{0}'"], extension: '.ps1', wrap: powershellWrap },
  python: { template: ['python', '{0}'], extension: '.py' },
};

/**
 * `shell` is a built-in name or a template such as `bash -x {0}` or `python3 -u {0}`; a template
 * is split on blanks (no quoting, as GitHub's custom shells) and must contain `{0}`.
 * `source` names the input or flag in error messages.
 */
export function resolveShell(
  shell: string,
  command: string,
  scriptPath: (extension: string) => string,
  source = 'shell',
): ShellInvocation {
  const name = shell.trim();
  const builtin = BUILTIN_SHELLS[name];
  if (builtin !== undefined) {
    const path = scriptPath(builtin.extension);
    const [file = '', ...args] = builtin.template.map((part) => part.replaceAll('{0}', path));
    return { file, args, extension: builtin.extension, script: builtin.wrap?.(command) ?? command };
  }
  const parts = name.split(/\s+/).filter((part) => part !== '');
  if (parts.length === 0 || !parts.some((part) => part.includes('{0}'))) {
    throw new ConfigurationError(
      `input ${source}: expected one of ${Object.keys(BUILTIN_SHELLS).join(', ')} or a command template containing {0} (the script's path), such as "python3 -u {0}"; found ${JSON.stringify(shell)}`,
    );
  }
  const path = scriptPath('');
  const [file = '', ...args] = parts.map((part) => part.replaceAll('{0}', path));
  return { file, args, extension: '', script: command };
}
