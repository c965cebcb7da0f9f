import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { roundNoise } from '../../format.js';
import type { PrCurve, RocCurve } from '../../plots/model.js';
import {
  AXIS_COLOR,
  axisOptions,
  BASE_DASH,
  BASE_LINE_WIDTH,
  baseOptions,
  CHART_WIDTH,
  HEAD_LINE_WIDTH,
  seriesColor,
  tickLabel,
  uniqueFileName,
  type ChartSpec,
} from './theme.js';
import { sideScopes } from './confusion.js';

/**
 * ROC and precision-recall charts: the pull request's curve solid, the baseline's dashed in the
 * same colour (as the training curves are), the area (AUC, average precision) in the legend and
 * the alt text, and the chance level dotted grey: the diagonal for ROC, the share of positives
 * for precision-recall (drawn only when it is known, i.e. for curves computed from predictions).
 * Precision-recall curves are drawn as steps: the average precision is the area under exactly
 * that step function, while straight segments between points overstate precision.
 */

export interface CurveChartOptions {
  /** Names the curve when a report has several (`test`): in the file name and the title. */
  name?: string;
  takenFiles?: Set<string>;
  /** At most this many points per line (default 2000); the score it states is from every point. */
  maxPoints?: number;
}

export const ROC_HEIGHT = 440;
export const CHANCE_COLOR = AXIS_COLOR;
const CHANCE_DASH = [2, 3];

/** A score as the legend and alt text print it: three decimals, so 0.912 vs 0.915 stays visible. */
export function scoreText(value: number): string {
  return value.toFixed(3);
}

function deltaText(head: number, base: number): string {
  const d = roundNoise(head - base);
  const text = Math.abs(d).toFixed(3);
  return Number(text) === 0 ? 'unchanged' : `${d > 0 ? '+' : '−'}${text}`;
}

/**
 * At most `max` points of a curve sorted along x: the first and last, and between them points
 * evenly spread over the curve's length, so a 100,000-example ROC stays a few thousand segments
 * (invisible at 1600 pixels) without losing its corners at the ends.
 */
export function thinPoints(
  x: readonly number[],
  y: readonly number[],
  max: number,
): Array<{ x: number; y: number }> {
  const all = x.map((xi, i) => ({ x: xi, y: y[i]! }));
  if (all.length <= max) return all;
  const lengths = [0];
  for (let i = 1; i < all.length; i++)
    lengths.push(lengths[i - 1]! + Math.abs(all[i]!.x - all[i - 1]!.x) + Math.abs(all[i]!.y - all[i - 1]!.y));
  const total = lengths[lengths.length - 1]!;
  const out = [all[0]!];
  let next = 1;
  for (let i = 1; i < all.length - 1; i++) {
    if (lengths[i]! >= (next * total) / (max - 1)) {
      out.push(all[i]!);
      while (lengths[i]! >= (next * total) / (max - 1)) next++;
    }
  }
  out.push(all[all.length - 1]!);
  return out;
}

function line(
  label: string,
  data: Array<{ x: number; y: number }>,
  side: 'head' | 'base',
  stepped: boolean,
): ChartDataset<'line', Array<{ x: number; y: number }>> {
  const isHead = side === 'head';
  const color = seriesColor(0);
  return {
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth: isHead ? HEAD_LINE_WIDTH : BASE_LINE_WIDTH,
    borderDash: isHead ? [] : BASE_DASH,
    pointRadius: 0,
    pointHoverRadius: 0,
    fill: false,
    tension: 0,
    stepped: stepped ? 'before' : false,
    // Lower order is drawn last: the pull request lies on top of the baseline and the chance line.
    order: isHead ? 0 : 1,
  };
}

function chance(label: string, from: { x: number; y: number }, to: { x: number; y: number }) {
  return {
    label,
    data: [from, to],
    borderColor: CHANCE_COLOR,
    backgroundColor: CHANCE_COLOR,
    borderWidth: 1,
    borderDash: CHANCE_DASH,
    pointRadius: 0,
    pointHoverRadius: 0,
    fill: false,
    order: 2,
  };
}

function unitAxis(title: string): Record<string, unknown> {
  const axis = axisOptions(title);
  return {
    type: 'linear',
    min: 0,
    max: 1,
    ...axis,
    ticks: { ...(axis.ticks as object), stepSize: 0.2, callback: tickLabel, maxRotation: 0 },
  };
}

function curveConfig(
  title: string,
  subtitle: string | undefined,
  datasets: unknown[],
  x: string,
  y: string,
): ChartConfiguration {
  const base = baseOptions(title, subtitle);
  return {
    type: 'line',
    data: { datasets },
    options: {
      ...base,
      parsing: false,
      plugins: {
        ...base.plugins,
        legend: {
          ...base.plugins?.legend,
          // The legend shows the dash of each line, so solid/dashed/dotted read without colour.
          labels: { ...base.plugins?.legend?.labels, useBorderRadius: false, boxHeight: 0 },
        },
      },
      scales: { x: unitAxis(x), y: unitAxis(y) },
    },
  } as unknown as ChartConfiguration;
}

function named(options: CurveChartOptions): { title: string } {
  return { title: options.name === undefined ? '' : ` (${options.name})` };
}

/** `roc.png`, or `roc-test.png` for a named curve; `-2`, `-3`... when taken. */
function fileName(stem: string, options: CurveChartOptions): string {
  const taken = options.takenFiles ?? new Set<string>();
  if (options.name !== undefined) return uniqueFileName(stem, options.name, taken);
  let name = `${stem}.png`;
  for (let k = 2; taken.has(name); k++) name = `${stem}-${k}.png`;
  taken.add(name);
  return name;
}

export function rocChart(head: RocCurve, base?: RocCurve, options: CurveChartOptions = {}): ChartSpec {
  const max = Math.max(10, options.maxPoints ?? 2000);
  const n = named(options);
  const datasets: unknown[] = [
    line(`pull request (AUC ${scoreText(head.auc)})`, thinPoints(head.fpr, head.tpr, max), 'head', false),
  ];
  if (base !== undefined)
    datasets.push(
      line(`baseline (AUC ${scoreText(base.auc)})`, thinPoints(base.fpr, base.tpr, max), 'base', false),
    );
  datasets.push(chance('chance (AUC 0.5)', { x: 0, y: 0 }, { x: 1, y: 1 }));
  const title = `ROC curve${n.title}`;
  const scopes = sideScopes(head, base);
  const subtitle =
    (base === undefined
      ? `AUC ${scoreText(head.auc)}`
      : `AUC ${scoreText(base.auc)} → ${scoreText(head.auc)} (${deltaText(head.auc, base.auc)})`) +
    (scopes !== '' ? `; ${scopes}` : '');
  const alt =
    `ROC curve${n.title}: true positive rate against false positive rate. The pull request's area under the curve (AUC) is ${scoreText(head.auc)}` +
    (base === undefined
      ? '.'
      : `, the baseline's ${scoreText(base.auc)} (${deltaText(head.auc, base.auc)}).`) +
    ' The dotted diagonal is chance (AUC 0.5).' +
    (scopes !== '' ? ` Curves: ${scopes}.` : '');
  return {
    file: fileName('roc', options),
    title,
    alt,
    config: curveConfig(title, subtitle, datasets, 'false positive rate', 'true positive rate'),
    width: CHART_WIDTH,
    height: ROC_HEIGHT,
  };
}

export function precisionRecallChart(
  head: PrCurve,
  base?: PrCurve,
  options: CurveChartOptions = {},
): ChartSpec {
  const max = Math.max(10, options.maxPoints ?? 2000);
  const n = named(options);
  const datasets: unknown[] = [
    line(
      `pull request (AP ${scoreText(head.ap)})`,
      thinPoints(head.recall, head.precision, max),
      'head',
      true,
    ),
  ];
  if (base !== undefined)
    datasets.push(
      line(`baseline (AP ${scoreText(base.ap)})`, thinPoints(base.recall, base.precision, max), 'base', true),
    );
  const prevalence = head.prevalence;
  if (prevalence !== undefined)
    datasets.push(
      chance(`chance (precision ${scoreText(prevalence)})`, { x: 0, y: prevalence }, { x: 1, y: prevalence }),
    );
  const title = `Precision-recall curve${n.title}`;
  const scopes = sideScopes(head, base);
  const subtitle =
    (base === undefined
      ? `Average precision (AP) ${scoreText(head.ap)}`
      : `Average precision (AP) ${scoreText(base.ap)} → ${scoreText(head.ap)} (${deltaText(head.ap, base.ap)})`) +
    (scopes !== '' ? `; ${scopes}` : '');
  const alt =
    `Precision-recall curve${n.title}: precision against recall. The pull request's average precision (AP) is ${scoreText(head.ap)}` +
    (base === undefined ? '.' : `, the baseline's ${scoreText(base.ap)} (${deltaText(head.ap, base.ap)}).`) +
    (prevalence !== undefined
      ? ` The dotted line is chance: precision ${scoreText(prevalence)}, the share of positive examples.`
      : '') +
    (scopes !== '' ? ` Curves: ${scopes}.` : '');
  return {
    file: fileName('precision-recall', options),
    title,
    alt,
    config: curveConfig(title, subtitle, datasets, 'recall', 'precision'),
    width: CHART_WIDTH,
    height: ROC_HEIGHT,
  };
}
