import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpus, release, tmpdir, totalmem, type as osType } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import {
  LineSplitter,
  NVIDIA_SMI_ARGS,
  parseNvidiaSmiGpus,
  type GpuInfo,
  type LogSegment,
  type MachineInfo,
} from '@mlci/core';

/**
 * What run() needs from the machine besides ActionIO, so tests run it in-process against real
 * child processes with their own environment, folders and (short) grace periods.
 */
export interface TrainSystem {
  /** The training process's environment; also where PATH (for the shell and nvidia-smi) and RUNNER_* are read. */
  env: Record<string, string | undefined>;
  /** The workspace: relative inputs are resolved against it. */
  cwd: string;
  /** Where the script file is written (RUNNER_TEMP on a runner: cleaned after the job). */
  tempDir: string;
  /** Between SIGTERM and SIGKILL when a run is stopped. */
  killGraceMs: number;
  nvidiaSmiTimeoutMs: number;
  /** Calls `handler` when the job is cancelled (SIGINT/SIGTERM to this process); returns the unsubscribe. */
  onCancel(handler: () => void): () => void;
}

export function nodeSystem(): TrainSystem {
  const env = { ...process.env };
  return {
    env,
    cwd: process.cwd(),
    tempDir: env.RUNNER_TEMP !== undefined && env.RUNNER_TEMP !== '' ? env.RUNNER_TEMP : tmpdir(),
    killGraceMs: 10_000,
    nvidiaSmiTimeoutMs: 10_000,
    onCancel(handler) {
      const signals = ['SIGINT', 'SIGTERM'] as const;
      for (const signal of signals) process.on(signal, handler);
      return () => {
        for (const signal of signals) process.off(signal, handler);
      };
    },
  };
}

const isWindows = process.platform === 'win32';

/**
 * Starts the shell in a process group of its own, so stopping it reaches everything it started
 * (DataLoader workers, torchrun's ranks), not only the shell.
 */
export function startProcess(
  file: string,
  args: string[],
  options: { cwd: string; env: Record<string, string | undefined> },
): ChildProcess {
  return spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: !isWindows,
    windowsHide: true,
  });
}

export function killTree(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL'): void {
  if (child.pid === undefined) return;
  if (isWindows) {
    // Windows has no process groups to signal; taskkill walks the tree (/T), and cannot be gentle.
    spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true });
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone: nothing left to stop.
  }
}

/**
 * Decodes one output stream into segments as they arrive (UTF-8 split across chunks is joined
 * first), calling `onSegment` in order; `onEnd` once the stream has ended and everything was
 * delivered. `wanted` sees the unfinished text after each chunk (the progress bar on screen):
 * when it says yes, that text is given out at once instead of waiting for the next redraw.
 */
export function readSegments(
  stream: NodeJS.ReadableStream,
  onSegment: (segment: LogSegment) => void,
  onEnd: () => void,
  wanted: (unfinished: string) => boolean = () => false,
): void {
  const decoder = new StringDecoder('utf8');
  const splitter = new LineSplitter();
  stream.on('data', (chunk: Buffer) => {
    for (const segment of splitter.feed(decoder.write(chunk))) onSegment(segment);
    if (splitter.unfinished !== '' && wanted(splitter.unfinished)) {
      const segment = splitter.take();
      if (segment !== undefined) onSegment(segment);
    }
  });
  stream.on('end', () => {
    for (const segment of [...splitter.feed(decoder.end()), ...splitter.end()]) onSegment(segment);
    onEnd();
  });
}

/** The machine, as a report needs it; the GPUs come from nvidia-smi when it is there. */
export function describeMachine(env: Record<string, string | undefined>, gpus: GpuInfo[]): MachineInfo {
  const processors = cpus();
  const machine: MachineInfo = {
    os: `${osType()} ${release()}`,
    arch: process.arch,
    cpus: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    memoryBytes: totalmem(),
    gpus,
  };
  const runner: { name?: string; os?: string } = {};
  if (env.RUNNER_NAME !== undefined && env.RUNNER_NAME !== '') runner.name = env.RUNNER_NAME;
  if (env.RUNNER_OS !== undefined && env.RUNNER_OS !== '') runner.os = env.RUNNER_OS;
  if (runner.name !== undefined || runner.os !== undefined) machine.runner = runner;
  return machine;
}

/**
 * The GPUs nvidia-smi reports. Its absence is the common case (CPU runners) and not an error; a
 * failure (no driver loaded, a hang past the timeout) is noted, and the run goes on without GPUs.
 */
export function queryGpus(
  system: Pick<TrainSystem, 'env' | 'nvidiaSmiTimeoutMs'>,
  note: (message: string) => void,
): Promise<GpuInfo[]> {
  return new Promise((resolve) => {
    execFile(
      'nvidia-smi',
      [...NVIDIA_SMI_ARGS],
      { env: system.env, timeout: system.nvidiaSmiTimeoutMs, windowsHide: true },
      (error, stdout) => {
        if (error === null) {
          resolve(parseNvidiaSmiGpus(stdout));
          return;
        }
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          note(`nvidia-smi did not list the GPUs (${error.message.split('\n')[0] ?? ''}); recording none`);
        }
        resolve([]);
      },
    );
  });
}
