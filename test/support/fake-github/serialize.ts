// Full GitHub-shaped JSON for the fake's records. Bodies are complete (every property the schema requires),
// because the fake validates each response it sends against the OpenAPI schema.
import type {
  Artifact,
  CheckRun,
  Comment,
  CommitStatus,
  FakeState,
  GitCommitObject,
  Issue,
  Label,
  PullRequest,
  RepoState,
  UserRef,
  WorkflowRun,
} from './state.js';

export const HTML = 'https://github.com';

export interface Ctx {
  /** The API root URL (the fake's URL, plus /api/v3 when the request came that way). */
  api: string;
  state: FakeState;
  /** The account of the request's token (default `state.identity`, GITHUB_TOKEN's). */
  identity?: UserRef;
  /** Whether the token is a user's (a personal access token), which GET /user answers for. */
  userToken?: boolean;
}

function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`0:${kind}${id}`).toString('base64').replace(/=+$/, '');
}

export function userJson(ctx: Ctx, u: UserRef): Record<string, unknown> {
  const url = `${ctx.api}/users/${encodeURIComponent(u.login)}`;
  return {
    login: u.login,
    id: u.id,
    node_id: nodeId(u.type, u.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: u.type === 'Bot' ? `${HTML}/apps/${u.login.replace(/\[bot\]$/, '')}` : `${HTML}/${u.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: u.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The superset of minimal-repository, repository and full-repository. */
export function repoJson(ctx: Ctx, r: RepoState, full = false): Record<string, unknown> {
  const url = `${ctx.api}/repos/${r.fullName}`;
  const html = `${HTML}/${r.fullName}`;
  const base: Record<string, unknown> = {
    id: r.id,
    node_id: nodeId('Repository', r.id),
    name: r.name,
    full_name: r.fullName,
    private: r.private,
    owner: userJson(ctx, r.owner),
    html_url: html,
    description: null,
    fork: r.parent !== null,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://github.com/${r.fullName}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@github.com:${r.fullName}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: html,
    homepage: null,
    language: 'Python',
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 1,
    default_branch: r.defaultBranch,
    open_issues_count: openIssues(r),
    open_issues: openIssues(r),
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: r.private ? 'private' : 'public',
    pushed_at: r.createdAt,
    created_at: r.createdAt,
    updated_at: r.createdAt,
    license: null,
    allow_forking: true,
    web_commit_signoff_required: false,
  };
  if (full) {
    base.network_count = 0;
    base.subscribers_count = 0;
    base.permissions = { admin: false, maintain: false, push: true, triage: true, pull: true };
    if (r.parent) {
      const parent = ctx.state.repos.get(r.parent.toLowerCase());
      if (parent) {
        base.parent = repoJson(ctx, parent);
        base.source = repoJson(ctx, parent);
      }
    }
  }
  return base;
}

/** GitHub counts open pull requests among a repository's open issues. */
function openIssues(r: RepoState): number {
  return (
    r.pulls.filter((p) => p.state === 'open').length +
    [...r.issues.values()].filter((i) => i.state === 'open').length
  );
}

function reactionsJson(url: string): Record<string, unknown> {
  return {
    url,
    total_count: 0,
    '+1': 0,
    '-1': 0,
    laugh: 0,
    hooray: 0,
    confused: 0,
    heart: 0,
    rocket: 0,
    eyes: 0,
  };
}

export function labelJson(ctx: Ctx, repo: RepoState, l: Label): Record<string, unknown> {
  return {
    id: l.id,
    node_id: nodeId('Label', l.id),
    url: `${ctx.api}/repos/${repo.fullName}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: false,
  };
}

/** The parts of the `issue` schema that issues and pull requests (as the issues API shows them) share. */
function issueBaseJson(
  ctx: Ctx,
  repo: RepoState,
  i: { id: number; number: number; title: string; body: string | null; user: UserRef; state: string },
): Record<string, unknown> {
  const url = `${ctx.api}/repos/${repo.fullName}/issues/${i.number}`;
  return {
    id: i.id,
    node_id: nodeId('Issue', i.id),
    url,
    repository_url: `${ctx.api}/repos/${repo.fullName}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    timeline_url: `${url}/timeline`,
    number: i.number,
    state: i.state,
    title: i.title,
    body: i.body,
    user: userJson(ctx, i.user),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: repo.comments.filter((c) => c.issueNumber === i.number).length,
    author_association: i.user.login === repo.owner.login ? 'OWNER' : 'NONE',
    reactions: reactionsJson(`${url}/reactions`),
  };
}

/** A plain issue: the `issue` schema. */
export function issueJson(ctx: Ctx, repo: RepoState, i: Issue): Record<string, unknown> {
  return {
    ...issueBaseJson(ctx, repo, i),
    html_url: `${HTML}/${repo.fullName}/issues/${i.number}`,
    labels: i.labels.map((name) => labelJson(ctx, repo, repo.labels.get(name.toLowerCase())!)),
    state_reason: i.stateReason,
    closed_at: i.closedAt,
    closed_by: i.closedBy === null ? null : userJson(ctx, i.closedBy),
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    performed_via_github_app: i.user.type === 'Bot' ? integrationJson(ctx, i.user) : null,
  };
}

/** A pull request as the issues API shows it: an issue with a `pull_request` object. */
export function pullAsIssueJson(ctx: Ctx, repo: RepoState, p: PullRequest): Record<string, unknown> {
  const html = `${HTML}/${repo.fullName}/pull/${p.number}`;
  return {
    ...issueBaseJson(ctx, repo, { ...p, id: p.id }),
    html_url: html,
    labels: [],
    state_reason: null,
    closed_at: p.state === 'closed' ? p.updatedAt : null,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    draft: p.draft,
    pull_request: {
      url: `${ctx.api}/repos/${repo.fullName}/pulls/${p.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: p.merged ? p.updatedAt : null,
    },
  };
}

export function commentJson(ctx: Ctx, repo: RepoState, c: Comment): Record<string, unknown> {
  const isPull = repo.pulls.some((p) => p.number === c.issueNumber);
  return {
    id: c.id,
    node_id: nodeId('IssueComment', c.id),
    url: `${ctx.api}/repos/${repo.fullName}/issues/comments/${c.id}`,
    html_url: `${HTML}/${repo.fullName}/${isPull ? 'pull' : 'issues'}/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${ctx.api}/repos/${repo.fullName}/issues/${c.issueNumber}`,
    body: c.body,
    user: userJson(ctx, c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.user.login === repo.owner.login ? 'OWNER' : 'NONE',
    performed_via_github_app: c.user.type === 'Bot' ? integrationJson(ctx, c.user) : null,
    reactions: {
      url: `${ctx.api}/repos/${repo.fullName}/issues/comments/${c.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
  };
}

/**
 * The App behind a bot account: by default the GitHub Actions app, which owns GITHUB_TOKEN's check
 * runs and comments; for another `<slug>[bot]`, an App of that slug.
 */
export function integrationJson(ctx: Ctx, bot?: UserRef): Record<string, unknown> {
  const slug = bot?.login.replace(/\[bot\]$/, '');
  if (bot !== undefined && slug !== 'github-actions') {
    return {
      id: bot.id,
      slug,
      node_id: nodeId('App', bot.id),
      owner: userJson(ctx, { login: 'acme', id: 9920, type: 'Organization' }),
      name: slug,
      description: null,
      external_url: `${HTML}/apps/${slug}`,
      html_url: `${HTML}/apps/${slug}`,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
      permissions: { checks: 'write', contents: 'write', issues: 'write', pull_requests: 'write' },
      events: [],
    };
  }
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: 'MDM6QXBwMTUzNjg=',
    owner: userJson(ctx, { login: 'github', id: 9919, type: 'Organization' }),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${HTML}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2019-12-10T19:04:12Z',
    permissions: {
      checks: 'write',
      contents: 'write',
      issues: 'write',
      pull_requests: 'write',
      statuses: 'write',
    },
    events: ['check_run', 'pull_request', 'push'],
  };
}

export function checkRunJson(ctx: Ctx, repo: RepoState, c: CheckRun): Record<string, unknown> {
  const url = `${ctx.api}/repos/${repo.fullName}/check-runs/${c.id}`;
  return {
    id: c.id,
    head_sha: c.headSha,
    node_id: nodeId('CheckRun', c.id),
    external_id: c.externalId ?? '',
    url,
    html_url: `${HTML}/${repo.fullName}/runs/${c.id}`,
    details_url: c.detailsUrl ?? `${HTML}/${repo.fullName}/runs/${c.id}`,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.startedAt,
    completed_at: c.completedAt,
    output: {
      title: c.output.title,
      summary: c.output.summary,
      text: c.output.text,
      annotations_count: c.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: c.name,
    check_suite: { id: c.checkSuiteId },
    app: integrationJson(ctx),
    pull_requests: pullRefs(ctx, repo, c.headSha),
  };
}

function pullRefs(ctx: Ctx, repo: RepoState, sha: string): Array<Record<string, unknown>> {
  const repoRef = (fullName: string): Record<string, unknown> => {
    const r = ctx.state.repos.get(fullName.toLowerCase());
    return { id: r?.id ?? 0, url: `${ctx.api}/repos/${fullName}`, name: fullName.split('/')[1] };
  };
  // As on GitHub, only pull requests whose head is in this repository are listed (not forks).
  return repo.pulls
    .filter((p) => p.head.sha === sha && p.state === 'open' && p.head.repo === repo.fullName)
    .map((p) => ({
      id: p.id,
      number: p.number,
      url: `${ctx.api}/repos/${repo.fullName}/pulls/${p.number}`,
      head: { ref: p.head.ref, sha: p.head.sha, repo: repoRef(p.head.repo) },
      base: { ref: p.base.ref, sha: p.base.sha, repo: repoRef(p.base.repo) },
    }));
}

export function annotationJson(
  a: CheckRun['annotations'][number],
  blobHref: string,
): Record<string, unknown> {
  return {
    path: a.path,
    start_line: a.start_line,
    end_line: a.end_line,
    start_column: a.start_column ?? null,
    end_column: a.end_column ?? null,
    annotation_level: a.annotation_level,
    title: a.title ?? null,
    message: a.message,
    raw_details: a.raw_details ?? null,
    blob_href: `${blobHref}/${a.path}`,
  };
}

export function statusJson(ctx: Ctx, repo: RepoState, s: CommitStatus): Record<string, unknown> {
  return {
    url: `${ctx.api}/repos/${repo.fullName}/statuses/${s.sha}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${s.creator.id}?v=4`,
    id: s.id,
    node_id: nodeId('StatusContext', s.id),
    state: s.state,
    description: s.description,
    target_url: s.targetUrl,
    context: s.context,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    creator: userJson(ctx, s.creator),
  };
}

export function pullJson(ctx: Ctx, repo: RepoState, p: PullRequest): Record<string, unknown> {
  const url = `${ctx.api}/repos/${repo.fullName}/pulls/${p.number}`;
  const html = `${HTML}/${repo.fullName}/pull/${p.number}`;
  const issue = `${ctx.api}/repos/${repo.fullName}/issues/${p.number}`;
  const side = (s: PullRequest['head']): Record<string, unknown> => {
    const r = ctx.state.repo(s.repo);
    return {
      label: `${r.owner.login}:${s.ref}`,
      ref: s.ref,
      sha: s.sha,
      user: userJson(ctx, r.owner),
      repo: repoJson(ctx, r),
    };
  };
  const link = (href: string): Record<string, string> => ({ href });
  return {
    url,
    id: p.id,
    node_id: nodeId('PullRequest', p.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${ctx.api}/repos/${repo.fullName}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${ctx.api}/repos/${repo.fullName}/statuses/${p.head.sha}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: userJson(ctx, p.user),
    body: p.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    closed_at: p.state === 'closed' ? p.updatedAt : null,
    merged_at: p.merged ? p.updatedAt : null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(p.head),
    base: side(p.base),
    _links: {
      self: link(url),
      html: link(html),
      issue: link(issue),
      comments: link(`${issue}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${ctx.api}/repos/${repo.fullName}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(`${ctx.api}/repos/${repo.fullName}/statuses/${p.head.sha}`),
    },
    author_association: p.user.login === repo.owner.login ? 'OWNER' : 'CONTRIBUTOR',
    auto_merge: null,
    draft: p.draft,
  };
}

/** pull-request (single) adds merge details to the pull-request-simple shape. */
export function fullPullJson(ctx: Ctx, repo: RepoState, p: PullRequest): Record<string, unknown> {
  return {
    ...pullJson(ctx, repo, p),
    merged: p.merged,
    mergeable: p.state === 'open' ? true : null,
    rebaseable: p.state === 'open' ? true : null,
    mergeable_state: p.state === 'open' ? 'clean' : 'unknown',
    merged_by: null,
    comments: repo.comments.filter((c) => c.issueNumber === p.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

export function gitCommitJson(ctx: Ctx, repo: RepoState, c: GitCommitObject): Record<string, unknown> {
  const base = `${ctx.api}/repos/${repo.fullName}/git`;
  return {
    sha: c.sha,
    node_id: nodeId('Commit', c.sha),
    url: `${base}/commits/${c.sha}`,
    html_url: `${HTML}/${repo.fullName}/commit/${c.sha}`,
    author: c.author,
    committer: c.committer,
    tree: { sha: c.tree, url: `${base}/trees/${c.tree}` },
    message: c.message,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${base}/commits/${p}`,
      html_url: `${HTML}/${repo.fullName}/commit/${p}`,
    })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

/** The `commit` schema (GET /commits/{ref}, compare). */
export function commitJson(ctx: Ctx, repo: RepoState, c: GitCommitObject): Record<string, unknown> {
  const url = `${ctx.api}/repos/${repo.fullName}/commits/${c.sha}`;
  return {
    url,
    sha: c.sha,
    node_id: nodeId('Commit', c.sha),
    html_url: `${HTML}/${repo.fullName}/commit/${c.sha}`,
    comments_url: `${url}/comments`,
    commit: {
      url: `${ctx.api}/repos/${repo.fullName}/git/commits/${c.sha}`,
      author: c.author,
      committer: c.committer,
      message: c.message,
      comment_count: 0,
      tree: { sha: c.tree, url: `${ctx.api}/repos/${repo.fullName}/git/trees/${c.tree}` },
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    author: null,
    committer: null,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${ctx.api}/repos/${repo.fullName}/commits/${p}`,
      html_url: `${HTML}/${repo.fullName}/commit/${p}`,
    })),
  };
}

export function runJson(ctx: Ctx, repo: RepoState, r: WorkflowRun): Record<string, unknown> {
  const url = `${ctx.api}/repos/${repo.fullName}/actions/runs/${r.id}`;
  const headRepo = ctx.state.repos.get(r.headRepo.toLowerCase()) ?? repo;
  const commit = headRepo.commits.get(r.headSha) ?? repo.commits.get(r.headSha);
  return {
    id: r.id,
    name: r.name,
    node_id: nodeId('WorkflowRun', r.id),
    head_branch: r.headBranch,
    head_sha: r.headSha,
    path: r.path,
    display_title: commit?.message.split('\n')[0] ?? r.name,
    run_number: r.runNumber,
    run_attempt: r.runAttempt,
    event: r.event,
    status: r.status,
    conclusion: r.conclusion,
    workflow_id: r.workflowId,
    check_suite_id: r.id + 1,
    check_suite_node_id: nodeId('CheckSuite', r.id + 1),
    url,
    html_url: `${HTML}/${repo.fullName}/actions/runs/${r.id}`,
    pull_requests: r.pullRequests.map((n) => {
      const p = repo.pulls.find((x) => x.number === n);
      const ref = (side: 'head' | 'base'): Record<string, unknown> => {
        const s = p?.[side];
        const sr = ctx.state.repos.get((s?.repo ?? repo.fullName).toLowerCase()) ?? repo;
        return {
          ref: s?.ref ?? '',
          sha: s?.sha ?? '',
          repo: { id: sr.id, url: `${ctx.api}/repos/${sr.fullName}`, name: sr.name },
        };
      };
      return {
        id: p?.id ?? n,
        number: n,
        url: `${ctx.api}/repos/${repo.fullName}/pulls/${n}`,
        head: ref('head'),
        base: ref('base'),
      };
    }),
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    actor: userJson(ctx, r.actor),
    triggering_actor: userJson(ctx, r.actor),
    run_started_at: r.createdAt,
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${ctx.api}/repos/${repo.fullName}/check-suites/${r.id + 1}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${ctx.api}/repos/${repo.fullName}/actions/workflows/${r.workflowId}`,
    head_commit: commit
      ? {
          id: commit.sha,
          tree_id: commit.tree,
          message: commit.message,
          timestamp: commit.committer.date,
          author: { name: commit.author.name, email: commit.author.email },
          committer: { name: commit.committer.name, email: commit.committer.email },
        }
      : null,
    repository: repoJson(ctx, repo),
    head_repository: repoJson(ctx, headRepo),
  };
}

export function artifactJson(ctx: Ctx, repo: RepoState, a: Artifact): Record<string, unknown> {
  const url = `${ctx.api}/repos/${repo.fullName}/actions/artifacts/${a.id}`;
  const run = repo.runs.find((r) => r.id === a.runId);
  const expires = new Date(Date.parse(a.createdAt) + 90 * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    id: a.id,
    node_id: nodeId('Artifact', a.id),
    name: a.name,
    size_in_bytes: a.zip.length,
    url,
    archive_download_url: `${url}/zip`,
    expired: a.expired,
    created_at: a.createdAt,
    updated_at: a.createdAt,
    expires_at: expires,
    digest: null,
    workflow_run: run
      ? {
          id: run.id,
          repository_id: repo.id,
          head_repository_id: ctx.state.repos.get(run.headRepo.toLowerCase())?.id ?? repo.id,
          head_branch: run.headBranch ?? '',
          head_sha: run.headSha,
        }
      : null,
  };
}

/** GET /user's answer for a personal access token: the private-user schema. */
export function authenticatedUserJson(ctx: Ctx, u: UserRef): Record<string, unknown> {
  const simple = userJson(ctx, u);
  return {
    ...simple,
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
    collaborators: 0,
    disk_usage: 0,
    owned_private_repos: 0,
    private_gists: 0,
    total_private_repos: 0,
    two_factor_authentication: true,
  };
}
