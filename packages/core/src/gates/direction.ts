import { splitKey } from '../keys.js';

/** Whether a bigger number is a better model. */
export type Direction = 'higher' | 'lower';

/*
 * How a metric's name gives its direction
 * =======================================
 * A gate that trusts a wrong direction waves a worse model through, so a name is read as a whole
 * and a name that is not understood has no direction (the user configures one). There is never a
 * fallback to an earlier word: `accuracy_foo` is unknown, not an accuracy.
 *
 * 1. Which segment. The key is split into segments (`splitKey`). The last segment decides, except
 *    that these are skipped, from the end: a segment made only of neutral words (`test.accuracy.mean`,
 *    `Loss.train`, the list index in `times.0`), and a group value under a metric broken down by
 *    group (`roc_auc_by_geo.France`, `recall_per_class.setosa`; not under a bare `per_class`). No
 *    earlier segment is read (`f1.cat`, a class under a metric without `_by_`, is unknown: its last
 *    segment is a name this file cannot know), except:
 *    - a deciding segment that starts with a word that qualifies what precedes it (`score`, `rate`,
 *      `reduction`, ...) is read with its parent (`f1.score` = `f1_score`, `loss.reduction`);
 *    - an ancestor segment that says what kind of number follows makes the key unknown: a count or a
 *      spread (`sample_count.acc`, `std.accuracy`), a change (`delta.loss`) or settings
 *      (`options.max_time`, `config.*`, `hparams.*`).
 * 2. Words. A segment is cut into lower-case words at every non-alphanumeric character and at
 *    camelCase humps (`logLoss`, `MeanAbsoluteError`; acronyms stay whole: `mAP`). lm-eval's filter
 *    after a comma (`acc,none`, `exact_match,strict-match`) and parenthesised notes
 *    (`metrics/mAP50-95(B)`) are dropped; `x/s` reads `x_per_second`; `top-5` is `top5`, `rougeLsum`
 *    is `rougelsum`, Keras' `mean_io_u` is `mean_iou`.
 * 3. Qualifiers. Neutral words are skipped at both ends: split names (train, val, eval, test, ...),
 *    aggregates (mean, avg, macro, micro, weighted, overall, final, best, total, min, max, ...),
 *    `metric(s)`, the stage markers `epoch`/`step` (Lightning's `loss_epoch`), numbers and k-suffixes
 *    (`@5`, `_1`, `p99`, `v1`, `split0`), memory units (`mb`). A few more are skipped only at the end
 *    and after another word: `samples` (`f1_samples`), `norm` (`acc_norm`), `ovr`/`ovo`, `small`,
 *    `top1` (`top1_err` is an error, `err_top1` too, `top1` alone is an accuracy).
 * 4. The phrase, in this order (each step on what is left after the qualifiers):
 *    a. whole phrases that the next rules would misread (`explained_variance` higher, fairlearn's
 *       `*_parity_difference` lower and `*_parity_ratio` higher, `max_error` unknown because
 *       scikit-learn's scorer of that name is negated while the metric is not);
 *    b. `neg_x` / `negative_x` is the opposite of x (`neg_mean_squared_error` higher,
 *       `negative_log_likelihood` lower), and unknown if x is; scikit-learn's `rank_test_x` is
 *       lower (rank 1 is the best, as in `mean_rank`; `rank` alone is a process's rank) and `d2_x`
 *       higher (D² scores);
 *    c. `x_at_y` and `x_by_y` are x (`precision_at_recall`, `hits_at_10`, `f1_by_geo`);
 *       `x_per_y`: a count per unit of time is a throughput, higher (`train_samples_per_second`,
 *       `tokens_per_sec`, `it/s`); a time per anything is lower (`ms_per_token`, `time_per_iter`); bits
 *       per unit are lower (`bits_per_byte`); a count per non-time unit is unknown
 *       (`tokens_per_sample`); per class/label/task/... is a grouping (`recall_per_class` = recall);
 *       else x decides (`reward_per_step` higher, `loss_per_token` lower);
 *    d. `time_to_x`, `steps_to_x`, `epochs_to_x`, ... are lower (a duration to reach something);
 *    e. a spread or change at either end has no direction, whatever it is of: `*_std`, `*_var`,
 *       `*_stderr`, `*_delta`, `*_diff`, `*_change`, `std_*`, `delta_*`;
 *    f. a modifier at the end applies to the phrase before it, and gives unknown when that phrase is
 *       unknown: `*_reduction`/`_decrease`/`_drop`/`_degradation` invert it (`loss_reduction`
 *       higher, `accuracy_drop` lower); `*_increase` keeps it (`error_increase` lower);
 *       `*_improvement`/`_gain`/`_savings`/`_speedup` are always higher (`latency_improvement`,
 *       `cost_savings`); `*_gap` is lower (generalisation gap);
 *    g. known multi-word names (`cross_entropy`, `false_positive_rate`, `exact_match`,
 *       `signal_noise_ratio`, `davies_bouldin`, `learned_perceptual_image_patch_similarity`, ...);
 *    h. a weak head at the end takes the direction of the phrase before it: `*_score`, `*_rate`,
 *       `*_ratio`, `*_index`, `*_measure`, `*_count` (`f1_score`, `error_rate`, `pass_rate`,
 *       `jaccard_index`); after an unknown phrase they are unknown (`learning_rate`,
 *       `anomaly_score`); alone, `score` is higher and the others unknown (`scores` may be a list
 *       of per-example scores);
 *    i. a detection loss named head first (`loss_cls`, `loss_box_reg`, `loss/policy`) is lower when
 *       every word after `loss` is a known loss component;
 *    j. otherwise the last word is the head and must be a known word: `loss`, `error`, `wer`,
 *       `latency`, `memory`, ... are lower; `accuracy`, `f1`, `auc`, `bleu`, `reward`, ... are higher.
 *       The words before it only say which one (`val_sparse_categorical_accuracy`), except that a
 *       point in time or a setting is not a duration (`start_time`, `eta_seconds`, `timeout_minutes`
 *       are unknown) and only a model's or a file's size is lower (`batch_size` is unknown).
 *    Anything else is unknown: bookkeeping (`epoch`, `global_step`, `learning_rate`, `total_flos`,
 *    `grad_norm`), counts (`eval_samples`, `num_tokens`) and every word this file does not know.
 */

type Dir = Direction | undefined;

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Skipped at either end of a phrase; a segment made only of these is skipped (`test.accuracy.mean`). */
const NEUTRAL = words(`
  train training val valid validation eval evaluation test testing dev holdout
  mean avg average macro micro weighted overall final best total sum median min max agg aggregate
  combined global running smoothed ema cv epoch step metric metrics
  mb gb kb tb mib gib kib pct percent percentage`);
/** Skipped only at the end after another word: `f1_samples`, `acc_norm`, `roc_auc_ovr`, `map_small`. */
const TRAILING = words(`samples norm unscaled ovr ovo k small medium large`);
const NUMBERED = /^(?:\d+|p\d+|v\d+|(?:split|fold|seed|run)\d+)$/;
const TOP_K = /^top\d+$/;

const NEGATION = words('neg negative');
/** A spread or a change of a metric has no direction of its own. */
const UNDIRECTED = words(`
  std stddev stdev stderr var variance iqr spread
  delta deltas diff diffs difference differences change changes shift`);
/** `x_reduction`: the opposite of x. */
const INVERTING = words('reduction reductions decrease decreases drop drops degradation decline');
/** `x_increase`: the same as x. */
const KEEPING = words('increase increases rise growth');
/** `x_improvement`: how much better x got, so higher whichever way x goes. */
const BETTERING = words('improvement improvements gain gains savings saving speedup uplift');
/** Heads that say how x is measured, not which way is better: `f1_score`, `error_rate`. */
const WEAK = words('score scores rate rates ratio index measure count');
/** Deciding segments that start with one of these are read with their parent: `f1.score`. */
const JOINING = new Set([...WEAK, ...INVERTING, ...KEEPING, ...BETTERING, 'gap']);

/** `time_to_accuracy`, `steps_to_target`: a duration to reach something. */
const DURATIONS_TO = words(
  'time steps epochs iterations iters updates samples tokens episodes seconds minutes hours',
);
const TIME = words('time latency runtime duration delay seconds second secs sec s ms us ns minutes hours');
const TIME_UNITS = words('second seconds sec secs s minute minutes hour hours hr ms day');
/** Units that are read only after a time (`latency_us`): alone they could be anything (`f1_us`). */
const SHORT_TIME_UNITS = words('s us ns');
/** `start_time`, `eta_seconds`, `timeout_minutes`: a point in time or a setting, not a duration. */
const NOT_ELAPSED = words('start end begin finish stop wall creation eta current timeout interval');
/** Things counted: a count per second is a throughput. */
const COUNTED = words(`
  samples sample tokens token steps step it its iter iters iteration iterations images image imgs img
  frames frame examples example sequences sequence seqs queries query requests request batches batch
  items item words chars characters bytes episodes episode updates predictions docs documents rows records
  instances sentences utterances flops tflops gflops ops calls transactions events`);
/** `recall_per_class`, `f1_by_geo`: a metric broken down by group. */
const GROUPS = words(`
  class classes label labels category categories group groups language languages lang task tasks dataset
  datasets domain domains slice slices bucket buckets segment segments geo country countries region regions
  user users subset subsets subgroup subgroups split splits device gpu node worker source`);
/** Only these sizes are costs: `model_size` is lower, `batch_size` has no direction. */
const SIZED = words(
  'model file checkpoint ckpt artifact disk binary bundle package weights onnx download docker',
);
/** `loss_cls`, `loss_box_reg`, `loss/policy`: the part of a loss, named after it. */
const LOSS_PARTS = words(`
  cls classifier class box bbox reg objectness obj rpn roi loc mask keypoint ce giou iou dice focal dfl seg
  ctc mlm nsp lm recon rec reconstruction kl kld vq commit commitment aux policy value vf pi actor critic
  gen disc generator discriminator g d adv content style perceptual contrastive centerness depth pose
  l1 l2 mse mae bce nll smooth main`);
/** An ancestor ending in one of these makes the key unknown: `sample_count.acc`, `options.max_time`. */
const BLOCKING_ANCESTORS = words(`
  count counts std stddev stdev stderr var variance delta deltas diff diffs difference change changes
  config configs params hparams hyperparameters args options settings kwargs`);

const LOWER = words(`
  loss losses error errors err mae mse rmse msle rmsle mape smape wape mase nll nloglik logloss mlogloss
  merror perplexity ppl latency time duration runtime delay seconds secs sec ms memory mem rss vram bytes
  wer cer ter mer wil fpr fnr fdr fid kid kl kld divergence regret cost costs distance bpc bpd bpb
  failures failed failure fail fails miss misses eer hamming brier ece mce violations violation
  crossentropy deviance huber hinge logcosh poisson toxicity ttft tpot itl e2el lpips ergas minutes hours`);
const HIGHER = words(`
  accuracy accuracies acc f1 fscore fbeta fmeasure auc auroc auprc aupr aucpr precision prec recall map
  mar ap aps apm apl bleu sacrebleu rouge rougel rougelsum r2 iou miou dice ndcg dcg mrr hit hits hitrate
  throughput reward rewards rew return returns sensitivity specificity tpr tnr kappa mcc
  psnr ssim meteor chrf cider em exact spearman spearmanr pearson pearsonr corr corrcoef correlation
  coverage passed pass success successes win wins winrate qps fps likelihood elbo jaccard similarity
  quality rand homogeneity completeness silhouette bertscore pesq stoi intelligibility snr sdr sisnr sisdr
  mc1 mc2 goodput`);
/** `acc1`, `top5`, `map50`, `ap75`, `recall10`, `rouge2`, `f2`. */
const NUMBERED_HIGHER = /^(?:f|acc|top|map|mar|ap|ndcg|recall|precision|prec|hit|hits|mrr|rouge)\d+$/;

interface Phrase {
  readonly words: readonly string[];
  readonly direction: Direction | 'none';
}
/** Phrases by their last word, longest first, so a lookup compares only the few that can match. */
type Phrases = ReadonlyMap<string, readonly Phrase[]>;
function phrases(entries: Record<string, Direction | 'none'>): Phrases {
  const table = new Map<string, Phrase[]>();
  for (const [text, direction] of Object.entries(entries)) {
    const w = text.split(' ');
    const last = w[w.length - 1]!;
    table.set(last, [...(table.get(last) ?? []), { words: w, direction }]);
  }
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}

/** Checked before every other rule, on the phrase with its leading qualifiers (`max_error`). */
const OVERRIDES = phrases({
  'explained variance': 'higher',
  'demographic parity difference': 'lower',
  'equalized odds difference': 'lower',
  'equal opportunity difference': 'lower',
  'demographic parity ratio': 'higher',
  'equalized odds ratio': 'higher',
  'equal opportunity ratio': 'higher',
  // sklearn.metrics.max_error is an error, but the scorer 'max_error' returns its negation.
  'max error': 'none',
  'neg max error': 'higher',
});
/** Multi-word names, checked before the weak heads and the last word. */
const HEAD_PHRASES = phrases({
  'cross entropy': 'lower',
  'false positive rate': 'lower',
  'false negative rate': 'lower',
  'false discovery rate': 'lower',
  'false positives': 'lower',
  'false negatives': 'lower',
  'false positive': 'lower',
  'false negative': 'lower',
  'fall out': 'lower',
  'edit rate': 'lower',
  'davies bouldin': 'lower',
  'kullback leibler': 'lower',
  'log cosh': 'lower',
  'word info lost': 'lower',
  'learned perceptual image patch similarity': 'lower',
  'memory allocated': 'lower',
  'memory reserved': 'lower',
  'memory used': 'lower',
  'memory usage': 'lower',
  'exact match': 'higher',
  'true positive rate': 'higher',
  'true negative rate': 'higher',
  'true positives': 'higher',
  'true negatives': 'higher',
  'mutual info': 'higher',
  'mutual information': 'higher',
  'signal noise ratio': 'higher',
  'signal distortion ratio': 'higher',
  'intersection over union': 'higher',
  'fowlkes mallows': 'higher',
  'calinski harabasz': 'higher',
  'v measure': 'higher',
  'auc mu': 'higher',
  'reciprocal rank': 'higher',
  'mean rank': 'lower',
  'median rank': 'lower',
  'corr coef': 'higher',
  'correlation coefficient': 'higher',
  'word info preserved': 'higher',
  'inception score': 'higher',
  'bert score': 'higher',
});

/** Upper case (camelCase), an lm-eval filter, a parenthesised note or `x/s`. */
const NEEDS_REWRITE = /[A-Z,(]|\/s(?:ec)?$/;
const CAMEL_HUMP = /([a-z0-9])([A-Z][a-z])/g;
const PARENTHESES = /\([^)]*\)/g;
const PER_SECOND_SLASH = /\/s(?:ec)?$/;
const DIGITS = /^\d+$/;
const ROUGE_VARIANTS = words('l lsum 1 2 3 w');
const F_VARIANTS = words('score measure beta');

export function inferDirection(key: string): Direction | undefined {
  const segments = splitKey(key).map(cachedSegmentWords);
  let i = segments.length - 1;
  while (i >= 0 && (segments[i]!.every(isNeutral) || (i > 0 && isGroupParent(segments[i - 1]!)))) i--;
  if (i < 0) return undefined;
  for (let j = 0; j < i; j++) if (blocksChildren(segments[j]!)) return undefined;
  let phrase = segments[i]!;
  const first = phrase.find((w) => !isNeutral(w));
  if (i > 0 && first !== undefined && JOINING.has(first)) phrase = [...segments[i - 1]!, ...phrase];
  return readPhrase(phrase, 0, phrase.length);
}

/**
 * A report's keys share most of their segments (`eval`, `results`, a task's name, `acc,none`), so
 * each segment is cut into words once. The cache is emptied when full, which bounds its memory.
 */
const segmentCache = new Map<string, readonly string[]>();
const SEGMENT_CACHE_SIZE = 4096;

function cachedSegmentWords(segment: string): readonly string[] {
  let found = segmentCache.get(segment);
  if (found === undefined) {
    if (segmentCache.size >= SEGMENT_CACHE_SIZE) segmentCache.clear();
    found = segmentWords(segment);
    segmentCache.set(segment, found);
  }
  return found;
}

/** One segment's words: `val/mAP50-95(B)` -> val, map50, 95; `acc,none` -> acc; `top-5` -> top5. */
function segmentWords(segment: string): string[] {
  let text = segment;
  // Most segments are already lower-case snake_case: only the others go through the regexes.
  if (NEEDS_REWRITE.test(text)) {
    const comma = text.indexOf(',');
    if (comma > 0) text = text.slice(0, comma);
    if (text.includes('(')) text = text.replace(PARENTHESES, ' ');
    text = text.replace(CAMEL_HUMP, '$1_$2').toLowerCase().replace(PER_SECOND_SLASH, '_per_second');
  }
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (i > from) addWord(out, text.slice(from, i));
    from = i + 1;
  }
  return out;
}

/** Appends a word, joining the pieces of `top-5`, `rouge_l`, Keras' `io_u` and `f_score`. */
function addWord(out: string[], word: string): void {
  const prev = out[out.length - 1];
  if (
    prev !== undefined &&
    ((prev === 'top' && DIGITS.test(word)) ||
      (prev === 'rouge' && ROUGE_VARIANTS.has(word)) ||
      (prev === 'io' && word === 'u') ||
      (prev === 'f' && (F_VARIANTS.has(word) || DIGITS.test(word))))
  ) {
    out[out.length - 1] = prev + word;
  } else {
    out.push(word);
  }
}

function isNeutral(word: string): boolean {
  if (NEUTRAL.has(word)) return true;
  const c = word.charCodeAt(0);
  return (c <= 57 || c === 112 || c === 118 || c === 115 || c === 102 || c === 114) && NUMBERED.test(word);
}

function isTrailing(word: string): boolean {
  return isNeutral(word) || TRAILING.has(word) || TOP_K.test(word);
}

/**
 * `f1_by_geo`, `recall_per_class`: the next segment is a group's name, not a metric. A bare
 * `per_class` is not: what follows it may be a class (`per_class.setosa.recall`) or a metric
 * (`eval.per_class.f1_score`), and either way the last segment is read.
 */
function isGroupParent(segment: readonly string[]): boolean {
  for (let i = 1; i < segment.length; i++) {
    if (segment[i] === 'by') return true;
    if (segment[i] === 'per' && GROUPS.has(segment[i + 1] ?? '')) return true;
  }
  return false;
}

function blocksChildren(segment: readonly string[]): boolean {
  let end = segment.length;
  while (end > 1 && isNeutral(segment[end - 1]!)) end--;
  const last = segment[end - 1];
  if (last === undefined || !BLOCKING_ANCESTORS.has(last)) return false;
  return !(last === 'variance' && segment[end - 2] === 'explained');
}

function flip(direction: Dir): Dir {
  return direction === undefined ? undefined : direction === 'higher' ? 'lower' : 'higher';
}

/** The direction of the longest phrase of `table` that ends the words `start..end`, if any. */
function lookup(
  table: Phrases,
  w: readonly string[],
  start: number,
  end: number,
): Direction | 'none' | undefined {
  const candidates = table.get(w[end - 1]!);
  if (candidates === undefined) return undefined;
  for (const { words: phrase, direction } of candidates) {
    const from = end - phrase.length;
    if (from < start) continue;
    let i = phrase.length - 2;
    while (i >= 0 && phrase[i] === w[from + i]) i--;
    if (i < 0) return direction;
  }
  return undefined;
}

/** The direction of the words `start..end` (half-open) of a phrase, by the rules of the header. */
function readPhrase(w: readonly string[], start: number, end: number): Dir {
  let s = start;
  let e = end;
  while (s < e && isNeutral(w[s]!)) s++;
  if (s >= e) return undefined;
  // (the unit of `x_per_step` is not a qualifier)
  while (e - s > 1 && isTrailing(w[e - 1]!) && w[e - 2] !== 'per') e--;
  // a. whole phrases the later rules misread; looked up with the leading qualifiers (`max_error`)
  const override = lookup(OVERRIDES, w, start, e);
  if (override !== undefined) return override === 'none' ? undefined : override;
  // b. negation
  const first = w[s]!;
  if (NEGATION.has(first)) return e - s > 1 ? flip(readPhrase(w, s + 1, e)) : undefined;
  // scikit-learn's cv_results_ ranks (rank 1 is the best) and D² scores
  if (first === 'rank' && e - s > 1 && isNeutral(w[s + 1]!)) return 'lower';
  if (first === 'd2' && e - s > 1) return 'higher';
  // c. `x_at_y` and `x_by_y` are x; `x_per_y`
  for (let i = s + 1; i < e; i++) {
    const word = w[i]!;
    if (word === 'at' || word === 'by') return readPhrase(w, s, i);
    if (word === 'per') return readPer(w, s, i, e);
  }
  // d. a duration to reach something
  for (let i = s; i + 1 < e; i++) if (DURATIONS_TO.has(w[i]!) && w[i + 1] === 'to') return 'lower';
  // e. spreads and changes
  const last = w[e - 1]!;
  if (UNDIRECTED.has(last) || UNDIRECTED.has(first)) return undefined;
  // f. modifiers of the phrase before them
  if (e - s > 1) {
    if (INVERTING.has(last)) return flip(readPhrase(w, s, e - 1));
    if (KEEPING.has(last)) return readPhrase(w, s, e - 1);
    if (BETTERING.has(last)) return readPhrase(w, s, e - 1) === undefined ? undefined : 'higher';
  } else if (BETTERING.has(last)) {
    return 'higher';
  }
  if (last === 'gap') return 'lower';
  // g. multi-word names
  const phrase = lookup(HEAD_PHRASES, w, start, e);
  if (phrase !== undefined) return phrase === 'none' ? undefined : phrase;
  // h. weak heads
  if (WEAK.has(last)) {
    if (e - s > 1) return readPhrase(w, s, e - 1);
    return last === 'score' ? 'higher' : undefined;
  }
  // i. names led by what they are
  if ((first === 'loss' || first === 'losses') && e - s > 1 && allLossParts(w, s + 1, e)) return 'lower';
  // j. the head word
  return headWord(w, s, e);
}

/** c. `x_per_y`, with `per` at index `per` of the words `s..e`. */
function readPer(w: readonly string[], s: number, per: number, e: number): Dir {
  if (per + 1 >= e) return undefined;
  const unit = w[per + 1]!;
  if (GROUPS.has(unit)) return readPhrase(w, s, per);
  const counted = w[per - 1]!;
  if (TIME.has(counted)) return TIME_UNITS.has(unit) ? undefined : 'lower';
  if (COUNTED.has(counted)) return TIME_UNITS.has(unit) ? 'higher' : undefined;
  if (counted === 'bits' || counted === 'nats') return 'lower';
  return readPhrase(w, s, per);
}

function allLossParts(w: readonly string[], s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!LOSS_PARTS.has(w[i]!) && !isTrailing(w[i]!)) return false;
  return true;
}

function headWord(w: readonly string[], s: number, e: number): Dir {
  const last = w[e - 1]!;
  const before = e - s > 1 ? w[e - 2]! : undefined;
  if (last === 'size') return before !== undefined && SIZED.has(before) ? 'lower' : undefined;
  if (before !== undefined && TIME.has(last) && NOT_ELAPSED.has(before)) return undefined;
  // `latency_us`, `step_time_s`: a unit that is only read after a time
  if (before !== undefined && SHORT_TIME_UNITS.has(last) && TIME.has(before)) return 'lower';
  if (LOWER.has(last)) return 'lower';
  if (HIGHER.has(last) || NUMBERED_HIGHER.test(last)) return 'higher';
  return undefined;
}
