import type { ChartConfiguration } from 'chart.js';
import type { DisplaySettings } from '../../config/config.js';
import type { MetricsDoc } from '../../model.js';
import {
  bandFill,
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
  withAlpha,
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
  /** How many runs `doc` is the mean of (a commit's repeats); default 1. Narrows its noise band. */
  runs?: number;
}

export interface HistoryChartOptions {
  displayFor?(key: string): DisplaySettings;
  /** The base branch's name for the title: `main`. */
  branch?: string;
  takenFiles?: Set<string>;
  /**
   * A metric's run-to-run noise, the standard deviation of one run, as the base branch's history
   * gave it to the statistics: with it the chart shades each metric's noise band (see noiseBand).
   */
  noiseOf?(key: string): number | undefined;
}

/** The band's centre at a point is the mean of up to this many points before it. */
export const BAND_LOOKBACK = 5;
/** The band's half-width in standard errors: about 95% of points land inside when nothing changed. */
export const BAND_Z = 2;

/** The band in words, for the chart's subtitle and the report's note under the charts. */
export const BAND_CAPTION = `Shaded: where a point lands if nothing changed, the mean of the ${BAND_LOOKBACK} commits before it ± ${BAND_Z} standard errors of run-to-run noise`;

export interface NoiseBand {
  lower: (number | null)[];
  upper: (number | null)[];
}

/**
 * Where each point is expected if nothing changed since the points before it: the mean of the
 * (up to) BAND_LOOKBACK finite points before it, weighted by their runs, plus or minus BAND_Z
 * standard errors of the difference between the point and that mean, sd * sqrt(1/n + 1/m) for a
 * point of n runs after m runs. It is a one-step-ahead prediction interval, not a band around the
 * whole window's mean: a branch whose level drifts (the model improves commit by commit) keeps its
 * points inside it, and a point outside moved more than noise from where the branch just was, or is
 * one of the 1 in 20 that do so by chance. It assumes the noise the history estimated (sd, as the
 * gates use it) and a level that stays put across the points averaged. The first point has none.
 */
export function noiseBand(
  values: readonly (number | null | undefined)[],
  runs: readonly number[],
  sd: number,
): NoiseBand {
  const lower: (number | null)[] = [];
  const upper: (number | null)[] = [];
  const before: Array<{ value: number; runs: number }> = [];
  values.forEach((value, i) => {
    const n = Math.max(1, runs[i] ?? 1);
    const previous = before.slice(-BAND_LOOKBACK);
    const m = previous.reduce((sum, p) => sum + p.runs, 0);
    if (m === 0 || !(sd >= 0) || !Number.isFinite(sd)) {
      lower.push(null);
      upper.push(null);
    } else {
      const centre = previous.reduce((sum, p) => sum + p.value * p.runs, 0) / m;
      const half = BAND_Z * sd * Math.sqrt(1 / n + 1 / m);
      lower.push(centre - half);
      upper.push(centre + half);
    }
    if (value !== null && value !== undefined && Number.isFinite(value)) before.push({ value, runs: n });
  });
  return { lower, upper };
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
  const bands = new Map<string, { sd: number; band: NoiseBand }>();
  usable.forEach((key, k) => {
    const color = seriesColor(k);
    const values = history.map((h) => valueOf(h.doc, key));
    const bad = values.filter((v) => v !== undefined && !Number.isFinite(v)).length;
    if (bad > 0) nonFinite.push(`${key} has ${plural(bad, 'NaN or infinite value')}`);
    const points = values.map((v) => (v !== undefined && Number.isFinite(v) ? v : null));
    const sd = options.noiseOf?.(key);
    if (sd !== undefined && Number.isFinite(sd) && sd > 0) {
      const entries = current === undefined ? history : [...history, current];
      const band = noiseBand(
        entries.map((h) => valueOf(h.doc, key)),
        entries.map((h) => h.runs ?? 1),
        sd,
      );
      bands.set(key, { sd, band });
      const edge = {
        label: '',
        borderColor: withAlpha(color, 0.35),
        backgroundColor: withAlpha(color, 0.35),
        borderWidth: 1,
        pointRadius: 0,
        pointHoverRadius: 0,
        spanGaps: false,
        tension: 0,
        order: 2,
      };
      datasets.push({ ...edge, data: band.upper, mlciBandFill: withAlpha(color, 0.14) });
      datasets.push({ ...edge, data: band.lower });
    }
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
  const subtitles = [
    ...(current !== undefined
      ? [
          current.label === 'this pull request'
            ? 'The diamond is this pull request.'
            : `The diamond is this pull request (${current.label}).`,
        ]
      : []),
    ...(bands.size > 0 ? [`${BAND_CAPTION}.`] : []),
  ];
  const base = baseOptions(title, subtitles.length > 0 ? subtitles.join(' ') : undefined);
  const config = {
    type: 'line',
    data: { labels, datasets },
    ...(bands.size > 0 ? { plugins: [bandFill] } : {}),
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        // One line each: the two sentences do not fit the chart's width together.
        subtitle: { ...base.plugins?.subtitle, text: subtitles },
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
    const shaded = bands.get(key);
    let band = '';
    if (shaded !== undefined) {
      band = `; noise band ±${BAND_Z} standard errors with a run-to-run noise of ${formatValue(shaded.sd, settings)}`;
      const at = history.length;
      const [low, high] = [shaded.band.lower[at], shaded.band.upper[at]];
      if (current !== undefined && now !== undefined && Number.isFinite(now) && low != null && high != null)
        band += `, the pull request ${now < low ? 'below it' : now > high ? 'above it' : 'inside it'} (${formatValue(low, settings)} to ${formatValue(high, settings)})`;
    }
    return `${key} went from ${formatValue(first.value, settings)} at ${first.label} to ${formatValue(end.value, settings)} at ${end.label}${range}${pr}${band}`;
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
