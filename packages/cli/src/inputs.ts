import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import {
  ConfigurationError,
  discoverMetricsFiles,
  emptyConfig,
  mergeDocs,
  parseConfig,
  parseGate,
  readMetricsPath,
  type Direction,
  type FileSpec,
  type Gate,
  type MetricsDoc,
  type MlciConfig,
  type RunSet,
} from '@mlci/core';
import { materializeGitPath, parseGitSpec } from './git.js';
import { readRepeats } from './repeats.js';

export const DEFAULT_CONFIG_NAMES = ['.mlci.yml', '.mlci.yaml'];

/** `--config F`, else `.mlci.yml` in the current folder if there is one, else an empty config. */
export function loadConfig(path: string | undefined): MlciConfig {
  const file = path ?? DEFAULT_CONFIG_NAMES.find((name) => existsSync(name));
  if (file === undefined) return emptyConfig();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigurationError(`${file}: cannot read the config file (does it exist?)`);
  }
  return parseConfig(text, file);
}

export function parseGateFlags(gates: readonly string[]): Gate[] {
  return gates.map((text, i) => parseGate(text, `--gate #${i + 1}`));
}

/** `--direction key=higher` flags. */
export function parseDirectionFlags(flags: readonly string[]): Record<string, Direction> {
  const out: Record<string, Direction> = {};
  for (const flag of flags) {
    const eq = flag.lastIndexOf('=');
    const key = flag.slice(0, eq);
    const value = flag.slice(eq + 1);
    if (eq <= 0 || (value !== 'higher' && value !== 'lower')) {
      throw new ConfigurationError(
        `--direction ${JSON.stringify(flag)}: expected <metric>=higher or <metric>=lower`,
      );
    }
    out[key] = value;
  }
  return out;
}

export interface ReadRunOptions {
  format?: string;
  run?: string;
}

/**
 * One run from a spec: paths separated by commas are read together as one run (a metrics file and
 * a training log); `git:<rev>:<path>` reads a path as committed at a revision.
 */
export async function readRun(
  spec: string,
  options: ReadRunOptions,
): Promise<{ doc: MetricsDoc; label?: string }> {
  const parts = spec
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) throw new ConfigurationError(`${JSON.stringify(spec)}: expected a file or folder`);
  return readFiles(
    parts.map((path) => ({ path, ...(options.format !== undefined ? { format: options.format } : {}) })),
    options,
  );
}

export async function readFiles(
  files: readonly FileSpec[],
  options: ReadRunOptions,
): Promise<{ doc: MetricsDoc; label?: string }> {
  const docs: MetricsDoc[] = [];
  const labels: string[] = [];
  for (const file of files) {
    const git = parseGitSpec(file.path);
    let path = file.path;
    if (git !== undefined) {
      const copy = await materializeGitPath(git);
      path = copy.path;
      labels.push(copy.label);
    }
    const format = file.format ?? options.format;
    const doc = await readMetricsPath(path, {
      ...(format !== undefined ? { format } : {}),
      ...(options.run !== undefined ? { run: options.run } : {}),
    });
    if (git !== undefined)
      for (const source of doc.sources) source.file = `${file.path}${source.file.slice(path.length)}`;
    docs.push(doc);
  }
  const result: { doc: MetricsDoc; label?: string } = { doc: mergeDocs(docs) };
  if (labels.length > 0) result.label = [...new Set(labels)].join(', ');
  return result;
}

/** Paths in a config file are relative to the file's folder, as in most tools' configs. */
export function relativeToConfig(config: MlciConfig, path: string): string {
  if (config.file === undefined || isAbsolute(path) || path.startsWith('git:')) return path;
  return join(dirname(config.file), path);
}

/**
 * Several specs, one run each (repeats), or the config's files as one run when none are given, or,
 * when the config names none either, the files the project's tools wrote (discover.ts): `log` is
 * told what was picked and why, and so are the run's notes.
 */
export async function readRunSet(
  specs: readonly string[],
  config: MlciConfig,
  options: ReadRunOptions,
  what: string,
  log?: (line: string) => void,
): Promise<RunSet> {
  if (specs.length === 0) {
    if (config.repeats.length > 0) {
      const root = config.file === undefined ? '.' : dirname(config.file);
      const { runs } = await readRepeats(
        root,
        config.repeats,
        options,
        `${config.file ?? '.mlci.yml'}: repeats`,
      );
      return { runs };
    }
    if (config.files.length === 0) {
      // Zero configuration: what the project's tools wrote (discover.ts), said in the run's notes.
      const root = config.file === undefined ? '.' : dirname(config.file);
      let discovered;
      try {
        discovered = await discoverMetricsFiles(root);
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        throw new ConfigurationError(
          `no ${what} metrics given, and ${error.message.replace(/^no metrics files are named, and /, '')}`,
        );
      }
      const { doc } = await readFiles(
        discovered.files.map((f) => ({ ...f, path: root === '.' ? f.path : join(root, f.path) })),
        options,
      );
      doc.sources[0]?.notes.unshift(...discovered.reasons);
      for (const reason of discovered.reasons) log?.(reason);
      return { runs: [doc] };
    }
    const { doc, label } = await readFiles(
      config.files.map((f) => ({ ...f, path: relativeToConfig(config, f.path) })),
      options,
    );
    return label === undefined ? { runs: [doc] } : { runs: [doc], label };
  }
  const runs: MetricsDoc[] = [];
  const labels: string[] = [];
  for (const spec of specs) {
    const { doc, label } = await readRun(spec, options);
    runs.push(doc);
    if (label !== undefined) labels.push(label);
  }
  return labels.length > 0 ? { runs, label: [...new Set(labels)].join(', ') } : { runs };
}
