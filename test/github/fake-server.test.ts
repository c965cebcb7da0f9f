// Tests of the fake GitHub server itself, through the same client the actions use (@actions/github).
import { getOctokit } from '@actions/github';
import { unzipSync, strFromU8 } from 'fflate';
import { faults, gitBlobSha, startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';

const TOKEN = 'ghs_fake_token';
const R = { owner: 'acme', repo: 'model' };

let fake: FakeGitHub;
let octokit: ReturnType<typeof getOctokit>;
let base: string;
let head: string;

function status(e: unknown): number | undefined {
  return (e as { status?: number }).status;
}

beforeEach(async () => {
  fake = await startFakeGitHub({ token: TOKEN });
  octokit = getOctokit(TOKEN, { baseUrl: fake.url });
  const { state } = fake;
  state.addRepo({ owner: 'acme', repo: 'model', defaultBranch: 'main' });
  base = state.commit('acme/model', {
    files: { 'metrics.json': '{"accuracy":0.9}', 'models/readme.md': '# models' },
    message: 'init',
  });
  head = state.commit('acme/model', {
    branch: 'feature',
    parents: [base],
    files: { 'metrics.json': '{"accuracy":0.91}' },
    message: 'better model',
  });
});

afterEach(async () => {
  try {
    // Every request validated and every response of the fake valid, in every test.
    fake.assertNoProblems();
  } finally {
    await fake.close();
  }
});

describe('startup and routing', () => {
  // How fast it starts and answers is a benchmark's business (no wall-clock assertions in tests).
  it('starts a second server beside the first and answers repeated requests', async () => {
    const second = await startFakeGitHub();
    await second.close();
    for (let i = 0; i < 20; i++) {
      const { status } = await octokit.rest.rateLimit.get();
      expect(status).toBe(200);
    }
  });

  it('records an unknown route as a problem and answers 404', async () => {
    await expect(octokit.request('GET /no/such/thing')).rejects.toMatchObject({ status: 404 });
    expect(fake.problems).toEqual(['unknown route GET /no/such/thing']);
    expect(() => fake.assertNoProblems()).toThrow(/unknown route GET \/no\/such\/thing/);
    fake.problems.length = 0;
  });

  it('records a known but unimplemented operation as a problem', async () => {
    await expect(octokit.rest.repos.listForks(R)).rejects.toMatchObject({ status: 404 });
    expect(fake.problems[0]).toMatch(/not implemented by the fake: repos\/list-forks/);
    fake.problems.length = 0;
  });

  it('requires the token when one is configured', async () => {
    const other = getOctokit('wrong', { baseUrl: fake.url });
    await expect(other.rest.repos.get(R)).rejects.toMatchObject({ status: 401 });
  });

  it('accepts the GHES /api/v3 prefix', async () => {
    const ghes = getOctokit(TOKEN, { baseUrl: `${fake.url}/api/v3` });
    const { data } = await ghes.rest.repos.get(R);
    expect(data.default_branch).toBe('main');
    expect(data.url).toBe(`${fake.url}/api/v3/repos/acme/model`);
    expect(fake.requests.at(-1)).toMatchObject({ path: '/repos/acme/model', operationId: 'repos/get' });
  });

  it('answers GET /user with 403 for an installation token', async () => {
    await expect(octokit.rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
  });
});

describe('issue comments', () => {
  it('paginates 250 comments with octokit.paginate, each exactly once', async () => {
    const pr = fake.state.addPullRequest('acme/model', { head: { ref: 'feature' }, base: { ref: 'main' } });
    for (let i = 0; i < 250; i++) fake.state.addComment('acme/model', pr.number, { body: `comment ${i}` });
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...R,
      issue_number: pr.number,
      per_page: 100,
    });
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 250 }, (_, i) => `comment ${i}`));
    expect(new Set(all.map((c) => c.id)).size).toBe(250);
    expect(
      fake.requests.filter((r) => r.operationId === 'issues/list-comments').map((r) => r.query.page),
    ).toEqual([undefined, '2', '3']);
  });

  it('creates, gets, updates and deletes a comment as github-actions[bot]', async () => {
    const pr = fake.state.addPullRequest('acme/model', { head: { ref: 'feature' }, base: { ref: 'main' } });
    const created = await octokit.rest.issues.createComment({ ...R, issue_number: pr.number, body: 'first' });
    expect(created.status).toBe(201);
    expect(created.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot', id: 41898282 });
    const id = created.data.id;
    const updated = await octokit.rest.issues.updateComment({ ...R, comment_id: id, body: 'second' });
    expect(updated.data.body).toBe('second');
    expect(updated.data.updated_at > created.data.updated_at).toBe(true);
    expect((await octokit.rest.issues.getComment({ ...R, comment_id: id })).data.body).toBe('second');
    await octokit.rest.issues.deleteComment({ ...R, comment_id: id });
    await expect(octokit.rest.issues.getComment({ ...R, comment_id: id })).rejects.toMatchObject({
      status: 404,
    });
    expect(fake.state.repo('acme/model').comments).toHaveLength(0);
  });

  it('refuses a body over 65536 characters with 422 as GitHub does', async () => {
    const pr = fake.state.addPullRequest('acme/model', { head: { ref: 'feature' }, base: { ref: 'main' } });
    const err: unknown = await octokit.rest.issues
      .createComment({ ...R, issue_number: pr.number, body: 'x'.repeat(65537) })
      .catch((e: unknown) => e);
    expect(status(err)).toBe(422);
    expect(JSON.stringify((err as { response: { data: unknown } }).response.data)).toContain(
      'body is too long (maximum is 65536 characters)',
    );
    await octokit.rest.issues.createComment({ ...R, issue_number: pr.number, body: 'x'.repeat(65536) });
  });

  it('keeps a consistent state under ten concurrent writers', async () => {
    const pr = fake.state.addPullRequest('acme/model', { head: { ref: 'feature' }, base: { ref: 'main' } });
    fake.inject({ status: 0, method: 'POST', delayMs: 30, times: 5 });
    const made = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        octokit.rest.issues.createComment({ ...R, issue_number: pr.number, body: `run ${i}` }),
      ),
    );
    expect(new Set(made.map((m) => m.data.id)).size).toBe(10);
    const listed = await octokit.rest.issues.listComments({ ...R, issue_number: pr.number });
    expect(listed.data.map((c) => c.body).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `run ${i}`).sort(),
    );
  });
});

describe('pull requests', () => {
  it('finds a pull request by number, by head SHA and by head branch, and compares', async () => {
    fake.state.addRepo({ owner: 'someone', repo: 'model', fork: 'acme/model' });
    const forkHead = fake.state.commit('someone/model', {
      branch: 'fix',
      parents: [base],
      files: { x: '1' },
    });
    const pr = fake.state.addPullRequest('acme/model', {
      head: { ref: 'fix', sha: forkHead, repo: 'someone/model' },
      base: { ref: 'main' },
    });
    const got = await octokit.rest.pulls.get({ ...R, pull_number: pr.number });
    expect(got.data.head).toMatchObject({
      sha: forkHead,
      ref: 'fix',
      repo: { full_name: 'someone/model', fork: true },
    });
    const bySha = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      ...R,
      commit_sha: forkHead,
    });
    expect(bySha.data.map((p) => p.number)).toEqual([pr.number]);
    const byHead = await octokit.rest.pulls.list({ ...R, head: 'someone:fix', state: 'open' });
    expect(byHead.data.map((p) => p.number)).toEqual([pr.number]);
    const cmp = await octokit.rest.repos.compareCommitsWithBasehead({ ...R, basehead: `main...${head}` });
    expect(cmp.data).toMatchObject({
      merge_base_commit: { sha: base },
      ahead_by: 1,
      behind_by: 0,
      status: 'ahead',
    });
  });
});

describe('check runs and statuses', () => {
  it('creates and updates a check run with annotations, and lists it for the ref', async () => {
    const annotation = {
      path: 'metrics.json',
      start_line: 1,
      end_line: 1,
      annotation_level: 'warning' as const,
      message: 'accuracy dropped',
    };
    const created = await octokit.rest.checks.create({
      ...R,
      name: 'mlci',
      head_sha: head,
      status: 'in_progress',
      output: { title: 'Running', summary: '...', annotations: [annotation] },
    });
    expect(created.data).toMatchObject({ status: 'in_progress', conclusion: null, name: 'mlci' });
    const updated = await octokit.rest.checks.update({
      ...R,
      check_run_id: created.data.id,
      conclusion: 'neutral',
      output: { title: 'No baseline', summary: 'nothing to compare', annotations: [annotation] },
    });
    expect(updated.data).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(updated.data.output.annotations_count).toBe(2);
    const listed = await octokit.rest.checks.listForRef({ ...R, ref: 'feature', check_name: 'mlci' });
    expect(listed.data.check_runs.map((c) => c.id)).toEqual([created.data.id]);
    const annotations = await octokit.rest.checks.listAnnotations({ ...R, check_run_id: created.data.id });
    expect(annotations.data).toHaveLength(2);
  });

  it('refuses more than 50 annotations per request with 422, a problem too (the spec says maxItems 50)', async () => {
    const annotations = Array.from({ length: 51 }, (_, i) => ({
      path: 'a.py',
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'notice' as const,
      message: `n${i}`,
    }));
    await expect(
      octokit.rest.checks.create({
        ...R,
        name: 'mlci',
        head_sha: head,
        output: { title: 't', summary: 's', annotations },
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(fake.problems).toEqual([expect.stringMatching(/annotations must NOT have more than 50 items/)]);
    fake.problems.length = 0;
  });

  it('answers an invalid body (conclusion "bogus") with 422 and records a problem', async () => {
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/check-runs', {
        ...R,
        name: 'mlci',
        head_sha: head,
        // Not a conclusion GitHub knows: octokit's types refuse it too, hence the cast.
        conclusion: 'bogus' as 'success',
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(fake.problems).toHaveLength(1);
    expect(fake.problems[0]).toMatch(
      /invalid request POST .*checks\/create.*conclusion must be equal to one of/,
    );
    fake.problems.length = 0;
  });

  it('creates commit statuses and combines them', async () => {
    await octokit.rest.repos.createCommitStatus({ ...R, sha: head, state: 'pending', context: 'mlci' });
    await octokit.rest.repos.createCommitStatus({ ...R, sha: head, state: 'success', context: 'mlci' });
    const combined = await octokit.rest.repos.getCombinedStatusForRef({ ...R, ref: head });
    expect(combined.data).toMatchObject({ state: 'success', total_count: 1 });
  });
});

describe('git data and contents', () => {
  it('writes blob -> tree -> commit -> ref, and refuses a non fast-forward update', async () => {
    const blob = await octokit.rest.git.createBlob({
      ...R,
      content: Buffer.from('hello').toString('base64'),
      encoding: 'base64',
    });
    expect(blob.data.sha).toBe(gitBlobSha(Buffer.from('hello')));
    const baseTree = fake.state.repo('acme/model').commits.get(base)!.tree;
    const tree = await octokit.rest.git.createTree({
      ...R,
      base_tree: baseTree,
      tree: [
        { path: 'history/run.json', mode: '100644', type: 'blob', sha: blob.data.sha },
        { path: 'notes.txt', mode: '100644', type: 'blob', content: 'utf-8 text' },
      ],
    });
    const commit = await octokit.rest.git.createCommit({
      ...R,
      message: 'record',
      tree: tree.data.sha,
      parents: [base],
    });
    expect(commit.data.parents.map((p) => p.sha)).toEqual([base]);
    const moved = await octokit.rest.git.updateRef({ ...R, ref: 'heads/main', sha: commit.data.sha });
    expect(moved.data.object.sha).toBe(commit.data.sha);
    expect(fake.state.files('acme/model', 'main').get('history/run.json')?.toString()).toBe('hello');

    // `head` is not a descendant of the new main: only force moves the ref.
    const err: unknown = await octokit.rest.git
      .updateRef({ ...R, ref: 'heads/main', sha: head })
      .catch((e: unknown) => e);
    expect(status(err)).toBe(422);
    expect((err as Error).message).toContain('Update is not a fast forward');
    await octokit.rest.git.updateRef({ ...R, ref: 'heads/main', sha: head, force: true });

    const created = await octokit.rest.git.createRef({ ...R, ref: 'refs/heads/mlci-history', sha: base });
    expect(created.status).toBe(201);
    const matching = await octokit.rest.git.listMatchingRefs({ ...R, ref: 'heads/mlci' });
    expect(matching.data.map((r) => r.ref)).toEqual(['refs/heads/mlci-history']);
  });

  it('serves contents: a file, a directory, a missing path, and a large file through blobs', async () => {
    const file = await octokit.rest.repos.getContent({ ...R, path: 'metrics.json', ref: 'feature' });
    const data = file.data as { content: string; encoding: string; sha: string };
    expect(Buffer.from(data.content, 'base64').toString()).toBe('{"accuracy":0.91}');
    const dir = await octokit.rest.repos.getContent({ ...R, path: 'models' });
    expect((dir.data as Array<{ name: string }>).map((e) => e.name)).toEqual(['readme.md']);
    await expect(octokit.rest.repos.getContent({ ...R, path: 'nope.json' })).rejects.toMatchObject({
      status: 404,
    });

    const big = Buffer.alloc(1024 * 1024 + 10, 7);
    fake.state.commit('acme/model', { files: { 'big.bin': big } });
    const large = (await octokit.rest.repos.getContent({ ...R, path: 'big.bin' })).data as {
      content: string;
      encoding: string;
      sha: string;
    };
    expect(large).toMatchObject({ content: '', encoding: 'none' });
    const blob = await octokit.rest.git.getBlob({ ...R, file_sha: large.sha });
    expect(Buffer.from(blob.data.content, 'base64').equals(big)).toBe(true);
  });

  it('creates and updates a file with the contents API, checking the sha', async () => {
    const content = Buffer.from('{"n":1}').toString('base64');
    const created = await octokit.rest.repos.createOrUpdateFileContents({
      ...R,
      path: 'h/a.json',
      message: 'add',
      content,
    });
    expect(created.status).toBe(201);
    await expect(
      octokit.rest.repos.createOrUpdateFileContents({
        ...R,
        path: 'h/a.json',
        message: 'x',
        content,
        sha: '0'.repeat(40),
      }),
    ).rejects.toMatchObject({ status: 409 });
    const updated = await octokit.rest.repos.createOrUpdateFileContents({
      ...R,
      path: 'h/a.json',
      message: 'update',
      content,
      sha: created.data.content!.sha!,
    });
    expect(updated.status).toBe(200);
  });
});

describe('Actions', () => {
  it('finds a workflow run by head SHA and downloads its artifact as a real zip', async () => {
    const run = fake.state.addWorkflowRun('acme/model', {
      head_sha: head,
      head_branch: 'feature',
      event: 'pull_request',
      status: 'completed',
      conclusion: 'success',
      name: 'CI',
      path: '.github/workflows/ci.yml',
      artifacts: [
        { name: 'mlci-results', files: { 'metrics.json': '{"accuracy":0.91}', 'sub/log.txt': 'ok' } },
      ],
    });
    const runs = await octokit.rest.actions.listWorkflowRunsForRepo({
      ...R,
      head_sha: head,
      status: 'success',
    });
    expect(runs.data.workflow_runs.map((r) => r.id)).toEqual([run.id]);
    const artifacts = await octokit.rest.actions.listWorkflowRunArtifacts({
      ...R,
      run_id: run.id,
      name: 'mlci-results',
    });
    expect(artifacts.data.total_count).toBe(1);
    const byName = await octokit.rest.actions.listArtifactsForRepo({ ...R, name: 'mlci-results' });
    const id = byName.data.artifacts[0]!.id;
    const zip = await octokit.rest.actions.downloadArtifact({ ...R, artifact_id: id, archive_format: 'zip' });
    const files = unzipSync(new Uint8Array(zip.data as ArrayBuffer));
    expect(Object.keys(files).sort()).toEqual(['metrics.json', 'sub/log.txt']);
    expect(strFromU8(files['metrics.json']!)).toBe('{"accuracy":0.91}');
  });

  it('answers 410 for an expired artifact', async () => {
    fake.state.addWorkflowRun('acme/model', {
      head_sha: head,
      artifacts: [{ name: 'old', files: { a: '1' }, expired: true }],
    });
    const id = fake.state.repo('acme/model').artifacts[0]!.id;
    await expect(
      octokit.rest.actions.downloadArtifact({ ...R, artifact_id: id, archive_format: 'zip' }),
    ).rejects.toMatchObject({ status: 410 });
  });
});

describe('faults and permissions', () => {
  it('serves injected 502s, then resumes normal service', async () => {
    fake.inject(faults.serverError(502, 2));
    await expect(octokit.rest.repos.get(R)).rejects.toMatchObject({ status: 502 });
    await expect(octokit.rest.repos.get(R)).rejects.toMatchObject({ status: 502 });
    expect((await octokit.rest.repos.get(R)).status).toBe(200);
    expect(fake.requests.map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it('injects a secondary rate limit with retry-after on matching requests only', async () => {
    fake.inject({ ...faults.secondaryRateLimit(), method: 'POST', path: /\/statuses\// });
    await octokit.rest.repos.get(R);
    const err: unknown = await octokit.rest.repos
      .createCommitStatus({ ...R, sha: head, state: 'success' })
      .catch((e: unknown) => e);
    expect(status(err)).toBe(403);
    expect((err as { response: { headers: Record<string, string> } }).response.headers['retry-after']).toBe(
      '1',
    );
    expect((err as Error).message).toContain('You have exceeded a secondary rate limit');
    expect((await octokit.rest.repos.createCommitStatus({ ...R, sha: head, state: 'success' })).status).toBe(
      201,
    );
  });

  it('gives a read-only token 403 on every write', async () => {
    const ro = await startFakeGitHub({ readOnly: true });
    try {
      ro.state.addRepo({ owner: 'acme', repo: 'model' });
      ro.state.addIssue('acme/model', { number: 1 });
      const client = getOctokit('any', { baseUrl: ro.url });
      await expect(
        client.rest.issues.createComment({ ...R, issue_number: 1, body: 'x' }),
      ).rejects.toMatchObject({
        status: 403,
        message: expect.stringContaining('Resource not accessible by integration'),
      });
      expect((await client.rest.issues.listComments({ ...R, issue_number: 1 })).status).toBe(200);
      ro.assertNoProblems();
    } finally {
      await ro.close();
    }
  });
});
