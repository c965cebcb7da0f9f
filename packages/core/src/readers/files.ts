/**
 * Every byte a reader takes from disk comes through here, so the rules for hostile paths hold in
 * one place:
 * - Regular files and folders only. Devices, FIFOs and sockets are refused by type, from stat,
 *   before they are opened (opening a FIFO blocks until a writer comes; /dev/zero never ends and
 *   its stat size is 0), and a file is opened non-blocking and checked again on its handle, so a
 *   path swapped in between cannot make a read block either.
 * - Reads are capped by the bytes actually read, never by what stat promised (files in /proc say 0).
 * - Inside a folder being read, a symbolic link is followed only when it resolves to a place inside
 *   that folder: a results folder cannot make mlci read (and quote) `~/.ssh/id_rsa`. A path given
 *   on the command line is the user's choice and is followed wherever it leads.
 * - File-system errors (a loop of links, a dangling link, a file where a folder should be) are
 *   ConfigurationErrors that name the path and say what is wrong, never a stack trace.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  read,
  readSync,
  statSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { ConfigurationError, ParseError } from '../errors.js';
import type { Probe } from './types.js';

/** Structured documents are parsed whole; past this size they are almost surely not metrics. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
const HEAD_BYTES = 8192;
/** Files smaller than this are read synchronously (see streamFile). */
const SYNC_READ_BYTES = 64 * 1024;
/** Opening a FIFO without a writer returns at once instead of waiting; no effect on regular files. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The cheap facts detection looks at. Synchronous on purpose: a folder of 10,000 small files
 * spent most of its time in round trips to libuv's thread pool (bench/files.bench.ts), and an
 * 8 KiB read blocks nothing worth waiting for. `listed`: see openRegular.
 */
export async function probePath(path: string, listed = false): Promise<Probe> {
  const name = basename(path);
  if (!listed && statOrExplainSync(path).isDirectory()) {
    const entries = (await readdirOrExplain(path)).sort();
    return { path, name, isDirectory: true, head: new Uint8Array(0), entries };
  }
  const { fd } = openRegular(path, listed);
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const bytesRead = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return { path, name, isDirectory: false, head: buffer.subarray(0, bytesRead), entries: [] };
  } finally {
    closeSync(fd);
  }
}

/** What a path is, in words, when it is neither a regular file nor a folder; else undefined. */
export function specialKind(info: Stats | Dirent): string | undefined {
  if (info.isFile() || info.isDirectory()) return undefined;
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'neither a file nor a folder';
}

const LOOP = 'too many symbolic links (a loop of links?)';
const DANGLING = 'a symbolic link whose target does not exist';

/** A file-system error in words, for the errors a user's files can cause; undefined for the rest. */
function describeFsError(error: unknown): string | undefined {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return LOOP;
    case 'ENOTDIR':
      return 'a part of this path is a file where a folder was expected';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ENXIO':
      return 'is a socket or a device, not a file';
    case 'EISDIR':
      return 'is a folder, expected a file';
    default:
      return undefined;
  }
}

/** A missing target: a dangling link says so, since `ls` shows its name and "no such file" puzzles. */
function explainMissing(path: string): string {
  const link = lstatSync(path, { throwIfNoEntry: false });
  return link?.isSymbolicLink() === true ? DANGLING : 'no such file or folder';
}

function explain(path: string, error: unknown): ConfigurationError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = code === 'ENOENT' ? explainMissing(path) : describeFsError(error);
  if (why === undefined) throw error;
  return new ConfigurationError(`${path}: ${why}`);
}

function refuseSpecial(path: string, kind: string): ConfigurationError {
  return new ConfigurationError(
    `${path}: is ${kind}; mlci reads regular files and folders only (a device, pipe or socket has no end to read to)`,
  );
}

/** stat, with a clear ConfigurationError for a missing path, a loop of links or a special file. */
export async function statOrExplain(path: string): Promise<Stats> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw explain(path, error);
  }
  const kind = specialKind(info);
  if (kind !== undefined) throw refuseSpecial(path, kind);
  return info;
}

function statOrExplainSync(path: string): Stats {
  let info: Stats;
  try {
    info = statSync(path);
  } catch (error) {
    throw explain(path, error);
  }
  const kind = specialKind(info);
  if (kind !== undefined) throw refuseSpecial(path, kind);
  return info;
}

async function readdirOrExplain(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (error) {
    throw explain(path, error);
  }
}

/**
 * Opens a regular file for reading: refused by type before it is opened (opening a device can
 * have effects of its own), opened non-blocking, and checked again on the descriptor (the path
 * may have been swapped for a FIFO in between). `listed`: the caller's folder listing already saw
 * a regular file here, so the first check is skipped (one system call less per file of a folder).
 * Synchronous: opening is quick, and a round trip to the thread pool per call is not.
 */
export function openRegular(path: string, listed = false): { fd: number; size: number } {
  if (!listed && statOrExplainSync(path).isDirectory()) {
    throw new ConfigurationError(`${path}: is a folder, expected a file`);
  }
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw explain(path, error);
  }
  const opened = fstatSync(fd);
  if (!opened.isFile()) {
    closeSync(fd);
    if (opened.isDirectory()) throw new ConfigurationError(`${path}: is a folder, expected a file`);
    throw refuseSpecial(path, specialKind(opened)!);
  }
  return { fd, size: opened.size };
}

/** Reads into `buffer` off the main thread; resolves to the number of bytes read. */
export function readAt(
  fd: number,
  buffer: Uint8Array,
  offset: number,
  length: number,
  position: number,
): Promise<number> {
  return new Promise((resolve, reject) =>
    read(fd, buffer, offset, length, position, (error, bytesRead) =>
      error === null ? resolve(bytesRead) : reject(error),
    ),
  );
}

/** The folder a folder reader was given, resolved once: what its symbolic links must stay inside. */
export interface FolderScope {
  /** As given, for messages. */
  path: string;
  /** Its real path (links resolved). */
  real: string;
}

export async function folderScope(path: string): Promise<FolderScope> {
  try {
    return { path, real: await realpath(path) };
  } catch (error) {
    throw explain(path, error);
  }
}

function isInside(real: string, scope: FolderScope): boolean {
  return real === scope.real || real.startsWith(scope.real.endsWith(sep) ? scope.real : scope.real + sep);
}

const OUTSIDE = 'a symbolic link that leads outside the folder';

/**
 * Refuses `path` when it resolves outside the scope's folder. The message never names the target
 * nor quotes it: what is outside the folder is none of the report's business.
 */
export async function checkInside(path: string, scope: FolderScope): Promise<void> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    throw explain(path, error);
  }
  if (!isInside(real, scope)) {
    throw new ConfigurationError(
      `${path}: ${OUTSIDE} ${scope.path}; mlci reads only what is inside the folder it is given (name the file itself to read it)`,
    );
  }
}

/** One entry of a folder, links resolved: a regular file or a folder inside the scope. */
export interface FolderEntry {
  name: string;
  path: string;
  isDirectory: boolean;
  /** Reached through a symbolic link (inside the scope). */
  isLink: boolean;
}

/** A folder's entries in name order, and the ones refused, each with why (in words). */
export interface FolderListing {
  entries: FolderEntry[];
  refused: Array<{ name: string; why: string }>;
}

/**
 * Lists a folder for a folder reader. Links are resolved only when they are links (a folder of
 * 10,000 files costs one readdir, no stat per file); one that leaves the scope, dangles or loops
 * is refused, as are devices, FIFOs and sockets. Listing the folder itself fails with a
 * ConfigurationError naming it.
 */
export async function listFolder(dir: string, scope: FolderScope): Promise<FolderListing> {
  let dirents: Dirent[];
  try {
    dirents = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOTDIR') throw new ConfigurationError(`${dir}: expected a folder, found a file`);
    throw explain(dir, error);
  }
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const entries: FolderEntry[] = [];
  const refused: FolderListing['refused'] = [];
  for (const dirent of dirents) {
    const path = join(dir, dirent.name);
    if (dirent.isFile() || dirent.isDirectory()) {
      entries.push({ name: dirent.name, path, isDirectory: dirent.isDirectory(), isLink: false });
      continue;
    }
    if (!dirent.isSymbolicLink()) {
      refused.push({ name: dirent.name, why: specialKind(dirent)! });
      continue;
    }
    let real: string;
    try {
      real = await realpath(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      const why = code === 'ENOENT' ? DANGLING : describeFsError(error);
      if (why === undefined) throw error;
      refused.push({ name: dirent.name, why });
      continue;
    }
    if (!isInside(real, scope)) {
      refused.push({ name: dirent.name, why: OUTSIDE });
      continue;
    }
    const target = await stat(path).catch(() => undefined);
    const kind = target === undefined ? DANGLING : specialKind(target);
    if (kind !== undefined) refused.push({ name: dirent.name, why: kind });
    else entries.push({ name: dirent.name, path, isDirectory: target!.isDirectory(), isLink: true });
  }
  return { entries, refused };
}

export interface ReadTextOptions {
  /** Refuse files over this many bytes (default MAX_DOCUMENT_BYTES), counted as they are read. */
  maxBytes?: number;
  /** The folder being read: `path` must resolve inside it. */
  within?: FolderScope;
}

/** A whole text file, with a clear error for binary content or an oversized file. */
export async function readTextFile(path: string, options: ReadTextOptions = {}): Promise<string> {
  const max = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  if (options.within !== undefined) await checkInside(path, options.within);
  const bytes = await readFileBytes(
    path,
    max,
    (what) =>
      new ParseError(
        { file: path },
        `the file ${what}; structured metrics files over ${max} bytes are not read whole (write large logs as CSV, TSV or JSON Lines, which are streamed)`,
      ),
  );
  return decodeUtf8(bytes, path);
}

/**
 * A whole regular file's bytes, at most `max` of them: past that, `tooBig` says why, given what was
 * found ("is N bytes", or "holds over N bytes" when the file grew, or stat said 0, as in /proc).
 */
export async function readFileBytes(
  path: string,
  max: number,
  tooBig: (what: string) => Error,
): Promise<Uint8Array> {
  const { fd, size } = openRegular(path);
  try {
    if (size > max) throw tooBig(`is ${size} bytes`);
    // stat's size is where to start, not a promise: the file may grow, or (in /proc) say 0.
    let buffer = new Uint8Array(Math.min(size, max) + 1);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (filled > max) throw tooBig(`holds over ${max} bytes (counted while reading)`);
        const bigger = new Uint8Array(Math.min(max + 1, Math.max(buffer.length * 2, 64 * 1024)));
        bigger.set(buffer);
        buffer = bigger;
      }
      const bytesRead =
        buffer.length - filled > SYNC_READ_BYTES
          ? await readAt(fd, buffer, filled, buffer.length - filled, filled)
          : readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > max) throw tooBig(`holds over ${max} bytes (counted while reading)`);
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

export interface StreamOptions {
  /** Bytes per read for large files; a small file is read with a buffer of its own size. */
  chunkBytes?: number;
  /** A folder listing already saw a regular file here (see openRegular). */
  listed?: boolean;
}

/**
 * Streams a regular file's bytes in chunks, reading the next chunk while `onChunk` handles this
 * one. `onChunk` must not keep the chunk (its buffer is reused). A small file gets a buffer of its
 * own size: a folder of 10,000 small logs allocating 1 MB each kept the garbage collector busy
 * with work that grew with everything already read (bench/files.bench.ts).
 */
export async function streamFile(
  path: string,
  onChunk: (chunk: Uint8Array, offset: number) => void,
  options: StreamOptions = {},
): Promise<void> {
  const { fd, size } = openRegular(path, options.listed);
  const most = options.chunkBytes ?? 1000 * 1000;
  let pending: Promise<number> | undefined;
  try {
    // One byte more than the file holds, so the first read of a small file sees it all.
    const length = Math.max(1, Math.min(most, size + 1));
    if (size < SYNC_READ_BYTES) {
      // Small files are read synchronously: a thread-pool round trip costs more than the read.
      const buffer = new Uint8Array(length);
      let offset = 0;
      for (;;) {
        const bytesRead = readSync(fd, buffer, 0, length, offset);
        if (bytesRead === 0) return;
        onChunk(bytesRead === length ? buffer : buffer.subarray(0, bytesRead), offset);
        offset += bytesRead;
      }
    }
    const buffers = [new Uint8Array(length), new Uint8Array(length)];
    let which = 0;
    let offset = 0;
    pending = readAt(fd, buffers[0]!, 0, length, 0);
    for (;;) {
      const bytesRead = await pending;
      pending = undefined;
      if (bytesRead === 0) break;
      const chunk = buffers[which]!;
      const at = offset;
      offset += bytesRead;
      which ^= 1;
      pending = readAt(fd, buffers[which]!, 0, length, offset);
      onChunk(bytesRead === length ? chunk : chunk.subarray(0, bytesRead), at);
    }
  } finally {
    if (pending !== undefined) await pending.catch(() => undefined);
    closeSync(fd);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    let offset = 0;
    // Find the first byte that breaks UTF-8, so the message can point at it.
    for (let end = 1; end <= bytes.length; end++) {
      try {
        decoder.decode(bytes.subarray(offset, end));
      } catch {
        if (end - offset >= 4) break;
        continue;
      }
      offset = end;
    }
    throw new ParseError(
      { file, offset },
      'not UTF-8 text (is this a binary file? pass --format to say what it is)',
    );
  }
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Names that hold hyper-parameters rather than results (DVC's params.yaml, Lightning's hparams.yaml). */
export function isParamsFileName(name: string): boolean {
  return /^h?params\.(ya?ml|json|toml)$/i.test(name);
}
