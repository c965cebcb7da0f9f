// Issue comments: the sticky PR comment lives here.
import { commentJson } from '../serialize.js';
import { notFound, validationFailed, type RepoState } from '../state.js';
import { paginate, repoOf, type Handler, type HandlerRequest } from './util.js';

const MAX_BODY = 65536;

function checkBody(body: string): void {
  // GitHub counts characters, not bytes, and answers with this exact error.
  if ([...body].length > MAX_BODY) {
    throw validationFailed([
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: `body is too long (maximum is ${MAX_BODY} characters)`,
      },
    ]);
  }
}

function issueExists(repo: RepoState, n: number): boolean {
  return repo.issues.has(n) || repo.pulls.some((p) => p.number === n);
}

function commentOf(req: HandlerRequest) {
  const repo = repoOf(req);
  const comment = repo.comments.find((c) => c.id === Number(req.params.comment_id));
  if (!comment) throw notFound();
  return { repo, comment };
}

export const issueRoutes: Record<string, Handler> = {
  'issues/list-comments': (req) => {
    const repo = repoOf(req);
    const n = Number(req.params.issue_number);
    if (!issueExists(repo, n)) throw notFound();
    const since = typeof req.query.since === 'string' ? Date.parse(req.query.since) : -Infinity;
    const all = repo.comments.filter((c) => c.issueNumber === n && Date.parse(c.updatedAt) >= since);
    const { items, headers } = paginate(req, all);
    return { status: 200, body: items.map((c) => commentJson(req.ctx, repo, c)), headers };
  },
  'issues/create-comment': (req) => {
    const repo = repoOf(req);
    const n = Number(req.params.issue_number);
    if (!issueExists(repo, n)) throw notFound();
    checkBody(req.body.body as string);
    const c = req.ctx.state.addComment(repo.fullName, n, { body: req.body.body as string });
    c.user = req.ctx.identity ?? req.ctx.state.identity;
    const json = commentJson(req.ctx, repo, c);
    return { status: 201, body: json, headers: { location: String(json.url) } };
  },
  'issues/get-comment': (req) => {
    const { repo, comment } = commentOf(req);
    return { status: 200, body: commentJson(req.ctx, repo, comment) };
  },
  'issues/update-comment': (req) => {
    const { repo, comment } = commentOf(req);
    checkBody(req.body.body as string);
    comment.body = req.body.body as string;
    comment.updatedAt = req.ctx.state.clock.tick();
    return { status: 200, body: commentJson(req.ctx, repo, comment) };
  },
  'issues/delete-comment': (req) => {
    const { repo, comment } = commentOf(req);
    repo.comments.splice(repo.comments.indexOf(comment), 1);
    return { status: 204 };
  },
};
