// Data tables for drift: reading (streamed, bounded memory), typing, comparing, and the results as
// metrics. Explicit names, as in stats/index.ts.
export {
  compareTables,
  checkDriftOptions,
  DRIFT_DEFAULTS,
  MIN_NORM,
  numericPsi,
  TEST_NAMES,
} from './drift.js';
export type {
  ColumnDrift,
  ColumnStatus,
  DriftOptions,
  DriftReport,
  DriftTest,
  SideSummary,
  TableSummary,
} from './drift.js';
export {
  categoryHistogram,
  HISTOGRAM_SHARE_ERROR,
  isDrawableHistogram,
  MAX_BINS,
  MAX_CATEGORIES_SHOWN,
  numericColumnHistogram,
  numericHistogram,
  TARGET_BINS,
  weightBelow,
} from './histogram.js';
export type { DriftHistogram, NumericSide } from './histogram.js';
export { DRIFT_FORMAT, DRIFT_KEY_PREFIXES, driftMetricsDoc, nestedMetricsJson } from './metrics.js';
export { decodeDriftReport, MAX_DRIFT_COLUMNS } from './decode.js';
export { ColumnProfile, FEW_VALUES, MAX_CATEGORIES, RESERVOIR_SIZE, TableProfile } from './profile.js';
export { MAX_TABLE_FILES, parseTableFormat, readTable, TABLE_FORMATS, tableFormatOf } from './read.js';
export type { TableFormat, TableReadOptions } from './read.js';
export {
  exactSample,
  FewValues,
  QuantileSketch,
  Reservoir,
  SKETCH_BATCH,
  SKETCH_K,
  SKETCH_RANK_ERROR,
  sampleQuantile,
  sortFloats,
  weightAtOrBelow,
} from './sketch.js';
export type { WeightedSample } from './sketch.js';
export { columnType, MOSTLY_UNIQUE_DISTINCT, MOSTLY_UNIQUE_SHARE, TYPE_SHARE, valueFamily } from './types.js';
export type { ColumnType, ValueFamily } from './types.js';
export {
  DEFAULT_MISSING_TOKENS,
  missingRuleFor,
  noExtraMissing,
  parseBoolean,
  parseIsoDateTime,
  parseMissingValues,
} from './values.js';
export type { MissingRule, MissingValues } from './values.js';
export { inferSchema, MAX_INFERRED_CATEGORIES, parseSchema, SCHEMA_TYPES, schemaYaml } from './schema.js';
export type { ColumnSchema, DataSchema, InferredSchema, SchemaType } from './schema.js';
export {
  checkProfile,
  MAX_EXAMPLES,
  scanValues,
  UNIQUE_EXACT_MAX,
  validateTable,
  validationMetricsDoc,
  VALIDATE_FORMAT,
} from './validate.js';
export type { Example, ScanOptions, ValidationReport, Violation, ViolationKind } from './validate.js';
