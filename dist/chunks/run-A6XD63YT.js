import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  DEFAULT_ASSETS_BRANCH,
  DEFAULT_ASSETS_KEEP_DAYS,
  DEFAULT_HISTORY_BRANCH,
  STAMP_ROOM,
  assertForkSafe,
  createClient,
  findPullRequestForRun,
  isReadOnlyError,
  issueMarker,
  messageOf,
  prunePushFolders,
  publishAssets,
  publishCheckRun,
  raiseReportIssue,
  readBranchHeadEarly,
  readContext,
  recordHistoryWithSummary,
  removeAssetsFolder,
  resolveReportIssue,
  statusOf,
  upsertReportComment
} from "./chunk-KEMWW3B4.js";
import {
  actionConfig,
  checkOwnNumbers,
  decodeComparisonState,
  gateAnnotations,
  loadReportPlots,
  parseMetricsInputs,
  predictionsOfRuns,
  readDriftState,
  repeatPatterns,
  runFolders
} from "./chunk-WNPAMCI4.js";
import "./chunk-MFPTRVLM.js";
import "./chunk-GCUGJDMS.js";
import "./chunk-F56DFHV3.js";
import {
  loadExtraContent
} from "./chunk-ZOJNMNFW.js";
import "./chunk-WE7IKWJT.js";
import {
  comparisonText,
  relativeToConfig
} from "./chunk-4R3FL7BL.js";
import "./chunk-BBRN4AUK.js";
import "./chunk-ASNOHSSA.js";
import {
  assignOptionalInputs,
  booleanInput,
  choiceInput,
  integerInput,
  listInput,
  optionalInput,
  reportIdInput
} from "./chunk-2G3CJ45Y.js";
import {
  StepFailedError,
  checkStepFailures,
  readJsonFile,
  readState,
  statePath
} from "./chunk-JNPPPDWK.js";
import {
  loggerOf
} from "./chunk-BTBWC3A5.js";
import {
  require_node_child_process
} from "./chunk-CWKNKEBK.js";
import "./chunk-VMLB7Z4O.js";
import {
  DEFAULT_REPORT_ID,
  HISTORY_SUMMARY_RECORDS,
  MAX_COMMENT_LENGTH,
  MAX_HISTORY_SUMMARY_RECORDS,
  TRAIN_SCHEMA,
  buildReport,
  decodeComparison,
  decodeDriftReport,
  decodeDvcLockDiff,
  matrixVerdict,
  renderMarkdown,
  renderMatrixMarkdown,
  reportMarker,
  trendEntries,
  writeReportFolder
} from "./chunk-55SCGZVG.js";
import "./chunk-IFY4HQBU.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-MTIA3I3M.js";
import "./chunk-7KQVUUA4.js";
import "./chunk-PTB36J5H.js";
import "./chunk-BDOKL3XF.js";
import {
  require_node_fs
} from "./chunk-ERMUBDDR.js";
import {
  require_node_path
} from "./chunk-DPFCA6DW.js";
import {
  ConfigurationError,
  GateFailedError,
  MlciError,
  isMlciError
} from "./chunk-TQLTVCQ6.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// actions/report/src/run.ts
var import_node_fs2 = __toESM(require_node_fs(), 1);
var import_node_path2 = __toESM(require_node_path(), 1);

// actions/shared/src/fork.ts
var import_node_child_process = __toESM(require_node_child_process(), 1);
function refuseForkCheckoutWithWriteToken(context, workspace) {
  if (context.event.kind !== "pull_request" || context.event.trigger !== "pull_request_target") return;
  let head;
  try {
    head = (0, import_node_child_process.execFileSync)("git", ["rev-parse", "HEAD"], {
      cwd: workspace ?? process.cwd(),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"]
    }).trim();
  } catch {
    head = void 0;
  }
  assertForkSafe(context, { runsCode: true, ...head !== void 0 ? { checkedOutSha: head } : {} });
}

// actions/shared/src/stopwatch.ts
function stopwatch(now = () => performance.now(), pageFaults = () => process.resourceUsage().minorPageFault) {
  let last = 0;
  let lastFaults = 0;
  const laps = [];
  return {
    lap(name) {
      const time = now();
      const faults = pageFaults();
      laps.push([name, time - last, faults - lastFaults]);
      last = time;
      lastFaults = faults;
    },
    toString() {
      return laps.map(([name, ms, faults]) => `${name} ${Math.round(ms)} ms (${faults} page faults)`).join(", ");
    }
  };
}

// actions/report/src/saved-report.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var MAX_REPORT_JSON = 32 * 1024 * 1024;
var MAX_CHART_BYTES = 5 * 1024 * 1024;
var MAX_CHARTS = 30;
var SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.png$/;
var PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
async function readSavedReport(dir, options = {}) {
  const file = (0, import_node_path.join)(dir, "report.json");
  if (!(0, import_node_fs.existsSync)(file)) {
    throw new ConfigurationError(
      `input saved-report: ${file} does not exist; download the artifact the pull request's run uploaded (actions/download-artifact) into ${dir}`
    );
  }
  const doc = await readJsonFile(file, { maxBytes: MAX_REPORT_JSON });
  if (doc === null || typeof doc !== "object" || doc.schema !== "mlci/report" || doc.version !== 1) {
    throw new ConfigurationError(`${file}: expected an mlci/report document of version 1`);
  }
  const id = typeof doc.id === "string" && /^[A-Za-z0-9._/-]{1,100}$/.test(doc.id) ? doc.id : void 0;
  if (id === void 0)
    throw new ConfigurationError(`${file}: id: expected letters, digits and . _ / - only`);
  const title = typeof doc.title === "string" ? doc.title.slice(0, 200) : "mlci report";
  const comparison = decodeComparison(doc.comparison, `${file}: comparison`, options);
  if (!Array.isArray(doc.charts) || doc.charts.length > MAX_CHARTS) {
    throw new ConfigurationError(`${file}: charts: expected a list of at most ${MAX_CHARTS} charts`);
  }
  const drift = doc.drift === void 0 || doc.drift === null ? void 0 : decodeDriftReport(doc.drift, file, { at: "drift" });
  const charts = doc.charts.map((chart, i) => {
    const image = savedChart(dir, file, chart, i);
    if (drift === void 0) delete image.section;
    return image;
  });
  const recorded = doc.comparison?.acceptance;
  const acceptanceIgnored = options.trustAcceptance === false && recorded !== void 0 && recorded !== null;
  const pipeline = doc.pipeline === void 0 || doc.pipeline === null ? void 0 : decodeDvcLockDiff(doc.pipeline, `${file}: pipeline`);
  return {
    id,
    title,
    comparison,
    charts,
    ...pipeline !== void 0 ? { pipeline } : {},
    ...drift !== void 0 ? { drift } : {},
    ...acceptanceIgnored ? { acceptanceIgnored } : {}
  };
}
function savedChart(dir, file, value, index) {
  const where = `${file}: charts[${index}]`;
  const chart = value;
  if (chart === null || typeof chart !== "object")
    throw new ConfigurationError(`${where}: expected an object`);
  const name = chart.file;
  if (typeof name !== "string" || !SAFE_FILE.test(name)) {
    throw new ConfigurationError(
      `${where}.file: expected a plain PNG file name, found ${JSON.stringify(name)}`
    );
  }
  const path = (0, import_node_path.join)(dir, name);
  if (!(0, import_node_fs.existsSync)(path) || !(0, import_node_fs.statSync)(path).isFile() || (0, import_node_fs.statSync)(path).size > MAX_CHART_BYTES) {
    throw new ConfigurationError(
      `${where}.file: ${name} is missing from the saved report or larger than ${MAX_CHART_BYTES} bytes`
    );
  }
  const png = (0, import_node_fs.readFileSync)(path);
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE))
    throw new ConfigurationError(`${where}.file: ${name} is not a PNG`);
  const text = (v, max, fallback) => typeof v === "string" ? v.slice(0, max) : fallback;
  const size = (v) => typeof v === "number" && Number.isFinite(v) && v > 0 && v <= 1e4 ? v : 800;
  const section = chart.section;
  if (section !== void 0 && section !== null && section !== "drift")
    throw new ConfigurationError(
      `${where}.section: expected "drift" or nothing, found ${typeof section === "string" ? JSON.stringify(section.slice(0, 40)) : typeof section}`
    );
  return {
    file: name,
    alt: text(chart.alt, 1e3, name),
    title: text(chart.title, 200, name),
    width: size(chart.width),
    height: size(chart.height),
    // A column's histogram: shown in the "Data drift" section, not with the model's charts.
    ...section === "drift" ? { section } : {},
    png
  };
}

// actions/report/src/issue.ts
var MAX_TITLE = 256;
function parseIssueInputs(get, token) {
  const title = optionalInput(get, "issue");
  const onPass = choiceInput(get, "issue-on-pass", ["close", "comment", "keep"], "close");
  const labels = listInput(get, "issue-labels");
  if (title === void 0) {
    if (labels.length > 0) {
      throw new ConfigurationError(
        "input issue-labels: set the input issue (the title) too, or remove the labels"
      );
    }
    return void 0;
  }
  if (/[\r\n]/.test(title) || [...title].length > MAX_TITLE) {
    throw new ConfigurationError(
      `input issue: expected the issue's title, one line of at most ${MAX_TITLE} characters, found ${JSON.stringify(title.slice(0, 80))}${title.length > 80 ? "..." : ""}`
    );
  }
  if (token === void 0) {
    throw new ConfigurationError(
      "input issue: opening an issue needs a token, but the input token is empty (its default is ${{ github.token }})"
    );
  }
  return { title, labels, onPass };
}
async function publishIssue(step, report) {
  const { io, client, context, log, issue } = step;
  const target = {
    owner: context.owner,
    repo: context.repo,
    marker: issueMarker(report.id),
    ...step.author !== "" ? { author: { login: step.author } } : {},
    ...issue.labels.length > 0 ? { labels: issue.labels } : {},
    log
  };
  const wanted = wantedAction(report.verdict, issue.onPass);
  if (wanted === "none") {
    io.info(
      report.verdict === "no-baseline" ? "Issue: left as it is (no baseline, so no gate was judged)." : "Issue: left as it is (issue-on-pass: keep)."
    );
    return { action: "none" };
  }
  let result;
  try {
    result = wanted === "raise" ? await raiseReportIssue(client, {
      ...target,
      title: issue.title,
      body: issueBody(report),
      comment: `${runLink(context)}: still failing. ${report.summary}`,
      ...context.runUrl !== void 0 ? { fullReportUrl: context.runUrl } : {}
    }) : await resolveReportIssue(client, {
      ...target,
      comment: `${runLink(context)}: the gates pass again. ${report.summary}${wanted === "close" ? " Closing." : ""}`,
      close: wanted === "close"
    });
  } catch (error) {
    if (isMlciError(error) || !isGitHubFailure(error)) throw error;
    const failure = describeFailure(error, wanted, report);
    io.error(failure, { title: "mlci: issue not written" });
    return { failure };
  }
  io.info(issueLine(result, issue.title));
  const outcome = { action: result.action };
  if (result.number !== void 0) outcome.number = result.number;
  if (result.url !== void 0) outcome.url = result.url;
  return outcome;
}
function wantedAction(verdict, onPass) {
  if (verdict === "failed") return "raise";
  if (verdict === "no-baseline" || onPass === "keep") return "none";
  return onPass;
}
function issueBody(report) {
  const comment = reportMarker(report.id);
  const marker = issueMarker(report.id);
  return report.markdown.includes(comment) ? report.markdown.replace(comment, marker) : `${report.markdown}
${marker}`;
}
function runLink(context) {
  const name = context.runNumber !== void 0 ? `Run ${context.runNumber}` : "This run";
  const run2 = context.runUrl !== void 0 ? `[${name}](${context.runUrl})` : name;
  return `${run2} (${context.eventName}) on ${context.sha.slice(0, 7)}`;
}
function issueLine(result, title) {
  const where = result.number !== void 0 ? ` #${result.number}${result.url !== void 0 ? ` (${result.url})` : ""}` : "";
  const duplicates = result.duplicatesClosed > 0 ? `; ${result.duplicatesClosed} duplicate(s) closed` : "";
  switch (result.action) {
    case "created":
      return `Issue opened: "${title}"${where}${duplicates}`;
    case "updated":
      return `Issue updated with this report and commented on:${where}${duplicates}`;
    case "closed":
      return `Issue closed: the gates pass again${where}${duplicates}`;
    case "commented":
      return `Issue commented on (left open, issue-on-pass: comment):${where}`;
    default:
      return `Issue: nothing to do (${result.reason ?? "no open issue"}).`;
  }
}
function isGitHubFailure(error) {
  if (statusOf(error) !== void 0) return true;
  if (!(error instanceof Error)) return false;
  const code = error.code ?? error.cause?.code;
  return error.name === "HttpError" || error.name === "RequestError" || error.name === "RequestTimeoutError" || error.message === "fetch failed" || typeof code === "string" && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code);
}
function describeFailure(error, wanted, report) {
  const status = statusOf(error);
  const what = wanted === "raise" ? "opened or updated" : wanted === "close" ? "closed" : "commented on";
  const verdict = `The verdict (${report.verdict}: ${report.summary}) is in the job summary and the report folder.`;
  if (status === 403 && !/rate limit/i.test(messageOf(error))) {
    const accepted = acceptedPermissions(error);
    return `The report's issue could not be ${what}: GitHub answered 403 (${messageOf(error)}). The token needs ${accepted ?? "issues: write"}: add \`issues: write\` to the job's \`permissions:\` (or give the GitHub App or personal access token Issues read and write). ${verdict}`;
  }
  if (status === 410) {
    return `The report's issue could not be ${what}: issues are turned off in this repository (410). Turn them on in the repository's settings, or remove the input issue. ${verdict}`;
  }
  return `The report's issue could not be ${what} (${status === void 0 ? "" : `${status} `}${messageOf(error)}); re-run the job. ${verdict}`;
}
function acceptedPermissions(error) {
  const headers = error.response?.headers;
  const header = headers?.["x-accepted-github-permissions"];
  if (typeof header !== "string" || header.trim() === "") return void 0;
  const sets = header.split(";").map(
    (set) => set.split(",").map((p) => p.trim().replace("=", ": ").replace(/_/g, "-")).filter((p) => p !== "").join(" and ")
  ).filter((set) => set !== "");
  return sets.length === 0 ? void 0 : sets.join(" or ");
}

// actions/report/src/retention.ts
function isClosedPullRequest(context) {
  return context.event.kind === "pull_request" && context.event.action === "closed";
}
async function cleanUpClosedPullRequest(io, options) {
  const { context, client } = options;
  if (context.event.kind !== "pull_request") return;
  const folder = `pr-${context.event.number}`;
  if (!options.uploadCharts) {
    io.info(
      `Pull request #${context.event.number} closed; upload-charts is off, so there is nothing to remove.`
    );
    return;
  }
  if (client === void 0) {
    io.warning(
      `Pull request #${context.event.number} closed: ${options.branch}:${folder} is not removed without a token.`
    );
    return;
  }
  try {
    const result = await removeAssetsFolder(client, {
      owner: context.owner,
      repo: context.repo,
      branch: options.branch,
      folder,
      log: loggerOf(io)
    });
    if (!result.ok) io.warning(`${options.branch}:${folder} not removed: ${result.reason}.`);
    else if (result.removed === 0)
      io.info(
        `Pull request #${context.event.number} closed: ${options.branch} holds no ${folder}/, nothing to remove.`
      );
    else
      io.info(
        `Pull request #${context.event.number} closed: removed ${folder}/ from ${options.branch} (${result.removed} files, ${Math.round(result.bytes / 1024)} KiB).`
      );
  } catch (error) {
    const status = statusOf(error);
    io.warning(
      `${options.branch}:${folder} not removed (${status === void 0 ? "" : `${status} `}${messageOf(error)}); delete the folder by hand, or leave it: it only costs space.`
    );
  }
}
async function pruneDefaultBranchCharts(io, options) {
  const { context, client, branch, keepDays } = options;
  if (keepDays === 0) return;
  if (context.event.kind !== "push" || !context.event.toDefaultBranch) return;
  try {
    const result = await prunePushFolders(client, {
      owner: context.owner,
      repo: context.repo,
      branch,
      keepDays,
      log: loggerOf(io)
    });
    if (!result.ok) io.warning(`Old default branch charts not removed from ${branch}: ${result.reason}.`);
    else if (result.removedFolders.length > 0)
      io.info(
        `Removed ${result.removedFolders.length} default branch chart ${result.removedFolders.length === 1 ? "folder" : "folders"} older than ${keepDays} days from ${branch} (${result.removed} files, ${Math.round(result.bytes / 1024)} KiB); ${result.kept} kept.`
      );
  } catch (error) {
    const status = statusOf(error);
    io.warning(
      `Old default branch charts not removed from ${branch} (${status === void 0 ? "" : `${status} `}${messageOf(error)}); the next push to the default branch tries again.`
    );
  }
}

// actions/report/src/run.ts
var PublishError = class extends MlciError {
  name = "PublishError";
};
function parseInputs(get) {
  const inputs = {
    ...parseMetricsInputs(get),
    comment: booleanInput(get, "comment", true),
    check: booleanInput(get, "check", true),
    checkName: optionalInput(get, "check-name") ?? "mlci",
    summary: booleanInput(get, "summary", true),
    uploadCharts: booleanInput(get, "upload-charts", true),
    assetsBranch: optionalInput(get, "assets-branch") ?? DEFAULT_ASSETS_BRANCH,
    assetsKeepDays: integerInput(get, "assets-keep-days", DEFAULT_ASSETS_KEEP_DAYS, 0, 36500),
    recordHistory: choiceInput(get, "record-history", ["auto", "true", "false"], "auto"),
    historyBranch: optionalInput(get, "history-branch") ?? DEFAULT_HISTORY_BRANCH,
    plots: listInput(get, "plots"),
    extra: listInput(get, "extra"),
    commentAuthor: optionalInput(get, "comment-author") ?? "",
    failOnGate: booleanInput(get, "fail-on-gate", true),
    preview: booleanInput(get, "preview", false)
  };
  assignOptionalInputs(get, inputs, {
    token: "token",
    title: "title",
    savedReport: "saved-report",
    mergeReports: "merge-reports",
    reportDir: "report-dir",
    headPredictions: "head-predictions"
  });
  const issue = parseIssueInputs(get, inputs.token);
  if (issue !== void 0) inputs.issue = issue;
  const reportId = reportIdInput(get);
  if (reportId !== void 0) inputs.reportId = reportId;
  if (get("max-curves").trim() !== "") inputs.maxCurves = integerInput(get, "max-curves", 6, 0, 50);
  if (get("history-keep").trim() !== "")
    inputs.historyKeep = integerInput(
      get,
      "history-keep",
      HISTORY_SUMMARY_RECORDS,
      1,
      MAX_HISTORY_SUMMARY_RECORDS
    );
  if (/^\d+$/.test(inputs.checkName) || inputs.checkName.length > 100) {
    throw new ConfigurationError(
      `input check-name: expected a short name such as "mlci", found ${JSON.stringify(inputs.checkName)}`
    );
  }
  return inputs;
}
var CONCLUSION = {
  passed: "success",
  "passed-with-warnings": "success",
  failed: "failure",
  "no-baseline": "neutral"
};
async function run(io, env = process.env) {
  const time = stopwatch();
  time.lap("start-up");
  const inputs = parseInputs(io.getInput);
  if (inputs.token !== void 0) io.setSecret(inputs.token);
  const context = readContext(env, (path) => (0, import_node_fs2.readFileSync)(path, "utf8"));
  refuseForkCheckoutWithWriteToken(context, env.GITHUB_WORKSPACE);
  const log = loggerOf(io);
  const client = inputs.token !== void 0 ? createClient({ token: inputs.token, apiUrl: context.apiUrl, log, paceWrites: false }) : void 0;
  const step = { io, inputs, context, client, log, env, time };
  if (isClosedPullRequest(context)) {
    await cleanUpClosedPullRequest(io, {
      context,
      client,
      branch: inputs.assetsBranch,
      uploadCharts: inputs.uploadCharts
    });
    return;
  }
  if (inputs.savedReport !== void 0) {
    await postSavedReport(step);
    return;
  }
  if (inputs.mergeReports !== void 0) {
    await postMatrixReport(step);
    return;
  }
  const assetsHead = client !== void 0 && inputs.uploadCharts ? readBranchHeadEarly(client, context.owner, context.repo, inputs.assetsBranch) : void 0;
  const target = targetOf(context);
  let config;
  let state;
  let drift;
  try {
    config = actionConfig(inputs);
    await checkStepFailures(inputs.stateDir);
    drift = await readDriftState(inputs.stateDir);
    state = await assembleState(io, inputs, config);
  } catch (error) {
    if (error instanceof ConfigurationError)
      await answerRequiredCheck(step, target, error, wordingFor(error));
    throw error;
  }
  const input = {
    comparison: state.comparison,
    head: state.head,
    config,
    run: await runInfo(context, env, target, inputs.stateDir)
  };
  if (state.base !== void 0) input.base = state.base;
  if (state.baseline !== void 0)
    input.baseline = { label: state.baseline.label, how: state.baseline.source };
  if (state.pipeline !== void 0) input.pipeline = state.pipeline;
  if (drift !== void 0) input.drift = drift;
  if (state.history !== void 0 && context.event.kind === "pull_request") {
    input.history = trendEntries(state.history);
    input.branch = context.event.baseRef;
  }
  if (inputs.title !== void 0) input.title = inputs.title;
  if (inputs.reportId !== void 0) input.id = inputs.reportId;
  if (inputs.maxCurves !== void 0) input.maxCurves = inputs.maxCurves;
  if (context.runUrl !== void 0) input.fullReportUrl = context.runUrl;
  const plots = await plotsFor(inputs, config, state);
  Object.assign(input, plots.pairs);
  if (plots.notes.length > 0) input.plotNotes = plots.notes;
  const extra = await loadExtraContent(inputs.extra, config, process.cwd(), "input extra");
  if (extra !== void 0) input.extra = extra;
  time.lap("reading");
  const report = await buildReport(input);
  time.lap(`charts (${report.charts.length}) and Markdown`);
  const reportDir = inputs.reportDir ?? (0, import_node_path2.join)(inputs.stateDir, "report");
  await writeReportFolder(reportDir, report, { preview: inputs.preview });
  time.lap("report folder");
  io.info(comparisonText(state.comparison, { metrics: false }).trimEnd());
  io.info(`
Report written to ${reportDir} (${report.charts.length} charts)`);
  io.setOutput("report-path", reportDir);
  const published = await publish(step, target, report.input, report.charts, assetsHead, report.extraImages);
  const unrecorded = await maybeRecordHistory(step, state, report.input.id, config);
  io.debug(`Time: ${time}`);
  finish(io, inputs, state.comparison, published);
  if (unrecorded) throw new MlciError("the baseline was not recorded (see the error above); re-run the job");
}
async function answerRequiredCheck(step, target, error, wording = CONFIGURATION_ERROR) {
  const { client, context, inputs, log } = step;
  if (client === void 0) return;
  const longestTicks = Math.max(0, ...(error.message.match(/`+/g) ?? []).map((run2) => run2.length));
  const fence = "`".repeat(Math.max(3, longestTicks + 1));
  const message = `${fence}
${error.message}
${fence}`;
  try {
    const result = await publishCheckRun(client, {
      owner: context.owner,
      repo: context.repo,
      headSha: target.headSha,
      name: inputs.checkName,
      conclusion: "failure",
      updateExisting: (context.runAttempt ?? 1) > 1,
      title: wording.title,
      summary: `${wording.before}

${message}

${wording.after}`,
      ...context.runUrl !== void 0 ? { detailsUrl: context.runUrl } : {},
      log
    });
    if (result.kind === "none")
      log.warning(`The failing ${inputs.checkName} check was not written: ${result.reason}.`);
  } catch (publishError) {
    log.warning(`The failing ${inputs.checkName} check was not written: ${messageOf(publishError)}.`);
  }
}
var CONFIGURATION_ERROR = {
  title: "mlci could not judge this commit: configuration error",
  before: "The configuration is wrong, so no gate was evaluated:",
  after: "Fix `.mlci.yml` or the workflow's inputs and push again."
};
function wordingFor(error) {
  if (!(error instanceof StepFailedError)) return CONFIGURATION_ERROR;
  return {
    title: `mlci could not judge this commit: the ${error.step} step failed`,
    before: `The ${error.step} step failed before it left its results, so its gates were not evaluated and nothing here counts as passed:`,
    after: `Fix what the message says (the ${error.step} step's log has the details) and push again; if GitHub or the runner failed, re-run the job.`
  };
}
var REFUSED_SAVED_REPORT = {
  title: "mlci could not post this pull request's report: the saved report was refused",
  before: "The report the pull request's own workflow run saved is not one mlci writes, so none of it was posted and no gate counts as passed:",
  after: "Re-run the pull request's workflow. If it happens again, the pull request may have changed the workflow or the files it uploads: review its changes to `.github/workflows` before trusting its runs."
};
async function assembleState(io, inputs, config) {
  for (const name of ["compare", "evaluate"]) {
    const raw = await readState(inputs.stateDir, name, `mlci/${name}`);
    if (raw !== void 0) {
      io.info(
        `Using ${(0, import_node_path2.join)(inputs.stateDir, `${name}.json`)} left by the ${name === "compare" ? "compare-metrics" : "evaluate"} step.`
      );
      return decodeComparisonState(raw, (0, import_node_path2.join)(inputs.stateDir, `${name}.json`));
    }
  }
  io.info(
    "No compare-metrics or evaluate step ran before: reading the metrics here and checking their own numbers."
  );
  return checkOwnNumbers(inputs, config, (line) => io.info(line));
}
async function plotsFor(inputs, config, state) {
  if (config === void 0) return { pairs: {}, notes: [] };
  const plotFiles = inputs.plots.length > 0 ? inputs.plots : config.report.plots.map((p) => relativeToConfig(config, p));
  const predictionsFile = inputs.headPredictions ?? (config.report.predictions !== void 0 ? relativeToConfig(config, config.report.predictions) : void 0);
  const headRunPredictions = predictionsFile !== void 0 && state.head.length > 1 ? predictionsOfRuns(predictionsFile, await runFolders(".", repeatPatterns(inputs, config))) : void 0;
  const { notes, ...pairs } = await loadReportPlots({
    headFiles: plotFiles,
    ...predictionsFile !== void 0 ? { headPredictions: predictionsFile } : {},
    ...headRunPredictions !== void 0 ? { headRunPredictions } : {},
    headRuns: state.head.length,
    baseRuns: state.base?.length ?? 1,
    stateDir: inputs.stateDir,
    ...state.basePlots !== void 0 ? { base: state.basePlots } : {}
  });
  return { pairs, notes };
}
function targetOf(context) {
  const event = context.event;
  if (event.kind === "pull_request") {
    return {
      pullRequest: event.number,
      headSha: event.headSha,
      ...event.updatedAt !== void 0 ? { headTime: event.updatedAt } : {}
    };
  }
  return { headSha: context.sha };
}
async function runInfo(context, env, target, stateDir) {
  const info = { commit: target.headSha };
  const branch = context.headRef ?? context.ref.replace(/^refs\/heads\//, "");
  if (branch !== "") info.branch = branch;
  if (context.runUrl !== void 0) info.url = context.runUrl;
  if (env.RUNNER_OS !== void 0)
    info.runner = [env.RUNNER_NAME, env.RUNNER_OS, env.RUNNER_ARCH].filter(Boolean).join(", ");
  const train = statePath(stateDir, "train");
  if ((0, import_node_fs2.existsSync)(train)) {
    try {
      const record = await readJsonFile(train);
      if (record?.schema === TRAIN_SCHEMA && typeof record.durationSeconds === "number") {
        info.durationSeconds = record.durationSeconds;
      }
    } catch {
    }
  }
  return info;
}
var MAX_SUMMARY_BYTES = 1e6;
async function publish(step, target, input, charts, assetsHead, extraImages = []) {
  const hosted = { ...input, charts: [...input.charts] };
  const files = [...charts, ...extraImages.map((i) => ({ file: i.file, png: i.bytes }))];
  const upload = await attempt(() => hostCharts(step, target, input.id, files, assetsHead));
  if (charts.length > 0) step.time.lap("charts upload");
  const urls = upload.ok ? upload.value : void 0;
  if (!upload.ok) step.io.warning(`Charts not uploaded: ${upload.reason}. The report goes out without them.`);
  if (urls !== void 0 && step.client !== void 0)
    await pruneDefaultBranchCharts(step.io, {
      context: step.context,
      client: step.client,
      branch: step.inputs.assetsBranch,
      keepDays: step.inputs.assetsKeepDays
    });
  if (urls !== void 0 && input.extraSections !== void 0) {
    hosted.extraSections = input.extraSections.map((section) => ({
      ...section,
      images: section.images.map((image) => ({ ...image, url: urls[image.file] ?? image.file }))
    }));
  }
  if (urls !== void 0) {
    hosted.charts = input.charts.map((c) => ({ ...c, url: urls[c.file] ?? c.file }));
  } else if (charts.length > 0) {
    hosted.charts = [];
    hosted.chartNotes = [
      upload.ok ? `${chartCount(charts.length)} ${charts.length === 1 ? "is" : "are"} in the report folder (upload it with actions/upload-artifact).` : `${chartCount(charts.length)} could not be uploaded (${upload.reason}); see the report folder.`,
      ...input.chartNotes ?? []
    ];
  }
  const comment = renderMarkdown(hosted, { maxLength: MAX_COMMENT_LENGTH - STAMP_ROOM });
  const summary = comment.omitted.length === 0 ? comment : renderWithinBytes(hosted, MAX_SUMMARY_BYTES);
  const published = await post(step, target, {
    id: input.id,
    // A saved report's files are not in this workspace: its gates get no annotations here.
    annotations: target.fromSavedRun === void 0 ? gateAnnotations(input.comparison) : [],
    comment: comment.markdown,
    summary: summary.markdown,
    verdict: input.comparison.verdict.kind,
    title: input.comparison.verdict.summary
  });
  if (upload.bug !== void 0) throw upload.bug;
  return published;
}
function chartCount(n) {
  return n === 1 ? "The chart" : `${n} charts`;
}
function renderWithinBytes(input, maxBytes) {
  let maxLength = maxBytes;
  for (; ; ) {
    const rendered = renderMarkdown(input, { maxLength });
    const bytes = Buffer.byteLength(rendered.markdown, "utf8");
    if (bytes <= maxBytes) return rendered;
    maxLength = Math.floor(maxLength * maxBytes / bytes) - 1024;
  }
}
async function attempt(write) {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    const status = statusOf(error);
    const reason = `${status === void 0 ? "" : `${status} `}${messageOf(error)}`;
    return isMlciError(error) || status !== void 0 || isNetworkError(error) ? { ok: false, reason, error } : { ok: false, reason, error, bug: error };
  }
}
function isNetworkError(error) {
  if (!(error instanceof Error)) return false;
  const code = error.code ?? error.cause?.code;
  return error.name === "HttpError" || error.name === "RequestError" || error.message === "fetch failed" || typeof code === "string" && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code);
}
async function hostCharts({ io, inputs, context, client, log }, target, reportId, charts, assetsHead) {
  if (charts.length === 0 || client === void 0 || !inputs.uploadCharts) return void 0;
  const assets = await publishAssets(client, {
    owner: context.owner,
    repo: context.repo,
    serverUrl: context.serverUrl,
    branch: inputs.assetsBranch,
    folder: target.pullRequest !== void 0 ? `pr-${target.pullRequest}` : target.headSha,
    reportId,
    files: charts.map((c) => ({ name: c.file, content: c.png })),
    ...assetsHead !== void 0 ? { head: assetsHead } : {},
    log
  });
  if (assets.ok) return assets.urls;
  io.warning(`Charts not uploaded: ${assets.reason}`);
  return void 0;
}
async function post({ io, inputs, context, client, log, time }, target, report) {
  const published = { delivered: [], failed: [], refused: [] };
  const bugs = [];
  if (inputs.summary) await io.appendSummary(`${report.summary}
`);
  time.lap("job summary");
  if (client === void 0) {
    io.info("No token: the report is in the job summary and the report folder only.");
    return published;
  }
  if (inputs.comment && target.pullRequest !== void 0) {
    const comment = await attempt(
      () => upsertReportComment(client, {
        owner: context.owner,
        repo: context.repo,
        issueNumber: target.pullRequest,
        body: report.comment,
        marker: reportMarker(report.id),
        headSha: target.headSha,
        ...target.headTime !== void 0 ? { headTime: target.headTime } : {},
        // Empty: the token's own identity, found by upsertReportComment.
        ...inputs.commentAuthor !== "" ? { author: { login: inputs.commentAuthor } } : {},
        ...context.runId !== void 0 ? { run: { id: context.runId, attempt: context.runAttempt ?? 1 } } : {},
        ...context.runUrl !== void 0 ? { fullReportUrl: context.runUrl } : {},
        log
      })
    );
    if (comment.ok) {
      const result = comment.value;
      if (result.url !== void 0) published.commentUrl = result.url;
      published.delivered.push("comment");
      io.info(`Comment ${result.action}${result.url ? `: ${result.url}` : ""}`);
      time.lap(
        result.deleted > 0 || result.action === "skipped-stale" ? `comment (${result.action})` : "comment"
      );
    } else if (isReadOnlyError(comment.error)) {
      io.warning(
        `Cannot comment on pull request #${target.pullRequest} (${comment.reason}). A pull request from a fork gets a read-only token: upload the report folder with actions/upload-artifact and post it from a workflow_run workflow with saved-report (see the report action README, "Pull requests from forks").`
      );
      published.refused.push(`comment: ${comment.reason}`);
    } else {
      io.warning(
        `The comment could not be written (${comment.reason}); the check run still carries the verdict.`
      );
      published.failed.push(`comment: ${comment.reason}`);
      if (comment.bug !== void 0) bugs.push(comment.bug);
    }
  }
  if (inputs.check) {
    const check = await attempt(
      () => publishCheckRun(client, {
        owner: context.owner,
        repo: context.repo,
        headSha: target.headSha,
        name: inputs.checkName,
        conclusion: CONCLUSION[report.verdict],
        // A first attempt has no earlier check of its own to update (a re-run does).
        updateExisting: (context.runAttempt ?? 1) > 1,
        title: report.title,
        summary: report.comment,
        ...report.annotations !== void 0 && report.annotations.length > 0 ? { annotations: report.annotations } : {},
        ...context.runUrl !== void 0 ? { detailsUrl: context.runUrl } : {},
        log
      })
    );
    if (!check.ok) {
      io.warning(`No check run and no commit status: ${check.reason}`);
      published.failed.push(`check run: ${check.reason}`);
      if (check.bug !== void 0) bugs.push(check.bug);
    } else if (check.value.kind === "check-run") {
      published.checkRunId = check.value.id;
      published.delivered.push("check run");
    } else if (check.value.kind === "status") {
      io.warning(
        `No check run (${check.value.reason}): the verdict went out as a commit status of the same name.`
      );
      published.delivered.push("commit status");
    } else {
      io.warning(`No check run: ${check.value.reason}`);
      (check.value.readOnly ? published.refused : published.failed).push(`check run: ${check.value.reason}`);
    }
    time.lap(check.ok && check.value.kind === "check-run" ? "check run" : "commit status");
  }
  if (inputs.issue !== void 0) {
    const issue = await publishIssue(
      { io, client, context, log, issue: inputs.issue, author: inputs.commentAuthor },
      { id: report.id, markdown: report.comment, verdict: report.verdict, summary: report.title }
    );
    if (issue.url !== void 0) published.issueUrl = issue.url;
    if (issue.number !== void 0) published.issueNumber = issue.number;
    if (issue.action !== void 0) published.issueAction = issue.action;
    if (issue.failure !== void 0) published.issueFailure = issue.failure;
    else published.delivered.push("issue");
    time.lap("issue");
  }
  if (bugs.length > 0) throw bugs[0];
  return published;
}
async function postMatrixReport(step) {
  const { io, inputs, context, env } = step;
  const root = inputs.mergeReports;
  if (!(0, import_node_fs2.existsSync)(root)) throw new ConfigurationError(`input merge-reports: ${root} does not exist`);
  const folders = (0, import_node_fs2.readdirSync)(root, { withFileTypes: true }).filter((e) => e.isDirectory() && (0, import_node_fs2.existsSync)((0, import_node_path2.join)(root, e.name, "report.json"))).map((e) => e.name).sort();
  if (folders.length === 0) {
    throw new ConfigurationError(
      `input merge-reports: no folder in ${root} holds a report.json; download each job's report artifact into its own folder (actions/download-artifact with pattern: and without merge-multiple)`
    );
  }
  const saved = [];
  for (const folder of folders) saved.push({ folder, report: await readSavedReport((0, import_node_path2.join)(root, folder)) });
  const target = targetOf(context);
  const id = inputs.reportId ?? DEFAULT_REPORT_ID;
  const names = variantNames(saved.map((s) => s.folder));
  const files = saved.flatMap(
    (s, i) => s.report.charts.map((c) => ({ file: `${names[i]}/${c.file}`, png: c.png }))
  );
  const urls = await hostCharts(step, target, id, files);
  const variants = saved.map((s, i) => ({
    name: names[i],
    comparison: s.report.comparison,
    charts: urls === void 0 ? [] : s.report.charts.map(({ png: _png, ...c }) => ({
      ...c,
      url: urls[`${names[i]}/${c.file}`] ?? c.file
    }))
  }));
  const matrix = {
    id,
    variants,
    run: await runInfo(context, env, target, inputs.stateDir)
  };
  if (inputs.title !== void 0) matrix.title = inputs.title;
  if (context.runUrl !== void 0) matrix.fullReportUrl = context.runUrl;
  const comment = renderMatrixMarkdown(matrix, { maxLength: MAX_COMMENT_LENGTH - STAMP_ROOM }).markdown;
  const reportDir = inputs.reportDir ?? (0, import_node_path2.join)(inputs.stateDir, "report");
  (0, import_node_fs2.mkdirSync)(reportDir, { recursive: true });
  (0, import_node_fs2.writeFileSync)((0, import_node_path2.join)(reportDir, "report.md"), `${comment}
`);
  io.setOutput("report-path", reportDir);
  const verdict = matrixVerdict(variants);
  const published = await post(step, target, {
    id,
    comment,
    summary: renderMatrixMarkdown(matrix, { maxLength: 1e6 }).markdown,
    verdict,
    title: `${variants.length} matrix jobs: ${verdict.replace(/-/g, " ")}`
  });
  io.debug(`Time: ${step.time}`);
  io.setOutput("verdict", verdict);
  io.setOutput("passed", String(verdict !== "failed"));
  io.setOutput("comment-url", published.commentUrl ?? "");
  io.setOutput("check-run-id", published.checkRunId !== void 0 ? String(published.checkRunId) : "");
  setIssueOutputs(io, published);
  if (inputs.failOnGate && verdict === "failed") {
    throw new GateFailedError(
      `matrix jobs failed: ${variants.filter((v) => v.comparison.verdict.kind === "failed").map((v) => v.name).join(", ")}`
    );
  }
  if (published.issueFailure !== void 0) throw new PublishError(published.issueFailure);
}
function variantNames(folders) {
  for (const prefix of ["mlci-report-", "mlci-"]) {
    if (folders.every((f) => f.startsWith(prefix) && f.length > prefix.length)) {
      return folders.map((f) => f.slice(prefix.length));
    }
  }
  return [...folders];
}
async function maybeRecordHistory({ io, inputs, context, client, log, time }, state, reportId, config) {
  const event = context.event;
  const wanted = inputs.recordHistory === "true" || inputs.recordHistory === "auto" && event.kind === "push" && event.toDefaultBranch && !event.deleted;
  if (!wanted) return false;
  if (client === void 0) {
    io.warning("record-history needs a token with contents: write");
    return false;
  }
  const document = {
    schema: "mlci/history",
    version: 1,
    sha: context.sha,
    ref: context.ref,
    runs: state.head
  };
  if (event.kind === "push" && event.committedAt !== void 0) document.recordedAt = event.committedAt;
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
      log
    });
  } catch (error) {
    if (isMlciError(error)) throw error;
    const status = statusOf(error);
    io.error(
      `The baseline of ${context.sha.slice(0, 7)} could not be recorded on ${inputs.historyBranch}: ${status === void 0 ? "" : `${status} `}${messageOf(error)}. The report was published; re-run the job to record it.`,
      { title: "mlci: baseline not recorded" }
    );
    time.lap("history");
    return true;
  }
  if (result.ok)
    io.info(
      `Baseline recorded: ${inputs.historyBranch}:${result.path}; ${inputs.historyBranch}:${result.summaryPath} holds ${result.records} ${result.records === 1 ? "record" : "records"}.`
    );
  else io.warning(`Baseline not recorded: ${result.reason}`);
  time.lap("history");
  return false;
}
function finish(io, inputs, comparison, published) {
  io.setOutput("verdict", comparison.verdict.kind);
  io.setOutput("passed", String(comparison.verdict.kind !== "failed"));
  io.setOutput("comment-url", published.commentUrl ?? "");
  io.setOutput("check-run-id", published.checkRunId !== void 0 ? String(published.checkRunId) : "");
  setIssueOutputs(io, published);
  const gatesFailed = inputs.failOnGate && comparison.verdict.kind === "failed";
  const nothing = published.delivered.length === 0 && published.failed.length > 0;
  if (nothing) {
    const failed = [...published.failed, ...published.refused];
    throw new PublishError(
      `mlci could not publish the report: ${failed.join("; ")}. The verdict (${comparison.verdict.kind}: ${comparison.verdict.summary}) is in the job summary and the report folder; re-run the job.`
    );
  }
  if (gatesFailed) throw new GateFailedError(comparison.verdict.summary);
  if (published.issueFailure !== void 0) throw new PublishError(published.issueFailure);
}
function setIssueOutputs(io, published) {
  io.setOutput("issue-number", published.issueNumber !== void 0 ? String(published.issueNumber) : "");
  io.setOutput("issue-url", published.issueUrl ?? "");
  io.setOutput("issue-action", published.issueAction ?? "");
}
async function savedReportTarget(step) {
  const { context, client } = step;
  const event = context.event;
  if (event.kind !== "workflow_run") return targetOf(context);
  if (client === void 0) throw new ConfigurationError("input token: posting a saved report needs a token");
  const pr = await findPullRequestForRun(client, {
    owner: context.owner,
    repo: context.repo,
    run: event.run
  });
  return pr === void 0 ? void 0 : { pullRequest: pr.number, headSha: pr.headSha, fromSavedRun: {} };
}
async function postSavedReport(step) {
  const { io, inputs, context } = step;
  let saved;
  try {
    saved = await readSavedReport(inputs.savedReport, { trustAcceptance: false });
  } catch (error) {
    if (error instanceof ConfigurationError) {
      const target2 = await savedReportTarget(step).catch(() => void 0);
      if (target2 !== void 0) await answerRequiredCheck(step, target2, error, REFUSED_SAVED_REPORT);
    }
    throw error;
  }
  if (saved.acceptanceIgnored === true)
    io.warning(
      "The saved report records a maintainer's acceptance label; a pull request's own run cannot vouch for it, so its failed gates fail. To merge over them, a maintainer changes the gates or the baseline on the base branch, or merges as an administrator.",
      { title: "mlci: acceptance not taken from a saved report" }
    );
  const target = await savedReportTarget(step);
  if (target === void 0) {
    const event = context.event;
    io.info(
      `No open pull request has ${event.run.headSha.slice(0, 7)} as its head any more: nothing to post.`
    );
    finish(io, { ...inputs, failOnGate: false }, saved.comparison, {
      delivered: [],
      failed: [],
      refused: []
    });
    return;
  }
  const input = {
    id: inputs.reportId ?? saved.id,
    title: inputs.title ?? saved.title,
    comparison: saved.comparison,
    head: [],
    charts: saved.charts.map(({ png: _png, ...image }) => image),
    run: { commit: target.headSha },
    chartNotes: ["Computed by the pull request's own workflow run and posted from the base repository."]
  };
  if (context.runUrl !== void 0) input.fullReportUrl = context.runUrl;
  if (saved.pipeline !== void 0) input.pipeline = saved.pipeline;
  if (saved.drift !== void 0) input.drift = saved.drift;
  const published = await publish(step, target, input, saved.charts);
  io.debug(`Time: ${step.time}`);
  finish(io, inputs, saved.comparison, published);
}
export {
  PublishError,
  parseInputs,
  renderWithinBytes,
  run,
  variantNames
};
