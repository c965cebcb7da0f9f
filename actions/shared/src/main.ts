import { isMlciError } from '@mlci/core';
import { runnerIO, type ActionIO } from './io.js';

/**
 * The one top-level catch of every action: a user's mistake is one clear line, anything else is
 * reported as a bug with its stack; setFailed is called exactly once, for Errors and non-Errors.
 */
export async function runAction(
  run: (io: ActionIO) => Promise<void>,
  io: ActionIO = runnerIO(),
): Promise<void> {
  try {
    await run(io);
  } catch (error) {
    if (isMlciError(error)) {
      io.setFailed(error.message);
      return;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.setFailed(`mlci failed unexpectedly; this is a bug, please report it with this log:\n${detail}`);
  }
}
