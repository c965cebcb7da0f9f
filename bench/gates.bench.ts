/**
 * Soundness of the merge gates on simulated pull requests, next to what theory allows; and the
 * speed of gating 10,000 metrics.
 *
 * What is simulated (bench/gates-sim.ts, seeded: every run gives the same numbers):
 * - A metric's run is N(0.9, sigma), sigma = 0.005, higher is better (accuracy). A harmless pull
 *   request changes nothing; a regressing one lowers the true mean of one metric by exactly 2 sigma
 *   or exactly 3 sigma (separate rows). n runs (seeds) per side.
 * - Families: one gate over 1 metric, or over 50 metrics (49 harmless + the regressed one in
 *   regressing pull requests). A false block: any metric of a harmless pull request blocks
 *   (family-wise). A miss: the regressed metric does not block. The gates run through
 *   evaluateGates, with the family-wise correction it applies by default (Holm).
 * - The base branch's history (the `history` rule: the same gate, given the history): 20 or 50 past
 *   records with as many runs as the comparison (n = 1: single runs; n >= 3: 20 records of n
 *   repeats, pooled with the current runs). Every metric's level drifts by 0.05 sigma per record and
 *   jumps once by 5 sigma inside the history window (random record, random signs), as a model
 *   that changed between commits would; one variant has no jump.
 * - Rules: Welch (`no significant regression`); the bootstrap (`by bootstrap`, which runs Welch
 *   below MIN_BOOTSTRAP_RUNS = 15 runs per side, and is also simulated with 15 and 20); the history;
 *   a fixed threshold `drop <= 0.005` (1 sigma) on the means of the runs; McNemar and the paired
 *   bootstrap on 1,000 and 5,000 examples, whose 2 and 3 "sigma" are 2 and 3 standard errors of
 *   the paired mean difference of a harmless pull request.
 * - alpha 0.01 and 0.05 (one evaluation serves both, see gates-sim.ts verdicts).
 *
 * Theory (bench/gates-theory.ts): the one-sided z-test that knows sigma, at alpha / family
 * (Bonferroni's level, which Holm's power for one true effect equals up to a negligible term);
 * each rule's own test: Welch's exact power, the noncentral t with the history's degrees of
 * freedom, McNemar's exact power, the threshold's exact rates. Targets: bench/gates-rows.ts.
 *
 * The simulation runs in worker processes (gates-worker.ts), one per core; the speed rows run
 * afterwards, alone. With MLCI_BENCH_MARKDOWN=1 the Markdown table is also printed on stderr; it
 * is always written to bench/.data/gates.md. MLCI_GATES_SCALE=0.1 simulates a tenth of the pull
 * requests (a quick look; the targets then allow for the larger simulation error).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEFAULT_HISTORY_WINDOW } from '../packages/core/src/stats/noise.js';
import { MIN_BOOTSTRAP_RUNS } from '../packages/core/src/stats/regression.js';
import { DATA_DIR, emit, peakRssMiB, timed, type BenchResult } from './lib.js';
import {
  ALPHAS,
  EFFECTS,
  isPaired,
  manyMetrics,
  seedOf,
  type Job,
  type JobResult,
  type RuleName,
  type RuleTally,
  type Scenario,
} from './gates-sim.js';
import {
  effectLabel,
  fallbackMisses,
  falseBlockTarget,
  markdownTable,
  measured,
  missTarget,
  pct,
  RULE_NAMES,
  sizeOf,
  theoryOf,
  type Row,
  type Target,
} from './gates-rows.js';

const started = performance.now();

// ---------------------------------------------------------------------------------------------
// Scenarios, the slowest first so that the workers finish together. Fewer pull requests where a
// test is slow, to keep the bench near 3 minutes on 2 cores: the bootstrap with 15 and 20 runs
// takes 8 to 10 ms per test, the paired bootstrap 0.11 s (1,000 examples) and 0.56 s (5,000: its
// rows only show that nothing is grossly wrong), a family of 50 with a history 5 to 20 ms per
// pull request (50 noise estimates).

/** MLCI_GATES_SCALE=0.1 simulates a tenth of the pull requests, for a quick look while developing. */
const SCALE = Number(process.env.MLCI_GATES_SCALE ?? '1');

interface PullRequests {
  harmless: number;
  perEffect: number;
  /** Jobs they are split into (about 2 to 6 s each). */
  chunks: number;
}

function scenario(
  rules: RuleName[],
  n: number,
  family: number,
  prs: PullRequests,
  history?: Scenario['history'],
): Scenario {
  const past = history === undefined ? '' : `:h${history.records}${history.jump ? '' : '-nojump'}`;
  return {
    id: `${rules.join('+')}:n${n}:f${family}${past}`,
    rules,
    n,
    family,
    ...(history !== undefined ? { history } : {}),
    harmless: Math.max(4, Math.round(prs.harmless * SCALE)),
    perEffect: Math.max(2, Math.round(prs.perEffect * SCALE)),
    chunks: prs.chunks,
  };
}

const history = (records: number, jump = true) => ({ records, jump });
const SINGLE_RUNS = { harmless: 20_000, perEffect: 10_000, chunks: 2 };

const SCENARIOS: Scenario[] = [
  scenario(['paired-bootstrap'], 5000, 1, { harmless: 12, perEffect: 6, chunks: 4 }),
  scenario(['paired-bootstrap'], 1000, 1, { harmless: 100, perEffect: 50, chunks: 6 }),
  ...[20, 15].map((n) =>
    scenario(['bootstrap', 'welch'], n, 1, { harmless: 1000, perEffect: 350, chunks: 5 }),
  ),
  ...[10, 8, 5, 3].map((n) =>
    scenario(['history'], n, 50, { harmless: 1000, perEffect: 500, chunks: n >= 8 ? 6 : 3 }, history(20)),
  ),
  scenario(['history', 'threshold'], 1, 50, { harmless: 2000, perEffect: 1000, chunks: 3 }, history(20)),
  scenario(['history'], 1, 50, { harmless: 2000, perEffect: 1000, chunks: 3 }, history(50)),
  ...[10, 8, 5, 3].map((n) =>
    scenario(n === 5 ? ['welch', 'bootstrap', 'threshold'] : ['welch', 'threshold'], n, 50, {
      harmless: 3000,
      perEffect: 1000,
      chunks: 3,
    }),
  ),
  ...[10, 8, 5, 3].map((n) =>
    scenario(
      ['welch', 'bootstrap', 'history', 'threshold'],
      n,
      1,
      { harmless: 8000, perEffect: 4000, chunks: 3 },
      history(20),
    ),
  ),
  scenario(['mcnemar'], 5000, 1, { harmless: 6000, perEffect: 3000, chunks: 4 }),
  scenario(['mcnemar'], 1000, 1, { harmless: 10_000, perEffect: 5000, chunks: 2 }),
  scenario(['history', 'threshold'], 1, 1, SINGLE_RUNS, history(20)),
  scenario(['history'], 1, 1, SINGLE_RUNS, history(50)),
  scenario(['history'], 1, 1, SINGLE_RUNS, history(20, false)),
];

// ---------------------------------------------------------------------------------------------
// Running the jobs on worker processes

const WORKER = join(fileURLToPath(new URL('.', import.meta.url)), 'gates-worker.ts');

interface WorkerResult extends JobResult {
  peakRssMiB: number;
}

/** Runs every job on `workers` processes, each taking the next job as soon as it is done with one. */
function runJobs(jobs: readonly Job[], workers: number): Promise<WorkerResult[]> {
  const queue = [...jobs];
  const results: WorkerResult[] = [];
  const worker = () =>
    new Promise<void>((resolve, reject) => {
      // A larger young generation: the gates allocate many short-lived objects.
      const child = spawn(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', WORKER], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      const next = () => {
        const job = queue.shift();
        if (job === undefined) child.stdin.end();
        else child.stdin.write(`${JSON.stringify(job)}\n`);
      };
      createInterface({ input: child.stdout }).on('line', (line) => {
        results.push(JSON.parse(line) as WorkerResult);
        next();
      });
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`bench/gates-worker.ts exited with code ${code}`)),
      );
      next();
    });
  return Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, worker)).then(() => {
    if (results.length !== jobs.length) throw new Error(`${results.length} of ${jobs.length} jobs came back`);
    return results;
  });
}

function merge(into: RuleTally, from: RuleTally): void {
  const add = (a: Record<string, number>, b: Record<string, number>) => {
    for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;
  };
  into.harmless.prs += from.harmless.prs;
  add(into.harmless.blocked, from.harmless.blocked);
  for (const group of ['effects', 'fallbacks'] as const) {
    for (const [effect, tally] of Object.entries(from[group])) {
      into[group][effect]!.prs += tally.prs;
      add(into[group][effect]!.blocked, tally.blocked);
    }
  }
  add(into.dfs, from.dfs);
  into.ranWelch += from.ranWelch;
  into.tests += from.tests;
}

/** One row per scenario, rule, alpha (none for the threshold) and effect. */
function rowsOf(results: readonly WorkerResult[]): Row[] {
  const rows: Row[] = [];
  for (const scenario of SCENARIOS) {
    const mine = results.filter((r) => r.id === scenario.id);
    const seconds = mine.reduce((sum, r) => sum + r.seconds, 0);
    for (const rule of scenario.rules) {
      const tally = structuredClone(mine[0]!.rules[rule]!);
      for (const r of mine.slice(1)) merge(tally, r.rules[rule]!);
      for (const alpha of rule === 'threshold' ? [undefined] : ALPHAS) {
        const at = alpha ?? ALPHAS[0]; // the threshold blocks alike at every alpha
        for (const effect of EFFECTS) {
          const regressing = tally.effects[effect]!;
          rows.push({
            rule,
            scenario,
            ...(alpha !== undefined ? { alpha } : {}),
            effect,
            falseBlocks: { count: tally.harmless.blocked[at]!, prs: tally.harmless.prs },
            misses: { count: regressing.prs - regressing.blocked[at]!, prs: regressing.prs },
            theory: theoryOf(rule, scenario, alpha, effect, tally),
            tally,
            seconds,
          });
        }
      }
    }
  }
  return rows.sort(byTableOrder);
}

const RULE_ORDER: RuleName[] = ['welch', 'bootstrap', 'history', 'threshold', 'mcnemar', 'paired-bootstrap'];

function byTableOrder(a: Row, b: Row): number {
  const history = (r: Row) => (r.rule === 'history' ? r.scenario.history : undefined);
  const key = (r: Row) => [
    RULE_ORDER.indexOf(r.rule),
    r.scenario.n,
    history(r)?.records ?? 0,
    history(r)?.jump === false ? 1 : 0,
    r.scenario.family,
    r.alpha ?? 0,
    r.effect,
  ];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// BENCH lines

function shortName(row: Row): string {
  const s = row.scenario;
  let size = isPaired(row.rule) ? `${s.n} examples` : `${s.n}v${s.n}`;
  if (row.rule === 'history' && s.history !== undefined)
    size += `+h${s.history.records}${s.history.jump ? '' : ' no jump'}`;
  const family = s.family > 1 ? ` ×${s.family}` : '';
  const alpha = row.alpha === undefined ? '' : ` α=${row.alpha}`;
  return `gates:${row.rule} ${size}${family}${alpha}`;
}

/** The scenario in words: "history, 5 + history of 20 records × 5 per side, 1 metric, alpha 0.01, ...". */
function describe(row: Row): string {
  const { scenario: s, tally } = row;
  const parts = [RULE_NAMES[row.rule], `${sizeOf(row)}${isPaired(row.rule) ? '' : ' per side'}`];
  parts.push(s.family === 1 ? '1 metric' : `${s.family} metrics, Holm`);
  if (row.alpha !== undefined) parts.push(`alpha ${row.alpha}`);
  if (row.rule === 'history')
    parts.push(`the history drifts${s.history?.jump === true ? ' and jumps by 5σ once' : ''}`);
  if (row.rule === 'bootstrap' && s.n < MIN_BOOTSTRAP_RUNS)
    parts.push(`ran Welch in ${tally.ranWelch} of ${tally.tests} tests`);
  if (row.rule === 'history')
    parts.push(
      `${tally.ranWelch} of ${tally.tests} tests fell back to Welch (runs spread more than the history)`,
    );
  return parts.join(', ');
}

function emitTarget(name: string, detail: string, row: Row, target: Target | undefined): void {
  const result: BenchResult = { name, detail, seconds: row.seconds, peakRssMiB: peakRss };
  if (target !== undefined) {
    result.target = { metric: '%', atMost: Number(target.atMost.toFixed(2)) };
    result.value = target.value;
  }
  emit(result);
}

function missesInWords(row: Row): string {
  const t = row.theory;
  const fallback = fallbackMisses(row);
  const fellBack =
    fallback === undefined
      ? ''
      : ` (${fallback.fellBack} fell back to Welch, which missed ${fallback.missed.count} of them)`;
  const z = t.zMiss === undefined ? '' : `z-test ${pct(t.zMiss)}, `;
  return `${effectLabel(row)}: misses ${measured(row.misses)} of ${row.misses.prs} PRs${fellBack}; theory: ${z}own ${pct(t.ownMiss)} (${t.own})`;
}

/**
 * Per rule, scenario and alpha: one line for the false blocks (the misses in its words when they
 * have no target), and one per effect for the misses that have a target.
 */
function emitRows(rows: readonly Row[]): void {
  for (const row of rows) {
    const target = missTarget(row);
    if (row.effect === EFFECTS[0]) {
      const same = rows.filter(
        (r) => r.rule === row.rule && r.scenario === row.scenario && r.alpha === row.alpha,
      );
      const misses = target === undefined ? `; ${same.map(missesInWords).join('; ')}` : '';
      emitTarget(
        `${shortName(row)} false blocks`,
        `${describe(row)}: false blocks ${measured(row.falseBlocks)} of ${row.falseBlocks.prs} harmless PRs, theory ${pct(row.theory.falseBlocks)}${misses}`,
        row,
        falseBlockTarget(row),
      );
    }
    if (target !== undefined)
      emitTarget(
        `${shortName(row)} ${effectLabel(row)} misses`,
        `${describe(row)}; ${missesInWords(row)}; target ${target.why}`,
        row,
        target,
      );
  }
}

// ---------------------------------------------------------------------------------------------

const jobs = SCENARIOS.flatMap((scenario) =>
  Array.from({ length: scenario.chunks }, (_, chunk): Job => ({ scenario, chunk })),
);
const results = await runJobs(jobs, Math.max(1, Math.min(availableParallelism(), 8)));
const peakRss = Math.max(peakRssMiB(), ...results.map((r) => r.peakRssMiB));
const rows = rowsOf(results);
emitRows(rows);

const headlineOf = (rule: RuleName) =>
  rows.find(
    (r) =>
      r.rule === rule && r.scenario.n === 5 && r.scenario.family === 1 && r.alpha === 0.01 && r.effect === 2,
  )!;
const headline = headlineOf('history');
const welchAlone = headlineOf('welch');
emit({
  name: 'gates:headline history 5v5+h20 α=0.01 2σ misses',
  detail: `history of 20 records × 5 runs pooled with 5 vs 5 runs, alpha 0.01, 2σ: misses ${measured(headline.misses)}; z-test ${pct(headline.theory.zMiss!)}, own theory ${pct(headline.theory.ownMiss)} (${headline.theory.own}); Welch alone misses ${measured(welchAlone.misses)}`,
  seconds: headline.seconds,
  peakRssMiB: peakRss,
  target: { metric: '%', atMost: 25 },
  value: (100 * headline.misses.count) / headline.misses.prs,
});

// ---------------------------------------------------------------------------------------------
// Speed: one gate over 10,000 metrics, 5 runs per side, Holm; nothing else runs now.

const METRICS = 10_000;
const many = manyMetrics(METRICS, 5, seedOf('10,000 metrics'));
const blocked = many.evaluate().filter((r) => r.status === 'fail').length;
const evaluateMs = await timed(async () => many.evaluate(), 5);
emit({
  name: 'gates:10,000 metrics evaluateGates',
  detail: `one "no significant regression at 0.01" gate over ${METRICS.toLocaleString('en-US')} harmless metrics, 5 vs 5 runs, Holm (${blocked} blocked); median of 5 after a warm-up`,
  seconds: evaluateMs / 1000,
  peakRssMiB: peakRssMiB(),
  target: { metric: 'ms', atMost: 100 },
  value: evaluateMs,
});
const compareMs = await timed(async () => many.compare(), 3);
emit({
  name: 'gates:10,000 metrics runComparison',
  detail: `the same input through runComparison (gates and the report's comparison of every metric); median of 3 after a warm-up`,
  seconds: compareMs / 1000,
  peakRssMiB: peakRssMiB(),
});

// ---------------------------------------------------------------------------------------------
// The Markdown table

const wall = (performance.now() - started) / 1000;
const markdown = `${markdownTable(rows)}

False blocks: the share of harmless pull requests in which any metric blocked (family-wise), ± 3
binomial standard errors, with the number of simulated pull requests in brackets. Theory: alpha
(Holm keeps the family-wise rate at alpha), or the threshold's exact rate; in brackets, the exact
rate of the rule's own test where it is lower: Welch's test is conservative with few runs at a
small alpha (its df is random), McNemar's counts are discrete. Misses: the share of regressing
pull requests whose regressed metric did not block; for the history, the part missed after the
test fell back to Welch's (the runs spread more than the history, F-test at 0.01). z-test: one-sided, knowing sigma,
at alpha / family (Bonferroni; Holm's power for one regressed metric is the same up to a
negligible term). Own test: Welch's exact power, integrated over the variance share that sets its
df (the bootstrap at 15 and 20 runs, having no theory of its own, is compared with it); the
noncentral t with the df the history's estimates reported, averaged over them (single runs:
Satterthwaite's df of successive differences); McNemar's exact power; the paired bootstrap against
the one-sample t. Ratios are left out (–) where theory is below 1%. Targets: false blocks ≤ alpha +
3 SE; misses ≤ 1.1 × own theory + 3 SE (Welch, the bootstraps) or ≤ 1.25 × z-test + 3 SE (history;
† where that is out of reach in theory: ≤ 1.1 × own theory + 3 SE); each SE at the bound's rate.
History: drift 0.05σ per record, one 5σ jump at a random record inside the window (except "no
jump"); of 50 single runs the default window uses the last ${DEFAULT_HISTORY_WINDOW}. Not simulated: the
bootstrap at 15 and 20 runs over 50 metrics (0.4 s per pull request) and paired gates over 50
metrics; below 15 runs the bootstrap gate runs Welch's test (same pull requests as Welch's rows).
Gating 10,000 metrics (5 runs per side, Holm): evaluateGates ${evaluateMs.toFixed(0)} ms,
runComparison ${compareMs.toFixed(0)} ms. Wall time ${wall.toFixed(0)} s on ${availableParallelism()} cores.
`;
writeFileSync(join(DATA_DIR, 'gates.md'), markdown);
if (process.env.MLCI_BENCH_MARKDOWN === '1') process.stderr.write(`\n${markdown}\n`);
