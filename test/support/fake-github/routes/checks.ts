// Check runs and commit statuses: what branch protection requires.
import { annotationJson, checkRunJson, HTML, repoJson, statusJson } from '../serialize.js';
import {
  notFound,
  unprocessable,
  validationFailed,
  type Annotation,
  type CheckRun,
  type RepoState,
} from '../state.js';
import { paginate, repoOf, type Handler, type HandlerRequest } from './util.js';

const MAX_ANNOTATIONS = 50;

interface CheckRunBody {
  name?: string;
  head_sha?: string;
  details_url?: string;
  external_id?: string;
  status?: string;
  conclusion?: string;
  started_at?: string;
  completed_at?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: Annotation[] };
}

function apply(req: HandlerRequest, run: CheckRun, body: CheckRunBody): void {
  const annotations = body.output?.annotations ?? [];
  if (annotations.length > MAX_ANNOTATIONS) {
    throw validationFailed([
      {
        resource: 'CheckRun',
        code: 'custom',
        field: 'output.annotations',
        message: `Only ${MAX_ANNOTATIONS} annotations are allowed per request`,
      },
    ]);
  }
  if (body.name !== undefined) run.name = body.name;
  if (body.details_url !== undefined) run.detailsUrl = body.details_url;
  if (body.external_id !== undefined) run.externalId = body.external_id;
  if (body.started_at !== undefined) run.startedAt = body.started_at;
  // GitHub: a conclusion implies completed; completed needs a conclusion.
  if (body.conclusion !== undefined) {
    run.conclusion = body.conclusion;
    run.status = 'completed';
  } else if (body.status !== undefined) {
    run.status = body.status;
  }
  if (run.status === 'completed') {
    if (!run.conclusion) throw unprocessable('Invalid request.\n\nNo conclusion provided.');
    run.completedAt = body.completed_at ?? run.completedAt ?? req.ctx.state.clock.iso();
  }
  if (body.output) {
    run.output = {
      title: body.output.title ?? run.output.title,
      summary: body.output.summary ?? run.output.summary,
      text: body.output.text ?? run.output.text,
    };
    // Annotations accumulate across updates, which is how large sets are sent 50 at a time.
    run.annotations.push(...annotations);
  }
}

function runOf(req: HandlerRequest): { repo: RepoState; run: CheckRun } {
  const repo = repoOf(req);
  const run = repo.checkRuns.find((c) => c.id === Number(req.params.check_run_id));
  if (!run) throw notFound();
  return { repo, run };
}

export const checkRoutes: Record<string, Handler> = {
  'checks/create': (req) => {
    const repo = repoOf(req);
    const body = req.body as CheckRunBody;
    if (!repo.commits.has(String(body.head_sha))) {
      throw unprocessable(`No commit found for SHA: ${body.head_sha}`);
    }
    const now = req.ctx.state.clock.tick();
    const run: CheckRun = {
      id: req.ctx.state.nextId('check'),
      name: String(body.name),
      headSha: String(body.head_sha),
      status: 'queued',
      conclusion: null,
      startedAt: now,
      completedAt: null,
      externalId: null,
      detailsUrl: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
      checkSuiteId: req.ctx.state.nextId('suite'),
    };
    apply(req, run, body);
    repo.checkRuns.push(run);
    return { status: 201, body: checkRunJson(req.ctx, repo, run) };
  },
  'checks/update': (req) => {
    const { repo, run } = runOf(req);
    req.ctx.state.clock.tick();
    apply(req, run, req.body as CheckRunBody);
    return { status: 200, body: checkRunJson(req.ctx, repo, run) };
  },
  'checks/get': (req) => {
    const { repo, run } = runOf(req);
    return { status: 200, body: checkRunJson(req.ctx, repo, run) };
  },
  'checks/list-annotations': (req) => {
    const { repo, run } = runOf(req);
    const { items, headers } = paginate(req, run.annotations);
    const href = `${HTML}/${repo.fullName}/blob/${run.headSha}`;
    return { status: 200, body: items.map((a) => annotationJson(a, href)), headers };
  },
  'checks/list-for-ref': (req) => {
    const repo = repoOf(req);
    const sha = req.ctx.state.resolve(repo, String(req.params.ref));
    if (!sha) throw unprocessable(`No commit found for SHA: ${String(req.params.ref)}`);
    let runs = repo.checkRuns.filter((c) => c.headSha === sha);
    if (req.query.check_name !== undefined) runs = runs.filter((c) => c.name === req.query.check_name);
    if (req.query.status !== undefined) runs = runs.filter((c) => c.status === req.query.status);
    // Newest first, and by default only the latest run per name (filter=latest), as GitHub does.
    runs = [...runs].reverse();
    if (req.query.filter !== 'all')
      runs = runs.filter((c, i) => runs.findIndex((d) => d.name === c.name) === i);
    const { items, headers } = paginate(req, runs);
    return {
      status: 200,
      body: { total_count: runs.length, check_runs: items.map((c) => checkRunJson(req.ctx, repo, c)) },
      headers,
    };
  },
  'repos/create-commit-status': (req) => {
    const repo = repoOf(req);
    const sha = String(req.params.sha);
    if (!repo.commits.has(sha)) throw unprocessable(`No commit found for SHA: ${sha}`);
    const now = req.ctx.state.clock.tick();
    const s = {
      id: req.ctx.state.nextId('status'),
      sha,
      state: req.body.state,
      description: req.body.description ?? null,
      targetUrl: req.body.target_url ?? null,
      context: req.body.context ?? 'default',
      createdAt: now,
      updatedAt: now,
      creator: req.ctx.identity ?? req.ctx.state.identity,
    };
    repo.statuses.push(s);
    return { status: 201, body: statusJson(req.ctx, repo, s) };
  },
  'repos/list-commit-statuses-for-ref': (req) => {
    const repo = repoOf(req);
    const sha = req.ctx.state.resolve(repo, String(req.params.ref));
    if (!sha) throw notFound();
    const list = repo.statuses.filter((s) => s.sha === sha).reverse();
    const { items, headers } = paginate(req, list);
    return { status: 200, body: items.map((s) => statusJson(req.ctx, repo, s)), headers };
  },
  'repos/get-combined-status-for-ref': (req) => {
    const repo = repoOf(req);
    const sha = req.ctx.state.resolve(repo, String(req.params.ref));
    if (!sha) throw notFound();
    const latest = new Map<string, (typeof repo.statuses)[number]>();
    for (const s of repo.statuses) if (s.sha === sha) latest.set(s.context, s);
    const list = [...latest.values()];
    const states = list.map((s) => s.state);
    // GitHub: failure if any error/failure, pending if none or any pending, else success.
    const state = states.some((s) => s === 'error' || s === 'failure')
      ? 'failure'
      : states.length === 0 || states.includes('pending')
        ? 'pending'
        : 'success';
    const { items } = paginate(req, list);
    return {
      status: 200,
      body: {
        state,
        statuses: items.map((s) => {
          const { creator: _c, updated_at: _u, created_at, ...rest } = statusJson(req.ctx, repo, s);
          return { ...rest, required: false, created_at, updated_at: s.updatedAt };
        }),
        sha,
        total_count: list.length,
        repository: repoJson(req.ctx, repo),
        commit_url: `${req.ctx.api}/repos/${repo.fullName}/commits/${sha}`,
        url: `${req.ctx.api}/repos/${repo.fullName}/commits/${sha}/status`,
      },
    };
  },
};
