// DVC pipelines: what changed in the data, code and parameters behind the metrics (issue #15).
export {
  MAX_LOCK_BYTES,
  parseDvcLock,
  readDvcLock,
  type DvcEntry,
  type DvcHash,
  type DvcHashKind,
  type DvcLock,
  type DvcParam,
  type DvcParamValue,
  type DvcStage,
} from './lock.js';
export {
  decodeDvcLockDiff,
  diffDvcLocks,
  isUnchangedPipeline,
  type DiffOptions,
  type DvcChangeStatus,
  type DvcDependencyRole,
  type DvcEntryChange,
  type DvcEntrySide,
  type DvcLockDiff,
  type DvcParamChange,
  type DvcStageChange,
} from './diff.js';
export {
  dataChanges,
  pipelineRows,
  pipelineSummary,
  pipelineText,
  type PipelineRow,
  type PipelineRowKind,
  type PipelineRows,
} from './rows.js';
