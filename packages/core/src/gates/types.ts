import type { Correction } from '../stats/family.js';
import type { Direction } from './direction.js';

export type Level = 'fail' | 'warn';

/**
 * What a statistical or paired gate does when it cannot test (one run per side and no history,
 * too few examples): 'fail' (the default: a gate that cannot tell must not pass), 'neutral'
 * (shown and counted as not tested), or 'threshold' (statistical gates with `beyond X` only: the
 * means are compared with X, as `regression <= X` would).
 */
export type Untestable = 'fail' | 'neutral' | 'threshold';
export const UNTESTABLE_CHOICES: readonly Untestable[] = ['fail', 'neutral', 'threshold'];
export const DEFAULT_UNTESTABLE: Untestable = 'fail';
export type Comparator = '>=' | '>' | '<=' | '<' | '==' | '!=';

/**
 * What a gate checks. `bound` and `range` look at the pull request's own number; `change` and
 * `no-regression` compare with the baseline; `significant` needs repeats (several seeds or folds
 * per side); `paired` needs per-example predictions of both sides; `required` and `finite` are
 * hygiene.
 */
export type Rule =
  | {
      kind: 'bound';
      op: Comparator;
      value: number;
      /**
       * Written `90%`: `value` is the number before the `%`, and what it means depends on how the
       * metric is written (gates/percent.ts): 0.9 for a fraction, 90 for a metric in percent.
       */
      percent?: boolean;
    }
  | {
      kind: 'range';
      min: number;
      max: number;
      /** Both ends written with `%` (see bound). */ percent?: boolean;
    }
  | {
      kind: 'change';
      /** drop = base - head, rise = head - base, change = |head - base|, regression = how much worse, by direction. */
      measure: 'drop' | 'rise' | 'change' | 'regression';
      op: '<=' | '<';
      value: number;
      /** The limit is a percentage of |base|. */
      relative: boolean;
    }
  | { kind: 'no-regression' }
  | {
      kind: 'significant';
      alpha: number;
      method: 'welch' | 'bootstrap';
      /** `beyond X`: a worsening up to X is allowed (a shifted test). */
      minEffect?: number;
      minEffectRelative?: boolean;
      /** `if untestable ...`; undefined: the config's `statistics.untestable`. */
      untestable?: Untestable;
    }
  | { kind: 'paired'; alpha: number; method: 'mcnemar' | 'bootstrap'; untestable?: 'fail' | 'neutral' }
  | QuantileRule
  | { kind: 'required' }
  | { kind: 'finite' };

/**
 * A change rule on a quantile of timings (`latency.time_ms p95 rise <= 10%`, or the key
 * `latency.time_ms.p95 rise <= 10%`): with the raw samples of both sides, a bootstrap test of the
 * quantile's change against the limit; without them, the two summary values compared as the
 * change rule would (see docs/gates.md "Latency and other timings").
 */
export interface QuantileRule {
  kind: 'quantile';
  /** The quantile, strictly between 0 and 1: 0.95. */
  q: number;
  /** Its key segment and name in sentences: `p95` (`median` is written `p50`). */
  label: string;
  measure: 'drop' | 'rise' | 'change' | 'regression';
  op: '<=' | '<';
  value: number;
  /** The limit is a percentage of the base's quantile. */
  relative: boolean;
  /** One-sided significance level of the test (`at 0.01`). */
  alpha: number;
  /**
   * Without samples on both sides (or too few): 'threshold' (the default) compares the two summary
   * values as the change rule would and says it could not test; 'fail' and 'neutral' as for
   * statistical gates.
   */
  untestable?: Untestable;
}

export interface Gate {
  /** The gate as the user wrote it, quoted back in every message about it. */
  text: string;
  /** A metric key, or a glob of keys: `*` stays within one `.` segment, `**` crosses them. */
  selector: string;
  rule: Rule;
  level: Level;
  /** Where it was written: `--gate #2`, `.mlci.yml gates[3]`. */
  origin: string;
}

export type GateStatus = 'pass' | 'warn' | 'fail' | 'neutral' | 'error';

export interface GateResult {
  gate: Gate;
  /** The metric this result is about (one per metric a glob matched); undefined when none matched. */
  metric?: string;
  status: GateStatus;
  base?: number;
  head?: number;
  direction?: Direction;
  /** The number the rule compared with its limit (a delta, a percentage, a p-value). */
  observed?: number;
  /** Why, in words a reviewer understands without reading the rule's code. */
  reason: string;
  /** Statistical detail, when a test was run (or could not be). */
  statistics?: GateTestDetail;
}

export interface GateTestDetail {
  /** The test that was run, in words ("Welch's t-test"). */
  method: string;
  /** The one-sided p value of this comparison alone (for `beyond X`: of worsening beyond X). */
  p?: number;
  /** p after the family-wise correction: what the verdict compared with alpha. */
  pAdjusted?: number;
  alpha?: number;
  /** The statistical results of the report tested together (same level: failing or warning gates). */
  family?: { size: number; correction: Correction };
  /** Two-sided interval of head - base at `level`, for this comparison alone. */
  ci?: [number, number];
  level?: number;
  nBase?: number;
  nHead?: number;
  /** `beyond X`, in the metric's units. */
  minEffect?: number;
  /** The base branch's history, when its noise was used. */
  history?: { records: number; df: number; sd: number };
  /** Set when the gate could not test: what it did instead. */
  untestable?: Untestable;
  /** A paired test: what it compared, so the report can say it is not the runs' mean. */
  paired?: PairedSample;
}

/** The per-example predictions a paired test compared (one file per side, usually one run's). */
export interface PairedSample {
  /** Examples present on both sides. */
  examples: number;
  /** What was compared per example: "correctness (label = prediction)", a score column. */
  measure: string;
  /** For correctness: how many examples each side got right. */
  correct?: { base: number; head: number };
}
