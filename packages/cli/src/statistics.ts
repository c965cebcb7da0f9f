import { ConfigurationError, gateStatistics, readPredictions, type GateStatistics } from '@mlci/core';
import { materializeGitPath, parseGitSpec } from './git.js';

async function predictionsAt(spec: string) {
  const git = parseGitSpec(spec);
  if (git === undefined) return readPredictions(spec);
  const copy = await materializeGitPath(git);
  const set = await readPredictions(copy.path);
  return { ...set, file: spec };
}

/** The tests behind statistical gates, with per-example predictions when both sides are given. */
export async function loadStatistics(
  basePredictions?: string,
  headPredictions?: string,
): Promise<GateStatistics> {
  if ((basePredictions === undefined) !== (headPredictions === undefined)) {
    throw new ConfigurationError(
      'paired gates need predictions of both sides: pass --base-predictions and --head-predictions together',
    );
  }
  if (basePredictions === undefined || headPredictions === undefined) return gateStatistics();
  return gateStatistics({
    predictions: { base: await predictionsAt(basePredictions), head: await predictionsAt(headPredictions) },
  });
}
