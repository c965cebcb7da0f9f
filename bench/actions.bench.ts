/**
 * The actions from dist/ for a typical pull request (50 metrics, a training log, 2 charts) against
 * the local fake GitHub server (see actions-job.ts): wall time of each action's process (node
 * start-up included, as on a runner) and the API requests it made. Median of 9 runs after one
 * warm-up: on a shared machine single runs vary by a tenth and more. To tell two builds apart on
 * such a machine, compare them interleaved: compare-builds.ts.
 */
import { stepNode } from '../test/support/action-runner.js';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  nodeNothing,
  nodeNothingFaults,
  pageFaultMicroseconds,
  runPullRequestJob,
  STEPS,
  type JobResult,
  type Step,
} from './actions-job.js';
import { emit, median, peakRssMiB } from './lib.js';

const RUNS = 9;
/** An assumed round trip from a runner to api.github.com; writes there often take longer. */
const LATENCY_MS = 100;
/** This Node, or MLCI_ACTION_NODE=/path/to/node (the runner's actions use Node 24). */
const STEP_NODE = stepNode().version;

/**
 * MLCI_BENCH_DIST=/tmp/x/dist times another build (from `npx tsx scripts/build-to.ts /tmp/x/dist`):
 * work in progress can be timed without rewriting the dist/ that others' tests read.
 */
const DIST_DIR = process.env.MLCI_BENCH_DIST || undefined;

const runs: JobResult[] = [];
for (let i = 0; i <= RUNS; i++) {
  const result = await runPullRequestJob({
    latencyMs: LATENCY_MS,
    ...(DIST_DIR !== undefined ? { distDir: DIST_DIR } : {}),
  });
  if (i > 0) runs.push(result); // the first is a warm-up (disk caches, the fake's validators)
}

const WHAT: Record<Step, string> = {
  evaluate: 'node dist/evaluate/index.js for a pull request with 50 metrics and a training log',
  'compare-metrics':
    'node dist/compare-metrics/index.js for a pull request with 50 metrics and a training log',
  report: 'node dist/report/index.js for a pull request with 50 metrics and a training log',
  'report again': 'node dist/report/index.js after a new push (comment updated, charts re-uploaded)',
  'report at latency': `node dist/report/index.js, first report on a pull request, each API answer delayed ${LATENCY_MS} ms (no target: shows the round trips that are not overlapped)`,
};

/** The median of each phase the step reported (report's debug log), as `start-up 95, ...`. */
function phases(step: Step): string {
  const names = Object.keys(runs.at(-1)![step].phases);
  if (names.length === 0) return '';
  const parts = names.map((n) => `${n} ${median(runs.map((r) => r[step].phases[n] ?? 0)).toFixed(0)}`);
  return `; phases (ms): ${parts.join(', ')}`;
}

for (const step of STEPS) {
  const ms = median(runs.map((r) => r[step].milliseconds));
  const requests = runs.at(-1)![step].requests;
  const fakeMs = median(runs.map((r) => r[step].fakeMilliseconds));
  emit({
    name: `action-${step.replace(/ /g, '-')}`,
    detail: `${WHAT[step]} on Node ${STEP_NODE}, ${requests} API requests (the fake spent ${fakeMs.toFixed(0)} ms answering them), median of ${RUNS}${phases(step)}`,
    seconds: ms / 1000,
    peakRssMiB: peakRssMiB(),
    ...(step === 'report at latency' ? {} : { target: { metric: 'ms' as const, atMost: 300 } }),
    value: ms,
  });
}
// Issue #14's budget: the report step within 150 ms of `node -e 0` timed in the same jobs, for a
// report with 2 charts (its phases say how many it drew).
const nothing = median(runs.map((r) => r.nodeMilliseconds));
const report = median(runs.map((r) => r.report.milliseconds));
const charts = /charts \((\d+)\)/.exec(Object.keys(runs.at(-1)!.report.phases).join(', '))?.[1] ?? '?';
emit({
  name: 'action-report-above-node',
  detail: `node dist/report/index.js with ${charts} charts minus node -e 0 started the same way in the same jobs, on Node ${STEP_NODE}, medians of ${RUNS}: ${report.toFixed(0)} - ${nothing.toFixed(0)} ms (fastest report ${Math.min(...runs.map((r) => r.report.milliseconds)).toFixed(0)} ms, fastest node -e 0 ${Math.min(...runs.map((r) => r.nodeMilliseconds)).toFixed(0)} ms)`,
  seconds: report / 1000,
  peakRssMiB: peakRssMiB(),
  target: { metric: 'ms', atMost: 150 },
  value: report - nothing,
});
// Where the time above node -e 0 goes on this machine: the memory the step touches first (page
// faults, each timed here in the same run) and the rest (its code, the fake's answers).
const faultMicros = median(runs.map(() => pageFaultMicroseconds()));
const reportFaults = median(
  runs.map((r) => Object.values(r.report.phaseFaults).reduce((sum, n) => sum + n, 0)),
);
const nothingFaults = await nodeNothingFaults();
const faultMs = ((reportFaults - nothingFaults) * faultMicros) / 1000;
emit({
  name: 'action-report-page-faults',
  detail: `page faults of node dist/report/index.js (sum of its phases, median of ${RUNS}) minus node -e 0's: ${reportFaults} - ${nothingFaults}; at ${faultMicros.toFixed(1)} µs per fault here (64 MiB touched in this run), ${faultMs.toFixed(0)} ms of the ${(report - nothing).toFixed(0)} ms above node -e 0`,
  seconds: faultMs / 1000,
  peakRssMiB: peakRssMiB(),
  value: reportFaults - nothingFaults,
});
// What any report with two charts costs before reading a file or making a request: dist/'s
// renderer loaded and two charts of the report's sizes drawn and encoded (drawing-floor.mjs),
// timed against node -e 0 in turns. If this alone is above the report's budget, the budget cannot
// be met by this way of drawing on this machine, however lean the rest of the step becomes.
const floorRuns: number[] = [];
const floorNothing: number[] = [];
const distDir = DIST_DIR ?? fileURLToPath(new URL('../dist', import.meta.url));
for (let i = 0; i <= RUNS; i++) {
  const nothingMs = await nodeNothing();
  const started = performance.now();
  await new Promise<void>((done, fail) =>
    spawn(stepNode().path, [fileURLToPath(new URL('drawing-floor.mjs', import.meta.url)), distDir], {
      stdio: 'inherit',
    }).on('close', (code) =>
      code === 0 ? done() : fail(new Error(`drawing-floor.mjs exited with ${code}`)),
    ),
  );
  if (i === 0) continue; // a warm-up, as for the jobs
  floorRuns.push(performance.now() - started);
  floorNothing.push(nothingMs);
}
emit({
  name: 'action-report-drawing-floor',
  detail: `two charts of the report's sizes drawn and encoded by dist/'s renderer in a process of their own (bench/drawing-floor.mjs), nothing else, minus node -e 0, on Node ${STEP_NODE}, medians of ${RUNS}: ${median(floorRuns).toFixed(0)} - ${median(floorNothing).toFixed(0)} ms`,
  seconds: median(floorRuns) / 1000,
  peakRssMiB: peakRssMiB(),
  value: median(floorRuns) - median(floorNothing),
});
for (const [step, label] of [
  ['report', 'the first report on a pull request (the repository has reported before)'],
  ['report again', 'the report after a new push'],
] as const) {
  emit({
    name: `action-${step.replace(' ', '-')}-requests`,
    detail: `API requests of ${label}: the assets branch's head and one createCommitOnBranch for the charts, the comment, the check run`,
    seconds: 0,
    peakRssMiB: peakRssMiB(),
    target: { metric: 'requests', atMost: 8 },
    value: runs.at(-1)![step].requests,
  });
}
