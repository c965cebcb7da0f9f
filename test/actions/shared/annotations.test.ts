import { lineOfKey, locateMetric } from '../../../actions/shared/src/annotations.js';

describe('where an annotation about a metric points', () => {
  it('finds the line of a key in JSON, YAML, TOML and a CSV header', () => {
    expect(lineOfKey('{\n  "eval": {\n    "accuracy": 0.9\n  }\n}\n', 'eval.accuracy')).toBe(3);
    expect(lineOfKey('eval:\n  loss: 0.3\n  accuracy: 0.9\n', 'eval.accuracy')).toBe(3);
    expect(lineOfKey('[eval]\naccuracy = 0.9\n', 'eval.accuracy')).toBe(2);
    expect(lineOfKey('epoch,loss,val_accuracy\n0,1,0.5\n', 'val_accuracy')).toBe(1);
    expect(lineOfKey('{"accuracy_top5": 0.99}', 'accuracy')).toBeUndefined();
  });

  it('prefers the later file, which wins on equal keys, and falls back to a file without a line', () => {
    const files: Record<string, string> = {
      'log.csv': 'epoch,accuracy\n0,0.5\n',
      'metrics.json': '{\n"accuracy": 0.9}',
    };
    const sources = Object.keys(files).map((file) => ({
      file,
      format: 'json' as const,
      notes: [],
      warnings: [],
    }));
    expect(locateMetric(sources, 'accuracy', (f) => files[f])).toEqual({ file: 'metrics.json', line: 2 });
    expect(locateMetric(sources, 'f1', (f) => files[f])).toEqual({ file: 'metrics.json' });
    expect(locateMetric(sources, 'f1', () => undefined)).toBeUndefined();
  });
});
