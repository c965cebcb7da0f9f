export { main, VERSION } from './main.js';
export { EXIT, type CliIO } from './io.js';
// The local half of the pipeline, shared with the actions: reading configs, runs, predictions and
// plots from the workspace, and the plain-text verdict they print to the log.
export {
  DEFAULT_CONFIG_NAMES,
  loadConfig,
  readFiles,
  readRun,
  readRunSet,
  relativeToConfig,
  type ReadRunOptions,
} from './inputs.js';
export { listForPatterns, readRepeats } from './repeats.js';
export { comparisonText } from './comparison-text.js';
export { loadPredictionPair, statisticsFor, type PredictionPair } from './statistics.js';
export { loadSidePlots, pairPlots, fromPredictions, type SidePlots } from './plots.js';
export { loadExtraContent, workspaceReader } from './extra.js';
// Data tables for the actions' drift step: read as the CLI reads them, and the same text table.
export { readTableSpec, writeOutFile } from './tables.js';
export { materializeGitPath, parseGitSpec } from './git.js';
export { driftText } from './commands/drift.js';
