import type { ConfusionMatrix, PrCurve, RocCurve } from './model.js';

/**
 * The numbers a report states about a plot: AUC, average precision, accuracy, the largest
 * confusion. Pure functions over already validated data (read.ts checks ranges and lengths).
 */

/** Area under a curve given as points sorted by x, by the trapezoid rule. */
export function trapezoidArea(x: readonly number[], y: readonly number[]): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i]! - x[i - 1]!) * (y[i]! + y[i - 1]!)) / 2;
  return area;
}

/**
 * Average precision over points sorted by recall ascending and, at equal recall, precision
 * descending: each recall increment is weighted by the precision where that recall is first
 * reached. Along a threshold sweep the later points at the same recall only add false positives,
 * so that first precision is the highest one; sorting this way makes the result independent of
 * the order the file listed its points in. Recall starts from 0.
 */
export function averagePrecision(recall: readonly number[], precision: readonly number[]): number {
  let ap = 0;
  let previous = 0;
  for (let i = 0; i < recall.length; i++) {
    const r = recall[i]!;
    if (r > previous) {
      ap += (r - previous) * precision[i]!;
      previous = r;
    }
  }
  return ap;
}

interface Point {
  x: number;
  y: number;
  t: number | undefined;
}

function points(x: readonly number[], y: readonly number[], t: readonly number[] | undefined): Point[] {
  return x.map((xi, i) => ({ x: xi, y: y[i]!, t: t?.[i] }));
}

/** A ROC curve from (validated) points in any order: sorted by fpr then tpr, AUC by trapezoid. */
export function rocCurve(
  file: string,
  fpr: readonly number[],
  tpr: readonly number[],
  thresholds?: readonly number[],
): RocCurve {
  const sorted = points(fpr, tpr, thresholds).sort((a, b) => a.x - b.x || a.y - b.y);
  const x = sorted.map((p) => p.x);
  const y = sorted.map((p) => p.y);
  const curve: RocCurve = { kind: 'roc', file, fpr: x, tpr: y, auc: trapezoidArea(x, y) };
  if (thresholds !== undefined) curve.thresholds = sorted.map((p) => p.t!);
  return curve;
}

/** A precision-recall curve from (validated) points in any order, with its average precision. */
export function prCurve(
  file: string,
  recall: readonly number[],
  precision: readonly number[],
  thresholds?: readonly number[],
  prevalence?: number,
): PrCurve {
  const sorted = points(recall, precision, thresholds).sort((a, b) => a.x - b.x || b.y - a.y);
  const r = sorted.map((p) => p.x);
  const p = sorted.map((q) => q.y);
  const curve: PrCurve = { kind: 'pr', file, recall: r, precision: p, ap: averagePrecision(r, p) };
  if (thresholds !== undefined) curve.thresholds = sorted.map((q) => q.t!);
  if (prevalence !== undefined) curve.prevalence = prevalence;
  return curve;
}

export interface ConfusionSummary {
  total: number;
  /** Diagonal over total; undefined when the cells are not counts or there are none. */
  accuracy: number | undefined;
  /** The largest off-diagonal cell, if any is above zero. */
  topConfusion: { actual: string; predicted: string; count: number; shareOfRow: number } | undefined;
}

export function rowTotals(matrix: ConfusionMatrix): number[] {
  return matrix.counts.map((row) => row.reduce((a, b) => a + b, 0));
}

/** Each cell as a share of its row (its actual class); rows without examples are all 0. */
export function rowShares(matrix: ConfusionMatrix): number[][] {
  const totals = rowTotals(matrix);
  return matrix.counts.map((row, i) => row.map((c) => (totals[i]! > 0 ? c / totals[i]! : 0)));
}

export function summarizeConfusion(matrix: ConfusionMatrix): ConfusionSummary {
  const totals = rowTotals(matrix);
  const total = totals.reduce((a, b) => a + b, 0);
  let diagonal = 0;
  let top: ConfusionSummary['topConfusion'];
  matrix.counts.forEach((row, i) =>
    row.forEach((count, j) => {
      if (i === j) diagonal += count;
      else if (count > 0 && (top === undefined || count > top.count))
        top = {
          actual: matrix.labels[i]!,
          predicted: matrix.labels[j]!,
          count,
          shareOfRow: count / totals[i]!,
        };
    }),
  );
  return { total, accuracy: matrix.integer && total > 0 ? diagonal / total : undefined, topConfusion: top };
}

/**
 * The order of class names nobody ordered (dvclive rows, predictions): numeric when every name is
 * a number (`2` before `10`), else by code unit, as `numpy.unique` sorts them. Locale-independent.
 */
export function sortLabels(labels: Iterable<string>): string[] {
  const unique = [...new Set(labels)];
  const numeric = unique.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
  return numeric
    ? unique.sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0))
    : unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Counts (actual, predicted) pairs into a matrix over the sorted union of their labels. */
export function countPairs(
  file: string,
  actual: readonly string[],
  predicted: readonly string[],
): ConfusionMatrix {
  const labels = sortLabels([...actual, ...predicted]);
  const index = new Map(labels.map((l, i) => [l, i]));
  const counts = labels.map(() => labels.map(() => 0));
  actual.forEach((a, i) => counts[index.get(a)!]![index.get(predicted[i]!)!]!++);
  return { kind: 'confusion', file, labels, counts, integer: true };
}
