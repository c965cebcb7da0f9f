import { createClient, type GitHubClient } from '../../packages/github/src/client.js';
import {
  findReportIssue,
  issueMarker,
  raiseReportIssue,
  resolveReportIssue,
  type RaiseIssueOptions,
} from '../../packages/github/src/issues.js';
import { tokenAccounts } from '../support/fake-github/index.js';
import {
  FULL_NAME,
  OWNER,
  REPO,
  TOKEN,
  fakeClient,
  recordingLogger,
  seedPullRequest,
  useFakeGitHub,
} from './helpers.js';

// The issue a scheduled monitoring run keeps: one per report id, opened on a failed verdict,
// updated (with a comment) while the gates keep failing, closed when they pass.
const marker = issueMarker('mlci');
const PAT = 'github_pat_fake_fine_grained';

const raise = (text: string, extra: Partial<RaiseIssueOptions> = {}): RaiseIssueOptions => ({
  owner: OWNER,
  repo: REPO,
  marker,
  title: 'Data drift in production',
  body: `${text}\n${marker}`,
  comment: `Still failing: ${text}`,
  ...extra,
});
const resolve = (close = true) => ({
  owner: OWNER,
  repo: REPO,
  marker,
  comment: 'The gates pass again.',
  close,
});

describe('the report issue: opened, updated, closed', () => {
  const fake = useFakeGitHub({ tokens: { [PAT]: tokenAccounts.personal('octocat') } });
  const issues = () => [...fake().state.repo(FULL_NAME).issues.values()];
  const commentsOn = (n: number) =>
    fake()
      .state.repo(FULL_NAME)
      .comments.filter((c) => c.issueNumber === n)
      .map((c) => c.body);
  const seed = () => fake().state.addRepo({ owner: OWNER, repo: REPO });

  test('a failing run opens one issue; the next updates it and comments; a passing run closes it', async () => {
    seed();
    const opened = await raiseReportIssue(fakeClient(fake()), raise('run 1', { labels: ['drift'] }));
    expect(opened).toMatchObject({ action: 'created', number: 1, duplicatesClosed: 0, shortened: false });
    expect(opened.url).toBe(`https://github.com/${FULL_NAME}/issues/1`);
    expect(issues()).toHaveLength(1);
    expect(issues()[0]).toMatchObject({
      title: 'Data drift in production',
      body: `run 1\n${marker}`,
      labels: ['drift'],
      state: 'open',
      user: { login: 'github-actions[bot]' },
    });
    // Opening notifies: no comment on a new issue.
    expect(commentsOn(1)).toEqual([]);

    const updated = await raiseReportIssue(fakeClient(fake()), raise('run 2', { labels: ['drift'] }));
    expect(updated).toMatchObject({ action: 'updated', number: 1 });
    expect(issues()).toHaveLength(1);
    expect(issues()[0]!.body).toBe(`run 2\n${marker}`);
    expect(commentsOn(1)).toEqual(['Still failing: run 2']);

    const closed = await resolveReportIssue(fakeClient(fake()), resolve());
    expect(closed).toMatchObject({ action: 'closed', number: 1 });
    expect(issues()[0]).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(commentsOn(1)).toEqual(['Still failing: run 2', 'The gates pass again.']);

    // Failing again: a new issue (the closed one is history), and a pass with none open does nothing.
    expect(await raiseReportIssue(fakeClient(fake()), raise('run 4'))).toMatchObject({
      action: 'created',
      number: 2,
    });
    await resolveReportIssue(fakeClient(fake()), resolve());
    expect(await resolveReportIssue(fakeClient(fake()), resolve())).toMatchObject({
      action: 'none',
      reason: 'no open issue',
    });
  });

  test('issue-on-pass comment: the issue gets the comment and stays open', async () => {
    seed();
    await raiseReportIssue(fakeClient(fake()), raise('run 1'));
    expect(await resolveReportIssue(fakeClient(fake()), resolve(false))).toMatchObject({
      action: 'commented',
      number: 1,
    });
    expect(issues()[0]!.state).toBe('open');
    expect(commentsOn(1)).toEqual(['The gates pass again.']);
  });

  test("a look-alike opened by someone else and a pull request carrying the marker are not the report's", async () => {
    const { head } = seedPullRequest(fake());
    const state = fake().state;
    // A person quoting the report in an issue, and a pull request whose description pastes it.
    state.addIssue(FULL_NAME, {
      title: 'Data drift in production',
      body: `copied\n${marker}`,
      user: { login: 'mallory' },
    });
    state.addPullRequest(FULL_NAME, {
      head: { ref: 'feature', sha: head },
      base: { ref: 'main' },
      body: `pasted\n${marker}`,
      user: { login: 'github-actions[bot]' },
    });
    const result = await raiseReportIssue(fakeClient(fake()), raise('run 1'));
    expect(result.action).toBe('created');
    const mine = issues().find((i) => i.number === result.number)!;
    expect(mine.user.login).toBe('github-actions[bot]');
    // The look-alike kept its body and got no comment; the pull requests were never written to.
    const lookAlike = issues().find((i) => i.user.login === 'mallory')!;
    expect(lookAlike.body).toBe(`copied\n${marker}`);
    expect(commentsOn(lookAlike.number)).toEqual([]);
    expect(fake().requests.filter((r) => r.method !== 'GET' && r.operationId !== 'graphql')).toEqual([
      expect.objectContaining({ operationId: 'issues/create' }),
    ]);
    // A pass closes the report's issue only.
    await resolveReportIssue(fakeClient(fake()), resolve());
    expect(lookAlike.state).toBe('open');
    expect(mine.state).toBe('closed');
  });

  test('finds its issue past the first hundred open issues', async () => {
    seed();
    const state = fake().state;
    for (let i = 0; i < 150; i++) state.addIssue(FULL_NAME, { title: `bug ${i}`, user: { login: 'alice' } });
    const ours = state.addIssue(FULL_NAME, { title: 'Data drift in production', body: `old\n${marker}` });
    const from = fake().requests.length;
    const found = await findReportIssue(fakeClient(fake()), { owner: OWNER, repo: REPO, marker });
    expect(found?.number).toBe(ours);
    const lists = fake()
      .requests.slice(from)
      .filter((r) => r.operationId === 'issues/list-for-repo');
    expect(lists.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(lists[0]!.query).toMatchObject({ state: 'open', per_page: '100' });
  });

  test('with labels, the labelled issues are looked through first; a removed label costs a full look', async () => {
    seed();
    const state = fake().state;
    for (let i = 0; i < 120; i++) state.addIssue(FULL_NAME, { user: { login: 'alice' } });
    await raiseReportIssue(fakeClient(fake()), raise('run 1', { labels: ['drift', 'monitoring'] }));
    const from = fake().requests.length;
    await raiseReportIssue(fakeClient(fake()), raise('run 2', { labels: ['drift', 'monitoring'] }));
    const lists = () =>
      fake()
        .requests.slice(from)
        .filter((r) => r.operationId === 'issues/list-for-repo')
        .map((r) => r.query.labels ?? 'all');
    expect(lists()).toEqual(['drift,monitoring']);
    // Someone removes a label: the issue is still found (and not opened twice).
    const issue = issues().find((i) => i.body?.includes(marker))!;
    issue.labels = ['drift'];
    const result = await raiseReportIssue(
      fakeClient(fake()),
      raise('run 3', { labels: ['drift', 'monitoring'] }),
    );
    expect(result).toMatchObject({ action: 'updated', number: issue.number });
    expect(issues().filter((i) => i.body?.includes(marker))).toHaveLength(1);
  });

  test('duplicates left by concurrent runs: the oldest keeps the report, the others are closed', async () => {
    seed();
    const state = fake().state;
    const first = state.addIssue(FULL_NAME, { body: `a\n${marker}` });
    const second = state.addIssue(FULL_NAME, { body: `b\n${marker}` });
    const log = recordingLogger();
    const result = await raiseReportIssue(fakeClient(fake(), log), raise('run 3', { log }));
    expect(result).toMatchObject({ action: 'updated', number: first, duplicatesClosed: 1 });
    const byNumber = (n: number) => issues().find((i) => i.number === n)!;
    expect(byNumber(first)).toMatchObject({ state: 'open', body: `run 3\n${marker}` });
    expect(byNumber(second)).toMatchObject({ state: 'closed', stateReason: 'not_planned' });
    expect(commentsOn(second)).toEqual([`Duplicate of #${first}`]);
    expect(log.lines).toContain(
      `info: Closed 1 duplicate issue(s) opened by concurrent runs, keeping #${first}.`,
    );
  });

  test("a personal access token's issues are its user's, not github-actions[bot]'s", async () => {
    seed();
    const step = (token: string): GitHubClient =>
      createClient({ token, apiUrl: fake().url, delayUnitMs: 1, paceWrites: false });
    await raiseReportIssue(step(TOKEN), raise('by the bot'));
    const result = await raiseReportIssue(step(PAT), raise('by octocat'));
    expect(result).toMatchObject({ action: 'created', number: 2 });
    expect(issues().map((i) => [i.user.login, i.body?.split('\n')[0]])).toEqual([
      ['github-actions[bot]', 'by the bot'],
      ['octocat', 'by octocat'],
    ]);
  });

  test('the token cannot be identified: a new issue, whose author then merges into the older one', async () => {
    seed();
    const older = fake().state.addIssue(FULL_NAME, { body: `old\n${marker}` });
    // GraphQL refuses (and GET /user is not for installation tokens): nobody says who the token is.
    fake().inject({ method: 'POST', path: /graphql/, status: 403, times: 5 });
    const log = recordingLogger();
    const result = await raiseReportIssue(fakeClient(fake(), log), raise('run 2', { log }));
    expect(result).toMatchObject({ action: 'updated', number: older, duplicatesClosed: 1 });
    expect(
      issues()
        .filter((i) => i.state === 'open')
        .map((i) => i.number),
    ).toEqual([older]);
    expect(log.lines.some((l) => /could not be found: opening the report as a new issue/.test(l))).toBe(true);
  });

  test('the token cannot be identified on a pass: nothing is closed, and the warning says what to set', async () => {
    seed();
    fake().state.addIssue(FULL_NAME, { body: `old\n${marker}` });
    fake().inject({ method: 'POST', path: /graphql/, status: 403, times: 5 });
    const log = recordingLogger();
    const result = await resolveReportIssue(fakeClient(fake(), log), { ...resolve(), log });
    expect(result.action).toBe('none');
    expect(issues()[0]!.state).toBe('open');
    expect(log.lines.join('\n')).toMatch(/Set the report input comment-author to the token's login/);
  });

  test('a report GitHub refuses as too long becomes a short body that links it', async () => {
    seed();
    const log = recordingLogger();
    const result = await raiseReportIssue(
      fakeClient(fake(), log),
      raise('x'.repeat(70_000), { fullReportUrl: 'https://github.com/acme/model/actions/runs/9', log }),
    );
    expect(result).toMatchObject({ action: 'created', shortened: true });
    expect(issues()[0]!.body).toBe(
      `**mlci report**: the report is too long for an issue; read it [here](https://github.com/acme/model/actions/runs/9).\n${marker}`,
    );
    expect(log.lines.some((l) => l.startsWith('warning: GitHub refused the report as too long'))).toBe(true);
    // The fake answered the long body with GitHub's 422 (a rule the spec does not express: no problem).
    expect(fake().requests.filter((r) => r.status === 422)).toHaveLength(1);
  });
});

describe('the fake GitHub: issues', () => {
  const fake = useFakeGitHub({ permissions: { contents: 'read', 'pull-requests': 'write' } });

  test('lists pull requests among the issues and filters by state, labels and creator', async () => {
    const { pr } = seedPullRequest(fake());
    const state = fake().state;
    const a = state.addIssue(FULL_NAME, { labels: ['drift', 'Bug'], user: { login: 'alice' } });
    state.addIssue(FULL_NAME, { labels: ['drift'], state: 'closed' });
    const client = fakeClient(fake());
    const list = async (query: Record<string, string> = {}) =>
      (
        await client.request('GET /repos/{owner}/{repo}/issues', { owner: OWNER, repo: REPO, ...query })
      ).data.map((i: { number: number; pull_request?: unknown }) => [i.number, i.pull_request !== undefined]);
    // Newest first by default, pull requests included and flagged.
    expect(await list()).toEqual([
      [a, false],
      [pr.number, true],
    ]);
    expect(await list({ state: 'all', labels: 'drift' })).toEqual([
      [a + 1, false],
      [a, false],
    ]);
    expect(await list({ labels: 'drift,bug' })).toEqual([[a, false]]);
    expect(await list({ creator: 'ALICE' })).toEqual([[a, false]]);
    expect(await list({ direction: 'asc' })).toEqual([
      [pr.number, true],
      [a, false],
    ]);
  });

  test('a token without issues: write gets GitHub’s 403, naming the permission; a pull request comment is allowed', async () => {
    const { pr } = seedPullRequest(fake());
    const issue = fake().state.addIssue(FULL_NAME);
    const client = createClient({ token: TOKEN, apiUrl: fake().url, retries: 0, paceWrites: false });
    const error = await raiseReportIssue(client, raise('run 1')).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 403,
      response: { headers: expect.objectContaining({ 'x-accepted-github-permissions': 'issues=write' }) },
    });
    await expect(
      client.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: issue, body: 'x' }),
    ).rejects.toMatchObject({ status: 403 });
    // pull-requests: write is enough to comment on a pull request (GitHub accepts either permission).
    await client.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: pr.number, body: 'x' });
    // Reading a public repository's issues needs no permission.
    expect((await client.rest.issues.listForRepo({ owner: OWNER, repo: REPO })).status).toBe(200);
  });
});
