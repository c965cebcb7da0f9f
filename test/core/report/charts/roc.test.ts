import { curvesFromPredictions } from '../../../../packages/core/src/plots/from-predictions.js';
import { readPlotFile } from '../../../../packages/core/src/plots/read.js';
import type { PrCurve, RocCurve } from '../../../../packages/core/src/plots/model.js';
import type { PredictionSet } from '../../../../packages/core/src/readers/predictions.js';
import { renderChart } from '../../../../packages/core/src/report/charts/render.js';
import {
  CHANCE_COLOR,
  precisionRecallChart,
  rocChart,
  thinPoints,
} from '../../../../packages/core/src/report/charts/roc.js';
import {
  CHART_PIXEL_RATIO,
  OKABE_ITO,
  type ChartSpec,
} from '../../../../packages/core/src/report/charts/theme.js';
import { countColor, decodePng, pixelAt } from '../../../support/png.js';

/** A deterministic binary task of `n` examples whose scores separate the classes by `shift`. */
function predictions(n: number, shift: number, seed: number): PredictionSet {
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const labels: string[] = [];
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    const positive = random() < 0.3;
    labels.push(positive ? '1' : '0');
    scores.push(Math.round((random() + (positive ? shift : 0)) * 100) / 100);
  }
  return {
    file: 'preds.csv',
    ids: labels.map((_, i) => String(i + 1)),
    hasIds: false,
    labels,
    scores: new Map([['score', scores]]),
  };
}

const HEAD = curvesFromPredictions(predictions(400, 0.6, 7));
const BASE = curvesFromPredictions(predictions(400, 0.3, 11));

function render(spec: ChartSpec): Promise<Buffer> {
  return renderChart(spec.config, { width: spec.width, height: spec.height, pixelRatio: CHART_PIXEL_RATIO });
}

/** Inside the axes, below the legend, in PNG pixels. */
const PLOT = { x0: 200, y0: 200, x1: 1560, y1: 740 };

describe('the ROC chart', () => {
  it('states both AUCs and the change in the legend and the alt text', async () => {
    const head = (await readPlotFile('test/fixtures/generated/plots/dvclive-roc.json')) as RocCurve;
    const base: RocCurve = { ...head, fpr: [0, 1], tpr: [0, 1], auc: 0.5 };
    const spec = rocChart(head, base);
    expect(spec.file).toBe('roc.png');
    expect(spec.title).toBe('ROC curve');
    expect(spec.alt).toBe(
      "ROC curve: true positive rate against false positive rate. The pull request's area under the curve (AUC) is 0.750, the baseline's 0.500 (+0.250). The dotted diagonal is chance (AUC 0.5).",
    );
    const labels = spec.config.data.datasets.map((d) => d.label);
    expect(labels).toEqual(['pull request (AUC 0.750)', 'baseline (AUC 0.500)', 'chance (AUC 0.5)']);
  });

  it('renders the curves in the theme blue and the grey chance line, on white, at 2x', async () => {
    const spec = rocChart(HEAD.roc, BASE.roc);
    const png = decodePng(await render(spec));
    expect([png.width, png.height]).toEqual([1600, 880]);
    expect(png.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(pixelAt(png, 0, 0)).toEqual([255, 255, 255, 255]);
    expect(countColor(png, OKABE_ITO.blue, PLOT)).toBeGreaterThan(2000);
    expect(countColor(png, CHANCE_COLOR, PLOT)).toBeGreaterThan(200);
    // The baseline's dashed line adds blue: without it there is clearly less.
    const alone = decodePng(await render(rocChart(HEAD.roc)));
    expect(countColor(alone, OKABE_ITO.blue, PLOT)).toBeLessThan(countColor(png, OKABE_ITO.blue, PLOT) - 500);
  });

  it('renders the same bytes twice', async () => {
    const a = await render(rocChart(HEAD.roc, BASE.roc));
    const b = await render(rocChart(HEAD.roc, BASE.roc));
    expect(a.equals(b)).toBe(true);
  });

  it('names the file of a named curve and keeps names unique', () => {
    const taken = new Set<string>();
    expect(rocChart(HEAD.roc, undefined, { takenFiles: taken }).file).toBe('roc.png');
    expect(rocChart(HEAD.roc, undefined, { takenFiles: taken }).file).toBe('roc-2.png');
    expect(rocChart(HEAD.roc, undefined, { takenFiles: taken, name: 'test' }).file).toBe('roc-test.png');
  });
});

describe('the precision-recall chart', () => {
  it('states average precision and the chance level in words', () => {
    const spec = precisionRecallChart(HEAD.pr, BASE.pr);
    expect(spec.file).toBe('precision-recall.png');
    expect(spec.alt).toMatch(
      /^Precision-recall curve: precision against recall\. The pull request's average precision \(AP\) is 0\.\d{3}, the baseline's 0\.\d{3} \(\+0\.\d{3}\)\. The dotted line is chance: precision 0\.\d{3}, the share of positive examples\.$/,
    );
    expect(spec.config.data.datasets.map((d) => d.label)).toEqual([
      `pull request (AP ${HEAD.pr.ap.toFixed(3)})`,
      `baseline (AP ${BASE.pr.ap.toFixed(3)})`,
      `chance (precision ${HEAD.pr.prevalence!.toFixed(3)})`,
    ]);
    // Drawn as steps, the shape the average precision measures.
    expect((spec.config.data.datasets[0] as { stepped?: unknown }).stepped).toBe('before');
  });

  it('has no chance line when the share of positives is unknown (a curve read from a file)', async () => {
    const pr = (await readPlotFile('test/fixtures/generated/plots/dvclive-precision_recall.json')) as PrCurve;
    const spec = precisionRecallChart(pr);
    expect(spec.config.data.datasets).toHaveLength(1);
    expect(spec.alt).toBe(
      "Precision-recall curve: precision against recall. The pull request's average precision (AP) is 0.833.",
    );
  });

  it('renders in the theme blue, deterministically', async () => {
    const spec = precisionRecallChart(HEAD.pr, BASE.pr);
    const bytes = await render(spec);
    const png = decodePng(bytes);
    expect([png.width, png.height]).toEqual([1600, 880]);
    expect(countColor(png, OKABE_ITO.blue, PLOT)).toBeGreaterThan(2000);
    expect(countColor(png, CHANCE_COLOR, PLOT)).toBeGreaterThan(200);
    expect((await render(precisionRecallChart(HEAD.pr, BASE.pr))).equals(bytes)).toBe(true);
  });
});

describe('thinning long curves', () => {
  it('keeps the ends and at most the cap of points, spread along the curve', () => {
    const n = 10_000;
    const x = Array.from({ length: n }, (_, i) => i / (n - 1));
    const y = x.map((v) => Math.sqrt(v));
    const thin = thinPoints(x, y, 200);
    expect(thin.length).toBeLessThanOrEqual(200);
    expect(thin.length).toBeGreaterThan(150);
    expect(thin[0]).toEqual({ x: 0, y: 0 });
    expect(thin.at(-1)).toEqual({ x: 1, y: 1 });
    expect(thinPoints([0, 1], [0, 1], 200)).toHaveLength(2);
  });
});
