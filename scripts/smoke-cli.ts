/**
 * `npm run smoke:cli -- <mlci-X.Y.Z.tgz> [--npm-arg=ARG ...]`: installs the packed CLI the way a
 * user does (`npm install -g` into a temporary prefix) and runs read, check, compare and report
 * in a git repository outside this checkout, checking exit codes and outputs. Exits 1, saying
 * which step failed and what it printed, when anything is off. The release workflow runs it on the
 * tarball it is about to publish; test/build/cli-package.test.ts runs it against a loopback npm
 * registry (`--npm-arg=--registry=http://127.0.0.1:PORT/`) in its own process: every child is
 * run asynchronously, so a registry served by the caller's event loop keeps answering.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface SmokeOptions {
  /** Extra arguments for every npm command (a registry, a cache folder, --offline). */
  npmArgs?: string[];
  /** Environment for npm and mlci; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Whether charts must be drawn (the canvas binary installs on this platform); default true. */
  expectCharts?: boolean;
}

export interface SmokeResult {
  /** The installed executable. */
  mlci: string;
  version: string;
  /** Milliseconds of `npm install -g`. */
  installMs: number;
  /** What each step ran, for the log. */
  steps: string[];
}

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The repository a user has: metrics committed on main, a branch whose model got a little worse. */
export function userRepository(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      stdio: 'pipe',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'smoke@example.com');
  git('config', 'user.name', 'smoke');
  git('config', 'commit.gpgsign', 'false');
  mkdirSync(join(dir, 'model'), { recursive: true });
  const log = (scale: number) =>
    [
      'epoch,loss,accuracy',
      ...Array.from(
        { length: 10 },
        (_, i) => `${i},${(scale / (i + 1)).toFixed(4)},${(0.5 + i * 0.045).toFixed(4)}`,
      ),
    ].join('\n') + '\n';
  writeFileSync(
    join(dir, 'model', 'metrics.json'),
    JSON.stringify({ accuracy: 0.912, loss: 0.301 }, null, 2),
  );
  writeFileSync(join(dir, 'model', 'train-log.csv'), log(1));
  writeFileSync(join(dir, '.mlci.yml'), 'gates:\n  - accuracy >= 0.9\n');
  git('add', '.');
  git('commit', '-q', '-m', 'baseline');
  git('checkout', '-q', '-b', 'change');
  writeFileSync(
    join(dir, 'model', 'metrics.json'),
    JSON.stringify({ accuracy: 0.905, loss: 0.318 }, null, 2),
  );
  writeFileSync(join(dir, 'model', 'train-log.csv'), log(1.05));
  git('commit', '-q', '-am', 'a change');
}

/** Runs a program to its end without blocking the event loop; never rejects. */
function runProgram(
  file: string,
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv },
): Promise<Ran> {
  return new Promise((resolvePromise) => {
    execFile(
      file,
      args,
      { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        resolvePromise({
          status: error === null ? 0 : typeof code === 'number' ? code : null,
          stdout,
          stderr: stderr || (error?.message ?? ''),
        });
      },
    );
  });
}

export async function smokeTest(tarball: string, options: SmokeOptions = {}): Promise<SmokeResult> {
  const env = { ...(options.env ?? process.env), NO_COLOR: '1' };
  const work = mkdtempSync(join(tmpdir(), 'mlci-smoke-'));
  const steps: string[] = [];
  try {
    const prefix = join(work, 'prefix');
    const started = performance.now();
    const install = await runProgram(
      'npm',
      [
        'install',
        '--global',
        '--prefix',
        prefix,
        '--no-audit',
        '--no-fund',
        ...(options.npmArgs ?? []),
        resolve(tarball),
      ],
      { env },
    );
    const installMs = performance.now() - started;
    if (install.status !== 0) throw new Error(`npm install -g ${tarball} failed:\n${install.stderr}`);
    const mlci = join(prefix, process.platform === 'win32' ? 'mlci.cmd' : join('bin', 'mlci'));
    if (!existsSync(mlci)) throw new Error(`npm install -g put no mlci executable at ${mlci}`);
    const repo = join(work, 'user-repository');
    userRepository(repo);
    const model = join(repo, 'model');

    const run = async (cwd: string, args: string[], expected: number): Promise<Ran> => {
      steps.push(`(in ${cwd === repo ? 'the repository' : 'model/'}) mlci ${args.join(' ')}`);
      const result = await runProgram(mlci, args, { cwd, env });
      if (result.status !== expected) {
        throw new Error(
          `mlci ${args.join(' ')} exited ${String(result.status)}, expected ${expected}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`,
        );
      }
      return result;
    };
    const json = (ran: Ran, what: string): Record<string, unknown> => {
      try {
        return JSON.parse(ran.stdout) as Record<string, unknown>;
      } catch {
        throw new Error(`${what}: stdout is not JSON alone (pipes must stay clean):\n${ran.stdout}`);
      }
    };

    const version = (await run(repo, ['--version'], 0)).stdout.trim();
    const packaged = (
      JSON.parse(
        execFileSync('tar', ['-xzOf', resolve(tarball), 'package/package.json'], { encoding: 'utf8' }),
      ) as { version: string }
    ).version;
    if (version !== packaged)
      throw new Error(`mlci --version printed ${version}, the package is ${packaged}`);

    // Paths from the current folder, not from wherever mlci is installed.
    const read = json(await run(model, ['read', 'metrics.json', '--json'], 0), 'mlci read --json');
    const metrics = read['metrics'] as Record<string, number> | undefined;
    if (metrics?.['accuracy'] !== 0.905)
      throw new Error(`mlci read saw ${JSON.stringify(read['metrics'])}, not accuracy 0.905`);

    await run(repo, ['check', 'model/metrics.json', '--gate', 'accuracy >= 0.9'], 0);
    await run(repo, ['check', 'model/metrics.json', '--gate', 'accuracy >= 0.95'], 1);

    // git: revisions of the user's repository, relative to the current folder like `git show rev:./path`.
    const compare = (gate: string) => [
      'compare',
      '--base',
      'git:main:metrics.json',
      '--head',
      'metrics.json',
      '--gate',
      gate,
    ];
    const compared = json(
      await run(model, [...compare('accuracy drop <= 0.01'), '--json'], 0),
      'mlci compare --json',
    );
    if (compared['verdict'] === undefined)
      throw new Error(`mlci compare --json has no verdict: ${JSON.stringify(compared)}`);
    await run(model, compare('accuracy drop <= 0.001'), 1);

    await run(repo, ['report', '--out', 'mlci-report', '--base', 'git:main:model', '--head', 'model'], 0);
    const out = join(repo, 'mlci-report');
    for (const file of ['report.md', 'report.json', 'index.html']) {
      if (!existsSync(join(out, file))) throw new Error(`mlci report wrote no ${file} into ${out}`);
    }
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    if (!markdown.includes('accuracy')) throw new Error(`report.md does not mention accuracy:\n${markdown}`);
    const pngs = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.png'));
    if ((options.expectCharts ?? true) && pngs.length === 0)
      throw new Error(
        `mlci report drew no chart (is @napi-rs/canvas installed for ${process.platform}-${process.arch}?):\n${markdown}`,
      );
    steps.push(`report: ${pngs.length} PNG charts`);
    return { mlci, version, installMs, steps };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'npm-arg': { type: 'string', multiple: true, default: [] } },
  });
  if (positionals.length !== 1) {
    process.stderr.write('Usage: npm run smoke:cli -- <mlci-X.Y.Z.tgz> [--npm-arg=ARG ...]\n');
    process.exit(2);
  }
  try {
    const result = await smokeTest(positionals[0]!, { npmArgs: values['npm-arg'] });
    process.stdout.write(
      `mlci ${result.version} installed in ${Math.round(result.installMs)} ms and works:\n  ${result.steps.join('\n  ')}\n`,
    );
  } catch (error) {
    process.stderr.write(`smoke test failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
