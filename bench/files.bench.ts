/**
 * Files and folders (#15, part 1): a folder of 10,000 small single-series CSV logs (one per run of
 * a sweep) read as one run, which took 16-38 s and grew worse than linearly; and how long it takes
 * to refuse what is not a regular file (`metrics.json -> /dev/zero`, a FIFO), which used to grow
 * without limit or block forever. Read through readMetrics, the entry `mlci read` uses.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MlciError } from '../packages/core/src/errors.js';
import { readMetrics } from '../packages/core/src/readers/registry.js';
import { DATA_DIR, emit, median, peakRssMiB } from './lib.js';

/** A folder of `count` CSV files, each `step,<name>` with three rows; generated once. */
function smallFiles(count: number): string {
  const dir = join(DATA_DIR, `small-csv-${count}`);
  if (existsSync(dir)) return dir;
  const tmp = `${dir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  for (let i = 0; i < count; i++) {
    const name = `run_${String(i).padStart(5, '0')}`;
    writeFileSync(join(tmp, `${name}.csv`), `step,${name}_loss\n0,0.9\n1,0.5\n2,0.25\n`);
  }
  renameSync(tmp, dir);
  return dir;
}

async function readFolder(count: number): Promise<number> {
  const dir = smallFiles(count);
  globalThis.gc?.();
  const started = process.hrtime.bigint();
  const doc = await readMetrics([dir]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (Object.keys(doc.metrics).length !== count) throw new Error(`expected ${count} metrics`);
  return seconds;
}

// 1,000 first (also the warm-up), then 10,000: the ratio of the two says whether it is linear.
const small = await readFolder(1000);
const large = await readFolder(10_000);
emit({
  name: 'folder-1k',
  detail: `a folder of 1,000 small CSV logs read as one run (${((small / 1000) * 1e6).toFixed(0)} us per file)`,
  seconds: small,
  peakRssMiB: peakRssMiB(),
});
emit({
  name: 'folder-10k',
  detail: `a folder of 10,000 small CSV logs read as one run (${((large / 10_000) * 1e6).toFixed(0)} us per file; ${(large / small).toFixed(1)}x the time of 1,000)`,
  seconds: large,
  peakRssMiB: peakRssMiB(),
  target: { metric: 'ms', atMost: 5000 },
  value: large * 1000,
});

/** The median time, in ms, that `mlci read` takes to refuse `path` (it must refuse it). */
async function timeToRefuse(path: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    try {
      await readMetrics([path]);
      throw new Error(`${path} was read; expected it refused`);
    } catch (error) {
      if (!(error instanceof MlciError)) throw error;
    }
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

if (process.platform !== 'win32') {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-bench-files-'));
  try {
    symlinkSync('/dev/zero', join(dir, 'metrics.json'));
    const zero = await timeToRefuse(join(dir, 'metrics.json'));
    emit({
      name: 'refuse-dev-zero',
      detail: 'metrics.json -> /dev/zero refused (it used to be read until memory ran out)',
      seconds: zero / 1000,
      peakRssMiB: peakRssMiB(),
      target: { metric: 'ms', atMost: 100 },
      value: zero,
    });
    execFileSync('mkfifo', [join(dir, 'live.json')]);
    const fifo = await timeToRefuse(join(dir, 'live.json'));
    emit({
      name: 'refuse-fifo',
      detail: 'a FIFO named live.json refused (opening it used to block forever)',
      seconds: fifo / 1000,
      peakRssMiB: peakRssMiB(),
      target: { metric: 'ms', atMost: 100 },
      value: fifo,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
