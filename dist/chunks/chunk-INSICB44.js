import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  fetchPathAt,
  messageOf,
  statusOf
} from "./chunk-KEMWW3B4.js";
import {
  driftText
} from "./chunk-GCUGJDMS.js";
import {
  readTableSpec
} from "./chunk-F56DFHV3.js";
import {
  materializeGitPath
} from "./chunk-4R3FL7BL.js";
import {
  require_node_util
} from "./chunk-ASNOHSSA.js";
import {
  writeState
} from "./chunk-JNPPPDWK.js";
import {
  require_node_child_process
} from "./chunk-CWKNKEBK.js";
import {
  DRIFT_BASE_REFERENCE,
  compareTables,
  driftMetricsDoc,
  readTable
} from "./chunk-55SCGZVG.js";
import {
  require_node_path
} from "./chunk-DPFCA6DW.js";
import {
  ConfigurationError,
  MlciError,
  isMlciError
} from "./chunk-TQLTVCQ6.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// actions/shared/src/drift-run.ts
var import_node_child_process = __toESM(require_node_child_process(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var import_node_util = __toESM(require_node_util(), 1);
var run = (0, import_node_util.promisify)(import_node_child_process.execFile);
async function runDrift(plan, base, log) {
  const reference = plan.reference.spec === DRIFT_BASE_REFERENCE ? await readBaseTable(plan, base, log) : await readSide(plan.reference, plan.read, "reference");
  const current = await readSide(plan.current, plan.read, "current data");
  const report = compareTables(reference, current, plan.options);
  return { report, doc: driftMetricsDoc(report) };
}
async function readSide(table, read, what) {
  try {
    return (await readTableSpec(table.spec, read)).profile;
  } catch (error) {
    throw explainTable(error, `the drift step could not read its ${what} (${table.from})`);
  }
}
function explainTable(error, what) {
  if (!isMlciError(error)) return error;
  const wrapped = error instanceof ConfigurationError ? new ConfigurationError(`${what}: ${error.message}`) : new MlciError(`${what}: ${error.message}`);
  return wrapped;
}
async function readBaseTable(plan, base, log) {
  const what = `the drift step could not read its reference (${plan.reference.from}: base)`;
  if (base === void 0)
    throw new ConfigurationError(
      `${what}: this run has no base commit (a pull request's base, or the commit before a push): name the reference (a file, a folder or git:<revision>:<path>)`
    );
  const spec = plan.current.spec;
  if (spec.startsWith("git:"))
    throw new ConfigurationError(
      `${what}: the current data is ${spec}, already a revision's: base takes the current data's path in the workspace; name the reference as git:<revision>:<path> instead`
    );
  const path = import_node_path.posix.normalize(spec.replace(/\\/g, "/")).replace(/^\.\//, "").replace(/\/+$/, "");
  if ((0, import_node_path.isAbsolute)(spec) || path.startsWith("../"))
    throw new ConfigurationError(
      `${what}: the current data (${spec}) is outside the repository, so the base commit has no copy of it: name the reference`
    );
  const shown = `${base.label}:${path}`;
  const missing = () => new ConfigurationError(
    `${what}: ${path} is not in ${base.label}, so there is nothing to compare the pull request's data with. Commit the data on the base branch first, or set drift-reference (or drift.reference) to a file, a folder or git:<revision>:<path> that holds the reference`
  );
  const read = { ...plan.read, label: shown };
  if (await hasCommit(base.sha)) {
    if (!await gitSucceeds(["cat-file", "-e", `${base.sha}:./${path}`])) throw missing();
    log?.(`Drift reference: ${shown}, from the clone.`);
    try {
      const copy = await materializeGitPath({ rev: base.sha, path });
      return await readTable(copy.path, read);
    } catch (error) {
      throw explainTable(error, what);
    }
  }
  if (base.client === void 0)
    throw new ConfigurationError(
      `${what}: the clone does not have ${base.label}, and without a token it cannot be fetched: pass token, or check out with fetch-depth: 0`
    );
  let fetched;
  try {
    fetched = await fetchPathAt(base.client, {
      owner: base.owner,
      repo: base.repo,
      ref: base.sha,
      path,
      label: shown,
      ...base.workDir !== void 0 ? { workDir: base.workDir } : {}
    });
  } catch (error) {
    if (isMlciError(error)) throw explainTable(error, what);
    const status = statusOf(error);
    if (status === void 0) throw error;
    const message = messageOf(error);
    throw new MlciError(
      `${what}: ${shown} could not be fetched: ${status} ${message}${/re-run/i.test(message) ? "" : "; re-run the job"}`
    );
  }
  if (fetched === void 0) throw missing();
  log?.(
    `Drift reference: ${shown}, fetched through GitHub's API (${fetched.files} file${fetched.files === 1 ? "" : "s"}, ${fetched.bytes} bytes).`
  );
  for (const skipped of fetched.skipped) log?.(`Drift reference: not fetched: ${skipped}`);
  try {
    return await readTable(fetched.path, read);
  } catch (error) {
    throw explainTable(error, what);
  }
}
async function gitSucceeds(args) {
  try {
    await run("git", args, { cwd: process.cwd() });
    return true;
  } catch {
    return false;
  }
}
function hasCommit(sha) {
  return gitSucceeds(["cat-file", "-e", `${sha}^{commit}`]);
}
async function driftStep(io, options) {
  const { plan } = options;
  io.info(
    `Drift: ${plan.reference.spec} (${plan.reference.from}) against ${plan.current.spec} (${plan.current.from}); settings from ${plan.settingsFrom}.`
  );
  const result = await runDrift(plan, options.base, (line) => io.info(line));
  const { report } = result;
  const path = await writeState(options.stateDir, "drift", report);
  io.info(driftText(report).trimEnd());
  for (const warning of report.warnings) io.warning(`Drift: ${warning}`);
  io.info(`
wrote ${path}`);
  io.setOutput("drift-detected", String(report.detected));
  io.setOutput("drift-share", String(report.share));
  return result;
}

export {
  runDrift,
  driftStep
};
