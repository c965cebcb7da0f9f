import { emptyConfig, parseGate, runComparison } from '@mlci/core';
import { gateAnnotations, lineOfKey, locateMetric } from '../../../actions/shared/src/annotations.js';

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

describe('check-run annotations for the gates that did not pass', () => {
  it('point at the line of each metric, reading each file once for all the gates', () => {
    const files: Record<string, string> = { 'train.csv': 'epoch,loss,accuracy,f1\n0,1,0.5,0.4\n' };
    const reads: string[] = [];
    const comparison = runComparison({
      head: {
        runs: [
          {
            metrics: { loss: 1, accuracy: 0.5, f1: 0.4 },
            series: {},
            params: {},
            sources: [{ file: 'train.csv', format: 'csv', notes: [], warnings: [] }],
          },
        ],
      },
      config: emptyConfig(),
      extraGates: ['loss <= 0.5', 'accuracy >= 0.9', 'warn: f1 >= 0.8'].map((g, i) => parseGate(g, `g${i}`)),
      expectBaseline: false,
    });
    const annotations = gateAnnotations(comparison, (file) => {
      reads.push(file);
      return files[file];
    });
    expect(annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([
      ['train.csv', 1, 'failure'],
      ['train.csv', 1, 'failure'],
      ['train.csv', 1, 'warning'],
    ]);
    expect(reads).toEqual(['train.csv']);
  });
});
