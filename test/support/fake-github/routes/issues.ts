// Issues and their comments: the sticky PR comment, and the issue a scheduled monitoring run keeps.
import { commentJson, issueJson, pullAsIssueJson } from '../serialize.js';
import { notFound, validationFailed, type Issue, type PullRequest, type RepoState } from '../state.js';
import { paginate, repoOf, type Handler, type HandlerRequest } from './util.js';

const MAX_BODY = 65536;
const MAX_TITLE = 256;

function checkBody(body: string, resource: 'IssueComment' | 'Issue' = 'IssueComment'): void {
  // GitHub counts characters, not bytes, and answers with this exact error.
  if ([...body].length > MAX_BODY) {
    throw validationFailed([
      {
        resource,
        code: 'custom',
        field: 'body',
        message: `body is too long (maximum is ${MAX_BODY} characters)`,
      },
    ]);
  }
}

/** An issue's title: a string (the schema also allows an integer, which GitHub turns into one), not blank. */
function checkTitle(value: unknown): string {
  const title = String(value).trim();
  if (title === '') {
    throw validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
  }
  if ([...title].length > MAX_TITLE) {
    throw validationFailed([
      {
        resource: 'Issue',
        code: 'custom',
        field: 'title',
        message: `title is too long (maximum is ${MAX_TITLE} characters)`,
      },
    ]);
  }
  return title;
}

/** Label names from a request's `labels` (names, or objects with a name). */
function labelNamesOf(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  return labels
    .map((l: unknown) => (typeof l === 'string' ? l : (l as { name?: unknown }).name))
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '');
}

/** The filters of issues/list-for-repo the fake does not implement: a test using one learns it here. */
const UNSUPPORTED_FILTERS = ['milestone', 'assignee', 'type', 'mentioned', 'issue_field_values'];

/** An issue or a pull request (issues/get answers both), with what the issues API needs of it. */
type Listed = { kind: 'issue'; issue: Issue } | { kind: 'pull'; pull: PullRequest };

function listedOf(repo: RepoState): Listed[] {
  return [
    ...[...repo.issues.values()].map((issue): Listed => ({ kind: 'issue', issue })),
    ...repo.pulls.map((pull): Listed => ({ kind: 'pull', pull })),
  ];
}

function fieldsOf(l: Listed) {
  const r = l.kind === 'issue' ? l.issue : l.pull;
  return {
    number: r.number,
    state: r.state,
    user: r.user,
    labels: l.kind === 'issue' ? l.issue.labels : [],
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function listedJson(req: HandlerRequest, repo: RepoState, l: Listed): Record<string, unknown> {
  return l.kind === 'issue' ? issueJson(req.ctx, repo, l.issue) : pullAsIssueJson(req.ctx, repo, l.pull);
}

function issueOf(req: HandlerRequest): { repo: RepoState; issue: Issue } {
  const repo = repoOf(req);
  const issue = repo.issues.get(Number(req.params.issue_number));
  if (!issue) throw notFound();
  return { repo, issue };
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
  // GitHub lists pull requests among the issues (each with a `pull_request` object).
  'issues/list-for-repo': (req) => {
    const repo = repoOf(req);
    for (const filter of UNSUPPORTED_FILTERS) {
      if (req.query[filter] !== undefined) {
        throw new Error(`fake GitHub: issues/list-for-repo does not implement the ${filter} filter`);
      }
    }
    const state = String(req.query.state ?? 'open');
    const wanted =
      typeof req.query.labels === 'string' ? req.query.labels.split(',').map((l) => l.trim()) : [];
    const creator = typeof req.query.creator === 'string' ? req.query.creator.toLowerCase() : undefined;
    const since = typeof req.query.since === 'string' ? Date.parse(req.query.since) : -Infinity;
    const sort = String(req.query.sort ?? 'created');
    const direction = req.query.direction === 'asc' ? 1 : -1;
    const comments = (n: number) => repo.comments.filter((c) => c.issueNumber === n).length;
    const key = (l: Listed): number => {
      const f = fieldsOf(l);
      if (sort === 'updated') return Date.parse(f.updatedAt);
      if (sort === 'comments') return comments(f.number);
      return Date.parse(f.createdAt);
    };
    const all = listedOf(repo)
      .filter((l) => {
        const f = fieldsOf(l);
        const names = f.labels.map((n) => n.toLowerCase());
        return (
          (state === 'all' || f.state === state) &&
          wanted.every((w) => w === '' || names.includes(w.toLowerCase())) &&
          (creator === undefined || f.user.login.toLowerCase() === creator) &&
          Date.parse(f.updatedAt) >= since
        );
      })
      // Ties (one clock second) by number, so pages never overlap.
      .sort((a, b) => direction * (key(a) - key(b) || fieldsOf(a).number - fieldsOf(b).number));
    const { items, headers } = paginate(req, all);
    return { status: 200, body: items.map((l) => listedJson(req, repo, l)), headers };
  },
  'issues/create': (req) => {
    const repo = repoOf(req);
    const title = checkTitle(req.body.title);
    const body = typeof req.body.body === 'string' ? req.body.body : null;
    if (body !== null) checkBody(body, 'Issue');
    const issue = req.ctx.state.createIssue(repo.fullName, {
      title,
      body,
      user: req.ctx.identity ?? req.ctx.state.identity,
      labels: labelNamesOf(req.body.labels),
    });
    const json = issueJson(req.ctx, repo, issue);
    return { status: 201, body: json, headers: { location: String(json.url) } };
  },
  'issues/get': (req) => {
    const repo = repoOf(req);
    const n = Number(req.params.issue_number);
    const issue = repo.issues.get(n);
    if (issue) return { status: 200, body: issueJson(req.ctx, repo, issue) };
    const pull = repo.pulls.find((p) => p.number === n);
    if (!pull) throw notFound();
    return { status: 200, body: pullAsIssueJson(req.ctx, repo, pull) };
  },
  'issues/update': (req) => {
    const { repo, issue } = issueOf(req);
    const b = req.body as Record<string, unknown>;
    if (b.title !== undefined && b.title !== null) issue.title = checkTitle(b.title);
    if (b.body !== undefined) {
      if (typeof b.body === 'string') checkBody(b.body, 'Issue');
      issue.body = (b.body as string | null) ?? null;
    }
    if (b.labels !== undefined) issue.labels = req.ctx.state.labelNames(repo, labelNamesOf(b.labels));
    const now = req.ctx.state.clock.tick();
    if (b.state !== undefined && b.state !== issue.state) {
      issue.state = b.state as Issue['state'];
      if (issue.state === 'closed') {
        issue.stateReason = (b.state_reason as Issue['stateReason']) ?? 'completed';
        issue.closedAt = now;
        issue.closedBy = req.ctx.identity ?? req.ctx.state.identity;
      } else {
        issue.stateReason = 'reopened';
        issue.closedAt = null;
      }
    }
    issue.updatedAt = now;
    return { status: 200, body: issueJson(req.ctx, repo, issue) };
  },
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
    // A comment makes its issue updated, as on GitHub.
    const issue = repo.issues.get(n);
    if (issue) issue.updatedAt = c.createdAt;
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
