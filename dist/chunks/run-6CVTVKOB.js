import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  driftStep
} from "./chunk-INSICB44.js";
import {
  DEFAULT_BASELINE_ARTIFACT,
  DEFAULT_BASELINE_SOURCES,
  DEFAULT_HISTORY_BRANCH,
  branchHead,
  createClient,
  fileAt,
  findAcceptance,
  findBaseCommits,
  findBaseline,
  historySummaryPath,
  messageOf,
  readContext,
  readHistorySummary,
  statusOf
} from "./chunk-KEMWW3B4.js";
import {
  actionConfig,
  annotateGates,
  clearDriftState,
  failedGateTexts,
  keepBasePlots,
  metricsSetup,
  parseDriftInputs,
  parseMetricsInputs,
  planDrift,
  plotRepositoryPaths,
  predictionsOfRuns,
  readBaselineRuns,
  readHead,
  runFolders,
  withDriftMetrics
} from "./chunk-WNPAMCI4.js";
import "./chunk-MFPTRVLM.js";
import "./chunk-GCUGJDMS.js";
import "./chunk-F56DFHV3.js";
import "./chunk-ZOJNMNFW.js";
import {
  loadPredictionPair,
  statisticsFor
} from "./chunk-WE7IKWJT.js";
import {
  DEFAULT_CONFIG_NAMES,
  comparisonText,
  relativeToConfig
} from "./chunk-4R3FL7BL.js";
import "./chunk-BBRN4AUK.js";
import "./chunk-ASNOHSSA.js";
import {
  assignOptionalInputs,
  booleanInput,
  choiceInput,
  listInput,
  optionalInput,
  reportIdInput
} from "./chunk-2G3CJ45Y.js";
import {
  DEFAULT_STATE_DIR,
  recordingStepFailure,
  statePath,
  writeState
} from "./chunk-JNPPPDWK.js";
import {
  loggerOf
} from "./chunk-BTBWC3A5.js";
import "./chunk-CWKNKEBK.js";
import "./chunk-VMLB7Z4O.js";
import {
  DEFAULT_REPORT_ID,
  diffConfigs,
  diffDvcLocks,
  gateStatistics,
  gatingConfig,
  historyTrend,
  isUnchangedPipeline,
  parseConfig,
  parseDvcLock,
  pipelineText,
  readDvcLock,
  runComparison,
  stringifyDocument,
  summaryHistory
} from "./chunk-55SCGZVG.js";
import "./chunk-IFY4HQBU.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-MTIA3I3M.js";
import "./chunk-7KQVUUA4.js";
import "./chunk-PTB36J5H.js";
import {
  require_promises
} from "./chunk-BDOKL3XF.js";
import {
  require_node_fs
} from "./chunk-ERMUBDDR.js";
import {
  require_node_path
} from "./chunk-DPFCA6DW.js";
import {
  ConfigurationError,
  GateFailedError,
  isMlciError
} from "./chunk-TQLTVCQ6.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// actions/compare-metrics/src/run.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_promises = __toESM(require_promises(), 1);
var import_node_path = __toESM(require_node_path(), 1);

// actions/compare-metrics/src/history.ts
function gatesUseHistory(gates) {
  return gates.some((gate) => gate.rule.kind === "significant");
}
async function readBaseHistory(io, options) {
  if (options.input === "false" || options.client === void 0) return {};
  const needed = gatesUseHistory([...options.config.gates, ...options.extraGates]);
  let read;
  try {
    read = await readHistorySummary(options.client, {
      owner: options.owner,
      repo: options.repo,
      branch: options.branch,
      reportId: options.reportId,
      ...options.prefetched !== void 0 ? { prefetched: options.prefetched } : {}
    });
  } catch (error) {
    if (error instanceof ConfigurationError) {
      if (needed) throw error;
      io.warning(`The history is not used: ${error.message}.`);
      return {};
    }
    const status = statusOf(error);
    const detail = `history: ${options.branch}: ${status === void 0 ? "" : `${status} `}${messageOf(error)}`;
    if (needed) return { problem: { kind: "unavailable", detail } };
    io.warning(
      `The history could not be read (${detail}): changes are compared without its noise; no gate uses it.`
    );
    return {};
  }
  const all = read.summary === void 0 ? [] : summaryHistory(read.summary);
  if (all.length === 0) {
    io.info(
      `No history: ${read.where} ${read.summary === void 0 ? "does not exist" : "holds no records"} (the report action writes it on pushes to the default branch).`
    );
    return {};
  }
  const window = options.config.statistics.historyWindow;
  const records = all.slice(-window);
  const label = records.length < all.length ? `the last ${records.length} of ${all.length} records of ${read.where}` : `${records.length} ${records.length === 1 ? "record" : "records"} of ${read.where}`;
  io.info(`History: ${label}.`);
  return { records, label };
}
function historyExpression(branch, reportId) {
  return `${branch}:${historySummaryPath(reportId)}`;
}
function trendForReport(history, comparison) {
  if (history.records === void 0 || history.label === void 0) return void 0;
  const keys = [...new Set(comparison.gates.flatMap((g) => g.metric === void 0 ? [] : [g.metric]))];
  return historyTrend(history.records, keys, history.label);
}

// actions/compare-metrics/src/run.ts
function parseInputs(get) {
  const sources = listInput(get, "baseline-sources");
  for (const source of sources) {
    if (!DEFAULT_BASELINE_SOURCES.includes(source)) {
      throw new ConfigurationError(
        `input baseline-sources: ${JSON.stringify(source)} is not a baseline source; expected some of ${DEFAULT_BASELINE_SOURCES.join(", ")}`
      );
    }
  }
  const inputs = {
    ...parseMetricsInputs(get),
    baselineSources: sources.length > 0 ? sources : [...DEFAULT_BASELINE_SOURCES],
    baselineArtifact: optionalInput(get, "baseline-artifact") ?? DEFAULT_BASELINE_ARTIFACT,
    historyBranch: optionalInput(get, "history-branch") ?? DEFAULT_HISTORY_BRANCH,
    history: choiceInput(get, "history", ["auto", "false"], "auto"),
    onNoBaseline: choiceInput(get, "on-no-baseline", ["auto", "neutral", "fail"], "auto"),
    gatesFrom: choiceInput(get, "gates-from", ["base", "head"], "base"),
    acceptLabel: get("accept-label").trim(),
    failOnGate: booleanInput(get, "fail-on-gate", false),
    drift: parseDriftInputs(get)
  };
  assignOptionalInputs(get, inputs, {
    token: "token",
    baselinePath: "baseline-path",
    baselineWorkflow: "baseline-workflow",
    basePredictions: "base-predictions",
    headPredictions: "head-predictions"
  });
  const reportId = reportIdInput(get);
  if (reportId !== void 0) inputs.reportId = reportId;
  return inputs;
}
function baseOf(context) {
  const event = context.event;
  if (event.kind === "pull_request")
    return { ref: event.baseRef, sha: event.baseSha, headSha: event.headSha };
  if (event.kind === "push") {
    if (/^0+$/.test(event.before) || event.deleted) return void 0;
    return { ref: context.ref.replace(/^refs\/heads\//, ""), sha: event.before };
  }
  return { ref: context.defaultBranch ?? context.ref.replace(/^refs\/heads\//, ""), sha: context.sha };
}
async function run(io, env = process.env) {
  const stateDir = optionalInput(io.getInput, "state-dir") ?? DEFAULT_STATE_DIR;
  await recordingStepFailure(stateDir, "compare", "compare-metrics", () => compare(io, env));
}
async function compare(io, env) {
  const inputs = parseInputs(io.getInput);
  if (inputs.token !== void 0) io.setSecret(inputs.token);
  await clearDriftState(inputs.stateDir);
  const config = actionConfig(inputs);
  const asked = driftAsked(inputs.drift, config);
  const setup = await metricsSetup(inputs, config, { discover: !asked });
  for (const line of setup.discovered ?? []) io.info(line);
  const dataAlone = asked && setup.files.length === 0 && setup.repeats.length === 0;
  if (dataAlone)
    io.info(
      "Data alone: no metrics files are named (files, repeats, or files: in the config), so the drift metrics are the run; no metrics baseline is looked for."
    );
  const read = dataAlone ? void 0 : await readHead(setup, inputs.format);
  const context = readContext(env, (path2) => (0, import_node_fs.readFileSync)(path2, "utf8"));
  const located = dataAlone ? await locateBaseCommit(io, inputs, context) : await locateBaseline(io, inputs, setup, context, env);
  const rules = await rulesOf(io, inputs, setup, context, located);
  const plan = planOrFail(
    planDrift({
      inputs: inputs.drift,
      config: setup.config,
      ...rules.base !== void 0 ? { rules: rules.base } : {},
      baseAllowed: true,
      log: (line) => io.info(line)
    }),
    dataAlone,
    rules.base?.label
  );
  const driftAt = driftBase(context, located, env);
  const drift = plan === void 0 ? void 0 : await driftStep(io, {
    step: "compare-metrics",
    stateDir: inputs.stateDir,
    plan,
    ...driftAt !== void 0 ? { base: driftAt } : {}
  });
  const head = read === void 0 ? { runs: [drift.doc] } : drift === void 0 ? read : { ...read, runs: withDriftMetrics(read.runs, drift.doc) };
  const history = await readBaseHistory(io, {
    input: inputs.history,
    client: located.client,
    owner: context.owner,
    repo: context.repo,
    branch: inputs.historyBranch,
    reportId: inputs.reportId ?? setup.config?.report.id ?? DEFAULT_REPORT_ID,
    config: rules.config,
    extraGates: setup.extraGates,
    ...located.result.expressions.has(historyAt(inputs, setup)) ? { prefetched: located.result.expressions.get(historyAt(inputs, setup)) } : {}
  });
  const failed = [rules.problem, history.problem].filter((p) => p !== void 0);
  const problem = failed.length === 0 ? located.problem : {
    kind: "unavailable",
    detail: [
      located.problem?.kind === "unavailable" ? located.problem.detail : void 0,
      ...failed.map((p) => p.detail)
    ].filter((d) => d !== void 0).join("; ")
  };
  const base = failed.length === 0 ? located.base : void 0;
  const result = located.result;
  const acceptance = await acceptanceOf(io, inputs, context, located.client);
  const statistics = await pairedStatistics(inputs, setup, base !== void 0 ? result.found : void 0);
  const comparison = runComparison({
    head,
    ...base !== void 0 ? { base } : {},
    config: rules.config,
    extraGates: setup.extraGates,
    statistics,
    ...history.records !== void 0 ? { history: history.records, historyLabel: history.label } : {},
    // Data alone has no metrics baseline by design: the gates alone decide, never "no baseline".
    ...dataAlone ? { expectBaseline: false } : {},
    ...problem !== void 0 ? { baselineProblem: problem } : {},
    ...rules.changes !== void 0 ? { configChanges: rules.changes } : {},
    ...acceptance !== void 0 ? { acceptance } : {}
  });
  const state = {
    schema: "mlci/compare",
    version: 1,
    comparison,
    head: head.runs,
    attempts: result.attempts
  };
  if (base !== void 0 && result.found !== void 0) {
    state.base = base.runs;
    state.baseline = { label: result.found.label, source: result.found.source };
    if (result.found.sha !== void 0) state.baseline.sha = result.found.sha;
  }
  const trend = trendForReport(history, comparison);
  if (trend !== void 0) state.history = trend;
  const basePlots = await keepBasePlots({
    stateDir: inputs.stateDir,
    found: base !== void 0 ? result.found : void 0,
    plots: plotRepositoryPaths(setup.config),
    ...predictionsPath(inputs, setup) !== void 0 ? { predictions: predictionsPath(inputs, setup) } : {},
    repeats: setup.repeats,
    historyBranch: inputs.historyBranch
  });
  if (basePlots !== void 0) state.basePlots = basePlots;
  const pipeline = await pipelineChanges(io, setup, context, located);
  if (pipeline !== void 0) state.pipeline = pipeline;
  const path = await writeState(inputs.stateDir, "compare", state);
  io.info(
    comparisonText(comparison, {
      metrics: true,
      ...drift !== void 0 ? { dataMetricsAt: `${statePath(inputs.stateDir, "drift")} and the report's data drift section` } : {}
    }).trimEnd()
  );
  if (pipeline !== void 0) io.info(`
${pipelineText(pipeline).trimEnd()}`);
  io.info(`
wrote ${path}`);
  if (problem?.kind === "unavailable") {
    io.error(
      `${dataAlone ? "What this comparison reads from the base (its rules, the history)" : "The baseline"} could not be fetched, so the comparison fails: ${problem.detail}. Re-run the job.`,
      {
        title: "mlci: baseline could not be fetched"
      }
    );
  } else if (base === void 0 && !dataAlone) {
    io.warning(
      `No baseline found, so nothing was compared: ${result.attempts.map((a) => a.text).join("; ") || "no source could be tried"}${problem !== void 0 ? `. ${problem.detail}` : ""}`,
      { title: "mlci: no baseline" }
    );
  } else if (result.failures.length > 0) {
    io.warning(
      `Some baseline sources could not be asked (${result.failures.map((f) => f.text).join("; ")}); the baseline came from ${result.found.label} (${result.found.source}).`
    );
  }
  annotateGates(io, comparison);
  io.setOutput("passed", String(comparison.verdict.kind !== "failed"));
  io.setOutput("verdict", comparison.verdict.kind);
  io.setOutput("failed-gates", JSON.stringify(failedGateTexts(comparison)));
  io.setOutput("baseline", result.found?.label ?? "");
  io.setOutput("comparison", stringifyDocument(comparison, 0));
  io.setOutput("state-path", path);
  if (inputs.failOnGate && comparison.verdict.kind === "failed")
    throw new GateFailedError(comparison.verdict.summary);
}
function driftAsked(inputs, config) {
  return inputs.reference !== void 0 || inputs.current !== void 0 || config.drift?.reference !== void 0 || config.drift?.current !== void 0;
}
async function locateBaseCommit(io, inputs, context) {
  const result = {
    attempts: [],
    failures: [],
    commits: [],
    snapshots: [],
    expressions: /* @__PURE__ */ new Map()
  };
  if (inputs.token === void 0) {
    io.info("No token: the base's rules are not read (this pull request is judged by its own).");
    return { result, client: void 0 };
  }
  const log = loggerOf(io);
  const client = createClient({ token: inputs.token, apiUrl: context.apiUrl, log, paceWrites: false });
  const target = baseOf(context);
  if (target === void 0) return { result, client };
  const { commits, failures } = await findBaseCommits(client, {
    owner: context.owner,
    repo: context.repo,
    base: target,
    ...target.headSha !== void 0 ? { headSha: target.headSha } : {},
    log
  });
  for (const failure of failures)
    io.warning(`${failure.text}: the base's rules and data are read at ${commits[0].label} instead.`);
  return { result: { ...result, commits }, client };
}
function planOrFail(plan, dataAlone, judgedBy) {
  if (plan !== void 0 || !dataAlone) return plan;
  throw new ConfigurationError(
    `nothing to judge: no metrics files are named, and the data is not compared because ${judgedBy ?? "the base's config"} has no drift.reference (under gates-from: base the base's rules judge, so a new drift: section applies once merged). Set the inputs drift-reference and drift-current in the workflow, which apply now, or name the metrics files (files, or files: in the config)`
  );
}
async function locateBaseline(io, inputs, setup, context, env) {
  const target = baseOf(context);
  const log = loggerOf(io);
  let sources = inputs.baselineSources;
  if (inputs.token === void 0 || target === void 0) {
    sources = sources.filter((s) => s === "path");
    if (inputs.token === void 0) io.info("No token: only the baseline-path source is tried.");
  }
  const client = createClient({
    token: inputs.token ?? "none",
    apiUrl: context.apiUrl,
    log,
    paceWrites: false
  });
  const result = await findBaseline(client, {
    owner: context.owner,
    repo: context.repo,
    base: target ?? { ref: "", sha: context.sha },
    ...target?.headSha !== void 0 ? { headSha: target.headSha } : {},
    sources,
    paths: setup.files.map((f) => f.path),
    repeats: setup.repeats,
    // Read with the metrics, in the same requests: the base's own rules, its predictions and its
    // plot files (the report draws the base's confusion matrix and curves beside the pull request's).
    alsoFetch: [
      ...configPaths(setup),
      ...await predictionsOfEveryRun(inputs, setup),
      ...plotRepositoryPaths(setup.config),
      // The base's pipeline state, when the pull request has one (pipelineChanges).
      ...(0, import_node_fs.existsSync)(dvcLockPath(setup)) ? [dvcLockPath(setup)] : []
    ],
    // The history's summary rides in the same query (read by readBaseHistory).
    ...inputs.history === "false" ? {} : { alsoFetchExpressions: [historyAt(inputs, setup)] },
    artifactName: inputs.baselineArtifact,
    historyBranch: inputs.historyBranch,
    // The report this comparison is for: a matrix job finds its own history, not its neighbour's.
    reportId: inputs.reportId ?? setup.config?.report.id ?? DEFAULT_REPORT_ID,
    ...inputs.baselineWorkflow !== void 0 ? { workflow: inputs.baselineWorkflow } : {},
    ...inputs.baselinePath !== void 0 ? { path: inputs.baselinePath } : {},
    ...env.RUNNER_TEMP ? { workDir: env.RUNNER_TEMP } : {},
    log
  });
  const usable = inputs.token !== void 0 ? client : void 0;
  if (result.found === void 0) {
    const problem = await missingBaselineProblem(inputs, context, result, sources, client);
    return problem === void 0 ? { result, client: usable } : { result, problem, client: usable };
  }
  return { base: await readBaselineRuns(result.found, setup, inputs.format), result, client: usable };
}
async function acceptanceOf(io, inputs, context, client) {
  const event = context.event;
  if (inputs.acceptLabel === "" || event.kind !== "pull_request") return void 0;
  if (client === void 0) {
    if (event.labels.includes(inputs.acceptLabel))
      io.warning(`The label "${inputs.acceptLabel}" cannot be checked without a token: not accepted.`);
    return void 0;
  }
  const result = await findAcceptance(client, {
    owner: context.owner,
    repo: context.repo,
    event,
    label: inputs.acceptLabel
  });
  if (result.note !== void 0) io.warning(`Regressions not accepted: ${result.note}.`);
  if (result.accepted !== void 0)
    io.info(
      `Regressions of ${event.headSha.slice(0, 7)} accepted by @${result.accepted.by} (label "${result.accepted.label}").`
    );
  return result.accepted;
}
async function rulesOf(io, inputs, setup, context, located) {
  const own = { config: setup.config };
  const event = context.event;
  if (inputs.gatesFrom === "head" || event.kind !== "pull_request" || located.client === void 0)
    return own;
  const at = located.result.commits[0] ?? {
    sha: event.baseSha,
    label: `${event.baseRef}@${event.baseSha.slice(0, 7)} (base)`
  };
  const snapshot = located.result.snapshots.find((s) => s.sha === at.sha);
  for (const path of configPaths(setup)) {
    let text;
    try {
      text = snapshot !== void 0 ? snapshot.present.includes(path) ? await (0, import_promises.readFile)((0, import_node_path.join)(snapshot.dir, path), "utf8") : void 0 : await fileAt(located.client, { owner: context.owner, repo: context.repo, ref: at.sha, path });
    } catch (error) {
      const status = statusOf(error);
      return {
        ...own,
        problem: {
          kind: "unavailable",
          detail: `the gates of ${at.label} (${path}): ${status === void 0 ? "" : `${status} `}${messageOf(error)}`
        }
      };
    }
    if (text === void 0) continue;
    let base;
    try {
      base = parseConfig(text, `${at.label}:${path}`);
    } catch (error) {
      io.warning(
        `The base's ${path} does not parse (${messageOf(error)}): this pull request is judged by its own gates.`
      );
      return own;
    }
    io.info(`Gates from ${at.label}:${path} (gates-from: base).`);
    const changes = diffConfigs(base, setup.config, at.label);
    if (changes !== void 0)
      io.warning(
        `This pull request changes its gates (${changes.gatesAdded.length} added, ${changes.gatesRemoved.length} removed, ${changes.settings.length} settings); they take effect after the merge.`,
        { title: "mlci: gates changed" }
      );
    const judging = { config: base, label: `${at.label}:${path}` };
    return changes === void 0 ? { config: gatingConfig(base, setup.config), base: judging } : { config: gatingConfig(base, setup.config), changes, base: judging };
  }
  io.info(`No config file at ${at.label}: this pull request is judged by its own gates.`);
  return own;
}
async function pairedStatistics(inputs, setup, found) {
  const path = predictionsPath(inputs, setup);
  if (path === void 0 && inputs.basePredictions === void 0) return statisticsFor({});
  const headFile = inputs.headPredictions ?? path;
  if (headFile === void 0 || !(0, import_node_fs.existsSync)(headFile)) {
    return gateStatistics({
      predictionsUnavailable: `the pull request's run wrote no per-example predictions${headFile === void 0 ? " (set head-predictions, or report.predictions in .mlci.yml)" : ` at ${headFile}`}`
    });
  }
  let baseFile = inputs.basePredictions;
  let shown;
  if (baseFile === void 0 && found !== void 0 && path !== void 0 && found.source !== "history") {
    const fetched = found.source === "path" && !(0, import_node_fs.statSync)(found.dir).isDirectory() ? void 0 : (0, import_node_path.join)(found.dir, path);
    if (fetched !== void 0 && (0, import_node_fs.existsSync)(fetched)) {
      baseFile = fetched;
      shown = `${found.label}:${path}`;
    }
  }
  if (baseFile === void 0) {
    const why = found === void 0 ? "no baseline was found" : found.source === "history" ? `the baseline came from the ${inputs.historyBranch} branch (${found.label}), which keeps no per-example predictions: commit them at ${path} on the base branch or upload them in the ${inputs.baselineArtifact} artifact, or set base-predictions` : `the baseline (${found.label}, ${found.source}) has no per-example predictions at ${path}`;
    return gateStatistics({ predictionsUnavailable: why });
  }
  const pair = await loadPredictionPair(baseFile, headFile);
  if (shown !== void 0 && pair.base !== void 0) pair.base = { ...pair.base, file: shown };
  return statisticsFor(pair);
}
function driftBase(context, located, env) {
  const target = baseOf(context);
  const at = located.result.commits[0] ?? (target === void 0 ? void 0 : { sha: target.sha, label: `${target.ref}@${target.sha.slice(0, 7)} (base)` });
  if (at === void 0) return void 0;
  return {
    sha: at.sha,
    label: at.label,
    owner: context.owner,
    repo: context.repo,
    ...located.client !== void 0 ? { client: located.client } : {},
    ...env.RUNNER_TEMP ? { workDir: env.RUNNER_TEMP } : {}
  };
}
function dvcLockPath(setup) {
  const folder = setup.config.file === void 0 ? "." : (0, import_node_path.dirname)(setup.config.file);
  return (0, import_node_path.join)(folder, "dvc.lock").replace(/\\/g, "/").replace(/^\.\//, "");
}
async function pipelineChanges(io, setup, context, located) {
  const path = dvcLockPath(setup);
  if (!(0, import_node_fs.existsSync)(path)) return void 0;
  const found = located.result.found;
  const at = found?.sha !== void 0 ? { sha: found.sha, label: found.label } : located.result.commits[0];
  if (at === void 0) {
    io.info(`${path} is not compared: no base commit to read the base's from.`);
    return void 0;
  }
  const shown = `${at.label}:${path}`;
  try {
    const head = await readDvcLock(path);
    const snapshot = located.result.snapshots.find((s) => s.sha === at.sha);
    let base;
    if (snapshot !== void 0) {
      if (!snapshot.present.includes(path)) {
        io.info(`${path} is not compared: ${at.label} has none.`);
        return void 0;
      }
      base = await readDvcLock((0, import_node_path.join)(snapshot.dir, path), shown);
    } else {
      if (located.client === void 0) {
        io.info(`${path} is not compared: the base's cannot be fetched without a token.`);
        return void 0;
      }
      const text = await fileAt(located.client, {
        owner: context.owner,
        repo: context.repo,
        ref: at.sha,
        path
      });
      if (text === void 0) {
        io.info(`${path} is not compared: ${at.label} has none.`);
        return void 0;
      }
      base = parseDvcLock(text, shown);
    }
    const diff = diffDvcLocks(base, head, { file: path, base: at.label });
    return isUnchangedPipeline(diff) ? void 0 : diff;
  } catch (error) {
    const status = statusOf(error);
    if (!isMlciError(error) && status === void 0) throw error;
    io.warning(
      `The pipeline changes (${path} against ${shown}) are not shown: ${isMlciError(error) ? error.message : `${status} ${messageOf(error)}`}`,
      { title: "mlci: dvc.lock not compared" }
    );
    return void 0;
  }
}
function historyAt(inputs, setup) {
  return historyExpression(
    inputs.historyBranch,
    inputs.reportId ?? setup.config?.report.id ?? DEFAULT_REPORT_ID
  );
}
function configPaths(setup) {
  return setup.config.file !== void 0 ? [setup.config.file.replace(/\\/g, "/").replace(/^\.\//, "")] : [...DEFAULT_CONFIG_NAMES];
}
async function predictionsOfEveryRun(inputs, setup) {
  const path = predictionsPath(inputs, setup);
  if (path === void 0) return [];
  const perRun = predictionsOfRuns(path, await runFolders(".", setup.repeats));
  return [.../* @__PURE__ */ new Set([path, ...perRun ?? []])];
}
function predictionsPath(inputs, setup) {
  const path = inputs.headPredictions ?? setup.config.report.predictions;
  if (path === void 0) return void 0;
  const inRepo = inputs.headPredictions !== void 0 ? path : relativeToConfig(setup.config, path);
  return inRepo.replace(/\\/g, "/").replace(/^\.\//, "");
}
async function missingBaselineProblem(inputs, context, result, sources, client) {
  if (result.failures.length > 0)
    return { kind: "unavailable", detail: result.failures.map((f) => f.text).join("; ") };
  if (inputs.onNoBaseline === "neutral") return void 0;
  const looked = `looked at ${result.attempts.map((a) => a.text).join("; ") || "no source"}`;
  const hint = "record baselines on pushes to the default branch (the report action does), or set on-no-baseline: neutral";
  if (inputs.onNoBaseline === "fail") return { kind: "missing", detail: `${looked}; ${hint}` };
  if (context.event.kind !== "pull_request" || !sources.includes("history")) return void 0;
  try {
    const head = await branchHead(client, context.owner, context.repo, inputs.historyBranch);
    if (head === void 0) return void 0;
    return {
      kind: "missing",
      detail: `${looked}, while the ${inputs.historyBranch} branch holds the baselines of earlier pushes; ${hint}`
    };
  } catch (error) {
    const status = statusOf(error);
    return {
      kind: "unavailable",
      detail: `the ${inputs.historyBranch} branch: ${status === void 0 ? "" : `${status} `}${messageOf(error)}`
    };
  }
}
export {
  baseOf,
  parseInputs,
  run
};
