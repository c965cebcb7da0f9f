import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ConfigurationError,
  isPathGlob,
  normalizePattern,
  requireRuns,
  staticPrefix,
  type MetricsDoc,
  type PathEntry,
} from '@mlci/core';
import { readFiles, type ReadRunOptions } from './inputs.js';

/** More entries than this under a pattern's folder is a pattern that lists a dataset, not runs. */
const MAX_LISTED = 200_000;

/**
 * The files and folders under `root` that `patterns` could match: each pattern's fixed folder
 * (`runs/` for `runs/seed-*`), to the depth it needs (any depth for `**`). `.git` is skipped.
 */
export async function listForPatterns(root: string, patterns: readonly string[]): Promise<PathEntry[]> {
  const entries = new Map<string, PathEntry>();
  for (const raw of patterns) {
    const pattern = normalizePattern(raw);
    const prefix = staticPrefix(pattern);
    const segments = pattern.split('/').length;
    const depth = /(^|\/)\*\*(\/|$)/.test(pattern)
      ? Infinity
      : segments - (prefix === '' ? 0 : prefix.split('/').length);
    if (!isPathGlob(pattern)) {
      // A plain path: one run if it exists.
      const stat = await lstat(join(root, pattern)).catch(() => undefined);
      if (stat !== undefined)
        entries.set(pattern, { path: pattern, kind: stat.isDirectory() ? 'dir' : 'file' });
      continue;
    }
    await walk(root, prefix, depth, entries);
  }
  return [...entries.values()];
}

async function walk(root: string, folder: string, depth: number, out: Map<string, PathEntry>): Promise<void> {
  if (depth <= 0) return;
  let names;
  try {
    names = await readdir(join(root, folder), { withFileTypes: true });
  } catch {
    return; // a missing folder matches nothing; requireRuns says what was searched
  }
  for (const entry of names) {
    if (entry.name === '.git') continue;
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    const kind = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : undefined;
    if (kind === undefined) continue;
    out.set(path, { path, kind });
    if (out.size > MAX_LISTED) {
      throw new ConfigurationError(
        `repeats: more than ${MAX_LISTED} files under ${join(root, folder)}: make the pattern's fixed folder more specific (runs/seed-* rather than **/metrics.json)`,
      );
    }
    if (kind === 'dir') await walk(root, path, depth - 1, out);
  }
}

/** The runs `patterns` name under `root`, each read as one run, in natural order. */
export async function readRepeats(
  root: string,
  patterns: readonly string[],
  options: ReadRunOptions,
  where = 'repeats',
): Promise<{ runs: MetricsDoc[]; paths: string[] }> {
  const paths = requireRuns(
    patterns,
    await listForPatterns(root, patterns),
    where,
    root === '.' ? 'the workspace' : root,
  );
  const runs: MetricsDoc[] = [];
  for (const path of paths) {
    const { doc } = await readFiles(
      [{ path: join(root, path), ...(options.format !== undefined ? { format: options.format } : {}) }],
      options,
    );
    runs.push(doc);
  }
  return { runs, paths };
}
