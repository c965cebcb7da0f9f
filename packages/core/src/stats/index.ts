// The statistics behind the statistical and paired gates. Explicit names (no `export *`), so the
// helpers of these modules cannot clash with the rest of @mlci/core.
export {
  betaInc,
  betaQuantile,
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
  studentTTails,
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
export { bootstrapMeanDiff, DEFAULT_RESAMPLES, resamplesFor, tailOrder } from './bootstrap.js';
export type { BootstrapInterval, BootstrapOptions, BootstrapResult } from './bootstrap.js';
export { adjustPValues, CORRECTION_NAMES, CORRECTIONS, DEFAULT_CORRECTION } from './family.js';
export type { Correction } from './family.js';
export {
  DEFAULT_HISTORY_WINDOW,
  estimateNoise,
  MIN_HISTORY_RECORDS,
  pooledTest,
  poolingCheck,
  POOLING_ALPHA,
} from './noise.js';
export type { NoiseEstimate, NoiseOptions, NoiseUnavailable, PooledResult } from './noise.js';
export { mcnemarCounts, mcnemarInterval, mcnemarTest } from './mcnemar.js';
export type { McNemarCounts, McNemarIntervalResult, McNemarResult } from './mcnemar.js';
// Data drift (docs/drift.md): two-sample tests and distances between a column's two distributions.
export { kolmogorovTwoSidedSf, KS_EXACT_MAX_N, ksStatistic, ksTwoSample, smirnovSf } from './kolmogorov.js';
export type { KsMethod, KsTestResult } from './kolmogorov.js';
export { chiSquareHomogeneity, chiSquareSf } from './chi-square.js';
export type { ChiSquareResult } from './chi-square.js';
export {
  jensenShannonDistance,
  lInfinityDistance,
  populationStabilityIndex,
  PSI_EPSILON,
  wassersteinDistance,
} from './distances.js';
export { pairedBootstrap } from './paired.js';
export {
  lognormalLogQuantileSd,
  MIN_TAIL_SAMPLES,
  minSamplesFor,
  quantileChangeTest,
  quantileLabel,
  quantileRisePower,
  quantileRiseSamples,
} from './quantile.js';
export type {
  QuantileAlternative,
  QuantileScale,
  QuantileTestInput,
  QuantileTestResult,
  QuantileTestUnavailable,
} from './quantile.js';
export type { PairedBootstrapOptions, PairedBootstrapResult } from './paired.js';
export {
  DEFAULT_ALPHA,
  explainRegression,
  formatP,
  MAX_ALPHA,
  METHOD_NAMES,
  MIN_BOOTSTRAP_RUNS,
  MIN_PAIRED_EXAMPLES,
  testPairedRegression,
  testRegression,
} from './regression.js';
export type {
  FamilyAdjustment,
  HistoryUse,
  PairedRegressionInput,
  RegressionDecided,
  RegressionInput,
  RegressionInsufficient,
  RegressionMethod,
  RegressionResult,
  RegressionVerdict,
} from './regression.js';
