import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigurationError, readTable, type TableProfile, type TableReadOptions } from '@mlci/core';
import { materializeGitPath, parseGitSpec } from './git.js';

/**
 * A data table named on the command line (`mlci drift`, `mlci validate`): a path, or
 * `git:<rev>:<path>`, read from a copy of the file at that revision and labelled with it. `path`
 * is where the bytes are, for a second pass over them.
 */
export async function readTableSpec(
  spec: string,
  options: TableReadOptions,
): Promise<{ profile: TableProfile; path: string }> {
  const git = parseGitSpec(spec);
  if (git === undefined) return { profile: await readTable(spec, options), path: spec };
  const copy = await materializeGitPath(git);
  return {
    profile: await readTable(copy.path, { ...options, label: `${spec} (${copy.label})` }),
    path: copy.path,
  };
}

/** Writes an `--out` file (its folder made first); a failure names the flag, the path and why. */
export function writeOutFile(path: string, text: string, what: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigurationError(`--out ${path}: cannot write ${what} (${why})`);
  }
}
