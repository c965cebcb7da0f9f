import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  commitTimes,
  materializeGitPath,
  parseGitSpec,
  readRun
} from "./chunk-4R3FL7BL.js";
import {
  decodeHistoryDocument,
  diffDvcLocks,
  isUnchangedPipeline,
  meanMetrics,
  orderHistory,
  readDvcLock
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

// packages/cli/src/commands/dvc-lock.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_path2 = __toESM(require_node_path(), 1);
var DVC_LOCK_OPTIONS = {
  "dvc-lock": { type: "string" },
  "base-dvc-lock": { type: "string" }
};
var DVC_LOCK_OPTIONS_HELP = `  --dvc-lock F            the pull request's dvc.lock (default: dvc.lock beside the config file,
                          or in the current folder); its changes against the base's are shown
                          (data, parameters, commands; see docs/dvc-pipelines.md)
  --base-dvc-lock F       the base's dvc.lock (default: the same path at the revision of a
                          git:<rev>:<path> --base); may be git:<rev>:<path>`;
async function loadPipelineChanges(values, config, baseSpecs, cwd = process.cwd()) {
  const named = values["dvc-lock"];
  const baseNamed = values["base-dvc-lock"];
  const headSpec = named ?? (config.file !== void 0 ? (0, import_node_path2.join)((0, import_node_path2.dirname)(config.file), "dvc.lock") : "dvc.lock");
  const head = await readLock(headSpec, cwd);
  if (head === void 0) {
    if (named !== void 0) throw new ConfigurationError(`--dvc-lock ${named}: no such file`);
    if (baseNamed !== void 0)
      throw new ConfigurationError(
        `--base-dvc-lock ${baseNamed}: the pull request has no ${displayPath(headSpec)} to compare it with; pass --dvc-lock`
      );
    return {};
  }
  let base;
  if (baseNamed !== void 0) {
    base = await readLock(baseNamed, cwd);
    if (base === void 0) throw new ConfigurationError(`--base-dvc-lock ${baseNamed}: no such file`);
  } else {
    if (baseSpecs.length === 0) return {};
    const revision = baseRevision(baseSpecs);
    const shown = displayPath(headSpec);
    if (revision === void 0)
      return {
        note: `${shown} is not compared with the base's: the baseline is not git:<rev>:<path> of one revision; pass --base-dvc-lock`
      };
    const inRepository = parseGitSpec(headSpec)?.path ?? repositoryPath(headSpec, cwd);
    base = await readLock(`git:${revision}:${inRepository}`, cwd);
    if (base === void 0)
      return { note: `${shown} is not compared with the base's: there is none at ${revision}` };
  }
  const diff = diffDvcLocks(base.lock, head.lock, { file: head.label, base: base.label });
  return isUnchangedPipeline(diff) ? {} : { diff };
}
async function readLock(spec, cwd) {
  const git = parseGitSpec(spec);
  if (git === void 0) {
    const path = (0, import_node_path2.isAbsolute)(spec) ? spec : (0, import_node_path2.join)(cwd, spec);
    if (!(0, import_node_fs.existsSync)(path)) return void 0;
    return { lock: await readDvcLock(path, displayPath(spec)), label: displayPath(spec) };
  }
  const copy = await materializeAbsentAsUndefined(git, cwd);
  if (copy === void 0) return void 0;
  return { lock: await readDvcLock(copy.path, spec), label: copy.label };
}
async function materializeAbsentAsUndefined(spec, cwd) {
  try {
    return await materializeGitPath(spec, cwd);
  } catch (error) {
    if (error instanceof ConfigurationError && /: no such file or folder at /.test(error.message))
      return void 0;
    throw error;
  }
}
function baseRevision(specs) {
  const revisions = new Set(specs.map((spec) => parseGitSpec(spec)?.rev));
  if (revisions.size !== 1) return void 0;
  const [revision] = revisions;
  return revision;
}
function repositoryPath(path, cwd) {
  const inside = (0, import_node_path2.isAbsolute)(path) ? (0, import_node_path2.relative)(cwd, path) : path;
  return inside.split(import_node_path2.sep).join("/");
}
function displayPath(path) {
  return path.split(import_node_path2.sep).join("/").replace(/^\.\//, "");
}

export {
  readHistoryArgs,
  DVC_LOCK_OPTIONS,
  DVC_LOCK_OPTIONS_HELP,
  loadPipelineChanges
};
