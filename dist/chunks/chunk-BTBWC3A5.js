import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  require_node_os
} from "./chunk-VMLB7Z4O.js";
import {
  require_node_crypto
} from "./chunk-55SCGZVG.js";
import {
  require_node_fs
} from "./chunk-ERMUBDDR.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// actions/shared/src/runner.ts
var import_node_crypto = __toESM(require_node_crypto(), 1);
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_os = __toESM(require_node_os(), 1);
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
  process.stdout.write(`${workflowCommand(command, properties, message)}${import_node_os.EOL}`);
}
function newDelimiter() {
  return `ghadelimiter_${(0, import_node_crypto.randomUUID)()}`;
}
function outputBlock(name, value, delimiter = newDelimiter) {
  if (name === "" || /[\r\n=<]/.test(name)) throw new Error(`${JSON.stringify(name)} is not an output name`);
  for (let attempt = 0; attempt < 3; attempt++) {
    const candidate = delimiter();
    if (candidate === "" || /[\r\n]/.test(candidate)) throw new Error("an output delimiter must be one line");
    if (!name.includes(candidate) && !value.includes(candidate)) {
      return `${name}<<${candidate}${import_node_os.EOL}${value}${import_node_os.EOL}${candidate}${import_node_os.EOL}`;
    }
  }
  throw new Error(`output ${name}: every delimiter drawn occurs in the value`);
}
var SPACE = /[\s\u0085\u180e]/;
function mayBeCommand(text) {
  if (text.includes("##[")) return true;
  for (let at = text.indexOf("::"); at >= 0; at = text.indexOf("::", at + 1)) {
    let i = at - 1;
    while (i >= 0 && text[i] !== "\n" && text[i] !== "\r" && SPACE.test(text[i])) i--;
    if (i < 0 || text[i] === "\n" || text[i] === "\r") return true;
  }
  return false;
}
function newStopToken() {
  return `mlci-${(0, import_node_crypto.randomUUID)()}`;
}
function logText(text, token = newStopToken) {
  if (!mayBeCommand(text)) return text;
  const folded = text.toLowerCase();
  for (let attempt = 0; attempt < 3; attempt++) {
    const candidate = token();
    if (!/^[a-z0-9-]+$/i.test(candidate)) throw new Error("a stop-commands token is letters, digits and -");
    if (!folded.includes(candidate.toLowerCase())) {
      return `::stop-commands::${candidate}
${text}
::${candidate}::`;
    }
  }
  throw new Error("every stop-commands token drawn occurs in the text");
}
function setOutput(name, value, env = process.env) {
  const file = env.GITHUB_OUTPUT;
  if (file === void 0 || file === "") {
    process.stdout.write(`${import_node_os.EOL}${workflowCommand("set-output", { name }, value)}${import_node_os.EOL}`);
    return;
  }
  if (!(0, import_node_fs.existsSync)(file)) throw new Error(`GITHUB_OUTPUT names ${file}, which does not exist`);
  (0, import_node_fs.appendFileSync)(file, outputBlock(name, value), "utf8");
}
function appendSummary(markdown, env = process.env) {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file === void 0 || file === "") return false;
  (0, import_node_fs.appendFileSync)(file, `${markdown}${import_node_os.EOL}`, "utf8");
  return true;
}

// actions/shared/src/io.ts
function runnerIO() {
  return {
    getInput: (name) => getInput(name),
    setOutput: (name, value) => setOutput(name, value),
    setSecret: (value) => issue("add-mask", {}, value),
    info: (message) => void process.stdout.write(`${logText(message)}
`),
    debug: (message) => issue("debug", {}, message),
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
function loggerOf(io) {
  return { info: (m) => io.info(m), warning: (m) => io.warning(m), debug: (m) => io.debug(m) };
}

export {
  runnerIO,
  loggerOf
};
