import { emptyDoc, type MetricsDoc } from '../../../../packages/core/src/model.js';
import { SeriesAccumulator } from '../../../../packages/core/src/series.js';

/** A document whose series are given as [step, value] pairs or as a function of the step. */
export function docWith(
  series: Record<string, Array<[number, number]> | { steps: number; f: (step: number) => number }>,
  metrics: Record<string, number> = {},
): MetricsDoc {
  const doc = emptyDoc();
  for (const [key, spec] of Object.entries(series)) {
    const acc = new SeriesAccumulator();
    if (Array.isArray(spec)) for (const [s, v] of spec) acc.add(s, v);
    else for (let s = 0; s < spec.steps; s++) acc.add(s, spec.f(s));
    const data = acc.finish();
    doc.series[key] = data;
    doc.metrics[key] = data.stats.last.value;
  }
  Object.assign(doc.metrics, metrics);
  return doc;
}

/** A smooth, deterministic loss curve from `start` decaying towards `floor`. */
export function lossCurve(
  steps: number,
  start: number,
  floor: number,
  rate = 0.01,
): { steps: number; f: (s: number) => number } {
  return {
    steps,
    f: (s) => floor + (start - floor) * Math.exp(-rate * s) + 0.002 * Math.sin(s / 3) * Math.exp(-rate * s),
  };
}
