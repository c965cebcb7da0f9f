import { runComparison, stringifyDocument } from '@mlci/core';
import { comparisonText } from '../comparison-text.js';
import { parseCommandArgs } from '../arguments.js';
import { EXIT, type CliIO } from '../io.js';
import { readRunSet } from '../inputs.js';
import { loadStatistics } from '../statistics.js';
import { GATE_OPTIONS, GATE_OPTIONS_HELP, gateSetup } from './options.js';

export const CHECK_OPTIONS = GATE_OPTIONS;

export const checkUsage = `Usage: mlci check [<path>...] [--config F] [--gate "G"]... [--json]

Evaluates gates on one run's own numbers: bounds, ranges, required and finite metrics. Paths are
read together as one run (default: files: in the config). Gates that compare with a baseline are
reported as "no baseline" here; use mlci compare for them.

Options:
${GATE_OPTIONS_HELP}

Exit code: 0 passed (warnings allowed), 1 a gate failed, 2 bad input or configuration.
`;

export async function checkCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args, allowPositionals: true, options: CHECK_OPTIONS });
  if (values.help) {
    io.stdout(checkUsage);
    return EXIT.ok;
  }
  const { config, extraGates, directions, readOptions } = gateSetup(values);
  const head = await readRunSet(
    positionals.length > 0 ? [positionals.join(',')] : [],
    config,
    readOptions,
    'pull request',
    (line) => io.stderr(`mlci check: ${line}\n`),
  );
  if (config.gates.length + extraGates.length === 0) {
    io.stderr('mlci check: no gates given: add gates: to .mlci.yml or pass --gate "accuracy >= 0.9"\n');
  }
  const statistics = await loadStatistics();
  const comparison = runComparison({
    head,
    config,
    extraGates,
    directions,
    statistics,
    expectBaseline: false,
  });
  io.stdout(
    values.json ? `${stringifyDocument(comparison)}\n` : comparisonText(comparison, { metrics: false }),
  );
  return comparison.verdict.kind === 'failed' ? EXIT.gateFailed : EXIT.ok;
}
