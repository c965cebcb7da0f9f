import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  DVC_LOCK_OPTIONS,
  DVC_LOCK_OPTIONS_HELP,
  loadPipelineChanges,
  readHistoryArgs
} from "./chunk-R6KQWW23.js";
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
  helpHint,
  parseCommandArgs
} from "./chunk-ASNOHSSA.js";
import "./chunk-CWKNKEBK.js";
import "./chunk-VMLB7Z4O.js";
import {
  pipelineText,
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

// packages/cli/src/commands/compare.ts
var COMPARE_OPTIONS = {
  ...GATE_OPTIONS,
  ...DVC_LOCK_OPTIONS,
  "base-predictions": { type: "string" },
  "head-predictions": { type: "string" },
  history: { type: "string", multiple: true, default: [] },
  base: { type: "string", multiple: true, default: [] },
  head: { type: "string", multiple: true, default: [] }
};
var compareUsage = `Usage: mlci compare --base <run> [--base <run>]... [--head <run>]... [options]

Compares the pull request's metrics (head) with a baseline and evaluates every gate. A run is a
file or folder, several paths joined by commas read as one run (metrics.json,train.csv), or
git:<revision>:<path> for a path as committed at a revision (git:main:metrics.json). Give
--base or --head several times for repeats (seeds, folds): statistical gates use them.
Without --head, the config's files: are the head.

Options:
  --base RUN              a baseline run (repeatable)
  --head RUN              a pull request run (repeatable)
  --base-predictions F    per-example predictions of the baseline (CSV/TSV/JSONL: id, label,
                          prediction, scores), for paired gates; may be git:<rev>:<path>. Not
                          needed for evaluation logs that carry per-example results (lm-eval
                          with --log_samples, promptfoo, Inspect AI): paired gates pair those
                          by example id; given files win over them
  --head-predictions F    the same for the pull request
  --history H             the base branch's past runs: a folder of mlci/history documents (the
                          mlci-history branch, or git:mlci-history:.), or [LABEL=]RUN for one past
                          run (repeatable, oldest first); their spread is each metric's noise, so
                          statistical gates work with one run per side and changes within noise
                          are told apart (docs/statistics.md)
${DVC_LOCK_OPTIONS_HELP}
${GATE_OPTIONS_HELP}

Exit code: 0 passed (warnings or no baseline allowed), 1 a gate failed, 2 bad input or
configuration.
`;
async function compareCommand(args, io) {
  const { values, positionals } = parseCommandArgs({
    args,
    allowPositionals: true,
    options: COMPARE_OPTIONS
  });
  if (values.help) {
    io.stdout(compareUsage);
    return EXIT.ok;
  }
  if (positionals.length > 0) {
    io.stderr(
      `mlci compare: unexpected ${JSON.stringify(positionals[0])}: name runs with --base and --head
${helpHint("compare")}
`
    );
    return EXIT.badInput;
  }
  if (values.base.length === 0) {
    io.stderr(
      `mlci compare: no baseline: pass --base <run> (for example --base git:main:metrics.json)
${helpHint("compare")}
`
    );
    return EXIT.badInput;
  }
  const { config, extraGates, directions, readOptions } = gateSetup(values);
  const head = await readRunSet(
    values.head,
    config,
    readOptions,
    "pull request (--head)",
    (line) => io.stderr(`mlci compare: ${line}
`)
  );
  const base = await readRunSet(values.base, config, readOptions, "baseline (--base)");
  const statistics = await loadStatistics(values["base-predictions"], values["head-predictions"]);
  const history = await readHistoryArgs(values.history, readOptions);
  const comparison = runComparison({
    head,
    base,
    config,
    extraGates,
    directions,
    statistics,
    ...history !== void 0 ? { history: history.records, historyLabel: history.label } : {}
  });
  const pipeline = await loadPipelineChanges(values, config, values.base);
  if (pipeline.note !== void 0) io.stderr(`mlci compare: ${pipeline.note}
`);
  io.stdout(
    values.json ? `${stringifyDocument(comparison)}
` : comparisonText(comparison, { metrics: true })
  );
  if (!values.json && pipeline.diff !== void 0) io.stdout(`
${pipelineText(pipeline.diff)}`);
  return comparison.verdict.kind === "failed" ? EXIT.gateFailed : EXIT.ok;
}
export {
  COMPARE_OPTIONS,
  compareCommand,
  compareUsage
};
