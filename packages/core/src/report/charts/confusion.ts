import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import { formatNumber, roundNoise } from '../../format.js';
import { rowShares, rowTotals, summarizeConfusion } from '../../plots/metrics.js';
import type { ConfusionMatrix } from '../../plots/model.js';
import {
  axisOptions,
  baseOptions,
  CHART_FONT_FAMILY,
  CHART_WIDTH,
  distinctLabels,
  GRID_COLOR,
  listWords,
  middleEllipsis,
  MUTED_TEXT_COLOR,
  OKABE_ITO,
  plural,
  STATUS_COLORS,
  TEXT_COLOR,
  uniqueFileName,
  type ChartSpec,
} from './theme.js';

/**
 * Confusion-matrix heatmaps. The pull request's matrix is one chart: rows are the actual classes,
 * columns the predicted ones, each cell coloured by its share of the row (so a rare class is as
 * readable as a frequent one) and labelled with its count and that share.
 *
 * With a baseline, the change is a second chart rather than a second panel beside the first: two
 * panels halve the cell width, and at 20 classes the numbers no longer fit. The change is drawn
 * in percentage points of each actual class (row shares), not in counts, because the two sides
 * may have been evaluated on sets of different sizes. Its colours say what the change means:
 * blue where the pull request does better (more of a class on the diagonal, fewer examples in an
 * off-diagonal cell), orange-red where it does worse, the same pair the metric-change chart uses.
 *
 * The matrix controller comes from chartjs-chart-matrix; render.ts registers it with the rest of
 * chart.js, so building a spec here loads no chart.js code at all.
 */

export interface ConfusionChartOptions {
  /** At most this many classes per axis (default 20); the least frequent are merged into "other". */
  maxClasses?: number;
  /** Names the matrix when a report has several (`test`): in the file name and the title. */
  name?: string;
  takenFiles?: Set<string>;
}

/** Sequential scale of the pull request's matrix: white to Okabe–Ito blue. */
export const HEATMAP_COLOR = OKABE_ITO.blue;
/** Cells of a class that one side does not have. */
export const MISSING_CELL_COLOR = '#EEF1F4';
/** The least tint a non-zero cell gets, so 1 example in 10,000 is still visibly not 0. */
const MIN_TINT = 0.08;
/** Below this many percentage points, a change is drawn as no change. */
const CHANGE_EPSILON = 0.05;
/** Full colour at this many percentage points of change or more. */
const CHANGE_FULL_SCALE = 20;

const CHROME_HEIGHT = 150;

/** `a` mixed towards `b` by `t` (0..1), as an opaque hex colour: deterministic, no alpha to blend. */
export function mixColor(a: string, b: string, t: number): string {
  const k = Math.min(1, Math.max(0, t));
  const channel = (i: number) => {
    const x = parseInt(a.slice(1 + 2 * i, 3 + 2 * i), 16);
    const y = parseInt(b.slice(1 + 2 * i, 3 + 2 * i), 16);
    return Math.round(x + (y - x) * k)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`.toUpperCase();
}

export function shareColor(share: number): string {
  return share <= 0 ? '#FFFFFF' : mixColor('#FFFFFF', HEATMAP_COLOR, MIN_TINT + (1 - MIN_TINT) * share);
}

/** Cells of both charts, keyed by labels of the (possibly merged) classes. */
interface Cell {
  x: string;
  y: string;
  color: string;
  /** First line of the cell's text, and a second one when there is room. */
  lines: [string, string?];
  dark: boolean;
}

/**
 * The classes to draw when there are more than `max`: the `max - 1` with the most examples
 * (actual plus predicted, over both sides), in their original order; the rest become one class.
 */
export function chooseClasses(labels: readonly string[], support: ReadonlyMap<string, number>, max: number) {
  if (labels.length <= max) return { kept: [...labels], merged: [] as string[] };
  const ranked = [...labels].sort(
    (a, b) => (support.get(b) ?? 0) - (support.get(a) ?? 0) || labels.indexOf(a) - labels.indexOf(b),
  );
  const keep = new Set(ranked.slice(0, Math.max(1, max - 1)));
  return { kept: labels.filter((l) => keep.has(l)), merged: labels.filter((l) => !keep.has(l)) };
}

/** How many examples each class has as actual plus as predicted. */
function supportOf(matrix: ConfusionMatrix, into = new Map<string, number>()): Map<string, number> {
  const totals = rowTotals(matrix);
  matrix.labels.forEach((label, i) => {
    const column = matrix.counts.reduce((sum, row) => sum + row[i]!, 0);
    into.set(label, (into.get(label) ?? 0) + totals[i]! + column);
  });
  return into;
}

/** `matrix` over `kept` plus, when `merged` is not empty, one last class `other` summing the rest. */
export function projectMatrix(
  matrix: ConfusionMatrix,
  kept: readonly string[],
  merged: readonly string[],
  other: string,
): ConfusionMatrix {
  const labels = merged.length > 0 ? [...kept, other] : [...kept];
  const index = new Map<string, number>(kept.map((l, i) => [l, i]));
  for (const l of merged) index.set(l, kept.length);
  const counts = labels.map(() => labels.map(() => 0));
  matrix.labels.forEach((a, i) => {
    const r = index.get(a);
    matrix.labels.forEach((p, j) => {
      const c = index.get(p);
      if (r !== undefined && c !== undefined) counts[r]![c]! += matrix.counts[i]![j]!;
    });
  });
  return { ...matrix, labels, counts };
}

function otherName(merged: readonly string[]): string {
  return `other (${merged.length})`;
}

function percentText(share: number): string {
  const p = share * 100;
  if (p === 0) return '0%';
  if (p < 0.1) return '<0.1%';
  return `${p >= 9.95 ? Math.round(p) : Number(p.toFixed(1))}%`;
}

function countText(value: number, integer: boolean): string {
  return integer ? String(value) : formatNumber(value, 3);
}

/** Row height in CSS px: tall enough for two lines of text when there are few classes. */
function rowHeight(n: number): number {
  return Math.round(Math.min(64, Math.max(26, 560 / n)));
}

function accuracyText(accuracy: number): string {
  return `${formatNumber(roundNoise(accuracy * 100), 3)}%`;
}

function ppText(delta: number): string {
  const rounded = Number(delta.toFixed(1));
  if (rounded === 0) return '0 pp';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} pp`;
}

/** The charts for a pull request's matrix and, with a baseline that differs, its change. */
export function confusionCharts(
  head: ConfusionMatrix,
  base?: ConfusionMatrix,
  options: ConfusionChartOptions = {},
): ChartSpec[] {
  const taken = options.takenFiles ?? new Set<string>();
  const specs = [confusionChart(head, base, { ...options, takenFiles: taken })];
  if (base !== undefined) {
    const change = confusionChangeChart(head, base, { ...options, takenFiles: taken });
    if (change !== undefined) specs.push(change);
  }
  return specs;
}

/** The pull request's matrix; `base` only adds the baseline's accuracy to the subtitle and alt text. */
export function confusionChart(
  head: ConfusionMatrix,
  base?: ConfusionMatrix,
  options: ConfusionChartOptions = {},
): ChartSpec {
  const max = Math.max(2, options.maxClasses ?? 20);
  const { kept, merged } = chooseClasses(head.labels, supportOf(head), max);
  const shown = projectMatrix(head, kept, merged, otherName(merged));
  const shares = rowShares(shown);
  const cells: Cell[] = [];
  shown.counts.forEach((row, i) =>
    row.forEach((count, j) => {
      const share = shares[i]![j]!;
      cells.push({
        x: shown.labels[j]!,
        y: shown.labels[i]!,
        color: shareColor(share),
        lines: count === 0 ? ['0'] : [countText(count, head.integer), percentText(share)],
        dark: share > 0.5,
      });
    }),
  );
  const summary = summarizeConfusion(head);
  const baseSummary = base === undefined ? undefined : summarizeConfusion(base);
  const named = options.name === undefined ? '' : ` (${options.name})`;
  // Several runs per side: the matrix says whether it sums them or shows one (#14).
  const title = `Confusion matrix${named}${head.scope !== undefined ? `, ${head.scope}` : ''}`;
  const notes: string[] = [
    head.integer
      ? `${plural(summary.total, 'example')}${summary.accuracy !== undefined ? `, accuracy ${accuracyText(summary.accuracy)}` : ''}`
      : 'values as given (not counts)',
  ];
  if (baseSummary?.accuracy !== undefined && summary.accuracy !== undefined)
    notes.push(
      `baseline ${accuracyText(baseSummary.accuracy)} (${ppText((summary.accuracy - baseSummary.accuracy) * 100)})`,
    );
  notes.push('colour is the share of each actual class');
  if (merged.length > 0)
    notes.push(`${merged.length} least frequent of ${head.labels.length} classes merged`);
  const file = uniqueFileName(
    'confusion',
    options.name === undefined ? 'matrix' : `matrix-${options.name}`,
    taken(options),
  );
  return {
    file,
    title,
    alt: matrixAlt(
      head,
      summary,
      baseSummary,
      merged,
      named + (head.scope !== undefined ? `, ${head.scope},` : ''),
    ),
    config: heatmapConfig(shown.labels, cells, title, capitalize(notes.join('; '))),
    width: CHART_WIDTH,
    height: CHROME_HEIGHT + rowHeight(shown.labels.length) * shown.labels.length,
  };
}

function taken(options: ConfusionChartOptions): Set<string> {
  return options.takenFiles ?? new Set<string>();
}

/**
 * PR minus baseline, per cell, in percentage points of the actual class. Undefined when no cell
 * moved by CHANGE_EPSILON points or more.
 */
export function confusionChangeChart(
  head: ConfusionMatrix,
  base: ConfusionMatrix,
  options: ConfusionChartOptions = {},
): ChartSpec | undefined {
  const max = Math.max(2, options.maxClasses ?? 20);
  const union = [...head.labels, ...base.labels.filter((l) => !head.labels.includes(l))];
  const support = supportOf(base, supportOf(head));
  const { kept, merged } = chooseClasses(union, support, max);
  const other = otherName(merged);
  const h = projectMatrix(
    head,
    kept.filter((l) => head.labels.includes(l)),
    merged.filter((l) => head.labels.includes(l)),
    other,
  );
  const b = projectMatrix(
    base,
    kept.filter((l) => base.labels.includes(l)),
    merged.filter((l) => base.labels.includes(l)),
    other,
  );
  const labels = merged.length > 0 ? [...kept, other] : kept;
  const hShares = rowShares(h);
  const bShares = rowShares(b);
  const hTotals = rowTotals(h);
  const bTotals = rowTotals(b);
  const share = (m: ConfusionMatrix, shares: number[][], totals: number[], a: string, p: string) => {
    const i = m.labels.indexOf(a);
    const j = m.labels.indexOf(p);
    // A class with no examples on a side has no row share there: no change can be stated.
    if (i < 0 || totals[i] === 0) return undefined;
    return j < 0 ? 0 : shares[i]![j]!;
  };
  const count = (m: ConfusionMatrix, a: string, p: string) => {
    const i = m.labels.indexOf(a);
    const j = m.labels.indexOf(p);
    return i < 0 || j < 0 ? 0 : m.counts[i]![j]!;
  };
  const changes: Array<{ actual: string; predicted: string; delta: number; good: boolean }> = [];
  const cells: Cell[] = [];
  let largest = 0;
  const deltas = labels.map((a) =>
    labels.map((p) => {
      const hs = share(h, hShares, hTotals, a, p);
      const bs = share(b, bShares, bTotals, a, p);
      return hs === undefined || bs === undefined ? undefined : roundNoise((hs - bs) * 100);
    }),
  );
  for (const row of deltas)
    for (const d of row) if (d !== undefined) largest = Math.max(largest, Math.abs(d));
  if (largest < CHANGE_EPSILON) return undefined;
  // Full colour at the largest change, but at most CHANGE_FULL_SCALE points (so one huge change
  // does not wash out the rest) and at least 5 (so tiny changes do not look dramatic).
  const fullScale = Math.min(CHANGE_FULL_SCALE, Math.max(largest, 5));
  labels.forEach((a, i) =>
    labels.forEach((p, j) => {
      const d = deltas[i]![j];
      if (d === undefined) {
        cells.push({ x: p, y: a, color: MISSING_CELL_COLOR, lines: ['n/a'], dark: false });
        return;
      }
      const counts = `${countText(count(b, a, p), b.integer)}→${countText(count(h, a, p), h.integer)}`;
      if (Math.abs(d) < CHANGE_EPSILON) {
        cells.push({ x: p, y: a, color: '#FFFFFF', lines: ['0', counts], dark: false });
        return;
      }
      const good = i === j ? d > 0 : d < 0;
      changes.push({ actual: a, predicted: p, delta: d, good });
      const t = Math.min(1, Math.abs(d) / fullScale);
      cells.push({
        x: p,
        y: a,
        color: mixColor('#FFFFFF', good ? STATUS_COLORS.improved : STATUS_COLORS.regressed, 0.1 + 0.9 * t),
        lines: [ppText(d), counts],
        dark: t > 0.55,
      });
    }),
  );
  const named = options.name === undefined ? '' : ` (${options.name})`;
  const title = `Confusion matrix${named}: change from the baseline`;
  const scopes = sideScopes(head, base);
  const subtitle =
    'Percentage points of each actual class, pull request minus baseline; blue better, orange-red worse; counts baseline→pull request' +
    (scopes !== '' ? `; ${scopes}` : '') +
    (merged.length > 0 ? `; ${merged.length} least frequent of ${union.length} classes merged` : '');
  return {
    file: uniqueFileName(
      'confusion',
      options.name === undefined ? 'matrix-change' : `matrix-${options.name}-change`,
      taken(options),
    ),
    title,
    alt: changeAlt(head, base, changes, named) + (scopes !== '' ? ` Counts: ${scopes}.` : ''),
    config: heatmapConfig(labels, cells, title, subtitle),
    width: CHART_WIDTH,
    height: CHROME_HEIGHT + rowHeight(labels.length) * labels.length,
  };
}

/** "pull request summed over 3 runs, baseline one run of 3: ...", or '' when neither side says. */
export function sideScopes(head: { scope?: string }, base: { scope?: string } | undefined): string {
  const parts: string[] = [];
  if (head.scope !== undefined) parts.push(`pull request ${head.scope}`);
  if (base?.scope !== undefined) parts.push(`baseline ${base.scope}`);
  return parts.join(', ');
}

function heatmapConfig(
  labels: readonly string[],
  cells: readonly Cell[],
  title: string,
  subtitle: string,
): ChartConfiguration {
  const n = labels.length;
  const maxLabel = n > 10 ? 10 : 18;
  const display = distinctLabels(labels, maxLabel);
  const shortOf = new Map(labels.map((l, i) => [l, display[i]!]));
  const base = baseOptions(title, subtitle);
  const axis = (name: string) => {
    const options = axisOptions(name);
    return {
      ...options,
      type: 'category',
      labels: display,
      offset: true,
      grid: { display: false },
      border: { display: false },
      ticks: { ...(options.ticks as object), autoSkip: false, maxRotation: 90 },
    };
  };
  return {
    type: 'matrix',
    data: {
      datasets: [
        {
          label: 'cells',
          data: cells.map((c) => ({ x: shortOf.get(c.x)!, y: shortOf.get(c.y)! })),
          backgroundColor: cells.map((c) => c.color),
          borderColor: GRID_COLOR,
          borderWidth: 1,
          width: (ctx: { chart: { chartArea?: { width: number } } }) => (ctx.chart.chartArea?.width ?? 0) / n,
          height: (ctx: { chart: { chartArea?: { height: number } } }) =>
            (ctx.chart.chartArea?.height ?? 0) / n,
        },
      ],
    },
    options: {
      ...base,
      layout: { padding: { top: 4, right: 16, bottom: 4, left: 8 } },
      plugins: { ...base.plugins, legend: { display: false } },
      scales: { x: { ...axis('predicted'), position: 'bottom' }, y: { ...axis('actual'), reverse: false } },
    },
    plugins: [cellText(cells)],
  } as unknown as ChartConfiguration;
}

/** Writes each cell's numbers in it: the count and the share, or only the first line when small. */
function cellText(cells: readonly Cell[]): Plugin<'matrix'> {
  return {
    id: 'mlci-cell-text',
    afterDatasetsDraw(chart: Chart<'matrix'>) {
      const ctx = chart.ctx;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      meta.data.forEach((element, i) => {
        const cell = cells[i];
        if (cell === undefined) return;
        const { x, y, width, height } = element.getProps(['x', 'y', 'width', 'height'], true) as unknown as {
          x: number;
          y: number;
          width: number;
          height: number;
        };
        const size = width >= 44 && height >= 30 ? 12 : 10;
        const twoLines = cell.lines[1] !== undefined && height >= 2 * size + 8 && width >= 36;
        if (width < 22 || height < size + 2) return;
        const cx = x + width / 2;
        const cy = y + height / 2;
        ctx.fillStyle = cell.dark ? '#FFFFFF' : TEXT_COLOR;
        ctx.font = `600 ${size}px ${CHART_FONT_FAMILY}`;
        ctx.fillText(fit(ctx, cell.lines[0], width - 4), cx, twoLines ? cy - size * 0.6 : cy);
        if (twoLines) {
          ctx.fillStyle = cell.dark ? '#FFFFFF' : MUTED_TEXT_COLOR;
          ctx.font = `${size}px ${CHART_FONT_FAMILY}`;
          ctx.fillText(fit(ctx, cell.lines[1]!, width - 4), cx, cy + size * 0.6);
        }
      });
      ctx.restore();
    },
  };
}

/** The text, or nothing when it does not fit: a cut number would be a wrong number. */
function fit(ctx: { measureText(text: string): { width: number } }, text: string, width: number): string {
  return ctx.measureText(text).width <= width ? text : '';
}

function matrixAlt(
  head: ConfusionMatrix,
  summary: ReturnType<typeof summarizeConfusion>,
  baseSummary: ReturnType<typeof summarizeConfusion> | undefined,
  merged: readonly string[],
  named: string,
): string {
  const classes = head.labels.length;
  const names = classes <= 8 ? ` (${listWords(head.labels.map((l) => middleEllipsis(l, 24)))})` : '';
  const parts = [
    `Confusion matrix${named} of the pull request over ${plural(classes, 'class', 'classes')}${names}${head.integer ? `, ${plural(summary.total, 'example')}` : ', values as given rather than counts'}`,
  ];
  if (summary.accuracy !== undefined) {
    let text = `accuracy ${accuracyText(summary.accuracy)}`;
    if (baseSummary?.accuracy !== undefined)
      text += `, baseline ${accuracyText(baseSummary.accuracy)} (${ppText((summary.accuracy - baseSummary.accuracy) * 100)})`;
    parts.push(text);
  }
  let sentence = `${parts.join(': ')}.`;
  const top = summary.topConfusion;
  if (top !== undefined)
    sentence += ` Most frequent confusion: ${top.actual} predicted as ${top.predicted}, ${countText(top.count, head.integer)} (${percentText(top.shareOfRow)} of ${top.actual}).`;
  else sentence += ' No example is confused with another class.';
  if (merged.length > 0)
    sentence += ` The ${merged.length} least frequent classes are drawn merged as "other".`;
  return sentence;
}

function changeAlt(
  head: ConfusionMatrix,
  base: ConfusionMatrix,
  changes: ReadonlyArray<{ actual: string; predicted: string; delta: number; good: boolean }>,
  named: string,
): string {
  const better = changes.filter((c) => c.good).length;
  const worse = changes.length - better;
  const biggest = [...changes].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, 3);
  const describe = (c: (typeof changes)[number]) =>
    `${c.actual} predicted as ${c.predicted} ${ppText(c.delta)} (${c.good ? 'better' : 'worse'})`;
  const h = summarizeConfusion(head);
  const b = summarizeConfusion(base);
  const accuracy =
    h.accuracy !== undefined && b.accuracy !== undefined
      ? ` Accuracy ${accuracyText(b.accuracy)} in the baseline, ${accuracyText(h.accuracy)} in the pull request.`
      : '';
  return `Change of the confusion matrix${named} from the baseline, in percentage points of each actual class: ${plural(better, 'cell')} better, ${plural(worse, 'cell')} worse. Largest: ${biggest.map(describe).join('; ')}.${accuracy}`;
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
