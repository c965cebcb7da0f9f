import { open, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  buildExtraSections,
  ConfigurationError,
  parseExtraArgument,
  type ExtraContent,
  type ExtraReader,
  type ExtraRequest,
  type MlciConfig,
} from '@mlci/core';

/**
 * The team's own sections for a report, read from the workspace: `args` (the `--extra` flags, the
 * action's `extra` input, `FILE[@PLACEMENT]`, relative to the workspace) when given, else the
 * config's `report.sections` (relative to the config file). Undefined when there are none.
 */
export async function loadExtraContent(
  args: readonly string[],
  config: MlciConfig,
  root: string,
  from: string,
): Promise<ExtraContent | undefined> {
  const requests: ExtraRequest[] =
    args.length > 0
      ? args.map((arg) => parseExtraArgument(arg, from))
      : (config.report.sections ?? []).map((request) => ({
          ...request,
          file: configRelative(config, request, root),
        }));
  if (requests.length === 0) return undefined;
  return buildExtraSections(requests, workspaceReader(root));
}

/** A section's file as a workspace-relative path: the config names it relative to itself. */
function configRelative(config: MlciConfig, request: ExtraRequest, root: string): string {
  if (config.file === undefined || isAbsolute(request.file)) return request.file;
  const full = resolve(dirname(config.file), request.file);
  const inside = relative(resolve(root), full);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
    throw new ConfigurationError(
      `${request.from}: ${JSON.stringify(request.file)} leads outside the workspace (${root}); expected a file inside it`,
    );
  return inside.split(sep).join('/');
}

/**
 * Reads workspace-relative paths (report/extra.ts has checked they do not climb out), refusing a
 * symbolic link anywhere on the way that leads outside the workspace, and reading at most
 * `maxBytes + 1` bytes so that a huge file is refused without being read whole.
 */
export function workspaceReader(root: string): ExtraReader {
  let realRoot: Promise<string> | undefined;
  return async (path, maxBytes) => {
    const full = join(root, ...path.split('/'));
    let real: string;
    try {
      real = await realpath(full);
    } catch {
      throw new ConfigurationError(`${path}: not found (in ${resolve(root)})`);
    }
    realRoot ??= realpath(root);
    const inside = relative(await realRoot, real);
    if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
      throw new ConfigurationError(
        `${path}: is a symbolic link that leads outside the workspace (to ${real}); expected a file inside it`,
      );
    if (!(await stat(real)).isFile()) throw new ConfigurationError(`${path}: is not a file`);
    const handle = await open(real, 'r');
    try {
      const buffer = Buffer.alloc(maxBytes + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length === buffer.length) break;
      }
      return buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  };
}
