import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Issue #13, item 4: output stays clean for pipes. `mlci ... --json | jq` must get one JSON
// document and nothing else; no command prints colours, spinners or banners, even when the
// environment asks for colour (FORCE_COLOR is what chalk-like libraries honour).
const dir = mkdtempSync(join(tmpdir(), 'mlci-cli-pipes-'));
const BASE = join(dir, 'base.json');
const HEAD = join(dir, 'head.json');
writeFileSync(BASE, '{"accuracy": 0.91, "loss": 0.3}');
writeFileSync(HEAD, '{"accuracy": 0.85, "loss": NaN}');

function mlci(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '3', CLICOLOR_FORCE: '1', TERM: 'xterm-256color' },
  });
}

/** ESC starts colour and cursor sequences; CR is how spinners redraw a line; BEL rings. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_CONTROL = /[\x1b\r\x07]/;

describe('--json prints one JSON document and nothing else on stdout', () => {
  it.each([
    ['read', ['read', HEAD, '--json'], 0],
    ['check (a gate fails)', ['check', HEAD, '--gate', 'accuracy >= 0.9', '--json'], 1],
    ['check (no gates: the notice goes to stderr)', ['check', HEAD, '--json'], 0],
    ['compare', ['compare', '--base', BASE, '--head', HEAD, '--gate', 'accuracy drop <= 1%', '--json'], 1],
  ] as const)('%s', (_name, args, code) => {
    const result = mlci(...args);
    expect(result.status).toBe(code);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stdout.trimEnd().endsWith('}')).toBe(true);
    expect(result.stdout).not.toMatch(TERMINAL_CONTROL);
  });
});

describe('no colour, spinner or banner in any command', () => {
  it.each([
    ['read', ['read', HEAD]],
    ['check', ['check', HEAD, '--gate', 'accuracy >= 0.9']],
    ['compare', ['compare', '--base', BASE, '--head', HEAD]],
    ['report', ['report', '--base', BASE, '--head', HEAD, '--out', join(dir, 'report'), '--no-preview']],
    ['a mistake', ['check', HEAD, '--gate', 'acuracy >= 0.9']],
    ['help', ['--help']],
  ] as const)('%s', (_name, args) => {
    const result = mlci(...args);
    expect(result.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(result.stderr).not.toMatch(TERMINAL_CONTROL);
  });
});
