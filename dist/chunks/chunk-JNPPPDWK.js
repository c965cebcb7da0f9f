import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  stringifyDocument
} from "./chunk-55SCGZVG.js";
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
  ConfigurationError
} from "./chunk-TQLTVCQ6.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// actions/shared/src/state.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_promises = __toESM(require_promises(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var DEFAULT_STATE_DIR = ".mlci";
var MAX_STATE_BYTES = 64 * 1024 * 1024;
function statePath(dir, name) {
  return (0, import_node_path.join)(dir, `${name}.json`);
}
async function writeState(dir, name, document) {
  await (0, import_promises.mkdir)(dir, { recursive: true });
  const path = statePath(dir, name);
  const temporary = `${path}.tmp-${process.pid}`;
  await (0, import_promises.writeFile)(temporary, `${stringifyDocument(document)}
`);
  await (0, import_promises.rename)(temporary, path);
  return path;
}
async function readState(dir, name, schema) {
  const path = statePath(dir, name);
  if (!(0, import_node_fs.existsSync)(path)) return void 0;
  const value = await readJsonFile(path, { hint: "delete it or rerun the step that wrote it" });
  const doc = value;
  if (doc === null || typeof doc !== "object" || doc.schema !== schema || doc.version !== 1) {
    throw new ConfigurationError(
      `${path}: expected an ${schema} document of version 1, found ${JSON.stringify(doc?.schema ?? null)} version ${JSON.stringify(doc?.version ?? null)}`
    );
  }
  return doc;
}
async function readJsonFile(path, options = {}) {
  const shown = options.shown ?? path;
  const maxBytes = options.maxBytes ?? MAX_STATE_BYTES;
  const hint = options.hint !== void 0 ? `; ${options.hint}` : "";
  const { size } = await (0, import_promises.stat)(path);
  if (size > maxBytes) {
    throw new ConfigurationError(`${shown}: ${size} bytes, more than mlci reads back (${maxBytes})${hint}`);
  }
  try {
    return JSON.parse(await (0, import_promises.readFile)(path, "utf8"));
  } catch (error) {
    throw new ConfigurationError(`${shown}: not JSON (${error.message})${hint}`);
  }
}
var STEP_FAILURE_SCHEMA = "mlci/step-failure";
var StepFailedError = class extends ConfigurationError {
  constructor(step, message) {
    super(message);
    this.step = step;
    this.name = "StepFailedError";
  }
  step;
};
async function recordingStepFailure(dir, name, step, work) {
  const started = {
    schema: STEP_FAILURE_SCHEMA,
    version: 1,
    step,
    message: `${step} started and did not finish (it failed, was cancelled or timed out): see its log`
  };
  await writeState(dir, name, started);
  try {
    return await work();
  } catch (error) {
    if (await stillStarted(dir, name)) {
      const failed = {
        ...started,
        message: clipMessage(error instanceof Error ? error.message : String(error)),
        ...error instanceof ConfigurationError ? { configuration: true } : {}
      };
      await writeState(dir, name, failed).catch(() => void 0);
    }
    throw error;
  }
}
async function stillStarted(dir, name) {
  try {
    const doc = JSON.parse(await (0, import_promises.readFile)(statePath(dir, name), "utf8"));
    return doc.schema === STEP_FAILURE_SCHEMA;
  } catch {
    return true;
  }
}
var MAX_STEP_FAILURE_BYTES = 64 * 1024;
var MAX_STEP_FAILURE_MESSAGE = 16 * 1024;
function clipMessage(message) {
  return message.length <= MAX_STEP_FAILURE_MESSAGE ? message : `${message.slice(0, MAX_STEP_FAILURE_MESSAGE)}... (cut; the step's log has the whole message)`;
}
async function checkStepFailures(dir) {
  for (const name of ["compare", "evaluate"]) {
    const path = statePath(dir, name);
    if (!(0, import_node_fs.existsSync)(path)) continue;
    if ((await (0, import_promises.stat)(path)).size > MAX_STEP_FAILURE_BYTES) continue;
    const doc = await readJsonFile(path, {
      hint: "delete it or rerun the step that wrote it"
    });
    if (doc === null || typeof doc !== "object" || doc.schema !== STEP_FAILURE_SCHEMA) continue;
    const step = typeof doc.step === "string" && doc.step !== "" ? doc.step : name === "compare" ? "compare-metrics" : "evaluate";
    const message = typeof doc.message === "string" ? doc.message : "(no message)";
    if (doc.configuration === true) throw new ConfigurationError(message);
    throw new StepFailedError(step, `the ${step} step failed, so its gates were not evaluated: ${message}`);
  }
}

export {
  DEFAULT_STATE_DIR,
  statePath,
  writeState,
  readState,
  readJsonFile,
  StepFailedError,
  recordingStepFailure,
  checkStepFailures
};
