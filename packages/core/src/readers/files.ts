import { open, readFile, readdir, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ConfigurationError, ParseError } from '../errors.js';
import type { Probe } from './types.js';

/** Structured documents are parsed whole; past this size they are almost surely not metrics. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
const HEAD_BYTES = 8192;

export async function probePath(path: string): Promise<Probe> {
  const info = await statOrExplain(path);
  const name = basename(path);
  if (info.isDirectory()) {
    const entries = (await readdir(path)).sort();
    return { path, name, isDirectory: true, head: new Uint8Array(0), entries };
  }
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return { path, name, isDirectory: false, head: buffer.subarray(0, bytesRead), entries: [] };
  } finally {
    await handle.close();
  }
}

export async function statOrExplain(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigurationError(`${path}: no such file or folder`);
    if (code === 'EACCES') throw new ConfigurationError(`${path}: permission denied`);
    throw error;
  }
}

/** A whole text file, with a clear error for binary content or an oversized file. */
export async function readTextFile(path: string): Promise<string> {
  const info = await statOrExplain(path);
  if (info.isDirectory()) throw new ConfigurationError(`${path}: is a folder, expected a file`);
  if (info.size > MAX_DOCUMENT_BYTES) {
    throw new ParseError(
      { file: path },
      `the file is ${info.size} bytes; structured metrics files over ${MAX_DOCUMENT_BYTES} bytes are not read whole (write large logs as CSV, TSV or JSON Lines, which are streamed)`,
    );
  }
  const bytes = await readFile(path);
  return decodeUtf8(bytes, path);
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
