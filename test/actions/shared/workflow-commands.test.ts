import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runnerIO } from '../../../actions/shared/src/io.js';
import {
  issue,
  logText,
  mayBeCommand,
  newStopToken,
  outputBlock,
  setOutput,
} from '../../../actions/shared/src/runner.js';
import { runnerCommands, runnerOutputs } from './runner-protocol.js';

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

/** Hands out the given values in turn. */
function sequence(...values: string[]): () => string {
  let next = 0;
  return () => values[next++]!;
}

/** Whitespace .NET's TrimStart removes before a `::` command; U+0085 is not in JavaScript's \s. */
const SPACES = ['', ' ', '   ', '\t', '\v', '\f', '\u00a0', '\u0085', '\u1680', '\u2003', '\u2028', '\u3000'];
const LINE_ENDS = ['\n', '\r', '\r\n'];
const COMMANDS = [
  '::error title=injected::pwned',
  '::add-mask::secret',
  '::ERROR::case does not matter',
  '::set-output name=passed::true',
  '::stop-commands::guessed',
  '::warning file=a.py,line=1::x',
];
const LEGACY = ['##[error]pwned', 'metric ##[add-mask]secret', 'x ##[warning file=a]y'];

describe('log text the runner never obeys (issue #12)', () => {
  it('the parser of these tests obeys what the runner obeys: every case below is a real command', () => {
    for (const space of SPACES) {
      for (const command of COMMANDS) {
        for (const end of LINE_ENDS) {
          const run = runnerCommands(`acc${end}${space}${command}${end}`);
          expect(run.obeyed.length + run.pauses).toBe(1);
        }
      }
    }
    for (const line of LEGACY) expect(runnerCommands(`${line}\n`).obeyed).toHaveLength(1);
    // The step's own annotation, for contrast: one command, obeyed.
    expect(runnerCommands('::error title=mlci gate failed::a%0Ab\n').obeyed).toEqual([
      { name: 'error', properties: { title: 'mlci gate failed' }, data: 'a\nb' },
    ]);
  });

  it('wraps text in which a line could be a command in stop-commands, and keeps the text as it is', () => {
    for (const space of SPACES) {
      for (const command of [...COMMANDS, ...LEGACY]) {
        for (const end of LINE_ENDS) {
          const text = `metric${end}${space}${command}${end}  0.9`;
          expect(mayBeCommand(text)).toBe(true);
          const logged = logText(text);
          const token = /^::stop-commands::(mlci-[0-9a-f-]{36})\n/.exec(logged)?.[1];
          expect(logged).toBe(`::stop-commands::${token}\n${text}\n::${token}::`);
          const run = runnerCommands(`${logged}\n::error::after%0Athe block\n`);
          expect(run).toEqual({
            obeyed: [{ name: 'error', properties: {}, data: 'after\nthe block' }],
            pauses: 1,
            stoppedAtEnd: false,
          });
        }
      }
    }
  });

  it('leaves text alone when no line can be a command: no extra lines in the log', () => {
    for (const text of [
      'PASSED: 3 gates passed',
      'std::vector<float> weights',
      'ratio 1::2',
      'time 12:30:01',
      '',
      'a\nb: ::c',
      '\u200b::zero-width space is not whitespace to .NET',
    ]) {
      expect(mayBeCommand(text)).toBe(false);
      expect(logText(text)).toBe(text);
      expect(runnerCommands(`${text}\n`).obeyed).toEqual([]);
    }
  });

  it('draws a fresh token for every block, and another when the text holds the one drawn', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newStopToken()));
    expect(tokens.size).toBe(100);
    const text = '::MLCI-GUESSED::\n::error::x';
    expect(logText(text, sequence('mlci-guessed', 'mlci-fresh'))).toBe(
      `::stop-commands::mlci-fresh\n${text}\n::mlci-fresh::`,
    );
    expect(() => logText(text, () => 'mlci-guessed')).toThrow(/occurs in the text/);
    expect(() => logText(text, () => 'two words')).toThrow(/letters, digits/);
  });

  it('io.info prints through logText; debug, warning, error and setFailed escape data in one command line', () => {
    const io = runnerIO();
    const name = 'acc\n::error title=injected::pwned\r\n::add-mask::secret';
    const saved = process.exitCode;
    const out = stdoutOf(() => {
      io.info(`FAILED: ${name} is below 0.95`);
      io.debug(`looked for ${name}`);
      io.warning(`warn ${name}`, { title: `t ${name}`, file: `${name}.json`, startLine: 2 });
      io.error(`${name} ##[error]legacy`, { title: 'mlci gate failed' });
      io.setFailed(`gate on ${name} failed`);
    });
    process.exitCode = saved;
    const run = runnerCommands(out);
    expect(run.pauses).toBe(1);
    expect(run.stoppedAtEnd).toBe(false);
    expect(run.obeyed).toEqual([
      { name: 'debug', properties: {}, data: `looked for ${name}` },
      {
        name: 'warning',
        properties: { title: `t ${name}`, file: `${name}.json`, line: '2' },
        data: `warn ${name}`,
      },
      { name: 'error', properties: { title: 'mlci gate failed' }, data: `${name} ##[error]legacy` },
      { name: 'error', properties: {}, data: `gate on ${name} failed` },
    ]);
  });

  it('escapes annotation properties as the runner unescapes them: %, CR, LF, : and ,', () => {
    const title = 'a: b, c%0A 100%\r\nd::e';
    const out = stdoutOf(() => issue('warning', { title, file: 'x,y:z.json', line: 3 }, 'm'));
    expect(out).toBe('::warning title=a%3A b%2C c%250A 100%25%0D%0Ad%3A%3Ae,file=x%2Cy%3Az.json,line=3::m\n');
    expect(runnerCommands(out).obeyed).toEqual([
      { name: 'warning', properties: { title, file: 'x,y:z.json', line: '3' }, data: 'm' },
    ]);
  });
});

describe('GITHUB_OUTPUT blocks a value cannot end early', () => {
  it('draws another delimiter when the value holds the one drawn', () => {
    const delimiter = 'ghadelimiter_guessed';
    const value = `x\n${delimiter}\nevil<<EOF\npwned\nEOF`;
    const block = outputBlock('comparison', value, sequence(delimiter, 'ghadelimiter_fresh'));
    expect(block).toBe(`comparison<<ghadelimiter_fresh\n${value}\nghadelimiter_fresh\n`);
    expect(runnerOutputs(`${block}${outputBlock('verdict', 'failed')}`)).toEqual({
      comparison: value,
      verdict: 'failed',
    });
    expect(() => outputBlock('comparison', value, () => delimiter)).toThrow(/every delimiter drawn/);
  });

  it('writes every value, delimiters and command lines included, back as the runner reads it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mlci-output-')), 'output');
    writeFileSync(file, '');
    const values: Record<string, string> = {
      metrics: '{"acc\\n::error title=injected::pwned\\n":0.9}',
      lines: 'a\nghadelimiter_00000000-0000-0000-0000-000000000000\nb=c\n',
      crlf: 'one\r\ntwo\r',
      empty: '',
    };
    for (const [name, value] of Object.entries(values)) setOutput(name, value, { GITHUB_OUTPUT: file });
    expect(runnerOutputs(readFileSync(file, 'utf8'))).toEqual(values);
    expect(readFileSync(file, 'utf8').match(/<<ghadelimiter_[0-9a-f-]{36}\n/g)).toHaveLength(4);
  });

  it('refuses an output name that would change how the block is read', () => {
    for (const name of ['', 'a=b', 'a<<b', 'a\nb', 'a\rb']) {
      expect(() => outputBlock(name, 'v')).toThrow(/is not an output name/);
    }
  });
});
