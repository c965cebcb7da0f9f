import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  readTableSpec,
  writeOutFile
} from "./chunk-F56DFHV3.js";
import {
  comparisonText,
  loadConfig,
  parseGateFlags,
  relativeToConfig
} from "./chunk-4R3FL7BL.js";
import {
  textTable
} from "./chunk-BBRN4AUK.js";
import {
  helpHint,
  parseCommandArgs
} from "./chunk-ASNOHSSA.js";
import {
  CORRECTIONS,
  DEFAULT_DRIFT_CHARTS,
  DRIFT_BASE_REFERENCE,
  DRIFT_DEFAULTS,
  DRIFT_KEY_PREFIXES,
  REPORT_FILES,
  TABLE_FORMATS,
  TEST_NAMES,
  buildReport,
  compareTables,
  driftMetricsDoc,
  nestedMetricsJson,
  parseMissingValues,
  parseTableFormat,
  runComparison,
  stringifyDocument,
  toJsonDoc,
  writeReportFolder
} from "./chunk-55SCGZVG.js";
import {
  formatNumber
} from "./chunk-IFY4HQBU.js";
import {
  EXIT
} from "./chunk-PTB36J5H.js";
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

// packages/cli/src/commands/drift.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var DRIFT_OPTIONS = {
  reference: { type: "string" },
  current: { type: "string" },
  format: { type: "string" },
  "missing-values": { type: "string", multiple: true, default: [] },
  alpha: { type: "string" },
  threshold: { type: "string" },
  "small-rows": { type: "string" },
  "drift-share": { type: "string" },
  correction: { type: "string" },
  seed: { type: "string" },
  config: { type: "string" },
  gate: { type: "string", multiple: true, default: [] },
  out: { type: "string" },
  report: { type: "string" },
  "max-charts": { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false }
};
var driftUsage = `Usage: mlci drift [--reference <data> --current <data>] [--gate "G"]... [options]

Compares the distribution of every column of two tables (training data and a production sample,
last month and this month) and turns the result into metrics that gates check: drift.share,
drift.columns.<column>.drifted / .p / .psi / .wasserstein / .jensen_shannon, data.missing.<column>,
data.rows (docs/drift.md). Data is a CSV, TSV, JSON Lines or Parquet file, a folder of them read
as one table, or git:<revision>:<path>. Memory stays bounded whatever the row count.

Per column, as Evidently's DataDriftPreset: with up to ${DRIFT_DEFAULTS.smallRows} reference values, a test at
--alpha, the p values corrected together over the columns (Kolmogorov-Smirnov for numbers,
chi-square for categories); with more, a distance at --threshold (Wasserstein over the reference's
standard deviation for numbers, Jensen-Shannon for categories) that the test also finds beyond
sampling noise (Evidently's distance alone drifts unchanged data of a few thousand rows).

Every setting but the gates may come from the drift: section of the config (reference, current,
format, missing-values, alpha, threshold, small-rows, drift-share, seed); a flag overrides it.

Options:
  --reference DATA        the reference table (file, folder or git:<rev>:<path>; default:
                          drift.reference of the config)
  --current DATA          the table compared with it (default: drift.current of the config)
  --format F              read both as ${TABLE_FORMATS.join(", ")} (default: each file's extension)
  --missing-values V      more values that mean missing, besides empty cells and pandas' NA
                          tokens: V[,V...] for every column, COLUMN=V[,V...] for one (repeatable;
                          write --missing-values=-99.99 for a value that starts with -)
  --alpha A               significance level of the tests (default ${DRIFT_DEFAULTS.alpha})
  --threshold D           distance at which a large column drifts (default ${DRIFT_DEFAULTS.threshold})
  --small-rows N          up to N reference values a column is tested, above it is measured
                          (default ${DRIFT_DEFAULTS.smallRows})
  --drift-share S         the dataset drifts when this share of columns drifts (default ${DRIFT_DEFAULTS.driftShare})
  --correction C          ${CORRECTIONS.join(", ")}: how the columns' p values are corrected
                          together (default: statistics.correction of the config, else holm)
  --seed N                seed of the samples and sketches of large tables (default 1)
  --config F              the config file (default: .mlci.yml); its gates on drift.* and data.*
                          keys are evaluated
  --gate "G"              a gate, such as "drift.share <= 0.3" or "drift.columns.*.psi <= 0.2"
                          (repeatable; see docs/gates.md)
  --out F                 also write the metrics as JSON, for mlci compare and the actions
  --report DIR            also write the report into DIR, as mlci report does: report.md with
                          the drift section, a chart per top column, report.json, index.html
  --max-charts N          at most N column charts in the report (default ${DEFAULT_DRIFT_CHARTS})
  --json                  print the drift report, the metrics and the gates as JSON
  -h, --help              show this help

Exit code: 0 passed (or no gates), 1 a gate failed, 2 bad input or configuration.
`;
async function driftCommand(args, io) {
  const { values, positionals } = parseCommandArgs({ args, allowPositionals: true, options: DRIFT_OPTIONS });
  if (values.help) {
    io.stdout(driftUsage);
    return EXIT.ok;
  }
  if (positionals.length > 0) {
    io.stderr(
      `mlci drift: unexpected ${JSON.stringify(positionals[0])}: name the tables with --reference and --current
${helpHint("drift")}
`
    );
    return EXIT.badInput;
  }
  const config = loadConfig(values.config);
  const settings = config.drift;
  const where = `${config.file ?? ".mlci.yml"}`;
  const referenceSpec = values.reference ?? tableFromConfig(config, "reference");
  const currentSpec = values.current ?? tableFromConfig(config, "current");
  if (referenceSpec === void 0 || currentSpec === void 0) {
    const missing2 = referenceSpec === void 0 ? "reference" : "current";
    io.stderr(
      `mlci drift: --${missing2} is required (a CSV, TSV, JSON Lines or Parquet file, or a folder of them), or drift.${missing2} in ${where}
${helpHint("drift")}
`
    );
    return EXIT.badInput;
  }
  if (values.reference === void 0 && referenceSpec === DRIFT_BASE_REFERENCE) {
    throw new ConfigurationError(
      `drift.reference of ${where} is base, which only the compare-metrics action knows (the current data at the pull request's base commit): pass --reference, for example --reference git:main:${settings?.current ?? "data.csv"}`
    );
  }
  const reportDir = values.report;
  if (reportDir !== void 0 && (reportDir === "" || (0, import_node_fs.existsSync)(reportDir) && !(0, import_node_fs.statSync)(reportDir).isDirectory()))
    throw new ConfigurationError(
      `--report ${JSON.stringify(reportDir)}: expected a folder to write the report into${reportDir === "" ? "" : " (it is a file)"}`
    );
  const maxCharts = values["max-charts"] === void 0 ? void 0 : checkedMaxCharts(values["max-charts"]);
  if (maxCharts !== void 0 && reportDir === void 0)
    throw new ConfigurationError(
      "--max-charts: only with --report DIR (it sets how many charts the report draws)"
    );
  const driftGates = config.gates.filter(isDriftGate);
  const extraGates = parseGateFlags(values.gate);
  const fromConfig = (key) => settings?.[key] === void 0 ? {} : { [key]: settings[key] };
  const options = {
    ...DRIFT_DEFAULTS,
    correction: config.statistics.correction,
    ...fromConfig("alpha"),
    ...fromConfig("threshold"),
    ...fromConfig("smallRows"),
    ...fromConfig("driftShare"),
    ...numberOption(values.alpha, "--alpha", "alpha"),
    ...numberOption(values.threshold, "--threshold", "threshold"),
    ...numberOption(values["small-rows"], "--small-rows", "smallRows"),
    ...numberOption(values["drift-share"], "--drift-share", "driftShare")
  };
  if (values.correction !== void 0) options.correction = parseCorrection(values.correction);
  const formatText = values.format ?? settings?.format;
  const format = formatText === void 0 ? void 0 : parseTableFormat(formatText);
  const missing = values["missing-values"].length > 0 || settings === void 0 ? parseMissingValues(values["missing-values"]) : parseMissingValues(settings.missingValues, `drift.missing-values of ${where}`);
  const seed = values.seed === void 0 ? settings?.seed ?? 1 : parseSeed(values.seed);
  const read = { missing, seed, ...format !== void 0 ? { format } : {} };
  const { profile: reference } = await readTableSpec(referenceSpec, read);
  const { profile: current } = await readTableSpec(currentSpec, read);
  const report = compareTables(reference, current, options);
  const doc = driftMetricsDoc(report);
  const comparison = runComparison({
    head: { runs: [doc], label: report.current.label },
    config: { ...config, gates: driftGates },
    extraGates,
    expectBaseline: false
  });
  if (values.out !== void 0)
    writeOutFile(values.out, `${stringifyDocument(nestedMetricsJson(doc))}
`, "the metrics file");
  let written;
  if (reportDir !== void 0) {
    const built = await buildReport({
      comparison,
      head: [doc],
      config,
      title: config.report.title ?? "mlci drift",
      drift: report,
      fullReportUrl: REPORT_FILES.markdown,
      ...maxCharts !== void 0 ? { maxDriftCharts: maxCharts } : {}
    });
    await writeReportFolder(reportDir, built);
    const charts = built.charts.length;
    written = `Report written to ${(0, import_node_path.join)(reportDir, REPORT_FILES.markdown)} with ${charts} chart${charts === 1 ? "" : "s"}; preview: ${(0, import_node_path.join)(reportDir, REPORT_FILES.preview)}
`;
  }
  const ignored = config.gates.length - driftGates.length;
  if (ignored > 0) {
    io.stderr(
      `mlci drift: ${ignored} gate${ignored === 1 ? "" : "s"} of ${config.file ?? "the config"} not on drift.* or data.* keys ${ignored === 1 ? "is" : "are"} left to mlci check and compare
`
    );
  }
  if (driftGates.length + extraGates.length === 0) {
    io.stderr(
      'mlci drift: no gates given: pass --gate "drift.share <= 0.3" (or add it to gates: in .mlci.yml) to fail on drift\n'
    );
  }
  for (const warning of report.warnings) io.stderr(`warning: ${warning}
`);
  if (values.json) {
    io.stdout(`${stringifyDocument({ drift: report, metrics: toJsonDoc(doc), comparison })}
`);
    if (written !== void 0) io.stderr(`mlci drift: ${written}`);
  } else {
    io.stdout(driftText(report));
    if (comparison.gates.length > 0) io.stdout(`
${comparisonText(comparison, { metrics: false })}`);
    if (written !== void 0) io.stdout(`
${written}`);
  }
  return comparison.verdict.kind === "failed" ? EXIT.gateFailed : EXIT.ok;
}
function tableFromConfig(config, key) {
  const value = config.drift?.[key];
  if (value === void 0 || value === DRIFT_BASE_REFERENCE || (0, import_node_path.isAbsolute)(value)) return value;
  return relativeToConfig(config, value);
}
function checkedMaxCharts(text) {
  const n = Number(text.trim());
  if (text.trim() === "" || !Number.isInteger(n) || n < 0 || n > 50)
    throw new ConfigurationError(
      `--max-charts ${JSON.stringify(text)}: expected a whole number from 0 to 50`
    );
  return n;
}
function isDriftGate(gate) {
  return DRIFT_KEY_PREFIXES.some((prefix) => gate.selector.startsWith(prefix));
}
function numberOption(text, flag, key) {
  if (text === void 0) return {};
  const value = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(value)) {
    throw new ConfigurationError(`${flag} ${JSON.stringify(text)}: expected a number`);
  }
  return { [key]: value };
}
function parseCorrection(text) {
  const value = text.trim().toLowerCase();
  if (CORRECTIONS.includes(value)) return value;
  throw new ConfigurationError(
    `--correction ${JSON.stringify(text)}: expected one of ${CORRECTIONS.join(", ")}`
  );
}
function parseSeed(text) {
  const value = Number(text.trim());
  if (!Number.isSafeInteger(value))
    throw new ConfigurationError(`--seed ${JSON.stringify(text)}: expected a whole number`);
  return value;
}
function driftText(report) {
  const { options } = report;
  const parts = [];
  const sharePercent = `${formatNumber(report.share * 100, 3)}%`;
  const verdict = report.detected ? "DRIFT" : "NO DRIFT";
  const limit = `${formatNumber(options.driftShare * 100, 3)}%`;
  parts.push(
    report.tested === 0 ? "NO COLUMNS COMPARED: no column of the reference could be compared with the current data\n" : `${verdict}: ${report.drifted} of ${report.tested} compared columns drifted (${sharePercent}; the dataset drifts at ${limit})
`
  );
  parts.push(
    `reference: ${report.reference.label} (${report.reference.rows} rows, ${report.reference.columns} columns)
`
  );
  parts.push(
    `current:   ${report.current.label} (${report.current.rows} rows, ${report.current.columns} columns)

`
  );
  parts.push(
    textTable(
      ["column", "drift", "type", "test", "statistic", "p / distance", "threshold", "psi", "missing"],
      report.columns.map(columnRow),
      [false, false, false, false, true, true, false, true, false]
    )
  );
  const explained = report.columns.filter((c) => c.status !== "compared" || c.notes.length > 0);
  const lines = [
    ...report.notes,
    ...report.columns.filter((c) => c.status === "compared").map((c) => `${c.name}: ${c.reason}`),
    ...explained.flatMap((c) => [
      ...c.status === "compared" ? [] : [`${c.name}: ${c.reason}`],
      ...c.notes.map((n) => `${c.name}: ${n}`)
    ])
  ];
  if (lines.length > 0) parts.push(`
${lines.map((line) => `- ${line}`).join("\n")}
`);
  return parts.join("");
}
function columnRow(column) {
  const missing = `${share(column.reference?.missingShare)} -> ${share(column.current?.missingShare)}`;
  const mark = column.drifted ? "DRIFT" : column.status === "compared" ? "no" : "-";
  if (column.test === void 0) {
    return [column.name, mark, column.type, statusText(column), "", "", "", psiText(column), missing];
  }
  const statistic = column.test === "ks" ? `D = ${formatNumber(column.ks, 3)}` : column.test === "chi_square" ? `chi2 = ${formatNumber(column.chiSquare, 4)}` : "";
  const score = column.test === "ks" || column.test === "chi_square" ? `p = ${formatP(column.p)}` : formatNumber(column.test === "wasserstein" ? column.wasserstein : column.jensenShannon, 3);
  const threshold = column.test === "ks" || column.test === "chi_square" ? `p < ${column.threshold}` : `>= ${column.threshold}`;
  return [
    column.name,
    mark,
    column.type,
    TEST_NAMES[column.test],
    statistic,
    score,
    threshold,
    psiText(column),
    missing
  ];
}
function statusText(column) {
  switch (column.status) {
    case "retyped":
      return "type changed";
    case "no-values":
      return "no values";
    case "dropped":
      return "dropped";
    case "new":
      return "new column";
    default:
      return "not compared";
  }
}
function psiText(column) {
  return column.psi === void 0 ? "" : formatNumber(column.psi, 3);
}
function share(value) {
  return value === void 0 ? "-" : `${formatNumber(value * 100, 3)}%`;
}
function formatP(p) {
  if (p === 0) return "0";
  return p < 1e-4 ? p.toExponential(1) : formatNumber(p, 2);
}

export {
  DRIFT_OPTIONS,
  driftUsage,
  driftCommand,
  driftText
};
