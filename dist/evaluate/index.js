import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  annotateGates,
  checkOwnNumbers,
  failedGateTexts,
  parseMetricsInputs
} from "../chunks/chunk-E4KBU6IW.js";
import {
  booleanInput,
  runAction,
  writeState
} from "../chunks/chunk-K3GATUHP.js";
import {
  comparisonText
} from "../chunks/chunk-ZUQOMZMP.js";
import {
  GateFailedError,
  stringifyDocument,
  toJsonDoc
} from "../chunks/chunk-ZE27OOUN.js";
import "../chunks/chunk-PZRURCD6.js";
import "../chunks/chunk-GWAIW46Y.js";
import "../chunks/chunk-3CG65SHH.js";

// actions/evaluate/src/run.ts
function parseInputs(get) {
  return { ...parseMetricsInputs(get), failOnGate: booleanInput(get, "fail-on-gate", false) };
}
async function run(io) {
  const inputs = parseInputs(io.getInput);
  const state = await checkOwnNumbers(inputs);
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

// actions/evaluate/src/index.ts
await runAction(run);
