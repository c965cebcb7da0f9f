import { GateFailedError, stringifyDocument, toJsonDoc } from '@mlci/core';
import { comparisonText } from '@mlci/cli';
import { annotateGates } from '../../shared/src/annotations.js';
import { clearDriftState, parseDriftInputs, planDrift, type DriftInputs } from '../../shared/src/drift.js';
import { booleanInput, optionalInput, type GetInput } from '../../shared/src/inputs.js';
import type { ActionIO } from '../../shared/src/io.js';
import {
  actionConfig,
  checkOwnNumbers,
  failedGateTexts,
  parseMetricsInputs,
  type MetricsInputs,
} from '../../shared/src/pipeline.js';
import { DEFAULT_STATE_DIR, recordingStepFailure, writeState } from '../../shared/src/state.js';

export interface EvaluateInputs extends MetricsInputs {
  failOnGate: boolean;
  drift: DriftInputs;
}

export function parseInputs(get: GetInput): EvaluateInputs {
  return {
    ...parseMetricsInputs(get),
    failOnGate: booleanInput(get, 'fail-on-gate', false),
    drift: parseDriftInputs(get),
  };
}

/**
 * Reads the pull request's metrics and evaluates the gates that need no baseline (bounds,
 * ranges, required, finite); gates that compare with a baseline are reported as not evaluated
 * here (compare-metrics does them). With a drift reference and current data (inputs or the
 * config's drift:), their drift metrics join the run's first. Leaves evaluate.json (and
 * drift.json) in the state folder for report.
 */
export async function run(io: ActionIO): Promise<void> {
  // Until evaluate.json is written, it says this step did not finish (state.ts).
  const stateDir = optionalInput(io.getInput, 'state-dir') ?? DEFAULT_STATE_DIR;
  await recordingStepFailure(stateDir, 'evaluate', 'evaluate', () => evaluate(io));
}

async function evaluate(io: ActionIO): Promise<void> {
  const inputs = parseInputs(io.getInput);
  const config = actionConfig(inputs);
  await clearDriftState(inputs.stateDir);
  const plan = planDrift({ inputs: inputs.drift, config, baseAllowed: false });
  const drift =
    plan === undefined
      ? undefined
      : // Loaded only when there is data to compare: the table readers and the GitHub adapter are
        // most of its weight, and evaluate needs neither otherwise.
        await (
          await import('../../shared/src/drift-run.js')
        ).driftStep(io, { step: 'evaluate', stateDir: inputs.stateDir, plan });
  const state = await checkOwnNumbers(inputs, config, (line) => io.info(line), drift?.doc);
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
