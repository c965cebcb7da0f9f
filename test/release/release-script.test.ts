import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gitTags, main, readVersionSites } from '../../scripts/release.js';
import { VERSION } from '../../packages/cli/src/version.js';

/**
 * The release steps as the release workflow runs them, without publishing anything: the script
 * runs in a throwaway git repository holding copies of this repository's version files and its
 * changelog, whose `## Unreleased` section is replaced by one entry (so that there is always
 * something to release, and the notes are known).
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = join(root, 'scripts', 'release.ts');
const tsx = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const ENTRY = '- A change worth releasing (added by test/release/release-script.test.ts).';

/** The files that state the version, as in the working tree. */
function versionFiles(): string[] {
  const packages = readdirSync(join(root, 'packages')).map((name) => `packages/${name}/package.json`);
  return [
    'package.json',
    'package-lock.json',
    ...packages,
    'npm/mlci/package.json',
    'packages/cli/src/version.ts',
  ];
}

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'mlci tests',
  GIT_AUTHOR_EMAIL: 'tests@example.invalid',
  GIT_COMMITTER_NAME: 'mlci tests',
  GIT_COMMITTER_EMAIL: 'tests@example.invalid',
};

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
    cwd: repo,
    env: gitEnv,
    encoding: 'utf8',
  });
}

/** `npx tsx scripts/release.ts ...` as a process in the repository, as the workflow runs it. */
function releaseProcess(repo: string, args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, ['--import', tsx, script, ...args], {
    cwd: repo,
    env: { ...process.env, GITHUB_ACTIONS: undefined, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same command through main(), in this process (a process start costs ~0.4 s). */
function release(repo: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(args, {
    root: repo,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    tags: () => gitTags(repo),
    today: () => '2026-12-31',
    annotate: false,
  });
  return { code, stdout, stderr };
}

function makeRepository(): string {
  const repo = mkdtempSync(join(tmpdir(), 'mlci-release-'));
  for (const file of versionFiles()) {
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    cpSync(join(root, file), join(repo, file));
  }
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
  expect(changelog).toMatch(/^## Unreleased$/m);
  writeFileSync(
    join(repo, 'CHANGELOG.md'),
    changelog.replace(/^## Unreleased\n[^]*?(?=^## |(?![^]))/m, `## Unreleased\n\n${ENTRY}\n\n`),
  );
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'before the release');
  return repo;
}

const read = (repo: string, file: string) => readFileSync(join(repo, file), 'utf8');
const lineOf = (text: string, pattern: RegExp) => text.split('\n').findIndex((l) => pattern.test(l)) + 1;

describe("this repository's version", () => {
  it('is one number everywhere it is written', () => {
    const { sites, problems } = readVersionSites(root);
    expect(problems).toEqual([]);
    expect(sites.length).toBeGreaterThanOrEqual(8);
    expect(
      sites.filter((s) => s.value !== VERSION).map((s) => `${s.file}:${s.line}: ${s.what} ${s.value}`),
    ).toEqual([]);
  });
});

describe('scripts/release.ts in a repository', () => {
  let repo: string;
  let before: string;

  beforeAll(() => {
    repo = makeRepository();
    before = read(repo, 'CHANGELOG.md');
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('refuses to verify before prepare, naming each file and line', () => {
    const { code, stderr } = releaseProcess(repo, ['verify', '9.9.9']);
    expect(code).toBe(1);
    expect(stderr).toContain(`package.json:3: version is "${VERSION}", expected "9.9.9"\n`);
    expect(stderr).toContain(
      `packages/cli/src/version.ts:${lineOf(read(repo, 'packages/cli/src/version.ts'), /^export const VERSION/)}: VERSION is "${VERSION}", expected "9.9.9"\n`,
    );
    expect(stderr).toMatch(/^package-lock\.json:\d+: packages\["packages\/core"\]\.version is "/m);
    expect(stderr).toContain(
      `CHANGELOG.md: no "## [9.9.9] - YYYY-MM-DD" section; the changes are still under "## Unreleased" (line ${lineOf(before, /^## Unreleased$/)}): run \`npx tsx scripts/release.ts prepare 9.9.9\` in a pull request first\n`,
    );
    expect(stderr).toMatch(/^verify 9\.9\.9: \d+ problems\n$/m);
  });

  it('prepares 9.9.9: the changelog section and every version field, nothing else', () => {
    const { code, stdout, stderr } = releaseProcess(repo, ['prepare', '9.9.9', '--date', '2026-12-06']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('"## Unreleased" -> "## [9.9.9] - 2026-12-06"');
    expect(stdout).toMatch(/^packages\/cli\/src\/version\.ts:\d+: VERSION .* -> 9\.9\.9$/m);

    const changelog = read(repo, 'CHANGELOG.md');
    expect(changelog).toContain(`## Unreleased\n\n## [9.9.9] - 2026-12-06\n\n${ENTRY}\n`);
    expect(changelog.replace('## Unreleased\n\n## [9.9.9] - 2026-12-06', '## Unreleased')).toBe(before);

    const { sites, problems } = readVersionSites(repo);
    expect(problems).toEqual([]);
    expect(sites.filter((s) => s.value !== '9.9.9')).toEqual([]);
    expect(read(repo, 'packages/cli/src/version.ts')).toContain("export const VERSION = '9.9.9';");
    // Only the version values changed: each changed line still reads the same around them.
    const diff = git(repo, 'diff', '-U0', '--', '.', ':!CHANGELOG.md');
    const removed = diff.split('\n').filter((l) => /^-[^-]/.test(l));
    const added = diff.split('\n').filter((l) => /^\+[^+]/.test(l));
    expect(added).toEqual(removed.map((l) => `+${l.slice(1).split(VERSION).join('9.9.9')}`));
    expect(added.length).toBe(sites.length);
  });

  it('leaves package-lock.json as npm itself would write it', () => {
    // --offline: npm may not reach the registry; the lock file already holds everything it needs.
    const cache = mkdtempSync(join(tmpdir(), 'mlci-npm-cache-'));
    const lock = read(repo, 'package-lock.json');
    const npm = spawnSync(
      'npm',
      [
        'install',
        '--package-lock-only',
        '--ignore-scripts',
        '--offline',
        '--no-audit',
        '--no-fund',
        '--cache',
        cache,
      ],
      { cwd: repo, encoding: 'utf8' },
    );
    rmSync(cache, { recursive: true, force: true });
    expect(npm.status).toBe(0);
    expect(read(repo, 'package-lock.json')).toBe(lock);
  });

  it('then verifies 9.9.9 and prints its notes and its major tag', () => {
    git(repo, 'commit', '-q', '-am', 'Release 9.9.9');
    git(repo, 'tag', 'v1.0.0');
    git(repo, 'tag', 'v1');
    expect(releaseProcess(repo, ['verify', '9.9.9'])).toEqual({
      code: 0,
      stdout: 'verify 9.9.9: ready to tag v9.9.9\n',
      stderr: '',
    });
    expect(releaseProcess(repo, ['notes', '9.9.9'])).toMatchObject({ code: 0, stdout: `${ENTRY}\n` });
    expect(releaseProcess(repo, ['major-tag', '9.9.9'])).toMatchObject({ code: 0, stdout: 'v9\n' });
    expect(release(repo, 'npm-tag', '9.9.9')).toMatchObject({ code: 0, stdout: 'latest\n' });
    expect(release(repo, 'major-tag', '9.9.9-rc.1')).toMatchObject({ code: 0, stdout: '' });
    expect(release(repo, 'npm-tag', '9.9.9-rc.1')).toMatchObject({ code: 0, stdout: 'next\n' });
  });

  it('fails to verify when one version disagrees, on its line', () => {
    const file = 'packages/core/package.json';
    const prepared = read(repo, file);
    writeFileSync(join(repo, file), prepared.replace('"version": "9.9.9"', '"version": "9.9.8"'));
    try {
      const { code, stderr } = release(repo, 'verify', '9.9.9');
      expect(code).toBe(1);
      expect(stderr).toBe(
        `${file}:${lineOf(prepared, /"version"/)}: version is "9.9.8", expected "9.9.9"\nverify 9.9.9: 1 problem\n`,
      );
    } finally {
      writeFileSync(join(repo, file), prepared);
    }
  });

  it('fails to verify when the changelog section is missing or empty', () => {
    const prepared = read(repo, 'CHANGELOG.md');
    const line = lineOf(prepared, /^## \[9\.9\.9\]/);
    try {
      writeFileSync(join(repo, 'CHANGELOG.md'), prepared.replace('## [9.9.9] - 2026-12-06\n', ''));
      expect(release(repo, 'verify', '9.9.9').stderr).toMatch(
        /^CHANGELOG\.md: no "## \[9\.9\.9\] - YYYY-MM-DD" section; the changes are still under "## Unreleased"/m,
      );
      writeFileSync(join(repo, 'CHANGELOG.md'), prepared.replace(`${ENTRY}\n`, ''));
      const empty = release(repo, 'verify', '9.9.9');
      expect(empty.code).toBe(1);
      expect(empty.stderr).toMatch(
        new RegExp(
          `^CHANGELOG\\.md:${line}: the section for 9\\.9\\.9 is empty \\(lines ${line}-\\d+\\): list what changed$`,
          'm',
        ),
      );
      expect(release(repo, 'notes', '9.9.9')).toMatchObject({ code: 1, stdout: '' });
    } finally {
      writeFileSync(join(repo, 'CHANGELOG.md'), prepared);
    }
  });

  it('fails to verify when the tag exists, or a later release does', () => {
    git(repo, 'tag', 'v9.9.9');
    const tagged = release(repo, 'verify', '9.9.9');
    git(repo, 'tag', '-d', 'v9.9.9');
    expect(tagged.code).toBe(1);
    expect(tagged.stderr).toBe(
      'git: the tag v9.9.9 already exists: a version is released once; prepare the next one (the latest release tag is v9.9.9)\n' +
        'verify 9.9.9: 1 problem\n',
    );

    git(repo, 'tag', 'v10.0.0-rc.1');
    const later = release(repo, 'verify', '9.9.9');
    git(repo, 'tag', '-d', 'v10.0.0-rc.1');
    expect(later.code).toBe(1);
    expect(later.stderr).toContain('git: 9.9.9 is not greater than the latest release tag v10.0.0-rc.1\n');
  });

  it('writes GitHub error annotations in Actions, each on its file and line', () => {
    const file = 'packages/github/package.json';
    const prepared = read(repo, file);
    writeFileSync(join(repo, file), prepared.replace('"version": "9.9.9"', '"version": "9.9.8"'));
    try {
      const result = releaseProcess(repo, ['verify', '9.9.9'], { GITHUB_ACTIONS: 'true' });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe(
        `::error file=${file},line=${lineOf(prepared, /"version"/)}::version is "9.9.8", expected "9.9.9"\n`,
      );
    } finally {
      writeFileSync(join(repo, file), prepared);
    }
  });

  it('refuses to prepare a version that goes backwards, and then writes nothing', () => {
    const { code, stderr } = release(repo, 'prepare', '9.9.8', '--date', '2026-12-06');
    expect(code).toBe(1);
    expect(stderr).toBe('package.json:3: the version is 9.9.9; 9.9.8 would go backwards\n');
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('refuses to prepare when there is nothing under ## Unreleased, and then writes nothing', () => {
    const { code, stderr } = release(repo, 'prepare', '9.10.0', '--date', '2026-12-07');
    expect(code).toBe(1);
    expect(stderr).toBe(
      `CHANGELOG.md:${lineOf(read(repo, 'CHANGELOG.md'), /^## Unreleased$/)}: "## Unreleased" has no entries: nothing to release\n`,
    );
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('says how it is used when the version or the command is wrong', () => {
    expect(release(repo, 'verify')).toMatchObject({
      code: 2,
      stderr: 'release verify: give the version, e.g. `verify 1.2.0`\n',
    });
    expect(release(repo, 'publish', '9.9.9')).toMatchObject({ code: 2 });
    expect(release(repo, 'prepare', '9.9.9', '--dry-run').stderr).toMatch(
      /^release prepare: unexpected argument "--dry-run"/,
    );
    expect(release(repo, 'verify', 'v9.9.9')).toMatchObject({
      code: 1,
      stderr: '"v9.9.9": give the version without the leading v (9.9.9); the tag v9.9.9 is made from it\n',
    });
  });
});
