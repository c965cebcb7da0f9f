import { emptyConfig } from '../../../packages/core/src/config/config.js';
import { runComparison } from '../../../packages/core/src/compare/pipeline.js';
import { gateStatistics, withExamplePairing } from '../../../packages/core/src/gates/statistics.js';
import { parseGate } from '../../../packages/core/src/gates/parse.js';
import type { ExampleResults, MetricsDoc } from '../../../packages/core/src/model.js';
import type { PredictionSet } from '../../../packages/core/src/readers/predictions.js';

/** A run of an evaluation log: its metrics and, per task, one value per example. */
function run(
  metrics: Record<string, number>,
  examples: Array<Partial<ExampleResults> & { task: string; scores: Record<string, number[]> }> = [],
): MetricsDoc {
  const doc: MetricsDoc = { metrics, series: {}, params: {}, sources: [] };
  if (examples.length > 0) {
    doc.examples = examples.map((e) => ({
      file: e.file ?? `samples_${e.task}.jsonl`,
      ids: e.ids ?? Object.values(e.scores)[0]!.map((_, i) => String(i)),
      ...e,
    }));
  }
  return doc;
}

const ones = (n: number) => Array<number>(n).fill(1);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function compare(gate: string, base: MetricsDoc[], head: MetricsDoc[], statistics = gateStatistics()) {
  return runComparison({
    base: { runs: base },
    head: { runs: head },
    config: emptyConfig(),
    extraGates: [parseGate(gate, 'test')],
    statistics,
  }).gates;
}

// 30 examples, all right on the base; the head gets 8 of them wrong and none newly right: McNemar's
// b = 8, c = 0, one-sided p = 0.5^8 = 0.0039.
const BASE_ACC = ones(30);
const HEAD_ACC = BASE_ACC.map((v, i) => (i < 8 ? 0 : v));

describe('paired gates from the runs own per-example results', () => {
  it("pairs by example id, with McNemar's test for 0/1 values, and blocks a regression", () => {
    const [result] = compare(
      'arc.acc paired no significant regression',
      [run({ 'arc.acc': 1 }, [{ task: 'arc', scores: { acc: BASE_ACC } }])],
      [run({ 'arc.acc': mean(HEAD_ACC) }, [{ task: 'arc', scores: { acc: HEAD_ACC } }])],
    );
    expect(result!.status).toBe('fail');
    expect(result!.statistics?.p).toBeCloseTo(0.5 ** 8, 12);
    expect(result!.statistics).toMatchObject({
      method: "McNemar's exact test",
      paired: { examples: 30, measure: 'acc per example', correct: { base: 30, head: 22 } },
    });
    expect(result!.reason).toContain(
      'compared acc per example of arc (samples_arc.jsonl on both sides) over 30 examples',
    );
  });

  it('leaves out and counts examples on one side only, and examples without a value', () => {
    const [result] = compare(
      'arc.acc paired no significant regression',
      [run({ 'arc.acc': 1 }, [{ task: 'arc', ids: ['a', 'b', 'c', 'd'], scores: { acc: [1, 1, NaN, 1] } }])],
      [run({ 'arc.acc': 1 }, [{ task: 'arc', ids: ['b', 'c', 'd', 'e'], scores: { acc: [1, 1, 1, 1] } }])],
    );
    expect(result!.statistics?.paired?.examples).toBe(2);
    expect(result!.reason).toContain(
      'left out: 2 present on one side only, 1 without a acc value on one side',
    );
  });

  it('uses the paired bootstrap for scores that are not 0/1, and says why', () => {
    const base = Array.from({ length: 40 }, (_, i) => 0.5 + (i % 5) / 10);
    const head = base.map((v) => v - 0.2);
    const [result] = compare(
      'qa.f1 paired no significant regression',
      [run({ 'qa.f1': mean(base) }, [{ task: 'qa', scores: { f1: base } }])],
      [run({ 'qa.f1': mean(head) }, [{ task: 'qa', scores: { f1: head } }])],
    );
    expect(result!.status).toBe('fail');
    expect(result!.statistics?.method).toBe('paired studentized bootstrap');
    expect(result!.reason).toContain(
      "its per-example values are not all 0 or 1, so the paired bootstrap rather than McNemar's test",
    );
  });

  it('cannot test when one side has no examples of the task, and says which side', () => {
    const [result] = compare(
      'arc.acc paired no significant regression',
      [run({ 'arc.acc': 1 }, [{ task: 'hellaswag', scores: { acc: ones(20) } }])],
      [run({ 'arc.acc': 0.7 }, [{ task: 'arc', scores: { acc: HEAD_ACC } }])],
    );
    expect(result!.status).toBe('fail');
    expect(result!.statistics?.untestable).toBe('fail');
    expect(result!.reason).toContain(
      "no per-example results to pair: the baseline's runs have per-example results of hellaswag, not of task arc",
    );
    const [neutral] = compare(
      'arc.acc paired no significant regression if untestable neutral',
      [run({ 'arc.acc': 1 })],
      [run({ 'arc.acc': 0.7 }, [{ task: 'arc', scores: { acc: HEAD_ACC } }])],
    );
    expect(neutral!.status).toBe('neutral');
    expect(neutral!.reason).toContain(
      "the baseline's runs carry no per-example results at all (lm-eval writes them with --log_samples",
    );
  });

  it('cannot test a measure the examples do not have', () => {
    const [result] = compare(
      'arc.acc_norm paired no significant regression',
      [run({ 'arc.acc_norm': 1 }, [{ task: 'arc', scores: { acc: BASE_ACC } }])],
      [run({ 'arc.acc_norm': 0.7 }, [{ task: 'arc', scores: { acc: HEAD_ACC } }])],
    );
    expect(result!.status).toBe('fail');
    expect(result!.reason).toContain(
      'per-example results of task arc have no acc_norm (samples_arc.jsonl has acc)',
    );
  });

  it('pools several runs per side: each example is its mean over the runs', () => {
    // Three seeds per side; the head's seeds each lose different examples, so the means are not 0/1.
    const seed = (wrong: number[]) => ones(30).map((v, i) => (wrong.includes(i) ? 0 : v));
    const heads = [seed([0, 1, 2, 3, 4, 5]), seed([0, 1, 2, 3, 6, 7]), seed([0, 1, 2, 3, 4, 8])];
    const [result] = compare(
      'arc.acc paired no significant regression',
      [1, 2, 3].map(() => run({ 'arc.acc': 1 }, [{ task: 'arc', scores: { acc: ones(30) } }])),
      heads.map((acc) => run({ 'arc.acc': mean(acc) }, [{ task: 'arc', scores: { acc } }])),
    );
    expect(result!.statistics).toMatchObject({
      method: 'paired studentized bootstrap',
      paired: { examples: 30, measure: 'acc per example, mean of 3 vs 3 runs' },
    });
    expect(result!.statistics?.paired?.correct).toBeUndefined();
    expect(result!.status).toBe('fail');
  });

  it('refuses to pool when only some runs of a side have the examples', () => {
    const [result] = compare(
      'arc.acc paired no significant regression',
      [run({ 'arc.acc': 1 }, [{ task: 'arc', scores: { acc: BASE_ACC } }]), run({ 'arc.acc': 1 })],
      [run({ 'arc.acc': 0.7 }, [{ task: 'arc', scores: { acc: HEAD_ACC } }])],
    );
    expect(result!.reason).toContain("only 1 of the baseline's 2 runs have per-example results of task arc");
  });

  it('a glob gate tests each task, corrected as one family', () => {
    const results = compare(
      '*.acc paired no significant regression',
      [
        run({ 'arc.acc': 1, 'boolq.acc': 1 }, [
          { task: 'arc', scores: { acc: BASE_ACC } },
          { task: 'boolq', scores: { acc: BASE_ACC } },
        ]),
      ],
      [
        run({ 'arc.acc': 0.7, 'boolq.acc': 1 }, [
          { task: 'arc', scores: { acc: HEAD_ACC } },
          { task: 'boolq', scores: { acc: BASE_ACC } },
        ]),
      ],
    );
    expect(results.map((r) => [r.metric, r.status, r.statistics?.family?.size])).toEqual([
      ['arc.acc', 'fail', 2],
      ['boolq.acc', 'pass', 2],
    ]);
  });

  it("pairs a promptfoo file's own metric (the task with no prefix)", () => {
    const [result] = compare(
      'pass_rate paired no significant regression',
      [run({ pass_rate: 1 }, [{ task: '', scores: { pass_rate: BASE_ACC } }])],
      [run({ pass_rate: mean(HEAD_ACC) }, [{ task: '', scores: { pass_rate: HEAD_ACC } }])],
    );
    expect(result!.statistics?.p).toBeCloseTo(0.5 ** 8, 12);
    expect(result!.reason).toContain('of the evaluation (samples_.jsonl on both sides)');
  });

  it('explicit predictions files win over the examples', () => {
    const predictions = (correct: number[]): PredictionSet => ({
      file: 'p.csv',
      ids: correct.map((_, i) => String(i)),
      hasIds: true,
      scores: new Map([['correct', correct]]),
    });
    const statistics = gateStatistics({
      predictions: { base: predictions(ones(30)), head: predictions(ones(30)) },
    });
    expect(withExamplePairing(statistics, { base: [], head: [] })).toBe(statistics);
    const [result] = compare(
      'arc.acc paired no significant regression',
      [run({ 'arc.acc': 1 }, [{ task: 'arc', scores: { acc: BASE_ACC } }])],
      [run({ 'arc.acc': 0.7 }, [{ task: 'arc', scores: { acc: HEAD_ACC } }])],
      statistics,
    );
    // The predictions say nothing changed; the examples would have blocked.
    expect(result!.status).toBe('pass');
    expect(result!.reason).toContain('compared correct over 30 examples');
  });

  it('leaves the statistics alone when no run has examples', () => {
    const statistics = gateStatistics({ predictionsUnavailable: 'no predictions anywhere' });
    expect(withExamplePairing(statistics, { base: [run({ a: 1 })], head: [run({ a: 1 })] })).toBe(statistics);
  });
});
