import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  relativeToConfig
} from "./chunk-XMWE4XSE.js";
import {
  optionalInput,
  readJsonFile,
  statePath
} from "./chunk-CVYQBI66.js";
import {
  DRIFT_BASE_REFERENCE,
  decodeDriftReport,
  mergeDocs,
  parseMissingValues,
  parseTableFormat
} from "./chunk-NP5REK3X.js";
import {
  require_promises
} from "./chunk-BDOKL3XF.js";
import {
  require_node_path
} from "./chunk-DPFCA6DW.js";
import {
  ConfigurationError
} from "./chunk-TQLTVCQ6.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// actions/shared/src/drift.ts
var import_promises = __toESM(require_promises(), 1);
var import_node_path = __toESM(require_node_path(), 1);
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
    const spec = value === DRIFT_BASE_REFERENCE || value.startsWith("git:") || (0, import_node_path.isAbsolute)(value) ? value : relativeToConfig(config, value).split("\\").join("/");
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
var DRIFT_FAILURE_SCHEMA = "mlci/drift-failure";
async function clearDriftState(stateDir) {
  await (0, import_promises.rm)(statePath(stateDir, "drift"), { force: true });
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
  if (doc?.schema === DRIFT_FAILURE_SCHEMA && typeof doc.message === "string")
    throw new ConfigurationError(
      `the ${typeof doc.step === "string" ? doc.step : "drift"} step could not compare the data, so its gates were not evaluated: ${doc.message.slice(0, 4e3)}`
    );
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

export {
  parseDriftInputs,
  planDrift,
  withDriftMetrics,
  DRIFT_FAILURE_SCHEMA,
  clearDriftState,
  readDriftState
};
