import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError, stringifyDocument } from '@mlci/core';

/**
 * The actions hand results to each other as versioned JSON files in a folder of the workspace
 * (DESIGN.md): train.json, evaluate.json, compare.json, drift.json, and report/ (report.md, report.json,
 * the charts, index.html). Any subset of the actions can run, in one job or across jobs via
 * artifacts; report assembles whatever the earlier steps left.
 */
export const DEFAULT_STATE_DIR = '.mlci';

/** Past this size a state file is not ours (or was tampered with): refuse rather than parse it. */
export const MAX_STATE_BYTES = 64 * 1024 * 1024;

/** `drift`: the DriftReport of the evaluate or compare-metrics step, or why it has none (shared/drift.ts). */
export type StateName = 'train' | 'evaluate' | 'compare' | 'drift';

export function statePath(dir: string, name: StateName): string {
  return join(dir, `${name}.json`);
}

export async function writeState(
  dir: string,
  name: StateName,
  document: { schema: string },
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = statePath(dir, name);
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, `${stringifyDocument(document)}\n`);
  await rename(temporary, path);
  return path;
}

/**
 * A state file written by an earlier step, or undefined when that step did not run. A file that
 * is there but not what it should be is an error that names it: silently ignoring it would report
 * on the wrong numbers.
 */
export async function readState<T extends { schema: string; version: number }>(
  dir: string,
  name: StateName,
  schema: string,
): Promise<T | undefined> {
  const path = statePath(dir, name);
  if (!existsSync(path)) return undefined;
  const value = await readJsonFile(path, { hint: 'delete it or rerun the step that wrote it' });
  const doc = value as Partial<T> | null;
  if (doc === null || typeof doc !== 'object' || doc.schema !== schema || doc.version !== 1) {
    throw new ConfigurationError(
      `${path}: expected an ${schema} document of version 1, found ${JSON.stringify(doc?.schema ?? null)} version ${JSON.stringify(doc?.version ?? null)}`,
    );
  }
  return doc as T;
}

/**
 * A JSON document mlci reads back (a state file, a baseline fetched from GitHub, a saved report):
 * one that is too large (checked before it is read) or not JSON is an error that names it, as
 * `shown` (a fetched file's temporary path would tell the user nothing), and says what to do
 * when `hint` does.
 */
export async function readJsonFile(
  path: string,
  options: { shown?: string; hint?: string; maxBytes?: number } = {},
): Promise<unknown> {
  const shown = options.shown ?? path;
  const maxBytes = options.maxBytes ?? MAX_STATE_BYTES;
  const hint = options.hint !== undefined ? `; ${options.hint}` : '';
  const { size } = await stat(path);
  if (size > maxBytes) {
    throw new ConfigurationError(`${shown}: ${size} bytes, more than mlci reads back (${maxBytes})${hint}`);
  }
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`${shown}: not JSON (${(error as Error).message})${hint}`);
  }
}

/**
 * What evaluate or compare-metrics leaves in its state file when it did not finish: written before
 * the step starts its work (so a step that is killed or times out leaves it too) and replaced by
 * the real state when the step succeeds, or by the error's message when it fails. The report step
 * runs with `if: always()` so that the required check answers; without this record it found no
 * state file and judged the metrics again with the config's gates alone, so the gates the failed
 * step was given, and the baseline it was looking for, could pass unevaluated.
 */
export const STEP_FAILURE_SCHEMA = 'mlci/step-failure';

export interface StepFailure {
  schema: typeof STEP_FAILURE_SCHEMA;
  version: 1;
  /** The action: evaluate or compare-metrics. */
  step: string;
  message: string;
  /** The step failed on its inputs or configuration (a ConfigurationError): the check says so. */
  configuration?: boolean;
}

/** A step that failed before it left its state: the report's check fails with its message. */
export class StepFailedError extends ConfigurationError {
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(message);
    this.name = 'StepFailedError';
  }
}

/**
 * Runs a step's work with its failure recorded in `<dir>/<name>.json` until the work replaces it
 * (writeState). The record is written first, so that a failure to write it fails the step before
 * anything else happens.
 */
export async function recordingStepFailure<T>(
  dir: string,
  name: 'evaluate' | 'compare',
  step: string,
  work: () => Promise<T>,
): Promise<T> {
  const started: StepFailure = {
    schema: STEP_FAILURE_SCHEMA,
    version: 1,
    step,
    message: `${step} started and did not finish (it failed, was cancelled or timed out): see its log`,
  };
  await writeState(dir, name, started);
  try {
    return await work();
  } catch (error) {
    // A step that wrote its results and then failed on purpose (fail-on-gate) keeps them: its gates
    // were evaluated, and the report judges them. Best effort: the step fails with its own error
    // whatever happens to the record, and the record already written says it did not finish.
    if (await stillStarted(dir, name)) {
      const failed: StepFailure = {
        ...started,
        message: clipMessage(error instanceof Error ? error.message : String(error)),
        ...(error instanceof ConfigurationError ? { configuration: true } : {}),
      };
      await writeState(dir, name, failed).catch(() => undefined);
    }
    throw error;
  }
}

async function stillStarted(dir: string, name: StateName): Promise<boolean> {
  try {
    const doc = JSON.parse(await readFile(statePath(dir, name), 'utf8')) as { schema?: unknown };
    return doc.schema === STEP_FAILURE_SCHEMA;
  } catch {
    return true;
  }
}

/** Larger than any failure record (its message is clipped well below). */
const MAX_STEP_FAILURE_BYTES = 64 * 1024;
const MAX_STEP_FAILURE_MESSAGE = 16 * 1024;

function clipMessage(message: string): string {
  return message.length <= MAX_STEP_FAILURE_MESSAGE
    ? message
    : `${message.slice(0, MAX_STEP_FAILURE_MESSAGE)}... (cut; the step's log has the whole message)`;
}

/**
 * Throws a StepFailedError when evaluate or compare-metrics left a failure record: checked for
 * both before either is used, so that a failed evaluate is not hidden by a compare-metrics that
 * succeeded after it.
 */
export async function checkStepFailures(dir: string): Promise<void> {
  for (const name of ['compare', 'evaluate'] as const) {
    const path = statePath(dir, name);
    if (!existsSync(path)) continue;
    // A failure record is small; a larger file is the step's results, which the report reads once,
    // after this (parsing a state of many metrics twice would cost the report step its time).
    if ((await stat(path)).size > MAX_STEP_FAILURE_BYTES) continue;
    const doc = (await readJsonFile(path, {
      hint: 'delete it or rerun the step that wrote it',
    })) as Partial<StepFailure> | null;
    if (doc === null || typeof doc !== 'object' || doc.schema !== STEP_FAILURE_SCHEMA) continue;
    const step =
      typeof doc.step === 'string' && doc.step !== ''
        ? doc.step
        : name === 'compare'
          ? 'compare-metrics'
          : 'evaluate';
    const message = typeof doc.message === 'string' ? doc.message : '(no message)';
    // A mistake in the inputs or .mlci.yml reads as itself, as when the report finds it on its own.
    if (doc.configuration === true) throw new ConfigurationError(message);
    throw new StepFailedError(step, `the ${step} step failed, so its gates were not evaluated: ${message}`);
  }
}
