import { DocBuilder } from '../../packages/core/src/doc-builder.js';
import { mergeDocs } from '../../packages/core/src/merge.js';

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
