import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { MlciError } from '../../../packages/core/src/errors.js';
import { probePath } from '../../../packages/core/src/readers/files.js';
import { chooseReader, readMetricsPath } from '../../../packages/core/src/readers/registry.js';

const REAL = 'test/fixtures/real/sklearn/remla-classification_report-dvc-metric.json';
const work = mkdtempSync(join(tmpdir(), 'mlci-sklearn-'));
let counter = 0;

function file(text: string, ext = 'txt'): string {
  const path = join(work, `report-${counter++}.${ext}`);
  writeFileSync(path, text);
  return path;
}

// Printed by scikit-learn 1.4 for the same predictions as the real JSON below (digits=2, the default).
const PRINTED = `              precision    recall  f1-score   support

           0       0.64      0.86      0.73        78
           1       0.85      0.63      0.72       102

    accuracy                           0.73       180
   macro avg       0.75      0.74      0.73       180
weighted avg       0.76      0.73      0.73       180
`;

describe('sklearn-report: the dict form (the real remla23 DVC metric)', () => {
  it('is detected by its content, beating the generic JSON reader', async () => {
    expect(chooseReader(await probePath(REAL))?.format).toBe('sklearn-report');
  });

  it('gives exactly the keys the JSON reader gives, so switching readers renames nothing', async () => {
    const asReport = await readMetricsPath(REAL);
    const asJson = await readMetricsPath(REAL, { format: 'json' });
    expect(asReport.metrics).toEqual(asJson.metrics);
    expect(asReport.metrics).toMatchObject({
      accuracy: 0.7277777777777777,
      '0.recall': 0.8589743589743589,
      '1.support': 102,
      'macro avg.f1-score': 0.7277021394831897,
      'weighted avg.precision': 0.760063492063492,
    });
    expect(asReport.sources[0]!.notes).toContain('2 classes: 0, 1');
  });

  it('names the row that is not a report row', async () => {
    const path = file(
      '{"cat": {"precision": 1, "recall": 1}, "macro avg": {"f1-score": 1, "support": 1}}',
      'json',
    );
    await expect(readMetricsPath(path, { format: 'sklearn' })).rejects.toThrow(
      /\(key "cat"\): expected numbers for f1-score, support in this row/,
    );
  });
});

describe('sklearn-report: the printed table', () => {
  it("is detected from its header and read with the dict form's keys", async () => {
    const path = file(PRINTED);
    expect(chooseReader(await probePath(path))?.format).toBe('sklearn-report');
    const doc = await readMetricsPath(path);
    expect(doc.metrics).toEqual({
      '0.precision': 0.64,
      '0.recall': 0.86,
      '0.f1-score': 0.73,
      '0.support': 78,
      '1.precision': 0.85,
      '1.recall': 0.63,
      '1.f1-score': 0.72,
      '1.support': 102,
      accuracy: 0.73,
      'macro avg.precision': 0.75,
      'macro avg.recall': 0.74,
      'macro avg.f1-score': 0.73,
      'macro avg.support': 180,
      'weighted avg.precision': 0.76,
      'weighted avg.recall': 0.73,
      'weighted avg.f1-score': 0.73,
      'weighted avg.support': 180,
    });
  });

  it('reads class names with spaces and dots, any number of digits, multi-label rows and nan', async () => {
    const text = `                  precision    recall  f1-score   support

         New York     0.9000    0.8000    0.8471        10
      v1.2 images     1.0000    0.5000    0.6667         4
           unseen        nan    0.0000    0.0000         0

        micro avg     0.9231    0.7500    0.8276        16
        macro avg     0.6333    0.4333    0.5046        16
     weighted avg     0.8125    0.6250    0.6964        16
      samples avg     0.7500    0.7500    0.7500        16
`;
    const doc = await readMetricsPath(file(text));
    expect(doc.metrics['New York.f1-score']).toBe(0.8471);
    expect(doc.metrics['v1\\.2 images.support']).toBe(4);
    expect(doc.metrics['unseen.precision']).toBeNaN();
    expect(doc.metrics['samples avg.recall']).toBe(0.75);
    expect(doc.metrics['accuracy']).toBeUndefined();
    expect(doc.sources[0]!.notes).toContain('3 classes: New York, v1.2 images, unseen');
  });

  it('finds the report inside a training log and says where it starts and ends', async () => {
    const text = `epoch 3 done\nevaluating...\n${PRINTED}\nsaved model to out/model.pt\n`;
    const doc = await readMetricsPath(file(text, 'log'));
    expect(doc.sources[0]!.format).toBe('sklearn-report');
    expect(doc.metrics['accuracy']).toBe(0.73);
    expect(doc.sources[0]!.notes).toContain(
      'read the report that starts at line 3; the lines before it are not part of it',
    );
    expect(doc.sources[0]!.notes.join('\n')).toContain('the lines after it are not part of it');
  });

  it('warns that a second report in the same file was not read', async () => {
    const doc = await readMetricsPath(file(`${PRINTED}\n${PRINTED}`));
    expect(doc.sources[0]!.warnings).toEqual([
      'another classification report starts at line 10 and was not read: keep one report per file',
    ]);
  });

  it('names the line of a row with a missing number, and of a fractional support', async () => {
    const missing = PRINTED.replace('0.86      0.73', '0.73');
    await expect(readMetricsPath(file(missing))).rejects.toThrow(
      /:3:1: expected a report row: a label and four numbers \(precision, recall, f1-score, support\)/,
    );
    const fractional = PRINTED.replace('102', '10.5');
    await expect(readMetricsPath(file(fractional))).rejects.toThrow(
      /:4:\d+: expected the support \(a count of examples, a whole number >= 0\), found "10.5"/,
    );
  });

  it('refuses a text without the header, naming what it looked for', async () => {
    await expect(readMetricsPath(file('accuracy 0.9\n'), { format: 'sklearn-report' })).rejects.toThrow(
      /:1: expected a classification report: a header line "precision recall f1-score support"/,
    );
  });

  it('only returns a document or throws a typed error, whatever is appended or cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: PRINTED.length }), fc.string({ maxLength: 80 }), async (cut, tail) => {
        const path = file(PRINTED.slice(0, cut) + tail);
        try {
          const doc = await readMetricsPath(path, { format: 'sklearn-report' });
          for (const value of Object.values(doc.metrics)) expect(typeof value).toBe('number');
        } catch (error) {
          expect(error).toBeInstanceOf(MlciError);
        }
      }),
      { numRuns: 200 },
    );
  });
});
