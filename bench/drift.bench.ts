/**
 * `mlci drift` at scale (issue #16, item 6): a generated CSV of 10,000,000 rows x 20 columns
 * (12 normal floats, 4 integers, 4 categorical columns of 2 to 50 values), compared with itself:
 * every byte is read, typed, sketched and sampled twice. Target: at least 50 MB/s, at most 300 MiB
 * of peak RSS whatever the row count. Then vega-datasets' flights-3m.parquet (3,000,000 rows,
 * ZSTD) against itself, without a target.
 *
 * The CSV is generated once into bench/.data (about 1.3 GB; delete it to regenerate).
 */
import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareTables } from '../packages/core/src/data/drift.js';
import { readTable } from '../packages/core/src/data/read.js';
import { createRandom } from '../packages/core/src/stats/random.js';
import { DATA_DIR, emit, megabytesPerSecond, peakRssMiB } from './lib.js';

const ROWS = 10_000_000;
const CATEGORIES: string[][] = [
  Array.from({ length: 10 }, (_, i) => `cat${i}`),
  ['red', 'green', 'blue'],
  Array.from({ length: 50 }, (_, i) => `city${i}`),
  ['yes', 'no'],
];

async function generate(path: string): Promise<void> {
  if (existsSync(path)) return;
  const tmp = `${path}.partial`;
  const out = createWriteStream(tmp);
  // Seeded: every run generates (and reads) the same bytes.
  const rng = createRandom(16);
  const header = [
    ...Array.from({ length: 12 }, (_, i) => `f${i}`),
    ...Array.from({ length: 4 }, (_, i) => `i${i}`),
    ...CATEGORIES.map((_, i) => `c${i}`),
  ];
  out.write(`${header.join(',')}\n`);
  let batch = '';
  for (let row = 0; row < ROWS; row++) {
    let line = '';
    for (let i = 0; i < 12; i++) line += `${(10 * i + (1 + i) * rng.normal()).toFixed(3)},`;
    for (let i = 0; i < 4; i++) line += `${Math.floor(rng.next() * 10 ** (i + 1))},`;
    for (let i = 0; i < CATEGORIES.length; i++) {
      const values = CATEGORIES[i]!;
      // Skewed: the first values are the most common.
      line += values[Math.floor(rng.next() ** 2 * values.length)]!;
      line += i === CATEGORIES.length - 1 ? '\n' : ',';
    }
    batch += line;
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

interface Run {
  seconds: number;
  /** CPU time (user + system): on a shared machine, closer to what an idle one would take. */
  cpuSeconds: number;
  bytes: number;
  rows: number;
  drifted: number;
}

async function driftOf(path: string): Promise<Run> {
  globalThis.gc?.();
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const reference = await readTable(path, { seed: 1 });
  const current = await readTable(path, { seed: 1 });
  const report = compareTables(reference, current);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return {
    seconds,
    cpuSeconds,
    bytes: 2 * statSync(path).size,
    rows: reference.rows,
    drifted: report.drifted,
  };
}

const csvPath = join(DATA_DIR, 'drift-10m-rows-20-columns.csv');
await generate(csvPath);
const csv = await driftOf(csvPath);
if (csv.rows !== ROWS || csv.drifted !== 0) {
  throw new Error(
    `${csvPath}: expected ${ROWS} rows and no drift against itself, got ${csv.rows} rows, ${csv.drifted} drifted`,
  );
}
emit({
  name: 'drift-csv',
  detail: `mlci drift: 10,000,000 rows x 20 columns CSV against itself (2 x ${(csv.bytes / 2e6).toFixed(0)} MB; ${megabytesPerSecond(csv.bytes, csv.cpuSeconds).toFixed(0)} MB per CPU second)`,
  seconds: csv.seconds,
  bytes: csv.bytes,
  peakRssMiB: peakRssMiB(),
  target: { metric: 'MB/s', atLeast: 50 },
  value: megabytesPerSecond(csv.bytes, csv.seconds),
});
emit({
  name: 'drift-csv-memory',
  detail: 'peak RSS of the process after the 10,000,000-row drift',
  seconds: csv.seconds,
  peakRssMiB: peakRssMiB(),
  target: { metric: 'MiB', atMost: 300 },
  value: peakRssMiB(),
});

const flights = 'node_modules/vega-datasets/data/flights-3m.parquet';
if (existsSync(flights)) {
  const parquet = await driftOf(flights);
  emit({
    name: 'drift-parquet',
    detail: `mlci drift: flights-3m.parquet (3,000,000 rows x 5 columns, ZSTD, ${(parquet.bytes / 2e6).toFixed(1)} MB) against itself: ${((2 * parquet.rows) / parquet.seconds / 1e6).toFixed(2)} M rows/s`,
    seconds: parquet.seconds,
    bytes: parquet.bytes,
    peakRssMiB: peakRssMiB(),
  });
} else {
  process.stderr.write(`skipped the Parquet drift: ${flights} is absent (vega-datasets, a dev dependency)\n`);
}
