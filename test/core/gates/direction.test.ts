import { readFileSync } from 'node:fs';
import { inferDirection } from '../../../packages/core/src/gates/direction.js';

/** test/fixtures/metric-names/directions.json: names written by real tools, with their direction. */
interface NameTable {
  description: string;
  sources: Record<string, string>;
  names: { name: string; expected: 'higher' | 'lower' | 'unknown'; source: string; why?: string }[];
}
const TABLE_FILE = 'test/fixtures/metric-names/directions.json';
const table = JSON.parse(readFileSync(TABLE_FILE, 'utf8')) as NameTable;

describe(`the direction of metric names written by real tools (${TABLE_FILE})`, () => {
  it('is a table of at least 150 distinct names, each from a named source', () => {
    expect(table.names.length).toBeGreaterThanOrEqual(150);
    expect(new Set(table.names.map((n) => n.name)).size).toBe(table.names.length);
    expect(table.names.filter((n) => !(n.source in table.sources))).toEqual([]);
    expect(table.names.filter((n) => !['higher', 'lower', 'unknown'].includes(n.expected))).toEqual([]);
    // Every source is used, and no group is empty.
    expect(Object.keys(table.sources).filter((s) => !table.names.some((n) => n.source === s))).toEqual([]);
  });

  it('holds the reproducers of issue #11', () => {
    const issue = Object.fromEntries(
      table.names.filter((n) => n.source === 'issue-11').map((n) => [n.name, n.expected]),
    );
    expect(issue).toEqual({
      loss_reduction: 'higher',
      error_rate_improvement: 'higher',
      latency_improvement: 'higher',
      cost_savings: 'higher',
      negative_log_likelihood: 'lower',
      accuracy_drop: 'lower',
      time_to_accuracy: 'lower',
    });
  });

  it('infers every one of them (all mismatches are listed at once)', () => {
    const mismatches = table.names.flatMap(({ name, expected, source }) => {
      const got = inferDirection(name) ?? 'unknown';
      return got === expected ? [] : [`${name}: expected ${expected}, got ${got} (${source})`];
    });
    expect(mismatches).toEqual([]);
  });
});

describe('inferring whether higher or lower is better from a metric name', () => {
  it.each([
    'loss',
    'eval_loss',
    'val/loss',
    'train.loss',
    'test_cross_entropy',
    'val_cross_entropy',
    'eval_wer',
    'rmse',
    'latency_ms',
    'eval_runtime',
    'perplexity',
    'memory_mb',
    'error_rate',
    'failures',
    'MeanAbsoluteError',
    'logLoss',
  ])('%s: lower is better', (key) => {
    expect(inferDirection(key)).toBe('lower');
  });

  it.each([
    'accuracy',
    'val_accuracy',
    'eval.accuracy',
    'f1',
    'macro avg.f1-score',
    'roc_auc',
    'roc_auc_by_geo.France',
    'test_bleu',
    'rouge2',
    'r2',
    'mAP',
    'precision',
    'recall@10',
    'train_samples_per_second',
    'top1',
    'top-5',
    'ndcg@10',
    'passed',
    'reward',
  ])('%s: higher is better', (key) => {
    expect(inferDirection(key)).toBe('higher');
  });

  it.each([
    'epoch',
    'step',
    'global_step',
    'learning_rate',
    'total_flos',
    'support',
    'eval_samples',
    'custom_metric',
  ])('%s: unknown', (key) => {
    expect(inferDirection(key)).toBeUndefined();
  });
});

describe('the name is read as a whole, never by its last known word', () => {
  it.each([
    // the issue's reproducers: an earlier word used to decide
    ['loss_reduction', 'higher'],
    ['error_rate_improvement', 'higher'],
    ['latency_improvement', 'higher'],
    ['cost_savings', 'higher'],
    ['negative_log_likelihood', 'lower'],
    ['accuracy_drop', 'lower'],
    ['time_to_accuracy', 'lower'],
    // modifiers invert, keep or re-base the phrase before them
    ['accuracy_gain', 'higher'],
    ['error_increase', 'lower'],
    ['accuracy_degradation', 'lower'],
    ['error_rate_reduction', 'higher'],
    ['false_positive_rate_reduction', 'higher'],
    ['generalization_gap', 'lower'],
    ['improvement', 'higher'],
    // negation flips, twice if it must (scikit-learn's LR- scorer)
    ['neg_mean_squared_error', 'higher'],
    ['neg_log_loss', 'higher'],
    ['nll', 'lower'],
    ['neg_negative_likelihood_ratio', 'higher'],
    // durations to reach something
    ['steps_to_target', 'lower'],
    ['epochs_to_converge', 'lower'],
    ['time_to_first_token', 'lower'],
    // per unit of time is a throughput, time per unit is a cost
    ['tokens_per_sec', 'higher'],
    ['it/s', 'higher'],
    ['eval_steps_per_second', 'higher'],
    ['ms_per_token', 'lower'],
    ['seconds_per_step', 'lower'],
    ['time_per_iter', 'lower'],
    ['latency_per_sample', 'lower'],
    ['reward_per_step', 'higher'],
    // qualifiers are skipped
    ['accuracy_macro', 'higher'],
    ['val_accuracy', 'higher'],
    ['f1_score_weighted', 'higher'],
    ['precision_at_5', 'higher'],
    ['latency_p99', 'lower'],
    ['top1_err', 'lower'],
    ['acc_norm', 'higher'],
    // segments: the last one that is not a split or aggregate, or a group under *_by_*
    ['per_class.setosa.recall', 'higher'],
    ['eval.per_class.f1_score', 'higher'],
    ['recall_per_class.setosa', 'higher'],
    ['test.accuracy.mean', 'higher'],
    ['Loss/train', 'lower'],
    ['f1.score', 'higher'],
    ['loss.reduction', 'higher'],
  ] as const)('%s: %s is better', (key, expected) => {
    expect(inferDirection(key)).toBe(expected);
  });

  it.each([
    // an unknown word at the end: the name is not understood
    'accuracy_foo',
    'loss_scale',
    'f1_us',
    // a modifier of a name of unknown direction
    'foo_reduction',
    'foo_improvement',
    'reduction',
    // a spread of a metric, or a change in either sign, has no direction
    'accuracy_std',
    'test.accuracy.std',
    'acc_stderr,none',
    'reward_var',
    'loss_delta',
    'accuracy_diff',
    'f1_change',
    'delta_accuracy',
    // a count, a setting or a point in time named after a metric
    'results.task.sample_count.acc,none',
    'benchmarks.0.options.max_time',
    'start_time',
    'eta_seconds',
    'batch_size',
    'tokens_per_sample',
    // the last segment is a name of something else (a class under a metric, without `_by_`)
    'f1.cat',
    // a weak head after an unknown word
    'anomaly_score',
    'dropout_rate',
  ])('%s: unknown', (key) => {
    expect(inferDirection(key)).toBeUndefined();
  });
});

describe('bookkeeping numbers have no direction', () => {
  // How far a run got (epoch, step, global_step), what the schedule set (learning_rate, lr) and the
  // compute it spent (total_flos, num_input_tokens_seen) describe the run, not the model. grad_norm
  // is a health signal: a stable value is good, and neither a smaller nor a bigger one is better
  // (a gate preferring small norms would reward vanishing gradients).
  it.each([
    'epoch',
    'step',
    'global_step',
    '_step',
    'learning_rate',
    'lr',
    'lr-Adam',
    'total_flos',
    'num_input_tokens_seen',
    'grad_norm',
  ])('%s', (key) => {
    expect(inferDirection(key)).toBeUndefined();
  });
});
