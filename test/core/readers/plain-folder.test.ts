import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../../../packages/core/src/errors.js';
import { readMetricsPath } from '../../../packages/core/src/readers/registry.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-folder-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('a folder that is no tool’s output folder', () => {
  it('reads every recognised file as one run, a summary winning over a log’s last point', async () => {
    const dir = folder({
      'metrics.json': '{"accuracy": 0.91}',
      'training-log.csv': 'epoch,accuracy,loss\n0,0.5,1.0\n1,0.93,0.4\n',
    });
    const doc = await readMetricsPath(dir);
    expect(doc.metrics).toEqual({ accuracy: 0.91, loss: 0.4 });
    expect(Object.keys(doc.series)).toEqual(['accuracy', 'loss']);
    expect(doc.sources.map((s) => s.format)).toEqual(['csv', 'json']);
  });

  it('names what it did not read, and skips configuration files', async () => {
    const dir = folder({
      'metrics.json': '{"f1": 0.8}',
      'dvc.yaml': 'stages: {}\n',
      '.mlci.yml': 'gates: []\n',
      'model.bin': '\u0000\u0001',
      'plots/roc.json': '{}',
    });
    const doc = await readMetricsPath(dir);
    expect(doc.metrics).toEqual({ f1: 0.8 });
    expect(doc.sources[0]!.notes).toEqual([
      `read the recognised files of folder ${dir}; not read: .mlci.yml, dvc.yaml, model.bin, plots/`,
    ]);
  });

  it('explains a folder with nothing it recognises', async () => {
    const dir = folder({ 'model.bin': 'x', 'README.md': '# hi' });
    await expect(readMetricsPath(dir)).rejects.toBeInstanceOf(ConfigurationError);
    await expect(readMetricsPath(dir)).rejects.toThrow(
      /found no metrics mlci recognises in this folder \(it holds README\.md, model\.bin\)/,
    );
  });
});
