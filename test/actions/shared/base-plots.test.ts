import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodeBasePlots,
  keepBasePlots,
  predictionsOfRuns,
  runFolders,
} from '../../../actions/shared/src/base-plots.js';

// Issue #14, item 3: with several seeds per side the action's confusion matrix sums every seed's
// predictions, or names the one seed it shows. These are the pieces that find each seed's file.

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-base-plots-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const CSV = 'id,label,prediction\n1,cat,cat\n';

describe('predictionsOfRuns', () => {
  it('finds the same file in every run folder', () => {
    expect(
      predictionsOfRuns('runs/seed-1/eval/p.csv', ['runs/seed-1', 'runs/seed-2', 'runs/seed-10']),
    ).toEqual(['runs/seed-1/eval/p.csv', 'runs/seed-2/eval/p.csv', 'runs/seed-10/eval/p.csv']);
    expect(predictionsOfRuns('./runs/seed-2/p.csv', ['runs/seed-1', 'runs/seed-2'])).toEqual([
      'runs/seed-1/p.csv',
      'runs/seed-2/p.csv',
    ]);
  });

  it('gives nothing when the file is one run of none, or the runs cannot be told apart', () => {
    // Outside every run: the one file stands for one run (and the report says so).
    expect(predictionsOfRuns('eval/p.csv', ['runs/seed-1', 'runs/seed-2'])).toBeUndefined();
    // `runs/seed-10` is not inside `runs/seed-1`.
    expect(predictionsOfRuns('runs/seed-10/p.csv', ['runs/seed-1', 'runs/seed-2'])).toBeUndefined();
    // Runs that are files in one folder (runs/a.json, runs/b.json) share it.
    expect(predictionsOfRuns('runs/p.csv', ['runs', 'runs'])).toBeUndefined();
    // Files at the root share it too.
    expect(predictionsOfRuns('p.csv', ['', ''])).toBeUndefined();
    // One run: nothing to sum.
    expect(predictionsOfRuns('runs/seed-1/p.csv', ['runs/seed-1'])).toBeUndefined();
  });
});

describe('runFolders', () => {
  it("is the matched folder, or the matched file's folder, in natural order", async () => {
    const dir = folderWith({
      'runs/seed-10/metrics.json': '{}',
      'runs/seed-2/metrics.json': '{}',
      'runs/seed-1/metrics.json': '{}',
    });
    const expected = ['runs/seed-1', 'runs/seed-2', 'runs/seed-10'];
    expect(await runFolders(dir, ['runs/seed-*'])).toEqual(expected);
    expect(await runFolders(dir, ['runs/seed-*/metrics.json'])).toEqual(expected);
    expect(await runFolders(dir, [])).toEqual([]);
  });
});

describe("keepBasePlots with the base's runs", () => {
  const found = (dir: string) => ({
    source: 'contents' as const,
    label: 'main@abc1234 (merge base)',
    sha: 'abc1234',
    dir,
    files: [],
  });

  it("copies every run's predictions when each run has them", async () => {
    const fetched = folderWith({
      'runs/seed-1/metrics.json': '{}',
      'runs/seed-1/p.csv': CSV,
      'runs/seed-2/metrics.json': '{}',
      'runs/seed-2/p.csv': CSV,
    });
    const stateDir = folderWith({});
    const state = await keepBasePlots({
      stateDir,
      found: found(fetched),
      plots: [],
      predictions: 'runs/seed-1/p.csv',
      repeats: ['runs/seed-*/metrics.json'],
      historyBranch: 'mlci-history',
    });
    expect(state).toMatchObject({
      predictions: 'runs/seed-1/p.csv',
      runPredictions: ['runs/seed-1/p.csv', 'runs/seed-2/p.csv'],
      missing: [],
    });
    expect(existsSync(join(stateDir, 'base-plots/runs/seed-2/p.csv'))).toBe(true);
  });

  it('keeps the one file (named as one run by the report) when a run lacks it', async () => {
    const fetched = folderWith({
      'runs/seed-1/metrics.json': '{}',
      'runs/seed-1/p.csv': CSV,
      'runs/seed-2/metrics.json': '{}',
    });
    const state = await keepBasePlots({
      stateDir: folderWith({}),
      found: found(fetched),
      plots: [],
      predictions: 'runs/seed-1/p.csv',
      repeats: ['runs/seed-*/metrics.json'],
      historyBranch: 'mlci-history',
    });
    expect(state?.predictions).toBe('runs/seed-1/p.csv');
    expect(state?.runPredictions).toBeUndefined();
  });
});

describe('decodeBasePlots runPredictions', () => {
  it('reads paths inside the repository and refuses one that leaves it, naming the key', () => {
    const doc = { label: 'main', plots: [], missing: [], runPredictions: ['runs/a/p.csv', 'runs/b/p.csv'] };
    expect(decodeBasePlots(doc, 'compare.json').runPredictions).toEqual(['runs/a/p.csv', 'runs/b/p.csv']);
    expect(() =>
      decodeBasePlots({ ...doc, runPredictions: ['runs/a/p.csv', '../../etc/passwd'] }, 'compare.json'),
    ).toThrow('compare.json: basePlots.runPredictions: expected a list of paths inside the repository');
  });
});
