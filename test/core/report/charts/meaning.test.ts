// Charts chosen by what matters, not by what was logged (#14). Each test is one of the issue's
// measurements: the Whisper fine-tune drew epoch, eval_runtime and two throughputs (one a 0.6%
// wobble drawn as a cliff) and dropped learning_rate; the Lightning CSV drew epoch; the iris
// example drew 12 lines per chart, pull request and baseline told apart only by dash and marker.
import { readMetricsPath } from '../../../../packages/core/src/readers/registry.js';
import { runComparison } from '../../../../packages/core/src/compare/pipeline.js';
import { emptyConfig } from '../../../../packages/core/src/config/config.js';
import { parseGate } from '../../../../packages/core/src/gates/parse.js';
import type { MetricsDoc } from '../../../../packages/core/src/model.js';
import {
  curveCharts,
  FLAT_SHARE,
  isBookkeeping,
  selectCurveGroups,
  SIDE_COLORS,
} from '../../../../packages/core/src/report/charts/curves.js';
import { planCharts } from '../../../../packages/core/src/report/charts/select.js';
import type { ChartSpec } from '../../../../packages/core/src/report/charts/theme.js';
import { docWith } from './helpers.js';

const WHISPER = 'test/fixtures/real/hf-trainer/whisper-ja/trainer_state.json';
const LIGHTNING = 'test/fixtures/real/lightning-csv/binn-lightning_logs-version_0-metrics.csv';
const KERAS = 'test/fixtures/real/keras-csv/dvc-docs-mnist-logs.csv';
const TENSORBOARD =
  'test/fixtures/real/tensorboard/packt-ch01-lightning-version_3/events.out.tfevents.1677120043.MININT-M682FNV.11337.0';
const IRIS = 'examples/iris-classifier';
const SEEDS = [1, 2, 3];
const BOOKKEEPING = ['epoch', 'eval_runtime', 'eval_samples_per_second', 'eval_steps_per_second'];

interface Dataset {
  label: string;
  data: Array<{ x: number; y: number | null }>;
  borderColor: string;
  borderDash: number[];
  borderWidth: number;
  mlciBandFill?: string;
}

function datasets(spec: ChartSpec): Dataset[] {
  return spec.config.data.datasets as unknown as Dataset[];
}

/** The lines a reader sees: band edges are drawn with no width. */
function lines(spec: ChartSpec): Dataset[] {
  return datasets(spec).filter((d) => d.borderWidth > 0);
}

function subtitle(spec: ChartSpec): string {
  return (spec.config.options as { plugins: { subtitle: { text: string } } }).plugins.subtitle.text;
}

/** WCAG relative luminance: what a colour becomes in greyscale. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** The example's committed baseline, and its pull request's runs as run.ts writes them (a copy). */
async function irisSide(side: 'baseline' | 'out/pr'): Promise<MetricsDoc[]> {
  const root = side === 'baseline' ? `${IRIS}/baseline` : 'test/fixtures/generated/iris-pr';
  return Promise.all(SEEDS.map((seed) => readMetricsPath(`${root}/seed-${seed}/train-log.csv`)));
}

describe('bookkeeping series are never drawn by default', () => {
  it('whisper-ja: no epoch, eval_runtime or throughput curves; the model curves only', async () => {
    const doc = await readMetricsPath(WHISPER);
    const selection = selectCurveGroups([doc], undefined);
    expect(selection.chosen.map((g) => g.key)).toEqual(['eval_wer', 'loss']);
    expect(selection.omitted).toEqual([]);
    expect(selection.skipped.map((s) => [s.group.key, s.why])).toEqual([
      ['epoch', 'bookkeeping'],
      ['eval_runtime', 'bookkeeping'],
      ['eval_samples_per_second', 'bookkeeping'],
      ['eval_steps_per_second', 'bookkeeping'],
      ['learning_rate', 'bookkeeping'],
    ]);
    const files = curveCharts([doc], undefined).map((s) => s.file);
    expect(files).toEqual(['curve-eval-wer.png', 'curve-loss.png']);
    for (const key of BOOKKEEPING) expect(files.join(' ')).not.toContain(key.replaceAll('_', '-'));
  });

  it('whisper-ja: even a bookkeeping series that "regressed" (a slower machine) stays out', async () => {
    const head = await readMetricsPath(WHISPER);
    const slower = { ...head, metrics: { ...head.metrics, eval_runtime: 99999 } };
    const comparison = runComparison({
      head: { runs: [slower] },
      base: { runs: [head] },
      config: emptyConfig(),
    });
    const files = curveCharts([slower], [head], { comparison }).map((s) => s.file);
    expect(files).toEqual(['curve-eval-wer.png', 'curve-loss.png']);
  });

  it('whisper-ja: learning_rate (or any bookkeeping series) is drawn when the team asks for it', async () => {
    const doc = await readMetricsPath(WHISPER);
    const { chosen, skipped } = selectCurveGroups([doc], undefined, { include: ['learning_rate'] });
    expect(chosen.map((g) => [g.key, g.reason])).toEqual([
      ['learning_rate', 'requested'],
      ['eval_wer', 'evaluation'],
      ['loss', 'evaluation'],
    ]);
    expect(skipped.map((s) => s.group.key)).not.toContain('learning_rate');
  });

  it('whisper-ja: a gate on a bookkeeping series brings its curve forward', async () => {
    const doc = await readMetricsPath(WHISPER);
    const comparison = runComparison({
      head: { runs: [doc] },
      config: emptyConfig(),
      extraGates: [parseGate('epoch <= 100', '--gate #1')],
    });
    const { chosen } = selectCurveGroups([doc], undefined, { comparison });
    expect(chosen.map((g) => g.key)).toEqual(['epoch', 'eval_wer', 'loss']);
  });

  it.each([
    ['epoch', true],
    ['trainer/global_step', true],
    ['lr-Adam', true],
    ['eval_runtime', true],
    ['train_samples_per_second', true],
    ['time', true],
    ['train_accuracy_step', false],
    ['val_loss_epoch', false],
    ['inference_time', false],
    ['eval_wer', false],
  ])('%s is bookkeeping: %s', (key, expected) => {
    expect(isBookkeeping(key)).toBe(expected);
  });

  it('tensorboard (Lightning): per-step metrics such as train_accuracy_step are drawn, epoch is not', async () => {
    const doc = await readMetricsPath(TENSORBOARD);
    const files = curveCharts([doc], undefined).map((s) => s.file);
    expect(files).toContain('curve-train-accuracy-step.png');
    expect(files).not.toContain('curve-epoch.png');
  });

  it('lightning-csv: no epoch curve', async () => {
    const doc = await readMetricsPath(LIGHTNING);
    const files = curveCharts([doc], undefined).map((s) => s.file);
    expect(files).toEqual(['curve-train-acc.png', 'curve-train-loss.png']);
  });

  it('keras-csv (CSVLogger): accuracy and loss, each with its val_ split, and no epoch curve', async () => {
    const doc = await readMetricsPath(KERAS);
    const specs = curveCharts([doc], undefined);
    expect(specs.map((s) => s.file)).toEqual(['curve-accuracy.png', 'curve-loss.png']);
    // One chart per measure, its splits as lines (the reader groups accuracy with val_accuracy).
    expect(specs.map((s) => lines(s).map((d) => d.label))).toEqual([
      ['train (pull request)', 'val (pull request)'],
      ['train (pull request)', 'val (pull request)'],
    ]);
  });

  it('planCharts says in words what it left out and how to ask for it', async () => {
    const doc = await readMetricsPath(WHISPER);
    const comparison = runComparison({ head: { runs: [doc] }, config: emptyConfig() });
    const plan = planCharts({ comparison, head: [doc] });
    expect(plan.specs.map((s) => s.file)).toEqual(['curve-eval-wer.png', 'curve-loss.png']);
    expect(plan.notes).toContain(
      'Bookkeeping series not drawn: epoch, eval_runtime, eval_samples_per_second, eval_steps_per_second and learning_rate (name one under report.curves in .mlci.yml to draw it).',
    );
  });
});

describe('a flat series is a number, not a chart', () => {
  // eval_steps_per_second of the Whisper run: 0.163 to 0.1642, a 0.7% wobble.
  const wobble: Array<[number, number]> = [
    [1000, 0.1642],
    [2000, 0.163],
    [3000, 0.1638],
    [4000, 0.1635],
    [5000, 0.164],
  ];

  it('is not drawn, and the note gives its range', () => {
    const doc = docWith({ tokens_per_batch: wobble, val_loss: { steps: 10, f: (s) => 1 / (s + 1) } });
    const comparison = runComparison({ head: { runs: [doc] }, config: emptyConfig() });
    const { chosen, skipped } = selectCurveGroups([doc], undefined);
    expect(chosen.map((g) => g.key)).toEqual(['val_loss']);
    expect(skipped.map((s) => [s.group.key, s.why, s.range])).toEqual([
      ['tokens_per_batch', 'flat', [0.163, 0.1642]],
    ]);
    const plan = planCharts({ comparison, head: [doc] });
    expect(plan.specs.map((s) => s.file)).toEqual(['curve-val-loss.png']);
    expect(plan.notes).toContain(
      `Flat, so not drawn (every value within ${FLAT_SHARE * 100}% of the largest): tokens_per_batch 0.163 to 0.1642.`,
    );
  });

  it('is drawn when it is flat on each side but the sides differ', () => {
    const head = docWith({ tokens_per_batch: wobble });
    const base = docWith({ tokens_per_batch: wobble.map(([s, v]) => [s, v * 0.9] as [number, number]) });
    expect(curveCharts([head], [base]).map((s) => s.file)).toEqual(['curve-tokens-per-batch.png']);
  });

  it('is drawn when the team asks for it', () => {
    const doc = docWith({ tokens_per_batch: wobble });
    expect(curveCharts([doc], undefined, { include: ['tokens_*'] }).map((s) => s.file)).toEqual([
      'curve-tokens-per-batch.png',
    ]);
  });
});

describe('repeats are a mean line with a band; the sides differ in colour, lightness, dash and label', () => {
  it('iris (3 seeds per side): 4 lines and 4 bands per chart, not 12 lines', async () => {
    const head = await irisSide('out/pr');
    const base = await irisSide('baseline');
    const specs = curveCharts(head, base, { limit: 2 });
    expect(specs.map((s) => s.file)).toEqual(['curve-accuracy.png', 'curve-loss.png']);
    const loss = specs[1]!;
    expect(lines(loss).map((d) => d.label)).toEqual([
      'train (pull request, mean)',
      'train (baseline, mean)',
      'val (pull request, mean)',
      'val (baseline, mean)',
    ]);
    expect(datasets(loss).filter((d) => d.mlciBandFill !== undefined)).toHaveLength(4);
    expect(subtitle(loss)).toBe(
      'Lines: the mean of 3 runs per side; shaded: from the lowest to the highest run',
    );
    // The mean at a step is the mean of the seeds' values at that step.
    const values = head.map((doc) => doc.series['val_loss']!.points[0]!.value);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(lines(loss)[2]!.data[0]!.y).toBeCloseTo(mean, 12);
    const upper = datasets(loss).find(
      (d) => d.mlciBandFill !== undefined && d.borderColor.startsWith(SIDE_COLORS.head),
    )!;
    expect(upper.data[0]!.y).toBe(Math.max(...head.map((doc) => doc.series['train_loss']!.points[0]!.value)));
    expect(loss.alt).toMatch(
      /^loss \(train and val\) by step: train: pull request's mean of 3 runs ends at 0\.\d+ \(runs between 0\.\d+ and 0\.\d+\), baseline's at 0\.\d+ \(runs between /,
    );
  });

  it('pull request and baseline: different colours, far apart in greyscale, baseline dashed, named in the legend', async () => {
    const head = await readMetricsPath(WHISPER);
    const [spec] = curveCharts([head], [head], { limit: 1 });
    const [prLine, baseLine] = lines(spec!);
    expect(prLine!.label).toBe('pull request');
    expect(baseLine!.label).toBe('baseline');
    expect(prLine!.borderColor).toBe(SIDE_COLORS.head);
    expect(baseLine!.borderColor).toBe(SIDE_COLORS.base);
    expect(prLine!.borderDash).toEqual([]);
    expect(baseLine!.borderDash.length).toBeGreaterThan(0);
    // At least 0.2 apart in relative luminance: two clearly different greys.
    expect(luminance(SIDE_COLORS.base) - luminance(SIDE_COLORS.head)).toBeGreaterThan(0.2);
  });

  it('runs logged at different steps are each drawn (a mean would invent points), and the subtitle says so', () => {
    const a = docWith({
      val_loss: [
        [0, 1],
        [10, 0.5],
        [20, 0.3],
      ],
    });
    const b = docWith({
      val_loss: [
        [5, 0.9],
        [15, 0.45],
        [25, 0.28],
      ],
    });
    const [spec] = curveCharts([a, b], undefined);
    expect(lines(spec!)).toHaveLength(2);
    expect(subtitle(spec!)).toBe('2 runs, logged at different steps, each drawn');
  });
});

describe('the first chart explains the verdict', () => {
  it("a failed gate's curve comes before the change chart", async () => {
    const head = await readMetricsPath(WHISPER);
    const worse = {
      ...head,
      metrics: { ...head.metrics, eval_wer: 0.9 },
    };
    const comparison = runComparison({
      head: { runs: [worse] },
      base: { runs: [head] },
      config: emptyConfig(),
      extraGates: [parseGate('eval_wer rise <= 1%', '--gate #1')],
    });
    const plan = planCharts({ comparison, head: [worse], base: [head] });
    expect(plan.specs.map((s) => s.file)).toEqual([
      'curve-eval-wer.png',
      'change-metrics.png',
      'curve-loss.png',
    ]);
  });

  it("a warned gate on one split (val_accuracy) brings that measure's curve first", async () => {
    const head = await irisSide('out/pr');
    const base = await irisSide('baseline');
    const comparison = runComparison({
      head: { runs: head },
      base: { runs: base },
      config: emptyConfig(),
      extraGates: [parseGate('warn: val_accuracy rise <= 0%', '--gate #1')],
    });
    const plan = planCharts({ comparison, head, base });
    expect(plan.specs[0]!.file).toBe('curve-accuracy.png');
  });

  it('without a failed or warned curve, the change chart comes first (iris: log_loss warned, not a curve)', async () => {
    const head = await irisSide('out/pr');
    const base = await irisSide('baseline');
    const comparison = runComparison({
      head: { runs: head },
      base: { runs: base },
      config: emptyConfig(),
      extraGates: [
        parseGate('warn: val_loss rise <= 0%', '--gate #1'),
        parseGate('train_loss <= 9', '--gate #2'),
      ],
    });
    const passed = runComparison({
      head: { runs: head },
      base: { runs: base },
      config: emptyConfig(),
      extraGates: [parseGate('train_loss <= 9', '--gate #2')],
    });
    expect(planCharts({ comparison, head, base }).specs.map((s) => s.file)).toEqual([
      'curve-loss.png',
      'change-metrics.png',
      'curve-accuracy.png',
    ]);
    // A passing gate explains nothing: the usual order, the overview first.
    expect(planCharts({ comparison: passed, head, base }).specs.map((s) => s.file)).toEqual([
      'change-metrics.png',
      'curve-loss.png',
      'curve-accuracy.png',
    ]);
  });
});
