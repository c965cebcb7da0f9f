import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from '../../packages/core/src/report/charts/render.js';
import { runDistAction } from '../support/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { CONFIG, FULL, pullRequestRun, seed, TOKEN, workspace } from '../support/pull-request-scenario.js';

// The team's own Markdown and images (report.sections, the extra input) in the comment posted by
// the report action's bundle, against the fake GitHub that validates every request.
let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

/** A 4 x 3 PNG of one colour. */
function png(): Buffer {
  const pixels = new Uint8Array(4 * 3 * 4);
  for (let i = 0; i < pixels.length; i += 4) pixels.set([213, 94, 0, 255], i);
  return encodePng(pixels, 4, 3);
}

function teamFiles(dir: string): void {
  mkdirSync(join(dir, 'reports/img'), { recursive: true });
  writeFileSync(
    join(dir, 'reports/samples.md'),
    '# Sample predictions\n\nThree of the hardest test images, all right now.\n\n![Three test images with their predicted labels](img/samples.png)\n',
  );
  writeFileSync(join(dir, 'reports/img/samples.png'), png());
}

describe('the report action with the team’s own content', () => {
  it('puts report.sections in the comment, with the image uploaded to the assets branch', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const s = seed(fake);
    const config = `${CONFIG}\nreport:\n  sections:\n    - { file: reports/samples.md, placement: after-summary }\n`;
    const dir = workspace('{"accuracy": 0.93, "loss": 0.2, "f1": 0.9}', config);
    teamFiles(dir);
    const run = pullRequestRun(fake, s, dir);
    expect((await runDistAction('compare-metrics', { ...run })).exitCode).toBe(0);

    const reported = await runDistAction('report', { ...run });
    expect(reported.stderr).toBe('');
    expect(reported.exitCode).toBe(0);
    const body = fake.state.repo(FULL).comments[0]!.body;
    expect(body).toContain('Sample predictions');
    expect(body).toContain('Three of the hardest test images, all right now.');
    const url =
      /!\[Three test images with their predicted labels\]\((https:\/\/github\.com\/acme\/model\/blob\/[0-9a-f]{40}\/pr-1\/mlci\/extra-1-samples\.png\?raw=true)\)/.exec(
        body,
      );
    expect(url).not.toBeNull();
    // The blob the URL names is the team's PNG, byte for byte, committed with the charts.
    const assets = fake.state.files(FULL, 'mlci-assets');
    expect(assets.get('pr-1/mlci/extra-1-samples.png')).toEqual(png());
    expect(assets.has('pr-1/mlci/change-metrics.png')).toBe(true);
    expect(readdirSync(join(dir, '.mlci/report'))).toContain('extra-1-samples.png');
    expect(reported.summary).toContain('Sample predictions');
  });

  it('the extra input replaces report.sections; a missing file fails the step before anything is posted', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const s = seed(fake);
    const dir = workspace('{"accuracy": 0.93, "loss": 0.2, "f1": 0.9}');
    teamFiles(dir);
    const run = pullRequestRun(fake, s, dir);
    expect((await runDistAction('compare-metrics', { ...run })).exitCode).toBe(0);

    const missing = await runDistAction('report', { ...run, inputs: { extra: 'reports/gone.md@top' } });
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain('::error::reports/gone.md: not found');
    expect(fake.state.repo(FULL).comments).toHaveLength(0);

    const reported = await runDistAction('report', { ...run, inputs: { extra: 'reports/samples.md@top' } });
    expect(reported.exitCode).toBe(0);
    const body = fake.state.repo(FULL).comments[0]!.body;
    expect(body).toMatch(/extra-1-samples\.png\?raw=true\)/);
    expect(fake.state.files(FULL, 'mlci-assets').get('pr-1/mlci/extra-1-samples.png')).toEqual(png());
  });
});
