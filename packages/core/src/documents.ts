/**
 * mlci's own documents read back from disk: the state folder the actions hand to each other, the
 * history branch, and a report saved by a pull request from a fork. The last two may come from
 * anyone who can open a pull request, so nothing is trusted: every field is checked for its type,
 * numbers written as "NaN"/"Infinity" are restored, strings and lists are capped, and unknown
 * fields are dropped. A document that does not fit is refused with the path of the first bad field.
 */
import { METRIC_STATUSES, verdictOf, type Comparison } from './compare/compare.js';
import { ConfigurationError } from './errors.js';
import { parseGate } from './gates/parse.js';
import { UNTESTABLE_CHOICES, type GateResult } from './gates/types.js';
import { CORRECTIONS } from './stats/family.js';
import type { ExampleResults, MetricsDoc, SeriesData, SeriesPoint } from './model.js';
import { numberFromJson } from './numbers.js';

/** Limits for untrusted documents: generous for real reports, small enough to render quickly. */
export const DOCUMENT_LIMITS = {
  text: 10_000,
  key: 1_000,
  entries: 100_000,
  points: 100_000,
  runs: 100,
  /** Raw measurements per sampled metric, and examples per evaluation task. */
  samples: 1_000_000,
  tasks: 10_000,
} as const;

type Check<T> = (value: unknown, path: string) => T;

function fail(path: string, expected: string, value: unknown): never {
  const found =
    value === undefined
      ? 'nothing'
      : value === null
        ? 'null'
        : Array.isArray(value)
          ? 'a list'
          : typeof value === 'string'
            ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)
            : typeof value === 'object'
              ? 'an object'
              : String(value);
  throw new ConfigurationError(`${path}: expected ${expected}, found ${found}`);
}

const number: Check<number> = (value, path) => {
  const n = numberFromJson(value);
  return n === undefined ? fail(path, 'a number (or "NaN", "Infinity", "-Infinity")', value) : n;
};

const finite: Check<number> = (value, path) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fail(path, 'a finite number', value);

function text(max: number = DOCUMENT_LIMITS.text): Check<string> {
  return (value, path) =>
    typeof value === 'string' && value.length <= max
      ? value
      : fail(path, `text of at most ${max} characters`, value);
}

function oneOf<T extends string>(choices: readonly T[]): Check<T> {
  return (value, path) =>
    typeof value === 'string' && (choices as readonly string[]).includes(value)
      ? (value as T)
      : fail(path, `one of ${choices.join(', ')}`, value);
}

function list<T>(item: Check<T>, max: number): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'a list', value);
    if (value.length > max) return fail(path, `at most ${max} items`, `${value.length} items`);
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };
}

function record<T>(item: Check<T>, max: number = DOCUMENT_LIMITS.entries): Check<Record<string, T>> {
  return (value, path) => {
    const entries = objectEntries(value, path);
    if (entries.length > max) return fail(path, `at most ${max} entries`, `${entries.length} entries`);
    const out: Record<string, T> = {};
    for (const [key, v] of entries) {
      if (key.length > DOCUMENT_LIMITS.key)
        fail(`${path}`, `keys of at most ${DOCUMENT_LIMITS.key} characters`, key);
      out[key] = item(v, `${path}[${JSON.stringify(key)}]`);
    }
    return out;
  };
}

function objectEntries(value: unknown, path: string): Array<[string, unknown]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fail(path, 'an object', value);
  return Object.entries(value as Record<string, unknown>);
}

function field(value: unknown, path: string, name: string): unknown {
  objectEntries(value, path);
  return Object.hasOwn(value as object, name) ? (value as Record<string, unknown>)[name] : undefined;
}

/** Sets `out[name]` when the field is present (exactOptionalPropertyTypes-friendly). */
function optional<T>(value: unknown, path: string, name: string, check: Check<T>): T | undefined {
  const v = field(value, path, name);
  return v === undefined || v === null ? undefined : check(v, `${path}.${name}`);
}

function required<T>(value: unknown, path: string, name: string, check: Check<T>): T {
  return check(field(value, path, name), `${path}.${name}`);
}

const point: Check<SeriesPoint> = (value, path) => {
  const p: SeriesPoint = {
    step: required(value, path, 'step', number),
    value: required(value, path, 'value', number),
  };
  const wallTime = optional(value, path, 'wallTime', number);
  if (wallTime !== undefined) p.wallTime = wallTime;
  return p;
};

const series: Check<SeriesData> = (value, path) => {
  const stats = required(value, path, 'stats', (v) => v);
  const statsPath = `${path}.stats`;
  const data: SeriesData = {
    points: required(value, path, 'points', list(point, DOCUMENT_LIMITS.points)),
    stats: {
      count: required(stats, statsPath, 'count', finite),
      nonFinite: required(stats, statsPath, 'nonFinite', finite),
      first: required(stats, statsPath, 'first', point),
      last: required(stats, statsPath, 'last', point),
    },
  };
  for (const name of ['min', 'max', 'mean', 'minStep', 'maxStep'] as const) {
    const v = optional(stats, statsPath, name, number);
    if (v !== undefined) data.stats[name] = v;
  }
  const downsampledFrom = optional(value, path, 'downsampledFrom', finite);
  if (downsampledFrom !== undefined) data.downsampledFrom = downsampledFrom;
  return data;
};

const paramValue: Check<string | number | boolean | null> = (value, path) => {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') return text()(value, path);
  if (typeof value === 'number') return value;
  return fail(path, 'a string, number, true, false or null', value);
};

const source: Check<MetricsDoc['sources'][number]> = (value, path) => ({
  file: required(value, path, 'file', text()),
  format: required(value, path, 'format', text(40)) as MetricsDoc['sources'][number]['format'],
  notes: optional(value, path, 'notes', list(text(), 1000)) ?? [],
  warnings: optional(value, path, 'warnings', list(text(), 1000)) ?? [],
});

const exampleResults: Check<ExampleResults> = (value, path) => {
  const ids = required(value, path, 'ids', list(text(DOCUMENT_LIMITS.key), DOCUMENT_LIMITS.samples));
  const scores = required(value, path, 'scores', record(list(number, DOCUMENT_LIMITS.samples), 1000));
  for (const [measure, values] of Object.entries(scores)) {
    if (values.length !== ids.length)
      fail(`${path}.scores.${measure}`, `one number per example (${ids.length})`, `${values.length} numbers`);
  }
  return {
    task: required(value, path, 'task', text(DOCUMENT_LIMITS.key)),
    file: required(value, path, 'file', text()),
    ids,
    scores,
  };
};

/** A MetricsDoc written with stringifyDocument (NaN and infinities as strings), checked and restored. */
export function decodeMetricsDoc(value: unknown, path = 'document'): MetricsDoc {
  const doc: MetricsDoc = {
    metrics: required(value, path, 'metrics', record(number)),
    series: optional(value, path, 'series', record(series, 10_000)) ?? {},
    params: optional(value, path, 'params', record(paramValue)) ?? {},
    sources: optional(value, path, 'sources', list(source, 1000)) ?? [],
  };
  const samples = optional(value, path, 'samples', record(list(number, DOCUMENT_LIMITS.samples), 10_000));
  if (samples !== undefined) doc.samples = samples;
  const examples = optional(value, path, 'examples', list(exampleResults, DOCUMENT_LIMITS.tasks));
  if (examples !== undefined) doc.examples = examples;
  return doc;
}

const GATE_STATUSES = ['pass', 'warn', 'fail', 'neutral', 'error'] as const;

const DIRECTIONS = ['higher', 'lower'] as const;

const interval: Check<[number, number]> = (value, path) => {
  const pair = list(number, 2)(value, path);
  return pair.length === 2 ? [pair[0]!, pair[1]!] : fail(path, 'two numbers', value);
};

/**
 * A gate result. The rule is not taken from the document: it is parsed again from the gate's text,
 * so a document cannot describe a rule mlci would not have written.
 */
const gateResult: Check<GateResult> = (value, path) => {
  const gatePath = `${path}.gate`;
  const gateValue = required(value, path, 'gate', (v) => v);
  const gateText = required(gateValue, gatePath, 'text', text(2000));
  const level = required(gateValue, gatePath, 'level', oneOf(['fail', 'warn'] as const));
  let gate;
  try {
    gate = parseGate(gateText, required(gateValue, gatePath, 'origin', text(200)));
  } catch (error) {
    throw new ConfigurationError(`${gatePath}.text: not a gate mlci writes (${(error as Error).message})`);
  }
  gate.level = level;
  const result: GateResult = {
    gate,
    status: required(value, path, 'status', oneOf(GATE_STATUSES)),
    reason: required(value, path, 'reason', text()),
  };
  const metric = optional(value, path, 'metric', text(DOCUMENT_LIMITS.key));
  if (metric !== undefined) result.metric = metric;
  for (const name of ['base', 'head', 'observed'] as const) {
    const v = optional(value, path, name, number);
    if (v !== undefined) result[name] = v;
  }
  const direction = optional(value, path, 'direction', oneOf(DIRECTIONS));
  if (direction !== undefined) result.direction = direction;
  const stats = field(value, path, 'statistics');
  if (stats !== undefined && stats !== null) {
    const sp = `${path}.statistics`;
    const statistics: NonNullable<GateResult['statistics']> = {
      method: required(stats, sp, 'method', text(100)),
    };
    for (const name of ['p', 'pAdjusted', 'alpha', 'level', 'nBase', 'nHead', 'minEffect'] as const) {
      const v = optional(stats, sp, name, number);
      if (v !== undefined) statistics[name] = v;
    }
    const ci = optional(stats, sp, 'ci', interval);
    if (ci !== undefined) statistics.ci = ci;
    const family = field(stats, sp, 'family');
    if (family !== undefined && family !== null) {
      statistics.family = {
        size: required(family, `${sp}.family`, 'size', finite),
        correction: required(family, `${sp}.family`, 'correction', oneOf(CORRECTIONS)),
      };
    }
    const history = field(stats, sp, 'history');
    if (history !== undefined && history !== null) {
      statistics.history = {
        records: required(history, `${sp}.history`, 'records', finite),
        df: required(history, `${sp}.history`, 'df', finite),
        sd: required(history, `${sp}.history`, 'sd', finite),
      };
    }
    const untestable = optional(stats, sp, 'untestable', oneOf(UNTESTABLE_CHOICES));
    if (untestable !== undefined) statistics.untestable = untestable;
    result.statistics = statistics;
  }
  return result;
};

const summary: Check<{ n: number; mean: number; sd?: number; ci?: [number, number]; values: number[] }> = (
  value,
  path,
) => {
  const out: { n: number; mean: number; sd?: number; ci?: [number, number]; values: number[] } = {
    n: required(value, path, 'n', finite),
    mean: required(value, path, 'mean', number),
    values: required(value, path, 'values', list(number, DOCUMENT_LIMITS.runs)),
  };
  const sd = optional(value, path, 'sd', number);
  if (sd !== undefined) out.sd = sd;
  const ci = optional(value, path, 'ci', interval);
  if (ci !== undefined) out.ci = ci;
  return out;
};

const metricComparison: Check<Comparison['metrics'][number]> = (value, path) => {
  const m: Comparison['metrics'][number] = {
    key: required(value, path, 'key', text(DOCUMENT_LIMITS.key)),
    directionSource: required(value, path, 'directionSource', oneOf(['config', 'name', 'unknown'] as const)),
    status: required(value, path, 'status', oneOf(METRIC_STATUSES)),
  };
  for (const name of ['base', 'head', 'delta', 'deltaPercent'] as const) {
    const v = optional(value, path, name, number);
    if (v !== undefined) m[name] = v;
  }
  const direction = optional(value, path, 'direction', oneOf(DIRECTIONS));
  if (direction !== undefined) m.direction = direction;
  const repeats = field(value, path, 'repeats');
  if (repeats !== undefined && repeats !== null) {
    const rp = `${path}.repeats`;
    m.repeats = {};
    const base = optional(repeats, rp, 'base', summary);
    if (base !== undefined) m.repeats.base = base;
    const head = optional(repeats, rp, 'head', summary);
    if (head !== undefined) m.repeats.head = head;
  }
  const noise = field(value, path, 'noise');
  if (noise !== undefined && noise !== null) {
    const np = `${path}.noise`;
    m.noise = {
      ci: required(noise, np, 'ci', interval),
      level: required(noise, np, 'level', finite),
      method: required(noise, np, 'method', oneOf(['welch', 'history'] as const)),
    };
    const history = field(noise, np, 'history');
    if (history !== undefined && history !== null) {
      m.noise.history = {
        records: required(history, `${np}.history`, 'records', finite),
        sd: required(history, `${np}.history`, 'sd', finite),
      };
    }
  }
  return m;
};

const paramChange: Check<Comparison['params'][number]> = (value, path) => {
  const p: Comparison['params'][number] = {
    key: required(value, path, 'key', text(DOCUMENT_LIMITS.key)),
    status: required(value, path, 'status', oneOf(['changed', 'added', 'removed'] as const)),
  };
  if (field(value, path, 'base') !== undefined) p.base = required(value, path, 'base', paramValue);
  if (field(value, path, 'head') !== undefined) p.head = required(value, path, 'head', paramValue);
  return p;
};

const side: Check<Comparison['head']> = (value, path) => {
  const s: Comparison['head'] = {
    runs: required(value, path, 'runs', finite),
    sources: required(value, path, 'sources', list(source, 1000)),
  };
  const label = optional(value, path, 'label', text(500));
  if (label !== undefined) s.label = label;
  return s;
};

/** A comparison document (`mlci compare --json`, report.json's `comparison`), checked field by field. */
export function decodeComparison(
  value: unknown,
  path = 'comparison',
  options: {
    /**
     * False for a document from an untrusted run (a fork's saved report): a maintainer's acceptance
     * recorded there is dropped, since whoever wrote the document could have written any name.
     */
    trustAcceptance?: boolean;
  } = {},
): Comparison {
  required(value, path, 'schema', oneOf(['mlci/comparison'] as const));
  const version = required(value, path, 'version', finite);
  if (version !== 1) fail(`${path}.version`, '1 (this mlci reads version 1)', version);
  const verdictPath = `${path}.verdict`;
  const verdict = required(value, path, 'verdict', (v) => v);
  const counts = required(verdict, verdictPath, 'counts', (v) => v);
  const comparison: Comparison = {
    schema: 'mlci/comparison',
    version: 1,
    verdict: {
      kind: required(
        verdict,
        verdictPath,
        'kind',
        oneOf(['passed', 'failed', 'passed-with-warnings', 'no-baseline'] as const),
      ),
      counts: {
        pass: required(counts, `${verdictPath}.counts`, 'pass', finite),
        warn: required(counts, `${verdictPath}.counts`, 'warn', finite),
        fail: required(counts, `${verdictPath}.counts`, 'fail', finite),
        neutral: required(counts, `${verdictPath}.counts`, 'neutral', finite),
        error: required(counts, `${verdictPath}.counts`, 'error', finite),
      },
      summary: required(verdict, verdictPath, 'summary', text()),
    },
    gates: required(value, path, 'gates', list(gateResult, DOCUMENT_LIMITS.entries)),
    metrics: required(value, path, 'metrics', list(metricComparison, DOCUMENT_LIMITS.entries)),
    params: required(value, path, 'params', list(paramChange, DOCUMENT_LIMITS.entries)),
    head: required(value, path, 'head', side),
  };
  const base = optional(value, path, 'base', side);
  if (base !== undefined) comparison.base = base;
  const history = field(value, path, 'history');
  if (history !== undefined && history !== null) {
    comparison.history = {
      records: required(history, `${path}.history`, 'records', finite),
      label: required(history, `${path}.history`, 'label', text(500)),
    };
  }
  const problem = field(value, path, 'baselineProblem');
  if (problem !== undefined && problem !== null && base === undefined) {
    comparison.baselineProblem = {
      kind: required(problem, `${path}.baselineProblem`, 'kind', oneOf(['unavailable', 'missing'] as const)),
      detail: required(problem, `${path}.baselineProblem`, 'detail', text(2000)),
    };
  }
  const changes = field(value, path, 'configChanges');
  if (changes !== undefined && changes !== null) {
    const cp = `${path}.configChanges`;
    comparison.configChanges = {
      from: required(changes, cp, 'from', text(500)),
      gatesAdded: required(changes, cp, 'gatesAdded', list(text(2000), DOCUMENT_LIMITS.entries)),
      gatesRemoved: required(changes, cp, 'gatesRemoved', list(text(2000), DOCUMENT_LIMITS.entries)),
      settings: required(changes, cp, 'settings', list(text(2000), DOCUMENT_LIMITS.entries)),
    };
  }
  const acceptance = field(value, path, 'acceptance');
  if (acceptance !== undefined && acceptance !== null && options.trustAcceptance !== false) {
    const ap = `${path}.acceptance`;
    comparison.acceptance = {
      by: required(acceptance, ap, 'by', text(100)),
      label: required(acceptance, ap, 'label', text(100)),
      head: required(acceptance, ap, 'head', text(64)),
    };
  }
  // The verdict follows from the gates: a document cannot claim "passed" over a failed gate.
  const checkedOwnNumbers =
    base === undefined &&
    comparison.verdict.kind !== 'no-baseline' &&
    comparison.baselineProblem === undefined;
  comparison.verdict = verdictOf(
    comparison.gates,
    base !== undefined || checkedOwnNumbers,
    comparison.baselineProblem,
    comparison.acceptance,
  );
  return comparison;
}
