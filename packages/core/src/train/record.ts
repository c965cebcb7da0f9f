import type { GpuInfo } from './gpus.js';

/**
 * What the train action leaves in the state folder (`<state-dir>/train.json`) for evaluate and
 * report: what ran, where, for how long, how it ended, and on what machine, so a report can say
 * "trained in 41 min on 1 × A100, stopped at line 5312: loss=nan".
 */
export const TRAIN_SCHEMA = 'mlci/train';

export interface MachineInfo {
  /** `Linux 6.5.0-1025-azure`: os.type() and os.release(). */
  os: string;
  arch: string;
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  gpus: GpuInfo[];
  /** The runner, when running on GitHub Actions (RUNNER_NAME, RUNNER_OS). */
  runner?: { name?: string; os?: string };
}

export interface StoppedOnNonFinite {
  /** The log line, as printed (cut to MAX_QUOTED_CHARS). */
  line: string;
  /** 1-based, in the log file. */
  lineNumber: number;
  key: string;
  value: string;
}

export interface TrainRecord {
  schema: typeof TRAIN_SCHEMA;
  version: 1;
  command: string;
  shell: string;
  workingDirectory: string;
  /** ISO 8601, UTC. */
  startedAt: string;
  durationSeconds: number;
  /** null when a signal ended the process (then `signal` says which). */
  exitCode: number | null;
  signal?: string;
  /** The log file, relative to the state folder when inside it (`train.log`), else as given. */
  log: string;
  logBytes: number;
  machine: MachineInfo;
  stoppedOnNonFinite?: StoppedOnNonFinite;
  /** Set when the run was stopped for exceeding its time limit. */
  timedOut?: { minutes: number };
}

/** Log lines quoted in messages and records are cut here: a progress bar can be megabytes long. */
export const MAX_QUOTED_CHARS = 500;

export function quoteLine(line: string, max = MAX_QUOTED_CHARS): string {
  return line.length <= max ? line : `${line.slice(0, max)}… (${line.length - max} more characters)`;
}

/** Seconds, to the millisecond: enough for a report, stable enough to compare. */
export function roundSeconds(milliseconds: number): number {
  return Math.round(milliseconds) / 1000;
}

/**
 * How the run ended, in the words a failed job's first line needs. `logName` is the log as the
 * reader knows it (the action passes its `log-file` input); by default the record's own path.
 */
export function describeEnding(record: TrainRecord, logName = record.log): string {
  if (record.stoppedOnNonFinite !== undefined) {
    const stop = record.stoppedOnNonFinite;
    return `training stopped: ${stop.key} became ${stop.value} at line ${stop.lineNumber} of ${logName}: ${stop.line}`;
  }
  if (record.timedOut !== undefined) {
    return `training stopped: it ran longer than timeout-minutes (${record.timedOut.minutes}) and was killed after ${record.durationSeconds} s`;
  }
  if (record.exitCode === 0) return `training finished in ${record.durationSeconds} s`;
  if (record.exitCode === null) {
    return `training was killed by ${record.signal ?? 'a signal'} after ${record.durationSeconds} s`;
  }
  return `training failed with exit code ${record.exitCode} after ${record.durationSeconds} s`;
}
