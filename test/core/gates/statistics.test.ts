import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParseError } from '../../../packages/core/src/errors.js';
import { gateStatistics } from '../../../packages/core/src/gates/statistics.js';
import { evaluateGates, type SideValues } from '../../../packages/core/src/gates/evaluate.js';
import { inferDirection } from '../../../packages/core/src/gates/direction.js';
import { parseGate } from '../../../packages/core/src/gates/parse.js';
import { pairPredictions, readPredictions } from '../../../packages/core/src/readers/predictions.js';

const dir = mkdtempSync(join(tmpdir(), 'mlci-predictions-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('per-example predictions', () => {
  it('reads ids, labels, predictions and numeric score columns from CSV and JSON Lines', async () => {
    const csv = await readPredictions(
      file('p.csv', 'id,label,prediction,loss,text\na,1,1,0.1,"x, y"\nb,0,1,2.3,z\n'),
    );
    expect(csv).toMatchObject({ ids: ['a', 'b'], hasIds: true, labels: ['1', '0'], predictions: ['1', '1'] });
    expect([...csv.scores]).toEqual([['loss', [0.1, 2.3]]]);
    const jsonl = await readPredictions(
      file(
        'p.jsonl',
        '{"id": 1, "label": "cat", "pred": "cat", "correct": 1}\n{"id": 2, "label": "dog", "pred": "cat", "correct": 0}\n',
      ),
    );
    expect(jsonl).toMatchObject({ ids: ['1', '2'], labels: ['cat', 'dog'], predictions: ['cat', 'cat'] });
  });

  it('refuses duplicate ids and files without examples, naming the line', async () => {
    await expect(readPredictions(file('dup.csv', 'id,label,prediction\n1,a,a\n1,b,b\n'))).rejects.toThrow(
      /dup\.csv:3: example id "1" appears twice \(first on line 2\)/,
    );
    await expect(readPredictions(file('empty.csv', 'id,label,prediction\n'))).rejects.toBeInstanceOf(
      ParseError,
    );
  });

  it('pairs examples by id and counts the ones present on one side only', async () => {
    const base = await readPredictions(file('b.csv', 'id,label,prediction\n1,a,a\n2,b,a\n3,c,c\n'));
    const head = await readPredictions(file('h.csv', 'id,label,prediction\n3,c,c\n2,b,b\n4,d,d\n'));
    expect(pairPredictions(base, head, undefined)).toEqual({
      base: [1, 0],
      head: [1, 1],
      measure: 'correctness (label = prediction)',
      unpaired: 2,
    });
  });

  it('pairs by row only when the counts match', async () => {
    const base = await readPredictions(file('nb.csv', 'label,prediction\na,a\nb,b\n'));
    const head = await readPredictions(file('nh.csv', 'label,prediction\na,a\n'));
    expect(() => pairPredictions(base, head, undefined)).toThrow(
      /without an id column examples are paired by row/,
    );
  });
});

describe('statistical gates with the real tests', () => {
  const side = (values: Record<string, number[]>): SideValues => new Map(Object.entries(values));
  const evaluate = (
    text: string,
    head: Record<string, number[]>,
    base: Record<string, number[]>,
    stats = gateStatistics(),
  ) =>
    evaluateGates([parseGate(text, 'test')], {
      head: side(head),
      base: side(base),
      directionOf: inferDirection,
      statistics: stats,
    })[0]!;

  it('blocks a clear regression across seeds and passes noise', () => {
    const base = { accuracy: [0.901, 0.899, 0.902, 0.898, 0.9] };
    expect(
      evaluate(
        'accuracy no significant regression at 0.01',
        { accuracy: [0.881, 0.879, 0.882, 0.878, 0.88] },
        base,
      ),
    ).toMatchObject({
      status: 'fail',
      statistics: { method: "Welch's t-test", nBase: 5, nHead: 5 },
    });
    expect(
      evaluate('accuracy no significant regression', { accuracy: [0.9, 0.902, 0.899, 0.901, 0.898] }, base)
        .status,
    ).toBe('pass');
  });

  it('ignores a significant regression smaller than "beyond"', () => {
    const base = { accuracy: [0.9, 0.9001, 0.8999, 0.9, 0.9] };
    const head = { accuracy: [0.899, 0.8991, 0.8989, 0.899, 0.899] };
    expect(evaluate('accuracy no significant regression', head, base).status).toBe('fail');
    expect(evaluate('accuracy no significant regression beyond 0.002', head, base).status).toBe('pass');
    expect(evaluate('accuracy no significant regression beyond 0.5%', head, base).status).toBe('pass');
  });

  it('fails with a single run per side and no history, saying why (it cannot test)', () => {
    const r = evaluate('accuracy no significant regression', { accuracy: [0.8] }, { accuracy: [0.9] });
    expect(r).toMatchObject({ status: 'fail', statistics: { untestable: 'fail' } });
    expect(r.reason).toContain('got 1 and 1');
  });

  it('runs McNemar on predictions for a paired gate', async () => {
    const rows = (wrong: number) =>
      'id,label,prediction\n' +
      Array.from({ length: 200 }, (_, i) => `${i},1,${i < wrong ? 0 : 1}`).join('\n') +
      '\n';
    const stats = gateStatistics({
      predictions: {
        base: await readPredictions(file('mb.csv', rows(10))),
        head: await readPredictions(file('mh.csv', rows(40))),
      },
    });
    const result = evaluate(
      'accuracy paired no significant regression',
      { accuracy: [0.8] },
      { accuracy: [0.95] },
      stats,
    );
    expect(result.status).toBe('fail');
    expect(result.statistics?.method).toBe("McNemar's exact test");
    expect(result.reason).toContain('compared correctness (label = prediction) over 200 examples');
  });
});
