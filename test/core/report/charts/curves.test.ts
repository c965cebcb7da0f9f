import { readMetricsPath } from '../../../../packages/core/src/readers/registry.js';
import { runComparison } from '../../../../packages/core/src/compare/pipeline.js';
import { emptyConfig } from '../../../../packages/core/src/config/config.js';
import { parseGate } from '../../../../packages/core/src/gates/parse.js';
import type { MetricsDoc, SeriesPoint } from '../../../../packages/core/src/model.js';
import {
  capPoints,
  curveCharts,
  curveGroups,
  niceLog,
  parseCurveKey,
  selectCurveGroups,
  SIDE_COLORS,
} from '../../../../packages/core/src/report/charts/curves.js';
import { type ChartSpec } from '../../../../packages/core/src/report/charts/theme.js';
import { docWith, lossCurve } from './helpers.js';

const WHISPER = 'test/fixtures/real/hf-trainer/whisper-ja/trainer_state.json';
const LIGHTNING = 'test/fixtures/real/lightning-csv/binn-lightning_logs-version_0-metrics.csv';
const AIRQ = 'test/fixtures/real/dvclive/airq-dvclive';

interface Dataset {
  label: string;
  data: Array<{ x: number; y: number | null }>;
  borderColor: string;
  borderDash: number[];
  borderWidth: number;
  order: number;
}

function datasets(spec: ChartSpec): Dataset[] {
  return spec.config.data.datasets as unknown as Dataset[];
}

function scales(
  spec: ChartSpec,
): Record<string, { type: string; min?: number; max?: number; ticks: Record<string, unknown> }> {
  return (spec.config.options as { scales: never }).scales;
}

/** A copy of `doc` with every value multiplied by `factor`: a plausible baseline. */
function scaled(doc: MetricsDoc, factor: number): MetricsDoc {
  const series = Object.fromEntries(
    Object.entries(doc.series).map(([k, s]) => [
      k,
      {
        ...s,
        points: s.points.map((p) => ({ ...p, value: p.value * factor })),
        stats: { ...s.stats, last: { ...s.stats.last, value: s.stats.last.value * factor } },
      },
    ]),
  );
  const metrics = Object.fromEntries(Object.entries(doc.metrics).map(([k, v]) => [k, v * factor]));
  return { ...doc, series, metrics };
}

describe('parseCurveKey: the measure and the split of a key', () => {
  it.each([
    ['train.loss', 'loss', 'train'],
    ['val.loss', 'loss', 'val'],
    ['loss.val', 'loss', 'val'],
    ['train_loss', 'loss', 'train'],
    ['val_loss', 'loss', 'val'],
    ['eval_loss', 'loss', 'eval'],
    ['validation-accuracy', 'accuracy', 'validation'],
    ['loss_val', 'loss', 'val'],
    ['metrics.test.f1', 'metrics.f1', 'test'],
    ['train_accuracy_step', 'accuracy_step', 'train'],
  ])('%s is the %s of %s', (key, measure, split) => {
    expect(parseCurveKey(key)).toEqual({ measure, split });
  });

  it.each(['loss', 'epoch', 'learning_rate', 'trainer.lr', 'testing_time'])('%s has no split', (key) => {
    expect(parseCurveKey(key)).toEqual({ measure: key });
  });
});

describe('grouping the same measure across splits', () => {
  it('puts Hugging Face loss and eval_loss in one chart, the bare loss being the training loss', async () => {
    const doc = await readMetricsPath(WHISPER);
    const loss = curveGroups([doc]).find((g) => g.key === 'loss')!;
    expect(loss.members).toEqual([
      { key: 'loss', label: 'train' },
      { key: 'eval_loss', split: 'eval', label: 'eval' },
    ]);
  });

  it('groups dvclive train/loss and val/loss (keys train.loss and val.loss)', async () => {
    const doc = await readMetricsPath(AIRQ);
    const groups = curveGroups([doc]);
    expect(groups.map((g) => [g.key, g.members.map((m) => m.label)])).toEqual([
      ['loss', ['train', 'val']],
      ['val.accuracy', ['val.accuracy']],
    ]);
  });

  it('groups Keras loss / val_loss and keeps a bare key apart when a train split exists', () => {
    const keras = docWith({
      loss: [
        [0, 1],
        [1, 0.5],
      ],
      val_loss: [
        [0, 1.2],
        [1, 0.7],
      ],
    });
    expect(curveGroups([keras])[0]!.members.map((m) => m.label)).toEqual(['train', 'val']);
    const both = docWith({
      loss: [
        [0, 1],
        [1, 0.5],
      ],
      train_loss: [
        [0, 1],
        [1, 0.4],
      ],
      val_loss: [
        [0, 1],
        [1, 0.6],
      ],
    });
    expect(curveGroups([both])[0]!.members.map((m) => m.label)).toEqual(['train', 'val', 'loss']);
  });

  it('leaves one-point series out (they are metrics, not curves)', () => {
    const doc = docWith({
      loss: [
        [0, 1],
        [1, 0.5],
      ],
      lonely: [[3, 1]],
    });
    expect(curveGroups([doc]).map((g) => g.key)).toEqual(['loss']);
  });
});

describe('curveCharts on real files', () => {
  it('whisper-ja: train loss and eval loss on a log scale, the pull request solid over the dashed baseline', async () => {
    const head = await readMetricsPath(WHISPER);
    const base = scaled(head, 1.25);
    const spec = curveCharts([head], [base]).find((s) => s.file === 'curve-loss.png')!;
    expect(spec.title).toBe('loss: train vs eval by step');
    expect(spec.width).toBe(800);
    expect(spec.height).toBe(360);
    expect(spec.config.type).toBe('line');
    const ds = datasets(spec);
    expect(ds.map((d) => d.label)).toEqual([
      'train (pull request)',
      'train (baseline)',
      'eval (pull request)',
      'eval (baseline)',
    ]);
    // The side has the colour; the split has the width (eval thick, train thin).
    expect(ds.map((d) => d.borderColor)).toEqual([
      SIDE_COLORS.head,
      SIDE_COLORS.base,
      SIDE_COLORS.head,
      SIDE_COLORS.base,
    ]);
    expect(ds[2]!.borderWidth).toBeGreaterThan(ds[0]!.borderWidth);
    expect(ds.map((d) => d.borderDash.length > 0)).toEqual([false, true, false, true]);
    // Lower order is drawn last: the pull request lies on top.
    expect(ds.map((d) => d.order)).toEqual([0, 1, 0, 1]);
    expect(ds[0]!.data).toHaveLength(200);
    expect(ds[0]!.data[0]).toEqual({ x: 25, y: 0.3048 });
    expect(ds[2]!.data.map((p) => p.x)).toEqual([1000, 2000, 3000, 4000, 5000]);
    const { x, y } = scales(spec);
    expect(x!.type).toBe('linear');
    expect(y!.type).toBe('logarithmic');
    // 0.0001 .. 0.525 (the baseline's eval loss) rounded out to 1-2-5 values.
    expect([y!.min, y!.max]).toEqual([0.0001, 1]);
    expect(spec.alt).toBe(
      'loss (train and eval) by step, log scale: ' +
        'train: pull request ends at 0.0002, baseline at 0.00025 (change -20%); ' +
        'eval: pull request ends at 0.42, baseline at 0.525 (change -20%).',
    );
  });

  it('whisper-ja: evaluation charts only; bookkeeping series are skipped, not drawn', async () => {
    const doc = await readMetricsPath(WHISPER);
    const { chosen, omitted, skipped } = selectCurveGroups([doc], undefined);
    expect(chosen.map((g) => [g.key, g.reason])).toEqual([
      ['eval_wer', 'evaluation'],
      ['loss', 'evaluation'],
    ]);
    expect(omitted).toEqual([]);
    expect(skipped.map((s) => s.group.key)).toEqual([
      'epoch',
      'eval_runtime',
      'eval_samples_per_second',
      'eval_steps_per_second',
      'learning_rate',
    ]);
    const specs = curveCharts([doc], undefined);
    expect(specs.map((s) => s.file)).toEqual(['curve-eval-wer.png', 'curve-loss.png']);
    // Without a baseline: one line per split, labelled by the split only.
    expect(datasets(specs[1]!).map((d) => d.label)).toEqual(['train (pull request)', 'eval (pull request)']);
    expect(specs[0]!.alt).toBe('eval_wer by step: pull request ends at 0.7449.');
  });

  it('puts gated metrics first (failing ones first), then regressed ones', async () => {
    const head = await readMetricsPath(WHISPER);
    const base = scaled(head, 0.9);
    const comparison = runComparison({
      head: { runs: [head] },
      base: { runs: [base] },
      config: emptyConfig(),
      extraGates: [
        parseGate('learning_rate <= 1', '--gate #1'),
        parseGate('eval_wer rise <= 1%', '--gate #2'),
      ],
    });
    const { chosen } = selectCurveGroups([head], [base], { comparison, limit: 4 });
    // eval_wer's gate fails (it rose 11%), learning_rate's passes (a gate brings even a
    // bookkeeping series in); loss regressed (it rose); eval_runtime also "regressed", but it is
    // bookkeeping and is not drawn at all.
    expect(chosen.map((g) => [g.key, g.reason])).toEqual([
      ['eval_wer', 'gate'],
      ['learning_rate', 'gate'],
      ['loss', 'regressed'],
    ]);
  });

  it('lightning-csv: one training curve, linear axis, whole-number steps', async () => {
    const doc = await readMetricsPath(LIGHTNING);
    const specs = curveCharts([doc], undefined, { limit: 2 });
    expect(specs.map((s) => s.file)).toEqual(['curve-train-acc.png', 'curve-train-loss.png']);
    const loss = specs[1]!;
    expect(loss.title).toBe('train_loss by step');
    expect(datasets(loss).map((d) => [d.label, d.borderColor])).toEqual([['pull request', SIDE_COLORS.head]]);
    expect(datasets(loss)[0]!.data).toEqual([
      { x: 24, y: 0.6958715915679932 },
      { x: 49, y: 0.677720844745636 },
      { x: 74, y: 0.6675698757171631 },
    ]);
    const { x, y } = scales(loss);
    expect(y!.type).toBe('linear');
    expect(x!.ticks.precision).toBe(0);
    expect(loss.alt).toBe('train_loss by step: pull request ends at 0.6676.');
  });

  it('dvclive airq: train and val loss with a baseline, linear (less than two decades)', async () => {
    const head = await readMetricsPath(AIRQ);
    const [spec] = curveCharts([head], [scaled(head, 1.1)], { limit: 1 });
    expect(spec!.title).toBe('loss: train vs val by step');
    expect(datasets(spec!).map((d) => d.label)).toEqual([
      'train (pull request)',
      'train (baseline)',
      'val (pull request)',
      'val (baseline)',
    ]);
    expect(scales(spec!).y!.type).toBe('linear');
    expect(spec!.alt).toMatch(
      /^loss \(train and val\) by step: train: pull request ends at 0\.6245, baseline at 0\.6869 \(change -9\.09%\); val: /,
    );
  });
});

describe('curveCharts on generated documents', () => {
  it('draws non-finite values as gaps and says so', () => {
    const head = docWith({
      loss: [
        [0, 1],
        [1, 0.8],
        [2, NaN],
        [3, 0.5],
        [4, Infinity],
        [5, 0.4],
      ],
    });
    const [spec] = curveCharts([head], undefined);
    expect(datasets(spec!)[0]!.data.map((p) => p.y)).toEqual([1, 0.8, null, 0.5, null, 0.4]);
    expect(spec!.alt).toBe(
      "loss by step: pull request ends at 0.4. The pull request's curve has 2 NaN or infinite values, drawn as gaps.",
    );
    const options = spec!.config.options as { plugins: { subtitle: { text: string; display: boolean } } };
    expect(options.plugins.subtitle).toMatchObject({
      display: true,
      text: 'Gaps are NaN or infinite values',
    });
  });

  it('says when a curve ends on a non-finite value', () => {
    const [spec] = curveCharts(
      [
        docWith({
          loss: [
            [0, 1],
            [1, NaN],
          ],
        }),
      ],
      [
        docWith({
          loss: [
            [0, 1],
            [1, 0.5],
          ],
        }),
      ],
    );
    expect(spec!.alt).toBe(
      "loss by step: pull request ends at NaN, baseline at 0.5. The pull request's curve has 1 NaN or infinite value, drawn as a gap.",
    );
  });

  it('chooses the log scale only for positive values spanning more than two decades', () => {
    const yType = (values: number[]) =>
      scales(
        curveCharts([docWith({ loss: values.map((v, i) => [i, v] as [number, number]) })], undefined)[0]!,
      ).y!.type;
    expect(yType([5, 1, 0.01])).toBe('logarithmic');
    expect(yType([5, 1, 0.06])).toBe('linear');
    expect(yType([5, 1, 0])).toBe('linear');
    expect(yType([5, -1, 0.001])).toBe('linear');
  });

  it('draws repeats as one mean line per split and side over a min-max band', () => {
    const runs = [0.2, 0.22, 0.25].map((end) =>
      docWith({ loss: lossCurve(100, 1, end), val_loss: lossCurve(100, 1.1, end + 0.05) }),
    );
    const base = [0.3, 0.31].map((end) =>
      docWith({ loss: lossCurve(100, 1, end), val_loss: lossCurve(100, 1.1, end + 0.05) }),
    );
    const [spec] = curveCharts(runs, base);
    const ds = datasets(spec!);
    // Per split and side: the band's upper and lower edge (no width) and the mean line.
    expect(ds).toHaveLength(12);
    expect(ds.filter((d) => d.borderWidth > 0).map((d) => d.label)).toEqual([
      'train (pull request, mean)',
      'train (baseline, mean)',
      'val (pull request, mean)',
      'val (baseline, mean)',
    ]);
    const options = spec!.config.options as { plugins: { subtitle: { text: string } } };
    expect(options.plugins.subtitle.text).toBe(
      'Lines: the mean of 3 runs of the pull request and 2 of the baseline; shaded: from the lowest to the highest run',
    );
    expect(spec!.alt).toMatch(
      /^loss \(train and val\) by step: train: pull request's mean of 3 runs ends at 0\.\d+ \(runs between 0\.\d+ and 0\.\d+\), baseline's at 0\.\d+ \(runs between 0\.\d+ and 0\.\d+\) \(change -\d+(\.\d+)?%\); val: /,
    );
  });

  it('names a curve missing on one side', () => {
    const [spec] = curveCharts(
      [
        docWith({
          val_loss: [
            [0, 1],
            [1, 0.5],
          ],
        }),
      ],
      [
        docWith({
          loss: [
            [0, 1],
            [1, 0.4],
          ],
        }),
      ],
    );
    expect(spec!.alt).toBe(
      'loss (train and val) by step: train: not in the pull request, baseline at 0.4; val: pull request ends at 0.5, not in the baseline.',
    );
  });

  it('gives every chart a distinct, safe file name', () => {
    const doc = docWith({
      'a.b': [
        [0, 1],
        [1, 2],
      ],
      a_b: [
        [0, 1],
        [1, 2],
      ],
      'Ünïcode métric/☃': [
        [0, 1],
        [1, 2],
      ],
    });
    const files = curveCharts([doc], undefined).map((s) => s.file);
    expect(files).toEqual(['curve-a-b.png', 'curve-a-b-2.png', 'curve-unicode-metric.png']);
    for (const f of files) expect(f).toMatch(/^[a-z0-9-]+\.png$/);
    // A file name already used elsewhere in the report is not reused.
    const taken = new Set(['curve-a-b.png']);
    expect(curveCharts([doc], undefined, { takenFiles: taken })[0]!.file).toBe('curve-a-b-2.png');
  });

  it('respects the limit and reports what was left out', () => {
    const series = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [
        `m${i}`,
        [
          [0, i],
          [1, i + 1],
        ] as Array<[number, number]>,
      ]),
    );
    const { chosen, omitted } = selectCurveGroups([docWith(series)], undefined, { limit: 6 });
    expect(chosen.map((g) => g.key)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect(omitted.map((g) => g.key)).toEqual(['m6', 'm7', 'm8']);
    expect(curveCharts([docWith(series)], undefined, { limit: 0 })).toEqual([]);
  });

  it('uses the display settings for the values in the alt text', () => {
    const [spec] = curveCharts(
      [
        docWith({
          accuracy: [
            [0, 0.5],
            [1, 0.9134],
          ],
        }),
      ],
      undefined,
      {
        displayFor: () => ({ percent: true, precision: 3 }),
      },
    );
    expect(spec!.alt).toBe('accuracy by step: pull request ends at 91.3%.');
  });
});

describe('capPoints', () => {
  const points: SeriesPoint[] = Array.from({ length: 10_000 }, (_, i) => ({
    step: i,
    value: i === 5000 ? NaN : Math.sin(i / 100) + (i === 7777 ? 10 : 0),
  }));

  it('leaves series within the cap alone', () => {
    expect(capPoints(points.slice(0, 100), 2000)).toHaveLength(100);
  });

  it('keeps at most the cap, and the first, last, extreme and non-finite points', () => {
    const kept = capPoints(points, 2000);
    expect(kept.length).toBeLessThanOrEqual(2000);
    expect(kept.length).toBeGreaterThan(500);
    const steps = new Set(kept.map((p) => p.step));
    for (const s of [0, 9999, 5000, 7777]) expect(steps.has(s)).toBe(true);
    expect(kept.map((p) => p.step)).toEqual([...steps].sort((a, b) => a - b));
  });

  it('caps the drawn points of a longer series', () => {
    const doc = docWith({ loss: { steps: 5000, f: (s) => 1 / (1 + s) } });
    doc.series.loss!.points = Array.from({ length: 5000 }, (_, i) => ({ step: i, value: 1 / (1 + i) }));
    const [spec] = curveCharts([doc], undefined, { maxPoints: 500 });
    expect(datasets(spec!)[0]!.data.length).toBeLessThanOrEqual(500);
  });
});

describe('niceLog', () => {
  it.each([
    [0.0001, 'down', 0.0001],
    [0.00013, 'down', 0.0001],
    [0.3048, 'up', 0.5],
    [0.525, 'up', 1],
    [3, 'up', 5],
    [3, 'down', 2],
    [1e-7, 'down', 1e-7],
  ] as const)('%s rounded %s is %s', (value, way, expected) => {
    expect(niceLog(value, way)).toBe(expected);
  });
});
