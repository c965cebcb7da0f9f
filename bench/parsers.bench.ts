/**
 * The parsers on the hostile inputs of #15 that ballooned: memory far beyond the file's size. Each
 * case runs in a child process of its own, so its peak RSS is its own (this file re-runs itself
 * with the case's name). Before #15: a 52 MB JSON list of 5.8 M numbers took 70-108 s and 3.7 GB;
 * JUnit with a 55 MB <system-out> 1.9 GB, with a 50 MB attribute 3.1 GB; 16 MB of JSON with 1 M
 * keys 751 MB; 2.6 MB of JSON Lines where each line adds a key 452 MB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MlciError } from '../packages/core/src/errors.js';
import { readMetricsPath } from '../packages/core/src/readers/registry.js';
import { createRandom } from '../packages/core/src/stats/index.js';
import { DATA_DIR, emit, megabytesPerSecond, peakRssMiB, type BenchResult } from './lib.js';

interface Case {
  file: string;
  generate: () => string;
  /** What the read must give: a curve's count, or the start of the refusal. */
  expect: { count: number; key: string } | { error: string };
  detail: string;
  throughput?: number;
  memory?: number;
}

const LIST = 5_800_000;

const CASES: Record<string, Case> = {
  'json-list': {
    file: 'numbers-5.8M.json',
    generate: () => {
      const rng = createRandom(11);
      const parts: string[] = [];
      for (let i = 0; i < LIST; i++) parts.push((Math.round(rng.next() * 1e6) / 1e6).toString());
      return `[${parts.join(',')}]`;
    },
    expect: { count: LIST, key: 'numbers-5\\.8M' },
    detail: 'JSON list of 5.8 M numbers',
    throughput: 50,
    memory: 300,
  },
  'junit-text': {
    file: 'junit-55MB-system-out.xml',
    generate: () =>
      '<?xml version="1.0"?>\n<testsuite name="s" tests="1"><testcase name="a" classname="c" time="0.1"><system-out>' +
      `${'x'.repeat(99)}\n`.repeat(550_000) +
      '</system-out></testcase></testsuite>\n',
    expect: { count: 1, key: 'junit.tests' },
    detail: 'JUnit report with a 55 MB <system-out>',
    memory: 300,
  },
  'junit-attribute': {
    file: 'junit-50MB-attribute.xml',
    generate: () =>
      '<?xml version="1.0"?>\n<testsuite name="s" tests="1"><testcase name="a" time="0.1"><failure message="' +
      'y'.repeat(50_000_000) +
      '"/></testcase></testsuite>\n',
    expect: { count: 1, key: 'junit.failures' },
    detail: 'JUnit report with a 50 MB failure message attribute',
    memory: 300,
  },
  'json-keys': {
    file: 'keys-1M.json',
    generate: () => {
      const parts: string[] = [];
      for (let i = 0; i < 1_000_000; i++) parts.push(`"k${i}":${i}`);
      return `{${parts.join(',')}}`;
    },
    expect: { error: 'more than 100000 distinct keys' },
    detail: 'JSON object of 1 M keys (refused at 100,000)',
  },
  'jsonl-keys': {
    file: 'jsonl-key-per-line.jsonl',
    generate: () => {
      const lines: string[] = [];
      for (let i = 0; i < 120_000; i++) lines.push(`{"step":${i},"k${i}":1}`);
      return `${lines.join('\n')}\n`;
    },
    expect: { error: 'more than 100000 distinct keys' },
    detail: 'JSON Lines where each of 120,000 lines adds a key (refused at 100,000)',
  },
};

async function runCase(name: string): Promise<void> {
  const spec = CASES[name]!;
  const path = join(DATA_DIR, spec.file);
  if (!existsSync(path)) {
    writeFileSync(`${path}.partial`, spec.generate());
    renameSync(`${path}.partial`, path);
    // The generator's garbage is not the reader's peak: measure in a fresh process.
    const again = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], {
      stdio: 'inherit',
    });
    process.exit(again.status ?? 1);
  }
  const bytes = statSync(path).size;
  // One warm-up read (JIT) where throughput is the point, then the measured one.
  if (spec.throughput !== undefined) await readMetricsPath(path);
  globalThis.gc?.();
  const started = process.hrtime.bigint();
  let outcome: string;
  try {
    const doc = await readMetricsPath(path);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!('count' in spec.expect)) throw new Error(`${path}: expected a refusal, read a document`);
    const found = doc.series[spec.expect.key]?.stats.count ?? doc.metrics[spec.expect.key];
    if (found !== spec.expect.count)
      throw new Error(`${path}: expected ${spec.expect.key} = ${spec.expect.count}, found ${found}`);
    report(spec, name, seconds, bytes);
    return;
  } catch (error) {
    if (!(error instanceof MlciError) || !('error' in spec.expect)) throw error;
    outcome = error.message;
    if (!outcome.includes(spec.expect.error)) throw error;
  }
  report(spec, name, Number(process.hrtime.bigint() - started) / 1e9, bytes);
}

function report(spec: Case, name: string, seconds: number, bytes: number): void {
  const base: BenchResult = {
    name: `parsers ${name}`,
    detail: `${spec.detail}, ${(bytes / 1e6).toFixed(1)} MB`,
    seconds,
    bytes,
    peakRssMiB: peakRssMiB(),
  };
  if (spec.throughput !== undefined) {
    emit({
      ...base,
      target: { metric: 'MB/s', atLeast: spec.throughput },
      value: megabytesPerSecond(bytes, seconds),
    });
  }
  if (spec.memory !== undefined) {
    emit({
      ...base,
      name: `${base.name} memory`,
      target: { metric: 'MiB', atMost: spec.memory },
      value: base.peakRssMiB,
    });
  }
  if (spec.throughput === undefined && spec.memory === undefined) emit(base);
}

const only = process.argv[2];
if (only !== undefined) {
  await runCase(only);
} else {
  for (const name of Object.keys(CASES)) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], {
      stdio: 'inherit',
    });
    if (child.status !== 0) process.exitCode = child.status ?? 1;
  }
}
