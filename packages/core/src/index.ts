export * from './errors.js';
export * from './keys.js';
export * from './model.js';
export * from './numbers.js';
export * from './series.js';
export * from './doc-builder.js';
export * from './flatten.js';
export * from './json-text.js';
export * from './merge.js';
export * from './serialize.js';
export * from './readers/types.js';
export * from './readers/files.js';
export * from './readers/registry.js';
export { lmEvalReader, readLmEval } from './readers/llm-eval/lm-eval.js';
export { promptfooReader, readPromptfoo } from './readers/llm-eval/promptfoo.js';
export { inspectAiReader, readInspectAi } from './readers/llm-eval/inspect-ai.js';
export * from './discover.js';
export * from './dvc/index.js';
export * from './data/index.js';
export * from './readers/tabular.js';
export * from './readers/delimited.js';
export * from './readers/jsonl.js';
export * from './readers/dvclive.js';
export * from './readers/hf-trainer.js';
export * from './readers/mlflow.js';
export * from './readers/tensorboard/reader.js';
export * from './readers/wandb.js';
export * from './readers/junit.js';
export * from './readers/sklearn-report.js';
export * from './format.js';
export * from './gates/direction.js';
export * from './gates/types.js';
export * from './gates/parse.js';
export * from './gates/match.js';
export * from './gates/percent.js';
export * from './suggest.js';
export * from './gates/evaluate.js';
export * from './compare/compare.js';
export * from './compare/pipeline.js';
export * from './compare/json.js';
export * from './config/config.js';
export * from './config/gating.js';
export * from './config/repeats.js';
export * from './stats/index.js';
export * from './readers/predictions.js';
export * from './gates/statistics.js';
export * from './plots/index.js';
export * from './report/model.js';
export * from './report/charts/index.js';
// The renderers are loaded on demand (see report/lazy.ts): importing @mlci/core loads no chart.js,
// canvas or Markdown-to-HTML code.
export * from './report/lazy.js';
export { ChartsUnavailableError } from './report/charts/unavailable.js';
export {
  renderMarkdown,
  formatDuration,
  MAX_COMMENT_LENGTH,
  type MarkdownOptions,
  type MarkdownReport,
} from './report/markdown.js';
export * from './report/escape.js';
// The report's data-drift section (its charts are in report/charts/drift.ts).
export {
  DEFAULT_DRIFT_CHARTS,
  driftChartColumns,
  driftFacts,
  driftHeadline,
  driftOmissions,
  driftScoreText,
  formatDriftP,
  fullDriftPlan,
  renderDriftSection,
  type DriftFacts,
  type DriftSectionPlan,
} from './report/drift.js';
export * from './report/build.js';
// The team's own sections; the Markdown and HTML stack it checks with is loaded on first use.
export * from './report/extra.js';
export * from './documents.js';
export * from './history.js';
export * from './report/folder.js';
export * from './train/index.js';
export * from './report/matrix.js';
