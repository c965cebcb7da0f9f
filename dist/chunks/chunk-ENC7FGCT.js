import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  loadConfig,
  parseDirectionFlags,
  parseGateFlags
} from "./chunk-4R3FL7BL.js";
import {
  formatIds,
  wrap
} from "./chunk-7C3KBPAG.js";

// packages/cli/src/commands/options.ts
var GATE_OPTIONS = {
  config: { type: "string" },
  gate: { type: "string", multiple: true, default: [] },
  direction: { type: "string", multiple: true, default: [] },
  format: { type: "string" },
  run: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false }
};
var GATE_OPTIONS_HELP = `  --config F              the config file (default: .mlci.yml in the current folder, if any)
  --gate "G"              a gate, such as "accuracy >= 0.9" or "loss rise <= 2%" (repeatable;
                          evaluated after the config's gates; see docs/gates.md)
  --direction KEY=higher  whether higher or lower is better for a metric (repeatable)
${wrap(`read every path as format F instead of detecting it: ${formatIds()} (mlci read --help says what each is)`, 26, "  --format F")}
  --run ID                MLflow: the run to read (run id, run name or experiment name)
  --json                  print the comparison document as JSON
  -h, --help              show this help`;
function gateSetup(values) {
  const readOptions = {};
  if (values.format !== void 0) readOptions.format = values.format;
  if (values.run !== void 0) readOptions.run = values.run;
  return {
    config: loadConfig(values.config),
    extraGates: parseGateFlags(values.gate),
    directions: parseDirectionFlags(values.direction),
    readOptions
  };
}

export {
  GATE_OPTIONS,
  GATE_OPTIONS_HELP,
  gateSetup
};
