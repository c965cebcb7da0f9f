/**
 * Soundness of the merge gates on simulated pull requests (not a speed benchmark).
 *
 * 1,000 PRs from a seeded generator. Each PR trains `seeds` runs on base and on head; a run's
 * accuracy is N(mu, sigma) with sigma = 0.005. Half the PRs change nothing (any block is a false
 * block); half make accuracy truly worse by 2 to 3 sigma (uniform), and letting one through is a miss.
 *
 * Gates compared:
 * - statistical: testRegression with Welch's t-test, one-sided, alpha = 0.01;
 * - the same at alpha = 0.05, and the bootstrap at alpha = 0.01 (5 seeds: too few for a bootstrap);
 * - fixed threshold, the way benchmark actions do it: one head run vs one base run, block when
 *   accuracy dropped by more than 0.005.
 *
 * Expected from theory (pooled-t power via scipy's noncentral t, see docs/statistics.md): with 5
 * vs 5 seeds at alpha = 0.01 the power is 0.62 at 2 sigma and 0.94 at 3 sigma, 0.81 on average
 * over 2..3 sigma, so about 19% misses; even a z-test that knows sigma misses ~7%. The targets
 * (false blocks <= 1%, misses <= 5%) need about 8 seeds per side, which is simulated as well.
 */
import { testRegression } from '../packages/core/src/stats/regression.js';
import { createRandom } from '../packages/core/src/stats/random.js';
import { emit, peakRssMiB } from './lib.js';

/** The headline numbers; a 20,000-PR run of the cheap gates gives the precise rate compared with the target. */
const PRS = 1000;
const PRECISE_PRS = 20_000;
const MU = 0.9;
const SIGMA = 0.005;
const FIXED_THRESHOLD = 0.005;

interface SimulatedPr {
  regression: boolean;
  base: number[];
  head: number[];
}

function simulate(seeds: number, seed: number, count = PRS): SimulatedPr[] {
  const rng = createRandom(seed);
  const prs: SimulatedPr[] = [];
  for (let i = 0; i < count; i++) {
    const regression = i % 2 === 1;
    const drop = regression ? SIGMA * (2 + rng.next()) : 0;
    const base = Array.from({ length: seeds }, () => MU + SIGMA * rng.normal());
    const head = Array.from({ length: seeds }, () => MU - drop + SIGMA * rng.normal());
    prs.push({ regression, base, head });
  }
  return prs;
}

interface Rates {
  falseBlocks: number;
  misses: number;
  seconds: number;
}

function rates(prs: SimulatedPr[], blocks: (pr: SimulatedPr) => boolean): Rates {
  const start = performance.now();
  let falseBlocks = 0;
  let misses = 0;
  let nulls = 0;
  let regressions = 0;
  for (const pr of prs) {
    const blocked = blocks(pr);
    if (pr.regression) {
      regressions++;
      if (!blocked) misses++;
    } else {
      nulls++;
      if (blocked) falseBlocks++;
    }
  }
  return {
    falseBlocks: (100 * falseBlocks) / nulls,
    misses: (100 * misses) / regressions,
    seconds: (performance.now() - start) / 1000,
  };
}

const pct = (x: number) => `${x.toFixed(1)}%`;
const detail = (what: string, r: Rates) =>
  `${what}; 1,000 simulated PRs: false blocks ${pct(r.falseBlocks)}, misses ${pct(r.misses)}`;

function statistical(method: 'welch' | 'bootstrap', alpha: number) {
  return (pr: SimulatedPr) =>
    testRegression({ base: pr.base, head: pr.head, direction: 'higher', alpha, method }).verdict ===
    'regressed';
}

const five = simulate(5, 1);
const eight = simulate(8, 2);
const fivePrecise = simulate(5, 3, PRECISE_PRS);
const eightPrecise = simulate(8, 4, PRECISE_PRS);

/** Emits the false-block and miss rows of a gate with targets; the value is the 20,000-PR estimate. */
function withTargets(name: string, what: string, small: Rates, precise: Rates): void {
  const both = `${detail(what, small)} (20,000 PRs: ${pct(precise.falseBlocks)}, ${pct(precise.misses)})`;
  const seconds = small.seconds;
  emit({
    name: `${name} false blocks`,
    detail: both,
    seconds,
    peakRssMiB: peakRssMiB(),
    target: { metric: '%', atMost: 1 },
    value: precise.falseBlocks,
  });
  emit({
    name: `${name} misses`,
    detail: both,
    seconds,
    peakRssMiB: peakRssMiB(),
    target: { metric: '%', atMost: 5 },
    value: precise.misses,
  });
}

withTargets(
  'gates:statistical',
  'Welch one-sided alpha 0.01, 5 vs 5 seeds (5 seeds cannot reach 5% misses)',
  rates(five, statistical('welch', 0.01)),
  rates(fivePrecise, statistical('welch', 0.01)),
);
withTargets(
  'gates:statistical 8 seeds',
  'Welch one-sided alpha 0.01, 8 vs 8 seeds',
  rates(eight, statistical('welch', 0.01)),
  rates(eightPrecise, statistical('welch', 0.01)),
);

const welch5loose = rates(five, statistical('welch', 0.05));
emit({
  name: 'gates:statistical alpha 0.05',
  detail: detail('Welch one-sided alpha 0.05, 5 vs 5 seeds', welch5loose),
  seconds: welch5loose.seconds,
  peakRssMiB: peakRssMiB(),
});

const boot5 = rates(five, statistical('bootstrap', 0.01));
emit({
  name: 'gates:bootstrap',
  detail: detail(
    'bootstrap alpha 0.01, 5 vs 5 seeds, 10,000 resamples (too optimistic with 5 values)',
    boot5,
  ),
  seconds: boot5.seconds,
  peakRssMiB: peakRssMiB(),
});

const fixed = rates(five, (pr) => pr.base[0]! - pr.head[0]! > FIXED_THRESHOLD);
emit({
  name: 'gates:fixed-threshold',
  detail: detail('one run each, block when accuracy drops by more than 0.005', fixed),
  seconds: fixed.seconds,
  peakRssMiB: peakRssMiB(),
});
