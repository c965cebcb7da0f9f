import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Generated inputs live here (git-ignored), so a second run does not pay for generating them again. */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '.data');
mkdirSync(DATA_DIR, { recursive: true });

export interface BenchResult {
  name: string;
  /** What was measured, in words a reader of the closing note understands. */
  detail: string;
  seconds: number;
  /** Input size, when throughput is the point. */
  bytes?: number;
  /** Peak resident set size of the whole benchmark process, in MiB. */
  peakRssMiB: number;
  /** e.g. { metric: 'MB/s', atLeast: 100 } or { metric: 'ms', atMost: 50 }. */
  target?: { metric: 'MB/s' | 'ms' | 'MiB' | '%' | 'requests'; atLeast?: number; atMost?: number };
  /** The value compared with the target. */
  value?: number;
}

export function peakRssMiB(): number {
  // resourceUsage().maxRSS is in KiB on Linux.
  return process.resourceUsage().maxRSS / 1024;
}

/** Benchmarks print one JSON line per result, prefixed so bench/run.ts can find them. */
export function emit(result: BenchResult): void {
  process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
}

export function megabytesPerSecond(bytes: number, seconds: number): number {
  return bytes / 1e6 / seconds;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The median wall time of `runs` calls of `work`, in milliseconds, after one warm-up call (JIT,
 * fonts, lazily loaded modules) and a garbage collection, the machine being shared.
 */
export async function timed(work: () => Promise<unknown>, runs: number): Promise<number> {
  await work();
  globalThis.gc?.();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}
