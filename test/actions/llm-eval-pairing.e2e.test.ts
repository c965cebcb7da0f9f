import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction } from '../support/action-runner.js';
import { FULL, OWNER, REPO, pullRequestRun } from '../support/pull-request-scenario.js';

// Issue #15: a paired gate on an lm-eval run needs no predictions file: the samples files that
// `lm_eval --log_samples` writes beside the results are the per-example results, on both sides.
// The baseline comes from the merge base (contents source), the head from the workspace.
// Needs the lm-eval reader registered and dist/ rebuilt.
let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

const REAL = 'test/fixtures/real/lm-eval/qwen3-8b-negotiationtom';
const TS = '2026-07-08T18-15-33.115417';
const SAMPLES = `samples_negotiationtom_belief_${TS}.jsonl`;
const GATE = 'negotiationtom_belief.acc paired no significant regression';
const CONFIG = `files:\n  - eval\ngates:\n  - ${GATE}\n`;

/** The real run's files, under eval/ as a repository would commit them. */
function runFiles(flip: readonly number[] = []): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(REAL)) files[`eval/${name}`] = readFileSync(join(REAL, name), 'utf8');
  if (flip.length > 0) {
    // No second public run of this model on this task exists: the head is the real run with the
    // per-example acc of the given doc_ids changed, a regression of known size.
    const rows = files[`eval/${SAMPLES}`]!.split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { doc_id: number; acc: number });
    for (const row of rows) if (flip.includes(row.doc_id)) row.acc = 1 - row.acc;
    files[`eval/${SAMPLES}`] = rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
  }
  return files;
}

function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-llm-eval-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('compare-metrics: a paired gate on two lm-eval runs, from their samples files', () => {
  it("5 right examples turned wrong: McNemar's test (b = 5, c = 0, p = 1/32) fails the check", async () => {
    fake = await startFakeGitHub();
    const { state } = fake;
    state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
    const base = state.commit(FULL, {
      branch: 'main',
      files: { '.mlci.yml': CONFIG, ...runFiles() },
      message: 'baseline',
    });
    const head = state.commit(FULL, {
      branch: 'feature',
      parents: [base],
      files: { 'prompt.txt': 'new prompt\n' },
      message: 'tweak',
    });
    const pr = state.addPullRequest(FULL, { head: { ref: 'feature', sha: head }, base: { ref: 'main' } });
    const dir = workspaceWith({ '.mlci.yml': CONFIG, ...runFiles([1, 2, 3, 4, 5]) });
    const compared = await runDistAction('compare-metrics', {
      ...pullRequestRun(fake, { base, head, pr, headRepo: FULL }, dir),
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.stderr).toBe('');
    expect(compared.outputs.verdict).toBe('failed');
    const comparison = JSON.parse(compared.outputs.comparison!);
    const gate = comparison.gates.find((g: { gate: { text: string } }) => g.gate.text === GATE);
    expect(gate).toMatchObject({
      status: 'fail',
      statistics: {
        method: "McNemar's exact test",
        paired: { examples: 20, correct: { base: 9, head: 4 } },
      },
    });
    expect(gate.statistics.p).toBeCloseTo(1 / 32, 12);
  }, 90_000);
});
