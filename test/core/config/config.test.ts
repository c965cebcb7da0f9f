import { ConfigurationError } from '../../../packages/core/src/errors.js';
import { metricUnit, parseConfig, settingsFor } from '../../../packages/core/src/config/config.js';

function configError(text: string): string {
  try {
    parseConfig(text, '.mlci.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be refused');
}

describe('.mlci.yml', () => {
  it('reads files, gates in both forms and metric settings', () => {
    const config = parseConfig(
      [
        'version: 1',
        'files:',
        '  - metrics.json',
        '  - path: logs',
        '    format: tensorboard',
        'gates:',
        '  - accuracy >= 0.9',
        '  - metric: loss',
        '    rule: rise <= 2%',
        '    level: warn',
        '  - gate: \'"macro avg.f1-score" >= 0.8\'',
        '  - warn: val_loss rise <= 2%',
        '  - metric: macro avg.recall',
        '    rule: ">= 0.7"',
        'metrics:',
        '  accuracy: { percent: true, precision: 3 }',
        "  'eval.*': { direction: higher, tolerance: 0.5% }",
        '',
      ].join('\n'),
      '.mlci.yml',
    );
    expect(config.files).toEqual([{ path: 'metrics.json' }, { path: 'logs', format: 'tensorboard' }]);
    expect(config.gates.map((g) => [g.selector, g.rule.kind, g.level, g.origin])).toEqual([
      ['accuracy', 'bound', 'fail', '.mlci.yml:7:5: gates[0]'],
      ['loss', 'change', 'warn', '.mlci.yml:8:5: gates[1]'],
      ['macro avg.f1-score', 'bound', 'fail', '.mlci.yml:11:5: gates[2]'],
      ['val_loss', 'change', 'warn', '.mlci.yml:12:5: gates[3]'],
      ['macro avg.recall', 'bound', 'fail', '.mlci.yml:13:5: gates[4]'],
    ]);
    expect(settingsFor(config, 'accuracy')).toEqual({ selector: 'accuracy', percent: true, precision: 3 });
    expect(settingsFor(config, 'eval.f1')).toEqual({
      selector: 'eval.f1',
      direction: 'higher',
      tolerance: { value: 0.5, relative: true },
    });
    expect(settingsFor(config, 'other')).toEqual({ selector: 'other' });
  });

  it('accepts an empty file', () => {
    expect(parseConfig('', '.mlci.yml')).toEqual({
      file: '.mlci.yml',
      files: [],
      repeats: [],
      gates: [],
      metrics: [],
      report: { plots: [] },
      statistics: { correction: 'holm', untestable: 'fail', historyWindow: 30 },
    });
  });

  it('reads the statistics section and names a wrong choice', () => {
    expect(
      parseConfig('statistics:\n  correction: bh\n  untestable: neutral\n  history-window: 50\n', '.mlci.yml')
        .statistics,
    ).toEqual({ correction: 'bh', untestable: 'neutral', historyWindow: 50 });
    expect(() => parseConfig('statistics:\n  correction: fdr\n', '.mlci.yml')).toThrow(
      '.mlci.yml:2:15: statistics.correction: expected holm, bonferroni, bh, none; found "fdr"',
    );
    expect(() => parseConfig('statistics:\n  history-window: 3\n', '.mlci.yml')).toThrow(
      'statistics.history-window: expected a whole number of records from 6 to 1000, found 3',
    );
  });

  it('reads the report section: title, id, max-curves, plots and predictions', () => {
    const config = parseConfig(
      'report:\n  title: Sentiment model\n  id: mlci/en\n  max-curves: 2\n  plots: [plots/cm.json, plots/roc.json]\n  predictions: out/predictions.csv\n',
      '.mlci.yml',
    );
    expect(config.report).toEqual({
      title: 'Sentiment model',
      id: 'mlci/en',
      maxCurves: 2,
      plots: ['plots/cm.json', 'plots/roc.json'],
      predictions: 'out/predictions.csv',
    });
    expect(parseConfig('report:\n  plots: cm.json\n', '.mlci.yml').report.plots).toEqual(['cm.json']);
    // report.curves: series a team asks to see although mlci leaves them out (bookkeeping, flat).
    expect(parseConfig('report:\n  curves: learning_rate\n', '.mlci.yml').report.curves).toEqual([
      'learning_rate',
    ]);
    expect(parseConfig('report:\n  curves: [learning_rate, "eval_*"]\n', '.mlci.yml').report.curves).toEqual([
      'learning_rate',
      'eval_*',
    ]);
    expect(configError('report:\n  curves: { lr: 1 }\n')).toContain(
      'report.curves: expected a series key (learning_rate), a glob (eval_*) or a list of them, found',
    );
    expect(configError('report:\n  max-curves: -1\n')).toBe(
      '.mlci.yml:2:15: report.max-curves: expected a whole number from 0 to 50, found -1',
    );
    expect(configError('report:\n  id: "my report"\n')).toContain(
      'report.id: expected letters, digits and . _ / - only',
    );
    expect(configError('report:\n  chart: 1\n')).toContain(
      'report.chart: unknown key; expected one of title, id, max-curves, curves, plots, predictions',
    );
    expect(configError('report: [a]\n')).toContain('report: expected a mapping with keys title, id');
  });

  // Issue #13: a percent limit in a gate (`top1 >= 90%`) means 90 for a metric written in
  // percent; the config says which metrics are (docs/config.md, docs/gates.md).
  it('reads unit: percent, and refuses it beside percent: true, which says the opposite', () => {
    const config = parseConfig(
      'metrics:\n  top1: { unit: percent }\n  top5: { unit: "%" }\n  latency_ms: { unit: ms }\n',
      '.mlci.yml',
    );
    expect(metricUnit(settingsFor(config, 'top1'))).toBe('percent');
    expect(metricUnit(settingsFor(config, 'top5'))).toBe('percent');
    expect(metricUnit(settingsFor(config, 'latency_ms'))).toBeUndefined();
    expect(metricUnit(settingsFor(config, 'other'))).toBeUndefined();
    expect(configError('metrics:\n  top1: { unit: percent, percent: true }\n')).toBe(
      '.mlci.yml:2:9: metrics.top1: percent: true says the value is a fraction (0.913 shown as 91.3%), unit: percent that it is written in percent (91.3): keep the one that is true',
    );
  });

  it('lets a later entry decide between a fraction and percent, as for any setting', () => {
    const config = parseConfig(
      'metrics:\n  "*": { percent: true }\n  top1: { unit: percent }\n  "top1*": { precision: 3 }\n',
      '.mlci.yml',
    );
    expect(metricUnit(settingsFor(config, 'accuracy'))).toBe('fraction');
    expect(settingsFor(config, 'top1')).toEqual({ selector: 'top1', unit: 'percent', precision: 3 });
    expect(metricUnit(settingsFor(config, 'top1'))).toBe('percent');
  });

  it('names the line, column and key path of every mistake', () => {
    expect(configError('gatez: []\n')).toBe(
      '.mlci.yml:1:1: gatez: unknown key; expected one of version, files, repeats, gates, metrics, report, statistics, drift',
    );
    expect(configError('gates:\n  - accuracy >== 0.9\n')).toBe(
      '.mlci.yml:2:5: gates[0]: gate "accuracy >== 0.9", column 12: expected a number after ">=", found "= 0.9"',
    );
    expect(configError('gates:\n  - metric: acc\n')).toBe(
      '.mlci.yml:2:5: gates[0].rule: missing; expected a rule such as ">= 0.9" or "drop <= 0.01"',
    );
    expect(configError('gates:\n  - gate: acc >= 1\n    level: maybe\n')).toBe(
      '.mlci.yml:3:12: gates[0].level: expected fail or warn, found "maybe"',
    );
    expect(configError('gates:\n  - gate: acc >= 1\n    metric: acc\n')).toContain(
      'gates[0]: give either gate, or metric and rule, not both',
    );
    expect(configError('files: metrics.json\n')).toBe(
      '.mlci.yml:1:8: files: expected a list of paths, found "metrics.json"',
    );
    expect(configError('files:\n  - path: a\n    fmt: csv\n')).toBe(
      '.mlci.yml:3:5: files[0].fmt: unknown key; expected one of path, format',
    );
    expect(configError('metrics:\n  acc: { direction: up }\n')).toBe(
      '.mlci.yml:2:21: metrics.acc.direction: expected higher or lower, found "up"',
    );
    expect(configError('metrics:\n  acc: { tolerance: -1 }\n')).toContain(
      'metrics.acc.tolerance: expected a number of 0 or more',
    );
    expect(configError('metrics:\n  acc: { precision: 30 }\n')).toContain(
      'metrics.acc.precision: expected a whole number of significant digits from 1 to 15, found 30',
    );
    expect(configError('metrics:\n  acc: high\n')).toContain(
      'metrics.acc: expected settings such as { direction: higher }, found "high"',
    );
    expect(configError('version: 2\n')).toBe('.mlci.yml:1:10: version: expected 1, found 2');
    expect(configError('- a\n- b\n')).toContain('(top level): expected a mapping');
    expect(configError('gates: [a >= 1\n')).toMatch(/^\.mlci\.yml:\d+:\d+: invalid YAML/);
    expect(configError('gates:\n  - gate: "macro avg.f1" >= 0.8\n')).toBe(
      `.mlci.yml:2:26: invalid YAML: Unexpected block-scalar-header at node end. A YAML value that starts with a quote must end with it: quote the whole gate ('"macro avg.f1" >= 0.8') or use metric: and rule:`,
    );
    expect(configError('gates: []\ngates: []\n')).toMatch(
      /^\.mlci\.yml:2:1: invalid YAML: Map keys must be unique/,
    );
  });
});
