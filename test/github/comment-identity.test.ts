import { reportMarker } from '@mlci/core';
import { createClient, type GitHubClient } from '../../packages/github/src/client.js';
import { upsertReportComment, type UpsertCommentOptions } from '../../packages/github/src/comments.js';
import { tokenAccounts } from '../support/fake-github/index.js';
import { FULL_NAME, OWNER, REPO, TOKEN, recordingLogger, seedPullRequest, useFakeGitHub } from './helpers.js';

// Whose comment is the report's: the token's own identity, whatever kind of token comments.
const PAT = 'github_pat_fake_fine_grained';
const APP_TOKEN = 'ghs_fake_app_installation';
const marker = reportMarker('mlci');

describe('the sticky comment is found by the token that writes it', () => {
  const fake = useFakeGitHub({
    tokens: {
      [PAT]: tokenAccounts.personal('ml-release-bot'),
      [APP_TOKEN]: tokenAccounts.app('mlci-reporter'),
    },
  });
  const comments = () => fake().state.repo(FULL_NAME).comments;
  /** A report step: a client of its own, as each step of a workflow has. */
  const step = (token: string, log = recordingLogger()): GitHubClient =>
    createClient({ token, apiUrl: fake().url, log, delayUnitMs: 1, paceWrites: false, retries: 0 });
  const options = (issueNumber: number, text: string, headSha: string): UpsertCommentOptions => ({
    owner: OWNER,
    repo: REPO,
    issueNumber,
    body: `${text}\n${marker}`,
    marker,
    headSha,
    headTime: '2024-06-01T12:00:00Z',
    settleMs: 0,
  });
  /** The operations of the requests made since `from`. */
  const since = (from: number) =>
    fake()
      .requests.slice(from)
      .map((r) => r.operationId);

  test.each([
    ['GITHUB_TOKEN', TOKEN, 'github-actions[bot]', 'Bot'],
    ['a personal access token', PAT, 'ml-release-bot', 'User'],
    ['a GitHub App installation token', APP_TOKEN, 'mlci-reporter[bot]', 'Bot'],
  ])(
    '%s: three runs leave one comment, created once and updated twice',
    async (_kind, token, login, type) => {
      const { pr, head } = seedPullRequest(fake());
      const requests: Array<Array<string | undefined>> = [];
      for (const text of ['first', 'second', 'third']) {
        const from = fake().requests.length;
        await upsertReportComment(step(token), options(pr.number, text, head));
        requests.push(since(from));
      }
      expect(comments()).toHaveLength(1);
      expect(comments()[0]!.user).toMatchObject({ login, type });
      expect(comments()[0]!.body).toMatch(/^third\n/);
      // The first report learns who the token is from the comment it creates; the next ones ask
      // once (GraphQL viewer) before they update.
      expect(requests).toEqual([
        ['issues/list-comments', 'issues/create-comment', 'issues/list-comments'],
        ['issues/list-comments', 'graphql', 'issues/update-comment'],
        ['issues/list-comments', 'graphql', 'issues/update-comment'],
      ]);
    },
  );

  test('comment-author given: no question asked', async () => {
    const { pr, head } = seedPullRequest(fake());
    await upsertReportComment(step(PAT), options(pr.number, 'first', head));
    const from = fake().requests.length;
    const result = await upsertReportComment(step(PAT), {
      ...options(pr.number, 'second', head),
      author: { login: 'ml-release-bot' },
    });
    expect(result.action).toBe('updated');
    expect(since(from)).toEqual(['issues/list-comments', 'issues/update-comment']);
  });

  test('a comment-author that is not the token: a warning naming the token', async () => {
    const { pr, head } = seedPullRequest(fake());
    const log = recordingLogger();
    await upsertReportComment(step(PAT), {
      ...options(pr.number, 'first', head),
      author: { login: 'github-actions[bot]' },
      log,
    });
    expect(log.lines.join('\n')).toContain(
      'warning: comment-author is github-actions[bot], but this token comments as ml-release-bot',
    );
  });

  test("a person's comment quoting the marker is never taken for the report's, with a personal token", async () => {
    const { pr, head } = seedPullRequest(fake());
    // A person (a User, like a personal access token's account) quotes the whole report.
    fake().state.addComment(FULL_NAME, pr.number, {
      body: `> old report\n${marker}`,
      user: { login: 'octocat' },
    });
    await upsertReportComment(step(PAT), options(pr.number, 'first', head));
    await upsertReportComment(step(PAT), options(pr.number, 'second', head));
    expect(comments().map((c) => [c.user.login, c.body.split('\n')[0]])).toEqual([
      ['octocat', '> old report'],
      ['ml-release-bot', 'second'],
    ]);
  });

  test('one token does not take over the comment of another (GITHUB_TOKEN, then an App)', async () => {
    const { pr, head } = seedPullRequest(fake());
    await upsertReportComment(step(TOKEN), options(pr.number, 'by actions', head));
    await upsertReportComment(step(APP_TOKEN), options(pr.number, 'by the app', head));
    expect(comments().map((c) => c.user.login)).toEqual(['github-actions[bot]', 'mlci-reporter[bot]']);
    expect(comments()[0]!.body).toMatch(/^by actions\n/);
  });

  describe('when GitHub cannot say who the token is', () => {
    // GraphQL refused, and GET /user refused (an installation token): no identity.
    const blind = () => {
      fake().inject({ method: 'POST', path: /^\/graphql$/, status: 502, times: 1 });
      fake().inject({ method: 'GET', path: /^\/user$/, status: 403, times: 1 });
    };

    test.each([
      ['a GitHub App installation token', APP_TOKEN, 'mlci-reporter[bot]'],
      ['a personal access token', PAT, 'ml-release-bot'],
    ])(
      '%s: a new comment says who it is; its older comment keeps the report, the new one goes',
      async (_kind, token, login) => {
        const { pr, head } = seedPullRequest(fake());
        fake().state.addComment(FULL_NAME, pr.number, {
          body: `> quoted\n${marker}`,
          user: { login: 'octocat' },
        });
        fake().state.addComment(FULL_NAME, pr.number, {
          body: `by another bot\n${marker}`,
          user: { login: 'other-app[bot]' },
        });
        await upsertReportComment(step(token), options(pr.number, 'first', head));
        const ours = comments().find((c) => c.user.login === login)!;
        blind();
        const log = recordingLogger();
        const result = await upsertReportComment(step(token), {
          ...options(pr.number, 'second', head),
          log,
        });
        // One comment of the token, its first, holding the new report; nobody else's touched.
        expect(comments().map((c) => [c.user.login, c.body.split('\n')[0]])).toEqual([
          ['octocat', '> quoted'],
          ['other-app[bot]', 'by another bot'],
          [login, 'second'],
        ]);
        expect(comments()[2]!.id).toBe(ours.id);
        expect(result).toMatchObject({ commentId: ours.id, deleted: 1 });
        expect(log.lines.join('\n')).toMatch(/which account the token is could not be found/);
      },
    );
  });
});
