/**
 * Errors that are the user's to fix. Anything else that is thrown is a bug in mlci and is reported
 * as one. Messages name the file (or input), where in it, what was expected and what was found,
 * because the person reading them is looking at a red CI job, not at our code.
 */
export class MlciError extends Error {
  override name = 'MlciError';
}

/** A mistake in configuration: an input, a flag, a config file key, a format name. */
export class ConfigurationError extends MlciError {
  override name = 'ConfigurationError';
}

export interface ParseLocation {
  /** The file (or folder) being read, as the user gave it. */
  file: string;
  /** 1-based line, for text formats. */
  line?: number;
  /** 1-based column, for text formats. */
  column?: number;
  /** 0-based byte offset, for binary formats (and as a fallback for text). */
  offset?: number;
  /** A key path inside a structured document, when that is the clearer place to point at. */
  key?: string;
}

/** Input that could not be read as the format it claims (or was detected) to be. */
export class ParseError extends MlciError {
  override name = 'ParseError';
  readonly location: ParseLocation;
  readonly detail: string;

  constructor(location: ParseLocation, detail: string) {
    super(`${formatLocation(location)}: ${detail}`);
    this.location = location;
    this.detail = detail;
  }
}

export function formatLocation(loc: ParseLocation): string {
  let out = loc.file;
  if (loc.line !== undefined) {
    out += `:${loc.line}`;
    if (loc.column !== undefined) out += `:${loc.column}`;
  } else if (loc.offset !== undefined) {
    out += ` at byte ${loc.offset}`;
  }
  if (loc.key !== undefined) out += ` (key ${JSON.stringify(loc.key)})`;
  return out;
}

export function isMlciError(error: unknown): error is MlciError {
  return error instanceof MlciError;
}

/** 1-based line and column of a 0-based character index in a text. */
export function lineColumnAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(index, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * A gate failed and the action was asked to fail the step: the model change should not merge.
 * An MlciError so the action reports it as one clear line, not as a bug.
 */
export class GateFailedError extends MlciError {
  override name = 'GateFailedError';
}
