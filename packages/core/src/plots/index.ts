// Evaluation plots: confusion matrices, ROC and precision-recall curves, read from the files ML
// tools write or computed from per-example predictions. Charts for them are in report/charts.
export * from './model.js';
export * from './metrics.js';
export * from './read.js';
export * from './from-predictions.js';
