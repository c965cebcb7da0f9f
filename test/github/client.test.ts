import { createClient, statusOf } from '../../packages/github/src/client.js';
import { faults } from '../support/fake-github/index.js';
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

describe('createClient against the fake GitHub', () => {
  const fake = useFakeGitHub();

  test('talks to the given API URL, GitHub Enterprise Server prefix included, with the token', async () => {
    seedPullRequest(fake());
    const client = createClient({ token: TOKEN, apiUrl: `${fake().url}/api/v3/`, paceWrites: false });
    const repo = await client.rest.repos.get({ owner: OWNER, repo: REPO });
    expect(repo.data.full_name).toBe(FULL_NAME);
    const wrong = createClient({ token: 'ghs_other', apiUrl: fake().url, retries: 0 });
    await expect(wrong.rest.repos.get({ owner: OWNER, repo: REPO })).rejects.toMatchObject({ status: 401 });
  });

  test('a burst of 5xx answers is retried', async () => {
    seedPullRequest(fake());
    fake().inject(faults.serverError(502, 2));
    const client = fakeClient(fake());
    const pr = await client.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 });
    expect(pr.data.number).toBe(1);
    expect(fake().requests.map((r) => r.status)).toEqual([502, 502, 200]);
  });

  test('5xx past the retries fails; 4xx are not retried', async () => {
    seedPullRequest(fake());
    fake().inject(faults.serverError(503, 3));
    const client = createClient({ token: TOKEN, apiUrl: fake().url, retries: 2, delayUnitMs: 1 });
    await expect(client.rest.repos.get({ owner: OWNER, repo: REPO })).rejects.toMatchObject({ status: 503 });
    expect(fake().requests).toHaveLength(3);
    const missing = await client.rest.pulls
      .get({ owner: OWNER, repo: REPO, pull_number: 99 })
      .catch((e) => e);
    expect(statusOf(missing)).toBe(404);
    expect(fake().requests).toHaveLength(4);
  });

  test('a secondary rate limit waits for retry-after, warns and retries', async () => {
    const { pr } = seedPullRequest(fake());
    fake().inject({ ...faults.secondaryRateLimit(), method: 'POST', headers: { 'retry-after': '30' } });
    const log = recordingLogger();
    const client = fakeClient(fake(), log);
    const started = Date.now();
    const comment = await client.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: pr.number,
      body: 'hello',
    });
    expect(comment.status).toBe(201);
    // 30 s of retry-after at 1 ms per second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(fake().requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 403', 'POST 201']);
    expect(log.lines).toEqual([
      expect.stringMatching(
        /^warning: GitHub secondary rate limit hit by POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments: retrying after 30 s \(retry 1 of 3\)$/,
      ),
    ]);
    expect(log.lines.join('\n')).not.toContain(TOKEN);
  });

  test('the primary rate limit waits until x-ratelimit-reset; a plain 403 is not retried', async () => {
    seedPullRequest(fake());
    const reset = Math.ceil(Date.now() / 1000) + 20;
    fake().inject({
      status: 403,
      method: 'GET',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: { message: 'API rate limit exceeded for installation ID 1.' },
    });
    const log = recordingLogger();
    const client = fakeClient(fake(), log);
    const repo = await client.rest.repos.get({ owner: OWNER, repo: REPO });
    expect(repo.status).toBe(200);
    expect(log.lines[0]).toMatch(
      /^warning: GitHub primary rate limit hit by GET \/repos\/\{owner\}\/\{repo\}: retrying after (19|20|21) s \(retry 1 of 3\)$/,
    );
    fake().inject(faults.readOnly(1));
    const refused = await client.rest.repos.get({ owner: OWNER, repo: REPO }).catch((e: unknown) => e);
    expect(statusOf(refused)).toBe(403);
    expect(fake().requests.map((r) => r.status)).toEqual([403, 200, 403]);
  });

  test('rate limits past the allowed retries give up with a warning', async () => {
    const { pr } = seedPullRequest(fake());
    fake().inject({ ...faults.secondaryRateLimit(5), method: 'POST' });
    const log = recordingLogger();
    const client = createClient({
      token: TOKEN,
      apiUrl: fake().url,
      log,
      delayUnitMs: 1,
      paceWrites: false,
      rateLimitRetries: 2,
    });
    const error = await client.rest.issues
      .createComment({ owner: OWNER, repo: REPO, issue_number: pr.number, body: 'x' })
      .catch((e: unknown) => e);
    expect(statusOf(error)).toBe(403);
    expect(fake().requests).toHaveLength(3);
    expect(log.lines.at(-1)).toMatch(/giving up after 2 retries/);
  });
});
