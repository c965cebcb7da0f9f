import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { MlciError, ParseError } from '../../../packages/core/src/errors.js';
import type { MetricsDoc } from '../../../packages/core/src/model.js';
import { probePath } from '../../../packages/core/src/readers/files.js';
import { chooseReader, readMetricsPath } from '../../../packages/core/src/readers/registry.js';
import { crc32c, maskedCrc32c } from '../../../packages/core/src/readers/tensorboard/crc32c.js';
import { EventDecoder, TagTable } from '../../../packages/core/src/readers/tensorboard/events.js';
import { ProtoError, halfToNumber } from '../../../packages/core/src/readers/tensorboard/protobuf.js';
import { tensorboardReader } from '../../../packages/core/src/readers/tensorboard/reader.js';
import { RecordParser, type RecordSink } from '../../../packages/core/src/readers/tensorboard/tfrecord.js';
import { SeriesAccumulator } from '../../../packages/core/src/series.js';
import {
  DT_BFLOAT16,
  DT_DOUBLE,
  DT_FLOAT,
  DT_HALF,
  DT_INT32,
  concat,
  encodeEvent,
  eventFile,
  float16Bytes,
  float32Bytes,
  float64Bytes,
  frameRecord,
  halfBits,
  recordOffsets,
  type EventSpec,
  type TensorSpec,
} from '../../support/tfevents-writer.js';

const REAL = 'test/fixtures/real/tensorboard/packt-ch01-lightning-version_3';
const REAL_FILE = `${REAL}/events.out.tfevents.1677120043.MININT-M682FNV.11337.0`;
const work = mkdtempSync(join(tmpdir(), 'mlci-tensorboard-'));
let counter = 0;

/** Writes files (name -> bytes or text) into a fresh folder; returns the folder. */
function tree(files: Record<string, Uint8Array | string>): string {
  const dir = join(work, `case-${counter++}`);
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, ...name.split('/'));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

const NAME = 'events.out.tfevents.1700000000.host.1.0';

function file(bytes: Uint8Array, name = NAME): string {
  return join(tree({ [name]: bytes }), name);
}

function read(path: string): Promise<MetricsDoc> {
  return readMetricsPath(path);
}

const scalar = (tag: string, step: number, value: number, wallTime = 1700000000 + step): EventSpec => ({
  wallTime,
  step,
  summary: [{ tag, simpleValue: value }],
});

const f32 = (x: number): number => new Float32Array([x])[0]!;

describe('CRC-32C', () => {
  it('matches the standard check values', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(crc32c(text('123456789'))).toBe(0xe3069283);
    expect(crc32c(new Uint8Array(0))).toBe(0);
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa); // RFC 3720 B.4: 32 bytes of zeros
    expect(crc32c(new Uint8Array(32).fill(0xff))).toBe(0x62a8ab43); // RFC 3720 B.4: 32 bytes of ones
    const ascending = Uint8Array.from({ length: 32 }, (_, i) => i);
    expect(crc32c(ascending)).toBe(0x46dd794e); // RFC 3720 B.4: incrementing bytes
  });

  it('continues over pieces and masks as TFRecord does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), (bytes, cut) => {
        const k = bytes.length === 0 ? 0 : cut % bytes.length;
        expect(crc32c(bytes, k, bytes.length, crc32c(bytes, 0, k))).toBe(crc32c(bytes));
      }),
      { numRuns: 100 },
    );
    // The first record of the real file: an 8-byte length 0x48 and its stored masked CRC.
    const real = readFileSync(REAL_FILE);
    expect(maskedCrc32c(real, 0, 8)).toBe(real.readUInt32LE(8));
  });
});

describe('binary16', () => {
  it('decodes IEEE 754 half precision', () => {
    expect(halfToNumber(0x3c00)).toBe(1);
    expect(halfToNumber(0xc000)).toBe(-2);
    expect(halfToNumber(0x7bff)).toBe(65504);
    expect(halfToNumber(0x0001)).toBe(2 ** -24);
    expect(halfToNumber(0x3555)).toBe(0.333251953125);
    expect(halfToNumber(0x7c00)).toBe(Infinity);
    expect(halfToNumber(0xfc00)).toBe(-Infinity);
    expect(halfToNumber(0x7e00)).toBeNaN();
    expect(Object.is(halfToNumber(0x8000), -0)).toBe(true);
    expect(halfBits(0.333333)).toBe(0x3555);
  });
});

describe('the real Lightning TensorBoardLogger run', () => {
  it('reads the version folder: three scalar curves, hp_metric, and hparams.yaml as params', async () => {
    const doc = await read(REAL);
    expect(doc.metrics).toEqual({
      epoch: 0,
      hp_metric: -1,
      train_accuracy_step: 0.75,
      train_cross_entropy_step: f32(0.6381113),
    });
    expect(doc.metrics.train_cross_entropy_step).toBe(0.6381112933158875);
    expect(Object.keys(doc.series)).toEqual(['epoch', 'train_accuracy_step', 'train_cross_entropy_step']);
    const loss = doc.series.train_cross_entropy_step!;
    expect(loss.stats).toEqual({
      count: 27,
      nonFinite: 0,
      first: { step: 49, value: 0.6680241823196411, wallTime: 1677120045.8053815 },
      last: { step: 1349, value: 0.6381112933158875, wallTime: 1677120087.459003 },
      min: 0.0995427742600441,
      max: 2.2046427726745605,
      minStep: 249,
      maxStep: 649,
      mean: 0.7289719794083525,
    });
    expect(loss.points.map((p) => p.step)).toEqual(Array.from({ length: 27 }, (_, i) => 49 + 50 * i));
    const accuracy = doc.series.train_accuracy_step!;
    expect(accuracy.points.slice(0, 5).map((p) => p.value)).toEqual([0.5, 0.75, 0.25, 0.25, 1]);
    expect(accuracy.stats.mean).toBeCloseTo(16 / 27, 15);
    expect(doc.series.epoch!.stats.max).toBe(0);
    expect(doc.params).toEqual({
      backbone: 'prajjwal1/bert-tiny',
      enable_ort: false,
      learning_rate: 0.01,
      multi_label: false,
      num_classes: 2,
      optimizer: 'torch.optim.adam.Adam',
    });
    const source = doc.sources[0]!;
    expect(source.format).toBe('tensorboard');
    expect(source.warnings).toEqual([]);
    expect(source.notes).toContain('read 1 event file (brain.Event:2, 86 records)');
    expect(source.notes.join('\n')).toContain('_hparams_/experiment (1 hparams plugin value)');
    expect(source.notes.join('\n')).toContain('_hparams_/session_start_info (1 hparams plugin value)');
  });

  it('reads the event file alone the same way, with the hparams.yaml beside it', async () => {
    const folder = await read(REAL);
    const single = await read(REAL_FILE);
    expect(single.metrics).toEqual(folder.metrics);
    expect(single.series).toEqual(folder.series);
    expect(single.params).toEqual(folder.params);
  });

  it('is detected by name, by folder and by content', async () => {
    expect(chooseReader(await probePath(REAL))).toBe(tensorboardReader);
    expect(chooseReader(await probePath(REAL_FILE))).toBe(tensorboardReader);
    const renamed = join(tree({ 'run.bin': readFileSync(REAL_FILE) }), 'run.bin');
    expect(tensorboardReader.detect(await probePath(renamed))).toBe(50);
    const deep = tree({ [`a/b/c/d/${NAME}`]: eventFile([]) });
    expect(tensorboardReader.detect(await probePath(deep))).toBe(90);
    const tooDeep = tree({ [`a/b/c/d/e/${NAME}`]: eventFile([]) });
    expect(tensorboardReader.detect(await probePath(tooDeep))).toBe(0);
    const text = join(tree({ 'notes.txt': 'step,loss\n0,1\n' }), 'notes.txt');
    expect(tensorboardReader.detect(await probePath(text))).toBe(0);
  });
});

describe('scalars', () => {
  it('reads simple_value scalars as curves with wall times; tags kept verbatim, "." escaped', async () => {
    const doc = await read(
      file(
        eventFile([
          scalar('train/loss', 0, 1.5, 1700000000.25),
          scalar('train/loss', 1, 0.75),
          scalar('top.1/acc', 0, 0.5),
          scalar('top.1/acc', 1, 0.625),
          scalar('lr', 5, 0.001),
        ]),
      ),
    );
    expect(doc.metrics).toEqual({ lr: f32(0.001), 'top\\.1/acc': 0.625, 'train/loss': 0.75 });
    expect(doc.series['train/loss']!.points).toEqual([
      { step: 0, value: 1.5, wallTime: 1700000000.25 },
      { step: 1, value: 0.75, wallTime: 1700000001 },
    ]);
    expect(Object.keys(doc.series)).toEqual(['top\\.1/acc', 'train/loss']);
  });

  it('reads TF2 scalar tensors: float/double/half in *_val lists and in tensor_content', async () => {
    const t = (tag: string, step: number, tensor: TensorSpec, plugin = true): EventSpec => ({
      wallTime: 1700000000 + step,
      step,
      summary: [{ tag, tensor, ...(plugin ? { plugin: 'scalars' } : {}) }],
    });
    const events: EventSpec[] = [
      t('f/val', 0, { dtype: DT_FLOAT, floatVal: [0.1] }),
      t('f/val', 1, { dtype: DT_FLOAT, floatVal: [0.2] }, false),
      t('f/unpacked', 0, { dtype: DT_FLOAT, floatVal: [2.5], unpacked: true }),
      t('f/content', 0, { dtype: DT_FLOAT, content: float32Bytes(0.3) }),
      t('f/content', 1, { dtype: DT_FLOAT, content: float32Bytes(0.4) }, false),
      t('d/val', 0, { dtype: DT_DOUBLE, doubleVal: [0.1] }),
      t('d/val', 1, { dtype: DT_DOUBLE, doubleVal: [1 / 3] }, false),
      t('d/content', 0, { dtype: DT_DOUBLE, content: float64Bytes(Math.PI) }),
      t('h/val', 0, { dtype: DT_HALF, halfVal: [halfBits(1 / 3)] }),
      t('h/content', 0, { dtype: DT_HALF, content: float16Bytes(-2.5) }),
      t('h/content', 7, { dtype: DT_HALF, content: float16Bytes(65504) }, false),
      t('b/val', 0, { dtype: DT_BFLOAT16, halfVal: [0x3fc0] }),
      t('empty', 0, { dtype: DT_FLOAT }),
      t('noshape', 0, { dtype: DT_FLOAT, shape: null, floatVal: [9] }),
    ];
    const doc = await read(file(eventFile(events)));
    expect(doc.metrics).toEqual({
      'b/val': 1.5,
      'd/content': Math.PI,
      'd/val': 1 / 3,
      empty: 0,
      'f/content': f32(0.4),
      'f/unpacked': 2.5,
      'f/val': f32(0.2),
      'h/content': 65504,
      'h/val': 0.333251953125,
      noshape: 9,
    });
    expect(doc.series['h/content']!.points.map((p) => [p.step, p.value])).toEqual([
      [0, -2.5],
      [7, 65504],
    ]);
    expect(doc.sources[0]!.warnings).toEqual([]);
    expect(doc.sources[0]!.notes.join('\n')).not.toContain('skipped');
  });

  it('skips non-scalar plugins and value kinds, counted per tag, never silently', async () => {
    const events: EventSpec[] = [
      scalar('loss', 0, 1),
      { step: 0, summary: [{ tag: 'images/x', image: { width: 1, height: 1, data: new Uint8Array([1]) } }] },
      { step: 1, summary: [{ tag: 'images/x', image: { width: 1, height: 1, data: new Uint8Array([2]) } }] },
      { step: 0, summary: [{ tag: 'w', histo: { min: 0, max: 1, num: 3 } }] },
      {
        step: 0,
        summary: [
          {
            tag: 'w2',
            tensor: { dtype: DT_DOUBLE, shape: [3, 3], doubleVal: [1, 2, 3] },
            plugin: 'histograms',
          },
        ],
      },
      {
        step: 1,
        summary: [{ tag: 'w2', tensor: { dtype: DT_DOUBLE, shape: [3, 3], doubleVal: [1, 2, 3] } }],
      },
      { step: 0, summary: [{ tag: 'notes', tensor: { dtype: 7, shape: [] }, plugin: 'text' }] },
      {
        step: 0,
        summary: [{ tag: '_hparams_/experiment', plugin: 'hparams', pluginContent: new Uint8Array([1]) }],
      },
      {
        step: 0,
        summary: [
          { tag: 'vector', tensor: { dtype: DT_FLOAT, shape: [2], floatVal: [1, 2] }, plugin: 'scalars' },
        ],
      },
      { step: 0, summary: [{ tag: 'count', tensor: { dtype: DT_INT32, intVal: [3] } }] },
      { step: 3, graphDef: new Uint8Array([1, 2, 3]) },
      { step: 3, sessionLog: 1 },
    ];
    const doc = await read(file(eventFile(events)));
    expect(doc.metrics).toEqual({ loss: 1 });
    const notes = doc.sources[0]!.notes.join('\n');
    expect(notes).toContain('images/x (2 image values)');
    expect(notes).toContain('w (1 histogram value)');
    expect(notes).toContain('w2 (2 histograms plugin values)');
    expect(notes).toContain('notes (1 text plugin value)');
    expect(notes).toContain('_hparams_/experiment (1 hparams plugin value)');
    expect(notes).toContain('vector (1 scalars plugin, but a tensor of 2 elements, not a scalar value)');
    expect(notes).toContain('count (1 a tensor of dtype DT_INT32, not a float value)');
    expect(notes).toContain('not metrics, not read: 1 graph, 1 session log');
  });

  it('reads a float tensor without any plugin metadata as a scalar, and says so', async () => {
    const doc = await read(
      file(
        eventFile(
          [0, 1].map((step) => ({
            step,
            summary: [{ tag: 'raw', tensor: { dtype: DT_FLOAT, floatVal: [step + 0.5] } }],
          })),
        ),
      ),
    );
    expect(doc.series.raw!.points.map((p) => p.value)).toEqual([0.5, 1.5]);
    expect(doc.sources[0]!.notes.join('\n')).toContain(
      'read float tensors without plugin metadata as scalars: raw',
    );
  });

  it('keeps NaN and infinities, and several values in one event', async () => {
    const doc = await read(
      file(
        eventFile([
          {
            step: 0,
            summary: [
              { tag: 'loss', simpleValue: 1 },
              { tag: 'acc', simpleValue: 0.5 },
            ],
          },
          {
            step: 1,
            summary: [
              { tag: 'loss', simpleValue: NaN },
              { tag: 'acc', simpleValue: Infinity },
            ],
          },
          { step: 2, summary: [{ tag: 'loss', tensor: { dtype: DT_HALF, content: float16Bytes(NaN) } }] },
        ]),
      ),
    );
    expect(doc.metrics.loss).toBeNaN();
    expect(doc.metrics.acc).toBe(Infinity);
    expect(doc.series.loss!.stats.nonFinite).toBe(2);
    expect(doc.series.loss!.stats.count).toBe(3);
  });

  it('reads negative and large steps, and events without wall time', async () => {
    const doc = await read(
      file(
        eventFile([
          { step: -5, summary: [{ tag: 'x', simpleValue: 1 }] },
          { step: 2 ** 40, summary: [{ tag: 'x', simpleValue: 2 }] },
        ]),
      ),
    );
    expect(doc.series.x!.points).toEqual([
      { step: -5, value: 1 },
      { step: 2 ** 40, value: 2 },
    ]);
  });
});

describe('folders', () => {
  it('merges the event files of one folder in step order, whatever their name order', async () => {
    const later = eventFile([scalar('loss', 0, 1), scalar('loss', 1, 0.5)]);
    const earlier = eventFile([scalar('loss', 2, 0.25), scalar('loss', 3, 0.125)]);
    const dir = tree({
      'events.out.tfevents.1700000000.host.1.0': earlier,
      'events.out.tfevents.1700000500.host.1.0': later,
    });
    const doc = await read(dir);
    expect(doc.series.loss!.points.map((p) => [p.step, p.value])).toEqual([
      [0, 1],
      [1, 0.5],
      [2, 0.25],
      [3, 0.125],
    ]);
    expect(doc.metrics.loss).toBe(0.125);
    expect(doc.sources[0]!.notes).toContain('read 2 event files (brain.Event:2, 6 records)');
  });

  it('reads Keras train/validation sub-folders as runs prefixed with their path', async () => {
    const dir = tree({
      'logs/train/events.out.tfevents.1700000000.host.1.0.v2': eventFile([
        scalar('epoch_loss', 0, 0.9),
        scalar('epoch_loss', 1, 0.6),
      ]),
      'logs/validation/events.out.tfevents.1700000001.host.1.1.v2': eventFile([
        scalar('epoch_loss', 0, 1.0),
        scalar('epoch_loss', 1, 0.7),
      ]),
      [`logs/${NAME}`]: eventFile([scalar('top', 0, 3)]),
      'logs/version_0.1/hparams.yaml': 'lr: 0.1\noptimizer:\n  name: adam\n',
      [`logs/version_0.1/${NAME}`]: eventFile([scalar('x', 0, 1)]),
    });
    const doc = await read(join(dir, 'logs'));
    expect(doc.metrics).toEqual({
      top: 3,
      'train/epoch_loss': f32(0.6),
      'validation/epoch_loss': f32(0.7),
      'version_0\\.1/x': 1,
    });
    // Params of a sub-run are named like its curves: the run, a slash, then the key.
    expect(doc.params).toEqual({ 'version_0\\.1/lr': 0.1, 'version_0\\.1/optimizer.name': 'adam' });
    expect(Object.keys(doc.series)).toEqual(['train/epoch_loss', 'validation/epoch_loss']);
    expect(doc.sources[0]!.notes.join('\n')).toContain(
      'read 4 runs (folders of event files): (the folder itself), train, validation, version_0.1',
    );
    // The sub-folder itself is one run, read without a prefix.
    const train = await read(join(dir, 'logs', 'train'));
    expect(Object.keys(train.metrics)).toEqual(['epoch_loss']);
  });

  it('stops looking 4 folders down, and says so', async () => {
    const dir = tree({
      [`a/${NAME}`]: eventFile([scalar('x', 0, 1)]),
      [`a/b/c/d/e/${NAME}`]: eventFile([scalar('y', 0, 1)]),
    });
    const doc = await tensorboardReader.read(dir, { maxSeriesPoints: 2000 });
    expect(Object.keys(doc.metrics)).toEqual(['a/x']);
    expect(doc.sources[0]!.notes.join('\n')).toContain(
      'did not look for event files more than 4 folders below',
    );
  });

  it('refuses a folder without event files', async () => {
    const dir = tree({ 'a/readme.txt': 'hi' });
    await expect(tensorboardReader.read(dir, { maxSeriesPoints: 2000 })).rejects.toThrow(
      /no TensorBoard event files/,
    );
  });

  it('warns about a file of a folder that is not an event file, when others are', async () => {
    const dir = tree({
      'events.out.tfevents.1.a': eventFile([scalar('x', 0, 1)]),
      'events.out.tfevents.2.b': new TextEncoder().encode('not an event file at all\n'),
    });
    const doc = await read(dir);
    expect(doc.metrics).toEqual({ x: 1 });
    expect(doc.sources[0]!.warnings.join('\n')).toMatch(
      /not read: .*events\.out\.tfevents\.2\.b at byte 0: not a TensorBoard event file/,
    );
  });
});

describe('damage', () => {
  const events = [0, 1, 2, 3, 4].map((step) => scalar('loss', step, 10 - step));
  const offsets = recordOffsets(events); // [file_version, step 0, ..., step 4]
  const clean = eventFile(events);

  it('skips a record whose data checksum fails, keeps those before and after, and names its offset', async () => {
    const bytes = Uint8Array.from(clean);
    bytes[offsets[3]! + 14]! ^= 0x01; // a data byte of the step-2 record
    const doc = await read(file(bytes));
    expect(doc.series.loss!.points.map((p) => p.step)).toEqual([0, 1, 3, 4]);
    expect(doc.sources[0]!.warnings).toHaveLength(1);
    expect(doc.sources[0]!.warnings[0]).toMatch(
      new RegExp(
        `^corrupt record at byte ${offsets[3]}: data checksum mismatch .*; read 3 records before it$`,
      ),
    );
  });

  it('stops at a length checksum that fails: the framing is lost', async () => {
    const bytes = Uint8Array.from(clean);
    bytes[offsets[4]! + 9]! ^= 0x80; // the length CRC of the step-3 record
    const doc = await read(file(bytes));
    expect(doc.series.loss!.points.map((p) => p.step)).toEqual([0, 1, 2]);
    expect(doc.sources[0]!.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^corrupt record at byte ${offsets[4]}: length checksum mismatch .*framing is lost.*; read 4 records before it$`,
        ),
      ),
    ]);
  });

  it('keeps the records before a truncated last record', async () => {
    for (const cut of [1, 5, 12, 20]) {
      const doc = await read(file(clean.subarray(0, offsets[5]! + cut)));
      expect(doc.series.loss!.points.map((p) => p.step)).toEqual([0, 1, 2, 3]);
      expect(doc.sources[0]!.warnings).toEqual([
        expect.stringMatching(
          new RegExp(
            `^corrupt record at byte ${offsets[5]}: truncated record: .*; read 5 records before it$`,
          ),
        ),
      ]);
    }
  });

  it('skips a record whose checksums hold but which is no Event protobuf', async () => {
    const bad = frameRecord(new Uint8Array([0x7b, 0x01])); // field 15, wire type 3 (group)
    const bytes = concat([clean.subarray(0, offsets[2]), bad, clean.subarray(offsets[2])]);
    const doc = await read(file(bytes));
    expect(doc.series.loss!.stats.count).toBe(5);
    expect(doc.sources[0]!.warnings).toEqual([
      `corrupt record at byte ${offsets[2]}: not an Event protobuf: wire type group start is not used by this message (byte ${offsets[2]! + 12}); read 2 records before it`,
    ]);
  });

  it('refuses a file whose first record is damaged or which is not TFRecord at all', async () => {
    for (const bytes of [
      new TextEncoder().encode('step,loss\n0,1\n1,0.5\n'),
      Uint8Array.from(clean, (b, i) => (i === 14 ? b ^ 1 : b)),
      clean.subarray(0, 7),
      eventFile([{ step: 1, summary: [{ tag: 'x', simpleValue: 1 }] }], true).map((b, i) =>
        i === 13 ? 0xff : b,
      ),
    ]) {
      const path = file(bytes);
      const error = await read(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).location).toEqual({ file: path, offset: 0 });
      expect((error as ParseError).message).toContain(
        'at byte 0: not a TensorBoard event file (expected TFRecord records',
      );
    }
  });

  it('reads an empty file as an empty document, with a note', async () => {
    const doc = await read(file(new Uint8Array(0)));
    expect(doc.metrics).toEqual({});
    expect(doc.sources[0]!.notes).toContain('empty event file, nothing to read');
  });
});

/** What a RecordParser reports, as plain data. */
function parseAll(chunks: Uint8Array[], maxRecordBytes?: number): unknown[] {
  const out: unknown[] = [];
  const sink: RecordSink = {
    record: (bytes, start, end, offset) =>
      out.push(['record', offset, Array.from(bytes.subarray(start, end))]),
    corrupt: (offset, what, fatal) => out.push(['corrupt', offset, what, fatal]),
    oversized: (offset, length) => out.push(['oversized', offset, length]),
  };
  const parser = new RecordParser(sink, maxRecordBytes);
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return out;
}

function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(from, p));
    from = p;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

const sample = eventFile([
  scalar('train/loss', 0, 1),
  { step: 1, summary: [{ tag: 'img', image: { width: 2, height: 2, data: new Uint8Array(300).fill(7) } }] },
  {
    step: 1,
    summary: [{ tag: 'acc', tensor: { dtype: DT_FLOAT, content: float32Bytes(0.5) }, plugin: 'scalars' }],
  },
  scalar('train/loss', 2, 0.5),
]);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), from: fc.nat(), to: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 20 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, ms: Mutation[]): Uint8Array {
  let out: Uint8Array = Uint8Array.from(bytes);
  for (const m of ms) {
    const at = (n: number) => (out.length === 0 ? 0 : n % (out.length + 1));
    if (m.kind === 'flip' && out.length > 0) out[m.at % out.length]! ^= 1 << m.bit;
    else if (m.kind === 'truncate') out = out.slice(0, at(m.at));
    else if (m.kind === 'splice') {
      const [a, b] = [at(m.from), at(m.to)].sort((x, y) => x - y);
      out = concat([out.subarray(0, at(m.at)), out.slice(a, b), out.subarray(at(m.at))]);
    } else if (m.kind === 'insert')
      out = concat([out.subarray(0, at(m.at)), m.bytes, out.subarray(at(m.at))]);
  }
  return out;
}

describe('the record parser', () => {
  it('gives the same records and damage whatever the chunking', () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 3 }), fc.array(fc.nat(), { maxLength: 12 }), (ms, cuts) => {
        const bytes = mutate(sample, ms);
        expect(parseAll(splitAt(bytes, cuts))).toEqual(parseAll([bytes]));
        expect(parseAll(splitAt(bytes, cuts), 64)).toEqual(parseAll([bytes], 64));
      }),
      { numRuns: 200 },
    );
  });

  it('streams records over the size limit through their checksum without keeping them', () => {
    const out = parseAll(splitAt(sample, [3, 100, 101, 250]), 64);
    const big = recordOffsets([
      scalar('train/loss', 0, 1),
      {
        step: 1,
        summary: [{ tag: 'img', image: { width: 2, height: 2, data: new Uint8Array(300).fill(7) } }],
      },
    ])[2]!;
    expect(out.filter((e) => (e as unknown[])[0] === 'oversized')).toEqual([
      ['oversized', big, expect.any(Number)],
    ]);
    expect(out.filter((e) => (e as unknown[])[0] === 'record')).toHaveLength(4);
    const damaged = Uint8Array.from(sample);
    damaged[big + 100]! ^= 4;
    expect(parseAll([damaged], 64).filter((e) => (e as unknown[])[0] === 'corrupt')).toEqual([
      ['corrupt', big, expect.stringMatching(/^data checksum mismatch/), false],
    ]);
  });
});

describe('the Event decoder', () => {
  const arbValue = fc.oneof(
    fc.record({ tag: fc.constantFrom('a', 'train/loss', 'x.y', ''), simpleValue: fc.float() }),
    fc.record({
      tag: fc.constantFrom('a', 'val/acc'),
      tensor: fc.oneof(
        fc.record({ dtype: fc.constant(DT_FLOAT), content: fc.float().map(float32Bytes) }),
        fc.record({ dtype: fc.constant(DT_DOUBLE), content: fc.double().map(float64Bytes) }),
        fc.record({ dtype: fc.constant(DT_DOUBLE), doubleVal: fc.array(fc.double(), { maxLength: 2 }) }),
        fc.record({ dtype: fc.constant(DT_FLOAT), floatVal: fc.array(fc.float(), { maxLength: 2 }) }),
        fc.record({ dtype: fc.constant(DT_HALF), content: fc.double().map(float16Bytes) }),
        fc.record({
          dtype: fc.constant(DT_HALF),
          halfVal: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 2 }),
        }),
      ),
      plugin: fc.constantFrom(undefined, 'scalars', 'histograms'),
    }),
  );
  const arbEvent = fc.record({
    wallTime: fc.option(fc.double({ min: 0, max: 2e9, noNaN: true }), { nil: undefined }),
    step: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 })),
    summary: fc.array(arbValue, { minLength: 1, maxLength: 2 }),
  });

  function decodeAll(events: EventSpec[], fastPath: boolean): unknown[] {
    const series = new Map<string, SeriesAccumulator>();
    const tags = new TagTable((tag) => {
      const acc = new SeriesAccumulator(1000);
      series.set(tag, acc);
      return acc;
    });
    const decoder = new EventDecoder(tags, fastPath);
    for (const e of events) {
      const bytes = encodeEvent(e);
      decoder.decode(bytes, 0, bytes.length);
      decoder.commit(decoder.step, decoder.wallTime);
    }
    return [
      [...series].map(([tag, acc]) => [tag, acc.finish()]),
      tags.entries.map((e) => [e.tag, e.plugin, e.untyped, e.skipped && [...e.skipped]]),
    ];
  }

  it('gives the same results with and without its fast path', () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 8 }), (events) => {
        expect(decodeAll(events, true)).toEqual(decodeAll(events, false));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects groups, wire types 6 and 7, truncated varints and overlong fields', () => {
    const decoder = new EventDecoder(new TagTable(() => new SeriesAccumulator(10)));
    for (const bytes of [
      [0x0b],
      [0x0e],
      [0x0f],
      [0x10, 0x80],
      [0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
      [0x2a, 0x05, 0x0a],
      [0x09, 1, 2],
      [0x08, 0x01],
      [0x00],
    ]) {
      expect(() => decoder.decode(Uint8Array.from(bytes), 0, bytes.length)).toThrow(ProtoError);
    }
  });
});

describe('damaged and random input', () => {
  const valid = eventFile([
    scalar('train/loss', 0, 1),
    scalar('train/loss', 1, 0.5),
    {
      step: 1,
      summary: [{ tag: 'acc', tensor: { dtype: DT_HALF, content: float16Bytes(0.25) }, plugin: 'scalars' }],
    },
    { step: 2, summary: [{ tag: 'acc', tensor: { dtype: DT_FLOAT, floatVal: [0.5] } }] },
    { step: 2, summary: [{ tag: 'h', histo: { min: 0, max: 1, num: 1 } }] },
  ]);

  async function readsOrRefuses(bytes: Uint8Array): Promise<void> {
    const path = file(bytes);
    try {
      const doc = await tensorboardReader.read(path, { maxSeriesPoints: 100 });
      expect(doc.sources[0]!.format).toBe('tensorboard');
      for (const v of Object.values(doc.metrics)) expect(typeof v).toBe('number');
    } catch (error) {
      if (!(error instanceof MlciError)) throw error;
    }
  }

  it('returns a document or throws MlciError for mutated event files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) =>
        readsOrRefuses(mutate(valid, ms)),
      ),
      { numRuns: 150 },
    );
  });

  it('returns a document or throws MlciError for random bytes, framed or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, framed) =>
        readsOrRefuses(
          framed
            ? concat([frameRecord(encodeEvent({ fileVersion: 'brain.Event:2' })), frameRecord(bytes)])
            : bytes,
        ),
      ),
      { numRuns: 150 },
    );
  });
});
