import { createClient, type GitHubClient } from '../../packages/github/src/client.js';
import { rememberIdentity, tokenIdentity } from '../../packages/github/src/identity.js';
import { tokenAccounts } from '../support/fake-github/index.js';
import { TOKEN, recordingLogger, useFakeGitHub } from './helpers.js';

// The token's identity per kind of token, as GitHub answers: GraphQL `viewer` for all three;
// GET /user only for personal access tokens (403 for installation tokens, GITHUB_TOKEN included).
const PAT = 'github_pat_fake_fine_grained';
const CLASSIC_PAT = 'ghp_fake_classic';
const APP_TOKEN = 'ghs_fake_app_installation';

describe('tokenIdentity against the fake GitHub', () => {
  const fake = useFakeGitHub({
    tokens: {
      [PAT]: tokenAccounts.personal('ml-release-bot'),
      [CLASSIC_PAT]: tokenAccounts.personal('octocat'),
      [APP_TOKEN]: tokenAccounts.app('mlci-reporter'),
    },
  });
  const client = (token: string, log = recordingLogger()): GitHubClient =>
    createClient({ token, apiUrl: fake().url, log, delayUnitMs: 1, paceWrites: false, retries: 0 });
  const asked = () => fake().requests.map((r) => r.operationId);

  test.each([
    ['GITHUB_TOKEN', TOKEN, 'github-actions[bot]'],
    ['a fine-grained personal access token', PAT, 'ml-release-bot'],
    ['a classic personal access token', CLASSIC_PAT, 'octocat'],
    ['a GitHub App installation token', APP_TOKEN, 'mlci-reporter[bot]'],
  ])('%s: one GraphQL viewer request, asked once per client', async (_kind, token, login) => {
    const c = client(token);
    expect(await tokenIdentity(c)).toEqual({ login });
    expect(await tokenIdentity(c)).toEqual({ login });
    expect(asked()).toEqual(['graphql']);
  });

  test('GitHub Enterprise Server: the question goes to /api/graphql', async () => {
    const c = createClient({ token: APP_TOKEN, apiUrl: `${fake().url}/api/v3`, delayUnitMs: 1 });
    expect(await tokenIdentity(c)).toEqual({ login: 'mlci-reporter[bot]' });
    expect(fake().requests.map((r) => [r.path, r.operationId])).toEqual([['/api/graphql', 'graphql']]);
  });

  test('GraphQL refused: GET /user answers for a personal access token', async () => {
    fake().inject({ method: 'POST', path: /^\/graphql$/, status: 403, times: 1 });
    expect(await tokenIdentity(client(PAT))).toEqual({ login: 'ml-release-bot' });
    expect(asked()).toEqual(['graphql', 'users/get-authenticated']);
  });

  test.each([
    ['GITHUB_TOKEN', TOKEN],
    ['a GitHub App installation token', APP_TOKEN],
  ])('GraphQL refused, %s: unknown (GET /user is 403 for it), with a warning', async (_kind, token) => {
    fake().inject({ method: 'POST', path: /^\/graphql$/, status: 403, times: 1 });
    const log = recordingLogger();
    expect(await tokenIdentity(client(token), log)).toBeUndefined();
    expect(asked()).toEqual(['graphql', 'users/get-authenticated']);
    expect(fake().requests[1]!.status).toBe(403);
    expect(log.lines.join('\n')).toMatch(
      /warning: Could not tell which account the token belongs to .*GET \/user: 403.*comment-author/,
    );
  });

  test('what the token wrote says who it is: no question asked', async () => {
    const c = client(APP_TOKEN);
    rememberIdentity(c, { login: 'mlci-reporter[bot]' });
    expect(await tokenIdentity(c)).toEqual({ login: 'mlci-reporter[bot]' });
    expect(fake().requests).toHaveLength(0);
  });

  test('GET /user of the fake answers as GitHub does per kind of token', async () => {
    const user = await client(PAT).rest.users.getAuthenticated();
    expect(user.data).toMatchObject({ login: 'ml-release-bot', type: 'User' });
    await expect(client(APP_TOKEN).rest.users.getAuthenticated()).rejects.toMatchObject({ status: 403 });
    await expect(client(TOKEN).rest.users.getAuthenticated()).rejects.toMatchObject({ status: 403 });
  });
});
