import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { Comparison, MetricComparison } from '../../compare/compare.js';
import type { DisplaySettings } from '../../config/config.js';
import { formatDelta, formatNumber, formatPercent, roundNoise } from '../../format.js';
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
  WHISKER_COLOR,
  ZERO_LINE_COLOR,
  type ChartSpec,
} from './theme.js';

/**
 * The metric-change chart: one horizontal bar per metric, the change from the baseline in percent
 * of the baseline's value, coloured by what the change means for that metric (improved, regressed,
 * changed without a known direction, within noise, or within tolerance). Regressions come first;
 * then the largest improvements and changes; then the changes within noise; then those within
 * tolerance. When the comparison knows a metric's noise (repeats or the base branch's history),
 * its bar carries a whisker: the 95% interval of the change.
 */
export interface ChangeChartOptions {
  /** At most this many bars (default 20). */
  limit?: number;
  displayFor?(key: string): DisplaySettings;
  /** Longest label before the middle is cut out (default 36 characters). */
  maxLabel?: number;
  takenFiles?: Set<string>;
}

type BarStatus = 'regressed' | 'improved' | 'changed' | 'within-noise' | 'unchanged';
/** The legend's order, and the alt text's. */
const STATUS_ORDER: readonly BarStatus[] = ['regressed', 'improved', 'changed', 'within-noise', 'unchanged'];
const STATUS_WORDS: Record<BarStatus, string> = {
  regressed: 'regressed',
  improved: 'improved',
  changed: 'changed (direction unknown)',
  'within-noise': 'within noise',
  unchanged: 'within tolerance',
};
/**
 * Which bars a `limit` keeps first, largest first within a tier. Improvements and changes of
 * unknown direction share a tier: a large change that may be a regression is not pushed out by
 * small improvements.
 */
const SORT_TIER: Record<BarStatus, number> = {
  regressed: 0,
  improved: 1,
  changed: 1,
  'within-noise': 2,
  unchanged: 3,
};

interface Bar {
  metric: MetricComparison;
  status: BarStatus;
  /** Percent of |base|, or the absolute delta on an absolute axis. */
  value: number;
  /** The 95% interval of the change in the axis's unit, when the noise is known. */
  interval?: [number, number];
}

const BAR_HEIGHT = 22;
const CHROME_HEIGHT = 96;
/** Half the height of a whisker's end caps, CSS px (a bar is about 16 px thick). */
const WHISKER_CAP = 4;
const WHISKER_WIDTH = 1.5;
/**
 * Added to the height of a chart with whiskers: the subtitle's line saying what they are (16 px),
 * and the 26 px by which CHROME_HEIGHT falls short of what the title, legend and x axis take, so
 * that each row gets its BAR_HEIGHT and a whisker's caps fit inside its bar. (Without it a chart
 * of two bars has 9 px rows. Charts without whiskers keep their old height, pixel for pixel.)
 */
const WHISKER_ROOM = 16 + 26;

/**
 * Undefined when there is no baseline or no metric moved beyond its tolerance (changes within
 * noise are beyond it: a chart of only those shows how wide the noise is). Metrics whose
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
  const candidates: Bar[] = drawable.map((metric) => {
    const bar: Bar = {
      metric,
      status: metric.status as BarStatus,
      value: percent ? metric.deltaPercent! : metric.delta,
    };
    const interval = axisInterval(metric, percent);
    if (interval !== undefined) bar.interval = interval;
    return bar;
  });
  candidates.sort(
    (a, b) =>
      SORT_TIER[a.status] - SORT_TIER[b.status] ||
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

  const formatChange = (value: number, key: string): string =>
    percent ? formatPercent(value) : formatDelta(value, options.displayFor?.(key).precision ?? 4);
  const format = (bar: Bar): string => formatChange(bar.value, bar.metric.key);
  const formatInterval = (bar: Bar): string =>
    bar.interval === undefined
      ? ''
      : ` (${intervalLevel(bar)} interval ${formatChange(bar.interval[0], bar.metric.key)} to ${formatChange(bar.interval[1], bar.metric.key)})`;
  const whiskers = whiskerSentence(bars);
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
  const subtitleLines = [
    ...(subtitleParts.length > 0 ? [subtitleParts.join('; ')] : []),
    ...(whiskers !== undefined ? [whiskers] : []),
  ];
  const base = baseOptions(title, subtitleLines[0]);
  // The whiskers' line goes under the others: chart.js draws an array as lines.
  if (subtitleLines.length > 1) base.plugins!.subtitle!.text = subtitleLines;
  // The axis reaches the whiskers' ends (and 0); without whiskers the bars decide it, as before.
  const ends = bars.flatMap((b) => (b.interval === undefined ? [] : [b.value, ...b.interval]));
  const range =
    ends.length > 0 ? { suggestedMin: Math.min(0, ...ends), suggestedMax: Math.max(0, ...ends) } : {};
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
          ...range,
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
    // Whiskers first, so the values written past them stay on top.
    plugins: [
      ...(ends.length > 0 ? [whiskerBars(bars.map((b) => b.interval))] : []),
      valueLabels(
        bars.map(format),
        bars.map((b) => b.interval),
      ),
    ],
  } as unknown as ChartConfiguration;

  return {
    file: uniqueFileName('change', 'metrics', options.takenFiles ?? new Set()),
    title,
    alt: altText(candidates, bars, zeroBase, percent, format, formatInterval, whiskers),
    config,
    width: CHART_WIDTH,
    height:
      CHROME_HEIGHT + BAR_HEIGHT * Math.max(bars.length, 2) + (whiskers !== undefined ? WHISKER_ROOM : 0),
  };
}

function isBarStatus(status: MetricComparison['status']): status is BarStatus {
  return (STATUS_ORDER as readonly string[]).includes(status);
}

/**
 * The metric's 95% interval of head - base on the chart's axis: percent of |base| on a percent
 * axis, else absolute. Undefined when the noise is unknown or not finite.
 */
function axisInterval(metric: MetricComparison, percent: boolean): [number, number] | undefined {
  const ci = metric.noise?.ci;
  if (ci === undefined || !ci.every((v) => Number.isFinite(v))) return undefined;
  if (!percent) return [ci[0], ci[1]];
  if (metric.base === undefined || metric.base === 0) return undefined;
  const scale = 100 / Math.abs(metric.base);
  return [roundNoise(ci[0] * scale), roundNoise(ci[1] * scale)];
}

/** `95%`: the interval's level as a percentage. */
function intervalLevel(bar: Bar): string {
  return `${formatNumber((bar.metric.noise?.level ?? 0.95) * 100, 4)}%`;
}

/** What the whiskers are, naming where the drawn ones come from; undefined when none is drawn. */
function whiskerSentence(bars: readonly Bar[]): string | undefined {
  const drawn = bars.filter((b) => b.interval !== undefined);
  if (drawn.length === 0) return undefined;
  const methods = new Set(drawn.map((b) => b.metric.noise!.method));
  const from = [
    methods.has('welch') ? "the runs' spread" : '',
    methods.has('history') ? "the base branch's history" : '',
  ]
    .filter((w) => w !== '')
    .join(', or ');
  return `Whiskers: ${intervalLevel(drawn[0]!)} interval of the change (from ${from})`;
}

/** Draws each interval as an error bar across its bar: a line from end to end, with caps. */
function whiskerBars(intervals: readonly ([number, number] | undefined)[]): Plugin<'bar'> {
  return {
    id: 'mlci-whiskers',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const scale = chart.scales.x;
      if (scale === undefined) return;
      const ctx = chart.ctx;
      ctx.save();
      ctx.lineCap = 'butt';
      chart.data.datasets.forEach((dataset, d) => {
        const meta = chart.getDatasetMeta(d);
        dataset.data.forEach((value, i) => {
          const interval = intervals[i];
          if (typeof value !== 'number' || interval === undefined) return;
          const element = meta.data[i] as unknown as { y: number } | undefined;
          if (element === undefined) return;
          const [lo, hi] = interval.map((v) => scale.getPixelForValue(v)) as [number, number];
          const y = element.y;
          ctx.beginPath();
          ctx.moveTo(lo, y);
          ctx.lineTo(hi, y);
          for (const x of [lo, hi]) {
            ctx.moveTo(x, y - WHISKER_CAP);
            ctx.lineTo(x, y + WHISKER_CAP);
          }
          ctx.strokeStyle = WHISKER_COLOR;
          ctx.lineWidth = WHISKER_WIDTH;
          ctx.stroke();
        });
      });
      ctx.restore();
    },
  };
}

/**
 * Writes each bar's value at its end (`+1.2%`), so exact numbers need no tooltip; past the
 * whisker when the bar has one that reaches further.
 */
function valueLabels(
  texts: readonly string[],
  intervals: readonly ([number, number] | undefined)[] = [],
): Plugin<'bar'> {
  return {
    id: 'mlci-value-labels',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const ctx = chart.ctx;
      const scale = chart.scales.x;
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
          const interval = intervals[i];
          let x = element.x;
          if (interval !== undefined && scale !== undefined) {
            const end = scale.getPixelForValue(right ? interval[1] : interval[0]);
            // Past the cap, with a little more room than after a bar: the cap is a thin dark line.
            x = right ? Math.max(x, end + WHISKER_WIDTH + 2) : Math.min(x, end - WHISKER_WIDTH - 2);
          }
          ctx.textAlign = right ? 'left' : 'right';
          ctx.fillText(texts[i] ?? '', x + (right ? 4 : -4), element.y);
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
  formatInterval: (bar: Bar) => string,
  whiskers: string | undefined,
): string {
  const head = `Change of each metric from the baseline${percent ? ' in percent of the baseline' : ''}, ${
    bars.length < candidates.length
      ? `the ${bars.length} largest of ${candidates.length}`
      : plural(bars.length, 'metric')
  }`;
  const groups = STATUS_ORDER.map((status) => {
    const of = bars.filter((b) => b.status === status);
    if (of.length === 0) return '';
    const named = of.slice(0, 5).map((b) => `${b.metric.key} ${format(b)}${formatInterval(b)}`);
    const more = of.length > 5 ? ` and ${of.length - 5} more` : '';
    return `${of.length} ${STATUS_WORDS[status]}: ${named.join(', ')}${more}`;
  }).filter((t) => t !== '');
  const zero =
    zeroBase.length > 0
      ? ` Not drawn because their baseline is 0: ${listWords(zeroBase.map((m) => `${m.key} ${formatDelta(m.delta, 4)}`))}.`
      : '';
  return `${head}.${whiskers !== undefined ? ` ${whiskers}.` : ''} ${groups.join('; ')}.${zero}`;
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
