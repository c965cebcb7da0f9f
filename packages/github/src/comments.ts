import { silentLogger, statusOf, type GitHubClient, type Logger } from './client.js';

/** Who wrote the comments mlci updates. GITHUB_TOKEN comments come from `github-actions[bot]`. */
export interface CommentAuthor {
  login: string;
  /** `Bot` for GITHUB_TOKEN and GitHub App tokens, `User` for personal access tokens. */
  type?: string;
}

export const GITHUB_ACTIONS_BOT: CommentAuthor = { login: 'github-actions[bot]', type: 'Bot' };

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
   * fewer on every push); without it on either side, the head is asked for.
   */
  headTime?: string;
  /**
   * Only comments by this author are ours to update. Installation tokens cannot ask GET /user who
   * they are, so it is stated: default `github-actions[bot]` (the GITHUB_TOKEN's identity).
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

/** The report with its markers: the report marker (when missing) and the head marker (replaced). */
export function withMarkers(
  body: string,
  marker: string,
  headSha: string | undefined,
  headTime?: string,
): string {
  let out = body.replace(/\n?<!-- mlci-head sha="[0-9a-fA-F]*"(?: at="[^"]*")? -->/g, '');
  if (!out.includes(marker)) out += `\n${marker}`;
  if (headSha !== undefined) out += `\n${headMarker(headSha, headTime)}`;
  return out;
}

/** What is posted when GitHub refuses a report as too long. */
export function shortReportBody(marker: string, headSha: string | undefined, fullReportUrl?: string): string {
  const where =
    fullReportUrl === undefined
      ? "in the job summary of this pull request's mlci run"
      : `[here](${fullReportUrl})`;
  return withMarkers(
    `**mlci report**: the report is too long for a comment; read it ${where}.`,
    marker,
    headSha,
  );
}

/**
 * Creates or updates the pull request's sticky report comment: one comment per marker, found again
 * among comments written by `author`, updated in place. A run for an older head commit does not
 * replace the report of the pull request's current head. When concurrent runs created several
 * comments, the oldest is kept, given the newest report, and the others are deleted.
 */
export async function upsertReportComment(
  client: GitHubClient,
  options: UpsertCommentOptions,
): Promise<UpsertResult> {
  const log = options.log ?? silentLogger;
  const author = options.author ?? GITHUB_ACTIONS_BOT;
  const { owner, repo, issueNumber, marker, headSha } = options;
  const body = withMarkers(options.body, marker, headSha, options.headTime);
  const ours = (c: Comment) =>
    c.body?.includes(marker) === true &&
    c.user?.login === author.login &&
    (author.type === undefined || c.user.type === author.type);
  const list = async () =>
    (
      await client.paginate(client.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
      })
    )
      .filter(ours)
      .sort((a, b) => a.id - b.id);

  // Which head is current decides whose report wins. Asked only when there is a contest (a
  // comment for another head, or duplicates from concurrent runs): a first report or a re-run on
  // the same head needs two or three requests, not five.
  let currentHead: string | undefined;
  let headAsked = false;
  const current = async () => {
    if (!headAsked && headSha !== undefined) currentHead = await pullRequestHead(client, options, log);
    headAsked = true;
    return currentHead;
  };
  const result: UpsertResult = { action: 'created', deleted: 0, shortened: false };

  let write: { body: string; shortened: boolean } = { body, shortened: false };
  let contested = false;
  const ourTime =
    options.headTime !== undefined && ISO_TIME.test(options.headTime) ? options.headTime : undefined;
  const listStarted = performance.now();
  const existing = (await list())[0];
  const listMs = performance.now() - listStarted;
  if (existing !== undefined) {
    let target: Comment = existing;
    const listedHead = readHeadMarker(existing.body ?? '');
    if (headSha !== undefined && listedHead !== undefined && listedHead !== headSha) {
      contested = true;
      const theirTime = readHeadTime(existing.body ?? '');
      // The event times order the two reports when both are known; otherwise the comment is left
      // alone only when it already holds the pull request's current head (a run for an older head
      // may still replace a report older yet: the newest push may not run the workflow, say under
      // a `paths:` filter).
      let stale: string | undefined;
      if (ourTime !== undefined && theirTime !== undefined && ourTime !== theirTime) {
        if (ourTime < theirTime) {
          stale = `it reports on ${short(listedHead)}, pushed at ${theirTime}, after ${short(headSha)} (${ourTime}), the commit this run is for.`;
        }
      } else {
        // Without times the decision rests on the comment itself: read it again right before
        // writing, since a concurrent run may have written a newer report since the list.
        const fresh = await getComment(client, owner, repo, existing.id);
        if (fresh !== undefined) target = fresh;
        const freshHead = readHeadMarker(target.body ?? '') ?? listedHead;
        const head = await current();
        if (head !== undefined && freshHead === head && freshHead !== headSha) {
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
    const created = await writeComment(client, options, log, body, { create: true });
    write = created;
    result.commentId = created.id;
    result.url = created.url;
    // Two runs that both found no comment both created one: look once, and settle which stays.
    const after = await list();
    if (after.length > 1) {
      contested = true;
      const reconciled = await reconcile(
        client,
        options,
        async () => after,
        write.body,
        ourTime === undefined ? await current() : undefined,
        log,
        false,
        ourTime,
      );
      result.deleted += reconciled.deleted;
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
    headSha !== undefined &&
    (ourTime !== undefined || (await current()) === headSha)
  ) {
    // A run for an older push may have read the comment before our write and written after it
    // (its read and its write are a round trip apart). Look again once such a write has landed:
    // the newest report (by event time, else the current head's) is the one that stays.
    for (let round = 0; round < 3; round++) {
      await sleep(settle);
      const again = await reconcile(
        client,
        options,
        list,
        write.body,
        currentHead,
        log,
        ourTime === undefined,
        ourTime,
      );
      result.deleted += again.deleted;
      if (again.keeper !== undefined) {
        result.commentId = again.keeper.id;
        result.url = again.keeper.html_url;
      }
      if (!again.changed) break;
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

/**
 * Leaves one comment: the oldest, holding the current head's report when any comment (or ours)
 * has it. Returns whether anything had to change.
 */
async function reconcile(
  client: GitHubClient,
  options: UpsertCommentOptions,
  list: () => Promise<Comment[]>,
  ourBody: string,
  currentHead: string | undefined,
  log: Logger,
  oursIsCurrent = false,
  ourTime?: string,
): Promise<{ keeper?: Comment; deleted: number; changed: boolean }> {
  const comments = await list();
  const keeper = comments[0];
  if (keeper === undefined) {
    if (!oursIsCurrent && ourTime === undefined) return { deleted: 0, changed: false };
    // Someone deleted every copy (a concurrent reconcile that saw an older list): post ours again.
    const created = await writeComment(client, options, log, ourBody, { create: true });
    return { deleted: 0, changed: true, keeper: { ...created.comment } };
  }
  let wanted: string | undefined;
  if (ourTime !== undefined) {
    // The newest report by event time, ours included; a comment without a time is older.
    let best = { body: ourBody, time: ourTime };
    for (const c of comments) {
      const time = readHeadTime(c.body ?? '');
      if (time !== undefined && time > best.time) best = { body: c.body ?? '', time };
    }
    wanted = best.body;
  } else if (oursIsCurrent) wanted = ourBody;
  else if (currentHead !== undefined) {
    wanted = comments.find((c) => readHeadMarker(c.body ?? '') === currentHead)?.body;
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
  return { keeper, deleted, changed };
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
    const short = shortReportBody(options.marker, readHeadMarker(body), options.fullReportUrl);
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
