/**
 * What changed between two `dvc.lock` files, the base's and the pull request's: per stage, the
 * dependencies and outputs whose hash (or size, or file count) changed, the parameters whose value
 * changed, a changed command; stages added and removed. A reviewer of a model change reads it to
 * know whether the metrics moved because the data did.
 *
 * The diff is plain data with display texts already made (values as short strings), so that it
 * travels in the actions' state files and report.json as is, and renders without the locks.
 */
import { ConfigurationError } from '../errors.js';
import type { DvcEntry, DvcHashKind, DvcLock, DvcParamValue, DvcStage } from './lock.js';

export type DvcChangeStatus = 'changed' | 'added' | 'removed';

/**
 * What a dependency is, as far as a reviewer is concerned:
 * - `data`: an input of the pipeline (no stage makes it) that is not code: a dataset, a folder of
 *   files, a URL. A change here is what the report's first screen says.
 * - `code`: a script or config file by its name (`train.py`, `configs/x.yaml`, `src/`).
 * - `stage-output`: made by a stage of the pipeline (that stage's output row shows its change).
 */
export type DvcDependencyRole = 'data' | 'code' | 'stage-output';

/** One side of a changed dependency or output. */
export interface DvcEntrySide {
  /** The full hash as written (`.dir` included); absent when DVC recorded none. */
  hash?: string;
  hashKind?: DvcHashKind;
  /** DVC 3's `hash: md5`; absent for DVC 2's md5 (see DvcEntry.hashName). */
  hashName?: string;
  size?: number;
  nfiles?: number;
  folder?: boolean;
}

export interface DvcEntryChange {
  /** The pull request's path (the base's for a removed entry). */
  path: string;
  status: DvcChangeStatus;
  /** Dependencies only. */
  role?: DvcDependencyRole;
  base?: DvcEntrySide;
  head?: DvcEntrySide;
}

export interface DvcParamChange {
  file: string;
  /** Dotted: `onset_detection.train.batch_size`. */
  key: string;
  status: DvcChangeStatus;
  /** The value as text (`42`, `[3, 6]`, `fastai`); absent on the side without the key. */
  base?: string;
  head?: string;
}

export interface DvcStageChange {
  name: string;
  status: DvcChangeStatus;
  /** The command when it changed; for an added or removed stage, its one side. Lines joined by `\n`. */
  cmd?: { base?: string; head?: string };
  /** Changed, added and removed dependencies, in the lock's order; every one for an added or removed stage. */
  deps: DvcEntryChange[];
  outs: DvcEntryChange[];
  params: DvcParamChange[];
}

export interface DvcLockDiff {
  /** The pull request's lock as the user knows it: `dvc.lock`, `challenges/onset-detection/dvc.lock`. */
  file: string;
  /** Where the base's lock came from: `main@abc1234`, a path. */
  base: string;
  /** Stages in the pull request's lock. */
  headStages: number;
  /** Changed and added stages in the pull request's order, then removed ones in the base's. */
  stages: DvcStageChange[];
  /** What the reader should know to read the diff right (a DVC 2 to 3 hash change). */
  notes: string[];
}

export interface DiffOptions {
  /** How the pull request's lock is named; default its `file`. */
  file?: string;
  /** How the base's lock is named; default its `file`. */
  base?: string;
}

/** Compares the base's lock with the pull request's. Pure; the same locks give the same diff. */
export function diffDvcLocks(base: DvcLock, head: DvcLock, options: DiffOptions = {}): DvcLockDiff {
  const made = new Set<string>();
  for (const lock of [base, head])
    for (const stage of lock.stages) for (const out of stage.outs) made.add(normalPath(out.path));
  const role = (path: string) => dependencyRole(path, made);
  const baseStages = new Map(base.stages.map((s) => [s.name, s]));
  const headNames = new Set(head.stages.map((s) => s.name));
  const stages: DvcStageChange[] = [];
  let algorithmChanges = 0;
  for (const stage of head.stages) {
    const before = baseStages.get(stage.name);
    if (before === undefined) {
      stages.push(wholeStage(stage, 'added', role));
      continue;
    }
    const change: DvcStageChange = {
      name: stage.name,
      status: 'changed',
      deps: diffEntries(before.deps, stage.deps, role),
      outs: diffEntries(before.outs, stage.outs),
      params: diffParams(before, stage),
    };
    const cmdBefore = before.cmd.join('\n');
    const cmdAfter = stage.cmd.join('\n');
    if (cmdBefore !== cmdAfter) change.cmd = { base: cmdBefore, head: cmdAfter };
    algorithmChanges += [...change.deps, ...change.outs].filter(hashAlgorithmChanged).length;
    if (change.cmd !== undefined || change.deps.length + change.outs.length + change.params.length > 0)
      stages.push(change);
  }
  for (const stage of base.stages)
    if (!headNames.has(stage.name)) stages.push(wholeStage(stage, 'removed', role));
  const notes: string[] = [];
  if (algorithmChanges > 0)
    notes.push(
      `${algorithmChanges === 1 ? 'One changed hash was' : `${algorithmChanges} changed hashes were`} taken by DVC 2 on one side and DVC 3 on the other: DVC 2 turned CRLF into LF before hashing a text file and DVC 3 does not, so a text file's md5 can change with no change to the file.`,
    );
  return {
    file: options.file ?? head.file,
    base: options.base ?? base.file,
    headStages: head.stages.length,
    stages,
    notes,
  };
}

/** Nothing changed: a report says nothing about the pipeline. */
export function isUnchangedPipeline(diff: DvcLockDiff): boolean {
  return diff.stages.length === 0;
}

function wholeStage(
  stage: DvcStage,
  status: 'added' | 'removed',
  role: (path: string) => DvcDependencyRole,
): DvcStageChange {
  const side = status === 'added' ? 'head' : 'base';
  const entry = (e: DvcEntry, dependency: boolean): DvcEntryChange => ({
    path: e.path,
    status,
    ...(dependency ? { role: role(e.path) } : {}),
    [side]: entrySide(e),
  });
  return {
    name: stage.name,
    status,
    cmd: { [side]: stage.cmd.join('\n') },
    deps: stage.deps.map((e) => entry(e, true)),
    outs: stage.outs.map((e) => entry(e, false)),
    params: stage.params.map((p) => ({ file: p.file, key: p.key, status, [side]: paramText(p.value) })),
  };
}

function diffEntries(
  before: readonly DvcEntry[],
  after: readonly DvcEntry[],
  role?: (path: string) => DvcDependencyRole,
): DvcEntryChange[] {
  const old = new Map<string, DvcEntry>();
  for (const e of before) if (!old.has(normalPath(e.path))) old.set(normalPath(e.path), e);
  const seen = new Set<string>();
  const changes: DvcEntryChange[] = [];
  const withRole = (change: DvcEntryChange): DvcEntryChange =>
    role === undefined ? change : { ...change, role: role(change.path) };
  for (const e of after) {
    const key = normalPath(e.path);
    if (seen.has(key)) continue;
    seen.add(key);
    const was = old.get(key);
    if (was === undefined) {
      changes.push(withRole({ path: e.path, status: 'added', head: entrySide(e) }));
    } else if (entryChanged(was, e)) {
      changes.push(withRole({ path: e.path, status: 'changed', base: entrySide(was), head: entrySide(e) }));
    }
  }
  for (const [key, e] of old)
    if (!seen.has(key)) changes.push(withRole({ path: e.path, status: 'removed', base: entrySide(e) }));
  return changes;
}

/** The hash decides; without one on either side, the size and file count do. */
function entryChanged(a: DvcEntry, b: DvcEntry): boolean {
  if (a.hash !== undefined || b.hash !== undefined)
    return a.hash?.kind !== b.hash?.kind || a.hash?.value !== b.hash?.value;
  return a.size !== b.size || a.nfiles !== b.nfiles;
}

function hashAlgorithmChanged(change: DvcEntryChange): boolean {
  const a = change.base;
  const b = change.head;
  return (
    change.status === 'changed' &&
    a?.hashKind === 'md5' &&
    b?.hashKind === 'md5' &&
    (a.hashName ?? 'md5-dos2unix') !== (b.hashName ?? 'md5-dos2unix')
  );
}

function entrySide(e: DvcEntry): DvcEntrySide {
  const side: DvcEntrySide = {};
  if (e.hash !== undefined) {
    side.hash = e.hash.value;
    side.hashKind = e.hash.kind;
  }
  if (e.hashName !== undefined) side.hashName = e.hashName;
  if (e.size !== undefined) side.size = e.size;
  if (e.nfiles !== undefined) side.nfiles = e.nfiles;
  if (e.folder) side.folder = true;
  return side;
}

function diffParams(before: DvcStage, after: DvcStage): DvcParamChange[] {
  const id = (file: string, key: string) => `${file}\u0000${key}`;
  const old = new Map(before.params.map((p) => [id(p.file, p.key), p]));
  const seen = new Set<string>();
  const changes: DvcParamChange[] = [];
  for (const p of after.params) {
    const key = id(p.file, p.key);
    seen.add(key);
    const was = old.get(key);
    if (was === undefined) {
      changes.push({ file: p.file, key: p.key, status: 'added', head: paramText(p.value) });
    } else if (canonical(was.value) !== canonical(p.value)) {
      let [base, head] = [paramText(was.value), paramText(p.value)];
      // `42` the number and `"42"` the string must not read `42 → 42`.
      if (base === head) [base, head] = [shown(was.value), shown(p.value)];
      changes.push({ file: p.file, key: p.key, status: 'changed', base, head });
    }
  }
  for (const p of before.params)
    if (!seen.has(id(p.file, p.key)))
      changes.push({ file: p.file, key: p.key, status: 'removed', base: paramText(p.value) });
  return changes;
}

/** Equal values have equal texts: map keys sorted, strings quoted (so `"42"` is not `42`). */
function canonical(value: DvcParamValue): string {
  // String() names NaN and the infinities, where JSON.stringify would write null.
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(value[k]!)}`)
    .join(',')}}`;
}

/** How a parameter's value is shown: `42`, `0.003`, `fastai`, `""`, `[3, 6]`, `null`. */
export function paramText(value: DvcParamValue): string {
  if (typeof value === 'string') return value === '' ? '""' : value;
  return shown(value);
}

function shown(value: DvcParamValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (value === null || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(shown).join(', ')}]`;
  const keys = Object.keys(value);
  return `{${keys.map((k) => `${k}: ${shown(value[k]!)}`).join(', ')}}`;
}

/** `data/interim/` and `data/interim` are the same folder. */
function normalPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

/** Scripts, notebooks and configuration: a change here is a change of code, not of data. */
const CODE_EXTENSIONS = new Set(
  `py pyx ipynb r rmd jl sh bash zsh ps1 bat js mjs cjs ts java scala kt go rs c h cc cpp hpp cu
   swift rb pl php lua cs f90 sql yaml yml toml cfg ini conf env lock`.split(/\s+/),
);
const CODE_NAMES = new Set(['makefile', 'dockerfile', 'requirements.txt', 'pipfile', 'dvc.yaml']);
/** Folders of code by their conventional names (a folder's hash says nothing of what it holds). */
const CODE_FOLDERS = new Set(['src', 'lib', 'libs', 'scripts', 'code', 'utils', 'configs', 'config', 'conf']);

function dependencyRole(path: string, made: ReadonlySet<string>): DvcDependencyRole {
  const normal = normalPath(path);
  if (made.has(normal)) return 'stage-output';
  // A file inside a folder that a stage makes (`data/prepared/train.tsv` of `data/prepared`).
  for (let cut = normal.lastIndexOf('/'); cut > 0; cut = normal.lastIndexOf('/', cut - 1))
    if (made.has(normal.slice(0, cut))) return 'stage-output';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return 'data';
  const segments = normal.split('/');
  const name = segments.at(-1)!.toLowerCase();
  const dot = name.lastIndexOf('.');
  if (CODE_NAMES.has(name) || (dot > 0 && CODE_EXTENSIONS.has(name.slice(dot + 1)))) return 'code';
  if (CODE_FOLDERS.has(segments[0]!.toLowerCase()) && !segments.some((s) => /^data(sets?)?$/i.test(s)))
    return 'code';
  return 'data';
}

// ---------------------------------------------------------------------------------------------
// Read back from a state file or report.json, which may come from another job's artifact

const MAX_STAGES = 10_000;
const MAX_ENTRIES = 10_000;
const MAX_TEXT = 10_000;
const STATUSES: readonly DvcChangeStatus[] = ['changed', 'added', 'removed'];
const ROLES: readonly DvcDependencyRole[] = ['data', 'code', 'stage-output'];
const KINDS: readonly DvcHashKind[] = ['md5', 'etag', 'checksum'];

/**
 * A DvcLockDiff checked field by field: a state file is read from disk, maybe from another job's
 * artifact, so every field is checked and every text length-limited before it reaches a report.
 * Anything else is a ConfigurationError that names the field.
 */
export function decodeDvcLockDiff(value: unknown, where: string): DvcLockDiff {
  const doc = record(value, where, 'a pipeline diff (file, base, headStages, stages, notes)');
  const stages = list(doc.stages, `${where}.stages`, MAX_STAGES).map((item, i) =>
    decodeStage(item, `${where}.stages[${i}]`),
  );
  return {
    file: text(doc.file, `${where}.file`),
    base: text(doc.base, `${where}.base`),
    headStages: count(doc.headStages, `${where}.headStages`),
    stages,
    notes: list(doc.notes, `${where}.notes`, 20).map((n, i) => text(n, `${where}.notes[${i}]`)),
  };
}

function decodeStage(value: unknown, where: string): DvcStageChange {
  const doc = record(value, where, 'a stage change (name, status, deps, outs, params)');
  const stage: DvcStageChange = {
    name: text(doc.name, `${where}.name`),
    status: choice(doc.status, `${where}.status`, STATUSES),
    deps: list(doc.deps, `${where}.deps`, MAX_ENTRIES).map((e, i) => decodeEntry(e, `${where}.deps[${i}]`)),
    outs: list(doc.outs, `${where}.outs`, MAX_ENTRIES).map((e, i) => decodeEntry(e, `${where}.outs[${i}]`)),
    params: list(doc.params, `${where}.params`, MAX_ENTRIES).map((p, i) =>
      decodeParam(p, `${where}.params[${i}]`),
    ),
  };
  if (doc.cmd !== undefined) {
    const cmd = record(doc.cmd, `${where}.cmd`, 'the command of each side');
    stage.cmd = {};
    if (cmd.base !== undefined) stage.cmd.base = text(cmd.base, `${where}.cmd.base`);
    if (cmd.head !== undefined) stage.cmd.head = text(cmd.head, `${where}.cmd.head`);
  }
  return stage;
}

function decodeEntry(value: unknown, where: string): DvcEntryChange {
  const doc = record(value, where, 'an entry change (path, status, base, head)');
  const entry: DvcEntryChange = {
    path: text(doc.path, `${where}.path`),
    status: choice(doc.status, `${where}.status`, STATUSES),
  };
  if (doc.role !== undefined) entry.role = choice(doc.role, `${where}.role`, ROLES);
  if (doc.base !== undefined) entry.base = decodeSide(doc.base, `${where}.base`);
  if (doc.head !== undefined) entry.head = decodeSide(doc.head, `${where}.head`);
  return entry;
}

function decodeSide(value: unknown, where: string): DvcEntrySide {
  const doc = record(value, where, 'one side of an entry (hash, size, nfiles)');
  const side: DvcEntrySide = {};
  if (doc.hash !== undefined) side.hash = text(doc.hash, `${where}.hash`, 200);
  if (doc.hashKind !== undefined) side.hashKind = choice(doc.hashKind, `${where}.hashKind`, KINDS);
  if (doc.hashName !== undefined) side.hashName = text(doc.hashName, `${where}.hashName`, 40);
  if (doc.size !== undefined) side.size = count(doc.size, `${where}.size`);
  if (doc.nfiles !== undefined) side.nfiles = count(doc.nfiles, `${where}.nfiles`);
  if (doc.folder === true) side.folder = true;
  return side;
}

function decodeParam(value: unknown, where: string): DvcParamChange {
  const doc = record(value, where, 'a parameter change (file, key, status, base, head)');
  const param: DvcParamChange = {
    file: text(doc.file, `${where}.file`),
    key: text(doc.key, `${where}.key`),
    status: choice(doc.status, `${where}.status`, STATUSES),
  };
  if (doc.base !== undefined) param.base = text(doc.base, `${where}.base`);
  if (doc.head !== undefined) param.head = text(doc.head, `${where}.head`);
  return param;
}

function record(value: unknown, where: string, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ConfigurationError(`${where}: expected ${what}`);
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string, max: number): unknown[] {
  if (!Array.isArray(value) || value.length > max)
    throw new ConfigurationError(`${where}: expected a list of at most ${max} items`);
  return value;
}

function text(value: unknown, where: string, max = MAX_TEXT): string {
  if (typeof value !== 'string') throw new ConfigurationError(`${where}: expected a string`);
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function count(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new ConfigurationError(`${where}: expected a whole number`);
  return value;
}

function choice<T extends string>(value: unknown, where: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value))
    throw new ConfigurationError(`${where}: expected one of ${choices.join(', ')}`);
  return value as T;
}
