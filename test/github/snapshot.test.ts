import { createClient, type GitHubClient } from '../../packages/github/src/client.js';
import { findBaseline } from '../../packages/github/src/baseline.js';
import { commitTree, readBlobs } from '../../packages/github/src/snapshot.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOKEN, recordingLogger, useFakeGitHub } from './helpers.js';

// Issue #12: a baseline of a config, five seeds and a predictions file is read in a bounded number
// of requests: the commit's tree once, the blobs' text in one GraphQL query, and the blob API only
// for what GraphQL cannot give whole.
describe('reading many files of one commit', () => {
  const fake = useFakeGitHub();
  const client = (): GitHubClient =>
    createClient({ token: TOKEN, apiUrl: fake().url, log: recordingLogger(), delayUnitMs: 1, retries: 0 });
  const asked = () => fake().requests.map((r) => r.operationId);

  function seedRepo(files: Record<string, string | Buffer>): string {
    fake().state.addRepo({ owner: 'acme', repo: 'model' });
    return fake().state.commit('acme/model', { branch: 'main', files, message: 'runs' });
  }

  test('text files come in one GraphQL query, byte for byte', async () => {
    const files: Record<string, string> = {
      '.mlci.yml': 'repeats: runs/seed-*\n',
      'eval/predictions.csv': 'id,label,prediction\n1,a,a\n',
      'notes/unicode.json': '{"größe": "µ", "emoji": "🙂"}',
    };
    for (let i = 0; i < 5; i++) files[`runs/seed-${i}/metrics.json`] = `{"accuracy": 0.9${i}}`;
    const sha = seedRepo(files);
    const tree = await commitTree(client(), { owner: 'acme', repo: 'model', sha });
    expect(tree.truncated).toBe(false);
    expect(tree.folders).toEqual(expect.arrayContaining(['runs', 'runs/seed-0', 'eval']));
    const contents = await readBlobs(client(), { owner: 'acme', repo: 'model', blobs: tree.blobs });
    for (const blob of tree.blobs) expect(contents.get(blob.sha)!.toString('utf8')).toBe(files[blob.path]);
    expect(asked()).toEqual(['git/get-tree', 'graphql']);
  });

  test('binary files, text over 512,000 bytes and text that is not UTF-8 come from the blob API', async () => {
    const big = `${'x'.repeat(600_000)}\n`;
    const latin1 = Buffer.from('caf\xe9,1\n', 'latin1');
    const events = Buffer.from([0x18, 0, 0, 0, 0, 0, 0, 0, 0xa3, 0x7f, 0x4b, 0x22]);
    const sha = seedRepo({
      'small.json': '{"a": 1}',
      'big.csv': big,
      'latin1.csv': latin1,
      'logs/events.out.tfevents.1700000000.host': events,
      'nul.bin': Buffer.from([0x61, 0, 0x62]),
    });
    const tree = await commitTree(client(), { owner: 'acme', repo: 'model', sha });
    const contents = await readBlobs(client(), { owner: 'acme', repo: 'model', blobs: tree.blobs });
    const byPath = (path: string) => contents.get(tree.blobs.find((b) => b.path === path)!.sha)!;
    expect(byPath('small.json').toString()).toBe('{"a": 1}');
    expect(byPath('big.csv').toString()).toBe(big);
    expect(byPath('latin1.csv').equals(latin1)).toBe(true);
    expect(byPath('logs/events.out.tfevents.1700000000.host').equals(events)).toBe(true);
    expect(byPath('nul.bin').equals(Buffer.from([0x61, 0, 0x62]))).toBe(true);
    const calls = asked();
    expect(calls.filter((c) => c === 'graphql')).toHaveLength(1);
    // big.csv and the event file skip GraphQL by size and name; nul.bin and latin1.csv come back
    // from it without whole text (binary; not UTF-8) and are asked again.
    expect(calls.filter((c) => c === 'git/get-blob')).toHaveLength(4);
  });

  test('the contents source: five seeds, the config and the predictions in three requests', async () => {
    const files: Record<string, string> = {
      '.mlci.yml': 'repeats: runs/seed-*\n',
      'eval/predictions.csv': 'id,label,prediction\n1,a,a\n',
      'unrelated/big-data.csv': 'a,b\n1,2\n',
    };
    for (let i = 0; i < 5; i++) files[`runs/seed-${i}/metrics.json`] = `{"accuracy": 0.9${i}}`;
    const base = seedRepo(files);
    const head = fake().state.commit('acme/model', {
      branch: 'feature',
      parents: [base],
      files: { 'train.py': '' },
      message: 'change',
    });
    const result = await findBaseline(client(), {
      owner: 'acme',
      repo: 'model',
      base: { ref: 'main', sha: base },
      headSha: head,
      sources: ['contents'],
      repeats: ['runs/seed-*'],
      alsoFetch: ['.mlci.yml', '.mlci.yaml', 'eval/predictions.csv'],
    });
    expect(result.failures).toEqual([]);
    expect(result.found?.files.map((f) => f.slice(result.found!.dir.length + 1)).sort()).toEqual(
      Array.from({ length: 5 }, (_, i) => `runs/seed-${i}/metrics.json`),
    );
    expect(result.attempts[0]!.detail).toBe('found 5 runs (runs/seed-*)');
    expect(result.snapshots).toEqual([
      { sha: base, dir: result.found!.dir, present: ['.mlci.yml', 'eval/predictions.csv'] },
    ]);
    expect(readFileSync(join(result.found!.dir, 'eval/predictions.csv'), 'utf8')).toBe(
      files['eval/predictions.csv'],
    );
    expect(asked()).toEqual(['repos/compare-commits', 'git/get-tree', 'graphql']);
  });

  test('no run at the commit is "not found" there, and the next commit is tried', async () => {
    const base = seedRepo({ 'metrics.json': '{"accuracy": 0.9}' });
    const result = await findBaseline(client(), {
      owner: 'acme',
      repo: 'model',
      base: { ref: 'main', sha: base },
      sources: ['contents'],
      repeats: ['runs/seed-*'],
    });
    expect(result.found).toBeUndefined();
    expect(result.failures).toEqual([]);
    expect(result.attempts.map((a) => a.detail)).toEqual(['runs matching runs/seed-* not found']);
  });

  test('a tree GitHub cannot list whole: paths through the contents API, patterns fail closed', async () => {
    const base = seedRepo({ 'metrics.json': '{"accuracy": 0.9}', 'runs/seed-1/metrics.json': '{}' });
    fake().state.treeLimit = 1;
    const byPath = await findBaseline(client(), {
      owner: 'acme',
      repo: 'model',
      base: { ref: 'main', sha: base },
      sources: ['contents'],
      paths: ['metrics.json'],
    });
    expect(byPath.found?.files).toHaveLength(1);
    const byPattern = await findBaseline(client(), {
      owner: 'acme',
      repo: 'model',
      base: { ref: 'main', sha: base },
      sources: ['contents'],
      repeats: ['runs/seed-*'],
    });
    expect(byPattern.found).toBeUndefined();
    expect(byPattern.failures.map((f) => f.text)).toEqual([
      expect.stringMatching(
        /^contents: main@[0-9a-f]{7} \(base\): the tree of [0-9a-f]{7} is too large for GitHub to list \(over 100,000 entries\), so repeats: cannot be matched there/,
      ),
    ]);
  });
});
