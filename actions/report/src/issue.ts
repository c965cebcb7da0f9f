import { ConfigurationError, isMlciError, reportMarker, type VerdictKind } from '@mlci/core';
import {
  issueMarker,
  messageOf,
  raiseReportIssue,
  resolveReportIssue,
  statusOf,
  type GitHubClient,
  type GitHubContext,
  type IssueResult,
  type Logger,
} from '@mlci/github';
import { choiceInput, listInput, optionalInput, type GetInput } from '../../shared/src/inputs.js';
import type { ActionIO } from '../../shared/src/io.js';

/**
 * The report's issue (the `issue` inputs): the alert of a scheduled monitoring run, which has no
 * pull request to comment on. One issue per report id, opened by the token's own identity.
 */
export interface IssueInputs {
  /** The issue's title; the input `issue` (empty: no issue). */
  title: string;
  labels: string[];
  /** What a run whose gates pass does to the open issue. */
  onPass: IssueOnPass;
}

export type IssueOnPass = 'close' | 'comment' | 'keep';

/** GitHub refuses longer issue titles. */
const MAX_TITLE = 256;

/** The issue inputs, or undefined when `issue` is empty. Pure: `get` is the runner's getInput. */
export function parseIssueInputs(get: GetInput, token: string | undefined): IssueInputs | undefined {
  const title = optionalInput(get, 'issue');
  const onPass = choiceInput(get, 'issue-on-pass', ['close', 'comment', 'keep'] as const, 'close');
  const labels = listInput(get, 'issue-labels');
  if (title === undefined) {
    if (labels.length > 0) {
      throw new ConfigurationError(
        'input issue-labels: set the input issue (the title) too, or remove the labels',
      );
    }
    return undefined;
  }
  if (/[\r\n]/.test(title) || [...title].length > MAX_TITLE) {
    throw new ConfigurationError(
      `input issue: expected the issue's title, one line of at most ${MAX_TITLE} characters, found ${JSON.stringify(title.slice(0, 80))}${title.length > 80 ? '...' : ''}`,
    );
  }
  if (token === undefined) {
    throw new ConfigurationError(
      'input issue: opening an issue needs a token, but the input token is empty (its default is ${{ github.token }})',
    );
  }
  return { title, labels, onPass };
}

/** What became of the issue, for the step's outputs and its failure. */
export interface IssueOutcome {
  /** What was done (IssueResult.action); undefined when the write failed. */
  action?: IssueResult['action'];
  number?: number;
  url?: string;
  /** Set when GitHub refused or failed the write: what went wrong and what to do. */
  failure?: string;
}

export interface IssueStep {
  io: ActionIO;
  client: GitHubClient;
  context: GitHubContext;
  log: Logger;
  issue: IssueInputs;
  /** The report input comment-author: whose issues are the report's (empty: the token's identity). */
  author: string;
}

/** The report, as the issue needs it. */
export interface IssueReport {
  id: string;
  /** The report's Markdown, within GitHub's body limit (the comment's). */
  markdown: string;
  verdict: VerdictKind;
  /** The verdict in a sentence. */
  summary: string;
}

/**
 * Opens, updates or closes the report's issue for this run's verdict:
 *
 * - failed: opens the issue when none is open; otherwise replaces its body with this report and
 *   comments, so watchers hear of every failing run (an edited body notifies no one);
 * - passed (with or without warnings): comments and closes it (`issue-on-pass: close`), only
 *   comments (`comment`), or leaves it alone (`keep`);
 * - no baseline: nothing was judged, so the issue stays as it is.
 *
 * A refusal or failure of GitHub is returned as `failure` (the other sinks are written anyway, and
 * the step fails after them: see finish in run.ts); anything else is a bug and is thrown.
 */
export async function publishIssue(step: IssueStep, report: IssueReport): Promise<IssueOutcome> {
  const { io, client, context, log, issue } = step;
  const target = {
    owner: context.owner,
    repo: context.repo,
    marker: issueMarker(report.id),
    ...(step.author !== '' ? { author: { login: step.author } } : {}),
    ...(issue.labels.length > 0 ? { labels: issue.labels } : {}),
    log,
  };
  const wanted = wantedAction(report.verdict, issue.onPass);
  if (wanted === 'none') {
    io.info(
      report.verdict === 'no-baseline'
        ? 'Issue: left as it is (no baseline, so no gate was judged).'
        : 'Issue: left as it is (issue-on-pass: keep).',
    );
    return { action: 'none' };
  }
  let result: IssueResult;
  try {
    result =
      wanted === 'raise'
        ? await raiseReportIssue(client, {
            ...target,
            title: issue.title,
            body: issueBody(report),
            comment: `${runLink(context)}: still failing. ${report.summary}`,
            ...(context.runUrl !== undefined ? { fullReportUrl: context.runUrl } : {}),
          })
        : await resolveReportIssue(client, {
            ...target,
            comment: `${runLink(context)}: the gates pass again. ${report.summary}${wanted === 'close' ? ' Closing.' : ''}`,
            close: wanted === 'close',
          });
  } catch (error) {
    if (isMlciError(error) || !isGitHubFailure(error)) throw error;
    const failure = describeFailure(error, wanted, report);
    io.error(failure, { title: 'mlci: issue not written' });
    return { failure };
  }
  io.info(issueLine(result, issue.title));
  const outcome: IssueOutcome = { action: result.action };
  if (result.number !== undefined) outcome.number = result.number;
  if (result.url !== undefined) outcome.url = result.url;
  return outcome;
}

/** What the verdict asks of the issue. */
export function wantedAction(
  verdict: VerdictKind,
  onPass: IssueOnPass,
): 'raise' | 'close' | 'comment' | 'none' {
  if (verdict === 'failed') return 'raise';
  if (verdict === 'no-baseline' || onPass === 'keep') return 'none';
  return onPass;
}

/** The report with the issue's marker in place of the comment's (an issue is not a comment). */
export function issueBody(report: IssueReport): string {
  const comment = reportMarker(report.id);
  const marker = issueMarker(report.id);
  return report.markdown.includes(comment)
    ? report.markdown.replace(comment, marker)
    : `${report.markdown}\n${marker}`;
}

/** `[Run 7](https://github.com/o/r/actions/runs/1001) on abc1234`, or plain text without a run id. */
export function runLink(context: GitHubContext): string {
  const name = context.runNumber !== undefined ? `Run ${context.runNumber}` : 'This run';
  const run = context.runUrl !== undefined ? `[${name}](${context.runUrl})` : name;
  return `${run} (${context.eventName}) on ${context.sha.slice(0, 7)}`;
}

function issueLine(result: IssueResult, title: string): string {
  const where =
    result.number !== undefined
      ? ` #${result.number}${result.url !== undefined ? ` (${result.url})` : ''}`
      : '';
  const duplicates = result.duplicatesClosed > 0 ? `; ${result.duplicatesClosed} duplicate(s) closed` : '';
  switch (result.action) {
    case 'created':
      return `Issue opened: "${title}"${where}${duplicates}`;
    case 'updated':
      return `Issue updated with this report and commented on:${where}${duplicates}`;
    case 'closed':
      return `Issue closed: the gates pass again${where}${duplicates}`;
    case 'commented':
      return `Issue commented on (left open, issue-on-pass: comment):${where}`;
    default:
      return `Issue: nothing to do (${result.reason ?? 'no open issue'}).`;
  }
}

/** An answer of GitHub (an HTTP status) or no answer at all (network, time limit), not a bug. */
function isGitHubFailure(error: unknown): boolean {
  if (statusOf(error) !== undefined) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return (
    error.name === 'HttpError' ||
    error.name === 'RequestError' ||
    error.name === 'RequestTimeoutError' ||
    error.message === 'fetch failed' ||
    (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code))
  );
}

/**
 * Why the issue was not written and what to do, with the verdict: a 403 names the permission
 * GitHub asked for (its `x-accepted-github-permissions` header, else `issues: write`).
 */
export function describeFailure(
  error: unknown,
  wanted: 'raise' | 'close' | 'comment',
  report: IssueReport,
): string {
  const status = statusOf(error);
  const what = wanted === 'raise' ? 'opened or updated' : wanted === 'close' ? 'closed' : 'commented on';
  const verdict = `The verdict (${report.verdict}: ${report.summary}) is in the job summary and the report folder.`;
  if (status === 403 && !/rate limit/i.test(messageOf(error))) {
    const accepted = acceptedPermissions(error);
    return (
      `The report's issue could not be ${what}: GitHub answered 403 (${messageOf(error)}). ` +
      `The token needs ${accepted ?? 'issues: write'}: add \`issues: write\` to the job's \`permissions:\` ` +
      `(or give the GitHub App or personal access token Issues read and write). ${verdict}`
    );
  }
  if (status === 410) {
    return `The report's issue could not be ${what}: issues are turned off in this repository (410). Turn them on in the repository's settings, or remove the input issue. ${verdict}`;
  }
  return `The report's issue could not be ${what} (${status === undefined ? '' : `${status} `}${messageOf(error)}); re-run the job. ${verdict}`;
}

/** `issues: write` from GitHub's `x-accepted-github-permissions: issues=write` header, when sent. */
function acceptedPermissions(error: unknown): string | undefined {
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
  const header = headers?.['x-accepted-github-permissions'];
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const sets = header
    .split(';')
    .map((set) =>
      set
        .split(',')
        .map((p) => p.trim().replace('=', ': ').replace(/_/g, '-'))
        .filter((p) => p !== '')
        .join(' and '),
    )
    .filter((set) => set !== '');
  return sets.length === 0 ? undefined : sets.join(' or ');
}
