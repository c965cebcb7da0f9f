/**
 * The whole report of a pull request with 1,000 metrics (per-class scores, say): the comparison
 * with five gates (one a glob over all 1,000), then buildReport (the chart plan, rendering the
 * metric-change chart and two training-curve charts, and the Markdown, trimmed to GitHub's
 * limit); and, measured apart, the index.html preview of it. Median of 15 runs after one warm-up.
 */
import { runComparison } from '../packages/core/src/compare/pipeline.js';
import { emptyConfig } from '../packages/core/src/config/config.js';
import { parseGate } from '../packages/core/src/gates/parse.js';
import { emptyDoc, type MetricsDoc } from '../packages/core/src/model.js';
import { buildReport } from '../packages/core/src/report/build.js';
import { renderHtmlPreview } from '../packages/core/src/report/html.js';
import { renderMarkdown } from '../packages/core/src/report/markdown.js';
import type { ReportInput } from '../packages/core/src/report/model.js';
import { SeriesAccumulator } from '../packages/core/src/series.js';
import { createRandom } from '../packages/core/src/stats/random.js';
import { emit, peakRssMiB, timed } from './lib.js';

const METRICS = 1000;
const RUNS = 15;
const time = (work: () => Promise<unknown>) => timed(work, RUNS);

function run(seed: number, shift: number): MetricsDoc {
  const random = createRandom(seed);
  const doc = emptyDoc();
  for (let i = 0; i < METRICS; i++) {
    doc.metrics[`eval.class_${String(i).padStart(4, '0')}.f1`] =
      0.6 + (i % 30) / 100 + (random.next() - 0.5) * shift;
  }
  doc.metrics.accuracy = 0.9 + shift / 10;
  for (const name of ['train_loss', 'val_loss']) {
    const acc = new SeriesAccumulator();
    for (let step = 0; step < 5000; step++)
      acc.add(step, 2 * Math.exp(-step / 800) + 0.1 + (random.next() - 0.5) * 0.02);
    doc.series[name] = acc.finish();
    doc.metrics[name] = doc.series[name].stats.last.value;
  }
  return doc;
}

const head = run(1, 0.04);
const base = run(2, 0.02);
const gates = [
  'accuracy >= 0.9',
  'accuracy drop <= 0.005',
  'val_loss rise <= 2%',
  'eval.*.f1 drop <= 0.05',
  'train_loss finite',
].map((text, i) => parseGate(text, `bench #${i + 1}`));

let charts = 0;
let length = 0;
let markdown = '';
let input: ReportInput | undefined;
const compare = () =>
  runComparison({ head: { runs: [head] }, base: { runs: [base] }, config: emptyConfig(), extraGates: gates });
const reportMs = await time(async () => {
  const report = await buildReport({ comparison: compare(), head: [head], base: [base], maxCurves: 2 });
  charts = report.charts.length;
  length = report.markdown.length;
  markdown = report.markdown;
  input = report.input;
});
// The parts, for whoever has to make it faster.
const compareMs = await time(async () => compare());
const markdownMs = await time(async () => renderMarkdown(input!));
emit({
  name: 'report-1000-metrics',
  detail: `1,000 metrics, 5 gates (1,004 gate results): compare + ${charts} charts rendered + Markdown trimmed to ${length} chars (of which compare ${compareMs.toFixed(1)} ms, Markdown ${markdownMs.toFixed(1)} ms), median of ${RUNS}`,
  seconds: reportMs / 1000,
  peakRssMiB: peakRssMiB(),
  target: { metric: 'ms', atMost: 200 },
  value: reportMs,
});

const htmlMs = await time(async () => renderHtmlPreview(markdown, { title: 'bench' }));
emit({
  name: 'report-preview-html',
  detail: `index.html of that ${length}-char report (GFM parse, sanitize, stringify), median of ${RUNS}`,
  seconds: htmlMs / 1000,
  peakRssMiB: peakRssMiB(),
});
