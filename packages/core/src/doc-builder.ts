import { ParseError } from './errors.js';
import type { FormatId, MetricsDoc, ParamValue, SeriesData, SourceInfo } from './model.js';
import { DEFAULT_MAX_SERIES_POINTS, SeriesAccumulator } from './series.js';

export interface BuilderOptions {
  maxSeriesPoints?: number;
}

/** At most this many skipped keys are named in a note; the rest are counted. */
const NAMED_SKIPS = 10;

/**
 * Distinct keys (metrics, curves and params together) one file may hold: the same limit as an
 * untrusted document's entries (DOCUMENT_LIMITS.entries). Far above any real metrics file, and it
 * bounds memory where the key count, not the file size, is what grows (a JSON object of 1 M keys,
 * a log where each line adds a key).
 */
export const MAX_DOCUMENT_KEYS = 100_000;

/**
 * What every reader writes into. It owns the rules that must not differ between formats:
 * a curve's last point is the metric unless the file states a summary value; a curve of a single
 * point is a metric, not a chart; nothing read is dropped without a note saying so.
 */
export class DocBuilder {
  private readonly metrics = new Map<string, number>();
  private readonly series = new Map<string, SeriesAccumulator>();
  private readonly params = new Map<string, ParamValue>();
  private readonly notes: string[] = [];
  private readonly warnings: string[] = [];
  private readonly skipped: string[] = [];
  private skippedCount = 0;
  /** New keys added so far, checked against MAX_DOCUMENT_KEYS. */
  private keys = 0;
  private readonly maxSeriesPoints: number;

  constructor(
    readonly file: string,
    readonly format: FormatId,
    options: BuilderOptions = {},
  ) {
    this.maxSeriesPoints = options.maxSeriesPoints ?? DEFAULT_MAX_SERIES_POINTS;
  }

  /** A summary value. It wins over the last point of a curve of the same key. */
  metric(key: string, value: number): void {
    if (!this.metrics.has(key)) this.countKey();
    this.metrics.set(key, value);
  }

  hasMetric(key: string): boolean {
    return this.metrics.has(key);
  }

  point(key: string, step: number, value: number, wallTime?: number): void {
    this.seriesFor(key).add(step, value, wallTime);
  }

  /** The accumulator for a key, for readers that add points in a hot loop. */
  seriesFor(key: string): SeriesAccumulator {
    let acc = this.series.get(key);
    if (acc === undefined) {
      this.countKey();
      acc = new SeriesAccumulator(this.maxSeriesPoints);
      this.series.set(key, acc);
    }
    return acc;
  }

  param(key: string, value: ParamValue): void {
    if (!this.params.has(key)) this.countKey();
    this.params.set(key, value);
  }

  private countKey(): void {
    if (++this.keys > MAX_DOCUMENT_KEYS) {
      throw new ParseError(
        { file: this.file },
        `more than ${MAX_DOCUMENT_KEYS} distinct keys (metrics, curves and params); mlci reads at most ${MAX_DOCUMENT_KEYS} from one file (is this a data file rather than metrics?)`,
      );
    }
  }

  note(message: string): void {
    if (!this.notes.includes(message)) this.notes.push(message);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** A value that is neither a metric nor a param; `why` says what it was. */
  skip(key: string, why: string): void {
    this.skippedCount++;
    if (this.skipped.length < NAMED_SKIPS) this.skipped.push(`${key} (${why})`);
  }

  build(): MetricsDoc {
    const series: Record<string, SeriesData> = {};
    const metrics: Record<string, number> = {};
    for (const [key, acc] of [...this.series].sort(([a], [b]) => compareKeys(a, b))) {
      const data = acc.finish();
      if (data.stats.count >= 2) setOwn(series, key, data);
      if (!this.metrics.has(key)) setOwn(metrics, key, data.stats.last.value);
    }
    for (const [key, value] of this.metrics) setOwn(metrics, key, value);
    const source: SourceInfo = {
      file: this.file,
      format: this.format,
      notes: [...this.notes],
      warnings: [...this.warnings],
    };
    if (this.skippedCount > 0) {
      const more = this.skippedCount - this.skipped.length;
      source.notes.push(
        `skipped ${this.skippedCount} value${this.skippedCount === 1 ? '' : 's'} that ${this.skippedCount === 1 ? 'is' : 'are'} neither a number nor a parameter: ` +
          this.skipped.join(', ') +
          (more > 0 ? ` and ${more} more` : ''),
      );
    }
    return {
      metrics: sortRecord(metrics),
      series,
      params: sortRecord(Object.fromEntries(this.params)),
      sources: [source],
    };
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortRecord<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort(compareKeys)) setOwn(out, key, record[key]!);
  return out;
}

/**
 * `record[key] = value`, except that a key named `__proto__` (a TOML or JSON file may hold one)
 * becomes an own entry instead of silently replacing the record's prototype.
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}
