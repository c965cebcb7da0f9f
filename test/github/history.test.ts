import { ConfigurationError, decodeHistorySummary, type HistoryDocument } from '@mlci/core';
import {
  historySummaryPath,
  readHistorySummary,
  recordHistoryWithSummary,
  type RecordWithSummaryOptions,
} from '../../packages/github/src/history.js';
import { commitFiles, commitFilesInOneRequest } from '../../packages/github/src/git-data.js';
import { createClient } from '../../packages/github/src/client.js';
import { FULL_NAME, OWNER, REPO, TOKEN, fakeClient, recordingLogger, useFakeGitHub } from './helpers.js';
import type { FakeGitHub } from '../support/fake-github/index.js';

const BRANCH = 'mlci-history';
/** A commit SHA that says its number: f000...0007. */
const sha = (n: number) => `f${String(n).padStart(39, '0')}`;
const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();

function doc(n: number, accuracy = 0.9 + n / 1000, recordedAt: string | null = at(n)): HistoryDocument {
  return {
    schema: 'mlci/history',
    version: 1,
    sha: sha(n),
    ref: 'refs/heads/main',
    ...(recordedAt !== null ? { recordedAt } : {}),
    runs: [
      {
        metrics: { accuracy },
        series: {
          loss: {
            points: [{ step: 1, value: 0.5 }],
            stats: { count: 1, nonFinite: 0, first: { step: 1, value: 0.5 }, last: { step: 1, value: 0.5 } },
          },
        },
        params: {},
        sources: [],
      },
    ],
  };
}

function seedRepo(fake: FakeGitHub): void {
  fake.state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
  fake.state.commit(FULL_NAME, { branch: 'main', files: { 'README.md': '#' }, message: 'init' });
}

function summaryOn(fake: FakeGitHub, path = 'summary.json') {
  const text = fake.state.files(FULL_NAME, BRANCH).get(path);
  if (text === undefined) throw new Error(`${path} is not on ${BRANCH}`);
  return decodeHistorySummary(JSON.parse(text.toString('utf8')), path);
}

const shasOf = (records: ReadonlyArray<{ sha: string }>) => records.map((r) => Number(r.sha.slice(1)));

describe('the history summary on the history branch', () => {
  const fake = useFakeGitHub();
  const record = (n: number, extra: Partial<RecordWithSummaryOptions> = {}) =>
    recordHistoryWithSummary(fakeClient(fake()), {
      owner: OWNER,
      repo: REPO,
      document: doc(n),
      retryDelayMs: 1,
      ...extra,
    });

  test('its path sits beside the records of its report, and cannot be a record', () => {
    expect(historySummaryPath()).toBe('summary.json');
    expect(historySummaryPath('mlci/gpu')).toBe('mlci/gpu/summary.json');
  });

  test('each push adds its record and the summary in one commit: 3 requests once the branch exists', async () => {
    seedRepo(fake());
    const first = await record(1);
    expect(first).toMatchObject({
      ok: true,
      path: `${sha(1)}.json`,
      summaryPath: 'summary.json',
      records: 1,
    });
    const before = fake().requests.length;
    const second = await record(2);
    expect(second).toMatchObject({ ok: true, records: 2 });
    expect(
      fake()
        .requests.slice(before)
        .map((r) => r.operationId),
    ).toEqual(['git/get-ref', 'repos/get-content', 'graphql']);
    const files = fake().state.files(FULL_NAME, BRANCH);
    expect([...files.keys()].sort()).toEqual([`${sha(1)}.json`, `${sha(2)}.json`, 'summary.json']);
    // The record keeps its curves; the summary only the metrics.
    expect(files.get(`${sha(2)}.json`)!.toString()).toContain('"series"');
    const summary = summaryOn(fake());
    expect(shasOf(summary.records)).toEqual([1, 2]);
    expect(summary.records[1]).toEqual({
      sha: sha(2),
      recordedAt: at(2),
      runs: [expect.objectContaining({ metrics: { accuracy: 0.902 }, series: {} })],
    });
  });

  test('compaction: past `keep` records the oldest leave the branch with the summary, in the same commit', async () => {
    seedRepo(fake());
    const bytes = () =>
      [...fake().state.files(FULL_NAME, BRANCH).values()].reduce((sum, b) => sum + b.length, 0);
    for (let n = 1; n <= 5; n++) expect(await record(n, { keep: 5 })).toMatchObject({ ok: true, removed: 0 });
    const full = bytes();
    const before = fake().requests.length;
    for (let n = 6; n <= 12; n++)
      expect(await record(n, { keep: 5 })).toMatchObject({ ok: true, records: 5, removed: 1 });
    // Still 3 requests a push: the deletions ride in the commit.
    expect(fake().requests.length - before).toBe(7 * 3);
    const files = [...fake().state.files(FULL_NAME, BRANCH).keys()].sort();
    // The summary names exactly the records on the branch: 8 to 12.
    expect(files).toEqual([...[8, 9, 10, 11, 12].map((n) => `${sha(n)}.json`), 'summary.json']);
    expect(shasOf(summaryOn(fake()).records)).toEqual([8, 9, 10, 11, 12]);
    // The size stays where 5 records put it, however many pushes follow.
    expect(bytes()).toBeLessThanOrEqual(full + 5 * 16);
  });

  test('compaction with a concurrent push: neither loses the other, and no kept record is removed', async () => {
    seedRepo(fake());
    for (let n = 1; n <= 3; n++) await record(n, { keep: 3 });
    const results = await Promise.all([4, 5].map((n) => record(n, { keep: 3, maxAttempts: 10 })));
    expect(results.every((r) => r.ok)).toBe(true);
    const files = [...fake().state.files(FULL_NAME, BRANCH).keys()].sort();
    expect(files).toEqual([...[3, 4, 5].map((n) => `${sha(n)}.json`), 'summary.json']);
    expect(shasOf(summaryOn(fake()).records)).toEqual([3, 4, 5]);
  });

  test('concurrent pushes lose no record: a writer whose branch moved reads the summary again', async () => {
    seedRepo(fake());
    await record(1);
    const log = recordingLogger();
    const results = await Promise.all([2, 3, 4, 5, 6, 7].map((n) => record(n, { maxAttempts: 10, log })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(log.lines.join('\n')).toMatch(/Branch mlci-history moved while committing; retrying/);
    // In the order the commits were made, whatever order the writers landed in.
    expect(shasOf(summaryOn(fake()).records)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test('the Git Data API path (no createCommitOnBranch) rebuilds the summary on a moved head too', async () => {
    seedRepo(fake());
    await record(1);
    const client = fakeClient(fake());
    const calls: Array<string | undefined> = [];
    // A writer lands between this one's head read and its ref update: the update is refused (422).
    fake().inject({
      method: 'PATCH',
      path: /\/git\/refs\/heads(\/|%2F)mlci-history$/,
      status: 422,
      body: {
        message: 'Update is not a fast forward',
        documentation_url: 'https://docs.github.com/rest',
        status: '422',
      },
    });
    await commitFiles(client, {
      owner: OWNER,
      repo: REPO,
      branch: BRANCH,
      files: [{ path: 'a.txt', content: 'a' }],
      filesAtHead: async (head) => {
        calls.push(head);
        return [{ path: 'made-at-head.txt', content: head ?? 'none' }];
      },
      message: 'a',
      retryDelayMs: 1,
    });
    expect(calls).toHaveLength(2);
    const files = fake().state.files(FULL_NAME, BRANCH);
    expect(files.get('made-at-head.txt')!.toString()).toBe(calls[1]);
    expect(files.get('a.txt')!.toString()).toBe('a');
  });

  test('commitFilesInOneRequest calls filesAtHead with each head it commits on, undefined for a new branch', async () => {
    seedRepo(fake());
    const client = fakeClient(fake());
    const heads: Array<string | undefined> = [];
    const options = {
      owner: OWNER,
      repo: REPO,
      branch: 'other',
      files: [],
      filesAtHead: async (head: string | undefined) => {
        heads.push(head);
        return [{ path: 'x.txt', content: String(heads.length) }];
      },
      message: 'x',
      retryDelayMs: 1,
    };
    const created = await commitFilesInOneRequest(client, options);
    expect(heads).toEqual([undefined]);
    fake().inject({
      path: /\/graphql$/,
      status: 200,
      body: {
        data: null,
        errors: [{ type: 'STALE_DATA', message: 'Expected branch to point to "abc" but it did not.' }],
      },
    });
    await commitFilesInOneRequest(client, options);
    expect(heads).toEqual([undefined, created.commitSha, created.commitSha]);
  });

  test('a report id keeps its own summary beside its records', async () => {
    seedRepo(fake());
    await record(1);
    await record(2, { reportId: 'mlci/gpu' });
    expect(shasOf(summaryOn(fake()).records)).toEqual([1]);
    expect(shasOf(summaryOn(fake(), 'mlci/gpu/summary.json').records)).toEqual([2]);
    const read = await readHistorySummary(fakeClient(fake()), {
      owner: OWNER,
      repo: REPO,
      reportId: 'mlci/gpu',
    });
    expect(read.where).toBe('mlci-history:mlci/gpu/summary.json');
    expect(shasOf(read.summary!.records)).toEqual([2]);
  });

  test('keeps the newest `keep` records', async () => {
    seedRepo(fake());
    for (let n = 1; n <= 5; n++) await record(n, { keep: 3 });
    expect(shasOf(summaryOn(fake()).records)).toEqual([3, 4, 5]);
    // And only those records stay on the branch (#14: the branch no longer grows forever).
    expect(fake().state.files(FULL_NAME, BRANCH).size).toBe(4);
  });

  test('history written by an older mlci: the first push rebuilds the summary from the records, once', async () => {
    seedRepo(fake());
    const old: Record<string, string> = {};
    for (const n of [3, 1, 4, 2]) old[`${sha(n)}.json`] = JSON.stringify(doc(n));
    old[`${sha(9)}.json`] = JSON.stringify(doc(9, 0.5, null)); // before mlci 0.2: no time
    old['mlci/gpu/' + `${sha(8)}.json`] = JSON.stringify(doc(8)); // another report's
    old[`${sha(7)}.json`] = '{"schema": "not mlci"}';
    fake().state.commit(FULL_NAME, { branch: BRANCH, parents: [], files: old, message: 'old mlci' });
    const log = recordingLogger();
    const before = fake().requests.length;
    const result = await record(5, { log });
    expect(result).toMatchObject({ ok: true, records: 5, rebuilt: 4 });
    expect(shasOf(summaryOn(fake()).records)).toEqual([1, 2, 3, 4, 5]);
    const text = log.lines.join('\n');
    expect(text).toContain(`mlci-history:${sha(7)}.json is left out of the summary`);
    expect(text).toContain(
      'mlci-history:summary.json was missing: rebuilt from the newest 4 of 6 records on the branch (1 without a recording time left out: their order is unknown).',
    );
    // The head, the summary (404), the tree, one GraphQL query for the records, the commit.
    expect(
      fake()
        .requests.slice(before)
        .map((r) => r.operationId),
    ).toEqual(['git/get-ref', 'repos/get-content', 'git/get-tree', 'graphql', 'graphql']);
    const after = fake().requests.length;
    await record(6);
    expect(fake().requests.length - after).toBe(3);
  });

  test('more records than a rebuild reads: the summary starts from the new record, and the log says how to rebuild', async () => {
    seedRepo(fake());
    const old: Record<string, string> = {};
    for (const n of [1, 2, 3]) old[`${sha(n)}.json`] = JSON.stringify(doc(n));
    fake().state.commit(FULL_NAME, { branch: BRANCH, parents: [], files: old, message: 'old mlci' });
    const log = recordingLogger();
    const result = await record(4, { log, maxRebuild: 2, keep: 2 });
    expect(result).toMatchObject({ ok: true, records: 1, rebuilt: 0 });
    expect(log.lines.join('\n')).toContain(
      'the 3 records (1 KiB) are more than a rebuild reads (2, 64 MiB): the summary starts from this record. To rebuild it from older records, delete all but the newest 2 records and summary.json on the branch',
    );
  });

  test('a summary that is not one mlci wrote is rebuilt by the next push, and refused by readers', async () => {
    seedRepo(fake());
    await record(1);
    await record(2);
    fake().state.commit(FULL_NAME, {
      branch: BRANCH,
      files: {
        'summary.json': '{"schema": "mlci/history-summary", "version": 1, "records": [{"sha": "HEAD"}]}',
      },
      message: 'vandal',
    });
    await expect(readHistorySummary(fakeClient(fake()), { owner: OWNER, repo: REPO })).rejects.toThrow(
      new ConfigurationError(
        'mlci-history:summary.json: records[0].sha: expected a full commit SHA (40 hexadecimal digits); delete it on the history branch: the next push to the default branch that the report action records rebuilds it from the records',
      ),
    );
    const log = recordingLogger();
    await record(3, { log });
    expect(log.lines.join('\n')).toMatch(
      /warning: mlci-history:summary.json: records\[0\]\.sha: .* Rebuilding it from the records\./,
    );
    expect(shasOf(summaryOn(fake()).records)).toEqual([1, 2, 3]);
  });

  test('reading: one request; a missing branch or file is no summary; an outage is thrown', async () => {
    seedRepo(fake());
    const client = fakeClient(fake());
    expect(await readHistorySummary(client, { owner: OWNER, repo: REPO })).toEqual({
      where: 'mlci-history:summary.json',
    });
    await record(1);
    const before = fake().requests.length;
    const read = await readHistorySummary(client, { owner: OWNER, repo: REPO });
    expect(shasOf(read.summary!.records)).toEqual([1]);
    expect(fake().requests.length - before).toBe(1);
    expect(await readHistorySummary(client, { owner: OWNER, repo: REPO, reportId: 'other' })).toEqual({
      where: 'mlci-history:other/summary.json',
    });
    fake().inject({ path: /summary\.json$/, status: 502, times: 10 });
    const impatient = createClient({ token: TOKEN, apiUrl: fake().url, retries: 0 });
    await expect(readHistorySummary(impatient, { owner: OWNER, repo: REPO })).rejects.toMatchObject({
      status: 502,
    });
  });

  test('a summary over 1 MB is read as a blob: 2 requests', async () => {
    seedRepo(fake());
    const many: Record<string, number> = {};
    for (let i = 0; i < 2000; i++) many[`metric_with_a_rather_long_name_${i}`] = i / 7;
    await recordHistoryWithSummary(fakeClient(fake()), {
      owner: OWNER,
      repo: REPO,
      document: {
        ...doc(1),
        runs: Array.from({ length: 12 }, () => ({ ...doc(1).runs[0]!, metrics: many })),
      },
    });
    expect(fake().state.files(FULL_NAME, BRANCH).get('summary.json')!.length).toBeGreaterThan(1024 * 1024);
    const before = fake().requests.length;
    const read = await readHistorySummary(fakeClient(fake()), { owner: OWNER, repo: REPO });
    expect(read.summary!.records[0]!.runs).toHaveLength(12);
    expect(
      fake()
        .requests.slice(before)
        .map((r) => r.operationId),
    ).toEqual(['repos/get-content', 'git/get-blob']);
  });
});

describe('the history summary with a read-only token', () => {
  const fake = useFakeGitHub({ readOnly: true });
  test('says why instead of throwing', async () => {
    seedRepo(fake());
    const result = await recordHistoryWithSummary(fakeClient(fake()), {
      owner: OWNER,
      repo: REPO,
      document: doc(1),
    });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('grant `contents: write`') });
  });
});
