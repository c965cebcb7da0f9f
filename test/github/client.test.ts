import { RetryBudgetError, createClient, statusOf, type Logger } from '../../packages/github/src/client.js';
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
    const comment = await client.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: pr.number,
      body: 'hello',
    });
    expect(comment.status).toBe(201);
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

/** A logger that keeps everything, debug lines included (retries are logged there). */
function fullLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
  };
}

describe('the retry budget: how long a client may wait before retries, across its requests', () => {
  const fake = useFakeGitHub();

  test('a 502 then a 200: one retry, logged with its reason and wait', async () => {
    seedPullRequest(fake());
    fake().inject(faults.serverError(502, 1));
    const log = fullLogger();
    const client = createClient({ token: TOKEN, apiUrl: fake().url, log, delayUnitMs: 1 });
    const pr = await client.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 });
    expect(pr.data.number).toBe(1);
    expect(fake().requests.map((r) => r.status)).toEqual([502, 200]);
    expect(log.lines).toEqual([
      'debug: GET /repos/{owner}/{repo}/pulls/{pull_number}: HTTP 502; retry 1 of 3 in 1 s (1 of 60 s of retry waits spent)',
    ]);
  });

  test('five 502s: gives up after the retries, status 502 kept', async () => {
    seedPullRequest(fake());
    fake().inject(faults.serverError(502, 5));
    const log = fullLogger();
    const client = createClient({ token: TOKEN, apiUrl: fake().url, log, delayUnitMs: 1 });
    const error = await client.rest.repos.get({ owner: OWNER, repo: REPO }).catch((e: unknown) => e);
    expect(statusOf(error)).toBe(502);
    expect(fake().requests.map((r) => r.status)).toEqual([502, 502, 502, 502]);
    expect(
      log.lines.map((l) => l.replace(/^debug: GET \/repos\/\{owner\}\/\{repo\}: HTTP 502; /, '')),
    ).toEqual([
      'retry 1 of 3 in 1 s (1 of 60 s of retry waits spent)',
      'retry 2 of 3 in 4 s (5 of 60 s of retry waits spent)',
      'retry 3 of 3 in 9 s (14 of 60 s of retry waits spent)',
      'giving up after 3 retries',
    ]);
  });

  test('five 502s with more retries allowed: the budget stops them, status 502 kept', async () => {
    seedPullRequest(fake());
    fake().inject(faults.serverError(502, 5));
    const log = fullLogger();
    const client = createClient({
      token: TOKEN,
      apiUrl: fake().url,
      log,
      delayUnitMs: 1,
      retries: 10,
      retryBudgetSeconds: 10,
    });
    const error = await client.rest.repos.get({ owner: OWNER, repo: REPO }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryBudgetError);
    expect(statusOf(error)).toBe(502);
    expect((error as RetryBudgetError).response?.status).toBe(502);
    expect((error as Error).message).toBe(
      `GET /repos/${OWNER}/${REPO} failed (HTTP 502) and was not retried: mlci waits at most 10 s in a step ` +
        'for retries and has 5 s of 10 s left: re-run the job later',
    );
    // Waited 1 s and 4 s; 9 s more did not fit.
    expect(fake().requests.map((r) => r.status)).toEqual([502, 502, 502]);
    expect(log.lines.at(-1)).toBe(
      'debug: GET /repos/{owner}/{repo}: HTTP 502; not retried: waiting 9 s does not fit in the retry budget (5 s of 10 s left)',
    );
  });

  test('the budget is shared by the requests of one client (one step)', async () => {
    seedPullRequest(fake());
    const client = createClient({ token: TOKEN, apiUrl: fake().url, delayUnitMs: 1, retryBudgetSeconds: 5 });
    fake().inject(faults.serverError(503, 2));
    expect((await client.rest.repos.get({ owner: OWNER, repo: REPO })).status).toBe(200); // waited 1 + 4 s
    fake().inject(faults.serverError(503, 1));
    const error = await client.rest.repos.get({ owner: OWNER, repo: REPO }).catch((e: unknown) => e);
    expect(statusOf(error)).toBe(503);
    expect((error as Error).message).toMatch(/has 0 s of 5 s left: re-run the job later$/);
    expect(fake().requests.map((r) => r.status)).toEqual([503, 503, 200, 503]);
    // A fresh client (the next step) has its whole budget.
    fake().inject(faults.serverError(503, 1));
    const next = createClient({ token: TOKEN, apiUrl: fake().url, delayUnitMs: 1, retryBudgetSeconds: 5 });
    expect((await next.rest.repos.get({ owner: OWNER, repo: REPO })).status).toBe(200);
  });

  test('a secondary rate limit asking for 600 s fails at once, with the message and status 403', async () => {
    const { pr } = seedPullRequest(fake());
    fake().inject({ ...faults.secondaryRateLimit(), method: 'POST', headers: { 'retry-after': '600' } });
    const log = fullLogger();
    // Real seconds: were the 600 s waited, the test would time out.
    const client = createClient({ token: TOKEN, apiUrl: fake().url, log, paceWrites: false });
    const error = await client.rest.issues
      .createComment({ owner: OWNER, repo: REPO, issue_number: pr.number, body: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryBudgetError);
    expect(statusOf(error)).toBe(403);
    expect((error as Error).message).toBe(
      `GitHub asked to wait 600 s before retrying POST /repos/${OWNER}/${REPO}/issues/${pr.number}/comments ` +
        '(secondary rate limit); mlci waits at most 60 s in a step: re-run the job later',
    );
    expect((error as RetryBudgetError).response?.headers['retry-after']).toBe('600');
    expect((error as Error).cause).toMatchObject({
      status: 403,
      message: expect.stringMatching(/secondary rate limit/),
    });
    expect(fake().requests).toHaveLength(1);
    expect(log.lines.join('\n')).not.toContain('warning');
    expect(log.lines.join('\n')).not.toContain(TOKEN);
  });

  test('a 429 with retry-after 600 fails at once too, status 429 kept', async () => {
    seedPullRequest(fake());
    fake().inject({
      status: 429,
      method: 'GET',
      headers: { 'retry-after': '600' },
      body: { message: 'Too Many Requests' },
    });
    const client = createClient({ token: TOKEN, apiUrl: fake().url });
    const error = await client.rest.repos.get({ owner: OWNER, repo: REPO }).catch((e: unknown) => e);
    expect(statusOf(error)).toBe(429);
    expect((error as Error).message).toBe(
      `GitHub asked to wait 600 s before retrying GET /repos/${OWNER}/${REPO} (secondary rate limit); ` +
        'mlci waits at most 60 s in a step: re-run the job later',
    );
    expect(fake().requests).toHaveLength(1);
  });

  test('a primary rate limit that resets in an hour fails at once, status 403 kept', async () => {
    seedPullRequest(fake());
    fake().inject({
      status: 403,
      method: 'GET',
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      },
      body: { message: 'API rate limit exceeded for installation ID 1.' },
    });
    const client = createClient({ token: TOKEN, apiUrl: fake().url });
    const error = await client.rest.repos.get({ owner: OWNER, repo: REPO }).catch((e: unknown) => e);
    expect(statusOf(error)).toBe(403);
    expect((error as Error).message).toMatch(
      /^GitHub asked to wait 3[56]\d\d s before retrying GET \/repos\/acme\/model \(primary rate limit\); mlci waits at most 60 s in a step: re-run the job later$/,
    );
  });

  test('a retry-after longer than what is left of the budget fails at once, saying what is left', async () => {
    const { pr } = seedPullRequest(fake());
    fake().inject({ ...faults.secondaryRateLimit(2), method: 'POST', headers: { 'retry-after': '30' } });
    const log = fullLogger();
    const client = createClient({
      token: TOKEN,
      apiUrl: fake().url,
      log,
      delayUnitMs: 1,
      paceWrites: false,
      retryBudgetSeconds: 40,
    });
    const error = await client.rest.issues
      .createComment({ owner: OWNER, repo: REPO, issue_number: pr.number, body: 'x' })
      .catch((e: unknown) => e);
    expect(statusOf(error)).toBe(403);
    expect((error as Error).message).toBe(
      `GitHub asked to wait 30 s before retrying POST /repos/${OWNER}/${REPO}/issues/${pr.number}/comments ` +
        '(secondary rate limit); mlci waits at most 40 s in a step and has 10 s of 40 s left: re-run the job later',
    );
    expect(fake().requests.map((r) => r.status)).toEqual([403, 403]);
    expect(log.lines).toEqual([
      expect.stringMatching(
        /^warning: GitHub secondary rate limit hit by POST .*: retrying after 30 s \(retry 1 of 3\)$/,
      ),
      'debug: POST /repos/{owner}/{repo}/issues/{issue_number}/comments: GitHub secondary rate limit (403); retry 1 of 3 in 30 s (30 of 40 s of retry waits spent)',
      'debug: POST /repos/{owner}/{repo}/issues/{issue_number}/comments: GitHub secondary rate limit (403); not retried: waiting 30 s does not fit in the retry budget (10 s of 40 s left)',
    ]);
  });

  test('a 404 is not retried and costs nothing: callers tell "not there" from "could not ask"', async () => {
    seedPullRequest(fake());
    const client = createClient({ token: TOKEN, apiUrl: fake().url, delayUnitMs: 1, retryBudgetSeconds: 0 });
    const missing = await client.rest.pulls
      .get({ owner: OWNER, repo: REPO, pull_number: 99 })
      .catch((e: unknown) => e);
    expect(statusOf(missing)).toBe(404);
    expect(missing).not.toBeInstanceOf(RetryBudgetError);
    expect(fake().requests).toHaveLength(1);
  });

  test('a slow answer past the total limit is a network failure, retried within the budget', async () => {
    seedPullRequest(fake());
    fake().inject({ status: 0, delayMs: 1_000, times: 2 });
    const client = createClient({
      token: TOKEN,
      apiUrl: fake().url,
      delayUnitMs: 1,
      retries: 1,
      timeouts: { totalMs: 30 },
    });
    const error = await client.rest.repos.get({ owner: OWNER, repo: REPO }).catch((e: unknown) => e);
    expect(statusOf(error)).toBe(500);
    expect((error as Error).message).toBe(`GitHub did not answer GET /repos/${OWNER}/${REPO} within 0.03 s`);
    expect(fake().requests).toHaveLength(2);
  });
});
