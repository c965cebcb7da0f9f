/**
 * Soundness of `mlci drift`'s column verdicts on simulated tables, next to what theory allows.
 *
 * A data gate is only worth requiring if it rarely fires on data that did not change (a false
 * alarm blocks a harmless pull request, or opens a monitoring issue nobody can act on) and finds
 * a real shift. Simulated (seeded: every run gives the same numbers), each table a fresh sample:
 *
 * - numeric columns N(0, 1); categorical columns of K equally likely categories;
 * - "small" tables (500 rows a side: the Kolmogorov–Smirnov and chi-square tests decide) and
 *   "large" ones (1,500 rows a side, just past `--small-rows` 1000: the distances decide, as in
 *   Evidently's DataDriftPreset, where mlci also asks the test whether the distance is more than
 *   sampling noise, see drift.ts);
 * - a harmless change: both sides drawn from one distribution, 20 columns. A false alarm is any
 *   column drifting (family-wise), and the dataset verdict (drift.detected) is counted too;
 * - a real shift: one column of 20 moves by 0.3 standard deviations (small) or 0.2 (large, twice
 *   the Wasserstein threshold), the others unchanged. A miss: that column does not drift.
 *
 * Theory for the shift: the best any test can do is the two-sided z-test that knows sigma, at
 * alpha / 20 (Bonferroni's level, which Holm's power for one true effect equals up to a negligible
 * term): power Phi(delta sqrt(n/2) - z_{1 - alpha/40}) + Phi(-delta sqrt(n/2) - z_{1 - alpha/40}).
 * Kolmogorov–Smirnov is a test of any difference, not of a shift: its Pitman efficiency against
 * the t-test for a normal shift is 2/pi ~ 0.64, so it needs ~1.57 times the rows for that power;
 * the line states both. Holm guarantees a family-wise false-alarm rate of at most alpha for the
 * tests; a distance threshold alone guarantees nothing (its rate depends on n and K).
 */
import { TableProfile } from '../packages/core/src/data/profile.js';
import { compareTables, type DriftReport } from '../packages/core/src/data/drift.js';
import { noExtraMissing } from '../packages/core/src/data/values.js';
import { normalCdf, normalQuantile } from '../packages/core/src/stats/distributions.js';
import { createRandom, type Random } from '../packages/core/src/stats/random.js';
import { emit, peakRssMiB } from './lib.js';

const ALPHA = 0.05;
const COLUMNS = 20;
const REPEATS = Number(process.env.MLCI_DRIFT_REPEATS ?? 1000);

interface Column {
  kind: 'numeric' | 'categorical';
  /** Categories (categorical). */
  k?: number;
  /** Shift of the current side, in standard deviations (numeric). */
  shift?: number;
}

function table(
  label: string,
  rows: number,
  columns: Column[],
  side: 'reference' | 'current',
  random: Random,
) {
  const profile = new TableProfile(label, noExtraMissing(), 1);
  const cells = columns.map((_, i) => profile.column(`c${i}`));
  for (let r = 0; r < rows; r++) {
    columns.forEach((column, i) => {
      if (column.kind === 'numeric') {
        const shift = side === 'current' ? (column.shift ?? 0) : 0;
        cells[i]!.addNumber(random.normal() + shift);
      } else {
        cells[i]!.addText(`v${random.int(column.k!)}`);
      }
    });
    profile.rows++;
  }
  return profile;
}

interface Tally {
  falseAlarms: number;
  datasetAlarms: number;
  shiftedFound: number;
  repeats: number;
  seconds: number;
}

function simulate(rows: number, columns: Column[], seed: number, shifted?: number): Tally {
  const random = createRandom(seed);
  const tally: Tally = { falseAlarms: 0, datasetAlarms: 0, shiftedFound: 0, repeats: REPEATS, seconds: 0 };
  const started = process.hrtime.bigint();
  for (let r = 0; r < REPEATS; r++) {
    const report: DriftReport = compareTables(
      table('reference', rows, columns, 'reference', random),
      table('current', rows, columns, 'current', random),
    );
    const drifted = new Set(report.columns.filter((c) => c.drifted).map((c) => c.name));
    if (shifted === undefined) {
      if (drifted.size > 0) tally.falseAlarms++;
      if (report.detected) tally.datasetAlarms++;
    } else if (drifted.has(`c${shifted}`)) {
      tally.shiftedFound++;
    }
  }
  tally.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return tally;
}

/** The two-sided z-test's power at alpha / family for a shift of `delta` sd with n rows a side. */
function zPower(delta: number, n: number, family: number): number {
  const z = normalQuantile(1 - ALPHA / family / 2);
  const ncp = delta * Math.sqrt(n / 2);
  return normalCdf(ncp - z) + normalCdf(-ncp - z);
}

/** Half-width of a 95% interval of a simulated share. */
function margin(share: number, repeats: number): number {
  return 1.96 * Math.sqrt(Math.max(share * (1 - share), 1 / repeats) / repeats);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function harmless(name: string, words: string, rows: number, columns: Column[], seed: number): void {
  const t = simulate(rows, columns, seed);
  const rate = t.falseAlarms / t.repeats;
  emit({
    name,
    detail: `${words}, ${rows} rows a side, nothing changed: any column drifted in ${pct(rate)} ± ${pct(margin(rate, t.repeats))} of ${t.repeats} tables (dataset drift ${pct(t.datasetAlarms / t.repeats)}); Holm's bound for the tests: ${pct(ALPHA)}, uncorrected tests would give ${pct(1 - (1 - ALPHA) ** COLUMNS)}`,
    seconds: t.seconds,
    peakRssMiB: peakRssMiB(),
    // The bound plus the simulation's own 95% margin at the bound, so an honest 5% passes.
    target: { metric: '%', atMost: Number((100 * (ALPHA + margin(ALPHA, t.repeats))).toFixed(1)) },
    value: 100 * rate,
  });
}

function shift(name: string, words: string, rows: number, delta: number, seed: number): void {
  const columns: Column[] = Array.from({ length: COLUMNS }, (_, i) => ({
    kind: 'numeric',
    ...(i === 0 ? { shift: delta } : {}),
  }));
  const t = simulate(rows, columns, seed, 0);
  const power = t.shiftedFound / t.repeats;
  const best = zPower(delta, rows, COLUMNS);
  const ksBest = zPower(delta, Math.round((2 / Math.PI) * rows), COLUMNS);
  emit({
    name,
    detail: `${words}: a ${delta} sd shift of 1 of ${COLUMNS} numeric columns, ${rows} rows a side, found in ${pct(power)} ± ${pct(margin(power, t.repeats))}; the best test (z, knowing sigma, at alpha/${COLUMNS}) ${pct(best)}, a test of KS's efficiency (2/pi) ${pct(ksBest)}`,
    seconds: t.seconds,
    peakRssMiB: peakRssMiB(),
  });
}

const numeric: Column[] = Array.from({ length: COLUMNS }, () => ({ kind: 'numeric' }));
const mixed: Column[] = Array.from({ length: COLUMNS }, (_, i) =>
  i < 10 ? { kind: 'numeric' } : { kind: 'categorical', k: i < 15 ? 5 : 100 },
);
const manyCategories: Column[] = Array.from({ length: COLUMNS }, () => ({ kind: 'categorical', k: 100 }));

harmless('drift-null-small', '20 numeric columns (KS)', 500, numeric, 11);
harmless(
  'drift-null-small-mixed',
  '10 numeric, 5 of 5 and 5 of 100 categories (KS, chi-square)',
  500,
  mixed,
  12,
);
harmless('drift-null-large', '20 numeric columns (Wasserstein)', 1500, numeric, 13);
harmless(
  'drift-null-large-categories',
  '20 columns of 100 categories (Jensen–Shannon)',
  1500,
  manyCategories,
  14,
);
shift('drift-power-small', 'KS', 500, 0.3, 15);
shift('drift-power-large', 'Wasserstein >= 0.1 and KS', 1500, 0.2, 16);
