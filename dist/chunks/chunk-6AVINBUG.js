import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  DEFAULT_STATE_DIR,
  listInput,
  optionalInput
} from "./chunk-D6QRWV54.js";
import {
  loadConfig,
  readFiles,
  relativeToConfig
} from "./chunk-HYTL2LRM.js";
import {
  ConfigurationError,
  decodeComparison,
  decodeMetricsDoc,
  parseGate,
  readMetrics
} from "./chunk-OVCBO5QH.js";

// actions/shared/src/pipeline.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
function parseMetricsInputs(get) {
  const inputs = {
    files: listInput(get, "files"),
    // One gate per line: a gate may hold a comma (`accuracy in [0.8, 1]`).
    gates: listInput(get, "gates", { commas: false }),
    stateDir: optionalInput(get, "state-dir") ?? DEFAULT_STATE_DIR
  };
  const config = optionalInput(get, "config");
  if (config !== void 0) inputs.config = config;
  const format = optionalInput(get, "format");
  if (format !== void 0) inputs.format = format;
  return inputs;
}
function metricsSetup(inputs) {
  if (inputs.config !== void 0 && !existsSync(inputs.config)) {
    throw new ConfigurationError(
      `input config: ${inputs.config} does not exist (paths are relative to the workspace)`
    );
  }
  const config = loadConfig(inputs.config);
  const extraGates = inputs.gates.map((text, i) => parseGate(text, `input gates, line ${i + 1}`));
  const files = inputs.files.length > 0 ? inputs.files.map((path) => inputs.format !== void 0 ? { path, format: inputs.format } : { path }) : config.files.map((f) => ({ ...f, path: relativeToConfig(config, f.path) }));
  if (files.length === 0) {
    throw new ConfigurationError(
      "no metrics files: set the input files (a path per line), or list them under files: in .mlci.yml"
    );
  }
  return { config, extraGates, files };
}
async function readHead(setup, format) {
  const { doc } = await readFiles(setup.files, format !== void 0 ? { format } : {});
  return { runs: [doc] };
}
function decodeComparisonState(value, file) {
  const doc = value;
  if (doc === null || typeof doc !== "object" || doc.schema !== "mlci/evaluate" && doc.schema !== "mlci/compare") {
    throw new ConfigurationError(`${file}: expected an mlci/evaluate or mlci/compare document`);
  }
  const runs = (list, name) => {
    if (!Array.isArray(list) || list.length > 100)
      throw new ConfigurationError(`${file}: ${name}: expected a list of runs`);
    return list.map((run, i) => decodeMetricsDoc(run, `${file}: ${name}[${i}]`));
  };
  const state = {
    schema: doc.schema,
    version: 1,
    comparison: decodeComparison(doc.comparison, `${file}: comparison`),
    head: runs(doc.head, "head")
  };
  if (doc.base !== void 0) state.base = runs(doc.base, "base");
  const baseline = doc.baseline;
  if (baseline !== void 0 && baseline !== null && typeof baseline.label === "string") {
    state.baseline = { label: baseline.label.slice(0, 500), source: String(baseline.source).slice(0, 40) };
    if (typeof baseline.sha === "string") state.baseline.sha = baseline.sha.slice(0, 64);
  }
  return state;
}
function decodeHistoryDocument(value, file) {
  const doc = value;
  if (doc === null || typeof doc !== "object" || doc.schema !== "mlci/history" || doc.version !== 1) {
    throw new ConfigurationError(`${file}: expected an mlci/history document of version 1`);
  }
  if (typeof doc.sha !== "string" || !Array.isArray(doc.runs) || doc.runs.length > 100) {
    throw new ConfigurationError(`${file}: expected sha and a list of runs`);
  }
  return {
    schema: "mlci/history",
    version: 1,
    sha: doc.sha,
    runs: doc.runs.map((run, i) => decodeMetricsDoc(run, `${file}: runs[${i}]`))
  };
}
async function readBaselineRuns(found, setup, format) {
  const options = format !== void 0 ? { format } : {};
  const where = `${found.source}:${found.sha !== void 0 ? `${found.sha.slice(0, 7)}:` : ""}`;
  const labelled = (runs) => {
    for (const source of runs.flatMap((r) => r.sources)) {
      if (source.file.startsWith(found.dir))
        source.file = `${where}${source.file.slice(found.dir.length).replace(/^[\\/]+/, "")}`;
    }
    return { runs, label: found.label };
  };
  switch (found.source) {
    case "history": {
      const runs = found.files.flatMap(
        (file) => decodeHistoryDocument(JSON.parse(readFileSync(file, "utf8")), file).runs
      );
      return labelled(runs);
    }
    case "artifact": {
      for (const name of ["compare.json", "evaluate.json"]) {
        for (const dir of [found.dir, join(found.dir, DEFAULT_STATE_DIR)]) {
          const file = join(dir, name);
          if (existsSync(file))
            return labelled(decodeComparisonState(JSON.parse(readFileSync(file, "utf8")), file).head);
        }
      }
      const inArtifact = setup.files.map((f) => ({ ...f, path: join(found.dir, f.path) }));
      if (inArtifact.every((f) => existsSync(f.path)))
        return labelled([(await readFiles(inArtifact, options)).doc]);
      return labelled([await readMetrics([found.dir], options)]);
    }
    case "contents": {
      const mirrored = setup.files.map((f) => ({ ...f, path: join(found.dir, f.path) }));
      const present = mirrored.filter((f) => existsSync(f.path));
      if (present.length === 0) return labelled([await readMetrics([found.dir], options)]);
      return labelled([(await readFiles(present, options)).doc]);
    }
    case "path":
      return labelled([(await readFiles([{ path: found.dir }], options)).doc]);
  }
}
function failedGateTexts(comparison) {
  return comparison.gates.filter((g) => g.status === "fail" || g.status === "error").map((g) => g.gate.text);
}

export {
  parseMetricsInputs,
  metricsSetup,
  readHead,
  decodeComparisonState,
  readBaselineRuns,
  failedGateTexts
};
