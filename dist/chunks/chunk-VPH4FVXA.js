import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  require_node_child_process
} from "./chunk-CWKNKEBK.js";
import {
  REPORT_FILES,
  SCORE_COLUMNS,
  buildReport,
  confusionFromPredictions,
  curvesFromPredictions,
  decodeHistoryDocument,
  emptyConfig,
  gateStatistics,
  isPathGlob,
  meanMetrics,
  mergeDocs,
  normalizePattern,
  orderHistory,
  parseConfig,
  parseGate,
  readMetrics,
  readMetricsPath,
  readPlotFile,
  readPredictions,
  requireRuns,
  require_node_os,
  runComparison,
  staticPrefix,
  stringifyDocument,
  toJsonDoc,
  writeReportFolder
} from "./chunk-G23R3D2L.js";
import {
  ConfigurationError,
  isMlciError,
  require_promises
} from "./chunk-HSXRBD2M.js";
import {
  formatDelta,
  formatNumber,
  formatPercent
} from "./chunk-LEDCZB2W.js";
import {
  require_node_fs
} from "./chunk-ERMUBDDR.js";
import {
  require_node_path
} from "./chunk-DPFCA6DW.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-3CG65SHH.js";

// builtin-by-require:node:util
var require_node_util = __commonJS({
  "builtin-by-require:node:util"(exports, module) {
    module.exports = __require("node:util");
  }
});

// packages/cli/src/terminal.ts
var UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
function visible(char) {
  const code = char.charCodeAt(0);
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function terminalText(text) {
  return text.replace(UNSAFE, visible);
}
function wantsJson(argv) {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).includes("--json");
}
function terminalIO(io, options) {
  return {
    stdout: options.json ? (text) => io.stdout(text) : (text) => io.stdout(terminalText(text)),
    stderr: (text) => io.stderr(terminalText(text))
  };
}

// packages/cli/src/table.ts
function cellText(cell) {
  return terminalText(cell).replace(/[\n\t]/g, (c) => c === "\n" ? "\\n" : "\\t");
}
function textTable(header, rawRows, numeric = []) {
  const rows = rawRows.map((row) => row.map(cellText));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells) => cells.map((cell, i) => numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}

// packages/cli/src/comparison-text.ts
var GATE_MARK = {
  pass: "pass",
  warn: "WARN",
  fail: "FAIL",
  neutral: "n/a",
  error: "ERROR"
};
var METRIC_MARK = {
  improved: "improved",
  regressed: "REGRESSED",
  "within-noise": "within noise",
  unchanged: "unchanged",
  changed: "changed",
  added: "added",
  removed: "removed",
  "non-finite": "NON-FINITE",
  "no-baseline": ""
};
var VERDICT = {
  passed: "PASSED",
  failed: "FAILED",
  "passed-with-warnings": "PASSED WITH WARNINGS",
  "no-baseline": "NO BASELINE"
};
function oneLine(text) {
  return text.replace(/\r/g, "\\x0d").replace(/\n/g, "\\n");
}
function comparisonText(comparison, options) {
  const parts = [`${VERDICT[comparison.verdict.kind]}: ${oneLine(comparison.verdict.summary)}
`];
  if (comparison.base?.label !== void 0) parts.push(`baseline: ${oneLine(comparison.base.label)}
`);
  if (comparison.history !== void 0)
    parts.push(`noise from the history: ${oneLine(comparison.history.label)}
`);
  if (comparison.gates.length > 0) {
    parts.push("\n");
    parts.push(
      textTable(
        ["result", "gate", "metric", "base", "head", "why"],
        comparison.gates.map((r) => [
          GATE_MARK[r.status],
          r.gate.text,
          r.metric ?? "-",
          r.base === void 0 ? "-" : formatNumber(r.base),
          r.head === void 0 ? "-" : formatNumber(r.head),
          r.reason
        ])
      )
    );
  }
  if (options.metrics && comparison.metrics.length > 0) {
    const order = [
      "regressed",
      "non-finite",
      "removed",
      "changed",
      "improved",
      "added",
      "within-noise",
      "unchanged",
      "no-baseline"
    ];
    const rows = [...comparison.metrics].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
    parts.push("\n");
    parts.push(
      textTable(
        comparison.base === void 0 ? ["metric", "value", "direction"] : ["metric", "base", "head", "delta", "delta %", "status"],
        rows.map((m) => {
          const repeats = (side) => {
            const s = m.repeats?.[side];
            return s === void 0 || s.n < 2 ? "" : ` \xB1${formatNumber(s.sd ?? 0, 3)} (n=${s.n})`;
          };
          if (comparison.base === void 0) {
            return [
              m.key,
              m.head === void 0 ? "-" : formatNumber(m.head) + repeats("head"),
              m.direction ?? "?"
            ];
          }
          return [
            m.key,
            m.base === void 0 ? "-" : formatNumber(m.base) + repeats("base"),
            m.head === void 0 ? "-" : formatNumber(m.head) + repeats("head"),
            m.delta === void 0 ? "-" : formatDelta(m.delta) + (m.noise === void 0 ? "" : ` [${formatDelta(m.noise.ci[0], 3)}, ${formatDelta(m.noise.ci[1], 3)}]`),
            m.deltaPercent === void 0 ? "-" : formatPercent(m.deltaPercent),
            METRIC_MARK[m.status]
          ];
        })
      )
    );
  }
  if (comparison.params.length > 0) {
    parts.push("\nParams that changed\n");
    parts.push(
      textTable(
        ["param", "base", "head"],
        comparison.params.map((p) => [
          p.key,
          p.base === void 0 ? "-" : JSON.stringify(p.base),
          p.head === void 0 ? "-" : JSON.stringify(p.head)
        ])
      )
    );
  }
  return parts.join("");
}

// packages/cli/src/io.ts
var processIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text)
};
var EXIT = {
  ok: 0,
  /** A gate failed: the model change should not merge. */
  gateFailed: 1,
  /** The input or the configuration is wrong: the user must fix something. */
  badInput: 2,
  /** mlci itself failed: a bug to report. */
  internal: 3
};

// packages/cli/src/inputs.ts
var import_node_fs2 = __toESM(require_node_fs(), 1);
var import_node_path3 = __toESM(require_node_path(), 1);

// packages/cli/src/git.ts
var import_node_child_process = __toESM(require_node_child_process(), 1);
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_os = __toESM(require_node_os(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var import_node_util = __toESM(require_node_util(), 1);
var run = (0, import_node_util.promisify)(import_node_child_process.execFile);
var MAX_FILES = 2e3;
function parseGitSpec(spec) {
  if (!spec.startsWith("git:")) return void 0;
  const rest = spec.slice(4);
  const colon = rest.indexOf(":");
  if (colon <= 0 || colon === rest.length - 1) {
    throw new ConfigurationError(
      `${JSON.stringify(spec)}: expected git:<revision>:<path>, such as git:main:metrics.json or git:HEAD~1:eval/`
    );
  }
  return { rev: rest.slice(0, colon), path: rest.slice(colon + 1) };
}
async function git(args, cwd) {
  try {
    const { stdout } = await run("git", args, { cwd, encoding: "buffer", maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error;
    if (e.code === "ENOENT")
      throw new ConfigurationError("git is not installed, so git: baselines cannot be read");
    const message = e.stderr?.toString("utf8").trim().split("\n")[0] ?? String(error);
    throw new ConfigurationError(`git ${args.join(" ")}: ${message}`);
  }
}
async function materializeGitPath(spec, cwd = process.cwd()) {
  const commit = (await git(["rev-parse", "--verify", "--quiet", `${spec.rev}^{commit}`], cwd).catch(() => {
    throw new ConfigurationError(
      `git:${spec.rev}:${spec.path}: ${JSON.stringify(spec.rev)} is not a commit, branch or tag of this repository`
    );
  })).toString("utf8").trim();
  const relative = spec.path.replace(/^\.\//, "").replace(/\/+$/, "");
  const object = `${commit}:./${relative}`;
  const type = (await git(["cat-file", "-t", object], cwd).catch(() => {
    throw new ConfigurationError(
      `git:${spec.rev}:${spec.path}: no such file or folder at ${spec.rev} (${commit.slice(0, 7)})`
    );
  })).toString("utf8").trim();
  const root = (0, import_node_fs.mkdtempSync)((0, import_node_path.join)((0, import_node_os.tmpdir)(), "mlci-git-"));
  const name = import_node_path.posix.basename(relative) || "root";
  const target = (0, import_node_path.join)(root, name);
  if (type === "blob") {
    (0, import_node_fs.writeFileSync)(target, await git(["cat-file", "blob", object], cwd));
  } else if (type === "tree") {
    const listing = (await git(["ls-tree", "-r", "-z", "--full-name", object], cwd)).toString("utf8").split("\0").filter(Boolean);
    if (listing.length > MAX_FILES) {
      throw new ConfigurationError(
        `git:${spec.rev}:${spec.path}: the folder holds ${listing.length} files; point at the metrics files themselves (at most ${MAX_FILES})`
      );
    }
    const prefix = (await git(["rev-parse", "--show-prefix"], cwd)).toString("utf8").trim();
    const base = import_node_path.posix.join(prefix, relative);
    for (const line of listing) {
      const [meta, file] = line.split("	");
      if (meta === void 0 || file === void 0 || !meta.includes(" blob ")) continue;
      const inside = import_node_path.posix.relative(base, file);
      const out = (0, import_node_path.join)(target, ...inside.split("/"));
      (0, import_node_fs.mkdirSync)((0, import_node_path.dirname)(out), { recursive: true });
      (0, import_node_fs.writeFileSync)(out, await git(["cat-file", "blob", meta.split(" ")[2]], cwd));
    }
  } else {
    throw new ConfigurationError(`git:${spec.rev}:${spec.path}: is a ${type}, expected a file or folder`);
  }
  return { path: target, label: `${spec.rev}@${commit.slice(0, 7)}` };
}
async function commitTimes(spec, cwd = process.cwd()) {
  const relative = spec.path.replace(/^\.\//, "").replace(/\/+$/, "");
  const prefix = (await git(["rev-parse", "--show-prefix"], cwd)).toString("utf8").trim();
  const base = import_node_path.posix.join(prefix, relative);
  const log = (await git(
    ["log", "--format=%x00%ct", "--name-only", "--no-renames", spec.rev, "--", relative || "."],
    cwd
  )).toString("utf8");
  const times = /* @__PURE__ */ new Map();
  for (const entry of log.split("\0").slice(1)) {
    const [time, ...files] = entry.split("\n").filter((line) => line !== "");
    for (const file of files) {
      const inside = import_node_path.posix.relative(base, file);
      if (!times.has(inside)) times.set(inside, Number(time) * 1e3);
    }
  }
  return times;
}

// packages/cli/src/repeats.ts
var import_promises = __toESM(require_promises(), 1);
var import_node_path2 = __toESM(require_node_path(), 1);
var MAX_LISTED = 2e5;
async function listForPatterns(root, patterns) {
  const entries = /* @__PURE__ */ new Map();
  for (const raw of patterns) {
    const pattern = normalizePattern(raw);
    const prefix = staticPrefix(pattern);
    const segments = pattern.split("/").length;
    const depth = /(^|\/)\*\*(\/|$)/.test(pattern) ? Infinity : segments - (prefix === "" ? 0 : prefix.split("/").length);
    if (!isPathGlob(pattern)) {
      const stat2 = await (0, import_promises.lstat)((0, import_node_path2.join)(root, pattern)).catch(() => void 0);
      if (stat2 !== void 0)
        entries.set(pattern, { path: pattern, kind: stat2.isDirectory() ? "dir" : "file" });
      continue;
    }
    await walk(root, prefix, depth, entries);
  }
  return [...entries.values()];
}
async function walk(root, folder, depth, out) {
  if (depth <= 0) return;
  let names;
  try {
    names = await (0, import_promises.readdir)((0, import_node_path2.join)(root, folder), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of names) {
    if (entry.name === ".git") continue;
    const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
    const kind = entry.isDirectory() ? "dir" : entry.isFile() ? "file" : void 0;
    if (kind === void 0) continue;
    out.set(path, { path, kind });
    if (out.size > MAX_LISTED) {
      throw new ConfigurationError(
        `repeats: more than ${MAX_LISTED} files under ${(0, import_node_path2.join)(root, folder)}: make the pattern's fixed folder more specific (runs/seed-* rather than **/metrics.json)`
      );
    }
    if (kind === "dir") await walk(root, path, depth - 1, out);
  }
}
async function readRepeats(root, patterns, options, where = "repeats") {
  const paths = requireRuns(
    patterns,
    await listForPatterns(root, patterns),
    where,
    root === "." ? "the workspace" : root
  );
  const runs = [];
  for (const path of paths) {
    const { doc } = await readFiles(
      [{ path: (0, import_node_path2.join)(root, path), ...options.format !== void 0 ? { format: options.format } : {} }],
      options
    );
    runs.push(doc);
  }
  return { runs, paths };
}

// packages/cli/src/inputs.ts
var DEFAULT_CONFIG_NAMES = [".mlci.yml", ".mlci.yaml"];
function loadConfig(path) {
  const file = path ?? DEFAULT_CONFIG_NAMES.find((name) => (0, import_node_fs2.existsSync)(name));
  if (file === void 0) return emptyConfig();
  let text;
  try {
    text = (0, import_node_fs2.readFileSync)(file, "utf8");
  } catch {
    throw new ConfigurationError(`${file}: cannot read the config file (does it exist?)`);
  }
  return parseConfig(text, file);
}
function parseGateFlags(gates) {
  return gates.map((text, i) => parseGate(text, `--gate #${i + 1}`));
}
function parseDirectionFlags(flags) {
  const out = {};
  for (const flag of flags) {
    const eq = flag.lastIndexOf("=");
    const key = flag.slice(0, eq);
    const value = flag.slice(eq + 1);
    if (eq <= 0 || value !== "higher" && value !== "lower") {
      throw new ConfigurationError(
        `--direction ${JSON.stringify(flag)}: expected <metric>=higher or <metric>=lower`
      );
    }
    out[key] = value;
  }
  return out;
}
async function readRun(spec, options) {
  const parts = spec.split(",").map((p) => p.trim()).filter((p) => p !== "");
  if (parts.length === 0) throw new ConfigurationError(`${JSON.stringify(spec)}: expected a file or folder`);
  return readFiles(
    parts.map((path) => ({ path, ...options.format !== void 0 ? { format: options.format } : {} })),
    options
  );
}
async function readFiles(files, options) {
  const docs = [];
  const labels = [];
  for (const file of files) {
    const git2 = parseGitSpec(file.path);
    let path = file.path;
    if (git2 !== void 0) {
      const copy = await materializeGitPath(git2);
      path = copy.path;
      labels.push(copy.label);
    }
    const format = file.format ?? options.format;
    const doc = await readMetricsPath(path, {
      ...format !== void 0 ? { format } : {},
      ...options.run !== void 0 ? { run: options.run } : {}
    });
    if (git2 !== void 0)
      for (const source of doc.sources) source.file = `${file.path}${source.file.slice(path.length)}`;
    docs.push(doc);
  }
  const result = { doc: mergeDocs(docs) };
  if (labels.length > 0) result.label = [...new Set(labels)].join(", ");
  return result;
}
function relativeToConfig(config, path) {
  if (config.file === void 0 || (0, import_node_path3.isAbsolute)(path) || path.startsWith("git:")) return path;
  return (0, import_node_path3.join)((0, import_node_path3.dirname)(config.file), path);
}
async function readRunSet(specs, config, options, what) {
  if (specs.length === 0) {
    if (config.repeats.length > 0) {
      const root = config.file === void 0 ? "." : (0, import_node_path3.dirname)(config.file);
      const { runs: runs2 } = await readRepeats(
        root,
        config.repeats,
        options,
        `${config.file ?? ".mlci.yml"}: repeats`
      );
      return { runs: runs2 };
    }
    if (config.files.length === 0) {
      throw new ConfigurationError(
        `no ${what} metrics given: pass paths, or list them under files: (one run) or repeats: (one run per match) in .mlci.yml`
      );
    }
    const { doc, label } = await readFiles(
      config.files.map((f) => ({ ...f, path: relativeToConfig(config, f.path) })),
      options
    );
    return label === void 0 ? { runs: [doc] } : { runs: [doc], label };
  }
  const runs = [];
  const labels = [];
  for (const spec of specs) {
    const { doc, label } = await readRun(spec, options);
    runs.push(doc);
    if (label !== void 0) labels.push(label);
  }
  return labels.length > 0 ? { runs, label: [...new Set(labels)].join(", ") } : { runs };
}

// packages/cli/src/statistics.ts
async function predictionsAt(spec) {
  const git2 = parseGitSpec(spec);
  if (git2 === void 0) return readPredictions(spec);
  const copy = await materializeGitPath(git2);
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

// packages/cli/src/plots.ts
var KIND_NAMES = { confusion: "confusion matrix", roc: "ROC curve", pr: "precision-recall curve" };
async function plotAt(spec) {
  const git2 = parseGitSpec(spec);
  if (git2 === void 0) return readPlotFile(spec);
  const copy = await materializeGitPath(git2);
  return { ...await readPlotFile(copy.path), file: spec };
}
async function loadSidePlots(files, predictions) {
  const plots = {};
  for (const file of files) {
    const plot = await plotAt(file);
    const existing = plots[plot.kind];
    if (existing !== void 0) {
      throw new ConfigurationError(
        `two ${KIND_NAMES[plot.kind]}s given (${existing.file} and ${file}): a report draws one; give one of them`
      );
    }
    Object.assign(plots, { [plot.kind]: plot });
  }
  if (predictions !== void 0) Object.assign(plots, { ...fromPredictions(predictions), ...plots });
  return plots;
}
function fromPredictions(set) {
  const out = {};
  if (set.labels !== void 0 && set.predictions !== void 0)
    out.confusion = confusionFromPredictions(set);
  const hasScore = SCORE_COLUMNS.some((c) => set.scores.has(c));
  if (set.labels !== void 0 && hasScore && new Set(set.labels).size === 2) {
    const curves = curvesFromPredictions(set);
    out.roc = curves.roc;
    out.pr = curves.pr;
  }
  return out;
}
function pairPlots(head, base) {
  const out = {};
  if (head.confusion !== void 0)
    out.confusion = base.confusion ? { head: head.confusion, base: base.confusion } : { head: head.confusion };
  if (head.roc !== void 0) out.roc = base.roc ? { head: head.roc, base: base.roc } : { head: head.roc };
  if (head.pr !== void 0) out.pr = base.pr ? { head: head.pr, base: base.pr } : { head: head.pr };
  return out;
}

// packages/cli/src/commands/check.ts
var import_node_util2 = __toESM(require_node_util(), 1);

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
  --format F              read every path as format F instead of detecting it
  --run ID                MLflow: the run to read (id or name)
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

// packages/cli/src/commands/check.ts
var checkUsage = `Usage: mlci check [<path>...] [--config F] [--gate "G"]... [--json]

Evaluates gates on one run's own numbers: bounds, ranges, required and finite metrics. Paths are
read together as one run (default: files: in the config). Gates that compare with a baseline are
reported as "no baseline" here; use mlci compare for them.

Options:
${GATE_OPTIONS_HELP}

Exit code: 0 passed (warnings allowed), 1 a gate failed, 2 bad input or configuration.
`;
async function checkCommand(args, io) {
  const { values, positionals } = (0, import_node_util2.parseArgs)({ args, allowPositionals: true, options: GATE_OPTIONS });
  if (values.help) {
    io.stdout(checkUsage);
    return EXIT.ok;
  }
  const { config, extraGates, directions, readOptions } = gateSetup(values);
  const head = await readRunSet(
    positionals.length > 0 ? [positionals.join(",")] : [],
    config,
    readOptions,
    "pull request"
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

// packages/cli/src/commands/compare.ts
var import_node_util3 = __toESM(require_node_util(), 1);

// packages/cli/src/history.ts
var import_promises2 = __toESM(require_promises(), 1);
var import_node_path4 = __toESM(require_node_path(), 1);
var MAX_HISTORY_FILE_BYTES = 16 * 1024 * 1024;
var MAX_HISTORY_FILES = 5e3;
async function readHistoryArgs(specs, options) {
  if (specs.length === 0) return void 0;
  const records = [];
  const labels = [];
  let singles = 0;
  for (const spec of specs) {
    const folder = await historyFolder(spec);
    if (folder !== void 0) {
      const read = await readHistoryFolder(spec, folder);
      records.push(...read.records);
      labels.push(read.label);
      continue;
    }
    const eq = spec.indexOf("=");
    const label = eq > 0 && !spec.startsWith("git:") ? spec.slice(0, eq) : (0, import_node_path4.basename)(spec);
    const path = eq > 0 && !spec.startsWith("git:") ? spec.slice(eq + 1) : spec;
    if (path === "") throw new ConfigurationError(`--history ${JSON.stringify(spec)}: expected [LABEL=]FILE`);
    const { doc } = await readRun(path, options);
    records.push({ label, runs: [doc] });
    singles++;
  }
  if (singles > 0) labels.push(`${singles} ${singles === 1 ? "run" : "runs"} given in order`);
  return {
    records,
    // `runs`: the chart's noise band narrows for a point that is the mean of several runs.
    entries: records.map((record) => ({
      label: record.label,
      runs: record.runs.length,
      doc: meanDoc(record.runs)
    })),
    label: labels.join(" and ")
  };
}
function meanDoc(runs) {
  if (runs.length === 1) return runs[0];
  return {
    metrics: meanMetrics(runs),
    series: {},
    params: runs[0]?.params ?? {},
    sources: runs.flatMap((r) => r.sources)
  };
}
async function historyFolder(spec) {
  const git2 = parseGitSpec(spec);
  const path = git2 === void 0 ? spec : (await materializeGitPath(git2)).path;
  const info = await (0, import_promises2.stat)(path).catch(() => void 0);
  if (info === void 0 || !info.isDirectory()) return void 0;
  const first = (await (0, import_promises2.readdir)(path)).filter((name) => name.endsWith(".json")).sort()[0];
  if (first === void 0) return void 0;
  const head = (await (0, import_promises2.readFile)((0, import_node_path4.join)(path, first), "utf8").catch(() => "")).slice(0, 4096);
  return /"schema"\s*:\s*"mlci\/history"/.test(head) ? path : void 0;
}
async function readHistoryFolder(spec, folder) {
  const git2 = parseGitSpec(spec);
  const names = (await (0, import_promises2.readdir)(folder)).filter((name) => name.endsWith(".json")).sort();
  if (names.length > MAX_HISTORY_FILES)
    throw new ConfigurationError(`--history ${spec}: ${names.length} files, more than ${MAX_HISTORY_FILES}`);
  const times = git2 === void 0 ? void 0 : await commitTimes(git2);
  const entries = [];
  for (const name of names) {
    const path = (0, import_node_path4.join)(folder, name);
    const shown = git2 === void 0 ? path : `${spec.replace(/\/+$/, "")}/${name}`;
    const info = await (0, import_promises2.stat)(path);
    if (info.size > MAX_HISTORY_FILE_BYTES)
      throw new ConfigurationError(`${shown}: ${info.size} bytes, more than a history document holds`);
    let value;
    try {
      value = JSON.parse(await (0, import_promises2.readFile)(path, "utf8"));
    } catch (error) {
      throw new ConfigurationError(`${shown}: not JSON (${error.message})`);
    }
    const entry = { doc: decodeHistoryDocument(value, shown), file: name };
    const time = times === void 0 ? info.mtimeMs : times.get(name);
    if (time !== void 0) entry.time = time;
    entries.push(entry);
  }
  const { records, orderedBy } = orderHistory(entries);
  const order = orderedBy === "recorded time" ? "by the time each was recorded" : orderedBy === "given time" ? git2 === void 0 ? "by file time" : "by commit time" : "by file name";
  return {
    records,
    label: `${records.length} ${records.length === 1 ? "record" : "records"} of ${spec} (${order})`
  };
}

// packages/cli/src/commands/compare.ts
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
                          prediction, scores), for paired gates; may be git:<rev>:<path>
  --head-predictions F    the same for the pull request
  --history H             the base branch's past runs: a folder of mlci/history documents (the
                          mlci-history branch, or git:mlci-history:.), or [LABEL=]RUN for one past
                          run (repeatable, oldest first); their spread is each metric's noise, so
                          statistical gates work with one run per side and changes within noise
                          are told apart (docs/statistics.md)
${GATE_OPTIONS_HELP}

Exit code: 0 passed (warnings or no baseline allowed), 1 a gate failed, 2 bad input or configuration.
`;
async function compareCommand(args, io) {
  const { values, positionals } = (0, import_node_util3.parseArgs)({
    args,
    allowPositionals: true,
    options: {
      ...GATE_OPTIONS,
      "base-predictions": { type: "string" },
      "head-predictions": { type: "string" },
      history: { type: "string", multiple: true, default: [] },
      base: { type: "string", multiple: true, default: [] },
      head: { type: "string", multiple: true, default: [] }
    }
  });
  if (values.help) {
    io.stdout(compareUsage);
    return EXIT.ok;
  }
  if (positionals.length > 0) {
    io.stderr(
      `mlci compare: unexpected ${JSON.stringify(positionals[0])}: name runs with --base and --head

${compareUsage}`
    );
    return EXIT.badInput;
  }
  if (values.base.length === 0) {
    io.stderr(
      `mlci compare: no baseline: pass --base <run> (for example --base git:main:metrics.json)

${compareUsage}`
    );
    return EXIT.badInput;
  }
  const { config, extraGates, directions, readOptions } = gateSetup(values);
  const head = await readRunSet(values.head, config, readOptions, "pull request (--head)");
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
  io.stdout(
    values.json ? `${stringifyDocument(comparison)}
` : comparisonText(comparison, { metrics: true })
  );
  return comparison.verdict.kind === "failed" ? EXIT.gateFailed : EXIT.ok;
}

// packages/cli/src/commands/read.ts
var import_node_util4 = __toESM(require_node_util(), 1);
var readUsage = `Usage: mlci read <path...> [--format F] [--run ID] [--json]

Reads metrics files or folders (JSON, YAML, TOML, CSV, TSV, JSON Lines, dvclive, Hugging Face
Trainer, MLflow, TensorBoard) and prints what mlci sees in them.
Several paths are read as one run; a key found twice takes the later file's value.

Options:
  --format F      read every path as format F instead of detecting it
  --run ID        MLflow: the run to read (run id or run name); default the latest finished run
  --max-points N  downsample each curve to at most N points for display (default 2000)
  --json          print { metrics, series, params, sources } as JSON
  -h, --help      show this help
`;
async function readCommand(args, io) {
  const { values, positionals } = (0, import_node_util4.parseArgs)({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string" },
      run: { type: "string" },
      "max-points": { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false }
    }
  });
  if (values.help) {
    io.stdout(readUsage);
    return EXIT.ok;
  }
  const options = {};
  if (values.format !== void 0) options.format = values.format;
  if (values.run !== void 0) options.run = values.run;
  if (values["max-points"] !== void 0) options.maxSeriesPoints = parsePointBudget(values["max-points"]);
  const doc = await readMetrics(positionals, options);
  for (const source of doc.sources) {
    for (const warning of source.warnings) io.stderr(`warning: ${source.file}: ${warning}
`);
  }
  io.stdout(values.json ? `${JSON.stringify(toJsonDoc(doc), null, 2)}
` : describeDoc(doc));
  return EXIT.ok;
}
function parsePointBudget(text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 10) {
    throw new ConfigurationError(
      `--max-points: expected a whole number of at least 10, got ${JSON.stringify(text)}`
    );
  }
  return n;
}
function describeDoc(doc) {
  const parts = [];
  parts.push(
    textTable(
      ["source", "format"],
      doc.sources.map((s) => [s.file, s.format])
    )
  );
  const remarks = doc.sources.flatMap((s) => [
    ...s.notes.map((n) => `  ${s.file}: ${n}`),
    ...s.warnings.map((w) => `  ${s.file}: warning: ${w}`)
  ]);
  if (remarks.length > 0) parts.push(`
Notes
${remarks.join("\n")}
`);
  parts.push("\n");
  const metricKeys = Object.keys(doc.metrics);
  parts.push(`Metrics (${metricKeys.length})
`);
  if (metricKeys.length > 0) {
    parts.push(
      textTable(
        ["metric", "value"],
        metricKeys.map((k) => [k, formatNumber(doc.metrics[k])]),
        [false, true]
      )
    );
  }
  const seriesKeys = Object.keys(doc.series);
  if (seriesKeys.length > 0) {
    parts.push(`
Curves (${seriesKeys.length})
`);
    parts.push(
      textTable(
        ["curve", "points", "steps", "first", "last", "min", "max"],
        seriesKeys.map((k) => {
          const { stats, points, downsampledFrom } = doc.series[k];
          return [
            k,
            downsampledFrom === void 0 ? String(stats.count) : `${stats.count} (${points.length} kept)`,
            `${formatNumber(stats.first.step)}..${formatNumber(stats.last.step)}`,
            formatNumber(stats.first.value),
            formatNumber(stats.last.value),
            stats.min === void 0 ? "-" : formatNumber(stats.min),
            stats.max === void 0 ? "-" : formatNumber(stats.max)
          ];
        }),
        [false, true, true, true, true, true, true]
      )
    );
  }
  const paramKeys = Object.keys(doc.params);
  if (paramKeys.length > 0) {
    parts.push(`
Params (${paramKeys.length})
`);
    parts.push(
      textTable(
        ["param", "value"],
        paramKeys.map((k) => {
          const v = doc.params[k];
          return [k, typeof v === "number" ? formatNumber(v) : JSON.stringify(v)];
        })
      )
    );
  }
  return parts.join("");
}

// packages/cli/src/commands/report.ts
var import_node_fs3 = __toESM(require_node_fs(), 1);
var import_node_path5 = __toESM(require_node_path(), 1);
var import_node_util5 = __toESM(require_node_util(), 1);
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
${GATE_OPTIONS_HELP.replace("print the comparison document as JSON", "print report.json instead of the summary")}

Exit code: 0 passed (warnings or no baseline allowed), 1 a gate failed, 2 bad input or configuration.
`;
async function reportCommand(args, io) {
  const { values, positionals } = (0, import_node_util5.parseArgs)({
    args,
    allowPositionals: true,
    options: {
      ...GATE_OPTIONS,
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
      "no-preview": { type: "boolean", default: false }
    }
  });
  if (values.help) {
    io.stdout(reportUsage);
    return EXIT.ok;
  }
  if (positionals.length > 0) {
    io.stderr(
      `mlci report: unexpected ${JSON.stringify(positionals[0])}: name runs with --base and --head

${reportUsage}`
    );
    return EXIT.badInput;
  }
  if (values.out === void 0 || values.out === "") {
    io.stderr(
      `mlci report: no output folder: pass --out DIR (for example --out mlci-report)

${reportUsage}`
    );
    return EXIT.badInput;
  }
  if ((0, import_node_fs3.existsSync)(values.out) && !(0, import_node_fs3.statSync)(values.out).isDirectory()) {
    throw new ConfigurationError(
      `--out ${values.out}: is a file; expected a folder to write the report into`
    );
  }
  const { config, extraGates, directions, readOptions } = gateSetup(values);
  const head = await readRunSet(values.head, config, readOptions, "pull request (--head)");
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
    await loadSidePlots(headPlotFiles, predictions.head),
    await loadSidePlots(values["base-plots"], predictions.base)
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
  const run2 = {};
  if (values.commit !== void 0) run2.commit = values.commit;
  if (Object.keys(run2).length > 0) input.run = run2;
  input.fullReportUrl = REPORT_FILES.markdown;
  const report = await buildReport(input);
  const preview = !values["no-preview"];
  const { document } = await writeReportFolder(values.out, report, { preview });
  if (values.json) {
    io.stdout(`${stringifyDocument(document)}
`);
  } else {
    io.stdout(comparisonText(comparison, { metrics: false }));
    const shown = values.out;
    io.stdout(
      `
Report written to ${(0, import_node_path5.join)(shown, REPORT_FILES.markdown)} with ${report.charts.length} chart${report.charts.length === 1 ? "" : "s"}` + (preview ? `; preview: ${(0, import_node_path5.join)(shown, REPORT_FILES.preview)}
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

// packages/cli/src/main.ts
var VERSION = "0.1.0";
var usage = `mlci ${VERSION}: continuous integration for machine-learning projects

Usage: mlci <command> [options]

Commands:
  read <path...>   read metrics files or folders and print what mlci sees
  check [path...]  evaluate gates on one run's own numbers
  compare          compare a pull request's metrics with a baseline and evaluate gates
  report           compare, then write the pull request report (Markdown, charts, HTML preview)

Run 'mlci <command> --help' for a command's options.
`;
var COMMANDS = {
  read: { run: readCommand, usage: readUsage },
  check: { run: checkCommand, usage: checkUsage },
  compare: { run: compareCommand, usage: compareUsage },
  report: { run: reportCommand, usage: reportUsage }
};
async function main(argv, output) {
  const io = terminalIO(output, { json: wantsJson(argv) });
  const [name, ...rest] = argv;
  if (name === void 0 || name === "-h" || name === "--help" || name === "help") {
    io.stdout(usage);
    return name === void 0 ? EXIT.badInput : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${VERSION}
`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === void 0) {
    io.stderr(`mlci: unknown command ${JSON.stringify(name)}

${usage}`);
    return EXIT.badInput;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isMlciError(error)) {
      io.stderr(`mlci ${name}: ${error.message}
`);
      return EXIT.badInput;
    }
    if (isArgumentError(error)) {
      io.stderr(`mlci ${name}: ${error.message}

${command.usage}`);
      return EXIT.badInput;
    }
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    io.stderr(
      `mlci ${name}: internal error, this is a bug in mlci; please report it with this output:
${detail}
`
    );
    return EXIT.internal;
  }
}
function isArgumentError(error) {
  const code = error?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}

export {
  comparisonText,
  processIO,
  readRepeats,
  DEFAULT_CONFIG_NAMES,
  loadConfig,
  readFiles,
  relativeToConfig,
  loadPredictionPair,
  statisticsFor,
  loadSidePlots,
  pairPlots,
  main
};
