import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction } from '../support/action-runner.js';
import { FULL, pullRequestRun, seed, workspace } from '../support/pull-request-scenario.js';

// The check must fail closed when an earlier mlci step failed. The report step runs with
// `if: always()` (as the examples do) so that the required check answers; when compare-metrics or
// evaluate failed before leaving its state file, the report used to read the metrics again and
// judge them with the config's gates alone: the gates the failed step was given as inputs, the
// baseline it was looking for, were never evaluated, and the check could be green.
let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

const METRICS = '{"accuracy": 0.82, "loss": 0.30}';
/** The config's own gate passes: only the step's input gate would fail the pull request. */
const CONFIG = 'files: [metrics.json]\ngates:\n  - accuracy >= 0.5\n';

describe('a failed mlci step fails the check of the report step that runs after it', () => {
  it.each([
    ['compare-metrics', { gates: 'accuracy dorp <= 0.005', 'baseline-sources': 'contents' }],
    ['evaluate', { gates: 'accuracy >= 0.9\nloss <= maybe' }],
  ] as const)(
    '%s with an input that cannot be read',
    async (step, inputs) => {
      fake = await startFakeGitHub();
      const s = seed(fake, { baseMetrics: '{"accuracy": 0.90, "loss": 0.30}', config: CONFIG });
      const run = pullRequestRun(fake, s, workspace(METRICS, CONFIG));
      const failed = await runDistAction(step, { ...run, inputs });
      expect(failed.exitCode).toBe(1);
      expect(failed.stdout).not.toContain('this is a bug');
      const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
      expect(reported.exitCode).toBe(1);
      const checks = fake.state.repo(FULL).checkRuns;
      expect(checks.map((c) => c.conclusion)).toEqual(['failure']);
      // A mistake in the step's inputs reads as one, as when the report finds it in .mlci.yml.
      expect(checks[0]!.output.title).toBe('mlci could not judge this commit: configuration error');
      expect(checks[0]!.output.summary).toContain(inputs.gates.includes('dorp') ? 'dorp' : 'maybe');
      expect(fake.state.repo(FULL).statuses.filter((c) => c.state !== 'failure')).toEqual([]);
      expect(fake.state.repo(FULL).comments).toEqual([]);
    },
    60_000,
  );

  it('a step that never finished (killed, timed out) leaves the same failure behind', async () => {
    fake = await startFakeGitHub();
    const s = seed(fake, { baseMetrics: '{"accuracy": 0.90, "loss": 0.30}', config: CONFIG });
    const dir = workspace(METRICS, CONFIG);
    const run = pullRequestRun(fake, s, dir);
    // What compare-metrics writes before it starts: the record a finished step replaces.
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.exitCode).toBe(0);
    writeFileSync(
      join(dir, '.mlci', 'compare.json'),
      JSON.stringify({
        schema: 'mlci/step-failure',
        version: 1,
        step: 'compare-metrics',
        message:
          'compare-metrics started and did not finish (it failed, was cancelled or timed out): see its log',
      }),
    );
    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(1);
    const checks = fake.state.repo(FULL).checkRuns;
    expect(checks.map((c) => c.conclusion)).toEqual(['failure']);
    expect(checks[0]!.output.title).toBe('mlci could not judge this commit: the compare-metrics step failed');
    expect(checks[0]!.output.summary).toContain('did not finish');
  }, 60_000);
});
