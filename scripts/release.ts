/**
 * `npx tsx scripts/release.ts <command> <version>`: the checks and edits of a release, run by a
 * maintainer in the pull request that prepares it and by .github/workflows/release.yml, which
 * tags and publishes it (CONTRIBUTING.md, "Releasing").
 *
 * - `prepare X.Y.Z [--date YYYY-MM-DD]` renames the changelog's `## Unreleased` to
 *   `## [X.Y.Z] - date` under a fresh empty `## Unreleased`, and writes X.Y.Z into every place
 *   that carries the version (VERSION_FILES, their sibling dependencies, package-lock.json).
 * - `verify X.Y.Z` fails, naming the file and line, unless X.Y.Z is a strict semantic version
 *   greater than every release tag, its tag does not exist yet, every place above says X.Y.Z and
 *   the changelog has a non-empty `## [X.Y.Z] - YYYY-MM-DD` section.
 * - `notes X.Y.Z` prints that section (the GitHub release's text).
 * - `major-tag X.Y.Z` prints the moving tag the release moves (`v1`), or nothing for a
 *   pre-release; `npm-tag X.Y.Z` prints the npm dist-tag (`latest`, or `next` for a pre-release).
 *
 * It works on the current directory, which must be the repository's root. The parsing and
 * checking are pure functions, exported for the tests; main() only reads, writes and prints.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A mistake the person releasing must fix; its message names the file and line. */
export class ReleaseError extends Error {
  override name = 'ReleaseError';
}

export interface Problem {
  /** Relative to the repository root, or `git` for the tags. */
  file: string;
  /** 1-based; absent when the problem is the file as a whole. */
  line?: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`;
}

// ---------------------------------------------------------------------------------------------
// Versions: semantic versioning 2.0.0, without build metadata.

export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** Dot-separated pre-release identifiers (`rc.1` -> ['rc', 1]); empty for a release. */
  prerelease: (string | number)[];
  /** As written: `1.2.3-rc.1`. */
  text: string;
}

const NUMBER = '0|[1-9]\\d*';
const IDENTIFIER = `(?:${NUMBER}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const SEMVER = new RegExp(
  `^(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?$`,
);

/** The version, or a ReleaseError saying what was expected. */
export function parseVersion(text: string): Version {
  const expected = 'expected a version X.Y.Z or X.Y.Z-rc.N (semantic versioning, no leading zeros)';
  if (/^v\d/.test(text)) {
    throw new ReleaseError(
      `"${text}": give the version without the leading v (${text.slice(1)}); the tag v${text.slice(1)} is made from it`,
    );
  }
  if (text.includes('+')) {
    // npm drops build metadata and two builds of one version would need the same tag.
    throw new ReleaseError(`"${text}": build metadata (+...) is not allowed; ${expected}`);
  }
  const match = SEMVER.exec(text);
  if (match === null) throw new ReleaseError(`${expected}, found "${text}"`);
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (![major, minor, patch].every(Number.isSafeInteger)) {
    throw new ReleaseError(`"${text}": a version number is too large`);
  }
  const prerelease =
    match[4] === undefined ? [] : match[4].split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id));
  return { major, minor, patch, prerelease, text };
}

export function isVersion(text: string): boolean {
  try {
    parseVersion(text);
    return true;
  } catch {
    return false;
  }
}

/** Semantic versioning's precedence: negative when a comes first, 0 when equal, positive after. */
export function compareVersions(a: Version, b: Version): number {
  for (const key of ['major', 'minor', 'patch'] as const) {
    if (a[key] !== b[key]) return a[key] - b[key];
  }
  // A pre-release comes before its release: 1.0.0-rc.1 < 1.0.0.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return b.prerelease.length - a.prerelease.length;
  }
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i]!;
    const y = b.prerelease[i]!;
    if (x === y) continue;
    // Numeric identifiers come before alphanumeric ones and compare as numbers.
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return a.prerelease.length - b.prerelease.length;
}

export function isPrerelease(version: Version): boolean {
  return version.prerelease.length > 0;
}

export function releaseTag(version: Version): string {
  return `v${version.text}`;
}

/**
 * The moving tag users reference (`mlci-dev/mlci/actions/report@v1`), or undefined for a
 * pre-release: `@v1` must never run a release candidate.
 */
export function majorTag(version: Version): string | undefined {
  return isPrerelease(version) ? undefined : `v${version.major}`;
}

/** npm's dist-tag: a pre-release goes to `next` so that `npm install mlci` never picks it. */
export function npmDistTag(version: Version): 'latest' | 'next' {
  return isPrerelease(version) ? 'next' : 'latest';
}

/** The highest `vX.Y.Z` tag (pre-releases included); moving tags such as `v1` are not versions. */
export function latestReleaseTag(tags: string[]): { tag: string; version: Version } | undefined {
  let latest: { tag: string; version: Version } | undefined;
  for (const tag of tags) {
    if (!tag.startsWith('v') || !isVersion(tag.slice(1))) continue;
    const version = parseVersion(tag.slice(1));
    if (latest === undefined || compareVersions(version, latest.version) > 0) latest = { tag, version };
  }
  return latest;
}

/**
 * The ref scheme the release creates, for `mlci-dev/mlci/actions/<name>@<ref>` in the docs: the
 * moving major tag, a full release tag, or a commit SHA. While the version is 0.x the docs
 * already say `@v1`, the tag the first release (1.0.0) makes, so `@v1` is accepted for 0.x too.
 * Returns why the ref is wrong, or undefined when it is right.
 */
export function ourRefProblem(ref: string, currentMajor: number): string | undefined {
  const major = Math.max(currentMajor, 1);
  if (/^[0-9a-f]{40}$/.test(ref)) return undefined;
  if (ref === `v${major}`) return undefined;
  if (ref.startsWith('v') && isVersion(ref.slice(1))) return undefined;
  return `@${ref}: expected @v${major} (the moving major tag), a full release tag @vX.Y.Z or a 40-hex commit SHA`;
}

/** Third-party actions: a major tag, a full version tag or a SHA, never a branch such as main. */
export function thirdPartyRefProblem(ref: string): string | undefined {
  if (/^[0-9a-f]{40}$/.test(ref) || /^v\d+$/.test(ref) || /^v\d+\.\d+\.\d+$/.test(ref)) return undefined;
  return `@${ref}: pin third-party actions to a major tag (@v4), a version tag (@v4.2.1) or a 40-hex commit SHA, not a branch`;
}

/**
 * Every action reference of a workflow or a Markdown text that the release scheme does not
 * resolve: `mlci-dev/mlci/...@ref` anywhere (prose included, where users copy it from too), and
 * the ref of every other `uses:` (local `./` actions and `docker://` images aside).
 */
export function actionRefProblems(text: string, file: string, currentMajor: number): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/mlci-dev\/mlci(\/[^\s@`'"]*)?@([^\s`'"#)\],]+)/gi)) {
      const problem = ourRefProblem(match[2]!, currentMajor);
      if (problem !== undefined) problems.push({ file, line: index + 1, message: `${match[0]}: ${problem}` });
    }
    const uses = /^\s*(?:-\s+)?uses:\s*['"]?([^\s'"#]+)/.exec(line)?.[1];
    if (uses === undefined || /^(\.\/|docker:\/\/)/.test(uses) || /^mlci-dev\/mlci\b/i.test(uses)) return;
    const at = uses.lastIndexOf('@');
    const problem =
      at < 0 ? 'no @ref: pin it to a major tag or a SHA' : thirdPartyRefProblem(uses.slice(at + 1));
    if (problem !== undefined) problems.push({ file, line: index + 1, message: `${uses}: ${problem}` });
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Dates

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

// ---------------------------------------------------------------------------------------------
// CHANGELOG.md

export const CHANGELOG = 'CHANGELOG.md';

export interface ChangelogSection {
  /** The heading as written, without the line break. */
  heading: string;
  /** 1-based line of the heading. */
  line: number;
  /** 1-based line of the section's last line. */
  endLine: number;
  kind: 'unreleased' | 'release' | 'other';
  /** Of `## [X.Y.Z] - date`, or of a heading that names a version in another form (`## 1.2.0`). */
  version?: string;
  date?: string;
  /** The lines under the heading, up to the next heading of level 1 or 2. */
  body: string[];
}

const RELEASE_HEADING = /^## \[([^\]\s]+)\] - (\S+)$/;
const UNRELEASED_HEADING = /^## \[?unreleased\]?$/i;
/** A version somewhere in a heading that does not follow the format: `## 1.2.0`, `## v1.2.0 (...)`. */
const LOOSE_VERSION = /\bv?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\b/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The level-2 sections of a changelog, skipping `##` lines inside fenced code blocks. */
export function changelogSections(text: string): ChangelogSection[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const sections: ChangelogSection[] = [];
  let current: ChangelogSection | undefined;
  let fence: string | undefined;
  const close = (endLine: number) => {
    if (current === undefined) return;
    current.endLine = endLine;
    sections.push(current);
    current = undefined;
  };
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length)
        fence = undefined;
      current?.body.push(raw);
      return;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      current?.body.push(raw);
      return;
    }
    if (/^#{1,2} /.test(line)) {
      close(index);
      if (!line.startsWith('## ')) return;
      const release = RELEASE_HEADING.exec(line);
      const loose = LOOSE_VERSION.exec(line);
      current = {
        heading: line,
        line: index + 1,
        endLine: index + 1,
        kind: release ? 'release' : UNRELEASED_HEADING.test(line) ? 'unreleased' : 'other',
        body: [],
        ...(release ? { version: release[1]!, date: release[2]! } : loose ? { version: loose[1]! } : {}),
      };
      return;
    }
    current?.body.push(raw);
  });
  close(lines.length);
  const last = sections[sections.length - 1];
  if (last !== undefined) {
    // Link reference definitions at the end of the file belong to no section.
    while (last.body.length > 0 && /^\s*(\[[^\]]+\]:\s*\S.*)?$/.test(last.body[last.body.length - 1]!)) {
      last.body.pop();
    }
  }
  return sections;
}

/** Whether a section says anything: a line that is not blank, a heading or an HTML comment. */
export function hasEntries(section: ChangelogSection): boolean {
  let comment = false;
  for (const raw of section.body) {
    const line = raw.trim();
    if (comment) {
      if (line.includes('-->')) comment = false;
      continue;
    }
    if (line.startsWith('<!--')) {
      comment = !line.includes('-->');
      continue;
    }
    if (line !== '' && !line.startsWith('#')) return true;
  }
  return false;
}

/** The section's text without its heading and the blank lines around it. */
export function sectionText(section: ChangelogSection): string {
  const body = [...section.body];
  while (body.length > 0 && body[0]!.trim() === '') body.shift();
  while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop();
  return body.length === 0 ? '' : `${body.join('\n')}\n`;
}

/**
 * The `## [X.Y.Z] - YYYY-MM-DD` section of the version, with every reason it is not a releasable
 * one: missing, a heading in another form, an impossible date, twice, without entries, or (when
 * `newest`, as for a release about to be made) below another release.
 */
export function findReleaseSection(
  text: string,
  version: string,
  file: string = CHANGELOG,
  { newest = true }: { newest?: boolean } = {},
): { section?: ChangelogSection; problems: Problem[] } {
  const sections = changelogSections(text);
  const expected = `"## [${version}] - YYYY-MM-DD"`;
  const problems: Problem[] = [];
  const ours = sections.filter((s) => s.version === version);
  const exact = ours.filter((s) => s.kind === 'release');
  for (const s of ours) {
    if (s.kind !== 'release') {
      problems.push({
        file,
        line: s.line,
        message: `expected the heading ${expected}, found "${s.heading}"`,
      });
    }
  }
  if (ours.length === 0) {
    const unreleased = sections.find((s) => s.kind === 'unreleased');
    problems.push({
      file,
      message:
        `no ${expected} section` +
        (unreleased
          ? `; the changes are still under "${unreleased.heading}" (line ${unreleased.line}): ` +
            `run \`npx tsx scripts/release.ts prepare ${version}\` in a pull request first`
          : ''),
    });
    return { problems };
  }
  for (const duplicate of exact.slice(1)) {
    problems.push({
      file,
      line: duplicate.line,
      message: `a second section for ${version} (the first is at line ${exact[0]!.line})`,
    });
  }
  const section = exact[0];
  if (section === undefined) return { problems };
  if (!isIsoDate(section.date!)) {
    problems.push({
      file,
      line: section.line,
      message: `"${section.date}" is not a date; expected ${expected} with a date such as 2026-12-06`,
    });
  }
  // Newest first: a release section above this one means the wrong version was prepared.
  const above = sections.find((s) => s.kind === 'release' && s.line < section.line);
  if (newest && above !== undefined) {
    problems.push({
      file,
      line: section.line,
      message: `the section for ${version} must be the newest, above "${above.heading}" (line ${above.line})`,
    });
  }
  if (!hasEntries(section)) {
    problems.push({
      file,
      line: section.line,
      message: `the section for ${version} is empty (lines ${section.line}-${section.endLine}): list what changed`,
    });
  }
  return { section, problems };
}

/**
 * The release notes: the version's changelog section, or a ReleaseError saying what is wrong. An
 * older release's notes can be printed too (to mend its GitHub release).
 */
export function releaseNotes(text: string, version: string, file: string = CHANGELOG): string {
  const { section, problems } = findReleaseSection(text, version, file, { newest: false });
  if (problems.length > 0 || section === undefined) {
    throw new ReleaseError(problems.map(formatProblem).join('\n'));
  }
  return sectionText(section);
}

/**
 * The changelog with `## Unreleased` renamed to `## [X.Y.Z] - date` and a fresh, empty
 * `## Unreleased` above it.
 */
export function prepareChangelog(
  text: string,
  version: string,
  date: string,
  file: string = CHANGELOG,
): string {
  parseVersion(version);
  if (!isIsoDate(date))
    throw new ReleaseError(`--date ${date}: expected a date YYYY-MM-DD such as 2026-12-06`);
  const sections = changelogSections(text);
  const existing = sections.find((s) => s.version === version);
  if (existing !== undefined) {
    throw new ReleaseError(
      `${file}:${existing.line}: there is already a section for ${version} ("${existing.heading}")`,
    );
  }
  const unreleased = sections.filter((s) => s.kind === 'unreleased');
  if (unreleased.length === 0) {
    throw new ReleaseError(`${file}: no "## Unreleased" heading; the changes to release go under it`);
  }
  if (unreleased.length > 1) {
    throw new ReleaseError(
      `${file}:${unreleased[1]!.line}: a second "## Unreleased" heading (the first is at line ${unreleased[0]!.line})`,
    );
  }
  const section = unreleased[0]!;
  if (!hasEntries(section)) {
    throw new ReleaseError(
      `${file}:${section.line}: "${section.heading}" has no entries: nothing to release`,
    );
  }
  const lines = text.split('\n');
  const eol = lines[section.line - 1]!.endsWith('\r') ? '\r' : '';
  lines.splice(section.line - 1, 1, `## Unreleased${eol}`, eol, `## [${version}] - ${date}${eol}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Where the version is written

/** The package.json files whose `version` is the release's (npm/mlci is the package npm gets). */
export function manifestFiles(root: string): string[] {
  const packages = existsSync(join(root, 'packages'))
    ? readdirSync(join(root, 'packages'))
        .sort()
        .map((name) => `packages/${name}/package.json`)
        .filter((file) => existsSync(join(root, file)))
    : [];
  return ['package.json', ...packages, PUBLISHED_MANIFEST];
}

export const PUBLISHED_MANIFEST = 'npm/mlci/package.json';
/** The name the CLI is published under: the tarball is mlci-X.Y.Z.tgz. */
export const PUBLISHED_NAME = 'mlci';
export const VERSION_MODULE = 'packages/cli/src/version.ts';
export const LOCKFILE = 'package-lock.json';

/** One place that states the version, with the character range of the value for rewriting it. */
export interface VersionSite {
  file: string;
  line: number;
  /** What it is, for messages: `version`, `dependencies["@mlci/core"]`, `packages["packages/cli"].version`. */
  what: string;
  value: string;
  start: number;
  end: number;
}

interface JsonString {
  value: string;
  /** The range of the string's contents, between its quotes. */
  start: number;
  end: number;
}

/**
 * Every string value of a JSON text by JSON pointer, with where it is: the files are rewritten by
 * replacing those ranges, so their formatting (and a diff) stays exactly as it was.
 */
export function jsonStrings(text: string, file: string): Map<string, JsonString> {
  const found = new Map<string, JsonString>();
  let i = 0;
  const fail = (what: string): never => {
    const line = text.slice(0, i).split('\n').length;
    throw new ReleaseError(`${file}:${line}: not valid JSON (expected ${what})`);
  };
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const string = (): JsonString => {
    if (text[i] !== '"') fail('a string');
    const start = ++i;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('the end of a string');
    const end = i++;
    return { value: JSON.parse(text.slice(start - 1, end + 1)) as string, start, end };
  };
  const value = (pointer: string): void => {
    space();
    const c = text[i];
    if (c === '"') {
      found.set(pointer, string());
    } else if (c === '{' || c === '[') {
      i++;
      space();
      const closing = c === '{' ? '}' : ']';
      let index = 0;
      while (text[i] !== closing) {
        let key = String(index++);
        if (c === '{') {
          key = string().value;
          space();
          if (text[i++] !== ':') fail('":"');
        }
        value(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        space();
        if (text[i] === ',') {
          i++;
          space();
        } else if (text[i] !== closing) fail(`"," or "${closing}"`);
      }
      i++;
    } else {
      const literal = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 40));
      if (literal === null) fail('a value');
      i += literal![0].length;
    }
  };
  value('');
  space();
  if (i < text.length) fail('the end of the file');
  return found;
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * The version sites of one package.json (or one package-lock.json entry under `prefix`): its
 * version, and its dependencies on our own packages that name an exact version (`"@mlci/core":
 * "0.1.0"`), which must move with it or npm would look for the old version in the registry.
 */
function manifestSites(
  strings: Map<string, JsonString>,
  text: string,
  file: string,
  ours: Set<string>,
  prefix = '',
  label = '',
): VersionSite[] {
  const sites: VersionSite[] = [];
  const add = (pointer: string, what: string) => {
    const s = strings.get(pointer);
    if (s !== undefined) sites.push({ file, line: lineOfOffset(text, s.start), what, ...s });
  };
  add(`${prefix}/version`, `${label}version`);
  for (const field of DEPENDENCY_FIELDS) {
    for (const name of ours) {
      const pointer = `${prefix}/${field}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const spec = strings.get(pointer);
      if (spec !== undefined && isVersion(spec.value)) add(pointer, `${label}${field}["${name}"]`);
    }
  }
  return sites;
}

/** Every place that states the version, and what is missing or unreadable. */
export function readVersionSites(root: string): { sites: VersionSite[]; problems: Problem[] } {
  const sites: VersionSite[] = [];
  const problems: Problem[] = [];
  const manifests = manifestFiles(root);
  const texts = new Map<string, string>();
  const ours = new Set<string>();
  for (const file of manifests) {
    if (!existsSync(join(root, file))) {
      problems.push({
        file,
        message:
          file === PUBLISHED_MANIFEST
            ? `missing: expected the package published to npm as "${PUBLISHED_NAME}"`
            : 'missing',
      });
      continue;
    }
    const text = readFileSync(join(root, file), 'utf8');
    texts.set(file, text);
    const name = jsonStrings(text, file).get('/name');
    if (name !== undefined && file !== 'package.json') ours.add(name.value);
  }
  for (const [file, text] of texts) {
    const strings = jsonStrings(text, file);
    sites.push(...manifestSites(strings, text, file, ours));
    if (file === PUBLISHED_MANIFEST && strings.get('/name')?.value !== PUBLISHED_NAME) {
      const name = strings.get('/name');
      problems.push({
        file,
        ...(name ? { line: lineOfOffset(text, name.start) } : {}),
        message: `name is ${name ? `"${name.value}"` : 'missing'}, expected "${PUBLISHED_NAME}" (the package npm publishes)`,
      });
    }
  }
  if (existsSync(join(root, VERSION_MODULE))) {
    const text = readFileSync(join(root, VERSION_MODULE), 'utf8');
    const matches = [...text.matchAll(/^export const VERSION = '([^'\n]*)';$/gm)];
    if (matches.length !== 1) {
      problems.push({
        file: VERSION_MODULE,
        message: `expected one line \`export const VERSION = 'X.Y.Z';\`, found ${matches.length}`,
      });
    } else {
      const match = matches[0]!;
      const start = match.index + match[0].indexOf("'") + 1;
      sites.push({
        file: VERSION_MODULE,
        line: lineOfOffset(text, start),
        what: 'VERSION',
        value: match[1]!,
        start,
        end: start + match[1]!.length,
      });
    }
  } else {
    problems.push({ file: VERSION_MODULE, message: "missing: expected `export const VERSION = 'X.Y.Z';`" });
  }
  if (existsSync(join(root, LOCKFILE))) {
    const text = readFileSync(join(root, LOCKFILE), 'utf8');
    const strings = jsonStrings(text, LOCKFILE);
    const add = (pointer: string, what: string) => {
      const s = strings.get(pointer);
      if (s !== undefined) sites.push({ file: LOCKFILE, line: lineOfOffset(text, s.start), what, ...s });
    };
    add('/version', 'version');
    // Each package of ours that npm installs from this repository (the workspaces) has an entry
    // keyed by its folder; the root's is "".
    for (const file of manifests) {
      const folder = file === 'package.json' ? '' : file.slice(0, -'/package.json'.length);
      const prefix = `/packages/${folder.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      sites.push(...manifestSites(strings, text, LOCKFILE, ours, prefix, `packages["${folder}"].`));
    }
  } else {
    problems.push({ file: LOCKFILE, message: 'missing' });
  }
  return { sites, problems };
}

/** Every site that does not say the version. */
export function versionMismatches(sites: VersionSite[], version: string): Problem[] {
  return sites
    .filter((s) => s.value !== version)
    .map((s) => ({
      file: s.file,
      line: s.line,
      message: `${s.what} is "${s.value}", expected "${version}"`,
    }));
}

/** The files' new contents with every site set to the version (only the files that change). */
export function rewriteVersions(
  texts: Map<string, string>,
  sites: VersionSite[],
  version: string,
): Map<string, string> {
  const changed = new Map<string, string>();
  for (const [file, text] of texts) {
    const ours = sites
      .filter((s) => s.file === file && s.value !== version)
      .sort((a, b) => b.start - a.start);
    if (ours.length === 0) continue;
    let next = text;
    for (const s of ours) next = next.slice(0, s.start) + version + next.slice(s.end);
    changed.set(file, next);
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------
// verify

export interface ReleaseState {
  changelog: string;
  sites: VersionSite[];
  /** Missing or unreadable version files. */
  siteProblems: Problem[];
  /** Every tag of the repository. */
  tags: string[];
}

/** Every reason the version cannot be released from this state; empty when it can. */
export function verifyRelease(versionText: string, state: ReleaseState): Problem[] {
  let version: Version;
  try {
    version = parseVersion(versionText);
  } catch (error) {
    return [{ file: 'version', message: (error as Error).message }];
  }
  const problems: Problem[] = [];
  const tag = releaseTag(version);
  const latest = latestReleaseTag(state.tags);
  if (state.tags.includes(tag)) {
    problems.push({
      file: 'git',
      message: `the tag ${tag} already exists: a version is released once; prepare the next one${
        latest ? ` (the latest release tag is ${latest.tag})` : ''
      }`,
    });
  } else if (latest !== undefined && compareVersions(version, latest.version) <= 0) {
    problems.push({
      file: 'git',
      message: `${version.text} is not greater than the latest release tag ${latest.tag}`,
    });
  }
  problems.push(...state.siteProblems, ...versionMismatches(state.sites, version.text));
  problems.push(...findReleaseSection(state.changelog, version.text).problems);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The command

const USAGE = `usage: npx tsx scripts/release.ts <command> <version>   (from the repository's root)

  prepare X.Y.Z [--date YYYY-MM-DD]  CHANGELOG.md's "## Unreleased" becomes "## [X.Y.Z] - date" (today, UTC,
                                     by default) and X.Y.Z is written into every version field
  verify X.Y.Z                       fails unless X.Y.Z can be released from this commit
  notes X.Y.Z                        prints the changelog section of X.Y.Z
  major-tag X.Y.Z                    prints the moving tag (v1), or nothing for a pre-release
  npm-tag X.Y.Z                      prints the npm dist-tag: latest, or next for a pre-release
`;

export const COMMANDS = ['prepare', 'verify', 'notes', 'major-tag', 'npm-tag'] as const;

export interface ReleaseIO {
  root: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Every tag of the repository (`git tag --list`). */
  tags: () => string[];
  /** Today as YYYY-MM-DD, the default of prepare's --date. */
  today: () => string;
  /** In GitHub Actions, problems are also written as error annotations. */
  annotate: boolean;
}

function annotation(p: Problem): string {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const where =
    p.file === 'git' || p.file === 'version' ? '' : ` file=${p.file}${p.line ? `,line=${p.line}` : ''}`;
  return `::error${where}::${escape(p.message)}\n`;
}

function report(io: ReleaseIO, problems: Problem[], what: string): number {
  for (const p of problems) io.stderr(`${formatProblem(p)}\n`);
  if (io.annotate) for (const p of problems) io.stdout(annotation(p));
  io.stderr(`${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
  return 1;
}

function readState(root: string, io: ReleaseIO): ReleaseState {
  const changelogPath = join(root, CHANGELOG);
  const { sites, problems } = readVersionSites(root);
  return {
    changelog: existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : '',
    sites,
    siteProblems: existsSync(changelogPath)
      ? problems
      : [...problems, { file: CHANGELOG, message: 'missing' }],
    tags: io.tags(),
  };
}

function prepare(version: Version, date: string, io: ReleaseIO): number {
  const { root } = io;
  const { sites, problems } = readVersionSites(root);
  if (problems.length > 0) return report(io, problems, `prepare ${version.text}`);
  const current = sites.find((s) => s.file === 'package.json' && s.what === 'version');
  if (current !== undefined && isVersion(current.value)) {
    if (compareVersions(version, parseVersion(current.value)) < 0) {
      throw new ReleaseError(
        `package.json:${current.line}: the version is ${current.value}; ${version.text} would go backwards`,
      );
    }
  }
  const changelog = readFileSync(join(root, CHANGELOG), 'utf8');
  const texts = new Map<string, string>();
  for (const file of new Set(sites.map((s) => s.file)))
    texts.set(file, readFileSync(join(root, file), 'utf8'));
  // Everything is computed before anything is written: a mistake leaves the tree as it was.
  const changed = rewriteVersions(texts, sites, version.text);
  changed.set(CHANGELOG, prepareChangelog(changelog, version.text, date));
  for (const [file, text] of changed) writeFileSync(join(root, file), text);
  const unreleased = changelogSections(changelog).find((s) => s.kind === 'unreleased')!;
  io.stdout(`${CHANGELOG}:${unreleased.line}: "${unreleased.heading}" -> "## [${version.text}] - ${date}"\n`);
  for (const s of sites) {
    if (s.value !== version.text) io.stdout(`${s.file}:${s.line}: ${s.what} ${s.value} -> ${version.text}\n`);
  }
  io.stdout(
    `Review and commit these changes in a pull request; once it is merged, run the release workflow with ${version.text}.\n`,
  );
  return 0;
}

/** Runs one command; the exit code is 0, 1 (something to fix) or 2 (the command was misused). */
export function main(argv: string[], io: ReleaseIO): number {
  const [command, versionText, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    io.stderr(`release: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  if (versionText === undefined) {
    io.stderr(`release ${command}: give the version, e.g. \`${command} 1.2.0\`\n`);
    return 2;
  }
  let date: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (command === 'prepare' && arg === '--date' && rest[i + 1] !== undefined) date = rest[++i];
    else if (command === 'prepare' && arg.startsWith('--date=')) date = arg.slice('--date='.length);
    else {
      io.stderr(`release ${command}: unexpected argument "${arg}"\n\n${USAGE}`);
      return 2;
    }
  }
  try {
    const version = parseVersion(versionText);
    switch (command) {
      case 'major-tag': {
        const tag = majorTag(version);
        if (tag !== undefined) io.stdout(`${tag}\n`);
        return 0;
      }
      case 'npm-tag':
        io.stdout(`${npmDistTag(version)}\n`);
        return 0;
      case 'notes': {
        const path = join(io.root, CHANGELOG);
        if (!existsSync(path)) throw new ReleaseError(`${CHANGELOG}: missing`);
        io.stdout(releaseNotes(readFileSync(path, 'utf8'), version.text));
        return 0;
      }
      case 'verify': {
        const problems = verifyRelease(version.text, readState(io.root, io));
        if (problems.length > 0) return report(io, problems, `verify ${version.text}`);
        io.stdout(`verify ${version.text}: ready to tag ${releaseTag(version)}\n`);
        return 0;
      }
      case 'prepare':
        return prepare(version, date ?? io.today(), io);
    }
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    io.stderr(`${error.message}\n`);
    if (io.annotate) io.stdout(`::error::${error.message.replace(/%/g, '%25').replace(/\n/g, '%0A')}\n`);
    return 1;
  }
  return 2;
}

/** Every tag of the repository at root. */
export function gitTags(root: string): string[] {
  try {
    const out = execFileSync('git', ['tag', '--list'], { cwd: root, encoding: 'utf8' });
    return out.split('\n').filter((t) => t !== '');
  } catch (error) {
    throw new ReleaseError(
      `git: could not list the tags in ${root} (${(error as Error).message.split('\n')[0]})`,
    );
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.cwd();
  if (!existsSync(join(root, 'package.json'))) {
    process.stderr.write(`release: no package.json in ${root}; run this from the repository's root\n`);
    process.exit(2);
  }
  process.exitCode = main(process.argv.slice(2), {
    root,
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    tags: () => gitTags(root),
    today: () => new Date().toISOString().slice(0, 10),
    annotate: process.env['GITHUB_ACTIONS'] === 'true',
  });
}
