import { ConfigurationError } from '../../../packages/core/src/errors.js';
import { inferDirection } from '../../../packages/core/src/gates/direction.js';
import {
  collectSamples,
  collectValues,
  evaluateGates,
  type GateInput,
  type GateStatistics,
} from '../../../packages/core/src/gates/evaluate.js';
import { parseGate } from '../../../packages/core/src/gates/parse.js';
import type { GateResult } from '../../../packages/core/src/gates/types.js';
import type { MetricsDoc } from '../../../packages/core/src/model.js';
import { quantile, quantileRisePower } from '../../../packages/core/src/stats/quantile.js';
import { createRandom, type Random } from '../../../packages/core/src/stats/random.js';
import type { RegressionDecided } from '../../../packages/core/src/stats/regression.js';

const rule = (text: string) => parseGate(text, '--gate #1').rule;

function parseError(text: string): string {
  try {
    parseGate(text, '--gate #1');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

/** Lognormal timings with a coefficient of variation of 0.2, scaled. */
function timings(rng: Random, n: number, scale = 1): number[] {
  const sigma = Math.sqrt(Math.log(1.04));
  return Array.from({ length: n }, () => scale * Math.exp(sigma * rng.normal()));
}

/** A run as the benchmark reader writes one: the family's summaries and its samples. */
function run(families: Record<string, number[]>): MetricsDoc {
  const doc: MetricsDoc = { metrics: {}, series: {}, params: {}, sources: [], samples: {} };
  for (const [family, values] of Object.entries(families)) {
    for (const [label, q] of [
      ['p50', 0.5],
      ['p95', 0.95],
      ['p99', 0.99],
    ] as const)
      doc.metrics[`${family}.${label}`] = quantile(values, q);
    doc.samples![family] = values;
  }
  return doc;
}

function evaluate(
  gates: string[],
  head: MetricsDoc[],
  base: MetricsDoc[] | undefined,
  extra: Partial<GateInput> = {},
): GateResult[] {
  const input: GateInput = {
    head: collectValues(head),
    directionOf: inferDirection,
    // 2,000 resamples keep these tests quick; the first test runs the default (10,000).
    resamples: 2000,
    samples: { head: collectSamples(head), ...(base !== undefined ? { base: collectSamples(base) } : {}) },
    ...extra,
  };
  if (base !== undefined) input.base = collectValues(base);
  return evaluateGates(
    gates.map((g, i) => parseGate(g, `--gate #${i + 1}`)),
    input,
  );
}

describe('the quantile gate language', () => {
  it('reads a family and its quantile, which is the key ending in the quantile', () => {
    const gate = parseGate('latency.time_ms p95 rise <= 10%', 'test');
    expect(gate.selector).toBe('latency.time_ms.p95');
    expect(gate.rule).toEqual({
      kind: 'quantile',
      q: 0.95,
      label: 'p95',
      measure: 'rise',
      op: '<=',
      value: 10,
      relative: true,
      alpha: 0.05,
    });
    // The key written out is the same gate.
    expect(rule('latency.time_ms.p95 rise <= 10%')).toEqual(gate.rule);
  });

  it('reads median, p50, p99 and pNN.N, drop and change, absolute limits, and the options', () => {
    expect(parseGate('x.time_ms median drop <= 0.5', 't')).toMatchObject({
      selector: 'x.time_ms.p50',
      rule: { kind: 'quantile', q: 0.5, label: 'p50', measure: 'drop', value: 0.5, relative: false },
    });
    expect(parseGate('"a b.time_ms" p99.9 change < 5% at 0.01 if untestable fail', 't')).toMatchObject({
      selector: 'a b.time_ms.p99\\.9',
      rule: {
        kind: 'quantile',
        q: 0.999,
        label: 'p99.9',
        measure: 'change',
        op: '<',
        alpha: 0.01,
        untestable: 'fail',
      },
    });
    expect(rule('**.time_ms p99 regression <= 20% if untestable neutral')).toMatchObject({
      kind: 'quantile',
      q: 0.99,
      measure: 'regression',
      untestable: 'neutral',
    });
  });

  it('names a quantile with any other rule as the plain key', () => {
    expect(parseGate('latency.time_ms p95 <= 50', 't')).toMatchObject({
      selector: 'latency.time_ms.p95',
      rule: { kind: 'bound', op: '<=', value: 50 },
    });
    expect(rule('latency.time_ms.p95 no regression')).toEqual({ kind: 'no-regression' });
  });

  it('refuses quantiles outside p1 to p99.9, options a plain change rule has not, and a bad level', () => {
    expect(parseError('latency.time_ms p100 rise <= 10%')).toContain(
      'column 17: a quantile is written p1 to p99.9 (the percent of timings at or below it), found "p100"',
    );
    expect(parseError('latency.time_ms p0 rise <= 10%')).toContain('found "p0"');
    expect(parseError('accuracy drop <= 1% at 0.01')).toContain(
      'expected the end of the gate, found "at 0.01"',
    );
    expect(parseError('x.time_ms p95 rise <= 10% at 0.7')).toContain(
      'the significance level must be above 0 and below 0.5',
    );
    expect(parseError('x.time_ms p95 rise <= 10% if untestable maybe')).toContain(
      'expected "threshold" or "fail" or "neutral", found "maybe"',
    );
  });
});

describe('quantile gates with the timings of both sides', () => {
  const rng = createRandom(15);
  const base = [run({ 'sort.time_ms': timings(rng, 400, 2) })];
  const slower = [run({ 'sort.time_ms': timings(rng, 400, 2.6) })];
  const same = [run({ 'sort.time_ms': timings(rng, 400, 2) })];

  it('fail when the quantile confidently rose beyond the limit, and say so like a statistical gate', () => {
    const [result] = evaluate(['sort.time_ms p95 rise <= 10%'], slower, base, { resamples: undefined });
    expect(result).toMatchObject({
      metric: 'sort.time_ms.p95',
      status: 'fail',
      statistics: { method: 'bootstrap of the p95', alpha: 0.05, level: 0.9, nBase: 400, nHead: 400 },
    });
    expect(result!.reason).toMatch(
      /^p95 2\.\d+ → 3\.\d+ \(\+\d\d(\.\d)?%; 90% CI \+\d+(\.\d)?% to \+\d+(\.\d)?%\): a rise beyond the allowed 10%, p < 0\.0001 \(bootstrap of the p95, n = 400 vs 400 samples\)$/,
    );
    // The interval of head - base, in ms, as for every statistical gate; `beyond` is the limit in ms.
    const stats = result!.statistics!;
    expect(stats.ci![0]).toBeGreaterThan(0);
    expect(stats.minEffect).toBeCloseTo(0.1 * quantile(base[0]!.samples!['sort.time_ms']!, 0.95), 12);
  });

  it('pass when the data do not show a rise beyond the limit, even when the point estimate is above it', () => {
    // A true rise of 12%, and 150 timings per side, cannot tell it from 10%.
    const r = createRandom(3);
    const a = [run({ 'f.time_ms': timings(r, 150, 1) })];
    const b = [run({ 'f.time_ms': timings(r, 150, 1.12) })];
    const observed = b[0]!.metrics['f.time_ms.p95']! / a[0]!.metrics['f.time_ms.p95']! - 1;
    expect(observed).toBeGreaterThan(0.05);
    const limit = Math.floor(observed * 100) - 2;
    const [result] = evaluate([`f.time_ms p95 rise <= ${limit}%`], b, a);
    expect(result!.status).toBe('pass');
    expect(result!.reason).toContain(`no significant rise beyond the allowed ${limit}%`);
    expect(result!.reason).toContain('not significant');
  });

  it('test drops, changes and regressions by the direction (a time gets worse when it rises)', () => {
    const results = evaluate(
      [
        'sort.time_ms median drop <= 5%',
        'sort.time_ms p95 change <= 10%',
        'sort.time_ms p90 regression <= 10%',
      ],
      slower,
      base,
    );
    expect(results.map((r) => [r.metric, r.status])).toEqual([
      ['sort.time_ms.p50', 'pass'],
      ['sort.time_ms.p95', 'fail'],
      ['sort.time_ms.p90', 'fail'],
    ]);
    expect(results[0]!.reason).toContain('no significant drop beyond the allowed 5%');
    expect(results[2]!.reason).toContain('a rise beyond the allowed 10%');
  });

  it('compute a quantile no reader wrote from the samples (p90), and suggest one for a typo', () => {
    const [p90] = evaluate(['sort.time_ms p90 rise <= 10%'], slower, base);
    expect(p90).toMatchObject({ metric: 'sort.time_ms.p90', status: 'fail' });
    expect(p90!.base).toBeCloseTo(quantile(base[0]!.samples!['sort.time_ms']!, 0.9), 12);
    expect(() => evaluate(['sort.tme_ms p95 rise <= 10%'], slower, base)).toThrow(
      /matches no metric; did you mean sort\.time_ms\.p95/,
    );
  });

  it('give the same verdict for the same data and seed, and test a glob per family', () => {
    const twice = () =>
      evaluate(
        ['**.time_ms p95 rise <= 10%'],
        [
          run({
            'a.time_ms': same[0]!.samples!['sort.time_ms']!,
            'b.time_ms': slower[0]!.samples!['sort.time_ms']!,
          }),
        ],
        [
          run({
            'a.time_ms': base[0]!.samples!['sort.time_ms']!,
            'b.time_ms': base[0]!.samples!['sort.time_ms']!,
          }),
        ],
      );
    const first = twice();
    expect(first.map((r) => [r.metric, r.status])).toEqual([
      ['a.time_ms.p95', 'pass'],
      ['b.time_ms.p95', 'fail'],
    ]);
    expect(twice()).toEqual(first);
  });

  it('pool the timings of several runs per side, and say so', () => {
    const r = createRandom(4);
    const [result] = evaluate(
      ['sort.time_ms p95 rise <= 10%'],
      [run({ 'sort.time_ms': timings(r, 150, 2) }), run({ 'sort.time_ms': timings(r, 150, 2) })],
      [run({ 'sort.time_ms': timings(r, 150, 2) }), run({ 'sort.time_ms': timings(r, 150, 2) })],
    );
    expect(result!.statistics).toMatchObject({ nBase: 300, nHead: 300 });
    expect(result!.reason).toContain('the timings of 2 and 2 runs pooled');
  });

  it('fail on a NaN timing: a broken benchmark, not a reason to skip the test', () => {
    const broken = run({ 'sort.time_ms': [...timings(rng, 399, 2), NaN] });
    broken.metrics['sort.time_ms.p95'] = 2;
    const [result] = evaluate(['sort.time_ms p95 rise <= 10%'], [broken], base);
    expect(result!.status).toBe('fail');
    expect(result!.reason).toBe(
      'the timings behind sort.time_ms: head[399] is NaN: a benchmark logged a broken value, and the gate fails on it rather than skip the test',
    );
  });
});

describe('quantile gates that cannot test', () => {
  const summaries = (p95: number): MetricsDoc => ({
    metrics: { 'sort.time_ms.p95': p95 },
    series: {},
    params: {},
    sources: [],
  });

  it('compare the two summary values as a plain rise gate, and say that they could not test', () => {
    const [result] = evaluate(['sort.time_ms p95 rise <= 10%'], [summaries(2.3)], [summaries(2)]);
    expect(result).toMatchObject({
      status: 'fail',
      statistics: { method: 'bootstrap of the p95', untestable: 'threshold' },
    });
    expect(result!.reason).toBe(
      'not tested (neither side has the timings behind sort.time_ms, only summary values); compared the two p95 values as a plain rise gate: 2 → 2.3 (+0.3, +15%): rose by 15%, more than the allowed 10%',
    );
    const [within] = evaluate(['sort.time_ms.p95 rise <= 20%'], [summaries(2.3)], [summaries(2)]);
    expect(within!.status).toBe('pass');
  });

  it('say which side lacks timings, and how many samples the quantile needs', () => {
    const rng = createRandom(5);
    const [oneSide] = evaluate(
      ['sort.time_ms p95 rise <= 10%'],
      [run({ 'sort.time_ms': timings(rng, 200) })],
      [summaries(1)],
    );
    expect(oneSide!.reason).toMatch(
      /^not tested \(the baseline has no timings behind sort\.time_ms, only summary values\)/,
    );
    const [few] = evaluate(
      ['sort.time_ms p99 rise <= 10%'],
      [run({ 'sort.time_ms': timings(rng, 200) })],
      [run({ 'sort.time_ms': timings(rng, 800) })],
    );
    expect(few!.reason).toMatch(
      /^not tested \(the bootstrap of the p99 needs at least 500 samples per side \(5 beyond the quantile\); got 800 and 200\); compared the two p99 values as a plain rise gate: /,
    );
  });

  it('fail or stay neutral when the gate says so', () => {
    const [failing] = evaluate(
      ['sort.time_ms p95 rise <= 50% if untestable fail'],
      [summaries(2.1)],
      [summaries(2)],
    );
    expect(failing).toMatchObject({ status: 'fail', statistics: { untestable: 'fail' } });
    expect(failing!.reason).toMatch(
      /^neither side has the timings behind sort\.time_ms, only summary values\. This gate does not pass without a test/,
    );
    const [neutral] = evaluate(
      ['sort.time_ms p95 rise <= 50% if untestable neutral'],
      [summaries(2.1)],
      [summaries(2)],
    );
    expect(neutral).toMatchObject({ status: 'neutral', statistics: { untestable: 'neutral' } });
  });

  it('are neutral without a baseline, and fail when the head lost a benchmark the baseline has', () => {
    const [noBase] = evaluate(['sort.time_ms p95 rise <= 10%'], [summaries(2)], undefined);
    expect(noBase!.status).toBe('neutral');
    const rng = createRandom(6);
    const results = evaluate(
      ['**.time_ms p95 rise <= 10%'],
      [run({ 'a.time_ms': timings(rng, 200) })],
      [run({ 'a.time_ms': timings(rng, 200), 'b.time_ms': timings(rng, 200) })],
    );
    expect(results.find((r) => r.metric === 'b.time_ms.p95')).toMatchObject({ status: 'fail' });
  });
});

describe('quantile gates in the family-wise correction', () => {
  it('join the statistical gates of the report: their p values are corrected together', () => {
    const rng = createRandom(8);
    const base = [run({ 'a.time_ms': timings(rng, 300), 'b.time_ms': timings(rng, 300) })];
    const head = [run({ 'a.time_ms': timings(rng, 300, 1.25), 'b.time_ms': timings(rng, 300) })];
    // A statistical gate on another metric, through an injected test with a fixed p.
    const decided: RegressionDecided = {
      verdict: 'not-significant',
      method: 'welch',
      direction: 'higher',
      alpha: 0.05,
      n: { base: 5, head: 5 },
      explanation: '',
      p: 0.2,
      pBetter: 0.8,
      diff: -0.001,
      worsening: 0.001,
      ci: [-0.003, 0.001],
      ciLevel: 0.9,
      mean: { base: 0.9, head: 0.899 },
    };
    const statistics: GateStatistics = { repeats: () => ({ result: decided }) };
    head[0]!.metrics['accuracy'] = 0.899;
    base[0]!.metrics['accuracy'] = 0.9;
    const results = evaluate(
      ['a.time_ms p95 rise <= 0%', 'b.time_ms p95 rise <= 0%', 'accuracy no significant regression'],
      head,
      base,
      { statistics },
    );
    for (const result of results) expect(result.statistics?.family).toEqual({ size: 3, correction: 'holm' });
    expect(results[0]!.status).toBe('fail');
    expect(results[0]!.reason).toMatch(/, adjusted [\d.<\s]+ \(Holm, 3 tests\)/);
    expect(results[0]!.statistics!.pAdjusted).toBeGreaterThanOrEqual(results[0]!.statistics!.p!);
  });
});

/**
 * Simulated pull requests through the real gate code, with fixed seeds. Timings are lognormal with
 * a CV of 0.2; 200 resamples per test (the gate's default is 10,000) keep it to a few seconds: measured
 * with 2,000 pull requests each, 200 and 1,000 resamples block and catch alike (docs/statistics.md).
 */
describe('the quantile gate in simulation (lognormal timings, CV 0.2)', () => {
  const RESAMPLES = 200;
  const rate = (hits: number, trials: number) => hits / trials;
  const threeSe = (p: number, trials: number) => 3 * Math.sqrt((p * (1 - p)) / trials);

  it('blocks at most α of harmless pull requests over three benchmarks under Holm (gate "rise <= 0%")', () => {
    const rng = createRandom(2024);
    const trials = 150;
    let blocked = 0;
    for (let t = 0; t < trials; t++) {
      const side = () =>
        run({
          'a.time_ms': timings(rng, 120),
          'b.time_ms': timings(rng, 120),
          'c.time_ms': timings(rng, 120),
        });
      const results = evaluate(['**.time_ms p95 rise <= 0%'], [side()], [side()], {
        resamples: RESAMPLES,
        seed: t,
      });
      if (results.some((r) => r.status === 'fail')) blocked++;
    }
    // Without the correction, three independent tests at 0.05 block about 14%.
    expect(rate(blocked, trials)).toBeLessThanOrEqual(0.05 + threeSe(0.05, trials));
  });

  it('blocks at most α when the p95 rose by exactly the allowed 10% (the edge of the null)', () => {
    const rng = createRandom(2025);
    const trials = 150;
    let blocked = 0;
    for (let t = 0; t < trials; t++) {
      const results = evaluate(
        ['x.time_ms p95 rise <= 10%'],
        [run({ 'x.time_ms': timings(rng, 200, 1.1) })],
        [run({ 'x.time_ms': timings(rng, 200) })],
        { resamples: RESAMPLES, seed: t },
      );
      if (results[0]!.status === 'fail') blocked++;
    }
    expect(rate(blocked, trials)).toBeLessThanOrEqual(0.05 + threeSe(0.05, trials));
  });

  it('catches a true 20% rise of the p95 about as often as theory allows (300 timings per side)', () => {
    const rng = createRandom(2026);
    const trials = 150;
    const n = 300;
    let caught = 0;
    for (let t = 0; t < trials; t++) {
      const results = evaluate(
        ['x.time_ms p95 rise <= 10%'],
        [run({ 'x.time_ms': timings(rng, n, 1.2) })],
        [run({ 'x.time_ms': timings(rng, n) })],
        { resamples: RESAMPLES, seed: t },
      );
      if (results[0]!.status === 'fail') caught++;
    }
    // The normal approximation of the two sample quantiles: 81.6%. No test of these timings can
    // do much better; the bootstrap may lose a little.
    const theory = quantileRisePower({ q: 0.95, cv: 0.2, n, rise: 0.2, limit: 0.1, alpha: 0.05 });
    expect(theory).toBeCloseTo(0.816, 2);
    const power = rate(caught, trials);
    expect(power).toBeGreaterThanOrEqual(theory - threeSe(theory, trials) - 0.05);
    expect(power).toBeLessThanOrEqual(theory + threeSe(theory, trials));
  });
});
