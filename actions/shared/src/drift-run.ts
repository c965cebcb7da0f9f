import { execFile } from 'node:child_process';
import { isAbsolute, posix } from 'node:path';
import { promisify } from 'node:util';
import {
  compareTables,
  ConfigurationError,
  DRIFT_BASE_REFERENCE,
  driftMetricsDoc,
  isMlciError,
  MlciError,
  readTable,
  type DriftReport,
  type MetricsDoc,
  type TableProfile,
  type TableReadOptions,
} from '@mlci/core';
import { driftText, materializeGitPath, readTableSpec } from '@mlci/cli';
import { fetchPathAt, messageOf, statusOf, type GitHubClient } from '@mlci/github';
import type { DriftPlan, DriftTable } from './drift.js';
import type { ActionIO } from './io.js';
import { writeState } from './state.js';

/**
 * The drift step's work: reading the two tables (the base's copy from the clone or through
 * GitHub's contents API), comparing them, and leaving drift.json. Apart from drift.ts (the inputs
 * and the plan) so that a step that compares no data does not load the table readers and the
 * GitHub adapter: evaluate imports this only when a plan exists.
 */

const run = promisify(execFile);

/** The commit `base` names, and how compare-metrics may reach it. */
export interface BaseCommit {
  sha: string;
  /** `main@abc1234 (merge base)`. */
  label: string;
  /** To fetch the path when the clone lacks the commit; undefined without a token. */
  client?: GitHubClient;
  owner: string;
  repo: string;
  /** Where fetched files go (RUNNER_TEMP). */
  workDir?: string;
}

/** Compares the plan's tables; the base commit is needed when the reference is `base`. */
export async function runDrift(
  plan: DriftPlan,
  base?: BaseCommit,
  log?: (line: string) => void,
): Promise<{ report: DriftReport; doc: MetricsDoc }> {
  // The reference first, as `mlci drift` reads them.
  const reference =
    plan.reference.spec === DRIFT_BASE_REFERENCE
      ? await readBaseTable(plan, base, log)
      : await readSide(plan.reference, plan.read, 'reference');
  const current = await readSide(plan.current, plan.read, 'current data');
  const report = compareTables(reference, current, plan.options);
  return { report, doc: driftMetricsDoc(report) };
}

async function readSide(table: DriftTable, read: TableReadOptions, what: string): Promise<TableProfile> {
  try {
    return (await readTableSpec(table.spec, read)).profile;
  } catch (error) {
    throw explainTable(error, `the drift step could not read its ${what} (${table.from})`);
  }
}

/** An mlci error keeps its kind and gains what was being read; anything else is a bug and stays one. */
function explainTable(error: unknown, what: string): unknown {
  if (!isMlciError(error)) return error;
  const wrapped =
    error instanceof ConfigurationError
      ? new ConfigurationError(`${what}: ${error.message}`)
      : new MlciError(`${what}: ${error.message}`);
  return wrapped;
}

/**
 * `base`: the current data's path as committed at the base commit. From the clone when it has the
 * commit (actions/checkout with fetch-depth: 0), else through GitHub's contents API. A base
 * without the path fails: there is nothing to compare with, and passing would wave the data
 * through unchecked.
 */
async function readBaseTable(
  plan: DriftPlan,
  base: BaseCommit | undefined,
  log?: (line: string) => void,
): Promise<TableProfile> {
  const what = `the drift step could not read its reference (${plan.reference.from}: base)`;
  if (base === undefined)
    throw new ConfigurationError(
      `${what}: this run has no base commit (a pull request's base, or the commit before a push): name the reference (a file, a folder or git:<revision>:<path>)`,
    );
  const spec = plan.current.spec;
  if (spec.startsWith('git:'))
    throw new ConfigurationError(
      `${what}: the current data is ${spec}, already a revision's: base takes the current data's path in the workspace; name the reference as git:<revision>:<path> instead`,
    );
  const path = posix.normalize(spec.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/+$/, '');
  if (isAbsolute(spec) || path.startsWith('../'))
    throw new ConfigurationError(
      `${what}: the current data (${spec}) is outside the repository, so the base commit has no copy of it: name the reference`,
    );
  const shown = `${base.label}:${path}`;
  const missing = () =>
    new ConfigurationError(
      `${what}: ${path} is not in ${base.label}, so there is nothing to compare the pull request's data with. Commit the data on the base branch first, or set drift-reference (or drift.reference) to a file, a folder or git:<revision>:<path> that holds the reference`,
    );
  const read = { ...plan.read, label: shown };
  if (await hasCommit(base.sha)) {
    if (!(await gitSucceeds(['cat-file', '-e', `${base.sha}:./${path}`]))) throw missing();
    log?.(`Drift reference: ${shown}, from the clone.`);
    try {
      const copy = await materializeGitPath({ rev: base.sha, path });
      return await readTable(copy.path, read);
    } catch (error) {
      throw explainTable(error, what);
    }
  }
  if (base.client === undefined)
    throw new ConfigurationError(
      `${what}: the clone does not have ${base.label}, and without a token it cannot be fetched: pass token, or check out with fetch-depth: 0`,
    );
  let fetched;
  try {
    fetched = await fetchPathAt(base.client, {
      owner: base.owner,
      repo: base.repo,
      ref: base.sha,
      path,
      label: shown,
      ...(base.workDir !== undefined ? { workDir: base.workDir } : {}),
    });
  } catch (error) {
    if (isMlciError(error)) throw explainTable(error, what);
    const status = statusOf(error);
    if (status === undefined) throw error;
    const message = messageOf(error);
    throw new MlciError(
      `${what}: ${shown} could not be fetched: ${status} ${message}${/re-run/i.test(message) ? '' : '; re-run the job'}`,
    );
  }
  if (fetched === undefined) throw missing();
  log?.(
    `Drift reference: ${shown}, fetched through GitHub's API (${fetched.files} file${fetched.files === 1 ? '' : 's'}, ${fetched.bytes} bytes).`,
  );
  for (const skipped of fetched.skipped) log?.(`Drift reference: not fetched: ${skipped}`);
  try {
    return await readTable(fetched.path, read);
  } catch (error) {
    throw explainTable(error, what);
  }
}

async function gitSucceeds(args: string[]): Promise<boolean> {
  try {
    await run('git', args, { cwd: process.cwd() });
    return true;
  } catch {
    return false;
  }
}

/** Whether the clone has the commit (a shallow checkout usually has one commit only). */
function hasCommit(sha: string): Promise<boolean> {
  return gitSucceeds(['cat-file', '-e', `${sha}^{commit}`]);
}

/**
 * Runs the plan and writes drift.json; on failure throws the error, so the step fails with it (and
 * its state file records the failure for the report, state.ts). Logs the drift table and sets the outputs drift-detected and drift-share.
 */
export async function driftStep(
  io: ActionIO,
  options: { step: string; stateDir: string; plan: DriftPlan; base?: BaseCommit },
): Promise<{ report: DriftReport; doc: MetricsDoc }> {
  const { plan } = options;
  io.info(
    `Drift: ${plan.reference.spec} (${plan.reference.from}) against ${plan.current.spec} (${plan.current.from}); settings from ${plan.settingsFrom}.`,
  );
  // A failure fails the step, and its record (state.ts) fails the report's check with the message.
  const result = await runDrift(plan, options.base, (line) => io.info(line));
  const { report } = result;
  const path = await writeState(options.stateDir, 'drift', report);
  io.info(driftText(report).trimEnd());
  for (const warning of report.warnings) io.warning(`Drift: ${warning}`);
  io.info(`\nwrote ${path}`);
  io.setOutput('drift-detected', String(report.detected));
  io.setOutput('drift-share', String(report.share));
  return result;
}
