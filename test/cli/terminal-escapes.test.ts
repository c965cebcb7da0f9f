import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../packages/cli/src/commands/check.js';
import { compareCommand } from '../../packages/cli/src/commands/compare.js';
import { readCommand } from '../../packages/cli/src/commands/read.js';
import type { CliIO } from '../../packages/cli/src/io.js';
import { terminalText, wantsJson } from '../../packages/cli/src/terminal.js';
import { runCli } from '../support/cli.js';

// Issue #12 as it was found: a metric name with `\u001b[2J` cleared the reader's terminal.
const HOSTILE = 'acc\u001b[2J\u0007\u202eevil\u009b\u007f\r';
const SHOWN = 'acc\\x1b[2J\\x07\\u202eevil\\x9b\\x7f\\x0d';
/** What a terminal acts on instead of showing (line feed and tab excepted). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const dir = mkdtempSync(join(tmpdir(), 'mlci-cli-escapes-'));
const head = join(dir, 'head.json');
const base = join(dir, 'base.json');
writeFileSync(head, JSON.stringify({ [HOSTILE]: 0.9, plain: 1 }));
writeFileSync(base, JSON.stringify({ [HOSTILE]: 0.8, plain: 1 }));

/** A command run straight into a recorder, past main's output boundary: what --json printed before. */
async function direct(
  command: (args: string[], io: CliIO) => Promise<number>,
  ...args: string[]
): Promise<string> {
  let stdout = '';
  await command(args, { stdout: (t) => void (stdout += t), stderr: () => undefined });
  return stdout;
}

describe('terminalText', () => {
  it('shows C0 controls (but line feed and tab), DEL, C1 controls and bidi controls as escapes', () => {
    const cases: [string, string][] = [
      ['\u0000', '\\x00'],
      ['\u0007', '\\x07'],
      ['\b', '\\x08'],
      ['\v', '\\x0b'],
      ['\f', '\\x0c'],
      ['\r', '\\x0d'],
      ['\u001b', '\\x1b'],
      ['\u001f', '\\x1f'],
      ['\u007f', '\\x7f'],
      ['\u0080', '\\x80'],
      ['\u009b', '\\x9b'],
      ['\u009f', '\\x9f'],
      ['\u202a', '\\u202a'],
      ['\u202e', '\\u202e'],
      ['\u2066', '\\u2066'],
      ['\u2069', '\\u2069'],
    ];
    for (const [raw, shown] of cases) expect(terminalText(`a${raw}b`)).toBe(`a${shown}b`);
    const every = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code)).join('');
    expect(RAW.test(terminalText(every))).toBe(false);
  });

  it('keeps everything else as it is, and changes nothing the second time', () => {
    const text = 'metric  value\n------  -----\nf1\t0.9\nécart 中文 \u{1f600} \u200e C:\\runs\\x1b\n';
    expect(terminalText(text)).toBe(text);
    expect(terminalText(terminalText(HOSTILE))).toBe(terminalText(HOSTILE));
  });

  it('finds --json before any --', () => {
    expect(wantsJson(['read', 'm.json', '--json'])).toBe(true);
    expect(wantsJson(['read', '--', '--json'])).toBe(false);
    expect(wantsJson(['read', '--run=--json'])).toBe(false);
  });
});

describe('the CLI prints data with visible escapes (issue #12)', () => {
  it('read: the metric name is shown escaped, on stdout and in no raw form', async () => {
    const { code, stdout, stderr } = await runCli('read', head);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(`\n${SHOWN}    0.9\n`);
    expect(RAW.test(stdout)).toBe(false);
  });

  it('check and compare: gate tables and metric tables are escaped', async () => {
    const gate = `${JSON.stringify(HOSTILE)} >= 0.95`;
    const check = await runCli('check', head, '--gate', gate);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`FAILED: 1 of 1 check failed: ${SHOWN}\n`);
    expect(RAW.test(check.stdout)).toBe(false);
    const compare = await runCli('compare', '--base', base, '--head', head, '--gate', gate);
    expect(compare.code).toBe(1);
    expect(compare.stdout).toContain(SHOWN);
    expect(RAW.test(compare.stdout)).toBe(false);
  });

  it('errors on stderr are escaped too', async () => {
    const missing = join(dir, 'gone\u001b]0;title\u0007\u202e.json');
    const { code, stdout, stderr } = await runCli('read', missing);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `mlci read: ${join(dir, 'gone\\x1b]0;title\\x07\\u202e.json')}: no such file or folder\n`,
    );
  });

  it('--json is byte for byte what the commands write, JSON.stringify’s escapes and all', async () => {
    const read = await runCli('read', head, '--json');
    expect(read.stdout).toBe(await direct(readCommand, head, '--json'));
    // JSON.stringify escapes C0 controls and leaves DEL, C1 and bidi characters as they are.
    expect(read.stdout).toContain(JSON.stringify(HOSTILE));
    expect(Object.keys(JSON.parse(read.stdout).metrics)).toContain(HOSTILE);

    const gate = `${JSON.stringify(HOSTILE)} >= 0.95`;
    const check = await runCli('check', head, '--gate', gate, '--json');
    const checkDirect = await direct(checkCommand, head, '--gate', gate, '--json');
    expect(check.stdout).toBe(checkDirect);
    const compare = await runCli('compare', '--base', base, '--head', head, '--json');
    expect(compare.stdout).toBe(await direct(compareCommand, '--base', base, '--head', head, '--json'));
    expect(JSON.parse(compare.stdout).metrics.map((m: { key: string }) => m.key)).toContain(HOSTILE);
  });
});
