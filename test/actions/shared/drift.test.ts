import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConfigurationError,
  emptyConfig,
  parseConfig,
  parseGate,
  runComparison,
  type MetricsDoc,
  type MlciConfig,
} from '@mlci/core';
import {
  parseDriftInputs,
  planDrift,
  readDriftState,
  withDriftMetrics,
  type DriftPlan,
} from '../../../actions/shared/src/drift.js';
import { runDrift } from '../../../actions/shared/src/drift-run.js';

// The actions' drift step (actions/shared/src/drift.ts): which tables and settings it uses, the
// base's copy read from the clone, its metrics joined to the pull request's, drift.json read back,
// and a gate that compares a drift metric with a baseline that has none.

const SEATTLE_2012 = readFileSync('test/fixtures/drift/seattle-2012.csv', 'utf8');
const SEATTLE_2015 = readFileSync('test/fixtures/drift/seattle-2015.csv', 'utf8');

const config = (text: string, file = '.mlci.yml'): MlciConfig => parseConfig(text, file);
const inputs = (values: Record<string, string>) => parseDriftInputs((name) => values[name] ?? '');

describe('planDrift: the tables and settings', () => {
  it('runs no drift when neither the inputs nor the config name tables', () => {
    expect(planDrift({ inputs: {}, config: emptyConfig(), baseAllowed: true })).toBeUndefined();
  });

  it('takes the config’s drift: section, its paths relative to the config file, inputs winning', () => {
    const own = config(
      'drift:\n  reference: data/train.csv\n  current: prod/\n  alpha: 0.01\n  missing-values: "?"\n  seed: 3\n',
      'ml/.mlci.yml',
    );
    const plan = planDrift({ inputs: {}, config: own, baseAllowed: false })!;
    expect(plan.reference).toEqual({ spec: 'ml/data/train.csv', from: 'drift.reference of ml/.mlci.yml' });
    expect(plan.current).toEqual({ spec: 'ml/prod/', from: 'drift.current of ml/.mlci.yml' });
    expect(plan.options).toEqual({ alpha: 0.01, correction: 'holm' });
    expect(plan.read).toEqual({ missing: { all: ['?'], byColumn: {} }, seed: 3 });
    const overridden = planDrift({
      inputs: inputs({ 'drift-current': 'git:HEAD~1:prod/' }),
      config: own,
      baseAllowed: false,
    })!;
    expect(overridden.current).toEqual({ spec: 'git:HEAD~1:prod/', from: 'input drift-current' });
  });

  it('says which side is missing and where to set it', () => {
    expect(() =>
      planDrift({
        inputs: inputs({ 'drift-current': 'prod.csv' }),
        config: emptyConfig(),
        baseAllowed: true,
      }),
    ).toThrow(
      'input drift-current is "prod.csv", but there is no reference to compare with: set the input drift-reference, or drift.reference in .mlci.yml',
    );
    expect(() =>
      planDrift({ inputs: {}, config: config('drift:\n  reference: base\n'), baseAllowed: true }),
    ).toThrow('set the input drift-current, or drift.current in .mlci.yml');
  });

  it('refuses base where there is no base commit (evaluate), and as the current data', () => {
    expect(() =>
      planDrift({
        inputs: inputs({ 'drift-reference': 'base', 'drift-current': 'a.csv' }),
        config: emptyConfig(),
        baseAllowed: false,
      }),
    ).toThrow(/^input drift-reference: base means .* which only compare-metrics knows: use compare-metrics/);
    expect(() => inputs({ 'drift-current': 'base' })).toThrow(ConfigurationError);
  });

  it('under the base’s rules, takes the deciding settings from the base’s config', () => {
    const base = config(
      'drift:\n  reference: base\n  current: data/train.csv\n  alpha: 0.05\n  drift-share: 0.2\nstatistics:\n  correction: bonferroni\n',
    );
    // The pull request loosens every number and points the reference at its own data.
    const head = config(
      'drift:\n  reference: data/train.csv\n  current: data/new.csv\n  alpha: 0.000001\n  threshold: 0.9\n  seed: 9\n',
    );
    const plan = planDrift({
      inputs: {},
      config: head,
      rules: { config: base, label: 'main@abc1234 (merge base):.mlci.yml' },
      baseAllowed: true,
    })!;
    expect(plan.reference).toEqual({
      spec: 'base',
      from: 'drift.reference of main@abc1234 (merge base):.mlci.yml',
    });
    // Its own: where its data is, and the seed.
    expect(plan.current.spec).toBe('data/new.csv');
    expect(plan.read.seed).toBe(9);
    expect(plan.options).toEqual({ alpha: 0.05, driftShare: 0.2, correction: 'bonferroni' });
    expect(plan.settingsFrom).toBe('main@abc1234 (merge base):.mlci.yml');
  });

  it('under the base’s rules, a drift: section the base lacks starts once merged, and the log says so', () => {
    const lines: string[] = [];
    const plan = planDrift({
      inputs: {},
      config: config('drift:\n  reference: base\n  current: data/train.csv\n'),
      rules: { config: emptyConfig(), label: 'main@abc1234 (merge base):.mlci.yml' },
      baseAllowed: true,
      log: (line) => lines.push(line),
    });
    expect(plan).toBeUndefined();
    expect(lines.join('\n')).toContain('the comparison starts once the section is merged');
  });
});

describe('runDrift: base read from the clone', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  /** A repository whose one commit has data/train.csv (2012); the working tree has 2015's. */
  function clone(): { dir: string; sha: string } {
    const dir = mkdtempSync(join(tmpdir(), 'mlci-drift-clone-'));
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@example.com',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@example.com',
        },
      }).trim();
    git('init', '-q');
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'train.csv'), SEATTLE_2012);
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(dir, 'data', 'train.csv'), SEATTLE_2015);
    return { dir, sha: git('rev-parse', 'HEAD') };
  }

  const plan = (current: string): DriftPlan => ({
    reference: { spec: 'base', from: 'input drift-reference' },
    current: { spec: current, from: 'input drift-current' },
    read: { seed: 1 },
    options: {},
    settingsFrom: '.mlci.yml',
  });

  it('reads the current data’s path at the base commit, without asking GitHub', async () => {
    const { dir, sha } = clone();
    process.chdir(dir);
    const lines: string[] = [];
    const base = { sha, label: 'main@abc1234 (base)', owner: 'acme', repo: 'model' };
    const { report, doc } = await runDrift(plan('data/train.csv'), base, (line) => lines.push(line));
    expect(lines).toEqual(['Drift reference: main@abc1234 (base):data/train.csv, from the clone.']);
    expect(report.reference.label).toBe('main@abc1234 (base):data/train.csv');
    expect([report.drifted, report.tested]).toEqual([3, 5]);
    expect(doc.metrics['drift.share']).toBeCloseTo(0.6, 12);
  });

  it('fails closed when the base commit lacks the path, and says what to set', async () => {
    const { dir, sha } = clone();
    writeFileSync(join(dir, 'data', 'prod.csv'), SEATTLE_2015);
    process.chdir(dir);
    await expect(
      runDrift(plan('data/prod.csv'), { sha, label: 'main@abc1234 (base)', owner: 'acme', repo: 'model' }),
    ).rejects.toThrow(
      "the drift step could not read its reference (input drift-reference: base): data/prod.csv is not in main@abc1234 (base), so there is nothing to compare the pull request's data with. Commit the data on the base branch first, or set drift-reference",
    );
  });

  it('fails closed when the clone lacks the commit and there is no token to fetch it', async () => {
    const { dir } = clone();
    process.chdir(dir);
    await expect(
      runDrift(plan('data/train.csv'), {
        sha: 'f'.repeat(40),
        label: 'main@fffffff (merge base)',
        owner: 'acme',
        repo: 'model',
      }),
    ).rejects.toThrow(
      'the clone does not have main@fffffff (merge base), and without a token it cannot be fetched: pass token, or check out with fetch-depth: 0',
    );
  });

  it('refuses a current table outside the repository', async () => {
    await expect(
      runDrift(plan('../elsewhere.csv'), { sha: 'f'.repeat(40), label: 'main', owner: 'a', repo: 'b' }),
    ).rejects.toThrow('is outside the repository, so the base commit has no copy of it');
  });
});

describe('the drift metrics join the pull request’s', () => {
  const run = (metrics: Record<string, number>, file = 'metrics.json'): MetricsDoc => ({
    metrics,
    series: {},
    params: { lr: 0.1 },
    sources: [{ file, format: 'json', notes: [], warnings: [] }],
  });
  const drift: MetricsDoc = {
    metrics: { 'drift.share': 0.6, 'data.rows': 365 },
    series: {},
    params: { 'drift.columns.wind.type': 'numeric' },
    sources: [{ file: 'data/train.csv', format: 'drift', notes: [], warnings: [] }],
  };

  it('in every run, the step’s numbers winning, its params left to drift.json', () => {
    const [first, second] = withDriftMetrics(
      [run({ f1: 0.8, 'drift.share': 0 }), run({ f1: 0.82 }, 'seed-2/metrics.json')],
      drift,
    );
    expect(first!.metrics).toEqual({ f1: 0.8, 'drift.share': 0.6, 'data.rows': 365 });
    expect(second!.metrics).toEqual({ f1: 0.82, 'drift.share': 0.6, 'data.rows': 365 });
    expect(first!.params).toEqual({ lr: 0.1 });
    expect(first!.sources.at(-1)!.notes).toEqual([
      'replaced values read earlier: drift.share (0 from metrics.json)',
    ]);
  });

  it('a gate that compares a drift metric with a baseline without it fails, and says why', () => {
    const head = { runs: withDriftMetrics([run({ f1: 0.8 })], drift) };
    const comparison = runComparison({
      head,
      base: { runs: [run({ f1: 0.8 })] },
      config: emptyConfig(),
      extraGates: [parseGate('drift.share rise <= 0.1', 'test'), parseGate('f1 drop <= 0.1', 'test')],
    });
    const [share, f1] = comparison.gates;
    expect(share).toMatchObject({ status: 'fail', metric: 'drift.share' });
    expect(share!.reason).toMatch(/^the baseline has no drift\.share, so this change cannot be measured/);
    expect(f1).toMatchObject({ status: 'pass' });
    expect(comparison.verdict.kind).toBe('failed');
    // With the base's drift (an artifact of a base-branch run that compared data) it compares.
    const measured = runComparison({
      head,
      base: { runs: [run({ f1: 0.8, 'drift.share': 0.55 })] },
      config: emptyConfig(),
      extraGates: [parseGate('drift.share rise <= 0.1', 'test')],
    });
    expect(measured.gates[0]).toMatchObject({ status: 'pass', metric: 'drift.share' });
  });
});

describe('drift.json read back by the report step', () => {
  const stateDir = () => mkdtempSync(join(tmpdir(), 'mlci-drift-state-'));

  it('is undefined when no step compared data', async () => {
    await expect(readDriftState(stateDir())).resolves.toBeUndefined();
  });

  it('refuses a document that is not a drift report', async () => {
    const dir = stateDir();
    writeFileSync(join(dir, 'drift.json'), JSON.stringify({ schema: 'mlci/drift', version: 1, columns: 3 }));
    await expect(readDriftState(dir)).rejects.toThrow(
      /drift\.json: reference: expected a table summary \(label, rows, columns, files\), found nothing; delete it or rerun the step that wrote it$/,
    );
  });
});
