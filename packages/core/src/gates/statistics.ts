import { pairPredictions, type PredictionSet } from '../readers/predictions.js';
import { splitKey } from '../keys.js';
import { testPairedRegression, testRegression } from '../stats/index.js';
import type { GateStatistics } from './evaluate.js';

export interface StatisticsOptions {
  /** Per-example predictions of both sides, for paired gates. */
  predictions?: { base: PredictionSet; head: PredictionSet };
  /** Bootstrap seed: the same inputs always give the same report. */
  seed?: number;
  /** Without `predictions`: why they are missing, said by every paired gate that cannot test. */
  predictionsUnavailable?: string;
}

/** The statistical tests behind "no significant regression" gates (packages/core/src/stats). */
export function gateStatistics(options: StatisticsOptions = {}): GateStatistics {
  const statistics: GateStatistics = {
    repeats(rule, base, head, direction, history) {
      const baseMean = base.reduce((a, b) => a + b, 0) / Math.max(1, base.length);
      const minEffect =
        rule.minEffect === undefined
          ? undefined
          : rule.minEffectRelative === true
            ? (rule.minEffect / 100) * Math.abs(baseMean)
            : rule.minEffect;
      const result = testRegression({
        base,
        head,
        direction,
        alpha: rule.alpha,
        method: rule.method,
        ...(minEffect !== undefined && Number.isFinite(minEffect) ? { minEffect } : {}),
        ...(history !== undefined ? { history } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        // The gate words the result after the family-wise correction (evaluate.ts).
        explain: false,
      });
      return { result, ...(minEffect !== undefined ? { minEffect } : {}) };
    },
  };
  const predictions = options.predictions;
  if (predictions === undefined && options.predictionsUnavailable !== undefined)
    statistics.pairedUnavailable = options.predictionsUnavailable;
  if (predictions !== undefined) {
    statistics.paired = (rule, metric, direction) => {
      const column = splitKey(metric).at(-1);
      const paired = pairPredictions(
        predictions.base,
        predictions.head,
        rule.method === 'bootstrap' ? column : undefined,
      );
      // Correctness is higher-is-better whatever the gate's metric; a per-example score follows the metric.
      const isCorrectness = paired.measure.startsWith('correct');
      const result = testPairedRegression({
        base: paired.base,
        head: paired.head,
        direction: isCorrectness ? 'higher' : direction,
        alpha: rule.alpha,
        method: rule.method === 'mcnemar' ? 'mcnemar' : 'paired-bootstrap',
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
      });
      const unpaired =
        paired.unpaired > 0 ? ` (${paired.unpaired} examples present on one side only were left out)` : '';
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      return {
        result,
        detail: `compared ${paired.measure} over ${paired.base.length} examples${unpaired}`,
        paired: {
          examples: paired.base.length,
          measure: paired.measure,
          ...(isCorrectness ? { correct: { base: sum(paired.base), head: sum(paired.head) } } : {}),
        },
      };
    };
  }
  return statistics;
}
