import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { MlciError, ParseError } from '../../../packages/core/src/errors.js';
import type { MetricsDoc } from '../../../packages/core/src/model.js';
import { probePath } from '../../../packages/core/src/readers/files.js';
import { chooseReader, readMetricsPath } from '../../../packages/core/src/readers/registry.js';
import { plainNumber } from '../../../packages/core/src/readers/wandb/binary.js';
import {
  BLOCK_BYTES,
  LogParser,
  chunkChecksum,
  crc32,
  tableCrc32,
  type LogSink,
} from '../../../packages/core/src/readers/wandb/log.js';
import { wandbReader } from '../../../packages/core/src/readers/wandb.js';
import { concat } from '../../support/tfevents-writer.js';
import {
  Framer,
  RowWriter,
  config,
  exit,
  frame,
  history,
  log,
  output,
  row,
  run,
  summary,
} from '../../support/wandb-log.js';

const work = mkdtempSync(join(tmpdir(), 'mlci-wandb-binary-'));
let counter = 0;

/** Writes files (name -> bytes or text) into a fresh folder; returns the folder. */
function tree(files: Record<string, Uint8Array | string>): string {
  const dir = join(work, `case-${counter++}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, ...name.split('/'));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

const LOG = 'run-abc123.wandb';

function file(bytes: Uint8Array, name = LOG): string {
  return join(tree({ [name]: bytes }), name);
}

function read(path: string, maxSeriesPoints?: number): Promise<MetricsDoc> {
  return readMetricsPath(path, maxSeriesPoints === undefined ? {} : { maxSeriesPoints });
}

const notes = (doc: MetricsDoc) => doc.sources[0]!.notes;
const warnings = (doc: MetricsDoc) => doc.sources[0]!.warnings;

// ---- The real runs ----

const REAL = 'test/fixtures/real/wandb-binary';
const KWT = `${REAL}/keyword-transformer/run-20220429_201936-3ojed7lz`;
const NNM = `${REAL}/nn-modularity/run-20250126_193919-axeaxk52`;

describe('the real keyword-transformer log (wandb 0.12.15, copied while the run was going)', () => {
  it('reads its 862 history rows as curves over _step, with _timestamp as wall time', async () => {
    const doc = await read(`${KWT}/run-3ojed7lz.wandb`);
    expect(Object.keys(doc.series)).toEqual([
      'Training/accuracy',
      'Training/loss',
      'Training/step',
      'Validation/accuracy',
      'Validation/step',
    ]);
    const loss = doc.series['Training/loss']!;
    expect(loss.stats.count).toBe(861);
    expect(loss.stats.first).toEqual({ step: 1, value: 2.5225067138671875, wallTime: 1651263597 });
    expect(loss.stats.last).toEqual({ step: 861, value: 1.6868462562561035, wallTime: 1651263597 });
    expect(doc.series['Validation/accuracy']!.stats.count).toBe(862);
    // No summary record: each metric is its curve's last value; _step and _runtime from the last row.
    expect(doc.metrics).toEqual({
      'Training/accuracy': 47.65625,
      'Training/loss': 1.6868462562561035,
      'Training/step': 861,
      'Validation/accuracy': 68.17555147058823,
      'Validation/step': 792,
      _runtime: 21,
      _step: 861,
    });
    expect(doc.params).toEqual({ Notes: 'Default Hyper Parameters, Swish activation.' });
  });

  it('stops at the torn last record, says where, and keeps what came before', async () => {
    const doc = await read(`${KWT}/run-3ojed7lz.wandb`);
    expect(warnings(doc)).toEqual([
      'the log ends inside record 1107 (at byte 335628): the FULL chunk announces 228 bytes, the log ends after 0 of them; read the 1106 records before it (the run may still be writing, or was killed)',
    ]);
    expect(notes(doc)).toEqual(
      expect.arrayContaining([
        'no summary (wandb-summary.json or a summary record): each metric is the last logged value of its curve',
        'no exit record before the damage: the run was still going when the log was copied, or was killed before wandb could close it',
        'run 3ojed7lz "First try" in adeeplearners/kwt-improvements started 2022-04-29T20:19:36.000Z; W&B log format 0, wandb 0.12.15: 1106 records, 862 history rows (steps 0 to 861)',
        'not metrics, not read: 1 file list record, 222 console output records, 18 system metrics records',
      ]),
    );
  });
});

describe('the real nn-modularity log (wandb 0.17.5, exit code 1)', () => {
  it('reads keys with spaces, the summary record, and the exit code', async () => {
    const doc = await read(`${NNM}/run-axeaxk52.wandb`);
    const acc = doc.series['GPT-2 Token Sub-Space Intervention Accuracy 5']!;
    expect(acc.stats.count).toBe(20);
    expect(acc.stats.first).toEqual({ step: 0, value: 0.5754464285714286, wallTime: 1737900802.115073 });
    expect(acc.stats.last).toEqual({ step: 19, value: 0.7558035714285715, wallTime: 1737905224.281055 });
    expect(doc.metrics).toEqual({
      'GPT-2 Token Sub-Space Intervention Accuracy 5': 0.7558035714285715,
      'GPT-2 Token Sub-Space Intervention Loss 5': 0.08507950896663326,
      _runtime: 4664.358548879623,
      _step: 19,
    });
    expect(doc.params).toEqual({ _exit_code: 1 });
    expect(warnings(doc)).toEqual(['the run ended with exit code 1']);
    expect(notes(doc)).toEqual(
      expect.arrayContaining([
        'not metrics, not read: 1 file list record, 8614 console output records, 155 system metrics records, 1 artifact record',
        'last logged at 2025-01-26T15:27:04.281Z (_timestamp)',
      ]),
    );
  });

  it('is detected by its name, and by its first bytes under another name', async () => {
    expect(chooseReader(await probePath(`${NNM}/run-axeaxk52.wandb`))?.format).toBe('wandb');
    const renamed = file(log([row(0, { acc: '0.5' }), row(1, { acc: '0.6' })]), 'history.bin');
    expect(wandbReader.detect(await probePath(renamed))).toBe(50);
    expect(chooseReader(await probePath(renamed))?.format).toBe('wandb');
    expect((await read(renamed)).series['acc']!.stats.count).toBe(2);
  });
});

// ---- Framing ----

describe('framing', () => {
  it('reassembles a record cut into FIRST, MIDDLE and LAST chunks across blocks', async () => {
    // A row of 100 KB: three blocks and more.
    const big = row(1, { loss: '0.5', note: JSON.stringify('x'.repeat(100_000)) });
    const framed = frame([row(0, { loss: '1.0' }), big, row(2, { loss: '0.25' })]);
    expect(framed.records[1]!.types).toEqual([2, 3, 3, 4]);
    const doc = await read(file(framed.bytes));
    expect(doc.series['loss']!.points.map((p) => [p.step, p.value])).toEqual([
      [0, 1],
      [1, 0.5],
      [2, 0.25],
    ]);
    expect(warnings(doc)).toEqual([]);
    expect(notes(doc).join('\n')).toContain('note (1 text value)');
  });

  it('skips block trailers of under 7 bytes, and reads a FIRST chunk of no data at a block end', async () => {
    for (const left of [1, 6, 7]) {
      // A first row sized so that `left` bytes remain in the first block after it.
      const probe = (n: number) => history({ pad: JSON.stringify('y'.repeat(n)), _step: '0' });
      let n = BLOCK_BYTES - 7 - 7 - left - 30;
      while (probe(n).length + 7 + 7 < BLOCK_BYTES - left) n++;
      while (probe(n).length + 7 + 7 > BLOCK_BYTES - left) n--;
      const first = probe(n);
      expect(7 + 7 + first.length).toBe(BLOCK_BYTES - left);
      const framed = frame([first, row(1, { loss: '0.5' }), row(2, { loss: '0.25' })]);
      expect(framed.records[1]!.types).toEqual(left === 7 ? [2, 4] : [1]);
      const doc = await read(file(framed.bytes));
      expect(doc.series['loss']!.stats.count).toBe(2);
      expect(warnings(doc)).toEqual([]);
    }
  });

  it('gives the same records and damage whatever the pieces the file arrives in', () => {
    const records = [
      row(0, { a: '1' }),
      history({ long: JSON.stringify('z'.repeat(70_000)) }),
      row(2, { a: '3' }),
    ];
    const whole = frame(records).bytes;
    const damaged = Uint8Array.from(whole, (b, i) => (i === whole.length - 3 ? b ^ 4 : b));
    for (const bytes of [whole, damaged, whole.subarray(0, 40_000)]) {
      const expected = parseInPieces(bytes, [bytes.length]);
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: 40_000 }), { maxLength: 12 }), (cuts) => {
          expect(parseInPieces(bytes, cuts)).toEqual(expected);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('checks records over the size limit chunk by chunk without keeping them', () => {
    const framed = frame([
      row(0, { a: '1' }),
      history({ long: JSON.stringify('z'.repeat(70_000)) }),
      row(2, { a: '3' }),
    ]);
    const events = parseInPieces(framed.bytes, [framed.bytes.length], 1000);
    expect(events.map((e) => (e as unknown[])[0])).toEqual(['header', 'record', 'oversized', 'record']);
    expect(events[2]).toEqual(['oversized', framed.records[1]!.offset, 2, expect.any(Number)]);
  });

  it('uses zlib CRC-32 (IEEE) over the type byte and the data, natively or from its table', () => {
    const text = new TextEncoder().encode('123456789');
    expect(tableCrc32(text)).toBe(0xcbf43926);
    expect(crc32(text, 0, 9, 0)).toBe(0xcbf43926);
    expect(tableCrc32(text, 4, 9, tableCrc32(text, 0, 4))).toBe(0xcbf43926);
    // The first chunk of the real nn-modularity log: checksum e9 e1 89 c0, 55 bytes, type FULL.
    const real = new Uint8Array(readFileSync(`${NNM}/run-axeaxk52.wandb`).subarray(0, 7 + 7 + 55));
    expect(Array.from(real.subarray(7, 14))).toEqual([0xe9, 0xe1, 0x89, 0xc0, 55, 0, 1]);
    expect(chunkChecksum(1, real, 14, 69)).toBe(0xc089e1e9);
    expect(tableCrc32(real, 14, 69, tableCrc32(Uint8Array.of(1)))).toBe(0xc089e1e9);
  });
});

/** What a LogParser reports, as plain data, for input pushed in pieces cut at `cuts`. */
function parseInPieces(bytes: Uint8Array, cuts: number[], maxRecordBytes?: number): unknown[] {
  const out: unknown[] = [];
  const sink: LogSink = {
    header: (version) => out.push(['header', version]),
    // A record as its length and checksum: comparing 70 KB arrays element by element is slow.
    record: (b, start, end, offset, index) =>
      out.push(['record', offset, index, end - start, tableCrc32(b, start, end)]),
    oversized: (offset, index, length) => out.push(['oversized', offset, index, length]),
    damaged: (offset, index, what, torn) => out.push(['damaged', offset, index, what, torn]),
  };
  const parser = new LogParser(sink, maxRecordBytes);
  let at = 0;
  for (const cut of cuts) {
    parser.push(bytes.subarray(at, Math.min(bytes.length, at + cut)));
    at = Math.min(bytes.length, at + cut);
  }
  parser.push(bytes.subarray(at));
  parser.end();
  return out;
}

describe('damage', () => {
  const records = [0, 1, 2, 3, 4].map((step) => row(step, { loss: String(10 - step) }));
  const framed = frame(records);
  const offsets = framed.records.map((r) => r.offset);

  it('stops at a flipped byte: warns with the byte offset and record number, keeps the records before', async () => {
    for (const at of [offsets[2]! + 3, offsets[2]! + 20]) {
      const bytes = Uint8Array.from(framed.bytes);
      bytes[at]! ^= 0x10; // the stored checksum, then a data byte, of record 3 (step 2)
      const doc = await read(file(bytes));
      expect(doc.series['loss']!.points.map((p) => p.step)).toEqual([0, 1]);
      expect(warnings(doc)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^damaged record 3 at byte ${offsets[2]}: checksum mismatch in a FULL chunk of ${records[2]!.length} bytes \\(stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}\\); read the 2 records before it, nothing after it$`,
          ),
        ),
      ]);
      // Steps 2 to 4 are lost: the metric is the last value read, not a made-up one.
      expect(doc.metrics['loss']).toBe(9);
      expect(doc.metrics['_step']).toBe(1);
    }
  });

  it('stops at a chunk whose length runs past its block, or whose type is unknown', async () => {
    for (const [at, value, what] of [
      [
        offsets[1]! + 5,
        0x90,
        /a FULL chunk of \d+ bytes at \d+ bytes into its block would run past the 32 KiB block/,
      ],
      [offsets[1]! + 6, 9, /unknown chunk type 9 \(expected 1 FULL, 2 FIRST, 3 MIDDLE or 4 LAST\)/],
      [offsets[1]! + 6, 3, /a MIDDLE chunk with no FIRST chunk before it/],
    ] as const) {
      const bytes = Uint8Array.from(framed.bytes);
      bytes[at] = value;
      const doc = await read(file(bytes));
      expect(doc.series['loss']).toBeUndefined();
      expect(doc.metrics['loss']).toBe(10);
      expect(warnings(doc)[0]).toMatch(new RegExp(`^damaged record 2 at byte ${offsets[1]}: `));
      expect(warnings(doc)[0]).toMatch(what);
    }
  });

  it('keeps the records before a truncated tail, wherever the cut falls', async () => {
    for (const cut of [1, 4, 7, 8, 30]) {
      const doc = await read(file(framed.bytes.subarray(0, offsets[4]! + cut)));
      expect(doc.series['loss']!.points.map((p) => p.step)).toEqual([0, 1, 2, 3]);
      expect(warnings(doc)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^the log ends inside record 5 \\(at byte ${offsets[4]}\\): .*; read the 4 records before it \\(the run may still be writing, or was killed\\)$`,
          ),
        ),
      ]);
    }
  });

  it('reports a record cut into chunks whose LAST chunk never came', async () => {
    const long = frame([
      row(0, { loss: '1' }),
      history({ long: JSON.stringify('q'.repeat(50_000)), _step: '1' }),
    ]);
    const doc = await read(file(long.bytes.subarray(0, BLOCK_BYTES)));
    expect(warnings(doc)).toEqual([
      `the log ends inside record 2 (at byte ${long.records[1]!.offset}): the log ends after ${BLOCK_BYTES - long.records[1]!.offset - 7} bytes of a record cut into chunks, before its LAST chunk; read the 1 record before it (the run may still be writing, or was killed)`,
    ]);
    expect(doc.metrics['loss']).toBe(1);
  });

  it('skips zero-filled block tails (space reserved, never written) and reads on in the next block', async () => {
    const first = frame([row(0, { loss: '1' })]).bytes;
    const second = frame([row(1, { loss: '0.5' })]).bytes.subarray(7);
    const bytes = concat([first, new Uint8Array(BLOCK_BYTES - first.length), second, new Uint8Array(100)]);
    const doc = await read(file(bytes));
    expect(doc.series['loss']!.points.map((p) => p.step)).toEqual([0, 1]);
    expect(warnings(doc)).toEqual([]);
    expect(notes(doc)).toContain(
      'skipped 2 block tails of zero bytes (space the writer reserved but did not fill)',
    );
  });

  it('skips a record whose checksum holds but which is no Record protobuf, and reads on', async () => {
    const bad = Uint8Array.of(0x13, 0x01); // field 2, wire type 3 (group)
    const doc = await read(file(log([records[0]!, bad, records[1]!])));
    expect(doc.series['loss']!.stats.count).toBe(2);
    expect(warnings(doc)).toEqual([
      expect.stringMatching(/^record 2 \(at byte \d+\) is not a W&B Record protobuf: .*; skipped$/),
    ]);
  });

  it('reads an empty file, or one holding part of the header, as empty, with a note', async () => {
    let doc = await read(file(new Uint8Array(0)));
    expect(doc.metrics).toEqual({});
    expect(notes(doc)).toContain('the log is empty: the run wrote nothing to it yet');
    doc = await read(file(Uint8Array.of(0x3a, 0x57, 0x26)));
    expect(notes(doc)).toContain(
      'the log holds only 3 of the 7 bytes of its header: the run wrote nothing to it yet',
    );
  });

  it('refuses a file that is not a W&B log, with a ParseError at byte 0', async () => {
    for (const [bytes, what] of [
      [
        new TextEncoder().encode('{"acc": 0.5}'),
        /expected the W&B log header ":W&B" \(3a 57 26 42\), found 7b 22 61 63 63 22 3a/,
      ],
      [
        Uint8Array.of(0x3a, 0x57, 0x26, 0x42, 0x00, 0x00, 0),
        /":W&B" is followed by 00 00, expected W&B's magic e1 be/,
      ],
      [
        Uint8Array.of(0x3a, 0x57, 0x26, 0x42, 0xe1, 0xbe, 7),
        /W&B log format version 7: mlci reads versions 0 and 1/,
      ],
      [Uint8Array.of(0x3a, 0x58), /found 3a 58/],
    ] as const) {
      const path = file(bytes);
      const error = await read(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).location).toEqual({ file: path, offset: 0 });
      expect((error as ParseError).message).toContain('at byte 0: not a W&B run log (run-<id>.wandb): ');
      expect((error as ParseError).message).toMatch(what);
    }
  });

  it('returns a document or throws MlciError for mutated and random logs', async () => {
    const valid = log([
      run('abc123', 'proj', 'name'),
      row(0, { loss: '1', media: '{"_type": "image-file", "path": "a.png"}', d: '{"x": {"y": 2}}' }),
      history({ long: JSON.stringify('w'.repeat(40_000)), _step: '1' }),
      summary([{ key: 'loss', json: '0.5' }]),
      config([{ key: 'lr', json: '0.1' }]),
      exit(0),
    ]);
    const readsOrRefuses = async (bytes: Uint8Array) => {
      try {
        const doc = await wandbReader.read(file(bytes), { maxSeriesPoints: 100 });
        for (const v of Object.values(doc.metrics)) expect(typeof v).toBe('number');
      } catch (error) {
        if (!(error instanceof MlciError)) throw error;
      }
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        async (flips) => {
          const bytes = Uint8Array.from(valid);
          for (const [at, x] of flips) bytes[at]! ^= x;
          await readsOrRefuses(bytes);
        },
      ),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (payload) => {
        // Random bytes as a framed record whose checksum holds: the protobuf decoder meets them.
        await readsOrRefuses(log([row(0, { a: '1' }), payload]));
      }),
      { numRuns: 100 },
    );
  });
});

// ---- Records ----

describe('history rows', () => {
  it('names keys like the summary: "." escaped in a key, nested keys joined with "."', async () => {
    const doc = await read(
      file(
        log(
          [0, 1].map((step) =>
            history([
              { key: 'eval.acc', json: String(0.5 + step / 10) },
              // Not Object.prototype.constructor: a key like any other.
              { key: 'constructor', json: String(step) },
              { nested: ['train', 'loss'], json: String(1 - step / 10) },
              { key: 'dict', json: `{"a": ${step}, "b": {"c": ${step * 2}}, "label": "x"}` },
              { key: '_step', json: String(step) },
            ]),
          ),
        ),
      ),
    );
    expect(Object.keys(doc.series)).toEqual([
      'constructor',
      'dict.a',
      'dict.b.c',
      'eval\\.acc',
      'train.loss',
    ]);
    expect(doc.series['train.loss']!.stats.last).toEqual({ step: 1, value: 0.9 });
    expect(notes(doc).join('\n')).toContain('dict.label (2 text values)');
  });

  it('skips what is not a number, naming each key once, and keeps NaN and infinities', async () => {
    const doc = await read(
      file(
        log([
          row(0, {
            loss: 'NaN',
            img: '{"_type": "image-file", "path": "media/0.png"}',
            tag: '"run-a"',
            ok: 'true',
          }),
          row(1, {
            loss: 'Infinity',
            img: '{"_type": "image-file", "path": "media/1.png"}',
            tag: '"run-a"',
            ok: 'false',
          }),
          row(2, { loss: '-Infinity', hist: '[1, 2, 3]', gone: 'null', bad: '{"a": ' }),
        ]),
      ),
    );
    expect(doc.series['loss']!.points.map((p) => p.value)).toEqual([NaN, Infinity, -Infinity]);
    expect(doc.series['loss']!.stats.nonFinite).toBe(3);
    const skipped = notes(doc).find((n) => n.startsWith('skipped'))!;
    expect(skipped).toBe(
      'skipped 6 values that are neither a number nor a parameter: img (2 "image-file" media values), tag (2 text values), ok (2 true/false values), hist (1 list value), gone (1 null value), bad (1 unreadable JSON value)',
    );
  });

  it('takes the step from _step, else from the record, else one after the previous row', async () => {
    const doc = await read(
      file(
        log(
          [
            history({ loss: '1', _step: '10' }),
            history({ loss: '2' }, 20),
            history({ loss: '3' }),
            history({ loss: '4', _step: '"x"' }),
          ],
          1,
        ),
      ),
    );
    expect(doc.series['loss']!.points.map((p) => p.step)).toEqual([10, 20, 21, 22]);
    expect(notes(doc)).toContain(
      '2 of 4 history rows carry no step; each was placed one step after the previous row, as W&B numbers them',
    );
    expect(warnings(doc)).toEqual([
      '1 history row had a _step that is not a whole number ≥ 0; it was placed after the previous row',
    ]);
  });

  it('walks a deeply nested dict without recursion, and stops at 512 levels', async () => {
    const deep = '{"a": '.repeat(5000) + '1' + '}'.repeat(5000);
    const doc = await read(file(log([row(0, { deep, x: '1' }), row(1, { deep, x: '2' })])));
    expect(doc.series['x']!.stats.count).toBe(2);
    expect(notes(doc).find((n) => n.startsWith('skipped'))).toMatch(/nested deeper than 512 levels/);
  });

  it('reads plain JSON numbers from bytes exactly as JSON.parse does', () => {
    const enc = new TextEncoder();
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 20 }),
        (x, digits) => {
          for (const text of [
            String(x),
            Number.isFinite(x) && Math.abs(x) < 1e21 ? x.toFixed(digits) : '0',
          ]) {
            expect(Object.is(plainNumber(enc.encode(text)), JSON.parse(text))).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(plainNumber(enc.encode('1e-3'))).toBe(0.001);
    expect(plainNumber(enc.encode('"1"'))).toBeUndefined();
    expect(plainNumber(enc.encode('1 2'))).toBeUndefined();
    expect(plainNumber(enc.encode('-'))).toBeUndefined();
  });
});

describe('summary, config, exit and run records', () => {
  it('replays summary updates and removes in order; the summary wins over the last history value', async () => {
    const doc = await read(
      file(
        log([
          run('abc123', 'proj', 'my run'),
          row(0, { loss: '1.0' }),
          row(1, { loss: '0.5' }),
          summary([
            { key: 'loss', json: '0.5' },
            { key: 'best', json: '{"acc": 0.9, "epoch": 3}' },
            { key: 'tmp', json: '1' },
          ]),
          summary(
            [
              { key: 'loss', json: '0.42' },
              { nested: ['best', 'acc'], json: '0.95' },
            ],
            [{ key: 'tmp', json: '' }],
          ),
          summary([
            { key: '_step', json: '1' },
            { key: '_wandb', json: '{"runtime": 75}' },
          ]),
          config([
            { key: 'lr', json: '0.001' },
            { key: 'model', json: '{"name": "resnet", "depth": 18}' },
          ]),
          config([], [{ key: 'model', json: '' }]),
          config([{ key: 'batch', json: '32' }]),
          exit(0, 75),
          output('epoch 1 done'),
        ]),
      ),
    );
    expect(doc.metrics).toEqual({ loss: 0.42, 'best.acc': 0.95, 'best.epoch': 3, _step: 1, _runtime: 75 });
    expect(doc.series['loss']!.stats.count).toBe(2);
    expect(doc.params).toEqual({ lr: 0.001, batch: 32, _exit_code: 0 });
    expect(warnings(doc)).toEqual([]);
    expect(notes(doc)).toEqual(
      expect.arrayContaining([
        'run abc123 "my run" in proj started 2023-11-14T22:13:20.000Z; W&B log format 0: 11 records, 2 history rows (steps 0 to 1)',
        'not metrics, not read: 1 console output record',
      ]),
    );
  });

  it('warns about a non-zero exit code and notes a run that has none', async () => {
    let doc = await read(file(log([row(0, { loss: '1' }), exit(-9)])));
    expect(doc.params['_exit_code']).toBe(-9);
    expect(warnings(doc)).toEqual(['the run ended with exit code -9']);
    doc = await read(file(log([row(0, { loss: '1' })])));
    expect(doc.params['_exit_code']).toBeUndefined();
    expect(notes(doc)).toContain(
      'no exit record: the run was still going when the log was copied, or was killed before wandb could close it',
    );
  });
});

// ---- Run folders ----

describe('run folders holding a log', () => {
  const records = [
    row(0, { loss: '1.0' }),
    row(1, { loss: '0.5' }),
    summary([
      { key: 'loss', json: '0.5' },
      { key: 'acc', json: '0.8' },
      { key: '_step', json: '1' },
    ]),
    config([{ key: 'lr', json: '0.1' }]),
    exit(0),
  ];

  it('reads a run folder without files/: history, summary and config from the log', async () => {
    const dir = tree({ 'run-20240101_000000-abc123/run-abc123.wandb': log(records) });
    const path = join(dir, 'run-20240101_000000-abc123');
    expect(chooseReader(await probePath(path))?.format).toBe('wandb');
    const doc = await read(path);
    expect(doc.metrics).toEqual({ loss: 0.5, acc: 0.8, _step: 1 });
    expect(doc.series['loss']!.stats.count).toBe(2);
    expect(doc.params).toEqual({ lr: 0.1, _exit_code: 0 });
    expect(notes(doc)).toContain(`read run-abc123.wandb of ${path}`);
  });

  it('takes the summary and config from files/ when they are there, the history from the log', async () => {
    const dir = tree({
      'wandb/run-20240101_000000-abc123/run-abc123.wandb': log(records),
      'wandb/run-20240101_000000-abc123/files/wandb-summary.json': '{"loss": 0.3, "_step": 5}',
      'wandb/run-20240101_000000-abc123/files/config.yaml': 'lr:\n  value: 0.2\n',
    });
    symlinkSync('run-20240101_000000-abc123', join(dir, 'wandb', 'latest-run'));
    const doc = await read(join(dir, 'wandb'));
    expect(doc.metrics).toEqual({ loss: 0.3, _step: 5 });
    expect(doc.series['loss']!.stats.last.value).toBe(0.5);
    expect(doc.params).toEqual({ lr: 0.2, _exit_code: 0 });
    expect(notes(doc)).toEqual(
      expect.arrayContaining([
        "latest-run/files/wandb-summary.json is at _step 5, the history ends at step 1: its last rows were not written (or not copied); the summary's values are the final ones",
        `read latest-run/run-abc123.wandb, latest-run/files/wandb-summary.json, latest-run/files/config.yaml of ${join(dir, 'wandb')}`,
      ]),
    );
  });

  it("reads an old client's files/wandb-history.jsonl instead of the log", async () => {
    const dir = tree({
      'files/wandb-history.jsonl':
        '{"loss": 1.0, "_step": 0, "_runtime": 1, "_timestamp": 1700000000}\n{"loss": 0.5, "img": {"_type": "image-file"}, "_step": 1, "_runtime": 2, "_timestamp": 1700000010}\n',
      'files/wandb-summary.json': '{"loss": 0.5, "_step": 1}',
      'run-abc123.wandb': log(records),
    });
    const doc = await read(dir);
    expect(doc.series['loss']!.points).toEqual([
      { step: 0, value: 1, wallTime: 1700000000 },
      { step: 1, value: 0.5, wallTime: 1700000010 },
    ]);
    expect(doc.params).toEqual({});
    expect(notes(doc)).toContain('read the history of wandb-history.jsonl; run-abc123.wandb was not read');
    expect(notes(doc).join('\n')).toContain('img (1 "image-file" media value)');
  });

  it('warns about a log that is no W&B log when the summary can still be read, else refuses', async () => {
    const garbage = new TextEncoder().encode('not a log');
    let dir = tree({ 'files/wandb-summary.json': '{"loss": 0.5}', 'run-abc123.wandb': garbage });
    const doc = await read(dir);
    expect(doc.metrics).toEqual({ loss: 0.5 });
    expect(warnings(doc)).toEqual([
      expect.stringMatching(
        /^not read: .*run-abc123\.wandb at byte 0: not a W&B run log \(run-<id>\.wandb\): /,
      ),
    ]);
    dir = tree({ 'run-abc123.wandb': garbage });
    await expect(read(dir)).rejects.toThrow(ParseError);
  });

  it('does not open a log that is a link leading out of the folder', async () => {
    const outside = file(log(records), 'run-zzz.wandb');
    const dir = tree({ 'files/wandb-summary.json': '{"loss": 0.5}' });
    symlinkSync(outside, join(dir, 'run-abc123.wandb'));
    const doc = await read(dir);
    expect(doc.series).toEqual({});
    expect(warnings(doc)).toEqual([
      `not opened: ${join(dir, 'run-abc123.wandb')} (a symbolic link that leads outside the folder)`,
    ]);
  });
});

describe('a large log', () => {
  it('writes rows by hand exactly as the encoder does', () => {
    const values = { 'train/loss': '0.125', lr: '0.0003' };
    expect(new RowWriter().row(300, values)).toEqual(row(300, values));
  });

  it('streams 50 MB of history into downsampled curves with exact statistics', async () => {
    // The throughput case (measured outside the tests: see docs/formats/wandb.md): the curves stay
    // within their point budget, the statistics count every row.
    const framer = new Framer(0, 51 * 1024 * 1024);
    const writer = new RowWriter();
    let step = 0;
    while (framer.size < 50 * 1024 * 1024) {
      const r = writer.row(step, {
        'train/loss': String(1 / (step + 1)),
        'train/acc': String(step / 1e6),
        lr: '0.0003',
        epoch: String(Math.floor(step / 1000)),
      });
      framer.add(r);
      step++;
    }
    const path = file(framer.finish().bytes);
    const doc = await read(path, 500);
    const loss = doc.series['train/loss']!;
    expect(loss.stats.count).toBe(step);
    expect(loss.stats.max).toBe(1);
    expect(loss.stats.last).toEqual({ step: step - 1, value: 1 / step, wallTime: 1700000000 + step - 1 });
    expect(loss.points.length).toBeLessThanOrEqual(500);
    expect(loss.downsampledFrom).toBe(step);
    expect(doc.metrics['_step']).toBe(step - 1);
    expect(warnings(doc)).toEqual([]);
    // Writing 230,000 rows and reading them back takes a few seconds; on a busy machine, more.
  }, 180_000);
});
