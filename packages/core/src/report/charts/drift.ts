import type { ChartConfiguration } from 'chart.js';
import type { ColumnDrift, DriftReport } from '../../data/drift.js';
import type { DriftHistogram } from '../../data/histogram.js';
import { HISTOGRAM_SHARE_ERROR } from '../../data/histogram.js';
import { formatNumber } from '../../format.js';
import { DEFAULT_DRIFT_CHARTS, driftChartColumns, driftScoreText, formatDriftP } from '../drift.js';
import { TEST_NAMES } from '../../data/drift.js';
import {
  axisOptions,
  baseOptions,
  CHART_WIDTH,
  middleEllipsis,
  OKABE_ITO,
  tickLabel,
  uniqueFileName,
  withAlpha,
  type ChartSpec,
} from './theme.js';
import { grouped } from '../words.js';

/**
 * The drift charts: for each of the top columns (report/drift.ts driftChartColumns: drifted first,
 * the furthest past their threshold, then the largest PSI), the reference's share of its values
 * against the current's, from `ColumnDrift.histogram`. Numbers: an overlaid histogram, the two sides
 * translucent over the same bins; categories: grouped bars. Built from the report's plain data
 * only, so a DriftReport read back from JSON gives the same configuration, hence the same PNG.
 */

/** The reference is blue, the current vermillion: the pair colour-blind readers tell apart. */
export const DRIFT_COLORS = { reference: OKABE_ITO.blue, current: OKABE_ITO.vermillion } as const;
export const DRIFT_CHART_HEIGHT = 320;
/** Fill opacity of the overlaid bars: where both sides reach, the colours mix and both edges show. */
const FILL_ALPHA = 0.4;
const MAX_TICK_LABEL = 24;

export interface DriftChartOptions {
  /** At most this many charts (default DEFAULT_DRIFT_CHARTS). */
  max?: number;
  takenFiles?: Set<string>;
}

export function driftCharts(report: DriftReport, options: DriftChartOptions = {}): ChartSpec[] {
  const taken = options.takenFiles ?? new Set<string>();
  return driftChartColumns(report, options.max ?? DEFAULT_DRIFT_CHARTS).map((column) =>
    driftChart(column, column.histogram!, uniqueFileName('drift', column.name, taken)),
  );
}

export function driftChart(column: ColumnDrift, histogram: DriftHistogram, file: string): ChartSpec {
  const numeric = histogram.kind === 'bins';
  const name = middleEllipsis(column.name, 60);
  const verdict = column.drifted ? 'drifted' : 'no drift';
  const score = driftScoreText(column);
  const title = `${name}: ${verdict}${score === '' ? '' : `, ${score}`}`;
  const values = `reference ${grouped(histogram.values.reference)} values, current ${grouped(histogram.values.current)}`;
  const subtitle = [
    numeric
      ? `Share of each side's values per bin (${values}; bins [a, b))`
      : `Share of each side's values per category (${values})`,
    histogram.exact
      ? ''
      : `from quantile sketches: each share within ${formatNumber(HISTOGRAM_SHARE_ERROR * 100)} points`,
  ]
    .filter((s) => s !== '')
    .join('; ');
  const labels = histogram.labels.map((l) => middleEllipsis(l, MAX_TICK_LABEL));
  const dataset = (side: 'reference' | 'current') => ({
    label: side,
    data: histogram[side].map((share) => share * 100),
    backgroundColor: withAlpha(DRIFT_COLORS[side], numeric ? FILL_ALPHA : 0.75),
    borderColor: DRIFT_COLORS[side],
    borderWidth: 1,
    // Overlaid: both sides on the same bin, full width, as a histogram; categories side by side.
    grouped: !numeric,
    barPercentage: numeric ? 1 : 0.9,
    categoryPercentage: numeric ? 1 : 0.8,
  });
  const base = baseOptions(title, subtitle);
  const config = {
    type: 'bar',
    data: { labels, datasets: [dataset('reference'), dataset('current')] },
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        legend: {
          ...base.plugins?.legend,
          labels: { ...base.plugins?.legend?.labels, boxWidth: 12, boxHeight: 12 },
        },
      },
      scales: {
        x: {
          type: 'category',
          ...axisOptions(name),
          ticks: {
            ...(axisOptions(undefined).ticks as object),
            autoSkip: false,
            maxRotation: 60,
            minRotation: 0,
          },
          grid: { display: false },
        },
        y: {
          type: 'linear',
          ...axisOptions('share of values, %'),
          beginAtZero: true,
          ticks: {
            ...(axisOptions(undefined).ticks as object),
            callback: (v: number | string) => (typeof v === 'number' ? `${tickLabel(v)}%` : tickLabel(v)),
          },
        },
      },
    },
  } as unknown as ChartConfiguration;
  return {
    file,
    title,
    alt: altText(column, histogram),
    config,
    width: CHART_WIDTH,
    height: DRIFT_CHART_HEIGHT,
  };
}

/** What the chart shows, for a screen reader: the sides, the largest difference, the verdict. */
function altText(column: ColumnDrift, histogram: DriftHistogram): string {
  const kind = histogram.kind === 'bins' ? 'Histogram' : 'Bar chart';
  const per = histogram.kind === 'bins' ? 'bin' : 'category';
  const gap = (i: number) => Math.abs(histogram.current[i]! - histogram.reference[i]!);
  let largest = 0;
  for (let i = 1; i < histogram.labels.length; i++) if (gap(i) > gap(largest)) largest = i;
  const pct = (share: number) => `${formatNumber(share * 100, 3)}%`;
  const difference =
    histogram.labels.length === 0
      ? ''
      : ` Largest difference: ${histogram.labels[largest]}, ${pct(histogram.reference[largest]!)} of the reference against ${pct(histogram.current[largest]!)} of the current.`;
  return `${kind} of ${column.name}: the share of values per ${per}, reference (${grouped(histogram.values.reference)} values) against current (${grouped(histogram.values.current)}).${difference} ${verdictSentence(column)}`;
}

function verdictSentence(column: ColumnDrift): string {
  const verdict = column.drifted ? 'Drifted' : 'No drift';
  switch (column.test) {
    case 'ks':
    case 'chi_square':
      return `${verdict}: ${TEST_NAMES[column.test]} p = ${formatDriftP(column.p!)} ${column.drifted ? '<' : '≥'} ${column.threshold}.`;
    case 'wasserstein':
    case 'jensen_shannon': {
      const distance = column.test === 'wasserstein' ? column.wasserstein! : column.jensenShannon!;
      return `${verdict}: ${TEST_NAMES[column.test]} distance ${formatNumber(distance, 3)} ${column.drifted ? '≥' : '<'} ${column.threshold}.`;
    }
    default:
      return `${verdict}.`;
  }
}
