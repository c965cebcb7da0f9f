import {
  ConfigurationError,
  gateStatistics,
  readPredictions,
  type GateStatistics,
  type PredictionSet,
} from '@mlci/core';
import { materializeGitPath, parseGitSpec } from './git.js';

/** Per-example predictions from a path or `git:<rev>:<path>`, named as the user gave it. */
export async function predictionsAt(spec: string): Promise<PredictionSet> {
  const git = parseGitSpec(spec);
  if (git === undefined) return readPredictions(spec);
  const copy = await materializeGitPath(git);
  const set = await readPredictions(copy.path);
  return { ...set, file: spec };
}

export interface PredictionPair {
  base?: PredictionSet;
  head?: PredictionSet;
}

/** Both sides' predictions, each read once: paired gates and the report's plots share them. */
export async function loadPredictionPair(
  basePredictions?: string,
  headPredictions?: string,
): Promise<PredictionPair> {
  const pair: PredictionPair = {};
  if (basePredictions !== undefined) pair.base = await predictionsAt(basePredictions);
  if (headPredictions !== undefined) pair.head = await predictionsAt(headPredictions);
  return pair;
}

function requireBothSides(base: unknown, head: unknown): void {
  if ((base === undefined) !== (head === undefined)) {
    throw new ConfigurationError(
      'paired gates need predictions of both sides: pass --base-predictions and --head-predictions together',
    );
  }
}

/** The tests behind statistical gates, with per-example predictions when both sides are given. */
export function statisticsFor(pair: PredictionPair): GateStatistics {
  requireBothSides(pair.base, pair.head);
  if (pair.base === undefined || pair.head === undefined) return gateStatistics();
  return gateStatistics({ predictions: { base: pair.base, head: pair.head } });
}

export async function loadStatistics(
  basePredictions?: string,
  headPredictions?: string,
): Promise<GateStatistics> {
  requireBothSides(basePredictions, headPredictions);
  return statisticsFor(await loadPredictionPair(basePredictions, headPredictions));
}
