import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  materializeGitPath,
  parseGitSpec
} from "./chunk-EB2QASR2.js";
import {
  SCORE_COLUMNS,
  confusionFromPredictions,
  curvesFromPredictions,
  readPlotFile
} from "./chunk-OVJ7P3LL.js";
import {
  ConfigurationError
} from "./chunk-T2HWWXHH.js";

// packages/cli/src/plots.ts
var KIND_NAMES = { confusion: "confusion matrix", roc: "ROC curve", pr: "precision-recall curve" };
async function plotAt(spec) {
  const git = parseGitSpec(spec);
  if (git === void 0) return readPlotFile(spec);
  const copy = await materializeGitPath(git);
  return { ...await readPlotFile(copy.path), file: spec };
}
async function loadSidePlots(files, predictions) {
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
  if (predictions !== void 0) Object.assign(plots, { ...fromPredictions(predictions), ...plots });
  return plots;
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
  loadSidePlots,
  pairPlots
};
