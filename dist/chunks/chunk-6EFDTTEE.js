import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  commitTimes,
  materializeGitPath,
  parseGitSpec,
  readRun
} from "./chunk-NZO2U5Q7.js";
import {
  decodeHistoryDocument,
  meanMetrics,
  orderHistory
} from "./chunk-ESZXJ6OI.js";
import {
  require_promises
} from "./chunk-FJ6MDEC6.js";
import {
  require_node_path
} from "./chunk-DPFCA6DW.js";
import {
  ConfigurationError
} from "./chunk-TQLTVCQ6.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// packages/cli/src/history.ts
var import_promises = __toESM(require_promises(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var MAX_HISTORY_FILE_BYTES = 16 * 1024 * 1024;
var MAX_HISTORY_FILES = 5e3;
async function readHistoryArgs(specs, options) {
  if (specs.length === 0) return void 0;
  const records = [];
  const labels = [];
  let singles = 0;
  for (const spec of specs) {
    const folder = await historyFolder(spec);
    if (folder !== void 0) {
      const read = await readHistoryFolder(spec, folder);
      records.push(...read.records);
      labels.push(read.label);
      continue;
    }
    const eq = spec.indexOf("=");
    const label = eq > 0 && !spec.startsWith("git:") ? spec.slice(0, eq) : (0, import_node_path.basename)(spec);
    const path = eq > 0 && !spec.startsWith("git:") ? spec.slice(eq + 1) : spec;
    if (path === "") throw new ConfigurationError(`--history ${JSON.stringify(spec)}: expected [LABEL=]FILE`);
    const { doc } = await readRun(path, options);
    records.push({ label, runs: [doc] });
    singles++;
  }
  if (singles > 0) labels.push(`${singles} ${singles === 1 ? "run" : "runs"} given in order`);
  return {
    records,
    // `runs`: the chart's noise band narrows for a point that is the mean of several runs.
    entries: records.map((record) => ({
      label: record.label,
      runs: record.runs.length,
      doc: meanDoc(record.runs)
    })),
    label: labels.join(" and ")
  };
}
function meanDoc(runs) {
  if (runs.length === 1) return runs[0];
  return {
    metrics: meanMetrics(runs),
    series: {},
    params: runs[0]?.params ?? {},
    sources: runs.flatMap((r) => r.sources)
  };
}
async function historyFolder(spec) {
  const git = parseGitSpec(spec);
  const path = git === void 0 ? spec : (await materializeGitPath(git)).path;
  const info = await (0, import_promises.stat)(path).catch(() => void 0);
  if (info === void 0 || !info.isDirectory()) return void 0;
  const first = (await (0, import_promises.readdir)(path)).filter((name) => name.endsWith(".json")).sort()[0];
  if (first === void 0) return void 0;
  const head = (await (0, import_promises.readFile)((0, import_node_path.join)(path, first), "utf8").catch(() => "")).slice(0, 4096);
  return /"schema"\s*:\s*"mlci\/history"/.test(head) ? path : void 0;
}
async function readHistoryFolder(spec, folder) {
  const git = parseGitSpec(spec);
  const names = (await (0, import_promises.readdir)(folder)).filter((name) => name.endsWith(".json")).sort();
  if (names.length > MAX_HISTORY_FILES)
    throw new ConfigurationError(`--history ${spec}: ${names.length} files, more than ${MAX_HISTORY_FILES}`);
  const times = git === void 0 ? void 0 : await commitTimes(git);
  const entries = [];
  for (const name of names) {
    const path = (0, import_node_path.join)(folder, name);
    const shown = git === void 0 ? path : `${spec.replace(/\/+$/, "")}/${name}`;
    const info = await (0, import_promises.stat)(path);
    if (info.size > MAX_HISTORY_FILE_BYTES)
      throw new ConfigurationError(`${shown}: ${info.size} bytes, more than a history document holds`);
    let value;
    try {
      value = JSON.parse(await (0, import_promises.readFile)(path, "utf8"));
    } catch (error) {
      throw new ConfigurationError(`${shown}: not JSON (${error.message})`);
    }
    const entry = { doc: decodeHistoryDocument(value, shown), file: name };
    const time = times === void 0 ? info.mtimeMs : times.get(name);
    if (time !== void 0) entry.time = time;
    entries.push(entry);
  }
  const { records, orderedBy } = orderHistory(entries);
  const order = orderedBy === "recorded time" ? "by the time each was recorded" : orderedBy === "given time" ? git === void 0 ? "by file time" : "by commit time" : "by file name";
  return {
    records,
    label: `${records.length} ${records.length === 1 ? "record" : "records"} of ${spec} (${order})`
  };
}

export {
  readHistoryArgs
};
