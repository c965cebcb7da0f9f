import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  require_node_fs
} from "./chunk-ERMUBDDR.js";
import {
  require_node_path
} from "./chunk-DPFCA6DW.js";
import {
  ConfigurationError,
  ParseError
} from "./chunk-TQLTVCQ6.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-3CG65SHH.js";

// builtin-by-require:node:fs/promises
var require_promises = __commonJS({
  "builtin-by-require:node:fs/promises"(exports, module) {
    module.exports = __require("node:fs/promises");
  }
});

// packages/core/src/keys.ts
function escapeSegment(segment) {
  return segment.includes(".") || segment.includes("\\") ? segment.replace(/[\\.]/g, (c) => `\\${c}`) : segment;
}
function joinKey(segments) {
  return segments.map(escapeSegment).join(".");
}
function childKey(parent, segment) {
  const escaped = escapeSegment(segment);
  return parent === "" ? escaped : `${parent}.${escaped}`;
}
function splitKey(key) {
  const segments = [];
  let current = "";
  for (let i = 0; i < key.length; i++) {
    const c = key[i];
    if (c === "\\" && i + 1 < key.length) {
      current += key[++i];
    } else if (c === ".") {
      segments.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  segments.push(current);
  return segments;
}
function slashPathToKey(path) {
  return joinKey(path.split("/").filter((s) => s !== ""));
}

// packages/core/src/series.ts
var DEFAULT_MAX_SERIES_POINTS = 2e3;
var SeriesAccumulator = class {
  maxPoints;
  capacity;
  steps;
  values;
  walls;
  length = 0;
  ordered = true;
  lastAddedStep = -Infinity;
  count = 0;
  nonFinite = 0;
  min = Infinity;
  max = -Infinity;
  minStep = NaN;
  maxStep = NaN;
  sum = 0;
  compensation = 0;
  finiteCount = 0;
  firstStep = NaN;
  firstValue = NaN;
  firstWall = NaN;
  lastStep = NaN;
  lastValue = NaN;
  lastWall = NaN;
  buckets = 0;
  constructor(maxPoints = DEFAULT_MAX_SERIES_POINTS) {
    if (!Number.isInteger(maxPoints) || maxPoints < 10) {
      throw new RangeError(`maxPoints must be an integer >= 10, got ${maxPoints}`);
    }
    this.maxPoints = maxPoints;
    this.capacity = maxPoints * 4;
    this.steps = new Float64Array(Math.min(this.capacity, 8));
    this.values = new Float64Array(this.steps.length);
    this.walls = new Float64Array(this.steps.length);
  }
  get size() {
    return this.count;
  }
  add(step, value, wallTime) {
    this.count++;
    if (value === 0) value = 0;
    if (Number.isFinite(value)) {
      this.finiteCount++;
      const t = this.sum + value;
      this.compensation += Math.abs(this.sum) >= Math.abs(value) ? this.sum - t + value : value - t + this.sum;
      this.sum = t;
      if (value < this.min) {
        this.min = value;
        this.minStep = step;
      }
      if (value > this.max) {
        this.max = value;
        this.maxStep = step;
      }
    } else {
      this.nonFinite++;
    }
    const wall = wallTime ?? NaN;
    if (this.count === 1 || step < this.firstStep) {
      this.firstStep = step;
      this.firstValue = value;
      this.firstWall = wall;
    }
    if (this.count === 1 || step >= this.lastStep) {
      this.lastStep = step;
      this.lastValue = value;
      this.lastWall = wall;
    }
    if (step < this.lastAddedStep) this.ordered = false;
    this.lastAddedStep = step;
    if (this.length === this.steps.length) this.grow();
    this.steps[this.length] = step;
    this.values[this.length] = value;
    this.walls[this.length] = wall;
    this.length++;
  }
  finish() {
    if (this.count === 0) {
      throw new Error("SeriesAccumulator.finish() called on an empty series");
    }
    this.sortIfNeeded();
    if (this.length > this.maxPoints) this.reduce();
    const points = new Array(this.length);
    for (let i = 0; i < this.length; i++) {
      points[i] = point(this.steps[i], this.values[i], nanToUndefined(this.walls[i]));
    }
    const stats = {
      count: this.count,
      nonFinite: this.nonFinite,
      first: point(this.firstStep, this.firstValue, nanToUndefined(this.firstWall)),
      last: point(this.lastStep, this.lastValue, nanToUndefined(this.lastWall))
    };
    if (this.finiteCount > 0) {
      stats.min = this.min;
      stats.max = this.max;
      stats.minStep = this.minStep;
      stats.maxStep = this.maxStep;
      stats.mean = (this.sum + this.compensation) / this.finiteCount;
    }
    const data = { points, stats };
    if (this.count > points.length) data.downsampledFrom = this.count;
    return data;
  }
  grow() {
    if (this.steps.length < this.capacity) {
      const size = Math.min(this.capacity, this.steps.length * 2);
      this.steps = resized(this.steps, size);
      this.values = resized(this.values, size);
      this.walls = resized(this.walls, size);
      return;
    }
    this.sortIfNeeded();
    this.reduce();
  }
  sortIfNeeded() {
    if (this.ordered) return;
    const order = Array.from({ length: this.length }, (_, i) => i);
    order.sort((a, b) => this.steps[a] - this.steps[b]);
    const steps = new Float64Array(this.steps.length);
    const values = new Float64Array(this.steps.length);
    const walls = new Float64Array(this.steps.length);
    order.forEach((from, to) => {
      steps[to] = this.steps[from];
      values[to] = this.values[from];
      walls[to] = this.walls[from];
    });
    this.steps = steps;
    this.values = values;
    this.walls = walls;
    this.ordered = true;
    this.lastAddedStep = this.length > 0 ? this.steps[this.length - 1] : -Infinity;
  }
  /**
   * M4 reduction of the (sorted) buffer to at most `maxPoints` points, in place. A bucket keeps
   * two to five points (fewer where its first/last/min/max coincide, as on smooth curves), so the
   * bucket count starts at half the budget and shrinks only when the selection would overflow it.
   */
  reduce() {
    const n = this.length;
    const keep = new Uint8Array(n);
    let buckets = this.buckets > 0 ? this.buckets : Math.max(1, Math.floor(this.maxPoints / 2));
    let kept = this.selectM4(buckets, keep);
    while (kept > this.maxPoints && buckets > 1) {
      buckets = Math.max(1, Math.min(buckets - 1, Math.floor(buckets * this.maxPoints * 0.9 / kept)));
      keep.fill(0);
      kept = this.selectM4(buckets, keep);
    }
    this.buckets = buckets;
    let out = 0;
    for (let i = 0; i < n; i++) {
      if (keep[i] === 1) {
        this.steps[out] = this.steps[i];
        this.values[out] = this.values[i];
        this.walls[out] = this.walls[i];
        out++;
      }
    }
    this.length = out;
  }
  /** Marks each bucket's first, last, min, max and first non-finite point; returns how many. */
  selectM4(buckets, keep) {
    const n = this.length;
    const lo = this.steps[0];
    const hi = this.steps[n - 1];
    const width = (hi - lo) / buckets;
    const byIndex = !(width > 0) || !Number.isFinite(width);
    const bucketOf = (i) => byIndex ? Math.floor(i * buckets / n) : Math.min(buckets - 1, Math.floor((this.steps[i] - lo) / width));
    let kept = 0;
    const mark = (i) => {
      if (keep[i] === 0) {
        keep[i] = 1;
        kept++;
      }
    };
    let start = 0;
    while (start < n) {
      const bucket = bucketOf(start);
      let end = start + 1;
      while (end < n && bucketOf(end) === bucket) end++;
      let minAt = -1;
      let maxAt = -1;
      let nonFiniteAt = -1;
      for (let i = start; i < end; i++) {
        const v = this.values[i];
        if (Number.isFinite(v)) {
          if (minAt < 0 || v < this.values[minAt]) minAt = i;
          if (maxAt < 0 || v > this.values[maxAt]) maxAt = i;
        } else if (nonFiniteAt < 0) {
          nonFiniteAt = i;
        }
      }
      mark(start);
      mark(end - 1);
      if (minAt >= 0) mark(minAt);
      if (maxAt >= 0) mark(maxAt);
      if (nonFiniteAt >= 0) mark(nonFiniteAt);
      start = end;
    }
    return kept;
  }
};
function point(step, value, wallTime) {
  return wallTime === void 0 ? { step, value } : { step, value, wallTime };
}
function nanToUndefined(n) {
  return Number.isNaN(n) ? void 0 : n;
}
function resized(array, size) {
  const next = new Float64Array(size);
  next.set(array.subarray(0, Math.min(array.length, size)));
  return next;
}

// packages/core/src/doc-builder.ts
var NAMED_SKIPS = 10;
var MAX_DOCUMENT_KEYS = 1e5;
var DocBuilder = class {
  constructor(file, format, options = {}) {
    this.file = file;
    this.format = format;
    this.maxSeriesPoints = options.maxSeriesPoints ?? DEFAULT_MAX_SERIES_POINTS;
  }
  file;
  format;
  metrics = /* @__PURE__ */ new Map();
  series = /* @__PURE__ */ new Map();
  params = /* @__PURE__ */ new Map();
  notes = [];
  warnings = [];
  skipped = [];
  skippedCount = 0;
  /** New keys added so far, checked against MAX_DOCUMENT_KEYS. */
  keys = 0;
  maxSeriesPoints;
  /** A summary value. It wins over the last point of a curve of the same key. */
  metric(key, value) {
    if (!this.metrics.has(key)) this.countKey();
    this.metrics.set(key, value);
  }
  hasMetric(key) {
    return this.metrics.has(key);
  }
  point(key, step, value, wallTime) {
    this.seriesFor(key).add(step, value, wallTime);
  }
  /** The accumulator for a key, for readers that add points in a hot loop. */
  seriesFor(key) {
    let acc = this.series.get(key);
    if (acc === void 0) {
      this.countKey();
      acc = new SeriesAccumulator(this.maxSeriesPoints);
      this.series.set(key, acc);
    }
    return acc;
  }
  param(key, value) {
    if (!this.params.has(key)) this.countKey();
    this.params.set(key, value);
  }
  countKey() {
    if (++this.keys > MAX_DOCUMENT_KEYS) {
      throw new ParseError(
        { file: this.file },
        `more than ${MAX_DOCUMENT_KEYS} distinct keys (metrics, curves and params); mlci reads at most ${MAX_DOCUMENT_KEYS} from one file (is this a data file rather than metrics?)`
      );
    }
  }
  note(message) {
    if (!this.notes.includes(message)) this.notes.push(message);
  }
  warn(message) {
    this.warnings.push(message);
  }
  /** A value that is neither a metric nor a param; `why` says what it was. */
  skip(key, why) {
    this.skippedCount++;
    if (this.skipped.length < NAMED_SKIPS) this.skipped.push(`${key} (${why})`);
  }
  build() {
    const series = {};
    const metrics = {};
    for (const [key, acc] of [...this.series].sort(([a], [b]) => compareKeys(a, b))) {
      const data = acc.finish();
      if (data.stats.count >= 2) setOwn(series, key, data);
      if (!this.metrics.has(key)) setOwn(metrics, key, data.stats.last.value);
    }
    for (const [key, value] of this.metrics) setOwn(metrics, key, value);
    const source = {
      file: this.file,
      format: this.format,
      notes: [...this.notes],
      warnings: [...this.warnings]
    };
    if (this.skippedCount > 0) {
      const more = this.skippedCount - this.skipped.length;
      source.notes.push(
        `skipped ${this.skippedCount} value${this.skippedCount === 1 ? "" : "s"} that ${this.skippedCount === 1 ? "is" : "are"} neither a number nor a parameter: ` + this.skipped.join(", ") + (more > 0 ? ` and ${more} more` : "")
      );
    }
    return {
      metrics: sortRecord(metrics),
      series,
      params: sortRecord(Object.fromEntries(this.params)),
      sources: [source]
    };
  }
};
function compareKeys(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function sortRecord(record) {
  const out = {};
  for (const key of Object.keys(record).sort(compareKeys)) setOwn(out, key, record[key]);
  return out;
}
function setOwn(record, key, value) {
  if (key === "__proto__") {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}

// packages/core/src/numbers.ts
var DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function parseNumber(text) {
  const s = text.trim();
  if (s === "") return void 0;
  if (DECIMAL.test(s)) return Number(s);
  return parseNonFinite(s);
}
function parseNonFinite(s) {
  switch (s.toLowerCase()) {
    case "nan":
    case "+nan":
    case "-nan":
      return NaN;
    case "inf":
    case "+inf":
    case "infinity":
    case "+infinity":
      return Infinity;
    case "-inf":
    case "-infinity":
      return -Infinity;
    default:
      return void 0;
  }
}
function numberToJson(value) {
  if (Number.isFinite(value)) return value;
  if (Number.isNaN(value)) return "NaN";
  return value > 0 ? "Infinity" : "-Infinity";
}
function numberFromJson(value) {
  if (typeof value === "number") return value;
  if (value === "NaN") return NaN;
  if (value === "Infinity") return Infinity;
  if (value === "-Infinity") return -Infinity;
  return void 0;
}

// packages/core/src/flatten.ts
var MAX_NESTING = 512;
var LONG_LIST = 1e3;
var KEY_IN_MESSAGE = 80;
function flattenInto(builder, value, role, prefix = "") {
  let numericStrings = 0;
  const stack = [];
  const open = /* @__PURE__ */ new Set();
  const fail = (key, detail) => {
    const shown = key.length > KEY_IN_MESSAGE ? `${key.slice(0, KEY_IN_MESSAGE)}...` : key;
    throw new ParseError({ file: builder.file, key: shown || "(root)" }, detail);
  };
  const visit = (start, key, startDepth) => {
    let node = start;
    let depth = startDepth;
    while (Array.isArray(node) && node.length === 1) {
      node = node[0];
      depth++;
      if (depth > MAX_NESTING)
        fail(key, `nested deeper than ${MAX_NESTING} levels; mlci reads at most ${MAX_NESTING}`);
    }
    if (depth > MAX_NESTING)
      fail(key, `nested deeper than ${MAX_NESTING} levels; mlci reads at most ${MAX_NESTING}`);
    if (Array.isArray(node)) {
      if (node.length === 0) return builder.skip(key || "(root)", "empty list");
      if (role === "metrics" && node.length > LONG_LIST && allNumbers(node)) {
        const name = key === "" ? escapeSegment(fileStem(builder.file)) : key;
        const series = builder.seriesFor(name);
        for (let i = 0; i < node.length; i++) series.add(i, node[i]);
        builder.note(`read the list ${name} (${node.length} numbers) as a curve over its index`);
        return;
      }
      return enter(node, key, depth, void 0, node.length);
    }
    if (node instanceof Date) {
      const text = Number.isNaN(node.getTime()) ? String(node) : node.toISOString();
      return builder.param(key, text);
    }
    if (node !== null && typeof node === "object") {
      const keys = Object.keys(node);
      if (keys.length === 0) return builder.skip(key || "(root)", "empty object");
      return enter(node, key, depth, keys, keys.length);
    }
    if (key === "") return builder.skip("(root)", `a single ${typeof node}, not an object of named values`);
    if (typeof node === "number")
      return role === "metrics" ? builder.metric(key, node) : builder.param(key, node);
    if (typeof node === "bigint") {
      const n = Number(node);
      builder.note(
        `${key}: the integer ${String(node)} is beyond what a number holds exactly (2^53); read as ${BigInt(n).toString()}`
      );
      return role === "metrics" ? builder.metric(key, n) : builder.param(key, n);
    }
    if (typeof node === "boolean") return builder.param(key, node);
    if (typeof node === "string") {
      if (role === "metrics") {
        const n = parseNumber(node);
        if (n !== void 0) {
          numericStrings++;
          return builder.metric(key, n);
        }
      }
      return builder.param(key, node);
    }
    if (node === null || node === void 0) return builder.skip(key, "null");
    builder.skip(key, typeof node);
  };
  const enter = (node, key, depth, keys, length) => {
    if (open.has(node)) fail(key, "the value contains itself (a cycle); mlci cannot flatten it");
    open.add(node);
    stack.push({ node, key, depth, keys, length, index: 0 });
  };
  visit(value, prefix, 0);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.index === top.length) {
      stack.pop();
      open.delete(top.node);
      continue;
    }
    const i = top.index++;
    if (top.keys === void 0) {
      visit(top.node[i], childKey(top.key, String(i)), top.depth + 1);
    } else {
      const name = top.keys[i];
      visit(top.node[name], childKey(top.key, name), top.depth + 1);
    }
  }
  if (numericStrings > 0) {
    builder.note(
      `read ${numericStrings} quoted number${numericStrings === 1 ? "" : "s"} (such as "0.9" or "nan") as ${numericStrings === 1 ? "a metric" : "metrics"}`
    );
  }
}
function allNumbers(list) {
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== "number") return false;
  return true;
}
function fileStem(file) {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name || "values";
}

// packages/core/src/readers/files.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_promises = __toESM(require_promises(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
var HEAD_BYTES = 8192;
var SYNC_READ_BYTES = 64 * 1024;
var OPEN_FLAGS = import_node_fs.constants.O_RDONLY | (import_node_fs.constants.O_NONBLOCK ?? 0);
async function probePath(path, listed = false) {
  const name = (0, import_node_path.basename)(path);
  if (!listed && statOrExplainSync(path).isDirectory()) {
    const entries = (await readdirOrExplain(path)).sort();
    return { path, name, isDirectory: true, head: new Uint8Array(0), entries };
  }
  const { fd } = openRegular(path, listed);
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const bytesRead = (0, import_node_fs.readSync)(fd, buffer, 0, HEAD_BYTES, 0);
    return { path, name, isDirectory: false, head: buffer.subarray(0, bytesRead), entries: [] };
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
}
function specialKind(info) {
  if (info.isFile() || info.isDirectory()) return void 0;
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isSocket()) return "a socket";
  if (info.isSymbolicLink()) return "a symbolic link";
  return "neither a file nor a folder";
}
var LOOP = "too many symbolic links (a loop of links?)";
var DANGLING = "a symbolic link whose target does not exist";
function describeFsError(error) {
  switch (error?.code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return LOOP;
    case "ENOTDIR":
      return "a part of this path is a file where a folder was expected";
    case "ENAMETOOLONG":
      return "the path is too long";
    case "ENXIO":
      return "is a socket or a device, not a file";
    case "EISDIR":
      return "is a folder, expected a file";
    default:
      return void 0;
  }
}
function explainMissing(path) {
  const link = (0, import_node_fs.lstatSync)(path, { throwIfNoEntry: false });
  return link?.isSymbolicLink() === true ? DANGLING : "no such file or folder";
}
function explain(path, error) {
  const code = error?.code;
  const why = code === "ENOENT" ? explainMissing(path) : describeFsError(error);
  if (why === void 0) throw error;
  return new ConfigurationError(`${path}: ${why}`);
}
function refuseSpecial(path, kind) {
  return new ConfigurationError(
    `${path}: is ${kind}; mlci reads regular files and folders only (a device, pipe or socket has no end to read to)`
  );
}
async function statOrExplain(path) {
  let info;
  try {
    info = await (0, import_promises.stat)(path);
  } catch (error) {
    throw explain(path, error);
  }
  const kind = specialKind(info);
  if (kind !== void 0) throw refuseSpecial(path, kind);
  return info;
}
function statOrExplainSync(path) {
  let info;
  try {
    info = (0, import_node_fs.statSync)(path);
  } catch (error) {
    throw explain(path, error);
  }
  const kind = specialKind(info);
  if (kind !== void 0) throw refuseSpecial(path, kind);
  return info;
}
async function readdirOrExplain(path) {
  try {
    return await (0, import_promises.readdir)(path);
  } catch (error) {
    throw explain(path, error);
  }
}
function openRegular(path, listed = false) {
  if (!listed && statOrExplainSync(path).isDirectory()) {
    throw new ConfigurationError(`${path}: is a folder, expected a file`);
  }
  let fd;
  try {
    fd = (0, import_node_fs.openSync)(path, OPEN_FLAGS);
  } catch (error) {
    throw explain(path, error);
  }
  const opened = (0, import_node_fs.fstatSync)(fd);
  if (!opened.isFile()) {
    (0, import_node_fs.closeSync)(fd);
    if (opened.isDirectory()) throw new ConfigurationError(`${path}: is a folder, expected a file`);
    throw refuseSpecial(path, specialKind(opened));
  }
  return { fd, size: opened.size };
}
function readAt(fd, buffer, offset, length, position) {
  return new Promise(
    (resolve, reject) => (0, import_node_fs.read)(
      fd,
      buffer,
      offset,
      length,
      position,
      (error, bytesRead) => error === null ? resolve(bytesRead) : reject(error)
    )
  );
}
async function folderScope(path) {
  try {
    return { path, real: await (0, import_promises.realpath)(path) };
  } catch (error) {
    throw explain(path, error);
  }
}
function isInside(real, scope) {
  return real === scope.real || real.startsWith(scope.real.endsWith(import_node_path.sep) ? scope.real : scope.real + import_node_path.sep);
}
var OUTSIDE = "a symbolic link that leads outside the folder";
async function checkInside(path, scope) {
  let real;
  try {
    real = await (0, import_promises.realpath)(path);
  } catch (error) {
    throw explain(path, error);
  }
  if (!isInside(real, scope)) {
    throw new ConfigurationError(
      `${path}: ${OUTSIDE} ${scope.path}; mlci reads only what is inside the folder it is given (name the file itself to read it)`
    );
  }
}
async function listFolder(dir, scope) {
  let dirents;
  try {
    dirents = await (0, import_promises.readdir)(dir, { withFileTypes: true });
  } catch (error) {
    const code = error?.code;
    if (code === "ENOTDIR") throw new ConfigurationError(`${dir}: expected a folder, found a file`);
    throw explain(dir, error);
  }
  dirents.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const entries = [];
  const refused = [];
  for (const dirent of dirents) {
    const path = (0, import_node_path.join)(dir, dirent.name);
    if (dirent.isFile() || dirent.isDirectory()) {
      entries.push({ name: dirent.name, path, isDirectory: dirent.isDirectory(), isLink: false });
      continue;
    }
    if (!dirent.isSymbolicLink()) {
      refused.push({ name: dirent.name, why: specialKind(dirent) });
      continue;
    }
    let real;
    try {
      real = await (0, import_promises.realpath)(path);
    } catch (error) {
      const code = error?.code;
      const why = code === "ENOENT" ? DANGLING : describeFsError(error);
      if (why === void 0) throw error;
      refused.push({ name: dirent.name, why });
      continue;
    }
    if (!isInside(real, scope)) {
      refused.push({ name: dirent.name, why: OUTSIDE });
      continue;
    }
    const target = await (0, import_promises.stat)(path).catch(() => void 0);
    const kind = target === void 0 ? DANGLING : specialKind(target);
    if (kind !== void 0) refused.push({ name: dirent.name, why: kind });
    else entries.push({ name: dirent.name, path, isDirectory: target.isDirectory(), isLink: true });
  }
  return { entries, refused };
}
async function readTextFile(path, options = {}) {
  const max = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  if (options.within !== void 0) await checkInside(path, options.within);
  const bytes = await readFileBytes(
    path,
    max,
    (what) => new ParseError(
      { file: path },
      `the file ${what}; structured metrics files over ${max} bytes are not read whole (write large logs as CSV, TSV or JSON Lines, which are streamed)`
    )
  );
  return decodeUtf8(bytes, path);
}
async function readFileBytes(path, max, tooBig) {
  const { fd, size } = openRegular(path);
  try {
    if (size > max) throw tooBig(`is ${size} bytes`);
    let buffer = new Uint8Array(Math.min(size, max) + 1);
    let filled = 0;
    for (; ; ) {
      if (filled === buffer.length) {
        if (filled > max) throw tooBig(`holds over ${max} bytes (counted while reading)`);
        const bigger = new Uint8Array(Math.min(max + 1, Math.max(buffer.length * 2, 64 * 1024)));
        bigger.set(buffer);
        buffer = bigger;
      }
      const bytesRead = buffer.length - filled > SYNC_READ_BYTES ? await readAt(fd, buffer, filled, buffer.length - filled, filled) : (0, import_node_fs.readSync)(fd, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > max) throw tooBig(`holds over ${max} bytes (counted while reading)`);
    return buffer.subarray(0, filled);
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
}
async function streamFile(path, onChunk, options = {}) {
  const { fd, size } = openRegular(path, options.listed);
  const most = options.chunkBytes ?? 1e3 * 1e3;
  let pending;
  try {
    const length = Math.max(1, Math.min(most, size + 1));
    if (size < SYNC_READ_BYTES) {
      const buffer = new Uint8Array(length);
      let offset2 = 0;
      for (; ; ) {
        const bytesRead = (0, import_node_fs.readSync)(fd, buffer, 0, length, offset2);
        if (bytesRead === 0) return;
        onChunk(bytesRead === length ? buffer : buffer.subarray(0, bytesRead), offset2);
        offset2 += bytesRead;
      }
    }
    const buffers = [new Uint8Array(length), new Uint8Array(length)];
    let which = 0;
    let offset = 0;
    pending = readAt(fd, buffers[0], 0, length, 0);
    for (; ; ) {
      const bytesRead = await pending;
      pending = void 0;
      if (bytesRead === 0) break;
      const chunk = buffers[which];
      const at = offset;
      offset += bytesRead;
      which ^= 1;
      pending = readAt(fd, buffers[which], 0, length, offset);
      onChunk(bytesRead === length ? chunk : chunk.subarray(0, bytesRead), at);
    }
  } finally {
    if (pending !== void 0) await pending.catch(() => void 0);
    (0, import_node_fs.closeSync)(fd);
  }
}
var decoder = new TextDecoder("utf-8", { fatal: true });
function decodeUtf8(bytes, file) {
  try {
    return decoder.decode(bytes);
  } catch {
    let offset = 0;
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
      "not UTF-8 text (is this a binary file? pass --format to say what it is)"
    );
  }
}
function extensionOf(name) {
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot + 1).toLowerCase();
}
function isParamsFileName(name) {
  return /^h?params\.(ya?ml|json|toml)$/i.test(name);
}

export {
  escapeSegment,
  joinKey,
  childKey,
  splitKey,
  slashPathToKey,
  parseNumber,
  numberToJson,
  numberFromJson,
  DEFAULT_MAX_SERIES_POINTS,
  MAX_DOCUMENT_KEYS,
  DocBuilder,
  sortRecord,
  setOwn,
  MAX_NESTING,
  LONG_LIST,
  flattenInto,
  fileStem,
  require_promises,
  MAX_DOCUMENT_BYTES,
  probePath,
  statOrExplain,
  openRegular,
  readAt,
  folderScope,
  checkInside,
  listFolder,
  readTextFile,
  readFileBytes,
  streamFile,
  decodeUtf8,
  extensionOf,
  isParamsFileName
};
