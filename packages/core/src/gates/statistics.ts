import type { ExampleResults, MetricsDoc } from '../model.js';
import { alignById, pairPredictions, type PredictionSet } from '../readers/predictions.js';
import { joinKey, splitKey } from '../keys.js';
import { testPairedRegression, testRegression } from '../stats/index.js';
import type { RegressionResult } from '../stats/regression.js';
import type { Direction } from './direction.js';
import type { GateStatistics, StatisticalVerdict } from './evaluate.js';
import type { Rule } from './types.js';

export interface StatisticsOptions {
  /** Per-example predictions of both sides, for paired gates. */
  predictions?: { base: PredictionSet; head: PredictionSet };
  /** Bootstrap seed: the same inputs always give the same report. */
  seed?: number;
  /** Without `predictions`: why they are missing, said by every paired gate that cannot test. */
  predictionsUnavailable?: string;
}

/** The seed each statistics object was made with, for the example pairing added to it later. */
const seeds = new WeakMap<GateStatistics, number>();

/** The statistical tests behind "no significant regression" gates (packages/core/src/stats). */
export function gateStatistics(options: StatisticsOptions = {}): GateStatistics {
  const statistics: GateStatistics = {
    repeats(rule, base, head, direction, history) {
      const baseMean = base.reduce((a, b) => a + b, 0) / Math.max(1, base.length);
      const minEffect =
        rule.minEffect === undefined
          ? undefined
          : rule.minEffectRelative === true
            ? (rule.minEffect / 100) * Math.abs(baseMean)
            : rule.minEffect;
      const result = testRegression({
        base,
        head,
        direction,
        alpha: rule.alpha,
        method: rule.method,
        ...(minEffect !== undefined && Number.isFinite(minEffect) ? { minEffect } : {}),
        ...(history !== undefined ? { history } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        // The gate words the result after the family-wise correction (evaluate.ts).
        explain: false,
      });
      return { result, ...(minEffect !== undefined ? { minEffect } : {}) };
    },
  };
  if (options.seed !== undefined) seeds.set(statistics, options.seed);
  const predictions = options.predictions;
  if (predictions === undefined && options.predictionsUnavailable !== undefined)
    statistics.pairedUnavailable = options.predictionsUnavailable;
  if (predictions !== undefined) {
    statistics.paired = (rule, metric, direction) => {
      const column = splitKey(metric).at(-1);
      const paired = pairPredictions(
        predictions.base,
        predictions.head,
        rule.method === 'bootstrap' ? column : undefined,
      );
      // Correctness is higher-is-better whatever the gate's metric; a per-example score follows the metric.
      const isCorrectness = paired.measure.startsWith('correct');
      const result = testPairedRegression({
        base: paired.base,
        head: paired.head,
        direction: isCorrectness ? 'higher' : direction,
        alpha: rule.alpha,
        method: rule.method === 'mcnemar' ? 'mcnemar' : 'paired-bootstrap',
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
      });
      const unpaired =
        paired.unpaired > 0 ? ` (${paired.unpaired} examples present on one side only were left out)` : '';
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      return {
        result,
        detail: `compared ${paired.measure} over ${paired.base.length} examples${unpaired}`,
        paired: {
          examples: paired.base.length,
          measure: paired.measure,
          ...(isCorrectness ? { correct: { base: sum(paired.base), head: sum(paired.head) } } : {}),
        },
      };
    };
  }
  return statistics;
}

/** Both sides' runs, whose per-example results (`MetricsDoc.examples`) paired gates may compare. */
export interface ExampleSides {
  base: readonly MetricsDoc[];
  head: readonly MetricsDoc[];
}

/**
 * Paired gates from the runs' own per-example results, for evaluation logs that carry them
 * (lm-eval's samples files, promptfoo's rows, Inspect AI's samples): no predictions file needed.
 * The gate's metric names them: `negotiationtom_belief.acc` is measure `acc` of task
 * `negotiationtom_belief` (the key before the last segment). Explicit predictions win: when
 * `statistics` already pairs (both predictions files given), it is returned as it is; so is it
 * when no run of either side has per-example results.
 *
 * Several runs per side (seeds) are pooled per example: each example's value is its mean over the
 * side's runs, and the test pairs those means (the example stays the unit: treating run × example
 * as independent pairs would overstate the evidence). An example missing from one run of a side is
 * left out; a side where only some runs have the task's examples cannot be tested.
 */
export function withExamplePairing(statistics: GateStatistics, sides: ExampleSides): GateStatistics {
  if (statistics.paired !== undefined) return statistics;
  const anyExamples = (runs: readonly MetricsDoc[]) => runs.some((run) => (run.examples?.length ?? 0) > 0);
  if (!anyExamples(sides.base) && !anyExamples(sides.head)) return statistics;
  const seed = seeds.get(statistics);
  const withExamples: GateStatistics = {
    ...statistics,
    paired: (rule, metric, direction) =>
      pairedFromExamples(rule, metric, direction, sides, seed, statistics.pairedUnavailable),
  };
  if (seed !== undefined) seeds.set(withExamples, seed);
  return withExamples;
}

/** One side's values of a measure, per example id, pooled over its runs. */
interface ExampleSide {
  ids: string[];
  values: number[];
  /** The files the examples came from (one per run). */
  files: string[];
  runs: number;
  /** Examples left out because some run of this side lacks them. */
  incomplete: number;
}

type SideLookup = { kind: 'ok'; side: ExampleSide } | { kind: 'missing'; why: string };

const SIDE_NAMES = { base: 'baseline', head: 'pull request' } as const;

function pairedFromExamples(
  rule: Extract<Rule, { kind: 'paired' }>,
  metric: string,
  direction: Direction,
  sides: ExampleSides,
  seed: number | undefined,
  predictionsUnavailable: string | undefined,
): StatisticalVerdict {
  const segments = splitKey(metric);
  const measure = segments.at(-1)!;
  const task = joinKey(segments.slice(0, -1));
  const base = exampleSide(sides.base, task, measure, 'base');
  const head = exampleSide(sides.head, task, measure, 'head');
  const method = rule.method === 'bootstrap' ? 'paired-bootstrap' : 'mcnemar';
  if (base.kind === 'missing' || head.kind === 'missing') {
    const why = [base, head].flatMap((s) => (s.kind === 'missing' ? [s.why] : []));
    const unique = [...new Set(why)];
    const also =
      predictionsUnavailable === undefined ? '' : `; and no predictions files: ${predictionsUnavailable}`;
    return notPaired(rule, direction, method, `${unique.join('; ')}${also}`);
  }
  const aligned = alignById(base.side.ids, base.side.values, head.side.ids, head.side.values, true);
  const left: string[] = [];
  if (aligned.unpaired > 0) left.push(`${aligned.unpaired} present on one side only`);
  if (aligned.missing > 0) left.push(`${aligned.missing} without a ${measure} value on one side`);
  const incomplete = base.side.incomplete + head.side.incomplete;
  if (incomplete > 0) left.push(`${incomplete} missing from some of a side's runs`);
  const leftOut = left.length > 0 ? `; left out: ${left.join(', ')}` : '';
  const where = describeSource(task, base.side, head.side);
  if (aligned.base.length === 0) {
    return notPaired(
      rule,
      direction,
      method,
      `the per-example results of ${where} share no example with a ${measure} value on both sides${leftOut}`,
    );
  }
  const binary = isBinary(aligned.base) && isBinary(aligned.head);
  const test = rule.method === 'bootstrap' || !binary ? 'paired-bootstrap' : 'mcnemar';
  const result = testPairedRegression({
    base: aligned.base,
    head: aligned.head,
    direction,
    alpha: rule.alpha,
    method: test,
    ...(seed !== undefined ? { seed } : {}),
  });
  const why =
    test === 'paired-bootstrap' && rule.method !== 'bootstrap'
      ? `; its per-example values are not all 0 or 1${base.side.runs > 1 || head.side.runs > 1 ? ' (means over runs)' : ''}, so the paired bootstrap rather than McNemar's test`
      : '';
  const pooled = base.side.runs > 1 || head.side.runs > 1;
  const measureText = `${measure} per example${pooled ? `, mean of ${base.side.runs} vs ${head.side.runs} runs` : ''}`;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const counts = test === 'mcnemar' && direction === 'higher' && !pooled;
  return {
    result,
    detail: `compared ${measureText} of ${where} over ${aligned.base.length} examples${leftOut}${why}`,
    paired: {
      examples: aligned.base.length,
      measure: measureText,
      ...(counts ? { correct: { base: sum(aligned.base), head: sum(aligned.head) } } : {}),
    },
  };
}

function isBinary(values: readonly number[]): boolean {
  for (const v of values) if (v !== 0 && v !== 1) return false;
  return true;
}

/** `negotiationtom_belief (samples_….jsonl vs samples_….jsonl)`: what was paired, for the reason. */
function describeSource(task: string, base: ExampleSide, head: ExampleSide): string {
  const name = (file: string) => file.split(/[\\/]/).pop() ?? file;
  const files = (side: ExampleSide) => {
    const names = [...new Set(side.files.map(name))];
    return names.length === 1 ? names[0]! : `${names[0]} and ${names.length - 1} more`;
  };
  const b = files(base);
  const h = files(head);
  const label = task === '' ? 'the evaluation' : task;
  return b === h ? `${label} (${b} on both sides)` : `${label} (${b} vs ${h})`;
}

/** A side's examples of a task and measure, pooled over its runs; or why there are none. */
function exampleSide(
  runs: readonly MetricsDoc[],
  task: string,
  measure: string,
  which: 'base' | 'head',
): SideLookup {
  const who = SIDE_NAMES[which];
  const found: ExampleResults[] = [];
  for (const run of runs) {
    const set = run.examples?.find((e) => e.task === task);
    if (set !== undefined) found.push(set);
  }
  const label = task === '' ? 'the evaluation' : `task ${task}`;
  if (found.length === 0) {
    const tasks = [...new Set(runs.flatMap((run) => (run.examples ?? []).map((e) => e.task)))];
    const known =
      tasks.length === 0
        ? `the ${who}'s runs carry no per-example results at all (lm-eval writes them with --log_samples; promptfoo and Inspect AI logs hold them)`
        : `the ${who}'s runs have per-example results of ${listTasks(tasks)}, not of ${label}`;
    return { kind: 'missing', why: known };
  }
  if (found.length < runs.length) {
    return {
      kind: 'missing',
      why: `only ${found.length} of the ${who}'s ${runs.length} runs have per-example results of ${label}; examples are pooled over every run of a side, so each run needs them`,
    };
  }
  const lacking = found.filter((set) => !Object.hasOwn(set.scores, measure));
  if (lacking.length > 0) {
    const measures = Object.keys(lacking[0]!.scores);
    return {
      kind: 'missing',
      why: `the ${who}'s per-example results of ${label} have no ${measure} (${lacking[0]!.file} has ${measures.length === 0 ? 'no measure' : measures.join(', ')})`,
    };
  }
  const files = found.map((set) => set.file);
  if (found.length === 1) {
    const set = found[0]!;
    return {
      kind: 'ok',
      side: { ids: set.ids, values: set.scores[measure]!, files, runs: 1, incomplete: 0 },
    };
  }
  // Pooled per example: the mean over the runs, for the examples every run has a value for.
  const sums = new Map<string, { sum: number; n: number }>();
  for (const set of found) {
    const values = set.scores[measure]!;
    set.ids.forEach((id, i) => {
      const v = values[i]!;
      if (Number.isNaN(v)) return;
      const entry = sums.get(id);
      if (entry === undefined) sums.set(id, { sum: v, n: 1 });
      else {
        entry.sum += v;
        entry.n++;
      }
    });
  }
  const ids: string[] = [];
  const values: number[] = [];
  let incomplete = 0;
  for (const [id, { sum, n }] of sums) {
    if (n < found.length) {
      incomplete++;
      continue;
    }
    ids.push(id);
    values.push(sum / n);
  }
  return { kind: 'ok', side: { ids, values, files, runs: found.length, incomplete } };
}

function listTasks(tasks: readonly string[]): string {
  const shown = tasks.slice(0, 5).map((t) => (t === '' ? '(the whole evaluation)' : t));
  return tasks.length > 5 ? `${shown.join(', ')} and ${tasks.length - 5} more` : shown.join(', ');
}

/** A paired gate that cannot test from the examples: untestable, as the gate's policy says. */
function notPaired(
  rule: Extract<Rule, { kind: 'paired' }>,
  direction: Direction,
  method: 'mcnemar' | 'paired-bootstrap',
  why: string,
): StatisticalVerdict {
  const result: RegressionResult = {
    verdict: 'insufficient',
    reason: 'too-few-values',
    method,
    direction,
    alpha: rule.alpha,
    n: { base: 0, head: 0 },
    explanation: `no per-example results to pair: ${why}`,
  };
  return { result };
}
