import {
  TRAIN_SCHEMA,
  describeEnding,
  quoteLine,
  roundSeconds,
  type TrainRecord,
} from '../../../packages/core/src/train/record.js';

const base: TrainRecord = {
  schema: TRAIN_SCHEMA,
  version: 1,
  command: 'python train.py',
  shell: 'bash',
  workingDirectory: '.',
  startedAt: '2025-01-01T00:00:00.000Z',
  durationSeconds: 12.5,
  exitCode: 0,
  log: 'train.log',
  logBytes: 10,
  machine: { os: 'Linux 6', arch: 'x64', cpus: 4, cpuModel: 'cpu', memoryBytes: 1, gpus: [] },
};

describe('describeEnding', () => {
  it('says how the run ended, most specific reason first', () => {
    expect(describeEnding(base)).toBe('training finished in 12.5 s');
    expect(describeEnding({ ...base, exitCode: 3 })).toBe('training failed with exit code 3 after 12.5 s');
    expect(describeEnding({ ...base, exitCode: null, signal: 'SIGKILL' })).toBe(
      'training was killed by SIGKILL after 12.5 s',
    );
    expect(describeEnding({ ...base, exitCode: null, timedOut: { minutes: 1 } })).toMatch(
      /ran longer than timeout-minutes \(1\)/,
    );
    expect(
      describeEnding({
        ...base,
        exitCode: null,
        stoppedOnNonFinite: { line: 'loss=nan', lineNumber: 7, key: 'loss', value: 'nan' },
      }),
    ).toBe('training stopped: loss became nan at line 7 of train.log: loss=nan');
  });
});

describe('quoteLine and roundSeconds', () => {
  it('cut long lines and round to milliseconds', () => {
    expect(quoteLine('abcdef', 3)).toBe('abc… (3 more characters)');
    expect(quoteLine('abc', 3)).toBe('abc');
    expect(roundSeconds(1234.5678)).toBe(1.235);
  });
});
