import {
  ANNOTATIONS_PER_REQUEST,
  batchAnnotations,
  publishCheckRun,
  statusDescription,
  trimText,
  type CheckAnnotation,
  type PublishCheckOptions,
} from '../../packages/github/src/checks.js';
import {
  FULL_NAME,
  OWNER,
  REPO,
  fakeClient,
  recordingLogger,
  seedPullRequest,
  useFakeGitHub,
} from './helpers.js';

const annotation = (i: number): CheckAnnotation => ({
  path: 'metrics.json',
  start_line: i + 1,
  end_line: i + 1,
  annotation_level: 'warning',
  message: `metric ${i} regressed`,
});

describe('check helpers', () => {
  test('annotations go in batches of 50', () => {
    expect(batchAnnotations([])).toEqual([]);
    const sizes = batchAnnotations(Array.from({ length: 120 }, (_, i) => annotation(i))).map((b) => b.length);
    expect(sizes).toEqual([ANNOTATIONS_PER_REQUEST, 50, 20]);
  });

  test('long texts are trimmed to the limit, saying so, without splitting a surrogate pair', () => {
    expect(trimText('short', 10)).toBe('short');
    const trimmed = trimText('a'.repeat(70_000), 65_535);
    expect(trimmed).toHaveLength(65_535);
    expect(trimmed).toMatch(/trimmed: the full report is in the job summary\)$/);
    const emoji = '😀'.repeat(100);
    const cut = trimText(emoji, 80);
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(cut.startsWith('😀')).toBe(true);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut)).toBe(false);
  });

  test('a status description fits in 140 characters; neutral says there was no baseline', () => {
    expect(statusDescription('neutral', 'all 3 checks passed')).toBe('no baseline: all 3 checks passed');
    expect(statusDescription('failure', 'x'.repeat(200))).toHaveLength(140);
  });
});

describe('publishCheckRun against the fake GitHub', () => {
  const fake = useFakeGitHub();
  const checkRuns = () => fake().state.repo(FULL_NAME).checkRuns;
  const statuses = () => fake().state.repo(FULL_NAME).statuses;
  const options = (headSha: string, extra: Partial<PublishCheckOptions> = {}): PublishCheckOptions => ({
    owner: OWNER,
    repo: REPO,
    headSha,
    name: 'mlci',
    conclusion: 'success',
    title: 'all 3 checks passed',
    summary: '## mlci report\n\nall good',
    detailsUrl: 'https://github.com/acme/model/actions/runs/7',
    ...extra,
  });

  test('creates the check run, then updates the same run on the same commit', async () => {
    const { head } = seedPullRequest(fake());
    const client = fakeClient(fake());
    const first = await publishCheckRun(client, options(head));
    expect(first).toMatchObject({ kind: 'check-run', created: true });
    const second = await publishCheckRun(
      client,
      options(head, { conclusion: 'failure', title: '1 of 3 checks failed' }),
    );
    expect(second).toMatchObject({ kind: 'check-run', created: false });
    expect(checkRuns()).toHaveLength(1);
    expect(checkRuns()[0]).toMatchObject({
      name: 'mlci',
      headSha: head,
      status: 'completed',
      conclusion: 'failure',
      output: { title: '1 of 3 checks failed' },
    });
    const list = fake().requests.find((r) => r.operationId === 'checks/list-for-ref');
    expect(list!.query).toMatchObject({ check_name: 'mlci' });
  });

  test('without the lookup (a first attempt), one request creates the run', async () => {
    const { head } = seedPullRequest(fake());
    const client = fakeClient(fake());
    const result = await publishCheckRun(client, options(head, { updateExisting: false }));
    expect(result).toMatchObject({ kind: 'check-run', created: true });
    expect(fake().requests.map((r) => r.operationId)).toEqual(['checks/create']);
  });

  test('more than 50 annotations are sent 50 at a time; a long summary is trimmed', async () => {
    const { head } = seedPullRequest(fake());
    const client = fakeClient(fake());
    const result = await publishCheckRun(
      client,
      options(head, {
        summary: 's'.repeat(80_000),
        annotations: Array.from({ length: 120 }, (_, i) => annotation(i)),
      }),
    );
    expect(result.kind).toBe('check-run');
    expect(checkRuns()).toHaveLength(1);
    expect(checkRuns()[0]!.annotations).toHaveLength(120);
    expect(checkRuns()[0]!.output.summary!.length).toBe(65_535);
    const writes = fake()
      .requests.filter((r) => r.method !== 'GET')
      .map((r) => r.operationId);
    expect(writes).toEqual(['checks/create', 'checks/update', 'checks/update']);
  });

  test('annotations again on an annotated run: a new run instead of doubled annotations', async () => {
    const { head } = seedPullRequest(fake());
    const client = fakeClient(fake());
    await publishCheckRun(client, options(head, { annotations: [annotation(0)] }));
    const again = await publishCheckRun(client, options(head, { annotations: [annotation(1)] }));
    expect(again).toMatchObject({ kind: 'check-run', created: true });
    expect(checkRuns().map((r) => r.annotations.length)).toEqual([1, 1]);
  });

  test('check runs refused (403): falls back to a commit status of the same name', async () => {
    const { head } = seedPullRequest(fake());
    fake().inject({ method: 'POST', path: /\/check-runs$/, status: 403 });
    const log = recordingLogger();
    const client = fakeClient(fake(), log);
    const result = await publishCheckRun(client, options(head, { conclusion: 'neutral', log }));
    expect(result).toEqual({
      kind: 'status',
      state: 'success',
      reason:
        'check run not written: 403 Resource not accessible by integration - https://docs.github.com/rest',
    });
    expect(statuses()).toHaveLength(1);
    expect(statuses()[0]).toMatchObject({
      sha: head,
      state: 'success',
      context: 'mlci',
      description: 'no baseline: all 3 checks passed',
      targetUrl: 'https://github.com/acme/model/actions/runs/7',
    });
    expect(log.lines.join('\n')).toMatch(
      /check run could not be written .*publishing a commit status instead/,
    );
  });

  // Issue #12: checks/create answering 502 every time crashed the report step ("this is a bug"),
  // with no commit-status fallback (unlike a 403).
  test('GitHub failing to create check runs: the verdict goes out as a commit status', async () => {
    const { head } = seedPullRequest(fake());
    fake().inject({ method: 'POST', path: /\/check-runs$/, status: 502, times: 10 });
    const client = fakeClient(fake());
    const result = await publishCheckRun(client, options(head, { conclusion: 'failure' }));
    expect(result).toMatchObject({
      kind: 'status',
      state: 'failure',
      reason: expect.stringMatching(/^check run not written: 502 /),
    });
    expect(statuses()[0]).toMatchObject({ sha: head, state: 'failure', context: 'mlci' });
  });

  test('neither a check run nor a status can be written: a result says which, nothing is thrown', async () => {
    const { head } = seedPullRequest(fake());
    fake().inject({ status: 502, times: 100 });
    const result = await publishCheckRun(fakeClient(fake()), options(head, { conclusion: 'failure' }));
    expect(result).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(
        /^neither a check run \(502 .*\) nor a commit status \(502 .*\) could be written$/,
      ),
    });
  });
});

describe('publishCheckRun with a read-only token', () => {
  const fake = useFakeGitHub({ readOnly: true });

  test('neither checks nor statuses may be written: a result says so, nothing is thrown', async () => {
    const { head } = seedPullRequest(fake());
    const client = fakeClient(fake());
    const result = await publishCheckRun(client, {
      owner: OWNER,
      repo: REPO,
      headSha: head,
      name: 'mlci',
      conclusion: 'failure',
      title: 'failed',
      summary: 'x',
    });
    expect(result.kind).toBe('none');
    expect(result).toMatchObject({
      reason: expect.stringMatching(/neither check runs .* nor commit statuses/),
    });
    expect(fake().requests.map((r) => `${r.operationId} ${r.status}`)).toEqual([
      'checks/list-for-ref 200',
      'checks/create 403',
      'repos/create-commit-status 403',
    ]);
  });
});
