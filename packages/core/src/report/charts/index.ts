// The chart builders: documents and comparisons in, chart.js configurations (ChartSpec) out.
// The renderer is not re-exported here: `renderChart` comes from './render.js'.
export * from './theme.js';
export * from './curves.js';
export * from './change.js';
export * from './history.js';
export * from './select.js';
export * from './confusion.js';
export * from './roc.js';
export * from './drift.js';
