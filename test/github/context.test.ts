import { createRequire } from 'node:module';
import { ConfigurationError } from '@mlci/core';
import { readContext, type Env } from '../../packages/github/src/context.js';

// Real payloads GitHub sent, collected by the Octokit project.
const require = createRequire(import.meta.url);
type Example = Record<string, unknown> & { action?: string };
const index = require('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string;
  examples: Example[];
}[];
const examples = (name: string) => index.find((e) => e.name === name)!.examples;

const baseEnv: Env = {
  GITHUB_REPOSITORY: 'Codertocat/Hello-World',
  GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
  GITHUB_REF: 'refs/pull/2/merge',
  GITHUB_RUN_ID: '1658821493',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_RUN_NUMBER: '17',
  GITHUB_ACTOR: 'Codertocat',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'report',
  GITHUB_EVENT_PATH: '/home/runner/work/_temp/_github_workflow/event.json',
};

function contextFor(eventName: string, payload: unknown, env: Env = {}) {
  return readContext({ ...baseEnv, GITHUB_EVENT_NAME: eventName, ...env }, (path) => {
    expect(path).toBe(env['GITHUB_EVENT_PATH'] ?? baseEnv['GITHUB_EVENT_PATH']);
    return JSON.stringify(payload);
  });
}

describe('readContext', () => {
  test('pull_request opened: the head commit, not the merge commit in GITHUB_SHA', () => {
    const payload = examples('pull_request').find((e) => e.action === 'opened')!;
    const context = contextFor('pull_request', payload, {
      GITHUB_HEAD_REF: 'changes',
      GITHUB_BASE_REF: 'master',
    });
    expect(context).toMatchObject({
      eventName: 'pull_request',
      owner: 'Codertocat',
      repo: 'Hello-World',
      sha: 'ffac537e6cbbf934b08745a378932722df287a53',
      ref: 'refs/pull/2/merge',
      headRef: 'changes',
      baseRef: 'master',
      runId: 1658821493,
      runAttempt: 1,
      runNumber: 17,
      actor: 'Codertocat',
      workflow: 'CI',
      job: 'report',
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      runUrl: 'https://github.com/Codertocat/Hello-World/actions/runs/1658821493',
      defaultBranch: 'master',
    });
    expect(context.event).toEqual({
      kind: 'pull_request',
      trigger: 'pull_request',
      action: 'opened',
      number: 2,
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      headRef: 'changes',
      baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      baseRef: 'master',
      headRepo: 'Codertocat/Hello-World',
      fork: false,
      // When the event fired: it orders the reports of one pull request.
      updatedAt: '2019-05-15T15:20:33Z',
      labels: [],
      sender: 'Codertocat',
    });
  });

  test('a labeled event: the label, who added it, and the labels of the pull request', () => {
    const payload = examples('pull_request').find((e) => e.action === 'labeled')!;
    const event = contextFor('pull_request', payload, {}).event;
    expect(event).toMatchObject({ kind: 'pull_request', action: 'labeled', label: expect.any(String) });
    if (event.kind !== 'pull_request') throw new Error('unreachable');
    expect(event.labels).toContain(event.label);
    expect(event.sender).toEqual(expect.any(String));
  });

  test('pull_request_target from a fork, and from a deleted fork', () => {
    const payload = structuredClone(examples('pull_request').find((e) => e.action === 'synchronize')!) as {
      pull_request: { head: { repo: { full_name: string } | null } };
    };
    payload.pull_request.head.repo!.full_name = 'someone/Hello-World';
    const event = contextFor('pull_request_target', payload).event;
    expect(event).toMatchObject({ kind: 'pull_request', trigger: 'pull_request_target', fork: true });
    expect(event).toMatchObject({ headRepo: 'someone/Hello-World' });
    payload.pull_request.head.repo = null;
    const deleted = contextFor('pull_request_target', payload).event;
    expect(deleted).toMatchObject({ fork: true });
    expect(deleted).not.toHaveProperty('headRepo');
  });

  test('push to the default branch, and a tag push', () => {
    const [tag, , , , branch] = examples('push');
    const toMaster = contextFor('push', branch, { GITHUB_REF: 'refs/heads/master' });
    expect(toMaster.event).toEqual({
      kind: 'push',
      before: '0000000000000000000000000000000000000000',
      after: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      toDefaultBranch: true,
      deleted: false,
      // head_commit.timestamp of the real payload: orders the baselines recorded on the history branch.
      committedAt: '2019-05-15T15:19:25Z',
    });
    expect(toMaster.defaultBranch).toBe('master');
    const toTag = contextFor('push', tag, { GITHUB_REF: 'refs/tags/simple-tag' });
    expect(toTag.event).toMatchObject({ kind: 'push', toDefaultBranch: false });
  });

  test('workflow_run completed: the triggering run, with its pull requests', () => {
    const withPr = examples('workflow_run')[2]!;
    const context = contextFor('workflow_run', withPr, { GITHUB_REF: 'refs/heads/master' });
    expect(context.event).toEqual({
      kind: 'workflow_run',
      action: 'completed',
      run: {
        id: expect.any(Number),
        headSha: '3484a3fb816e0859fd6e1cea078d76385ff50625',
        headBranch: 'master',
        event: 'repository_dispatch',
        conclusion: 'success',
        headRepo: 'octo-org/octo-repo',
        fork: false,
        pullRequests: [
          {
            number: 2,
            headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
            headRef: 'changes',
            baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
            baseRef: 'master',
          },
        ],
      },
    });
  });

  test('workflow_run from a fork: no pull requests, marked as a fork', () => {
    const payload = structuredClone(examples('workflow_run')[0]!) as {
      workflow_run: { event: string; head_repository: { full_name: string } };
    };
    payload.workflow_run.event = 'pull_request';
    payload.workflow_run.head_repository.full_name = 'someone/octo-repo';
    const event = contextFor('workflow_run', payload).event;
    expect(event).toMatchObject({
      kind: 'workflow_run',
      run: {
        event: 'pull_request',
        conclusion: null,
        fork: true,
        pullRequests: [],
        headRepo: 'someone/octo-repo',
      },
    });
  });

  test('workflow_dispatch and schedule', () => {
    const dispatch = contextFor('workflow_dispatch', examples('workflow_dispatch')[0], {
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
    });
    expect(dispatch.event).toEqual({ kind: 'workflow_dispatch', inputs: {} });
    expect(dispatch.defaultBranch).toBe('main');
    // GitHub writes no webhook for schedule; the runner's payload carries the cron line and the repository.
    const schedule = contextFor('schedule', {
      schedule: '30 5 * * 1',
      repository: { full_name: 'octo-org/octo-repo', default_branch: 'main' },
    });
    expect(schedule.event).toEqual({ kind: 'schedule', schedule: '30 5 * * 1' });
    expect(schedule.defaultBranch).toBe('main');
  });

  test('events that need no payload run without GITHUB_EVENT_PATH', () => {
    const context = readContext({ ...baseEnv, GITHUB_EVENT_NAME: 'schedule', GITHUB_EVENT_PATH: '' }, () => {
      throw new Error('not read');
    });
    expect(context.event).toEqual({ kind: 'schedule' });
  });

  test('GitHub Enterprise Server: API and server URLs from the runner, trailing slashes dropped', () => {
    const context = contextFor('push', examples('push')[4], {
      GITHUB_SERVER_URL: 'https://ghe.example.com/',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3',
      GITHUB_RUN_ATTEMPT: '2',
    });
    expect(context.serverUrl).toBe('https://ghe.example.com');
    expect(context.apiUrl).toBe('https://ghe.example.com/api/v3');
    expect(context.runUrl).toBe(
      'https://ghe.example.com/Codertocat/Hello-World/actions/runs/1658821493/attempts/2',
    );
  });

  test('errors name the variable', () => {
    const payload = examples('push')[4];
    const bad: [Env, RegExp][] = [
      [{ GITHUB_REPOSITORY: '' }, /^GITHUB_REPOSITORY is not set: expected the repository as owner\/name/],
      [{ GITHUB_REPOSITORY: 'just-a-name' }, /^GITHUB_REPOSITORY is "just-a-name": expected owner\/name/],
      [{ GITHUB_EVENT_NAME: undefined }, /^GITHUB_EVENT_NAME is not set/],
      [{ GITHUB_SHA: undefined }, /^GITHUB_SHA is not set/],
      [{ GITHUB_RUN_ID: 'abc' }, /^GITHUB_RUN_ID is "abc": expected a whole number/],
      [
        { GITHUB_API_URL: 'api.github.com' },
        /^GITHUB_API_URL is "api.github.com": expected an http\(s\) URL/,
      ],
      [{ GITHUB_EVENT_PATH: undefined }, /^GITHUB_EVENT_PATH is not set: a push event needs its payload/],
    ];
    for (const [env, message] of bad) {
      const run = () =>
        readContext({ ...baseEnv, GITHUB_EVENT_NAME: 'push', ...env }, () => JSON.stringify(payload));
      expect(run).toThrow(ConfigurationError);
      expect(run).toThrow(message);
    }
    expect(() =>
      readContext({ ...baseEnv, GITHUB_EVENT_NAME: 'push' }, () => {
        throw new Error('ENOENT: no such file');
      }),
    ).toThrow(/^GITHUB_EVENT_PATH is ".*event.json", which cannot be read: ENOENT/);
    expect(() => readContext({ ...baseEnv, GITHUB_EVENT_NAME: 'push' }, () => '{')).toThrow(
      /^GITHUB_EVENT_PATH \(.*\) is not JSON/,
    );
    expect(() => readContext({ ...baseEnv, GITHUB_EVENT_NAME: 'pull_request' }, () => '{}')).toThrow(
      'the pull_request event payload (GITHUB_EVENT_PATH) has no pull_request.number: expected the pull request number',
    );
  });
});
