import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ParseError } from '../../../packages/core/src/errors.js';
import { dvcliveReader } from '../../../packages/core/src/readers/dvclive.js';
import { probePath } from '../../../packages/core/src/readers/files.js';
import { chooseReader, readMetricsPath } from '../../../packages/core/src/readers/registry.js';

const REAL = 'test/fixtures/real/dvclive/airq-dvclive';
const root = mkdtempSync(join(tmpdir(), 'mlci-dvclive-'));

function folder(name: string, files: Record<string, string>): string {
  const base = join(root, name);
  mkdirSync(base, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), content);
  }
  return base;
}

describe('dvclive output folder (real)', () => {
  it('reads metrics.json, params.yaml and the plots/metrics curves with exact values', async () => {
    const doc = await readMetricsPath(REAL);
    expect(doc.metrics).toEqual({
      step: 2,
      'train.accuracy': 2.76490845206126,
      'train.loss': 0.6244843611129819,
      'val.accuracy': 2.901352089696836,
      'val.loss': 0.7266902432695576,
    });
    expect(doc.params).toEqual({ epochs: 3 });
    expect(Object.keys(doc.series)).toEqual(['train.loss', 'val.accuracy', 'val.loss']);
    expect(doc.series['train.loss']!.points).toEqual([
      { step: 0, value: 2.278962097325707 },
      { step: 1, value: 1.2712801712746797 },
      { step: 2, value: 0.6244843611129819 },
    ]);
    expect(doc.series['val.accuracy']!.points).toEqual([
      { step: 0, value: 0.24607177024980054 },
      { step: 1, value: 1.6346540640957357 },
      { step: 2, value: 2.901352089696836 },
    ]);
    expect(doc.series['val.loss']!.stats).toMatchObject({
      count: 3,
      min: 0.7266902432695576,
      minStep: 2,
      max: 2.3690964418263825,
      maxStep: 0,
    });
    expect(doc.sources).toEqual([
      {
        file: REAL,
        format: 'dvclive',
        notes: ['read plots/metrics (3 curves), metrics.json, params.yaml'],
        warnings: [],
      },
    ]);
  });

  it('is detected as dvclive, not as a plain folder', async () => {
    expect(chooseReader(await probePath(REAL))?.format).toBe('dvclive');
  });
});

describe('dvclive output folders (generated)', () => {
  it('lets metrics.json win over last points, reads timestamps and notes what it does not read', async () => {
    const path = folder('dvclive', {
      'metrics.json': '{"train": {"loss": 0.25, "acc": NaN}, "eval": {"top.1": 0.5}, "step": 3}',
      'params.yaml': 'lr: 0.001\nmodel:\n  name: resnet\n  layers: [18]\n',
      'plots/metrics/train/loss.tsv':
        'timestamp\tstep\ttrain/loss\n1700000000000\t0\t1.0\n1700000001000\t1\t0.5\n1700000002500\t3\t0.3\n',
      'plots/metrics/eval/top.1.tsv': 'step\ttop.1\n0\t0.1\n3\t0.4\n',
      'plots/sklearn/confusion_matrix.json': '{"confusion_matrix": []}',
      'plots/images/sample.png': 'png',
      'report.html': '<html></html>',
      'dvc.yaml': 'metrics:\n- metrics.json\n',
    });
    const doc = await readMetricsPath(path);
    expect(doc.metrics).toEqual({ 'eval.top\\.1': 0.5, step: 3, 'train.acc': NaN, 'train.loss': 0.25 });
    expect(doc.params).toEqual({ lr: 0.001, 'model.layers': 18, 'model.name': 'resnet' });
    expect(doc.series['train.loss']!.points).toEqual([
      { step: 0, value: 1, wallTime: 1700000000 },
      { step: 1, value: 0.5, wallTime: 1700000001 },
      { step: 3, value: 0.3, wallTime: 1700000002.5 },
    ]);
    expect(doc.series['eval.top\\.1']!.stats.last).toEqual({ step: 3, value: 0.4 });
    expect(doc.sources[0]!.notes).toEqual([
      'plots/metrics/train/loss.tsv: column "timestamp" is read as the wall-clock time of each point',
      'read plots/metrics (2 curves), metrics.json, params.yaml',
      'not read (plot data, images and reports are not metrics): dvc.yaml, report.html, plots/images, plots/sklearn',
    ]);
  });

  it('reads a folder with only curves, and an empty dvclive folder with a note', async () => {
    const curves = folder('only-curves', { 'plots/metrics/loss.tsv': 'step\tloss\n0\t2\n1\t1\n' });
    expect(chooseReader(await probePath(curves))?.format).toBe('dvclive');
    expect((await readMetricsPath(curves)).metrics).toEqual({ loss: 1 });

    const empty = folder('empty/dvclive', {});
    expect(dvcliveReader.detect(await probePath(empty))).toBeGreaterThan(0);
    const doc = await readMetricsPath(empty, { format: 'dvclive' });
    expect(doc.sources[0]!.notes).toEqual([
      'found no metrics.json, params.yaml or plots/metrics in this folder: nothing to read yet',
    ]);
  });

  it('does not claim an ordinary folder', async () => {
    const plain = folder('plain', { 'metrics.json': '{"acc": 1}', 'notes.txt': 'x' });
    expect(dvcliveReader.detect(await probePath(plain))).toBe(0);
  });

  it('copes with a file where a folder was expected', async () => {
    const odd = folder('odd', {
      'metrics.json': '{"acc": 1}',
      'params.yaml': 'a: 1\n',
      plots: 'not a folder',
    });
    const doc = await readMetricsPath(odd, { format: 'dvclive' });
    expect(doc.metrics).toEqual({ acc: 1 });
    expect(doc.sources[0]!.notes.at(-1)).toBe(
      'not read (plot data, images and reports are not metrics): plots',
    );
  });

  it('names the damaged curve file in errors and warnings', async () => {
    const path = folder('broken', {
      'metrics.json': '{"loss": 1}',
      'plots/metrics/loss.tsv': 'step\tloss\n0\t2\n1\t1\textra\n',
    });
    await expect(readMetricsPath(path)).rejects.toThrow(
      new ParseError(
        { file: join(path, 'plots', 'metrics', 'loss.tsv'), line: 3, column: 5 },
        'expected 2 columns as in the header, found 3',
      ),
    );
    const warned = folder('warned', { 'plots/metrics/acc.tsv': 'step\tacc\n0\t0.5\n1\tx\n2\t0.7\n' });
    expect((await readMetricsPath(warned)).sources[0]!.warnings).toEqual([
      'plots/metrics/acc.tsv: line 3: column "acc" holds "x", which is not a number; it was not read',
    ]);
  });

  it('reports a broken metrics.json with its line and column', async () => {
    const path = folder('bad-json', {
      'metrics.json': '{\n  "loss": ,\n}',
      'plots/metrics/loss.tsv': 'step\tloss\n0\t1\n',
    });
    await expect(readMetricsPath(path)).rejects.toThrow(`${join(path, 'metrics.json')}:2:11: invalid JSON`);
  });
});
