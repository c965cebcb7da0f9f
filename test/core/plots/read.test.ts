import { ParseError } from '../../../packages/core/src/errors.js';
import { detectPlotKind, parsePlotText, readPlotFile } from '../../../packages/core/src/plots/read.js';
import type { ConfusionMatrix, PrCurve, RocCurve } from '../../../packages/core/src/plots/model.js';

const DIR = 'test/fixtures/generated/plots';

/** The error a parse throws: its class and message. */
function failure(text: string, format: 'json' | 'csv' | 'tsv' = 'json', file = 'plot.json'): ParseError {
  try {
    parsePlotText(text, file, format);
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    return error as ParseError;
  }
  throw new Error('expected a ParseError');
}

describe('detectPlotKind', () => {
  it('tells the plot by its field names, in any case', () => {
    expect(detectPlotKind(['actual', 'predicted'])).toBe('confusion');
    expect(detectPlotKind(['y_true', 'y_pred'])).toBe('confusion');
    expect(detectPlotKind(['FPR', 'TPR', 'threshold'])).toBe('roc');
    expect(detectPlotKind(['precision', 'recall', 'threshold'])).toBe('pr');
    expect(detectPlotKind(['step', 'loss'])).toBeUndefined();
  });
});

describe('reading confusion matrices', () => {
  const CAT_DOG_BIRD = [
    [50, 3, 2],
    [5, 40, 0],
    [1, 2, 17],
  ];
  // actual 0,0,0,0,1,1,1,2,2,2,2,2 / predicted 0,0,1,0,1,1,0,2,2,1,2,2
  const COUNTED = [
    [3, 1, 0],
    [1, 2, 0],
    [0, 1, 4],
  ];

  it("reads dvclive's list of {actual, predicted} rows (labels as strings) into counts", async () => {
    const m = (await readPlotFile(`${DIR}/dvclive-confusion_matrix.json`)) as ConfusionMatrix;
    expect(m.kind).toBe('confusion');
    expect(m.labels).toEqual(['0', '1', '2']);
    expect(m.counts).toEqual(COUNTED);
    expect(m.integer).toBe(true);
  });

  it('reads the same rows from a DVC plot CSV', async () => {
    const m = (await readPlotFile(`${DIR}/confusion.csv`)) as ConfusionMatrix;
    expect(m.counts).toEqual(COUNTED);
  });

  it('reads rows wrapped in an object keyed by the plot name', () => {
    const m = parsePlotText(
      '{"confusion_matrix": [{"actual": "b", "predicted": "a"}, {"actual": "a", "predicted": "a"}]}',
      'cm.json',
      'json',
    ) as ConfusionMatrix;
    expect(m.labels).toEqual(['a', 'b']);
    expect(m.counts).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  it('orders numeric labels numerically: 2 before 10', () => {
    const m = parsePlotText('actual,predicted\n10,2\n2,2\n', 'cm.csv', 'csv') as ConfusionMatrix;
    expect(m.labels).toEqual(['2', '10']);
  });

  it('reads {"labels", "matrix"}, keeping the given class order', async () => {
    const m = (await readPlotFile(`${DIR}/sklearn-labels-matrix.json`)) as ConfusionMatrix;
    expect(m.labels).toEqual(['cat', 'dog', 'bird']);
    expect(m.counts).toEqual(CAT_DOG_BIRD);
  });

  it('reads {"confusion_matrix": [[...]]} and a bare nested list, naming classes 0, 1, ...', async () => {
    const a = (await readPlotFile(`${DIR}/sklearn-confusion_matrix.json`)) as ConfusionMatrix;
    expect(a.labels).toEqual(['0', '1', '2']);
    expect(a.counts).toEqual(CAT_DOG_BIRD);
    const b = (await readPlotFile(`${DIR}/bare-matrix.json`)) as ConfusionMatrix;
    expect(b.counts).toEqual([
      [8, 2],
      [1, 9],
    ]);
  });

  it('accepts a normalised matrix, marking it as not counts', () => {
    const m = parsePlotText('[[0.9, 0.1], [0.25, 0.75]]', 'cm.json', 'json') as ConfusionMatrix;
    expect(m.integer).toBe(false);
  });

  it('rejects a ragged matrix, naming the row and the expected length', () => {
    const e = failure('{"matrix": [[1, 2, 3], [4, 5], [6, 7, 8]]}');
    expect(e.location).toEqual({ file: 'plot.json', key: 'matrix[1]' });
    expect(e.message).toBe(
      'plot.json (key "matrix[1]"): expected 3 counts (the matrix has 3 rows, one per actual class, and must be square), found 2',
    );
  });

  it('rejects a non-square matrix', () => {
    expect(failure('[[1, 2, 3], [4, 5, 6]]').message).toMatch(/key "\[0\]".*expected 2 counts.*found 3/);
  });

  it('rejects negative, NaN and non-numeric counts, naming the cell', () => {
    expect(failure('[[1, -2], [3, 4]]').message).toBe(
      'plot.json (key "[0][1]"): expected a count of 0 or more, found -2',
    );
    expect(failure('{"matrix": [[1, 2], [NaN, 4]]}').message).toMatch(/key "matrix\[1\]\[0\]".*found NaN/);
    expect(failure('[[1, "x"], [3, 4]]').message).toMatch(/found "x"/);
  });

  it('rejects class names that do not match the matrix', () => {
    expect(failure('{"labels": ["a"], "matrix": [[1, 2], [3, 4]]}').message).toBe(
      'plot.json (key "labels"): expected 2 class names, one per row of the matrix, found a list of 1',
    );
    expect(failure('{"labels": ["a", "a"], "matrix": [[1, 2], [3, 4]]}').message).toMatch(
      /class "a" is named twice/,
    );
  });

  it('rejects a row without a predicted label, naming the line (CSV) or the key (JSON)', () => {
    const csv = failure('actual,predicted\ncat,dog\ndog,\n', 'csv', 'cm.csv');
    expect(csv.location).toEqual({ file: 'cm.csv', line: 3, key: 'predicted' });
    expect(csv.message).toBe('cm.csv:3 (key "predicted"): expected a class label, found nothing');
    const json = failure('[{"actual": "a", "predicted": "b"}, {"actual": "a"}]');
    expect(json.message).toBe('plot.json (key "[1].predicted"): expected a class label, found nothing');
  });

  it('rejects rows that are not objects and files with neither shape', () => {
    expect(failure('[{"actual": "a", "predicted": "b"}, 3]').message).toMatch(
      /key "\[1\]".*expected an object per row.*found 3/,
    );
    expect(failure('{"loss": 1, "acc": 2}').message).toMatch(
      /expected confusion-matrix rows.*found an object with keys loss, acc/,
    );
    expect(failure('[]').message).toMatch(/found an empty list/);
    expect(failure('step,loss\n1,2\n', 'csv', 'log.csv').message).toBe(
      'log.csv: expected confusion-matrix rows (actual, predicted), a matrix of counts, ROC points (fpr, tpr) or precision-recall points (precision, recall), found columns step, loss',
    );
    expect(failure('actual,predicted\n', 'csv', 'cm.csv').message).toMatch(/no rows/);
  });
});

describe('reading ROC curves', () => {
  const check = (roc: RocCurve) => {
    expect(roc.kind).toBe('roc');
    expect(roc.fpr).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(roc.tpr).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(roc.thresholds).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
    // scikit-learn's roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) is 0.75.
    expect(roc.auc).toBeCloseTo(0.75, 12);
  };

  it('reads dvclive\'s {"roc": [{fpr, tpr, threshold}]} with Python\'s bare Infinity', async () => {
    check((await readPlotFile(`${DIR}/dvclive-roc.json`)) as RocCurve);
  });

  it('reads scikit-learn columns {fpr, tpr, thresholds} and a DVC TSV with "inf"', async () => {
    check((await readPlotFile(`${DIR}/sklearn-roc.json`)) as RocCurve);
    check((await readPlotFile(`${DIR}/roc.tsv`)) as RocCurve);
  });

  it('sorts points given in any order before integrating', () => {
    const roc = parsePlotText('fpr,tpr\n1,1\n0,0\n0.5,1\n', 'r.csv', 'csv') as RocCurve;
    expect(roc.fpr).toEqual([0, 0.5, 1]);
    expect(roc.auc).toBeCloseTo(0.75, 12);
  });

  it('rejects rates outside [0, 1], naming the point', () => {
    expect(failure('{"roc": [{"fpr": 0, "tpr": 0}, {"fpr": 1.5, "tpr": 1}]}').message).toBe(
      'plot.json (key "roc[1].fpr"): expected a rate between 0 and 1, found 1.5',
    );
    expect(failure('fpr,tpr\n0,0\n0.5,-0.1\n', 'csv', 'roc.csv').message).toBe(
      'roc.csv:3 (key "tpr"): expected a rate between 0 and 1, found -0.1',
    );
    expect(failure('fpr,tpr\n0,0\nnan,1\n', 'csv', 'roc.csv').message).toMatch(
      /roc.csv:3 \(key "fpr"\).*found NaN/,
    );
    expect(failure('{"fpr": [0, 1], "tpr": [0, "x"]}').message).toMatch(/key "tpr\[1\]".*found "x"/);
  });

  it('rejects lists of different lengths', () => {
    expect(failure('{"fpr": [0, 0.5, 1], "tpr": [0, 1]}').message).toBe(
      'plot.json (key "tpr"): has 2 values but fpr has 3: expected one value per point in every list',
    );
  });

  it('rejects a NaN threshold but not an infinite one', () => {
    expect(failure('{"roc": [{"fpr": 0, "tpr": 0, "threshold": NaN}]}').message).toMatch(
      /key "roc\[0\].threshold".*expected a score threshold/,
    );
  });
});

describe('reading precision-recall curves', () => {
  it('reads dvclive\'s "precision_recall" key and the older "prc" one', async () => {
    for (const name of ['dvclive-precision_recall.json', 'dvclive-prc-old.json']) {
      const pr = (await readPlotFile(`${DIR}/${name}`)) as PrCurve;
      expect(pr.kind).toBe('pr');
      expect(pr.recall).toEqual([0.5, 0.5, 1, 1]);
      // scikit-learn's average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) is 0.8333...
      expect(pr.ap).toBeCloseTo(5 / 6, 12);
    }
  });

  it("reads scikit-learn's columns, whose thresholds are one fewer than the points", async () => {
    const pr = (await readPlotFile(`${DIR}/sklearn-pr.json`)) as PrCurve;
    expect(pr.recall).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(pr.precision).toEqual([1, 1, 0.5, 2 / 3, 0.5]);
    expect(pr.thresholds).toBeUndefined();
    expect(pr.ap).toBeCloseTo(5 / 6, 12);
  });

  it('rejects a precision above 1', () => {
    expect(failure('precision,recall\n1.2,0.5\n', 'csv', 'pr.csv').message).toBe(
      'pr.csv:2 (key "precision"): expected a rate between 0 and 1, found 1.2',
    );
  });

  it('honours a forced kind and says what column is missing', () => {
    expect(() => parsePlotText('fpr,x\n0,1\n', 'r.csv', 'csv', { kind: 'roc' })).toThrow(
      'r.csv: expected a true positive rate column ("tpr" or "true_positive_rate") for a ROC curve, found columns fpr, x',
    );
  });
});
