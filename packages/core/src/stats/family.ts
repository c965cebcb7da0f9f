/**
 * Multiple comparisons. One statistical gate over 50 harmless metrics at alpha = 0.05 blocks
 * almost every pull request (1 - 0.95^50 = 92%) unless the p values are corrected together.
 *
 * - 'holm' (default): Holm's step-down procedure. Controls the family-wise error rate, the chance
 *   that any harmless metric blocks, at alpha, for any dependence between the tests; uniformly
 *   more powerful than Bonferroni.
 * - 'bonferroni': p * m. The same guarantee, less power; simple to check by hand.
 * - 'bh': Benjamini–Hochberg. Controls the false discovery rate (the expected share of harmless
 *   metrics among those that block) for independent or positively dependent tests. More power with
 *   many real regressions; a weaker promise for a merge gate.
 * - 'none': the p values as they are (each gate at its own alpha; the family's false blocks grow
 *   with its size).
 *
 * Corrected p values are compared with each member's own alpha. Members with different alphas
 * keep the guarantee at the largest of them: every member that blocks would also block under the
 * procedure run at that largest alpha.
 */
export type Correction = 'holm' | 'bonferroni' | 'bh' | 'none';

export const CORRECTIONS: readonly Correction[] = ['holm', 'bonferroni', 'bh', 'none'];
export const DEFAULT_CORRECTION: Correction = 'holm';

export const CORRECTION_NAMES: Record<Correction, string> = {
  holm: 'Holm',
  bonferroni: 'Bonferroni',
  bh: 'Benjamini–Hochberg',
  none: 'no',
};

/** The corrected p values, in the order given. Each is in [raw p, 1]. */
export function adjustPValues(ps: readonly number[], correction: Correction): number[] {
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`p values must be in [0, 1], got ${p}`);
  const m = ps.length;
  if (correction === 'none' || m <= 1) return [...ps];
  if (correction === 'bonferroni') return ps.map((p) => Math.min(1, p * m));
  // Ascending by p; ties keep their order, which does not change the adjusted values.
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m);
  if (correction === 'holm') {
    let running = 0;
    order.forEach(({ p, i }, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * p));
      adjusted[i] = running;
    });
    return adjusted;
  }
  // Benjamini–Hochberg: from the largest p down, the running minimum of p * m / rank.
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1]!;
    running = Math.min(running, (p * m) / rank);
    adjusted[i] = running;
  }
  return adjusted;
}
