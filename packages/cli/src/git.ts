import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { ConfigurationError } from '@mlci/core';

const run = promisify(execFile);

/** Folders taken from history are capped: a baseline is metrics, not a checkout. */
const MAX_FILES = 2000;

export interface GitPath {
  rev: string;
  path: string;
}

/** `git:<rev>:<path>`, like `dvc metrics diff`: the path as committed at that revision. */
export function parseGitSpec(spec: string): GitPath | undefined {
  if (!spec.startsWith('git:')) return undefined;
  const rest = spec.slice(4);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) {
    throw new ConfigurationError(
      `${JSON.stringify(spec)}: expected git:<revision>:<path>, such as git:main:metrics.json or git:HEAD~1:eval/`,
    );
  }
  return { rev: rest.slice(0, colon), path: rest.slice(colon + 1) };
}

async function git(args: string[], cwd: string): Promise<Buffer> {
  try {
    const { stdout } = await run('git', args, { cwd, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { code?: unknown; stderr?: Buffer };
    if (e.code === 'ENOENT')
      throw new ConfigurationError('git is not installed, so git: baselines cannot be read');
    const message = e.stderr?.toString('utf8').trim().split('\n')[0] ?? String(error);
    throw new ConfigurationError(`git ${args.join(' ')}: ${message}`);
  }
}

/**
 * Copies a file or folder as committed at a revision into a temporary folder and returns the copy's
 * path, whose last segment keeps the original name so format detection works the same. The path
 * is relative to the current folder, as in `git show <rev>:./<path>`.
 */
export async function materializeGitPath(
  spec: GitPath,
  cwd = process.cwd(),
): Promise<{ path: string; label: string }> {
  const commit = (
    await git(['rev-parse', '--verify', '--quiet', `${spec.rev}^{commit}`], cwd).catch(() => {
      throw new ConfigurationError(
        `git:${spec.rev}:${spec.path}: ${JSON.stringify(spec.rev)} is not a commit, branch or tag of this repository`,
      );
    })
  )
    .toString('utf8')
    .trim();
  const relative = spec.path.replace(/^\.\//, '').replace(/\/+$/, '');
  const object = `${commit}:./${relative}`;
  const type = (
    await git(['cat-file', '-t', object], cwd).catch(() => {
      throw new ConfigurationError(
        `git:${spec.rev}:${spec.path}: no such file or folder at ${spec.rev} (${commit.slice(0, 7)})`,
      );
    })
  )
    .toString('utf8')
    .trim();
  const root = mkdtempSync(join(tmpdir(), 'mlci-git-'));
  const name = posix.basename(relative) || 'root';
  const target = join(root, name);
  if (type === 'blob') {
    writeFileSync(target, await git(['cat-file', 'blob', object], cwd));
  } else if (type === 'tree') {
    // --full-tree: in a subfolder, ls-tree otherwise keeps only names under the current folder's
    // prefix, which a tree object's names (relative to that tree) never are.
    const listing = (await git(['ls-tree', '-r', '-z', '--full-tree', object], cwd))
      .toString('utf8')
      .split('\0')
      .filter(Boolean);
    if (listing.length > MAX_FILES) {
      throw new ConfigurationError(
        `git:${spec.rev}:${spec.path}: the folder holds ${listing.length} files; point at the metrics files themselves (at most ${MAX_FILES})`,
      );
    }
    mkdirSync(target, { recursive: true });
    for (const line of listing) {
      const [meta, inside] = line.split('\t');
      if (meta === undefined || inside === undefined || !meta.includes(' blob ')) continue;
      const out = join(target, ...inside.split('/'));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, await git(['cat-file', 'blob', meta.split(' ')[2]!], cwd));
    }
  } else {
    throw new ConfigurationError(`git:${spec.rev}:${spec.path}: is a ${type}, expected a file or folder`);
  }
  return { path: target, label: `${spec.rev}@${commit.slice(0, 7)}` };
}

/**
 * When each file under a path was last committed at a revision (seconds since 1970), keyed by its
 * path relative to that path: one `git log` for the whole folder.
 */
export async function commitTimes(spec: GitPath, cwd = process.cwd()): Promise<Map<string, number>> {
  const relative = spec.path.replace(/^\.\//, '').replace(/\/+$/, '');
  const prefix = (await git(['rev-parse', '--show-prefix'], cwd)).toString('utf8').trim();
  const base = posix.join(prefix, relative);
  const log = (
    await git(
      ['log', '--format=%x00%ct', '--name-only', '--no-renames', spec.rev, '--', relative || '.'],
      cwd,
    )
  ).toString('utf8');
  const times = new Map<string, number>();
  for (const entry of log.split('\0').slice(1)) {
    const [time, ...files] = entry.split('\n').filter((line) => line !== '');
    for (const file of files) {
      const inside = posix.relative(base, file);
      // git log lists the newest commit first: keep the first time seen.
      if (!times.has(inside)) times.set(inside, Number(time) * 1000);
    }
  }
  return times;
}
