import type { FormatId, MetricsDoc, ParamValue, SeriesData, SourceInfo } from './model.js';
import { DEFAULT_MAX_SERIES_POINTS, SeriesAccumulator } from './series.js';

export interface BuilderOptions {
  maxSeriesPoints?: number;
}

/** At most this many skipped keys are named in a note; the rest are counted. */
const NAMED_SKIPS = 10;

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
    this.metrics.set(key, value);
  }

  hasMetric(key: string): boolean {
    return this.metrics.has(key);
  }

  point(key: string, step: number, value: number, wallTime?: number): void {
    let acc = this.series.get(key);
    if (acc === undefined) {
      acc = new SeriesAccumulator(this.maxSeriesPoints);
      this.series.set(key, acc);
    }
    acc.add(step, value, wallTime);
  }

  /** The accumulator for a key, for readers that add points in a hot loop. */
  seriesFor(key: string): SeriesAccumulator {
    let acc = this.series.get(key);
    if (acc === undefined) {
      acc = new SeriesAccumulator(this.maxSeriesPoints);
      this.series.set(key, acc);
    }
    return acc;
  }

  param(key: string, value: ParamValue): void {
    this.params.set(key, value);
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
      if (data.stats.count >= 2) series[key] = data;
      if (!this.metrics.has(key)) metrics[key] = data.stats.last.value;
    }
    for (const [key, value] of this.metrics) metrics[key] = value;
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
  for (const key of Object.keys(record).sort(compareKeys)) out[key] = record[key]!;
  return out;
}
