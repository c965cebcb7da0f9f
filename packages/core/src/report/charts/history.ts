import type { ChartConfiguration } from 'chart.js';
import type { DisplaySettings } from '../../config/config.js';
import type { MetricsDoc } from '../../model.js';
import {
  axisOptions,
  baseOptions,
  CHART_WIDTH,
  formatValue,
  HISTORY_HEIGHT,
  listWords,
  plural,
  seriesColor,
  tickLabel,
  uniqueFileName,
  type ChartSpec,
} from './theme.js';

/**
 * The trend of chosen metrics across the base branch's commits, oldest first, with the pull
 * request's value as a distinct last point (a larger diamond joined by a dashed segment), so a
 * reviewer sees whether the change continues a drift or breaks it. All metrics share one y axis:
 * choose metrics of one kind and scale (accuracy and f1; not accuracy and latency).
 */
export interface HistoryEntry {
  /** What the x axis shows for it: a short commit hash or a date. */
  label: string;
  doc: MetricsDoc;
}

export interface HistoryChartOptions {
  displayFor?(key: string): DisplaySettings;
  /** The base branch's name for the title: `main`. */
  branch?: string;
  takenFiles?: Set<string>;
}

/** A metric's value in a document: the metric, else the last point of its curve. */
function valueOf(doc: MetricsDoc, key: string): number | undefined {
  if (Object.hasOwn(doc.metrics, key)) return doc.metrics[key];
  return doc.series[key]?.stats.last.value;
}

/** Undefined when fewer than two commits have any of the keys (nothing to trend). */
export function historyChart(
  history: readonly HistoryEntry[],
  keys: readonly string[],
  current?: HistoryEntry,
  options: HistoryChartOptions = {},
): ChartSpec | undefined {
  const usable = keys.filter((key) => history.filter((h) => valueOf(h.doc, key) !== undefined).length >= 2);
  if (usable.length === 0) return undefined;
  const labels = [...history.map((h) => h.label), ...(current === undefined ? [] : [current.label])];
  const last = history.length - 1;
  const datasets: Record<string, unknown>[] = [];
  const nonFinite: string[] = [];
  usable.forEach((key, k) => {
    const color = seriesColor(k);
    const values = history.map((h) => valueOf(h.doc, key));
    const bad = values.filter((v) => v !== undefined && !Number.isFinite(v)).length;
    if (bad > 0) nonFinite.push(`${key} has ${plural(bad, 'NaN or infinite value')}`);
    const points = values.map((v) => (v !== undefined && Number.isFinite(v) ? v : null));
    datasets.push({
      label: key,
      data: current === undefined ? points : [...points, null],
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2,
      pointRadius: 3,
      pointBorderWidth: 0,
      pointHoverRadius: 0,
      spanGaps: true,
      tension: 0,
      order: 1,
    });
    const now = current === undefined ? undefined : valueOf(current.doc, key);
    if (current !== undefined && now !== undefined && Number.isFinite(now)) {
      const previous = points[last] ?? null;
      const data: (number | null)[] = labels.map(() => null);
      data[last] = previous;
      data[last + 1] = now;
      datasets.push({
        label: '',
        data,
        borderColor: color,
        backgroundColor: color,
        borderWidth: 2,
        borderDash: [4, 4],
        // The pull request's point is a bigger diamond; the joint with the last commit is not redrawn.
        pointRadius: data.map((_, i) => (i === last + 1 ? 7 : 0)),
        pointStyle: 'rectRot',
        pointBorderWidth: 0,
        pointHoverRadius: 0,
        spanGaps: false,
        tension: 0,
        order: 0,
      });
    }
  });

  const branch = options.branch === undefined ? 'the base branch' : options.branch;
  const title = `${usable.join(', ')} on ${branch} over the last ${plural(history.length, 'commit')}`;
  const subtitle = current !== undefined ? `The diamond is this pull request (${current.label})` : undefined;
  const base = baseOptions(title, subtitle);
  const config = {
    type: 'line',
    data: { labels, datasets },
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        legend: {
          ...base.plugins?.legend,
          display: usable.length > 1,
          labels: { ...base.plugins?.legend?.labels, filter: (item: { text: string }) => item.text !== '' },
        },
      },
      scales: {
        x: {
          type: 'category',
          ...axisOptions(undefined),
          ticks: { ...(axisOptions(undefined).ticks as object), maxRotation: 0, autoSkipPadding: 12 },
        },
        y: {
          type: 'linear',
          ...axisOptions(undefined),
          ticks: { ...(axisOptions(undefined).ticks as object), callback: tickLabel },
        },
      },
    },
  } as unknown as ChartConfiguration;

  const alt = usable.map((key) => {
    const settings = options.displayFor?.(key);
    const seen = history
      .map((h) => ({ label: h.label, value: valueOf(h.doc, key) }))
      .filter((p): p is { label: string; value: number } => p.value !== undefined);
    const first = seen[0]!;
    const end = seen[seen.length - 1]!;
    const finite = seen.map((p) => p.value).filter(Number.isFinite);
    const range =
      finite.length > 0
        ? `, between ${formatValue(Math.min(...finite), settings)} and ${formatValue(Math.max(...finite), settings)}`
        : '';
    const now = current === undefined ? undefined : valueOf(current.doc, key);
    const pr =
      current === undefined
        ? ''
        : now === undefined
          ? '; not in the pull request'
          : `; the pull request has ${formatValue(now, settings)}`;
    return `${key} went from ${formatValue(first.value, settings)} at ${first.label} to ${formatValue(end.value, settings)} at ${end.label}${range}${pr}`;
  });
  const gaps = nonFinite.length > 0 ? ` ${capitalize(listWords(nonFinite))}, left out of the line.` : '';
  return {
    file: uniqueFileName(
      'history',
      usable.length === 1 ? usable[0]! : 'metrics',
      options.takenFiles ?? new Set(),
    ),
    title,
    alt: `${usable.join(', ')} across ${plural(history.length, 'commit')} of ${branch}, oldest first: ${alt.join('. ')}.${gaps}`,
    config,
    width: CHART_WIDTH,
    height: HISTORY_HEIGHT,
  };
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
