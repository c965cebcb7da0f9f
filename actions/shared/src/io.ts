import type { Logger } from '@mlci/github';
import { annotationProperties, appendSummary, getInput, issue, logText, setOutput } from './runner.js';

/**
 * What an action's run() may do to the runner, as one narrow interface: run() receives it, so
 * tests record outputs, logs and the summary instead of parsing GITHUB_OUTPUT files.
 */
export interface ActionIO {
  /** An input as the runner passes it (`INPUT_<NAME>`), trimmed; '' when not given. */
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  /**
   * A line (or lines) of the step's log. The text may carry data (metric names, file names,
   * excerpts of errors): the runner never obeys a workflow command in it.
   */
  info(message: string): void;
  /** Shown only when the run has step debug logging on (ACTIONS_STEP_DEBUG). */
  debug(message: string): void;
  warning(message: string, where?: { file?: string; startLine?: number; title?: string }): void;
  error(message: string, where?: { file?: string; startLine?: number; title?: string }): void;
  /** Appends Markdown to the job summary (never overwrites what earlier steps wrote). */
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
}

/**
 * The real runner, through its protocol (runner.ts). Data reaches stdout only through logText
 * (info) or as the escaped message or property of a command (debug, warning, error, setFailed,
 * setSecret), so nothing in it can be read as a command of its own.
 */
export function runnerIO(): ActionIO {
  return {
    getInput: (name) => getInput(name),
    setOutput: (name, value) => setOutput(name, value),
    setSecret: (value) => issue('add-mask', {}, value),
    info: (message) => void process.stdout.write(`${logText(message)}\n`),
    debug: (message) => issue('debug', {}, message),
    warning: (message, where) => issue('warning', annotationProperties(where), message),
    error: (message, where) => issue('error', annotationProperties(where), message),
    appendSummary: async (markdown) => {
      if (!appendSummary(markdown))
        process.stdout.write('no job summary here (GITHUB_STEP_SUMMARY is not set)\n');
    },
    setFailed: (message) => {
      process.exitCode = 1;
      issue('error', {}, message);
    },
  };
}

/** The logger mlci's GitHub code writes to, on this step's log (retries go to the debug log). */
export function loggerOf(io: ActionIO): Required<Logger> {
  return { info: (m) => io.info(m), warning: (m) => io.warning(m), debug: (m) => io.debug(m) };
}
