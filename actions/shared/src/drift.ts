import { rm } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import {
  ConfigurationError,
  decodeDriftReport,
  DRIFT_BASE_REFERENCE,
  mergeDocs,
  parseMissingValues,
  parseTableFormat,
  type DriftOptions,
  type DriftReport,
  type DriftSettings,
  type MetricsDoc,
  type MlciConfig,
  type TableReadOptions,
} from '@mlci/core';
import { relativeToConfig } from '@mlci/cli';
import { optionalInput, type GetInput } from './inputs.js';
import { readJsonFile, statePath } from './state.js';

/**
 * Data drift in the evaluate and compare-metrics steps (docs/drift.md, "In GitHub Actions"): a
 * reference table and the current one are compared as `mlci drift` compares them, the drift
 * metrics join the pull request's metrics before any gate is evaluated (so `drift.share <= 0.3`
 * is a gate like any other), and the whole DriftReport is left in the state folder as drift.json
 * for the report step. A drift step that cannot run fails its step, whose failure record
 * (state.ts) makes a report step that runs anyway (`if: always()`) fail the check with the same
 * message rather than judge the metrics without their drift.
 */

export interface DriftInputs {
  /** `drift-reference`: a file, a folder, `git:<rev>:<path>`, or `base` (compare-metrics). */
  reference?: string;
  /** `drift-current`. */
  current?: string;
}

export function parseDriftInputs(get: GetInput): DriftInputs {
  const inputs: DriftInputs = {};
  const reference = optionalInput(get, 'drift-reference');
  if (reference !== undefined) inputs.reference = reference;
  const current = optionalInput(get, 'drift-current');
  if (current !== undefined) {
    if (current === DRIFT_BASE_REFERENCE)
      throw new ConfigurationError(
        'input drift-current: base names the current data as committed at the base commit, so it can only be the reference: set drift-current to the data the pull request has (a file, a folder or git:<revision>:<path>)',
      );
    inputs.current = current;
  }
  return inputs;
}

/** A table to read, and where it was named (for messages). */
export interface DriftTable {
  /** A path relative to the workspace, `git:<rev>:<path>`, or `base` (the reference only). */
  spec: string;
  from: string;
}

/** What the drift step compares, settled from the inputs and the config. */
export interface DriftPlan {
  reference: DriftTable;
  current: DriftTable;
  read: TableReadOptions;
  options: Partial<DriftOptions>;
  /** Where the deciding settings came from: `.mlci.yml`, or the base's config. */
  settingsFrom: string;
}

/** The settings that decide whether data drifted: under gates-from: base they are the base's. */
const DECIDING_KEYS = [
  'reference',
  'format',
  'missingValues',
  'alpha',
  'threshold',
  'smallRows',
  'driftShare',
] as const;

/**
 * The drift to run, or undefined when neither the inputs nor the config ask for one. Inputs win
 * over the config. `rules`, in compare-metrics under gates-from: base, is the base's config: the
 * settings that decide (the reference, the format, the missing values and the numbers) come from
 * it, so a pull request cannot loosen them; the current data's path and the seed stay its own.
 * `base` as the reference is only meaningful where there is a base commit (`baseAllowed`).
 */
export function planDrift(options: {
  inputs: DriftInputs;
  config: MlciConfig;
  rules?: { config: MlciConfig; label: string };
  baseAllowed: boolean;
  log?: (line: string) => void;
}): DriftPlan | undefined {
  const { inputs, config, rules } = options;
  const file = config.file ?? '.mlci.yml';
  const own = config.drift;
  const settings: DriftSettings = { missingValues: [], ...own };
  let settingsFrom = file;
  if (rules !== undefined) {
    settingsFrom = rules.label;
    const base = rules.config.drift;
    for (const key of DECIDING_KEYS) delete settings[key];
    settings.missingValues = [];
    if (base !== undefined)
      for (const key of DECIDING_KEYS)
        if (base[key] !== undefined) Object.assign(settings, { [key]: base[key] });
  }
  const fromConfig = (key: 'reference' | 'current', where: string): DriftTable | undefined => {
    const value = settings[key];
    if (value === undefined) return undefined;
    // Paths in the config are relative to it, as its files: are.
    const spec =
      value === DRIFT_BASE_REFERENCE || value.startsWith('git:') || isAbsolute(value)
        ? value
        : relativeToConfig(config, value).split('\\').join('/');
    return { spec, from: `drift.${key} of ${where}` };
  };
  const reference: DriftTable | undefined =
    inputs.reference !== undefined
      ? { spec: inputs.reference, from: 'input drift-reference' }
      : fromConfig('reference', settingsFrom);
  const current: DriftTable | undefined =
    inputs.current !== undefined
      ? { spec: inputs.current, from: 'input drift-current' }
      : fromConfig('current', file);
  if (reference === undefined && current === undefined) return undefined;
  if (reference === undefined && rules !== undefined && own?.reference !== undefined) {
    // Adding drift: is a new rule; like a new gate it applies once merged.
    options.log?.(
      `Drift is not compared: ${file} sets drift.reference, ${rules.label} does not, and this pull request is judged by the base's rules (gates-from: base); the comparison starts once the section is merged (or set the input drift-reference)`,
    );
    return undefined;
  }
  if (reference === undefined || current === undefined) {
    const [given, missing, input, key] =
      reference === undefined
        ? [current!, 'reference', 'drift-reference', 'drift.reference']
        : [reference, 'current data', 'drift-current', 'drift.current'];
    const where = rules !== undefined && key === 'drift.reference' ? rules.label : file;
    throw new ConfigurationError(
      `${given.from} is ${JSON.stringify(given.spec)}, but there is no ${missing} to compare with: set the input ${input}, or ${key} in ${where}`,
    );
  }
  if (reference.spec === DRIFT_BASE_REFERENCE && !options.baseAllowed)
    throw new ConfigurationError(
      `${reference.from}: base means the current data as committed at the pull request's base commit, which only compare-metrics knows: use compare-metrics for that comparison, or name the reference (a file, a folder or git:<revision>:<path>)`,
    );
  const read: TableReadOptions = {
    missing: parseMissingValues(settings.missingValues, `drift.missing-values of ${settingsFrom}`),
    seed: settings.seed ?? 1,
  };
  if (settings.format !== undefined) read.format = parseTableFormat(settings.format);
  const numbers: Partial<DriftOptions> = { correction: (rules?.config ?? config).statistics.correction };
  if (settings.alpha !== undefined) numbers.alpha = settings.alpha;
  if (settings.threshold !== undefined) numbers.threshold = settings.threshold;
  if (settings.smallRows !== undefined) numbers.smallRows = settings.smallRows;
  if (settings.driftShare !== undefined) numbers.driftShare = settings.driftShare;
  return { reference, current, read, options: numbers, settingsFrom };
}

/**
 * Every run of the pull request with the drift metrics added: the drift step's numbers win over a
 * file that holds the same keys (the source notes what was replaced). The params (each column's
 * type and test, the tables' labels) stay in drift.json, which the report's drift section shows:
 * as run params they would read as a dozen "changed parameters" of the model.
 */
export function withDriftMetrics(runs: readonly MetricsDoc[], doc: MetricsDoc): MetricsDoc[] {
  const metricsOnly: MetricsDoc = { ...doc, params: {} };
  return runs.map((run) => mergeDocs([run, metricsOnly]));
}

/** A drift.json of an earlier step would be read as this step's: it goes before anything is read. */
export async function clearDriftState(stateDir: string): Promise<void> {
  await rm(statePath(stateDir, 'drift'), { force: true });
}

/**
 * drift.json as the report step reads it: the DriftReport, undefined when no step compared data.
 * A step whose drift failed left no drift.json but its failure record (state.ts), which the report
 * reads first.
 */
export async function readDriftState(stateDir: string): Promise<DriftReport | undefined> {
  const path = statePath(stateDir, 'drift');
  let value: unknown;
  try {
    value = await readJsonFile(path, { hint: 'delete it or rerun the step that wrote it' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const doc = value as { schema?: unknown; version?: unknown } | null;
  if (doc === null || typeof doc !== 'object' || doc.schema !== 'mlci/drift' || doc.version !== 1)
    throw new ConfigurationError(
      `${path}: expected an mlci/drift document of version 1, found ${JSON.stringify(doc?.schema ?? null)} version ${JSON.stringify(doc?.version ?? null)}; delete it or rerun the step that wrote it`,
    );
  // It may come from another job's artifact, or have been edited: every field the report section,
  // its charts and the metrics use is checked, so a damaged file fails the check with where it is
  // damaged rather than crash the renderer.
  try {
    return decodeDriftReport(value, path);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    throw new ConfigurationError(`${error.message}; delete it or rerun the step that wrote it`);
  }
}
