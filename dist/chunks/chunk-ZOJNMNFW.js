import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  predictionsAt
} from "./chunk-WE7IKWJT.js";
import {
  materializeGitPath,
  parseGitSpec
} from "./chunk-4R3FL7BL.js";
import {
  SCORE_COLUMNS,
  buildExtraSections,
  confusionFromPredictions,
  curvesFromPredictions,
  parseExtraArgument,
  readPlotFile
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

// packages/cli/src/extra.ts
var import_promises = __toESM(require_promises(), 1);
var import_node_path = __toESM(require_node_path(), 1);
async function loadExtraContent(args, config, root, from) {
  const requests = args.length > 0 ? args.map((arg) => parseExtraArgument(arg, from)) : (config.report.sections ?? []).map((request) => ({
    ...request,
    file: configRelative(config, request, root)
  }));
  if (requests.length === 0) return void 0;
  return buildExtraSections(requests, workspaceReader(root));
}
function configRelative(config, request, root) {
  if (config.file === void 0 || (0, import_node_path.isAbsolute)(request.file)) return request.file;
  const full = (0, import_node_path.resolve)((0, import_node_path.dirname)(config.file), request.file);
  const inside = (0, import_node_path.relative)((0, import_node_path.resolve)(root), full);
  if (inside === "" || inside.startsWith(`..${import_node_path.sep}`) || inside === ".." || (0, import_node_path.isAbsolute)(inside))
    throw new ConfigurationError(
      `${request.from}: ${JSON.stringify(request.file)} leads outside the workspace (${root}); expected a file inside it`
    );
  return inside.split(import_node_path.sep).join("/");
}
function workspaceReader(root) {
  let realRoot;
  return async (path, maxBytes) => {
    const full = (0, import_node_path.join)(root, ...path.split("/"));
    let real;
    try {
      real = await (0, import_promises.realpath)(full);
    } catch {
      throw new ConfigurationError(`${path}: not found (in ${(0, import_node_path.resolve)(root)})`);
    }
    realRoot ??= (0, import_promises.realpath)(root);
    const inside = (0, import_node_path.relative)(await realRoot, real);
    if (inside.startsWith(`..${import_node_path.sep}`) || inside === ".." || (0, import_node_path.isAbsolute)(inside))
      throw new ConfigurationError(
        `${path}: is a symbolic link that leads outside the workspace (to ${real}); expected a file inside it`
      );
    if (!(await (0, import_promises.stat)(real)).isFile()) throw new ConfigurationError(`${path}: is not a file`);
    const handle = await (0, import_promises.open)(real, "r");
    try {
      const buffer = Buffer.alloc(maxBytes + 1);
      let length = 0;
      for (; ; ) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length === buffer.length) break;
      }
      return buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  };
}

// packages/cli/src/plots.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_path2 = __toESM(require_node_path(), 1);
var KIND_NAMES = { confusion: "confusion matrix", roc: "ROC curve", pr: "precision-recall curve" };
async function plotAt(spec) {
  const git = parseGitSpec(spec);
  if (git === void 0) return readPlotFile(spec);
  const copy = await materializeGitPath(git);
  return { ...await readPlotFile(copy.path), file: spec };
}
async function loadSidePlots(files, predictions, options = {}) {
  const plots = {};
  for (const file of files) {
    const plot = await plotAt(file);
    const existing = plots[plot.kind];
    if (existing !== void 0) {
      throw new ConfigurationError(
        `two ${KIND_NAMES[plot.kind]}s given (${existing.file} and ${file}): a report draws one; give one of them`
      );
    }
    Object.assign(plots, { [plot.kind]: plot });
  }
  const sets = predictions === void 0 ? [] : Array.isArray(predictions) ? predictions : [predictions];
  if (sets.length > 0)
    Object.assign(plots, { ...fromPredictionRuns(sets, options.runs ?? sets.length), ...plots });
  return plots;
}
function fromPredictionRuns(sets, runs) {
  if (sets.length === 1) {
    const plots2 = fromPredictions(sets[0]);
    if (runs > 1)
      scope(plots2, `one run of ${runs}: ${sets[0].file}`, `one run of ${runs}: ${sets[0].file}`);
    return plots2;
  }
  const pooled = {
    file: sets.map((s) => s.file).join(", "),
    ids: sets.flatMap((s, run) => s.ids.map((id) => `${run + 1}:${id}`)),
    hasIds: sets.every((s) => s.hasIds),
    scores: /* @__PURE__ */ new Map()
  };
  if (sets.every((s) => s.labels !== void 0)) pooled.labels = sets.flatMap((s) => s.labels);
  if (sets.every((s) => s.predictions !== void 0))
    pooled.predictions = sets.flatMap((s) => s.predictions);
  for (const column of sets[0].scores.keys())
    if (sets.every((s) => s.scores.has(column)))
      pooled.scores.set(
        column,
        sets.flatMap((s) => s.scores.get(column))
      );
  const plots = fromPredictions(pooled);
  scope(plots, `summed over ${sets.length} runs`, `pooled over ${sets.length} runs`);
  return plots;
}
function scope(plots, matrix, curves) {
  if (plots.confusion !== void 0) plots.confusion.scope = matrix;
  if (plots.roc !== void 0) plots.roc.scope = curves;
  if (plots.pr !== void 0) plots.pr.scope = curves;
}
async function predictionsOfRuns(first, runs) {
  if (first === void 0) return [];
  const folders = runs.filter(
    (r) => parseGitSpec(r) === void 0 && (0, import_node_fs.existsSync)(r) && (0, import_node_fs.statSync)(r).isDirectory()
  );
  if (folders.length < 2 || folders.length !== runs.length || parseGitSpec(first.file) !== void 0)
    return [first];
  const owner = folders.find((f) => {
    const rel2 = (0, import_node_path2.relative)(f, first.file);
    return rel2 !== "" && !rel2.startsWith("..") && !(0, import_node_path2.isAbsolute)(rel2);
  });
  if (owner === void 0) return [first];
  const rel = (0, import_node_path2.relative)(owner, first.file);
  const paths = folders.map((f) => (0, import_node_path2.join)(f, rel));
  if (!paths.every((p) => (0, import_node_fs.existsSync)(p))) return [first];
  return Promise.all(paths.map((p) => p === (0, import_node_path2.join)(owner, rel) ? first : predictionsAt(p)));
}
function fromPredictions(set) {
  const out = {};
  if (set.labels !== void 0 && set.predictions !== void 0)
    out.confusion = confusionFromPredictions(set);
  const hasScore = SCORE_COLUMNS.some((c) => set.scores.has(c));
  if (set.labels !== void 0 && hasScore && new Set(set.labels).size === 2) {
    const curves = curvesFromPredictions(set);
    out.roc = curves.roc;
    out.pr = curves.pr;
  }
  return out;
}
function pairPlots(head, base) {
  const out = {};
  if (head.confusion !== void 0)
    out.confusion = base.confusion ? { head: head.confusion, base: base.confusion } : { head: head.confusion };
  if (head.roc !== void 0) out.roc = base.roc ? { head: head.roc, base: base.roc } : { head: head.roc };
  if (head.pr !== void 0) out.pr = base.pr ? { head: head.pr, base: base.pr } : { head: head.pr };
  return out;
}

export {
  loadExtraContent,
  loadSidePlots,
  predictionsOfRuns,
  pairPlots
};
