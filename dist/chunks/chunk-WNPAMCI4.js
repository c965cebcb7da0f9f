import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  loadSidePlots,
  pairPlots
} from "./chunk-ZOJNMNFW.js";
import {
  loadPredictionPair
} from "./chunk-WE7IKWJT.js";
import {
  listForPatterns,
  loadConfig,
  readFiles,
  readRepeats,
  relativeToConfig
} from "./chunk-4R3FL7BL.js";
import {
  listInput,
  optionalInput
} from "./chunk-2G3CJ45Y.js";
import {
  DEFAULT_STATE_DIR,
  readJsonFile,
  statePath
} from "./chunk-JNPPPDWK.js";
import {
  DRIFT_BASE_REFERENCE,
  decodeComparison,
  decodeDriftReport,
  decodeDvcLockDiff,
  decodeHistoryDocument,
  decodeHistoryTrend,
  decodeMetricsDoc,
  discoverMetricsFiles,
  matchRuns,
  mergeDocs,
  parseGate,
  parseMissingValues,
  parseTableFormat,
  pathPatternToRegExp,
  readMetrics,
  runComparison
} from "./chunk-55SCGZVG.js";
import {
  require_promises,
  splitKey
} from "./chunk-BDOKL3XF.js";
import {
  require_node_fs
} from "./chunk-ERMUBDDR.js";
import {
  require_node_path
} from "./chunk-DPFCA6DW.js";
import {
  ConfigurationError
} from "./chunk-TQLTVCQ6.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// actions/shared/src/base-plots.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_promises = __toESM(require_promises(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var BASE_PLOTS_DIR = "base-plots";
function plotRepositoryPaths(config) {
  return config.report.plots.map((p) => repositoryPath(relativeToConfig(config, p)));
}
function repositoryPath(path) {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}
async function keepBasePlots(options) {
  const { found, plots, predictions } = options;
  const target = (0, import_node_path.join)(options.stateDir, BASE_PLOTS_DIR);
  await (0, import_promises.rm)(target, { recursive: true, force: true });
  if (found === void 0 || plots.length === 0 && predictions === void 0) return void 0;
  const state = { label: found.label, plots: [], missing: [] };
  const wanted = [...plots, ...predictions !== void 0 ? [predictions] : []];
  if (found.source === "history") {
    state.missing.push(
      `The baseline came from the ${options.historyBranch} branch (${found.label}), which keeps metrics only: its confusion matrix and curves are not shown (commit ${wanted.join(", ")} on the base branch, or upload them in the baseline artifact).`
    );
    return state;
  }
  const root = found.source === "path" && !(0, import_node_fs.statSync)(found.dir).isDirectory() ? void 0 : found.dir;
  for (const path of wanted) {
    const from = root === void 0 ? void 0 : (0, import_node_path.join)(root, path);
    if (from === void 0 || !(0, import_node_fs.existsSync)(from) || !(0, import_node_fs.statSync)(from).isFile()) {
      state.missing.push(
        `The baseline (${found.label}) has no ${path}: the pull request's side is shown alone.`
      );
      continue;
    }
    const to = (0, import_node_path.join)(target, path);
    await (0, import_promises.mkdir)((0, import_node_path.dirname)(to), { recursive: true });
    await (0, import_promises.copyFile)(from, to);
    if (path === predictions) state.predictions = path;
    else state.plots.push(path);
  }
  if (root !== void 0 && predictions !== void 0 && (options.repeats ?? []).length > 0) {
    const paths = predictionsOfRuns(predictions, await runFolders(root, options.repeats));
    if (paths !== void 0 && paths.every((p) => isFile((0, import_node_path.join)(root, p)))) {
      for (const path of paths) {
        const to = (0, import_node_path.join)(target, path);
        await (0, import_promises.mkdir)((0, import_node_path.dirname)(to), { recursive: true });
        await (0, import_promises.copyFile)((0, import_node_path.join)(root, path), to);
      }
      state.runPredictions = paths;
    }
  }
  return state;
}
function isFile(path) {
  return (0, import_node_fs.existsSync)(path) && (0, import_node_fs.statSync)(path).isFile();
}
async function runFolders(root, repeats) {
  if (repeats.length === 0) return [];
  const entries = await listForPatterns(root, repeats);
  const kinds = new Map(entries.map((e) => [e.path, e.kind]));
  return matchRuns(repeats, entries).map(
    (run) => kinds.get(run) === "dir" ? run : import_node_path.posix.dirname(run) === "." ? "" : import_node_path.posix.dirname(run)
  );
}
function predictionsOfRuns(predictions, folders) {
  const path = repositoryPath(predictions);
  if (folders.length < 2 || folders.includes("") || new Set(folders).size !== folders.length)
    return void 0;
  const owner = folders.find((f) => path.startsWith(`${f}/`));
  if (owner === void 0) return void 0;
  const rest = path.slice(owner.length + 1);
  return folders.map((f) => `${f}/${rest}`);
}
function repeatPatterns(inputs, config) {
  if (inputs.repeats.length > 0) return [...inputs.repeats];
  if (inputs.files.length > 0) return [];
  return config.repeats.map((p) => relativeToConfig(config, p).split(import_node_path.sep).join("/"));
}
function decodeBasePlots(value, file) {
  const doc = value;
  const strings = (list, name, check) => {
    if (!Array.isArray(list) || list.length > 100 || !list.every((s) => typeof s === "string" && check(s)))
      throw new ConfigurationError(
        `${file}: basePlots.${name}: expected a list of ${name === "missing" ? "sentences" : "paths inside the repository"}`
      );
    return list;
  };
  if (doc === null || typeof doc !== "object" || typeof doc.label !== "string")
    throw new ConfigurationError(`${file}: basePlots: expected an object with label, plots and missing`);
  const state = {
    label: doc.label.slice(0, 500),
    plots: strings(doc.plots, "plots", insideRepository),
    missing: strings(doc.missing, "missing", (s) => s.length <= 2e3)
  };
  if (doc.predictions !== void 0) {
    if (typeof doc.predictions !== "string" || !insideRepository(doc.predictions))
      throw new ConfigurationError(`${file}: basePlots.predictions: expected a path inside the repository`);
    state.predictions = doc.predictions;
  }
  if (doc.runPredictions !== void 0)
    state.runPredictions = strings(doc.runPredictions, "runPredictions", insideRepository);
  return state;
}
function insideRepository(path) {
  return path !== "" && path.length <= 1e3 && !path.startsWith("/") && !/^[A-Za-z]:/.test(path) && !path.split(/[\\/]/).some((s) => s === "..");
}
async function loadReportPlots(options) {
  const { base } = options;
  const dir = (0, import_node_path.join)(options.stateDir, BASE_PLOTS_DIR);
  const present = (path) => (0, import_node_fs.existsSync)((0, import_node_path.join)(dir, path));
  const notes = [...base?.missing ?? []];
  const basePredictions = base?.predictions !== void 0 && present(base.predictions) ? base.predictions : void 0;
  const predictions = await loadPredictionPair(
    basePredictions === void 0 ? void 0 : (0, import_node_path.join)(dir, basePredictions),
    options.headPredictions
  );
  const headRunFiles = options.headRunPredictions ?? [];
  const headSets = await setsOf(
    headRunFiles.every((p) => (0, import_node_fs.existsSync)(p)) ? headRunFiles.map((p) => ({ path: p, shown: p })) : [],
    predictions.head,
    options.headPredictions
  );
  const head = await loadSidePlots(options.headFiles, headSets, { runs: options.headRuns ?? 1 });
  let baseSide = {};
  if (base !== void 0) {
    if (predictions.base !== void 0 && basePredictions !== void 0)
      predictions.base = { ...predictions.base, file: `${base.label}:${basePredictions}` };
    const runFiles = base.runPredictions ?? [];
    const baseSets = await setsOf(
      runFiles.every(present) ? runFiles.map((p) => ({ path: (0, import_node_path.join)(dir, p), shown: `${base.label}:${p}` })) : [],
      predictions.base,
      basePredictions === void 0 ? void 0 : (0, import_node_path.join)(dir, basePredictions)
    );
    const files = base.plots.filter(present);
    baseSide = await loadSidePlots(
      files.map((p) => (0, import_node_path.join)(dir, p)),
      baseSets,
      { runs: options.baseRuns ?? 1 }
    );
    for (const kind of ["confusion", "roc", "pr"]) {
      const plot = baseSide[kind];
      const at = files.find((p) => plot !== void 0 && plot.file === (0, import_node_path.join)(dir, p));
      if (plot !== void 0 && at !== void 0)
        Object.assign(baseSide, { [kind]: { ...plot, file: `${base.label}:${at}` } });
    }
  }
  return { ...pairPlots(head, baseSide), notes };
}
async function setsOf(runs, one, onePath) {
  if (runs.length > 1) {
    const sets = [];
    for (const run of runs) {
      const same = one !== void 0 && onePath !== void 0 && (0, import_node_path.resolve)(run.path) === (0, import_node_path.resolve)(onePath);
      const set = same ? one : (await loadPredictionPair(void 0, run.path)).head;
      sets.push({ ...set, file: run.shown });
    }
    return sets;
  }
  return one === void 0 ? [] : [one];
}

// actions/shared/src/drift.ts
var import_promises2 = __toESM(require_promises(), 1);
var import_node_path2 = __toESM(require_node_path(), 1);
function parseDriftInputs(get) {
  const inputs = {};
  const reference = optionalInput(get, "drift-reference");
  if (reference !== void 0) inputs.reference = reference;
  const current = optionalInput(get, "drift-current");
  if (current !== void 0) {
    if (current === DRIFT_BASE_REFERENCE)
      throw new ConfigurationError(
        "input drift-current: base names the current data as committed at the base commit, so it can only be the reference: set drift-current to the data the pull request has (a file, a folder or git:<revision>:<path>)"
      );
    inputs.current = current;
  }
  return inputs;
}
var DECIDING_KEYS = [
  "reference",
  "format",
  "missingValues",
  "alpha",
  "threshold",
  "smallRows",
  "driftShare"
];
function planDrift(options) {
  const { inputs, config, rules } = options;
  const file = config.file ?? ".mlci.yml";
  const own = config.drift;
  const settings = { missingValues: [], ...own };
  let settingsFrom = file;
  if (rules !== void 0) {
    settingsFrom = rules.label;
    const base = rules.config.drift;
    for (const key of DECIDING_KEYS) delete settings[key];
    settings.missingValues = [];
    if (base !== void 0) {
      for (const key of DECIDING_KEYS)
        if (base[key] !== void 0) Object.assign(settings, { [key]: base[key] });
    }
  }
  const fromConfig = (key, where) => {
    const value = settings[key];
    if (value === void 0) return void 0;
    const spec = value === DRIFT_BASE_REFERENCE || value.startsWith("git:") || (0, import_node_path2.isAbsolute)(value) ? value : relativeToConfig(config, value).split("\\").join("/");
    return { spec, from: `drift.${key} of ${where}` };
  };
  const reference = inputs.reference !== void 0 ? { spec: inputs.reference, from: "input drift-reference" } : fromConfig("reference", settingsFrom);
  const current = inputs.current !== void 0 ? { spec: inputs.current, from: "input drift-current" } : fromConfig("current", file);
  if (reference === void 0 && current === void 0) return void 0;
  if (reference === void 0 && rules !== void 0 && own?.reference !== void 0) {
    options.log?.(
      `Drift is not compared: ${file} sets drift.reference, ${rules.label} does not, and this pull request is judged by the base's rules (gates-from: base); the comparison starts once the section is merged (or set the input drift-reference)`
    );
    return void 0;
  }
  if (reference === void 0 || current === void 0) {
    const [given, missing, input, key] = reference === void 0 ? [current, "reference", "drift-reference", "drift.reference"] : [reference, "current data", "drift-current", "drift.current"];
    const where = rules !== void 0 && key === "drift.reference" ? rules.label : file;
    throw new ConfigurationError(
      `${given.from} is ${JSON.stringify(given.spec)}, but there is no ${missing} to compare with: set the input ${input}, or ${key} in ${where}`
    );
  }
  if (reference.spec === DRIFT_BASE_REFERENCE && !options.baseAllowed)
    throw new ConfigurationError(
      `${reference.from}: base means the current data as committed at the pull request's base commit, which only compare-metrics knows: use compare-metrics for that comparison, or name the reference (a file, a folder or git:<revision>:<path>)`
    );
  const read = {
    missing: parseMissingValues(settings.missingValues, `drift.missing-values of ${settingsFrom}`),
    seed: settings.seed ?? 1
  };
  if (settings.format !== void 0) read.format = parseTableFormat(settings.format);
  const numbers = { correction: (rules?.config ?? config).statistics.correction };
  if (settings.alpha !== void 0) numbers.alpha = settings.alpha;
  if (settings.threshold !== void 0) numbers.threshold = settings.threshold;
  if (settings.smallRows !== void 0) numbers.smallRows = settings.smallRows;
  if (settings.driftShare !== void 0) numbers.driftShare = settings.driftShare;
  return { reference, current, read, options: numbers, settingsFrom };
}
function withDriftMetrics(runs, doc) {
  const metricsOnly = { ...doc, params: {} };
  return runs.map((run) => mergeDocs([run, metricsOnly]));
}
async function clearDriftState(stateDir) {
  await (0, import_promises2.rm)(statePath(stateDir, "drift"), { force: true });
}
async function readDriftState(stateDir) {
  const path = statePath(stateDir, "drift");
  let value;
  try {
    value = await readJsonFile(path, { hint: "delete it or rerun the step that wrote it" });
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
  const doc = value;
  if (doc === null || typeof doc !== "object" || doc.schema !== "mlci/drift" || doc.version !== 1)
    throw new ConfigurationError(
      `${path}: expected an mlci/drift document of version 1, found ${JSON.stringify(doc?.schema ?? null)} version ${JSON.stringify(doc?.version ?? null)}; delete it or rerun the step that wrote it`
    );
  try {
    return decodeDriftReport(value, path);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    throw new ConfigurationError(`${error.message}; delete it or rerun the step that wrote it`);
  }
}

// actions/shared/src/pipeline.ts
var import_node_fs2 = __toESM(require_node_fs(), 1);
var import_node_path3 = __toESM(require_node_path(), 1);
function parseMetricsInputs(get) {
  const inputs = {
    files: listInput(get, "files"),
    // One pattern per line: a pattern may hold a comma (`runs/{a,b}`).
    repeats: listInput(get, "repeats", { commas: false }),
    // One gate per line: a gate may hold a comma (`accuracy in [0.8, 1]`).
    gates: listInput(get, "gates", { commas: false }),
    stateDir: optionalInput(get, "state-dir") ?? DEFAULT_STATE_DIR
  };
  const config = optionalInput(get, "config");
  if (config !== void 0) inputs.config = config;
  const format = optionalInput(get, "format");
  if (format !== void 0) inputs.format = format;
  return inputs;
}
function actionConfig(inputs) {
  if (inputs.config !== void 0 && !(0, import_node_fs2.existsSync)(inputs.config)) {
    throw new ConfigurationError(
      `input config: ${inputs.config} does not exist (paths are relative to the workspace)`
    );
  }
  return loadConfig(inputs.config);
}
async function metricsSetup(inputs, config = actionConfig(inputs), { discover = true } = {}) {
  const extraGates = inputs.gates.map((text, i) => parseGate(text, `input gates, line ${i + 1}`));
  if (inputs.files.length > 0 && inputs.repeats.length > 0) {
    throw new ConfigurationError(
      "inputs files and repeats both name the runs: set files for one run, or repeats for one run per match, not both"
    );
  }
  const repeats = inputs.repeats.length > 0 ? inputs.repeats.map((p, i) => {
    pathPatternToRegExp(p, `input repeats, line ${i + 1}`);
    return p;
  }) : inputs.files.length > 0 ? [] : config.repeats.map((p) => relativeToConfig(config, p).split(import_node_path3.sep).join("/"));
  const files = repeats.length > 0 ? [] : inputs.files.length > 0 ? inputs.files.map(
    (path) => inputs.format !== void 0 ? { path, format: inputs.format } : { path }
  ) : config.files.map((f) => ({ ...f, path: relativeToConfig(config, f.path) }));
  if (files.length === 0 && repeats.length === 0 && discover) {
    const discovered = await discoverMetricsFiles(".");
    return { config, extraGates, files: discovered.files, repeats, discovered: discovered.reasons };
  }
  return { config, extraGates, files, repeats };
}
async function readHead(setup, format) {
  const options = format !== void 0 ? { format } : {};
  if (setup.repeats.length > 0) return { runs: (await readRepeats(".", setup.repeats, options)).runs };
  const { doc } = await readFiles(setup.files, options);
  if (setup.discovered !== void 0) doc.sources[0]?.notes.unshift(...setup.discovered);
  return { runs: [doc] };
}
async function checkOwnNumbers(inputs, config, log, drift) {
  const setup = await metricsSetup(inputs, config, { discover: drift === void 0 });
  for (const line of setup.discovered ?? []) log?.(line);
  const driftOnly = drift !== void 0 && setup.files.length === 0 && setup.repeats.length === 0;
  const read = driftOnly ? { runs: [drift] } : await readHead(setup, inputs.format);
  const head = drift === void 0 || driftOnly ? read : { ...read, runs: withDriftMetrics(read.runs, drift) };
  const comparison = runComparison({
    head,
    config: setup.config,
    extraGates: setup.extraGates,
    expectBaseline: false
  });
  return { schema: "mlci/evaluate", version: 1, comparison, head: head.runs };
}
function decodeComparisonState(value, file) {
  const doc = value;
  if (doc === null || typeof doc !== "object" || doc.schema !== "mlci/evaluate" && doc.schema !== "mlci/compare") {
    throw new ConfigurationError(`${file}: expected an mlci/evaluate or mlci/compare document`);
  }
  const runs = (list, name) => {
    if (!Array.isArray(list) || list.length > 100)
      throw new ConfigurationError(`${file}: ${name}: expected a list of runs`);
    return list.map((run, i) => decodeMetricsDoc(run, `${file}: ${name}[${i}]`));
  };
  const state = {
    schema: doc.schema,
    version: 1,
    comparison: decodeComparison(doc.comparison, `${file}: comparison`),
    head: runs(doc.head, "head")
  };
  if (doc.base !== void 0) state.base = runs(doc.base, "base");
  const baseline = doc.baseline;
  if (baseline !== void 0 && baseline !== null && typeof baseline.label === "string") {
    state.baseline = { label: baseline.label.slice(0, 500), source: String(baseline.source).slice(0, 40) };
    if (typeof baseline.sha === "string") state.baseline.sha = baseline.sha.slice(0, 64);
  }
  if (doc.history !== void 0) state.history = decodeHistoryTrend(doc.history, `${file}: history`);
  if (doc.basePlots !== void 0) state.basePlots = decodeBasePlots(doc.basePlots, file);
  if (doc.pipeline !== void 0) state.pipeline = decodeDvcLockDiff(doc.pipeline, `${file}: pipeline`);
  return state;
}
async function readBaselineRuns(found, setup, format) {
  const options = format !== void 0 ? { format } : {};
  const where = `${found.source}:${found.sha !== void 0 ? `${found.sha.slice(0, 7)}:` : ""}`;
  const shown = (file) => file.startsWith(found.dir) ? `${where}${file.slice(found.dir.length).replace(/^[\\/]+/, "")}` : file;
  const labelled = (runs) => {
    for (const source of runs.flatMap((r) => r.sources)) source.file = shown(source.file);
    return { runs, label: found.label };
  };
  const repeatsIn = async (dir) => labelled(
    (await readRepeats(dir, setup.repeats, options, `repeats at the baseline (${found.label})`)).runs
  );
  switch (found.source) {
    case "history": {
      const runs = [];
      for (const file of found.files) {
        const value = await readJsonFile(file, { shown: shown(file), hint: HISTORY_HINT });
        runs.push(...decodeHistoryDocument(value, shown(file)).runs);
      }
      return labelled(runs);
    }
    case "artifact": {
      for (const name of ["compare.json", "evaluate.json"]) {
        for (const dir of [found.dir, (0, import_node_path3.join)(found.dir, DEFAULT_STATE_DIR)]) {
          const file = (0, import_node_path3.join)(dir, name);
          if ((0, import_node_fs2.existsSync)(file))
            return labelled(
              decodeComparisonState(await readJsonFile(file, { shown: shown(file) }), shown(file)).head
            );
        }
      }
      if (setup.repeats.length > 0) return repeatsIn(found.dir);
      const inArtifact = setup.files.map((f) => ({ ...f, path: (0, import_node_path3.join)(found.dir, f.path) }));
      if (inArtifact.every((f) => (0, import_node_fs2.existsSync)(f.path)))
        return labelled([(await readFiles(inArtifact, options)).doc]);
      return labelled([await readMetrics([found.dir], options)]);
    }
    case "contents": {
      if (setup.repeats.length > 0) return repeatsIn(found.dir);
      const mirrored = setup.files.map((f) => ({ ...f, path: (0, import_node_path3.join)(found.dir, f.path) }));
      const present = mirrored.filter((f) => (0, import_node_fs2.existsSync)(f.path));
      if (present.length === 0) return labelled([await readMetrics([found.dir], options)]);
      return labelled([(await readFiles(present, options)).doc]);
    }
    case "path":
      if (setup.repeats.length > 0 && (0, import_node_fs2.statSync)(found.dir).isDirectory()) return repeatsIn(found.dir);
      return labelled([(await readFiles([{ path: found.dir }], options)).doc]);
  }
}
var HISTORY_HINT = "the report action writes these files on pushes to the default branch: fix or delete it on the history branch, or leave out the history baseline source";
function failedGateTexts(comparison) {
  return comparison.gates.filter((g) => g.status === "fail" || g.status === "error").map((g) => g.gate.text);
}

// actions/shared/src/annotations.ts
var import_node_fs3 = __toESM(require_node_fs(), 1);
function lineOfKey(text, key) {
  const name = splitKey(key).at(-1) ?? key;
  const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const patterns = [
    new RegExp(`"${quoted}"\\s*:`),
    new RegExp(`^\\s*['"]?${quoted}['"]?\\s*[:=]`),
    new RegExp(`(^|[,\\t])\\s*"?${quoted}"?\\s*([,\\t]|$)`)
  ];
  const lines = text.split("\n", 1e5);
  for (const pattern of patterns) {
    const index = lines.findIndex((line) => pattern.test(line));
    if (index >= 0) return index + 1;
  }
  return void 0;
}
function locateMetric(sources, key, readText = readSmallFile) {
  let fallback;
  for (const source of [...sources].reverse()) {
    const text = readText(source.file);
    if (text === void 0) continue;
    fallback ??= { file: source.file };
    const line = lineOfKey(text, key);
    if (line !== void 0) return { file: source.file, line };
  }
  return fallback;
}
function readSmallFile(file) {
  try {
    if (!(0, import_node_fs3.existsSync)(file)) return void 0;
    const stats = (0, import_node_fs3.statSync)(file);
    if (!stats.isFile() || stats.size > 16 * 1024 * 1024) return void 0;
    return (0, import_node_fs3.readFileSync)(file, "utf8");
  } catch {
    return void 0;
  }
}
function readOnce(read) {
  const texts = /* @__PURE__ */ new Map();
  return (file) => {
    if (!texts.has(file)) texts.set(file, read(file));
    return texts.get(file);
  };
}
function gateAnnotations(comparison, readText = readSmallFile) {
  const read = readOnce(readText);
  const out = [];
  const local = comparison.head.sources.filter((s) => !s.file.startsWith("/") && !/^[a-z]+:/.test(s.file));
  for (const result of comparison.gates) {
    if (result.metric === void 0) continue;
    if (result.status !== "fail" && result.status !== "error" && result.status !== "warn") continue;
    const where = locateMetric(local, result.metric, read);
    if (where === void 0) continue;
    out.push({
      path: where.file.replace(/\\/g, "/").replace(/^\.\//, ""),
      start_line: where.line ?? 1,
      end_line: where.line ?? 1,
      annotation_level: result.status === "warn" ? "warning" : "failure",
      title: `mlci gate ${result.status === "warn" ? "warning" : "failed"}: ${result.gate.text}`.slice(
        0,
        255
      ),
      message: result.reason.slice(0, 64e3)
    });
  }
  return out;
}
function annotateGates(io, comparison, readText = readSmallFile) {
  const read = readOnce(readText);
  for (const result of comparison.gates) {
    if (result.status !== "fail" && result.status !== "error" && result.status !== "warn") continue;
    const where = result.metric !== void 0 ? locateMetric(comparison.head.sources, result.metric, read) : void 0;
    const message = `${result.gate.text}: ${result.reason}`;
    const properties = {
      title: `mlci gate ${result.status === "warn" ? "warning" : "failed"}`,
      ...where !== void 0 ? { file: where.file } : {},
      ...where?.line !== void 0 ? { startLine: where.line } : {}
    };
    if (result.status === "warn") io.warning(message, properties);
    else io.error(message, properties);
  }
}

export {
  plotRepositoryPaths,
  keepBasePlots,
  runFolders,
  predictionsOfRuns,
  repeatPatterns,
  loadReportPlots,
  parseDriftInputs,
  planDrift,
  withDriftMetrics,
  clearDriftState,
  readDriftState,
  parseMetricsInputs,
  actionConfig,
  metricsSetup,
  readHead,
  checkOwnNumbers,
  decodeComparisonState,
  readBaselineRuns,
  failedGateTexts,
  gateAnnotations,
  annotateGates
};
