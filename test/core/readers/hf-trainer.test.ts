import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ConfigurationError, MlciError, ParseError } from '../../../packages/core/src/errors.js';
import { probePath } from '../../../packages/core/src/readers/files.js';
import { hfTrainerReader } from '../../../packages/core/src/readers/hf-trainer.js';
import { chooseReader, readMetricsPath } from '../../../packages/core/src/readers/registry.js';

const REAL = 'test/fixtures/real/hf-trainer';
const WHISPER = `${REAL}/whisper-ja`;
const work = mkdtempSync(join(tmpdir(), 'mlci-hf-'));
let counter = 0;

function folder(files: Record<string, string>): string {
  const dir = join(work, `case-${counter++}`);
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, ...name.split('/'));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

describe('hf-trainer: the real whisper-ja output folder', () => {
  it('is detected as a Hugging Face Trainer folder, and so are its files', async () => {
    expect(chooseReader(await probePath(WHISPER))?.format).toBe('hf-trainer');
    for (const name of [
      'trainer_state.json',
      'all_results.json',
      'eval_results.json',
      'train_results.json',
    ]) {
      expect(chooseReader(await probePath(`${WHISPER}/${name}`))?.format).toBe('hf-trainer');
    }
  });

  it('reads curves from log_history, the top-level state and the *_results.json summaries', async () => {
    const doc = await readMetricsPath(WHISPER);
    expect(doc.metrics['best_metric']).toBe(0.7431560204762965);
    expect(doc.metrics['global_step']).toBe(5000);
    expect(doc.metrics['total_flos']).toBe(5.27162132754432e20);
    // *_results.json wins over trainer_state.json's own epoch (38.16793893129771).
    expect(doc.metrics['epoch']).toBe(38.17);
    expect(doc.metrics['eval_wer']).toBe(0.7449365679946583);
    expect(doc.metrics['eval_samples']).toBe(4485);
    expect(doc.metrics['eval_runtime']).toBe(1712.6978); // results; the log entry said 1710.8673
    expect(doc.metrics['train_loss']).toBe(0.01890342615880072);
    expect(doc.metrics['train_runtime']).toBe(77350.9963);
    expect(doc.metrics['loss']).toBe(0.0002);

    const wer = doc.series['eval_wer']!;
    expect(wer.points.map((p) => p.step)).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(wer.points.map((p) => p.value)).toEqual([
      0.78878255063432, 0.7478299577119965, 0.7431560204762965, 0.7442688626752726, 0.7449365679946583,
    ]);
    expect(wer.stats.min).toBe(doc.metrics['best_metric']);
    expect(wer.stats.minStep).toBe(3000);

    const loss = doc.series['loss']!;
    expect(loss.stats.count).toBe(200);
    expect(loss.stats.first).toEqual({ step: 25, value: 0.3048 });
    expect(loss.stats.last).toEqual({ step: 5000, value: 0.0002 });
    expect(loss.stats.min).toBe(0.0001);
    expect(loss.stats.max).toBe(0.3048);
    expect(doc.series['learning_rate']!.stats.count).toBe(200);
    // epoch: one point per step although steps 1000..5000 also carry eval (and summary) entries.
    expect(doc.series['epoch']!.stats.count).toBe(200);
    expect(doc.series['epoch']!.stats.last).toEqual({ step: 5000, value: 38.17 });
    // Logged once (final summary entry): a metric, not a curve.
    expect(doc.series['train_runtime']).toBeUndefined();
    expect(doc.series['step']).toBeUndefined();

    expect(doc.params).toEqual({
      best_model_checkpoint: '/storage/elsayedissa/whisper-large-v2-japanese-24h/checkpoint-3000',
      is_hyper_param_search: false,
      is_local_process_zero: true,
      is_world_process_zero: true,
      max_steps: 5000,
      num_train_epochs: 39,
    });
    const source = doc.sources[0]!;
    expect(source.format).toBe('hf-trainer');
    expect(source.notes).toContain(
      'read trainer_state.json, all_results.json, eval_results.json, train_results.json',
    );
    expect(source.notes).toContain('not set in this run: trial_name, trial_params');
    expect(source.warnings).toEqual([]);
  });

  it('reads trainer_state.json on its own', async () => {
    const doc = await readMetricsPath(`${WHISPER}/trainer_state.json`);
    expect(doc.metrics['epoch']).toBe(38.16793893129771);
    expect(doc.metrics['eval_runtime']).toBe(1710.8673);
    expect(doc.metrics['train_runtime']).toBe(77350.9963);
    expect(doc.metrics['train_samples_per_second']).toBe(3.232);
    expect(doc.metrics['eval_samples']).toBeUndefined();
    expect(Object.keys(doc.series).sort()).toEqual([
      'epoch',
      'eval_loss',
      'eval_runtime',
      'eval_samples_per_second',
      'eval_steps_per_second',
      'eval_wer',
      'learning_rate',
      'loss',
    ]);
  });

  it('reads a *_results.json file as flat summary metrics', async () => {
    const doc = await readMetricsPath(`${WHISPER}/train_results.json`);
    expect(doc.metrics).toEqual({
      epoch: 38.17,
      train_loss: 0.01890342615880072,
      train_runtime: 77350.9963,
      train_samples: 6505,
      train_samples_per_second: 3.232,
      train_steps_per_second: 0.065,
    });
    expect(doc.sources[0]!.format).toBe('hf-trainer');
  });

  it('reads the renamed seq2seq all_results.json as results when --format hf-trainer says so', async () => {
    const doc = await readMetricsPath(`${REAL}/all_results-transformers-seq2seq-test.json`, { format: 'hf' });
    expect(doc.metrics).toEqual({
      epoch: 1,
      eval_bleu: 0,
      eval_gen_len: 12,
      eval_loss: 596.380859375,
      test_bleu: 0,
      test_gen_len: 12,
      test_loss: Number('572.8933715820312'), // as written; a literal trips no-loss-of-precision
      total_flos: 581121792,
    });
    expect(doc.params).toEqual({});
  });
});

describe('hf-trainer: generated edge cases', () => {
  const state = (extra: Record<string, unknown>, history: string) =>
    `{\n  "best_metric": null,\n  "global_step": 3,\n  "log_history": ${history},\n  "max_steps": 3${Object.entries(
      extra,
    )
      .map(([k, v]) => `,\n  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join('')}\n}\n`;

  it('keeps NaN and Infinity written as bare tokens (a diverged run)', async () => {
    const dir = folder({
      'trainer_state.json': state(
        {},
        '[{"epoch": 0.1, "grad_norm": NaN, "loss": 2.5, "step": 1}, {"epoch": 0.2, "grad_norm": Infinity, "loss": NaN, "step": 2}, {"epoch": 0.3, "grad_norm": 1.5, "loss": NaN, "step": 3}]',
      ),
    });
    const doc = await readMetricsPath(dir);
    expect(doc.metrics['loss']).toBeNaN();
    expect(doc.series['loss']!.stats.nonFinite).toBe(2);
    expect(doc.series['grad_norm']!.stats.count).toBe(3);
    expect(doc.series['grad_norm']!.stats.nonFinite).toBe(2);
    expect(doc.metrics['grad_norm']).toBe(1.5);
    expect(doc.sources[0]!.notes).toContain('not set in this run: best_metric');
  });

  it('uses the entry position as the step when an entry has none, and says so', async () => {
    const path = join(
      folder({ 'trainer_state.json': state({}, '[{"loss": 3}, {"loss": 2}, {"loss": 1, "step": 10}]') }),
      'trainer_state.json',
    );
    const doc = await readMetricsPath(path);
    expect(doc.series['loss']!.points.map((p) => [p.step, p.value])).toEqual([
      [0, 3],
      [1, 2],
      [10, 1],
    ]);
    expect(doc.sources[0]!.notes.join(' ')).toMatch(/2 log_history entries have no numeric "step"/);
  });

  it('flattens stateful_callbacks and trial_params into params and keeps newer top-level fields', async () => {
    const path = join(
      folder({
        'trainer_state.json': state(
          {
            best_global_step: 2,
            num_input_tokens_seen: 4096,
            train_batch_size: 8,
            trial_name: 'trial-7',
            trial_params: { learning_rate: 0.001, seed: 3 },
            stateful_callbacks: {
              TrainerControl: { args: { should_training_stop: true }, attributes: {} },
              EarlyStoppingCallback: {
                args: { early_stopping_patience: 2 },
                attributes: { early_stopping_patience_counter: 1 },
              },
            },
          },
          '[{"loss": 1.0, "step": 1}, {"loss": 0.5, "step": 2}]',
        ),
      }),
      'trainer_state.json',
    );
    const doc = await readMetricsPath(path);
    expect(doc.metrics['num_input_tokens_seen']).toBe(4096);
    expect(doc.params).toMatchObject({
      best_global_step: 2,
      train_batch_size: 8,
      trial_name: 'trial-7',
      'trial_params.learning_rate': 0.001,
      'trial_params.seed': 3,
      'stateful_callbacks.TrainerControl.args.should_training_stop': true,
      'stateful_callbacks.EarlyStoppingCallback.args.early_stopping_patience': 2,
      'stateful_callbacks.EarlyStoppingCallback.attributes.early_stopping_patience_counter': 1,
    });
  });

  it('falls back to the highest-numbered checkpoint-N/trainer_state.json, and says which', async () => {
    const dir = folder({
      'checkpoint-500/trainer_state.json': state({}, '[{"loss": 2, "step": 250}, {"loss": 1, "step": 500}]'),
      'checkpoint-1000/trainer_state.json': state(
        {},
        '[{"loss": 2, "step": 250}, {"loss": 1, "step": 500}, {"loss": 0.5, "step": 1000}]',
      ),
      'checkpoint-1000/config.json': '{"hidden_size": 768}',
    });
    expect(chooseReader(await probePath(dir))?.format).toBe('hf-trainer');
    const doc = await readMetricsPath(dir);
    expect(doc.metrics['loss']).toBe(0.5);
    expect(doc.series['loss']!.stats.count).toBe(3);
    expect(doc.metrics['hidden_size']).toBeUndefined();
    expect(doc.sources[0]!.notes.join(' ')).toMatch(
      /read checkpoint-1000\/trainer_state\.json, the highest-numbered of 2 checkpoints/,
    );
  });

  it('lets *_results.json win over the last point of a curve', async () => {
    const dir = folder({
      'trainer_state.json': state(
        {},
        '[{"eval_accuracy": 0.8, "step": 1}, {"eval_accuracy": 0.85, "step": 2}]',
      ),
      'eval_results.json': '{"eval_accuracy": 0.9, "epoch": 3.0}',
    });
    const doc = await readMetricsPath(dir);
    expect(doc.metrics['eval_accuracy']).toBe(0.9);
    expect(doc.series['eval_accuracy']!.stats.last.value).toBe(0.85);
  });

  it('reports damage with its location', async () => {
    const bad = join(
      folder({
        'trainer_state.json':
          '{\n  "global_step": 3,\n  "log_history": [\n    {"loss": 0.5,, "step": 1}\n  ]\n}\n',
      }),
      'trainer_state.json',
    );
    await expect(readMetricsPath(bad)).rejects.toThrow(ParseError);
    await expect(readMetricsPath(bad)).rejects.toThrow(/trainer_state\.json:4:18: invalid JSON/);

    const notList = join(
      folder({ 'trainer_state.json': '{"global_step": 3, "log_history": {"loss": 1}}' }),
      'trainer_state.json',
    );
    await expect(readMetricsPath(notList)).rejects.toThrow(
      /\(key "log_history"\): expected a list of logged entries, found an object/,
    );

    const notObject = join(folder({ 'trainer_state.json': '[1, 2, 3]' }), 'trainer_state.json');
    await expect(readMetricsPath(notObject)).rejects.toThrow(/expected a JSON object with log_history/);

    const results = join(folder({ 'eval_results.json': '"done"' }), 'eval_results.json');
    await expect(readMetricsPath(results)).rejects.toThrow(/expected a JSON object of named results/);
  });

  it('keeps good entries and warns about entries that are not objects', async () => {
    const path = join(
      folder({ 'trainer_state.json': state({}, '[{"loss": 1, "step": 1}, 7, {"loss": 0.5, "step": 2}]') }),
      'trainer_state.json',
    );
    const doc = await readMetricsPath(path);
    expect(doc.series['loss']!.stats.count).toBe(2);
    expect(doc.sources[0]!.warnings).toEqual([
      `${path}: log_history[1] is the number 7, not an object of logged values; skipped`,
    ]);
  });

  it('skips non-numeric logged values with a note, naming each key once', async () => {
    const path = join(
      folder({
        'trainer_state.json': state(
          {},
          '[{"loss": 1, "phase": "warmup", "step": 1}, {"loss": 0.5, "phase": "main", "step": 2}]',
        ),
      }),
      'trainer_state.json',
    );
    const doc = await readMetricsPath(path);
    expect(doc.sources[0]!.notes.join(' ')).toMatch(/skipped 1 value .*log_history phase \(string\)/);
  });

  it('refuses a folder with no Trainer output when forced', async () => {
    const dir = folder({ 'config.json': '{}' });
    expect(hfTrainerReader.detect(await probePath(dir))).toBe(0);
    await expect(readMetricsPath(dir, { format: 'hf-trainer' })).rejects.toThrow(ConfigurationError);
  });
});

describe('hf-trainer: random and damaged input', () => {
  const real = new TextEncoder().encode(
    `{"best_metric": 0.5, "global_step": 4, "epoch": 1.0, "log_history": [{"epoch": 0.5, "grad_norm": NaN, "loss": 1.5, "step": 2}, {"epoch": 1.0, "eval_loss": 1.2, "step": 4}, {"step": 4, "train_runtime": 3.5}], "stateful_callbacks": {"TrainerControl": {"args": {"should_training_stop": true}}}, "trial_params": null}`,
  );
  const check = async (bytes: Uint8Array) => {
    const path = join(work, `fuzz-${counter++}`, 'trainer_state.json');
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, bytes);
    try {
      const doc = await readMetricsPath(path);
      expect(doc.sources[0]!.format).toBe('hf-trainer');
    } catch (error) {
      if (!(error instanceof MlciError)) throw error;
    }
  };

  it('returns a document or an MlciError for random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), check), { numRuns: 100 });
  });

  it('returns a document or an MlciError for a mutated trainer_state.json', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(real.length - 1), fc.integer({ min: 0, max: 255 }), fc.boolean()), {
          minLength: 1,
          maxLength: 6,
        }),
        async (edits) => {
          let bytes = Uint8Array.from(real);
          for (const [at, byte, cut] of edits) {
            if (cut) bytes = bytes.subarray(0, Math.min(at, bytes.length));
            else if (at < bytes.length) bytes[at] = byte;
          }
          await check(bytes);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('returns a document or an MlciError for random JSON shapes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue({ maxDepth: 4 }),
        fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
        async (top, history) => {
          const value =
            top !== null && typeof top === 'object' && !Array.isArray(top)
              ? { ...top, log_history: history }
              : top;
          await check(new TextEncoder().encode(JSON.stringify(value)));
        },
      ),
      { numRuns: 100 },
    );
  });
});
