import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { DisplaySettings } from '../../config/config.js';
import { formatNumber, roundNoise } from '../../format.js';

/**
 * The look every mlci chart shares. Charts are drawn on an opaque white background (the renderer
 * paints it), so they read the same on GitHub's light and dark themes: a transparent PNG would put
 * dark text on a dark page. Colours come from the Okabe–Ito palette, which stays distinguishable
 * under the common colour-vision deficiencies; line style (solid vs dashed) carries the
 * pull-request-vs-baseline distinction, so no meaning depends on colour alone.
 */

/** A chart ready to render: `renderChart(spec.config, { width: spec.width, height: spec.height })`. */
export interface ChartSpec {
  /** A stable, safe file name (`curve-loss.png`), unique within one report. */
  file: string;
  title: string;
  /** One or two sentences a screen-reader user can act on: what is plotted, where it ends, the change. */
  alt: string;
  config: ChartConfiguration;
  /** CSS pixels; the PNG is CHART_PIXEL_RATIO times larger. */
  width: number;
  height: number;
}

/** GitHub shows comment images at most about 800 CSS px wide; 2x keeps them sharp on dense screens. */
export const CHART_WIDTH = 800;
export const CURVE_HEIGHT = 360;
export const HISTORY_HEIGHT = 320;
export const CHART_PIXEL_RATIO = 2;
/** The bundled font every chart is drawn in (registered by render.ts). */
export const CHART_FONT_FAMILY = 'Inter';

/** Okabe & Ito (2008), "Color Universal Design": the eight colours, by name. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/**
 * Line colours in the order series get them. Yellow is left out: it is too light on white for a
 * thin line. Black comes last so it does not read as "the important one".
 */
export const SERIES_COLORS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

/** Metric-change colours: a blue/orange pair that colour-blind readers tell apart, greys for the rest. */
export const STATUS_COLORS = {
  improved: OKABE_ITO.blue,
  regressed: OKABE_ITO.vermillion,
  /** Changed, but the metric's direction is unknown, so neither better nor worse. */
  changed: '#6E7781',
  /** Within the metric's tolerance. */
  unchanged: '#AFB8C1',
  /**
   * Beyond the tolerance but inside the change's 95% interval: a muted sand, lighter than
   * `changed` and warmer than `unchanged`, so it reads as neither a finding nor "no change"
   * (under deuteranopia and protanopia it stays yellowish against the blue-greys).
   */
  'within-noise': '#D6C38F',
} as const;

/** Error bars (the 95% interval of a change): near-black, at least 3:1 against every status colour. */
export const WHISKER_COLOR = '#1F2328';

/** GitHub's own text and border colours (Primer), so the chart sits naturally in a comment. */
export const TEXT_COLOR = '#1F2328';
export const MUTED_TEXT_COLOR = '#59636E';
export const GRID_COLOR = '#E4E8EC';
export const AXIS_COLOR = '#8C959F';
export const ZERO_LINE_COLOR = '#59636E';

export const FONT_SIZE = 12;
export const TITLE_FONT_SIZE = 14;

/** The pull request's lines are solid, the baseline's dashed: readable in greyscale too. */
export const HEAD_LINE_WIDTH = 2;
export const BASE_LINE_WIDTH = 1.5;
export const BASE_DASH: number[] = [6, 4];

/** `color` at `alpha` (0..1) as an 8-digit hex colour. */
export function withAlpha(color: string, alpha: number): string {
  const a = Math.round(Math.min(1, Math.max(0, alpha)) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${color.slice(0, 7)}${a}`;
}

/** Options every chart starts from: static, fonts and colours fixed, no tooltips (it is a PNG). */
export function baseOptions(title: string, subtitle?: string): NonNullable<ChartConfiguration['options']> {
  return {
    animation: false,
    responsive: false,
    maintainAspectRatio: false,
    layout: { padding: { top: 4, right: 16, bottom: 4, left: 8 } },
    font: { family: CHART_FONT_FAMILY, size: FONT_SIZE },
    color: TEXT_COLOR,
    plugins: {
      title: {
        display: true,
        text: title,
        align: 'start',
        color: TEXT_COLOR,
        font: { family: CHART_FONT_FAMILY, size: TITLE_FONT_SIZE, weight: 600 },
        padding: { top: 4, bottom: subtitle === undefined ? 8 : 2 },
      },
      subtitle: {
        display: subtitle !== undefined,
        text: subtitle ?? '',
        align: 'start',
        color: MUTED_TEXT_COLOR,
        font: { family: CHART_FONT_FAMILY, size: FONT_SIZE },
        padding: { bottom: 8 },
      },
      legend: {
        display: true,
        position: 'top',
        align: 'end',
        labels: {
          color: TEXT_COLOR,
          font: { family: CHART_FONT_FAMILY, size: FONT_SIZE },
          boxWidth: 28,
          boxHeight: 2,
          padding: 12,
        },
      },
      tooltip: { enabled: false },
    },
  };
}

/** A linear or logarithmic axis with mlci's fonts, grid and a title. */
export function axisOptions(title: string | undefined): Record<string, unknown> {
  return {
    title: {
      display: title !== undefined,
      text: title ?? '',
      color: MUTED_TEXT_COLOR,
      font: { family: CHART_FONT_FAMILY, size: FONT_SIZE },
    },
    ticks: { color: MUTED_TEXT_COLOR, font: { family: CHART_FONT_FAMILY, size: FONT_SIZE } },
    grid: { color: GRID_COLOR, tickColor: GRID_COLOR },
    border: { color: AXIS_COLOR },
  };
}

/** Tick labels through format.ts: `0.25`, `1e-5`, `12000`, never `0.30000000000000004`. */
export function tickLabel(value: number | string): string {
  return typeof value === 'number' ? formatNumber(value, 4) : value;
}

/** A value as the report would print it: the metric's display settings, else 4 significant digits. */
export function formatValue(value: number, settings?: DisplaySettings): string {
  if (settings?.percent === true && Number.isFinite(value))
    return `${formatNumber(roundNoise(value * 100), settings.precision ?? 4)}%`;
  const text = formatNumber(value, settings?.precision ?? 4);
  return settings?.unit !== undefined && Number.isFinite(value) ? `${text} ${settings.unit}` : text;
}

/**
 * A file-name-safe slug of a metric key: lower case, `[a-z0-9-]` only, at most 60 characters.
 * Collisions (`val/loss` vs `val.loss`) are resolved by `uniqueFileName`.
 */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s === '' ? 'metric' : s;
}

/** `prefix-slug.png`, with `-2`, `-3`... when the name is already taken (names are recorded in `taken`). */
export function uniqueFileName(prefix: string, key: string, taken: Set<string>): string {
  const stem = `${prefix}-${slug(key)}`;
  let name = `${stem}.png`;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}.png`;
  taken.add(name);
  return name;
}

/** Shortens `text` to `max` characters by cutting the middle: `eval.per_class.…ass_7.f1`. */
export function middleEllipsis(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

/** English list: `a`, `a and b`, `a, b and c`. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Labels of at most `max` characters that stay distinct: long keys lose their middle, and when
 * that makes two labels equal (`eval.per_class.class_3.f1` and `...class_4.f1` both become
 * `eval.per_c…ss.f1`), those keep the `.`-segment where they differ from the others between two
 * ellipses: `eval.per…class_3…f1`.
 */
export function distinctLabels(keys: readonly string[], max: number): string[] {
  const first = keys.map((k) => middleEllipsis(k, max));
  const counts = new Map<string, number>();
  for (const l of first) counts.set(l, (counts.get(l) ?? 0) + 1);
  return keys.map((key, i) => {
    if (counts.get(first[i]!)! < 2) return first[i]!;
    const chars = [...key];
    let differs = 0;
    let sameEnd = 0;
    for (const other of keys) {
      if (other === key) continue;
      const o = [...other];
      let p = 0;
      while (p < chars.length && p < o.length && chars[p] === o[p]) p++;
      differs = Math.max(differs, p);
      let s = 0;
      while (s < chars.length - p && s < o.length && chars[chars.length - 1 - s] === o[o.length - 1 - s]) s++;
      sameEnd = Math.max(sameEnd, s);
    }
    const text = chars.join('');
    const start = Math.max(0, text.lastIndexOf('.', Math.max(0, differs - 1)) + 1);
    const dot = text.indexOf('.', Math.max(differs, chars.length - sameEnd));
    const end = dot < 0 ? chars.length : dot;
    const window = middleEllipsis(chars.slice(start, end).join(''), Math.max(4, Math.floor(max / 2)));
    const budget = Math.max(2, max - [...window].length - 2);
    const headLength = Math.min(start, Math.ceil(budget * 0.4));
    const tailLength = Math.min(chars.length - end, budget - headLength);
    const head = chars.slice(0, headLength).join('');
    const tail = chars.slice(chars.length - tailLength).join('');
    return `${head}${headLength < start ? '…' : ''}${window}${chars.length - tailLength > end ? '…' : ''}${tail}`;
  });
}

/** Marks an upper band dataset: its value is the fill colour down to the next (lower) dataset. */
interface BandDataset {
  mlciBandFill?: string;
  data: Array<number | null | { y: number | null }>;
}

/**
 * Fills each band between its upper and lower lines, behind the data: the history's noise band,
 * the curves' spread between runs. chart.js's own filler is not bundled (render.ts registers only
 * what mlci's charts use). A gap in the band breaks the fill.
 */
export const bandFill: Plugin = {
  id: 'mlci-noise-band',
  beforeDatasetsDraw(chart: Chart) {
    const { ctx, chartArea } = chart;
    chart.data.datasets.forEach((dataset, i) => {
      const fill = (dataset as unknown as BandDataset).mlciBandFill;
      if (fill === undefined) return;
      const lowerData = (chart.data.datasets[i + 1] as unknown as BandDataset).data;
      const top = chart.getDatasetMeta(i).data;
      const bottom = chart.getDatasetMeta(i + 1).data;
      ctx.save();
      ctx.beginPath();
      ctx.rect(
        chartArea.left,
        chartArea.top,
        chartArea.right - chartArea.left,
        chartArea.bottom - chartArea.top,
      );
      ctx.clip();
      ctx.fillStyle = fill;
      let run: number[] = [];
      const flush = () => {
        if (run.length >= 2) {
          ctx.beginPath();
          run.forEach((j, k) =>
            k === 0 ? ctx.moveTo(top[j]!.x, top[j]!.y) : ctx.lineTo(top[j]!.x, top[j]!.y),
          );
          for (const j of [...run].reverse()) ctx.lineTo(bottom[j]!.x, bottom[j]!.y);
          ctx.closePath();
          ctx.fill();
        }
        run = [];
      };
      // Values are numbers (history, on a category axis) or points (curves, on a linear axis).
      const missing = (v: number | null | { y: number | null } | undefined) =>
        v === null || v === undefined || (typeof v === 'object' && v.y === null);
      (dataset as unknown as BandDataset).data.forEach((value, j) => {
        if (!missing(value) && !missing(lowerData[j]) && top[j] !== undefined && bottom[j] !== undefined)
          run.push(j);
        else flush();
      });
      flush();
      ctx.restore();
    });
  },
};
