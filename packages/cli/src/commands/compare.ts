import { pipelineText, runComparison, stringifyDocument } from '@mlci/core';
import { comparisonText } from '../comparison-text.js';
import { helpHint, parseCommandArgs } from '../arguments.js';
import { EXIT, type CliIO } from '../io.js';
import { readHistoryArgs } from '../history.js';
import { readRunSet } from '../inputs.js';
import { loadStatistics } from '../statistics.js';
import { GATE_OPTIONS, GATE_OPTIONS_HELP, gateSetup } from './options.js';
import { DVC_LOCK_OPTIONS, DVC_LOCK_OPTIONS_HELP, loadPipelineChanges } from './dvc-lock.js';

export const COMPARE_OPTIONS = {
  ...GATE_OPTIONS,
  ...DVC_LOCK_OPTIONS,
  'base-predictions': { type: 'string' },
  'head-predictions': { type: 'string' },
  history: { type: 'string', multiple: true, default: [] as string[] },
  base: { type: 'string', multiple: true, default: [] as string[] },
  head: { type: 'string', multiple: true, default: [] as string[] },
} as const;

export const compareUsage = `Usage: mlci compare --base <run> [--base <run>]... [--head <run>]... [options]

Compares the pull request's metrics (head) with a baseline and evaluates every gate. A run is a
file or folder, several paths joined by commas read as one run (metrics.json,train.csv), or
git:<revision>:<path> for a path as committed at a revision (git:main:metrics.json). Give
--base or --head several times for repeats (seeds, folds): statistical gates use them.
Without --head, the config's files: are the head.

Options:
  --base RUN              a baseline run (repeatable)
  --head RUN              a pull request run (repeatable)
  --base-predictions F    per-example predictions of the baseline (CSV/TSV/JSONL: id, label,
                          prediction, scores), for paired gates; may be git:<rev>:<path>. Not
                          needed for evaluation logs that carry per-example results (lm-eval
                          with --log_samples, promptfoo, Inspect AI): paired gates pair those
                          by example id; given files win over them
  --head-predictions F    the same for the pull request
  --history H             the base branch's past runs: a folder of mlci/history documents (the
                          mlci-history branch, or git:mlci-history:.), or [LABEL=]RUN for one past
                          run (repeatable, oldest first); their spread is each metric's noise, so
                          statistical gates work with one run per side and changes within noise
                          are told apart (docs/statistics.md)
${DVC_LOCK_OPTIONS_HELP}
${GATE_OPTIONS_HELP}

Exit code: 0 passed (warnings or no baseline allowed), 1 a gate failed, 2 bad input or
configuration.
`;

export async function compareCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    allowPositionals: true,
    options: COMPARE_OPTIONS,
  });
  if (values.help) {
    io.stdout(compareUsage);
    return EXIT.ok;
  }
  if (positionals.length > 0) {
    io.stderr(
      `mlci compare: unexpected ${JSON.stringify(positionals[0])}: name runs with --base and --head\n${helpHint('compare')}\n`,
    );
    return EXIT.badInput;
  }
  if (values.base.length === 0) {
    io.stderr(
      `mlci compare: no baseline: pass --base <run> (for example --base git:main:metrics.json)\n${helpHint('compare')}\n`,
    );
    return EXIT.badInput;
  }
  const { config, extraGates, directions, readOptions } = gateSetup(values);
  const head = await readRunSet(values.head, config, readOptions, 'pull request (--head)', (line) =>
    io.stderr(`mlci compare: ${line}\n`),
  );
  const base = await readRunSet(values.base, config, readOptions, 'baseline (--base)');
  const statistics = await loadStatistics(values['base-predictions'], values['head-predictions']);
  const history = await readHistoryArgs(values.history, readOptions);
  const comparison = runComparison({
    head,
    base,
    config,
    extraGates,
    directions,
    statistics,
    ...(history !== undefined ? { history: history.records, historyLabel: history.label } : {}),
  });
  const pipeline = await loadPipelineChanges(values, config, values.base);
  if (pipeline.note !== undefined) io.stderr(`mlci compare: ${pipeline.note}\n`);
  io.stdout(
    values.json ? `${stringifyDocument(comparison)}\n` : comparisonText(comparison, { metrics: true }),
  );
  if (!values.json && pipeline.diff !== undefined) io.stdout(`\n${pipelineText(pipeline.diff)}`);
  return comparison.verdict.kind === 'failed' ? EXIT.gateFailed : EXIT.ok;
}
