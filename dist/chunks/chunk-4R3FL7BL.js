import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  textTable
} from "./chunk-BBRN4AUK.js";
import {
  require_node_util
} from "./chunk-ASNOHSSA.js";
import {
  require_node_child_process
} from "./chunk-CWKNKEBK.js";
import {
  require_node_os
} from "./chunk-VMLB7Z4O.js";
import {
  DRIFT_KEY_PREFIXES,
  discoverMetricsFiles,
  emptyConfig,
  isPathGlob,
  mergeDocs,
  normalizePattern,
  parseConfig,
  parseGate,
  readMetricsPath,
  requireRuns,
  staticPrefix
} from "./chunk-55SCGZVG.js";
import {
  formatDelta,
  formatNumber,
  formatPercent
} from "./chunk-IFY4HQBU.js";
import {
  require_promises
} from "./chunk-BDOKL3XF.js";
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
function isDataKey(key) {
  return DRIFT_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}
function foldedData(comparison, metrics) {
  if (!comparison.metrics.some((m) => m.key === "drift.share"))
    return { metrics: /* @__PURE__ */ new Set(), params: /* @__PURE__ */ new Set() };
  const gated = new Set(comparison.gates.flatMap((g) => g.metric === void 0 ? [] : [g.metric]));
  return {
    metrics: new Set(metrics ? comparison.metrics.filter((m) => isDataKey(m.key) && !gated.has(m.key)) : []),
    params: new Set(comparison.params.filter((p) => isDataKey(p.key)))
  };
}
function foldedLine(folded, hasBase, at) {
  const n = folded.metrics.size;
  const p = folded.params.size;
  if (n + p === 0) return "";
  let statuses = "";
  if (hasBase && n > 0) {
    const counts = /* @__PURE__ */ new Map();
    for (const m of folded.metrics) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
    statuses = ` (${[...counts].map(([status, count]) => `${count} ${METRIC_MARK[status].toLowerCase()}`).join(", ")})`;
  }
  const parts = [];
  if (n > 0) parts.push(`${n} data drift ${n === 1 ? "metric" : "metrics"} that no gate names${statuses}`);
  if (p > 0) parts.push(`${p} data drift ${p === 1 ? "param" : "params"}`);
  const what = `${parts.join(" and ")} ${n + p === 1 ? "is" : "are"} not listed`;
  return at !== void 0 ? `${what}: see ${oneLine(at)}
` : `${what} (drift.*, data.*): the JSON comparison has them
`;
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
  const folded = foldedData(comparison, options.metrics);
  const line = foldedLine(folded, comparison.base !== void 0, options.dataMetricsAt);
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
    const rows = comparison.metrics.filter((m) => !folded.metrics.has(m)).sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
    parts.push("\n");
    if (rows.length > 0)
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
    parts.push(line);
  } else if (line !== "") {
    parts.push(`
${line}`);
  }
  const params = comparison.params.filter((p) => !folded.params.has(p));
  if (params.length > 0) {
    parts.push("\nParams that changed\n");
    parts.push(
      textTable(
        ["param", "base", "head"],
        params.map((p) => [
          p.key,
          p.base === void 0 ? "-" : JSON.stringify(p.base),
          p.head === void 0 ? "-" : JSON.stringify(p.head)
        ])
      )
    );
  }
  return parts.join("");
}

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
    const listing = (await git(["ls-tree", "-r", "-z", "--full-tree", object], cwd)).toString("utf8").split("\0").filter(Boolean);
    if (listing.length > MAX_FILES) {
      throw new ConfigurationError(
        `git:${spec.rev}:${spec.path}: the folder holds ${listing.length} files; point at the metrics files themselves (at most ${MAX_FILES})`
      );
    }
    (0, import_node_fs.mkdirSync)(target, { recursive: true });
    for (const line of listing) {
      const [meta, inside] = line.split("	");
      if (meta === void 0 || inside === void 0 || !meta.includes(" blob ")) continue;
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

// packages/cli/src/inputs.ts
var import_node_fs2 = __toESM(require_node_fs(), 1);
var import_node_path3 = __toESM(require_node_path(), 1);

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
      const stat = await (0, import_promises.lstat)((0, import_node_path2.join)(root, pattern)).catch(() => void 0);
      if (stat !== void 0)
        entries.set(pattern, { path: pattern, kind: stat.isDirectory() ? "dir" : "file" });
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
async function readRunSet(specs, config, options, what, log) {
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
      const root = config.file === void 0 ? "." : (0, import_node_path3.dirname)(config.file);
      let discovered;
      try {
        discovered = await discoverMetricsFiles(root);
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        throw new ConfigurationError(
          `no ${what} metrics given, and ${error.message.replace(/^no metrics files are named, and /, "")}`
        );
      }
      const { doc: doc2 } = await readFiles(
        discovered.files.map((f) => ({ ...f, path: root === "." ? f.path : (0, import_node_path3.join)(root, f.path) })),
        options
      );
      doc2.sources[0]?.notes.unshift(...discovered.reasons);
      for (const reason of discovered.reasons) log?.(reason);
      return { runs: [doc2] };
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

export {
  comparisonText,
  parseGitSpec,
  materializeGitPath,
  commitTimes,
  listForPatterns,
  readRepeats,
  DEFAULT_CONFIG_NAMES,
  loadConfig,
  parseGateFlags,
  parseDirectionFlags,
  readRun,
  readFiles,
  relativeToConfig,
  readRunSet
};
