import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParseError } from '../../../packages/core/src/errors.js';
import { collectSamples, collectValues, evaluateGates } from '../../../packages/core/src/gates/evaluate.js';
import { inferDirection } from '../../../packages/core/src/gates/direction.js';
import { parseGate } from '../../../packages/core/src/gates/parse.js';
import type { MetricsDoc } from '../../../packages/core/src/model.js';
import { benchmarkReader } from '../../../packages/core/src/readers/benchmark.js';
import { probePath } from '../../../packages/core/src/readers/files.js';
import { READERS } from '../../../packages/core/src/readers/registry.js';
import { quantile } from '../../../packages/core/src/stats/quantile.js';
import { createRandom } from '../../../packages/core/src/stats/random.js';

const REAL = 'test/fixtures/real/benchmarks';
const LAGOM = `${REAL}/pytest-benchmark/lagom-Linux-CPython-3.10-64bit-0001_baseline.json`;
const PDFMINER = `${REAL}/pytest-benchmark/pdfminer.six-Linux-CPython-3.12-64bit-0001_baseline.json`;
const HYPERFINE = `${REAL}/hyperfine/1brc-hyperfine.json`;
const GOOGLE = `${REAL}/google-benchmark/github-action-benchmark-googlecpp_output.json`;

const work = mkdtempSync(join(tmpdir(), 'mlci-benchmark-'));
let counter = 0;

function file(name: string, content: string | object): string {
  const dir = join(work, `case-${counter++}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const read = (path: string): Promise<MetricsDoc> => benchmarkReader.read(path, { maxSeriesPoints: 1000 });

async function readError(path: string): Promise<string> {
  try {
    await read(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    return (error as Error).message;
  }
  throw new Error(`expected ${path} to be refused`);
}

/** The registered reader that would read the path, with the benchmark reader among them. */
async function winner(path: string): Promise<string> {
  const probe = await probePath(path);
  const scored = [...READERS, benchmarkReader].map((r) => ({ format: r.format, score: r.detect(probe) }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  return best.score > 0 ? best.format : 'none';
}

describe('benchmark: pytest-benchmark saved runs (real files, summaries only)', () => {
  it('is detected by its content, not only by the .benchmarks/ folder it was saved in', async () => {
    expect(benchmarkReader.detect(await probePath(LAGOM))).toBe(50);
    expect(await winner(LAGOM)).toBe('benchmark');
    expect(await winner(PDFMINER)).toBe('benchmark');
    const saved = join(work, '.benchmarks', 'Linux-CPython-3.10-64bit');
    mkdirSync(saved, { recursive: true });
    writeFileSync(join(saved, '0002_head.json'), '{"benchmarks": []}');
    expect(benchmarkReader.detect(await probePath(join(saved, '0002_head.json')))).toBe(90);
  });

  it('writes each benchmark’s summaries in milliseconds, under <name>.time_ms', async () => {
    const doc = await read(LAGOM);
    expect(doc.metrics).toMatchObject({
      'test_magic.time_ms.p50': 0.2457159999949,
      'test_magic.time_ms.mean': 0.246508013350206,
      'test_magic.time_ms.min': 0.226114000014377,
      'test_magic.time_ms.max': 0.299919000013915,
      'test_magic.time_ms.sd': 0.00592434342817689,
      'test_magic.time_ms.n': 2397,
      'test_magic.ops_per_second': 4056.663255726835,
      'test_optimised.time_ms.n': 50862,
    });
    // Summaries only: no quantile but the median, and nothing to test.
    expect(doc.metrics['test_magic.time_ms.p95']).toBeUndefined();
    expect(doc.samples).toBeUndefined();
    expect(Object.keys(doc.metrics).filter((k) => k.endsWith('.time_ms.mean'))).toEqual([
      'test_context_partials.time_ms.mean',
      'test_magic.time_ms.mean',
      'test_optimised.time_ms.mean',
      'test_plain.time_ms.mean',
    ]);
    expect(doc.params).toEqual({
      'machine.cpu': 'Intel(R) Xeon(R) Platinum 8171M CPU @ 2.60GHz',
      'machine.python': 'CPython 3.10.6',
    });
    expect(doc.sources[0]!.notes).toEqual([
      'pytest-benchmark 4.0.0 run of 2023-03-07T13:40:26.350634 at commit 2f235c945153 (benchmark-context-partials) on fv-az244-822: 4 benchmarks, times converted from seconds to milliseconds',
      'no benchmark has its timings (stats.data): only the summaries were read, so there are no samples to test and no quantile but the median (p50). pytest-benchmark writes every round with --benchmark-json, or with --benchmark-save-data for saved runs',
    ]);
  });

  it('says when the run was measured on a working tree with uncommitted changes', async () => {
    const doc = await read(PDFMINER);
    expect(Object.keys(doc.metrics).filter((k) => k.endsWith('.time_ms.p50'))).toHaveLength(9);
    expect(doc.metrics).toMatchObject({
      'test_parse_from_file.time_ms.p50': 2.67531583085656,
      'test_parse_from_file.time_ms.mean': 2.78881169429054,
      'test_parse_from_file.time_ms.sd': 0.296490552517232,
      'test_parse_from_file.time_ms.n': 369,
    });
    expect(doc.sources[0]!.notes).toContain(
      'measured on a working tree with uncommitted changes (commit_info.dirty)',
    );
    expect(doc.params['machine.cpu']).toBe('AMD EPYC 7R32');
  });
});

/** The real lagom file, with every round's time added to its benchmarks (--benchmark-json keeps them). */
interface PytestEntry {
  name: string;
  fullname: string;
  extra_info: Record<string, unknown>;
  stats: Record<string, unknown> & { mean: number; data: unknown[] };
}
interface PytestDoc {
  benchmarks: PytestEntry[];
  [key: string]: unknown;
}

function pytestWithData(rounds: Record<string, number[]>, edit: (doc: PytestDoc) => void = () => {}) {
  const doc = JSON.parse(readFileSync(LAGOM, 'utf8')) as PytestDoc;
  const real = doc.benchmarks;
  doc.benchmarks = Object.entries(rounds).map(([name, data], i) => {
    const entry = structuredClone(real[i % 4]!);
    entry.name = name;
    entry.fullname = `tests/test_perf.py::${name}`;
    const mean = data.reduce((a, b) => a + b, 0) / data.length;
    entry.stats = { ...entry.stats, mean, rounds: data.length, data };
    return entry;
  });
  edit(doc);
  return doc;
}

describe('benchmark: pytest-benchmark with every round (stats.data)', () => {
  const rng = createRandom(1);
  const seconds = (n: number, scale: number) =>
    Array.from({ length: n }, () => scale * 1e-3 * Math.exp(0.2 * rng.normal()));

  it('keeps the rounds as samples in milliseconds and computes every statistic from them', async () => {
    const data = seconds(500, 2);
    const doc = await read(file('bench.json', pytestWithData({ test_sort: data })));
    const ms = data.map((s) => s * 1000);
    expect(doc.samples).toEqual({ 'test_sort.time_ms': ms });
    expect(doc.metrics['test_sort.time_ms.p95']).toBeCloseTo(quantile(ms, 0.95), 12);
    expect(doc.metrics['test_sort.time_ms.p99']).toBeCloseTo(quantile(ms, 0.99), 12);
    expect(doc.metrics['test_sort.time_ms.p50']).toBeCloseTo(quantile(ms, 0.5), 12);
    expect(doc.metrics['test_sort.time_ms.n']).toBe(500);
    expect(doc.sources[0]!.warnings).toEqual([]);
  });

  it('warns when the rounds do not average to the mean the file states', async () => {
    const doc = await read(
      file(
        'bench.json',
        pytestWithData({ test_sort: [0.001, 0.002, 0.003] }, (d) => (d.benchmarks[0]!.stats.mean = 0.5)),
      ),
    );
    expect(doc.sources[0]!.warnings).toEqual([
      'test_sort: the mean of its timings (2 ms) is not the mean the file states (500 ms)',
    ]);
  });

  it('tells two benchmarks of one name apart by their class, and reads extra_info', async () => {
    const doc = await read(
      file(
        'bench.json',
        pytestWithData({ a: [0.001], b: [0.002] }, (d) => {
          d.benchmarks[0]!.name = 'test_x';
          d.benchmarks[0]!.fullname = 'bench/test_a.py::TestA::test_x';
          d.benchmarks[1]!.name = 'test_x';
          d.benchmarks[1]!.fullname = 'bench/test_a.py::TestB::test_x';
          d.benchmarks[1]!.extra_info = { rows: 1000, backend: 'numpy' };
        }),
      ),
    );
    expect(doc.metrics).toMatchObject({
      'TestA::test_x.time_ms.mean': 1,
      'TestB::test_x.time_ms.mean': 2,
      'TestB::test_x.extra_info.rows': 1000,
    });
    expect(doc.params['TestB::test_x.extra_info.backend']).toBe('numpy');
  });

  it('names the key of a timing that is not a number', async () => {
    const message = await readError(
      file(
        'bench.json',
        pytestWithData({ test_sort: [0.001] }, (d) => (d.benchmarks[0]!.stats.data[0] = 'fast')),
      ),
    );
    expect(message).toMatch(
      /bench\.json \(key "benchmarks\[0\]\.stats\.data\[0\]"\): expected a timing \(a number\), found "fast"$/,
    );
  });

  it('feeds the quantile gate: two runs of the suite, tested on their rounds', async () => {
    const baseData = seconds(400, 2);
    const headData = seconds(400, 2.6);
    const base = await read(file('base.json', pytestWithData({ test_sort: baseData })));
    const head = await read(file('head.json', pytestWithData({ test_sort: headData })));
    const [result] = evaluateGates([parseGate('test_sort.time_ms p95 rise <= 10%', '--gate #1')], {
      head: collectValues([head]),
      base: collectValues([base]),
      samples: { head: collectSamples([head]), base: collectSamples([base]) },
      directionOf: inferDirection,
      resamples: 2000,
    });
    expect(result).toMatchObject({ status: 'fail', statistics: { nBase: 400, nHead: 400 } });
    expect(result!.reason).toMatch(/^p95 [\d.]+ → [\d.]+ \(\+\d+(\.\d)?%; 90% CI /);
  });
});

describe('benchmark: hyperfine --export-json (real file)', () => {
  it('keeps every run as samples, in milliseconds', async () => {
    expect(await winner(HYPERFINE)).toBe('benchmark');
    const doc = await read(HYPERFINE);
    const key = 'cargo run --release --bin 1brc measurements_1000000000\\.txt.time_ms';
    expect(doc.samples![key]).toEqual([13148.435542520001, 11818.13333352, 9877.873458520002]);
    expect(doc.metrics).toMatchObject({
      [`${key}.p50`]: 11818.13333352,
      [`${key}.p95`]: 13015.40532162,
      [`${key}.p99`]: 13121.82949834,
      [`${key}.mean`]: 11614.81411152,
      [`${key}.sd`]: 1644.73344826772,
      [`${key}.min`]: 9877.87345852,
      [`${key}.max`]: 13148.43554252,
      [`${key}.n`]: 3,
      'cargo run --release --bin 1brc measurements_1000000000\\.txt.user_time_ms.mean': 43555.6646266667,
      'cargo run --release --bin lucretiel_1brc measurements_1000000000\\.txt.time_ms.p50': 12049.23320852,
    });
    expect(doc.sources[0]!.notes).toEqual([
      'hyperfine results: 2 commands, times converted from seconds to milliseconds',
      'few timings: cargo run --release --bin 1brc measurements_1000000000.txt (3), cargo run --release --bin lucretiel_1brc measurements_1000000000.txt (3); their p95 and p99 are interpolated between the largest timings, and a quantile gate needs at least 100 per side to test the p95',
    ]);
    expect(doc.sources[0]!.warnings).toEqual([]);
  });

  it('warns about runs that exited with a non-zero code, naming the command, and reads parameters', async () => {
    const doc = await read(
      file('hyperfine.json', {
        results: [
          {
            command: 'sleep-{t}',
            mean: 0.2,
            stddev: null,
            median: 0.2,
            min: 0.1,
            max: 0.3,
            times: [0.1, 0.2, 0.3],
            exit_codes: [0, 1, null],
            parameters: { t: '0.1' },
          },
          { command: 'summary only', mean: 0.5, stddev: 0.1, median: 0.45, min: 0.4, max: 0.6 },
        ],
      }),
    );
    expect(doc.sources[0]!.warnings).toEqual([
      "sleep-{t}: 2 of 3 runs exited with a non-zero code (1, killed by a signal): those timings measure a failure, not the command's work",
    ]);
    expect(doc.params['sleep-{t}.parameters.t']).toBe('0.1');
    expect(doc.metrics).toMatchObject({
      'summary only.time_ms.mean': 500,
      'summary only.time_ms.p50': 450,
      'summary only.time_ms.sd': 100,
    });
    expect(doc.sources[0]!.notes).toContain(
      '1 of 2 results have no "times" (every run): only the summaries were read, so there are no samples to test and no quantile but the median (p50)',
    );
  });
});

describe('benchmark: Google Benchmark JSON', () => {
  it('reads the real 2019 file: one mean per benchmark, real and CPU time in milliseconds', async () => {
    expect(await winner(GOOGLE)).toBe('benchmark');
    const doc = await read(GOOGLE);
    expect(doc.metrics).toEqual({
      'fib_10.time_ms.mean': 0.00021498980114548,
      'fib_10.cpu_time_ms.mean': 0.000213655072061633,
      'fib_20.time_ms.mean': 0.0274556004150071,
      'fib_20.cpu_time_ms.mean': 0.0273649032042724,
    });
    expect(doc.samples).toBeUndefined();
    expect(doc.params).toEqual({
      library_build_type: 'release',
      'machine.mhz_per_cpu': 2700,
      'machine.num_cpus': 4,
    });
    expect(doc.sources[0]!.notes[0]).toBe(
      'Google Benchmark run of ./a.out at 2019-11-29 21:26:59 on Corgi.local: 2 benchmarks, real and CPU times converted to milliseconds (time_ms, cpu_time_ms)',
    );
    expect(doc.sources[0]!.notes[1]).toMatch(/^no benchmark was repeated \(--benchmark_repetitions\)/);
  });

  const context = {
    date: '2024-05-01T10:00:00+00:00',
    host_name: 'ci',
    executable: './bench',
    num_cpus: 8,
    mhz_per_cpu: 3000,
    cpu_scaling_enabled: true,
    library_build_type: 'release',
  };
  const row = (name: string, i: number, real: number, extra: object = {}) => ({
    name,
    family_index: 0,
    per_family_instance_index: 0,
    run_name: 'BM_Sort/1024',
    run_type: 'iteration',
    repetitions: 3,
    repetition_index: i,
    threads: 1,
    iterations: 1000,
    real_time: real,
    cpu_time: real - 1,
    time_unit: 'us',
    items_per_second: 1e6 / real,
    ...extra,
  });

  it('keeps repetitions as samples, and maps aggregates and counters', async () => {
    const doc = await read(
      file('bench.json', {
        context,
        benchmarks: [
          row('BM_Sort/1024', 0, 10),
          row('BM_Sort/1024', 1, 12),
          row('BM_Sort/1024', 2, 11),
          { ...row('BM_Sort/1024_mean', 0, 11), run_type: 'aggregate', aggregate_name: 'mean' },
          {
            ...row('BM_Sort/1024_cv', 0, 0.09),
            run_type: 'aggregate',
            aggregate_name: 'cv',
            aggregate_unit: 'percentage',
          },
          {
            name: 'BM_Broken',
            run_name: 'BM_Broken',
            run_type: 'iteration',
            error_occurred: true,
            error_message: 'out of memory',
            iterations: 0,
            real_time: 0,
            cpu_time: 0,
            time_unit: 'ns',
          },
          {
            name: 'BM_Sort_BigO',
            run_name: 'BM_Sort',
            run_type: 'aggregate',
            aggregate_name: 'BigO',
            cpu_coefficient: 1,
            real_coefficient: 1,
            big_o: 'N',
            time_unit: 'ns',
          },
        ],
      }),
    );
    expect(doc.samples).toEqual({
      'BM_Sort/1024.time_ms': [0.01, 0.012, 0.011],
      'BM_Sort/1024.cpu_time_ms': [0.009, 0.011, 0.01],
    });
    expect(doc.metrics).toMatchObject({
      'BM_Sort/1024.time_ms.p50': 0.011,
      'BM_Sort/1024.time_ms.mean': 0.011,
      'BM_Sort/1024.time_ms.n': 3,
      'BM_Sort/1024.cpu_time_ms.max': 0.011,
    });
    expect(doc.metrics['BM_Sort/1024.items_per_second']).toBeCloseTo((1e5 + 1e6 / 12 + 1e6 / 11) / 3, 6);
    expect(doc.sources[0]!.warnings).toEqual([
      'BM_Broken: the benchmark reported an error (out of memory); its row was not read',
    ]);
    expect(doc.sources[0]!.notes).toContain('not read: BM_Sort_BigO (complexity fit)');
    expect(doc.sources[0]!.notes).toContain(
      'CPU frequency scaling was enabled while measuring (context.cpu_scaling_enabled): timings vary more than they need to',
    );
  });

  it('reads aggregates alone (--benchmark_report_aggregates_only), also in files older than run_type', async () => {
    const aggregatesOnly = await read(
      file('bench.json', {
        context,
        benchmarks: [
          { ...row('BM_Sort/1024_mean', 0, 11), run_type: 'aggregate', aggregate_name: 'mean' },
          { ...row('BM_Sort/1024_median', 0, 10.5), run_type: 'aggregate', aggregate_name: 'median' },
          { ...row('BM_Sort/1024_stddev', 0, 1), run_type: 'aggregate', aggregate_name: 'stddev' },
        ],
      }),
    );
    expect(aggregatesOnly.metrics).toMatchObject({
      'BM_Sort/1024.time_ms.mean': 0.011,
      'BM_Sort/1024.time_ms.p50': 0.0105,
      'BM_Sort/1024.time_ms.sd': 0.001,
      'BM_Sort/1024.time_ms.n': 3,
    });
    const old = await read(
      file('bench.json', {
        context: { num_cpus: 4, mhz_per_cpu: 2000 },
        benchmarks: [
          { name: 'BM_x', iterations: 10, real_time: 5, cpu_time: 5, time_unit: 'ms' },
          { name: 'BM_x', iterations: 10, real_time: 7, cpu_time: 7, time_unit: 'ms' },
          { name: 'BM_x_mean', iterations: 10, real_time: 6, cpu_time: 6, time_unit: 'ms' },
        ],
      }),
    );
    expect(old.samples!['BM_x.time_ms']).toEqual([5, 7]);
    expect(Object.keys(old.metrics).some((k) => k.startsWith('BM_x_mean'))).toBe(false);
  });

  it('refuses a time unit it does not know, naming the row', async () => {
    const message = await readError(
      file('bench.json', { context, benchmarks: [row('BM_x', 0, 1, { time_unit: 'fortnights' })] }),
    );
    expect(message).toMatch(
      /\(key "benchmarks\[0\]\.time_unit"\): expected a time unit ns, us, ms or s, found "fortnights"$/,
    );
  });
});

describe('benchmark: files of raw timings', () => {
  it('reads one number per line, with the unit from a comment, the header or the file name', async () => {
    const commented = await read(
      file('encode.timings.txt', '# unit: us\n# warm runs only\n1200\n\n1300\n1250\n'),
    );
    expect(commented.samples).toEqual({ 'encode.time_ms': [1.2, 1.3, 1.25] });
    expect(commented.sources[0]!.notes[0]).toBe(
      '3 timings in microseconds (by line 1), converted to milliseconds',
    );
    const header = await read(file('latency.txt', 'latency_s\n0.5\n0.25\n'));
    expect(header.samples).toEqual({ 'latency.time_ms': [500, 250] });
    const named = await read(file('decode_ns.timings.txt', '2000000\n'));
    expect(named.metrics['decode.time_ms.mean']).toBe(2);
  });

  it('reads milliseconds when nothing states a unit, and says so', async () => {
    const doc = await read(file('latency.txt', '12.5\n13\n'));
    expect(doc.metrics['latency.time_ms.max']).toBe(13);
    expect(doc.sources[0]!.notes[0]).toBe(
      '2 timings, read as milliseconds: no unit was given (name the file or its column latency_us, latency_s..., or add a line "# unit: us")',
    );
  });

  it('reads the timing column of a CSV, and JSON lists', async () => {
    const csv = await read(file('api.timings.csv', 'request,latency_ms,status\na,12,200\nb,14,200\n'));
    expect(csv.samples).toEqual({ 'api.time_ms': [12, 14] });
    const list = await read(file('decode.timings.json', '[1.5, 2.5]'));
    expect(list.samples).toEqual({ 'decode.time_ms': [1.5, 2.5] });
    const object = await read(file('decode.timings.json', '{"unit": "s", "timings": [0.001, 0.002]}'));
    expect(object.samples).toEqual({ 'decode.time_ms': [1, 2] });
  });

  it('refuses what is not a timing, with the line, and units that disagree', async () => {
    expect(await readError(file('latency.txt', '1.5\n2.x\n'))).toMatch(
      /latency\.txt:2:1: expected a timing \(a number\), found "2\.x"$/,
    );
    expect(await readError(file('latency.txt', '1.5\n-2\n'))).toMatch(
      /latency\.txt:2:1: expected a timing of 0 or more, found -2/,
    );
    expect(await readError(file('latency_ms.txt', '# unit: s\n1\n'))).toMatch(
      /the unit is milliseconds by the file name latency_ms\.txt but seconds by line 1: make them agree$/,
    );
    expect(await readError(file('api.timings.csv', 'a_ms,b_ms\n1,2\n'))).toMatch(
      /api\.timings\.csv:1:1: more than one column is named with a time unit \(a_ms, b_ms\): a timings file holds one benchmark$/,
    );
    expect(await readError(file('x.timings.txt', '# nothing\n'))).toMatch(
      /expected timings, one number per line; found none$/,
    );
  });

  it('claims a latency*.txt only when its lines are numbers, and never a latency.csv', async () => {
    expect(await winner(file('latency.txt', '12\n13\n'))).toBe('benchmark');
    expect(await winner(file('latencies_ms.txt', 'latency_ms\n12\n13\n'))).toBe('benchmark');
    expect(await winner(file('latency_log.txt', 'step,loss\n1,0.5\n2,0.4\n'))).toBe('csv');
    expect(await winner(file('latency.csv', 'latency_ms\n12\n13\n'))).toBe('csv');
    expect(await winner(file('run.timings.csv', 'latency_ms\n12\n13\n'))).toBe('benchmark');
  });
});

describe('benchmark: what is not a benchmark file', () => {
  it('names the keys it found', async () => {
    expect(await readError(file('x.timings.json', '{"accuracy": 0.9}'))).toMatch(
      /not a benchmark file mlci knows: expected pytest-benchmark JSON .*; found the keys accuracy$/,
    );
    expect(benchmarkReader.detect(await probePath(file('metrics.json', '{"accuracy": 0.9}')))).toBe(0);
  });
});
