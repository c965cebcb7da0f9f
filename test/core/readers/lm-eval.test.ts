import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, ParseError } from '../../../packages/core/src/errors.js';
import { probePath } from '../../../packages/core/src/readers/files.js';
import { lmEvalReader, readLmEval } from '../../../packages/core/src/readers/llm-eval/lm-eval.js';
import { READERS } from '../../../packages/core/src/readers/registry.js';
import { decodeMetricsDoc } from '../../../packages/core/src/documents.js';
import { toJsonDoc } from '../../../packages/core/src/serialize.js';

const REAL = 'test/fixtures/real/lm-eval';
const QWEN = `${REAL}/qwen3-8b-negotiationtom`;
const QWEN_TS = '2026-07-08T18-15-33.115417';
const FLOR = `${REAL}/flor-760m-eqbench`;
const FLOR_RESULTS = `${FLOR}/results_FLOR-760M_2025-07-21T1441-16_2025-07-21T14-41-47.889425.json`;
const options = { maxSeriesPoints: 500 };
const work = mkdtempSync(join(tmpdir(), 'mlci-lm-eval-'));
let counter = 0;

function folder(files: Record<string, string>): string {
  const dir = join(work, `case-${counter++}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, ...name.split('/'));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

const results = (rows: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ results: rows, ...extra });
const samples = (rows: Array<Record<string, unknown>>) =>
  rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const notes = (doc: { sources: Array<{ notes: string[] }> }) =>
  doc.sources.flatMap((s) => s.notes).join('\n');

describe('lm-eval: the real Qwen3-8B negotiationtom run', () => {
  it('reads every task and the group beside them, with lm-eval keys minus ",none"', async () => {
    const doc = await readLmEval(QWEN, options);
    expect(doc.metrics).toMatchObject({
      'negotiationtom_belief.acc': 0.45,
      'negotiationtom_belief.acc_stderr': 0.11413288653790232,
      'negotiationtom_desire.acc': 0.6,
      'negotiationtom_intention.micro_f1': 0.2857142857142857,
      'negotiationtom_intention.macro_f1': 0.24025974025974023,
      'negotiationtom_intention.exact_match': 0.2,
      'negotiationtom_intention.exact_match_stderr': 0.0917662935482247,
      'negotiationtom.acc': 0.525,
      total_evaluation_time_seconds: 165.4830966689624,
    });
    // "N/A" standard errors are not metrics; name, alias, sample_len and sample_count neither.
    expect(
      Object.keys(doc.metrics).filter((k) => /micro_f1_stderr|name|alias|sample_len|sample_count/.test(k)),
    ).toEqual([]);
    expect(notes(doc)).toContain(
      'not computed by lm-eval ("N/A"), so not read: negotiationtom_intention.micro_f1_stderr',
    );
    expect(notes(doc)).toContain(
      'negotiationtom (of negotiationtom_belief, negotiationtom_desire, negotiationtom_intention)',
    );
    expect(notes(doc)).toContain('negotiationtom_belief 20 of 13812');
    expect(doc.params).toMatchObject({
      model: 'Qwen/Qwen3-8B',
      lm_eval_version: '0.4.13.dev0',
      'negotiationtom_belief.n_samples': 20,
      'config.limit': 20,
      'config.model_args.pretrained': 'Qwen/Qwen3-8B',
    });
  });

  it("pairs each task's samples file by the timestamp: per-example acc and exact_match, not the [gold, pred] lists", async () => {
    const doc = await readLmEval(QWEN, options);
    const byTask = Object.fromEntries((doc.examples ?? []).map((e) => [e.task, e]));
    expect(Object.keys(byTask)).toEqual([
      'negotiationtom_belief',
      'negotiationtom_desire',
      'negotiationtom_intention',
    ]);
    const belief = byTask['negotiationtom_belief']!;
    expect(belief.file).toBe(`${QWEN}/samples_negotiationtom_belief_${QWEN_TS}.jsonl`);
    expect(belief.ids).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    expect(belief.scores['acc']).toEqual([0, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    // The mean of the examples is the results file's acc: 9 of 20.
    expect(belief.scores['acc']!.reduce((a, b) => a + b) / 20).toBe(doc.metrics['negotiationtom_belief.acc']);
    expect(Object.keys(byTask['negotiationtom_intention']!.scores)).toEqual(['exact_match']);
    expect(notes(doc)).toMatch(/per-example micro_f1, macro_f1 of negotiationtom_intention are not numbers/);
  });

  it('reads the samples beside a results file given alone, and the run from its parent folder', async () => {
    const alone = await readLmEval(`${QWEN}/results_${QWEN_TS}.json`, options);
    expect(alone.examples?.map((e) => e.task)).toEqual([
      'negotiationtom_belief',
      'negotiationtom_desire',
      'negotiationtom_intention',
    ]);
    // The parent holds two models' folders (lm-eval's <output_path>/<model>/ layout): the newest run.
    const parent = await readLmEval(REAL, options);
    expect(parent.metrics['negotiationtom_belief.acc']).toBe(0.45);
    expect(notes(parent)).toContain(
      `read run ${QWEN_TS} (qwen3-8b-negotiationtom/results_${QWEN_TS}.json), the newest with a results file of 2 runs`,
    );
    const older = await readLmEval(REAL, { ...options, run: '2025-07-21T14-41-47.889425' });
    expect(older.metrics['eqbench_ca.eqbench']).toBe(0);
  });

  it('survives a state file: examples come back from the JSON the actions hand on', async () => {
    const doc = await readLmEval(QWEN, options);
    const back = decodeMetricsDoc(JSON.parse(JSON.stringify(toJsonDoc(doc))));
    expect(back.examples).toEqual(doc.examples);
  });
});

describe('lm-eval: the real FLOR-760M eqbench run', () => {
  it('reads metrics that are exactly 0 as 0, from a results name with a run prefix', async () => {
    const doc = await readLmEval(FLOR_RESULTS, options);
    expect(doc.metrics).toEqual({
      'eqbench_ca.eqbench': 0,
      'eqbench_ca.eqbench_stderr': 0,
      'eqbench_ca.percent_parseable': 0,
      'eqbench_ca.percent_parseable_stderr': 0,
      'eqbench_es.eqbench': 0,
      'eqbench_es.eqbench_stderr': 0,
      'eqbench_es.percent_parseable': 0,
      'eqbench_es.percent_parseable_stderr': 0,
      total_evaluation_time_seconds: 22.86740917013958,
    });
    expect(doc.examples?.map((e) => [e.task, e.ids.length, e.scores['eqbench']])).toEqual([
      ['eqbench_ca', 10, Array(10).fill(0)],
      ['eqbench_es', 10, Array(10).fill(0)],
    ]);
    // eqbench_ca has no subtasks: an empty group_subtasks list is a task, not a group.
    expect(notes(doc)).not.toContain('groups');
  });
});

describe('lm-eval: detection', () => {
  it('claims its files and folders above every other reader', async () => {
    for (const path of [
      QWEN,
      REAL,
      `${QWEN}/results_${QWEN_TS}.json`,
      FLOR_RESULTS,
      `${QWEN}/samples_negotiationtom_belief_${QWEN_TS}.jsonl`,
    ]) {
      const probe = await probePath(path);
      const mine = lmEvalReader.detect(probe);
      expect(mine).toBeGreaterThan(0);
      for (const other of READERS.filter((r) => r.format !== 'lm-eval')) {
        if (other.target === (probe.isDirectory ? 'file' : 'directory')) continue;
        expect(other.detect(probe)).toBeLessThan(mine);
      }
    }
  });

  it('knows a renamed results file by its content, and leaves other JSON alone', async () => {
    const dir = folder({
      'eval.json': results({ arc: { 'acc,none': 0.5 } }),
      'metrics.json': '{"results": {"accuracy": 0.9}}',
    });
    expect(lmEvalReader.detect(await probePath(join(dir, 'eval.json')))).toBeGreaterThan(0);
    expect(lmEvalReader.detect(await probePath(join(dir, 'metrics.json')))).toBe(0);
  });
});

describe('lm-eval: rules', () => {
  it('keeps a filter other than none in the key, and pairs each filter of a row', async () => {
    const ts = '2024-01-02T03-04-05.000001';
    const dir = folder({
      [`results_${ts}.json`]: results({
        gsm8k: {
          alias: 'gsm8k',
          'exact_match,strict-match': 0.5,
          'exact_match_stderr,strict-match': 0.25,
          'exact_match,flexible-extract': 1,
        },
      }),
      [`samples_gsm8k_${ts}.jsonl`]: samples([
        { doc_id: 0, filter: 'strict-match', metrics: ['exact_match'], exact_match: 1 },
        { doc_id: 0, filter: 'flexible-extract', metrics: ['exact_match'], exact_match: 1 },
        { doc_id: 1, filter: 'strict-match', metrics: ['exact_match'], exact_match: 0 },
        { doc_id: 1, filter: 'flexible-extract', metrics: ['exact_match'], exact_match: true },
      ]),
    });
    const doc = await readLmEval(dir, options);
    expect(doc.metrics).toEqual({
      'gsm8k.exact_match,strict-match': 0.5,
      'gsm8k.exact_match_stderr,strict-match': 0.25,
      'gsm8k.exact_match,flexible-extract': 1,
    });
    expect(doc.examples).toEqual([
      {
        task: 'gsm8k',
        file: join(dir, `samples_gsm8k_${ts}.jsonl`),
        ids: ['0', '1'],
        scores: { 'exact_match,strict-match': [1, 0], 'exact_match,flexible-extract': [1, 1] },
      },
    ]);
  });

  it('reads the newest of several runs in a folder and says so; --run picks another', async () => {
    const old = '2024-01-01T00-00-00.000000';
    const recent = '2024-02-01T00-00-00.000000';
    const dir = folder({
      [`results_${old}.json`]: results({ arc: { 'acc,none': 0.4 } }),
      [`results_${recent}.json`]: results({ arc: { 'acc,none': 0.6 } }),
      [`samples_arc_${old}.jsonl`]: samples([{ doc_id: 0, acc: 0 }]),
    });
    const doc = await readLmEval(dir, options);
    expect(doc.metrics['arc.acc']).toBe(0.6);
    expect(doc.examples).toBeUndefined();
    expect(notes(doc)).toContain(
      `read run ${recent} (results_${recent}.json), the newest with a results file of 2 runs`,
    );
    expect(notes(doc)).toContain('no samples_<task>_<timestamp>.jsonl beside the results');
    const chosen = await readLmEval(dir, { ...options, run: old });
    expect(chosen.metrics['arc.acc']).toBe(0.4);
    expect(chosen.examples?.[0]?.scores['acc']).toEqual([0]);
    await expect(readLmEval(dir, { ...options, run: '2023' })).rejects.toThrow(
      /no lm-eval run matches --run "2023"[\s\S]*2024-02-01T00-00-00\.000000 {2}results_2024-02-01T00-00-00\.000000\.json/,
    );
    await expect(readLmEval(dir, { ...options, run: '2024-0' })).rejects.toThrow(/matches 2 lm-eval runs/);
  });

  it('notes that the mean of the examples disagrees with the results (samples of another run)', async () => {
    const ts = '2024-01-02T03-04-05.000001';
    const dir = folder({
      [`results_${ts}.json`]: results({ arc: { 'acc,none': 0.9 } }),
      [`samples_arc_${ts}.jsonl`]: samples([
        { doc_id: 0, acc: 1 },
        { doc_id: 1, acc: 0 },
      ]),
    });
    expect(notes(await readLmEval(dir, options))).toContain(
      'the mean of the per-example values differs from the results file for arc.acc',
    );
  });

  it('refuses a results file without results, and a samples row without doc_id, naming the line', async () => {
    const ts = '2024-01-02T03-04-05.000001';
    const bad = folder({ [`results_${ts}.json`]: '{"versions": {}}' });
    await expect(readLmEval(join(bad, `results_${ts}.json`), options)).rejects.toThrow(
      /\(key "results"\): expected lm-evaluation-harness results: an object whose "results" maps each task to its metrics, found nothing/,
    );
    const noId = folder({
      [`results_${ts}.json`]: results({ arc: { 'acc,none': 1 } }),
      [`samples_arc_${ts}.jsonl`]: samples([{ doc_id: 0, acc: 1 }, { acc: 1 }]),
    });
    await expect(readLmEval(noId, options)).rejects.toThrow(/samples_arc_.*\.jsonl:2: expected "doc_id"/);
    const twice = folder({
      [`results_${ts}.json`]: results({ arc: { 'acc,none': 1 } }),
      [`samples_arc_${ts}.jsonl`]: samples([
        { doc_id: 0, acc: 1 },
        { doc_id: 0, acc: 0 },
      ]),
    });
    await expect(readLmEval(twice, options)).rejects.toThrow(/:2: doc_id 0 has a second row/);
    await expect(readLmEval(folder({ 'notes.txt': 'x' }), options)).rejects.toBeInstanceOf(
      ConfigurationError,
    );
    await expect(readLmEval(join(bad, `results_${ts}.json`), options)).rejects.toBeInstanceOf(ParseError);
  });

  it('does not follow a samples file linked from outside the folder', async () => {
    const ts = '2024-01-02T03-04-05.000001';
    const outside = folder({ 'secret.jsonl': samples([{ doc_id: 0, acc: 1 }]) });
    const dir = folder({ [`results_${ts}.json`]: results({ arc: { 'acc,none': 1 } }) });
    symlinkSync(join(outside, 'secret.jsonl'), join(dir, `samples_arc_${ts}.jsonl`));
    const doc = await readLmEval(dir, options);
    expect(doc.examples).toBeUndefined();
    expect(doc.sources[0]!.warnings.join('\n')).toContain(
      `samples_arc_${ts}.jsonl (a symbolic link that leads outside the folder)`,
    );
  });

  it('reads a samples file alone: its metrics are the means of its examples', async () => {
    const doc = await readLmEval(`${QWEN}/samples_negotiationtom_desire_${QWEN_TS}.jsonl`, options);
    expect(doc.metrics).toEqual({ 'negotiationtom_desire.acc': 0.6 });
    expect(notes(doc)).toContain('read a samples file alone');
  });
});
