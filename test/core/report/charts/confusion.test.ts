import type { ConfusionMatrix } from '../../../../packages/core/src/plots/model.js';
import {
  chooseClasses,
  confusionChangeChart,
  confusionChart,
  confusionCharts,
  HEATMAP_COLOR,
  mixColor,
  projectMatrix,
  shareColor,
} from '../../../../packages/core/src/report/charts/confusion.js';
import { renderChart } from '../../../../packages/core/src/report/charts/render.js';
import {
  CHART_PIXEL_RATIO,
  STATUS_COLORS,
  type ChartSpec,
} from '../../../../packages/core/src/report/charts/theme.js';
import { countColor, decodePng, pixelAt } from '../../../support/png.js';

function matrix(labels: string[], counts: number[][]): ConfusionMatrix {
  return {
    kind: 'confusion',
    file: 'cm.json',
    labels,
    counts,
    integer: counts.every((r) => r.every(Number.isInteger)),
  };
}

const HEAD = matrix(
  ['cat', 'dog', 'bird'],
  [
    [50, 3, 2],
    [5, 40, 0],
    [0, 0, 20],
  ],
);
const BASE = matrix(
  ['cat', 'dog', 'bird'],
  [
    [45, 8, 2],
    [9, 36, 0],
    [0, 4, 16],
  ],
);

function render(spec: ChartSpec): Promise<Buffer> {
  return renderChart(spec.config, { width: spec.width, height: spec.height, pixelRatio: CHART_PIXEL_RATIO });
}

describe('the confusion-matrix heatmap', () => {
  it('names the file, states accuracy and the largest confusion in words', () => {
    const spec = confusionChart(HEAD, BASE);
    expect(spec.file).toBe('confusion-matrix.png');
    expect(spec.width).toBe(800);
    expect(spec.alt).toBe(
      'Confusion matrix of the pull request over 3 classes (cat, dog and bird), 120 examples: accuracy 91.7%, baseline 80.8% (+10.8 pp). Most frequent confusion: dog predicted as cat, 5 (11% of dog).',
    );
    expect(spec.config.type).toBe('matrix');
  });

  it('colours by the share of the row: white for 0, the theme blue for a whole row', () => {
    expect(shareColor(0)).toBe('#FFFFFF');
    expect(shareColor(1)).toBe(HEATMAP_COLOR);
    expect(mixColor('#000000', '#FFFFFF', 0.5)).toBe('#808080');
    // A tiny share is still tinted, so it cannot be mistaken for 0.
    expect(shareColor(0.0001)).not.toBe('#FFFFFF');
  });

  it('renders at 2x with the whole-row cell in the theme blue and white empty cells', async () => {
    const spec = confusionChart(HEAD);
    const png = decodePng(await render(spec));
    expect([png.width, png.height]).toEqual([1600, spec.height * 2]);
    expect(png.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(pixelAt(png, 0, 0)).toEqual([255, 255, 255, 255]);
    // bird -> bird is 20 of 20: one cell of a third of the plot in each direction, in full blue.
    expect(countColor(png, HEATMAP_COLOR, undefined, 2)).toBeGreaterThan(50_000);
    // Mid shares (cat -> cat is 91%) are a lighter mix of the same blue.
    expect(countColor(png, shareColor(50 / 55), undefined, 2)).toBeGreaterThan(50_000);
  });

  it('renders the same bytes twice', async () => {
    const a = await render(confusionChart(HEAD, BASE));
    const b = await render(confusionChart(HEAD, BASE));
    expect(a.equals(b)).toBe(true);
  });

  it('merges the least frequent classes into "other" beyond the cap, and says so', () => {
    const labels = Array.from({ length: 25 }, (_, i) => `class_${i}`);
    const big = matrix(
      labels,
      labels.map((_, i) => labels.map((_, j) => (i === j ? 10 + i : 1))),
    );
    const spec = confusionChart(big, undefined, { maxClasses: 20 });
    const data = (spec.config.data.datasets[0]!.data as unknown[]).length;
    expect(data).toBe(20 * 20);
    expect(spec.alt).toMatch(
      /over 25 classes, 1150 examples.*The 6 least frequent classes are drawn merged as "other"\./,
    );
    // Counts are kept, not dropped: the projected matrix sums to the same total.
    const { kept, merged } = chooseClasses(labels, new Map(labels.map((l, i) => [l, i])), 20);
    expect(kept).toHaveLength(19);
    expect(merged).toEqual(['class_0', 'class_1', 'class_2', 'class_3', 'class_4', 'class_5']);
    const projected = projectMatrix(big, kept, merged, 'other');
    const sum = (m: ConfusionMatrix) => m.counts.flat().reduce((a, b) => a + b, 0);
    expect(sum(projected)).toBe(sum(big));
    expect(projected.labels.at(-1)).toBe('other');
  });

  it('says when the cells are not counts', () => {
    const spec = confusionChart(
      matrix(
        ['a', 'b'],
        [
          [0.9, 0.1],
          [0.2, 0.8],
        ],
      ),
    );
    expect(spec.alt).toMatch(/values as given rather than counts\./);
    expect(spec.alt).not.toMatch(/accuracy/);
  });

  it('names the files of a named matrix and keeps them unique', () => {
    const taken = new Set<string>();
    const a = confusionCharts(HEAD, BASE, { name: 'test', takenFiles: taken }).map((s) => s.file);
    const b = confusionCharts(HEAD, undefined, { takenFiles: taken }).map((s) => s.file);
    const c = confusionCharts(HEAD, undefined, { takenFiles: taken }).map((s) => s.file);
    expect([...a, ...b, ...c]).toEqual([
      'confusion-matrix-test.png',
      'confusion-matrix-test-change.png',
      'confusion-matrix.png',
      'confusion-matrix-2.png',
    ]);
  });
});

describe('the change heatmap', () => {
  it('is left out when nothing changed', () => {
    expect(confusionChangeChart(HEAD, HEAD)).toBeUndefined();
    expect(confusionCharts(HEAD, HEAD)).toHaveLength(1);
  });

  it('states better and worse cells in percentage points of the actual class', () => {
    const spec = confusionChangeChart(HEAD, BASE)!;
    expect(spec.file).toBe('confusion-matrix-change.png');
    // bird -> bird goes from 16/20 to 20/20 (+20 pp), bird -> dog from 4/20 to 0 (-20 pp): both better.
    expect(spec.alt).toBe(
      'Change of the confusion matrix from the baseline, in percentage points of each actual class: 6 cells better, 0 cells worse. Largest: bird predicted as dog −20 pp (better); bird predicted as bird +20 pp (better); cat predicted as cat +9.1 pp (better). Accuracy 80.8% in the baseline, 91.7% in the pull request.',
    );
  });

  it('colours improvements blue and regressions orange-red, and renders them', async () => {
    const spec = confusionChangeChart(BASE, HEAD)!; // the other way round: everything got worse
    expect(spec.alt).toMatch(/0 cells better, 6 cells worse/);
    const worse = decodePng(await render(spec));
    expect(countColor(worse, STATUS_COLORS.regressed, undefined, 2)).toBeGreaterThan(20_000);
    expect(countColor(worse, STATUS_COLORS.improved, undefined, 2)).toBe(0);
    const better = decodePng(await render(confusionChangeChart(HEAD, BASE)!));
    expect([better.width, better.height]).toEqual([1600, spec.height * 2]);
    expect(countColor(better, STATUS_COLORS.improved, undefined, 2)).toBeGreaterThan(20_000);
    expect(countColor(better, STATUS_COLORS.regressed, undefined, 2)).toBe(0);
  });

  it('draws classes only one side has as "n/a" rather than as a change', () => {
    const base = matrix(
      ['cat', 'dog'],
      [
        [45, 10],
        [9, 36],
      ],
    );
    const spec = confusionChangeChart(HEAD, base)!;
    const cells = spec.config.data.datasets[0]!.data as Array<{ x: string; y: string }>;
    expect(cells).toHaveLength(9);
    expect(spec.alt).toMatch(/cat predicted as cat/);
  });
});
