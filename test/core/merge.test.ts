import { DocBuilder } from '../../packages/core/src/doc-builder.js';
import { mergeDocs } from '../../packages/core/src/merge.js';
import { emptyDoc } from '../../packages/core/src/model.js';

function doc(file: string, metrics: Record<string, number>, params: Record<string, string> = {}) {
  const b = new DocBuilder(file, 'json');
  for (const [k, v] of Object.entries(metrics)) b.metric(k, v);
  for (const [k, v] of Object.entries(params)) b.param(k, v);
  return b.build();
}

describe('mergeDocs', () => {
  it('lets the later input win and says which value it replaced', () => {
    const merged = mergeDocs([
      doc('a.json', { acc: 0.9, f1: 0.8 }, { model: 'a' }),
      doc('b.json', { acc: 0.95 }, { model: 'b' }),
    ]);
    expect(merged.metrics).toEqual({ acc: 0.95, f1: 0.8 });
    expect(merged.params).toEqual({ model: 'b' });
    expect(merged.sources.map((s) => s.file)).toEqual(['a.json', 'b.json']);
    expect(merged.sources[1]!.notes).toEqual([
      'replaced values read earlier: acc (0.9 from a.json), param model (a from a.json)',
    ]);
  });

  it('stays quiet when both inputs agree (all_results.json and eval_results.json)', () => {
    const merged = mergeDocs([
      doc('all_results.json', { eval_loss: 0.42 }),
      doc('eval_results.json', { eval_loss: 0.42 }),
    ]);
    expect(merged.sources.flatMap((s) => s.notes)).toEqual([]);
  });

  it('treats NaN as equal to NaN', () => {
    const merged = mergeDocs([doc('a', { x: NaN }), doc('b', { x: NaN })]);
    expect(merged.sources.flatMap((s) => s.notes)).toEqual([]);
  });
});

describe('mergeDocs with samples and examples', () => {
  const source = (file: string) => [{ file, format: 'json' as const, notes: [], warnings: [] }];
  it('keeps both sides, and a later task or sample key replaces the earlier with a note', () => {
    const merged = mergeDocs([
      {
        ...emptyDoc(),
        sources: source('a.json'),
        samples: { latency_ms: [1, 2] },
        examples: [{ task: 'b', file: 'a.jsonl', ids: ['1'], scores: { acc: [1] } }],
      },
      {
        ...emptyDoc(),
        sources: source('b.json'),
        samples: { latency_ms: [3], throughput: [9] },
        examples: [
          { task: 'b', file: 'b.jsonl', ids: ['1'], scores: { acc: [0] } },
          { task: 'a', file: 'b.jsonl', ids: ['2'], scores: { acc: [1] } },
        ],
      },
    ]);
    expect(merged.samples).toEqual({ latency_ms: [3], throughput: [9] });
    expect(merged.examples!.map((e) => [e.task, e.file])).toEqual([
      ['a', 'b.jsonl'],
      ['b', 'b.jsonl'],
    ]);
    expect(merged.sources[1]!.notes.join(' ')).toMatch(
      /samples of latency_ms \(from a\.json\).*examples of b \(from a\.jsonl\)/,
    );
  });
});
