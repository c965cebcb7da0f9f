/**
 * `mlci drift` at scale (issue #16, item 6), each case measured in a process of its own so its peak
 * RSS is its own:
 *
 * - a generated CSV of 10,000,000 rows x 20 columns (12 normal floats, 4 integers, 4 categorical
 *   columns of 2 to 50 values), compared with itself: every byte is read, typed, sketched and
 *   sampled twice. Target: at least 50 MB/s, at most 300 MiB of peak RSS whatever the row count.
 *   Generated once into bench/.data (about 1.2 GB; delete it to regenerate).
 * - a generated Parquet file of about 1 GB with the same 20 columns (10,000,000 rows in row groups
 *   of 1,000,000, Snappy, as Spark and pyarrow write by default), compared with itself. Target: the
 *   same 300 MiB. Generated once, a row group at a time, into os.tmpdir() under a name keyed by the
 *   generator's source and the writer's, so a changed generator writes a new file.
 * - vega-datasets' flights-3m.parquet (3,000,000 rows, ZSTD) against itself, without a target.
 *
 * Peak RSS is the process's high-water mark (getrusage), next to that of `node -e 0`.
 * `tsx bench/drift.bench.ts --prepare` generates the inputs without timing anything.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareTables } from '../packages/core/src/data/drift.js';
import { readTable } from '../packages/core/src/data/read.js';
import { createRandom } from '../packages/core/src/stats/random.js';
import { ParquetFileStream, type ParquetColumnSpec } from '../test/support/parquet-writer.js';
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

// ---------------------------------------------------------------------------------------------
// The 1 GB Parquet file

const PARQUET_ROWS = 10_000_000;
const PARQUET_ROW_GROUP = 1_000_000;
const PARQUET_CODEC = 'SNAPPY';

/** The CSV's 20 columns, typed as pandas writes them to Parquet: nullable, integers as INT32 and INT64. */
const PARQUET_COLUMNS: ParquetColumnSpec[] = [
  ...Array.from({ length: 12 }, (_, i): ParquetColumnSpec => ({ name: `f${i}`, type: 'DOUBLE' })),
  ...Array.from({ length: 4 }, (_, i): ParquetColumnSpec => ({
    name: `i${i}`,
    type: i < 2 ? 'INT32' : 'INT64',
  })),
  ...CATEGORIES.map((_, i): ParquetColumnSpec => ({ name: `c${i}`, type: 'STRING' })),
];

/**
 * Writes the table a row group at a time: one row group's columns in memory (about 150 MB), never
 * the whole table. Floats at full precision (8 bytes each, incompressible), so 10,000,000 rows make
 * about 1 GB.
 */
function generateParquet(path: string): void {
  const rng = createRandom(61);
  const out = new ParquetFileStream(path, PARQUET_COLUMNS, { codec: PARQUET_CODEC });
  for (let start = 0; start < PARQUET_ROWS; start += PARQUET_ROW_GROUP) {
    const n = Math.min(PARQUET_ROW_GROUP, PARQUET_ROWS - start);
    const floats = Array.from({ length: 12 }, () => new Float64Array(n));
    const ints = Array.from({ length: 4 }, () => new Array<number>(n));
    const texts = CATEGORIES.map(() => new Array<string>(n));
    for (let row = 0; row < n; row++) {
      for (let i = 0; i < 12; i++) floats[i]![row] = 10 * i + (1 + i) * rng.normal();
      for (let i = 0; i < 4; i++) ints[i]![row] = Math.floor(rng.next() * 10 ** (i + 1));
      for (let i = 0; i < CATEGORIES.length; i++) {
        const values = CATEGORIES[i]!;
        texts[i]![row] = values[Math.floor(rng.next() ** 2 * values.length)]!;
      }
    }
    out.writeRowGroup([...floats, ...ints, ...texts]);
    process.stderr.write(`  wrote ${start + n} of ${PARQUET_ROWS} rows\n`);
  }
  out.finish();
}

const here = fileURLToPath(import.meta.url);

/** Changes when the generator, its table or the writer changes: a new file, not a stale one. */
function generatorKey(): string {
  const hash = createHash('sha256');
  hash.update(generateParquet.toString());
  hash.update(
    JSON.stringify({ PARQUET_ROWS, PARQUET_ROW_GROUP, PARQUET_CODEC, PARQUET_COLUMNS, CATEGORIES }),
  );
  hash.update(readFileSync(fileURLToPath(new URL('../test/support/parquet-writer.ts', import.meta.url))));
  hash.update(
    readFileSync(fileURLToPath(new URL('../node_modules/hyparquet-writer/package.json', import.meta.url))),
  );
  return hash.digest('hex').slice(0, 12);
}

const PARQUET_PREFIX = 'mlci-bench-drift-parquet-';

/** The cached file, generated in a child process (its memory is not the reader's) when absent. */
function parquetFile(): string {
  const path = join(tmpdir(), `${PARQUET_PREFIX}${generatorKey()}.parquet`);
  if (existsSync(path)) return path;
  // An older generator's file is 1 GB of disk nobody will read again.
  for (const name of readdirSync(tmpdir())) {
    if (name.startsWith(PARQUET_PREFIX)) rmSync(join(tmpdir(), name), { force: true });
  }
  process.stderr.write(`generating ${path} (once) ...\n`);
  child(['--generate-parquet', path]);
  return path;
}

/** This file again, in a process of its own; its BENCH lines go straight to bench/run.ts. */
function child(args: string[]): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', here, ...args], {
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`${here} ${args.join(' ')} failed with exit code ${run.status}`);
}

/** Peak RSS of a Node process that does nothing: the floor under every number here. */
function idleNodeRssMiB(): number {
  const run = spawnSync(
    process.execPath,
    ['-e', 'process.stdout.write(String(process.resourceUsage().maxRSS))'],
    {
      encoding: 'utf8',
    },
  );
  return Number(run.stdout) / 1024;
}

async function parquetCase(path: string): Promise<void> {
  const run = await driftOf(path);
  if (run.rows !== PARQUET_ROWS || run.drifted !== 0) {
    throw new Error(
      `${path}: expected ${PARQUET_ROWS} rows and no drift against itself, got ${run.rows} rows, ${run.drifted} drifted`,
    );
  }
  const size = run.bytes / 2;
  const idle = idleNodeRssMiB();
  emit({
    name: 'drift-parquet-1gb',
    detail: `mlci drift: ${(size / 1e9).toFixed(2)} GB Parquet (10,000,000 rows x 20 columns, row groups of 1,000,000, Snappy) against itself: ${megabytesPerSecond(run.bytes, run.seconds).toFixed(0)} MB/s, ${((2 * run.rows) / run.seconds / 1e6).toFixed(2)} M rows/s (${megabytesPerSecond(run.bytes, run.cpuSeconds).toFixed(0)} MB per CPU second)`,
    seconds: run.seconds,
    bytes: run.bytes,
    peakRssMiB: peakRssMiB(),
  });
  emit({
    name: 'drift-parquet-1gb-memory',
    detail: `peak RSS of the process after the 1 GB Parquet drift (node -e 0: ${idle.toFixed(0)} MiB)`,
    seconds: run.seconds,
    peakRssMiB: peakRssMiB(),
    target: { metric: 'MiB', atMost: 300 },
    value: peakRssMiB(),
  });
}

async function csvCase(): Promise<void> {
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
    detail: `peak RSS of the process after the 10,000,000-row drift (node -e 0: ${idleNodeRssMiB().toFixed(0)} MiB)`,
    seconds: csv.seconds,
    peakRssMiB: peakRssMiB(),
    target: { metric: 'MiB', atMost: 300 },
    value: peakRssMiB(),
  });
}

async function flightsCase(): Promise<void> {
  const flights = 'node_modules/vega-datasets/data/flights-3m.parquet';
  if (!existsSync(flights)) {
    process.stderr.write(
      `skipped the Parquet drift: ${flights} is absent (vega-datasets, a dev dependency)\n`,
    );
    return;
  }
  const parquet = await driftOf(flights);
  emit({
    name: 'drift-parquet',
    detail: `mlci drift: flights-3m.parquet (3,000,000 rows x 5 columns, ZSTD, ${(parquet.bytes / 2e6).toFixed(1)} MB) against itself: ${((2 * parquet.rows) / parquet.seconds / 1e6).toFixed(2)} M rows/s`,
    seconds: parquet.seconds,
    bytes: parquet.bytes,
    peakRssMiB: peakRssMiB(),
  });
}

const [mode, argument] = process.argv.slice(2);
if (mode === '--generate-parquet') {
  generateParquet(argument!);
} else if (mode === '--parquet') {
  await parquetCase(argument!);
} else if (mode === '--prepare') {
  // Generates the inputs ahead of a timed run (`tsx bench/drift.bench.ts --prepare`).
  process.stdout.write(`${parquetFile()}\n`);
} else if (mode === '--csv') {
  await csvCase();
} else if (mode === '--flights') {
  await flightsCase();
} else {
  child(['--csv']);
  child(['--parquet', parquetFile()]);
  child(['--flights']);
}
