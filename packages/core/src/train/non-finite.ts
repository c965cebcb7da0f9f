/**
 * Spotting a diverged run in its log: a loss that became NaN or ±Infinity, as the common
 * training loops print it, so the train action can stop burning GPU minutes on it.
 *
 * Matched: a key containing `loss` (`loss`, `val_loss`, `train/loss`, `'loss'`, `"eval_loss"`,
 * `Loss`), then `=`, `:`, ` is ` or blanks, then `nan`, `inf` or `infinity` in any case, with an
 * optional sign, quotes, a `.0` (Lightning's `nan.0`) or a `tensor(` around it. Examples:
 * `loss=nan`, `{'loss': nan, ...}` (Hugging Face Trainer), `- loss: nan -` (Keras),
 * `train_loss=nan.0` (Lightning), `val_loss nan`, `Loss is NaN`, `loss: tensor(nan, device=...)`.
 *
 * Not matched: `nan` inside a word (`nanoseconds`, `finance`), NaN that is not a loss's value
 * (`no nan values found`, `grad_norm: nan`), keys whose infinite value is an initial bound rather
 * than a result (`best_loss: inf`, `min_val_loss=inf`, Keras' `val_loss improved from inf`), and
 * the mixed-precision loss scale (`loss_scale: inf`).
 */
export interface NonFiniteLoss {
  /** The key as printed, without quotes (`val_loss`). */
  key: string;
  /** The value as printed (`nan`, `-inf`, `NaN`). */
  value: string;
  /** Where the match starts in the line (after ANSI colour codes were removed). */
  index: number;
}

export type NonFiniteMatcher = (line: string) => NonFiniteLoss | undefined;

const KEY_CHAR = String.raw`[\w./\-]`;
const LOSS_PAIR = new RegExp(
  String.raw`(?<!${KEY_CHAR})(["']?)(${KEY_CHAR}*loss${KEY_CHAR}*)\1` +
    String.raw`(?:\s*[:=]\s*|\s+is\s+|\s+)` +
    String.raw`(?:tensor\()?(["']?)([+-]?(?:nan|inf(?:inity)?)(?:\.0+)?)\3(?![\w.])`,
  'gi',
);

/** `best_loss`, `min_val_loss`, `loss_scale`: infinite at the start by design, not divergence. */
const NOT_A_RESULT = /^(?:best|min|minimum|lowest|prev|previous|initial)[_./-]|scal/i;

/**
 * `glossary` and `lossy` contain "loss" but are not losses: it must stand as a part of the key,
 * between separators or camelCase humps (`val_loss`, `valLoss`, `Loss`, `losses`).
 */
export function isLossKey(key: string): boolean {
  for (const match of key.matchAll(/loss(?:es)?/gi)) {
    const before = key.charAt(match.index - 1);
    const after = key.charAt(match.index + match[0].length);
    const startsPart = !/[a-z]/i.test(before) || (/[a-z]/.test(before) && match[0].startsWith('L'));
    const endsPart = !/[a-z]/i.test(after) || /[A-Z]/.test(after);
    if (startsPart && endsPart) return true;
  }
  return false;
}

// Colour codes from rich, tqdm or Keras would otherwise sit between the key and the value.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

export function stripAnsi(line: string): string {
  return line.replace(ANSI, '');
}

export function findNonFiniteLoss(line: string): NonFiniteLoss | undefined {
  const text = stripAnsi(line);
  // Cheap rejection first: this runs on every line of a long training log.
  if (!/loss/i.test(text) || !/nan|inf/i.test(text)) return undefined;
  for (const match of text.matchAll(LOSS_PAIR)) {
    const key = match[2] ?? '';
    const value = match[4] ?? '';
    if (!isLossKey(key) || NOT_A_RESULT.test(key)) continue;
    return { key, value, index: match.index };
  }
  return undefined;
}

/**
 * The built-in detector, or the user's regular expression (matched case-insensitively): its
 * named group `key` (else its first group, else the whole match) names what diverged, and its
 * named group `value` (else the whole match) what it became. A malformed expression throws a
 * SyntaxError for the caller to report against its input or flag.
 */
export function nonFiniteMatcher(pattern?: string): NonFiniteMatcher {
  if (pattern === undefined || pattern === '') return findNonFiniteLoss;
  const regex = new RegExp(pattern, 'i');
  return (line) => {
    const text = stripAnsi(line);
    const match = regex.exec(text);
    if (match === null) return undefined;
    return {
      key: match.groups?.key ?? match[1] ?? match[0],
      value: match.groups?.value ?? match[0],
      index: match.index,
    };
  };
}
