// GitHub Actions: workflow runs and artifacts (where a baseline's metrics are fetched from).
import { artifactJson, runJson } from '../serialize.js';
import { HttpError, notFound, DOCS } from '../state.js';
import { paginate, repoOf, type Handler } from './util.js';

export const actionRoutes: Record<string, Handler> = {
  'actions/list-workflow-runs-for-repo': (req) => {
    const repo = repoOf(req);
    const q = req.query;
    const conclusions = [
      'action_required',
      'cancelled',
      'failure',
      'neutral',
      'skipped',
      'stale',
      'success',
      'timed_out',
    ];
    let runs = repo.runs.filter(
      (r) =>
        (q.head_sha === undefined || r.headSha === q.head_sha) &&
        (q.branch === undefined || r.headBranch === q.branch) &&
        (q.event === undefined || r.event === q.event) &&
        (q.actor === undefined || r.actor.login === q.actor) &&
        // status accepts a status or a conclusion, as GitHub's filter does.
        (q.status === undefined ||
          (conclusions.includes(String(q.status)) ? r.conclusion === q.status : r.status === q.status)),
    );
    runs = [...runs].reverse();
    const { items, headers } = paginate(req, runs);
    return {
      status: 200,
      body: { total_count: runs.length, workflow_runs: items.map((r) => runJson(req.ctx, repo, r)) },
      headers,
    };
  },
  'actions/get-workflow-run': (req) => {
    const repo = repoOf(req);
    const run = repo.runs.find((r) => r.id === Number(req.params.run_id));
    if (!run) throw notFound();
    return { status: 200, body: runJson(req.ctx, repo, run) };
  },
  'actions/list-workflow-run-artifacts': (req) => {
    const repo = repoOf(req);
    const id = Number(req.params.run_id);
    if (!repo.runs.some((r) => r.id === id)) throw notFound();
    const list = repo.artifacts.filter(
      (a) => a.runId === id && (req.query.name === undefined || a.name === req.query.name),
    );
    const { items, headers } = paginate(req, list);
    return {
      status: 200,
      body: { total_count: list.length, artifacts: items.map((a) => artifactJson(req.ctx, repo, a)) },
      headers,
    };
  },
  'actions/list-artifacts-for-repo': (req) => {
    const repo = repoOf(req);
    const list = repo.artifacts
      .filter((a) => req.query.name === undefined || a.name === req.query.name)
      .reverse();
    const { items, headers } = paginate(req, list);
    return {
      status: 200,
      body: { total_count: list.length, artifacts: items.map((a) => artifactJson(req.ctx, repo, a)) },
      headers,
    };
  },
  'actions/get-artifact': (req) => {
    const repo = repoOf(req);
    const a = repo.artifacts.find((x) => x.id === Number(req.params.artifact_id));
    if (!a) throw notFound();
    return { status: 200, body: artifactJson(req.ctx, repo, a) };
  },
  'actions/download-artifact': (req) => {
    const repo = repoOf(req);
    const a = repo.artifacts.find((x) => x.id === Number(req.params.artifact_id));
    if (!a || req.params.archive_format !== 'zip') throw notFound();
    if (a.expired)
      throw new HttpError(410, { message: 'Artifact has expired', documentation_url: DOCS, status: '410' });
    // GitHub redirects to a short-lived signed storage URL; the fake serves the zip from its own origin.
    return {
      status: 302,
      headers: {
        location: `${req.ctx.api.replace(/\/api\/v3$/, '')}/_fake/artifacts/${repo.fullName}/${a.id}.zip?sig=fake`,
      },
    };
  },
};
