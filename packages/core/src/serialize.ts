import { setOwn } from './doc-builder.js';
import type { MetricsDoc } from './model.js';
import { numberToJson } from './numbers.js';

/**
 * The stable JSON form of a document (`mlci read --json`):
 * `{ metrics, series: { key: [[step, value], ...] }, params, sources }`, with NaN and ±Infinity
 * written as the strings "NaN", "Infinity" and "-Infinity" because JSON has no such numbers.
 */
export interface MetricsDocJson {
  metrics: Record<string, number | string>;
  series: Record<string, Array<[number, number | string]>>;
  params: Record<string, string | number | boolean | null>;
  sources: Array<{ file: string; format: string; notes: string[]; warnings: string[] }>;
  /** Only when the document has them: raw measurements behind a metric. */
  samples?: Record<string, Array<number | string>>;
  /** Only when the document has them: per-example results by task. */
  examples?: Array<{
    task: string;
    file: string;
    ids: string[];
    scores: Record<string, Array<number | string>>;
  }>;
}

export function toJsonDoc(doc: MetricsDoc): MetricsDocJson {
  const metrics: MetricsDocJson['metrics'] = {};
  for (const [key, value] of Object.entries(doc.metrics)) setOwn(metrics, key, numberToJson(value));
  const series: MetricsDocJson['series'] = {};
  for (const [key, data] of Object.entries(doc.series)) {
    setOwn(
      series,
      key,
      data.points.map((p): [number, number | string] => [p.step, numberToJson(p.value)]),
    );
  }
  const params: MetricsDocJson['params'] = {};
  for (const [key, value] of Object.entries(doc.params)) {
    setOwn(params, key, typeof value === 'number' && !Number.isFinite(value) ? numberToJson(value) : value);
  }
  const json: MetricsDocJson = {
    metrics,
    series,
    params,
    sources: doc.sources.map((s) => ({
      file: s.file,
      format: s.format,
      notes: s.notes,
      warnings: s.warnings,
    })),
  };
  if (doc.samples !== undefined) {
    const samples: NonNullable<MetricsDocJson['samples']> = {};
    for (const [key, values] of Object.entries(doc.samples)) setOwn(samples, key, values.map(numberToJson));
    json.samples = samples;
  }
  if (doc.examples !== undefined) {
    json.examples = doc.examples.map((set) => {
      const scores: Record<string, Array<number | string>> = {};
      for (const [measure, values] of Object.entries(set.scores))
        setOwn(scores, measure, values.map(numberToJson));
      return { task: set.task, file: set.file, ids: set.ids, scores };
    });
  }
  return json;
}
