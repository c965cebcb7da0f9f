import {
  DRIFT_KEY_PREFIXES,
  formatDelta,
  formatNumber,
  formatPercent,
  type Comparison,
  type GateStatus,
  type MetricComparison,
  type MetricStatus,
  type ParamChange,
} from '@mlci/core';
import { textTable } from './table.js';

const GATE_MARK: Record<GateStatus, string> = {
  pass: 'pass',
  warn: 'WARN',
  fail: 'FAIL',
  neutral: 'n/a',
  error: 'ERROR',
};
const METRIC_MARK: Record<MetricStatus, string> = {
  improved: 'improved',
  regressed: 'REGRESSED',
  'within-noise': 'within noise',
  unchanged: 'unchanged',
  changed: 'changed',
  added: 'added',
  removed: 'removed',
  'non-finite': 'NON-FINITE',
  'no-baseline': '',
};
const VERDICT: Record<Comparison['verdict']['kind'], string> = {
  passed: 'PASSED',
  failed: 'FAILED',
  'passed-with-warnings': 'PASSED WITH WARNINGS',
  'no-baseline': 'NO BASELINE',
};

/** Text from data on one line: a line break in a metric's name must not start a log line. */
function oneLine(text: string): string {
  return text.replace(/\r/g, '\\x0d').replace(/\n/g, '\\n');
}

export interface ComparisonTextOptions {
  /** The table of every metric (what changed), after the verdict and the gates. */
  metrics: boolean;
  /**
   * Where the data drift metrics that no gate names can be read whole, such as `.mlci/drift.json
   * and the report's data drift section`; said in the line that stands for them.
   */
  dataMetricsAt?: string;
}

function isDataKey(key: string): boolean {
  return DRIFT_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * What the text folds into one line when the comparison holds a data drift (its `drift.share`,
 * data/metrics.ts): the `drift.*` and `data.*` metrics no gate names, and the drift's params
 * (each column's type and test, the tables). A drift of 5 columns is ~50 keys, which would bury
 * the model's metrics as "added" rows; the gated ones stay, as the numbers that decide, and the
 * drift's own table (mlci drift, the actions' drift step) shows the rest by column.
 */
function foldedData(
  comparison: Comparison,
  metrics: boolean,
): { metrics: Set<MetricComparison>; params: Set<ParamChange> } {
  if (!comparison.metrics.some((m) => m.key === 'drift.share'))
    return { metrics: new Set(), params: new Set() };
  const gated = new Set(comparison.gates.flatMap((g) => (g.metric === undefined ? [] : [g.metric])));
  return {
    metrics: new Set(metrics ? comparison.metrics.filter((m) => isDataKey(m.key) && !gated.has(m.key)) : []),
    params: new Set(comparison.params.filter((p) => isDataKey(p.key))),
  };
}

/** The line that stands for what was folded (metrics with their statuses when compared); '' for nothing. */
function foldedLine(
  folded: { metrics: Set<MetricComparison>; params: Set<ParamChange> },
  hasBase: boolean,
  at: string | undefined,
): string {
  const n = folded.metrics.size;
  const p = folded.params.size;
  if (n + p === 0) return '';
  let statuses = '';
  if (hasBase && n > 0) {
    const counts = new Map<MetricStatus, number>();
    for (const m of folded.metrics) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
    statuses = ` (${[...counts].map(([status, count]) => `${count} ${METRIC_MARK[status].toLowerCase()}`).join(', ')})`;
  }
  const parts: string[] = [];
  if (n > 0) parts.push(`${n} data drift ${n === 1 ? 'metric' : 'metrics'} that no gate names${statuses}`);
  if (p > 0) parts.push(`${p} data drift ${p === 1 ? 'param' : 'params'}`);
  const what = `${parts.join(' and ')} ${n + p === 1 ? 'is' : 'are'} not listed`;
  return at !== undefined
    ? `${what}: see ${oneLine(at)}\n`
    : `${what} (drift.*, data.*): the JSON comparison has them\n`;
}

/** The terminal form of a comparison: verdict first, then gates, then what changed. */
export function comparisonText(comparison: Comparison, options: ComparisonTextOptions): string {
  const parts: string[] = [`${VERDICT[comparison.verdict.kind]}: ${oneLine(comparison.verdict.summary)}\n`];
  if (comparison.base?.label !== undefined) parts.push(`baseline: ${oneLine(comparison.base.label)}\n`);
  if (comparison.history !== undefined)
    parts.push(`noise from the history: ${oneLine(comparison.history.label)}\n`);
  if (comparison.gates.length > 0) {
    parts.push('\n');
    parts.push(
      textTable(
        ['result', 'gate', 'metric', 'base', 'head', 'why'],
        comparison.gates.map((r) => [
          GATE_MARK[r.status],
          r.gate.text,
          r.metric ?? '-',
          r.base === undefined ? '-' : formatNumber(r.base),
          r.head === undefined ? '-' : formatNumber(r.head),
          r.reason,
        ]),
      ),
    );
  }
  const folded = foldedData(comparison, options.metrics);
  const line = foldedLine(folded, comparison.base !== undefined, options.dataMetricsAt);
  if (options.metrics && comparison.metrics.length > 0) {
    const order: MetricStatus[] = [
      'regressed',
      'non-finite',
      'removed',
      'changed',
      'improved',
      'added',
      'within-noise',
      'unchanged',
      'no-baseline',
    ];
    const rows = comparison.metrics
      .filter((m) => !folded.metrics.has(m))
      .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
    parts.push('\n');
    if (rows.length > 0)
      parts.push(
        textTable(
          comparison.base === undefined
            ? ['metric', 'value', 'direction']
            : ['metric', 'base', 'head', 'delta', 'delta %', 'status'],
          rows.map((m) => {
            const repeats = (side: 'base' | 'head') => {
              const s = m.repeats?.[side];
              return s === undefined || s.n < 2 ? '' : ` ±${formatNumber(s.sd ?? 0, 3)} (n=${s.n})`;
            };
            if (comparison.base === undefined) {
              return [
                m.key,
                m.head === undefined ? '-' : formatNumber(m.head) + repeats('head'),
                m.direction ?? '?',
              ];
            }
            return [
              m.key,
              m.base === undefined ? '-' : formatNumber(m.base) + repeats('base'),
              m.head === undefined ? '-' : formatNumber(m.head) + repeats('head'),
              m.delta === undefined
                ? '-'
                : formatDelta(m.delta) +
                  (m.noise === undefined
                    ? ''
                    : ` [${formatDelta(m.noise.ci[0], 3)}, ${formatDelta(m.noise.ci[1], 3)}]`),
              m.deltaPercent === undefined ? '-' : formatPercent(m.deltaPercent),
              METRIC_MARK[m.status],
            ];
          }),
        ),
      );
    parts.push(line);
  } else if (line !== '') {
    parts.push(`\n${line}`);
  }
  const params = comparison.params.filter((p) => !folded.params.has(p));
  if (params.length > 0) {
    parts.push('\nParams that changed\n');
    parts.push(
      textTable(
        ['param', 'base', 'head'],
        params.map((p) => [
          p.key,
          p.base === undefined ? '-' : JSON.stringify(p.base),
          p.head === undefined ? '-' : JSON.stringify(p.head),
        ]),
      ),
    );
  }
  return parts.join('');
}
