import { join } from 'node:path';
import { ConfigurationError } from '@mlci/core';
import { parseTrainInputs } from '../../../actions/train/src/inputs.js';
import { findNonFiniteLoss } from '../../../packages/core/src/train/non-finite.js';

const get =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    inputs[name] ?? '';

describe('parseTrainInputs', () => {
  it('fills in the defaults', () => {
    const inputs = parseTrainInputs(get({ run: 'python train.py' }));
    expect(inputs).toEqual({
      command: 'python train.py',
      shell: 'bash',
      workingDirectory: '.',
      stateDir: '.mlci',
      logFile: join('.mlci', 'train.log'),
      failOnNonFinite: true,
      detectNonFinite: findNonFiniteLoss,
    });
  });

  it('puts the default log file in the state folder given', () => {
    expect(parseTrainInputs(get({ run: 'x', 'state-dir': 'out' })).logFile).toBe(join('out', 'train.log'));
    expect(parseTrainInputs(get({ run: 'x', 'log-file': 'logs/a.log' })).logFile).toBe('logs/a.log');
  });

  it('reads every input', () => {
    const inputs = parseTrainInputs(
      get({
        run: 'train',
        shell: 'python3 -u {0}',
        'working-directory': 'model',
        'fail-on-non-finite': 'false',
        'non-finite-pattern': 'kl=nan',
        'timeout-minutes': '90',
      }),
    );
    expect(inputs).toMatchObject({
      shell: 'python3 -u {0}',
      workingDirectory: 'model',
      failOnNonFinite: false,
      nonFinitePattern: 'kl=nan',
      timeoutMinutes: 90,
    });
    expect(inputs.detectNonFinite('KL=NaN')).toBeDefined();
  });

  it.each([
    [{}, /^input run is required/],
    [
      { run: 'x', shell: 'zsh' },
      /^input shell: expected one of bash, sh, pwsh, powershell, python or a command template/,
    ],
    [
      { run: 'x', 'fail-on-non-finite': 'yes' },
      /^input fail-on-non-finite: expected true or false, found "yes"/,
    ],
    [
      { run: 'x', 'non-finite-pattern': 'loss=(nan' },
      /^input non-finite-pattern: expected a JavaScript regular expression, found "loss=\(nan"/,
    ],
    [
      { run: 'x', 'timeout-minutes': '0' },
      /^input timeout-minutes: expected a number of minutes above 0 .* found "0"/,
    ],
    [{ run: 'x', 'timeout-minutes': '1h' }, /^input timeout-minutes: .* found "1h"/],
    [{ run: 'x', 'timeout-minutes': '-5' }, /^input timeout-minutes: .* found "-5"/],
  ])('refuses %j, naming the input', (inputs, message) => {
    expect(() => parseTrainInputs(get(inputs))).toThrow(ConfigurationError);
    expect(() => parseTrainInputs(get(inputs))).toThrow(message);
  });
});
