/**
 * `npm run bench:builds -- DIST_A DIST_B [--runs N]`: the actions bench's job (actions-job.ts) run
 * with two builds of dist/ in turn, A B B A A B ..., so both see the same machine. On a shared
 * machine whose speed drifts by half between minutes, this tells two builds apart where two
 * separate `npm run bench` runs cannot. A build is any dist/ folder, e.g. an older commit's:
 *
 *   git archive <commit> dist | tar -x -C /tmp/old && npm run bench:builds -- /tmp/old/dist dist
 *
 * MLCI_ACTION_NODE=/path/to/node runs the steps on another Node (the runner's actions use 24).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stepNode } from '../test/support/action-runner.js';
import { runPullRequestJob, STEPS } from './actions-job.js';
import { median } from './lib.js';

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '10' } },
  allowPositionals: true,
});
const runs = Number(values.runs);
if (positionals.length !== 2 || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: npm run bench:builds -- DIST_A DIST_B [--runs N]\n');
  process.exit(2);
}
const builds = positionals.map((p) => resolve(p));
for (const dir of builds) {
  if (!existsSync(join(dir, 'report', 'index.js'))) {
    process.stderr.write(`${dir}: not a dist/ folder (no report/index.js in it)\n`);
    process.exit(2);
  }
}

// Besides the steps: `node -e 0` timed in the same job (the mean of its two timings), and the
// report minus it, job by job: issue #14's budget is the report within 150 ms of node -e 0, and on a
// machine whose speed drifts the difference within one job is steadier than either figure.
const EXTRA = ['node -e 0', 'report - node -e 0'] as const;
// And the report's own phases (its debug log), to see which part of the step a change moved.
const PHASES = ['start-up', 'reading', 'charts and Markdown'] as const;
const ROWS = [...STEPS, ...EXTRA, ...PHASES.map((p) => `report: ${p}`)];
const times = builds.map(() => Object.fromEntries(ROWS.map((s) => [s, [] as number[]])));
await runPullRequestJob({ distDir: builds[0]! }); // warm-up
for (let i = 0; i < runs * 2; i++) {
  // A B, B A, A B...: neither build always goes first.
  const which = (i + Math.floor(i / 2)) % 2;
  const result = await runPullRequestJob({ distDir: builds[which]! });
  for (const step of STEPS) times[which]![step]!.push(result[step].milliseconds);
  times[which]!['node -e 0']!.push(result.nodeMilliseconds);
  times[which]!['report - node -e 0']!.push(result.report.milliseconds - result.nodeMilliseconds);
  for (const [name, ms] of Object.entries(result.report.phases)) {
    // `charts (2) and Markdown`: the count is left out, so that the rows of both builds meet.
    times[which]![`report: ${name.replace(/ \(\d+\)/, '')}`]?.push(ms);
  }
}

process.stdout.write(`Node ${stepNode().version}, ${runs} jobs per build, interleaved; medians (min):\n`);
const width = Math.max(...ROWS.map((s) => s.length));
process.stdout.write(`${''.padEnd(width)}  ${'A'.padStart(16)}  ${'B'.padStart(16)}  B - A\n`);
for (const step of ROWS) {
  const [a, b] = times.map((t) => t[step]!);
  if (a!.length === 0 || b!.length === 0) continue; // a phase one build did not report
  const cell = (t: number[]) => `${median(t).toFixed(0)} (${Math.min(...t).toFixed(0)}) ms`.padStart(16);
  const delta = median(b!) - median(a!);
  process.stdout.write(
    `${step.padEnd(width)}  ${cell(a!)}  ${cell(b!)}  ${delta >= 0 ? '+' : ''}${delta.toFixed(0)} ms\n`,
  );
}
process.stdout.write(`A: ${builds[0]}\nB: ${builds[1]}\n`);
