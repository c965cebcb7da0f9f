import { silentLogger, statusOf, type GitHubClient, type Logger } from './client.js';
import type { CommentAuthor } from './comments.js';
import { rememberIdentity, tokenIdentity } from './identity.js';

/** GitHub refuses issue bodies (and comments) longer than this many characters. */
export const MAX_ISSUE_BODY = 65_536;

/**
 * The hidden marker that finds a report's issue again: one issue per report id. Its own marker,
 * not the report comment's: an issue that quotes a pull request's report is not the monitoring
 * issue. Stable across versions of mlci.
 */
export function issueMarker(id: string): string {
  return `<!-- mlci-issue id="${id.replace(/[^A-Za-z0-9._/-]/g, '_')}" -->`;
}

/** An issue as mlci needs it. */
export interface ReportIssue {
  number: number;
  url: string;
  title: string;
  body: string;
  labels: string[];
  /** Who opened it: only issues opened by the token's own identity are the report's. */
  author?: CommentAuthor;
}

/** Which issue is the report's: the repository, the marker, and whose issues count. */
export interface IssueTarget {
  owner: string;
  repo: string;
  /** issueMarker(report id). */
  marker: string;
  /**
   * Only issues opened by this account are the report's (the report's `comment-author` input).
   * Default: the token's own identity (tokenIdentity), asked only when an open issue carries the
   * marker. An issue anyone else opens with the marker in its body (a person quoting it, another
   * workflow's token) is never updated, commented on or closed.
   */
  author?: CommentAuthor;
  /**
   * Labels the issue is opened with. When given, the open issues carrying all of them are looked
   * through first (one request on a repository with many open issues); when the report's issue is
   * not among them (someone removed a label), every open issue is.
   */
  labels?: string[];
  log?: Logger;
}

/** What was found: the report's open issues, oldest first, and whether the token's identity was known. */
export interface FoundIssues {
  issues: ReportIssue[];
  /**
   * False when some open issue carries the marker but the token's identity could not be found
   * (GraphQL viewer and GET /user both failed) and no author was given: none of them is trusted.
   */
  identified: boolean;
  /** The open issues that carry the marker, whoever opened them (for messages). */
  marked: number;
}

interface ListedIssue {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  labels: Array<string | { name?: string }>;
  user: { login: string; type: string } | null;
  pull_request?: unknown;
}

function toReportIssue(i: ListedIssue): ReportIssue {
  const issue: ReportIssue = {
    number: i.number,
    url: i.html_url,
    title: i.title,
    body: i.body ?? '',
    labels: i.labels
      .map((l) => (typeof l === 'string' ? l : l.name))
      .filter((name): name is string => name !== undefined),
  };
  if (i.user !== null) issue.author = { login: i.user.login, type: i.user.type };
  return issue;
}

function byAuthor(author: CommentAuthor | undefined): (i: ReportIssue) => boolean {
  return (i) =>
    author !== undefined &&
    i.author?.login === author.login &&
    (author.type === undefined || i.author.type === author.type);
}

/**
 * The open issues that carry the marker, oldest first: every page of the repository's open issues
 * (the labels' issues first, when labels are given). Pull requests, which GitHub lists among the
 * issues, are left out.
 */
async function listMarked(
  client: GitHubClient,
  target: IssueTarget,
  labels?: readonly string[],
): Promise<ReportIssue[]> {
  const listed = (await client.paginate(client.rest.issues.listForRepo, {
    owner: target.owner,
    repo: target.repo,
    state: 'open',
    sort: 'created',
    direction: 'asc',
    per_page: 100,
    ...(labels !== undefined && labels.length > 0 ? { labels: labels.join(',') } : {}),
  })) as ListedIssue[];
  return listed
    .filter((i) => i.pull_request === undefined && (i.body ?? '').includes(target.marker))
    .map(toReportIssue)
    .sort((a, b) => a.number - b.number);
}

/**
 * The report's open issues, oldest first: open, not pull requests, carrying the marker, opened by
 * `target.author` (default: the token's own identity). Normally one; more only when concurrent
 * runs each opened one (raiseReportIssue closes the newer ones).
 */
export async function findReportIssues(client: GitHubClient, target: IssueTarget): Promise<FoundIssues> {
  const log = target.log ?? silentLogger;
  let author = target.author;
  const identify = async (marked: ReportIssue[]): Promise<void> => {
    if (author !== undefined || marked.length === 0) return;
    const identity = await tokenIdentity(client, log);
    if (identity !== undefined) author = { login: identity.login };
  };
  if (target.labels !== undefined && target.labels.length > 0) {
    const labelled = await listMarked(client, target, target.labels);
    await identify(labelled);
    const ours = labelled.filter(byAuthor(author));
    if (ours.length > 0) return { issues: ours, identified: true, marked: labelled.length };
  }
  const marked = await listMarked(client, target);
  await identify(marked);
  return {
    issues: marked.filter(byAuthor(author)),
    identified: author !== undefined || marked.length === 0,
    marked: marked.length,
  };
}

/** The report's issue: the oldest of findReportIssues, or undefined when there is none. */
export async function findReportIssue(
  client: GitHubClient,
  target: IssueTarget,
): Promise<ReportIssue | undefined> {
  return (await findReportIssues(client, target)).issues[0];
}

interface Repo {
  owner: string;
  repo: string;
}

/** Opens an issue. Labels the repository lacks are created by GitHub. */
export async function createIssue(
  client: GitHubClient,
  options: Repo & { title: string; body: string; labels?: string[] },
): Promise<ReportIssue> {
  const { data } = await client.rest.issues.create({
    owner: options.owner,
    repo: options.repo,
    title: options.title,
    body: options.body,
    ...(options.labels !== undefined && options.labels.length > 0 ? { labels: options.labels } : {}),
  });
  return toReportIssue(data as ListedIssue);
}

/** Replaces an issue's body and, when given, its title. Its labels are left as people set them. */
export async function updateIssue(
  client: GitHubClient,
  options: Repo & { number: number; body: string; title?: string },
): Promise<ReportIssue> {
  const { data } = await client.rest.issues.update({
    owner: options.owner,
    repo: options.repo,
    issue_number: options.number,
    body: options.body,
    ...(options.title !== undefined ? { title: options.title } : {}),
  });
  return toReportIssue(data as ListedIssue);
}

/** Comments on an issue (which notifies its watchers, unlike an edit of its body). */
export async function commentOnIssue(
  client: GitHubClient,
  options: Repo & { number: number; body: string },
): Promise<{ id: number; url: string }> {
  const { data } = await client.rest.issues.createComment({
    owner: options.owner,
    repo: options.repo,
    issue_number: options.number,
    body: options.body,
  });
  return { id: data.id, url: data.html_url };
}

/** Closes an issue: `completed` (the problem is gone) or `not_planned` (a duplicate, say). */
export async function closeIssue(
  client: GitHubClient,
  options: Repo & { number: number; reason: 'completed' | 'not_planned' },
): Promise<ReportIssue> {
  const { data } = await client.rest.issues.update({
    owner: options.owner,
    repo: options.repo,
    issue_number: options.number,
    state: 'closed',
    state_reason: options.reason,
  });
  return toReportIssue(data as ListedIssue);
}

export interface RaiseIssueOptions extends IssueTarget {
  title: string;
  /** The report; the marker is added when missing. */
  body: string;
  /**
   * Posted on an issue that was already open, so that its watchers hear of every failing run (an
   * edited body notifies no one). A new issue notifies by being opened.
   */
  comment: string;
  /** Linked from the short body written when GitHub refuses the report as too long. */
  fullReportUrl?: string;
}

export interface IssueResult {
  /**
   * `created`: opened; `updated`: an open issue got the new report and a comment; `closed`:
   * commented on and closed; `commented`: commented on, left open; `none`: nothing to do, or
   * nothing that could be trusted as the report's issue (see `reason`).
   */
  action: 'created' | 'updated' | 'closed' | 'commented' | 'none';
  number?: number;
  url?: string;
  /** Newer duplicates (opened by concurrent runs) closed in favour of the oldest. */
  duplicatesClosed: number;
  /** True when GitHub refused the report as too long and a short body linking it was written. */
  shortened: boolean;
  /** Why nothing was done, for the log. */
  reason?: string;
}

/** The report with its marker. */
export function withIssueMarker(body: string, marker: string): string {
  return body.includes(marker) ? body : `${body}\n${marker}`;
}

/** What is written when GitHub refuses a report as too long for an issue; it keeps the marker. */
export function shortIssueBody(marker: string, fullReportUrl?: string): string {
  const where =
    fullReportUrl === undefined ? "in the workflow run's job summary" : `[here](${fullReportUrl})`;
  return withIssueMarker(`**mlci report**: the report is too long for an issue; read it ${where}.`, marker);
}

/**
 * A failed verdict: opens the report's issue when none is open; otherwise replaces the open one's
 * body with the new report (and its title, when the `issue` input changed) and comments, so that
 * watchers are notified once per failing run. One issue per report id and token: concurrent runs
 * that both opened one leave the oldest, given the newest report, and close the others as
 * duplicates.
 *
 * When the token's identity cannot be found and an open issue carries the marker, none of those
 * issues is trusted (it may be a person's copy): a new issue is opened, whose author GitHub names,
 * and that author's older issues are then merged into the oldest like concurrent duplicates.
 */
export async function raiseReportIssue(
  client: GitHubClient,
  options: RaiseIssueOptions,
): Promise<IssueResult> {
  const log = options.log ?? silentLogger;
  const { owner, repo, marker } = options;
  const body = withIssueMarker(options.body, marker);
  const found = await findReportIssues(client, options);
  if (!found.identified) {
    log.info(
      `${found.marked} open issue(s) carry this report's marker, but which account the token is could not be found: ` +
        'opening the report as a new issue (GitHub names its author), then keeping one issue of that author.',
    );
  }
  const existing = found.issues[0];
  if (existing !== undefined) {
    const written = await writeBody(client, options, log, body, existing);
    await commentOnIssue(client, { owner, repo, number: existing.number, body: options.comment });
    const duplicatesClosed = await closeDuplicates(client, options, existing, found.issues.slice(1));
    return {
      action: 'updated',
      number: existing.number,
      url: existing.url,
      duplicatesClosed,
      shortened: written.shortened,
    };
  }
  const created = await writeBody(client, options, log, body);
  const author = options.author ?? created.issue.author;
  if (options.author === undefined && created.issue.author !== undefined) {
    rememberIdentity(client, { login: created.issue.author.login });
  }
  // Two runs that both found no issue both opened one: look once, and keep the oldest.
  const after = (await listMarked(client, options)).filter(byAuthor(author));
  const keeper = after[0];
  if (keeper === undefined || keeper.number === created.issue.number) {
    const duplicatesClosed = await closeDuplicates(client, options, created.issue, after.slice(1));
    return {
      action: 'created',
      number: created.issue.number,
      url: created.issue.url,
      duplicatesClosed,
      shortened: created.shortened,
    };
  }
  // An older issue of ours was open after all: it gets the report and the comment; ours goes.
  const written = await writeBody(client, options, log, created.body, keeper);
  await commentOnIssue(client, { owner, repo, number: keeper.number, body: options.comment });
  const duplicatesClosed = await closeDuplicates(client, options, keeper, after.slice(1));
  return {
    action: 'updated',
    number: keeper.number,
    url: keeper.url,
    duplicatesClosed,
    shortened: written.shortened,
  };
}

export interface ResolveIssueOptions extends IssueTarget {
  /** Posted on the open issue: why it is resolved (the run, the verdict). */
  comment: string;
  /** Close it after the comment (true), or only comment (false). */
  close: boolean;
}

/**
 * The gates pass again: the report's open issue (and any duplicate) gets `comment` and, with
 * `close`, is closed as completed. Nothing happens without an open issue, or when the open issues
 * that carry the marker cannot be told from copies (the token's identity unknown).
 */
export async function resolveReportIssue(
  client: GitHubClient,
  options: ResolveIssueOptions,
): Promise<IssueResult> {
  const log = options.log ?? silentLogger;
  const { owner, repo } = options;
  const found = await findReportIssues(client, options);
  if (!found.identified) {
    const reason =
      `${found.marked} open issue(s) carry this report's marker, but which account the token is could not be ` +
      "found, so none is known to be the report's: left open. Set the report input comment-author to the " +
      "token's login to close it.";
    log.warning(reason);
    return { action: 'none', duplicatesClosed: 0, shortened: false, reason };
  }
  if (found.issues.length === 0) {
    return { action: 'none', duplicatesClosed: 0, shortened: false, reason: 'no open issue' };
  }
  for (const issue of found.issues) {
    await commentOnIssue(client, { owner, repo, number: issue.number, body: options.comment });
    if (options.close) await closeIssue(client, { owner, repo, number: issue.number, reason: 'completed' });
  }
  const first = found.issues[0]!;
  return {
    action: options.close ? 'closed' : 'commented',
    number: first.number,
    url: first.url,
    duplicatesClosed: options.close ? found.issues.length - 1 : 0,
    shortened: false,
  };
}

/** Closes newer copies of the report's issue, each with a comment naming the one kept. */
async function closeDuplicates(
  client: GitHubClient,
  options: RaiseIssueOptions,
  keeper: ReportIssue,
  duplicates: readonly ReportIssue[],
): Promise<number> {
  const { owner, repo } = options;
  let closed = 0;
  for (const duplicate of duplicates) {
    if (duplicate.number === keeper.number) continue;
    try {
      // "Duplicate of #N" is how GitHub itself marks a duplicate in a comment.
      await commentOnIssue(client, {
        owner,
        repo,
        number: duplicate.number,
        body: `Duplicate of #${keeper.number}`,
      });
      await closeIssue(client, { owner, repo, number: duplicate.number, reason: 'not_planned' });
      closed++;
    } catch (error) {
      // Another run closed (or deleted) it first.
      if (statusOf(error) !== 404 && statusOf(error) !== 410) throw error;
    }
  }
  if (closed > 0) {
    options.log?.info(
      `Closed ${closed} duplicate issue(s) opened by concurrent runs, keeping #${keeper.number}.`,
    );
  }
  return closed;
}

/**
 * Creates the issue (no `existing`) or replaces an existing one's body (and title); a body GitHub
 * refuses as too long is replaced by a short one linking the full report.
 */
async function writeBody(
  client: GitHubClient,
  options: RaiseIssueOptions,
  log: Logger,
  body: string,
  existing?: ReportIssue,
): Promise<{ issue: ReportIssue; body: string; shortened: boolean }> {
  const { owner, repo } = options;
  const send = (text: string) =>
    existing === undefined
      ? createIssue(client, {
          owner,
          repo,
          title: options.title,
          body: text,
          ...(options.labels !== undefined ? { labels: options.labels } : {}),
        })
      : updateIssue(client, {
          owner,
          repo,
          number: existing.number,
          body: text,
          ...(existing.title !== options.title ? { title: options.title } : {}),
        });
  try {
    return { issue: await send(body), body, shortened: false };
  } catch (error) {
    if (statusOf(error) !== 422 || !/body is too long/i.test(String((error as Error).message))) throw error;
    const short = shortIssueBody(options.marker, options.fullReportUrl);
    log.warning(
      `GitHub refused the report as too long for an issue (${body.length} characters): writing a short body that links the full report.`,
    );
    return { issue: await send(short), body: short, shortened: true };
  }
}
