import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../support/cli.js';

const DVC = resolve('test/fixtures/real/dvc');
const BASE = `${DVC}/churn-metrics-nested-rev-c4404a0.json`;
const HEAD = `${DVC}/churn-metrics-nested-rev-01b7b1c.json`;
const dir = mkdtempSync(join(tmpdir(), 'mlci-cli-compare-'));

describe('mlci check', () => {
  it('exits 0 when every gate passes and 1 when one fails', async () => {
    const ok = await runCli('check', HEAD, '--gate', 'f1 >= 0.5', '--gate', 'roc_auc in [0.8, 1]');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^PASSED: all 2 checks passed\n/);
    const bad = await runCli('check', HEAD, '--gate', 'f1 >= 0.7');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(
      'FAIL    f1 >= 0.7  f1      -     0.607013  0.607013 is below the minimum of 0.7',
    );
  });

  it('passes with warnings with exit 0', async () => {
    const { code, stdout } = await runCli('check', HEAD, '--gate', 'warn: f1 >= 0.7');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PASSED WITH WARNINGS/);
  });

  it('reads gates and files from the config', async () => {
    const config = join(dir, 'check.yml');
    writeFileSync(
      config,
      `files: [${JSON.stringify(HEAD)}]\ngates:\n  - metric: f1_by_geo.*\n    rule: ">= 0.6"\n`,
    );
    const { code, stdout } = await runCli('check', '--config', config, '--json');
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.verdict.summary).toBe('2 of 3 checks failed: f1_by_geo.France, f1_by_geo.Spain');
    expect(doc.gates[0].gate.origin).toBe(`${config}:3:5: gates[0]`);
  });

  it('exits 2 on a bad gate or config, naming it', async () => {
    const gate = await runCli('check', HEAD, '--gate', 'f1 >> 1');
    expect(gate.code).toBe(2);
    expect(gate.stderr).toBe(
      'mlci check: --gate #1: gate "f1 >> 1", column 5: expected a number after ">", found "> 1"\n',
    );
    const config = await runCli('check', HEAD, '--config', join(dir, 'missing.yml'));
    expect(config.stderr).toContain('missing.yml: cannot read the config file');
    const direction = await runCli('check', HEAD, '--direction', 'f1=up');
    expect(direction.stderr).toContain('--direction "f1=up": expected <metric>=higher or <metric>=lower');
  });
});

describe('mlci compare', () => {
  it('compares two revisions and fails on a regression beyond the limit', async () => {
    const { code, stdout } = await runCli(
      'compare',
      '--base',
      BASE,
      '--head',
      HEAD,
      '--gate',
      'roc_auc drop <= 0.005',
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAILED: 1 of 1 check failed: roc_auc\n/);
    expect(stdout).toMatch(/roc_auc\s+0\.865391\s+0\.856966\s+-0\.00842499\s+-0\.97%\s+REGRESSED/);
    expect(stdout).toMatch(/f1\s+0\.587642\s+0\.607013\s+\+0\.0193714\s+\+3\.3%\s+improved/);
  });

  it('prints the comparison document with --json', async () => {
    const { code, stdout } = await runCli('compare', '--base', BASE, '--head', HEAD, '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({
      schema: 'mlci/comparison',
      version: 1,
      verdict: { kind: 'passed', summary: 'no gates are configured' },
    });
    expect(doc.metrics.find((m: { key: string }) => m.key === 'f1_by_geo.Germany')).toMatchObject({
      status: 'improved',
      direction: 'higher',
    });
  });

  it('treats repeated --head and --base as repeats and commas as one run', async () => {
    const a = join(dir, 'seed-a.json');
    const b = join(dir, 'seed-b.json');
    writeFileSync(a, '{"acc": 0.90}');
    writeFileSync(b, '{"acc": 0.94}');
    const extra = join(dir, 'extra.json');
    writeFileSync(extra, '{"latency_ms": 12}');
    const doc = JSON.parse(
      (await runCli('compare', '--base', `${a},${extra}`, '--head', a, '--head', b, '--json')).stdout,
    );
    expect(doc.head.runs).toBe(2);
    expect(doc.base.runs).toBe(1);
    expect(doc.metrics.find((m: { key: string }) => m.key === 'acc')).toMatchObject({
      head: 0.92,
      base: 0.9,
      repeats: { head: { n: 2 } },
    });
    expect(doc.metrics.find((m: { key: string }) => m.key === 'latency_ms').status).toBe('removed');
  });

  it('asks for a baseline and refuses stray arguments', async () => {
    expect((await runCli('compare', '--head', HEAD)).stderr).toMatch(
      /^mlci compare: no baseline: pass --base <run>/,
    );
    expect((await runCli('compare', HEAD)).stderr).toMatch(
      /^mlci compare: unexpected ".*": name runs with --base and --head/,
    );
  });
});

describe('git baselines', () => {
  const repo = mkdtempSync(join(tmpdir(), 'mlci-git-repo-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  const cwd = process.cwd();

  beforeAll(() => {
    git('init', '-q');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'ci');
    mkdirSync(join(repo, 'eval/plots'), { recursive: true });
    cpSync(BASE, join(repo, 'eval/metrics.json'));
    writeFileSync(join(repo, 'eval/plots/roc.json'), '{}');
    git('add', '.');
    git('commit', '-qm', 'base');
    git('tag', 'v1');
    cpSync(HEAD, join(repo, 'eval/metrics.json'));
    process.chdir(join(repo, 'eval'));
  });
  afterAll(() => process.chdir(cwd));

  it('reads the baseline as committed, relative to the current folder', async () => {
    const { code, stdout } = await runCli(
      'compare',
      '--base',
      'git:v1:metrics.json',
      '--head',
      'metrics.json',
      '--json',
    );
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.base.label).toMatch(/^v1@[0-9a-f]{7}$/);
    expect(doc.base.sources[0].file).toBe('git:v1:metrics.json');
    expect(doc.metrics.find((m: { key: string }) => m.key === 'roc_auc').base).toBe(0.8653910482364984);
  });

  it('names a revision or path that does not exist', async () => {
    expect(
      (await runCli('compare', '--base', 'git:nope:metrics.json', '--head', 'metrics.json')).stderr,
    ).toBe('mlci compare: git:nope:metrics.json: "nope" is not a commit, branch or tag of this repository\n');
    expect(
      (await runCli('compare', '--base', 'git:v1:missing.json', '--head', 'metrics.json')).stderr,
    ).toMatch(/^mlci compare: git:v1:missing\.json: no such file or folder at v1 \([0-9a-f]{7}\)\n$/);
    expect((await runCli('compare', '--base', 'git:v1', '--head', 'metrics.json')).stderr).toContain(
      'expected git:<revision>:<path>',
    );
  });
});

describe('paths in the config file', () => {
  it('are relative to the config file’s folder', async () => {
    const project = mkdtempSync(join(tmpdir(), 'mlci-config-paths-'));
    mkdirSync(join(project, 'results'));
    writeFileSync(join(project, 'results/metrics.json'), '{"accuracy": 0.95}');
    writeFileSync(join(project, '.mlci.yml'), 'files: [results/metrics.json]\ngates: ["accuracy >= 0.9"]\n');
    const { code, stdout } = await runCli('check', '--config', join(project, '.mlci.yml'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PASSED: all 1 check passed\n/);
  });
});

describe('mlci check with no files named (zero configuration, #15)', () => {
  it('reads what the project’s tools wrote and says so on stderr', async () => {
    const project = mkdtempSync(join(tmpdir(), 'mlci-cli-zero-'));
    mkdirSync(join(project, 'outputs'));
    cpSync(resolve('test/fixtures/real/hf-trainer/whisper-ja'), join(project, 'outputs', 'whisper-ja'), {
      recursive: true,
    });
    writeFileSync(join(project, '.mlci.yml'), 'gates:\n  - eval_wer <= 1\n');
    const { code, stdout, stderr } = await runCli('check', '--config', join(project, '.mlci.yml'));
    expect(code).toBe(0);
    expect(stdout).toContain('pass    eval_wer <= 1  eval_wer');
    expect(stderr).toContain(
      "mlci check: read outputs/whisper-ja/ (Hugging Face Trainer output): no files are named, and this is what the project's tools wrote",
    );
  });

  it('refuses to guess between two runs of one kind, naming both (exit 2)', async () => {
    const project = mkdtempSync(join(tmpdir(), 'mlci-cli-zero-'));
    for (const side of ['a', 'b']) {
      mkdirSync(join(project, side));
      cpSync(HEAD, join(project, side, 'metrics.json'));
    }
    writeFileSync(join(project, '.mlci.yml'), 'gates:\n  - f1 >= 0.5\n');
    const { code, stderr } = await runCli('check', '--config', join(project, '.mlci.yml'));
    expect(code).toBe(2);
    expect(stderr).toContain(
      'no pull request metrics given, and the project holds several runs of the same kind',
    );
    expect(stderr).toContain('a/metrics.json, b/metrics.json');
  });
});
