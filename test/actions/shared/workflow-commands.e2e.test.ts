import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist } from '../../../scripts/build.js';
import { runDistAction, webhookExample, type RunOptions } from '../../support/action-runner.js';
import { runnerCommands } from './runner-protocol.js';

// Issue #12 as it was found: metric names that are workflow commands, printed by evaluate and
// compare-metrics, run the way the runner runs them. The bundle is built from the sources here (not
// the committed dist/), so the test checks the code under review.
const INJECTED = 'acc\n::error title=injected::pwned\n';
const MASK = '::add-mask::secret';
const LEGACY = 'x ##[warning]legacy';
const CR = 'loss\r::warning::cr';

let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'mlci-dist-'));
  await buildDist(dist, { otherPlatforms: false }); // this machine's canvas binary only: no fetching
}, 60_000);

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-workspace-'));
  writeFileSync(
    join(dir, 'metrics.json'),
    JSON.stringify({ [INJECTED]: 0.9, [MASK]: 1, [LEGACY]: 2, [CR]: 3 }),
  );
  writeFileSync(join(dir, 'base.json'), JSON.stringify({ [INJECTED]: 0.8, [MASK]: 1, [CR]: 3 }));
  return dir;
}

function options(inputs: Record<string, string>): RunOptions {
  return {
    workspace: workspace(),
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

/** The stdout with each stop-commands token replaced by TOKEN1, TOKEN2, ... (each must close its own block). */
function withTokens(stdout: string): string {
  const tokens = [...stdout.matchAll(/^::stop-commands::(.+)$/gm)].map((m) => m[1]!);
  expect(new Set(tokens).size).toBe(tokens.length);
  let out = stdout;
  tokens.forEach((token, i) => {
    expect(token).toMatch(/^mlci-[0-9a-f-]{36}$/);
    expect(out.split(`\n::${token}::\n`)).toHaveLength(2);
    out = out.split(token).join(`TOKEN${i + 1}`);
  });
  return out;
}

describe('metric names that are workflow commands, printed by the actions (issue #12)', () => {
  it('evaluate: the runner obeys only the step’s own annotation', async () => {
    const gates = [`${JSON.stringify(INJECTED)} >= 0.95`, `${JSON.stringify(MASK)} required`].join('\n');
    const run = await runDistAction('evaluate', options({ files: 'metrics.json', gates }));
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const commands = runnerCommands(run.stdout);
    expect(commands.stoppedAtEnd).toBe(false);
    expect(commands.obeyed).toEqual([
      {
        name: 'error',
        properties: { title: 'mlci gate failed', file: 'metrics.json' },
        data: `${JSON.stringify(INJECTED)} >= 0.95: 0.9 is below the minimum of 0.95`,
      },
    ]);
    // Rows stay rows: a line break in a name is shown as \\n (no part of it starts a log line of
    // its own, where problem matchers would read it), a carriage return as \\x0d.
    expect(withTokens(run.stdout)).toBe(
      [
        '::stop-commands::TOKEN1',
        'FAILED: 1 of 2 checks failed: acc\\n::error title=injected::pwned\\n',
        '',
        'result  gate                                            metric                                base  head  why',
        '------  ----------------------------------------------  ------------------------------------  ----  ----  ---------------------------------',
        'FAIL    "acc\\n::error title=injected::pwned\\n" >= 0.95  acc\\n::error title=injected::pwned\\n  -     0.9   0.9 is below the minimum of 0.95',
        'pass    "::add-mask::secret" required                   ::add-mask::secret                    -     1     ::add-mask::secret is present (1)',
        '',
        'metric                                value  direction',
        '------------------------------------  -----  ---------',
        '::add-mask::secret                    1      ?',
        'acc\\n::error title=injected::pwned\\n  0.9    ?',
        'loss\\x0d::warning::cr                 3      ?',
        'x ##[warning]legacy                   2      ?',
        '::TOKEN1::',
        '',
        'wrote .mlci/evaluate.json',
        '::error title=mlci gate failed,file=metrics.json::"acc\\n::error title=injected::pwned\\n" >= 0.95: 0.9 is below the minimum of 0.95',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(run.outputs.metrics!)).toEqual({ [INJECTED]: 0.9, [MASK]: 1, [LEGACY]: 2, [CR]: 3 });
  });

  it('compare-metrics with a baseline-path: the runner obeys nothing', async () => {
    const run = await runDistAction(
      'compare-metrics',
      options({ files: 'metrics.json', 'baseline-path': 'base.json' }),
    );
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(runnerCommands(run.stdout)).toEqual({ obeyed: [], pauses: 1, stoppedAtEnd: false });
    expect(withTokens(run.stdout)).toBe(
      [
        'No token: only the baseline-path source is tried.',
        'Baseline path: base.json: found',
        '::stop-commands::TOKEN1',
        'PASSED: no gates are configured',
        'baseline: base.json',
        '',
        'metric                                base  head  delta  delta %  status',
        '------------------------------------  ----  ----  -----  -------  ---------',
        'acc\\n::error title=injected::pwned\\n  0.8   0.9   +0.1   +12.5%   changed',
        'x ##[warning]legacy                   -     2     -      -        added',
        '::add-mask::secret                    1     1     0      0%       unchanged',
        'loss\\x0d::warning::cr                 3     3     0      0%       unchanged',
        '::TOKEN1::',
        '',
        'wrote .mlci/compare.json',
        '',
      ].join('\n'),
    );
    expect(
      JSON.parse(run.outputs.comparison!)
        .metrics.map((m: { key: string }) => m.key)
        .sort(),
    ).toEqual([INJECTED, MASK, LEGACY, CR].sort());
  });
});
