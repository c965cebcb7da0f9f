import { silentLogger, statusOf, type GitHubClient, type Logger } from './client.js';
import { rememberIdentity, tokenIdentity } from './identity.js';

/** Who wrote the comments mlci updates. GITHUB_TOKEN comments come from `github-actions[bot]`. */
export interface CommentAuthor {
  login: string;
  /** `Bot` for GITHUB_TOKEN and GitHub App tokens, `User` for personal access tokens. */
  type?: string;
}

export const GITHUB_ACTIONS_BOT: CommentAuthor = { login: 'github-actions[bot]', type: 'Bot' };

/** A workflow run: GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT. */
export interface RunStamp {
  id: number;
  attempt: number;
}

export interface UpsertCommentOptions {
  owner: string;
  repo: string;
  /** The pull request (or issue) number. */
  issueNumber: number;
  /** The report; it should contain `marker` (renderMarkdown ends with it), which is added when missing. */
  body: string;
  /** `reportMarker(id)`: finds the comment again. */
  marker: string;
  /** The commit the report is about; a report for an older head never replaces a newer one. */
  headSha?: string;
  /**
   * When the event for `headSha` fired (`pull_request.updated_at`). Recorded in the comment, it
   * orders two runs' reports without asking GitHub for the pull request's head (one request
   * fewer on every push). Equal times (two runs for one push, or two pushes within a second) are
   * a tie that compareReports settles, asking for the head only then; without a time on either
   * side, the head is asked for.
   */
  headTime?: string;
  /**
   * This run (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT; attempt default 1), recorded in the comment: of
   * two reports with the same event time that the pull request's head does not order (the same
   * commit, say a re-run), the later run's stays.
   */
  run?: { id: number; attempt?: number };
  /**
   * Only comments by this author are ours to update (the `comment-author` input). Default: the
   * token's own identity (tokenIdentity: github-actions[bot] for GITHUB_TOKEN, `<slug>[bot]` for
   * an App's installation token, the user of a personal access token), asked once per client and
   * only when some comment carries the marker; a comment this step creates says it too.
   */
  author?: CommentAuthor;
  /** Linked from the short comment posted when GitHub refuses the body as too long. */
  fullReportUrl?: string;
  /**
   * After a contested write (the comment held another head's report, or concurrent runs left
   * duplicates), wait this long and check that no run for an older push overwrote the newest report:
   * an older run decides on a comment it read a round trip before it writes. Default: four round
   * trips as this run timed its own comment list, 0.25 to 3 s (settleAfter); 0 turns it off
   * (tests that count requests).
   */
  settleMs?: number;
  log?: Logger;
}

export type UpsertAction = 'created' | 'updated' | 'unchanged' | 'skipped-stale';

export interface UpsertResult {
  /** `skipped-stale`: the comment holds a newer report (by event time, current head or run), left alone. */
  action: UpsertAction;
  /** The comment that holds the report (undefined when skipped and none exists). */
  commentId?: number;
  url?: string;
  /** Duplicates (from concurrent runs) deleted. */
  deleted: number;
  /** True when GitHub refused the body as too long and a short comment linking the report was posted. */
  shortened: boolean;
}

interface Comment {
  id: number;
  body?: string | undefined;
  html_url: string;
  user: { login: string; type: string } | null;
}

/** The hidden marker that records which head commit a comment reports on. */
export function headMarker(sha: string, time?: string): string {
  const at = time !== undefined && ISO_TIME.test(time) ? ` at="${time}"` : '';
  return `<!-- mlci-head sha="${sha.replace(/[^0-9a-fA-F]/g, '')}"${at} -->`;
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** When the event of the report a comment holds fired, from its hidden marker. */
export function readHeadTime(body: string): string | undefined {
  const time = /<!-- mlci-head sha="[0-9a-fA-F]+" at="([^"]+)" -->/.exec(body)?.[1];
  return time !== undefined && ISO_TIME.test(time) ? time : undefined;
}

/** The head commit a comment reports on, from its hidden marker; undefined for comments without one. */
export function readHeadMarker(body: string): string | undefined {
  return /<!-- mlci-head sha="([0-9a-fA-F]+)"(?: at="[^"]*")? -->/.exec(body)?.[1];
}

/**
 * The hidden marker that records which workflow run wrote a report. A marker of its own, so the
 * head marker keeps the form earlier versions read.
 */
export function runMarker(run: RunStamp): string {
  return `<!-- mlci-run id="${run.id}" attempt="${run.attempt}" -->`;
}

/** The run that wrote the report a comment holds, from its hidden marker. */
export function readRunMarker(body: string): RunStamp | undefined {
  const m = /<!-- mlci-run id="(\d+)" attempt="(\d+)" -->/.exec(body);
  return m === null ? undefined : { id: Number(m[1]), attempt: Number(m[2]) };
}

/**
 * The most withMarkers adds to a report that already ends with its own marker: a newline and the
 * head marker (a SHA-256 commit id and the event time at most) and a newline and the run marker
 * (ids up to 20 digits). A report rendered to GitHub's limit minus this fits with its markers.
 */
export const STAMP_ROOM = 200;

/** The report with its markers: the report marker (when missing), the head and run markers (replaced). */
export function withMarkers(
  body: string,
  marker: string,
  headSha: string | undefined,
  headTime?: string,
  run?: RunStamp,
): string {
  let out = body
    .replace(/\n?<!-- mlci-head sha="[0-9a-fA-F]*"(?: at="[^"]*")? -->/g, '')
    .replace(/\n?<!-- mlci-run id="\d*" attempt="\d*" -->/g, '');
  if (!out.includes(marker)) out += `\n${marker}`;
  if (headSha !== undefined) out += `\n${headMarker(headSha, headTime)}`;
  if (run !== undefined) out += `\n${runMarker(run)}`;
  return out;
}

/** What is posted when GitHub refuses a report as too long; it keeps the report's markers. */
export function shortReportBody(
  marker: string,
  headSha: string | undefined,
  fullReportUrl?: string,
  headTime?: string,
  run?: RunStamp,
): string {
  const where =
    fullReportUrl === undefined
      ? "in the job summary of this pull request's mlci run"
      : `[here](${fullReportUrl})`;
  return withMarkers(
    `**mlci report**: the report is too long for a comment; read it ${where}.`,
    marker,
    headSha,
    headTime,
    run,
  );
}

/** What a report is: its head commit, event time and run, as its markers record them. */
export interface ReportStamp {
  sha?: string;
  time?: string;
  run?: RunStamp;
}

/** The stamp of the report a comment holds. */
export function readStamp(body: string): ReportStamp {
  const stamp: ReportStamp = {};
  const sha = readHeadMarker(body);
  const time = readHeadTime(body);
  const run = readRunMarker(body);
  if (sha !== undefined) stamp.sha = sha;
  if (time !== undefined) stamp.time = time;
  if (run !== undefined) stamp.run = run;
  return stamp;
}

/** Which of two reports is newer (1: a, -1: b, 0: the same run's), and what decided it. */
export interface ReportOrder {
  order: -1 | 0 | 1;
  by: 'time' | 'head' | 'run' | 'commit' | 'same';
}

/**
 * The order of two reports, a total one, so concurrent runs that see the same reports agree:
 *
 * 1. the later event time (a report without one is older: earlier versions wrote none);
 * 2. a tie (the same time) between two commits: the pull request's current head. `currentHead`
 *    undefined means not asked yet: the answer is then 'ask' (ask once, GET pulls/{n}, and compare
 *    again); null means it could not be read (an issue, or no permission);
 * 3. the later run: higher GITHUB_RUN_ID, then GITHUB_RUN_ATTEMPT (a re-run of one commit, two
 *    workflows for one push; a report with a run beats one without);
 * 4. still two commits (neither the head, the same run or none): the higher SHA. Arbitrary, but
 *    every run picks the same one.
 */
export function compareReports(
  a: ReportStamp,
  b: ReportStamp,
  currentHead?: string | null,
): ReportOrder | 'ask' {
  const sign = (aWins: boolean): -1 | 1 => (aWins ? 1 : -1);
  if (a.time !== b.time) {
    if (a.time !== undefined && b.time !== undefined) return { order: sign(a.time > b.time), by: 'time' };
    return { order: sign(a.time !== undefined), by: 'time' };
  }
  const commits = a.sha !== undefined && b.sha !== undefined && a.sha !== b.sha;
  if (commits) {
    if (currentHead === undefined) return 'ask';
    if (currentHead !== null && (a.sha === currentHead || b.sha === currentHead)) {
      return { order: sign(a.sha === currentHead), by: 'head' };
    }
  }
  const [ra, rb] = [a.run, b.run];
  if (ra?.id !== rb?.id || ra?.attempt !== rb?.attempt) {
    if (ra === undefined || rb === undefined) return { order: sign(ra !== undefined), by: 'run' };
    return { order: sign(ra.id !== rb.id ? ra.id > rb.id : ra.attempt > rb.attempt), by: 'run' };
  }
  if (commits) return { order: sign(a.sha! > b.sha!), by: 'commit' };
  return { order: 0, by: 'same' };
}

/** Why a report (theirs) is newer than this run's (own), for the log. */
function newerBecause(by: ReportOrder['by'], own: ReportStamp, theirs: ReportStamp): string {
  const of = (s: ReportStamp) => (s.sha === undefined ? 'a report' : short(s.sha));
  const run = (s: ReportStamp) =>
    s.run === undefined ? 'no run recorded' : `run ${s.run.id}, attempt ${s.run.attempt}`;
  switch (by) {
    case 'time':
      return `it reports on ${of(theirs)}, pushed at ${theirs.time}, after ${of(own)} (${own.time ?? 'no time recorded'}), the commit this run is for.`;
    case 'head':
      return `it reports on ${of(theirs)}, the pull request's current head, pushed at the same time (${own.time}) as ${of(own)}, the commit this run is for: this run yields.`;
    case 'run':
      return `it reports on ${of(theirs)} from a later run (${run(theirs)}; this run: ${run(own)}), with the same event time (${own.time}): this run yields.`;
    default:
      return `it reports on ${of(theirs)}, pushed at the same time (${own.time}) as ${of(own)}, neither the pull request's head (the higher SHA stays, so that every run agrees): this run yields.`;
  }
}

/**
 * Creates or updates the pull request's sticky report comment: one comment per marker, found again
 * among comments written by `author` (default: the token's own identity), updated in place. A run
 * for an older report (compareReports: event time, then the pull request's current head, then the
 * run) does not replace a newer one. When concurrent runs created several comments, the oldest is
 * kept, given the newest report, and the others are deleted.
 *
 * When the token's identity cannot be found (GraphQL and GET /user both fail, and no
 * `comment-author` was given), no existing comment is taken for ours: a comment with the marker
 * may be a person's quoting the report, or another token's. The report is posted as a new comment,
 * whose author GitHub names in its answer: that is the token's identity, and its older comments
 * with the marker are then merged into the oldest like concurrent duplicates. Never two comments
 * left, never a comment of anyone else touched; the price (a new comment, so a notification, and a
 * deletion) is paid only when GitHub cannot say who the token is.
 */
export async function upsertReportComment(
  client: GitHubClient,
  options: UpsertCommentOptions,
): Promise<UpsertResult> {
  const log = options.log ?? silentLogger;
  const { owner, repo, issueNumber, marker, headSha } = options;
  const ourTime =
    options.headTime !== undefined && ISO_TIME.test(options.headTime) ? options.headTime : undefined;
  const ourRun =
    options.run !== undefined ? { id: options.run.id, attempt: options.run.attempt ?? 1 } : undefined;
  const body = withMarkers(options.body, marker, headSha, ourTime, ourRun);
  const own: ReportStamp = readStamp(body);
  let author = options.author;
  const byAuthor = (c: Comment) =>
    author !== undefined &&
    c.user?.login === author.login &&
    (author.type === undefined || c.user.type === author.type);
  const listMarked = async () =>
    (
      await client.paginate(client.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
      })
    )
      .filter((c) => c.body?.includes(marker) === true)
      .sort((a, b) => a.id - b.id);
  const list = async () => (await listMarked()).filter(byAuthor);

  // Which head is current decides between reports of two commits when their times do not: asked
  // only when there is such a tie (or no times), at most once.
  let currentHead: string | null | undefined;
  const current = async (): Promise<string | null> => {
    if (currentHead === undefined) {
      currentHead = headSha === undefined ? null : ((await pullRequestHead(client, options, log)) ?? null);
    }
    return currentHead;
  };
  const compare = async (a: ReportStamp, b: ReportStamp): Promise<ReportOrder> => {
    const order = compareReports(a, b, currentHead);
    return order !== 'ask' ? order : (compareReports(a, b, await current()) as ReportOrder);
  };
  const settling: Settling = { client, options, log, own, timed: ourTime !== undefined, compare, current };
  const result: UpsertResult = { action: 'created', deleted: 0, shortened: false };

  let write: { body: string; shortened: boolean } = { body, shortened: false };
  let contested = false;
  let yielded = false;
  const listStarted = performance.now();
  const marked = await listMarked();
  const listMs = performance.now() - listStarted;
  // Whose comments are ours: asked only when some comment carries the marker (a first report
  // learns it from the comment it creates).
  if (author === undefined && marked.length > 0) {
    const identity = await tokenIdentity(client, log);
    if (identity !== undefined) author = { login: identity.login };
  }
  const existing = marked.find(byAuthor);
  if (existing !== undefined) {
    let target: Comment = existing;
    const theirs = readStamp(existing.body ?? '');
    if (headSha !== undefined && theirs.sha !== undefined) {
      let stale: string | undefined;
      if (ourTime !== undefined && theirs.time !== undefined) {
        const order = await compare(own, theirs);
        if (order.order < 0) stale = newerBecause(order.by, own, theirs);
        // A write that replaces another commit's report, or another workflow run's with the same
        // time, may race a concurrent run: look again after it (attempts of one run never overlap).
        contested =
          order.order > 0 &&
          (theirs.sha !== headSha || (theirs.time === ourTime && theirs.run?.id !== ourRun?.id));
      } else if (theirs.sha !== headSha) {
        contested = true;
        // Without times the decision rests on the comment itself: read it again right before
        // writing, since a concurrent run may have written a newer report since the list. It is
        // left alone only when it already holds the pull request's current head (a run for an
        // older head may still replace a report older yet: the newest push may not run the
        // workflow, say under a `paths:` filter).
        const fresh = await getComment(client, owner, repo, existing.id);
        if (fresh !== undefined) target = fresh;
        const freshHead = readHeadMarker(target.body ?? '') ?? theirs.sha;
        const head = await current();
        if (head !== null && freshHead === head && freshHead !== headSha) {
          stale = `it reports on ${short(head)}, the pull request's current head; this run is for ${short(headSha)}, an older commit.`;
        }
      }
      if (stale !== undefined) {
        log.info(`Not updating comment ${target.id}: ${stale}`);
        return {
          action: 'skipped-stale',
          commentId: target.id,
          url: target.html_url,
          deleted: 0,
          shortened: false,
        };
      }
    }
    result.commentId = target.id;
    result.url = target.html_url;
    if (target.body === body) {
      result.action = 'unchanged';
    } else {
      write = await writeComment(client, options, log, body, { update: target.id });
      result.action = 'updated';
    }
  } else {
    if (author === undefined && marked.length > 0) {
      log.info(
        `${marked.length} comment(s) carry this report's marker, but which account the token is could not be found: ` +
          'posting the report as a new comment (GitHub names its author), then keeping one comment of that author.',
      );
    }
    const created = await writeComment(client, options, log, body, { create: true });
    write = created;
    result.commentId = created.id;
    result.url = created.url;
    // The author of the comment just created is the token's identity, whatever was asked.
    const login = created.comment.user?.login;
    if (login !== undefined && author === undefined) {
      author = { login };
      rememberIdentity(client, { login });
    } else if (login !== undefined && author !== undefined && author.login !== login) {
      log.warning(
        `comment-author is ${author.login}, but this token comments as ${login}: every run posts a new comment. ` +
          `Leave comment-author empty (the token's own identity) or set it to ${login}.`,
      );
    }
    // Two runs that both found no comment both created one: look once, and settle which stays.
    const after = await list();
    if (after.length > 1) {
      contested = true;
      const reconciled = await reconcile(settling, async () => after, write.body);
      result.deleted += reconciled.deleted;
      yielded = reconciled.yielded;
      if (reconciled.keeper !== undefined) {
        result.commentId = reconciled.keeper.id;
        result.url = reconciled.keeper.html_url;
      }
    }
  }
  result.shortened = write.shortened;

  const settle = options.settleMs ?? settleAfter(listMs);
  if (
    settle > 0 &&
    contested &&
    !yielded &&
    headSha !== undefined &&
    (ourTime !== undefined || (await current()) === headSha)
  ) {
    // A run for an older report may have read the comment before our write and written after it
    // (its read and its write are a round trip apart). Look again once such a write has landed:
    // the newest report (compareReports) is the one that stays. A run that finds a newer report
    // than its own stops here: the newer report's run looks after it.
    for (let round = 0; round < 3; round++) {
      await sleep(settle);
      const again = await reconcile(settling, list, write.body);
      result.deleted += again.deleted;
      if (again.keeper !== undefined) {
        result.commentId = again.keeper.id;
        result.url = again.keeper.html_url;
      }
      if (again.yielded || !again.changed) break;
    }
  }
  return result;
}

/**
 * How long to wait before looking again after a contested write, given how long this run's own
 * comment list took. The write to catch is an older run's: it listed the comments before our
 * write and writes about one round trip later, so four of this run's round trips (its list, pages
 * included) leave room for a slower runner; at least 0.25 s, at most 3 s. GitHub answering slowly
 * makes the wait longer, as it should: the older run is slowed too.
 */
export function settleAfter(listMs: number): number {
  return Math.min(3000, Math.max(250, Math.round(4 * listMs)));
}

/** What reconcile needs of the upsert it works for. */
interface Settling {
  client: GitHubClient;
  options: UpsertCommentOptions;
  log: Logger;
  own: ReportStamp;
  /** Whether this run's report has an event time: then compareReports orders the reports. */
  timed: boolean;
  compare: (a: ReportStamp, b: ReportStamp) => Promise<ReportOrder>;
  current: () => Promise<string | null>;
}

/**
 * Leaves one comment: the oldest, holding the newest report among the comments and ours
 * (compareReports; without event times, the current head's). Returns whether anything had to
 * change, and whether a report newer than ours was found (this run then yields).
 */
async function reconcile(
  s: Settling,
  list: () => Promise<Comment[]>,
  ourBody: string,
): Promise<{ keeper?: Comment; deleted: number; changed: boolean; yielded: boolean }> {
  const { client, options, log } = s;
  const comments = await list();
  const keeper = comments[0];
  const head = s.timed ? undefined : await s.current();
  const oursIsCurrent = head !== undefined && head !== null && head === s.own.sha;
  if (keeper === undefined) {
    if (!oursIsCurrent && !s.timed) return { deleted: 0, changed: false, yielded: false };
    // Someone deleted every copy (a concurrent reconcile that saw an older list): post ours again.
    const created = await writeComment(client, options, log, ourBody, { create: true });
    return { deleted: 0, changed: true, yielded: false, keeper: { ...created.comment } };
  }
  let wanted: string | undefined;
  let yielded = false;
  if (s.timed) {
    // The newest report, ours included.
    let best = { body: ourBody, stamp: s.own };
    for (const c of comments) {
      const stamp = readStamp(c.body ?? '');
      if ((await s.compare(stamp, best.stamp)).order > 0) best = { body: c.body ?? '', stamp };
    }
    wanted = best.body;
    if (wanted !== ourBody) {
      yielded = true;
      const order = await s.compare(best.stamp, s.own);
      log.info(
        `Comment ${keeper.id} is to hold a newer report than this run's: ${newerBecause(order.by, s.own, best.stamp)}`,
      );
    }
  } else if (oursIsCurrent) wanted = ourBody;
  else if (head !== undefined && head !== null) {
    wanted = comments.find((c) => readHeadMarker(c.body ?? '') === head)?.body;
  } else if (comments.length > 1) {
    // Without head commits to compare, the newest comment holds the newest report.
    wanted = comments.some((c) => c.body === ourBody) ? ourBody : comments.at(-1)?.body;
  }
  let changed = false;
  if (wanted !== undefined && keeper.body !== wanted) {
    await writeComment(client, options, log, wanted, { update: keeper.id });
    changed = true;
  }
  let deleted = 0;
  for (const duplicate of comments.slice(1)) {
    try {
      await client.rest.issues.deleteComment({
        owner: options.owner,
        repo: options.repo,
        comment_id: duplicate.id,
      });
      deleted++;
      changed = true;
    } catch (error) {
      // Another run deleted it first.
      if (statusOf(error) !== 404) throw error;
    }
  }
  if (deleted > 0) log.info(`Deleted ${deleted} duplicate report comment(s) left by concurrent runs.`);
  return { keeper, deleted, changed, yielded };
}

async function writeComment(
  client: GitHubClient,
  options: UpsertCommentOptions,
  log: Logger,
  body: string,
  how: { create: true } | { update: number },
): Promise<{ id: number; url: string; body: string; shortened: boolean; comment: Comment }> {
  const { owner, repo } = options;
  const send = async (text: string) =>
    'update' in how
      ? (await client.rest.issues.updateComment({ owner, repo, comment_id: how.update, body: text })).data
      : (
          await client.rest.issues.createComment({
            owner,
            repo,
            issue_number: options.issueNumber,
            body: text,
          })
        ).data;
  try {
    const comment = await send(body);
    return { id: comment.id, url: comment.html_url, body, shortened: false, comment };
  } catch (error) {
    if (statusOf(error) !== 422 || !/too long/i.test(String((error as Error).message))) throw error;
    const short = shortReportBody(
      options.marker,
      readHeadMarker(body),
      options.fullReportUrl,
      readHeadTime(body),
      readRunMarker(body),
    );
    log.warning(
      `GitHub refused the report comment as too long (${body.length} characters): posting a short comment that links the full report.`,
    );
    const comment = await send(short);
    return { id: comment.id, url: comment.html_url, body: short, shortened: true, comment };
  }
}

async function getComment(
  client: GitHubClient,
  owner: string,
  repo: string,
  id: number,
): Promise<Comment | undefined> {
  try {
    return (await client.rest.issues.getComment({ owner, repo, comment_id: id })).data;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

async function pullRequestHead(
  client: GitHubClient,
  options: UpsertCommentOptions,
  log: Logger,
): Promise<string | undefined> {
  try {
    const pr = await client.rest.pulls.get({
      owner: options.owner,
      repo: options.repo,
      pull_number: options.issueNumber,
    });
    return pr.data.head.sha;
  } catch (error) {
    // An issue rather than a pull request, or no permission to read it: no staleness check.
    if (statusOf(error) === 404 || statusOf(error) === 403) {
      log.info(
        `Could not read pull request #${options.issueNumber}'s head commit; updating without the staleness check.`,
      );
      return undefined;
    }
    throw error;
  }
}

function short(sha: string): string {
  return sha.slice(0, 7);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
