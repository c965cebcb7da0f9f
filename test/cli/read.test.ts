import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../packages/cli/src/main.js';
import type { CliIO } from '../../packages/cli/src/io.js';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const REAL = 'test/fixtures/real';
const dir = mkdtempSync(join(tmpdir(), 'mlci-cli-'));

describe('mlci read', () => {
  it('prints exactly { metrics, series, params, sources } with --json', async () => {
    const { code, stdout, stderr } = await run('read', `${REAL}/dvc/churn-metrics-flat-head.json`, '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['metrics', 'series', 'params', 'sources']);
    expect(out.sources).toEqual([
      { file: `${REAL}/dvc/churn-metrics-flat-head.json`, format: 'json', notes: [], warnings: [] },
    ]);
  });

  it('writes non-finite numbers as strings in JSON', async () => {
    const path = join(dir, 'diverged.json');
    writeFileSync(path, '{"loss": NaN, "grad": Infinity, "neg": -Infinity, "acc": 0.5}');
    const out = JSON.parse((await run('read', path, '--json')).stdout);
    expect(out.metrics).toEqual({ acc: 0.5, grad: 'Infinity', loss: 'NaN', neg: '-Infinity' });
  });

  it('prints a readable table by default', async () => {
    const { code, stdout } = await run('read', `${REAL}/dvc/churn-metrics-nested-rev-c4404a0.json`);
    expect(code).toBe(0);
    expect(stdout).toContain('Metrics (8)');
    expect(stdout).toMatch(/f1_by_geo\.Germany\s+0\.661017/);
  });

  it('exits 2 with the location on stderr for bad input', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{"acc": 0.9,,}');
    const { code, stdout, stderr } = await run('read', path);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`mlci read: ${path}:1:13: invalid JSON: expected a quoted key, found ",}"\n`);
  });

  it('exits 2 for a missing file, an unknown option or an unknown command', async () => {
    expect((await run('read', 'nope.json')).stderr).toBe('mlci read: nope.json: no such file or folder\n');
    const option = await run('read', '--colour');
    expect(option.code).toBe(2);
    expect(option.stderr).toBe(
      "mlci read: unknown option --colour\nRun 'mlci read --help' for its options.\n",
    );
    const command = await run('frobnicate');
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "frobnicate"');
    expect((await run('read', 'x.json', '--max-points', '5')).stderr).toContain(
      '--max-points: expected a whole number of at least 10, got "5"',
    );
  });

  it('prints help and the version', async () => {
    expect((await run('--help')).stdout).toContain('Usage: mlci <command>');
    expect((await run('read', '--help')).stdout).toContain('Usage: mlci read <path...>');
    expect((await run('--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
