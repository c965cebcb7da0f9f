// The statistics behind the statistical and paired gates. Explicit names (no `export *`), so the
// helpers of these modules cannot clash with the rest of @mlci/core.
export {
  betaInc,
  binomialCdf,
  binomialPmf,
  binomialSf,
  logBeta,
  logGamma,
  normalCdf,
  normalPdf,
  normalQuantile,
  normalSf,
  studentTCdf,
  studentTPdf,
  studentTQuantile,
  studentTSf,
} from './distributions.js';
export { createRandom, DEFAULT_SEED } from './random.js';
export type { Random } from './random.js';
export { sampleMean, sampleVariance } from './descriptive.js';
export { pOneSided, welchTest } from './welch.js';
export type {
  InsufficientResult,
  InvalidResult,
  StatsDirection,
  WelchOptions,
  WelchResult,
} from './welch.js';
export { bootstrapMeanDiff, DEFAULT_RESAMPLES } from './bootstrap.js';
export type { BootstrapOptions, BootstrapResult } from './bootstrap.js';
export { mcnemarCounts, mcnemarTest } from './mcnemar.js';
export type { McNemarCounts, McNemarResult } from './mcnemar.js';
export { pairedBootstrap } from './paired.js';
export type { PairedBootstrapOptions, PairedBootstrapResult } from './paired.js';
export { formatP, testPairedRegression, testRegression } from './regression.js';
export type {
  PairedRegressionInput,
  RegressionDecided,
  RegressionInput,
  RegressionInsufficient,
  RegressionMethod,
  RegressionResult,
  RegressionVerdict,
} from './regression.js';
