import { randomUUID } from 'node:crypto';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  ConfigurationError,
  MlciError,
  LastLines,
  TRAIN_SCHEMA,
  describeEnding,
  quoteLine,
  resolveShell,
  roundSeconds,
  stripAnsi,
  type LogSegment,
  type StoppedOnNonFinite,
  type TrainRecord,
} from '@mlci/core';
import type { ActionIO } from '../../shared/src/io.js';
import { writeState } from '../../shared/src/state.js';
import { INPUT, OUTPUT, parseTrainInputs, type TrainInputs } from './inputs.js';
import {
  describeMachine,
  killTree,
  nodeSystem,
  queryGpus,
  readSegments,
  startProcess,
  type TrainSystem,
} from './process.js';

/** How many of the log's last lines a failure message shows. */
export const TAIL_LINES = 20;

/**
 * The train action: run the user's training command under the chosen shell, stream its output
 * to the job log and to a file, stop it early when its loss diverges or its time is up, and
 * leave a TrainRecord in the state folder for evaluate and report. The record and the outputs
 * are written before a failure is reported, so later `if: always()` steps can see what happened.
 */
export async function run(io: ActionIO, system: TrainSystem = nodeSystem()): Promise<void> {
  const inputs = parseTrainInputs((name) => io.getInput(name));
  const workingDirectory = resolve(system.cwd, inputs.workingDirectory);
  if (!isDirectory(workingDirectory)) {
    throw new ConfigurationError(
      `input ${INPUT.workingDirectory}: expected a folder, found ${JSON.stringify(inputs.workingDirectory)} (${workingDirectory} ${describeMissing(workingDirectory)})`,
    );
  }
  const stateDir = resolve(system.cwd, inputs.stateDir);
  const logPath = resolve(system.cwd, inputs.logFile);

  const gpus = queryGpus(system, (message) => io.info(message));
  const outcome = await train(io, system, inputs, workingDirectory, logPath);
  // Built in the order a person reads it: what ran, how it ended, where the log is, on what.
  const record: TrainRecord = {
    schema: TRAIN_SCHEMA,
    version: 1,
    command: inputs.command,
    shell: inputs.shell,
    workingDirectory: inputs.workingDirectory,
    startedAt: outcome.startedAt,
    durationSeconds: outcome.durationSeconds,
    exitCode: outcome.exitCode,
    ...(outcome.signal === undefined ? {} : { signal: outcome.signal }),
    ...(outcome.stopped === undefined ? {} : { stoppedOnNonFinite: outcome.stopped }),
    ...(outcome.timedOut && inputs.timeoutMinutes !== undefined
      ? { timedOut: { minutes: inputs.timeoutMinutes } }
      : {}),
    log: relative(stateDir, logPath).split(sep).join('/'),
    logBytes: outcome.logBytes,
    machine: describeMachine(system.env, await gpus),
  };
  const recordPath = await writeState(stateDir, 'train', record);

  io.setOutput(OUTPUT.exitCode, outcome.exitCode === null ? '' : String(outcome.exitCode));
  io.setOutput(OUTPUT.durationSeconds, String(outcome.durationSeconds));
  io.setOutput(OUTPUT.logPath, logPath);
  io.setOutput(OUTPUT.recordPath, recordPath);
  io.setOutput(OUTPUT.stoppedOnNonFinite, String(outcome.stopped !== undefined));

  const ending = describeEnding(record, inputs.logFile);
  if (outcome.stopped !== undefined) {
    throw new MlciError(`${ending}\n(set ${INPUT.failOnNonFinite}: false to let such runs go on)`);
  }
  if (outcome.exitCode !== 0 || outcome.timedOut || outcome.cancelled) {
    const tail = outcome.lastLines.map((line) => `  ${quoteLine(line)}`).join('\n');
    const count = outcome.lastLines.length;
    if (count === 0) throw new MlciError(`${ending}; it printed nothing (${logPath} is empty)`);
    const which = count === 1 ? 'the last line' : `the last ${count} lines`;
    throw new MlciError(`${ending}; ${which} of ${logPath}:\n${tail}`);
  }
  io.info(ending);
}

interface Outcome {
  startedAt: string;
  durationSeconds: number;
  exitCode: number | null;
  signal?: string;
  logBytes: number;
  lastLines: string[];
  stopped?: StoppedOnNonFinite;
  timedOut: boolean;
  cancelled: boolean;
}

async function train(
  io: ActionIO,
  system: TrainSystem,
  inputs: TrainInputs,
  cwd: string,
  logPath: string,
): Promise<Outcome> {
  const scriptBase = join(system.tempDir, `mlci-train-${randomUUID()}`);
  const invocation = resolveShell(inputs.shell, inputs.command, (ext) => `${scriptBase}${ext}`, INPUT.shell);
  const scriptPath = `${scriptBase}${invocation.extension}`;
  await mkdir(system.tempDir, { recursive: true });
  await writeFile(scriptPath, invocation.script);
  await mkdir(dirname(logPath), { recursive: true });
  const log = openSync(logPath, 'w');
  try {
    io.info(`running ${inputs.shell} in ${inputs.workingDirectory}; the log goes to ${logPath}`);
    return await supervise(io, system, inputs, invocation.file, invocation.args, cwd, log);
  } finally {
    closeSync(log);
    await rm(scriptPath, { force: true });
  }
}

/** Runs the process to its end, feeding its output through the log and the non-finite watch. */
function supervise(
  io: ActionIO,
  system: TrainSystem,
  inputs: TrainInputs,
  file: string,
  args: string[],
  cwd: string,
  log: number,
): Promise<Outcome> {
  const startedAt = new Date().toISOString();
  const start = performance.now();
  const last = new LastLines(TAIL_LINES);
  let lineCount = 0;
  let logBytes = 0;
  let stopped: StoppedOnNonFinite | undefined;
  let warnedNonFinite = false;
  let timedOut = false;
  let cancelled = false;

  /** Writes one line to the file and the job log; returns its 1-based number in the file. */
  const emitLine = (parts: string[]): number => {
    // A `\r\n` split across chunks arrives as a redraw and an empty end: it is one line end.
    if (parts.length > 1 && parts.at(-1) === '') parts = parts.slice(0, -1);
    const text = `${parts.join('\r')}\n`;
    logBytes += writeSync(log, text);
    // What a terminal would show for a redrawn line is its last drawing.
    const shown = [...parts].reverse().find((part) => part !== '') ?? '';
    io.info(shown);
    last.push(stripAnsi(shown));
    return ++lineCount;
  };

  return new Promise<Outcome>((resolvePromise, reject) => {
    const child = startProcess(file, args, { cwd, env: system.env });
    const timers: NodeJS.Timeout[] = [];
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      killTree(child, 'SIGTERM');
      timers.push(setTimeout(() => killTree(child, 'SIGKILL'), system.killGraceMs));
    };
    const unsubscribe = system.onCancel(() => {
      cancelled = true;
      stop();
    });
    if (inputs.timeoutMinutes !== undefined) {
      timers.push(
        setTimeout(() => {
          timedOut = true;
          // Said in the log as it happens; the failure itself is reported once, at the end.
          io.info(`the training command ran longer than ${inputs.timeoutMinutes} minutes: stopping it`);
          stop();
        }, inputs.timeoutMinutes * 60_000),
      );
    }

    const watch = (): ((segment: LogSegment) => void) => {
      let pending: string[] = [];
      return (segment) => {
        pending.push(segment.text);
        const hit = stopping ? undefined : inputs.detectNonFinite(segment.text);
        if (!segment.endsLine && hit === undefined) return;
        // A NaN in a progress bar's redraw ends its line in the file there, so its number is final.
        const lineNumber = emitLine(pending);
        pending = [];
        if (hit === undefined) return;
        const line = quoteLine(stripAnsi(segment.text).trim());
        if (!inputs.failOnNonFinite) {
          if (!warnedNonFinite) {
            io.warning(`${hit.key} became ${hit.value} at line ${lineNumber} of the log: ${line}`);
            warnedNonFinite = true;
          }
          return;
        }
        stopped = { line, lineNumber, key: hit.key, value: hit.value };
        io.info(`${hit.key} became ${hit.value} at line ${lineNumber}: stopping the training command`);
        stop();
      };
    };

    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let openStreams = 2;
    let settled = false;
    const finish = (): void => {
      if (settled || exit === undefined) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      unsubscribe();
      const outcome: Outcome = {
        startedAt,
        durationSeconds: roundSeconds(performance.now() - start),
        exitCode: exit.code,
        logBytes,
        lastLines: last.get(),
        timedOut,
        cancelled,
      };
      if (exit.signal !== null) outcome.signal = exit.signal;
      if (stopped !== undefined) outcome.stopped = stopped;
      resolvePromise(outcome);
    };
    const streamEnded = (): void => {
      openStreams--;
      if (openStreams === 0) finish();
    };
    // Only worth cutting a line short for when the run is to be stopped: a warning can wait.
    const diverged = (unfinished: string): boolean =>
      inputs.failOnNonFinite && !stopping && inputs.detectNonFinite(unfinished) !== undefined;
    readSegments(child.stdout!, watch(), streamEnded, diverged);
    readSegments(child.stderr!, watch(), streamEnded, diverged);

    child.on('error', (error: NodeJS.ErrnoException) => {
      for (const timer of timers) clearTimeout(timer);
      unsubscribe();
      settled = true;
      reject(
        error.code === 'ENOENT'
          ? new ConfigurationError(
              `input ${INPUT.shell}: could not start ${JSON.stringify(file)}: it is not on PATH (install it in an earlier step, or choose another shell)`,
            )
          : error,
      );
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      if (openStreams === 0) {
        finish();
        return;
      }
      // A process it left behind (a server started with `&`) may keep the output open for good:
      // give it the grace period to flush, then stop reading, as the job must go on.
      timers.push(
        setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
          finish();
        }, system.killGraceMs),
      );
    });
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function describeMissing(path: string): string {
  try {
    statSync(path);
    return 'is not a folder';
  } catch {
    return 'does not exist';
  }
}
