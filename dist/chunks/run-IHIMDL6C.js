import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  annotateGates,
  checkOwnNumbers,
  failedGateTexts,
  parseMetricsInputs
} from "./chunk-SRM4VC2B.js";
import "./chunk-XT3WNR7G.js";
import "./chunk-VGAH6INF.js";
import {
  comparisonText
} from "./chunk-JTZSX4JB.js";
import "./chunk-BBRN4AUK.js";
import "./chunk-G5U2YJSW.js";
import {
  booleanInput,
  writeState
} from "./chunk-7VXTRYNB.js";
import "./chunk-CWKNKEBK.js";
import "./chunk-VMLB7Z4O.js";
import {
  stringifyDocument,
  toJsonDoc
} from "./chunk-F2WZZ3MV.js";
import "./chunk-ZIA7CJWI.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-MTIA3I3M.js";
import "./chunk-FMOSOVGD.js";
import "./chunk-PTB36J5H.js";
import "./chunk-BDOKL3XF.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import {
  GateFailedError
} from "./chunk-TQLTVCQ6.js";
import "./chunk-3CG65SHH.js";

// actions/evaluate/src/run.ts
function parseInputs(get) {
  return { ...parseMetricsInputs(get), failOnGate: booleanInput(get, "fail-on-gate", false) };
}
async function run(io) {
  const inputs = parseInputs(io.getInput);
  const state = await checkOwnNumbers(inputs, void 0, (line) => io.info(line));
  const { comparison, head } = state;
  const path = await writeState(inputs.stateDir, "evaluate", state);
  io.info(comparisonText(comparison, { metrics: true }).trimEnd());
  io.info(`
wrote ${path}`);
  annotateGates(io, comparison);
  const failed = failedGateTexts(comparison);
  io.setOutput("passed", String(comparison.verdict.kind !== "failed"));
  io.setOutput("verdict", comparison.verdict.kind);
  io.setOutput("failed-gates", JSON.stringify(failed));
  io.setOutput("metrics", stringifyDocument(toJsonDoc(head[0]).metrics, 0));
  io.setOutput("state-path", path);
  if (inputs.failOnGate && comparison.verdict.kind === "failed")
    throw new GateFailedError(comparison.verdict.summary);
}
export {
  parseInputs,
  run
};
