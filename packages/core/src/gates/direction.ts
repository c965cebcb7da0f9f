import { splitKey } from '../keys.js';

/** Whether a bigger number is a better model. */
export type Direction = 'higher' | 'lower';

/**
 * Words that say "smaller is better" or "bigger is better" when they end a metric's name (or a
 * segment of it). The last word that is known decides: `eval_loss` is a loss, `loss_reduction`
 * is not recognised (and so has no direction until configured), `val_accuracy` is an accuracy.
 */
const LOWER = new Set([
  'loss',
  'losses',
  'error',
  'errors',
  'err',
  'mae',
  'mse',
  'rmse',
  'msle',
  'rmsle',
  'mape',
  'smape',
  'nll',
  'perplexity',
  'ppl',
  'latency',
  'time',
  'duration',
  'runtime',
  'seconds',
  'secs',
  'sec',
  'ms',
  'memory',
  'mem',
  'rss',
  'bytes',
  'size',
  'wer',
  'cer',
  'ter',
  'fpr',
  'fnr',
  'fid',
  'kl',
  'divergence',
  'regret',
  'delay',
  'cost',
  'distance',
  'bpc',
  'bpd',
  'failures',
  'failed',
  'failure',
  'miss',
  'misses',
  'eer',
  'hamming',
  'brier',
  'ece',
  'mce',
  'violations',
  'crossentropy',
]);
const HIGHER = new Set([
  'accuracy',
  'acc',
  'f1',
  'fscore',
  'auc',
  'auroc',
  'auprc',
  'aupr',
  'precision',
  'recall',
  'map',
  'bleu',
  'rouge',
  'rouge1',
  'rouge2',
  'rougel',
  'rougelsum',
  'r2',
  'iou',
  'miou',
  'dice',
  'ndcg',
  'mrr',
  'hit',
  'hits',
  'hitrate',
  'score',
  'throughput',
  'reward',
  'rewards',
  'return',
  'returns',
  'top1',
  'top5',
  'sensitivity',
  'specificity',
  'tpr',
  'tnr',
  'kappa',
  'mcc',
  'psnr',
  'ssim',
  'meteor',
  'chrf',
  'em',
  'exact',
  'spearman',
  'pearson',
  'corr',
  'correlation',
  'coverage',
  'passed',
  'pass',
  'success',
  'win',
  'winrate',
  'qps',
  'fps',
  'speedup',
  'gain',
  'likelihood',
  'elbo',
  'balanced',
]);

/** Phrases that beat single words: `train_samples_per_second` is a throughput, not a time. */
const HIGHER_PHRASES = [
  /per_?sec(ond)?s?$/,
  /_per_s$/,
  /\/s$/,
  /per_?step_?per_?sec/,
  /tokens_?per/,
  /samples_?per/,
  /it_?per_?s/,
];

const LOWER_PHRASES = [/cross_?entropy$/, /log_?loss$/, /error_?rate$/];

export function inferDirection(key: string): Direction | undefined {
  const segments = splitKey(key);
  for (let s = segments.length - 1; s >= 0; s--) {
    const segment = segments[s]!;
    // camelCase words apart (logLoss, MeanAbsoluteError) but acronyms whole (mAP, AUC); top-5 is top5.
    const normal = segment
      .replace(/([a-z0-9])([A-Z][a-z])/g, '$1_$2')
      .toLowerCase()
      .replace(/top[-_ ]?(\d)/g, 'top$1');
    if (HIGHER_PHRASES.some((re) => re.test(normal))) return 'higher';
    if (LOWER_PHRASES.some((re) => re.test(normal))) return 'lower';
    const words = normal.split(/[^a-z0-9]+/).filter((w) => w !== '');
    for (let w = words.length - 1; w >= 0; w--) {
      const word = words[w]!;
      if (LOWER.has(word)) return 'lower';
      if (HIGHER.has(word)) return 'higher';
      // f1-score, top-1 accuracy and friends split into pieces that are still telling.
      if (/^f\d/.test(word) || /^top\d+$/.test(word) || /^(map|ndcg|recall|precision|hit)\d+$/.test(word))
        return 'higher';
    }
  }
  return undefined;
}
