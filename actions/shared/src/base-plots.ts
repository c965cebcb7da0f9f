import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join, posix, resolve, sep } from 'node:path';
import {
  ConfigurationError,
  matchRuns,
  type BuildReportInput,
  type MlciConfig,
  type PredictionSet,
} from '@mlci/core';
import {
  listForPatterns,
  loadPredictionPair,
  loadSidePlots,
  pairPlots,
  relativeToConfig,
  type SidePlots,
} from '@mlci/cli';
import type { FoundBaseline } from '@mlci/github';

/**
 * The baseline's side of the evaluation plots (confusion matrix, ROC, precision-recall) for the
 * report action. compare-metrics fetches the base's plot files and predictions in the baseline's
 * own query (findBaseline's alsoFetch) and copies them into the state folder, because the report
 * step may run in another job; report draws them beside the pull request's and draws the change.
 */

/** The state folder's subfolder holding the base's files, at their repository paths. */
export const BASE_PLOTS_DIR = 'base-plots';

export interface BasePlotsState {
  /** Where they came from: `main@abc1234 (merge base)`. */
  label: string;
  /** Repository paths of the config's report.plots found at the base (copied under base-plots/). */
  plots: string[];
  /** The per-example predictions' repository path, when the base has them (copied likewise). */
  predictions?: string;
  /**
   * With several runs (`repeats:`), the same file in every run of the base, when each has it
   * (copied likewise): the report sums them rather than letting `predictions` stand for all.
   */
  runPredictions?: string[];
  /** What the base lacks, as sentences for the report: a missing plot is said, never an error. */
  missing: string[];
}

/** The plot files of a run, as repository paths (`report.plots` is relative to the config). */
export function plotRepositoryPaths(config: MlciConfig): string[] {
  return config.report.plots.map((p) => repositoryPath(relativeToConfig(config, p)));
}

/** `./eval/cm.json` -> `eval/cm.json`, `\` -> `/`. */
export function repositoryPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/**
 * Copies the base's plot files and predictions from where the baseline was fetched into
 * `<stateDir>/base-plots/`, replacing an earlier run's, and says what was there. `historyBranch`
 * names the branch a history baseline came from (it keeps metrics only).
 */
export async function keepBasePlots(options: {
  stateDir: string;
  found: FoundBaseline | undefined;
  plots: readonly string[];
  predictions?: string;
  /** The runs' patterns (`repeats:`): the predictions are then looked for in every run. */
  repeats?: readonly string[];
  historyBranch: string;
}): Promise<BasePlotsState | undefined> {
  const { found, plots, predictions } = options;
  const target = join(options.stateDir, BASE_PLOTS_DIR);
  await rm(target, { recursive: true, force: true });
  if (found === undefined || (plots.length === 0 && predictions === undefined)) return undefined;
  const state: BasePlotsState = { label: found.label, plots: [], missing: [] };
  const wanted = [...plots, ...(predictions !== undefined ? [predictions] : [])];
  if (found.source === 'history') {
    state.missing.push(
      `The baseline came from the ${options.historyBranch} branch (${found.label}), which keeps metrics only: its confusion matrix and curves are not shown (commit ${wanted.join(', ')} on the base branch, or upload them in the baseline artifact).`,
    );
    return state;
  }
  // A baseline given as one file (baseline-path) holds no other files.
  const root = found.source === 'path' && !statSync(found.dir).isDirectory() ? undefined : found.dir;
  for (const path of wanted) {
    const from = root === undefined ? undefined : join(root, path);
    if (from === undefined || !existsSync(from) || !statSync(from).isFile()) {
      state.missing.push(
        `The baseline (${found.label}) has no ${path}: the pull request's side is shown alone.`,
      );
      continue;
    }
    const to = join(target, path);
    await mkdir(dirname(to), { recursive: true });
    await copyFile(from, to);
    if (path === predictions) state.predictions = path;
    else state.plots.push(path);
  }
  if (root !== undefined && predictions !== undefined && (options.repeats ?? []).length > 0) {
    const paths = predictionsOfRuns(predictions, await runFolders(root, options.repeats!));
    if (paths !== undefined && paths.every((p) => isFile(join(root, p)))) {
      for (const path of paths) {
        const to = join(target, path);
        await mkdir(dirname(to), { recursive: true });
        await copyFile(join(root, path), to);
      }
      state.runPredictions = paths;
    }
  }
  return state;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/**
 * The folder of each run the patterns name under `root`, as `/`-separated relative paths: the
 * matched folder, or the matched file's folder (`runs/seed-1/metrics.json` -> `runs/seed-1`).
 */
export async function runFolders(root: string, repeats: readonly string[]): Promise<string[]> {
  if (repeats.length === 0) return [];
  const entries = await listForPatterns(root, repeats);
  const kinds = new Map(entries.map((e) => [e.path, e.kind]));
  return matchRuns(repeats, entries).map((run) =>
    kinds.get(run) === 'dir' ? run : posix.dirname(run) === '.' ? '' : posix.dirname(run),
  );
}

/**
 * The same predictions file in every run: `runs/seed-1/predictions.csv` with the runs in
 * `runs/seed-1`, `runs/seed-2`, `runs/seed-3` is also `runs/seed-2/predictions.csv` and
 * `runs/seed-3/predictions.csv`. Undefined when there is one run, when the file is in no run's
 * folder, or when runs share a folder (one file there cannot be told apart per run): the file
 * then stands for one run, and the report says so. Pure; the callers check that the files exist.
 */
export function predictionsOfRuns(predictions: string, folders: readonly string[]): string[] | undefined {
  const path = repositoryPath(predictions);
  if (folders.length < 2 || folders.includes('') || new Set(folders).size !== folders.length)
    return undefined;
  const owner = folders.find((f) => path.startsWith(`${f}/`));
  if (owner === undefined) return undefined;
  const rest = path.slice(owner.length + 1);
  return folders.map((f) => `${f}/${rest}`);
}

/**
 * The patterns that name the pull request's runs in the report step: the repeats input, else none
 * when the files input names one run, else the config's `repeats:` (as metricsSetup reads them).
 */
export function repeatPatterns(
  inputs: { repeats: readonly string[]; files: readonly string[] },
  config: MlciConfig,
): string[] {
  if (inputs.repeats.length > 0) return [...inputs.repeats];
  if (inputs.files.length > 0) return [];
  return config.repeats.map((p) => relativeToConfig(config, p).split(sep).join('/'));
}

/** compare.json's basePlots, checked: it may come from another job's artifact. */
export function decodeBasePlots(value: unknown, file: string): BasePlotsState {
  const doc = value as Partial<Record<keyof BasePlotsState, unknown>> | null;
  const strings = (list: unknown, name: string, check: (s: string) => boolean): string[] => {
    if (!Array.isArray(list) || list.length > 100 || !list.every((s) => typeof s === 'string' && check(s)))
      throw new ConfigurationError(
        `${file}: basePlots.${name}: expected a list of ${name === 'missing' ? 'sentences' : 'paths inside the repository'}`,
      );
    return list as string[];
  };
  if (doc === null || typeof doc !== 'object' || typeof doc.label !== 'string')
    throw new ConfigurationError(`${file}: basePlots: expected an object with label, plots and missing`);
  const state: BasePlotsState = {
    label: doc.label.slice(0, 500),
    plots: strings(doc.plots, 'plots', insideRepository),
    missing: strings(doc.missing, 'missing', (s) => s.length <= 2000),
  };
  if (doc.predictions !== undefined) {
    if (typeof doc.predictions !== 'string' || !insideRepository(doc.predictions))
      throw new ConfigurationError(`${file}: basePlots.predictions: expected a path inside the repository`);
    state.predictions = doc.predictions;
  }
  if (doc.runPredictions !== undefined)
    state.runPredictions = strings(doc.runPredictions, 'runPredictions', insideRepository);
  return state;
}

/** A relative path with no `..`: a state file from an artifact must not point outside its folder. */
function insideRepository(path: string): boolean {
  return (
    path !== '' &&
    path.length <= 1000 &&
    !path.startsWith('/') &&
    !/^[A-Za-z]:/.test(path) &&
    !path.split(/[\\/]/).some((s) => s === '..')
  );
}

/**
 * Both sides' plots for the report: the pull request's from `headFiles` and its predictions, the
 * base's from what compare-metrics kept (named by where they came from, `main@abc1234 (merge
 * base):eval/cm.json`), paired by kind. `notes` says what the base lacks.
 *
 * With several runs per side (`repeats:`) the confusion matrix sums every run's counts and ROC/PR
 * pool their examples when each run wrote predictions (`headRunPredictions`, the base's
 * `runPredictions`); otherwise the one file's plots say which run of how many they show, rather
 * than one seed standing for the mean the tables show (#14).
 */
export async function loadReportPlots(options: {
  headFiles: readonly string[];
  headPredictions?: string;
  /** The same file in every run of the pull request (predictionsOfRuns), all present. */
  headRunPredictions?: readonly string[];
  /** How many runs each side has (1 when not said). */
  headRuns?: number;
  baseRuns?: number;
  stateDir: string;
  base?: BasePlotsState;
}): Promise<Pick<BuildReportInput, 'confusion' | 'roc' | 'pr'> & { notes: string[] }> {
  const { base } = options;
  const dir = join(options.stateDir, BASE_PLOTS_DIR);
  const present = (path: string) => existsSync(join(dir, path));
  const notes = [...(base?.missing ?? [])];
  const basePredictions =
    base?.predictions !== undefined && present(base.predictions) ? base.predictions : undefined;
  const predictions = await loadPredictionPair(
    basePredictions === undefined ? undefined : join(dir, basePredictions),
    options.headPredictions,
  );
  const headRunFiles = options.headRunPredictions ?? [];
  const headSets = await setsOf(
    headRunFiles.every((p) => existsSync(p)) ? headRunFiles.map((p) => ({ path: p, shown: p })) : [],
    predictions.head,
    options.headPredictions,
  );
  const head = await loadSidePlots(options.headFiles, headSets, { runs: options.headRuns ?? 1 });
  let baseSide: SidePlots = {};
  if (base !== undefined) {
    if (predictions.base !== undefined && basePredictions !== undefined)
      predictions.base = { ...predictions.base, file: `${base.label}:${basePredictions}` };
    const runFiles = base.runPredictions ?? [];
    const baseSets = await setsOf(
      runFiles.every(present)
        ? runFiles.map((p) => ({ path: join(dir, p), shown: `${base.label}:${p}` }))
        : [],
      predictions.base,
      basePredictions === undefined ? undefined : join(dir, basePredictions),
    );
    const files = base.plots.filter(present);
    baseSide = await loadSidePlots(
      files.map((p) => join(dir, p)),
      baseSets,
      { runs: options.baseRuns ?? 1 },
    );
    for (const kind of ['confusion', 'roc', 'pr'] as const) {
      const plot = baseSide[kind];
      const at = files.find((p) => plot !== undefined && plot.file === join(dir, p));
      if (plot !== undefined && at !== undefined)
        Object.assign(baseSide, { [kind]: { ...plot, file: `${base.label}:${at}` } });
    }
  }
  return { ...pairPlots(head, baseSide), notes };
}

/**
 * Every run's predictions when there are several (named as shown), else the one set, else none.
 * The one set, read already at `onePath`, is not read again.
 */
async function setsOf(
  runs: ReadonlyArray<{ path: string; shown: string }>,
  one: PredictionSet | undefined,
  onePath: string | undefined,
): Promise<PredictionSet[]> {
  if (runs.length > 1) {
    const sets: PredictionSet[] = [];
    for (const run of runs) {
      const same = one !== undefined && onePath !== undefined && resolve(run.path) === resolve(onePath);
      const set = same ? one : (await loadPredictionPair(undefined, run.path)).head!;
      sets.push({ ...set, file: run.shown });
    }
    return sets;
  }
  return one === undefined ? [] : [one];
}
