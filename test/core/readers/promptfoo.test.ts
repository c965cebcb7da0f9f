import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParseError } from '../../../packages/core/src/errors.js';
import { probePath } from '../../../packages/core/src/readers/files.js';
import { promptfooReader, readPromptfoo } from '../../../packages/core/src/readers/llm-eval/promptfoo.js';
import { READERS } from '../../../packages/core/src/readers/registry.js';

const REAL = 'test/fixtures/real/promptfoo/tds-project-1-promptfoo_results.json';
const HTTP = 'https://tds-project-1-ruby-one\\.vercel\\.app/query';
const OPENAI = 'openai:chat:gpt-4o-mini';
const options = { maxSeriesPoints: 500 };
const work = mkdtempSync(join(tmpdir(), 'mlci-promptfoo-'));
let counter = 0;

function file(value: unknown): string {
  const dir = join(work, `case-${counter++}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'results.json');
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}

interface Row {
  test: string;
  success: boolean;
  score?: number;
  named?: Record<string, number>;
  promptIdx?: number;
  provider?: string;
  failureReason?: number;
  error?: string;
}

/** An output file as promptfoo eval -o writes it (version 3). */
function output(rows: Row[], stats?: Record<string, number>): unknown {
  const passes = rows.filter((r) => r.success).length;
  const errors = rows.filter((r) => r.failureReason === 2).length;
  return {
    evalId: 'eval-abc-2025-01-01T00:00:00',
    results: {
      version: 3,
      timestamp: '2025-01-01T00:00:00.000Z',
      prompts: [{ raw: 'Answer: {{question}}', label: 'Answer: {{question}}', provider: 'openai:gpt-4o' }],
      results: rows.map((r, i) => ({
        promptIdx: r.promptIdx ?? 0,
        testIdx: i,
        provider: { id: r.provider ?? 'openai:gpt-4o', label: '' },
        success: r.success,
        score: r.score ?? (r.success ? 1 : 0),
        namedScores: r.named ?? {},
        failureReason: r.failureReason ?? (r.success ? 0 : 1),
        ...(r.error !== undefined ? { error: r.error } : {}),
        testCase: { description: r.test, vars: { question: r.test } },
        vars: { question: r.test },
        latencyMs: 100,
      })),
      stats: stats ?? { successes: passes, failures: rows.length - passes - errors, errors },
    },
    config: { providers: [{ id: 'openai:gpt-4o', config: { apiKey: 'sk-secret' } }] },
  };
}

describe('promptfoo: the real TDS eval (two providers in one file)', () => {
  it('reads each provider as a column of its own, and the whole file from stats', async () => {
    const doc = await readPromptfoo(REAL, options);
    expect(doc.metrics).toMatchObject({
      [`${HTTP}.pass_rate`]: 0.6,
      [`${HTTP}.passes`]: 3,
      [`${HTTP}.failures`]: 2,
      [`${HTTP}.score`]: 0.6,
      [`${HTTP}.latency_ms`]: 1781,
      [`${OPENAI}.pass_rate`]: 0.8,
      [`${OPENAI}.score`]: 0.8,
      [`${OPENAI}.tests`]: 5,
      [`${OPENAI}.cost`]: 0.00030375,
      pass_rate: 0.7,
      tests: 10,
      passes: 7,
      failures: 3,
      errors: 0,
    });
    expect(doc.params).toMatchObject({
      eval_id: 'eval-OoM-2025-06-18T20:57:42',
      [`${OPENAI}.provider`]: OPENAI,
      description: 'TDS Virtual TA Project - Enhanced RAG API with AIPipe Integration',
    });
    expect(doc.sources[0]!.warnings).toEqual([]);
  });

  it('keeps per-test pass and score by provider, the same test under the same id in both', async () => {
    const doc = await readPromptfoo(REAL, options);
    const [http, openai] = doc.examples!;
    expect(http!.task).toBe(HTTP);
    expect(openai!.task).toBe(OPENAI);
    expect(http!.scores['pass_rate']).toEqual([1, 0, 0, 1, 1]);
    expect(openai!.scores['pass_rate']).toEqual([1, 0, 1, 1, 1]);
    expect(openai!.scores['score']).toEqual([1, 0, 1, 1, 1]);
    expect(openai!.ids).toEqual(http!.ids);
    expect(new Set(http!.ids).size).toBe(5);
  });

  it('never reads config: this real file holds an API key there', async () => {
    const doc = await readPromptfoo(REAL, options);
    const everything = JSON.stringify(doc);
    expect(everything).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(everything).not.toContain('apiKey');
  });

  it('is claimed above every other reader', async () => {
    const probe = await probePath(REAL);
    const mine = promptfooReader.detect(probe);
    expect(mine).toBeGreaterThan(0);
    for (const other of READERS.filter((r) => r.format !== 'promptfoo'))
      expect(other.detect(probe)).toBeLessThan(mine);
  });
});

describe('promptfoo: rules', () => {
  it('one column: metrics at the top, named scores averaged over the tests that have them', async () => {
    const doc = await readPromptfoo(
      file(
        output([
          { test: 'a', success: true, named: { accuracy: 1, tone: 0.5 } },
          { test: 'b', success: false, named: { accuracy: 0 } },
          { test: 'c', success: true, score: 0.75, named: { accuracy: 1 } },
        ]),
      ),
      options,
    );
    expect(doc.metrics).toEqual({
      pass_rate: 2 / 3,
      score: (1 + 0 + 0.75) / 3,
      accuracy: 2 / 3,
      tone: 0.5,
      tests: 3,
      passes: 2,
      failures: 1,
      errors: 0,
      latency_ms: 100,
    });
    expect(doc.examples).toHaveLength(1);
    expect(doc.examples![0]).toMatchObject({
      task: '',
      scores: { pass_rate: [1, 0, 1], score: [1, 0, 0.75], accuracy: [1, 0, 1], tone: [0.5, NaN, NaN] },
    });
    expect(JSON.stringify(doc)).not.toContain('sk-secret');
  });

  it('a test keeps its id when another test is added before it', async () => {
    const before = await readPromptfoo(
      file(
        output([
          { test: 'a', success: true },
          { test: 'b', success: true },
        ]),
      ),
      options,
    );
    const after = await readPromptfoo(
      file(
        output([
          { test: 'new', success: true },
          { test: 'a', success: true },
          { test: 'b', success: false },
        ]),
      ),
      options,
    );
    expect(after.examples![0]!.ids.slice(1)).toEqual(before.examples![0]!.ids);
  });

  it('two identical tests are told apart by order', async () => {
    const doc = await readPromptfoo(
      file(
        output([
          { test: 'a', success: true },
          { test: 'a', success: false },
        ]),
      ),
      options,
    );
    const [first, second] = doc.examples![0]!.ids;
    expect(second).toBe(`${first}#2`);
  });

  it('errors count as not passed, with a warning quoting the first', async () => {
    const doc = await readPromptfoo(
      file(
        output([
          { test: 'a', success: true },
          { test: 'b', success: false, failureReason: 2, error: 'API error: 429 Too Many Requests' },
        ]),
      ),
      options,
    );
    expect(doc.metrics).toMatchObject({ pass_rate: 0.5, errors: 1, failures: 0 });
    expect(doc.sources[0]!.warnings.join('\n')).toContain(
      '1 test ended in an error (the provider or the grader failed, not an assertion), first: API error: 429 Too Many Requests',
    );
  });

  it('several prompts against one provider: provider and prompt index in the key', async () => {
    const doc = await readPromptfoo(
      file(
        output([
          { test: 'a', success: true, promptIdx: 0 },
          { test: 'a', success: false, promptIdx: 1 },
        ]),
      ),
      options,
    );
    expect(doc.metrics).toMatchObject({
      'openai:gpt-4o.prompt_0.pass_rate': 1,
      'openai:gpt-4o.prompt_1.pass_rate': 0,
    });
    expect(doc.examples!.map((e) => e.task)).toEqual(['openai:gpt-4o.prompt_0', 'openai:gpt-4o.prompt_1']);
  });

  it('warns when stats disagree with the rows', async () => {
    const doc = await readPromptfoo(
      file(output([{ test: 'a', success: true }], { successes: 5, failures: 0, errors: 0 })),
      options,
    );
    expect(doc.sources[0]!.warnings.join('\n')).toContain('stats says 5 of 5 tests passed, the rows 1 of 1');
  });

  it('refuses version 2, a file without rows and a row without success, naming the key', async () => {
    await expect(
      readPromptfoo(file({ results: { version: 2, results: [{ success: true }] } }), options),
    ).rejects.toThrow(
      /\(key "results\.version"\): promptfoo results version 2: mlci reads version 3 and later/,
    );
    await expect(readPromptfoo(file({ results: { version: 3, results: [] } }), options)).rejects.toThrow(
      /no test results/,
    );
    await expect(
      readPromptfoo(file({ results: { version: 3, results: [{ promptIdx: 0, score: 1 }] } }), options),
    ).rejects.toThrow(/\(key "results\.results\[0\]\.success"\): expected true or false/);
    await expect(readPromptfoo(file({ evalId: 'x' }), options)).rejects.toBeInstanceOf(ParseError);
  });
});
