import {
  ConfigurationError,
  SCORE_COLUMNS,
  confusionFromPredictions,
  curvesFromPredictions,
  readPlotFile,
  type BuildReportInput,
  type ConfusionMatrix,
  type PlotData,
  type PrCurve,
  type PredictionSet,
  type RocCurve,
} from '@mlci/core';
import { materializeGitPath, parseGitSpec } from './git.js';

/** One side's evaluation plots: at most one of each kind. */
export interface SidePlots {
  confusion?: ConfusionMatrix;
  roc?: RocCurve;
  pr?: PrCurve;
}

const KIND_NAMES = { confusion: 'confusion matrix', roc: 'ROC curve', pr: 'precision-recall curve' } as const;

async function plotAt(spec: string): Promise<PlotData> {
  const git = parseGitSpec(spec);
  if (git === undefined) return readPlotFile(spec);
  const copy = await materializeGitPath(git);
  return { ...(await readPlotFile(copy.path)), file: spec };
}

/**
 * Plot files first, then what per-example predictions give for kinds no file gave: a file the
 * user names is what they want drawn. Two files of one kind are refused, since only one is drawn.
 */
export async function loadSidePlots(
  files: readonly string[],
  predictions?: PredictionSet,
): Promise<SidePlots> {
  const plots: SidePlots = {};
  for (const file of files) {
    const plot = await plotAt(file);
    const existing = plots[plot.kind];
    if (existing !== undefined) {
      throw new ConfigurationError(
        `two ${KIND_NAMES[plot.kind]}s given (${existing.file} and ${file}): a report draws one; give one of them`,
      );
    }
    Object.assign(plots, { [plot.kind]: plot });
  }
  if (predictions !== undefined) Object.assign(plots, { ...fromPredictions(predictions), ...plots });
  return plots;
}

/**
 * What predictions can show: a confusion matrix when they have labels and predictions; ROC and
 * precision-recall curves when there are two classes and a score column. Missing columns are not
 * an error here: paired gates need fewer columns than plots do.
 */
export function fromPredictions(set: PredictionSet): SidePlots {
  const out: SidePlots = {};
  if (set.labels !== undefined && set.predictions !== undefined)
    out.confusion = confusionFromPredictions(set);
  const hasScore = SCORE_COLUMNS.some((c) => set.scores.has(c));
  if (set.labels !== undefined && hasScore && new Set(set.labels).size === 2) {
    const curves = curvesFromPredictions(set);
    out.roc = curves.roc;
    out.pr = curves.pr;
  }
  return out;
}

/** Pairs the sides for the report: a kind is drawn when the pull request has it. */
export function pairPlots(
  head: SidePlots,
  base: SidePlots,
): Pick<BuildReportInput, 'confusion' | 'roc' | 'pr'> {
  const out: Pick<BuildReportInput, 'confusion' | 'roc' | 'pr'> = {};
  if (head.confusion !== undefined)
    out.confusion = base.confusion
      ? { head: head.confusion, base: base.confusion }
      : { head: head.confusion };
  if (head.roc !== undefined) out.roc = base.roc ? { head: head.roc, base: base.roc } : { head: head.roc };
  if (head.pr !== undefined) out.pr = base.pr ? { head: head.pr, base: base.pr } : { head: head.pr };
  return out;
}
