import { inferDirection } from '../../../packages/core/src/gates/direction.js';

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
