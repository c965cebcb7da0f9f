/**
 * Issue #12's budget: a pull request with 5 seeds per side, per-example predictions and 30 records
 * on the history branch, through compare-metrics and report from dist/ against the fake GitHub.
 * Targets: at most 10 API requests across the two steps (the repository has reported before, so
 * the assets branch exists), and the report step at most 200 ms above `node -e 0` started the
 * same way in the same run (interleaved, median of 9), the machine being shared and noisy.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../test/support/fake-github/index.js';
import {
  pullRequestPayload,
  runDistAction,
  stepNode,
  webhookExample,
  type RunOptions,
} from '../test/support/action-runner.js';
import { emit, median, peakRssMiB } from './lib.js';

const RUNS = 9;
const TOKEN = 'ghs_bench';
const FULL = 'acme/model';
const SEEDS = 5;
const RECORDS = 30;
const EXAMPLES = 2000;

const CONFIG = `repeats: runs/seed-*
gates:
  - accuracy no significant regression
  - accuracy paired no significant regression
  - loss no significant regression
report:
  predictions: eval/predictions.csv
`;

/** A seed's metrics and training log: accuracy around `level`, spread 0.003 between seeds. */
function seedFiles(level: number, salt: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let s = 0; s < SEEDS; s++) {
    const wobble = (((s * 7 + salt * 3) % 11) - 5) * 0.0006;
    const accuracy = level + wobble;
    const metrics: Record<string, number> = { accuracy, loss: 1 - accuracy };
    for (let i = 0; i < 20; i++) metrics[`eval.class_${i}.f1`] = accuracy - ((i * 7) % 13) / 200;
    files[`runs/seed-${s}/metrics.json`] = JSON.stringify(metrics);
    files[`runs/seed-${s}/train.csv`] = [
      'epoch,loss,val_loss',
      ...Array.from(
        { length: 30 },
        (_, i) => `${i},${(1 / (i + 1)).toFixed(4)},${(1.1 / (i + 1)).toFixed(4)}`,
      ),
    ].join('\n');
  }
  return files;
}

function predictions(wrongBelow: number): string {
  return [
    'id,label,prediction',
    ...Array.from({ length: EXAMPLES }, (_, i) => `${i},${i % 3},${i < wrongBelow ? (i + 1) % 3 : i % 3}`),
  ].join('\n');
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-bench-trust-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function pushRun(fake: FakeGitHub, sha: string, dir: string, timestamp: string): RunOptions {
  const payload = webhookExample('push');
  Object.assign(payload, { ref: 'refs/heads/main', before: 'a'.repeat(40), after: sha, deleted: false });
  payload.head_commit = { ...payload.head_commit, id: sha, timestamp };
  Object.assign(payload.repository, {
    full_name: FULL,
    name: 'model',
    default_branch: 'main',
    master_branch: 'main',
  });
  return {
    workspace: dir,
    event: { name: 'push', payload },
    token: TOKEN,
    apiUrl: fake.url,
    repository: FULL,
    sha,
    ref: 'refs/heads/main',
    inputs: { 'upload-charts': 'false' },
  };
}

/** Wall time of `node -e 0` started like a step (same binary, same spawn). */
async function nodeNothing(): Promise<number> {
  const started = performance.now();
  await new Promise<void>((done) => spawn(stepNode().path, ['-e', '0']).on('close', () => done()));
  return performance.now() - started;
}

const fake = await startFakeGitHub({ token: TOKEN });
try {
  const { state } = fake;
  state.addRepo({ owner: 'acme', repo: 'model', defaultBranch: 'main' });
  // 30 pushes to main, each recorded by the report action as on a real repository.
  let parent: string | undefined;
  for (let r = 0; r < RECORDS; r++) {
    const files = { '.mlci.yml': CONFIG, 'eval/predictions.csv': predictions(200), ...seedFiles(0.9, r) };
    parent = state.commit(FULL, {
      branch: 'main',
      files,
      message: `push ${r}`,
      ...(parent !== undefined ? { parents: [parent] } : {}),
    });
    const timestamp = new Date(Date.UTC(2026, 0, 1 + r)).toISOString();
    const recorded = await runDistAction('report', pushRun(fake, parent, folder(files), timestamp));
    if (recorded.exitCode !== 0) throw new Error(`recording push ${r} failed: ${recorded.stdout}`);
  }
  const base = parent!;
  state.commit(FULL, { branch: 'mlci-assets', files: { 'pr-0/mlci/old.png': 'x' }, message: 'old' });
  const head = state.commit(FULL, {
    branch: 'feature',
    parents: [base],
    files: { 'a.py': '1' },
    message: 'x',
  });
  const pr = state.addPullRequest(FULL, { head: { ref: 'feature', sha: head }, base: { ref: 'main' } });
  const payload = pullRequestPayload({ number: pr.number, head, base, repository: FULL });
  const workspace = folder({
    '.mlci.yml': CONFIG,
    // A harmless change: the same predictions, the seeds' usual spread around the same level.
    'eval/predictions.csv': predictions(200),
    ...seedFiles(0.9, 99),
  });
  const run: RunOptions = {
    workspace,
    event: { name: 'pull_request', payload },
    token: TOKEN,
    apiUrl: fake.url,
    repository: FULL,
    sha: 'f'.repeat(40),
    ref: `refs/pull/${pr.number}/merge`,
  };

  const compareMs: number[] = [];
  const reportMs: number[] = [];
  const nothingMs: number[] = [];
  let requests = { compare: 0, report: 0, operations: [] as string[] };
  let summary = '';
  for (let i = 0; i <= RUNS; i++) {
    const runnerTemp = mkdtempSync(join(tmpdir(), 'mlci-bench-trust-job-'));
    const before = fake.requests.length;
    const compared = await runDistAction('compare-metrics', { ...run, runnerTemp });
    if (compared.exitCode !== 0) throw new Error(`compare-metrics failed: ${compared.stdout}`);
    const middle = fake.requests.length;
    const reported = await runDistAction('report', {
      ...run,
      runnerTemp,
      inputs: { 'fail-on-gate': 'false' },
    });
    if (reported.exitCode !== 0) throw new Error(`report failed: ${reported.stdout}`);
    if (process.env.MLCI_BENCH_VERBOSE)
      process.stderr.write(`${/::debug::Time: (.*)/.exec(reported.stdout)?.[1]}\n`);
    const nothing = await nodeNothing();
    if (i === 0) {
      // The first report on the pull request (later ones update the comment): its requests count.
      requests = {
        compare: middle - before,
        report: fake.requests.length - middle,
        operations: fake.requests.slice(before).map((r) => r.operationId ?? r.path),
      };
      summary = JSON.parse(compared.outputs.comparison!).verdict.summary;
      continue; // and it warms the disk cache
    }
    compareMs.push(compared.milliseconds);
    reportMs.push(reported.milliseconds);
    nothingMs.push(nothing);
  }
  fake.assertNoProblems();
  const nothing = median(nothingMs);
  const total = requests.compare + requests.report;
  emit({
    name: 'trust-requests',
    detail: `API requests of compare-metrics (${requests.compare}) and the first report (${requests.report}) for ${SEEDS} seeds per side, ${EXAMPLES} predictions and ${RECORDS} history records: ${requests.operations.join(', ')}; verdict: ${summary}`,
    seconds: 0,
    peakRssMiB: peakRssMiB(),
    target: { metric: 'requests', atMost: 10 },
    value: total,
  });
  emit({
    name: 'trust-compare-metrics',
    detail: `node dist/compare-metrics/index.js, same scenario, median of ${RUNS}; node -e 0 took ${nothing.toFixed(0)} ms`,
    seconds: median(compareMs) / 1000,
    peakRssMiB: peakRssMiB(),
  });
  emit({
    name: 'trust-report-above-node',
    detail: `node dist/report/index.js (charts, comment update, check run) minus node -e 0, interleaved, medians of ${RUNS}: ${median(reportMs).toFixed(0)} - ${nothing.toFixed(0)} ms`,
    seconds: median(reportMs) / 1000,
    peakRssMiB: peakRssMiB(),
    target: { metric: 'ms', atMost: 200 },
    value: median(reportMs) - nothing,
  });
} finally {
  await fake.close();
}
