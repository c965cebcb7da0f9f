import { readFileSync } from 'node:fs';
import { emptyConfig, parseConfig } from '../../../packages/core/src/config/config.js';

// The drift: section of .mlci.yml (docs/config.md, docs/drift.md): the tables and the settings of
// `mlci drift` and of the actions' drift step, checked by the rules of the CLI's flags, with every
// mistake located.
const configError = (text: string): string => {
  try {
    parseConfig(text, '.mlci.yml');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
};

describe('drift: in .mlci.yml', () => {
  it('is absent unless written', () => {
    expect(emptyConfig().drift).toBeUndefined();
    expect(parseConfig('gates: []\n', '.mlci.yml').drift).toBeUndefined();
    expect(parseConfig('drift:\n', '.mlci.yml').drift).toBeUndefined();
  });

  it('reads every key', () => {
    const config = parseConfig(
      [
        'drift:',
        '  reference: base',
        '  current: data/train.csv',
        '  format: TSV',
        '  missing-values: ["?,unknown", "Average=-99.99"]',
        '  alpha: 0.01',
        '  threshold: 0.2',
        '  small-rows: 500',
        '  drift-share: 0.3',
        '  seed: 7',
        '',
      ].join('\n'),
      '.mlci.yml',
    );
    expect(config.drift).toEqual({
      reference: 'base',
      current: 'data/train.csv',
      format: 'tsv',
      missingValues: ['?,unknown', 'Average=-99.99'],
      alpha: 0.01,
      threshold: 0.2,
      smallRows: 500,
      driftShare: 0.3,
      seed: 7,
    });
  });

  it('takes one missing-values string as one spec, and git: tables as written', () => {
    const config = parseConfig(
      'drift:\n  reference: git:main:data/\n  current: data/\n  missing-values: Number of Days=-1\n',
      '.mlci.yml',
    );
    expect(config.drift).toEqual({
      reference: 'git:main:data/',
      current: 'data/',
      missingValues: ['Number of Days=-1'],
    });
  });

  it.each([
    ['drift: data.csv\n', '.mlci.yml:1:8: drift: expected a mapping with keys reference, current, format'],
    ['drift:\n  refrence: a.csv\n', '.mlci.yml:2:3: drift.refrence: unknown key; expected one of reference,'],
    ['drift:\n  reference: [a.csv]\n', '.mlci.yml:2:14: drift.reference: expected a file, a folder'],
    [
      'drift:\n  current: ""\n',
      '.mlci.yml:2:12: drift.current: expected a file, a folder or git:<revision>:<path>, found an empty string',
    ],
    [
      'drift:\n  current: base\n',
      '.mlci.yml:2:12: drift.current: base names the current data as committed at the base commit, so it can only be the reference',
    ],
    [
      'drift:\n  format: xlsx\n',
      '.mlci.yml:2:11: drift.format: expected one of csv, tsv, jsonl, parquet (a data table\'s format), found "xlsx"',
    ],
    [
      'drift:\n  missing-values: ["?", "="]\n',
      '.mlci.yml:2:25: drift.missing-values[1]: expected VALUE[,VALUE...] for every column, or COLUMN=VALUE[,VALUE...] for one (such as "Average=-99.99"), found "="',
    ],
    [
      'drift:\n  alpha: 0.7\n',
      '.mlci.yml:2:10: drift.alpha: expected a level above 0, at most 0.5, found 0.7',
    ],
    ['drift:\n  alpha: "0.01"\n', '.mlci.yml:2:10: drift.alpha: expected a number, found "0.01"'],
    ['drift:\n  threshold: 0\n', '.mlci.yml:2:14: drift.threshold: expected a distance above 0, found 0'],
    [
      'drift:\n  small-rows: 10.5\n',
      '.mlci.yml:2:15: drift.small-rows: expected a whole number of rows, found 10.5',
    ],
    [
      'drift:\n  drift-share: 1.5\n',
      '.mlci.yml:2:16: drift.drift-share: expected a share above 0, at most 1, found 1.5',
    ],
    ['drift:\n  seed: 1.5\n', '.mlci.yml:2:9: drift.seed: expected a whole number, found 1.5'],
  ])('names the line, column and key of a mistake: %j', (text, message) => {
    expect(configError(text)).toContain(message);
  });

  it('is in the published schema with the same keys', () => {
    const schema = JSON.parse(readFileSync('schema/mlci.schema.json', 'utf8'));
    const drift = schema.properties.drift;
    expect(drift.properties.alpha).toMatchObject({ exclusiveMinimum: 0, maximum: 0.5 });
    expect(drift.properties['drift-share']).toMatchObject({ exclusiveMinimum: 0, maximum: 1 });
    expect(drift.properties.format.enum).toEqual(['csv', 'tsv', 'jsonl', 'parquet', 'ndjson', 'pq']);
  });
});
