import {
  ConfigurationError,
  historyTrend,
  summaryHistory,
  type BaselineProblem,
  type Comparison,
  type Gate,
  type HistoryRecord,
  type HistoryTrend,
  type MlciConfig,
} from '@mlci/core';
import { historySummaryPath, messageOf, readHistorySummary, statusOf, type GitHubClient } from '@mlci/github';
import type { ActionIO } from '../../shared/src/io.js';

/**
 * The base branch's history for the statistics: the summary on the history branch (written by
 * the report action on pushes to the default branch), read in one request. Its spread is each
 * metric's run-to-run noise, which lets `no significant regression` test one run per side and
 * pools with repeats for more power (docs/statistics.md, "Noise from history").
 */

export type HistoryInput = 'auto' | 'false';

export interface BaseHistory {
  /** For runComparison: the last `statistics.history-window` records, oldest first, and their label. */
  records?: HistoryRecord[];
  label?: string;
  /**
   * The summary could not be read (an outage past the retries, a token without access) while a
   * statistical gate would have used it: the comparison fails as for a baseline that could not
   * be fetched, rather than decide without the noise it was configured to know.
   */
  problem?: BaselineProblem;
}

/**
 * Whether the history can change a verdict: statistical gates take their noise from it (one run
 * per side cannot test without it; repeats test with more power). Other gates only get the
 * report's "within noise" labels from it, which decide nothing.
 */
export function gatesUseHistory(gates: readonly Gate[]): boolean {
  return gates.some((gate) => gate.rule.kind === 'significant');
}

export async function readBaseHistory(
  io: ActionIO,
  options: {
    input: HistoryInput;
    /** Undefined without a token: nothing is read. */
    client: GitHubClient | undefined;
    owner: string;
    repo: string;
    branch: string;
    reportId: string;
    /** The rules the comparison uses (the base's, with gates-from: base). */
    config: MlciConfig;
    extraGates: readonly Gate[];
    /** The summary as the baseline's query read it (historyExpression), when it did. */
    prefetched?: Buffer | null;
  },
): Promise<BaseHistory> {
  if (options.input === 'false' || options.client === undefined) return {};
  const needed = gatesUseHistory([...options.config.gates, ...options.extraGates]);
  let read;
  try {
    read = await readHistorySummary(options.client, {
      owner: options.owner,
      repo: options.repo,
      branch: options.branch,
      reportId: options.reportId,
      ...(options.prefetched !== undefined ? { prefetched: options.prefetched } : {}),
    });
  } catch (error) {
    if (error instanceof ConfigurationError) {
      if (needed) throw error;
      io.warning(`The history is not used: ${error.message}.`);
      return {};
    }
    const status = statusOf(error);
    const detail = `history: ${options.branch}: ${status === undefined ? '' : `${status} `}${messageOf(error)}`;
    if (needed) return { problem: { kind: 'unavailable', detail } };
    io.warning(
      `The history could not be read (${detail}): changes are compared without its noise; no gate uses it.`,
    );
    return {};
  }
  const all = read.summary === undefined ? [] : summaryHistory(read.summary);
  if (all.length === 0) {
    io.info(
      `No history: ${read.where} ${read.summary === undefined ? 'does not exist' : 'holds no records'} (the report action writes it on pushes to the default branch).`,
    );
    return {};
  }
  const window = options.config.statistics.historyWindow;
  const records = all.slice(-window);
  const label =
    records.length < all.length
      ? `the last ${records.length} of ${all.length} records of ${read.where}`
      : `${records.length} ${records.length === 1 ? 'record' : 'records'} of ${read.where}`;
  io.info(`History: ${label}.`);
  return { records, label };
}

/** The summary as a GraphQL object expression, read with the baseline's files (`branch:path`). */
export function historyExpression(branch: string, reportId: string): string {
  return `${branch}:${historySummaryPath(reportId)}`;
}

/**
 * What the report draws of the history: a point per record of the metrics the gates name (the
 * chart trends gated metrics), so the state file stays small whatever the run logs.
 */
export function trendForReport(history: BaseHistory, comparison: Comparison): HistoryTrend | undefined {
  if (history.records === undefined || history.label === undefined) return undefined;
  const keys = [...new Set(comparison.gates.flatMap((g) => (g.metric === undefined ? [] : [g.metric])))];
  return historyTrend(history.records, keys, history.label);
}
