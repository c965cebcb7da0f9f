import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lmEvalReader } from '../../packages/core/src/readers/llm-eval/lm-eval.js';
import { READERS } from '../../packages/core/src/readers/registry.js';
import type { Reader } from '../../packages/core/src/readers/types.js';
import { runCli } from '../support/cli.js';

// Until the lm-eval reader is listed in readers/registry.ts (the maintainers register readers),
// the CLI in this process is given it here; once it is registered this line does nothing.
if (!READERS.some((r) => r.format === 'lm-eval')) (READERS as Reader[]).unshift(lmEvalReader);

const REAL = 'test/fixtures/real/lm-eval/qwen3-8b-negotiationtom';
const TS = '2026-07-08T18-15-33.115417';
const SAMPLES = `samples_negotiationtom_belief_${TS}.jsonl`;
const RESULTS = `results_${TS}.json`;
const GATE = 'negotiationtom_belief.acc paired no significant regression';
const work = mkdtempSync(join(tmpdir(), 'mlci-cli-lm-eval-'));
let counter = 0;

/**
 * The pull request's run. No second public run of this model on this task exists, so the head is
 * a copy of the real run whose per-example `acc` of negotiationtom_belief is changed for the given
 * doc_ids (and the results file's acc with it, as lm-eval would have written it): a regression of
 * known size, on real files in every other respect.
 */
function headRun(flip: readonly number[]): string {
  const dir = join(work, `head-${counter++}`);
  cpSync(REAL, dir, { recursive: true });
  const rows = readFileSync(join(dir, SAMPLES), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { doc_id: number; acc: number });
  for (const row of rows) if (flip.includes(row.doc_id)) row.acc = 1 - row.acc;
  writeFileSync(join(dir, SAMPLES), rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  const acc = rows.reduce((sum, row) => sum + row.acc, 0) / rows.length;
  const results = readFileSync(join(dir, RESULTS), 'utf8').replace(
    /("negotiationtom_belief": \{[^}]*"acc,none": )0\.45/,
    `$1${acc}`,
  );
  writeFileSync(join(dir, RESULTS), results);
  return dir;
}

async function compare(head: string, ...extra: string[]) {
  const result = await runCli('compare', '--base', REAL, '--head', head, '--gate', GATE, '--json', ...extra);
  return { ...result, doc: result.code === 2 ? undefined : JSON.parse(result.stdout) };
}

describe('mlci compare of two lm-eval runs, paired from their samples files', () => {
  it("5 of the 9 right examples turned wrong: McNemar's test (b = 5, c = 0, p = 1/32) fails the gate", async () => {
    // doc_ids 1-5 are right in the real run (acc 1): the head gets them wrong.
    const { code, doc, stderr } = await compare(headRun([1, 2, 3, 4, 5]));
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const gate = doc.gates[0];
    expect(gate).toMatchObject({
      metric: 'negotiationtom_belief.acc',
      status: 'fail',
      base: 0.45,
      head: 0.2,
      statistics: {
        method: "McNemar's exact test",
        paired: { examples: 20, measure: 'acc per example', correct: { base: 9, head: 4 } },
      },
    });
    expect(gate.statistics.p).toBeCloseTo(1 / 32, 12);
    expect(gate.reason).toContain(
      `compared acc per example of negotiationtom_belief (${SAMPLES} on both sides) over 20 examples`,
    );
  });

  it('6 right turned wrong and 1 wrong turned right: b = 6, c = 1, p = 8/128, not significant', async () => {
    // doc_id 0 is wrong in the real run: the head gets it right.
    const { code, doc } = await compare(headRun([0, 1, 2, 3, 4, 5, 7]));
    expect(code).toBe(0);
    expect(doc.gates[0].status).toBe('pass');
    expect(doc.gates[0].statistics.p).toBeCloseTo(8 / 128, 12);
  });

  it('a head run without --log_samples cannot be paired, and the gate says why', async () => {
    const head = headRun([]);
    for (const task of ['belief', 'desire', 'intention'])
      rmSync(join(head, `samples_negotiationtom_${task}_${TS}.jsonl`));
    const { code, doc } = await compare(head);
    expect(code).toBe(1);
    expect(doc.gates[0].statistics.untestable).toBe('fail');
    expect(doc.gates[0].reason).toContain(
      "the pull request's runs carry no per-example results at all (lm-eval writes them with --log_samples",
    );
  });
});
