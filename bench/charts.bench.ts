/**
 * Chart building and rendering. (a) A training curve of 1,000,000 points, read through
 * SeriesAccumulator (so kept as the default 2000 display points), against its baseline: the time
 * to build the chart.js configuration and render the 1600x720 PNG, after one warm-up render (fonts,
 * chart.js and the JIT). (b) The metric-change chart of a comparison with 1,000 changed metrics.
 * Each is the median of 15 runs (one garbage collection before them), the machine being shared.
 */
import type { Comparison, MetricComparison } from '../packages/core/src/compare/compare.js';
import { emptyDoc, type MetricsDoc } from '../packages/core/src/model.js';
import { changeChart } from '../packages/core/src/report/charts/change.js';
import { curveCharts } from '../packages/core/src/report/charts/curves.js';
import { renderChart } from '../packages/core/src/report/charts/render.js';
import { SeriesAccumulator } from '../packages/core/src/series.js';
import { emit, peakRssMiB, timed } from './lib.js';

const POINTS = 1_000_000;
const RUNS = 15;
const time = (work: () => Promise<unknown>) => timed(work, RUNS);

function curveDoc(floor: number): MetricsDoc {
  const train = new SeriesAccumulator();
  const val = new SeriesAccumulator();
  let s = 12345;
  for (let step = 0; step < POINTS; step++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const noise = (s / 2 ** 32 - 0.5) * 0.05;
    const loss = floor + 2.5 * Math.exp(-step / 150_000);
    train.add(step, loss * (1 + noise));
    if (step % 1000 === 0) val.add(step, loss * 1.1);
  }
  const doc = emptyDoc();
  doc.series.train_loss = train.finish();
  doc.series.val_loss = val.finish();
  doc.metrics.train_loss = doc.series.train_loss.stats.last.value;
  return doc;
}

const head = curveDoc(0.05);
const base = curveDoc(0.06);
const points = head.series.train_loss!.points.length;
let bytes = 0;
const curveMs = await time(async () => {
  const [spec] = curveCharts([head], [base], { limit: 1 });
  const png = await renderChart(spec!.config, { width: spec!.width, height: spec!.height });
  bytes = png.length;
});
emit({
  name: 'charts-curve',
  detail: `loss chart of a 1,000,000-point series (${points} display points) plus val and baseline: build + render a 1600x720 PNG (${(bytes / 1024).toFixed(0)} KiB), median of ${RUNS}`,
  seconds: curveMs / 1000,
  peakRssMiB: peakRssMiB(),
  target: { metric: 'ms', atMost: 50 },
  value: curveMs,
});

const metrics: MetricComparison[] = Array.from({ length: 1000 }, (_, i) => {
  const baseValue = 0.5 + (i % 7) / 20;
  const delta = Math.sin(i + 1) / 20;
  return {
    key: `eval.per_class.class_${String(i).padStart(4, '0')}.f1`,
    base: baseValue,
    head: baseValue + delta,
    delta,
    deltaPercent: (delta / baseValue) * 100,
    direction: 'higher',
    directionSource: 'name',
    status: delta > 0 ? 'improved' : 'regressed',
  };
});
const comparison: Comparison = {
  schema: 'mlci/comparison',
  version: 1,
  verdict: { kind: 'passed', counts: { pass: 0, warn: 0, fail: 0, neutral: 0, error: 0 }, summary: '' },
  gates: [],
  metrics,
  params: [],
  head: { runs: 1, sources: [] },
  base: { runs: 1, sources: [] },
};
let buildMs = 0;
const changeMs = await time(async () => {
  const started = performance.now();
  const spec = changeChart(comparison)!;
  buildMs = performance.now() - started;
  await renderChart(spec.config, { width: spec.width, height: spec.height });
});
emit({
  name: 'charts-change',
  detail: `metric-change chart of 1,000 changed metrics (top 20 drawn): build ${buildMs.toFixed(1)} ms + render, median of ${RUNS}`,
  seconds: changeMs / 1000,
  peakRssMiB: peakRssMiB(),
});
