import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { decodePng } from '../support/png.js';

const QUICK = 'examples/quickstart';
const PREDICTIONS = 'test/fixtures/generated/plots/predictions.csv';
const work = mkdtempSync(join(tmpdir(), 'mlci-report-cli-'));
let counter = 0;
const outDir = () => join(work, `out-${counter++}`);

function quickstart(out: string, ...more: string[]) {
  return runCli('report', '--config', `${QUICK}/.mlci.yml`, '--base', `${QUICK}/main`, '--out', out, ...more);
}

describe('mlci report', () => {
  it('writes report.md, one PNG per chart, report.json and index.html, and prints the verdict', async () => {
    const out = outDir();
    const result = await quickstart(out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('PASSED WITH WARNINGS');
    expect(result.stdout).toContain(`Report written to ${join(out, 'report.md')} with 3 charts`);
    expect(readdirSync(out).sort()).toEqual([
      'change-metrics.png',
      'curve-accuracy.png',
      'curve-loss.png',
      'index.html',
      'report.json',
      'report.md',
    ]);
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    expect(markdown.startsWith('## mlci report\n\n**⚠️ Passed with warnings**')).toBe(true);
    expect(markdown).toContain('Baseline: examples/quickstart/main');
    expect(markdown).toContain('](change-metrics.png)');
    expect(markdown.trimEnd().endsWith('<!-- mlci-report id="mlci" -->')).toBe(true);
    for (const png of ['change-metrics.png', 'curve-loss.png', 'curve-accuracy.png']) {
      const image = decodePng(readFileSync(join(out, png)));
      expect(image.width).toBe(1600);
      expect(image.height).toBeGreaterThan(400);
    }
    const document = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(document).toMatchObject({ schema: 'mlci/report', version: 1, id: 'mlci', markdown: 'report.md' });
    expect(document.verdict.kind).toBe('passed-with-warnings');
    // The warned gate's metric has a curve: it explains the verdict, so it comes first.
    expect(document.charts.map((c: { file: string }) => c.file)).toEqual([
      'curve-loss.png',
      'change-metrics.png',
      'curve-accuracy.png',
    ]);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<img src="change-metrics.png"');
    expect(html).toContain('<table>');
  });

  it('writes identical bytes on every run', async () => {
    const a = outDir();
    const b = outDir();
    await quickstart(a);
    await quickstart(b);
    for (const file of readdirSync(a)) {
      expect(readFileSync(join(b, file)).equals(readFileSync(join(a, file)))).toBe(true);
    }
  });

  it('fails with exit code 1 when a gate fails, and says so at the top of the report', async () => {
    const out = outDir();
    const result = await quickstart(out, '--gate', 'accuracy >= 0.95');
    expect(result.code).toBe(1);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(
      /^## mlci report\n\n\*\*❌ Failed\*\*: 1 of 7 gates failed \(accuracy\)/,
    );
  });

  it('says clearly that there is no baseline, and still exits 0', async () => {
    const out = outDir();
    const result = await runCli('report', '--config', `${QUICK}/.mlci.yml`, '--out', out);
    expect(result.code).toBe(0);
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('No baseline');
    expect(markdown).toContain('**none found**');
  });

  it('draws the confusion matrix, ROC and precision-recall curves from predictions', async () => {
    const out = outDir();
    const result = await quickstart(
      out,
      '--head-predictions',
      PREDICTIONS,
      '--title',
      'Churn model',
      '--id',
      'mlci/churn',
    );
    expect(result.stderr).toBe('');
    for (const png of ['confusion-matrix.png', 'roc.png', 'precision-recall.png']) {
      expect(decodePng(readFileSync(join(out, png))).width).toBe(1600);
    }
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    expect(markdown.startsWith('## Churn model')).toBe(true);
    expect(markdown).toContain('](confusion-matrix.png)');
    expect(markdown.trimEnd().endsWith('<!-- mlci-report id="mlci/churn" -->')).toBe(true);
  });

  it('removes the charts of its previous report in the folder, and nothing else', async () => {
    const out = outDir();
    await quickstart(out, '--head-predictions', PREDICTIONS);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    writeFileSync(join(out, 'my-plot.png'), 'mine');
    await quickstart(out, '--max-curves', '0');
    expect(existsSync(join(out, 'roc.png'))).toBe(false);
    expect(existsSync(join(out, 'curve-loss.png'))).toBe(false);
    expect(existsSync(join(out, 'change-metrics.png'))).toBe(true);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, 'my-plot.png'), 'utf8')).toBe('mine');
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('--no-preview leaves out index.html, and removes the one its previous report wrote', async () => {
    const out = outDir();
    await quickstart(out);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    const result = await quickstart(out, '--no-preview');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Report written to ${join(out, 'report.md')} with 3 charts\n`);
    expect(result.stdout).not.toContain('preview:');
    expect(existsSync(join(out, 'index.html'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).not.toHaveProperty('preview');
    // A preview the user put there themselves (no report.json of mlci's names it) stays.
    writeFileSync(join(out, 'index.html'), 'mine');
    await quickstart(out, '--no-preview');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('mine');
  });

  it('prints report.json with --json', async () => {
    const out = outDir();
    const result = await quickstart(out, '--json');
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
  });

  it('explains bad input with exit code 2', async () => {
    expect(await runCli('report', '--config', `${QUICK}/.mlci.yml`)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no output folder: pass --out DIR'),
    });
    const file = join(work, 'a-file');
    writeFileSync(file, '');
    expect(await quickstart(file)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`--out ${file}: is a file; expected a folder`),
    });
    expect(await quickstart(outDir(), '--max-curves', 'many')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--max-curves "many": expected a whole number from 0 to 50'),
    });
    expect(await quickstart(outDir(), '--id', 'my report')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--id "my report": expected letters, digits'),
    });
    expect(
      await quickstart(
        outDir(),
        '--plots',
        'test/fixtures/generated/plots/dvclive-roc.json',
        '--plots',
        'test/fixtures/generated/plots/sklearn-roc.json',
      ),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining('two ROC curves given') });
  });
});
