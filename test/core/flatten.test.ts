import { DocBuilder } from '../../packages/core/src/doc-builder.js';
import { flattenInto } from '../../packages/core/src/flatten.js';

function flatten(value: unknown, role: 'metrics' | 'params' = 'metrics') {
  const builder = new DocBuilder('m.json', 'json');
  flattenInto(builder, value, role);
  return builder.build();
}

describe('flattening structured metrics files', () => {
  it('joins nested keys and unwraps one-element arrays as DVC writes them', () => {
    const doc = flatten({ f1_by_geo: { France: 0.5, Spain: [0.58] }, roc_auc: 0.86 });
    expect(doc.metrics).toEqual({ 'f1_by_geo.France': 0.5, 'f1_by_geo.Spain': 0.58, roc_auc: 0.86 });
  });

  it('indexes longer arrays', () => {
    expect(
      flatten({
        cm: [
          [1, 2],
          [3, 4],
        ],
      }).metrics,
    ).toEqual({ 'cm.0.0': 1, 'cm.0.1': 2, 'cm.1.0': 3, 'cm.1.1': 4 });
  });

  it('keeps a dotted name apart from a nested one', () => {
    expect(Object.keys(flatten({ 'a.b': 1, a: { b: 2 } }).metrics)).toEqual(['a.b', 'a\\.b']);
  });

  it('reads quoted numbers as metrics and says so', () => {
    const doc = flatten({ acc: '0.9', loss: 'nan', name: 'resnet' });
    expect(doc.metrics.acc).toBe(0.9);
    expect(doc.metrics.loss).toBeNaN();
    expect(doc.params).toEqual({ name: 'resnet' });
    expect(doc.sources[0]!.notes).toContain('read 2 quoted numbers (such as "0.9" or "nan") as metrics');
  });

  it('keeps booleans and dates as params, never as 1/0', () => {
    const doc = flatten({ converged: true, finished: new Date('2024-05-01T00:00:00Z') });
    expect(doc.metrics).toEqual({});
    expect(doc.params).toEqual({ converged: true, finished: '2024-05-01T00:00:00.000Z' });
  });

  it('names what it skipped instead of dropping it', () => {
    const doc = flatten({ a: null, b: {}, c: [], d: 1 });
    expect(doc.metrics).toEqual({ d: 1 });
    expect(doc.sources[0]!.notes).toEqual([
      'skipped 3 values that are neither a number nor a parameter: a (null), b (empty object), c (empty list)',
    ]);
  });

  it('counts skipped values past the first ten', () => {
    const value = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`k${i}`, null]));
    expect(flatten(value).sources[0]!.notes[0]).toMatch(/^skipped 13 values .* k9 \(null\) and 3 more$/);
  });

  it('explains a file that is a bare number rather than named values', () => {
    expect(flatten(0.93).sources[0]!.notes[0]).toContain(
      '(root) (a single number, not an object of named values)',
    );
  });

  it('puts every leaf of a params file into params', () => {
    const doc = flatten({ train: { lr: 0.1, layers: [64, 32] }, seed: 42 }, 'params');
    expect(doc.metrics).toEqual({});
    expect(doc.params).toEqual({ seed: 42, 'train.layers.0': 64, 'train.layers.1': 32, 'train.lr': 0.1 });
  });
});

describe('DocBuilder', () => {
  it('uses the last point of a curve as its metric unless a summary value is given', () => {
    const b = new DocBuilder('log.csv', 'csv');
    b.point('loss', 0, 1.0);
    b.point('loss', 1, 0.5);
    b.point('acc', 0, 0.1);
    b.point('acc', 1, 0.2);
    b.metric('acc', 0.25);
    const doc = b.build();
    expect(doc.metrics).toEqual({ acc: 0.25, loss: 0.5 });
    expect(Object.keys(doc.series)).toEqual(['acc', 'loss']);
  });

  it('keeps a one-point curve as a metric only', () => {
    const b = new DocBuilder('log.csv', 'csv');
    b.point('test_acc', 10, 0.9);
    const doc = b.build();
    expect(doc.metrics).toEqual({ test_acc: 0.9 });
    expect(doc.series).toEqual({});
  });

  it('records notes once and warnings in order', () => {
    const b = new DocBuilder('f', 'json');
    b.note('n');
    b.note('n');
    b.warn('w1');
    b.warn('w2');
    expect(b.build().sources).toEqual([{ file: 'f', format: 'json', notes: ['n'], warnings: ['w1', 'w2'] }]);
  });
});
