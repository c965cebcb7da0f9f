import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { ParseError } from '../../../packages/core/src/errors.js';
import { probePath } from '../../../packages/core/src/readers/files.js';
import { inspectAiReader, readInspectAi } from '../../../packages/core/src/readers/llm-eval/inspect-ai.js';
import { READERS } from '../../../packages/core/src/readers/registry.js';

const REAL = 'test/fixtures/real/inspect-ai';
const EVAL = `${REAL}/2025-02-11T15-18-04-05-00_popularity_mj7khqpMM4GBCfVQozKgzB.eval`;
const JSON_LOG = `${REAL}/every_eval_ever-data_arc_qwen.json`;
const options = { maxSeriesPoints: 500 };
const work = mkdtempSync(join(tmpdir(), 'mlci-inspect-'));
let counter = 0;

function file(name: string, bytes: Uint8Array | string): string {
  const dir = join(work, `case-${counter++}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const notes = (doc: { sources: Array<{ notes: string[] }> }) =>
  doc.sources.flatMap((s) => s.notes).join('\n');
const warnings = (doc: { sources: Array<{ warnings: string[] }> }) =>
  doc.sources.flatMap((s) => s.warnings).join('\n');

/** A log header as Inspect writes it: one `match` scorer with accuracy and stderr. */
function header(overrides: Record<string, unknown> = {}, accuracy = 0.5): Record<string, unknown> {
  return {
    version: 2,
    status: 'success',
    eval: { task: 'demo', model: 'openai/gpt-4o-mini', dataset: { name: 'demo', samples: 4 } },
    results: {
      total_samples: 4,
      completed_samples: 4,
      scores: [
        {
          name: 'match',
          scorer: 'match',
          metrics: {
            accuracy: { name: 'accuracy', value: accuracy },
            stderr: { name: 'stderr', value: 0.1 },
          },
        },
      ],
    },
    ...overrides,
  };
}

function archive(entries: Record<string, unknown>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(entries).map(([name, value]) => [name, strToU8(JSON.stringify(value))]),
    ),
  );
}

/** Rewrites what the central directory says an entry inflates to (a lying archive). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(out.subarray(at + 46, at + 46 + length)) === name) {
      view.setUint32(at + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

describe('inspect-ai: the real logs', () => {
  it(".eval: the scorer's metrics, and each sample's reduced score from reductions.json", async () => {
    const doc = await readInspectAi(EVAL, options);
    expect(doc.metrics).toEqual({
      'popularity.completed_samples': 10,
      'popularity.input_tokens': 620,
      'popularity.match.accuracy': 0.8,
      'popularity.match.stderr': 0.13333333333333333,
      'popularity.output_tokens': 20,
      'popularity.total_samples': 10,
      'popularity.total_tokens': 640,
    });
    expect(doc.params).toMatchObject({ model: 'openai/gpt-4o-mini', task: 'popularity', status: 'success' });
    expect(doc.examples).toEqual([
      {
        task: 'popularity.match',
        file: `${EVAL} (reductions.json)`,
        ids: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
        scores: { accuracy: [1, 1, 0, 1, 1, 1, 0, 1, 1, 1] },
      },
    ]);
    expect(notes(doc)).toContain("evaluated 10 of the dataset's 100 samples");
  });

  it('.json: the same, with the task of a registry name and C/I values read as 1/0', async () => {
    const doc = await readInspectAi(JSON_LOG, options);
    expect(doc.metrics['arc_easy.choice.accuracy']).toBe(0.3333333333333333);
    expect(doc.metrics['arc_easy.choice.stderr']).toBe(0.33333333333333337);
    expect(doc.params['task']).toBe('inspect_evals/arc_easy');
    expect(doc.examples?.map((e) => [e.task, e.ids, e.scores])).toEqual([
      ['arc_easy.choice', ['1', '2', '3'], { accuracy: [1, 0, 0] }],
    ]);
  });

  it('claims both forms above every other reader', async () => {
    for (const path of [EVAL, JSON_LOG, REAL]) {
      const probe = await probePath(path);
      const mine = inspectAiReader.detect(probe);
      expect(mine).toBeGreaterThan(0);
      for (const other of READERS.filter((r) => r.format !== 'inspect-ai'))
        expect(other.detect(probe)).toBeLessThan(mine);
    }
  });
});

describe('inspect-ai: rules', () => {
  it('a status other than success is a warning', async () => {
    const log = file(
      'log.json',
      JSON.stringify(
        header({ status: 'error', error: { message: 'RateLimitError: too many requests\ntrace' } }),
      ),
    );
    const doc = await readInspectAi(log, options);
    expect(warnings(doc)).toContain(
      "the evaluation's status is error (RateLimitError: too many requests), not success",
    );
    expect(doc.metrics['demo.match.accuracy']).toBe(0.5);
  });

  it('without reductions, a sample is the mean of its epochs, and says so', async () => {
    const sample = (id: number, epoch: number, value: string) => ({
      id,
      epoch,
      scores: { match: { value } },
    });
    const log = file(
      'log.json',
      JSON.stringify({
        ...header(),
        samples: [
          sample(1, 1, 'C'),
          sample(1, 2, 'I'),
          sample(2, 1, 'C'),
          sample(2, 2, 'C'),
          sample(3, 1, 'P'),
        ],
      }),
    );
    const doc = await readInspectAi(log, options);
    expect(doc.examples?.[0]).toMatchObject({ ids: ['1', '2', '3'], scores: { accuracy: [0.5, 1, 0.5] } });
    expect(notes(doc)).toContain(
      "2 epochs and no reductions: each sample's value is its mean over its epochs",
    );
  });

  it('a scorer of several values has one score per key, each with its own examples', async () => {
    const log = file(
      'log.eval',
      archive({
        'header.json': header({
          results: {
            scores: [
              { name: 'correct', scorer: 'judge', metrics: { mean: { value: 0.5 } } },
              { name: 'style', scorer: 'judge', metrics: { mean: { value: 3 }, std: { value: 1 } } },
            ],
          },
        }),
        'reductions.json': [
          {
            scorer: 'judge',
            samples: [
              { sample_id: 'a', value: { correct: 'C', style: 2 } },
              { sample_id: 'b', value: { correct: 'I', style: 4 } },
            ],
          },
        ],
      }),
    );
    const doc = await readInspectAi(log, options);
    expect(doc.metrics).toMatchObject({
      'demo.correct.mean': 0.5,
      'demo.style.mean': 3,
      'demo.style.std': 1,
    });
    expect(doc.examples?.map((e) => [e.task, e.scores])).toEqual([
      ['demo.correct', { mean: [1, 0] }],
      ['demo.style', { mean: [2, 4] }],
    ]);
  });

  it('a log still being written: the journal, with a warning', async () => {
    const log = file(
      'log.eval',
      archive({
        '_journal/start.json': { version: 2, eval: { task: 'demo', model: 'm' } },
        '_journal/summaries/1.json': [{ id: 1, epoch: 1, scores: { match: { value: 'C' } } }],
      }),
    );
    const doc = await readInspectAi(log, options);
    expect(warnings(doc)).toContain('no header.json, only the journal of a log still being written');
    expect(doc.params['status']).toBe('started');
    expect(doc.examples).toBeUndefined();
  });

  it('refuses an archive that is no Inspect log, and a file cut off', async () => {
    await expect(readInspectAi(file('x.eval', archive({ 'other.json': {} })), options)).rejects.toThrow(
      /expected an Inspect AI \.eval log \(a zip archive with header\.json\), found an archive of other\.json/,
    );
    const whole = archive({ 'header.json': header() });
    await expect(
      readInspectAi(file('cut.eval', whole.subarray(0, whole.length - 30)), options),
    ).rejects.toThrow(/no end-of-central-directory record/);
    await expect(
      readInspectAi(file('log.json', '{"version": 2, "status": "success"}'), options),
    ).rejects.toThrow(ParseError);
  });
});

describe('inspect-ai: zip bombs', () => {
  it('refuses an entry that inflates to more than it declares, without inflating it all', async () => {
    // 16 MB of spaces inside header.json deflate to about 16 KB; the archive says 1,000 bytes.
    const padded = strToU8(JSON.stringify(header()) + ' '.repeat(16 * 1024 * 1024));
    const bomb = declareSize(zipSync({ 'header.json': padded }), 'header.json', 1000);
    await expect(readInspectAi(file('bomb.eval', bomb), options)).rejects.toThrow(
      /entry header\.json inflates to more than the 1000 bytes it declares; refused \(a zip bomb, or a damaged archive\)/,
    );
  });

  it('refuses an entry that declares more than the cap, before inflating anything', async () => {
    const big = declareSize(archive({ 'header.json': header() }), 'header.json', 3_000_000_000);
    await expect(readInspectAi(file('big.eval', big), options)).rejects.toThrow(
      /entry header\.json declares 3000000000 bytes; mlci inflates at most 268435456 per entry/,
    );
  });

  it('refuses an entry that inflates to less than it declares (a damaged archive)', async () => {
    const short = declareSize(archive({ 'header.json': header() }), 'header.json', 100_000);
    await expect(readInspectAi(file('short.eval', short), options)).rejects.toThrow(
      /entry header\.json inflates to \d+ bytes, but declares 100000/,
    );
  });
});

describe('inspect-ai: what an archive read inflates', () => {
  it('leaves the summaries alone when the reductions cover every scorer', async () => {
    // summaries.json here would be refused if inflated (it lies about its size): it is not read.
    const zip = archive({
      'header.json': header(),
      'reductions.json': [{ scorer: 'match', samples: [{ sample_id: 1, value: 'C' }] }],
      'summaries.json': [{ id: 1, epoch: 1, scores: { match: { value: 'I' } } }],
    });
    const doc = await readInspectAi(file('log.eval', declareSize(zip, 'summaries.json', 1)), options);
    expect(doc.examples?.[0]?.scores).toEqual({ accuracy: [1] });
  });

  it('reads a zip64 archive (its end records point at the directory)', async () => {
    const zip = archive({
      'header.json': header(),
      'reductions.json': [{ scorer: 'match', samples: [{ sample_id: 1, value: 'C' }] }],
    });
    const view = new DataView(zip.buffer, zip.byteOffset);
    const eocd = zip.length - 22;
    const count = view.getUint16(eocd + 10, true);
    const size = view.getUint32(eocd + 12, true);
    const offset = view.getUint32(eocd + 16, true);
    // A zip64 end record and its locator before the classic record, whose fields then say "see zip64".
    const record = new DataView(new ArrayBuffer(56));
    record.setUint32(0, 0x06064b50, true);
    record.setBigUint64(4, 44n, true);
    record.setBigUint64(24, BigInt(count), true);
    record.setBigUint64(32, BigInt(count), true);
    record.setBigUint64(40, BigInt(size), true);
    record.setBigUint64(48, BigInt(offset), true);
    const locator = new DataView(new ArrayBuffer(20));
    locator.setUint32(0, 0x07064b50, true);
    locator.setBigUint64(8, BigInt(eocd), true);
    locator.setUint32(16, 1, true);
    const end = zip.slice(eocd);
    const endView = new DataView(end.buffer);
    endView.setUint16(8, 0xffff, true);
    endView.setUint16(10, 0xffff, true);
    endView.setUint32(12, 0xffffffff, true);
    endView.setUint32(16, 0xffffffff, true);
    const zip64 = new Uint8Array(eocd + 56 + 20 + 22);
    zip64.set(zip.subarray(0, eocd));
    zip64.set(new Uint8Array(record.buffer), eocd);
    zip64.set(new Uint8Array(locator.buffer), eocd + 56);
    zip64.set(end, eocd + 76);
    const doc = await readInspectAi(file('log.eval', zip64), options);
    expect(doc.metrics['demo.match.accuracy']).toBe(0.5);
    expect(doc.examples?.[0]?.scores).toEqual({ accuracy: [1] });
  });
});

describe('inspect-ai: a folder of logs', () => {
  it('reads the newest log of each task; --run names one', async () => {
    const dir = join(work, `logs-${counter++}`);
    mkdirSync(dir);
    const log = (name: string, task: string, accuracy: number) =>
      writeFileSync(
        join(dir, name),
        archive({
          'header.json': header({ eval: { task, model: 'm' } }, accuracy),
          'reductions.json': [{ scorer: 'match', samples: [{ sample_id: 1, value: accuracy }] }],
        }),
      );
    log('2025-01-01T10-00-00+00-00_demo_AAAA.eval', 'demo', 0.1);
    log('2025-01-02T10-00-00+00-00_demo_BBBB.eval', 'demo', 0.2);
    log('2025-01-01T09-00-00+00-00_other_CCCC.eval', 'other', 0.3);
    writeFileSync(join(dir, 'logs.json'), '{}');
    const doc = await readInspectAi(dir, options);
    expect(doc.metrics['demo.match.accuracy']).toBe(0.2);
    expect(doc.metrics['other.match.accuracy']).toBe(0.3);
    expect(doc.examples?.map((e) => e.task)).toEqual(['demo.match', 'other.match']);
    expect(notes(doc)).toContain('read the newest log of each of 2 tasks');
    expect(notes(doc)).toContain('1 older log not read');
    const one = await readInspectAi(dir, { ...options, run: 'AAAA' });
    expect(one.metrics['demo.match.accuracy']).toBe(0.1);
    expect(one.metrics['other.match.accuracy']).toBeUndefined();
  });
});
