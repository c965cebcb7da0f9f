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
