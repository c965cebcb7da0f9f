import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  ConfigurationError,
  DEFAULT_REPORT_ID,
  diffConfigs,
  diffDvcLocks,
  gateStatistics,
  GateFailedError,
  gatingConfig,
  isMlciError,
  isUnchangedPipeline,
  parseConfig,
  parseDvcLock,
  pipelineText,
  readDvcLock,
  runComparison,
  type Acceptance,
  type BaselineProblem,
  type ConfigChanges,
  type DvcLockDiff,
  type GateStatistics,
  type MlciConfig,
  stringifyDocument,
  type RunSet,
} from '@mlci/core';
import {
  comparisonText,
  DEFAULT_CONFIG_NAMES,
  loadPredictionPair,
  relativeToConfig,
  statisticsFor,
} from '@mlci/cli';
import {
  branchHead,
  createClient,
  fileAt,
  findAcceptance,
  messageOf,
  statusOf,
  DEFAULT_BASELINE_ARTIFACT,
  DEFAULT_BASELINE_SOURCES,
  DEFAULT_HISTORY_BRANCH,
  findBaseCommits,
  findBaseline,
  readContext,
  type BaselineResult,
  type BaselineSource,
  type FoundBaseline,
  type GitHubClient,
  type GitHubContext,
} from '@mlci/github';
import {
  booleanInput,
  choiceInput,
  listInput,
  assignOptionalInputs,
  optionalInput,
  reportIdInput,
  type GetInput,
} from '../../shared/src/inputs.js';
import { loggerOf, type ActionIO } from '../../shared/src/io.js';
import {
  actionConfig,
  failedGateTexts,
  metricsSetup,
  parseMetricsInputs,
  readBaselineRuns,
  readHead,
  type ComparisonState,
  type MetricsInputs,
  type MetricsSetup,
} from '../../shared/src/pipeline.js';
import { DEFAULT_STATE_DIR, recordingStepFailure, statePath, writeState } from '../../shared/src/state.js';
import { annotateGates } from '../../shared/src/annotations.js';
import {
  clearDriftState,
  parseDriftInputs,
  planDrift,
  withDriftMetrics,
  type DriftInputs,
  type DriftPlan,
} from '../../shared/src/drift.js';
import { driftStep, type BaseCommit } from '../../shared/src/drift-run.js';
import {
  keepBasePlots,
  plotRepositoryPaths,
  predictionsOfRuns,
  runFolders,
} from '../../shared/src/base-plots.js';
import { historyExpression, readBaseHistory, trendForReport, type HistoryInput } from './history.js';

export interface CompareInputs extends MetricsInputs {
  token?: string;
  baselineSources: BaselineSource[];
  baselinePath?: string;
  baselineArtifact: string;
  baselineWorkflow?: string;
  historyBranch: string;
  /** Read the history branch's summary for the statistics (auto), or not (false). */
  history: HistoryInput;
  onNoBaseline: 'auto' | 'neutral' | 'fail';
  gatesFrom: 'base' | 'head';
  /** '' turns acceptance off. */
  acceptLabel: string;
  reportId?: string;
  basePredictions?: string;
  headPredictions?: string;
  failOnGate: boolean;
  drift: DriftInputs;
}

export function parseInputs(get: GetInput): CompareInputs {
  const sources = listInput(get, 'baseline-sources');
  for (const source of sources) {
    if (!(DEFAULT_BASELINE_SOURCES as readonly string[]).includes(source)) {
      throw new ConfigurationError(
        `input baseline-sources: ${JSON.stringify(source)} is not a baseline source; expected some of ${DEFAULT_BASELINE_SOURCES.join(', ')}`,
      );
    }
  }
  const inputs: CompareInputs = {
    ...parseMetricsInputs(get),
    baselineSources: (sources.length > 0 ? sources : [...DEFAULT_BASELINE_SOURCES]) as BaselineSource[],
    baselineArtifact: optionalInput(get, 'baseline-artifact') ?? DEFAULT_BASELINE_ARTIFACT,
    historyBranch: optionalInput(get, 'history-branch') ?? DEFAULT_HISTORY_BRANCH,
    history: choiceInput(get, 'history', ['auto', 'false'] as const, 'auto'),
    onNoBaseline: choiceInput(get, 'on-no-baseline', ['auto', 'neutral', 'fail'] as const, 'auto'),
    gatesFrom: choiceInput(get, 'gates-from', ['base', 'head'] as const, 'base'),
    acceptLabel: get('accept-label').trim(),
    failOnGate: booleanInput(get, 'fail-on-gate', false),
    drift: parseDriftInputs(get),
  };
  assignOptionalInputs(get, inputs, {
    token: 'token',
    baselinePath: 'baseline-path',
    baselineWorkflow: 'baseline-workflow',
    basePredictions: 'base-predictions',
    headPredictions: 'head-predictions',
  });
  const reportId = reportIdInput(get);
  if (reportId !== undefined) inputs.reportId = reportId;
  return inputs;
}

/** The commit whose metrics this run is compared with, by event. */
export function baseOf(context: GitHubContext): { ref: string; sha: string; headSha?: string } | undefined {
  const event = context.event;
  if (event.kind === 'pull_request')
    return { ref: event.baseRef, sha: event.baseSha, headSha: event.headSha };
  if (event.kind === 'push') {
    // A new branch's push has no previous commit to compare with.
    if (/^0+$/.test(event.before) || event.deleted) return undefined;
    return { ref: context.ref.replace(/^refs\/heads\//, ''), sha: event.before };
  }
  // A scheduled or manual run (retraining) is compared with what the checked-out commit recorded.
  return { ref: context.defaultBranch ?? context.ref.replace(/^refs\/heads\//, ''), sha: context.sha };
}

/**
 * Finds the baseline (sources tried in order, every attempt reported), compares, evaluates every
 * gate, statistical and paired ones included, and leaves compare.json for report. No baseline is
 * a neutral result that says where it looked, never a silent pass.
 */
export async function run(io: ActionIO, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Until compare.json is written, it says this step did not finish (state.ts): a report step that
  // runs anyway fails the check instead of judging without this step's gates and baseline.
  const stateDir = optionalInput(io.getInput, 'state-dir') ?? DEFAULT_STATE_DIR;
  await recordingStepFailure(stateDir, 'compare', 'compare-metrics', () => compare(io, env));
}

async function compare(io: ActionIO, env: NodeJS.ProcessEnv): Promise<void> {
  const inputs = parseInputs(io.getInput);
  if (inputs.token !== undefined) io.setSecret(inputs.token);
  await clearDriftState(inputs.stateDir);
  const config = actionConfig(inputs);
  // With drift asked for and no metrics files named, the data is the run (docs/drift.md, "Data
  // alone"): guessing at files the project's tools wrote would compare numbers nobody asked for.
  const asked = driftAsked(inputs.drift, config);
  const setup = await metricsSetup(inputs, config, { discover: !asked });
  for (const line of setup.discovered ?? []) io.info(line);
  const dataAlone = asked && setup.files.length === 0 && setup.repeats.length === 0;
  if (dataAlone)
    io.info(
      'Data alone: no metrics files are named (files, repeats, or files: in the config), so the drift metrics are the run; no metrics baseline is looked for.',
    );
  const read = dataAlone ? undefined : await readHead(setup, inputs.format);
  const context = readContext(env, (path) => readFileSync(path, 'utf8'));
  // The base commit is resolved either way: the base's rules and `drift-reference: base` read it.
  const located = dataAlone
    ? await locateBaseCommit(io, inputs, context)
    : await locateBaseline(io, inputs, setup, context, env);
  const rules = await rulesOf(io, inputs, setup, context, located);
  // Data drift, decided by the same rules as the gates; its metrics join the pull request's first.
  const plan = planOrFail(
    planDrift({
      inputs: inputs.drift,
      config: setup.config,
      ...(rules.base !== undefined ? { rules: rules.base } : {}),
      baseAllowed: true,
      log: (line) => io.info(line),
    }),
    dataAlone,
    rules.base?.label,
  );
  const driftAt = driftBase(context, located, env);
  const drift =
    plan === undefined
      ? undefined
      : await driftStep(io, {
          step: 'compare-metrics',
          stateDir: inputs.stateDir,
          plan,
          ...(driftAt !== undefined ? { base: driftAt } : {}),
        });
  const head: RunSet =
    read === undefined
      ? { runs: [drift!.doc] }
      : drift === undefined
        ? read
        : { ...read, runs: withDriftMetrics(read.runs, drift.doc) };
  const history = await readBaseHistory(io, {
    input: inputs.history,
    client: located.client,
    owner: context.owner,
    repo: context.repo,
    branch: inputs.historyBranch,
    reportId: inputs.reportId ?? setup.config?.report.id ?? DEFAULT_REPORT_ID,
    config: rules.config,
    extraGates: setup.extraGates,
    ...(located.result.expressions.has(historyAt(inputs, setup))
      ? { prefetched: located.result.expressions.get(historyAt(inputs, setup))! }
      : {}),
  });
  // The baseline, the base's gates and the history may each have failed: say all.
  const failed = [rules.problem, history.problem].filter((p) => p !== undefined);
  const problem: BaselineProblem | undefined =
    failed.length === 0
      ? located.problem
      : {
          kind: 'unavailable',
          detail: [
            located.problem?.kind === 'unavailable' ? located.problem.detail : undefined,
            ...failed.map((p) => p.detail),
          ]
            .filter((d): d is string => d !== undefined)
            .join('; '),
        };
  const base = failed.length === 0 ? located.base : undefined;
  const result = located.result;

  const acceptance = await acceptanceOf(io, inputs, context, located.client);
  const statistics = await pairedStatistics(inputs, setup, base !== undefined ? result.found : undefined);
  // A change gate on a drift metric fails in the core when there is no baseline (gates/evaluate.ts).
  const comparison = runComparison({
    head,
    ...(base !== undefined ? { base } : {}),
    config: rules.config,
    extraGates: setup.extraGates,
    statistics,
    ...(history.records !== undefined ? { history: history.records, historyLabel: history.label! } : {}),
    // Data alone has no metrics baseline by design: the gates alone decide, never "no baseline".
    ...(dataAlone ? { expectBaseline: false } : {}),
    ...(problem !== undefined ? { baselineProblem: problem } : {}),
    ...(rules.changes !== undefined ? { configChanges: rules.changes } : {}),
    ...(acceptance !== undefined ? { acceptance } : {}),
  });
  const state: ComparisonState = {
    schema: 'mlci/compare',
    version: 1,
    comparison,
    head: head.runs,
    attempts: result.attempts,
  };
  if (base !== undefined && result.found !== undefined) {
    state.base = base.runs;
    state.baseline = { label: result.found.label, source: result.found.source };
    if (result.found.sha !== undefined) state.baseline.sha = result.found.sha;
  }
  const trend = trendForReport(history, comparison);
  if (trend !== undefined) state.history = trend;
  // The base's side of the confusion matrix and curves, fetched with the metrics (no request of
  // their own), kept for the report step, which may run in another job.
  const basePlots = await keepBasePlots({
    stateDir: inputs.stateDir,
    found: base !== undefined ? result.found : undefined,
    plots: plotRepositoryPaths(setup.config),
    ...(predictionsPath(inputs, setup) !== undefined ? { predictions: predictionsPath(inputs, setup)! } : {}),
    repeats: setup.repeats,
    historyBranch: inputs.historyBranch,
  });
  if (basePlots !== undefined) state.basePlots = basePlots;
  const pipeline = await pipelineChanges(io, setup, context, located);
  if (pipeline !== undefined) state.pipeline = pipeline;
  const path = await writeState(inputs.stateDir, 'compare', state);
  io.info(
    comparisonText(comparison, {
      metrics: true,
      ...(drift !== undefined
        ? { dataMetricsAt: `${statePath(inputs.stateDir, 'drift')} and the report's data drift section` }
        : {}),
    }).trimEnd(),
  );
  if (pipeline !== undefined) io.info(`\n${pipelineText(pipeline).trimEnd()}`);
  io.info(`\nwrote ${path}`);
  if (problem?.kind === 'unavailable') {
    io.error(
      `${dataAlone ? 'What this comparison reads from the base (its rules, the history)' : 'The baseline'} could not be fetched, so the comparison fails: ${problem.detail}. Re-run the job.`,
      {
        title: 'mlci: baseline could not be fetched',
      },
    );
  } else if (base === undefined && !dataAlone) {
    // Data alone looked for no baseline, so none is missing: the drift reference is the data's.
    io.warning(
      `No baseline found, so nothing was compared: ${result.attempts.map((a) => a.text).join('; ') || 'no source could be tried'}${problem !== undefined ? `. ${problem.detail}` : ''}`,
      { title: 'mlci: no baseline' },
    );
  } else if (result.failures.length > 0) {
    io.warning(
      `Some baseline sources could not be asked (${result.failures.map((f) => f.text).join('; ')}); the baseline came from ${result.found!.label} (${result.found!.source}).`,
    );
  }
  annotateGates(io, comparison);
  io.setOutput('passed', String(comparison.verdict.kind !== 'failed'));
  io.setOutput('verdict', comparison.verdict.kind);
  io.setOutput('failed-gates', JSON.stringify(failedGateTexts(comparison)));
  io.setOutput('baseline', result.found?.label ?? '');
  io.setOutput('comparison', stringifyDocument(comparison, 0));
  io.setOutput('state-path', path);
  if (inputs.failOnGate && comparison.verdict.kind === 'failed')
    throw new GateFailedError(comparison.verdict.summary);
}

/** What was found at the base: the baseline's runs, or why there are none; the commits looked at. */
interface Located {
  base?: RunSet;
  result: BaselineResult;
  problem?: BaselineProblem;
  /** Undefined without a token. */
  client: GitHubClient | undefined;
}

/**
 * Whether the inputs or the config ask for a drift comparison. planDrift settles what is compared
 * once the base's rules are known; this only decides, before that, whether the data can be the
 * run when no metrics files are named.
 */
function driftAsked(inputs: DriftInputs, config: MlciConfig): boolean {
  return (
    inputs.reference !== undefined ||
    inputs.current !== undefined ||
    config.drift?.reference !== undefined ||
    config.drift?.current !== undefined
  );
}

/**
 * Data alone: the commit the base's rules and data are read at (the merge base, else the base
 * commit), with no metrics looked for. Without a token none is asked: the rules are then the pull
 * request's own, and `base` is read from the clone at the event's base commit (driftBase).
 */
async function locateBaseCommit(
  io: ActionIO,
  inputs: CompareInputs,
  context: GitHubContext,
): Promise<Located> {
  const result: BaselineResult = {
    attempts: [],
    failures: [],
    commits: [],
    snapshots: [],
    expressions: new Map(),
  };
  if (inputs.token === undefined) {
    io.info("No token: the base's rules are not read (this pull request is judged by its own).");
    return { result, client: undefined };
  }
  const log = loggerOf(io);
  const client = createClient({ token: inputs.token, apiUrl: context.apiUrl, log, paceWrites: false });
  const target = baseOf(context);
  if (target === undefined) return { result, client };
  const { commits, failures } = await findBaseCommits(client, {
    owner: context.owner,
    repo: context.repo,
    base: target,
    ...(target.headSha !== undefined ? { headSha: target.headSha } : {}),
    log,
  });
  for (const failure of failures)
    io.warning(`${failure.text}: the base's rules and data are read at ${commits[0]!.label} instead.`);
  return { result: { ...result, commits }, client };
}

/**
 * Data alone with no drift planned: the pull request's own config asks for drift, the base's
 * (which judges) does not yet, and there is no metrics file either. Nothing would be judged, and
 * an empty check must not pass for a checked one.
 */
function planOrFail(
  plan: DriftPlan | undefined,
  dataAlone: boolean,
  judgedBy: string | undefined,
): DriftPlan | undefined {
  if (plan !== undefined || !dataAlone) return plan;
  throw new ConfigurationError(
    `nothing to judge: no metrics files are named, and the data is not compared because ${judgedBy ?? "the base's config"} has no drift.reference (under gates-from: base the base's rules judge, so a new drift: section applies once merged). Set the inputs drift-reference and drift-current in the workflow, which apply now, or name the metrics files (files, or files: in the config)`,
  );
}

async function locateBaseline(
  io: ActionIO,
  inputs: CompareInputs,
  setup: MetricsSetup,
  context: GitHubContext,
  env: NodeJS.ProcessEnv,
): Promise<Located> {
  const target = baseOf(context);
  const log = loggerOf(io);
  let sources = inputs.baselineSources;
  if (inputs.token === undefined || target === undefined) {
    // Without a token (or a commit to compare with) only a local path can be a baseline.
    sources = sources.filter((s) => s === 'path');
    if (inputs.token === undefined) io.info('No token: only the baseline-path source is tried.');
  }
  const client = createClient({
    token: inputs.token ?? 'none',
    apiUrl: context.apiUrl,
    log,
    paceWrites: false,
  });
  const result = await findBaseline(client, {
    owner: context.owner,
    repo: context.repo,
    base: target ?? { ref: '', sha: context.sha },
    ...(target?.headSha !== undefined ? { headSha: target.headSha } : {}),
    sources,
    paths: setup.files.map((f) => f.path),
    repeats: setup.repeats,
    // Read with the metrics, in the same requests: the base's own rules, its predictions and its
    // plot files (the report draws the base's confusion matrix and curves beside the pull request's).
    alsoFetch: [
      ...configPaths(setup),
      ...(await predictionsOfEveryRun(inputs, setup)),
      ...plotRepositoryPaths(setup.config),
      // The base's pipeline state, when the pull request has one (pipelineChanges).
      ...(existsSync(dvcLockPath(setup)) ? [dvcLockPath(setup)] : []),
    ],
    // The history's summary rides in the same query (read by readBaseHistory).
    ...(inputs.history === 'false' ? {} : { alsoFetchExpressions: [historyAt(inputs, setup)] }),
    artifactName: inputs.baselineArtifact,
    historyBranch: inputs.historyBranch,
    // The report this comparison is for: a matrix job finds its own history, not its neighbour's.
    reportId: inputs.reportId ?? setup.config?.report.id ?? DEFAULT_REPORT_ID,
    ...(inputs.baselineWorkflow !== undefined ? { workflow: inputs.baselineWorkflow } : {}),
    ...(inputs.baselinePath !== undefined ? { path: inputs.baselinePath } : {}),
    ...(env.RUNNER_TEMP ? { workDir: env.RUNNER_TEMP } : {}),
    log,
  });
  const usable = inputs.token !== undefined ? client : undefined;
  if (result.found === undefined) {
    const problem = await missingBaselineProblem(inputs, context, result, sources, client);
    return problem === undefined ? { result, client: usable } : { result, problem, client: usable };
  }
  return { base: await readBaselineRuns(result.found, setup, inputs.format), result, client: usable };
}

/** A maintainer's label accepting this head's regressions, checked through the API (acceptance.ts). */
async function acceptanceOf(
  io: ActionIO,
  inputs: CompareInputs,
  context: GitHubContext,
  client: GitHubClient | undefined,
): Promise<Acceptance | undefined> {
  const event = context.event;
  if (inputs.acceptLabel === '' || event.kind !== 'pull_request') return undefined;
  if (client === undefined) {
    if (event.labels.includes(inputs.acceptLabel))
      io.warning(`The label "${inputs.acceptLabel}" cannot be checked without a token: not accepted.`);
    return undefined;
  }
  const result = await findAcceptance(client, {
    owner: context.owner,
    repo: context.repo,
    event,
    label: inputs.acceptLabel,
  });
  if (result.note !== undefined) io.warning(`Regressions not accepted: ${result.note}.`);
  if (result.accepted !== undefined)
    io.info(
      `Regressions of ${event.headSha.slice(0, 7)} accepted by @${result.accepted.by} (label "${result.accepted.label}").`,
    );
  return result.accepted;
}

/**
 * The rules a pull request is judged by: by default the gates, metric settings and statistics
 * settings of the config as committed at the merge base (gates-from: base), so that a pull request
 * cannot loosen them; its own changes are returned to be shown. The base's config that could not
 * be fetched fails the comparison (its rules are unknown); one that does not exist or does not
 * parse leaves the pull request's own, and says so.
 */
async function rulesOf(
  io: ActionIO,
  inputs: CompareInputs,
  setup: MetricsSetup,
  context: GitHubContext,
  located: { result: BaselineResult; client: GitHubClient | undefined },
): Promise<{
  config: MlciConfig;
  changes?: ConfigChanges;
  problem?: BaselineProblem;
  /** The base's whole config, when it judges (the drift step takes its settings from it too). */
  base?: { config: MlciConfig; label: string };
}> {
  const own = { config: setup.config };
  const event = context.event;
  if (inputs.gatesFrom === 'head' || event.kind !== 'pull_request' || located.client === undefined)
    return own;
  const at = located.result.commits[0] ?? {
    sha: event.baseSha,
    label: `${event.baseRef}@${event.baseSha.slice(0, 7)} (base)`,
  };
  // The contents source fetched the config with the metrics when it looked at this commit.
  const snapshot = located.result.snapshots.find((s) => s.sha === at.sha);
  for (const path of configPaths(setup)) {
    let text: string | undefined;
    try {
      text =
        snapshot !== undefined
          ? snapshot.present.includes(path)
            ? await readFile(join(snapshot.dir, path), 'utf8')
            : undefined
          : await fileAt(located.client, { owner: context.owner, repo: context.repo, ref: at.sha, path });
    } catch (error) {
      const status = statusOf(error);
      return {
        ...own,
        problem: {
          kind: 'unavailable',
          detail: `the gates of ${at.label} (${path}): ${status === undefined ? '' : `${status} `}${messageOf(error)}`,
        },
      };
    }
    if (text === undefined) continue;
    let base: MlciConfig;
    try {
      base = parseConfig(text, `${at.label}:${path}`);
    } catch (error) {
      io.warning(
        `The base's ${path} does not parse (${messageOf(error)}): this pull request is judged by its own gates.`,
      );
      return own;
    }
    io.info(`Gates from ${at.label}:${path} (gates-from: base).`);
    const changes = diffConfigs(base, setup.config, at.label);
    if (changes !== undefined)
      io.warning(
        `This pull request changes its gates (${changes.gatesAdded.length} added, ${changes.gatesRemoved.length} removed, ${changes.settings.length} settings); they take effect after the merge.`,
        { title: 'mlci: gates changed' },
      );
    const judging = { config: base, label: `${at.label}:${path}` };
    return changes === undefined
      ? { config: gatingConfig(base, setup.config), base: judging }
      : { config: gatingConfig(base, setup.config), changes, base: judging };
  }
  io.info(`No config file at ${at.label}: this pull request is judged by its own gates.`);
  return own;
}

/**
 * The tests behind paired gates: the pull request's per-example predictions (head-predictions, else
 * the config's report.predictions) against the baseline's, given (base-predictions) or fetched with
 * the baseline at the same path. When either side is missing, every paired gate says which.
 */
async function pairedStatistics(
  inputs: CompareInputs,
  setup: MetricsSetup,
  found: FoundBaseline | undefined,
): Promise<GateStatistics> {
  const path = predictionsPath(inputs, setup);
  if (path === undefined && inputs.basePredictions === undefined) return statisticsFor({});
  const headFile = inputs.headPredictions ?? path;
  if (headFile === undefined || !existsSync(headFile)) {
    return gateStatistics({
      predictionsUnavailable: `the pull request's run wrote no per-example predictions${headFile === undefined ? ' (set head-predictions, or report.predictions in .mlci.yml)' : ` at ${headFile}`}`,
    });
  }
  let baseFile = inputs.basePredictions;
  let shown: string | undefined;
  if (baseFile === undefined && found !== undefined && path !== undefined && found.source !== 'history') {
    const fetched =
      found.source === 'path' && !statSync(found.dir).isDirectory() ? undefined : join(found.dir, path);
    if (fetched !== undefined && existsSync(fetched)) {
      baseFile = fetched;
      shown = `${found.label}:${path}`;
    }
  }
  if (baseFile === undefined) {
    const why =
      found === undefined
        ? 'no baseline was found'
        : found.source === 'history'
          ? `the baseline came from the ${inputs.historyBranch} branch (${found.label}), which keeps no per-example predictions: commit them at ${path} on the base branch or upload them in the ${inputs.baselineArtifact} artifact, or set base-predictions`
          : `the baseline (${found.label}, ${found.source}) has no per-example predictions at ${path}`;
    return gateStatistics({ predictionsUnavailable: why });
  }
  const pair = await loadPredictionPair(baseFile, headFile);
  if (shown !== undefined && pair.base !== undefined) pair.base = { ...pair.base, file: shown };
  return statisticsFor(pair);
}

/**
 * The commit `drift-reference: base` reads the current data's path at: the one the base's gates
 * come from (the merge base, else the base commit), else the event's base when no commit was
 * looked up (no token, or only a local baseline path).
 */
function driftBase(
  context: GitHubContext,
  located: { result: BaselineResult; client: GitHubClient | undefined },
  env: NodeJS.ProcessEnv,
): BaseCommit | undefined {
  const target = baseOf(context);
  const at =
    located.result.commits[0] ??
    (target === undefined
      ? undefined
      : { sha: target.sha, label: `${target.ref}@${target.sha.slice(0, 7)} (base)` });
  if (at === undefined) return undefined;
  return {
    sha: at.sha,
    label: at.label,
    owner: context.owner,
    repo: context.repo,
    ...(located.client !== undefined ? { client: located.client } : {}),
    ...(env.RUNNER_TEMP ? { workDir: env.RUNNER_TEMP } : {}),
  };
}

/** The pull request's `dvc.lock`: beside the config file, else at the workspace's root. */
function dvcLockPath(setup: MetricsSetup): string {
  const folder = setup.config.file === undefined ? '.' : dirname(setup.config.file);
  return join(folder, 'dvc.lock').replace(/\\/g, '/').replace(/^\.\//, '');
}

/**
 * What changed in the DVC pipeline: the pull request's `dvc.lock` against the one of the commit the
 * baseline came from (the merge base when the baseline has no commit), read from the files fetched
 * with the baseline or asked for. The pipeline is context, not a gate: a lock that cannot be fetched
 * or parsed is a warning that names it, and the comparison goes on without the section.
 */
async function pipelineChanges(
  io: ActionIO,
  setup: MetricsSetup,
  context: GitHubContext,
  located: { result: BaselineResult; client: GitHubClient | undefined },
): Promise<DvcLockDiff | undefined> {
  const path = dvcLockPath(setup);
  if (!existsSync(path)) return undefined;
  const found = located.result.found;
  const at = found?.sha !== undefined ? { sha: found.sha, label: found.label } : located.result.commits[0];
  if (at === undefined) {
    io.info(`${path} is not compared: no base commit to read the base's from.`);
    return undefined;
  }
  const shown = `${at.label}:${path}`;
  try {
    const head = await readDvcLock(path);
    const snapshot = located.result.snapshots.find((s) => s.sha === at.sha);
    let base;
    if (snapshot !== undefined) {
      if (!snapshot.present.includes(path)) {
        io.info(`${path} is not compared: ${at.label} has none.`);
        return undefined;
      }
      base = await readDvcLock(join(snapshot.dir, path), shown);
    } else {
      if (located.client === undefined) {
        io.info(`${path} is not compared: the base's cannot be fetched without a token.`);
        return undefined;
      }
      const text = await fileAt(located.client, {
        owner: context.owner,
        repo: context.repo,
        ref: at.sha,
        path,
      });
      if (text === undefined) {
        io.info(`${path} is not compared: ${at.label} has none.`);
        return undefined;
      }
      base = parseDvcLock(text, shown);
    }
    const diff = diffDvcLocks(base, head, { file: path, base: at.label });
    return isUnchangedPipeline(diff) ? undefined : diff;
  } catch (error) {
    // A lock that does not parse, or a request that failed; anything else is a bug and stays one.
    const status = statusOf(error);
    if (!isMlciError(error) && status === undefined) throw error;
    io.warning(
      `The pipeline changes (${path} against ${shown}) are not shown: ${isMlciError(error) ? error.message : `${status} ${messageOf(error)}`}`,
      { title: 'mlci: dvc.lock not compared' },
    );
    return undefined;
  }
}

/** The history summary of this report, as `branch:path`. */
function historyAt(inputs: CompareInputs, setup: MetricsSetup): string {
  return historyExpression(
    inputs.historyBranch,
    inputs.reportId ?? setup.config?.report.id ?? DEFAULT_REPORT_ID,
  );
}

/** Where the base's config is looked for: the file the run uses, else the default names. */
function configPaths(setup: MetricsSetup): string[] {
  return setup.config.file !== undefined
    ? [setup.config.file.replace(/\\/g, '/').replace(/^\.\//, '')]
    : [...DEFAULT_CONFIG_NAMES];
}

/**
 * The predictions to fetch with the baseline: the file, and with several runs (`repeats:`) the
 * same file in each run's folder as the pull request's runs are named (the base's runs usually
 * are too), so that the report can sum every seed, not show one. All ride in the one query.
 */
async function predictionsOfEveryRun(inputs: CompareInputs, setup: MetricsSetup): Promise<string[]> {
  const path = predictionsPath(inputs, setup);
  if (path === undefined) return [];
  const perRun = predictionsOfRuns(path, await runFolders('.', setup.repeats));
  return [...new Set([path, ...(perRun ?? [])])];
}

/** The per-example predictions file of a run, in the repository: the input, else the config's. */
function predictionsPath(inputs: CompareInputs, setup: MetricsSetup): string | undefined {
  const path = inputs.headPredictions ?? setup.config.report.predictions;
  if (path === undefined) return undefined;
  const inRepo = inputs.headPredictions !== undefined ? path : relativeToConfig(setup.config, path);
  return inRepo.replace(/\\/g, '/').replace(/^\.\//, '');
}

/**
 * Why a missing baseline fails the comparison, if it does. Could not ask (any failed request): it
 * always fails, "re-run". Not found: `on-no-baseline` decides; `auto` fails a pull request once
 * the repository has recorded baselines (its history branch exists) and stays neutral before, for
 * its first reports, and for pushes and scheduled runs.
 */
async function missingBaselineProblem(
  inputs: CompareInputs,
  context: GitHubContext,
  result: BaselineResult,
  sources: readonly BaselineSource[],
  client: GitHubClient,
): Promise<BaselineProblem | undefined> {
  if (result.failures.length > 0)
    return { kind: 'unavailable', detail: result.failures.map((f) => f.text).join('; ') };
  if (inputs.onNoBaseline === 'neutral') return undefined;
  const looked = `looked at ${result.attempts.map((a) => a.text).join('; ') || 'no source'}`;
  const hint =
    'record baselines on pushes to the default branch (the report action does), or set on-no-baseline: neutral';
  if (inputs.onNoBaseline === 'fail') return { kind: 'missing', detail: `${looked}; ${hint}` };
  if (context.event.kind !== 'pull_request' || !sources.includes('history')) return undefined;
  try {
    const head = await branchHead(client, context.owner, context.repo, inputs.historyBranch);
    if (head === undefined) return undefined;
    return {
      kind: 'missing',
      detail: `${looked}, while the ${inputs.historyBranch} branch holds the baselines of earlier pushes; ${hint}`,
    };
  } catch (error) {
    const status = statusOf(error);
    return {
      kind: 'unavailable',
      detail: `the ${inputs.historyBranch} branch: ${status === undefined ? '' : `${status} `}${messageOf(error)}`,
    };
  }
}
