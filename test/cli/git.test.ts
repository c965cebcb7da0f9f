import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { materializeGitPath, parseGitSpec } from '../../packages/cli/src/git.js';

/** A repository with model/metrics.json and model/plots/loss.tsv committed on main, then edited. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-git-test-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'ci@example.com');
  git('config', 'user.name', 'ci');
  mkdirSync(join(dir, 'model', 'plots'), { recursive: true });
  writeFileSync(join(dir, 'model', 'metrics.json'), '{"accuracy": 0.91}');
  writeFileSync(join(dir, 'model', 'plots', 'loss.tsv'), 'step\tloss\n0\t1.0\n');
  git('add', '.');
  git('commit', '-qm', 'baseline');
  writeFileSync(join(dir, 'model', 'metrics.json'), '{"accuracy": 0.5}');
  return dir;
}

function files(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const path = join(e.parentPath, e.name);
        return [relative(dir, path).split('\\').join('/'), readFileSync(path, 'utf8')];
      }),
  );
}

describe('git:<revision>:<path>, as committed, relative to the current folder', () => {
  const repo = repository();
  const committed = { 'metrics.json': '{"accuracy": 0.91}', 'plots/loss.tsv': 'step\tloss\n0\t1.0\n' };

  it('copies a folder from the repository root', async () => {
    const { path, label } = await materializeGitPath(parseGitSpec('git:main:model')!, repo);
    expect(files(path)).toEqual(committed);
    expect(label).toMatch(/^main@[0-9a-f]{7}$/);
  });

  it('copies a folder named from a subfolder, as `git show main:./plots` would', async () => {
    const { path } = await materializeGitPath(parseGitSpec('git:main:plots')!, join(repo, 'model'));
    expect(files(path)).toEqual({ 'loss.tsv': 'step\tloss\n0\t1.0\n' });
  });

  it('copies the current folder itself from a subfolder', async () => {
    const { path } = await materializeGitPath(parseGitSpec('git:main:.')!, join(repo, 'model'));
    expect(files(path)).toEqual(committed);
  });

  it('copies one file from a subfolder', async () => {
    const { path } = await materializeGitPath(parseGitSpec('git:main:metrics.json')!, join(repo, 'model'));
    expect(readFileSync(path, 'utf8')).toBe('{"accuracy": 0.91}');
  });

  it('says which path is missing at which revision', async () => {
    await expect(materializeGitPath(parseGitSpec('git:main:nothing')!, repo)).rejects.toThrow(
      /^git:main:nothing: no such file or folder at main \([0-9a-f]{7}\)$/,
    );
  });
});
