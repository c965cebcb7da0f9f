import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ConfigurationError, MlciError, ParseError } from '../../../packages/core/src/errors.js';
import { readMetrics, readMetricsPath } from '../../../packages/core/src/readers/registry.js';
import { parseTomlText, parseYamlText } from '../../../packages/core/src/readers/structured.js';

const REAL = 'test/fixtures/real';
const dir = mkdtempSync(join(tmpdir(), 'mlci-structured-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('JSON metrics files (DVC)', () => {
  it('reads nested DVC metrics of a real project', async () => {
    const doc = await readMetricsPath(`${REAL}/dvc/churn-metrics-nested-rev-c4404a0.json`);
    expect(doc.metrics).toEqual({
      f1: 0.587641866330391,
      'f1_by_geo.France': 0.5,
      'f1_by_geo.Germany': 0.6610169491525424,
      'f1_by_geo.Spain': 0.5850340136054422,
      roc_auc: 0.8653910482364984,
      'roc_auc_by_geo.France': 0.8432856903445138,
      'roc_auc_by_geo.Germany': 0.860701075706675,
      'roc_auc_by_geo.Spain': 0.8756786446120371,
    });
    expect(doc.sources).toEqual([
      { file: `${REAL}/dvc/churn-metrics-nested-rev-c4404a0.json`, format: 'json', notes: [], warnings: [] },
    ]);
  });

  it('reads a flat metrics file', async () => {
    const doc = await readMetricsPath(`${REAL}/dvc/churn-metrics-flat-head.json`);
    expect(Object.keys(doc.metrics)).toEqual(['f1', 'roc_auc']);
  });

  it('reports a syntax error with file, line and column', async () => {
    const path = file('broken.json', '{\n  "acc": 0.9,\n  "f1": ,\n}\n');
    await expect(readMetricsPath(path)).rejects.toThrow(
      new ParseError(
        { file: path, line: 3, column: 9 },
        'invalid JSON: expected a value (object, array, string, number, true, false or null), found ",',
      ).message.replace(/found.*$/, ''),
    );
    await expect(readMetricsPath(path)).rejects.toBeInstanceOf(ParseError);
  });

  it('refuses binary content with the offset of the first byte that is not UTF-8', async () => {
    const path = file('binary.json', Uint8Array.from([0x7b, 0x22, 0x61, 0xff, 0xfe, 0x22]));
    await expect(readMetricsPath(path)).rejects.toThrow(`${path} at byte 3: not UTF-8 text`);
  });
});

describe('YAML and TOML metrics files', () => {
  it('reads a DVC params file as params by its name', async () => {
    const path = file('params.yaml', 'train:\n  lr: 0.1\n  n_estimators: 50\nbase:\n  project: churn\n');
    const doc = await readMetricsPath(path);
    expect(doc.metrics).toEqual({});
    expect(doc.params).toEqual({ 'base.project': 'churn', 'train.lr': 0.1, 'train.n_estimators': 50 });
  });

  it('reads YAML non-finite spellings as numbers', async () => {
    const doc = await readMetricsPath(file('m.yaml', 'loss: .nan\nbest: .inf\nacc: 0.9\n'));
    expect(doc.metrics.loss).toBeNaN();
    expect(doc.metrics.best).toBe(Infinity);
  });

  it('reports YAML mistakes with line and column', () => {
    expect(() => parseYamlText('a: 1\nb: [1, 2\nc: 3\n', 'm.yaml')).toThrow(
      /^m\.yaml:3:1: invalid YAML: Flow sequence/,
    );
    expect(() => parseYamlText('a: 1\n  b: 2\n', 'm.yaml')).toThrow(
      'm.yaml:1:4: invalid YAML: Nested mappings are not allowed in compact mappings',
    );
  });

  it('reads TOML tables and reports its mistakes with line and column', async () => {
    const doc = await readMetricsPath(file('m.toml', '[eval]\naccuracy = 0.91\nloss = nan\n'));
    expect(doc.metrics['eval.accuracy']).toBe(0.91);
    expect(doc.metrics['eval.loss']).toBeNaN();
    await expect(parseTomlText('[eval]\naccuracy = \n', 'm.toml')).rejects.toThrow(
      /^m\.toml:2:\d+: invalid TOML/,
    );
  });
});

describe('choosing the reader', () => {
  it('says which formats exist when --format is unknown', async () => {
    await expect(
      readMetricsPath(`${REAL}/dvc/churn-metrics-flat-head.json`, { format: 'parquet' }),
    ).rejects.toThrow(/unknown format "parquet": expected one of .*json/);
  });

  it('honours --format over the extension', async () => {
    const path = file('metrics.txt', 'acc: 0.5\n');
    expect((await readMetricsPath(path, { format: 'yml' })).metrics).toEqual({ acc: 0.5 });
  });

  it('explains a file it cannot recognise', async () => {
    const path = file('notes.bin', 'hello');
    await expect(readMetricsPath(path)).rejects.toBeInstanceOf(ConfigurationError);
    await expect(readMetricsPath(path)).rejects.toThrow(/cannot tell which metrics format .* Pass --format/);
  });

  it('names a missing path', async () => {
    await expect(readMetrics(['missing.json'])).rejects.toThrow('missing.json: no such file or folder');
    await expect(readMetrics([])).rejects.toThrow(/no metrics file given/);
  });

  it('only ever returns a document or throws its own error type, whatever the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom('json', 'yaml', 'toml'),
        async (bytes, format) => {
          const path = file(`fuzz.${format}`, bytes);
          try {
            const doc = await readMetricsPath(path);
            expect(doc.sources[0]!.format).toBe(format);
          } catch (error) {
            expect(error).toBeInstanceOf(MlciError);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
