import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

// Issue #12: `repeats:` names the runs for the CLI as for the actions: every match, relative to
// the config file, is one run.
function project(config: string, runs: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-cli-repeats-'));
  writeFileSync(join(dir, '.mlci.yml'), config);
  for (const [path, accuracy] of Object.entries(runs)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify({ accuracy }));
  }
  return dir;
}

describe('repeats: in the CLI', () => {
  it('mlci check reads one run per match, in natural order, relative to the config file', async () => {
    const dir = project('repeats: runs/seed-*/metrics.json\ngates: [accuracy >= 0.5]\n', {
      'runs/seed-10/metrics.json': 0.7,
      'runs/seed-2/metrics.json': 0.9,
      'runs/seed-1/metrics.json': 0.8,
    });
    const { code, stdout } = await runCli('check', '--config', join(dir, '.mlci.yml'), '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.head.runs).toBe(3);
    expect(doc.head.sources.map((s: { file: string }) => s.file)).toEqual([
      join(dir, 'runs/seed-1/metrics.json'),
      join(dir, 'runs/seed-2/metrics.json'),
      join(dir, 'runs/seed-10/metrics.json'),
    ]);
  });

  it('no match is bad input (exit 2) that names the pattern and the folder', async () => {
    const dir = project('repeats: runs/seed-*\n', { 'metrics.json': 0.9 });
    const { code, stderr } = await runCli('check', '--config', join(dir, '.mlci.yml'));
    expect(code).toBe(2);
    expect(stderr).toContain(`repeats: "runs/seed-*" matched nothing in ${dir}`);
  });
});
