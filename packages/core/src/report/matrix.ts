import type { Comparison, MetricComparison, MetricStatus, VerdictKind } from '../compare/compare.js';
import { formatNumber, formatPercent } from '../format.js';
import type { GateStatus } from '../gates/types.js';
import { escapeMarkdownText, escapeTableCell, safeUrl, shortenMiddle } from './escape.js';
import { MAX_COMMENT_LENGTH, type MarkdownReport } from './markdown.js';
import { reportMarker, type ChartImage, type RunInfo } from './model.js';

/**
 * One comment for a matrix of jobs (a hyper-parameter sweep, one job per dataset): each job saved
 * its own report; this puts them side by side, a column per matrix value, under one verdict.
 */
export interface MatrixVariant {
  /** The matrix value, as the column header shows it: `lr=0.01`, `dataset=en`. */
  name: string;
  comparison: Comparison;
  charts: ChartImage[];
}

export interface MatrixReportInput {
  id: string;
  title?: string;
  variants: MatrixVariant[];
  run?: RunInfo;
  fullReportUrl?: string;
}

const VERDICT_LABEL: Record<VerdictKind, string> = {
  passed: '✅ Passed',
  failed: '❌ Failed',
  'passed-with-warnings': '⚠️ Passed with warnings',
  'no-baseline': '⚪ No baseline',
};

const GATE_MARK: Record<GateStatus, string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  error: '❗',
  neutral: '⚪',
};

const METRIC_MARK: Partial<Record<MetricStatus, string>> = {
  regressed: '🔴',
  improved: '🟢',
  changed: '🔵',
  added: '🆕',
  removed: '➖',
  'non-finite': '⚠️',
};

/** The worst verdict wins: one failed job fails the matrix; a job without a baseline is a warning. */
export function matrixVerdict(variants: readonly MatrixVariant[]): VerdictKind {
  const kinds = variants.map((v) => v.comparison.verdict.kind);
  if (kinds.includes('failed')) return 'failed';
  if (kinds.length > 0 && kinds.every((k) => k === 'no-baseline')) return 'no-baseline';
  if (kinds.includes('passed-with-warnings') || kinds.includes('no-baseline')) return 'passed-with-warnings';
  return 'passed';
}

export function renderMatrixMarkdown(
  input: MatrixReportInput,
  options: { maxLength?: number } = {},
): MarkdownReport {
  const maxLength = options.maxLength ?? MAX_COMMENT_LENGTH;
  const marker = reportMarker(input.id);
  const omitted: string[] = [];
  const head = headline(input);
  const jobs = jobsTable(input.variants);
  const gates = gatesTable(input.variants);
  const rows = metricRows(input.variants);
  const charts = chartsSection(input.variants);
  const compose = (metricCount: number, withCharts: boolean): string => {
    const metrics = metricsSection(input.variants, rows, metricCount);
    return [head, jobs, gates, metrics, withCharts ? charts : '', marker]
      .filter((s) => s !== '')
      .join('\n\n');
  };
  let markdown = compose(rows.length, true);
  if (markdown.length > maxLength) {
    omitted.push('the charts');
    markdown = compose(rows.length, false);
  }
  if (markdown.length > maxLength) {
    // As many metric rows as fit, the changed ones first (rows are ordered so).
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (compose(mid, false).length + 300 <= maxLength) lo = mid;
      else hi = mid - 1;
    }
    omitted.push(`${rows.length - lo} metric rows`);
    markdown = compose(lo, false);
  }
  if (omitted.length > 0) {
    const where =
      input.fullReportUrl !== undefined && safeUrl(input.fullReportUrl) !== undefined
        ? `[the run](${safeUrl(input.fullReportUrl)})`
        : "each job's summary";
    const notice = `> Shortened to fit a comment: ${omitted.join(' and ')} left out. Each job's full report is in ${where}.`;
    markdown = markdown.replace(marker, `${notice}\n\n${marker}`);
  }
  if (markdown.length > maxLength) {
    markdown = `${head}\n\n> Too many matrix jobs to show here; see each job's summary.\n\n${marker}`;
    omitted.push('everything but the verdict');
  }
  return { markdown, omitted };
}

function headline(input: MatrixReportInput): string {
  const kind = matrixVerdict(input.variants);
  const title = `## ${escapeMarkdownText(shortenMiddle(input.title ?? 'mlci report', 160))}`;
  const by = (k: VerdictKind) => input.variants.filter((v) => v.comparison.verdict.kind === k);
  const names = (vs: MatrixVariant[]) =>
    vs.map((v) => escapeMarkdownText(shortenMiddle(v.name, 60))).join(', ');
  const parts: string[] = [];
  const failed = by('failed');
  const warned = by('passed-with-warnings');
  const noBase = by('no-baseline');
  if (failed.length > 0)
    parts.push(`${failed.length} of ${input.variants.length} matrix jobs failed (${names(failed)})`);
  if (warned.length > 0) parts.push(`${warned.length} warned (${names(warned)})`);
  if (noBase.length > 0) parts.push(`${noBase.length} had no baseline (${names(noBase)})`);
  if (parts.length === 0) parts.push(`all ${input.variants.length} matrix jobs passed`);
  return `${title}\n\n**${VERDICT_LABEL[kind]}**: ${parts.join('; ')}.`;
}

function cell(text: string): string {
  return escapeTableCell(shortenMiddle(text, 200));
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '-')), ...rows.map(line)].join('\n');
}

function jobsTable(variants: readonly MatrixVariant[]): string {
  const rows = variants.map((v) => {
    const tally = (s: MetricStatus) => v.comparison.metrics.filter((m) => m.status === s).length;
    const counts = v.comparison.verdict.counts;
    return [
      cell(v.name),
      VERDICT_LABEL[v.comparison.verdict.kind],
      `${counts.fail + counts.error} failed, ${counts.warn} warned, ${counts.pass} passed`,
      String(tally('regressed')),
      String(tally('improved')),
      cell(v.comparison.base?.label ?? (v.comparison.base === undefined ? 'none' : 'given')),
    ];
  });
  return `### Jobs\n\n${table(['job', 'verdict', 'gates', 'regressed', 'improved', 'baseline'], rows)}`;
}

function gatesTable(variants: readonly MatrixVariant[]): string {
  const keys: string[] = [];
  for (const v of variants) {
    for (const g of v.comparison.gates) {
      const key = `${g.gate.text}\u0000${g.metric ?? ''}`;
      if (!keys.includes(key)) keys.push(key);
    }
  }
  if (keys.length === 0) return '';
  const rows = keys.map((key) => {
    const [text, metric] = key.split('\u0000') as [string, string];
    const label = metric !== '' && !text.includes(metric) ? `${text} (${metric})` : text;
    return [
      cell(label),
      ...variants.map((v) => {
        const result = v.comparison.gates.find((g) => g.gate.text === text && (g.metric ?? '') === metric);
        if (result === undefined) return '—';
        const value = result.head === undefined ? '' : ` ${formatNumber(result.head)}`;
        return `${GATE_MARK[result.status]}${value}`;
      }),
    ];
  });
  return `### Gates\n\n${table(['gate', ...variants.map((v) => cell(v.name))], rows)}`;
}

interface MetricRow {
  key: string;
  cells: Array<MetricComparison | undefined>;
  changed: boolean;
}

function metricRows(variants: readonly MatrixVariant[]): MetricRow[] {
  const keys = [...new Set(variants.flatMap((v) => v.comparison.metrics.map((m) => m.key)))].sort();
  const rank = (row: MetricRow) =>
    row.cells.some((c) => c?.status === 'regressed' || c?.status === 'non-finite') ? 0 : row.changed ? 1 : 2;
  return keys
    .map((key) => {
      const cells = variants.map((v) => v.comparison.metrics.find((m) => m.key === key));
      return {
        key,
        cells,
        changed: cells.some((c) => c !== undefined && c.status !== 'unchanged' && c.status !== 'no-baseline'),
      };
    })
    .sort((a, b) => rank(a) - rank(b) || (a.key < b.key ? -1 : 1));
}

function metricCell(m: MetricComparison | undefined): string {
  if (m === undefined || m.head === undefined) return '—';
  const change = m.deltaPercent !== undefined ? ` (${formatPercent(m.deltaPercent)})` : '';
  const mark = METRIC_MARK[m.status];
  return `${formatNumber(m.head)}${change}${mark !== undefined ? ` ${mark}` : ''}`;
}

function metricsSection(
  variants: readonly MatrixVariant[],
  rows: readonly MetricRow[],
  count: number,
): string {
  if (rows.length === 0) return '';
  const header = ['metric', ...variants.map((v) => cell(v.name))];
  const shown = rows.slice(0, count);
  const changed = shown.filter((r) => r.changed);
  const unchanged = shown.filter((r) => !r.changed);
  const render = (rs: readonly MetricRow[]) =>
    table(
      header,
      rs.map((r) => [cell(r.key), ...r.cells.map(metricCell)]),
    );
  const parts = ['### Metrics (value in the pull request, change from its baseline)'];
  if (changed.length > 0) parts.push(render(changed));
  if (unchanged.length > 0) {
    parts.push(
      `<details><summary>${unchanged.length} metric${unchanged.length === 1 ? '' : 's'} unchanged in every job</summary>\n\n${render(unchanged)}\n\n</details>`,
    );
  }
  return parts.join('\n\n');
}

function chartsSection(variants: readonly MatrixVariant[]): string {
  const blocks = variants
    .filter((v) => v.charts.length > 0)
    .map((v) => {
      const images = v.charts
        .map((c) => {
          const url = safeUrl(c.url ?? c.file);
          return url === undefined ? '' : `![${escapeMarkdownText(shortenMiddle(c.alt, 1000))}](${url})`;
        })
        .filter((s) => s !== '');
      return `<details><summary>Charts: ${escapeMarkdownText(shortenMiddle(v.name, 60))}</summary>\n\n${images.join('\n\n')}\n\n</details>`;
    });
  return blocks.length === 0 ? '' : `### Charts\n\n${blocks.join('\n\n')}`;
}
