import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  materializeGitPath,
  parseGitSpec
} from "./chunk-4R3FL7BL.js";
import {
  gateStatistics,
  readPredictions
} from "./chunk-55SCGZVG.js";
import {
  ConfigurationError
} from "./chunk-TQLTVCQ6.js";

// packages/cli/src/statistics.ts
async function predictionsAt(spec) {
  const git = parseGitSpec(spec);
  if (git === void 0) return readPredictions(spec);
  const copy = await materializeGitPath(git);
  const set = await readPredictions(copy.path);
  return { ...set, file: spec };
}
async function loadPredictionPair(basePredictions, headPredictions) {
  const pair = {};
  if (basePredictions !== void 0) pair.base = await predictionsAt(basePredictions);
  if (headPredictions !== void 0) pair.head = await predictionsAt(headPredictions);
  return pair;
}
function requireBothSides(base, head) {
  if (base === void 0 !== (head === void 0)) {
    throw new ConfigurationError(
      "paired gates need predictions of both sides: pass --base-predictions and --head-predictions together"
    );
  }
}
function statisticsFor(pair) {
  requireBothSides(pair.base, pair.head);
  if (pair.base === void 0 || pair.head === void 0) return gateStatistics();
  return gateStatistics({ predictions: { base: pair.base, head: pair.head } });
}
async function loadStatistics(basePredictions, headPredictions) {
  requireBothSides(basePredictions, headPredictions);
  return statisticsFor(await loadPredictionPair(basePredictions, headPredictions));
}

export {
  predictionsAt,
  loadPredictionPair,
  statisticsFor,
  loadStatistics
};
