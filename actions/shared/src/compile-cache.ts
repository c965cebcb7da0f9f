import module from 'node:module';
import { join } from 'node:path';

const nodeEnableCompileCache = (module as { enableCompileCache?: (directory: string) => unknown })
  .enableCompileCache;

/**
 * Turns on V8's compile cache (Node 22.1 and later) in the job's temporary folder, before the
 * action's code is loaded.
 *
 * The steps of one job load the same chunks of dist/ (core with its YAML parser, the GitHub
 * adapter): with the cache, a later step reads their compiled code instead of compiling ~1 MB of
 * JavaScript again. RUNNER_TEMP belongs to the job and is emptied when it ends, so the cache never
 * outlives it and never mixes mlci versions. Node checks each entry against the source it was made
 * from and recompiles on any mismatch.
 *
 * Nothing happens on Node 20 (no such API), outside a runner (no RUNNER_TEMP), or when
 * NODE_DISABLE_COMPILE_CACHE=1 is set (Node honours it).
 */
export function enableCompileCache(
  env: NodeJS.ProcessEnv = process.env,
  enable: ((directory: string) => unknown) | undefined = nodeEnableCompileCache,
): string | undefined {
  const temp = env.RUNNER_TEMP;
  if (enable === undefined || temp === undefined || temp === '') return undefined;
  const directory = join(temp, 'mlci-compile-cache');
  try {
    enable(directory);
  } catch {
    // A cache is an optimisation: an unwritable folder must never fail the step.
    return undefined;
  }
  return directory;
}
