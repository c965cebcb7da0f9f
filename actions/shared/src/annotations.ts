import { existsSync, readFileSync, statSync } from 'node:fs';
import { splitKey, type Comparison, type SourceInfo } from '@mlci/core';
import type { ActionIO } from './io.js';

export interface MetricLocation {
  file: string;
  line?: number;
}

/**
 * The 1-based line where a metric's name is written in a file's text: a JSON key (`"accuracy":`),
 * a YAML/TOML key (`accuracy:` / `accuracy =`), or a column of a CSV/TSV header. The last segment
 * of the key is what the file spells; the first match is taken.
 */
export function lineOfKey(text: string, key: string): number | undefined {
  const name = splitKey(key).at(-1) ?? key;
  const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [
    new RegExp(`"${quoted}"\\s*:`),
    new RegExp(`^\\s*['"]?${quoted}['"]?\\s*[:=]`),
    new RegExp(`(^|[,\\t])\\s*"?${quoted}"?\\s*([,\\t]|$)`),
  ];
  const lines = text.split('\n', 100_000);
  for (const pattern of patterns) {
    const index = lines.findIndex((line) => pattern.test(line));
    if (index >= 0) return index + 1;
  }
  return undefined;
}

/** Where to point an annotation about a metric: the file that states it (later files win), and its line. */
export function locateMetric(
  sources: readonly SourceInfo[],
  key: string,
  readText: (file: string) => string | undefined = readSmallFile,
): MetricLocation | undefined {
  let fallback: MetricLocation | undefined;
  for (const source of [...sources].reverse()) {
    const text = readText(source.file);
    if (text === undefined) continue;
    fallback ??= { file: source.file };
    const line = lineOfKey(text, key);
    if (line !== undefined) return { file: source.file, line };
  }
  return fallback;
}

function readSmallFile(file: string): string | undefined {
  try {
    if (!existsSync(file)) return undefined;
    const stats = statSync(file);
    if (!stats.isFile() || stats.size > 16 * 1024 * 1024) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * `read`, each file read once: every gate that did not pass looks in the same files (a training
 * log of megabytes would otherwise be read again for each of them).
 */
function readOnce(read: (file: string) => string | undefined): (file: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (file) => {
    if (!texts.has(file)) texts.set(file, read(file));
    return texts.get(file);
  };
}

/** A gate that did not pass, as a check-run annotation on the line that states its metric. */
export interface GateAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'warning' | 'failure';
  title: string;
  message: string;
}

/**
 * Check-run annotations for the gates that failed or warned, where the metric's file is in the
 * workspace (a relative path: GitHub places annotations by repository path). Files read from a
 * temporary folder (a fetched baseline) are not the pull request's and get none.
 */
export function gateAnnotations(
  comparison: Comparison,
  readText: (file: string) => string | undefined = readSmallFile,
): GateAnnotation[] {
  const read = readOnce(readText);
  const out: GateAnnotation[] = [];
  const local = comparison.head.sources.filter((s) => !s.file.startsWith('/') && !/^[a-z]+:/.test(s.file));
  for (const result of comparison.gates) {
    if (result.metric === undefined) continue;
    if (result.status !== 'fail' && result.status !== 'error' && result.status !== 'warn') continue;
    const where = locateMetric(local, result.metric, read);
    if (where === undefined) continue;
    out.push({
      path: where.file.replace(/\\/g, '/').replace(/^\.\//, ''),
      start_line: where.line ?? 1,
      end_line: where.line ?? 1,
      annotation_level: result.status === 'warn' ? 'warning' : 'failure',
      title: `mlci gate ${result.status === 'warn' ? 'warning' : 'failed'}: ${result.gate.text}`.slice(
        0,
        255,
      ),
      message: result.reason.slice(0, 64_000),
    });
  }
  return out;
}

/** Failed gates as error annotations and warnings as warnings, on the line that states the metric. */
export function annotateGates(
  io: ActionIO,
  comparison: Comparison,
  readText: (file: string) => string | undefined = readSmallFile,
): void {
  const read = readOnce(readText);
  for (const result of comparison.gates) {
    if (result.status !== 'fail' && result.status !== 'error' && result.status !== 'warn') continue;
    const where =
      result.metric !== undefined ? locateMetric(comparison.head.sources, result.metric, read) : undefined;
    const message = `${result.gate.text}: ${result.reason}`;
    const properties = {
      title: `mlci gate ${result.status === 'warn' ? 'warning' : 'failed'}`,
      ...(where !== undefined ? { file: where.file } : {}),
      ...(where?.line !== undefined ? { startLine: where.line } : {}),
    };
    if (result.status === 'warn') io.warning(message, properties);
    else io.error(message, properties);
  }
}
