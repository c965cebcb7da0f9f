/**
 * The simulated pull requests of bench/gates.bench.ts, and how the real gates judge them. Pure
 * and seeded: a job (a scenario and a chunk of its pull requests) always gives the same counts,
 * whichever process runs it (gates-worker.ts runs jobs in parallel).
 *
 * Independent runs (seeds): a metric's run is N(MU, SIGMA), higher is better. A harmless pull
 * request changes nothing; a regressing one lowers the true mean of one metric (m.0) by exactly
 * 2 or 3 SIGMA. A family of 50 is one gate over m.0 .. m.49. The base branch's history, when
 * there is one, is `records` past commits with the same number of runs as the comparison, whose
 * level drifts by DRIFT per record (random sign) and, with `jump`, shifts once by JUMP (random
 * sign, at a random record inside the history window).
 *
 * Paired examples: McNemar on right/wrong per example (base accuracy 0.9; in a harmless pull
 * request FLIP of the examples turn wrong and as many turn right), the paired bootstrap on a
 * per-example score (example difficulty shared by both sides, plus N(0, SCORE_NOISE) per side).
 * Their effect is 2 or 3 standard errors of the paired mean difference of a harmless pull request.
 */
import { runComparison, historyNoiseOf, type HistoryRecord } from '../packages/core/src/compare/pipeline.js';
import { emptyConfig } from '../packages/core/src/config/config.js';
import { emptyDoc, type MetricsDoc } from '../packages/core/src/model.js';
import { evaluateGates, type SideValues } from '../packages/core/src/gates/evaluate.js';
import { parseGate } from '../packages/core/src/gates/parse.js';
import { gateStatistics } from '../packages/core/src/gates/statistics.js';
import type { Gate, GateResult } from '../packages/core/src/gates/types.js';
import { DEFAULT_HISTORY_WINDOW } from '../packages/core/src/stats/noise.js';
import { createRandom, type Random } from '../packages/core/src/stats/random.js';
import {
  METHOD_NAMES,
  MIN_BOOTSTRAP_RUNS,
  testPairedRegression,
} from '../packages/core/src/stats/regression.js';

export const MU = 0.9;
export const SIGMA = 0.005;
/** `accuracy drop <= X`, X = 1 sigma: the code compares the means of the runs. */
export const THRESHOLD = SIGMA;
export const DRIFT = 0.05 * SIGMA;
export const JUMP = 5 * SIGMA;
export const BASE_ACCURACY = 0.9;
/** Share of examples that turn from right to wrong (and as many from wrong to right) in a harmless PR. */
export const FLIP = 0.03;
export const SCORE_NOISE = 0.1;
export const ALPHAS = [0.01, 0.05] as const;
export const EFFECTS = [2, 3] as const;
export type Effect = (typeof EFFECTS)[number];
/** Each pull request is judged once, at the largest alpha; see verdicts. */
const JUDGED_AT = Math.max(...ALPHAS);
const OTHER_ALPHAS = ALPHAS.filter((a) => a !== JUDGED_AT);

export type RunsRule = 'welch' | 'bootstrap' | 'history' | 'threshold';
export type PairedRule = 'mcnemar' | 'paired-bootstrap';
export type RuleName = RunsRule | PairedRule;

export interface Scenario {
  id: string;
  rules: RuleName[];
  /** Runs per side, or examples for paired rules. */
  n: number;
  family: number;
  /** Past records of the base branch (the history rule needs them); jump: one level shift in the window. */
  history?: { records: number; jump: boolean };
  harmless: number;
  perEffect: number;
  /** The pull requests are simulated in this many jobs (for the workers). */
  chunks: number;
}

export interface Job {
  scenario: Scenario;
  chunk: number;
}

/** Pull requests judged, and how many were blocked at each alpha (misses = prs - blocked). */
export interface Tally {
  prs: number;
  blocked: Record<string, number>;
}

export interface RuleTally {
  /** Blocked: any metric of the family blocked (a false block). */
  harmless: Tally;
  /** Blocked: the regressed metric blocked. */
  effects: Record<string, Tally>;
  /** History rule: the regressing pull requests whose regressed metric fell back to Welch's test. */
  fallbacks: Record<string, Tally>;
  /** Degrees of freedom of the pooled test on the regressed metric (history rule), and how often. */
  dfs: Record<string, number>;
  /** Tests that the report says were run as Welch's t-test (the bootstrap below 15 runs, the history's fallback). */
  ranWelch: number;
  tests: number;
}

export interface JobResult {
  id: string;
  chunk: number;
  seconds: number;
  rules: Partial<Record<RuleName, RuleTally>>;
}

/** FNV-1a of a string: one stream of random numbers per job, whichever process runs it. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The pull requests of one chunk: its share of the harmless ones and of each effect. */
function chunkCounts(s: Scenario, chunk: number): { effect: 0 | Effect; count: number }[] {
  const share = (total: number) =>
    Math.floor((total * (chunk + 1)) / s.chunks) - Math.floor((total * chunk) / s.chunks);
  return [
    { effect: 0, count: share(s.harmless) },
    ...EFFECTS.map((effect) => ({ effect, count: share(s.perEffect) })),
  ];
}

function emptyTally(): RuleTally {
  const tally = (): Tally => ({ prs: 0, blocked: Object.fromEntries(ALPHAS.map((a) => [a, 0])) });
  return {
    harmless: tally(),
    effects: Object.fromEntries(EFFECTS.map((e) => [e, tally()])),
    fallbacks: Object.fromEntries(EFFECTS.map((e) => [e, tally()])),
    dfs: {},
    ranWelch: 0,
    tests: 0,
  };
}

export function runJob({ scenario, chunk }: Job): JobResult {
  const started = performance.now();
  const rng = createRandom(seedOf(`${scenario.id}#${chunk}`));
  const tallies: Partial<Record<RuleName, RuleTally>> = {};
  for (const rule of scenario.rules) tallies[rule] = emptyTally();
  const slow = scenario.n >= MIN_BOOTSTRAP_RUNS; // a bootstrap (or many examples) per test
  for (const { effect, count } of chunkCounts(scenario, chunk)) {
    for (let i = 0; i < count; i++) {
      // The first pull request of each kind is also judged at each alpha separately (see verdicts).
      const check = i === 0 && (effect === 0 || !slow);
      const first = scenario.rules[0]!;
      const outcomes = isPaired(first)
        ? judgePaired(simulatePaired(rng, first, scenario.n, effect), first, check)
        : judgeRuns(simulateRuns(rng, scenario, effect), scenario, check);
      for (const [rule, outcome] of outcomes) record(tallies[rule]!, effect, outcome);
    }
  }
  return { id: scenario.id, chunk, seconds: (performance.now() - started) / 1000, rules: tallies };
}

/** What one rule did with one pull request: at each alpha, whether it blocked (any metric / the regressed one). */
interface Outcome {
  blocked: Record<string, boolean>;
  df?: number;
  /** The regressed metric's history test fell back to Welch (its runs spread more than the history). */
  fellBack?: boolean;
  ranWelch: number;
  tests: number;
}

function record(tally: RuleTally, effect: 0 | Effect, outcome: Outcome): void {
  const counted = [effect === 0 ? tally.harmless : tally.effects[effect]!];
  if (effect !== 0 && outcome.fellBack === true) counted.push(tally.fallbacks[effect]!);
  for (const t of counted) {
    t.prs++;
    for (const alpha of ALPHAS) if (outcome.blocked[alpha]) t.blocked[alpha]!++;
  }
  if (outcome.df !== undefined) {
    const key = String(Number(outcome.df.toFixed(6)));
    tally.dfs[key] = (tally.dfs[key] ?? 0) + 1;
  }
  tally.ranWelch += outcome.ranWelch;
  tally.tests += outcome.tests;
}

// ---------------------------------------------------------------------------------------------
// Independent runs

interface RunsPr {
  effect: 0 | Effect;
  base: SideValues;
  head: SideValues;
  history?: HistoryRecord[];
}

const keyOf = (metric: number) => `m.${metric}`;

function runs(rng: Random, n: number, mean: number): number[] {
  return Array.from({ length: n }, () => mean + SIGMA * rng.normal());
}

export function simulateRuns(rng: Random, s: Scenario, effect: 0 | Effect): RunsPr {
  const base: SideValues = new Map();
  const head: SideValues = new Map();
  for (let m = 0; m < s.family; m++) {
    base.set(keyOf(m), runs(rng, s.n, MU));
    head.set(keyOf(m), runs(rng, s.n, m === 0 ? MU - effect * SIGMA : MU));
  }
  const pr: RunsPr = { effect, base, head };
  if (s.history !== undefined) pr.history = simulateHistory(rng, s, s.history);
  return pr;
}

/** The base branch's past records, oldest first: every metric drifts, and with `jump` shifts once. */
function simulateHistory(rng: Random, s: Scenario, h: { records: number; jump: boolean }): HistoryRecord[] {
  const records: HistoryRecord[] = Array.from({ length: h.records }, (_, r) => ({
    label: `r${r}`,
    runs: Array.from({ length: s.n }, (): MetricsDoc => emptyDoc()),
  }));
  const window = Math.min(h.records, DEFAULT_HISTORY_WINDOW);
  for (let m = 0; m < s.family; m++) {
    const drift = (rng.next() < 0.5 ? -1 : 1) * DRIFT;
    const jump = h.jump ? (rng.next() < 0.5 ? -1 : 1) * JUMP : 0;
    // The jump falls between two records of the window: at one of its last window - 1 records.
    const jumpAt = h.records - window + 1 + rng.int(window - 1);
    records.forEach((record, r) => {
      const level = MU + drift * (r - h.records) + (r >= jumpAt ? jump : 0);
      for (const run of record.runs) run.metrics[keyOf(m)] = level + SIGMA * rng.normal();
    });
  }
  return records;
}

const gateCache = new Map<string, Gate>();

/** The gate each rule is, over every metric of the family (m.*), at alpha. */
export function gateOf(rule: RunsRule, alpha: number): Gate {
  const text = {
    welch: `m.* no significant regression at ${alpha}`,
    bootstrap: `m.* no significant regression at ${alpha} by bootstrap`,
    history: `m.* no significant regression at ${alpha}`,
    threshold: `m.* drop <= ${THRESHOLD}`,
  }[rule];
  let gate = gateCache.get(text);
  if (gate === undefined) {
    gate = parseGate(text, 'bench');
    gateCache.set(text, gate);
  }
  return gate;
}

const statistics = gateStatistics();

function evaluate(rule: RunsRule, pr: RunsPr, alpha: number): GateResult[] {
  const historyNoise = rule === 'history' ? historyNoiseOf(pr.history, DEFAULT_HISTORY_WINDOW) : undefined;
  return evaluateGates([gateOf(rule, alpha)], {
    base: pr.base,
    head: pr.head,
    directionOf: () => 'higher',
    statistics,
    ...(historyNoise !== undefined ? { historyNoise } : {}),
  });
}

/**
 * Whether each metric's result blocks at each alpha, as evaluate.ts decides it: a statistical
 * result blocks when its Holm-adjusted p is at most alpha; any other result (a threshold, a gate
 * that could not test) by its status. Holm's adjusted p values do not depend on alpha, nor do the
 * tests' p values (the bootstrap uses 10,000 resamples at both levels), so one evaluation serves
 * both levels; `check` evaluates again at each alpha and throws if a status differs.
 */
function verdicts(
  rule: RunsRule,
  pr: RunsPr,
  check: boolean,
): { results: GateResult[]; blocked: Map<string, Record<string, boolean>> } {
  const results = evaluate(rule, pr, JUDGED_AT);
  const blocked = new Map<string, Record<string, boolean>>();
  for (const r of results) {
    const p = r.statistics?.pAdjusted;
    blocked.set(
      r.metric!,
      Object.fromEntries(ALPHAS.map((a) => [a, p === undefined ? r.status === 'fail' : p <= a])),
    );
  }
  if (check) {
    for (const alpha of OTHER_ALPHAS) {
      for (const r of evaluate(rule, pr, alpha)) {
        if ((r.status === 'fail') !== blocked.get(r.metric!)![alpha])
          throw new Error(
            `${rule} at ${alpha}: ${r.metric} is ${r.status}, but its adjusted p says otherwise`,
          );
      }
    }
  }
  return { results, blocked };
}

function judgeRuns(pr: RunsPr, s: Scenario, check: boolean): [RuleName, Outcome][] {
  return (s.rules as RunsRule[]).map((rule) => {
    const { results, blocked } = verdicts(rule, pr, check);
    const regressed = blocked.get(keyOf(0))!;
    const outcome: Outcome = {
      blocked: Object.fromEntries(
        ALPHAS.map((a) => [a, pr.effect === 0 ? [...blocked.values()].some((b) => b[a]) : regressed[a]!]),
      ),
      ranWelch: results.filter((r) => r.statistics?.method === METHOD_NAMES.welch).length,
      tests: results.length,
    };
    const tested = results.find((r) => r.metric === keyOf(0))!.statistics;
    if (rule === 'history' && pr.effect !== 0) {
      if (tested?.history !== undefined) outcome.df = tested.history.df + 2 * (s.n - 1);
      else outcome.fellBack = tested?.method === METHOD_NAMES.welch;
    }
    return [rule, outcome];
  });
}

// ---------------------------------------------------------------------------------------------
// Paired examples

/** One value per example on each side: 1/0 for right/wrong (McNemar), a score (the paired bootstrap). */
interface PairedPr {
  base: number[];
  head: number[];
}

export const isPaired = (rule: RuleName): rule is PairedRule =>
  rule === 'mcnemar' || rule === 'paired-bootstrap';

/** Standard error of the paired mean difference of a harmless pull request: the effect's unit. */
export function pairedSe(rule: PairedRule, examples: number): number {
  return rule === 'mcnemar' ? Math.sqrt((2 * FLIP) / examples) : SCORE_NOISE * Math.sqrt(2 / examples);
}

function simulatePaired(rng: Random, rule: PairedRule, examples: number, effect: 0 | Effect): PairedPr {
  const d = effect * pairedSe(rule, examples);
  const base = new Array<number>(examples);
  const head = new Array<number>(examples);
  // Right/wrong: P(base right, head wrong) = FLIP + d/2, P(base wrong, head right) = FLIP - d/2,
  // so head - base has mean -d and (nearly) the harmless pull request's standard error.
  const worse = FLIP + d / 2;
  const better = FLIP - d / 2;
  for (let i = 0; i < examples; i++) {
    if (rule === 'mcnemar') {
      const u = rng.next();
      [base[i], head[i]] =
        u < worse ? [1, 0] : u < worse + better ? [0, 1] : u < BASE_ACCURACY + better ? [1, 1] : [0, 0];
    } else {
      // A score: the example's difficulty, shared by both sides, plus each side's own noise.
      const difficulty = 0.7 + 0.15 * rng.normal();
      base[i] = difficulty + SCORE_NOISE * rng.normal();
      head[i] = difficulty - d + SCORE_NOISE * rng.normal();
    }
  }
  return { base, head };
}

/** The paired gate's test (as gateStatistics calls it); a family of one, so Holm changes nothing. */
function judgePaired(pr: PairedPr, rule: PairedRule, check: boolean): [RuleName, Outcome][] {
  const test = (alpha: number) => testPairedRegression({ ...pr, direction: 'higher', alpha, method: rule });
  const result = test(JUDGED_AT);
  if (result.verdict === 'insufficient') throw new Error(`${rule}: ${result.explanation}`);
  const blocked = Object.fromEntries(ALPHAS.map((a) => [a, result.p <= a]));
  if (check) {
    for (const alpha of OTHER_ALPHAS)
      if ((test(alpha).verdict === 'regressed') !== blocked[alpha])
        throw new Error(`${rule} at ${alpha}: the verdict disagrees with p = ${result.p}`);
  }
  return [[rule, { blocked, ranWelch: 0, tests: 1 }]];
}

// ---------------------------------------------------------------------------------------------
// Gating 10,000 metrics (speed)

/** One gate over `metrics` metrics with `seeds` runs per side: the input of the speed rows. */
export function manyMetrics(metrics: number, seeds: number, seed: number) {
  const rng = createRandom(seed);
  const side = (): MetricsDoc[] =>
    Array.from({ length: seeds }, () => {
      const doc = emptyDoc();
      for (let m = 0; m < metrics; m++) doc.metrics[keyOf(m)] = MU + SIGMA * rng.normal();
      return doc;
    });
  const baseRuns = side();
  const headRuns = side();
  const values = (docs: MetricsDoc[]): SideValues => {
    const map: SideValues = new Map();
    for (let m = 0; m < metrics; m++)
      map.set(
        keyOf(m),
        docs.map((d) => d.metrics[keyOf(m)]!),
      );
    return map;
  };
  const gate = gateOf('welch', 0.01);
  const base = values(baseRuns);
  const head = values(headRuns);
  return {
    evaluate: () => evaluateGates([gate], { base, head, directionOf: () => 'higher', statistics }),
    compare: () =>
      runComparison({
        head: { runs: headRuns },
        base: { runs: baseRuns },
        config: { ...emptyConfig(), gates: [gate] },
        directions: Object.fromEntries(Array.from({ length: metrics }, (_, m) => [keyOf(m), 'higher'])),
        statistics,
      }),
  };
}
