import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction } from '../support/action-runner.js';
import { FULL, pullRequestRun, seed, workspace } from '../support/pull-request-scenario.js';

// Issue #12: "A pull request can loosen the gates that judge it: gates come from the head's own
// .mlci.yml and nothing shows that they changed." By default the base's gates judge it now.
let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

const BASE_CONFIG =
  'files: [metrics.json]\ngates:\n  - accuracy drop <= 0.01\nstatistics: { untestable: fail }\n';
const LOOSENED =
  'files: [metrics.json]\ngates:\n  - accuracy drop <= 0.5\nstatistics: { untestable: neutral }\n';

describe('gates come from the base', () => {
  it("a pull request that loosens its gates is judged by the base's, and the report shows the change", async () => {
    fake = await startFakeGitHub();
    const s = seed(fake, { baseMetrics: '{"accuracy": 0.90}', config: BASE_CONFIG });
    const run = pullRequestRun(fake, s, workspace('{"accuracy": 0.85}', LOOSENED));
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.exitCode).toBe(0);
    expect(compared.outputs.verdict).toBe('failed');
    const comparison = JSON.parse(compared.outputs.comparison!);
    expect(comparison.gates.map((g: { gate: { text: string } }) => g.gate.text)).toEqual([
      'accuracy drop <= 0.01',
    ]);
    expect(comparison.configChanges).toEqual({
      from: expect.stringMatching(/^main@[0-9a-f]{7} \(merge base\)$/),
      gatesAdded: ['accuracy drop <= 0.5'],
      gatesRemoved: ['accuracy drop <= 0.01'],
      settings: ['statistics.untestable: fail → neutral'],
    });
    expect(compared.stdout).toMatch(
      /::warning title=mlci%3A gates changed::This pull request changes its gates/,
    );

    const reported = await runDistAction('report', { ...run, inputs: { 'upload-charts': 'false' } });
    expect(reported.exitCode).toBe(1);
    const comment = fake.state.repo(FULL).comments[0]!.body;
    expect(comment).toContain('### Gates changed by this pull request');
    expect(comment).toContain('| gate removed | accuracy drop <= 0.01 |');
    expect(comment).toContain('| gate added | accuracy drop <= 0.5 |');
    expect(comment).toMatch(
      /Gates: this pull request changes 3 of its rules; they take effect after the merge/,
    );
    expect(fake.state.repo(FULL).checkRuns[0]!.conclusion).toBe('failure');
  }, 60_000);

  it("gates-from: head takes the pull request's own gates", async () => {
    fake = await startFakeGitHub();
    const s = seed(fake, { baseMetrics: '{"accuracy": 0.90}', config: BASE_CONFIG });
    const run = pullRequestRun(fake, s, workspace('{"accuracy": 0.85}', LOOSENED));
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'contents', 'gates-from': 'head' },
    });
    expect(compared.outputs.verdict).toBe('passed');
    expect(JSON.parse(compared.outputs.comparison!).configChanges).toBeUndefined();
  }, 60_000);

  it("the base's config that cannot be fetched fails the comparison: its rules are unknown", async () => {
    fake = await startFakeGitHub();
    const s = seed(fake, { baseMetrics: '{"accuracy": 0.90}', config: BASE_CONFIG });
    const dir = workspace('{"accuracy": 0.95}', LOOSENED);
    writeFileSync(join(dir, 'base-metrics.json'), '{"accuracy": 0.90}');
    const run = pullRequestRun(fake, s, dir);
    // The contents source reads the config with the metrics; a baseline from elsewhere (here a
    // folder the workflow prepared) leaves the config to its own request, which fails.
    fake.inject({ status: 502, times: 100, path: /\/contents\/\.mlci\.yml$/ });
    const compared = await runDistAction('compare-metrics', {
      ...run,
      env: { MLCI_RETRY_BUDGET: '2' },
      inputs: { 'baseline-sources': 'path', 'baseline-path': 'base-metrics.json' },
    });
    expect(compared.outputs.verdict).toBe('failed');
    expect(JSON.parse(compared.outputs.comparison!).verdict.summary).toMatch(
      /^the baseline could not be fetched, so nothing was compared: re-run the job \(the gates of main@[0-9a-f]{7} \(base\) \(\.mlci\.yml\): 502 /,
    );
  }, 60_000);

  it("with the contents source the base's config comes in the same request as its metrics", async () => {
    fake = await startFakeGitHub();
    const s = seed(fake, { baseMetrics: '{"accuracy": 0.90}', config: BASE_CONFIG });
    const run = pullRequestRun(fake, s, workspace('{"accuracy": 0.85}', LOOSENED));
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.outputs.verdict).toBe('failed');
    // The merge base, the tree, one query for the metrics and the config; no request of its own
    // for the config (what follows is the history branch's summary).
    expect(fake.requests.slice(0, 3).map((r) => r.operationId)).toEqual([
      'repos/compare-commits',
      'git/get-tree',
      'graphql',
    ]);
    expect(fake.requests.filter((r) => r.path.includes('.mlci'))).toEqual([]);
  }, 60_000);

  it('a base without a config file: the pull request that adds one is judged by its own', async () => {
    fake = await startFakeGitHub();
    const s = seed(fake, { baseMetrics: '{"accuracy": 0.90}', config: null });
    const run = pullRequestRun(fake, s, workspace('{"accuracy": 0.85}', LOOSENED));
    const compared = await runDistAction('compare-metrics', {
      ...run,
      inputs: { 'baseline-sources': 'contents' },
    });
    expect(compared.stdout).toMatch(
      /No config file at main@[0-9a-f]{7} \(merge base\): this pull request is judged by its own gates/,
    );
    expect(compared.outputs.verdict).toBe('passed');
  }, 60_000);
});
