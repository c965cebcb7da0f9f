import { ConfigurationError } from '../errors.js';

/**
 * Runs declared by path patterns (`repeats:` in .mlci.yml, the `repeats` input): every file or
 * folder a pattern matches is one run (a seed, a fold). The same patterns find the pull request's
 * runs in the workspace and the baseline's in a commit's tree, an artifact or a folder, so both
 * sides have the same shape. Pure: the callers list the entries.
 *
 * Patterns are paths with `/` between segments: `*` matches within a segment, `**` any number of
 * whole segments (none included), `?` one character, `[abc]` / `[0-9]` / `[!abc]` one of a set,
 * `{a,b}` either alternative. A backslash keeps the next character literal.
 */

/** The most runs one side may have: a document holds at most 100 runs. */
export const MAX_REPEATS = 100;

export interface PathEntry {
  /** Relative, `/`-separated, without a leading `./`. */
  path: string;
  kind: 'file' | 'dir';
}

export function isPathGlob(pattern: string): boolean {
  return /(^|[^\\])[*?[{]/.test(pattern);
}

/** `runs/seed-*` → `runs/`; the folder to list, relative; '' when the first segment is a pattern. */
export function staticPrefix(pattern: string): string {
  const segments = normalizePattern(pattern).split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isPathGlob(segment)) break;
    fixed.push(segment.replace(/\\(.)/g, '$1'));
  }
  return fixed.join('/');
}

/** Removes `./`, doubled and trailing slashes; refuses `..` and absolute patterns. */
export function normalizePattern(pattern: string, where = 'repeats'): string {
  const trimmed = pattern.trim();
  const segments = trimmed.split('/').filter((s) => s !== '' && s !== '.');
  if (trimmed === '' || segments.length === 0)
    throw new ConfigurationError(`${where}: expected a path pattern such as runs/seed-*/metrics.json`);
  if (trimmed.startsWith('/') || /^[A-Za-z]:/.test(trimmed) || segments.includes('..')) {
    throw new ConfigurationError(
      `${where}: ${JSON.stringify(pattern)} must be a relative path inside the repository (no leading /, no ..), such as runs/seed-*/metrics.json`,
    );
  }
  return segments.join('/');
}

/** The pattern as an anchored regular expression over `/`-separated relative paths. */
export function pathPatternToRegExp(pattern: string, where = 'repeats'): RegExp {
  const source = normalizePattern(pattern, where);
  let out = '';
  let braces = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\' && i + 1 < source.length) {
      out += escapeRegExp(source[++i]!);
    } else if (c === '*' && source[i + 1] === '*') {
      // `**` as a whole segment: zero or more segments. Elsewhere it is just `*`.
      const atStart = i === 0 || source[i - 1] === '/';
      const atEnd = i + 2 === source.length || source[i + 2] === '/';
      if (atStart && atEnd) {
        if (i + 2 === source.length) out += '.*';
        else {
          out += '(?:[^/]+/)*';
          i++; // the '/' after `**`
        }
        i++;
      } else {
        out += '[^/]*';
        i++;
      }
    } else if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = source.indexOf(']', i + 2);
      if (end < 0) throw new ConfigurationError(`${where}: ${JSON.stringify(pattern)}: a [ without its ]`);
      let set = source.slice(i + 1, end);
      const negate = set.startsWith('!') || set.startsWith('^');
      if (negate) set = set.slice(1);
      out += `[${negate ? '^/' : ''}${set.replace(/[\\\]]/g, '\\$&')}]`;
      i = end;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += escapeRegExp(c);
    }
  }
  if (braces > 0) throw new ConfigurationError(`${where}: ${JSON.stringify(pattern)}: a { without its }`);
  try {
    return new RegExp(`^${out}$`);
  } catch (error) {
    throw new ConfigurationError(
      `${where}: ${JSON.stringify(pattern)} is not a valid pattern (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/**
 * The runs the patterns name among `entries`, in natural order (seed-2 before seed-10): every file
 * or folder that matches, except one inside another match (`runs/**` names `runs/a`, not also
 * `runs/a/metrics.json`). A path matched by two patterns is one run.
 */
export function matchRuns(
  patterns: readonly string[],
  entries: readonly PathEntry[],
  where = 'repeats',
): string[] {
  const regexps = patterns.map((p) => pathPatternToRegExp(p, where));
  const matched = new Set<string>();
  for (const entry of entries) {
    const path = entry.path.replace(/\/+$/, '');
    if (regexps.some((re) => re.test(path))) matched.add(path);
  }
  // A match inside another match belongs to that run: keep the outermost.
  const outermost = [...matched].filter((path) => {
    for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
      if (matched.has(path.slice(0, cut))) return false;
    }
    return true;
  });
  return outermost.sort(naturalCompare);
}

/**
 * The runs the patterns name, or an error that says what was searched: no match means the runs the
 * gates need are missing, which must not pass for "one run" or "no metrics".
 */
export function requireRuns(
  patterns: readonly string[],
  entries: readonly PathEntry[],
  where: string,
  searched: string,
): string[] {
  const runs = matchRuns(patterns, entries, where);
  if (runs.length === 0) {
    throw new ConfigurationError(
      `${where}: ${patterns.map((p) => JSON.stringify(p)).join(', ')} matched nothing in ${searched}: write each run's metrics where the pattern says (one file or folder per seed), or fix the pattern`,
    );
  }
  if (runs.length > MAX_REPEATS) {
    throw new ConfigurationError(
      `${where}: ${patterns.map((p) => JSON.stringify(p)).join(', ')} matched ${runs.length} runs in ${searched}; at most ${MAX_REPEATS} are read: narrow the pattern`,
    );
  }
  return runs;
}

/** Compares strings with runs of digits as numbers: seed-2 < seed-10. */
export function naturalCompare(a: string, b: string): number {
  const split = (s: string) => s.split(/(\d+)/);
  const pa = split(a);
  const pb = split(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (i % 2 === 1) {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return diff < 0 ? -1 : 1;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
