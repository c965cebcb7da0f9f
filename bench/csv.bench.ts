import { createRandom } from '../packages/core/src/stats/index.js';
/**
 * Throughput of the streaming CSV reader on a large training log: 1,000,000 rows of a step column
 * and 9 metric columns of realistic floats (`0.123456789`), plus, without a target, the same log
 * as TSV with Python's full-precision floats and as JSON Lines.
 */
import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readDelimitedFile } from '../packages/core/src/readers/delimited.js';
import { readJsonLinesFile } from '../packages/core/src/readers/jsonl.js';
import type { MetricsDoc } from '../packages/core/src/model.js';
import { DATA_DIR, emit, megabytesPerSecond, peakRssMiB } from './lib.js';

const ROWS = 1_000_000;
const METRICS = 9;

type Style = 'csv' | 'tsv' | 'jsonl';

async function generate(path: string, style: Style): Promise<void> {
  if (existsSync(path)) return;
  const tmp = `${path}.partial`;
  const out = createWriteStream(tmp);
  // Seeded: every run generates (and reads) the same bytes.
  const rng = createRandom(42);
  const next = () => rng.next();
  const names = Array.from({ length: METRICS }, (_, i) => `metric_${i}`);
  if (style !== 'jsonl') out.write(['step', ...names].join(style === 'tsv' ? '\t' : ',') + '\n');
  let batch = '';
  for (let row = 0; row < ROWS; row++) {
    const values = names.map((_, i) => {
      // A decaying loss-like curve with noise; 9 decimals for CSV, full repr for TSV and JSON Lines.
      const v = (1 / (1 + row / 50_000)) * (0.5 + i / 20) + next() * 0.05;
      return style === 'csv' ? v.toFixed(9) : String(v);
    });
    if (style === 'jsonl') {
      batch += `{"step": ${row}, ${names.map((n, i) => `"${n}": ${values[i]}`).join(', ')}}\n`;
    } else {
      batch += `${row}${style === 'tsv' ? '\t' : ','}${values.join(style === 'tsv' ? '\t' : ',')}\n`;
    }
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      batch = '';
    }
  }
  out.write(batch);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  renameSync(tmp, path);
}

async function measure(
  path: string,
  read: () => Promise<MetricsDoc>,
): Promise<{ seconds: number; bytes: number }> {
  const bytes = statSync(path).size;
  globalThis.gc?.();
  const started = process.hrtime.bigint();
  const doc = await read();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const series = Object.keys(doc.series).length;
  const count = doc.series.metric_0?.stats.count;
  if (series !== METRICS || count !== ROWS) {
    throw new Error(`${path}: expected ${METRICS} series of ${ROWS} points, read ${series} of ${count}`);
  }
  return { seconds, bytes };
}

const csvPath = join(DATA_DIR, 'csv-1m-rows-10-columns.csv');
const tsvPath = join(DATA_DIR, 'tsv-1m-rows-10-columns-full-precision.tsv');
const jsonlPath = join(DATA_DIR, 'jsonl-1m-records-10-fields.jsonl');
await generate(csvPath, 'csv');
await generate(tsvPath, 'tsv');
await generate(jsonlPath, 'jsonl');
const options = { maxSeriesPoints: 2000 };

// One warm-up pass over the CSV (JIT), then the measured one.
await readDelimitedFile(csvPath, 'csv', options);
const csv = await measure(csvPath, () => readDelimitedFile(csvPath, 'csv', options));
emit({
  name: 'csv',
  detail: `1,000,000 rows x 10 columns CSV (${(csv.bytes / 1e6).toFixed(0)} MB)`,
  seconds: csv.seconds,
  bytes: csv.bytes,
  peakRssMiB: peakRssMiB(),
  target: { metric: 'MB/s', atLeast: 100 },
  value: megabytesPerSecond(csv.bytes, csv.seconds),
});

const tsv = await measure(tsvPath, () => readDelimitedFile(tsvPath, 'tsv', options));
emit({
  name: 'tsv',
  detail: `1,000,000 rows x 10 columns TSV, 17-digit floats (${(tsv.bytes / 1e6).toFixed(0)} MB): ${megabytesPerSecond(tsv.bytes, tsv.seconds).toFixed(0)} MB/s`,
  seconds: tsv.seconds,
  bytes: tsv.bytes,
  peakRssMiB: peakRssMiB(),
});

const jsonl = await measure(jsonlPath, () => readJsonLinesFile(jsonlPath, options));
emit({
  name: 'jsonl',
  detail: `1,000,000 records x 10 fields JSON Lines (${(jsonl.bytes / 1e6).toFixed(0)} MB): ${megabytesPerSecond(jsonl.bytes, jsonl.seconds).toFixed(0)} MB/s`,
  seconds: jsonl.seconds,
  bytes: jsonl.bytes,
  peakRssMiB: peakRssMiB(),
});
