import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// packages/core/src/errors.ts
var MlciError = class extends Error {
  name = "MlciError";
};
var ConfigurationError = class extends MlciError {
  name = "ConfigurationError";
};
var ParseError = class extends MlciError {
  name = "ParseError";
  location;
  detail;
  constructor(location, detail) {
    super(`${formatLocation(location)}: ${detail}`);
    this.location = location;
    this.detail = detail;
  }
};
function formatLocation(loc) {
  let out = loc.file;
  if (loc.line !== void 0) {
    out += `:${loc.line}`;
    if (loc.column !== void 0) out += `:${loc.column}`;
  } else if (loc.offset !== void 0) {
    out += ` at byte ${loc.offset}`;
  }
  if (loc.key !== void 0) out += ` (key ${JSON.stringify(loc.key)})`;
  return out;
}
function isMlciError(error) {
  return error instanceof MlciError;
}
function lineColumnAt(text, index) {
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
var GateFailedError = class extends MlciError {
  name = "GateFailedError";
};

export {
  MlciError,
  ConfigurationError,
  ParseError,
  isMlciError,
  lineColumnAt,
  GateFailedError
};
