import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDist } from '../../scripts/build.js';
import { runDistAction, webhookExample, type RunOptions } from '../support/action-runner.js';

// Zero configuration in the actions (#15): a workflow that names no files (no `files` input, no
// files: in .mlci.yml) reads what the project's tools wrote, and the log says what it picked. The
// bundle is built from the sources here, so the test checks the code under review.
let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'mlci-dist-'));
  await buildDist(dist, { otherPlatforms: false });
}, 60_000);

function options(workspace: string, inputs: Record<string, string> = {}): RunOptions {
  return {
    workspace,
    event: { name: 'push', payload: webhookExample('push') },
    inputs,
    token: '',
    apiUrl: 'http://127.0.0.1:9',
    repository: 'acme/model',
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    distDir: dist,
  };
}

describe('evaluate with no files named', () => {
  it('reads the Hugging Face output folder it finds, says so, and gates it', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'mlci-zero-'));
    mkdirSync(join(workspace, 'outputs'));
    cpSync(resolve('test/fixtures/real/hf-trainer/whisper-ja'), join(workspace, 'outputs', 'whisper-ja'), {
      recursive: true,
    });
    writeFileSync(join(workspace, '.mlci.yml'), 'gates:\n  - eval_wer <= 0.5\n');
    const run = await runDistAction('evaluate', options(workspace, { 'fail-on-gate': 'true' }));
    expect(run.exitCode).toBe(1); // eval_wer is 0.745: the gate fails, as it should
    expect(run.stdout).toContain(
      "read outputs/whisper-ja/ (Hugging Face Trainer output): no files are named, and this is what the project's tools wrote",
    );
    // What was picked travels with the run into the state the report is made from.
    const state = JSON.parse(readFileSync(join(workspace, '.mlci', 'evaluate.json'), 'utf8'));
    expect(state.head[0].sources[0].notes[0]).toContain('read outputs/whisper-ja/');
    expect(state.comparison.verdict.summary).toBe('1 of 1 check failed: eval_wer');
  });

  it('fails closed, naming both, when two runs of one kind could be "the" run', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'mlci-zero-'));
    for (const side of ['main', 'pr']) {
      mkdirSync(join(workspace, side));
      cpSync(
        resolve('test/fixtures/real/dvc/churn-metrics-flat-head.json'),
        join(workspace, side, 'metrics.json'),
      );
    }
    writeFileSync(join(workspace, '.mlci.yml'), 'gates:\n  - f1 >= 0.5\n');
    const run = await runDistAction('evaluate', options(workspace));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error::.*several runs of the same kind.*main\/metrics\.json, pr\/metrics\.json/,
    );
  });
});
