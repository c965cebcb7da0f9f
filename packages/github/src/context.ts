import { ConfigurationError } from '@mlci/core';

/**
 * What a workflow run knows about itself, read once from the runner's GITHUB_* variables and the
 * event payload. Typed so that later code never digs through `payload.pull_request.head.sha`.
 */
export interface GitHubContext {
  /** GITHUB_EVENT_NAME: `pull_request`, `push`, `workflow_run`, ... */
  eventName: string;
  owner: string;
  repo: string;
  /**
   * GITHUB_SHA. For `pull_request` this is the test merge commit, not the pull request's head:
   * use `event.headSha` for anything a reviewer sees.
   */
  sha: string;
  /** GITHUB_REF: `refs/heads/main`, `refs/pull/2/merge`, ... */
  ref: string;
  /** GITHUB_HEAD_REF / GITHUB_BASE_REF: set for pull_request events only. */
  headRef?: string;
  baseRef?: string;
  runId?: number;
  runAttempt?: number;
  runNumber?: number;
  actor?: string;
  workflow?: string;
  job?: string;
  /** `https://github.com`, or the GitHub Enterprise Server's address. */
  serverUrl: string;
  /** `https://api.github.com`, or `https://HOST/api/v3` on GitHub Enterprise Server. */
  apiUrl: string;
  /** A link to this run's page, when the run id is known. */
  runUrl?: string;
  /** The repository's default branch, when the payload says (it does for most events). */
  defaultBranch?: string;
  event: EventDetails;
}

export type EventDetails =
  | PullRequestEvent
  | PushEvent
  | WorkflowRunEvent
  | { kind: 'workflow_dispatch'; inputs: Record<string, unknown> }
  | { kind: 'schedule'; schedule?: string }
  | { kind: 'other' };

export interface PullRequestEvent {
  kind: 'pull_request';
  /** `pull_request_target` runs with a write token in the base repository's context. */
  trigger: 'pull_request' | 'pull_request_target';
  action?: string;
  number: number;
  /** The pull request's head commit (what the author pushed), not the merge commit in GITHUB_SHA. */
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
  /** `owner/name` of the head repository; undefined when the fork was deleted. */
  headRepo?: string;
  /** The head lives in another repository, so the token of a `pull_request` run is read-only. */
  fork: boolean;
  /**
   * `pull_request.updated_at` when the event fired: a push to the pull request moves it, so it
   * orders the runs of one pull request (a re-run keeps its original event and so its time).
   */
  updatedAt?: string;
  /** The pull request's labels when the event fired. */
  labels: string[];
  /** With action `labeled` / `unlabeled`: the label added or removed. */
  label?: string;
  /** Who caused the event (for `labeled`: who added the label). */
  sender?: string;
}

export interface PushEvent {
  kind: 'push';
  before: string;
  after: string;
  /** True when the push updated the default branch (where baselines are recorded). */
  toDefaultBranch: boolean;
  deleted: boolean;
  /** `head_commit.timestamp`: when the pushed commit was made, which orders the baselines recorded. */
  committedAt?: string;
}

export interface WorkflowRunEvent {
  kind: 'workflow_run';
  action?: string;
  /** The run that triggered this one (usually the pull request's read-only run). */
  run: {
    id: number;
    headSha: string;
    headBranch?: string;
    event: string;
    conclusion: string | null;
    /** `owner/name` of the repository the run's commit came from. */
    headRepo?: string;
    fork: boolean;
    /**
     * The pull requests GitHub associated with the run. Empty for runs from forks: the caller
     * then has to find the pull request by head sha or read its number from the run's artifact.
     */
    pullRequests: { number: number; headSha: string; headRef: string; baseSha: string; baseRef: string }[];
  };
}

/** GitHub's timestamps: `2024-05-15T15:20:33Z`, comparable as strings. */
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** Environment variables as the runner sets them; '' counts as not set. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads the context of the current run. `readFile` reads the event payload at GITHUB_EVENT_PATH
 * (passed in so tests need no files). Throws a ConfigurationError naming the variable when a
 * required one is missing or malformed, which happens when an action runs outside GitHub Actions.
 */
export function readContext(env: Env, readFile: (path: string) => string): GitHubContext {
  const get = (name: string) => {
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const required = (name: string, what: string) => {
    const value = get(name);
    if (value === undefined) {
      throw new ConfigurationError(
        `${name} is not set: expected ${what}. mlci's actions read it from the GitHub Actions runner; ` +
          'outside GitHub Actions, use the mlci CLI instead.',
      );
    }
    return value;
  };

  const repository = required('GITHUB_REPOSITORY', 'the repository as owner/name');
  const slash = repository.indexOf('/');
  if (slash <= 0 || slash === repository.length - 1 || repository.indexOf('/', slash + 1) !== -1) {
    throw new ConfigurationError(
      `GITHUB_REPOSITORY is ${JSON.stringify(repository)}: expected owner/name, like "octo-org/octo-repo"`,
    );
  }
  const eventName = required('GITHUB_EVENT_NAME', 'the name of the event that started the workflow');
  const serverUrl = trimSlash(get('GITHUB_SERVER_URL') ?? 'https://github.com');
  const apiUrl = trimSlash(get('GITHUB_API_URL') ?? 'https://api.github.com');
  checkUrl('GITHUB_SERVER_URL', serverUrl);
  checkUrl('GITHUB_API_URL', apiUrl);

  const payload = readPayload(eventName, get('GITHUB_EVENT_PATH'), readFile);
  const context: GitHubContext = {
    eventName,
    owner: repository.slice(0, slash),
    repo: repository.slice(slash + 1),
    sha: required('GITHUB_SHA', 'the commit the workflow runs on'),
    ref: get('GITHUB_REF') ?? '',
    serverUrl,
    apiUrl,
    event: eventDetails(eventName, payload),
  };
  const optional = {
    headRef: get('GITHUB_HEAD_REF'),
    baseRef: get('GITHUB_BASE_REF'),
    runId: integer(env, 'GITHUB_RUN_ID'),
    runAttempt: integer(env, 'GITHUB_RUN_ATTEMPT'),
    runNumber: integer(env, 'GITHUB_RUN_NUMBER'),
    actor: get('GITHUB_ACTOR'),
    workflow: get('GITHUB_WORKFLOW'),
    job: get('GITHUB_JOB'),
    defaultBranch: optionalString(at(payload, 'repository', 'default_branch')),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(context, { [key]: value });
  }
  if (context.runId !== undefined) {
    context.runUrl = `${serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`;
    if (context.runAttempt !== undefined && context.runAttempt > 1)
      context.runUrl += `/attempts/${context.runAttempt}`;
  }
  if (context.event.kind === 'push') {
    context.event.toDefaultBranch =
      context.defaultBranch !== undefined && context.ref === `refs/heads/${context.defaultBranch}`;
  }
  return context;
}

/** Events whose details mlci needs; others run without a payload. */
const NEEDS_PAYLOAD = new Set(['pull_request', 'pull_request_target', 'push', 'workflow_run']);

function readPayload(
  eventName: string,
  path: string | undefined,
  readFile: (path: string) => string,
): Record<string, unknown> {
  if (path === undefined) {
    if (NEEDS_PAYLOAD.has(eventName)) {
      throw new ConfigurationError(
        `GITHUB_EVENT_PATH is not set: a ${eventName} event needs its payload (the JSON file the runner writes)`,
      );
    }
    return {};
  }
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    throw new ConfigurationError(
      `GITHUB_EVENT_PATH is ${JSON.stringify(path)}, which cannot be read: ${(error as Error).message}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`GITHUB_EVENT_PATH (${path}) is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigurationError(`GITHUB_EVENT_PATH (${path}) does not hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((label) => {
    const name = at(label, 'name');
    return typeof name === 'string' ? [name] : [];
  });
}

function eventDetails(eventName: string, payload: Record<string, unknown>): EventDetails {
  const field = (path: string[], what: string) => {
    const value = at(payload, ...path);
    if (value === undefined || value === null) {
      throw new ConfigurationError(
        `the ${eventName} event payload (GITHUB_EVENT_PATH) has no ${path.join('.')}: expected ${what}`,
      );
    }
    return value;
  };
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const headRepo = optionalString(at(payload, 'pull_request', 'head', 'repo', 'full_name'));
      const baseRepo = optionalString(at(payload, 'pull_request', 'base', 'repo', 'full_name'));
      const details: PullRequestEvent = {
        kind: 'pull_request',
        trigger: eventName,
        number: Number(field(['pull_request', 'number'], 'the pull request number')),
        headSha: String(field(['pull_request', 'head', 'sha'], 'the head commit')),
        headRef: String(field(['pull_request', 'head', 'ref'], 'the head branch')),
        baseSha: String(field(['pull_request', 'base', 'sha'], 'the base commit')),
        baseRef: String(field(['pull_request', 'base', 'ref'], 'the base branch')),
        // A deleted fork leaves head.repo null: that is still a pull request from a fork.
        fork: headRepo === undefined || (baseRepo !== undefined && headRepo !== baseRepo),
        labels: labelNames(at(payload, 'pull_request', 'labels')),
      };
      const label = optionalString(at(payload, 'label', 'name'));
      if (label !== undefined) details.label = label;
      const sender = optionalString(at(payload, 'sender', 'login'));
      if (sender !== undefined) details.sender = sender;
      if (headRepo !== undefined) details.headRepo = headRepo;
      const updatedAt = optionalString(at(payload, 'pull_request', 'updated_at'));
      if (updatedAt !== undefined && ISO_TIME.test(updatedAt)) details.updatedAt = updatedAt;
      const action = optionalString(payload['action']);
      if (action !== undefined) details.action = action;
      return details;
    }
    case 'push': {
      const push: PushEvent = {
        kind: 'push',
        before: String(field(['before'], 'the commit before the push')),
        after: String(field(['after'], 'the commit after the push')),
        toDefaultBranch: false,
        deleted: at(payload, 'deleted') === true,
      };
      const committedAt = optionalString(at(payload, 'head_commit', 'timestamp'));
      if (committedAt !== undefined && !Number.isNaN(Date.parse(committedAt))) push.committedAt = committedAt;
      return push;
    }
    case 'workflow_run': {
      const run = field(['workflow_run'], 'the triggering run');
      const headRepo = optionalString(at(run, 'head_repository', 'full_name'));
      const repo =
        optionalString(at(run, 'repository', 'full_name')) ??
        optionalString(at(payload, 'repository', 'full_name'));
      const pullRequests = Array.isArray(at(run, 'pull_requests'))
        ? (at(run, 'pull_requests') as unknown[]).map((pr) => ({
            number: Number(at(pr, 'number')),
            headSha: String(at(pr, 'head', 'sha')),
            headRef: String(at(pr, 'head', 'ref')),
            baseSha: String(at(pr, 'base', 'sha')),
            baseRef: String(at(pr, 'base', 'ref')),
          }))
        : [];
      const details: WorkflowRunEvent = {
        kind: 'workflow_run',
        run: {
          id: Number(field(['workflow_run', 'id'], 'the triggering run id')),
          headSha: String(field(['workflow_run', 'head_sha'], 'the triggering run head commit')),
          event: String(field(['workflow_run', 'event'], 'the event of the triggering run')),
          conclusion: optionalString(at(run, 'conclusion')) ?? null,
          fork: headRepo === undefined || (repo !== undefined && headRepo !== repo),
          pullRequests,
        },
      };
      const headBranch = optionalString(at(run, 'head_branch'));
      if (headBranch !== undefined) details.run.headBranch = headBranch;
      if (headRepo !== undefined) details.run.headRepo = headRepo;
      const action = optionalString(payload['action']);
      if (action !== undefined) details.action = action;
      return details;
    }
    case 'workflow_dispatch': {
      const inputs = at(payload, 'inputs');
      return {
        kind: 'workflow_dispatch',
        inputs: typeof inputs === 'object' && inputs !== null ? (inputs as Record<string, unknown>) : {},
      };
    }
    case 'schedule': {
      const schedule = optionalString(at(payload, 'schedule'));
      return schedule === undefined ? { kind: 'schedule' } : { kind: 'schedule', schedule };
    }
    default:
      return { kind: 'other' };
  }
}

function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function integer(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) {
    throw new ConfigurationError(`${name} is ${JSON.stringify(raw)}: expected a whole number`);
  }
  return Number(raw);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function checkUrl(name: string, url: string): void {
  if (!/^https?:\/\/[^/\s]+/.test(url)) {
    throw new ConfigurationError(`${name} is ${JSON.stringify(url)}: expected an http(s) URL`);
  }
}
