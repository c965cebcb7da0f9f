import { join } from 'node:path';
import { ConfigurationError } from '@mlci/core';
import { nonFiniteMatcher, resolveShell, type NonFiniteMatcher } from '@mlci/core';
import { booleanInput, optionalInput, requiredInput, type GetInput } from '../../shared/src/inputs.js';
import { DEFAULT_STATE_DIR } from '../../shared/src/state.js';

/** The names in action.yml, defined once: the code, the README and the action.yml test use these. */
export const INPUT = {
  run: 'run',
  shell: 'shell',
  workingDirectory: 'working-directory',
  logFile: 'log-file',
  stateDir: 'state-dir',
  failOnNonFinite: 'fail-on-non-finite',
  nonFinitePattern: 'non-finite-pattern',
  timeoutMinutes: 'timeout-minutes',
  cachePath: 'cache-path',
  cacheKey: 'cache-key',
  artifactPath: 'artifact-path',
  artifactName: 'artifact-name',
} as const;

export const OUTPUT = {
  exitCode: 'exit-code',
  durationSeconds: 'duration-seconds',
  logPath: 'log-path',
  recordPath: 'record-path',
  stoppedOnNonFinite: 'stopped-on-non-finite',
} as const;

/** Inputs the composite action's own steps use (actions/cache, actions/upload-artifact), not run(). */
export const COMPOSITE_ONLY_INPUTS: readonly string[] = [
  INPUT.cachePath,
  INPUT.cacheKey,
  INPUT.artifactPath,
  INPUT.artifactName,
];

export const DEFAULT_LOG_FILE_NAME = 'train.log';

export interface TrainInputs {
  command: string;
  shell: string;
  /** As given, relative to the workspace. */
  workingDirectory: string;
  stateDir: string;
  /** As given, or `<state-dir>/train.log`. */
  logFile: string;
  failOnNonFinite: boolean;
  /** The user's regular expression, when it replaces the built-in detector. */
  nonFinitePattern?: string;
  detectNonFinite: NonFiniteMatcher;
  timeoutMinutes?: number;
}

/** GitHub's own `timeout-minutes` is whole minutes; a fraction is allowed here (and useful in tests). */
const MAX_TIMEOUT_MINUTES = 7 * 24 * 60;

export function parseTrainInputs(get: GetInput): TrainInputs {
  const command = requiredInput(get, INPUT.run, 'the training command, such as "python train.py"');
  const shell = optionalInput(get, INPUT.shell) ?? 'bash';
  // Checked now, so a misspelt shell fails before anything is written.
  resolveShell(shell, command, () => 'script', INPUT.shell);
  const workingDirectory = optionalInput(get, INPUT.workingDirectory) ?? '.';
  const stateDir = optionalInput(get, INPUT.stateDir) ?? DEFAULT_STATE_DIR;
  const logFile = optionalInput(get, INPUT.logFile) ?? join(stateDir, DEFAULT_LOG_FILE_NAME);
  const failOnNonFinite = booleanInput(get, INPUT.failOnNonFinite, true);
  const nonFinitePattern = optionalInput(get, INPUT.nonFinitePattern);
  let detectNonFinite: NonFiniteMatcher;
  try {
    detectNonFinite = nonFiniteMatcher(nonFinitePattern);
  } catch (error) {
    throw new ConfigurationError(
      `input ${INPUT.nonFinitePattern}: expected a JavaScript regular expression, found ${JSON.stringify(nonFinitePattern)} (${(error as Error).message})`,
    );
  }
  const inputs: TrainInputs = {
    command,
    shell,
    workingDirectory,
    stateDir,
    logFile,
    failOnNonFinite,
    detectNonFinite,
  };
  if (nonFinitePattern !== undefined) inputs.nonFinitePattern = nonFinitePattern;
  const timeout = optionalInput(get, INPUT.timeoutMinutes);
  if (timeout !== undefined) {
    const minutes = /^\d*\.?\d+$/.test(timeout) ? Number(timeout) : NaN;
    if (!(minutes > 0 && minutes <= MAX_TIMEOUT_MINUTES)) {
      throw new ConfigurationError(
        `input ${INPUT.timeoutMinutes}: expected a number of minutes above 0 and at most ${MAX_TIMEOUT_MINUTES}, found ${JSON.stringify(timeout)}`,
      );
    }
    inputs.timeoutMinutes = minutes;
  }
  return inputs;
}
