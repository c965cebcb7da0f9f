import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { Comparison, MetricComparison } from '../../compare/compare.js';
import type { DisplaySettings } from '../../config/config.js';
import { formatDelta, formatPercent } from '../../format.js';
import {
  axisOptions,
  baseOptions,
  CHART_FONT_FAMILY,
  CHART_WIDTH,
  distinctLabels,
  FONT_SIZE,
  GRID_COLOR,
  listWords,
  middleEllipsis,
  MUTED_TEXT_COLOR,
  plural,
  STATUS_COLORS,
  tickLabel,
  uniqueFileName,
  ZERO_LINE_COLOR,
  type ChartSpec,
} from './theme.js';

/**
 * The metric-change chart: one horizontal bar per metric, the change from the baseline in percent
 * of the baseline's value, coloured by what the change means for that metric (improved, regressed,
 * changed without a known direction, or within tolerance). Regressions come first; then the
 * largest changes.
 */
export interface ChangeChartOptions {
  /** At most this many bars (default 20). */
  limit?: number;
  displayFor?(key: string): DisplaySettings;
  /** Longest label before the middle is cut out (default 36 characters). */
  maxLabel?: number;
  takenFiles?: Set<string>;
}

type BarStatus = 'regressed' | 'improved' | 'changed' | 'unchanged';
const STATUS_ORDER: readonly BarStatus[] = ['regressed', 'improved', 'changed', 'unchanged'];
const STATUS_WORDS: Record<BarStatus, string> = {
  regressed: 'regressed',
  improved: 'improved',
  changed: 'changed (direction unknown)',
  unchanged: 'within tolerance',
};

interface Bar {
  metric: MetricComparison;
  status: BarStatus;
  /** Percent of |base|, or the absolute delta on an absolute axis. */
  value: number;
}

const BAR_HEIGHT = 22;
const CHROME_HEIGHT = 96;

/**
 * Undefined when there is no baseline or no metric moved beyond its tolerance. Metrics whose
 * baseline is 0 have no percentage: when every drawn metric is like that the axis is the absolute
 * change; otherwise they are left off the percent axis and named in the subtitle and alt text.
 */
export function changeChart(comparison: Comparison, options: ChangeChartOptions = {}): ChartSpec | undefined {
  if (comparison.base === undefined) return undefined;
  const limit = Math.max(1, options.limit ?? 20);
  const moved = comparison.metrics.filter(
    (m): m is MetricComparison & { delta: number } =>
      m.delta !== undefined && m.delta !== 0 && Number.isFinite(m.delta) && isBarStatus(m.status),
  );
  if (!moved.some((m) => m.status !== 'unchanged')) return undefined;

  const percent = moved.some((m) => m.deltaPercent !== undefined);
  const drawable = percent ? moved.filter((m) => m.deltaPercent !== undefined) : moved;
  const zeroBase = percent ? moved.filter((m) => m.deltaPercent === undefined) : [];
  const candidates: Bar[] = drawable.map((metric) => ({
    metric,
    status: metric.status as BarStatus,
    value: percent ? metric.deltaPercent! : metric.delta,
  }));
  candidates.sort(
    (a, b) =>
      Number(b.status === 'regressed') - Number(a.status === 'regressed') ||
      Math.abs(b.value) - Math.abs(a.value) ||
      (a.metric.key < b.metric.key ? -1 : a.metric.key > b.metric.key ? 1 : 0),
  );
  const bars = candidates.slice(0, limit);
  const maxLabel = Math.max(8, options.maxLabel ?? 36);
  const labels = distinctLabels(
    bars.map((b) => b.metric.key),
    maxLabel,
  );
  const present = STATUS_ORDER.filter((s) => bars.some((b) => b.status === s));
  const datasets = present.map((status) => ({
    label: STATUS_WORDS[status],
    data: bars.map((b) => (b.status === status ? b.value : null)),
    backgroundColor: STATUS_COLORS[status],
    borderWidth: 0,
    // One bar per row: the datasets only split the colours for the legend, they never share a row.
    grouped: false,
    barPercentage: 0.8,
    categoryPercentage: 0.9,
  }));

  const format = (bar: Bar): string =>
    percent
      ? formatPercent(bar.value)
      : formatDelta(bar.value, options.displayFor?.(bar.metric.key).precision ?? 4);
  const shown =
    bars.length < candidates.length
      ? `the ${bars.length} largest of ${candidates.length} changes`
      : undefined;
  const title = percent ? 'Change from the baseline, % of its value' : 'Change from the baseline';
  const subtitleParts: string[] = [];
  if (shown !== undefined) subtitleParts.push(`${capitalize(shown)}, regressions first`);
  if (zeroBase.length > 0)
    subtitleParts.push(
      `not drawn (baseline 0, no percentage): ${middleEllipsis(zeroBase.map((m) => `${m.key} ${formatDelta(m.delta, 4)}`).join(', '), 90)}`,
    );
  const subtitle = subtitleParts.length > 0 ? subtitleParts.join('; ') : undefined;
  const base = baseOptions(title, subtitle);
  const axis = axisOptions(percent ? 'change, % of the baseline' : 'change (pull request minus baseline)');
  const config = {
    type: 'bar',
    data: { labels, datasets },
    options: {
      ...base,
      indexAxis: 'y',
      layout: { padding: { top: 4, right: 64, bottom: 4, left: 8 } },
      plugins: {
        ...base.plugins,
        legend: {
          ...base.plugins?.legend,
          labels: { ...base.plugins?.legend?.labels, boxWidth: 12, boxHeight: 12 },
        },
      },
      scales: {
        x: {
          type: 'linear',
          ...axis,
          // Room at both ends for the value written past each bar.
          grace: '15%',
          ticks: {
            ...(axis.ticks as object),
            maxRotation: 0,
            callback: (v: number | string) =>
              percent && typeof v === 'number' ? `${tickLabel(v)}%` : tickLabel(v),
          },
          grid: {
            ...(axis.grid as object),
            // The zero line is where "no change" is: darker and wider than the other gridlines.
            color: (ctx: { tick?: { value: number } }) =>
              ctx.tick?.value === 0 ? ZERO_LINE_COLOR : GRID_COLOR,
            lineWidth: (ctx: { tick?: { value: number } }) => (ctx.tick?.value === 0 ? 1.5 : 1),
          },
        },
        y: {
          type: 'category',
          ...axisOptions(undefined),
          grid: { display: false },
          ticks: { ...(axisOptions(undefined).ticks as object), autoSkip: false },
        },
      },
    },
    plugins: [valueLabels(bars.map(format))],
  } as unknown as ChartConfiguration;

  return {
    file: uniqueFileName('change', 'metrics', options.takenFiles ?? new Set()),
    title,
    alt: altText(candidates, bars, zeroBase, percent, format),
    config,
    width: CHART_WIDTH,
    height: CHROME_HEIGHT + BAR_HEIGHT * Math.max(bars.length, 2),
  };
}

function isBarStatus(status: MetricComparison['status']): status is BarStatus {
  return (STATUS_ORDER as readonly string[]).includes(status);
}

/** Writes each bar's value at its end (`+1.2%`), so exact numbers need no tooltip. */
function valueLabels(texts: readonly string[]): Plugin<'bar'> {
  return {
    id: 'mlci-value-labels',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = `${FONT_SIZE}px ${CHART_FONT_FAMILY}`;
      ctx.fillStyle = MUTED_TEXT_COLOR;
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach((dataset, d) => {
        const meta = chart.getDatasetMeta(d);
        dataset.data.forEach((value, i) => {
          if (typeof value !== 'number') return;
          const element = meta.data[i] as unknown as { x: number; y: number } | undefined;
          if (element === undefined) return;
          const right = value >= 0;
          ctx.textAlign = right ? 'left' : 'right';
          ctx.fillText(texts[i] ?? '', element.x + (right ? 4 : -4), element.y);
        });
      });
      ctx.restore();
    },
  };
}

function altText(
  candidates: readonly Bar[],
  bars: readonly Bar[],
  zeroBase: readonly (MetricComparison & { delta: number })[],
  percent: boolean,
  format: (bar: Bar) => string,
): string {
  const head = `Change of each metric from the baseline${percent ? ' in percent of the baseline' : ''}, ${
    bars.length < candidates.length
      ? `the ${bars.length} largest of ${candidates.length}`
      : plural(bars.length, 'metric')
  }`;
  const groups = STATUS_ORDER.map((status) => {
    const of = bars.filter((b) => b.status === status);
    if (of.length === 0) return '';
    const named = of.slice(0, 5).map((b) => `${b.metric.key} ${format(b)}`);
    const more = of.length > 5 ? ` and ${of.length - 5} more` : '';
    return `${of.length} ${STATUS_WORDS[status]}: ${named.join(', ')}${more}`;
  }).filter((t) => t !== '');
  const zero =
    zeroBase.length > 0
      ? ` Not drawn because their baseline is 0: ${listWords(zeroBase.map((m) => `${m.key} ${formatDelta(m.delta, 4)}`))}.`
      : '';
  return `${head}. ${groups.join('; ')}.${zero}`;
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
