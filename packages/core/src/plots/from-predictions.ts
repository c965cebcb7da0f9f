import { ParseError } from '../errors.js';
import type { PredictionSet } from '../readers/predictions.js';
import { countPairs, prCurve, rocCurve } from './metrics.js';
import type { ConfusionMatrix, PrCurve, RocCurve } from './model.js';

/**
 * Plots computed from per-example predictions (readPredictions): the confusion matrix from the
 * label and prediction columns, and for a binary task with a score column, the ROC and
 * precision-recall curves, computed the way scikit-learn's `roc_curve` and
 * `precision_recall_curve` do (one point per distinct score, tied scores move together).
 */

/** Score columns, in the order they are looked for, when no column is named. */
export const SCORE_COLUMNS = [
  'score',
  'scores',
  'y_score',
  'y_prob',
  'prob',
  'proba',
  'probability',
  'prob_1',
  'p1',
  'positive_score',
  'logit',
];

/** Class names read as "positive" when none is named: the larger of 0/1, true, yes, pos, positive. */
const POSITIVE_NAMES = ['1', '1.0', 'true', 'yes', 'pos', 'positive'];

export function confusionFromPredictions(set: PredictionSet): ConfusionMatrix {
  if (set.labels === undefined || set.predictions === undefined)
    throw new ParseError(
      { file: set.file },
      `a confusion matrix needs a label column (label, target, y_true, ...) and a prediction column (prediction, pred, y_pred, ...); found ${set.labels === undefined ? 'no label column' : 'no prediction column'}`,
    );
  const labels = set.labels;
  const predictions = set.predictions;
  labels.forEach((label, i) => {
    if (label === '' || predictions[i] === '')
      throw new ParseError(
        { file: set.file, key: set.hasIds ? `example ${set.ids[i]}` : `row ${i + 1}` },
        `the ${label === '' ? 'label' : 'prediction'} is empty: every example needs both`,
      );
  });
  return countPairs(set.file, labels, predictions);
}

export interface PredictionCurveOptions {
  /** The score column; default: the first of SCORE_COLUMNS the file has. */
  scoreColumn?: string;
  /** The positive class; default: `1` (or `true`, `yes`, `pos`, `positive`) when one of the two classes is named so. */
  positive?: string;
}

export interface BinaryCurves {
  roc: RocCurve;
  pr: PrCurve;
  /** The score column used and the positive class, for the report to say. */
  scoreColumn: string;
  positive: string;
}

/** ROC and precision-recall curves of a binary classifier's scores (higher = more positive). */
export function curvesFromPredictions(
  set: PredictionSet,
  options: PredictionCurveOptions = {},
): BinaryCurves {
  const file = set.file;
  if (set.labels === undefined)
    throw new ParseError(
      { file },
      'ROC and precision-recall curves need a label column (label, target, y_true, ...)',
    );
  const scoreColumn = options.scoreColumn ?? SCORE_COLUMNS.find((c) => set.scores.has(c));
  const scores = scoreColumn === undefined ? undefined : set.scores.get(scoreColumn);
  if (scoreColumn === undefined || scores === undefined) {
    const numeric = [...set.scores.keys()];
    throw new ParseError(
      { file, ...(scoreColumn !== undefined ? { key: scoreColumn } : {}) },
      `${scoreColumn !== undefined ? `no numeric column "${scoreColumn}"` : 'no score column'}: expected one of ${SCORE_COLUMNS.join(', ')}${numeric.length > 0 ? ` (numeric columns found: ${numeric.join(', ')}; name one as the score column)` : ''}`,
    );
  }
  scores.forEach((s, i) => {
    if (Number.isNaN(s))
      throw new ParseError(
        { file, key: set.hasIds ? `example ${set.ids[i]}` : `row ${i + 1}` },
        `the ${scoreColumn} score is NaN: expected a number for every example`,
      );
  });
  const classes = [...new Set(set.labels)];
  const positive = options.positive ?? classes.find((c) => POSITIVE_NAMES.includes(c.toLowerCase()));
  if (
    classes.length > 2 ||
    positive === undefined ||
    (options.positive !== undefined && !classes.includes(positive))
  )
    throw new ParseError(
      { file },
      classes.length > 2
        ? `ROC and precision-recall curves are for two classes; the labels have ${classes.length} (${classes.slice(0, 6).join(', ')}${classes.length > 6 ? ', ...' : ''})`
        : positive === undefined
          ? `cannot tell which class is positive among ${classes.map((c) => JSON.stringify(c)).join(' and ')}: name it`
          : `the positive class ${JSON.stringify(positive)} is not among the labels (${classes.map((c) => JSON.stringify(c)).join(', ')})`,
    );
  const isPositive = set.labels.map((l) => l === positive);
  const sweep = thresholdSweep(scores, isPositive);
  if (sweep.positives === 0 || sweep.negatives === 0)
    throw new ParseError(
      { file },
      `every example is ${sweep.positives === 0 ? 'negative' : 'positive'}: ROC and precision-recall curves need examples of both classes`,
    );
  return { ...curvesFromSweep(file, sweep), scoreColumn, positive };
}

export interface Sweep {
  /** Distinct scores, highest first. */
  thresholds: number[];
  /** True and false positives when everything scored at or above each threshold is called positive. */
  tp: number[];
  fp: number[];
  positives: number;
  negatives: number;
}

/**
 * Sorts by score, highest first, and counts true and false positives at each distinct score, so
 * tied examples cross the threshold together (a tie between a positive and a negative is a
 * diagonal step of the ROC curve, worth half a rank, as in the Mann-Whitney statistic).
 */
export function thresholdSweep(scores: readonly number[], isPositive: readonly boolean[]): Sweep {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const sweep: Sweep = { thresholds: [], tp: [], fp: [], positives: 0, negatives: 0 };
  let tp = 0;
  let fp = 0;
  order.forEach((index, k) => {
    if (isPositive[index]) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[index]) {
      sweep.thresholds.push(scores[index]!);
      sweep.tp.push(tp);
      sweep.fp.push(fp);
    }
  });
  sweep.positives = tp;
  sweep.negatives = fp;
  return sweep;
}

export function curvesFromSweep(file: string, sweep: Sweep): { roc: RocCurve; pr: PrCurve } {
  const { positives: p, negatives: n } = sweep;
  // The ROC curve starts at (0, 0) above every score, as scikit-learn's does (threshold +inf).
  const fpr = [0, ...sweep.fp.map((f) => f / n)];
  const tpr = [0, ...sweep.tp.map((t) => t / p)];
  const rocThresholds = [Infinity, ...sweep.thresholds];
  // Precision is defined once something is called positive; the curve ends at recall 0 with
  // precision 1 (scikit-learn's convention), which adds nothing to the average precision.
  const recall = [0, ...sweep.tp.map((t) => t / p)];
  const precision = [1, ...sweep.tp.map((t, i) => t / (t + sweep.fp[i]!))];
  const prThresholds = [Infinity, ...sweep.thresholds];
  return {
    roc: rocCurve(file, fpr, tpr, rocThresholds),
    pr: prCurve(file, recall, precision, prThresholds, p / (p + n)),
  };
}
