import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  GATE_OPTIONS,
  GATE_OPTIONS_HELP,
  gateSetup
} from "./chunk-ENC7FGCT.js";
import {
  loadStatistics
} from "./chunk-WE7IKWJT.js";
import {
  comparisonText,
  readRunSet
} from "./chunk-4R3FL7BL.js";
import "./chunk-7C3KBPAG.js";
import "./chunk-BBRN4AUK.js";
import {
  parseCommandArgs
} from "./chunk-ASNOHSSA.js";
import "./chunk-CWKNKEBK.js";
import "./chunk-VMLB7Z4O.js";
import {
  runComparison,
  stringifyDocument
} from "./chunk-55SCGZVG.js";
import "./chunk-IFY4HQBU.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-MTIA3I3M.js";
import {
  EXIT
} from "./chunk-PTB36J5H.js";
import "./chunk-BDOKL3XF.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-TQLTVCQ6.js";
import "./chunk-3CG65SHH.js";

// packages/cli/src/commands/check.ts
var CHECK_OPTIONS = GATE_OPTIONS;
var checkUsage = `Usage: mlci check [<path>...] [--config F] [--gate "G"]... [--json]

Evaluates gates on one run's own numbers: bounds, ranges, required and finite metrics. Paths are
read together as one run (default: files: in the config). Gates that compare with a baseline are
reported as "no baseline" here; use mlci compare for them.

Options:
${GATE_OPTIONS_HELP}

Exit code: 0 passed (warnings allowed), 1 a gate failed, 2 bad input or configuration.
`;
async function checkCommand(args, io) {
  const { values, positionals } = parseCommandArgs({ args, allowPositionals: true, options: CHECK_OPTIONS });
  if (values.help) {
    io.stdout(checkUsage);
    return EXIT.ok;
  }
  const { config, extraGates, directions, readOptions } = gateSetup(values);
  const head = await readRunSet(
    positionals.length > 0 ? [positionals.join(",")] : [],
    config,
    readOptions,
    "pull request",
    (line) => io.stderr(`mlci check: ${line}
`)
  );
  if (config.gates.length + extraGates.length === 0) {
    io.stderr('mlci check: no gates given: add gates: to .mlci.yml or pass --gate "accuracy >= 0.9"\n');
  }
  const statistics = await loadStatistics();
  const comparison = runComparison({
    head,
    config,
    extraGates,
    directions,
    statistics,
    expectBaseline: false
  });
  io.stdout(
    values.json ? `${stringifyDocument(comparison)}
` : comparisonText(comparison, { metrics: false })
  );
  return comparison.verdict.kind === "failed" ? EXIT.gateFailed : EXIT.ok;
}
export {
  CHECK_OPTIONS,
  checkCommand,
  checkUsage
};
