import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  ConfigurationError,
  isMlciError,
  stringifyDocument
} from "./chunk-ZE27OOUN.js";

// actions/shared/src/runner.ts
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync } from "node:fs";
import { EOL } from "node:os";
function getInput(name, env = process.env) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function workflowCommand(command, properties, message) {
  const props = Object.entries(properties).filter(([, value]) => value !== void 0 && value !== "" && value !== 0).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${command}${props.length > 0 ? ` ${props.join(",")}` : ""}::${escapeData(message)}`;
}
function annotationProperties(where = {}) {
  return { title: where.title, file: where.file, line: where.startLine };
}
function issue(command, properties, message) {
  process.stdout.write(`${workflowCommand(command, properties, message)}${EOL}`);
}
function outputBlock(name, value, delimiter = `ghadelimiter_${randomUUID()}`) {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`output ${name}: the value contains the delimiter ${delimiter}`);
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}
function setOutput(name, value, env = process.env) {
  const file = env.GITHUB_OUTPUT;
  if (file === void 0 || file === "") {
    process.stdout.write(`${EOL}${workflowCommand("set-output", { name }, value)}${EOL}`);
    return;
  }
  if (!existsSync(file)) throw new Error(`GITHUB_OUTPUT names ${file}, which does not exist`);
  appendFileSync(file, outputBlock(name, value), "utf8");
}
function appendSummary(markdown, env = process.env) {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file === void 0 || file === "") return false;
  appendFileSync(file, `${markdown}${EOL}`, "utf8");
  return true;
}

// actions/shared/src/io.ts
function runnerIO() {
  return {
    getInput: (name) => getInput(name),
    setOutput: (name, value) => setOutput(name, value),
    setSecret: (value) => issue("add-mask", {}, value),
    info: (message) => void process.stdout.write(`${message}
`),
    warning: (message, where) => issue("warning", annotationProperties(where), message),
    error: (message, where) => issue("error", annotationProperties(where), message),
    appendSummary: async (markdown) => {
      if (!appendSummary(markdown))
        process.stdout.write("no job summary here (GITHUB_STEP_SUMMARY is not set)\n");
    },
    setFailed: (message) => {
      process.exitCode = 1;
      issue("error", {}, message);
    }
  };
}

// actions/shared/src/main.ts
async function runAction(run, io = runnerIO()) {
  try {
    await run(io);
  } catch (error) {
    if (isMlciError(error)) {
      io.setFailed(error.message);
      return;
    }
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    io.setFailed(`mlci failed unexpectedly; this is a bug, please report it with this log:
${detail}`);
  }
}

// actions/shared/src/inputs.ts
function optionalInput(get, name) {
  const value = get(name).trim();
  return value === "" ? void 0 : value;
}
function requiredInput(get, name, expected) {
  const value = optionalInput(get, name);
  if (value === void 0) throw new ConfigurationError(`input ${name} is required: expected ${expected}`);
  return value;
}
function booleanInput(get, name, fallback) {
  const value = optionalInput(get, name);
  if (value === void 0) return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new ConfigurationError(`input ${name}: expected true or false, found ${JSON.stringify(value)}`);
}
function listInput(get, name, options = {}) {
  const value = get(name);
  const lines = value.split(/\r?\n/);
  const items = options.commas === false ? lines : lines.flatMap((line) => line.split(","));
  return items.map((item) => item.trim()).filter((item) => item !== "" && !item.startsWith("#"));
}
function choiceInput(get, name, choices, fallback) {
  const value = optionalInput(get, name);
  if (value === void 0) return fallback;
  if (!choices.includes(value)) {
    throw new ConfigurationError(
      `input ${name}: expected one of ${choices.join(", ")}, found ${JSON.stringify(value)}`
    );
  }
  return value;
}
function integerInput(get, name, fallback, min, max) {
  const value = optionalInput(get, name);
  if (value === void 0) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigurationError(
      `input ${name}: expected a whole number from ${min} to ${max}, found ${JSON.stringify(value)}`
    );
  }
  return n;
}

// actions/shared/src/state.ts
import { existsSync as existsSync2 } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
var DEFAULT_STATE_DIR = ".mlci";
var MAX_STATE_BYTES = 64 * 1024 * 1024;
function statePath(dir, name) {
  return join(dir, `${name}.json`);
}
async function writeState(dir, name, document) {
  await mkdir(dir, { recursive: true });
  const path = statePath(dir, name);
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, `${stringifyDocument(document)}
`);
  await rename(temporary, path);
  return path;
}
async function readState(dir, name, schema) {
  const path = statePath(dir, name);
  if (!existsSync2(path)) return void 0;
  const text = await readFile(path, "utf8");
  if (text.length > MAX_STATE_BYTES) {
    throw new ConfigurationError(
      `${path}: ${text.length} bytes, more than a state file can be (${MAX_STATE_BYTES})`
    );
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(
      `${path}: not JSON (${error.message}); delete it or rerun the step that wrote it`
    );
  }
  const doc = value;
  if (doc === null || typeof doc !== "object" || doc.schema !== schema || doc.version !== 1) {
    throw new ConfigurationError(
      `${path}: expected an ${schema} document of version 1, found ${JSON.stringify(doc?.schema ?? null)} version ${JSON.stringify(doc?.version ?? null)}`
    );
  }
  return doc;
}

export {
  runAction,
  optionalInput,
  requiredInput,
  booleanInput,
  listInput,
  choiceInput,
  integerInput,
  DEFAULT_STATE_DIR,
  writeState,
  readState
};
