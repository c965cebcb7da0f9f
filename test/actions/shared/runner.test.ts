import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { annotationProperties, getInput, issue, setOutput } from '../../../actions/shared/src/runner.js';

/** What a function writes to stdout. */
function stdoutOf(write: () => void): string {
  const original = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    write();
  } finally {
    process.stdout.write = original;
  }
  return out;
}

const MESSAGES = ['plain', 'rose by 5%, more than 2%', 'two\nlines\r\n', '::not a command::', ''];
const WHERE = [
  {},
  { title: 'mlci gate failed', file: 'metrics.json', startLine: 3 },
  { title: 'a: title, with commas', file: 'dir,x/m:1.json', startLine: 0 },
];

describe("the runner's protocol, written as @actions/core writes it", () => {
  it('writes the same error, warning and add-mask commands', () => {
    for (const message of MESSAGES) {
      for (const where of WHERE) {
        expect(stdoutOf(() => issue('error', annotationProperties(where), message))).toBe(
          stdoutOf(() => core.error(message, where)),
        );
        expect(stdoutOf(() => issue('warning', annotationProperties(where), message))).toBe(
          stdoutOf(() => core.warning(message, where)),
        );
      }
      expect(stdoutOf(() => issue('add-mask', {}, message))).toBe(stdoutOf(() => core.setSecret(message)));
      expect(stdoutOf(() => issue('debug', {}, message))).toBe(stdoutOf(() => core.debug(message)));
    }
  });

  it('appends outputs in the same heredoc format, with a fresh delimiter each time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlci-runner-'));
    const ours = join(dir, 'ours');
    const theirs = join(dir, 'theirs');
    writeFileSync(ours, '');
    writeFileSync(theirs, '');
    const values = [
      ['verdict', 'failed'],
      ['metrics', '{"a":1}\n{"b":2}'],
      ['empty', ''],
    ] as const;
    for (const [name, value] of values) setOutput(name, value, { GITHUB_OUTPUT: ours });
    const saved = process.env.GITHUB_OUTPUT;
    process.env.GITHUB_OUTPUT = theirs;
    try {
      for (const [name, value] of values) core.setOutput(name, value);
    } finally {
      if (saved === undefined) delete process.env.GITHUB_OUTPUT;
      else process.env.GITHUB_OUTPUT = saved;
    }
    const normal = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER');
    expect(normal(readFileSync(ours, 'utf8'))).toBe(normal(readFileSync(theirs, 'utf8')));
    const delimiters = readFileSync(ours, 'utf8').match(/<<(ghadelimiter_[0-9a-f-]+)/g)!;
    expect(new Set(delimiters).size).toBe(3);
  });

  it('reads inputs under the names the runner sets: upper case, spaces to underscores, hyphens kept', () => {
    const env = { 'INPUT_FAIL-ON-GATE': ' true ', INPUT_MY_INPUT: 'x' };
    expect(getInput('fail-on-gate', env)).toBe('true');
    expect(getInput('my input', env)).toBe('x');
    expect(getInput('missing', env)).toBe('');
  });
});
