import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import {
  ConfigurationError,
  diffDvcLocks,
  isUnchangedPipeline,
  readDvcLock,
  type DvcLock,
  type DvcLockDiff,
  type MlciConfig,
} from '@mlci/core';
import { materializeGitPath, parseGitSpec, type GitPath } from '../git.js';

/** The options of compare and report that say where the two `dvc.lock` files are. */
export const DVC_LOCK_OPTIONS = {
  'dvc-lock': { type: 'string' },
  'base-dvc-lock': { type: 'string' },
} as const;

export const DVC_LOCK_OPTIONS_HELP = `  --dvc-lock F            the pull request's dvc.lock (default: dvc.lock beside the config file,
                          or in the current folder); its changes against the base's are shown
                          (data, parameters, commands; see docs/dvc-pipelines.md)
  --base-dvc-lock F       the base's dvc.lock (default: the same path at the revision of a
                          git:<rev>:<path> --base); may be git:<rev>:<path>`;

export interface PipelineChanges {
  /** Set when both locks were found and they differ. */
  diff?: DvcLockDiff;
  /** Why nothing is shown although the pull request has a dvc.lock, for stderr. */
  note?: string;
}

/**
 * The pull request's `dvc.lock` against the base's. The pull request's is `--dvc-lock`, else
 * `dvc.lock` beside the config file (or in the current folder). The base's is `--base-dvc-lock`,
 * else the same path at the revision the `--base` runs were taken from, when they are `git:`
 * specs of one revision. A lock that is not there where it was only looked for is no error: most
 * projects have no DVC pipeline, and a pipeline new in this pull request has nothing to compare
 * with. A lock that was named and is missing, or that does not parse, is.
 */
export async function loadPipelineChanges(
  values: { 'dvc-lock'?: string; 'base-dvc-lock'?: string },
  config: MlciConfig,
  baseSpecs: readonly string[],
  cwd = process.cwd(),
): Promise<PipelineChanges> {
  const named = values['dvc-lock'];
  const baseNamed = values['base-dvc-lock'];
  const headSpec = named ?? (config.file !== undefined ? join(dirname(config.file), 'dvc.lock') : 'dvc.lock');
  const head = await readLock(headSpec, cwd);
  if (head === undefined) {
    if (named !== undefined) throw new ConfigurationError(`--dvc-lock ${named}: no such file`);
    if (baseNamed !== undefined)
      throw new ConfigurationError(
        `--base-dvc-lock ${baseNamed}: the pull request has no ${displayPath(headSpec)} to compare it with; pass --dvc-lock`,
      );
    return {};
  }
  let base: { lock: DvcLock; label: string } | undefined;
  if (baseNamed !== undefined) {
    base = await readLock(baseNamed, cwd);
    if (base === undefined) throw new ConfigurationError(`--base-dvc-lock ${baseNamed}: no such file`);
  } else {
    // No baseline at all (mlci report without --base): nothing to say about the base's pipeline.
    if (baseSpecs.length === 0) return {};
    const revision = baseRevision(baseSpecs);
    const shown = displayPath(headSpec);
    if (revision === undefined)
      return {
        note: `${shown} is not compared with the base's: the baseline is not git:<rev>:<path> of one revision; pass --base-dvc-lock`,
      };
    const inRepository = parseGitSpec(headSpec)?.path ?? repositoryPath(headSpec, cwd);
    base = await readLock(`git:${revision}:${inRepository}`, cwd);
    if (base === undefined)
      return { note: `${shown} is not compared with the base's: there is none at ${revision}` };
  }
  const diff = diffDvcLocks(base.lock, head.lock, { file: head.label, base: base.label });
  return isUnchangedPipeline(diff) ? {} : { diff };
}

/**
 * A lock on disk (relative to `cwd`) or `git:<rev>:<path>`, with how the report names it; undefined
 * when there is no such file (at that revision). A lock that is there and does not parse throws.
 */
async function readLock(spec: string, cwd: string): Promise<{ lock: DvcLock; label: string } | undefined> {
  const git = parseGitSpec(spec);
  if (git === undefined) {
    const path = isAbsolute(spec) ? spec : join(cwd, spec);
    if (!existsSync(path)) return undefined;
    return { lock: await readDvcLock(path, displayPath(spec)), label: displayPath(spec) };
  }
  const copy = await materializeAbsentAsUndefined(git, cwd);
  if (copy === undefined) return undefined;
  return { lock: await readDvcLock(copy.path, spec), label: copy.label };
}

async function materializeAbsentAsUndefined(
  spec: GitPath,
  cwd: string,
): Promise<{ path: string; label: string } | undefined> {
  try {
    return await materializeGitPath(spec, cwd);
  } catch (error) {
    // git.ts says a missing path in these words; anything else (no such revision, no git) stands.
    if (error instanceof ConfigurationError && /: no such file or folder at /.test(error.message))
      return undefined;
    throw error;
  }
}

/** The one revision every `--base` is a `git:` spec of; undefined for other baselines or several revisions. */
function baseRevision(specs: readonly string[]): string | undefined {
  const revisions = new Set(specs.map((spec) => parseGitSpec(spec)?.rev));
  if (revisions.size !== 1) return undefined;
  const [revision] = revisions;
  return revision;
}

/** A path relative to the current folder, as `git show <rev>:./<path>` reads it. */
function repositoryPath(path: string, cwd: string): string {
  const inside = isAbsolute(path) ? relative(cwd, path) : path;
  return inside.split(sep).join('/');
}

function displayPath(path: string): string {
  return path.split(sep).join('/').replace(/^\.\//, '');
}
