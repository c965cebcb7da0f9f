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
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { materializeGitPath, parseGitSpec } from './git.js';
import { predictionsAt } from './statistics.js';

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

export interface SidePlotOptions {
  /** How many runs (seeds, folds) the side has: plots from fewer runs say which one they show. */
  runs?: number;
}

/**
 * Plot files first, then what per-example predictions give for kinds no file gave: a file the
 * user names is what they want drawn. Two files of one kind are refused, since only one is drawn.
 *
 * Predictions of several runs (one file per seed) are aggregated rather than one standing in for
 * all: the confusion matrix sums their counts, ROC and precision-recall pool their examples. With
 * one file for a side of several runs, the plots say which run they show (#14).
 */
export async function loadSidePlots(
  files: readonly string[],
  predictions?: PredictionSet | readonly PredictionSet[],
  options: SidePlotOptions = {},
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
  const sets =
    predictions === undefined
      ? []
      : Array.isArray(predictions)
        ? predictions
        : [predictions as PredictionSet];
  if (sets.length > 0)
    Object.assign(plots, { ...fromPredictionRuns(sets, options.runs ?? sets.length), ...plots });
  return plots;
}

/**
 * The plots of a side's runs: summed confusion counts and pooled ROC/PR over every set, or, when
 * one set stands for a side of several runs, that set's plots named as one run.
 */
export function fromPredictionRuns(sets: readonly PredictionSet[], runs: number): SidePlots {
  if (sets.length === 1) {
    const plots = fromPredictions(sets[0]!);
    if (runs > 1)
      scope(plots, `one run of ${runs}: ${sets[0]!.file}`, `one run of ${runs}: ${sets[0]!.file}`);
    return plots;
  }
  const pooled: PredictionSet = {
    file: sets.map((s) => s.file).join(', '),
    ids: sets.flatMap((s, run) => s.ids.map((id) => `${run + 1}:${id}`)),
    hasIds: sets.every((s) => s.hasIds),
    scores: new Map(),
  };
  if (sets.every((s) => s.labels !== undefined)) pooled.labels = sets.flatMap((s) => s.labels!);
  if (sets.every((s) => s.predictions !== undefined))
    pooled.predictions = sets.flatMap((s) => s.predictions!);
  for (const column of sets[0]!.scores.keys())
    if (sets.every((s) => s.scores.has(column)))
      pooled.scores.set(
        column,
        sets.flatMap((s) => s.scores.get(column)!),
      );
  // Counting the pooled examples is summing each run's counts, cell by cell.
  const plots = fromPredictions(pooled);
  scope(plots, `summed over ${sets.length} runs`, `pooled over ${sets.length} runs`);
  return plots;
}

function scope(plots: SidePlots, matrix: string, curves: string): void {
  if (plots.confusion !== undefined) plots.confusion.scope = matrix;
  if (plots.roc !== undefined) plots.roc.scope = curves;
  if (plots.pr !== undefined) plots.pr.scope = curves;
}

/**
 * The same predictions file in every run of a side: `seed-1/eval/predictions.csv` given with the
 * runs `seed-1`, `seed-2`, `seed-3` (folders) is also looked for as `seed-2/eval/predictions.csv`
 * and `seed-3/eval/predictions.csv`. Only when every run has it, since a sum over some of the runs
 * would stand for none of them; otherwise the one file, which then names itself as one run.
 */
export async function predictionsOfRuns(
  first: PredictionSet | undefined,
  runs: readonly string[],
): Promise<PredictionSet[]> {
  if (first === undefined) return [];
  const folders = runs.filter(
    (r) => parseGitSpec(r) === undefined && existsSync(r) && statSync(r).isDirectory(),
  );
  if (folders.length < 2 || folders.length !== runs.length || parseGitSpec(first.file) !== undefined)
    return [first];
  const owner = folders.find((f) => {
    const rel = relative(f, first.file);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  });
  if (owner === undefined) return [first];
  const rel = relative(owner, first.file);
  const paths = folders.map((f) => join(f, rel));
  if (!paths.every((p) => existsSync(p))) return [first];
  return Promise.all(paths.map((p) => (p === join(owner, rel) ? first : predictionsAt(p))));
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
