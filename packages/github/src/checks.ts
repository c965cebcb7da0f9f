import { messageOf, silentLogger, statusOf, type GitHubClient, type Logger } from './client.js';
import { isReadOnlyError } from './fork.js';

/** GitHub refuses check-run summaries and texts longer than this. */
export const MAX_CHECK_TEXT = 65_535;
/** GitHub takes at most this many annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub refuses commit-status descriptions longer than this. */
export const MAX_STATUS_DESCRIPTION = 140;

export type CheckConclusion = 'success' | 'failure' | 'neutral';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface PublishCheckOptions {
  owner: string;
  repo: string;
  headSha: string;
  /** Stable across runs, so branch protection can require it: `mlci`, `mlci / gpu`. */
  name: string;
  conclusion: CheckConclusion;
  title: string;
  /** Markdown; trimmed to 65,535 characters. */
  summary: string;
  text?: string;
  annotations?: CheckAnnotation[];
  /** The run's page, linked from the check and the status. */
  detailsUrl?: string;
  /**
   * Look for a run of the same name on the commit to update (default true). The report action
   * skips the lookup on a workflow run's first attempt, when no earlier report of this run can
   * have written one: one request fewer.
   */
  updateExisting?: boolean;
  log?: Logger;
}

export type PublishCheckResult =
  | { kind: 'check-run'; id: number; url: string; created: boolean }
  | { kind: 'status'; state: 'success' | 'failure'; reason: string }
  /** `readOnly`: the token may write neither (a pull request from a fork), as expected there. */
  | { kind: 'none'; reason: string; readOnly: boolean };

/**
 * Publishes the report's verdict on a commit: a check run (created, or the one of the same name on
 * that commit updated; a new one when both old and new carry annotations, which GitHub only
 * appends), else a commit status of the same name (branch protection accepts either for a
 * required check), else nothing. The status stands in whenever the check run cannot be written:
 * a token that may not write checks (a pull request from a fork), or GitHub failing past the
 * retries. Never throws for GitHub's answers: the result says what was written and why not.
 */
export async function publishCheckRun(
  client: GitHubClient,
  options: PublishCheckOptions,
): Promise<PublishCheckResult> {
  const log = options.log ?? silentLogger;
  let checkRefusal: string;
  try {
    return await writeCheckRun(client, options);
  } catch (error) {
    if (!isGitHubAnswer(error)) throw error;
    checkRefusal = describe(error);
  }
  log.info(`The check run could not be written (${checkRefusal}); publishing a commit status instead.`);
  const state = options.conclusion === 'failure' ? 'failure' : 'success';
  const description = statusDescription(options.conclusion, options.title);
  try {
    await client.rest.repos.createCommitStatus({
      owner: options.owner,
      repo: options.repo,
      sha: options.headSha,
      state,
      context: options.name,
      description,
      ...(options.detailsUrl === undefined ? {} : { target_url: options.detailsUrl }),
    });
    return { kind: 'status', state, reason: `check run not written: ${checkRefusal}` };
  } catch (error) {
    if (!isGitHubAnswer(error)) throw error;
    if (!isReadOnlyError(error))
      return {
        kind: 'none',
        readOnly: false,
        reason: `neither a check run (${checkRefusal}) nor a commit status (${describe(error)}) could be written`,
      };
    return {
      kind: 'none',
      readOnly: true,
      reason:
        `the token may write neither check runs (${checkRefusal}) nor commit statuses (${describe(error)}); ` +
        'grant `checks: write` (or `statuses: write`) in the workflow, or post from a workflow_run workflow ' +
        'for pull requests from forks',
    };
  }
}

/** An error that is GitHub's answer (an HTTP status) or its absence (a network error), not a bug. */
function isGitHubAnswer(error: unknown): boolean {
  if (statusOf(error) !== undefined) return true;
  return error instanceof Error && (error.name === 'HttpError' || error.message === 'fetch failed');
}

function describe(error: unknown): string {
  const status = statusOf(error);
  return `${status === undefined ? '' : `${status} `}${messageOf(error)}`;
}

async function writeCheckRun(
  client: GitHubClient,
  options: PublishCheckOptions,
): Promise<PublishCheckResult & { kind: 'check-run' }> {
  const { owner, repo } = options;
  const batches = batchAnnotations(options.annotations ?? []);
  const output = (annotations: CheckAnnotation[] | undefined) => ({
    title: options.title,
    summary: trimText(options.summary, MAX_CHECK_TEXT),
    ...(options.text === undefined ? {} : { text: trimText(options.text, MAX_CHECK_TEXT) }),
    ...(annotations === undefined || annotations.length === 0 ? {} : { annotations }),
  });
  const common = {
    owner,
    repo,
    name: options.name,
    status: 'completed' as const,
    conclusion: options.conclusion,
    ...(options.detailsUrl === undefined ? {} : { details_url: options.detailsUrl }),
  };

  const existing =
    options.updateExisting === false
      ? undefined
      : (
          await client.rest.checks.listForRef({
            owner,
            repo,
            ref: options.headSha,
            check_name: options.name,
            filter: 'latest',
            per_page: 1,
          })
        ).data.check_runs[0];

  // GitHub appends annotations to a run and never removes them: re-publishing annotations on a run
  // that has some would list them twice, so that case gets a fresh run (the latest one counts).
  const fresh = existing === undefined || (batches.length > 0 && existing.output.annotations_count > 0);
  const { data: run } = fresh
    ? await client.rest.checks.create({ ...common, head_sha: options.headSha, output: output(batches[0]) })
    : await client.rest.checks.update({ ...common, check_run_id: existing.id, output: output(batches[0]) });
  const id = run.id;
  const url = run.html_url ?? run.url;
  // Annotations past the first 50 are appended by further updates of the same run.
  for (const batch of batches.slice(1)) {
    await client.rest.checks.update({ owner, repo, check_run_id: id, output: output(batch) });
  }
  return { kind: 'check-run', id, url, created: fresh };
}

/** Annotations split into GitHub's per-request batches. */
export function batchAnnotations(annotations: readonly CheckAnnotation[]): CheckAnnotation[][] {
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  return batches;
}

/** A text cut to `max` characters, saying so at the end. */
export function trimText(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = '\n\n… (trimmed: the full report is in the job summary)';
  let cut = max - note.length;
  // Do not split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut) + note;
}

/** The one-line description a commit status carries in place of a check run. */
export function statusDescription(conclusion: CheckConclusion, title: string): string {
  const text = conclusion === 'neutral' ? `no baseline: ${title}` : title;
  return text.length <= MAX_STATUS_DESCRIPTION ? text : `${text.slice(0, MAX_STATUS_DESCRIPTION - 1)}…`;
}
