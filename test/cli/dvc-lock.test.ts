import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

const REAL_LOCK = readFileSync(
  'test/fixtures/real/dvc-pipeline/music-processing-challenge/challenges/onset-detection/dvc.lock',
  'utf8',
);
/** The pull request's lock: the real one EDITED (a new data folder, seed 7), as in test/core/dvc/diff.test.ts. */
const EDITED_LOCK = REAL_LOCK.replace(
  'a4da05829c6006bb7be263752f10e8b1.dir\n      size: 215577173\n      nfiles: 508',
  '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f.dir\n      size: 216912345\n      nfiles: 512',
).replaceAll('seed: 42', 'seed: 7');

const PIPELINE_TEXT = [
  'Pipeline (dvc.lock, against main@',
  '  data   data/raw/train: md5 a4da058 → 1c2d3e4, 508 → 512 files  [train_val_split]',
  '  param  params.yaml: seed: 42 → 7  [train_val_split, train, predict]',
];

/**
 * A repository whose main has metrics.json and the real dvc.lock (and, one commit before, no
 * dvc.lock: tag `before`), with the pull request's metrics and edited dvc.lock in the working tree.
 */
describe('mlci compare and report: the pipeline changes of dvc.lock', () => {
  const repo = mkdtempSync(join(tmpdir(), 'mlci-dvc-repo-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  const cwd = process.cwd();
  const work = mkdtempSync(join(tmpdir(), 'mlci-dvc-out-'));
  let counter = 0;

  beforeAll(() => {
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'ci');
    writeFileSync(join(repo, '.mlci.yml'), 'files: [metrics.json]\ngates:\n  - f1 >= 0.5\n');
    writeFileSync(join(repo, 'metrics.json'), '{"f1": 0.84}');
    git('add', '.');
    git('commit', '-qm', 'metrics');
    git('tag', 'before');
    writeFileSync(join(repo, 'dvc.lock'), REAL_LOCK);
    git('add', '.');
    git('commit', '-qm', 'pipeline');
    writeFileSync(join(repo, 'metrics.json'), '{"f1": 0.81}');
    writeFileSync(join(repo, 'dvc.lock'), EDITED_LOCK);
    process.chdir(repo);
  });
  afterAll(() => process.chdir(cwd));

  it('compare prints what changed in the pipeline after the verdict', async () => {
    const { code, stdout, stderr } = await runCli('compare', '--base', 'git:main:metrics.json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const pipeline = stdout.slice(stdout.indexOf('Pipeline ('));
    expect(pipeline).toMatch(/^Pipeline \(dvc\.lock, against main@[0-9a-f]{7}\): 3 of 7 stages changed\n/);
    for (const line of PIPELINE_TEXT.slice(1)) expect(pipeline).toContain(`${line}\n`);
    expect(stdout.indexOf('PASSED')).toBeLessThan(stdout.indexOf('Pipeline ('));
  });

  it('compare --json prints the comparison document only', async () => {
    const { code, stdout } = await runCli('compare', '--base', 'git:main:metrics.json', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).verdict.kind).toBe('passed');
  });

  it('report shows the changed data on the first screen and the changes folded', async () => {
    const out = join(work, `out-${counter++}`);
    const { code, stdout, stderr } = await runCli(
      'report',
      '--base',
      'git:main:metrics.json',
      '--out',
      out,
      '--no-preview',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/\nPipeline \(dvc\.lock, against main@[0-9a-f]{7}\): 3 of 7 stages changed\n/);
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    expect(markdown).toContain(
      'Data: **the pipeline\'s input data changed**: data/raw/train (md5 a4da058 → 1c2d3e4, 508 → 512 files). See "Pipeline" below.',
    );
    expect(markdown).toContain(
      '<details><summary>Pipeline (dvc.lock): 3 of 7 stages changed, input data changed</summary>',
    );
    expect(markdown).toContain(
      '| train_val_split, train, predict | parameter changed | params.yaml: seed | 42 | 7 |',
    );
  });

  it('takes both locks from the command line, from disk or git', async () => {
    mkdirSync(join(repo, 'elsewhere'), { recursive: true });
    writeFileSync(join(repo, 'elsewhere', 'main.lock'), REAL_LOCK);
    const fromDisk = await runCli(
      'compare',
      '--base',
      'git:main:metrics.json',
      '--dvc-lock',
      'dvc.lock',
      '--base-dvc-lock',
      'elsewhere/main.lock',
    );
    expect(fromDisk.stdout).toContain(
      'Pipeline (dvc.lock, against elsewhere/main.lock): 3 of 7 stages changed\n',
    );
    // A baseline that is not a git revision: the base's lock must be named.
    const fromGit = await runCli('compare', '--base', 'metrics.json', '--base-dvc-lock', 'git:main:dvc.lock');
    expect(fromGit.stdout).toMatch(
      /Pipeline \(dvc\.lock, against main@[0-9a-f]{7}\): 3 of 7 stages changed\n/,
    );
  });

  it('says why nothing is compared when the base has no lock, or is not a git revision', async () => {
    const none = await runCli('compare', '--base', 'git:before:metrics.json');
    expect(none.code).toBe(0);
    expect(none.stderr).toBe(
      "mlci compare: dvc.lock is not compared with the base's: there is none at before\n",
    );
    expect(none.stdout).not.toContain('Pipeline');
    const folder = await runCli('compare', '--base', 'metrics.json');
    expect(folder.stderr).toBe(
      "mlci compare: dvc.lock is not compared with the base's: the baseline is not git:<rev>:<path> of one revision; pass --base-dvc-lock\n",
    );
  });

  it('a lock that was named and is missing, or does not parse, is exit 2 with where and why', async () => {
    const missing = await runCli('compare', '--base', 'git:main:metrics.json', '--dvc-lock', 'nope.lock');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('mlci compare: --dvc-lock nope.lock: no such file\n');
    writeFileSync(
      join(repo, 'broken.lock'),
      "schema: '2.0'\nstages:\n  train:\n    cmd: x\n    deps:\n    - md5: abc\n",
    );
    const broken = await runCli('compare', '--base', 'git:main:metrics.json', '--dvc-lock', 'broken.lock');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe(
      'mlci compare: broken.lock:6:7: stages.train.deps[0]: expected a path: every dependency and output has one\n',
    );
  });

  it('lists the options in compare --help and report --help', async () => {
    for (const command of ['compare', 'report']) {
      const { stdout } = await runCli(command, '--help');
      expect(stdout).toContain("  --dvc-lock F            the pull request's dvc.lock");
      expect(stdout).toContain("  --base-dvc-lock F       the base's dvc.lock");
    }
  });
});

describe('without a dvc.lock', () => {
  it('compare says nothing about pipelines', async () => {
    const { code, stdout, stderr } = await runCli(
      'compare',
      '--base',
      'examples/quickstart/main',
      '--config',
      'examples/quickstart/.mlci.yml',
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toContain('Pipeline');
  });
});
