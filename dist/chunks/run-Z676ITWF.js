import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  actionConfig,
  annotateGates,
  checkOwnNumbers,
  clearDriftState,
  failedGateTexts,
  parseDriftInputs,
  parseMetricsInputs,
  planDrift
} from "./chunk-WNPAMCI4.js";
import "./chunk-MFPTRVLM.js";
import "./chunk-GCUGJDMS.js";
import "./chunk-F56DFHV3.js";
import "./chunk-ZOJNMNFW.js";
import "./chunk-WE7IKWJT.js";
import {
  comparisonText
} from "./chunk-4R3FL7BL.js";
import "./chunk-BBRN4AUK.js";
import "./chunk-ASNOHSSA.js";
import {
  booleanInput,
  optionalInput
} from "./chunk-2G3CJ45Y.js";
import {
  DEFAULT_STATE_DIR,
  recordingStepFailure,
  writeState
} from "./chunk-JNPPPDWK.js";
import "./chunk-CWKNKEBK.js";
import "./chunk-VMLB7Z4O.js";
import {
  stringifyDocument,
  toJsonDoc
} from "./chunk-55SCGZVG.js";
import "./chunk-IFY4HQBU.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-MTIA3I3M.js";
import "./chunk-7KQVUUA4.js";
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
  return {
    ...parseMetricsInputs(get),
    failOnGate: booleanInput(get, "fail-on-gate", false),
    drift: parseDriftInputs(get)
  };
}
async function run(io) {
  const stateDir = optionalInput(io.getInput, "state-dir") ?? DEFAULT_STATE_DIR;
  await recordingStepFailure(stateDir, "evaluate", "evaluate", () => evaluate(io));
}
async function evaluate(io) {
  const inputs = parseInputs(io.getInput);
  const config = actionConfig(inputs);
  await clearDriftState(inputs.stateDir);
  const plan = planDrift({ inputs: inputs.drift, config, baseAllowed: false });
  const drift = plan === void 0 ? void 0 : (
    // Loaded only when there is data to compare: the table readers and the GitHub adapter are
    // most of its weight, and evaluate needs neither otherwise.
    await (await import("./drift-run-GBH24SKH.js")).driftStep(io, { step: "evaluate", stateDir: inputs.stateDir, plan })
  );
  const state = await checkOwnNumbers(inputs, config, (line) => io.info(line), drift?.doc);
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
