import fc from 'fast-check';
import { parseConfig } from '../../../packages/core/src/config/config.js';
import { runComparison } from '../../../packages/core/src/compare/pipeline.js';
import { decodeComparison } from '../../../packages/core/src/documents.js';
import { ConfigurationError } from '../../../packages/core/src/errors.js';
import { inferDirection } from '../../../packages/core/src/gates/direction.js';
import { evaluateGates, type GateInput } from '../../../packages/core/src/gates/evaluate.js';
import { parseGate } from '../../../packages/core/src/gates/parse.js';
import { percentToFraction, type MetricUnit } from '../../../packages/core/src/gates/percent.js';
import type { Comparator } from '../../../packages/core/src/gates/types.js';
import type { MetricsDoc } from '../../../packages/core/src/model.js';
import { stringifyDocument } from '../../../packages/core/src/compare/json.js';

// Issue #13, item 4: `accuracy >= 90%` was refused although the report shows percentages. A
// percent literal in a bound or range means the fraction p/100, unless the metric is declared to
// be written in percent (`unit: percent`); where that cannot be told, it is a configuration error.

const rule = (text: string) => parseGate(text, '--gate #1').rule;

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

function evaluate(
  text: string,
  head: Record<string, number>,
  options: { base?: Record<string, number>; units?: Record<string, MetricUnit> } = {},
) {
  const side = (values: Record<string, number>) => new Map(Object.entries(values).map(([k, v]) => [k, [v]]));
  const input: GateInput = {
    head: side(head),
    directionOf: inferDirection,
    unitOf: (key) => options.units?.[key],
  };
  if (options.base !== undefined) input.base = side(options.base);
  return evaluateGates([parseGate(text, 'test')], input);
}

/** A decimal string shifted two places left, by hand: "12.5" -> "0.125", "90" -> "0.90". */
function shiftedLeft(decimal: string): string {
  const [whole, fraction = ''] = decimal.split('.');
  const digits = whole!.padStart(3, '0') + fraction;
  return `${digits.slice(0, -2 - fraction.length)}.${digits.slice(-2 - fraction.length)}`;
}

/** Decimal strings from 0 to 100 with up to 3 decimals, as people write limits. */
const decimals = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 3 }))
  .map(([whole, fraction, places]) =>
    places === 0 || whole === 100
      ? String(whole)
      : `${whole}.${String(fraction).padStart(3, '0').slice(0, places)}`,
  );
const comparators = fc.constantFrom<Comparator>('>=', '>', '<=', '<', '==', '!=');

describe('the parser reads percent literals', () => {
  it('keeps the number as written and marks it as a percentage', () => {
    expect(rule('accuracy >= 90%')).toEqual({ kind: 'bound', op: '>=', value: 90, percent: true });
    expect(rule('error_rate <= 5 %')).toEqual({ kind: 'bound', op: '<=', value: 5, percent: true });
    expect(rule('accuracy in [80%, 100%]')).toEqual({ kind: 'range', min: 80, max: 100, percent: true });
    expect(rule('accuracy between 80% and 100%')).toEqual({
      kind: 'range',
      min: 80,
      max: 100,
      percent: true,
    });
    expect(rule('accuracy >= 0.9')).toEqual({ kind: 'bound', op: '>=', value: 0.9 });
  });

  it('round-trips: the gate written back from its rule reads as the same rule', () => {
    fc.assert(
      fc.property(comparators, decimals, (op, decimal) => {
        const first = rule(`accuracy ${op} ${decimal}%`);
        expect(first).toEqual({ kind: 'bound', op, value: Number(decimal), percent: true });
        if (first.kind !== 'bound') return;
        expect(rule(`accuracy ${first.op} ${first.value}%`)).toEqual(first);
      }),
    );
  });

  it('90% is exactly 0.9, and every p% exactly the fraction written with the point moved', () => {
    expect(percentToFraction(90)).toBe(0.9);
    expect(percentToFraction(0.5)).toBe(0.005);
    // Not 33.3 / 100, which is 0.33299999999999996.
    expect(percentToFraction(33.3)).toBe(0.333);
    expect(percentToFraction(1.1)).toBe(0.011);
    expect(percentToFraction(1e-7)).toBe(1e-9);
    fc.assert(
      fc.property(decimals, (decimal) => {
        expect(percentToFraction(Number(decimal))).toBe(Number(shiftedLeft(decimal)));
      }),
    );
  });

  it('a range has both ends in percent or neither', () => {
    expect(() => rule('accuracy in [0.8, 100%]')).toThrow(
      '--gate #1: gate "accuracy in [0.8, 100%]", column 14: write both ends of the range as percentages (80%, 100%) or neither',
    );
    expect(() => rule('accuracy between 80% and 1')).toThrow('write both ends of the range as percentages');
  });

  it('`%` after a change limit is still relative to the baseline', () => {
    expect(rule('loss rise <= 2%')).toEqual({
      kind: 'change',
      measure: 'rise',
      op: '<=',
      value: 2,
      relative: true,
    });
    // Whatever the metric's unit: 2% of the baseline's value.
    const [result] = evaluate(
      'loss rise <= 2%',
      { loss: 51 },
      { base: { loss: 50 }, units: { loss: 'percent' } },
    );
    expect(result).toMatchObject({ status: 'pass', observed: 2 });
    const [fraction] = evaluate('loss rise <= 2%', { loss: 0.52 }, { base: { loss: 0.5 } });
    expect(fraction).toMatchObject({ status: 'fail', observed: 4 });
  });
});

describe('what a percent limit means for a metric', () => {
  it('a metric without a declared unit is a fraction: 90% is 0.9', () => {
    expect(evaluate('accuracy >= 90%', { accuracy: 0.9 })[0]).toMatchObject({
      status: 'pass',
      reason: '0.9 >= 0.9 (90%)',
    });
    expect(evaluate('accuracy >= 90%', { accuracy: 0.89 })[0]).toMatchObject({
      status: 'fail',
      reason: '0.89 is below the minimum of 0.9 (90%)',
    });
    expect(evaluate('error_rate <= 5%', { error_rate: 0.05 })[0]!.status).toBe('pass');
    expect(evaluate('error_rate <= 0.5%', { error_rate: 0.005 })[0]!.status).toBe('pass');
    expect(evaluate('error_rate <= 0.5%', { error_rate: 0.0051 })[0]!.status).toBe('fail');
    expect(evaluate('accuracy in [80%, 100%]', { accuracy: 0.85 })[0]).toMatchObject({
      status: 'pass',
      reason: '0.85 is within [0.8, 1] (80% to 100%)',
    });
    expect(evaluate('accuracy in [80%, 100%]', { accuracy: 0.79 })[0]!.status).toBe('fail');
  });

  it('agrees with the same gate written as a fraction, for every limit and value', () => {
    fc.assert(
      fc.property(comparators, decimals, fc.double({ min: 0, max: 1, noNaN: true }), (op, decimal, value) => {
        const percent = evaluate(`m ${op} ${decimal}%`, { m: value })[0]!.status;
        const fraction = evaluate(`m ${op} ${shiftedLeft(decimal)}`, { m: value })[0]!.status;
        expect(percent).toBe(fraction);
      }),
    );
  });

  it('a metric declared in percent: 90% is 90', () => {
    const units = { top1: 'percent' as const, bias: 'percent' as const };
    expect(evaluate('top1 >= 90%', { top1: 91.3 }, { units })[0]).toMatchObject({
      status: 'pass',
      reason: '91.3% >= 90%',
    });
    expect(evaluate('top1 >= 90%', { top1: 89 }, { units })[0]).toMatchObject({
      status: 'fail',
      reason: '89% is below the minimum of 90%',
    });
    // In percent, a negative limit or one above 100% can mean something.
    expect(evaluate('bias in [-5%, 5%]', { bias: -1.5 }, { units })[0]!.status).toBe('pass');
  });

  it('a metric declared a fraction (percent: true) may lie beyond 0 to 1: a speed-up of 1.25 is 125%', () => {
    expect(
      evaluate('speedup >= 120%', { speedup: 1.25 }, { units: { speedup: 'fraction' } })[0],
    ).toMatchObject({
      status: 'pass',
      reason: '1.25 >= 1.2 (120%)',
    });
  });

  it('fails closed when the unit cannot be told: a value outside 0 to 1 and no declared unit', () => {
    expect(refusal(() => evaluate('top1 >= 90%', { top1: 91.3 }))).toBe(
      'test: gate "top1 >= 90%": top1 is 91.3 in the pull request, not a fraction from 0 to 1, so 90% could mean 0.9 or 90. ' +
        'If top1 is written in percent, declare it in .mlci.yml (metrics: { top1: { unit: percent } }); if it is a fraction, write the bound as one (0.9)',
    );
    // The baseline's value counts too: the same gate judges both.
    expect(refusal(() => evaluate('top1 >= 90%', { top1: 0.913 }, { base: { top1: 88 } }))).toContain(
      'top1 is 88 in the baseline, not a fraction from 0 to 1',
    );
    // Every metric a glob matches, in one message.
    const message = refusal(() =>
      evaluate('eval.*.acc in [50%, 100%]', { 'eval.a.acc': 75, 'eval.b.acc': 0.8, 'eval.c.acc': 2 }),
    );
    expect(message).toContain('eval.a.acc is 75 in the pull request');
    expect(message).toContain('eval.c.acc is 2 in the pull request');
    expect(message).not.toContain('eval.b.acc');
  });

  it('refuses a limit no fraction can reach: negative, or above 100%', () => {
    expect(refusal(() => evaluate('accuracy >= 150%', { accuracy: 0.9 }))).toBe(
      'test: gate "accuracy >= 150%": 150% is outside 0% to 100%, where accuracy lies as a fraction, so the gate could never decide anything. ' +
        'If accuracy is written in percent, declare it in .mlci.yml (metrics: { accuracy: { unit: percent } })',
    );
    expect(refusal(() => evaluate('accuracy in [-5%, 90%]', { accuracy: 0.9 }))).toContain(
      '-5% is outside 0% to 100%',
    );
  });

  it('a broken value is not ambiguity: NaN fails the gate as a diverged run', () => {
    expect(evaluate('accuracy >= 90%', { accuracy: NaN })[0]).toMatchObject({ status: 'fail' });
  });
});

describe('the unit in .mlci.yml, through the pipeline and the document', () => {
  const doc = (metrics: Record<string, number>): MetricsDoc => ({
    metrics,
    series: {},
    params: {},
    sources: [{ file: 'metrics.json', format: 'json', notes: [], warnings: [] }],
  });

  it('unit: percent makes 90% mean 90; percent: true keeps it a fraction', () => {
    const config = parseConfig(
      'metrics:\n  top1: { unit: percent }\n  acc: { percent: true }\ngates:\n  - top1 >= 90%\n  - acc >= 90%\n',
      '.mlci.yml',
    );
    const comparison = runComparison({ head: { runs: [doc({ top1: 91.3, acc: 0.95 })] }, config });
    expect(comparison.gates.map((g) => [g.metric, g.status])).toEqual([
      ['top1', 'pass'],
      ['acc', 'pass'],
    ]);
  });

  it('a comparison with percent gates survives the round trip through JSON', () => {
    const config = parseConfig('gates:\n  - accuracy >= 90%\n  - accuracy in [80%, 100%]\n', '.mlci.yml');
    const comparison = runComparison({ head: { runs: [doc({ accuracy: 0.95 })] }, config });
    const decoded = decodeComparison(JSON.parse(stringifyDocument(comparison)), 'compare.json');
    expect(decoded.gates.map((g) => g.gate.rule)).toEqual(comparison.gates.map((g) => g.gate.rule));
    expect(decoded.gates.map((g) => g.gate.rule)).toEqual([
      { kind: 'bound', op: '>=', value: 90, percent: true },
      { kind: 'range', min: 80, max: 100, percent: true },
    ]);
  });
});
