import * as core from '@actions/core';

/**
 * What an action's run() may do to the runner, as one narrow interface: run() receives it, so
 * tests record outputs, logs and the summary instead of parsing GITHUB_OUTPUT files.
 */
export interface ActionIO {
  /** An input as the runner passes it (`INPUT_<NAME>`), trimmed; '' when not given. */
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  info(message: string): void;
  warning(message: string, where?: { file?: string; startLine?: number; title?: string }): void;
  error(message: string, where?: { file?: string; startLine?: number; title?: string }): void;
  /** Appends Markdown to the job summary (never overwrites what earlier steps wrote). */
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
}

/** The real runner, through @actions/core. */
export function runnerIO(): ActionIO {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    info: (message) => core.info(message),
    warning: (message, where) => core.warning(message, where ?? {}),
    error: (message, where) => core.error(message, where ?? {}),
    appendSummary: async (markdown) => {
      if (process.env.GITHUB_STEP_SUMMARY === undefined || process.env.GITHUB_STEP_SUMMARY === '') {
        core.info('no job summary here (GITHUB_STEP_SUMMARY is not set)');
        return;
      }
      await core.summary.addRaw(markdown, true).write();
    },
    setFailed: (message) => core.setFailed(message),
  };
}
