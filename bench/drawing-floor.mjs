// The drawing floor of a report with two charts, run by actions.bench.ts as a process of its own:
// only what any report with charts must do, with dist/'s renderer (chart.js on the canvas
// library, the fonts, PNG encoding) and nothing else (no reading, no Markdown, no GitHub). A
// 50-bar chart at the change chart's size (800x536) and a two-line, 50-point chart at a curve
// chart's (800x360), both at the reports' pixel ratio of 2. argv[2]: the dist/ folder.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const chunks = join(process.argv[2], 'chunks');
const render = readdirSync(chunks).find((f) => /^render-.*\.js$/.test(f));
if (render === undefined) throw new Error(`no render chunk in ${chunks}`);
const { renderChart } = await import(pathToFileURL(join(chunks, render)).href);
const labels = Array.from({ length: 50 }, (_, i) => `eval.class_${i}.f1`);
await renderChart(
  {
    type: 'bar',
    data: { labels, datasets: [{ label: 'change', data: labels.map((_, i) => Math.sin(i) / 100) }] },
    options: { indexAxis: 'y', plugins: { title: { display: true, text: 'Change against the baseline' } } },
  },
  { width: 800, height: 536 },
);
const steps = Array.from({ length: 50 }, (_, i) => i);
await renderChart(
  {
    type: 'line',
    data: {
      datasets: [
        { label: 'pull request', data: steps.map((x) => ({ x, y: 1 / (x + 1) })) },
        { label: 'baseline', data: steps.map((x) => ({ x, y: 1.1 / (x + 1) })), borderDash: [6, 4] },
      ],
    },
    options: { scales: { x: { type: 'linear' } }, plugins: { title: { display: true, text: 'loss' } } },
  },
  { width: 800, height: 360 },
);
