import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildReport,
  ConfigurationError,
  GateFailedError,
  renderMarkdown,
  reportMarker,
  runComparison,
  stringifyDocument,
  writeReportFolder,
  type BuildReportInput,
  type ChartImage,
  type Comparison,
  type ReportInput,
  type RunInfo,
  type VerdictKind,
} from '@mlci/core';
import { comparisonText, loadPredictionPair, loadSidePlots, pairPlots, relativeToConfig } from '@mlci/cli';
import {
  createClient,
  findPullRequestForRun,
  isReadOnlyError,
  messageOf,
  publishAssets,
  publishCheckRun,
  readContext,
  recordHistory,
  upsertReportComment,
  DEFAULT_ASSETS_BRANCH,
  DEFAULT_HISTORY_BRANCH,
  type CheckConclusion,
  type GitHubClient,
  type GitHubContext,
  type Logger,
} from '@mlci/github';
import { refuseForkCheckoutWithWriteToken } from '../../shared/src/fork.js';
import {
  booleanInput,
  choiceInput,
  integerInput,
  listInput,
  optionalInput,
  type GetInput,
} from '../../shared/src/inputs.js';
import type { ActionIO } from '../../shared/src/io.js';
import {
  decodeComparisonState,
  metricsSetup,
  parseMetricsInputs,
  readHead,
  type ComparisonState,
  type HistoryDocument,
  type MetricsInputs,
} from '../../shared/src/pipeline.js';
import { readState } from '../../shared/src/state.js';
import { readSavedReport, type SavedReport } from './saved-report.js';

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
  recordHistory: 'auto' | 'true' | 'false';
  historyBranch: string;
  savedReport?: string;
  reportDir?: string;
  plots: string[];
  headPredictions?: string;
  maxCurves?: number;
  commentAuthor: string;
  failOnGate: boolean;
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
    recordHistory: choiceInput(get, 'record-history', ['auto', 'true', 'false'] as const, 'auto'),
    historyBranch: optionalInput(get, 'history-branch') ?? DEFAULT_HISTORY_BRANCH,
    plots: listInput(get, 'plots'),
    commentAuthor: optionalInput(get, 'comment-author') ?? 'github-actions[bot]',
    failOnGate: booleanInput(get, 'fail-on-gate', true),
  };
  const optional = {
    token: 'token',
    title: 'title',
    reportId: 'report-id',
    savedReport: 'saved-report',
    reportDir: 'report-dir',
    headPredictions: 'head-predictions',
  } as const;
  for (const [key, name] of Object.entries(optional) as Array<[keyof typeof optional, string]>) {
    const value = optionalInput(get, name);
    if (value !== undefined) inputs[key] = value;
  }
  if (inputs.reportId !== undefined && !/^[A-Za-z0-9._/-]+$/.test(inputs.reportId)) {
    throw new ConfigurationError(
      `input report-id: expected letters, digits and . _ / - only (it is part of a hidden marker), found ${JSON.stringify(inputs.reportId)}`,
    );
  }
  if (get('max-curves').trim() !== '') inputs.maxCurves = integerInput(get, 'max-curves', 6, 0, 50);
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
  /** Set for a report saved by a pull request's run (from a fork) and posted from workflow_run. */
  fromSavedRun?: { url?: string };
}

export async function run(io: ActionIO, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const inputs = parseInputs(io.getInput);
  if (inputs.token !== undefined) io.setSecret(inputs.token);
  const context = readContext(env, (path) => readFileSync(path, 'utf8'));
  refuseForkCheckoutWithWriteToken(context, env.GITHUB_WORKSPACE);
  const log: Logger = { info: (m) => io.info(m), warning: (m) => io.warning(m) };
  const client =
    inputs.token !== undefined
      ? createClient({ token: inputs.token, apiUrl: context.apiUrl, log, paceWrites: false })
      : undefined;

  if (inputs.savedReport !== undefined) {
    await postSavedReport(io, inputs, context, client, log);
    return;
  }

  const state = await assembleState(io, inputs);
  const setup = metricsSetupOrConfig(inputs);
  const target = targetOf(context);
  const input: BuildReportInput = {
    comparison: state.comparison,
    head: state.head,
    config: setup.config,
    run: runInfo(context, env, target, inputs.stateDir),
  };
  if (state.base !== undefined) input.base = state.base;
  if (state.baseline !== undefined)
    input.baseline = { label: state.baseline.label, how: state.baseline.source };
  if (inputs.title !== undefined) input.title = inputs.title;
  if (inputs.reportId !== undefined) input.id = inputs.reportId;
  if (inputs.maxCurves !== undefined) input.maxCurves = inputs.maxCurves;
  if (context.runUrl !== undefined) input.fullReportUrl = context.runUrl;
  Object.assign(input, await plotsFor(inputs, setup.config));

  const report = await buildReport(input);
  const reportDir = inputs.reportDir ?? join(inputs.stateDir, 'report');
  await writeReportFolder(reportDir, report);
  io.info(comparisonText(state.comparison, { metrics: false }).trimEnd());
  io.info(`\nReport written to ${reportDir} (${report.charts.length} charts)`);
  io.setOutput('report-path', reportDir);

  const published = await publish(io, inputs, context, client, log, target, report.input, report.charts);
  await maybeRecordHistory(io, inputs, context, client, log, state);
  finish(io, inputs, state.comparison, published);
}

/** compare.json, else evaluate.json, else the metrics read here and compared with no baseline search. */
async function assembleState(io: ActionIO, inputs: ReportInputs): Promise<ComparisonState> {
  for (const name of ['compare', 'evaluate'] as const) {
    const raw = await readState<ComparisonState>(inputs.stateDir, name, `mlci/${name}`);
    if (raw !== undefined) {
      io.info(
        `Using ${join(inputs.stateDir, `${name}.json`)} left by the ${name === 'compare' ? 'compare-metrics' : 'evaluate'} step.`,
      );
      return decodeComparisonState(JSON.parse(stringifyDocument(raw)), join(inputs.stateDir, `${name}.json`));
    }
  }
  io.info(
    'No compare-metrics or evaluate step ran before: reading the metrics here and checking their own numbers.',
  );
  const setup = metricsSetup(inputs);
  const head = await readHead(setup, inputs.format);
  const comparison = runComparison({
    head,
    config: setup.config,
    extraGates: setup.extraGates,
    expectBaseline: false,
  });
  return { schema: 'mlci/evaluate', version: 1, comparison, head: head.runs };
}

/** The config (for display settings and plots) even when the metrics came from the state folder. */
function metricsSetupOrConfig(inputs: ReportInputs) {
  try {
    return metricsSetup(inputs);
  } catch (error) {
    if (!(error instanceof ConfigurationError) || !error.message.startsWith('no metrics files')) throw error;
    return metricsSetup({ ...inputs, files: ['.'] });
  }
}

async function plotsFor(inputs: ReportInputs, config: BuildReportInput['config']) {
  if (config === undefined) return {};
  const plotFiles =
    inputs.plots.length > 0 ? inputs.plots : config.report.plots.map((p) => relativeToConfig(config, p));
  const predictionsFile =
    inputs.headPredictions ??
    (config.report.predictions !== undefined
      ? relativeToConfig(config, config.report.predictions)
      : undefined);
  const predictions = await loadPredictionPair(undefined, predictionsFile);
  return pairPlots(await loadSidePlots(plotFiles, predictions.head), {});
}

function targetOf(context: GitHubContext): Target {
  const event = context.event;
  if (event.kind === 'pull_request') return { pullRequest: event.number, headSha: event.headSha };
  return { headSha: context.sha };
}

function runInfo(context: GitHubContext, env: NodeJS.ProcessEnv, target: Target, stateDir: string): RunInfo {
  const info: RunInfo = { commit: target.headSha };
  const branch = context.headRef ?? context.ref.replace(/^refs\/heads\//, '');
  if (branch !== '') info.branch = branch;
  if (context.runUrl !== undefined) info.url = context.runUrl;
  if (env.RUNNER_OS !== undefined)
    info.runner = [env.RUNNER_NAME, env.RUNNER_OS, env.RUNNER_ARCH].filter(Boolean).join(', ');
  const train = join(stateDir, 'train.json');
  if (existsSync(train)) {
    try {
      const record = JSON.parse(readFileSync(train, 'utf8')) as {
        schema?: unknown;
        durationSeconds?: unknown;
      };
      if (record.schema === 'mlci/train' && typeof record.durationSeconds === 'number') {
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
  checkRunId?: number;
}

/**
 * Charts to the assets branch (for URLs that render in comments), then the job summary, the
 * comment and the check run. A refused write (a fork's read-only token) is reported and skipped:
 * the report is in the summary and the report folder either way.
 */
async function publish(
  io: ActionIO,
  inputs: ReportInputs,
  context: GitHubContext,
  client: GitHubClient | undefined,
  log: Logger,
  target: Target,
  input: ReportInput,
  charts: Array<ChartImage & { png: Buffer }>,
): Promise<Published> {
  const published: Published = {};
  const hosted: ReportInput = { ...input, charts: [...input.charts] };
  if (charts.length > 0) {
    let where = 'the report folder (upload it with actions/upload-artifact)';
    if (client !== undefined && inputs.uploadCharts) {
      const assets = await publishAssets(client, {
        owner: context.owner,
        repo: context.repo,
        serverUrl: context.serverUrl,
        branch: inputs.assetsBranch,
        folder: target.pullRequest !== undefined ? `pr-${target.pullRequest}` : target.headSha,
        reportId: input.id,
        files: charts.map((c) => ({ name: c.file, content: c.png })),
        log,
      });
      if (assets.ok) {
        hosted.charts = input.charts.map((c) => ({ ...c, url: assets.urls[c.file] ?? c.file }));
        where = '';
      } else {
        io.warning(`Charts not uploaded: ${assets.reason}`);
      }
    }
    if (where !== '') {
      // Relative links would be broken images on GitHub: say where the charts are instead.
      hosted.charts = [];
      hosted.chartNotes = [`${charts.length} charts are in ${where}.`, ...(input.chartNotes ?? [])];
    }
  }
  const comment = renderMarkdown(hosted).markdown;
  if (inputs.summary)
    await io.appendSummary(`${renderMarkdown(hosted, { maxLength: 1_000_000 }).markdown}\n`);
  if (client === undefined) {
    io.info('No token: the report is in the job summary and the report folder only.');
    return published;
  }
  if (inputs.comment && target.pullRequest !== undefined) {
    try {
      const result = await upsertReportComment(client, {
        owner: context.owner,
        repo: context.repo,
        issueNumber: target.pullRequest,
        body: comment,
        marker: reportMarker(input.id),
        headSha: target.headSha,
        author: { login: inputs.commentAuthor },
        ...(context.runUrl !== undefined ? { fullReportUrl: context.runUrl } : {}),
        log,
      });
      if (result.url !== undefined) published.commentUrl = result.url;
      io.info(`Comment ${result.action}${result.url ? `: ${result.url}` : ''}`);
    } catch (error) {
      if (!isReadOnlyError(error)) throw error;
      io.warning(
        `Cannot comment on pull request #${target.pullRequest} (${messageOf(error)}). A pull request from a fork ` +
          'gets a read-only token: upload the report folder with actions/upload-artifact and post it from a ' +
          'workflow_run workflow with saved-report (see the report action README, "Pull requests from forks").',
      );
    }
  }
  if (inputs.check) {
    const verdict = input.comparison.verdict;
    const check = await publishCheckRun(client, {
      owner: context.owner,
      repo: context.repo,
      headSha: target.headSha,
      name: inputs.checkName,
      conclusion: CONCLUSION[verdict.kind],
      title: verdict.summary,
      summary: comment,
      ...(context.runUrl !== undefined ? { detailsUrl: context.runUrl } : {}),
      log,
    });
    if (check.kind === 'check-run') published.checkRunId = check.id;
    else io.warning(`No check run: ${check.reason}`);
  }
  return published;
}

async function maybeRecordHistory(
  io: ActionIO,
  inputs: ReportInputs,
  context: GitHubContext,
  client: GitHubClient | undefined,
  log: Logger,
  state: ComparisonState,
): Promise<void> {
  const event = context.event;
  const wanted =
    inputs.recordHistory === 'true' ||
    (inputs.recordHistory === 'auto' && event.kind === 'push' && event.toDefaultBranch && !event.deleted);
  if (!wanted) return;
  if (client === undefined) {
    io.warning('record-history needs a token with contents: write');
    return;
  }
  const document: HistoryDocument = {
    schema: 'mlci/history',
    version: 1,
    sha: context.sha,
    ref: context.ref,
    runs: state.head,
  };
  const result = await recordHistory(client, {
    owner: context.owner,
    repo: context.repo,
    sha: context.sha,
    document: `${stringifyDocument(document)}\n`,
    branch: inputs.historyBranch,
    log,
  });
  if (result.ok) io.info(`Baseline recorded: ${inputs.historyBranch}:${result.path}`);
  else io.warning(`Baseline not recorded: ${result.reason}`);
}

function finish(io: ActionIO, inputs: ReportInputs, comparison: Comparison, published: Published): void {
  io.setOutput('verdict', comparison.verdict.kind);
  io.setOutput('passed', String(comparison.verdict.kind !== 'failed'));
  io.setOutput('comment-url', published.commentUrl ?? '');
  io.setOutput('check-run-id', published.checkRunId !== undefined ? String(published.checkRunId) : '');
  if (inputs.failOnGate && comparison.verdict.kind === 'failed')
    throw new GateFailedError(comparison.verdict.summary);
}

/**
 * The second half of the fork setup: a `workflow_run` job (base repository, write token, no code
 * of the fork checked out) posts the report a pull request's run saved. The saved report is
 * untrusted: it is checked field by field and rendered again from its facts, so it can only say
 * what a report of mlci's can say.
 */
async function postSavedReport(
  io: ActionIO,
  inputs: ReportInputs,
  context: GitHubContext,
  client: GitHubClient | undefined,
  log: Logger,
): Promise<void> {
  const saved: SavedReport = readSavedReport(inputs.savedReport!);
  const event = context.event;
  let target: Target;
  if (event.kind === 'workflow_run') {
    if (client === undefined)
      throw new ConfigurationError('input token: posting a saved report needs a token');
    const pr = await findPullRequestForRun(client, {
      owner: context.owner,
      repo: context.repo,
      run: event.run,
    });
    if (pr === undefined) {
      io.info(
        `No open pull request has ${event.run.headSha.slice(0, 7)} as its head any more: nothing to post.`,
      );
      finish(io, { ...inputs, failOnGate: false }, saved.comparison, {});
      return;
    }
    target = { pullRequest: pr.number, headSha: pr.headSha, fromSavedRun: {} };
  } else {
    target = targetOf(context);
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
  const published = await publish(io, inputs, context, client, log, target, input, saved.charts);
  finish(io, inputs, saved.comparison, published);
}
