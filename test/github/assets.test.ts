import {
  assetUrl,
  expiredPushFolders,
  parsePushesIndex,
  pathSegments,
  prunePushFolders,
  publishAssets,
  removeAssetsFolder,
  PUSHES_INDEX_FILE,
} from '../../packages/github/src/assets.js';
import { createClient } from '../../packages/github/src/client.js';
import { commitFiles, readBranchHeadEarly } from '../../packages/github/src/git-data.js';
import {
  FULL_NAME,
  TOKEN,
  OWNER,
  REPO,
  fakeClient,
  recordingLogger,
  seedPullRequest,
  useFakeGitHub,
} from './helpers.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);

describe('asset paths and URLs', () => {
  test('segments are safe in a git tree; a report id with a slash stays two folders', () => {
    expect(pathSegments('mlci/gpu')).toEqual(['mlci', 'gpu']);
    expect(pathSegments('../../etc/passwd')).toEqual(['etc', 'passwd']);
    expect(pathSegments('a b#c?.png')).toEqual(['a_b_c_.png']);
    expect(pathSegments('')).toEqual(['_']);
  });

  test('URLs name the commit and ask for the raw file', () => {
    expect(assetUrl('https://ghe.example.com/', 'acme', 'model', 'abc', 'pr-1/mlci/curves loss.png')).toBe(
      'https://ghe.example.com/acme/model/blob/abc/pr-1/mlci/curves%20loss.png?raw=true',
    );
  });
});

describe('publishAssets against the fake GitHub', () => {
  const fake = useFakeGitHub();
  const refOf = (branch: string) => fake().state.repo(FULL_NAME).refs.get(`refs/heads/${branch}`);
  const publish = (folder: string, reportId = 'mlci', extra = {}) =>
    publishAssets(fakeClient(fake()), {
      owner: OWNER,
      repo: REPO,
      serverUrl: 'https://github.com',
      folder,
      reportId,
      files: [
        { name: 'curves-loss.png', content: PNG },
        { name: 'deltas.png', content: PNG.slice(0, 8) },
      ],
      retryDelayMs: 0,
      ...extra,
    });

  test('creates the orphan branch, then adds one commit per report; URLs name each commit', async () => {
    seedPullRequest(fake());
    const first = await publish('pr-1');
    if (!first.ok) throw new Error(first.reason);
    expect(refOf('mlci-assets')).toBe(first.commitSha);
    expect(first.urls).toEqual({
      'curves-loss.png': `https://github.com/acme/model/blob/${first.commitSha}/pr-1/mlci/curves-loss.png?raw=true`,
      'deltas.png': `https://github.com/acme/model/blob/${first.commitSha}/pr-1/mlci/deltas.png?raw=true`,
    });
    const second = await publish('pr-1', 'mlci/gpu');
    if (!second.ok) throw new Error(second.reason);
    expect(second.commitSha).not.toBe(first.commitSha);
    expect(refOf('mlci-assets')).toBe(second.commitSha);
    const repo = fake().state.repo(FULL_NAME);
    expect(repo.commits.get(second.commitSha)!.parents).toEqual([first.commitSha]);
    expect(repo.commits.get(first.commitSha)!.parents).toEqual([]);
    // The second commit went through GraphQL's createCommitOnBranch, on top of the first.
    const files = fake().state.files(FULL_NAME, second.commitSha);
    expect([...files.keys()].sort()).toEqual([
      'pr-1/mlci/curves-loss.png',
      'pr-1/mlci/deltas.png',
      'pr-1/mlci/gpu/curves-loss.png',
      'pr-1/mlci/gpu/deltas.png',
    ]);
    expect(
      fake()
        .requests.slice(-2)
        .map((r) => r.operationId),
    ).toEqual(['git/get-ref', 'graphql']);
    expect(new Uint8Array(files.get('pr-1/mlci/gpu/curves-loss.png')!)).toEqual(PNG);
    // The main branch is untouched.
    expect(fake().state.files(FULL_NAME, 'main').has('pr-1/mlci/deltas.png')).toBe(false);
  });

  const stale = (times = 1) => ({
    method: 'POST',
    path: /\/graphql$/,
    status: 200,
    times,
    body: {
      data: null,
      errors: [
        {
          type: 'STALE_DATA',
          path: ['createCommitOnBranch'],
          message: 'Expected branch to point to "abc" but it did not. Pull and try again.',
        },
      ],
    },
  });

  test('the branch moved by a concurrent writer (STALE_DATA): read again and retried', async () => {
    seedPullRequest(fake());
    await publish('pr-1');
    fake().inject(stale());
    const log = recordingLogger();
    const result = await publish('pr-2', 'mlci', { log });
    expect(result.ok).toBe(true);
    expect(log.lines.join('\n')).toMatch(
      /Branch mlci-assets moved while committing; retrying .*attempt 2 of 5/,
    );
    expect(
      fake()
        .requests.filter((r) => r.path === '/graphql')
        .map((r) => r.status),
    ).toEqual([200, 200]);
  });

  test('the Git Data API path (a new branch) retries a moved ref (422) too', async () => {
    seedPullRequest(fake());
    const client = fakeClient(fake());
    await commitFiles(client, {
      owner: OWNER,
      repo: REPO,
      branch: 'mlci-assets',
      files: [{ path: 'a.txt', content: 'a' }],
      message: 'a',
    });
    fake().inject({
      method: 'PATCH',
      path: /\/git\/refs\/heads(\/|%2F)mlci-assets$/,
      status: 422,
      body: {
        message: 'Update is not a fast forward',
        documentation_url: 'https://docs.github.com/rest',
        status: '422',
      },
    });
    const log = recordingLogger();
    await commitFiles(client, {
      owner: OWNER,
      repo: REPO,
      branch: 'mlci-assets',
      files: [{ path: 'b.txt', content: 'b' }],
      message: 'b',
      retryDelayMs: 1,
      log,
    });
    expect(log.lines.join('\n')).toMatch(
      /Branch mlci-assets moved while committing \(422\); retrying .*attempt 2 of 5/,
    );
    expect(
      fake()
        .requests.filter((r) => r.operationId === 'git/update-ref')
        .map((r) => r.status),
    ).toEqual([422, 200]);
  });

  test('concurrent writers all land, each on top of the other', async () => {
    seedPullRequest(fake());
    const client = fakeClient(fake());
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((name) =>
        commitFiles(client, {
          owner: OWNER,
          repo: REPO,
          branch: 'mlci-assets',
          files: [{ path: `${name}.txt`, content: name }],
          message: name,
          retryDelayMs: 1,
          maxAttempts: 10,
        }),
      ),
    );
    expect(results.filter((r) => r.createdBranch)).toHaveLength(1);
    expect([...fake().state.files(FULL_NAME, 'mlci-assets').keys()].sort()).toEqual([
      'a.txt',
      'b.txt',
      'c.txt',
      'd.txt',
    ]);
  });

  test('a head read early (while the charts were drawn) is used; one gone stale costs a retry', async () => {
    seedPullRequest(fake());
    await publish('pr-1');
    const client = fakeClient(fake());
    const early = readBranchHeadEarly(client, OWNER, REPO, 'mlci-assets');
    expect(await early).toBe(refOf('mlci-assets'));
    const before = fake().requests.length;
    const fresh = await publish('pr-2', 'mlci', { head: early });
    expect(fresh.ok).toBe(true);
    expect(
      fake()
        .requests.slice(before)
        .map((r) => r.operationId),
    ).toEqual(['graphql']);

    // Another report lands between the early read and this commit.
    const stale = readBranchHeadEarly(client, OWNER, REPO, 'mlci-assets');
    await stale;
    await publish('pr-3');
    const log = recordingLogger();
    const after = fake().requests.length;
    const moved = await publish('pr-4', 'mlci', { head: stale, log });
    if (!moved.ok) throw new Error(moved.reason);
    expect(refOf('mlci-assets')).toBe(moved.commitSha);
    expect(
      fake()
        .requests.slice(after)
        .map((r) => r.operationId),
    ).toEqual(['graphql', 'git/get-ref', 'graphql']);
    expect(log.lines.join('\n')).toMatch(/Branch mlci-assets moved while committing/);
  });

  test('an early read that failed fails the publish as a late one would', async () => {
    seedPullRequest(fake());
    await publish('pr-1');
    fake().inject({ method: 'GET', path: /\/git\/ref\//, status: 500, times: 10 });
    const early = readBranchHeadEarly(
      createClient({ token: TOKEN, apiUrl: fake().url, retries: 0 }),
      OWNER,
      REPO,
      'mlci-assets',
    );
    // Nothing awaits it for a while: its failure must not be an unhandled rejection meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(publish('pr-2', 'mlci', { head: early })).rejects.toMatchObject({ status: 500 });
  });

  test('gives up after the last attempt', async () => {
    seedPullRequest(fake());
    await publish('pr-1');
    fake().inject(stale(2));
    await expect(publish('pr-2', 'mlci', { maxAttempts: 2 })).rejects.toThrow(/Expected branch to point to/);
  });
});

describe('publishAssets with a read-only token', () => {
  const fake = useFakeGitHub({ readOnly: true });

  test('says why instead of throwing', async () => {
    seedPullRequest(fake());
    const result = await publishAssets(fakeClient(fake()), {
      owner: OWNER,
      repo: REPO,
      serverUrl: 'https://github.com',
      folder: 'pr-1',
      reportId: 'mlci',
      files: [{ name: 'curves-loss.png', content: PNG }],
    });
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/^the token may not push to the mlci-assets branch .*job summary/),
    });
  });
});

describe('removeAssetsFolder: a closed pull request leaves the assets branch', () => {
  const fake = useFakeGitHub();
  const tree = () => [...fake().state.files(FULL_NAME, 'mlci-assets').keys()].sort();
  const seedAssets = () => {
    seedPullRequest(fake());
    fake().state.commit(FULL_NAME, {
      branch: 'mlci-assets',
      files: {
        'pr-1/mlci/change-metrics.png': Buffer.from(PNG),
        'pr-1/mlci/gpu/curve-loss.png': Buffer.from(PNG),
        'pr-12/mlci/change-metrics.png': Buffer.from(PNG),
        '0123abc/mlci/change-metrics.png': Buffer.from(PNG),
      },
      message: 'charts',
    });
  };
  const remove = (client = fakeClient(fake()), folder = 'pr-1') =>
    removeAssetsFolder(client, { owner: OWNER, repo: REPO, folder, retryDelayMs: 0 });

  test('removes every report of the pull request, and only its folder (pr-12 is another one)', async () => {
    seedAssets();
    const before = fake().state.repo(FULL_NAME).refs.get('refs/heads/mlci-assets')!;
    const result = await remove();
    expect(result).toMatchObject({ ok: true, removed: 2, bytes: 2 * PNG.length });
    expect(tree()).toEqual(['0123abc/mlci/change-metrics.png', 'pr-12/mlci/change-metrics.png']);
    // On top of the head: the commits old comments link to stay in the history.
    const head = fake().state.repo(FULL_NAME).refs.get('refs/heads/mlci-assets')!;
    expect(fake().state.repo(FULL_NAME).commits.get(head)!.parents).toEqual([before]);
    expect(fake().state.files(FULL_NAME, before).has('pr-1/mlci/change-metrics.png')).toBe(true);
  });

  test('nothing to remove (no branch, or no folder): no commit', async () => {
    seedPullRequest(fake());
    expect(await remove()).toEqual({ ok: true, removed: 0, bytes: 0 });
    seedAssets();
    const head = fake().state.repo(FULL_NAME).refs.get('refs/heads/mlci-assets');
    expect(await remove(fakeClient(fake()), 'pr-99')).toEqual({ ok: true, removed: 0, bytes: 0 });
    expect(fake().state.repo(FULL_NAME).refs.get('refs/heads/mlci-assets')).toBe(head);
  });

  test('a report that lands between the listing and the commit is read again, never overwritten', async () => {
    seedAssets();
    const client = fakeClient(fake());
    const graphql = client.graphql;
    let raced = false;
    // Another job's report commits first: a chart of this pull request and one of another.
    client.graphql = (async (...args: Parameters<typeof graphql>) => {
      if (!raced) {
        raced = true;
        fake().state.commit(FULL_NAME, {
          branch: 'mlci-assets',
          files: { 'pr-1/mlci/late.png': Buffer.from(PNG), 'pr-7/mlci/change-metrics.png': Buffer.from(PNG) },
          message: 'a concurrent report',
        });
      }
      return graphql(...args);
    }) as typeof graphql;
    const result = await remove(client);
    expect(result).toMatchObject({ ok: true, removed: 3 });
    expect(tree()).toEqual([
      '0123abc/mlci/change-metrics.png',
      'pr-12/mlci/change-metrics.png',
      'pr-7/mlci/change-metrics.png',
    ]);
  });
});

describe('removeAssetsFolder with a read-only token', () => {
  const fake = useFakeGitHub({ readOnly: true });

  test('a reason, not an exception: the closed pull request stays green', async () => {
    seedPullRequest(fake());
    fake().state.commit(FULL_NAME, {
      branch: 'mlci-assets',
      files: { 'pr-1/mlci/change-metrics.png': Buffer.from(PNG) },
      message: 'charts',
    });
    const result = await removeAssetsFolder(fakeClient(fake()), { owner: OWNER, repo: REPO, folder: 'pr-1' });
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^the token may not push to the mlci-assets branch [\s\S]*contents: write/,
      ),
    });
  });
});

// Issue #14, item 6: the default branch's `<sha>/` folders were never removed ("the pushes'
// folders are not removed yet", docs/workflows.md section 4). They go after assets-keep-days.
describe('expiredPushFolders: which of the default branch chart folders are past the retention', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  const A = 'a'.repeat(40);
  const B = 'b'.repeat(40);
  const C = 'c'.repeat(40);

  test('older than keepDays goes; within it stays with its date', () => {
    const index = { [A]: '2026-08-01T00:00:00Z', [B]: '2026-11-30T00:00:00Z' };
    expect(expiredPushFolders([A, B, A], index, { now, keepDays: 90 })).toEqual({
      expired: [A],
      kept: { [B]: '2026-11-30T00:00:00Z' },
    });
  });

  test('a folder the index does not date (older versions, by hand) is dated now, never removed on a guess', () => {
    expect(expiredPushFolders([C], { [C]: 'not a date' }, { now, keepDays: 1 })).toEqual({
      expired: [],
      kept: { [C]: now.toISOString() },
    });
  });

  test('entries of folders no longer on the branch are dropped from the index', () => {
    expect(expiredPushFolders([], { [A]: '2026-12-01T00:00:00Z' }, { now, keepDays: 90 }).kept).toEqual({});
  });

  test('an unreadable index reads as empty', () => {
    expect(parsePushesIndex(undefined)).toEqual({});
    expect(parsePushesIndex('{')).toEqual({});
    expect(parsePushesIndex('{"folders": [1]}')).toEqual({});
    expect(parsePushesIndex(`{"folders": {"${A}": "2026-01-01T00:00:00Z", "x": 3}}`)).toEqual({
      [A]: '2026-01-01T00:00:00Z',
    });
  });
});

describe('prunePushFolders against the fake GitHub', () => {
  const fake = useFakeGitHub();
  const OLD = '1'.repeat(40);
  const RECENT = '2'.repeat(40);
  const NEW = '3'.repeat(40);
  const now = new Date('2026-12-06T12:00:00Z');
  const tree = () => [...fake().state.files(FULL_NAME, 'mlci-assets').keys()].sort();
  const headOf = () => fake().state.repo(FULL_NAME).refs.get('refs/heads/mlci-assets');
  const index = () =>
    JSON.parse(fake().state.files(FULL_NAME, 'mlci-assets').get(PUSHES_INDEX_FILE)!.toString('utf8')) as {
      folders: Record<string, string>;
    };
  const seedAssets = () => {
    seedPullRequest(fake());
    fake().state.commit(FULL_NAME, {
      branch: 'mlci-assets',
      files: {
        [`${OLD}/mlci/change-metrics.png`]: Buffer.from(PNG),
        [`${OLD}/mlci/gpu/curve-loss.png`]: Buffer.from(PNG),
        [`${RECENT}/mlci/change-metrics.png`]: Buffer.from(PNG),
        [`${NEW}/mlci/change-metrics.png`]: Buffer.from(PNG),
        'pr-4/mlci/change-metrics.png': Buffer.from(PNG),
        [PUSHES_INDEX_FILE]: JSON.stringify({
          version: 1,
          folders: { [OLD]: '2026-08-01T00:00:00.000Z', [RECENT]: '2026-11-01T00:00:00.000Z' },
        }),
      },
      message: 'charts',
    });
  };
  const prune = (client = fakeClient(fake()), keepDays = 90) =>
    prunePushFolders(client, { owner: OWNER, repo: REPO, keepDays, now, retryDelayMs: 0 });

  test("removes the folders past keepDays in one commit on the head, keeps the recent ones, pull requests' and the index", async () => {
    seedAssets();
    const before = headOf()!;
    const result = await prune();
    expect(result).toMatchObject({
      ok: true,
      removedFolders: [OLD],
      removed: 2,
      bytes: 2 * PNG.length,
      kept: 2,
    });
    expect(tree()).toEqual([
      `${RECENT}/mlci/change-metrics.png`,
      `${NEW}/mlci/change-metrics.png`,
      'pr-4/mlci/change-metrics.png',
      PUSHES_INDEX_FILE,
    ]);
    // The new folder is dated by this run; the old commit keeps the removed charts for old links.
    expect(index().folders).toEqual({ [RECENT]: '2026-11-01T00:00:00.000Z', [NEW]: now.toISOString() });
    expect(fake().state.repo(FULL_NAME).commits.get(headOf()!)!.parents).toEqual([before]);
    expect(fake().state.files(FULL_NAME, before).has(`${OLD}/mlci/change-metrics.png`)).toBe(true);
  });

  test('nothing expired and every folder dated: no commit; no branch: nothing', async () => {
    seedPullRequest(fake());
    expect(await prune()).toEqual({ ok: true, removedFolders: [], removed: 0, bytes: 0, kept: 0 });
    seedAssets();
    await prune();
    const head = headOf();
    expect(await prune()).toMatchObject({ ok: true, removedFolders: [], kept: 2 });
    expect(headOf()).toBe(head);
  });

  test('a report that lands between the listing and the commit is read again, never overwritten', async () => {
    seedAssets();
    const client = fakeClient(fake());
    const graphql = client.graphql;
    let raced = false;
    const LATE = '4'.repeat(40);
    client.graphql = (async (...args: Parameters<typeof graphql>) => {
      const query = String(args[0]);
      if (!raced && query.includes('createCommitOnBranch')) {
        raced = true;
        fake().state.commit(FULL_NAME, {
          branch: 'mlci-assets',
          files: {
            [`${LATE}/mlci/change-metrics.png`]: Buffer.from(PNG),
            'pr-9/mlci/x.png': Buffer.from(PNG),
          },
          message: 'a concurrent report',
        });
      }
      return graphql(...args);
    }) as typeof graphql;
    const result = await prune(client);
    expect(result).toMatchObject({ ok: true, removedFolders: [OLD], kept: 3 });
    expect(tree()).toEqual([
      `${RECENT}/mlci/change-metrics.png`,
      `${NEW}/mlci/change-metrics.png`,
      `${LATE}/mlci/change-metrics.png`,
      'pr-4/mlci/change-metrics.png',
      'pr-9/mlci/x.png',
      PUSHES_INDEX_FILE,
    ]);
    expect(Object.keys(index().folders).sort()).toEqual([RECENT, NEW, LATE].sort());
  });
});

describe('prunePushFolders with a read-only token', () => {
  const fake = useFakeGitHub({ readOnly: true });

  test('a reason, not an exception', async () => {
    seedPullRequest(fake());
    fake().state.commit(FULL_NAME, {
      branch: 'mlci-assets',
      files: { [`${'1'.repeat(40)}/mlci/change-metrics.png`]: Buffer.from(PNG) },
      message: 'charts',
    });
    const result = await prunePushFolders(fakeClient(fake()), { owner: OWNER, repo: REPO, keepDays: 90 });
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^the token may not push to the mlci-assets branch [\s\S]*contents: write/,
      ),
    });
  });
});
