import { readFile, readdir } from 'node:fs/promises';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ConfigurationError } from '@mlci/core';
import {
  findBaseline,
  historyPath,
  recordHistory,
  type FindBaselineOptions,
} from '../../packages/github/src/baseline.js';
import { FULL_NAME, OWNER, REPO, fakeClient, recordingLogger, useFakeGitHub } from './helpers.js';
import type { FakeGitHub } from '../support/fake-github/index.js';

const METRICS = '{"accuracy": 0.91, "loss": 0.23}';

/** main: base commit M0 (metrics), then M1 after the branch point; feature branches off M0. */
function seed(fake: FakeGitHub, files: Record<string, string> = { 'metrics.json': METRICS }) {
  const { state } = fake;
  state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
  const mergeBase = state.commit(FULL_NAME, { branch: 'main', files, message: 'baseline' });
  const head = state.commit(FULL_NAME, {
    branch: 'feature',
    parents: [mergeBase],
    files: { 'metrics.json': '{"accuracy": 0.95}' },
    message: 'better model',
  });
  const baseTip = state.commit(FULL_NAME, {
    branch: 'main',
    files: { 'README.md': '# docs' },
    message: 'docs',
  });
  return { mergeBase, head, baseTip };
}

describe('findBaseline against the fake GitHub', () => {
  const fake = useFakeGitHub();
  let workDir: string;
  beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), 'mlci-baseline-test-'));
  });
  const find = (extra: Partial<FindBaselineOptions> & Pick<FindBaselineOptions, 'base'>) =>
    findBaseline(fakeClient(fake()), { owner: OWNER, repo: REPO, workDir, ...extra });

  test('contents at the merge base: files and folders written where the readers find them', async () => {
    const { mergeBase, head, baseTip } = seed(fake(), {
      'metrics.json': METRICS,
      'results/eval.json': '{"f1": 0.8}',
      'results/curves/loss.csv': 'step,loss\n1,0.5\n',
    });
    const result = await find({
      base: { ref: 'main', sha: baseTip },
      headSha: head,
      paths: ['./metrics.json', 'results/', 'missing.json'],
    });
    expect(result.found).toMatchObject({
      source: 'contents',
      sha: mergeBase,
      label: `main@${mergeBase.slice(0, 7)} (merge base)`,
    });
    const found = result.found!;
    expect(found.files.map((f) => relative(found.dir, f)).sort()).toEqual([
      'metrics.json',
      'results/curves/loss.csv',
      'results/eval.json',
    ]);
    expect(await readFile(join(found.dir, 'metrics.json'), 'utf8')).toBe(METRICS);
    expect(result.attempts.map((a) => a.text)).toEqual([
      `contents: main@${mergeBase.slice(0, 7)} (merge base): found metrics.json, results; missing.json not found`,
    ]);
    const compare = fake().requests.find((r) => r.path.includes('/compare/'));
    expect(compare!.path).toContain(`${baseTip}...${head}`);
  });

  test('the artifact of the latest successful run on the base commit, unzipped', async () => {
    const { mergeBase, head, baseTip } = seed(fake(), { 'README.md': 'no metrics here' });
    const { state } = fake();
    state.addWorkflowRun(FULL_NAME, {
      head_sha: mergeBase,
      conclusion: 'failure',
      artifacts: [{ name: 'mlci-results', files: { 'metrics.json': '{"accuracy": 0}' } }],
    });
    state.addWorkflowRun(FULL_NAME, {
      head_sha: mergeBase,
      artifacts: [{ name: 'mlci-results', files: { 'metrics.json': '{"accuracy": 0.5}' } }],
    });
    const latest = state.addWorkflowRun(FULL_NAME, {
      head_sha: mergeBase,
      artifacts: [
        { name: 'other', files: { 'x.txt': 'x' } },
        {
          name: 'mlci-results',
          files: { 'metrics.json': METRICS, 'runs/seed-1/metrics.json': '{"accuracy": 0.9}' },
        },
      ],
    });
    const result = await find({
      base: { ref: 'main', sha: baseTip },
      headSha: head,
      paths: ['metrics.json'],
    });
    expect(result.found).toMatchObject({ source: 'artifact', sha: mergeBase });
    const found = result.found!;
    expect(found.files.map((f) => relative(found.dir, f))).toEqual([
      'metrics.json',
      'runs/seed-1/metrics.json',
    ]);
    expect(await readFile(join(found.dir, 'metrics.json'), 'utf8')).toBe(METRICS);
    const short = mergeBase.slice(0, 7);
    expect(result.attempts.map((a) => a.text)).toEqual([
      `contents: main@${short} (merge base): metrics.json not found`,
      `contents: main@${baseTip.slice(0, 7)} (base): metrics.json not found`,
      `artifact: main@${short} (merge base): found artifact mlci-results of run ${latest.id} (2 files)`,
    ]);
  });

  test('the history branch: <sha>.json written by recordHistory', async () => {
    const { mergeBase, baseTip } = seed(fake(), { 'README.md': 'nothing' });
    const client = fakeClient(fake());
    const document = JSON.stringify({ metrics: { accuracy: 0.9 } });
    const recorded = await recordHistory(client, {
      owner: OWNER,
      repo: REPO,
      sha: baseTip,
      document,
      retryDelayMs: 0,
    });
    expect(recorded).toMatchObject({ ok: true, path: historyPath(baseTip) });
    // A second commit on the same branch, for another sha: one file per commit, no conflicts.
    await recordHistory(client, {
      owner: OWNER,
      repo: REPO,
      sha: mergeBase,
      document: '{}',
      retryDelayMs: 0,
    });
    expect([...fake().state.files(FULL_NAME, 'mlci-history').keys()].sort()).toEqual(
      [`${baseTip}.json`, `${mergeBase}.json`].sort(),
    );
    const result = await find({ base: { ref: 'main', sha: baseTip }, sources: ['history'] });
    expect(result.found).toMatchObject({
      source: 'history',
      sha: baseTip,
      label: `main@${baseTip.slice(0, 7)} (base)`,
    });
    expect(await readFile(result.found!.files[0]!, 'utf8')).toBe(document);
    expect(result.attempts.map((a) => a.text)).toEqual([
      `history: main@${baseTip.slice(0, 7)} (base): found mlci-history:${baseTip}.json`,
    ]);
  });

  test('the jobs of a matrix keep one history file per report id, and each finds its own', async () => {
    const { baseTip } = seed(fake(), { 'README.md': 'nothing' });
    const client = fakeClient(fake());
    // The jobs of one push record at once: one file each, none overwritten.
    await Promise.all(
      ['mlci/en', 'mlci/de', 'mlci'].map((reportId) =>
        recordHistory(client, {
          owner: OWNER,
          repo: REPO,
          sha: baseTip,
          document: JSON.stringify({ metrics: { accuracy: reportId.length } }),
          reportId,
          retryDelayMs: 1,
          maxAttempts: 10,
        }),
      ),
    );
    expect([...fake().state.files(FULL_NAME, 'mlci-history').keys()].sort()).toEqual(
      [`${baseTip}.json`, `mlci/de/${baseTip}.json`, `mlci/en/${baseTip}.json`].sort(),
    );
    expect(historyPath(baseTip, 'mlci/en')).toBe(`mlci/en/${baseTip}.json`);
    expect(historyPath(baseTip, '../x y')).toBe(`x_y/${baseTip}.json`);
    for (const reportId of ['mlci/en', 'mlci/de']) {
      const result = await find({ base: { ref: 'main', sha: baseTip }, sources: ['history'], reportId });
      expect(await readFile(result.found!.files[0]!, 'utf8')).toBe(
        JSON.stringify({ metrics: { accuracy: reportId.length } }),
      );
      expect(result.attempts[0]!.text).toBe(
        `history: main@${baseTip.slice(0, 7)} (base): found mlci-history:${reportId}/${baseTip}.json`,
      );
    }
    // A report id nobody recorded: no baseline (said so), never a neighbour's numbers.
    const missing = await find({
      base: { ref: 'main', sha: baseTip },
      sources: ['history'],
      reportId: 'mlci/fr',
    });
    expect(missing.found).toBeUndefined();
    expect(missing.attempts[0]!.text).toContain(`mlci-history:mlci/fr/${baseTip}.json not found`);
  });

  test('an explicit path on disk', async () => {
    const { baseTip } = seed(fake());
    const dir = mkdtempSync(join(tmpdir(), 'mlci-explicit-'));
    writeFileSync(join(dir, 'metrics.json'), METRICS);
    const result = await find({
      base: { ref: 'main', sha: baseTip },
      sources: ['path', 'contents'],
      path: dir,
      paths: ['metrics.json'],
    });
    expect(result.found).toMatchObject({ source: 'path', label: dir, dir });
    expect(fake().requests).toHaveLength(0);
  });

  test('nothing found: every attempt says why', async () => {
    const { mergeBase, head, baseTip } = seed(fake(), { 'README.md': 'nothing' });
    fake().state.addWorkflowRun(FULL_NAME, {
      head_sha: baseTip,
      artifacts: [{ name: 'mlci-results', files: { 'metrics.json': METRICS }, expired: true }],
    });
    const log = recordingLogger();
    const result = await find({
      base: { ref: 'main', sha: baseTip },
      headSha: head,
      paths: ['metrics.json'],
      path: '/nonexistent/baseline',
      log,
    });
    expect(result.found).toBeUndefined();
    const m = `main@${mergeBase.slice(0, 7)} (merge base)`;
    const b = `main@${baseTip.slice(0, 7)} (base)`;
    expect(result.attempts.map((a) => a.text)).toEqual([
      `contents: ${m}: metrics.json not found`,
      `contents: ${b}: metrics.json not found`,
      `artifact: ${m}: no successful workflow run`,
      `artifact: ${b}: artifact mlci-results has expired`,
      `history: ${m}: mlci-history:${mergeBase}.json not found`,
      `history: ${b}: mlci-history:${baseTip}.json not found`,
      'path: /nonexistent/baseline: does not exist',
    ]);
    expect(result.attempts.every((a) => !a.found)).toBe(true);
    expect(log.lines).toHaveLength(7);
    expect(await readdir(workDir)).toEqual([]);
  });

  test('a source that fails is recorded and the next one is tried', async () => {
    const { baseTip } = seed(fake());
    fake().inject({ method: 'GET', path: /\/git\/trees\//, status: 500, times: 10 });
    const result = await findBaseline(fakeClient(fake()), {
      owner: OWNER,
      repo: REPO,
      workDir,
      base: { ref: 'main', sha: baseTip },
      paths: ['metrics.json'],
      sources: ['contents', 'history'],
    });
    expect(result.found).toBeUndefined();
    expect(result.attempts[0]!.text).toMatch(/^contents: main@\w{7} \(base\): failed: 500 /);
  });

  test('paths outside the repository and unknown sources are configuration errors', async () => {
    const { baseTip } = seed(fake());
    await expect(find({ base: { ref: 'main', sha: baseTip }, paths: ['../secrets'] })).rejects.toThrow(
      ConfigurationError,
    );
    await expect(find({ base: { ref: 'main', sha: baseTip }, paths: ['../secrets'] })).rejects.toThrow(
      'baseline path "../secrets" is not a path inside the repository',
    );
    await expect(find({ base: { ref: 'main', sha: baseTip }, sources: ['s3' as never] })).rejects.toThrow(
      'baseline source "s3" is unknown: expected some of contents, artifact, history, path',
    );
  });
});
