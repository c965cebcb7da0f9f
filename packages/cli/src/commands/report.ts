import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigurationError,
  buildReport,
  gateStatistics,
  pipelineText,
  runComparison,
  stringifyDocument,
  REPORT_FILES,
  writeReportFolder,
  type BuildReportInput,
  type RunInfo,
} from '@mlci/core';
import { comparisonText } from '../comparison-text.js';
import { helpHint, parseCommandArgs } from '../arguments.js';
import { EXIT, type CliIO } from '../io.js';
import { readHistoryArgs } from '../history.js';
import { readRunSet, relativeToConfig } from '../inputs.js';
import { loadExtraContent } from '../extra.js';
import { loadSidePlots, pairPlots, predictionsOfRuns } from '../plots.js';
import { loadPredictionPair, statisticsFor } from '../statistics.js';
import { GATE_OPTIONS, GATE_OPTIONS_HELP, gateSetup } from './options.js';
import { DVC_LOCK_OPTIONS, DVC_LOCK_OPTIONS_HELP, loadPipelineChanges } from './dvc-lock.js';

export const REPORT_OPTIONS = {
  ...GATE_OPTIONS,
  ...DVC_LOCK_OPTIONS,
  out: { type: 'string' },
  base: { type: 'string', multiple: true, default: [] as string[] },
  head: { type: 'string', multiple: true, default: [] as string[] },
  'base-predictions': { type: 'string' },
  'head-predictions': { type: 'string' },
  plots: { type: 'string', multiple: true, default: [] as string[] },
  'base-plots': { type: 'string', multiple: true, default: [] as string[] },
  history: { type: 'string', multiple: true, default: [] as string[] },
  branch: { type: 'string' },
  title: { type: 'string' },
  id: { type: 'string' },
  commit: { type: 'string' },
  'max-curves': { type: 'string' },
  'no-preview': { type: 'boolean', default: false },
  extra: { type: 'string', multiple: true, default: [] as string[] },
} as const;

export const reportUsage = `Usage: mlci report --out DIR [--base <run>]... [--head <run>]... [options]

Compares like mlci compare (without --base: the run's own numbers, with "no baseline" said
clearly) and writes the pull request report into DIR: report.md (the comment GitHub will show),
one PNG per chart, report.json (the comparison and the report's facts) and index.html, a local
preview of the comment. Charts: metric changes, confusion matrix, ROC and precision-recall
(from plot files or predictions), training curves, and the base branch's history.

Options:
  --out DIR               the folder to write into (created; other files in it are left alone)
  --base RUN              a baseline run (repeatable); may be git:<rev>:<path>
  --head RUN              a pull request run (repeatable; default: the config's files:)
  --base-predictions F    per-example predictions of the baseline (paired gates, plots)
  --head-predictions F    per-example predictions of the pull request (default: report.predictions)
  --plots F               a plot file of the pull request: confusion matrix, ROC or precision-recall
                          (dvclive, DVC or scikit-learn style; repeatable; default: report.plots)
  --base-plots F          the same for the baseline (repeatable)
  --history H             the base branch's past runs: a folder of mlci/history documents (the
                          mlci-history branch, or git:mlci-history:.), or [LABEL=]RUN for one past
                          run (repeatable, oldest first); their spread is each metric's noise,
                          for statistical gates and "within noise", and they draw the trend chart
  --branch NAME           the base branch, for the history chart's title
  --title T               the report's heading (default: report.title, or "mlci report")
  --id ID                 the report id of the hidden marker (default: report.id, or "mlci")
  --commit SHA            the commit the pull request run is of, shown in the report
  --max-curves N          at most N training-curve charts (default: report.max-curves, or 6)
  --no-preview            leave out index.html (an older one in DIR is removed)
  --extra FILE[@WHERE]    the team's own Markdown file or image in the report (repeatable;
                          default: report.sections); WHERE is top, after-summary or bottom
                          (default bottom, folded). Images in the Markdown are copied next to
                          report.md. See docs/extra-content.md
${DVC_LOCK_OPTIONS_HELP}
${GATE_OPTIONS_HELP.replace('print the comparison document as JSON', 'print report.json instead of the summary')}

Exit code: 0 passed (warnings or no baseline allowed), 1 a gate failed, 2 bad input or
configuration.
`;

export async function reportCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args, allowPositionals: true, options: REPORT_OPTIONS });
  if (values.help) {
    io.stdout(reportUsage);
    return EXIT.ok;
  }
  if (positionals.length > 0) {
    io.stderr(
      `mlci report: unexpected ${JSON.stringify(positionals[0])}: name runs with --base and --head\n${helpHint('report')}\n`,
    );
    return EXIT.badInput;
  }
  if (values.out === undefined || values.out === '') {
    io.stderr(
      `mlci report: no output folder: pass --out DIR (for example --out mlci-report)\n${helpHint('report')}\n`,
    );
    return EXIT.badInput;
  }
  if (existsSync(values.out) && !statSync(values.out).isDirectory()) {
    throw new ConfigurationError(
      `--out ${values.out}: is a file; expected a folder to write the report into`,
    );
  }
  const { config, extraGates, directions, readOptions } = gateSetup(values);
  const head = await readRunSet(values.head, config, readOptions, 'pull request (--head)', (line) =>
    io.stderr(`mlci report: ${line}\n`),
  );
  const base =
    values.base.length > 0
      ? await readRunSet(values.base, config, readOptions, 'baseline (--base)')
      : undefined;

  const headPredictions =
    values['head-predictions'] ??
    (config.report.predictions !== undefined
      ? relativeToConfig(config, config.report.predictions)
      : undefined);
  const predictions = await loadPredictionPair(values['base-predictions'], headPredictions);
  // Paired gates need both sides; predictions of the pull request alone still give plots.
  const statistics =
    predictions.base !== undefined || values['base-predictions'] !== undefined
      ? statisticsFor(predictions)
      : gateStatistics();
  const history = await readHistoryArgs(values.history, readOptions);
  const comparison = runComparison({
    head,
    ...(base !== undefined ? { base } : {}),
    config,
    extraGates,
    directions,
    statistics,
    ...(history !== undefined ? { history: history.records, historyLabel: history.label } : {}),
  });

  const headPlotFiles =
    values.plots.length > 0 ? values.plots : config.report.plots.map((p) => relativeToConfig(config, p));
  const plots = pairPlots(
    // Each run's predictions when every run folder has the same file: plots then sum the seeds.
    await loadSidePlots(headPlotFiles, await predictionsOfRuns(predictions.head, values.head), {
      runs: head.runs.length,
    }),
    await loadSidePlots(values['base-plots'], await predictionsOfRuns(predictions.base, values.base), {
      runs: base?.runs.length ?? 0,
    }),
  );

  const input: BuildReportInput = {
    comparison,
    head: head.runs,
    config,
    history: history?.entries ?? [],
    ...plots,
  };
  if (base !== undefined) {
    input.base = base.runs;
    input.baseline = { label: base.label ?? values.base.join(', ') };
  }
  if (values.title !== undefined) input.title = values.title;
  if (values.id !== undefined) input.id = checkedId(values.id);
  if (values.branch !== undefined) input.branch = values.branch;
  if (values['max-curves'] !== undefined) input.maxCurves = checkedMaxCurves(values['max-curves']);
  const run: RunInfo = {};
  if (values.commit !== undefined) run.commit = values.commit;
  if (Object.keys(run).length > 0) input.run = run;
  input.fullReportUrl = REPORT_FILES.markdown;

  // Read before anything is written: a missing or refused file is exit 2, not a smaller report.
  const extra = await loadExtraContent(values.extra, config, process.cwd(), '--extra');
  if (extra !== undefined) input.extra = extra;
  const pipeline = await loadPipelineChanges(values, config, values.base);
  if (pipeline.note !== undefined) io.stderr(`mlci report: ${pipeline.note}\n`);
  if (pipeline.diff !== undefined) input.pipeline = pipeline.diff;

  const report = await buildReport(input);
  const preview = !values['no-preview'];
  const { document } = await writeReportFolder(values.out, report, { preview });
  if (values.json) {
    io.stdout(`${stringifyDocument(document)}\n`);
  } else {
    io.stdout(comparisonText(comparison, { metrics: false }));
    if (pipeline.diff !== undefined) io.stdout(`\n${pipelineText(pipeline.diff)}`);
    const shown = values.out;
    io.stdout(
      `\nReport written to ${join(shown, REPORT_FILES.markdown)} with ${report.charts.length} chart${report.charts.length === 1 ? '' : 's'}` +
        (preview ? `; preview: ${join(shown, REPORT_FILES.preview)}\n` : '\n'),
    );
    if (report.omitted.length > 0) {
      io.stdout(`The comment leaves out, to fit GitHub's limit: ${report.omitted.join('; ')}\n`);
    }
  }
  return comparison.verdict.kind === 'failed' ? EXIT.gateFailed : EXIT.ok;
}

function checkedId(id: string): string {
  if (!/^[A-Za-z0-9._/-]+$/.test(id))
    throw new ConfigurationError(
      `--id ${JSON.stringify(id)}: expected letters, digits and . _ / - only (it is part of a hidden marker)`,
    );
  return id;
}

function checkedMaxCurves(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 50)
    throw new ConfigurationError(
      `--max-curves ${JSON.stringify(text)}: expected a whole number from 0 to 50`,
    );
  return n;
}
