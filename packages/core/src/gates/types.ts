import type { Direction } from './direction.js';

export type Level = 'fail' | 'warn';
export type Comparator = '>=' | '>' | '<=' | '<' | '==' | '!=';

/**
 * What a gate checks. `bound` and `range` look at the pull request's own number; `change` and
 * `no-regression` compare with the baseline; `significant` needs repeats (several seeds or folds
 * per side); `paired` needs per-example predictions of both sides; `required` and `finite` are
 * hygiene.
 */
export type Rule =
  | { kind: 'bound'; op: Comparator; value: number }
  | { kind: 'range'; min: number; max: number }
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
      minEffect?: number;
      minEffectRelative?: boolean;
    }
  | { kind: 'paired'; alpha: number; method: 'mcnemar' | 'bootstrap' }
  | { kind: 'required' }
  | { kind: 'finite' };

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
  /** Statistical detail, when a test was run. */
  statistics?: {
    method: string;
    p?: number;
    ci?: [number, number];
    level?: number;
    nBase?: number;
    nHead?: number;
  };
}
