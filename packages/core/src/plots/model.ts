/**
 * Evaluation plots as ML tools write them (dvclive's `log_sklearn_plot`, DVC plot data files,
 * scikit-learn output dumped to JSON, per-example predictions), reduced to three shapes the
 * report can draw: a confusion matrix, a ROC curve and a precision-recall curve.
 */

export type PlotKind = 'confusion' | 'roc' | 'pr';

export interface ConfusionMatrix {
  kind: 'confusion';
  /** The file (or input) it came from, for messages. */
  file: string;
  /** Class names in display order; rows and columns of `counts` follow it. */
  labels: string[];
  /** `counts[actual][predicted]`: how many examples of class `actual` were predicted as `predicted`. */
  counts: number[][];
  /**
   * False when some cell is not a whole number (a matrix already normalised by sklearn's
   * `normalize=`): the cells are then shares, not counts, and there is no accuracy to state.
   */
  integer: boolean;
  /**
   * What runs it stands for when a side has several (seeds, folds), for the chart's title and alt
   * text: `summed over 3 runs`, `pooled over 3 runs`, `one run of 3: seed-1/eval/predictions.csv`.
   */
  scope?: string;
}

export interface RocCurve {
  kind: 'roc';
  file: string;
  /** Points sorted by false positive rate, then true positive rate. */
  fpr: number[];
  tpr: number[];
  /** The score threshold of each point, when the file gives one (may be ±Infinity). */
  thresholds?: number[];
  /** Area under the curve by the trapezoid rule over the sorted points. */
  auc: number;
  /**
   * What runs it stands for when a side has several (seeds, folds), for the chart's title and alt
   * text: `summed over 3 runs`, `pooled over 3 runs`, `one run of 3: seed-1/eval/predictions.csv`.
   */
  scope?: string;
}

export interface PrCurve {
  kind: 'pr';
  file: string;
  /** Points sorted by recall, then by precision, highest first. */
  recall: number[];
  precision: number[];
  thresholds?: number[];
  /**
   * Average precision as scikit-learn defines it: the sum over recall levels of the recall
   * increment times the precision where that recall is first reached (a step function, not the
   * trapezoid, which is optimistic on precision-recall curves).
   */
  ap: number;
  /** Share of positive examples, when known (from predictions): a no-skill classifier's precision. */
  prevalence?: number;
  /**
   * What runs it stands for when a side has several (seeds, folds), for the chart's title and alt
   * text: `summed over 3 runs`, `pooled over 3 runs`, `one run of 3: seed-1/eval/predictions.csv`.
   */
  scope?: string;
}

export type PlotData = ConfusionMatrix | RocCurve | PrCurve;
