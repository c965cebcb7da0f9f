import {
  formatDelta,
  formatNumber,
  formatPercent,
  type Comparison,
  type GateStatus,
  type MetricStatus,
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

/** The terminal form of a comparison: verdict first, then gates, then what changed. */
export function comparisonText(comparison: Comparison, options: { metrics: boolean }): string {
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
    const rows = [...comparison.metrics].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
    parts.push('\n');
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
  }
  if (comparison.params.length > 0) {
    parts.push('\nParams that changed\n');
    parts.push(
      textTable(
        ['param', 'base', 'head'],
        comparison.params.map((p) => [
          p.key,
          p.base === undefined ? '-' : JSON.stringify(p.base),
          p.head === undefined ? '-' : JSON.stringify(p.head),
        ]),
      ),
    );
  }
  return parts.join('');
}
