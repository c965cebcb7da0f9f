import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '@mlci/core';
import { runAction } from '../../../actions/shared/src/main.js';
import { run } from '../../../actions/train/src/run.js';
import type { TrainRecord } from '../../../packages/core/src/train/record.js';
import { isRunning, recordingIO, testSystem, workspace, type RecordingIO } from './helpers.js';

const posixOnly = process.platform === 'win32' ? it.skip : it;

async function train(
  inputs: Record<string, string>,
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<{ io: RecordingIO; cwd: string; record: TrainRecord; log: string }> {
  const cwd = options.cwd ?? workspace();
  const io = recordingIO(inputs);
  const system = testSystem(cwd, options.env === undefined ? {} : { env: options.env });
  await runAction((actionIO) => run(actionIO, system), io);
  const stateDir = join(cwd, inputs['state-dir'] ?? '.mlci');
  const record = JSON.parse(readFileSync(join(stateDir, 'train.json'), 'utf8')) as TrainRecord;
  const logFile =
    inputs['log-file'] === undefined ? join(stateDir, 'train.log') : join(cwd, inputs['log-file']);
  return { io, cwd, record, log: readFileSync(logFile, 'utf8') };
}

describe('run (train action)', () => {
  posixOnly('runs the command, streams its lines, and records how it went', async () => {
    const { io, cwd, record, log } = await train({
      run: 'echo hello\nfor i in 1 2; do echo "step $i loss=0.$i"; done',
    });
    expect(io.failures).toEqual([]);
    expect(io.infos).toEqual(expect.arrayContaining(['hello', 'step 1 loss=0.1', 'step 2 loss=0.2']));
    expect(log).toBe('hello\nstep 1 loss=0.1\nstep 2 loss=0.2\n');
    expect(io.outputs).toEqual({
      'exit-code': '0',
      'duration-seconds': String(record.durationSeconds),
      'log-path': join(cwd, '.mlci', 'train.log'),
      'record-path': join(cwd, '.mlci', 'train.json'),
      'stopped-on-non-finite': 'false',
    });
    expect(record).toMatchObject({
      schema: 'mlci/train',
      version: 1,
      shell: 'bash',
      workingDirectory: '.',
      exitCode: 0,
      log: 'train.log',
      logBytes: Buffer.byteLength(log),
    });
    expect(record.signal).toBeUndefined();
    expect(record.stoppedOnNonFinite).toBeUndefined();
    expect(new Date(record.startedAt).toISOString()).toBe(record.startedAt);
    expect(record.durationSeconds).toBeGreaterThanOrEqual(0);
    expect(record.machine.cpus).toBeGreaterThan(0);
    expect(record.machine.memoryBytes).toBeGreaterThan(0);
    expect(typeof record.machine.cpuModel).toBe('string');
    // The script file is gone once the run is over.
    expect(readdirSync(join(cwd, '.tmp'))).toEqual([]);
  });

  posixOnly('fails with the exit code and the last lines of the log, once', async () => {
    const script = ['for i in $(seq 1 30); do echo "line $i"; done', 'echo "Traceback: boom" >&2', 'exit 3'];
    const { io, record } = await train({ run: script.join('\n') });
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toMatch(/^training failed with exit code 3 after [\d.]+ s; the last 20 lines of /);
    expect(io.failures[0]).toContain('  Traceback: boom');
    expect(io.failures[0]).toContain('  line 30');
    expect(io.failures[0]).not.toContain('line 10\n');
    expect(io.outputs['exit-code']).toBe('3');
    expect(record.exitCode).toBe(3);
  });

  posixOnly('says so when a failed command printed nothing', async () => {
    const { io } = await train({ run: 'exit 2' });
    expect(io.failures).toEqual([
      expect.stringMatching(/exit code 2 after [\d.]+ s; it printed nothing \(.*train\.log is empty\)$/),
    ]);
  });

  posixOnly('stops bash at the first failing command, as GitHub does (-e, pipefail)', async () => {
    const { io, log } = await train({ run: 'false | cat\necho unreachable' });
    expect(io.failures[0]).toMatch(/exit code 1/);
    expect(log).not.toContain('unreachable');
  });

  posixOnly('kills the whole process tree quickly when the loss becomes NaN', async () => {
    const cwd = workspace();
    const script = [
      'echo $$ > shell.pid',
      'sleep 60 &',
      'echo $! > worker.pid',
      'echo "step 1 loss=0.52"',
      'echo "step 2 loss=nan"',
      'sleep 30',
      'echo "step 3 after"',
    ].join('\n');
    // Killed, not waited for: the shell and its worker are gone and the record says SIGTERM (the
    // `sleep 30` left alone would exit 0 and print "step 3 after").
    const { io, record, log } = await train({ run: script }, { cwd });
    expect(log).toBe('step 1 loss=0.52\nstep 2 loss=nan\n');
    expect(io.infos).not.toContain('step 3 after');
    for (const file of ['shell.pid', 'worker.pid']) {
      expect(isRunning(Number(readFileSync(join(cwd, file), 'utf8')))).toBe(false);
    }
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toMatch(
      /^training stopped: loss became nan at line 2 of \.mlci\/train\.log: step 2 loss=nan\n\(set fail-on-non-finite: false/,
    );
    expect(record.stoppedOnNonFinite).toEqual({
      line: 'step 2 loss=nan',
      lineNumber: 2,
      key: 'loss',
      value: 'nan',
    });
    expect(record.exitCode).toBeNull();
    expect(record.signal).toBe('SIGTERM');
    expect(io.outputs['stopped-on-non-finite']).toBe('true');
    expect(io.outputs['exit-code']).toBe('');
  });

  posixOnly('sees a NaN in a progress bar redraw before the line ends', async () => {
    const script = `printf 'epoch 1\\n 10%%|# | loss=0.9\\r 20%%|## | loss=nan\\r'\nsleep 30`;
    const { io, record, log } = await train({ run: script });
    expect(record.signal).toBe('SIGTERM');
    expect(record.stoppedOnNonFinite).toMatchObject({ lineNumber: 2, line: '20%|## | loss=nan' });
    expect(log).toBe('epoch 1\n 10%|# | loss=0.9\r 20%|## | loss=nan\n');
    // The job log shows the line as a terminal would: its last drawing.
    expect(io.infos).toContain(' 20%|## | loss=nan');
    expect(io.failures[0]).toContain('line 2');
  });

  posixOnly(
    'sees a NaN in a tqdm bar, which writes \\r before each redraw, while it is on screen',
    async () => {
      const script = `printf 'epoch 1\\n\\r 10%%|# | loss=0.9\\r 20%%|## | loss=nan'\nsleep 30`;
      const { record, log } = await train({ run: script });
      expect(record.signal).toBe('SIGTERM');
      expect(record.stoppedOnNonFinite).toMatchObject({ lineNumber: 2, line: '20%|## | loss=nan' });
      expect(log).toBe('epoch 1\n 10%|# | loss=0.9\r 20%|## | loss=nan\n');
    },
  );

  posixOnly('only warns, once, when fail-on-non-finite is false', async () => {
    const { io, record } = await train({
      run: 'echo loss=nan\necho val_loss=inf\necho done',
      'fail-on-non-finite': 'false',
    });
    expect(io.failures).toEqual([]);
    expect(io.warnings).toEqual(['loss became nan at line 1 of the log: loss=nan']);
    expect(record.exitCode).toBe(0);
    expect(record.stoppedOnNonFinite).toBeUndefined();
    expect(io.outputs['stopped-on-non-finite']).toBe('false');
  });

  posixOnly('uses non-finite-pattern instead of the built-in detector', async () => {
    const { io, record } = await train({
      run: 'echo loss=nan\necho "perplexity: inf"\nsleep 30',
      'non-finite-pattern': String.raw`(?<key>perplexity):\s*(?<value>inf)`,
    });
    expect(record.stoppedOnNonFinite).toMatchObject({ key: 'perplexity', value: 'inf', lineNumber: 2 });
    expect(io.failures).toHaveLength(1);
  });

  posixOnly('keeps each stream in order and interleaves stdout and stderr as they came', async () => {
    const script = [
      'echo out1',
      'echo err1 >&2',
      'sleep 0.2',
      'echo out2',
      'echo err2 >&2',
      'sleep 0.2',
      'echo out3',
    ];
    const { io, log } = await train({ run: script.join('\n') });
    const lines = log.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('out'))).toEqual(['out1', 'out2', 'out3']);
    expect(lines.filter((line) => line.startsWith('err'))).toEqual(['err1', 'err2']);
    // Separated by sleeps, the streams' lines reach the log in the order they were written.
    expect(lines.indexOf('err1')).toBeLessThan(lines.indexOf('out2'));
    expect(lines.indexOf('err2')).toBeLessThan(lines.indexOf('out3'));
    expect(io.infos.filter((line) => /^(out|err)\d$/.test(line))).toEqual(lines);
  });

  posixOnly('stops the command after timeout-minutes', async () => {
    const { io, record } = await train({
      run: 'echo start\nsleep 30\necho never',
      'timeout-minutes': '0.01',
    });
    expect(record.signal).toBe('SIGTERM');
    expect(record.timedOut).toEqual({ minutes: 0.01 });
    expect(record.exitCode).toBeNull();
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toMatch(/ran longer than timeout-minutes \(0\.01\)[^]* {2}start/);
  });

  posixOnly('runs in working-directory, with the log and state where they were asked for', async () => {
    const cwd = workspace();
    mkdirSync(join(cwd, 'model'));
    const { io, record, log } = await train(
      { run: 'pwd', 'working-directory': 'model', 'state-dir': 'out/state', 'log-file': 'logs/run.log' },
      { cwd },
    );
    expect(log).toBe(`${join(cwd, 'model')}\n`);
    expect(record.workingDirectory).toBe('model');
    expect(record.log).toBe('../../logs/run.log');
    expect(io.outputs['record-path']).toBe(join(cwd, 'out', 'state', 'train.json'));
    expect(io.outputs['log-path']).toBe(join(cwd, 'logs', 'run.log'));
  });

  posixOnly('stops the command when the job is cancelled', async () => {
    const cwd = workspace();
    const io = recordingIO({ run: 'echo started\nsleep 30\necho never' });
    let cancel: (() => void) | undefined;
    const system = testSystem(cwd, {
      onCancel: (handler) => {
        cancel = handler;
        return () => (cancel = undefined);
      },
    });
    setTimeout(() => cancel?.(), 300);
    await runAction((actionIO) => run(actionIO, system), io);
    expect(io.failures).toEqual([
      expect.stringMatching(
        /^training was killed by SIGTERM after [\d.]+ s; the last line of .*:\n {2}started$/,
      ),
    ]);
    expect(cancel).toBeUndefined();
  });

  posixOnly(
    'finishes when the command exits, even if something it left behind holds the output open',
    async () => {
      const cwd = workspace();
      const { io, record } = await train({ run: 'sleep 30 &\necho $! > orphan.pid\necho done' }, { cwd });
      const orphan = Number(readFileSync(join(cwd, 'orphan.pid'), 'utf8'));
      // The step returned while the orphan still held the output open: it did not wait for it.
      expect(isRunning(orphan)).toBe(true);
      process.kill(orphan, 'SIGKILL');
      expect(io.failures).toEqual([]);
      expect(record.exitCode).toBe(0);
    },
  );

  it('refuses a missing working-directory before running anything', async () => {
    const cwd = workspace();
    const io = recordingIO({ run: 'echo hi', 'working-directory': 'nope' });
    const failure = run(io, testSystem(cwd));
    await expect(failure).rejects.toThrow(ConfigurationError);
    await expect(failure).rejects.toThrow(
      /^input working-directory: expected a folder, found "nope" \(.* does not exist\)/,
    );
    expect(existsSync(join(cwd, '.mlci'))).toBe(false);
  });

  it('names the shell input when the shell is not on PATH', async () => {
    const io = recordingIO({ run: 'echo hi', shell: 'mlci-no-such-shell {0}' });
    await expect(run(io, testSystem(workspace()))).rejects.toThrow(
      /^input shell: could not start "mlci-no-such-shell": it is not on PATH/,
    );
  });

  it('runs python scripts with shell: python', async () => {
    const { io, log } = await train({
      run: 'import sys\nprint("from python")\nsys.exit(0)',
      shell: 'python',
    });
    expect(io.failures).toEqual([]);
    expect(log).toBe('from python\n');
  });

  posixOnly('records the GPUs nvidia-smi lists and the runner', async () => {
    const cwd = workspace();
    const bin = join(cwd, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'nvidia-smi'), '#!/bin/sh\necho "NVIDIA A100-SXM4-40GB, 40960, 535.104.05"\n');
    chmodSync(join(bin, 'nvidia-smi'), 0o755);
    const env = {
      ...process.env,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      RUNNER_NAME: 'gpu-1',
      RUNNER_OS: 'Linux',
    };
    const { record } = await train({ run: 'true' }, { cwd, env });
    expect(record.machine.gpus).toEqual([
      { name: 'NVIDIA A100-SXM4-40GB', memoryMiB: 40960, driver: '535.104.05' },
    ]);
    expect(record.machine.runner).toEqual({ name: 'gpu-1', os: 'Linux' });
  });

  posixOnly('notes a failing nvidia-smi and goes on without GPUs', async () => {
    const cwd = workspace();
    const bin = join(cwd, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'nvidia-smi'), '#!/bin/sh\necho "NVIDIA-SMI has failed" >&2\nexit 9\n');
    chmodSync(join(bin, 'nvidia-smi'), 0o755);
    const { io, record } = await train(
      { run: 'true' },
      { cwd, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` } },
    );
    expect(record.machine.gpus).toEqual([]);
    expect(io.failures).toEqual([]);
    expect(io.infos.some((line) => line.startsWith('nvidia-smi did not list the GPUs'))).toBe(true);
  });
});
