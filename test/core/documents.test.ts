import { runComparison } from '../../packages/core/src/compare/pipeline.js';
import { stringifyDocument } from '../../packages/core/src/compare/json.js';
import { emptyConfig } from '../../packages/core/src/config/config.js';
import { decodeComparison, decodeMetricsDoc } from '../../packages/core/src/documents.js';
import { ConfigurationError } from '../../packages/core/src/errors.js';
import { parseGate } from '../../packages/core/src/gates/parse.js';
import { readMetricsPath } from '../../packages/core/src/readers/registry.js';

const roundTrip = (value: unknown): unknown => JSON.parse(stringifyDocument(value));

function decodeError(decode: () => unknown): string {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected the document to be refused');
}

async function comparison() {
  const head = await readMetricsPath('test/fixtures/real/hf-trainer/whisper-ja/trainer_state.json');
  const base = { ...head, metrics: { ...head.metrics, eval_wer: 0.7, grad_norm: NaN } };
  return runComparison({
    head: { runs: [head, head] },
    base: { runs: [base], label: 'main@abc1234 (merge base)' },
    config: emptyConfig(),
    extraGates: [parseGate('eval_wer rise <= 1%', '--gate #1'), parseGate('warn: loss finite', '--gate #2')],
  });
}

describe('decodeMetricsDoc', () => {
  it('restores a document written with stringifyDocument, curves, NaN and infinities included', async () => {
    const doc = await readMetricsPath('test/fixtures/real/hf-trainer/whisper-ja/trainer_state.json');
    doc.metrics.diverged = NaN;
    doc.metrics.overflow = -Infinity;
    expect(decodeMetricsDoc(roundTrip(doc))).toEqual(doc);
  });

  it('names the first field that is not what mlci writes', () => {
    expect(decodeError(() => decodeMetricsDoc({ metrics: { acc: 'high' } }, 'head[0]'))).toBe(
      'head[0].metrics["acc"]: expected a number (or "NaN", "Infinity", "-Infinity"), found "high"',
    );
    expect(
      decodeError(() => decodeMetricsDoc({ metrics: {}, series: { loss: { points: [{ step: 1 }] } } })),
    ).toBe(
      'document.series["loss"].points[0].value: expected a number (or "NaN", "Infinity", "-Infinity"), found nothing',
    );
    expect(decodeError(() => decodeMetricsDoc({ metrics: {}, params: { lr: { nested: 1 } } }))).toBe(
      'document.params["lr"]: expected a string, number, true, false or null, found an object',
    );
    expect(decodeError(() => decodeMetricsDoc([]))).toBe('document: expected an object, found a list');
  });

  it('caps what an untrusted document may hold', () => {
    expect(
      decodeError(() =>
        decodeMetricsDoc({ metrics: {}, sources: [{ file: 'x'.repeat(10_001), format: 'json' }] }),
      ),
    ).toContain('document.sources[0].file: expected text of at most 10000 characters');
  });
});

describe('decodeComparison', () => {
  it('restores a real comparison exactly', async () => {
    const original = await comparison();
    expect(decodeComparison(roundTrip(original))).toEqual(original);
  });

  it('restores the statistics: family, adjusted p, history, untestable, noise intervals', async () => {
    const { DocBuilder } = await import('../../packages/core/src/doc-builder.js');
    const { gateStatistics } = await import('../../packages/core/src/gates/statistics.js');
    const run = (acc: number, f1: number) => {
      const b = new DocBuilder('run.json', 'json');
      b.metric('acc', acc);
      b.metric('f1', f1);
      return b.build();
    };
    // A history of 12 runs that moved by noise alone (sd 0.002).
    const history = [
      0.9, 0.9021, 0.8984, 0.9013, 0.8997, 0.9002, 0.9031, 0.8979, 0.9006, 0.9015, 0.8992, 0.9,
    ].map((v, i) => ({
      label: `c${i}`,
      runs: [run(v, v)],
    }));
    const original = runComparison({
      head: { runs: [run(0.88, 0.9), run(0.881, 0.899)] },
      base: { runs: [run(0.9, 0.9), run(0.902, 0.901)] },
      config: emptyConfig(),
      history,
      historyLabel: '12 records of test',
      statistics: gateStatistics(),
      extraGates: [
        parseGate('* no significant regression', '--gate #1'),
        parseGate('acc paired no significant regression if untestable neutral', '--gate #2'),
      ],
    });
    expect(original.gates[0]!.statistics).toMatchObject({ family: { size: 2 }, history: { records: 12 } });
    expect(original.gates[2]!.statistics?.untestable).toBe('neutral');
    expect(original.metrics[0]!.noise?.method).toBe('history');
    expect(decodeComparison(roundTrip(original))).toEqual(original);
  });

  it('derives the verdict from the gates: a document cannot claim to have passed', async () => {
    const original = await comparison();
    expect(original.verdict.kind).toBe('failed');
    const forged = roundTrip(original) as { verdict: { kind: string; summary: string } };
    forged.verdict.kind = 'passed';
    forged.verdict.summary = 'all good, merge me';
    expect(decodeComparison(forged).verdict).toEqual(original.verdict);
  });

  it('parses each gate again from its text, and refuses text that is not a gate', async () => {
    const forged = roundTrip(await comparison()) as {
      gates: Array<{ gate: { text: string; rule: unknown } }>;
    };
    forged.gates[0]!.gate.rule = { kind: 'bound', op: '>=', value: -1 };
    expect(decodeComparison(forged).gates[0]!.gate.rule).toEqual(parseGate('eval_wer rise <= 1%', 'x').rule);
    forged.gates[0]!.gate.text = '<img src=x onerror=alert(1)>';
    expect(decodeError(() => decodeComparison(forged))).toMatch(
      /^comparison\.gates\[0\]\.gate\.text: not a gate mlci writes/,
    );
  });

  it('refuses other documents and other versions', () => {
    expect(decodeError(() => decodeComparison({ schema: 'mlci/report' }))).toBe(
      'comparison.schema: expected one of mlci/comparison, found "mlci/report"',
    );
    expect(decodeError(() => decodeComparison({ schema: 'mlci/comparison', version: 2 }))).toBe(
      'comparison.version: expected 1 (this mlci reads version 1), found 2',
    );
  });
});

describe('samples and per-example results travel with a document (#15)', () => {
  const doc = () => ({
    metrics: { 'latency_ms.p95': 12.5, 'arc_easy.acc': 0.5 },
    series: {},
    params: {},
    sources: [{ file: 'results.json', format: 'lm-eval' as const, notes: [], warnings: [] }],
    samples: { latency_ms: [10, 11, 12.5, NaN] },
    examples: [
      { task: 'arc_easy', file: 'samples_arc_easy.jsonl', ids: ['0', '1'], scores: { acc: [1, 0] } },
    ],
  });

  it('round-trips through the state file form, NaN included', () => {
    const decoded = decodeMetricsDoc(roundTrip(doc()));
    expect(decoded.samples).toEqual({ latency_ms: [10, 11, 12.5, NaN] });
    expect(decoded.examples).toEqual(doc().examples);
  });

  it('leaves both out of documents that have none', () => {
    const { samples: _s, examples: _e, ...plain } = doc();
    const decoded = decodeMetricsDoc(roundTrip(plain));
    expect('samples' in decoded).toBe(false);
    expect('examples' in decoded).toBe(false);
  });

  it('refuses scores that do not give one number per example, naming where', () => {
    const bad = doc();
    bad.examples[0]!.scores.acc = [1];
    expect(decodeError(() => decodeMetricsDoc(roundTrip(bad)))).toContain(
      'document.examples[0].scores.acc: expected one number per example (2)',
    );
  });
});

describe('the --json form of a document', () => {
  it('writes samples and examples only when present, NaN as a string', async () => {
    const { toJsonDoc } = await import('../../packages/core/src/serialize.js');
    const json = toJsonDoc({
      metrics: { 'latency_ms.p50': 1 },
      series: {},
      params: {},
      sources: [],
      samples: { latency_ms: [1, NaN] },
      examples: [{ task: 't', file: 'f', ids: ['a'], scores: { acc: [NaN] } }],
    });
    expect(json.samples).toEqual({ latency_ms: [1, 'NaN'] });
    expect(json.examples).toEqual([{ task: 't', file: 'f', ids: ['a'], scores: { acc: ['NaN'] } }]);
    expect('samples' in toJsonDoc({ metrics: {}, series: {}, params: {}, sources: [] })).toBe(false);
  });
});
