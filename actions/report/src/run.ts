import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildReport,
  ConfigurationError,
  DEFAULT_REPORT_ID,
  GateFailedError,
  HISTORY_SUMMARY_RECORDS,
  MAX_HISTORY_SUMMARY_RECORDS,
  matrixVerdict,
  MAX_COMMENT_LENGTH,
  renderMarkdown,
  renderMatrixMarkdown,
  reportMarker,
  TRAIN_SCHEMA,
  trendEntries,
  writeReportFolder,
  type BuildReportInput,
  type ChartImage,
  type DriftReport,
  type ExtraImageFile,
  type HistoryDocument,
  type MatrixReportInput,
  type MatrixVariant,
  type MlciConfig,
  type Comparison,
  type ReportInput,
  type RunInfo,
  type VerdictKind,
  isMlciError,
  MlciError,
} from '@mlci/core';
import { comparisonText, loadExtraContent, relativeToConfig } from '@mlci/cli';
import {
  createClient,
  findPullRequestForRun,
  isReadOnlyError,
  messageOf,
  statusOf,
  publishAssets,
  publishCheckRun,
  readBranchHeadEarly,
  readContext,
  recordHistoryWithSummary,
  upsertReportComment,
  DEFAULT_ASSETS_BRANCH,
  DEFAULT_ASSETS_KEEP_DAYS,
  DEFAULT_HISTORY_BRANCH,
  STAMP_ROOM,
  type CheckConclusion,
  type GitHubClient,
  type GitHubContext,
  type Logger,
} from '@mlci/github';
import { gateAnnotations, type GateAnnotation } from '../../shared/src/annotations.js';
import {
  loadReportPlots,
  predictionsOfRuns,
  repeatPatterns,
  runFolders,
} from '../../shared/src/base-plots.js';
import { refuseForkCheckoutWithWriteToken } from '../../shared/src/fork.js';
import {
  booleanInput,
  choiceInput,
  integerInput,
  listInput,
  assignOptionalInputs,
  optionalInput,
  reportIdInput,
  type GetInput,
} from '../../shared/src/inputs.js';
import { loggerOf, type ActionIO } from '../../shared/src/io.js';
import {
  actionConfig,
  checkOwnNumbers,
  decodeComparisonState,
  parseMetricsInputs,
  type ComparisonState,
  type MetricsInputs,
} from '../../shared/src/pipeline.js';
import {
  checkStepFailures,
  readJsonFile,
  readState,
  statePath,
  StepFailedError,
} from '../../shared/src/state.js';
import { readDriftState } from '../../shared/src/drift.js';
import { stopwatch, type Stopwatch } from '../../shared/src/stopwatch.js';
import { readSavedReport, type SavedReport } from './saved-report.js';
import { parseIssueInputs, publishIssue, type IssueInputs } from './issue.js';
import { cleanUpClosedPullRequest, isClosedPullRequest, pruneDefaultBranchCharts } from './retention.js';

/** Nothing of the report reached GitHub (no comment, no check run, no commit status). */
export class PublishError extends MlciError {
  override name = 'PublishError';
}

export interface ReportInputs extends MetricsInputs {
  token?: string;
  title?: string;
  reportId?: string;
  comment: boolean;
  check: boolean;
  checkName: string;
  summary: boolean;
  uploadCharts: boolean;
  assetsBranch: string;
  /** Days the default branch's `<sha>/` chart folders stay on the assets branch; 0 keeps them all. */
  assetsKeepDays: number;
  recordHistory: 'auto' | 'true' | 'false';
  historyBranch: string;
  /** Records the history branch keeps (history.ts compacts past them); default max(100, history-window). */
  historyKeep?: number;
  savedReport?: string;
  mergeReports?: string;
  reportDir?: string;
  plots: string[];
  /** The team's own Markdown files and images, `FILE[@PLACEMENT]`; replaces the config's report.sections. */
  extra: string[];
  headPredictions?: string;
  maxCurves?: number;
  commentAuthor: string;
  /** The issue a failed verdict opens or updates (scheduled monitoring); undefined when `issue` is empty. */
  issue?: IssueInputs;
  failOnGate: boolean;
  preview: boolean;
}

export function parseInputs(get: GetInput): ReportInputs {
  const inputs: ReportInputs = {
    ...parseMetricsInputs(get),
    comment: booleanInput(get, 'comment', true),
    check: booleanInput(get, 'check', true),
    checkName: optionalInput(get, 'check-name') ?? 'mlci',
    summary: booleanInput(get, 'summary', true),
    uploadCharts: booleanInput(get, 'upload-charts', true),
    assetsBranch: optionalInput(get, 'assets-branch') ?? DEFAULT_ASSETS_BRANCH,
    assetsKeepDays: integerInput(get, 'assets-keep-days', DEFAULT_ASSETS_KEEP_DAYS, 0, 36_500),
    recordHistory: choiceInput(get, 'record-history', ['auto', 'true', 'false'] as const, 'auto'),
    historyBranch: optionalInput(get, 'history-branch') ?? DEFAULT_HISTORY_BRANCH,
    plots: listInput(get, 'plots'),
    extra: listInput(get, 'extra'),
    commentAuthor: optionalInput(get, 'comment-author') ?? '',
    failOnGate: booleanInput(get, 'fail-on-gate', true),
    preview: booleanInput(get, 'preview', false),
  };
  assignOptionalInputs(get, inputs, {
    token: 'token',
    title: 'title',
    savedReport: 'saved-report',
    mergeReports: 'merge-reports',
    reportDir: 'report-dir',
    headPredictions: 'head-predictions',
  });
  const issue = parseIssueInputs(get, inputs.token);
  if (issue !== undefined) inputs.issue = issue;
  const reportId = reportIdInput(get);
  if (reportId !== undefined) inputs.reportId = reportId;
  if (get('max-curves').trim() !== '') inputs.maxCurves = integerInput(get, 'max-curves', 6, 0, 50);
  if (get('history-keep').trim() !== '')
    inputs.historyKeep = integerInput(
      get,
      'history-keep',
      HISTORY_SUMMARY_RECORDS,
      1,
      MAX_HISTORY_SUMMARY_RECORDS,
    );
  if (/^\d+$/.test(inputs.checkName) || inputs.checkName.length > 100) {
    throw new ConfigurationError(
      `input check-name: expected a short name such as "mlci", found ${JSON.stringify(inputs.checkName)}`,
    );
  }
  return inputs;
}

const CONCLUSION: Record<VerdictKind, CheckConclusion> = {
  passed: 'success',
  'passed-with-warnings': 'success',
  failed: 'failure',
  'no-baseline': 'neutral',
};

/** Where the report goes, for the run's event. */
interface Target {
  /** The pull request to comment on, when there is one. */
  pullRequest?: number;
  /** The commit the check run is attached to: the pull request's head, never its merge commit. */
  headSha: string;
  /** When the pull request event fired: orders this run's report against the comment's. */
  headTime?: string;
  /** Set for a report saved by a pull request's run (from a fork) and posted from workflow_run. */
  fromSavedRun?: { url?: string };
}

/** What every part of one report step shares. */
interface ReportStep {
  io: ActionIO;
  inputs: ReportInputs;
  context: GitHubContext;
  /** Undefined without a token: the report goes to the job summary and the report folder only. */
  client: GitHubClient | undefined;
  log: Logger;
  env: NodeJS.ProcessEnv;
  /** Where the step's time goes, phase by phase: written to the debug log at the end. */
  time: Stopwatch;
}

export async function run(io: ActionIO, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const time = stopwatch();
  time.lap('start-up');
  const inputs = parseInputs(io.getInput);
  if (inputs.token !== undefined) io.setSecret(inputs.token);
  const context = readContext(env, (path) => readFileSync(path, 'utf8'));
  refuseForkCheckoutWithWriteToken(context, env.GITHUB_WORKSPACE);
  const log: Logger = loggerOf(io);
  const client =
    inputs.token !== undefined
      ? createClient({ token: inputs.token, apiUrl: context.apiUrl, log, paceWrites: false })
      : undefined;
  const step: ReportStep = { io, inputs, context, client, log, env, time };

  // A closed pull request: its charts leave the assets branch, and nothing is posted (retention.ts).
  if (isClosedPullRequest(context)) {
    await cleanUpClosedPullRequest(io, {
      context,
      client,
      branch: inputs.assetsBranch,
      uploadCharts: inputs.uploadCharts,
    });
    return;
  }

  if (inputs.savedReport !== undefined) {
    await postSavedReport(step);
    return;
  }
  if (inputs.mergeReports !== undefined) {
    await postMatrixReport(step);
    return;
  }

  // The assets branch's head is asked for now, so that the connection to GitHub (DNS, TCP, TLS)
  // and this round trip happen while the step reads its files and draws, not after. The reads
  // below must stay asynchronous: they are the turns of the event loop in which the request goes
  // out before the drawing holds the thread (with them made synchronous, the upload waited one
  // more round trip in `npm run bench -- actions`). A report that ends up without charts has
  // spent one read on it.
  const assetsHead =
    client !== undefined && inputs.uploadCharts
      ? readBranchHeadEarly(client, context.owner, context.repo, inputs.assetsBranch)
      : undefined;
  const target = targetOf(context);
  // The config matters even when the metrics come from the state folder: display settings, plots.
  let config: MlciConfig;
  let state: ComparisonState;
  let drift: DriftReport | undefined;
  try {
    config = actionConfig(inputs);
    // First: an earlier step that failed or did not finish left why (state.ts), and its gates were
    // never evaluated; so did a drift comparison that failed (drift.ts).
    await checkStepFailures(inputs.stateDir);
    drift = await readDriftState(inputs.stateDir);
    state = await assembleState(io, inputs, config);
  } catch (error) {
    if (error instanceof ConfigurationError)
      await answerRequiredCheck(step, target, error, wordingFor(error));
    throw error;
  }
  const input: BuildReportInput = {
    comparison: state.comparison,
    head: state.head,
    config,
    run: await runInfo(context, env, target, inputs.stateDir),
  };
  if (state.base !== undefined) input.base = state.base;
  if (state.baseline !== undefined)
    input.baseline = { label: state.baseline.label, how: state.baseline.source };
  if (state.pipeline !== undefined) input.pipeline = state.pipeline;
  if (drift !== undefined) input.drift = drift;
  // The trend of the base branch, with this pull request's point (its label says "pull request").
  if (state.history !== undefined && context.event.kind === 'pull_request') {
    input.history = trendEntries(state.history);
    input.branch = context.event.baseRef;
  }
  if (inputs.title !== undefined) input.title = inputs.title;
  if (inputs.reportId !== undefined) input.id = inputs.reportId;
  if (inputs.maxCurves !== undefined) input.maxCurves = inputs.maxCurves;
  if (context.runUrl !== undefined) input.fullReportUrl = context.runUrl;
  const plots = await plotsFor(inputs, config, state);
  Object.assign(input, plots.pairs);
  if (plots.notes.length > 0) input.plotNotes = plots.notes;
  // The team's own sections: a missing or refused file fails the step (paths relative to the workspace).
  const extra = await loadExtraContent(inputs.extra, config, process.cwd(), 'input extra');
  if (extra !== undefined) input.extra = extra;

  time.lap('reading');
  const report = await buildReport(input);
  time.lap(`charts (${report.charts.length}) and Markdown`);
  const reportDir = inputs.reportDir ?? join(inputs.stateDir, 'report');
  await writeReportFolder(reportDir, report, { preview: inputs.preview });
  time.lap('report folder');
  io.info(comparisonText(state.comparison, { metrics: false }).trimEnd());
  io.info(`\nReport written to ${reportDir} (${report.charts.length} charts)`);
  io.setOutput('report-path', reportDir);

  const published = await publish(step, target, report.input, report.charts, assetsHead, report.extraImages);
  const unrecorded = await maybeRecordHistory(step, state, report.input.id, config);
  io.debug(`Time: ${time}`);
  finish(io, inputs, state.comparison, published);
  if (unrecorded) throw new MlciError('the baseline was not recorded (see the error above); re-run the job');
}

/**
 * A configuration error (a gate that matches no metric, a percent limit that cannot be read) fails
 * the step; it also answers the check that branch protection requires, as a failure carrying the
 * message, so that the blocked pull request says why instead of waiting for a check that never
 * comes. Nothing here can read as a pass; a check that cannot be written is only logged (the
 * failed step still blocks).
 */
async function answerRequiredCheck(
  step: ReportStep,
  target: Target,
  error: ConfigurationError,
  wording: CheckWording = CONFIGURATION_ERROR,
): Promise<void> {
  const { client, context, inputs, log } = step;
  if (client === undefined) return;
  const longestTicks = Math.max(0, ...(error.message.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestTicks + 1));
  const message = `${fence}\n${error.message}\n${fence}`;
  try {
    const result = await publishCheckRun(client, {
      owner: context.owner,
      repo: context.repo,
      headSha: target.headSha,
      name: inputs.checkName,
      conclusion: 'failure',
      updateExisting: (context.runAttempt ?? 1) > 1,
      title: wording.title,
      summary: `${wording.before}\n\n${message}\n\n${wording.after}`,
      ...(context.runUrl !== undefined ? { detailsUrl: context.runUrl } : {}),
      log,
    });
    if (result.kind === 'none')
      log.warning(`The failing ${inputs.checkName} check was not written: ${result.reason}.`);
  } catch (publishError) {
    log.warning(`The failing ${inputs.checkName} check was not written: ${messageOf(publishError)}.`);
  }
}

interface CheckWording {
  title: string;
  /** Before the error message. */
  before: string;
  /** After it: what to do. */
  after: string;
}

const CONFIGURATION_ERROR: CheckWording = {
  title: 'mlci could not judge this commit: configuration error',
  before: 'The configuration is wrong, so no gate was evaluated:',
  after: "Fix `.mlci.yml` or the workflow's inputs and push again.",
};

/** An earlier step that failed is not a mistake in `.mlci.yml`: the check says which step, and to look at it. */
function wordingFor(error: ConfigurationError): CheckWording {
  if (!(error instanceof StepFailedError)) return CONFIGURATION_ERROR;
  return {
    title: `mlci could not judge this commit: the ${error.step} step failed`,
    before: `The ${error.step} step failed before it left its results, so its gates were not evaluated and nothing here counts as passed:`,
    after: `Fix what the message says (the ${error.step} step's log has the details) and push again; if GitHub or the runner failed, re-run the job.`,
  };
}

/**
 * The fork setup's second job refused the report the pull request's run saved (a field out of
 * place, a verdict its numbers do not give): nothing of it is posted, and the required check says
 * why, instead of never arriving.
 */
const REFUSED_SAVED_REPORT: CheckWording = {
  title: "mlci could not post this pull request's report: the saved report was refused",
  before:
    "The report the pull request's own workflow run saved is not one mlci writes, so none of it was posted and no gate counts as passed:",
  after:
    "Re-run the pull request's workflow. If it happens again, the pull request may have changed the workflow or the files it uploads: review its changes to `.github/workflows` before trusting its runs.",
};

/** compare.json, else evaluate.json, else the metrics read here and compared with no baseline search. */
async function assembleState(
  io: ActionIO,
  inputs: ReportInputs,
  config: MlciConfig,
): Promise<ComparisonState> {
  for (const name of ['compare', 'evaluate'] as const) {
    const raw = await readState<ComparisonState>(inputs.stateDir, name, `mlci/${name}`);
    if (raw !== undefined) {
      io.info(
        `Using ${join(inputs.stateDir, `${name}.json`)} left by the ${name === 'compare' ? 'compare-metrics' : 'evaluate'} step.`,
      );
      return decodeComparisonState(raw, join(inputs.stateDir, `${name}.json`));
    }
  }
  io.info(
    'No compare-metrics or evaluate step ran before: reading the metrics here and checking their own numbers.',
  );
  return checkOwnNumbers(inputs, config, (line) => io.info(line));
}

/**
 * The pull request's plots and, when compare-metrics kept them, the base's (the confusion matrix,
 * ROC and precision-recall of both sides and their change); what the base lacks is said. With
 * several runs per side, every run's predictions are summed (or the one file names its run), as
 * the tables show the runs' mean rather than one seed.
 */
async function plotsFor(inputs: ReportInputs, config: BuildReportInput['config'], state: ComparisonState) {
  if (config === undefined) return { pairs: {}, notes: [] };
  const plotFiles =
    inputs.plots.length > 0 ? inputs.plots : config.report.plots.map((p) => relativeToConfig(config, p));
  const predictionsFile =
    inputs.headPredictions ??
    (config.report.predictions !== undefined
      ? relativeToConfig(config, config.report.predictions)
      : undefined);
  const headRunPredictions =
    predictionsFile !== undefined && state.head.length > 1
      ? predictionsOfRuns(predictionsFile, await runFolders('.', repeatPatterns(inputs, config)))
      : undefined;
  const { notes, ...pairs } = await loadReportPlots({
    headFiles: plotFiles,
    ...(predictionsFile !== undefined ? { headPredictions: predictionsFile } : {}),
    ...(headRunPredictions !== undefined ? { headRunPredictions } : {}),
    headRuns: state.head.length,
    baseRuns: state.base?.length ?? 1,
    stateDir: inputs.stateDir,
    ...(state.basePlots !== undefined ? { base: state.basePlots } : {}),
  });
  return { pairs, notes };
}

function targetOf(context: GitHubContext): Target {
  const event = context.event;
  if (event.kind === 'pull_request') {
    return {
      pullRequest: event.number,
      headSha: event.headSha,
      ...(event.updatedAt !== undefined ? { headTime: event.updatedAt } : {}),
    };
  }
  return { headSha: context.sha };
}

async function runInfo(
  context: GitHubContext,
  env: NodeJS.ProcessEnv,
  target: Target,
  stateDir: string,
): Promise<RunInfo> {
  const info: RunInfo = { commit: target.headSha };
  const branch = context.headRef ?? context.ref.replace(/^refs\/heads\//, '');
  if (branch !== '') info.branch = branch;
  if (context.runUrl !== undefined) info.url = context.runUrl;
  if (env.RUNNER_OS !== undefined)
    info.runner = [env.RUNNER_NAME, env.RUNNER_OS, env.RUNNER_ARCH].filter(Boolean).join(', ');
  const train = statePath(stateDir, 'train');
  if (existsSync(train)) {
    try {
      const record = (await readJsonFile(train)) as { schema?: unknown; durationSeconds?: unknown } | null;
      if (record?.schema === TRAIN_SCHEMA && typeof record.durationSeconds === 'number') {
        info.durationSeconds = record.durationSeconds;
      }
    } catch {
      // A broken train.json only costs the report its duration; the train step reported its own failure.
    }
  }
  return info;
}

interface Published {
  commentUrl?: string;
  issueUrl?: string;
  issueNumber?: number;
  issueAction?: string;
  /** Why the report's issue was not written: fails the step once the verdict is out (finish). */
  issueFailure?: string;
  checkRunId?: number;
  /** What reached GitHub: the comment, a check run, or a commit status in its place. */
  delivered: string[];
  /** The sinks that could not be written, each with why, for the log and the step's failure. */
  failed: string[];
  /** Writes refused to a fork's read-only token: expected, the workflow_run half posts the report. */
  refused: string[];
}

/** The job summary's limit: GitHub refuses a step's summary over 1 MiB, so stay clearly below. */
const MAX_SUMMARY_BYTES = 1_000_000;

/**
 * Charts to the assets branch (for URLs that render in comments), then the job summary, the
 * comment and the check run, each on its own: one that fails (an outage past the retries, a
 * refused write) is reported and the others are still written, so the verdict always reaches
 * the pull request one way or another. A refused write on a fork's read-only token is expected
 * and explained; anything else that fails says which request and why.
 */
async function publish(
  step: ReportStep,
  target: Target,
  input: ReportInput,
  charts: Array<ChartImage & { png: Buffer }>,
  assetsHead?: Promise<string | undefined>,
  extraImages: ExtraImageFile[] = [],
): Promise<Published> {
  const hosted: ReportInput = { ...input, charts: [...input.charts] };
  // The team's images go up in the same commit as the charts (report/extra.ts names them extra-*).
  const files = [...charts, ...extraImages.map((i) => ({ file: i.file, png: i.bytes }))];
  const upload = await attempt(() => hostCharts(step, target, input.id, files, assetsHead));
  if (charts.length > 0) step.time.lap('charts upload');
  const urls = upload.ok ? upload.value : undefined;
  if (!upload.ok) step.io.warning(`Charts not uploaded: ${upload.reason}. The report goes out without them.`);
  // A push to the default branch: its charts are up, the folders past assets-keep-days go (retention.ts).
  if (urls !== undefined && step.client !== undefined)
    await pruneDefaultBranchCharts(step.io, {
      context: step.context,
      client: step.client,
      branch: step.inputs.assetsBranch,
      keepDays: step.inputs.assetsKeepDays,
    });
  if (urls !== undefined && input.extraSections !== undefined) {
    hosted.extraSections = input.extraSections.map((section) => ({
      ...section,
      images: section.images.map((image) => ({ ...image, url: urls[image.file] ?? image.file })),
    }));
  }
  if (urls !== undefined) {
    hosted.charts = input.charts.map((c) => ({ ...c, url: urls[c.file] ?? c.file }));
  } else if (charts.length > 0) {
    // Relative links would be broken images on GitHub: say where the charts are instead.
    hosted.charts = [];
    hosted.chartNotes = [
      upload.ok
        ? `${chartCount(charts.length)} ${charts.length === 1 ? 'is' : 'are'} in the report folder (upload it with actions/upload-artifact).`
        : `${chartCount(charts.length)} could not be uploaded (${upload.reason}); see the report folder.`,
      ...(input.chartNotes ?? []),
    ];
  }
  // The head and run markers are added to the comment after rendering: leave room for them.
  const comment = renderMarkdown(hosted, { maxLength: MAX_COMMENT_LENGTH - STAMP_ROOM });
  // The same text unless the comment had to be shortened; never over the summary's limit.
  const summary = comment.omitted.length === 0 ? comment : renderWithinBytes(hosted, MAX_SUMMARY_BYTES);
  const published = await post(step, target, {
    id: input.id,
    // A saved report's files are not in this workspace: its gates get no annotations here.
    annotations: target.fromSavedRun === undefined ? gateAnnotations(input.comparison) : [],
    comment: comment.markdown,
    summary: summary.markdown,
    verdict: input.comparison.verdict.kind,
    title: input.comparison.verdict.summary,
  });
  if (upload.bug !== undefined) throw upload.bug;
  return published;
}

function chartCount(n: number): string {
  return n === 1 ? 'The chart' : `${n} charts`;
}

/**
 * The Markdown within `maxBytes` of UTF-8: renderMarkdown counts UTF-16 units, and a report of
 * emoji or CJK names takes up to three bytes for each.
 */
export function renderWithinBytes(input: ReportInput, maxBytes: number) {
  let maxLength = maxBytes;
  for (;;) {
    const rendered = renderMarkdown(input, { maxLength });
    const bytes = Buffer.byteLength(rendered.markdown, 'utf8');
    if (bytes <= maxBytes) return rendered;
    maxLength = Math.floor((maxLength * maxBytes) / bytes) - 1024;
  }
}

type Attempt<T> =
  { ok: true; value: T; bug?: undefined } | { ok: false; reason: string; error: unknown; bug?: unknown };

/**
 * Runs one sink. A failure of GitHub (an HTTP status, a network error, a timeout) is a reason to
 * report; anything else is a bug in mlci, kept to be rethrown once the other sinks are written.
 */
async function attempt<T>(write: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    const status = statusOf(error);
    const reason = `${status === undefined ? '' : `${status} `}${messageOf(error)}`;
    return isMlciError(error) || status !== undefined || isNetworkError(error)
      ? { ok: false, reason, error }
      : { ok: false, reason, error, bug: error };
  }
}

/** Node's and Octokit's ways of saying the request never got an answer. */
function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return (
    error.name === 'HttpError' ||
    error.name === 'RequestError' ||
    error.message === 'fetch failed' ||
    (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code))
  );
}

/**
 * Commits the charts to the assets branch, one commit for the whole report, and returns the URL of
 * each file by name; undefined when there are none, uploads are off or the token may not push.
 */
async function hostCharts(
  { io, inputs, context, client, log }: ReportStep,
  target: Target,
  reportId: string,
  charts: ReadonlyArray<{ file: string; png: Buffer }>,
  assetsHead?: Promise<string | undefined>,
): Promise<Record<string, string> | undefined> {
  if (charts.length === 0 || client === undefined || !inputs.uploadCharts) return undefined;
  const assets = await publishAssets(client, {
    owner: context.owner,
    repo: context.repo,
    serverUrl: context.serverUrl,
    branch: inputs.assetsBranch,
    folder: target.pullRequest !== undefined ? `pr-${target.pullRequest}` : target.headSha,
    reportId,
    files: charts.map((c) => ({ name: c.file, content: c.png })),
    ...(assetsHead !== undefined ? { head: assetsHead } : {}),
    log,
  });
  if (assets.ok) return assets.urls;
  io.warning(`Charts not uploaded: ${assets.reason}`);
  return undefined;
}

/**
 * The rendered report to the job summary, the sticky comment and the check run, each written
 * whatever happened to the others. Published.delivered and .failed say what reached GitHub.
 */
async function post(
  { io, inputs, context, client, log, time }: ReportStep,
  target: Target,
  report: {
    id: string;
    comment: string;
    summary: string;
    verdict: VerdictKind;
    title: string;
    annotations?: GateAnnotation[];
  },
): Promise<Published> {
  const published: Published = { delivered: [], failed: [], refused: [] };
  const bugs: unknown[] = [];
  // First the summary: it needs no API, and it is the report when GitHub cannot be reached.
  if (inputs.summary) await io.appendSummary(`${report.summary}\n`);
  time.lap('job summary');
  if (client === undefined) {
    io.info('No token: the report is in the job summary and the report folder only.');
    return published;
  }
  if (inputs.comment && target.pullRequest !== undefined) {
    const comment = await attempt(() =>
      upsertReportComment(client, {
        owner: context.owner,
        repo: context.repo,
        issueNumber: target.pullRequest!,
        body: report.comment,
        marker: reportMarker(report.id),
        headSha: target.headSha,
        ...(target.headTime !== undefined ? { headTime: target.headTime } : {}),
        // Empty: the token's own identity, found by upsertReportComment.
        ...(inputs.commentAuthor !== '' ? { author: { login: inputs.commentAuthor } } : {}),
        ...(context.runId !== undefined
          ? { run: { id: context.runId, attempt: context.runAttempt ?? 1 } }
          : {}),
        ...(context.runUrl !== undefined ? { fullReportUrl: context.runUrl } : {}),
        log,
      }),
    );
    if (comment.ok) {
      const result = comment.value;
      if (result.url !== undefined) published.commentUrl = result.url;
      published.delivered.push('comment');
      io.info(`Comment ${result.action}${result.url ? `: ${result.url}` : ''}`);
      time.lap(
        result.deleted > 0 || result.action === 'skipped-stale' ? `comment (${result.action})` : 'comment',
      );
    } else if (isReadOnlyError(comment.error)) {
      io.warning(
        `Cannot comment on pull request #${target.pullRequest} (${comment.reason}). A pull request from a fork ` +
          'gets a read-only token: upload the report folder with actions/upload-artifact and post it from a ' +
          'workflow_run workflow with saved-report (see the report action README, "Pull requests from forks").',
      );
      published.refused.push(`comment: ${comment.reason}`);
    } else {
      io.warning(
        `The comment could not be written (${comment.reason}); the check run still carries the verdict.`,
      );
      published.failed.push(`comment: ${comment.reason}`);
      if (comment.bug !== undefined) bugs.push(comment.bug);
    }
  }
  if (inputs.check) {
    const check = await attempt(() =>
      publishCheckRun(client, {
        owner: context.owner,
        repo: context.repo,
        headSha: target.headSha,
        name: inputs.checkName,
        conclusion: CONCLUSION[report.verdict],
        // A first attempt has no earlier check of its own to update (a re-run does).
        updateExisting: (context.runAttempt ?? 1) > 1,
        title: report.title,
        summary: report.comment,
        ...(report.annotations !== undefined && report.annotations.length > 0
          ? { annotations: report.annotations }
          : {}),
        ...(context.runUrl !== undefined ? { detailsUrl: context.runUrl } : {}),
        log,
      }),
    );
    if (!check.ok) {
      io.warning(`No check run and no commit status: ${check.reason}`);
      published.failed.push(`check run: ${check.reason}`);
      if (check.bug !== undefined) bugs.push(check.bug);
    } else if (check.value.kind === 'check-run') {
      published.checkRunId = check.value.id;
      published.delivered.push('check run');
    } else if (check.value.kind === 'status') {
      io.warning(
        `No check run (${check.value.reason}): the verdict went out as a commit status of the same name.`,
      );
      published.delivered.push('commit status');
    } else {
      io.warning(`No check run: ${check.value.reason}`);
      (check.value.readOnly ? published.refused : published.failed).push(`check run: ${check.value.reason}`);
    }
    time.lap(check.ok && check.value.kind === 'check-run' ? 'check run' : 'commit status');
  }
  if (inputs.issue !== undefined) {
    const issue = await publishIssue(
      { io, client, context, log, issue: inputs.issue, author: inputs.commentAuthor },
      { id: report.id, markdown: report.comment, verdict: report.verdict, summary: report.title },
    );
    if (issue.url !== undefined) published.issueUrl = issue.url;
    if (issue.number !== undefined) published.issueNumber = issue.number;
    if (issue.action !== undefined) published.issueAction = issue.action;
    if (issue.failure !== undefined) published.issueFailure = issue.failure;
    else published.delivered.push('issue');
    time.lap('issue');
  }
  if (bugs.length > 0) throw bugs[0];
  return published;
}

/**
 * A matrix of jobs, each of which saved its report folder (uploaded as an artifact, downloaded
 * into one folder per job): one comment with a column per job, one check run with the worst verdict.
 */
async function postMatrixReport(step: ReportStep): Promise<void> {
  const { io, inputs, context, env } = step;
  const root = inputs.mergeReports!;
  if (!existsSync(root)) throw new ConfigurationError(`input merge-reports: ${root} does not exist`);
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'report.json')))
    .map((e) => e.name)
    .sort();
  if (folders.length === 0) {
    throw new ConfigurationError(
      `input merge-reports: no folder in ${root} holds a report.json; download each job's report artifact into its own folder (actions/download-artifact with pattern: and without merge-multiple)`,
    );
  }
  const saved: Array<{ folder: string; report: SavedReport }> = [];
  for (const folder of folders) saved.push({ folder, report: await readSavedReport(join(root, folder)) });
  const target = targetOf(context);
  const id = inputs.reportId ?? DEFAULT_REPORT_ID;
  const names = variantNames(saved.map((s) => s.folder));
  const files = saved.flatMap((s, i) =>
    s.report.charts.map((c) => ({ file: `${names[i]}/${c.file}`, png: c.png })),
  );
  const urls = await hostCharts(step, target, id, files);
  const variants: MatrixVariant[] = saved.map((s, i) => ({
    name: names[i]!,
    comparison: s.report.comparison,
    charts:
      urls === undefined
        ? []
        : s.report.charts.map(({ png: _png, ...c }) => ({
            ...c,
            url: urls[`${names[i]}/${c.file}`] ?? c.file,
          })),
  }));
  const matrix: MatrixReportInput = {
    id,
    variants,
    run: await runInfo(context, env, target, inputs.stateDir),
  };
  if (inputs.title !== undefined) matrix.title = inputs.title;
  if (context.runUrl !== undefined) matrix.fullReportUrl = context.runUrl;
  const comment = renderMatrixMarkdown(matrix, { maxLength: MAX_COMMENT_LENGTH - STAMP_ROOM }).markdown;
  const reportDir = inputs.reportDir ?? join(inputs.stateDir, 'report');
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, 'report.md'), `${comment}\n`);
  io.setOutput('report-path', reportDir);
  const verdict = matrixVerdict(variants);
  const published = await post(step, target, {
    id,
    comment,
    summary: renderMatrixMarkdown(matrix, { maxLength: 1_000_000 }).markdown,
    verdict,
    title: `${variants.length} matrix jobs: ${verdict.replace(/-/g, ' ')}`,
  });
  io.debug(`Time: ${step.time}`);
  io.setOutput('verdict', verdict);
  io.setOutput('passed', String(verdict !== 'failed'));
  io.setOutput('comment-url', published.commentUrl ?? '');
  io.setOutput('check-run-id', published.checkRunId !== undefined ? String(published.checkRunId) : '');
  setIssueOutputs(io, published);
  if (inputs.failOnGate && verdict === 'failed') {
    throw new GateFailedError(
      `matrix jobs failed: ${variants
        .filter((v) => v.comparison.verdict.kind === 'failed')
        .map((v) => v.name)
        .join(', ')}`,
    );
  }
  if (published.issueFailure !== undefined) throw new PublishError(published.issueFailure);
}

/**
 * Column names from the artifact folders: the documented `mlci-report-` prefix (or `mlci-`) is
 * dropped when every folder has it (`mlci-report-lr-0.1` -> `lr-0.1`); other names stay as they are.
 */
export function variantNames(folders: readonly string[]): string[] {
  for (const prefix of ['mlci-report-', 'mlci-']) {
    if (folders.every((f) => f.startsWith(prefix) && f.length > prefix.length)) {
      return folders.map((f) => f.slice(prefix.length));
    }
  }
  return [...folders];
}

async function maybeRecordHistory(
  { io, inputs, context, client, log, time }: ReportStep,
  state: ComparisonState,
  reportId: string,
  config: MlciConfig,
): Promise<boolean> {
  const event = context.event;
  const wanted =
    inputs.recordHistory === 'true' ||
    (inputs.recordHistory === 'auto' && event.kind === 'push' && event.toDefaultBranch && !event.deleted);
  if (!wanted) return false;
  if (client === undefined) {
    io.warning('record-history needs a token with contents: write');
    return false;
  }
  const document: HistoryDocument = {
    schema: 'mlci/history',
    version: 1,
    sha: context.sha,
    ref: context.ref,
    runs: state.head,
  };
  if (event.kind === 'push' && event.committedAt !== undefined) document.recordedAt = event.committedAt;
  // The record and the summary that pull requests read, in one commit (github/src/history.ts).
  let result;
  try {
    result = await recordHistoryWithSummary(client, {
      owner: context.owner,
      repo: context.repo,
      document,
      branch: inputs.historyBranch,
      reportId,
      // Never fewer than the statistics read: compaction must not starve the noise estimate.
      keep: Math.max(inputs.historyKeep ?? HISTORY_SUMMARY_RECORDS, config.statistics.historyWindow),
      log,
    });
  } catch (error) {
    if (isMlciError(error)) throw error;
    // GitHub could not be asked (an outage past the retries): the report is out, the record is
    // not. The step fails once the verdict is set, so that a re-run records it.
    const status = statusOf(error);
    io.error(
      `The baseline of ${context.sha.slice(0, 7)} could not be recorded on ${inputs.historyBranch}: ${status === undefined ? '' : `${status} `}${messageOf(error)}. The report was published; re-run the job to record it.`,
      { title: 'mlci: baseline not recorded' },
    );
    time.lap('history');
    return true;
  }
  if (result.ok)
    io.info(
      `Baseline recorded: ${inputs.historyBranch}:${result.path}; ${inputs.historyBranch}:${result.summaryPath} holds ${result.records} ${result.records === 1 ? 'record' : 'records'}.`,
    );
  else io.warning(`Baseline not recorded: ${result.reason}`);
  time.lap('history');
  return false;
}

function finish(io: ActionIO, inputs: ReportInputs, comparison: Comparison, published: Published): void {
  io.setOutput('verdict', comparison.verdict.kind);
  io.setOutput('passed', String(comparison.verdict.kind !== 'failed'));
  io.setOutput('comment-url', published.commentUrl ?? '');
  io.setOutput('check-run-id', published.checkRunId !== undefined ? String(published.checkRunId) : '');
  setIssueOutputs(io, published);
  const gatesFailed = inputs.failOnGate && comparison.verdict.kind === 'failed';
  // Asked to publish and nothing reached GitHub: the verdict is only in the job summary, which
  // branch protection does not read. That fails the step whatever the gates said (unless every
  // write was refused to a fork's read-only token: its report is posted by workflow_run).
  const nothing = published.delivered.length === 0 && published.failed.length > 0;
  if (nothing) {
    const failed = [...published.failed, ...published.refused];
    throw new PublishError(
      `mlci could not publish the report: ${failed.join('; ')}. The verdict (${comparison.verdict.kind}: ${comparison.verdict.summary}) is in the job summary and the report folder; re-run the job.`,
    );
  }
  if (gatesFailed) throw new GateFailedError(comparison.verdict.summary);
  // The issue is the alert of a run without a pull request: a run that could not raise (or clear)
  // it is red even when the gates pass, or the next drift would go unannounced.
  if (published.issueFailure !== undefined) throw new PublishError(published.issueFailure);
}

/** `issue-number`, `issue-url` and `issue-action`: empty when no issue was written. */
function setIssueOutputs(io: ActionIO, published: Published): void {
  io.setOutput('issue-number', published.issueNumber !== undefined ? String(published.issueNumber) : '');
  io.setOutput('issue-url', published.issueUrl ?? '');
  io.setOutput('issue-action', published.issueAction ?? '');
}

/**
 * Where a saved report goes: on `workflow_run`, the open pull request whose head is the run's
 * commit (undefined when there is none any more); otherwise this event's own target.
 */
async function savedReportTarget(step: ReportStep): Promise<Target | undefined> {
  const { context, client } = step;
  const event = context.event;
  if (event.kind !== 'workflow_run') return targetOf(context);
  if (client === undefined) throw new ConfigurationError('input token: posting a saved report needs a token');
  const pr = await findPullRequestForRun(client, {
    owner: context.owner,
    repo: context.repo,
    run: event.run,
  });
  return pr === undefined ? undefined : { pullRequest: pr.number, headSha: pr.headSha, fromSavedRun: {} };
}

/**
 * The second half of the fork setup: a `workflow_run` job (base repository, write token, no code
 * of the fork checked out) posts the report a pull request's run saved. The saved report is
 * untrusted: it is checked field by field and rendered again from its facts, so it can only say
 * what a report of mlci's can say.
 */
async function postSavedReport(step: ReportStep): Promise<void> {
  const { io, inputs, context } = step;
  let saved: SavedReport;
  try {
    saved = await readSavedReport(inputs.savedReport!, { trustAcceptance: false });
  } catch (error) {
    if (error instanceof ConfigurationError) {
      // The pull request is still blocked (its required check never passes), but it should say why.
      const target = await savedReportTarget(step).catch(() => undefined);
      if (target !== undefined) await answerRequiredCheck(step, target, error, REFUSED_SAVED_REPORT);
    }
    throw error;
  }
  if (saved.acceptanceIgnored === true)
    io.warning(
      "The saved report records a maintainer's acceptance label; a pull request's own run cannot vouch for it, so its failed gates fail. To merge over them, a maintainer changes the gates or the baseline on the base branch, or merges as an administrator.",
      { title: 'mlci: acceptance not taken from a saved report' },
    );
  const target = await savedReportTarget(step);
  if (target === undefined) {
    const event = context.event as Extract<typeof context.event, { kind: 'workflow_run' }>;
    io.info(
      `No open pull request has ${event.run.headSha.slice(0, 7)} as its head any more: nothing to post.`,
    );
    finish(io, { ...inputs, failOnGate: false }, saved.comparison, {
      delivered: [],
      failed: [],
      refused: [],
    });
    return;
  }
  const input: ReportInput = {
    id: inputs.reportId ?? saved.id,
    title: inputs.title ?? saved.title,
    comparison: saved.comparison,
    head: [],
    charts: saved.charts.map(({ png: _png, ...image }) => image),
    run: { commit: target.headSha },
    chartNotes: ["Computed by the pull request's own workflow run and posted from the base repository."],
  };
  if (context.runUrl !== undefined) input.fullReportUrl = context.runUrl;
  if (saved.pipeline !== undefined) input.pipeline = saved.pipeline;
  if (saved.drift !== undefined) input.drift = saved.drift;
  const published = await publish(step, target, input, saved.charts);
  io.debug(`Time: ${step.time}`);
  finish(io, inputs, saved.comparison, published);
}
