import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  ConfigurationError,
  ParseError
} from "./chunk-T2HWWXHH.js";
import {
  require_node_path
} from "./chunk-DPFCA6DW.js";
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
    this.steps = new Float64Array(Math.min(this.capacity, 64));
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
  maxSeriesPoints;
  /** A summary value. It wins over the last point of a curve of the same key. */
  metric(key, value) {
    this.metrics.set(key, value);
  }
  hasMetric(key) {
    return this.metrics.has(key);
  }
  point(key, step, value, wallTime) {
    let acc = this.series.get(key);
    if (acc === void 0) {
      acc = new SeriesAccumulator(this.maxSeriesPoints);
      this.series.set(key, acc);
    }
    acc.add(step, value, wallTime);
  }
  /** The accumulator for a key, for readers that add points in a hot loop. */
  seriesFor(key) {
    let acc = this.series.get(key);
    if (acc === void 0) {
      acc = new SeriesAccumulator(this.maxSeriesPoints);
      this.series.set(key, acc);
    }
    return acc;
  }
  param(key, value) {
    this.params.set(key, value);
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
      if (data.stats.count >= 2) series[key] = data;
      if (!this.metrics.has(key)) metrics[key] = data.stats.last.value;
    }
    for (const [key, value] of this.metrics) metrics[key] = value;
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
  for (const key of Object.keys(record).sort(compareKeys)) out[key] = record[key];
  return out;
}

// packages/core/src/readers/files.ts
var import_promises = __toESM(require_promises(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
var HEAD_BYTES = 8192;
async function probePath(path) {
  const info = await statOrExplain(path);
  const name = (0, import_node_path.basename)(path);
  if (info.isDirectory()) {
    const entries = (await (0, import_promises.readdir)(path)).sort();
    return { path, name, isDirectory: true, head: new Uint8Array(0), entries };
  }
  const handle = await (0, import_promises.open)(path, "r");
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return { path, name, isDirectory: false, head: buffer.subarray(0, bytesRead), entries: [] };
  } finally {
    await handle.close();
  }
}
async function statOrExplain(path) {
  try {
    return await (0, import_promises.stat)(path);
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") throw new ConfigurationError(`${path}: no such file or folder`);
    if (code === "EACCES") throw new ConfigurationError(`${path}: permission denied`);
    throw error;
  }
}
async function readTextFile(path) {
  const info = await statOrExplain(path);
  if (info.isDirectory()) throw new ConfigurationError(`${path}: is a folder, expected a file`);
  if (info.size > MAX_DOCUMENT_BYTES) {
    throw new ParseError(
      { file: path },
      `the file is ${info.size} bytes; structured metrics files over ${MAX_DOCUMENT_BYTES} bytes are not read whole (write large logs as CSV, TSV or JSON Lines, which are streamed)`
    );
  }
  const bytes = await (0, import_promises.readFile)(path);
  return decodeUtf8(bytes, path);
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
  DEFAULT_MAX_SERIES_POINTS,
  DocBuilder,
  sortRecord,
  require_promises,
  probePath,
  statOrExplain,
  readTextFile,
  extensionOf,
  isParamsFileName
};
