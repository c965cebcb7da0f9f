import { mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionIO } from '../../../actions/shared/src/io.js';
import type { TrainSystem } from '../../../actions/train/src/process.js';

/** An ActionIO that records what run() did, with the inputs a workflow would pass. */
export interface RecordingIO extends ActionIO {
  outputs: Record<string, string>;
  infos: string[];
  warnings: string[];
  errors: string[];
  failures: string[];
}

export function recordingIO(inputs: Record<string, string>): RecordingIO {
  const io: RecordingIO = {
    outputs: {},
    infos: [],
    warnings: [],
    errors: [],
    failures: [],
    getInput: (name) => (inputs[name] ?? '').trim(),
    setOutput: (name, value) => {
      io.outputs[name] = value;
    },
    setSecret: () => undefined,
    info: (message) => io.infos.push(message),
    debug: () => undefined,
    warning: (message) => io.warnings.push(message),
    error: (message) => io.errors.push(message),
    appendSummary: async () => undefined,
    setFailed: (message) => io.failures.push(message),
  };
  return io;
}

/** A fresh workspace folder (real path: macOS's /var is a link, and `pwd` prints the real one). */
export function workspace(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'mlci-train-')));
}

export function testSystem(cwd: string, overrides: Partial<TrainSystem> = {}): TrainSystem {
  return {
    env: { ...process.env },
    cwd,
    tempDir: join(cwd, '.tmp'),
    killGraceMs: 1000,
    nvidiaSmiTimeoutMs: 2000,
    onCancel: () => () => undefined,
    ...overrides,
  };
}

/** Whether a process still runs; a zombie waiting for a parent that never reaps it does not. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}

/** The outputs file as the runner reads it: `name<<delimiter`, the value's lines, `delimiter`. */
export function parseOutputsFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc !== null) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      outputs[name] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}
