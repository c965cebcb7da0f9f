/**
 * Drift results as metrics, in the one model every step consumes (model.ts), so the existing gates
 * apply unchanged: `drift.share <= 0.3`, `drift.columns.*.psi <= 0.2`, `data.missing.* <= 0.01`,
 * `data.rows >= 1000`. Column names are escaped as every reader escapes them (keys.ts):
 * `drift.columns.temp\.max.psi` for a column named `temp.max`. The key list is in docs/drift.md.
 */
import { setOwn } from '../doc-builder.js';
import { ConfigurationError } from '../errors.js';
import { childKey, splitKey } from '../keys.js';
import type { FormatId, MetricsDoc, ParamValue, SourceInfo } from '../model.js';
import { numberToJson } from '../numbers.js';
import type { ColumnDrift, DriftReport } from './drift.js';

/** The format named in the sources of a drift document. */
export const DRIFT_FORMAT: FormatId = 'drift';

/** Prefixes of the keys `mlci drift` writes: the gates of a config that are about drift. */
export const DRIFT_KEY_PREFIXES = ['drift.', 'data.'] as const;

export function driftMetricsDoc(report: DriftReport): MetricsDoc {
  const metrics: Record<string, number> = {};
  const params: Record<string, ParamValue> = {};
  const metric = (key: string, value: number | undefined) => {
    if (value !== undefined) setOwn(metrics, key, value);
  };
  metric('drift.share', report.share);
  metric('drift.detected', report.detected ? 1 : 0);
  metric('drift.drifted_columns', report.drifted);
  metric('drift.tested_columns', report.tested);
  metric('drift.dropped_columns', report.columns.filter((c) => c.status === 'dropped').length);
  metric('drift.new_columns', report.columns.filter((c) => c.status === 'new').length);
  metric('data.rows', report.current.rows);
  metric('data.reference_rows', report.reference.rows);
  metric('data.columns', report.current.columns);
  setOwn(params, 'drift.reference', report.reference.label);
  setOwn(params, 'drift.current', report.current.label);
  for (const column of report.columns) {
    // A dropped column is missing from every row of the current data.
    metric(childKey('data.missing', column.name), column.current?.missingShare ?? 1);
    if (column.status !== 'compared' && column.status !== 'retyped' && column.status !== 'no-values')
      continue;
    writeColumn(column, childKey('drift.columns', column.name), metric, params);
  }
  const source = (label: string, notes: string[], warnings: string[]): SourceInfo => ({
    file: label,
    format: DRIFT_FORMAT,
    notes,
    warnings,
  });
  // Which test each column got, with its numbers, and anything approximate about it.
  const columnNotes = report.columns.flatMap((c) => [
    `${c.name}: ${c.reason}`,
    ...c.notes.map((n) => `${c.name}: ${n}`),
  ]);
  return {
    metrics,
    series: {},
    params,
    sources: [
      source(report.reference.label, [`reference: ${report.reference.rows} rows`], []),
      source(report.current.label, [...report.notes, ...columnNotes], [...report.warnings]),
    ],
  };
}

function writeColumn(
  column: ColumnDrift,
  key: string,
  metric: (key: string, value: number | undefined) => void,
  params: Record<string, ParamValue>,
): void {
  metric(`${key}.drifted`, column.drifted ? 1 : 0);
  metric(`${key}.retyped`, column.status === 'retyped' ? 1 : 0);
  metric(`${key}.p`, column.p);
  metric(`${key}.p_raw`, column.pRaw);
  metric(`${key}.ks`, column.ks);
  metric(`${key}.chi_square`, column.chiSquare);
  metric(`${key}.wasserstein`, column.wasserstein);
  metric(`${key}.jensen_shannon`, column.jensenShannon);
  metric(`${key}.psi`, column.psi);
  metric(`${key}.linf`, column.linf);
  setOwn(params, `${key}.type`, column.type);
  setOwn(params, `${key}.test`, column.test ?? column.status);
}

/**
 * A document's metrics and params as nested JSON (`{"drift": {"share": 0.4, ...}}`), which the
 * JSON metrics reader reads back to the very same keys: `mlci drift --out drift.json` is then an
 * input of `mlci compare`, `mlci check` and the actions. NaN and ±Infinity are written as the
 * strings the reader restores.
 */
export function nestedMetricsJson(doc: MetricsDoc): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const place = (key: string, value: unknown) => {
    const segments = splitKey(key);
    let node = root;
    for (let i = 0; i < segments.length - 1; i++) {
      const segment = segments[i]!;
      const next = Object.hasOwn(node, segment) ? node[segment] : undefined;
      if (next === undefined) {
        const child: Record<string, unknown> = {};
        setOwn(node, segment, child);
        node = child;
      } else if (typeof next === 'object' && next !== null) {
        node = next as Record<string, unknown>;
      } else {
        throw new ConfigurationError(
          `the key ${JSON.stringify(key)} is both a value and a group of values; it cannot be written as nested JSON`,
        );
      }
    }
    const last = segments[segments.length - 1]!;
    if (Object.hasOwn(node, last)) {
      throw new ConfigurationError(
        `the key ${JSON.stringify(key)} is both a value and a group of values; it cannot be written as nested JSON`,
      );
    }
    setOwn(node, last, value);
  };
  for (const [key, value] of Object.entries(doc.metrics)) place(key, numberToJson(value));
  for (const [key, value] of Object.entries(doc.params)) place(key, value);
  return root;
}
