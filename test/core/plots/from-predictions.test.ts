import { ParseError } from '../../../packages/core/src/errors.js';
import {
  confusionFromPredictions,
  curvesFromPredictions,
  thresholdSweep,
} from '../../../packages/core/src/plots/from-predictions.js';
import {
  averagePrecision,
  summarizeConfusion,
  trapezoidArea,
} from '../../../packages/core/src/plots/metrics.js';
import { readPredictions, type PredictionSet } from '../../../packages/core/src/readers/predictions.js';

function set(labels: string[], scores?: number[], predictions?: string[]): PredictionSet {
  const s: PredictionSet = {
    file: 'preds.csv',
    ids: labels.map((_, i) => String(i + 1)),
    hasIds: false,
    labels,
    scores: new Map(scores === undefined ? [] : [['score', scores]]),
  };
  if (predictions !== undefined) s.predictions = predictions;
  return s;
}

describe('confusion matrices from predictions', () => {
  it('counts label/prediction pairs from a predictions file', async () => {
    const m = confusionFromPredictions(
      await readPredictions('test/fixtures/generated/plots/predictions.csv'),
    );
    expect(m.labels).toEqual(['0', '1']);
    // labels 0,0,1,1; predictions (score >= 0.5) 0,0,0,1
    expect(m.counts).toEqual([
      [2, 0],
      [1, 1],
    ]);
    const summary = summarizeConfusion(m);
    expect(summary.accuracy).toBe(0.75);
    expect(summary.topConfusion).toEqual({ actual: '1', predicted: '0', count: 1, shareOfRow: 0.5 });
  });

  it('includes classes that are only predicted, never actual', () => {
    const m = confusionFromPredictions(set(['a', 'a'], undefined, ['a', 'z']));
    expect(m.labels).toEqual(['a', 'z']);
    expect(m.counts).toEqual([
      [1, 1],
      [0, 0],
    ]);
  });

  it('needs both columns, and says which is missing', () => {
    expect(() => confusionFromPredictions(set(['a']))).toThrow(ParseError);
    expect(() => confusionFromPredictions(set(['a']))).toThrow(/found no prediction column/);
    expect(() => confusionFromPredictions(set(['a', 'b'], undefined, ['a', '']))).toThrow(
      'preds.csv (key "row 2"): the prediction is empty: every example needs both',
    );
  });
});

describe('ROC and precision-recall curves from scores', () => {
  // scikit-learn's documentation example: roc_auc_score = 0.75, average_precision_score = 0.8333...
  const labels = ['0', '0', '1', '1'];
  const scores = [0.1, 0.4, 0.35, 0.8];

  it("matches scikit-learn's roc_curve, AUC and average precision", () => {
    const { roc, pr, scoreColumn, positive } = curvesFromPredictions(set(labels, scores));
    expect([scoreColumn, positive]).toEqual(['score', '1']);
    expect(roc.fpr).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(roc.tpr).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(roc.thresholds).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
    expect(roc.auc).toBeCloseTo(0.75, 12);
    expect(pr.ap).toBeCloseTo(5 / 6, 12);
    expect(pr.prevalence).toBe(0.5);
  });

  it('moves tied scores together: a positive tied with a negative is half a rank', () => {
    // Positives 0.9 and 0.5, negatives 0.5 and 0.1: 3 of 4 pairs ordered, 1 tied -> AUC 3.5 / 4.
    const { roc, pr } = curvesFromPredictions(set(['1', '1', '0', '0'], [0.9, 0.5, 0.5, 0.1]));
    expect(roc.fpr).toEqual([0, 0, 0.5, 1]);
    expect(roc.tpr).toEqual([0, 0.5, 1, 1]);
    expect(roc.auc).toBeCloseTo(0.875, 12);
    // Recall 0.5 at precision 1, then recall 1 at precision 2/3 (the tie adds one of each).
    expect(pr.ap).toBeCloseTo(0.5 * 1 + 0.5 * (2 / 3), 12);
  });

  it('gives AUC 1 and AP 1 for a perfect ranking and AUC 0 for a reversed one', () => {
    expect(curvesFromPredictions(set(['1', '0'], [0.9, 0.1])).roc.auc).toBe(1);
    expect(curvesFromPredictions(set(['1', '0'], [0.9, 0.1])).pr.ap).toBe(1);
    expect(curvesFromPredictions(set(['1', '0'], [0.1, 0.9])).roc.auc).toBe(0);
  });

  it('takes a named score column and a named positive class', () => {
    const s = set(['neg', 'pos', 'pos'], [0.2, 0.7, 0.9]);
    s.scores.set('p_pos', [0.2, 0.7, 0.9]);
    const curves = curvesFromPredictions(s, { scoreColumn: 'p_pos', positive: 'pos' });
    expect(curves.roc.auc).toBe(1);
  });

  it('explains what is missing or ambiguous', () => {
    expect(() => curvesFromPredictions(set(['a', 'b'], [0.1, 0.2]))).toThrow(
      'preds.csv: cannot tell which class is positive among "a" and "b": name it',
    );
    expect(() => curvesFromPredictions(set(['0', '1', '2'], [0.1, 0.2, 0.3]))).toThrow(
      /are for two classes; the labels have 3 \(0, 1, 2\)/,
    );
    expect(() => curvesFromPredictions(set(['0', '1']))).toThrow(/no score column: expected one of score/);
    expect(() => curvesFromPredictions(set(['1', '1'], [0.1, 0.2]))).toThrow(/every example is positive/);
    expect(() => curvesFromPredictions(set(['0', '1'], [0.1, NaN]))).toThrow(
      'preds.csv (key "row 2"): the score score is NaN: expected a number for every example',
    );
    expect(() => curvesFromPredictions(set(['0', '1'], [0.1, 0.2]), { positive: 'yes' })).toThrow(
      /the positive class "yes" is not among the labels/,
    );
  });
});

describe('the numbers', () => {
  it('integrates by trapezoid and steps for average precision', () => {
    expect(trapezoidArea([0, 0.5, 1], [0, 1, 1])).toBe(0.75);
    expect(averagePrecision([0.5, 0.5, 1], [1, 0.5, 0.5])).toBe(0.75);
  });

  it('sweeps thresholds from the highest score, one point per distinct score', () => {
    expect(thresholdSweep([0.3, 0.9, 0.3], [true, false, false])).toEqual({
      thresholds: [0.9, 0.3],
      tp: [0, 1],
      fp: [1, 2],
      positives: 1,
      negatives: 2,
    });
  });
});
