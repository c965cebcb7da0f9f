import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  DEFAULT_BASELINE_ARTIFACT,
  DEFAULT_BASELINE_SOURCES,
  DEFAULT_HISTORY_BRANCH,
  branchHead,
  createClient,
  fileAt,
  findAcceptance,
  findBaseline,
  messageOf,
  readContext,
  statusOf
} from "./chunk-GW753TEF.js";
import {
  annotateGates,
  failedGateTexts,
  metricsSetup,
  parseMetricsInputs,
  readBaselineRuns,
  readHead
} from "./chunk-W4M7L6UN.js";
import {
  loggerOf
} from "./chunk-WNFFA6MJ.js";
import {
  assignOptionalInputs,
  booleanInput,
  choiceInput,
  listInput,
  optionalInput,
  reportIdInput,
  writeState
} from "./chunk-OZ6WVL6A.js";
import {
  DEFAULT_CONFIG_NAMES,
  comparisonText,
  loadPredictionPair,
  statisticsFor
} from "./chunk-RA7EIOF4.js";
import "./chunk-CWKNKEBK.js";
import {
  DEFAULT_REPORT_ID,
  diffConfigs,
  gatingConfig,
  parseConfig,
  runComparison,
  stringifyDocument
} from "./chunk-7NKEQJPG.js";
import "./chunk-GWAIW46Y.js";
import {
  ConfigurationError,
  GateFailedError
} from "./chunk-HSXRBD2M.js";
import "./chunk-OW6RFRPK.js";
import "./chunk-LEDCZB2W.js";
import {
  require_node_fs
} from "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// actions/compare-metrics/src/run.ts
var import_node_fs = __toESM(require_node_fs(), 1);
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
    onNoBaseline: choiceInput(get, "on-no-baseline", ["auto", "neutral", "fail"], "auto"),
    gatesFrom: choiceInput(get, "gates-from", ["base", "head"], "base"),
    acceptLabel: get("accept-label").trim(),
    failOnGate: booleanInput(get, "fail-on-gate", false)
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
  const inputs = parseInputs(io.getInput);
  if (inputs.token !== void 0) io.setSecret(inputs.token);
  const setup = metricsSetup(inputs);
  const head = await readHead(setup, inputs.format);
  const context = readContext(env, (path2) => (0, import_node_fs.readFileSync)(path2, "utf8"));
  const located = await locateBaseline(io, inputs, setup, context, env);
  const rules = await rulesOf(io, inputs, setup, context, located);
  const problem = rules.problem === void 0 ? located.problem : {
    kind: "unavailable",
    detail: [
      located.problem?.kind === "unavailable" ? located.problem.detail : void 0,
      rules.problem.detail
    ].filter((d) => d !== void 0).join("; ")
  };
  const base = rules.problem === void 0 ? located.base : void 0;
  const result = located.result;
  const acceptance = await acceptanceOf(io, inputs, context, located.client);
  const predictions = await loadPredictionPair(inputs.basePredictions, inputs.headPredictions);
  const comparison = runComparison({
    head,
    ...base !== void 0 ? { base } : {},
    config: rules.config,
    extraGates: setup.extraGates,
    statistics: statisticsFor(predictions),
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
  const path = await writeState(inputs.stateDir, "compare", state);
  io.info(comparisonText(comparison, { metrics: true }).trimEnd());
  io.info(`
wrote ${path}`);
  if (problem?.kind === "unavailable") {
    io.error(
      `The baseline could not be fetched, so the comparison fails: ${problem.detail}. Re-run the job.`,
      {
        title: "mlci: baseline could not be fetched"
      }
    );
  } else if (base === void 0) {
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
  const paths = setup.config.file !== void 0 ? [setup.config.file.replace(/^\.\//, "")] : [...DEFAULT_CONFIG_NAMES];
  for (const path of paths) {
    let text;
    try {
      text = await fileAt(located.client, { owner: context.owner, repo: context.repo, ref: at.sha, path });
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
    return changes === void 0 ? { config: gatingConfig(base, setup.config) } : { config: gatingConfig(base, setup.config), changes };
  }
  io.info(`No config file at ${at.label}: this pull request is judged by its own gates.`);
  return own;
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
