import { GateFailedError, stringifyDocument, toJsonDoc } from '@mlci/core';
import { comparisonText } from '@mlci/cli';
import { annotateGates } from '../../shared/src/annotations.js';
import { booleanInput, type GetInput } from '../../shared/src/inputs.js';
import type { ActionIO } from '../../shared/src/io.js';
import {
  checkOwnNumbers,
  failedGateTexts,
  parseMetricsInputs,
  type MetricsInputs,
} from '../../shared/src/pipeline.js';
import { writeState } from '../../shared/src/state.js';

export interface EvaluateInputs extends MetricsInputs {
  failOnGate: boolean;
}

export function parseInputs(get: GetInput): EvaluateInputs {
  return { ...parseMetricsInputs(get), failOnGate: booleanInput(get, 'fail-on-gate', false) };
}

/**
 * Reads the pull request's metrics and evaluates the gates that need no baseline (bounds,
 * ranges, required, finite); gates that compare with a baseline are reported as not evaluated
 * here (compare-metrics does them). Leaves evaluate.json in the state folder for report.
 */
export async function run(io: ActionIO): Promise<void> {
  const inputs = parseInputs(io.getInput);
  const state = await checkOwnNumbers(inputs, undefined, (line) => io.info(line));
  const { comparison, head } = state;
  const path = await writeState(inputs.stateDir, 'evaluate', state);
  io.info(comparisonText(comparison, { metrics: true }).trimEnd());
  io.info(`\nwrote ${path}`);
  annotateGates(io, comparison);
  const failed = failedGateTexts(comparison);
  io.setOutput('passed', String(comparison.verdict.kind !== 'failed'));
  io.setOutput('verdict', comparison.verdict.kind);
  io.setOutput('failed-gates', JSON.stringify(failed));
  io.setOutput('metrics', stringifyDocument(toJsonDoc(head[0]!).metrics, 0));
  io.setOutput('state-path', path);
  if (inputs.failOnGate && comparison.verdict.kind === 'failed')
    throw new GateFailedError(comparison.verdict.summary);
}
