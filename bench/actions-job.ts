/**
 * One job of a typical pull request's workflow (50 metrics, a training log, 2 charts), run from a
 * dist/ folder against a fresh fake GitHub: evaluate, compare-metrics and report in one job
 * (sharing RUNNER_TEMP), then the report of a new push (a new job), then the first report on a
 * second pull request with every API answer delayed by `latencyMs`. Shared by actions.bench.ts and
 * compare-builds.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub } from '../test/support/fake-github/index.js';
import {
  pullRequestPayload,
  runDistAction,
  stepNode,
  type RunOptions,
} from '../test/support/action-runner.js';

export const STEPS = ['evaluate', 'compare-metrics', 'report', 'report again', 'report at latency'] as const;
export type Step = (typeof STEPS)[number];

export interface StepResult {
  milliseconds: number;
  /** The step's own account of its time (its `::debug::Time:` line), by phase; empty if none. */
  phases: Record<string, number>;
  /** The page faults of each phase, from the same line. */
  phaseFaults: Record<string, number>;
  requests: number;
  /** Time the fake itself spent answering (its OpenAPI validation included). */
  fakeMilliseconds: number;
}

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

const newJobTemp = () => mkdtempSync(join(tmpdir(), 'mlci-bench-job-'));

/**
 * Wall time of `node -e 0` started like a step (the same binary, spawned the same way): the floor
 * under every step's time, taken in the same job so that a busy machine moves both alike.
 */
export async function nodeNothing(): Promise<number> {
  const started = performance.now();
  await new Promise<void>((done) => spawn(stepNode().path, ['-e', '0']).on('close', () => done()));
  return performance.now() - started;
}

/** The page faults of a Node process that runs nothing, counted at its end (as the steps count theirs). */
export async function nodeNothingFaults(): Promise<number> {
  return new Promise<number>((done, fail) => {
    let out = '';
    const child = spawn(stepNode().path, [
      '-e',
      'process.stdout.write(String(process.resourceUsage().minorPageFault))',
    ]);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', () => done(Number(out)));
  });
}

/**
 * What one page fault costs on this machine now: 64 MiB of fresh memory touched once, per 4 KiB
 * page, in microseconds. On a small virtual machine this is 10 µs and more (a bare-metal host
 * takes well under one), which makes memory that a step touches for the first time cost as much
 * as its code.
 */
export function pageFaultMicroseconds(): number {
  const bytes = 64 * 1024 * 1024;
  const before = process.resourceUsage().minorPageFault;
  const started = performance.now();
  Buffer.allocUnsafeSlow(bytes).fill(1);
  const elapsed = performance.now() - started;
  const faults = Math.max(1, process.resourceUsage().minorPageFault - before);
  return (elapsed * 1000) / faults;
}

export interface JobResult extends Record<Step, StepResult> {
  /** `node -e 0`, timed right before each report step of the job: the mean of the two. */
  nodeMilliseconds: number;
}

/** Runs the scenario once; `distDir` picks the build (default the repository's dist/). */
export async function runPullRequestJob(
  options: { distDir?: string; latencyMs?: number } = {},
): Promise<JobResult> {
  const fake = await startFakeGitHub({ token: TOKEN });
  const results = {} as JobResult;
  const nothing: number[] = [];
  const step = async (name: Step, action: string, run: RunOptions) => {
    const before = fake.requests.length;
    const result = await runDistAction(action, {
      ...run,
      ...(options.distDir !== undefined ? { distDir: options.distDir } : {}),
    });
    if (result.exitCode !== 0) throw new Error(`${name} failed: ${result.stdout}\n${result.stderr}`);
    const made = fake.requests.slice(before);
    const phases: Record<string, number> = {};
    const phaseFaults: Record<string, number> = {};
    const line = /::debug::Time: (.*)/.exec(result.stdout)?.[1] ?? '';
    for (const m of line.matchAll(/(?:^|, )(.+?) (\d+) ms \((\d+) page faults\)/g)) {
      phases[m[1]!] = Number(m[2]);
      phaseFaults[m[1]!] = Number(m[3]);
    }
    results[name] = {
      milliseconds: result.milliseconds,
      phases,
      phaseFaults,
      requests: made.length,
      fakeMilliseconds: made.reduce((sum, r) => sum + (r.serverMs ?? 0), 0),
    };
  };
  try {
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
    const payload = pullRequestPayload({ number: pr.number, head, base, repository: FULL });
    // One job: the three steps share RUNNER_TEMP (and with it the actions' compile cache on Node 22+).
    const run: RunOptions = {
      runnerTemp: newJobTemp(),
      workspace,
      event: { name: 'pull_request', payload },
      token: TOKEN,
      apiUrl: fake.url,
      repository: FULL,
      sha: 'f'.repeat(40),
      ref: `refs/pull/${pr.number}/merge`,
    };
    await step('evaluate', 'evaluate', run);
    await step('compare-metrics', 'compare-metrics', run);
    nothing.push(await nodeNothing());
    await step('report', 'report', run);

    // The common case after that: a new push to the pull request, its report replacing the first.
    // A push starts a new job: a new RUNNER_TEMP, so nothing is cached from the steps above.
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
    nothing.push(await nodeNothing());
    await step('report again', 'report', { ...run, runnerTemp: newJobTemp() });

    // The first report on a second pull request with every answer delayed, as from a runner to
    // api.github.com: what overlapping the requests with the work saves shows here.
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
    fake.inject({ status: 0, delayMs: options.latencyMs ?? 100, times: 1_000 });
    await step('report at latency', 'report', {
      ...run,
      event: { name: 'pull_request', payload: payload2 },
      ref: `refs/pull/${pr2.number}/merge`,
      runnerTemp: newJobTemp(),
    });
    fake.assertNoProblems();
    results.nodeMilliseconds = (nothing[0]! + nothing[1]!) / 2;
    return results;
  } finally {
    await fake.close();
  }
}
