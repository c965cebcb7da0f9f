import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  annotateGates,
  failedGateTexts,
  metricsSetup,
  parseMetricsInputs,
  readHead
} from "../chunks/chunk-WP7KUCDK.js";
import {
  booleanInput,
  runAction,
  writeState
} from "../chunks/chunk-ESPULZBM.js";
import {
  comparisonText
} from "../chunks/chunk-C6D5OQSO.js";
import {
  GateFailedError,
  runComparison,
  stringifyDocument,
  toJsonDoc
} from "../chunks/chunk-R7BGGXCB.js";
import "../chunks/chunk-PZRURCD6.js";
import "../chunks/chunk-GWAIW46Y.js";
import "../chunks/chunk-3CG65SHH.js";

// actions/evaluate/src/run.ts
function parseInputs(get) {
  return { ...parseMetricsInputs(get), failOnGate: booleanInput(get, "fail-on-gate", false) };
}
async function run(io) {
  const inputs = parseInputs(io.getInput);
  const setup = metricsSetup(inputs);
  const head = await readHead(setup, inputs.format);
  const comparison = runComparison({
    head,
    config: setup.config,
    extraGates: setup.extraGates,
    expectBaseline: false
  });
  const state = { schema: "mlci/evaluate", version: 1, comparison, head: head.runs };
  const path = await writeState(inputs.stateDir, "evaluate", state);
  io.info(comparisonText(comparison, { metrics: true }).trimEnd());
  io.info(`
wrote ${path}`);
  annotateGates(io, comparison);
  const failed = failedGateTexts(comparison);
  io.setOutput("passed", String(comparison.verdict.kind !== "failed"));
  io.setOutput("verdict", comparison.verdict.kind);
  io.setOutput("failed-gates", JSON.stringify(failed));
  io.setOutput("metrics", stringifyDocument(toJsonDoc(head.runs[0]).metrics, 0));
  io.setOutput("state-path", path);
  if (inputs.failOnGate && comparison.verdict.kind === "failed")
    throw new GateFailedError(comparison.verdict.summary);
}

// actions/evaluate/src/index.ts
await runAction(run);
