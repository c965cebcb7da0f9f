import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  loadExtraContent,
  loadSidePlots,
  pairPlots,
  predictionsOfRuns
} from "./chunk-ZOJNMNFW.js";
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
  loadPredictionPair,
  statisticsFor
} from "./chunk-WE7IKWJT.js";
import {
  comparisonText,
  readRunSet,
  relativeToConfig
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
  REPORT_FILES,
  buildReport,
  gateStatistics,
  pipelineText,
  runComparison,
  stringifyDocument,
  writeReportFolder
} from "./chunk-55SCGZVG.js";
import "./chunk-IFY4HQBU.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-MTIA3I3M.js";
import {
  EXIT
} from "./chunk-PTB36J5H.js";
import "./chunk-BDOKL3XF.js";
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

// packages/cli/src/commands/report.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var REPORT_OPTIONS = {
  ...GATE_OPTIONS,
  ...DVC_LOCK_OPTIONS,
  out: { type: "string" },
  base: { type: "string", multiple: true, default: [] },
  head: { type: "string", multiple: true, default: [] },
  "base-predictions": { type: "string" },
  "head-predictions": { type: "string" },
  plots: { type: "string", multiple: true, default: [] },
  "base-plots": { type: "string", multiple: true, default: [] },
  history: { type: "string", multiple: true, default: [] },
  branch: { type: "string" },
  title: { type: "string" },
  id: { type: "string" },
  commit: { type: "string" },
  "max-curves": { type: "string" },
  "no-preview": { type: "boolean", default: false },
  extra: { type: "string", multiple: true, default: [] }
};
var reportUsage = `Usage: mlci report --out DIR [--base <run>]... [--head <run>]... [options]

Compares like mlci compare (without --base: the run's own numbers, with "no baseline" said
clearly) and writes the pull request report into DIR: report.md (the comment GitHub will show),
one PNG per chart, report.json (the comparison and the report's facts) and index.html, a local
preview of the comment. Charts: metric changes, confusion matrix, ROC and precision-recall
(from plot files or predictions), training curves, and the base branch's history.

Options:
  --out DIR               the folder to write into (created; other files in it are left alone)
  --base RUN              a baseline run (repeatable); may be git:<rev>:<path>
  --head RUN              a pull request run (repeatable; default: the config's files:)
  --base-predictions F    per-example predictions of the baseline (paired gates, plots)
  --head-predictions F    per-example predictions of the pull request (default: report.predictions)
  --plots F               a plot file of the pull request: confusion matrix, ROC or precision-recall
                          (dvclive, DVC or scikit-learn style; repeatable; default: report.plots)
  --base-plots F          the same for the baseline (repeatable)
  --history H             the base branch's past runs: a folder of mlci/history documents (the
                          mlci-history branch, or git:mlci-history:.), or [LABEL=]RUN for one past
                          run (repeatable, oldest first); their spread is each metric's noise,
                          for statistical gates and "within noise", and they draw the trend chart
  --branch NAME           the base branch, for the history chart's title
  --title T               the report's heading (default: report.title, or "mlci report")
  --id ID                 the report id of the hidden marker (default: report.id, or "mlci")
  --commit SHA            the commit the pull request run is of, shown in the report
  --max-curves N          at most N training-curve charts (default: report.max-curves, or 6)
  --no-preview            leave out index.html (an older one in DIR is removed)
  --extra FILE[@WHERE]    the team's own Markdown file or image in the report (repeatable;
                          default: report.sections); WHERE is top, after-summary or bottom
                          (default bottom, folded). Images in the Markdown are copied next to
                          report.md. See docs/extra-content.md
${DVC_LOCK_OPTIONS_HELP}
${GATE_OPTIONS_HELP.replace("print the comparison document as JSON", "print report.json instead of the summary")}

Exit code: 0 passed (warnings or no baseline allowed), 1 a gate failed, 2 bad input or
configuration.
`;
async function reportCommand(args, io) {
  const { values, positionals } = parseCommandArgs({ args, allowPositionals: true, options: REPORT_OPTIONS });
  if (values.help) {
    io.stdout(reportUsage);
    return EXIT.ok;
  }
  if (positionals.length > 0) {
    io.stderr(
      `mlci report: unexpected ${JSON.stringify(positionals[0])}: name runs with --base and --head
${helpHint("report")}
`
    );
    return EXIT.badInput;
  }
  if (values.out === void 0 || values.out === "") {
    io.stderr(
      `mlci report: no output folder: pass --out DIR (for example --out mlci-report)
${helpHint("report")}
`
    );
    return EXIT.badInput;
  }
  if ((0, import_node_fs.existsSync)(values.out) && !(0, import_node_fs.statSync)(values.out).isDirectory()) {
    throw new ConfigurationError(
      `--out ${values.out}: is a file; expected a folder to write the report into`
    );
  }
  const { config, extraGates, directions, readOptions } = gateSetup(values);
  const head = await readRunSet(
    values.head,
    config,
    readOptions,
    "pull request (--head)",
    (line) => io.stderr(`mlci report: ${line}
`)
  );
  const base = values.base.length > 0 ? await readRunSet(values.base, config, readOptions, "baseline (--base)") : void 0;
  const headPredictions = values["head-predictions"] ?? (config.report.predictions !== void 0 ? relativeToConfig(config, config.report.predictions) : void 0);
  const predictions = await loadPredictionPair(values["base-predictions"], headPredictions);
  const statistics = predictions.base !== void 0 || values["base-predictions"] !== void 0 ? statisticsFor(predictions) : gateStatistics();
  const history = await readHistoryArgs(values.history, readOptions);
  const comparison = runComparison({
    head,
    ...base !== void 0 ? { base } : {},
    config,
    extraGates,
    directions,
    statistics,
    ...history !== void 0 ? { history: history.records, historyLabel: history.label } : {}
  });
  const headPlotFiles = values.plots.length > 0 ? values.plots : config.report.plots.map((p) => relativeToConfig(config, p));
  const plots = pairPlots(
    // Each run's predictions when every run folder has the same file: plots then sum the seeds.
    await loadSidePlots(headPlotFiles, await predictionsOfRuns(predictions.head, values.head), {
      runs: head.runs.length
    }),
    await loadSidePlots(values["base-plots"], await predictionsOfRuns(predictions.base, values.base), {
      runs: base?.runs.length ?? 0
    })
  );
  const input = {
    comparison,
    head: head.runs,
    config,
    history: history?.entries ?? [],
    ...plots
  };
  if (base !== void 0) {
    input.base = base.runs;
    input.baseline = { label: base.label ?? values.base.join(", ") };
  }
  if (values.title !== void 0) input.title = values.title;
  if (values.id !== void 0) input.id = checkedId(values.id);
  if (values.branch !== void 0) input.branch = values.branch;
  if (values["max-curves"] !== void 0) input.maxCurves = checkedMaxCurves(values["max-curves"]);
  const run = {};
  if (values.commit !== void 0) run.commit = values.commit;
  if (Object.keys(run).length > 0) input.run = run;
  input.fullReportUrl = REPORT_FILES.markdown;
  const extra = await loadExtraContent(values.extra, config, process.cwd(), "--extra");
  if (extra !== void 0) input.extra = extra;
  const pipeline = await loadPipelineChanges(values, config, values.base);
  if (pipeline.note !== void 0) io.stderr(`mlci report: ${pipeline.note}
`);
  if (pipeline.diff !== void 0) input.pipeline = pipeline.diff;
  const report = await buildReport(input);
  const preview = !values["no-preview"];
  const { document } = await writeReportFolder(values.out, report, { preview });
  if (values.json) {
    io.stdout(`${stringifyDocument(document)}
`);
  } else {
    io.stdout(comparisonText(comparison, { metrics: false }));
    if (pipeline.diff !== void 0) io.stdout(`
${pipelineText(pipeline.diff)}`);
    const shown = values.out;
    io.stdout(
      `
Report written to ${(0, import_node_path.join)(shown, REPORT_FILES.markdown)} with ${report.charts.length} chart${report.charts.length === 1 ? "" : "s"}` + (preview ? `; preview: ${(0, import_node_path.join)(shown, REPORT_FILES.preview)}
` : "\n")
    );
    if (report.omitted.length > 0) {
      io.stdout(`The comment leaves out, to fit GitHub's limit: ${report.omitted.join("; ")}
`);
    }
  }
  return comparison.verdict.kind === "failed" ? EXIT.gateFailed : EXIT.ok;
}
function checkedId(id) {
  if (!/^[A-Za-z0-9._/-]+$/.test(id))
    throw new ConfigurationError(
      `--id ${JSON.stringify(id)}: expected letters, digits and . _ / - only (it is part of a hidden marker)`
    );
  return id;
}
function checkedMaxCurves(text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 50)
    throw new ConfigurationError(
      `--max-curves ${JSON.stringify(text)}: expected a whole number from 0 to 50`
    );
  return n;
}
export {
  REPORT_OPTIONS,
  reportCommand,
  reportUsage
};
