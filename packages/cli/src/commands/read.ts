import { ConfigurationError, readMetrics, toJsonDoc, type MetricsDoc } from '@mlci/core';
import { parseCommandArgs } from '../arguments.js';
import { formatTable } from '../help.js';
import { EXIT, type CliIO } from '../io.js';
import { formatValue, textTable } from '../table.js';

export const READ_OPTIONS = {
  format: { type: 'string' },
  run: { type: 'string' },
  'max-points': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const readUsage = `Usage: mlci read <path...> [--format F] [--run ID] [--json]

Reads metrics files or folders and prints what mlci sees in them. Several paths are read as one
run; a key found twice takes the later file's value.

Formats (detected from a file's name and first bytes, or named with --format):
${formatTable()}

Options:
  --format F      read every path as format F instead of detecting it
  --run ID        MLflow: the run (id, name or experiment name); default the latest finished run
  --max-points N  downsample each curve to at most N points for display (default 2000)
  --json          print { metrics, series, params, sources } as JSON
  -h, --help      show this help
`;

export async function readCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args, allowPositionals: true, options: READ_OPTIONS });
  if (values.help) {
    io.stdout(readUsage);
    return EXIT.ok;
  }
  const options: Parameters<typeof readMetrics>[1] = {};
  if (values.format !== undefined) options.format = values.format;
  if (values.run !== undefined) options.run = values.run;
  if (values['max-points'] !== undefined) options.maxSeriesPoints = parsePointBudget(values['max-points']);
  const doc = await readMetrics(positionals, options);
  for (const source of doc.sources) {
    for (const warning of source.warnings) io.stderr(`warning: ${source.file}: ${warning}\n`);
  }
  io.stdout(values.json ? `${JSON.stringify(toJsonDoc(doc), null, 2)}\n` : describeDoc(doc));
  return EXIT.ok;
}

function parsePointBudget(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 10) {
    throw new ConfigurationError(
      `--max-points: expected a whole number of at least 10, got ${JSON.stringify(text)}`,
    );
  }
  return n;
}

export function describeDoc(doc: MetricsDoc): string {
  const parts: string[] = [];
  parts.push(
    textTable(
      ['source', 'format'],
      doc.sources.map((s) => [s.file, s.format]),
    ),
  );
  const remarks = doc.sources.flatMap((s) => [
    ...s.notes.map((n) => `  ${s.file}: ${n}`),
    ...s.warnings.map((w) => `  ${s.file}: warning: ${w}`),
  ]);
  if (remarks.length > 0) parts.push(`\nNotes\n${remarks.join('\n')}\n`);
  parts.push('\n');
  const metricKeys = Object.keys(doc.metrics);
  parts.push(`Metrics (${metricKeys.length})\n`);
  if (metricKeys.length > 0) {
    parts.push(
      textTable(
        ['metric', 'value'],
        metricKeys.map((k) => [k, formatValue(doc.metrics[k]!)]),
        [false, true],
      ),
    );
  }
  const seriesKeys = Object.keys(doc.series);
  if (seriesKeys.length > 0) {
    parts.push(`\nCurves (${seriesKeys.length})\n`);
    parts.push(
      textTable(
        ['curve', 'points', 'steps', 'first', 'last', 'min', 'max'],
        seriesKeys.map((k) => {
          const { stats, points, downsampledFrom } = doc.series[k]!;
          return [
            k,
            downsampledFrom === undefined ? String(stats.count) : `${stats.count} (${points.length} kept)`,
            `${formatValue(stats.first.step)}..${formatValue(stats.last.step)}`,
            formatValue(stats.first.value),
            formatValue(stats.last.value),
            stats.min === undefined ? '-' : formatValue(stats.min),
            stats.max === undefined ? '-' : formatValue(stats.max),
          ];
        }),
        [false, true, true, true, true, true, true],
      ),
    );
  }
  const paramKeys = Object.keys(doc.params);
  if (paramKeys.length > 0) {
    parts.push(`\nParams (${paramKeys.length})\n`);
    parts.push(
      textTable(
        ['param', 'value'],
        paramKeys.map((k) => {
          const v = doc.params[k];
          return [k, typeof v === 'number' ? formatValue(v) : JSON.stringify(v)];
        }),
      ),
    );
  }
  return parts.join('');
}
