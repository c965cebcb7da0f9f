import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getInput } from '@actions/core';
import { parse } from 'yaml';
import type { TrainRecord } from '../../../packages/core/src/train/record.js';
import { parseOutputsFile, workspace } from './helpers.js';

/**
 * The train step as the runner runs it: the composite step's `env:` evaluated from action.yml
 * (each `${{ inputs.x }}` becomes the workflow's `with:` value or the input's default), then
 * the step's own `run:` line under `shell: bash`, with GITHUB_ACTION_PATH pointing at
 * actions/train, so it starts the committed bundle dist/train/index.js exactly as on a runner.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { steps: Array<{ id?: string; run?: string; env?: Record<string, string> }> };
}
const action = parse(readFileSync(join(root, 'actions/train/action.yml'), 'utf8')) as Action;

function stepEnvironment(withInputs: Record<string, string>): Record<string, string> {
  const step = action.runs.steps.find((candidate) => candidate.id === 'train');
  const env: Record<string, string> = {};
  for (const [name, expression] of Object.entries(step?.env ?? {})) {
    env[name] = expression.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, input: string) =>
      String(withInputs[input] ?? action.inputs[input]?.default ?? ''),
    );
  }
  return env;
}

interface StepResult {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  cwd: string;
}

function runStep(withInputs: Record<string, string>): Promise<StepResult> {
  const cwd = workspace();
  const outputFile = join(cwd, 'github-output');
  writeFileSync(outputFile, '');
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('INPUT_')),
  );
  const env = {
    ...inherited,
    ...stepEnvironment(withInputs),
    GITHUB_OUTPUT: outputFile,
    GITHUB_ACTION_PATH: join(root, 'actions/train'),
  };
  const script = action.runs.steps.find((candidate) => candidate.id === 'train')?.run ?? '';
  if (!script.includes('dist/train/index.js'))
    throw new Error('the train step no longer runs dist/train/index.js');
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout, outputs: parseOutputsFile(readFileSync(outputFile, 'utf8')), cwd }),
    );
  });
}

const posixOnly = process.platform === 'win32' ? it.skip : it;

describe('the train step as the runner runs it', () => {
  it('names its env variables the way @actions/core getInput reads them: hyphens kept', () => {
    process.env['INPUT_WORKING-DIRECTORY'] = 'model';
    try {
      expect(getInput('working-directory')).toBe('model');
    } finally {
      delete process.env['INPUT_WORKING-DIRECTORY'];
    }
    expect(stepEnvironment({ run: 'x' })).toMatchObject({
      INPUT_RUN: 'x',
      'INPUT_WORKING-DIRECTORY': '.',
      'INPUT_FAIL-ON-NON-FINITE': 'true',
    });
  });

  posixOnly('trains and writes its outputs to GITHUB_OUTPUT', async () => {
    const result = await runStep({
      run: 'mkdir -p sub\necho "epoch 1 loss=0.5"\necho "done"',
      'state-dir': 'state',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('epoch 1 loss=0.5\n');
    const recordPath = join(result.cwd, 'state', 'train.json');
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as TrainRecord;
    expect(result.outputs).toEqual({
      'exit-code': '0',
      'duration-seconds': String(record.durationSeconds),
      'log-path': join(result.cwd, 'state', 'train.log'),
      'record-path': recordPath,
      'stopped-on-non-finite': 'false',
    });
    expect(readFileSync(join(result.cwd, 'state', 'train.log'), 'utf8')).toBe('epoch 1 loss=0.5\ndone\n');
  });

  posixOnly(
    'reads hyphenated inputs through bash, and fails the step with one error on a NaN loss',
    async () => {
      const result = await runStep({
        run: "pwd\necho \"{'loss': nan, 'epoch': 0.5}\"\nsleep 30\necho never",
        'working-directory': '/',
        'log-file': 'logs/train.log',
      });
      expect(result.code).toBe(1);
      expect(result.stdout.split('\n')).toContain('/');
      expect(result.stdout).not.toContain('never');
      expect(result.stdout.match(/^::error::/gm)).toHaveLength(1);
      expect(result.stdout).toContain(
        "::error::training stopped: loss became nan at line 2 of logs/train.log: {'loss': nan, 'epoch': 0.5}",
      );
      expect(result.outputs['stopped-on-non-finite']).toBe('true');
      expect(result.outputs['exit-code']).toBe('');
      expect(result.outputs['log-path']).toBe(join(result.cwd, 'logs', 'train.log'));
    },
  );

  posixOnly('fails the step with the exit code when the command fails', async () => {
    const result = await runStep({ run: 'echo "about to fail" >&2\nexit 7', 'fail-on-non-finite': 'false' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /::error::training failed with exit code 7 after [\d.]+ s; the last line of /,
    );
    expect(result.outputs['exit-code']).toBe('7');
  });

  posixOnly('fails the step naming the input when an input is wrong', async () => {
    const result = await runStep({ run: 'true', 'timeout-minutes': 'soon' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::input timeout-minutes: expected a number of minutes');
    expect(result.outputs).toEqual({});
  });
});
