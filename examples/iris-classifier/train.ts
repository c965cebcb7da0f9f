/**
 * Trains a small neural network (4 inputs, one tanh hidden layer, softmax over 3 species) on the
 * Iris data with mini-batch stochastic gradient descent, then writes what a real training job
 * writes and mlci reads:
 *
 *   metrics.json          accuracy, macro F1, log loss, per-class precision/recall/F1 (held-out split)
 *   train-log.csv         one row per epoch: epoch, train_loss, train_accuracy, val_loss, val_accuracy
 *   eval/predictions.csv  one row per held-out flower: id, label, prediction, log_loss and one
 *                         probability per class. In a sub-folder because mlci reads every
 *                         metrics-like file of a run folder as the run, and these rows are not.
 *   params.yaml           the hyper-parameters, so the report can say which ones a pull request changed
 *
 * Usage: npx tsx examples/iris-classifier/train.ts [--lr 0.05] [--epochs 60] [--seed 1] [--l2 0.001]
 *                                                  [--hidden 8] [--batch-size 8] --out DIR
 *
 * Plain TypeScript without dependencies, so the example needs nothing beyond `npm ci`. Everything
 * random comes from one seeded generator and every number written is rounded, so the same flags
 * give byte-identical files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** The main branch's hyper-parameters: `baseline/` was trained with these (see make-baseline.ts). */
export const MAIN_PARAMS: Readonly<Params> = {
  lr: 0.05,
  epochs: 60,
  seed: 1,
  l2: 0.001,
  hidden: 8,
  batchSize: 8,
};

/** The seeds of a run set: three per side, enough for Welch's t-test to see the spread between seeds. */
export const SEEDS: readonly number[] = [1, 2, 3];

export interface Params {
  /** Learning rate of plain SGD. */
  lr: number;
  epochs: number;
  /** Seeds the weight initialisation and the order of the mini-batches, never the split. */
  seed: number;
  /** L2 penalty on the weights (not the biases), added to the training loss. */
  l2: number;
  hidden: number;
  batchSize: number;
}

/**
 * The held-out split is fixed, whatever --seed says: base and pull request, and every seed, are
 * then scored on the same 60 flowers, which is what a paired test (McNemar) requires.
 */
const SPLIT_SEED = 20240611;
const TEST_PER_CLASS = 20;

export const DATA_FILE = fileURLToPath(new URL('./data/iris.csv', import.meta.url));

export interface Example {
  /** The row number in data/iris.csv (1-based), stable across runs so predictions pair by id. */
  id: string;
  features: number[];
  label: number;
}

export interface Dataset {
  classes: string[];
  examples: Example[];
}

export function loadIris(file = DATA_FILE): Dataset {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const classes: string[] = [];
  const examples = lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    // "Iris-setosa" -> "setosa": the short name reads better in the confusion matrix.
    const name = (cells[4] ?? '').replace(/^Iris-/, '');
    if (!classes.includes(name)) classes.push(name);
    const features = cells.slice(0, 4).map(Number);
    if (features.length !== 4 || features.some((v) => !Number.isFinite(v)) || name === '')
      throw new Error(`${file}:${i + 2}: expected 4 numbers and a class, found ${JSON.stringify(line)}`);
    return { id: String(i + 1), features, label: classes.indexOf(name) };
  });
  return { classes, examples };
}

/** mulberry32: a tiny, well-mixed 32-bit generator, identical on every platform. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A stratified split: the same number of each species held out, so no class is under-tested. */
export function split(data: Dataset): { train: Example[]; test: Example[] } {
  const random = rng(SPLIT_SEED);
  const train: Example[] = [];
  const test: Example[] = [];
  data.classes.forEach((_, c) => {
    const members = shuffle(
      data.examples.filter((e) => e.label === c),
      random,
    );
    test.push(...members.slice(0, TEST_PER_CLASS));
    train.push(...members.slice(TEST_PER_CLASS));
  });
  const byId = (a: Example, b: Example) => Number(a.id) - Number(b.id);
  return { train: train.sort(byId), test: test.sort(byId) };
}

/** Standardises with the training split's mean and spread only, so nothing leaks from the test split. */
function standardizer(train: Example[]): (x: number[]) => number[] {
  const n = train.length;
  const dims = train[0]!.features.length;
  const mean = Array.from({ length: dims }, (_, d) => train.reduce((s, e) => s + e.features[d]!, 0) / n);
  const sd = mean.map((m, d) => Math.sqrt(train.reduce((s, e) => s + (e.features[d]! - m) ** 2, 0) / n));
  return (x) => x.map((v, d) => (v - mean[d]!) / sd[d]!);
}

/** One hidden layer: h = tanh(W1 x + b1), p = softmax(W2 h + b2). Weights are row-major arrays. */
interface Network {
  inputs: number;
  hidden: number;
  outputs: number;
  w1: Float64Array;
  b1: Float64Array;
  w2: Float64Array;
  b2: Float64Array;
}

function initNetwork(inputs: number, hidden: number, outputs: number, random: () => number): Network {
  // Glorot-uniform, as Keras initialises Dense layers: keeps tanh out of saturation at the start.
  const glorot = (fanIn: number, fanOut: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return Float64Array.from({ length: fanIn * fanOut }, () => (random() * 2 - 1) * limit);
  };
  return {
    inputs,
    hidden,
    outputs,
    w1: glorot(inputs, hidden),
    b1: new Float64Array(hidden),
    w2: glorot(hidden, outputs),
    b2: new Float64Array(outputs),
  };
}

function forward(net: Network, x: number[]): { h: Float64Array; p: Float64Array } {
  const h = new Float64Array(net.hidden);
  for (let j = 0; j < net.hidden; j++) {
    let z = net.b1[j]!;
    for (let i = 0; i < net.inputs; i++) z += net.w1[j * net.inputs + i]! * x[i]!;
    h[j] = Math.tanh(z);
  }
  const p = new Float64Array(net.outputs);
  for (let k = 0; k < net.outputs; k++) {
    let z = net.b2[k]!;
    for (let j = 0; j < net.hidden; j++) z += net.w2[k * net.hidden + j]! * h[j]!;
    p[k] = z;
  }
  // Softmax minus the largest logit: the same probabilities without overflowing exp.
  const max = Math.max(...p);
  let sum = 0;
  for (let k = 0; k < net.outputs; k++) sum += p[k] = Math.exp(p[k]! - max);
  for (let k = 0; k < net.outputs; k++) p[k] = p[k]! / sum;
  return { h, p };
}

/** Cross-entropy of one example; probabilities are clipped as scikit-learn's log_loss clips them. */
function exampleLoss(p: Float64Array, label: number): number {
  return -Math.log(Math.min(1 - 1e-15, Math.max(1e-15, p[label]!)));
}

/** One SGD step on a mini-batch: the mean cross-entropy gradient plus the L2 penalty's. */
function step(net: Network, batch: Array<{ x: number[]; label: number }>, lr: number, l2: number): void {
  const gw1 = new Float64Array(net.w1.length);
  const gb1 = new Float64Array(net.b1.length);
  const gw2 = new Float64Array(net.w2.length);
  const gb2 = new Float64Array(net.b2.length);
  for (const { x, label } of batch) {
    const { h, p } = forward(net, x);
    const dh = new Float64Array(net.hidden);
    for (let k = 0; k < net.outputs; k++) {
      const dz = p[k]! - (k === label ? 1 : 0);
      gb2[k] = gb2[k]! + dz;
      for (let j = 0; j < net.hidden; j++) {
        gw2[k * net.hidden + j] = gw2[k * net.hidden + j]! + dz * h[j]!;
        dh[j] = dh[j]! + dz * net.w2[k * net.hidden + j]!;
      }
    }
    for (let j = 0; j < net.hidden; j++) {
      const dz = dh[j]! * (1 - h[j]! * h[j]!);
      gb1[j] = gb1[j]! + dz;
      for (let i = 0; i < net.inputs; i++) gw1[j * net.inputs + i] = gw1[j * net.inputs + i]! + dz * x[i]!;
    }
  }
  const n = batch.length;
  const update = (w: Float64Array, g: Float64Array, decay: number) => {
    for (let i = 0; i < w.length; i++) w[i] = w[i]! - lr * (g[i]! / n + decay * w[i]!);
  };
  update(net.w1, gw1, l2);
  update(net.b1, gb1, 0);
  update(net.w2, gw2, l2);
  update(net.b2, gb2, 0);
}

interface Evaluation {
  loss: number;
  accuracy: number;
  probabilities: Float64Array[];
  predicted: number[];
  losses: number[];
}

function evaluate(net: Network, examples: Array<{ x: number[]; label: number }>): Evaluation {
  const probabilities = examples.map((e) => forward(net, e.x).p);
  const predicted = probabilities.map((p) => p.indexOf(Math.max(...p)));
  const losses = examples.map((e, i) => exampleLoss(probabilities[i]!, e.label));
  return {
    loss: losses.reduce((a, b) => a + b, 0) / examples.length,
    accuracy: predicted.filter((k, i) => k === examples[i]!.label).length / examples.length,
    probabilities,
    predicted,
    losses,
  };
}

/** Rounded so that output bytes do not depend on the last bits of floating-point arithmetic. */
const round = (v: number, digits = 6) => Number(v.toFixed(digits));

export interface TrainResult {
  metrics: Record<string, unknown>;
  files: string[];
}

/** Trains one model with the given hyper-parameters and writes its four files into `out`. */
export function train(params: Params, out: string, data: Dataset = loadIris()): TrainResult {
  const { train: trainSet, test: testSet } = split(data);
  const scale = standardizer(trainSet);
  const trainXs = trainSet.map((e) => ({ x: scale(e.features), label: e.label }));
  const testXs = testSet.map((e) => ({ x: scale(e.features), label: e.label }));

  const random = rng(params.seed);
  const net = initNetwork(4, params.hidden, data.classes.length, random);
  const log = ['epoch,train_loss,train_accuracy,val_loss,val_accuracy'];
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    const order = shuffle(trainXs, random);
    for (let start = 0; start < order.length; start += params.batchSize)
      step(net, order.slice(start, start + params.batchSize), params.lr, params.l2);
    // Like Keras's CSVLogger: epochs from 0, losses of the model as it is at the end of the epoch.
    const t = evaluate(net, trainXs);
    const v = evaluate(net, testXs);
    log.push([epoch, round(t.loss), round(t.accuracy), round(v.loss), round(v.accuracy)].join(','));
  }

  const final = evaluate(net, testXs);
  const perClass: Record<string, { precision: number; recall: number; f1: number }> = {};
  let f1Sum = 0;
  data.classes.forEach((name, c) => {
    const truePositives = final.predicted.filter((k, i) => k === c && testXs[i]!.label === c).length;
    const predictedCount = final.predicted.filter((k) => k === c).length;
    const actualCount = testXs.filter((e) => e.label === c).length;
    // scikit-learn's zero_division=0: a class never predicted has precision 0, not NaN.
    const precision = predictedCount === 0 ? 0 : truePositives / predictedCount;
    const recall = actualCount === 0 ? 0 : truePositives / actualCount;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    f1Sum += f1;
    perClass[name] = { precision: round(precision), recall: round(recall), f1: round(f1) };
  });
  const metrics = {
    accuracy: round(final.accuracy),
    f1_macro: round(f1Sum / data.classes.length),
    log_loss: round(final.loss),
    per_class: perClass,
  };

  const predictions = [
    ['id', 'label', 'prediction', 'log_loss', ...data.classes.map((c) => `prob_${c}`)].join(','),
    ...testSet.map((e, i) =>
      [
        e.id,
        data.classes[e.label],
        data.classes[final.predicted[i]!],
        round(final.losses[i]!),
        ...Array.from(final.probabilities[i]!, (p) => round(p)),
      ].join(','),
    ),
  ];

  const yaml = [
    '# Hyper-parameters of this run, written by train.ts',
    `lr: ${params.lr}`,
    `epochs: ${params.epochs}`,
    `seed: ${params.seed}`,
    `l2: ${params.l2}`,
    `hidden: ${params.hidden}`,
    `batch_size: ${params.batchSize}`,
  ];

  mkdirSync(join(out, 'eval'), { recursive: true });
  const files = {
    'metrics.json': `${JSON.stringify(metrics, null, 2)}\n`,
    'train-log.csv': `${log.join('\n')}\n`,
    'eval/predictions.csv': `${predictions.join('\n')}\n`,
    'params.yaml': `${yaml.join('\n')}\n`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, ...name.split('/')), text);
  return { metrics, files: Object.keys(files).map((name) => join(out, ...name.split('/'))) };
}

/** The hyper-parameter flags, for node's parseArgs; run.ts takes them too (all but --seed). */
export const PARAM_FLAGS = {
  lr: { type: 'string' },
  epochs: { type: 'string' },
  seed: { type: 'string' },
  l2: { type: 'string' },
  hidden: { type: 'string' },
  'batch-size': { type: 'string' },
} as const;

type FlagValues = Partial<Record<keyof typeof PARAM_FLAGS, string>>;

/** Hyper-parameters from flag values; a flag not given keeps its value in `defaults`. */
export function paramsFromFlags(values: FlagValues, defaults: Readonly<Params>): Params {
  const number = (name: keyof FlagValues, fallback: number, integer: boolean) => {
    const value = values[name];
    if (value === undefined) return fallback;
    const n = Number(value);
    const ok = value.trim() !== '' && Number.isFinite(n) && n >= 0 && (!integer || Number.isInteger(n));
    if (!ok) throw new Error(`--${name}: expected a ${integer ? 'whole ' : ''}number >= 0, found ${value}`);
    return n;
  };
  const params: Params = {
    lr: number('lr', defaults.lr, false),
    epochs: number('epochs', defaults.epochs, true),
    seed: number('seed', defaults.seed, true),
    l2: number('l2', defaults.l2, false),
    hidden: number('hidden', defaults.hidden, true),
    batchSize: number('batch-size', defaults.batchSize, true),
  };
  if (params.hidden < 1 || params.batchSize < 1)
    throw new Error('--hidden and --batch-size must be at least 1');
  return params;
}

/** Parses `--lr 0.1 --epochs 40 ... --out DIR`; anything missing takes the main branch's value. */
export function parseTrainArgs(args: string[]): { params: Params; out: string } {
  const { values } = parseArgs({ args, options: { ...PARAM_FLAGS, out: { type: 'string' } } });
  if (values.out === undefined || values.out === '') throw new Error('--out DIR: where to write the run');
  return { params: paramsFromFlags(values, MAIN_PARAMS), out: values.out };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { params, out } = parseTrainArgs(process.argv.slice(2));
    const { metrics } = train(params, out);
    const m = metrics as { accuracy: number; f1_macro: number; log_loss: number };
    console.log(
      `${out}: accuracy ${m.accuracy}, macro F1 ${m.f1_macro}, log loss ${m.log_loss} (seed ${params.seed})`,
    );
  } catch (error) {
    console.error(`train.ts: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
