import { reportMarker } from '@mlci/core';
import {
  compareReports,
  headMarker,
  readHeadMarker,
  readRunMarker,
  readStamp,
  runMarker,
  shortReportBody,
  settleAfter,
  upsertReportComment,
  withMarkers,
  type ReportStamp,
  type UpsertCommentOptions,
} from '../../packages/github/src/comments.js';
import {
  OWNER,
  REPO,
  FULL_NAME,
  fakeClient,
  recordingLogger,
  seedPullRequest,
  useFakeGitHub,
} from './helpers.js';

const marker = reportMarker('mlci');

describe('comment markers', () => {
  test('the head marker is written once and read back', () => {
    const sha = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
    const body = withMarkers(`# report\n${marker}`, marker, sha);
    expect(body).toBe(`# report\n${marker}\n${headMarker(sha)}`);
    expect(readHeadMarker(body)).toBe(sha);
    // Writing again replaces the old head marker instead of stacking them.
    const again = withMarkers(body, marker, 'abc123');
    expect(again).toBe(`# report\n${marker}\n<!-- mlci-head sha="abc123" -->`);
    expect(readHeadMarker('no marker')).toBeUndefined();
  });

  test('the report marker is added when the body lacks it', () => {
    expect(withMarkers('# report', marker, undefined)).toBe(`# report\n${marker}`);
  });

  test('the short body links the full report and keeps both markers', () => {
    const body = shortReportBody(marker, 'abc', 'https://github.com/acme/model/actions/runs/1');
    expect(body).toContain('[here](https://github.com/acme/model/actions/runs/1)');
    expect(body).toContain(marker);
    expect(readHeadMarker(body)).toBe('abc');
  });
});

describe('run markers', () => {
  test('the run marker is written after the head marker, replaced, and read back', () => {
    const body = withMarkers(`# report\n${marker}`, marker, 'abc', '2024-06-01T12:00:00Z', {
      id: 42,
      attempt: 2,
    });
    expect(body).toBe(
      `# report\n${marker}\n<!-- mlci-head sha="abc" at="2024-06-01T12:00:00Z" -->\n${runMarker({ id: 42, attempt: 2 })}`,
    );
    expect(readStamp(body)).toEqual({
      sha: 'abc',
      time: '2024-06-01T12:00:00Z',
      run: { id: 42, attempt: 2 },
    });
    const again = withMarkers(body, marker, 'def', undefined, { id: 43, attempt: 1 });
    expect(readRunMarker(again)).toEqual({ id: 43, attempt: 1 });
    expect(again.match(/mlci-run/g)).toHaveLength(1);
    // The head marker keeps the form earlier versions read.
    expect(readHeadMarker(again)).toBe('def');
    expect(readRunMarker('no marker')).toBeUndefined();
  });

  test('the short body keeps the time and the run', () => {
    const body = shortReportBody(marker, 'abc', undefined, '2024-06-01T12:00:00Z', { id: 7, attempt: 1 });
    expect(readStamp(body)).toEqual({ sha: 'abc', time: '2024-06-01T12:00:00Z', run: { id: 7, attempt: 1 } });
  });
});

describe('compareReports: a total order, so that concurrent runs agree', () => {
  const T = '2024-06-01T12:00:00Z';
  const at = (sha: string, time?: string, id?: number, attempt = 1): ReportStamp => ({
    sha,
    ...(time !== undefined ? { time } : {}),
    ...(id !== undefined ? { run: { id, attempt } } : {}),
  });

  test('the later event time wins, without the head; a report without a time is older', () => {
    expect(compareReports(at('a', '2024-06-01T12:00:01Z'), at('b', T))).toEqual({ order: 1, by: 'time' });
    expect(compareReports(at('a', T), at('b', '2024-06-01T12:00:01Z'))).toEqual({ order: -1, by: 'time' });
    expect(compareReports(at('a', T), at('b'))).toEqual({ order: 1, by: 'time' });
  });

  test("equal times, two commits: the pull request's head decides, asked only then", () => {
    expect(compareReports(at('a', T), at('b', T))).toBe('ask');
    expect(compareReports(at('a', T, 1), at('b', T, 9), 'a')).toEqual({ order: 1, by: 'head' });
    expect(compareReports(at('a', T, 9), at('b', T, 1), 'b')).toEqual({ order: -1, by: 'head' });
  });

  test('equal times, the same commit (a re-run, or two workflows for one push): the later run', () => {
    expect(compareReports(at('a', T, 5, 2), at('a', T, 5, 1))).toEqual({ order: 1, by: 'run' });
    expect(compareReports(at('a', T, 5, 3), at('a', T, 6, 1))).toEqual({ order: -1, by: 'run' });
    expect(compareReports(at('a', T, 5), at('a', T))).toEqual({ order: 1, by: 'run' });
    expect(compareReports(at('a', T, 5), at('a', T, 5))).toEqual({ order: 0, by: 'same' });
  });

  test('equal times, neither commit the head (or no pull request): the run, then the higher SHA', () => {
    expect(compareReports(at('a', T, 6), at('b', T, 5), 'c')).toEqual({ order: 1, by: 'run' });
    expect(compareReports(at('a', T, 5), at('b', T, 5), null)).toEqual({ order: -1, by: 'commit' });
    expect(compareReports(at('b', T, 5), at('a', T, 5), null)).toEqual({ order: 1, by: 'commit' });
  });
});

describe('settleAfter', () => {
  test("four of the run's own round trips, from 0.25 to 3 s", () => {
    expect(settleAfter(3)).toBe(250); // loopback
    expect(settleAfter(120)).toBe(480); // a usual list from a runner
    expect(settleAfter(600)).toBe(2400); // GitHub answering slowly: wait longer
    expect(settleAfter(5000)).toBe(3000);
  });
});

describe('upsertReportComment against the fake GitHub', () => {
  const fake = useFakeGitHub();
  const comments = () => fake().state.repo(FULL_NAME).comments;
  const options = (issueNumber: number, body: string, headSha?: string): UpsertCommentOptions => ({
    owner: OWNER,
    repo: REPO,
    issueNumber,
    body: `${body}\n${marker}`,
    marker,
    settleMs: 5,
    ...(headSha === undefined ? {} : { headSha }),
  });

  test('twice: one comment, updated in place', async () => {
    const { pr, head } = seedPullRequest(fake());
    const client = fakeClient(fake());
    const first = await upsertReportComment(client, options(pr.number, 'first', head));
    expect(first).toMatchObject({ action: 'created', deleted: 0, shortened: false });
    const second = await upsertReportComment(client, options(pr.number, 'second', head));
    expect(second).toMatchObject({ action: 'updated', commentId: first.commentId });
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).toBe(`second\n${marker}\n${headMarker(head)}`);
    const third = await upsertReportComment(client, options(pr.number, 'second', head));
    expect(third.action).toBe('unchanged');
    expect(comments()).toHaveLength(1);
  });

  test("someone else's comment with the marker, and our comment for another report, are left alone", async () => {
    const { pr, head } = seedPullRequest(fake());
    fake().state.addComment(FULL_NAME, pr.number, { body: `quoted\n${marker}`, user: { login: 'octocat' } });
    fake().state.addComment(FULL_NAME, pr.number, { body: `gpu\n${reportMarker('mlci/gpu')}` });
    const client = fakeClient(fake());
    const result = await upsertReportComment(client, options(pr.number, 'ours', head));
    expect(result.action).toBe('created');
    expect(comments().map((c) => c.body.split('\n')[0])).toEqual(['quoted', 'gpu', 'ours']);
  });

  test('finds its comment past the first page of 100', async () => {
    const { pr, head } = seedPullRequest(fake());
    for (let i = 0; i < 130; i++)
      fake().state.addComment(FULL_NAME, pr.number, { body: `chatter ${i}`, user: { login: 'octocat' } });
    const mine = fake().state.addComment(FULL_NAME, pr.number, { body: `old\n${marker}` });
    const client = fakeClient(fake());
    const result = await upsertReportComment(client, options(pr.number, 'new', head));
    expect(result).toMatchObject({ action: 'updated', commentId: mine.id });
    const lists = fake().requests.filter((r) => r.operationId === 'issues/list-comments');
    expect(lists[0]!.query).toMatchObject({ per_page: '100' });
    expect(lists.length).toBeGreaterThanOrEqual(2);
  });

  test('event times order two reports without asking for the head: the later push wins', async () => {
    const { pr, head } = seedPullRequest(fake());
    const newer = fake().state.commit(FULL_NAME, {
      branch: 'feature',
      files: { 'b.py': '2' },
      message: 'more',
    });
    pr.head.sha = newer;
    const client = fakeClient(fake());
    const at = (time: string, sha: string, text: string) => ({
      ...options(pr.number, text, sha),
      headTime: time,
      // Without the settle wait (it only re-checks after a contested write), to count the requests.
      settleMs: 0,
    });
    await upsertReportComment(client, at('2024-01-01T10:00:00Z', head, 'first push'));
    const before = fake().requests.length;
    const later = await upsertReportComment(client, at('2024-01-01T11:00:00Z', newer, 'second push'));
    expect(later.action).toBe('updated');
    // The list and the update: no request for the pull request's head.
    expect(
      fake()
        .requests.slice(before)
        .map((r) => r.operationId),
    ).toEqual(['issues/list-comments', 'issues/update-comment']);
    const stale = await upsertReportComment(client, at('2024-01-01T10:00:00Z', head, 'first push, re-run'));
    expect(stale.action).toBe('skipped-stale');
    expect(comments()[0]!.body).toContain('second push');
    expect(comments()[0]!.body).toContain(`<!-- mlci-head sha="${newer}" at="2024-01-01T11:00:00Z" -->`);
  });

  test('a run for an older head does not overwrite the current head report', async () => {
    const { pr, head, base } = seedPullRequest(fake());
    const newer = fake().state.commit(FULL_NAME, {
      branch: 'feature',
      files: { 'b.py': '2' },
      message: 'more',
    });
    pr.head.sha = newer;
    const client = fakeClient(fake());
    await upsertReportComment(client, options(pr.number, 'newer report', newer));
    const log = recordingLogger();
    const stale = await upsertReportComment(client, { ...options(pr.number, 'older report', head), log });
    expect(stale.action).toBe('skipped-stale');
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).toContain('newer report');
    expect(log.lines.join('\n')).toMatch(
      new RegExp(
        `Not updating comment \\d+: it reports on ${newer.slice(0, 7)}.*this run is for ${head.slice(0, 7)}`,
      ),
    );
    // A run for an older head may still replace a report that is older yet (the current head has
    // none: its push may not run the workflow, under a `paths:` filter).
    pr.head.sha = base;
    const replaced = await upsertReportComment(client, options(pr.number, 'older report', head));
    expect(replaced.action).toBe('updated');
  });

  test.each([9, 0, 4])(
    'ten concurrent runs leave exactly one comment, holding the current head report (run %i is current)',
    async (current) => {
      const { pr } = seedPullRequest(fake());
      const heads: string[] = [];
      for (let i = 0; i < 10; i++) {
        heads.push(
          fake().state.commit(FULL_NAME, {
            branch: 'feature',
            files: { 'step.txt': String(i) },
            message: `step ${i}`,
          }),
        );
      }
      pr.head.sha = heads[current]!;
      const client = fakeClient(fake());
      const results = await Promise.all(
        heads.map((sha, i) => upsertReportComment(client, options(pr.number, `report ${i}`, sha))),
      );
      expect(comments()).toHaveLength(1);
      expect(comments()[0]!.body).toBe(`report ${current}\n${marker}\n${headMarker(heads[current]!)}`);
      expect(results[current]!.commentId).toBe(comments()[0]!.id);
    },
  );

  describe('equal event times (one push re-run, two workflows, two pushes in a second)', () => {
    const T = '2024-06-01T12:00:00Z';
    const tied = (
      issueNumber: number,
      text: string,
      sha: string,
      run: { id: number; attempt?: number },
    ): UpsertCommentOptions => ({
      ...options(issueNumber, text, sha),
      headTime: T,
      run,
      // The token's identity given: these tests count the requests of the tie alone.
      author: { login: 'github-actions[bot]' },
      settleMs: 0,
    });
    const since = (from: number) =>
      fake()
        .requests.slice(from)
        .map((r) => r.operationId);
    const twoHeads = () => {
      const { pr, head } = seedPullRequest(fake());
      const newer = fake().state.commit(FULL_NAME, {
        branch: 'feature',
        files: { 'b.py': '2' },
        message: 'more',
      });
      pr.head.sha = newer;
      return { pr, older: head, newer };
    };

    test("the current head's report stays: a run for another commit yields, after one request for the head", async () => {
      const { pr, older, newer } = twoHeads();
      const client = fakeClient(fake());
      // The current head's run has the lower run id: the head decides, not the run.
      await upsertReportComment(client, tied(pr.number, 'newer', newer, { id: 100 }));
      const from = fake().requests.length;
      const log = recordingLogger();
      const result = await upsertReportComment(client, {
        ...tied(pr.number, 'older', older, { id: 200 }),
        log,
      });
      expect(result.action).toBe('skipped-stale');
      expect(since(from)).toEqual(['issues/list-comments', 'pulls/get']);
      expect(comments()[0]!.body).toMatch(/^newer\n/);
      expect(log.lines.join('\n')).toMatch(
        new RegExp(
          `it reports on ${newer.slice(0, 7)}, the pull request's current head, pushed at the same time .*this run yields`,
        ),
      );
    });

    test("the current head's run replaces another commit's report of the same time", async () => {
      const { pr, older, newer } = twoHeads();
      const client = fakeClient(fake());
      await upsertReportComment(client, tied(pr.number, 'older', older, { id: 200 }));
      const from = fake().requests.length;
      const result = await upsertReportComment(client, tied(pr.number, 'newer', newer, { id: 100 }));
      expect(result.action).toBe('updated');
      expect(since(from)).toEqual(['issues/list-comments', 'pulls/get', 'issues/update-comment']);
      expect(comments()[0]!.body).toMatch(/^newer\n/);
    });

    test('one commit: the later attempt of a run stays, decided without any request more', async () => {
      const { pr, head } = seedPullRequest(fake());
      const client = fakeClient(fake());
      await upsertReportComment(client, tied(pr.number, 'attempt 1', head, { id: 100, attempt: 1 }));
      let from = fake().requests.length;
      expect(
        (await upsertReportComment(client, tied(pr.number, 'attempt 2', head, { id: 100, attempt: 2 })))
          .action,
      ).toBe('updated');
      expect(since(from)).toEqual(['issues/list-comments', 'issues/update-comment']);
      // The first attempt finishing late does not bring its report back.
      from = fake().requests.length;
      const late = await upsertReportComment(
        client,
        tied(pr.number, 'attempt 1', head, { id: 100, attempt: 1 }),
      );
      expect(late.action).toBe('skipped-stale');
      expect(since(from)).toEqual(['issues/list-comments']);
      expect(comments()[0]!.body).toMatch(/^attempt 2\n/);
    });

    test.each([0, 1, 2, 3, 4])(
      "round %i: ten concurrent runs, equal times, ten heads: one comment, the head's report",
      async (round) => {
        // Ten runs at once; the pull request's head is the last commit, whose run has neither the
        // highest nor the lowest run id. A comment from an earlier push is there from round 1 on.
        const { pr } = seedPullRequest(fake());
        const client = fakeClient(fake());
        if (round > 0) {
          await upsertReportComment(client, {
            ...tied(pr.number, 'earlier push', pr.head.sha, { id: 1 }),
            headTime: '2024-06-01T11:00:00Z',
          });
        }
        const heads: string[] = [];
        for (let i = 0; i < 10; i++) {
          heads.push(
            fake().state.commit(FULL_NAME, {
              branch: 'feature',
              files: { 'n.txt': String(i) },
              message: `push ${i}`,
            }),
          );
        }
        pr.head.sha = heads[9]!;
        const runIds = [17, 12, 19, 11, 16, 10, 13, 18, 14, 15].map((id) => id + round * 10);
        const from = fake().requests.length;
        await Promise.all(
          heads.map((sha, i) =>
            upsertReportComment(fakeClient(fake()), {
              ...tied(pr.number, `report ${i}`, sha, { id: runIds[i]! }),
              author: undefined,
              settleMs: 5,
            }),
          ),
        );
        expect(comments()).toHaveLength(1);
        expect(comments()[0]!.body).toBe(
          withMarkers(`report 9\n${marker}`, marker, heads[9], T, { id: runIds[9]!, attempt: 1 }),
        );
        const made = since(from);
        const count = (op: string) => made.filter((o) => o === op).length;
        // Each run asks for the head at most once (only those that saw a tie), and who it is once.
        expect(count('pulls/get')).toBeLessThanOrEqual(10);
        expect(count('graphql')).toBeLessThanOrEqual(10);
      },
    );
  });

  test('a body GitHub refuses as too long is replaced by a short comment linking the report', async () => {
    const { pr, head } = seedPullRequest(fake());
    const client = fakeClient(fake());
    const log = recordingLogger();
    const result = await upsertReportComment(client, {
      ...options(pr.number, 'x'.repeat(70_000), head),
      fullReportUrl: 'https://github.com/acme/model/actions/runs/7',
      log,
    });
    expect(result).toMatchObject({ action: 'created', shortened: true });
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).toContain('(https://github.com/acme/model/actions/runs/7)');
    expect(readHeadMarker(comments()[0]!.body)).toBe(head);
    expect(log.lines.join('\n')).toMatch(/too long \(700\d\d characters\)/);
    // The fake recorded the refused request with GitHub's 422.
    expect(fake().requests.filter((r) => r.status === 422)).toHaveLength(1);
  });

  test('an issue (not a pull request): no staleness check, still one comment', async () => {
    seedPullRequest(fake());
    const issue = fake().state.addIssue(FULL_NAME);
    const client = fakeClient(fake());
    await upsertReportComment(client, options(issue, 'one'));
    await upsertReportComment(client, options(issue, 'two'));
    expect(
      comments()
        .filter((c) => c.issueNumber === issue)
        .map((c) => c.body),
    ).toEqual([`two\n${marker}`]);
  });
});
