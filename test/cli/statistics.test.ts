import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

// Issue #11's reproducers, through the CLI as a reviewer runs it (`mlci compare ... --json`).
const dir = mkdtempSync(join(tmpdir(), 'mlci-cli-stats-'));
let count = 0;
function file(content: unknown, name = `run-${++count}.json`): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
// As Python's json.dump writes them: NaN is a bare NaN, not null.
const runs = (key: string, values: number[]) =>
  values.flatMap((v) => ['', file(`{"${key}": ${Number.isNaN(v) ? 'NaN' : JSON.stringify(v)}}`)]);
const flags = (flag: string, key: string, values: number[]) =>
  runs(key, values).map((x, i) => (i % 2 === 0 ? flag : x));
const compare = async (...args: string[]) => {
  const result = await runCli('compare', ...args, '--json');
  return { ...result, doc: result.code === 2 ? undefined : JSON.parse(result.stdout) };
};

describe('no silent pass', () => {
  it('one run per side, accuracy 0.95 -> 0.50: fails, it does not pass', async () => {
    const { code, doc } = await compare(
      ...flags('--base', 'accuracy', [0.95]),
      ...flags('--head', 'accuracy', [0.5]),
      '--gate',
      'accuracy no significant regression',
    );
    expect(code).toBe(1);
    expect(doc.gates[0]).toMatchObject({ status: 'fail', statistics: { untestable: 'fail' } });
  });

  it('one base seed NaN with a 45-point drop: fails', async () => {
    const { code, doc } = await compare(
      ...flags('--base', 'accuracy', [0.95, NaN, 0.96]),
      ...flags('--head', 'accuracy', [0.5, 0.51, 0.52]),
      '--gate',
      'accuracy no significant regression',
    );
    expect(code).toBe(1);
    expect(doc.gates[0].reason).toContain("the baseline's accuracy is NaN in 1 of 3 runs");
  });

  it('one NaN in the per-example correct column with a 30-point drop: fails', async () => {
    const rows = (right: number, nanAt?: number) =>
      'id,correct\n' +
      Array.from({ length: 100 }, (_, i) => `${i},${i === nanAt ? 'NaN' : i < right ? 1 : 0}`).join('\n') +
      '\n';
    const { code, doc } = await compare(
      '--base',
      file({ accuracy: 0.9 }),
      '--head',
      file({ accuracy: 0.6 }),
      '--base-predictions',
      file(rows(90), 'base-predictions.csv'),
      '--head-predictions',
      file(rows(60, 5), 'head-predictions.csv'),
      '--gate',
      'accuracy paired no significant regression if untestable neutral',
    );
    expect(code).toBe(1);
    expect(doc.gates[0].status).toBe('fail');
    expect(doc.gates[0].reason).toMatch(/NaN/);
  });

  it('float noise passes: loss [0.3]*3 against [0.1 + 0.2]*3', async () => {
    const { code, doc } = await compare(
      ...flags('--base', 'loss', [0.3, 0.3, 0.3]),
      ...flags('--head', 'loss', [0.1 + 0.2, 0.1 + 0.2, 0.1 + 0.2]),
      '--gate',
      'loss no significant regression',
    );
    expect(code).toBe(0);
    expect(doc.gates[0]).toMatchObject({ status: 'pass', statistics: { p: 1 } });
    expect(doc.metrics[0].status).toBe('unchanged');
  });

  it('"at 0.5" is a configuration error at parse time (exit 2), not an internal error', async () => {
    const { code, stderr } = await runCli(
      'compare',
      '--base',
      file({ accuracy: 0.9 }),
      '--head',
      file({ accuracy: 0.9 }),
      '--gate',
      'accuracy no significant regression at 0.5',
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      '--gate #1: gate "accuracy no significant regression at 0.5", column 39: the significance level must be above 0 and below 0.5',
    );
  });
});

describe('directions', () => {
  it('negative_log_likelihood 0.30 -> 0.60 is worse; loss_reduction 0.10 -> 0.20 is better', async () => {
    const nll = await compare(
      '--base',
      file({ negative_log_likelihood: 0.3 }),
      '--head',
      file({ negative_log_likelihood: 0.6 }),
      '--gate',
      'negative_log_likelihood no regression',
    );
    expect(nll.code).toBe(1);
    expect(nll.doc.metrics[0]).toMatchObject({ direction: 'lower', status: 'regressed' });
    const reduction = await compare(
      '--base',
      file({ loss_reduction: 0.1 }),
      '--head',
      file({ loss_reduction: 0.2 }),
      '--gate',
      'loss_reduction no regression',
    );
    expect(reduction.code).toBe(0);
    expect(reduction.doc.metrics[0]).toMatchObject({ direction: 'higher', status: 'improved' });
  });

  it('a gate on a metric whose direction the name does not tell: exit 2 with the line to add', async () => {
    const { code, stderr } = await runCli(
      'compare',
      '--base',
      file({ custom_thing: 1 }),
      '--head',
      file({ custom_thing: 2 }),
      '--gate',
      'custom_thing no regression',
    );
    expect(code).toBe(2);
    expect(stderr).toContain('needs to know whether higher or lower is better for custom_thing');
    expect(stderr).toContain('    custom_thing: { direction: higher }   # or lower');
  });
});

describe('the JSON shows raw p, adjusted p and the family', () => {
  it('one glob gate over several metrics is one family', async () => {
    const seeds = (shift: number) =>
      [0, 1, 2, 3, 4].map((i) =>
        file(
          Object.fromEntries(
            ['a', 'b', 'c'].map((m, j) => [`${m}_accuracy`, 0.9 + 0.001 * ((i * 7 + j) % 5) - shift]),
          ),
        ),
      );
    const { doc } = await compare(
      ...seeds(0).flatMap((f) => ['--base', f]),
      ...seeds(0.001).flatMap((f) => ['--head', f]),
      '--gate',
      '*_accuracy no significant regression',
    );
    for (const gate of doc.gates) {
      expect(gate.statistics).toMatchObject({
        method: "Welch's t-test",
        alpha: 0.05,
        family: { size: 3, correction: 'holm' },
      });
      expect(gate.statistics.pAdjusted).toBeGreaterThanOrEqual(gate.statistics.p);
    }
  });
});

describe('--history', () => {
  // The base branch's history as the report action records it: one mlci/history document per commit.
  const history = join(dir, 'history');
  const doc = (sha: string, accuracy: number, day: number) => ({
    schema: 'mlci/history',
    version: 1,
    sha,
    recordedAt: `2026-11-${String(day).padStart(2, '0')}T12:00:00Z`,
    runs: [{ metrics: { accuracy }, series: {}, params: {}, sources: [] }],
  });
  const values = [0.9, 0.903, 0.898, 0.901, 0.899, 0.902, 0.9, 0.897, 0.901, 0.9, 0.899, 0.902];
  beforeAll(() => {
    mkdirSync(history);
    // File names in a different order from the commits: the order comes from recordedAt.
    values.forEach((v, i) =>
      writeFileSync(
        join(history, `${(99 - i).toString(16)}abc.json`),
        JSON.stringify(doc(`sha${i}`, v, i + 1)),
      ),
    );
  });

  it('tests one run per side against the history’s noise', async () => {
    const drop = await compare(
      '--base',
      file({ accuracy: 0.9 }),
      '--head',
      file({ accuracy: 0.88 }),
      '--history',
      history,
      '--gate',
      'accuracy no significant regression',
    );
    expect(drop.code).toBe(1);
    expect(drop.doc.gates[0]).toMatchObject({
      status: 'fail',
      statistics: { method: "t-test with the base branch's noise", history: { records: 12 } },
    });
    expect(drop.doc.history).toEqual({
      records: 12,
      label: `12 records of ${history} (by the time each was recorded)`,
    });
    const wobble = await compare(
      '--base',
      file({ accuracy: 0.9 }),
      '--head',
      file({ accuracy: 0.899 }),
      '--history',
      history,
      '--gate',
      'accuracy no significant regression',
    );
    expect(wobble.code).toBe(0);
    expect(wobble.doc.metrics[0]).toMatchObject({ status: 'within-noise', noise: { method: 'history' } });
  });

  it('takes past runs of any format as LABEL=RUN, oldest first', async () => {
    const past = values.flatMap((v, i) => ['--history', `c${i}=${file({ accuracy: v })}`]);
    const { doc: result } = await compare(
      '--base',
      file({ accuracy: 0.9 }),
      '--head',
      file({ accuracy: 0.88 }),
      ...past,
      '--gate',
      'accuracy no significant regression',
    );
    expect(result.gates[0].status).toBe('fail');
    expect(result.history.label).toBe('12 runs given in order');
  });

  it('reads the history branch as committed (git:<rev>:<path>)', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'mlci-history-repo-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'ci');
    values.forEach((v, i) => {
      const { recordedAt: _dropped, ...old } = doc(`sha${i}`, v, i + 1); // documents of older mlci: no recordedAt
      writeFileSync(join(repo, `${(99 - i).toString(16)}abc.json`), JSON.stringify(old));
      git('add', '.');
      git('commit', '-qm', `record ${i}`, `--date=2026-11-${String(i + 1).padStart(2, '0')}T12:00:00Z`);
    });
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      const { doc: result } = await compare(
        '--base',
        file({ accuracy: 0.9 }),
        '--head',
        file({ accuracy: 0.88 }),
        '--history',
        'git:HEAD:.',
        '--gate',
        'accuracy no significant regression',
      );
      expect(result.gates[0].statistics.history.records).toBe(12);
      expect(result.history.label).toBe('12 records of git:HEAD:. (by commit time)');
    } finally {
      process.chdir(cwd);
    }
  });

  it('names a history document that is not one', async () => {
    const bad = join(dir, 'bad-history');
    mkdirSync(bad);
    writeFileSync(join(bad, 'a.json'), JSON.stringify({ ...doc('x', 0.9, 1), recordedAt: 'yesterday' }));
    const { code, stderr } = await runCli(
      'compare',
      '--base',
      file({ accuracy: 0.9 }),
      '--head',
      file({ accuracy: 0.9 }),
      '--history',
      bad,
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      'a.json: recordedAt: expected a date and time such as 2026-01-31T12:00:00Z, found "yesterday"',
    );
  });
});
