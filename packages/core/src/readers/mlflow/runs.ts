/**
 * Choosing one MLflow run among several, the same way for both stores (the `mlruns` folders and the
 * `mlflow.db` SQLite store): by `--run` (a run id, an id prefix, a run name, or an experiment's
 * name or id), else the latest FINISHED run. A note always says which run was read and why; an
 * ambiguous or unknown `--run` is an error that lists the runs, so the user can pass an id.
 */
import type { DocBuilder } from '../../doc-builder.js';
import { ConfigurationError } from '../../errors.js';

/** mlflow.entities.RunStatus: the file store keeps the integer, the SQLite store the name. */
const RUN_STATUS: Record<number, string> = {
  1: 'RUNNING',
  2: 'SCHEDULED',
  3: 'FINISHED',
  4: 'FAILED',
  5: 'KILLED',
};
/** At most this many candidate runs are listed in an error. */
const LISTED_RUNS = 20;
/** A shorter `--run` is never taken as an id prefix (too many runs would share it). */
export const MIN_PREFIX = 6;

/** A run as either store lists it. */
export interface MlflowRunInfo {
  id: string;
  name: string;
  /** RUNNING, SCHEDULED, FINISHED, FAILED, KILLED (or what the store says when unknown). */
  status: string;
  startTime?: number;
  endTime?: number;
  experimentId: string;
  experimentName?: string;
  deleted: boolean;
}

export interface MlflowExperiment {
  id: string;
  name?: string;
}

/** What `--run` may also name: the experiments in scope, whose latest FINISHED run is then read. */
export interface RunScope {
  /** Where the runs are, in words: "experiment 1 'mnist'" or "experiments 0, 1". */
  label: string;
  experiments: readonly MlflowExperiment[];
}

export function statusName(status: unknown): string {
  if (status === undefined || status === null) return 'RUNNING'; // MLflow's default when absent
  if (typeof status === 'number') return RUN_STATUS[status] ?? `status ${status}`;
  const s = String(status).toUpperCase();
  const n = Number(s);
  return Number.isInteger(n) && RUN_STATUS[n] !== undefined ? RUN_STATUS[n] : s;
}

export function experimentLabel(e: MlflowExperiment): string {
  return e.name === undefined ? e.id : `${e.id} '${e.name}'`;
}

/** The scope in words: the one experiment that holds runs, or the ids of all of them. */
export function scopeOf(experiments: readonly MlflowExperiment[], runs: readonly MlflowRunInfo[]): RunScope {
  const withRuns = experiments.filter((e) => runs.some((r) => r.experimentId === e.id));
  const label =
    withRuns.length === 1
      ? `experiment ${experimentLabel(withRuns[0]!)}`
      : `experiments ${(withRuns.length > 0 ? withRuns : experiments).map((e) => e.id).join(', ')}`;
  return { label, experiments };
}

/** Runs whose id is `wanted`; else whose id starts with it (6+ characters) or whose name is it. */
export function matches<R extends MlflowRunInfo>(runs: readonly R[], wanted: string): R[] {
  const exact = runs.filter((r) => r.id === wanted);
  if (exact.length > 0) return exact;
  return runs.filter((r) => (wanted.length >= MIN_PREFIX && r.id.startsWith(wanted)) || r.name === wanted);
}

/**
 * The run to read among `all` (deleted ones included, so that messages can count and name them).
 * `path` is the input as given, for messages.
 */
export function chooseRun<R extends MlflowRunInfo>(
  all: readonly R[],
  wanted: string | undefined,
  scope: RunScope,
  path: string,
  builder: DocBuilder,
): R {
  const runs = all.filter((r) => !r.deleted);
  if (wanted === undefined || wanted === '') return latestFinished(all, scope.label, path, builder);
  const found = matches(runs, wanted);
  if (found.length === 1) {
    const run = found[0]!;
    const how = run.id === wanted ? 'its id' : run.name === wanted ? 'its name' : 'its id prefix';
    builder.note(
      `chose run ${short(run)} '${run.name}' (${run.status}${ended(run)}) by ${how}, as --run asked`,
    );
    return run;
  }
  if (found.length > 1) {
    throw new ConfigurationError(
      `${path}: --run ${JSON.stringify(wanted)} matches ${found.length} runs in ${scope.label}; pass a run id instead:\n${listing(found)}`,
    );
  }
  // No run: an experiment of that name or id stands for its latest finished run.
  const experiments = scope.experiments.filter((e) => e.id === wanted || e.name === wanted);
  if (experiments.length === 1) {
    const experiment = experiments[0]!;
    return latestFinished(
      all.filter((r) => r.experimentId === experiment.id),
      `experiment ${experimentLabel(experiment)}`,
      path,
      builder,
      `, as --run ${JSON.stringify(wanted)} asked`,
    );
  }
  const gone = matches(
    all.filter((r) => r.deleted),
    wanted,
  );
  const why = gone.length > 0 ? ` (run ${gone[0]!.id} matches, but it is deleted)` : '';
  const kinds = scope.experiments.length > 0 ? ', a run name, or an experiment name or id' : ' or a run name';
  throw new ConfigurationError(
    `${path}: no run matches --run ${JSON.stringify(wanted)}${why}: pass a run id, an id prefix of ${MIN_PREFIX}+ characters${kinds}. ` +
      (runs.length === 0
        ? `There are no runs in ${scope.label}.`
        : `Runs in ${scope.label}:\n${listing(runs)}`),
  );
}

/** The latest FINISHED run that is not deleted, with a note saying so; an error when there is none. */
function latestFinished<R extends MlflowRunInfo>(
  all: readonly R[],
  scope: string,
  path: string,
  builder: DocBuilder,
  asked = '',
): R {
  const runs = all.filter((r) => !r.deleted);
  const deleted = all.length - runs.length;
  const deletedNote = deleted > 0 ? `, not counting ${deleted} deleted run${deleted === 1 ? '' : 's'}` : '';
  if (runs.length === 0) {
    throw new ConfigurationError(`${path}: no runs in ${scope}${deletedNote}`);
  }
  const finished = runs.filter((r) => r.status === 'FINISHED').sort(latestFirst);
  const chosen = finished[0];
  if (chosen === undefined) {
    throw new ConfigurationError(
      `${path}: none of the ${runs.length} run${runs.length === 1 ? '' : 's'} in ${scope} is FINISHED; pass --run to read one anyway:\n${listing(runs)}`,
    );
  }
  const others = runs.length - finished.length;
  const byStatus =
    others > 0 ? ` (${countStatuses(runs.filter((r) => r.status !== 'FINISHED'))} not considered)` : '';
  builder.note(
    `chose run ${short(chosen)} '${chosen.name}' (FINISHED${ended(chosen)}), the latest finished of ${runs.length} run${runs.length === 1 ? '' : 's'} ` +
      `in ${scope}${byStatus}${deletedNote}${asked}; pass ${asked === '' ? '--run' : 'a run id'} to pick another`,
  );
  return chosen;
}

function latestFirst(a: MlflowRunInfo, b: MlflowRunInfo): number {
  const byEnd = (b.endTime ?? -Infinity) - (a.endTime ?? -Infinity);
  if (byEnd !== 0 && !Number.isNaN(byEnd)) return byEnd;
  const byStart = (b.startTime ?? -Infinity) - (a.startTime ?? -Infinity);
  if (byStart !== 0 && !Number.isNaN(byStart)) return byStart;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function countStatuses(runs: readonly MlflowRunInfo[]): string {
  const counts = new Map<string, number>();
  for (const r of runs) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}

function listing(runs: readonly MlflowRunInfo[]): string {
  const sorted = [...runs].sort(latestFirst);
  const lines = sorted.slice(0, LISTED_RUNS).map((r) => `  ${describeRun(r)}`);
  if (sorted.length > LISTED_RUNS) lines.push(`  and ${sorted.length - LISTED_RUNS} more`);
  return lines.join('\n');
}

export function describeRun(r: MlflowRunInfo): string {
  return `${r.id} '${r.name}' ${r.status}${ended(r)}`;
}

function short(r: MlflowRunInfo): string {
  return r.id.slice(0, 8);
}

export function ended(r: MlflowRunInfo): string {
  if (r.endTime !== undefined) return `, ended ${isoTime(r.endTime)}`;
  if (r.startTime !== undefined) return `, started ${isoTime(r.startTime)}`;
  return '';
}

export function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
