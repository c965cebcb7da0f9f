import { markdownTable } from 'markdown-table';
import type { ColumnDrift, DriftReport } from '../data/drift.js';
import { TEST_NAMES } from '../data/drift.js';
import { isDrawableHistogram } from '../data/histogram.js';
import { CORRECTION_NAMES } from '../stats/family.js';
import { formatNumber } from '../format.js';
import { escapeMarkdownText, escapeTableCell, safeUrl, shortenMiddle } from './escape.js';
import type { ChartImage } from './model.js';
import { count, details, grouped } from './words.js';

/**
 * The report's data-drift section (docs/drift.md, "In the report"): the dataset's verdict as the
 * heading, the drifted columns in a table (the numbers that decided: statistic, p or distance,
 * threshold, PSI, missing share), the columns on one side only named, the correction stated once,
 * the other columns folded, then the charts of the top columns (charts/drift.ts). Everything from
 * the tables (column names, labels, category values in reasons) is escaped: a column name is data.
 *
 * Rows are escaped once (driftFacts), since trimming a report to GitHub's limit renders it many times.
 */

/** Charts drawn by default: the columns that drifted most, then the largest PSI. */
export const DEFAULT_DRIFT_CHARTS = 4;
/** Longest column name shown in a cell (cut in the middle). */
const MAX_NAME = 120;
/** Longest reason or note shown. */
const MAX_TEXT = 400;
/** Columns named in a sentence ("Dropped: a, b and 3 more"). */
const MAX_NAMED = 10;

export interface DriftFacts {
  report: DriftReport;
  heading: string;
  /** Where the tables came from, one line. */
  sources: string;
  /** Drifted columns (and retyped or empty ones), one escaped row each, in the report's order. */
  driftedRows: string[];
  /** The compared columns that did not drift, then those not compared: folded. */
  otherRows: string[];
  /** What each column's verdict rests on, and its notes: folded with the other rows. */
  reasons: string[];
  /** Dropped and new columns, named. */
  oneSided: string;
  /** How the verdict was reached: the correction, once; the tests and distances used. */
  method: string;
  /** Notes and warnings of the reading (escaped). */
  notes: string[];
}

/** What of the section a plan shows: trimming to the comment's limit shrinks it. */
export interface DriftSectionPlan {
  /** How many of the drifted rows to show. */
  driftedRows: number;
  /** The folded table of the other columns, and the reasons. */
  details: boolean;
  /** The drift charts to show (none when the plan leaves charts out). */
  charts: readonly ChartImage[];
}

/** "Data drift: 3 of 5 columns drifted (60%); the dataset drifts at 50%". */
export function driftHeadline(report: DriftReport): string {
  if (report.tested === 0) return 'Data drift: no column could be compared';
  const share = `${formatNumber(report.share * 100, 3)}%`;
  const limit = `${formatNumber(report.options.driftShare * 100, 3)}%`;
  return `Data drift: ${report.drifted} of ${count(report.tested, 'column')} drifted (${share}); the dataset drifts at ${limit}`;
}

export function driftFacts(report: DriftReport): DriftFacts {
  const decided = (c: ColumnDrift) =>
    c.status === 'compared' || c.status === 'retyped' || c.status === 'no-values';
  const drifted = report.columns.filter((c) => c.drifted);
  const notDrifted = report.columns.filter((c) => !c.drifted && decided(c));
  const notCompared = report.columns.filter((c) => c.status === 'not-compared');
  const mark = report.detected ? '⚠️ ' : '';
  const reasons = report.columns
    .filter((c) => c.status !== 'dropped' && c.status !== 'new')
    .flatMap((c) => [
      `- ${escapeMarkdownText(shortenMiddle(c.name, MAX_NAME))}: ${escapeMarkdownText(shortenMiddle(c.reason, MAX_TEXT))}`,
      ...c.notes.map(
        (n) =>
          `- ${escapeMarkdownText(shortenMiddle(c.name, MAX_NAME))}: ${escapeMarkdownText(shortenMiddle(n, MAX_TEXT))}`,
      ),
    ]);
  return {
    report,
    heading: `### ${mark}${escapeMarkdownText(driftHeadline(report))}`,
    sources: `Reference: ${side(report.reference)}; current: ${side(report.current)}.`,
    driftedRows: drifted.map((c) => tableRow(columnCells(c))),
    otherRows: [...notDrifted, ...notCompared].map((c) => tableRow(columnCells(c))),
    reasons,
    oneSided: oneSidedSentence(report),
    method: methodSentence(report),
    notes: [
      ...report.warnings.map((w) => `⚠️ ${w}`),
      ...report.notes.filter((n) => !isCorrectionNote(n)),
    ].map((n) => escapeMarkdownText(shortenMiddle(n, MAX_TEXT))),
  };
}

export function fullDriftPlan(facts: DriftFacts, charts: readonly ChartImage[]): DriftSectionPlan {
  return { driftedRows: facts.driftedRows.length, details: true, charts };
}

const HEADER = ['column', 'type', 'test', 'statistic', 'p or distance', 'threshold', 'PSI', 'missing'];
const ALIGN = ['l', 'l', 'l', 'r', 'r', 'l', 'r', 'l'];

/** The section as Markdown, for one plan. */
export function renderDriftSection(facts: DriftFacts, plan: DriftSectionPlan): string {
  const { report } = facts;
  const parts: string[] = [facts.heading, facts.sources];
  const shown = facts.driftedRows.slice(0, plan.driftedRows);
  const hidden = facts.driftedRows.length - shown.length;
  if (facts.driftedRows.length === 0) {
    parts.push(report.tested === 0 ? 'No column was compared.' : 'No column drifted.');
  } else if (shown.length > 0) {
    parts.push(table(HEADER, shown, ALIGN));
  }
  if (hidden > 0)
    parts.push(
      `${count(hidden, shown.length > 0 ? 'more drifted column' : 'drifted column')} not shown; report.json and the job summary list every one.`,
    );
  if (facts.oneSided !== '') parts.push(facts.oneSided);
  const sub = [facts.method, ...facts.notes].filter((n) => n !== '');
  if (sub.length > 0) parts.push(`<sub>${sub.join(' ')}</sub>`);
  const others = facts.otherRows.length;
  if (others > 0 || facts.reasons.length > 0) {
    const summary = otherSummary(report);
    if (plan.details) {
      const body = [
        others > 0 ? table(HEADER, facts.otherRows, ALIGN) : '',
        facts.reasons.length > 0 ? `How each column was judged:\n\n${facts.reasons.join('\n')}` : '',
      ].filter((p) => p !== '');
      parts.push(details(summary, body.join('\n\n')));
    } else if (others > 0) {
      parts.push(`${summary}: not shown.`);
    }
  }
  for (const chart of plan.charts) parts.push(chartMarkdown(chart));
  const drawable = report.columns.filter((c) => isDrawableHistogram(c.histogram)).length;
  if (plan.charts.length > 0 && drawable > plan.charts.length)
    parts.push(
      `*${count(drawable - plan.charts.length, 'more column')} not drawn (the ${plan.charts.length} drawn: drifted columns first, the furthest past their threshold, then the largest PSI).*`,
    );
  return parts.join('\n\n');
}

/** What trimming left out of the section, in words, for the report's notice. */
export function driftOmissions(facts: DriftFacts, plan: DriftSectionPlan): string[] {
  const out: string[] = [];
  const hidden = facts.driftedRows.length - plan.driftedRows;
  if (hidden > 0) out.push(`${hidden} of ${count(facts.driftedRows.length, 'drifted column')}`);
  if (!plan.details && facts.otherRows.length > 0)
    out.push(`the table of ${count(facts.otherRows.length, 'column')} without drift`);
  return out;
}

/** The columns whose charts a report draws, best first: drifted by severity, then the others by PSI. */
export function driftChartColumns(report: DriftReport, max = DEFAULT_DRIFT_CHARTS): ColumnDrift[] {
  const drawable = report.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => isDrawableHistogram(c.histogram) && typeof c.name === 'string');
  const psi = (c: ColumnDrift) => c.psi ?? -1;
  const drifted = drawable
    .filter(({ c }) => c.drifted)
    .sort((a, b) => severity(b.c) - severity(a.c) || psi(b.c) - psi(a.c) || a.i - b.i);
  const others = drawable.filter(({ c }) => !c.drifted).sort((a, b) => psi(b.c) - psi(a.c) || a.i - b.i);
  return [...drifted, ...others].slice(0, Math.max(0, max)).map(({ c }) => c);
}

/**
 * How far past its threshold a drifted column is, on one scale for tests and distances: the log of
 * alpha over p, or of the distance over its threshold (0 at the threshold). A column that drifted
 * without a number (its categories changed beyond counting) comes after those with one.
 */
export function severity(column: ColumnDrift): number {
  const limit = column.threshold;
  if (limit === undefined || limit <= 0) return 0;
  if (column.test === 'ks' || column.test === 'chi_square') {
    if (column.p === undefined) return 0;
    return Math.log(limit / Math.max(column.p, Number.MIN_VALUE));
  }
  const distance = column.test === 'wasserstein' ? column.wasserstein : column.jensenShannon;
  return distance === undefined || distance <= 0 ? 0 : Math.log(distance / limit);
}

/** "KS p = 0.0013", "Wasserstein 0.23": the number that decided, short (chart titles). */
export function driftScoreText(column: ColumnDrift): string {
  switch (column.test) {
    case 'ks':
      return `KS p = ${formatDriftP(column.p!)}`;
    case 'chi_square':
      return `chi-square p = ${formatDriftP(column.p!)}`;
    case 'wasserstein':
      return `Wasserstein ${formatNumber(column.wasserstein!, 3)} (sd)`;
    case 'jensen_shannon':
      return `Jensen–Shannon ${formatNumber(column.jensenShannon!, 3)}`;
    default:
      return column.drifted ? 'its categories changed' : '';
  }
}

/** p as the drift table prints it: `0.0013`, `1.4e-17` (as `mlci drift` does). */
export function formatDriftP(p: number): string {
  if (p === 0) return '0';
  return p < 1e-4 ? p.toExponential(1) : formatNumber(p, 2);
}

// ---------------------------------------------------------------------------------------------

function columnCells(c: ColumnDrift): string[] {
  const name = shortenMiddle(c.name, MAX_NAME);
  const missing = `${percent(c.reference?.missingShare)} → ${percent(c.current?.missingShare)}`;
  const psi = c.psi === undefined ? '—' : formatNumber(c.psi, 3);
  if (c.test === undefined) {
    return [name, c.type, statusWords(c), '—', '—', '—', psi, missing];
  }
  const tested = c.test === 'ks' || c.test === 'chi_square';
  const statistic =
    c.test === 'ks'
      ? `D = ${formatNumber(c.ks!, 3)}`
      : c.test === 'chi_square'
        ? `χ² = ${formatNumber(c.chiSquare!, 4)} (${c.df} df)`
        : '—';
  const score = tested
    ? `p = ${formatDriftP(c.p!)}`
    : formatNumber(c.test === 'wasserstein' ? c.wasserstein! : c.jensenShannon!, 3);
  const threshold = tested ? `p < ${c.threshold}` : `≥ ${c.threshold}`;
  return [name, c.type, TEST_NAMES[c.test], statistic, score, threshold, psi, missing];
}

function statusWords(c: ColumnDrift): string {
  switch (c.status) {
    case 'retyped':
      return 'type changed';
    case 'no-values':
      return 'no values';
    case 'compared':
      return c.drifted ? 'categories changed' : 'compared';
    default:
      return 'not compared';
  }
}

function side(table: DriftReport['reference']): string {
  return `${escapeMarkdownText(shortenMiddle(table.label, 160))} (${count(table.rows, 'row')}, ${count(table.columns, 'column')})`;
}

function oneSidedSentence(report: DriftReport): string {
  const named = (status: 'dropped' | 'new') => {
    const names = report.columns.filter((c) => c.status === status).map((c) => c.name);
    const shown = names.slice(0, MAX_NAMED).map((n) => escapeMarkdownText(shortenMiddle(n, MAX_NAME)));
    return names.length > MAX_NAMED
      ? `${shown.join(', ')} and ${names.length - MAX_NAMED} more`
      : shown.join(', ');
  };
  const dropped = named('dropped');
  const added = named('new');
  const parts = [
    dropped === '' ? '' : `Dropped (in the reference only): ${dropped}.`,
    added === '' ? '' : `New (in the current data only): ${added}.`,
  ].filter((p) => p !== '');
  return parts.length === 0 ? '' : `${parts.join(' ')} They are not counted in the share.`;
}

function methodSentence(report: DriftReport): string {
  const { options } = report;
  const correction =
    report.family > 1 && options.correction !== 'none'
      ? `The p values of the ${report.family} tested columns were corrected together (${CORRECTION_NAMES[options.correction]}): a column drifts at p < ${options.alpha} after the correction.`
      : report.family > 1
        ? `The p values of the ${report.family} tested columns were not corrected: each column drifts at p < ${options.alpha} on its own.`
        : '';
  const how = `Columns of up to ${grouped(options.smallRows)} reference values are tested; larger ones drift when their distance reaches ${options.threshold} and their test agrees (beyond sampling noise). PSI is shown, not used for the verdict.`;
  return [correction, how].filter((s) => s !== '').join(' ');
}

/** The report's own sentence about the correction: said once, by methodSentence. */
function isCorrectionNote(note: string): boolean {
  return /^the p values of the \d+ tested columns were corrected together/.test(note);
}

function otherSummary(report: DriftReport): string {
  const notDrifted = report.columns.filter((c) => !c.drifted && c.status === 'compared').length;
  const notCompared = report.columns.filter((c) => c.status === 'not-compared').length;
  const parts = [
    notDrifted > 0 ? `${count(notDrifted, 'column')} without drift` : '',
    notCompared > 0 ? `${grouped(notCompared)} not compared` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? 'How each column was judged' : parts.join(', ');
}

function chartMarkdown(chart: ChartImage): string {
  const url = safeUrl(chart.url ?? chart.file);
  const alt = escapeMarkdownText(shortenMiddle(chart.alt, 1000));
  return url === undefined
    ? `*Chart not shown (not an http(s) or relative link):* ${alt}`
    : `![${alt}](${url})`;
}

function percent(share: number | undefined): string {
  return share === undefined ? '—' : `${formatNumber(share * 100, 3)}%`;
}

function table(header: string[], rows: readonly string[], align: string[]): string {
  const head = markdownTable([header], { align, alignDelimiters: false });
  return rows.length === 0 ? head : `${head}\n${rows.join('\n')}`;
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(escapeTableCell).join(' | ')} |`;
}
