/**
 * The actions from dist/ for a typical pull request (50 metrics, a training log, 2 charts) against
 * the local fake GitHub server: wall time of each action's process (node start-up included, as on a
 * runner) and the API requests it made. Median of 9 runs after one warm-up: on a shared machine
 * single runs vary by a tenth and more.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub } from '../test/support/fake-github/index.js';
import { runDistAction, stepNode, webhookExample } from '../test/support/action-runner.js';
import { emit, median, peakRssMiB } from './lib.js';

const RUNS = 9;
/** An assumed round trip from a runner to api.github.com; writes there often take longer. */
const LATENCY_MS = 100;
/** This Node, or MLCI_ACTION_NODE=/path/to/node (the runner's actions use Node 24). */
const STEP_NODE = stepNode().version;
const TOKEN = 'ghs_bench';
const FULL = 'acme/model';

function metrics(shift: number): string {
  const values: Record<string, number> = { accuracy: 0.9 + shift, loss: 0.3 - shift };
  for (let i = 0; i < 48; i++) values[`eval.class_${i}.f1`] = 0.7 + ((i * 7) % 13) / 100 + shift;
  return JSON.stringify(values, null, 2);
}
const LOG = [
  'epoch,loss,val_loss',
  ...Array.from({ length: 50 }, (_, i) => `${i},${1 / (i + 1)},${1.1 / (i + 1)}`),
].join('\n');
const CONFIG =
  'files:\n  - train.csv\n  - metrics.json\ngates:\n  - accuracy >= 0.8\n  - accuracy drop <= 0.01\n  - warn: loss rise <= 5%\n';

const times: Record<string, number[]> = {
  evaluate: [],
  'compare-metrics': [],
  report: [],
  'report again': [],
  'report at latency': [],
};
const requests: Record<string, number> = {};
/** Time the fake itself spent answering (its OpenAPI validation included), per run. */
const fakeTimes: Record<string, number[]> = {
  evaluate: [],
  'compare-metrics': [],
  report: [],
  'report again': [],
  'report at latency': [],
};
const serverTime = (recorded: ReadonlyArray<{ serverMs?: number }>) =>
  recorded.reduce((sum, r) => sum + (r.serverMs ?? 0), 0);
for (let i = 0; i <= RUNS; i++) {
  const fake = await startFakeGitHub({ token: TOKEN });
  const { state } = fake;
  state.addRepo({ owner: 'acme', repo: 'model', defaultBranch: 'main' });
  const base = state.commit(FULL, {
    branch: 'main',
    files: { '.mlci.yml': CONFIG, 'metrics.json': metrics(0), 'train.csv': LOG },
    message: 'baseline',
  });
  const head = state.commit(FULL, {
    branch: 'feature',
    parents: [base],
    files: { 'a.py': '1' },
    message: 'x',
  });
  // The repository has reported before (the assets branch exists), as after its first pull request.
  state.commit(FULL, { branch: 'mlci-assets', files: { 'pr-0/mlci/old.png': 'x' }, message: 'old' });
  const pr = state.addPullRequest(FULL, { head: { ref: 'feature', sha: head }, base: { ref: 'main' } });
  const workspace = mkdtempSync(join(tmpdir(), 'mlci-bench-actions-'));
  writeFileSync(join(workspace, '.mlci.yml'), CONFIG);
  writeFileSync(join(workspace, 'metrics.json'), metrics(0.01));
  writeFileSync(join(workspace, 'train.csv'), LOG);
  const payload = webhookExample('pull_request', 'opened');
  payload.number = pr.number;
  payload.pull_request.number = pr.number;
  Object.assign(payload.pull_request.head, { sha: head, ref: 'feature' });
  payload.pull_request.head.repo.full_name = FULL;
  Object.assign(payload.pull_request.base, { sha: base, ref: 'main' });
  payload.pull_request.base.repo.full_name = FULL;
  Object.assign(payload.repository, { full_name: FULL, name: 'model', default_branch: 'main' });
  // One job: the three steps share RUNNER_TEMP (and with it the actions' compile cache on Node 22+).
  const run = {
    runnerTemp: mkdtempSync(join(tmpdir(), 'mlci-bench-job-')),
    workspace,
    event: { name: 'pull_request', payload },
    token: TOKEN,
    apiUrl: fake.url,
    repository: FULL,
    sha: 'f'.repeat(40),
    ref: `refs/pull/${pr.number}/merge`,
  };
  for (const name of ['evaluate', 'compare-metrics', 'report']) {
    const before = fake.requests.length;
    const result = await runDistAction(name, run);
    if (result.exitCode !== 0) throw new Error(`${name} failed: ${result.stdout}\n${result.stderr}`);
    if (i > 0) times[name]!.push(result.milliseconds);
    requests[name] = fake.requests.length - before;
    if (i > 0) fakeTimes[name]!.push(serverTime(fake.requests.slice(before)));
  }
  // The common case after that: a new push to the pull request, its report replacing the first.
  const pushed = state.commit(FULL, {
    branch: 'feature',
    parents: [head],
    files: { 'b.py': '2' },
    message: 'y',
  });
  state.repo(FULL).pulls.find((p) => p.number === pr.number)!.head.sha = pushed;
  payload.pull_request.head.sha = pushed;
  payload.pull_request.updated_at = '2030-01-01T00:00:00Z'; // the push moves the pull request's updated_at
  writeFileSync(join(workspace, 'metrics.json'), metrics(0.02));
  const before = fake.requests.length;
  // A push starts a new job: a new RUNNER_TEMP, so nothing is cached from the steps above.
  const again = await runDistAction('report', {
    ...run,
    runnerTemp: mkdtempSync(join(tmpdir(), 'mlci-bench-job-')),
  });
  if (again.exitCode !== 0) throw new Error(`report failed: ${again.stdout}\n${again.stderr}`);
  if (i > 0) times['report again']!.push(again.milliseconds);
  requests['report again'] = fake.requests.length - before;
  if (i > 0) fakeTimes['report again']!.push(serverTime(fake.requests.slice(before)));

  // The first report on a second pull request with every answer delayed by LATENCY_MS, as from a
  // runner to api.github.com: what overlapping the requests with the work saves shows here.
  const other = state.commit(FULL, {
    branch: 'other',
    parents: [base],
    files: { 'c.py': '3' },
    message: 'z',
  });
  const pr2 = state.addPullRequest(FULL, { head: { ref: 'other', sha: other }, base: { ref: 'main' } });
  const payload2 = structuredClone(payload);
  payload2.number = pr2.number;
  payload2.pull_request.number = pr2.number;
  Object.assign(payload2.pull_request.head, { sha: other, ref: 'other' });
  fake.inject({ status: 0, delayMs: LATENCY_MS, times: 1_000 });
  const beforeLatency = fake.requests.length;
  const slow = await runDistAction('report', {
    ...run,
    event: { name: 'pull_request', payload: payload2 },
    ref: `refs/pull/${pr2.number}/merge`,
    runnerTemp: mkdtempSync(join(tmpdir(), 'mlci-bench-job-')),
  });
  if (slow.exitCode !== 0) throw new Error(`report failed: ${slow.stdout}\n${slow.stderr}`);
  if (i > 0) times['report at latency']!.push(slow.milliseconds);
  requests['report at latency'] = fake.requests.length - beforeLatency;
  if (i > 0) fakeTimes['report at latency']!.push(serverTime(fake.requests.slice(beforeLatency)));
  fake.assertNoProblems();
  await fake.close();
}

for (const name of Object.keys(times)) {
  const ms = median(times[name]!);
  const what =
    name === 'report again'
      ? 'node dist/report/index.js after a new push (comment updated, charts re-uploaded)'
      : name === 'report at latency'
        ? `node dist/report/index.js, first report on a pull request, each API answer delayed ${LATENCY_MS} ms (no target: shows the round trips that are not overlapped)`
        : `node dist/${name}/index.js for a pull request with 50 metrics and a training log`;
  if (name === 'report at latency') {
    emit({
      name: 'action-report-at-latency',
      detail: `${what} on Node ${STEP_NODE}, ${requests[name]} API requests, median of ${RUNS}`,
      seconds: ms / 1000,
      peakRssMiB: peakRssMiB(),
      value: ms,
    });
    continue;
  }
  emit({
    name: `action-${name.replace(' ', '-')}`,
    detail: `${what} on Node ${STEP_NODE}, ${requests[name]} API requests (the fake spent ${median(fakeTimes[name]!).toFixed(0)} ms answering them), median of ${RUNS}`,
    seconds: ms / 1000,
    peakRssMiB: peakRssMiB(),
    target: { metric: 'ms', atMost: 300 },
    value: ms,
  });
}
for (const [name, label] of [
  ['report', 'the first report on a pull request (the repository has reported before)'],
  ['report again', 'the report after a new push'],
] as const) {
  emit({
    name: `action-${name.replace(' ', '-')}-requests`,
    detail: `API requests of ${label}: the assets branch's head and one createCommitOnBranch for the charts, the comment, the check run`,
    seconds: 0,
    peakRssMiB: peakRssMiB(),
    target: { metric: 'requests', atMost: 8 },
    value: requests[name]!,
  });
}
