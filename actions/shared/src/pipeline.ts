import { existsSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import {
  discoverMetricsFiles,
  ConfigurationError,
  decodeComparison,
  decodeDvcLockDiff,
  decodeHistoryDocument,
  decodeHistoryTrend,
  decodeMetricsDoc,
  parseGate,
  pathPatternToRegExp,
  readMetrics,
  runComparison,
  type Comparison,
  type DvcLockDiff,
  type FileSpec,
  type HistoryTrend,
  type Gate,
  type MetricsDoc,
  type MlciConfig,
  type RunSet,
} from '@mlci/core';
import { loadConfig, readFiles, readRepeats, relativeToConfig } from '@mlci/cli';
import type { BaselineAttempt, FoundBaseline } from '@mlci/github';
import { decodeBasePlots, type BasePlotsState } from './base-plots.js';
import { withDriftMetrics } from './drift.js';
import { listInput, optionalInput, type GetInput } from './inputs.js';
import { DEFAULT_STATE_DIR, readJsonFile } from './state.js';

/** Inputs every action that reads metrics takes, with the same names and meaning everywhere. */
export interface MetricsInputs {
  /** `.mlci.yml` by default, when the workspace has one. */
  config?: string;
  /** Metrics files or folders read as one run; default: the config's `files:`. */
  files: string[];
  /** Path patterns, each match one run (seeds, folds); default: the config's `repeats:`. */
  repeats: string[];
  /** Gates added to the config's, one per line. */
  gates: string[];
  format?: string;
  stateDir: string;
}

export function parseMetricsInputs(get: GetInput): MetricsInputs {
  const inputs: MetricsInputs = {
    files: listInput(get, 'files'),
    // One pattern per line: a pattern may hold a comma (`runs/{a,b}`).
    repeats: listInput(get, 'repeats', { commas: false }),
    // One gate per line: a gate may hold a comma (`accuracy in [0.8, 1]`).
    gates: listInput(get, 'gates', { commas: false }),
    stateDir: optionalInput(get, 'state-dir') ?? DEFAULT_STATE_DIR,
  };
  const config = optionalInput(get, 'config');
  if (config !== undefined) inputs.config = config;
  const format = optionalInput(get, 'format');
  if (format !== undefined) inputs.format = format;
  return inputs;
}

export interface MetricsSetup {
  config: MlciConfig;
  extraGates: Gate[];
  /** The files of the pull request's run, as paths relative to the workspace (the repository root). */
  files: FileSpec[];
  /**
   * Path patterns relative to the workspace, each match one run; when set, `files` is empty. The
   * baseline is looked for in the same shape.
   */
  repeats: string[];
  /** Set when no files were named and they were found (zero configuration): what was picked and why. */
  discovered?: string[];
}

/** The config file named by the `config` input, else `.mlci.yml` in the workspace, else none. */
export function actionConfig(inputs: Pick<MetricsInputs, 'config'>): MlciConfig {
  if (inputs.config !== undefined && !existsSync(inputs.config)) {
    throw new ConfigurationError(
      `input config: ${inputs.config} does not exist (paths are relative to the workspace)`,
    );
  }
  return loadConfig(inputs.config);
}

/**
 * `config`: the already loaded config, when the caller needed it first. `discover: false`: when
 * nothing is named, name nothing (files and repeats empty) instead of looking for what the
 * project's tools wrote: a step that compares data alone has its run already.
 */
export async function metricsSetup(
  inputs: MetricsInputs,
  config: MlciConfig = actionConfig(inputs),
  { discover = true }: { discover?: boolean } = {},
): Promise<MetricsSetup> {
  const extraGates = inputs.gates.map((text, i) => parseGate(text, `input gates, line ${i + 1}`));
  if (inputs.files.length > 0 && inputs.repeats.length > 0) {
    throw new ConfigurationError(
      'inputs files and repeats both name the runs: set files for one run, or repeats for one run per match, not both',
    );
  }
  // An input wins over the config, whichever of the two forms each uses.
  const repeats =
    inputs.repeats.length > 0
      ? inputs.repeats.map((p, i) => {
          pathPatternToRegExp(p, `input repeats, line ${i + 1}`);
          return p;
        })
      : inputs.files.length > 0
        ? []
        : config.repeats.map((p) => relativeToConfig(config, p).split(sep).join('/'));
  const files: FileSpec[] =
    repeats.length > 0
      ? []
      : inputs.files.length > 0
        ? inputs.files.map((path) =>
            inputs.format !== undefined ? { path, format: inputs.format } : { path },
          )
        : config.files.map((f) => ({ ...f, path: relativeToConfig(config, f.path) }));
  if (files.length === 0 && repeats.length === 0 && discover) {
    // Zero configuration: what the project's tools wrote, said in the log and the report (discover.ts).
    const discovered = await discoverMetricsFiles('.');
    return { config, extraGates, files: discovered.files, repeats, discovered: discovered.reasons };
  }
  return { config, extraGates, files, repeats };
}

/** The pull request's runs, read from the workspace: one, or one per match of `repeats`. */
export async function readHead(setup: MetricsSetup, format?: string): Promise<RunSet> {
  const options = format !== undefined ? { format } : {};
  if (setup.repeats.length > 0) return { runs: (await readRepeats('.', setup.repeats, options)).runs };
  const { doc } = await readFiles(setup.files, options);
  if (setup.discovered !== undefined) doc.sources[0]?.notes.unshift(...setup.discovered);
  return { runs: [doc] };
}

/**
 * The run's own numbers checked, with no baseline expected: what evaluate does, and what report
 * does itself when no earlier step left a state file. `drift`: the drift step's metrics
 * (drift.ts), added to every run before the gates are evaluated.
 */
export async function checkOwnNumbers(
  inputs: MetricsInputs,
  config?: MlciConfig,
  log?: (line: string) => void,
  drift?: MetricsDoc,
): Promise<ComparisonState> {
  // With drift and no metrics files named, the data is the run: a scheduled monitoring job has no
  // model metrics, and guessing at files the project's tools wrote would check numbers nobody asked for.
  const setup = await metricsSetup(inputs, config, { discover: drift === undefined });
  for (const line of setup.discovered ?? []) log?.(line);
  const driftOnly = drift !== undefined && setup.files.length === 0 && setup.repeats.length === 0;
  const read = driftOnly ? { runs: [drift] } : await readHead(setup, inputs.format);
  const head =
    drift === undefined || driftOnly ? read : { ...read, runs: withDriftMetrics(read.runs, drift) };
  const comparison = runComparison({
    head,
    config: setup.config,
    extraGates: setup.extraGates,
    expectBaseline: false,
  });
  return { schema: 'mlci/evaluate', version: 1, comparison, head: head.runs };
}

/** What evaluate (no baseline) and compare-metrics leave for report in the state folder. */
export interface ComparisonState {
  schema: 'mlci/evaluate' | 'mlci/compare';
  version: 1;
  comparison: Comparison;
  head: MetricsDoc[];
  base?: MetricsDoc[];
  baseline?: { label: string; source: string; sha?: string };
  attempts?: BaselineAttempt[];
  /** The base branch's history, for the report's trend chart (compare-metrics/src/history.ts). */
  history?: HistoryTrend;
  /** The base's plot files and predictions, kept in the state folder for the report (base-plots.ts). */
  basePlots?: BasePlotsState;
  /** What changed between the base's dvc.lock and the pull request's; absent when nothing did. */
  pipeline?: DvcLockDiff;
}

/** A state document, checked like any document read from disk (it may come from another job's artifact). */
export function decodeComparisonState(value: unknown, file: string): ComparisonState {
  const doc = value as Partial<ComparisonState> | null;
  if (
    doc === null ||
    typeof doc !== 'object' ||
    (doc.schema !== 'mlci/evaluate' && doc.schema !== 'mlci/compare')
  ) {
    throw new ConfigurationError(`${file}: expected an mlci/evaluate or mlci/compare document`);
  }
  const runs = (list: unknown, name: string): MetricsDoc[] => {
    if (!Array.isArray(list) || list.length > 100)
      throw new ConfigurationError(`${file}: ${name}: expected a list of runs`);
    return list.map((run, i) => decodeMetricsDoc(run, `${file}: ${name}[${i}]`));
  };
  const state: ComparisonState = {
    schema: doc.schema,
    version: 1,
    comparison: decodeComparison(doc.comparison, `${file}: comparison`),
    head: runs(doc.head, 'head'),
  };
  if (doc.base !== undefined) state.base = runs(doc.base, 'base');
  const baseline = doc.baseline;
  if (baseline !== undefined && baseline !== null && typeof baseline.label === 'string') {
    state.baseline = { label: baseline.label.slice(0, 500), source: String(baseline.source).slice(0, 40) };
    if (typeof baseline.sha === 'string') state.baseline.sha = baseline.sha.slice(0, 64);
  }
  if (doc.history !== undefined) state.history = decodeHistoryTrend(doc.history, `${file}: history`);
  if (doc.basePlots !== undefined) state.basePlots = decodeBasePlots(doc.basePlots, file);
  if (doc.pipeline !== undefined) state.pipeline = decodeDvcLockDiff(doc.pipeline, `${file}: pipeline`);
  return state;
}

/**
 * The baseline's runs from what findBaseline fetched:
 * - contents: a mirror of the repository at the base, where the run's own paths resolve;
 * - artifact: the state folder a base-branch run uploaded (its compare.json or evaluate.json), or
 *   metrics files at the run's paths, or else any metrics files in it;
 * - history: `<sha>.json` documents;
 * - path: a file or folder the workflow prepared.
 */
export async function readBaselineRuns(
  found: FoundBaseline,
  setup: MetricsSetup,
  format?: string,
): Promise<RunSet> {
  const options = format !== undefined ? { format } : {};
  // Fetched files live in a temporary folder; the report names them by where they came from.
  const where = `${found.source}:${found.sha !== undefined ? `${found.sha.slice(0, 7)}:` : ''}`;
  const shown = (file: string) =>
    file.startsWith(found.dir) ? `${where}${file.slice(found.dir.length).replace(/^[\\/]+/, '')}` : file;
  const labelled = (runs: MetricsDoc[]): RunSet => {
    for (const source of runs.flatMap((r) => r.sources)) source.file = shown(source.file);
    return { runs, label: found.label };
  };
  // Repeats: every match of the patterns in what was fetched is one run, as on the pull request.
  const repeatsIn = async (dir: string): Promise<RunSet> =>
    labelled(
      (await readRepeats(dir, setup.repeats, options, `repeats at the baseline (${found.label})`)).runs,
    );
  switch (found.source) {
    case 'history': {
      const runs: MetricsDoc[] = [];
      for (const file of found.files) {
        const value = await readJsonFile(file, { shown: shown(file), hint: HISTORY_HINT });
        runs.push(...decodeHistoryDocument(value, shown(file)).runs);
      }
      return labelled(runs);
    }
    case 'artifact': {
      for (const name of ['compare.json', 'evaluate.json']) {
        for (const dir of [found.dir, join(found.dir, DEFAULT_STATE_DIR)]) {
          const file = join(dir, name);
          if (existsSync(file))
            return labelled(
              decodeComparisonState(await readJsonFile(file, { shown: shown(file) }), shown(file)).head,
            );
        }
      }
      if (setup.repeats.length > 0) return repeatsIn(found.dir);
      const inArtifact = setup.files.map((f) => ({ ...f, path: join(found.dir, f.path) }));
      if (inArtifact.every((f) => existsSync(f.path)))
        return labelled([(await readFiles(inArtifact, options)).doc]);
      return labelled([await readMetrics([found.dir], options)]);
    }
    case 'contents': {
      if (setup.repeats.length > 0) return repeatsIn(found.dir);
      const mirrored = setup.files.map((f) => ({ ...f, path: join(found.dir, f.path) }));
      const present = mirrored.filter((f) => existsSync(f.path));
      if (present.length === 0) return labelled([await readMetrics([found.dir], options)]);
      return labelled([(await readFiles(present, options)).doc]);
    }
    case 'path':
      if (setup.repeats.length > 0 && statSync(found.dir).isDirectory()) return repeatsIn(found.dir);
      return labelled([(await readFiles([{ path: found.dir }], options)).doc]);
  }
}

const HISTORY_HINT =
  'the report action writes these files on pushes to the default branch: fix or delete it on the history branch, or leave out the history baseline source';

/** One line per gate that did not pass, for logs and annotations. */
export function failedGateTexts(comparison: Comparison): string[] {
  return comparison.gates.filter((g) => g.status === 'fail' || g.status === 'error').map((g) => g.gate.text);
}
