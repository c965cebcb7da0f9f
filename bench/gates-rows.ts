/**
 * The rows of bench/gates.bench.ts: each rule's simulated false blocks and misses next to what theory
 * allows, the targets they are held to, and the Markdown table for docs/statistics.md.
 */
import { normalCdf, normalSf } from '../packages/core/src/stats/distributions.js';
import { DEFAULT_HISTORY_WINDOW } from '../packages/core/src/stats/noise.js';
import { MIN_BOOTSTRAP_RUNS } from '../packages/core/src/stats/regression.js';
import {
  FLIP,
  isPaired,
  pairedSe,
  SIGMA,
  THRESHOLD,
  type Effect,
  type RuleName,
  type RuleTally,
  type Scenario,
} from './gates-sim.js';
import { mcnemarPower, tTestPower, welchPower, zTestPower } from './gates-theory.js';

/** count of prs: false blocks among harmless pull requests, or misses among regressing ones. */
export interface Rate {
  count: number;
  prs: number;
}

export interface Theory {
  /** The false-block rate the rule promises (family-wise), or exactly has (threshold). */
  falseBlocks: number;
  /**
   * The false-block rate the rule's own test has in theory, where it is below the promise: Welch's
   * (its df is random: conservative with few runs and small alpha) and McNemar's (discrete counts).
   */
  exactFalseBlocks?: number;
  /** Misses of the one-sided z-test that knows the standard error, at alpha / family. */
  zMiss?: number;
  /** Misses of the rule's own test in theory, and which theory that is. */
  ownMiss: number;
  own: string;
}

export interface Row {
  rule: RuleName;
  scenario: Scenario;
  /** Undefined for the threshold, which has none. */
  alpha?: number;
  effect: Effect;
  falseBlocks: Rate;
  misses: Rate;
  theory: Theory;
  tally: RuleTally;
  seconds: number;
}

export interface Target {
  /** Percent. */
  value: number;
  atMost: number;
  ok: boolean;
  why: string;
  /** The target asked for is out of reach of the rule's test in theory; `why` says what replaced it. */
  impossible?: boolean;
}

export const RULE_NAMES: Record<RuleName, string> = {
  welch: 'Welch',
  bootstrap: 'bootstrap',
  history: 'history',
  threshold: 'drop <= 1σ (means)',
  mcnemar: 'McNemar',
  'paired-bootstrap': 'paired bootstrap',
};

/** Independent runs: the worsening in sigma; paired: in standard errors of the mean difference. */
export const effectLabel = (row: Row) => `${row.effect}${isPaired(row.rule) ? ' SE' : 'σ'}`;

// ---------------------------------------------------------------------------------------------
// Theory

/** The true worsening over the true standard error of its estimate. */
function ncpOf(rule: RuleName, s: Scenario, effect: Effect): number {
  return isPaired(rule) ? effect : effect / Math.sqrt(2 / s.n);
}

const welchMemo = new Map<string, number>();
function welchMiss(n: number, ncp: number, alpha: number): number {
  const key = `${n}|${ncp}|${alpha}`;
  let miss = welchMemo.get(key);
  if (miss === undefined) {
    miss = 1 - welchPower(n, ncp, alpha);
    welchMemo.set(key, miss);
  }
  return miss;
}

/** The pooled test's misses, averaged over the degrees of freedom the history estimates reported. */
function historyMiss(ncp: number, alpha: number, dfs: Record<string, number>): { miss: number; own: string } {
  const entries = Object.entries(dfs).map(([df, count]) => [Number(df), count] as const);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  const power = entries.reduce((sum, [df, count]) => sum + count * tTestPower(ncp, df, alpha), 0) / total;
  const values = entries.map(([df]) => df);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const range = lo === hi ? `${round(lo)}` : `${round(lo)} to ${round(hi)}`;
  return { miss: 1 - power, own: `t, df ${range}` };
}

const round = (x: number) => String(Number(x.toFixed(1)));

export function theoryOf(
  rule: RuleName,
  s: Scenario,
  alpha: number | undefined,
  effect: Effect,
  tally: RuleTally,
): Theory {
  if (rule === 'threshold') {
    // Blocks when the mean drop exceeds X: the drop is N(delta, 2 sigma^2 / n).
    const se = SIGMA * Math.sqrt(2 / s.n);
    const once = normalSf(THRESHOLD / se);
    return {
      falseBlocks: 1 - (1 - once) ** s.family,
      ownMiss: normalCdf((THRESHOLD - effect * SIGMA) / se),
      own: 'exact',
    };
  }
  const level = alpha! / s.family; // Bonferroni's level; Holm's power for one true effect is the same
  const ncp = ncpOf(rule, s, effect);
  const common = { falseBlocks: alpha!, zMiss: 1 - zTestPower(ncp, level) };
  // With every metric harmless, Holm blocks when the smallest p is at most alpha / family.
  const welch = (own: string): Theory => ({
    ...common,
    exactFalseBlocks: 1 - welchMiss(s.n, 0, level) ** s.family,
    ownMiss: welchMiss(s.n, ncp, level),
    own,
  });
  switch (rule) {
    case 'welch':
      return welch('Welch, exact');
    case 'bootstrap':
      return welch(s.n < MIN_BOOTSTRAP_RUNS ? 'Welch (it runs Welch)' : 'Welch (reference)');
    case 'history': {
      const { miss, own } = historyMiss(ncp, level, tally.dfs);
      return { ...common, ownMiss: miss, own };
    }
    case 'mcnemar': {
      const d = effect * pairedSe('mcnemar', s.n);
      return {
        ...common,
        exactFalseBlocks: mcnemarPower(s.n, FLIP, FLIP, level),
        ownMiss: 1 - mcnemarPower(s.n, FLIP + d / 2, FLIP - d / 2, level),
        own: 'McNemar, exact',
      };
    }
    case 'paired-bootstrap':
      return { ...common, ownMiss: 1 - tTestPower(ncp, s.n - 1, level), own: `t, df ${s.n - 1}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Targets

/**
 * Binomial standard error of a rate p measured on `prs` pull requests, with p at least 1 / prs: a
 * rate of 0 (in theory or measured) still scatters by about one pull request.
 */
export function standardError(p: number, prs: number): number {
  return Math.sqrt((Math.max(p, 1 / prs) * (1 - p)) / prs);
}

const percent = (rate: Rate) => (100 * rate.count) / rate.prs;

/** False blocks (family-wise) at most alpha + 3 SE; the threshold has no alpha and no target. */
export function falseBlockTarget(row: Row): Target | undefined {
  if (row.alpha === undefined) return undefined;
  const a = row.alpha;
  const atMost = 100 * (a + 3 * standardError(a, row.falseBlocks.prs));
  const value = percent(row.falseBlocks);
  return { value, atMost, ok: value <= atMost, why: `alpha + 3 SE` };
}

/**
 * Misses: Welch and the bootstraps within 1.1 x their own test's theory; the history within 1.25 x
 * the z-test, or, where even the t-test with the history's df cannot get there, within 1.1 x that
 * t-test. Each bound allows 3 simulation SE at the bound's rate.
 */
export function missTarget(row: Row): Target | undefined {
  const { rule, theory } = row;
  let rate: number;
  let why: string;
  let impossible = false;
  if (rule === 'welch' || rule === 'bootstrap' || rule === 'paired-bootstrap') {
    rate = 1.1 * theory.ownMiss;
    why = `1.1 × own theory + 3 SE`;
  } else if (rule === 'history') {
    rate = 1.25 * theory.zMiss!;
    why = `1.25 × z-test + 3 SE`;
    if (theory.ownMiss > rate) {
      impossible = true;
      why = `1.25 × z-test (${pct(rate)}) is impossible in theory (the t-test with the history's df misses ${pct(theory.ownMiss)}): held to 1.1 × that + 3 SE`;
      rate = 1.1 * theory.ownMiss;
    }
  } else {
    return undefined;
  }
  rate = Math.min(1, rate);
  const atMost = 100 * (rate + 3 * standardError(rate, row.misses.prs));
  const value = percent(row.misses);
  return { value, atMost, ok: value <= atMost, why, ...(impossible ? { impossible } : {}) };
}

/**
 * History rule: the regressing pull requests whose test fell back to Welch's (their runs spread
 * more than the history allows) and were missed, as a share of all regressing pull requests.
 */
export function fallbackMisses(row: Row): { missed: Rate; fellBack: number } | undefined {
  if (row.rule !== 'history' || row.alpha === undefined) return undefined;
  const fallbacks = row.tally.fallbacks[row.effect]!;
  if (fallbacks.prs === 0) return undefined;
  return {
    missed: { count: fallbacks.prs - fallbacks.blocked[row.alpha]!, prs: row.misses.prs },
    fellBack: fallbacks.prs,
  };
}

// ---------------------------------------------------------------------------------------------
// Words and numbers

/** A rate in percent: two decimals below 10%, one above. */
export function pct(p: number): string {
  const x = 100 * p;
  return `${x.toFixed(x < 10 ? 2 : 1)}%`;
}

/** A measured rate with 3 SE (standardError at the measured rate). */
export function measured(rate: Rate): string {
  const p = rate.count / rate.prs;
  const se = standardError(p, rate.prs);
  const x = 100 * p;
  const digits = x < 10 ? 2 : 1;
  return `${x.toFixed(digits)}% ± ${(300 * se).toFixed(digits)}`;
}

export function sizeOf(row: Row): string {
  const s = row.scenario;
  if (isPaired(row.rule)) return `${s.n.toLocaleString('en-US')} examples`;
  if (row.rule !== 'history' || s.history === undefined) return `${s.n}`;
  const { records, jump } = s.history;
  const window = records > DEFAULT_HISTORY_WINDOW ? ` (window ${DEFAULT_HISTORY_WINDOW})` : '';
  const what = s.n === 1 ? `${records} runs${window}` : `${records} records × ${s.n}`;
  return `${s.n} + history of ${what}${jump ? '' : ', no jump'}`;
}

/** measured / theory; below 1% in theory a ratio says more about the simulation's luck than the rule. */
const ratio = (measured: number, theory: number | undefined) =>
  theory === undefined || theory < 0.01 ? '–' : (measured / theory).toFixed(2);

function targetCell(row: Row): string {
  const parts: string[] = [];
  const f = falseBlockTarget(row);
  if (f !== undefined) parts.push(`FB ≤ ${f.atMost.toFixed(2)}% ${f.ok ? 'ok' : '**MISSED**'}`);
  const m = missTarget(row);
  if (m !== undefined)
    parts.push(
      `misses ≤ ${m.atMost.toFixed(1)}%${m.impossible === true ? '†' : ''} ${m.ok ? 'ok' : '**MISSED**'}`,
    );
  return parts.join('; ') || '–';
}

export function markdownTable(rows: readonly Row[]): string {
  const header = [
    'rule',
    'n per side',
    'family',
    'alpha',
    'effect',
    'false blocks (± 3 SE)',
    'theory',
    'misses (± 3 SE)',
    'theory (z-test)',
    'theory (own test)',
    'ratio (÷ z, ÷ own)',
    'targets',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const row of rows) {
    const t = row.theory;
    const missRate = row.misses.count / row.misses.prs;
    const fallback = fallbackMisses(row);
    const afterFallback =
      fallback === undefined
        ? ''
        : `; ${pct(fallback.missed.count / fallback.missed.prs)} after a fallback to Welch`;
    const falseTheory =
      t.exactFalseBlocks === undefined
        ? pct(t.falseBlocks)
        : `${pct(t.falseBlocks)} (exact ${pct(t.exactFalseBlocks)})`;
    const cells = [
      RULE_NAMES[row.rule],
      sizeOf(row),
      String(row.scenario.family),
      row.alpha === undefined ? '–' : String(row.alpha),
      effectLabel(row),
      `${measured(row.falseBlocks)} (${row.falseBlocks.prs.toLocaleString('en-US')})`,
      falseTheory,
      `${measured(row.misses)} (${row.misses.prs.toLocaleString('en-US')}${afterFallback})`,
      t.zMiss === undefined ? '–' : pct(t.zMiss),
      `${pct(t.ownMiss)} (${t.own})`,
      `${ratio(missRate, t.zMiss)}, ${ratio(missRate, t.ownMiss)}`,
      targetCell(row),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
