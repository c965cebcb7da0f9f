import { createRandom } from '../packages/core/src/stats/index.js';
/**
 * Throughput of the TensorBoard event file reader on a large event file: 10 scalar tags logged at
 * every one of 200,000 steps, one value per event as PyTorch's SummaryWriter and Keras write them
 * (about 2,000,000 records, over 100 MB): half as `simple_value` (TF1 / PyTorch / Lightning), half as
 * TF2 scalar tensors (`tensor_content` float32, `scalars` plugin metadata on each tag's first
 * value), plus a histogram every 1,000 steps, which is skipped.
 */
import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readTensorBoard } from '../packages/core/src/readers/tensorboard/reader.js';
import {
  DT_FLOAT,
  FILE_VERSION,
  concat,
  encodeEvent,
  float32Bytes,
  frameRecord,
  type EventSpec,
} from '../test/support/tfevents-writer.js';
import { DATA_DIR, emit, megabytesPerSecond, peakRssMiB } from './lib.js';

const STEPS = 200_000;
const TAGS = [
  'train/loss',
  'train/accuracy',
  'train/learning_rate',
  'train/grad_norm',
  'train/epoch',
  'val/loss',
  'val/accuracy',
  'val/f1',
  'val/precision',
  'val/recall',
];
const SIMPLE = 5; // the first five tags are simple_value, the others scalar tensors

async function generate(path: string): Promise<void> {
  if (existsSync(path)) return;
  const tmp = `${path}.partial`;
  const out = createWriteStream(tmp);
  // Seeded: every run generates (and reads) the same bytes.
  const rng = createRandom(7);
  const next = () => rng.next();
  let batch: Uint8Array[] = [frameRecord(encodeEvent(FILE_VERSION))];
  let batchBytes = 0;
  const flush = async (): Promise<void> => {
    if (!out.write(concat(batch))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    batch = [];
    batchBytes = 0;
    // Generating makes millions of small arrays: collect them, so the peak RSS reported below is
    // the reader's, not the generator's.
    globalThis.gc?.();
  };
  for (let step = 0; step < STEPS; step++) {
    const wallTime = 1_700_000_000 + step * 0.05;
    for (let t = 0; t < TAGS.length; t++) {
      const value = (1 / (1 + step / 20_000)) * (0.5 + t / 20) + next() * 0.05;
      const event: EventSpec =
        t < SIMPLE
          ? { wallTime, step, summary: [{ tag: TAGS[t]!, simpleValue: value }] }
          : {
              wallTime,
              step,
              summary: [
                {
                  tag: TAGS[t]!,
                  tensor: { dtype: DT_FLOAT, content: float32Bytes(value) },
                  ...(step === 0 ? { plugin: 'scalars' } : {}),
                },
              ],
            };
      const record = frameRecord(encodeEvent(event));
      batch.push(record);
      batchBytes += record.length;
    }
    if (step % 1000 === 0) {
      const record = frameRecord(
        encodeEvent({
          wallTime,
          step,
          summary: [
            { tag: 'weights/histogram', histo: { min: -1, max: 1, num: 1000 }, plugin: 'histograms' },
          ],
        }),
      );
      batch.push(record);
    }
    if (batchBytes > 1 << 22) await flush();
  }
  await flush();
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  renameSync(tmp, path);
}

const path = join(DATA_DIR, 'tensorboard-10-tags-200k-steps.tfevents');
await generate(path);
const bytes = statSync(path).size;
const options = { maxSeriesPoints: 2000 };

const check = (doc: Awaited<ReturnType<typeof readTensorBoard>>): number => {
  const series = Object.keys(doc.series).length;
  const counts = TAGS.map((t) => doc.series[t]?.stats.count);
  if (series !== TAGS.length || counts.some((c) => c !== STEPS) || doc.sources[0]!.warnings.length > 0) {
    throw new Error(
      `${path}: expected ${TAGS.length} series of ${STEPS} points, read ${series}: ${counts.join(', ')}`,
    );
  }
  const records = /\((?:brain\.Event:2, )?(\d+) records\)/.exec(doc.sources[0]!.notes.join('\n'));
  return Number(records?.[1] ?? NaN);
};

// One warm-up pass (JIT), then the measured one.
check(await readTensorBoard(path, options));
globalThis.gc?.();
const started = process.hrtime.bigint();
const doc = await readTensorBoard(path, options);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const records = check(doc);
emit({
  name: 'tensorboard',
  detail: `${(bytes / 1e6).toFixed(0)} MB event file, ${records.toLocaleString('en-US')} records (10 scalar tags x ${STEPS.toLocaleString('en-US')} steps, simple_value and TF2 tensors)`,
  seconds,
  bytes,
  peakRssMiB: peakRssMiB(),
  target: { metric: 'MB/s', atLeast: 150 },
  value: megabytesPerSecond(bytes, seconds),
});
