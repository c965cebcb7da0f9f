import { ConfigurationError } from '../errors.js';
import { childKey, splitKey } from '../keys.js';
import { quantileLabel } from '../stats/quantile.js';
import { DEFAULT_ALPHA, MAX_ALPHA } from '../stats/regression.js';
import { fractionToPercent } from './percent.js';
import type { Comparator, Gate, Level, QuantileRule, Rule, Untestable } from './types.js';

/**
 * The gate language, one gate per line of text. Documented for users in docs/gates.md:
 *
 *   [warn:] <metric or glob> <rule>
 *
 *   accuracy >= 0.9                 latency_ms <= 50            accuracy in [0.8, 1]
 *   accuracy >= 90%                 error_rate <= 5%            accuracy in [80%, 100%]
 *   accuracy drop <= 0.005          loss rise <= 2%             regression <= 1%   change <= 0.1
 *   accuracy no regression
 *   accuracy no significant regression [at 0.05] [by welch|bootstrap] [beyond 0.002 | beyond 1%]
 *                                      [if untestable fail|neutral|threshold]
 *   accuracy paired no significant regression [at 0.05] [by mcnemar|bootstrap] [if untestable fail|neutral]
 *   accuracy required               loss finite
 *   latency.time_ms p95 rise <= 10% [at 0.05] [if untestable threshold|fail|neutral]
 *   latency.time_ms.p95 rise <= 10%           (the same gate, on the key)
 *
 * A quantile word (`p95`, `p99.9`, `median`) after the metric names that quantile of a family of
 * timings: `latency.time_ms p95` is the key `latency.time_ms.p95`, with any rule. A change rule
 * (drop, rise, change, regression) on such a key, written either way, is a quantile rule: tested
 * on the raw samples when both sides have them (evaluate.ts).
 *
 * A metric name with spaces is written in double quotes: `"macro avg.f1-score" >= 0.8`.
 *
 * `%` after a bound or a range's ends is a percent literal, kept as written (evaluate.ts resolves
 * it for each metric: 0.9 for a fraction, 90 for a metric written in percent); after a change
 * limit or `beyond` it is relative to the baseline's value, as it always was.
 */
export function parseGate(text: string, origin: string): Gate {
  return new GateParser(text, origin).parse();
}

/** An end of a range as a percentage, for the message that asks for both ends in percent. */
const asPercent = ({ value, percent }: { value: number; percent: boolean }): string =>
  `${percent ? value : fractionToPercent(value)}%`;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const COMPARATOR = /^(>=|<=|==|!=|>|<)/;

/** The quantile a key ends with (`latency.time_ms.p95`: 0.95), else undefined. */
function quantileOfKey(selector: string): { q: number; label: string } | undefined {
  const last = splitKey(selector).at(-1) ?? '';
  const match = /^p(\d+(?:\.\d+)?)$/.exec(last);
  if (match === null) return undefined;
  const percent = Number(match[1]);
  if (!(percent > 0 && percent < 100)) return undefined;
  return quantileOf(percent);
}

/** p99.9 is the quantile 0.999 (not the 0.9990000000000001 of 99.9 / 100), labelled `p99.9`. */
function quantileOf(percent: number): { q: number; label: string } {
  const q = Number((percent / 100).toPrecision(12));
  return { q, label: quantileLabel(q) };
}

class GateParser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly origin: string,
  ) {}

  parse(): Gate {
    this.blank();
    let level: Level = 'fail';
    const levelMatch = /^(warn|fail)\s*:/i.exec(this.rest());
    if (levelMatch !== null) {
      level = levelMatch[1]!.toLowerCase() as Level;
      this.pos += levelMatch[0].length;
      this.blank();
    }
    if (this.pos >= this.text.length) this.fail('expected a metric name, found nothing');
    let selector = this.selector();
    this.blank();
    // `latency.time_ms p95`: the family's quantile, which is the key `latency.time_ms.p95`.
    const written = this.quantileWord();
    if (written !== undefined) selector = childKey(selector, written.label);
    let rule = this.rule();
    const quantile = written ?? quantileOfKey(selector);
    if (quantile !== undefined && rule.kind === 'change') rule = this.quantileRule(rule, quantile);
    this.blank();
    if (this.pos < this.text.length) this.fail(`expected the end of the gate, found ${this.found()}`);
    return { text: this.text.trim(), selector, rule, level, origin: this.origin };
  }

  private selector(): string {
    if (this.text[this.pos] === '"') {
      const match = /^"(?:[^"\\]|\\.)*"/.exec(this.rest());
      if (match === null) this.fail('the quoted metric name has no closing quote');
      this.pos += match[0].length;
      const name = JSON.parse(match[0]) as string;
      if (name === '') this.fail('the metric name is empty');
      return name;
    }
    const match = /^[^\s<>=!]+/.exec(this.rest());
    if (match === null) this.fail(`expected a metric name, found ${this.found()}`);
    this.pos += match[0].length;
    return match[0];
  }

  private rule(): Rule {
    const comparator = this.comparator();
    if (comparator !== undefined) {
      const value = this.number(`after "${comparator}"`);
      // `90%` is kept as written: whether it is 0.9 or 90 is the metric's to say (gates/percent.ts).
      return this.optional('%')
        ? { kind: 'bound', op: comparator, value, percent: true }
        : { kind: 'bound', op: comparator, value };
    }
    const word = this.word();
    switch (word) {
      case 'in': {
        this.expect('[');
        const min = this.limit('for the lower end of the range');
        this.expect(',');
        const max = this.limit('for the upper end of the range');
        this.expect(']');
        return this.range(min, max, `[${min.text}, ${max.text}]`);
      }
      case 'between': {
        const min = this.limit('for the lower end of the range');
        this.keyword('and');
        const max = this.limit('for the upper end of the range');
        return this.range(min, max, `${min.text} to ${max.text}`);
      }
      case 'drop':
      case 'rise':
      case 'change':
      case 'regression': {
        const at = this.pos;
        const op = this.comparator();
        if (op !== '<=' && op !== '<') {
          this.pos = at;
          this.blank();
          this.fail(
            `expected "<=" or "<" after "${word}" (a limit on how much it may ${word === 'change' ? 'change' : word === 'regression' ? 'get worse' : word}), found ${this.found()}`,
          );
        }
        const value = this.number(`after "${word} ${op}"`);
        if (value < 0) this.fail(`a ${word} limit cannot be negative, found ${value}`);
        const relative = this.optional('%');
        return { kind: 'change', measure: word, op, value, relative };
      }
      case 'no': {
        const next = this.word();
        if (next === 'regression') return { kind: 'no-regression' };
        if (next === 'significant') {
          this.keyword('regression');
          return this.significance();
        }
        return this.fail(`expected "regression" or "significant regression" after "no"`, next);
      }
      case 'paired': {
        this.keyword('no');
        this.keyword('significant');
        this.keyword('regression');
        let alpha = DEFAULT_ALPHA;
        let method: 'mcnemar' | 'bootstrap' = 'mcnemar';
        let untestable: 'fail' | 'neutral' | undefined;
        for (;;) {
          this.blank();
          const at = this.pos;
          const option = this.word();
          if (option === 'at') alpha = this.alpha();
          else if (option === 'by' || option === 'using')
            method = this.choice(['mcnemar', 'bootstrap']) as typeof method;
          else if (option === 'if') untestable = this.untestable(['fail', 'neutral']) as typeof untestable;
          else {
            this.pos = at;
            break;
          }
        }
        const rule: Rule = { kind: 'paired', alpha, method };
        if (untestable !== undefined) rule.untestable = untestable;
        return rule;
      }
      case 'required':
        return { kind: 'required' };
      case 'finite':
        return { kind: 'finite' };
      case 'is': {
        this.keyword('finite');
        return { kind: 'finite' };
      }
      default:
        return this.fail(
          'expected a rule: a comparison (>= 0.9), "in [a, b]", "drop <= x", "rise <= x%", "no regression", "no significant regression", "paired no significant regression", "required" or "finite"',
          word,
        );
    }
  }

  /**
   * A quantile word after the metric: `p95`, `p99.9` (p1 to below p100) or `median` (p50);
   * undefined, with nothing consumed, when the next word is not one.
   */
  private quantileWord(): { q: number; label: string } | undefined {
    const match = /^(?:p(\d+(?:\.\d+)?)|median)(?=[\s<>=!]|$)/i.exec(this.rest());
    if (match === null) return undefined;
    if (match[1] === undefined) {
      this.pos += match[0].length;
      return { q: 0.5, label: 'p50' };
    }
    const percent = Number(match[1]);
    if (!(percent > 0 && percent < 100))
      this.fail(
        `a quantile is written p1 to p99.9 (the percent of timings at or below it), found ${JSON.stringify(match[0])}; the fastest and slowest timings are the keys min and max`,
      );
    this.pos += match[0].length;
    return quantileOf(percent);
  }

  /** A change rule on a quantile, and its options: `at 0.01`, `if untestable fail`. */
  private quantileRule(
    change: Extract<Rule, { kind: 'change' }>,
    quantile: { q: number; label: string },
  ): Rule {
    const rule: QuantileRule = {
      kind: 'quantile',
      q: quantile.q,
      label: quantile.label,
      measure: change.measure,
      op: change.op,
      value: change.value,
      relative: change.relative,
      alpha: DEFAULT_ALPHA,
    };
    for (;;) {
      this.blank();
      const at = this.pos;
      const option = this.word();
      if (option === 'at') rule.alpha = this.alpha();
      else if (option === 'if')
        rule.untestable = this.untestable(['threshold', 'fail', 'neutral']) as Untestable;
      else {
        this.pos = at;
        break;
      }
    }
    return rule;
  }

  private significance(): Rule {
    let alpha = DEFAULT_ALPHA;
    let method: 'welch' | 'bootstrap' = 'welch';
    let minEffect: number | undefined;
    let minEffectRelative = false;
    let untestable: Untestable | undefined;
    for (;;) {
      this.blank();
      const at = this.pos;
      const option = this.word();
      if (option === 'at') alpha = this.alpha();
      else if (option === 'by' || option === 'using')
        method = this.choice(['welch', 'bootstrap']) as typeof method;
      else if (option === 'beyond') {
        minEffect = this.number('after "beyond" (the smallest worsening that counts)');
        if (minEffect < 0) this.fail(`"beyond" takes a worsening of 0 or more, found ${minEffect}`);
        minEffectRelative = this.optional('%');
      } else if (option === 'if') {
        untestable = this.untestable(['fail', 'neutral', 'threshold']) as Untestable;
      } else {
        this.pos = at;
        break;
      }
    }
    const rule: Rule = { kind: 'significant', alpha, method };
    if (minEffect !== undefined) {
      rule.minEffect = minEffect;
      rule.minEffectRelative = minEffectRelative;
    }
    if (untestable === 'threshold' && minEffect === undefined)
      this.fail('"if untestable threshold" needs "beyond X": X is the threshold the means are compared with');
    if (untestable !== undefined) rule.untestable = untestable;
    return rule;
  }

  /** `if untestable <choice>`, after "if": what the gate does when it cannot test. */
  private untestable(choices: string[]): string {
    this.keyword('untestable');
    return this.choice(choices);
  }

  private alpha(): number {
    const at = this.pos;
    const value = this.number('after "at" (the significance level, such as 0.05)');
    if (!(value > 0 && value < MAX_ALPHA)) {
      this.pos = at;
      this.blank();
      this.fail(
        `the significance level must be above 0 and below ${MAX_ALPHA} (such as 0.05 or 0.01), found ${value}`,
      );
    }
    return value;
  }

  /** One end of a range: a number, perhaps with `%`, and where it started (for messages). */
  private limit(context: string): { value: number; percent: boolean; text: string; at: number } {
    this.blank();
    const at = this.pos;
    const value = this.number(context);
    const percent = this.optional('%');
    return { value, percent, text: `${value}${percent ? '%' : ''}`, at };
  }

  private range(
    min: { value: number; percent: boolean; at: number },
    max: { value: number; percent: boolean; at: number },
    shown: string,
  ): Rule {
    if (min.percent !== max.percent) {
      // 0.8 to 100% is 0.8 to 1 for a fraction, and 0.8 to 100 in percent: a slip either way.
      const plain = min.percent ? max : min;
      this.pos = plain.at;
      this.fail(
        `write both ends of the range as percentages (${asPercent(min)}, ${asPercent(max)}) or neither`,
      );
    }
    if (min.value > max.value) this.fail(`the range ${shown} is empty: its lower end is above its upper end`);
    return min.percent
      ? { kind: 'range', min: min.value, max: max.value, percent: true }
      : { kind: 'range', min: min.value, max: max.value };
  }

  private choice(options: string[]): string {
    const at = this.pos;
    const word = this.word();
    if (!options.includes(word)) {
      this.pos = at;
      this.fail(`expected ${options.map((o) => `"${o}"`).join(' or ')}`, word);
    }
    return word;
  }

  private comparator(): Comparator | undefined {
    this.blank();
    const match = COMPARATOR.exec(this.rest());
    if (match === null) return undefined;
    this.pos += match[0].length;
    return match[0] as Comparator;
  }

  private number(context: string): number {
    this.blank();
    const match = NUMBER.exec(this.rest());
    if (match === null) this.fail(`expected a number ${context}, found ${this.found()}`);
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private word(): string {
    this.blank();
    const match = /^[A-Za-z]+/.exec(this.rest());
    if (match === null) return '';
    this.pos += match[0].length;
    return match[0].toLowerCase();
  }

  private keyword(expected: string): void {
    const at = this.pos;
    const word = this.word();
    if (word !== expected) {
      this.pos = at;
      this.blank();
      this.fail(`expected "${expected}", found ${this.found()}`);
    }
  }

  private expect(token: string): void {
    this.blank();
    if (!this.rest().startsWith(token)) this.fail(`expected "${token}", found ${this.found()}`);
    this.pos += token.length;
  }

  private optional(token: string): boolean {
    this.blank();
    if (!this.rest().startsWith(token)) return false;
    this.pos += token.length;
    return true;
  }

  private blank(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  private rest(): string {
    return this.text.slice(this.pos);
  }

  private found(): string {
    const rest = this.rest();
    return rest === ''
      ? 'the end of the gate'
      : JSON.stringify(rest.length > 20 ? `${rest.slice(0, 20)}...` : rest);
  }

  private fail(detail: string, word?: string): never {
    let column = this.pos + 1;
    if (word !== undefined) {
      column -= word.length;
      if (!detail.includes('found')) detail += `, found ${word === '' ? this.found() : JSON.stringify(word)}`;
    }
    throw new ConfigurationError(
      `${this.origin}: gate ${JSON.stringify(this.text)}, column ${column}: ${detail}`,
    );
  }
}
