import { roundNoise } from '../format.js';
import {
  poolingCheck,
  pooledTest,
  POOLING_ALPHA,
  type NoiseEstimate,
  type NoiseUnavailable,
} from './noise.js';
import { welchTest } from './welch.js';

/**
 * Where the noise of a difference head - base comes from, decided the same way for the gates and
 * for the report's labels:
 * - 'history': the base branch's history, pooled with the runs' own spread (works with one run
 *   per side), unless the runs spread more than the history allows;
 * - 'welch': the runs' own spread, with at least 2 runs per side;
 * - 'none': neither is known, and why.
 */
export type NoiseModel =
  | { kind: 'history'; history: NoiseEstimate; headApart?: boolean; note?: string }
  | { kind: 'welch'; note?: string }
  | { kind: 'none'; reason: string };

function formatShort(x: number): string {
  return x < 0.0001 ? '< 0.0001' : String(Number(x.toPrecision(2)));
}

export function noiseModel(
  base: readonly number[],
  head: readonly number[],
  history?: NoiseEstimate | NoiseUnavailable,
): NoiseModel {
  if (history !== undefined && history.kind === 'ok') {
    const check = poolingCheck(head, history);
    if (check === undefined || check.p >= POOLING_ALPHA) return { kind: 'history', history };
    // The pull request changed the noise: its runs keep their own spread, the base side keeps the
    // history's. Better than dropping the history: the base side still has its degrees of freedom.
    const note = `the pull request's runs spread more than the base branch's history (sd ${formatShort(check.sd)} against ${formatShort(history.sd)}, F-test p = ${formatShort(check.p)}), so its side uses its own spread`;
    return { kind: 'history', history, headApart: true, note };
  }
  if (base.length >= 2 && head.length >= 2) return { kind: 'welch' };
  const why = history !== undefined && history.kind === 'insufficient' ? ` (${history.reason})` : '';
  return {
    kind: 'none',
    reason: `a statistical gate needs at least 2 runs on each side (seeds, folds) or the base branch's history of this metric${why}; got ${base.length} and ${head.length}`,
  };
}

/** The 95% interval of head - base that the report's labels compare a change with. */
export interface DifferenceNoise {
  ci: [number, number];
  level: number;
  method: 'welch' | 'history';
  /** With 'history': how many records, and the sd of one run they give. */
  history?: { records: number; sd: number };
}

/** Undefined when the noise is unknown (one run per side, no usable history) or a value is not finite. */
export function differenceNoise(
  base: readonly number[],
  head: readonly number[],
  history?: NoiseEstimate | NoiseUnavailable,
  level = 0.95,
): DifferenceNoise | undefined {
  if (base.length === 0 || head.length === 0) return undefined;
  if (![...base, ...head].every((v) => Number.isFinite(v))) return undefined;
  // As the gates see them: float noise (0.1 + 0.2 against 0.3) is no difference.
  const b = base.map(roundNoise);
  const h = head.map(roundNoise);
  const model = noiseModel(b, h, history);
  const rounded = (ci: [number, number]): [number, number] => [roundNoise(ci[0]), roundNoise(ci[1])];
  if (model.kind === 'history') {
    const r = pooledTest(b, h, model.history, { level, headApart: model.headApart === true });
    return {
      ci: rounded(r.ci),
      level,
      method: 'history',
      history: { records: model.history.records, sd: model.history.sd },
    };
  }
  if (model.kind === 'welch') {
    const r = welchTest(b, h, { level });
    if (r.kind !== 'ok') return undefined;
    return { ci: rounded(r.ci), level, method: 'welch' };
  }
  return undefined;
}
