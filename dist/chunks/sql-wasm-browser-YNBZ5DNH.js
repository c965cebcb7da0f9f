import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  __commonJS
} from "./chunk-3CG65SHH.js";

// node_modules/sql.js/dist/sql-wasm-browser.js
var require_sql_wasm_browser = __commonJS({
  "node_modules/sql.js/dist/sql-wasm-browser.js"(exports, module) {
    var initSqlJsPromise = void 0;
    var initSqlJs = function(moduleConfig) {
      if (initSqlJsPromise) {
        return initSqlJsPromise;
      }
      initSqlJsPromise = new Promise(function(resolveModule, reject) {
        var Module = typeof moduleConfig !== "undefined" ? moduleConfig : {};
        var originalOnAbortFunction = Module["onAbort"];
        Module["onAbort"] = function(errorThatCausedAbort) {
          reject(new Error(errorThatCausedAbort));
          if (originalOnAbortFunction) {
            originalOnAbortFunction(errorThatCausedAbort);
          }
        };
        Module["postRun"] = Module["postRun"] || [];
        Module["postRun"].push(function() {
          resolveModule(Module);
        });
        module = void 0;
        var k;
        k ||= typeof Module !== "undefined" ? Module : {};
        var aa = !!globalThis.window, ba = !!globalThis.WorkerGlobalScope, da = {
          SQLITE_ABORT: 4,
          SQLITE_ABORT_ROLLBACK: 516,
          SQLITE_ACCESS_EXISTS: 0,
          SQLITE_ACCESS_READ: 2,
          SQLITE_ACCESS_READWRITE: 1,
          SQLITE_ALTER_TABLE: 26,
          SQLITE_ANALYZE: 28,
          SQLITE_ANY: 5,
          SQLITE_ATTACH: 24,
          SQLITE_AUTH: 23,
          SQLITE_AUTH_USER: 279,
          SQLITE_BLOB: 4,
          SQLITE_BUSY: 5,
          SQLITE_BUSY_RECOVERY: 261,
          SQLITE_BUSY_SNAPSHOT: 517,
          SQLITE_BUSY_TIMEOUT: 773,
          SQLITE_CANTOPEN: 14,
          SQLITE_CANTOPEN_CONVPATH: 1038,
          SQLITE_CANTOPEN_DIRTYWAL: 1294,
          SQLITE_CANTOPEN_FULLPATH: 782,
          SQLITE_CANTOPEN_ISDIR: 526,
          SQLITE_CANTOPEN_NOTEMPDIR: 270,
          SQLITE_CANTOPEN_SYMLINK: 1550,
          SQLITE_CARRAY_BLOB: 4,
          SQLITE_CARRAY_DOUBLE: 2,
          SQLITE_CARRAY_INT32: 0,
          SQLITE_CARRAY_INT64: 1,
          SQLITE_CARRAY_TEXT: 3,
          SQLITE_CHECKPOINT_FULL: 1,
          SQLITE_CHECKPOINT_NOOP: -1,
          SQLITE_CHECKPOINT_PASSIVE: 0,
          SQLITE_CHECKPOINT_RESTART: 2,
          SQLITE_CHECKPOINT_TRUNCATE: 3,
          SQLITE_CONFIG_COVERING_INDEX_SCAN: 20,
          SQLITE_CONFIG_GETMALLOC: 5,
          SQLITE_CONFIG_GETMUTEX: 11,
          SQLITE_CONFIG_GETPCACHE: 15,
          SQLITE_CONFIG_GETPCACHE2: 19,
          SQLITE_CONFIG_HEAP: 8,
          SQLITE_CONFIG_LOG: 16,
          SQLITE_CONFIG_LOOKASIDE: 13,
          SQLITE_CONFIG_MALLOC: 4,
          SQLITE_CONFIG_MEMDB_MAXSIZE: 29,
          SQLITE_CONFIG_MEMSTATUS: 9,
          SQLITE_CONFIG_MMAP_SIZE: 22,
          SQLITE_CONFIG_MULTITHREAD: 2,
          SQLITE_CONFIG_MUTEX: 10,
          SQLITE_CONFIG_PAGECACHE: 7,
          SQLITE_CONFIG_PCACHE: 14,
          SQLITE_CONFIG_PCACHE2: 18,
          SQLITE_CONFIG_PCACHE_HDRSZ: 24,
          SQLITE_CONFIG_PMASZ: 25,
          SQLITE_CONFIG_ROWID_IN_VIEW: 30,
          SQLITE_CONFIG_SCRATCH: 6,
          SQLITE_CONFIG_SERIALIZED: 3,
          SQLITE_CONFIG_SINGLETHREAD: 1,
          SQLITE_CONFIG_SMALL_MALLOC: 27,
          SQLITE_CONFIG_SORTERREF_SIZE: 28,
          SQLITE_CONFIG_SQLLOG: 21,
          SQLITE_CONFIG_STMTJRNL_SPILL: 26,
          SQLITE_CONFIG_URI: 17,
          SQLITE_CONFIG_WIN32_HEAPSIZE: 23,
          SQLITE_CONSTRAINT: 19,
          SQLITE_CONSTRAINT_CHECK: 275,
          SQLITE_CONSTRAINT_COMMITHOOK: 531,
          SQLITE_CONSTRAINT_DATATYPE: 3091,
          SQLITE_CONSTRAINT_FOREIGNKEY: 787,
          SQLITE_CONSTRAINT_FUNCTION: 1043,
          SQLITE_CONSTRAINT_NOTNULL: 1299,
          SQLITE_CONSTRAINT_PINNED: 2835,
          SQLITE_CONSTRAINT_PRIMARYKEY: 1555,
          SQLITE_CONSTRAINT_ROWID: 2579,
          SQLITE_CONSTRAINT_TRIGGER: 1811,
          SQLITE_CONSTRAINT_UNIQUE: 2067,
          SQLITE_CONSTRAINT_VTAB: 2323,
          SQLITE_COPY: 0,
          SQLITE_CORRUPT: 11,
          SQLITE_CORRUPT_INDEX: 779,
          SQLITE_CORRUPT_SEQUENCE: 523,
          SQLITE_CORRUPT_VTAB: 267,
          SQLITE_CREATE_INDEX: 1,
          SQLITE_CREATE_TABLE: 2,
          SQLITE_CREATE_TEMP_INDEX: 3,
          SQLITE_CREATE_TEMP_TABLE: 4,
          SQLITE_CREATE_TEMP_TRIGGER: 5,
          SQLITE_CREATE_TEMP_VIEW: 6,
          SQLITE_CREATE_TRIGGER: 7,
          SQLITE_CREATE_VIEW: 8,
          SQLITE_CREATE_VTABLE: 29,
          SQLITE_DBCONFIG_DEFENSIVE: 1010,
          SQLITE_DBCONFIG_DQS_DDL: 1014,
          SQLITE_DBCONFIG_DQS_DML: 1013,
          SQLITE_DBCONFIG_ENABLE_ATTACH_CREATE: 1020,
          SQLITE_DBCONFIG_ENABLE_ATTACH_WRITE: 1021,
          SQLITE_DBCONFIG_ENABLE_COMMENTS: 1022,
          SQLITE_DBCONFIG_ENABLE_FKEY: 1002,
          SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER: 1004,
          SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION: 1005,
          SQLITE_DBCONFIG_ENABLE_QPSG: 1007,
          SQLITE_DBCONFIG_ENABLE_TRIGGER: 1003,
          SQLITE_DBCONFIG_ENABLE_VIEW: 1015,
          SQLITE_DBCONFIG_FP_DIGITS: 1023,
          SQLITE_DBCONFIG_LEGACY_ALTER_TABLE: 1012,
          SQLITE_DBCONFIG_LEGACY_FILE_FORMAT: 1016,
          SQLITE_DBCONFIG_LOOKASIDE: 1001,
          SQLITE_DBCONFIG_MAINDBNAME: 1e3,
          SQLITE_DBCONFIG_MAX: 1023,
          SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE: 1006,
          SQLITE_DBCONFIG_RESET_DATABASE: 1009,
          SQLITE_DBCONFIG_REVERSE_SCANORDER: 1019,
          SQLITE_DBCONFIG_STMT_SCANSTATUS: 1018,
          SQLITE_DBCONFIG_TRIGGER_EQP: 1008,
          SQLITE_DBCONFIG_TRUSTED_SCHEMA: 1017,
          SQLITE_DBCONFIG_WRITABLE_SCHEMA: 1011,
          SQLITE_DBSTATUS_CACHE_HIT: 7,
          SQLITE_DBSTATUS_CACHE_MISS: 8,
          SQLITE_DBSTATUS_CACHE_SPILL: 12,
          SQLITE_DBSTATUS_CACHE_USED: 1,
          SQLITE_DBSTATUS_CACHE_USED_SHARED: 11,
          SQLITE_DBSTATUS_CACHE_WRITE: 9,
          SQLITE_DBSTATUS_DEFERRED_FKS: 10,
          SQLITE_DBSTATUS_LOOKASIDE_HIT: 4,
          SQLITE_DBSTATUS_LOOKASIDE_MISS_FULL: 6,
          SQLITE_DBSTATUS_LOOKASIDE_MISS_SIZE: 5,
          SQLITE_DBSTATUS_LOOKASIDE_USED: 0,
          SQLITE_DBSTATUS_MAX: 13,
          SQLITE_DBSTATUS_SCHEMA_USED: 2,
          SQLITE_DBSTATUS_STMT_USED: 3,
          SQLITE_DBSTATUS_TEMPBUF_SPILL: 13,
          SQLITE_DELETE: 9,
          SQLITE_DENY: 1,
          SQLITE_DESERIALIZE_FREEONCLOSE: 1,
          SQLITE_DESERIALIZE_READONLY: 4,
          SQLITE_DESERIALIZE_RESIZEABLE: 2,
          SQLITE_DETACH: 25,
          SQLITE_DETERMINISTIC: 2048,
          SQLITE_DIRECTONLY: 524288,
          SQLITE_DONE: 101,
          SQLITE_DROP_INDEX: 10,
          SQLITE_DROP_TABLE: 11,
          SQLITE_DROP_TEMP_INDEX: 12,
          SQLITE_DROP_TEMP_TABLE: 13,
          SQLITE_DROP_TEMP_TRIGGER: 14,
          SQLITE_DROP_TEMP_VIEW: 15,
          SQLITE_DROP_TRIGGER: 16,
          SQLITE_DROP_VIEW: 17,
          SQLITE_DROP_VTABLE: 30,
          SQLITE_EMPTY: 16,
          SQLITE_ERROR: 1,
          SQLITE_ERROR_KEY: 1281,
          SQLITE_ERROR_MISSING_COLLSEQ: 257,
          SQLITE_ERROR_RESERVESIZE: 1025,
          SQLITE_ERROR_RETRY: 513,
          SQLITE_ERROR_SNAPSHOT: 769,
          SQLITE_ERROR_UNABLE: 1537,
          SQLITE_FAIL: 3,
          SQLITE_FCNTL_BEGIN_ATOMIC_WRITE: 31,
          SQLITE_FCNTL_BLOCK_ON_CONNECT: 44,
          SQLITE_FCNTL_BUSYHANDLER: 15,
          SQLITE_FCNTL_CHUNK_SIZE: 6,
          SQLITE_FCNTL_CKPT_DONE: 37,
          SQLITE_FCNTL_CKPT_START: 39,
          SQLITE_FCNTL_CKSM_FILE: 41,
          SQLITE_FCNTL_COMMIT_ATOMIC_WRITE: 32,
          SQLITE_FCNTL_COMMIT_PHASETWO: 22,
          SQLITE_FCNTL_DATA_VERSION: 35,
          SQLITE_FCNTL_EXTERNAL_READER: 40,
          SQLITE_FCNTL_FILESTAT: 45,
          SQLITE_FCNTL_FILE_POINTER: 7,
          SQLITE_FCNTL_GET_LOCKPROXYFILE: 2,
          SQLITE_FCNTL_HAS_MOVED: 20,
          SQLITE_FCNTL_JOURNAL_POINTER: 28,
          SQLITE_FCNTL_LAST_ERRNO: 4,
          SQLITE_FCNTL_LOCKSTATE: 1,
          SQLITE_FCNTL_LOCK_TIMEOUT: 34,
          SQLITE_FCNTL_MMAP_SIZE: 18,
          SQLITE_FCNTL_NULL_IO: 43,
          SQLITE_FCNTL_OVERWRITE: 11,
          SQLITE_FCNTL_PDB: 30,
          SQLITE_FCNTL_PERSIST_WAL: 10,
          SQLITE_FCNTL_POWERSAFE_OVERWRITE: 13,
          SQLITE_FCNTL_PRAGMA: 14,
          SQLITE_FCNTL_RBU: 26,
          SQLITE_FCNTL_RESERVE_BYTES: 38,
          SQLITE_FCNTL_RESET_CACHE: 42,
          SQLITE_FCNTL_ROLLBACK_ATOMIC_WRITE: 33,
          SQLITE_FCNTL_SET_LOCKPROXYFILE: 3,
          SQLITE_FCNTL_SIZE_HINT: 5,
          SQLITE_FCNTL_SIZE_LIMIT: 36,
          SQLITE_FCNTL_SYNC: 21,
          SQLITE_FCNTL_SYNC_OMITTED: 8,
          SQLITE_FCNTL_TEMPFILENAME: 16,
          SQLITE_FCNTL_TRACE: 19,
          SQLITE_FCNTL_VFSNAME: 12,
          SQLITE_FCNTL_VFS_POINTER: 27,
          SQLITE_FCNTL_WAL_BLOCK: 24,
          SQLITE_FCNTL_WIN32_AV_RETRY: 9,
          SQLITE_FCNTL_WIN32_GET_HANDLE: 29,
          SQLITE_FCNTL_WIN32_SET_HANDLE: 23,
          SQLITE_FCNTL_ZIPVFS: 25,
          SQLITE_FINISH: 2,
          SQLITE_FLOAT: 2,
          SQLITE_FORMAT: 24,
          SQLITE_FULL: 13,
          SQLITE_FUNCTION: 31,
          SQLITE_GET_LOCKPROXYFILE: 2,
          SQLITE_IGNORE: 2,
          SQLITE_INDEX_CONSTRAINT_EQ: 2,
          SQLITE_INDEX_CONSTRAINT_FUNCTION: 150,
          SQLITE_INDEX_CONSTRAINT_GE: 32,
          SQLITE_INDEX_CONSTRAINT_GLOB: 66,
          SQLITE_INDEX_CONSTRAINT_GT: 4,
          SQLITE_INDEX_CONSTRAINT_IS: 72,
          SQLITE_INDEX_CONSTRAINT_ISNOT: 69,
          SQLITE_INDEX_CONSTRAINT_ISNOTNULL: 70,
          SQLITE_INDEX_CONSTRAINT_ISNULL: 71,
          SQLITE_INDEX_CONSTRAINT_LE: 8,
          SQLITE_INDEX_CONSTRAINT_LIKE: 65,
          SQLITE_INDEX_CONSTRAINT_LIMIT: 73,
          SQLITE_INDEX_CONSTRAINT_LT: 16,
          SQLITE_INDEX_CONSTRAINT_MATCH: 64,
          SQLITE_INDEX_CONSTRAINT_NE: 68,
          SQLITE_INDEX_CONSTRAINT_OFFSET: 74,
          SQLITE_INDEX_CONSTRAINT_REGEXP: 67,
          SQLITE_INDEX_SCAN_HEX: 2,
          SQLITE_INDEX_SCAN_UNIQUE: 1,
          SQLITE_INNOCUOUS: 2097152,
          SQLITE_INSERT: 18,
          SQLITE_INTEGER: 1,
          SQLITE_INTERNAL: 2,
          SQLITE_INTERRUPT: 9,
          SQLITE_IOCAP_ATOMIC: 1,
          SQLITE_IOCAP_ATOMIC16K: 64,
          SQLITE_IOCAP_ATOMIC1K: 4,
          SQLITE_IOCAP_ATOMIC2K: 8,
          SQLITE_IOCAP_ATOMIC32K: 128,
          SQLITE_IOCAP_ATOMIC4K: 16,
          SQLITE_IOCAP_ATOMIC512: 2,
          SQLITE_IOCAP_ATOMIC64K: 256,
          SQLITE_IOCAP_ATOMIC8K: 32,
          SQLITE_IOCAP_BATCH_ATOMIC: 16384,
          SQLITE_IOCAP_IMMUTABLE: 8192,
          SQLITE_IOCAP_POWERSAFE_OVERWRITE: 4096,
          SQLITE_IOCAP_SAFE_APPEND: 512,
          SQLITE_IOCAP_SEQUENTIAL: 1024,
          SQLITE_IOCAP_SUBPAGE_READ: 32768,
          SQLITE_IOCAP_UNDELETABLE_WHEN_OPEN: 2048,
          SQLITE_IOERR: 10,
          SQLITE_IOERR_ACCESS: 3338,
          SQLITE_IOERR_AUTH: 7178,
          SQLITE_IOERR_BADKEY: 8970,
          SQLITE_IOERR_BEGIN_ATOMIC: 7434,
          SQLITE_IOERR_BLOCKED: 2826,
          SQLITE_IOERR_CHECKRESERVEDLOCK: 3594,
          SQLITE_IOERR_CLOSE: 4106,
          SQLITE_IOERR_CODEC: 9226,
          SQLITE_IOERR_COMMIT_ATOMIC: 7690,
          SQLITE_IOERR_CONVPATH: 6666,
          SQLITE_IOERR_CORRUPTFS: 8458,
          SQLITE_IOERR_DATA: 8202,
          SQLITE_IOERR_DELETE: 2570,
          SQLITE_IOERR_DELETE_NOENT: 5898,
          SQLITE_IOERR_DIR_CLOSE: 4362,
          SQLITE_IOERR_DIR_FSYNC: 1290,
          SQLITE_IOERR_FSTAT: 1802,
          SQLITE_IOERR_FSYNC: 1034,
          SQLITE_IOERR_GETTEMPPATH: 6410,
          SQLITE_IOERR_IN_PAGE: 8714,
          SQLITE_IOERR_LOCK: 3850,
          SQLITE_IOERR_MMAP: 6154,
          SQLITE_IOERR_NOMEM: 3082,
          SQLITE_IOERR_RDLOCK: 2314,
          SQLITE_IOERR_READ: 266,
          SQLITE_IOERR_ROLLBACK_ATOMIC: 7946,
          SQLITE_IOERR_SEEK: 5642,
          SQLITE_IOERR_SHMLOCK: 5130,
          SQLITE_IOERR_SHMMAP: 5386,
          SQLITE_IOERR_SHMOPEN: 4618,
          SQLITE_IOERR_SHMSIZE: 4874,
          SQLITE_IOERR_SHORT_READ: 522,
          SQLITE_IOERR_TRUNCATE: 1546,
          SQLITE_IOERR_UNLOCK: 2058,
          SQLITE_IOERR_VNODE: 6922,
          SQLITE_IOERR_WRITE: 778,
          SQLITE_LAST_ERRNO: 4,
          SQLITE_LIMIT_ATTACHED: 7,
          SQLITE_LIMIT_COLUMN: 2,
          SQLITE_LIMIT_COMPOUND_SELECT: 4,
          SQLITE_LIMIT_EXPR_DEPTH: 3,
          SQLITE_LIMIT_FUNCTION_ARG: 6,
          SQLITE_LIMIT_LENGTH: 0,
          SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 8,
          SQLITE_LIMIT_PARSER_DEPTH: 12,
          SQLITE_LIMIT_SCHEMA: 13,
          SQLITE_LIMIT_SQL_LENGTH: 1,
          SQLITE_LIMIT_TRIGGER_DEPTH: 10,
          SQLITE_LIMIT_TRIGGER_STEPS: 14,
          SQLITE_LIMIT_VARIABLE_NUMBER: 9,
          SQLITE_LIMIT_VDBE_OP: 5,
          SQLITE_LIMIT_WORKER_THREADS: 11,
          SQLITE_LOCKED: 6,
          SQLITE_LOCKED_SHAREDCACHE: 262,
          SQLITE_LOCKED_VTAB: 518,
          SQLITE_LOCK_EXCLUSIVE: 4,
          SQLITE_LOCK_NONE: 0,
          SQLITE_LOCK_PENDING: 3,
          SQLITE_LOCK_RESERVED: 2,
          SQLITE_LOCK_SHARED: 1,
          SQLITE_MISMATCH: 20,
          SQLITE_MISUSE: 21,
          SQLITE_MUTEX_FAST: 0,
          SQLITE_MUTEX_RECURSIVE: 1,
          SQLITE_MUTEX_STATIC_APP1: 8,
          SQLITE_MUTEX_STATIC_APP2: 9,
          SQLITE_MUTEX_STATIC_APP3: 10,
          SQLITE_MUTEX_STATIC_LRU: 6,
          SQLITE_MUTEX_STATIC_LRU2: 7,
          SQLITE_MUTEX_STATIC_MAIN: 2,
          SQLITE_MUTEX_STATIC_MASTER: 2,
          SQLITE_MUTEX_STATIC_MEM: 3,
          SQLITE_MUTEX_STATIC_MEM2: 4,
          SQLITE_MUTEX_STATIC_OPEN: 4,
          SQLITE_MUTEX_STATIC_PMEM: 7,
          SQLITE_MUTEX_STATIC_PRNG: 5,
          SQLITE_MUTEX_STATIC_VFS1: 11,
          SQLITE_MUTEX_STATIC_VFS2: 12,
          SQLITE_MUTEX_STATIC_VFS3: 13,
          SQLITE_NOLFS: 22,
          SQLITE_NOMEM: 7,
          SQLITE_NOTADB: 26,
          SQLITE_NOTFOUND: 12,
          SQLITE_NOTICE: 27,
          SQLITE_NOTICE_RBU: 795,
          SQLITE_NOTICE_RECOVER_ROLLBACK: 539,
          SQLITE_NOTICE_RECOVER_WAL: 283,
          SQLITE_NULL: 5,
          SQLITE_OK: 0,
          SQLITE_OK_LOAD_PERMANENTLY: 256,
          SQLITE_OK_SYMLINK: 512,
          SQLITE_OPEN_AUTOPROXY: 32,
          SQLITE_OPEN_CREATE: 4,
          SQLITE_OPEN_DELETEONCLOSE: 8,
          SQLITE_OPEN_EXCLUSIVE: 16,
          SQLITE_OPEN_EXRESCODE: 33554432,
          SQLITE_OPEN_FULLMUTEX: 65536,
          SQLITE_OPEN_MAIN_DB: 256,
          SQLITE_OPEN_MAIN_JOURNAL: 2048,
          SQLITE_OPEN_MASTER_JOURNAL: 16384,
          SQLITE_OPEN_MEMORY: 128,
          SQLITE_OPEN_NOFOLLOW: 16777216,
          SQLITE_OPEN_NOMUTEX: 32768,
          SQLITE_OPEN_PRIVATECACHE: 262144,
          SQLITE_OPEN_READONLY: 1,
          SQLITE_OPEN_READWRITE: 2,
          SQLITE_OPEN_SHAREDCACHE: 131072,
          SQLITE_OPEN_SUBJOURNAL: 8192,
          SQLITE_OPEN_SUPER_JOURNAL: 16384,
          SQLITE_OPEN_TEMP_DB: 512,
          SQLITE_OPEN_TEMP_JOURNAL: 4096,
          SQLITE_OPEN_TRANSIENT_DB: 1024,
          SQLITE_OPEN_URI: 64,
          SQLITE_OPEN_WAL: 524288,
          SQLITE_PERM: 3,
          SQLITE_PRAGMA: 19,
          SQLITE_PREPARE_DONT_LOG: 16,
          SQLITE_PREPARE_FROM_DDL: 32,
          SQLITE_PREPARE_NORMALIZE: 2,
          SQLITE_PREPARE_NO_VTAB: 4,
          SQLITE_PREPARE_PERSISTENT: 1,
          SQLITE_PROTOCOL: 15,
          SQLITE_RANGE: 25,
          SQLITE_READ: 20,
          SQLITE_READONLY: 8,
          SQLITE_READONLY_CANTINIT: 1288,
          SQLITE_READONLY_CANTLOCK: 520,
          SQLITE_READONLY_DBMOVED: 1032,
          SQLITE_READONLY_DIRECTORY: 1544,
          SQLITE_READONLY_RECOVERY: 264,
          SQLITE_READONLY_ROLLBACK: 776,
          SQLITE_RECURSIVE: 33,
          SQLITE_REINDEX: 27,
          SQLITE_REPLACE: 5,
          SQLITE_RESULT_SUBTYPE: 16777216,
          SQLITE_ROLLBACK: 1,
          SQLITE_ROW: 100,
          SQLITE_SAVEPOINT: 32,
          SQLITE_SCANSTAT_COMPLEX: 1,
          SQLITE_SCANSTAT_EST: 2,
          SQLITE_SCANSTAT_EXPLAIN: 4,
          SQLITE_SCANSTAT_NAME: 3,
          SQLITE_SCANSTAT_NCYCLE: 7,
          SQLITE_SCANSTAT_NLOOP: 0,
          SQLITE_SCANSTAT_NVISIT: 1,
          SQLITE_SCANSTAT_PARENTID: 6,
          SQLITE_SCANSTAT_SELECTID: 5,
          SQLITE_SCHEMA: 17,
          SQLITE_SELECT: 21,
          SQLITE_SELFORDER1: 33554432,
          SQLITE_SERIALIZE_NOCOPY: 1,
          SQLITE_SETLK_BLOCK_ON_CONNECT: 1,
          SQLITE_SET_LOCKPROXYFILE: 3,
          SQLITE_SHM_EXCLUSIVE: 8,
          SQLITE_SHM_LOCK: 2,
          SQLITE_SHM_NLOCK: 8,
          SQLITE_SHM_SHARED: 4,
          SQLITE_SHM_UNLOCK: 1,
          SQLITE_STATUS_MALLOC_COUNT: 9,
          SQLITE_STATUS_MALLOC_SIZE: 5,
          SQLITE_STATUS_MEMORY_USED: 0,
          SQLITE_STATUS_PAGECACHE_OVERFLOW: 2,
          SQLITE_STATUS_PAGECACHE_SIZE: 7,
          SQLITE_STATUS_PAGECACHE_USED: 1,
          SQLITE_STATUS_PARSER_STACK: 6,
          SQLITE_STATUS_SCRATCH_OVERFLOW: 4,
          SQLITE_STATUS_SCRATCH_SIZE: 8,
          SQLITE_STATUS_SCRATCH_USED: 3,
          SQLITE_STMTSTATUS_AUTOINDEX: 3,
          SQLITE_STMTSTATUS_FILTER_HIT: 8,
          SQLITE_STMTSTATUS_FILTER_MISS: 7,
          SQLITE_STMTSTATUS_FULLSCAN_STEP: 1,
          SQLITE_STMTSTATUS_MEMUSED: 99,
          SQLITE_STMTSTATUS_REPREPARE: 5,
          SQLITE_STMTSTATUS_RUN: 6,
          SQLITE_STMTSTATUS_SORT: 2,
          SQLITE_STMTSTATUS_VM_STEP: 4,
          SQLITE_SUBTYPE: 1048576,
          SQLITE_SYNC_DATAONLY: 16,
          SQLITE_SYNC_FULL: 3,
          SQLITE_SYNC_NORMAL: 2,
          SQLITE_TESTCTRL_ALWAYS: 13,
          SQLITE_TESTCTRL_ASSERT: 12,
          SQLITE_TESTCTRL_ATOF: 34,
          SQLITE_TESTCTRL_BENIGN_MALLOC_HOOKS: 10,
          SQLITE_TESTCTRL_BITVEC_TEST: 8,
          SQLITE_TESTCTRL_BYTEORDER: 22,
          SQLITE_TESTCTRL_EXPLAIN_STMT: 19,
          SQLITE_TESTCTRL_EXTRA_SCHEMA_CHECKS: 29,
          SQLITE_TESTCTRL_FAULT_INSTALL: 9,
          SQLITE_TESTCTRL_FIRST: 5,
          SQLITE_TESTCTRL_FK_NO_ACTION: 7,
          SQLITE_TESTCTRL_GETOPT: 16,
          SQLITE_TESTCTRL_IMPOSTER: 25,
          SQLITE_TESTCTRL_INTERNAL_FUNCTIONS: 17,
          SQLITE_TESTCTRL_ISINIT: 23,
          SQLITE_TESTCTRL_ISKEYWORD: 16,
          SQLITE_TESTCTRL_JSON_SELFCHECK: 14,
          SQLITE_TESTCTRL_LAST: 34,
          SQLITE_TESTCTRL_LOCALTIME_FAULT: 18,
          SQLITE_TESTCTRL_LOGEST: 33,
          SQLITE_TESTCTRL_NEVER_CORRUPT: 20,
          SQLITE_TESTCTRL_ONCE_RESET_THRESHOLD: 19,
          SQLITE_TESTCTRL_OPTIMIZATIONS: 15,
          SQLITE_TESTCTRL_PARSER_COVERAGE: 26,
          SQLITE_TESTCTRL_PENDING_BYTE: 11,
          SQLITE_TESTCTRL_PRNG_RESET: 7,
          SQLITE_TESTCTRL_PRNG_RESTORE: 6,
          SQLITE_TESTCTRL_PRNG_SAVE: 5,
          SQLITE_TESTCTRL_PRNG_SEED: 28,
          SQLITE_TESTCTRL_RESERVE: 14,
          SQLITE_TESTCTRL_RESULT_INTREAL: 27,
          SQLITE_TESTCTRL_SCRATCHMALLOC: 17,
          SQLITE_TESTCTRL_SEEK_COUNT: 30,
          SQLITE_TESTCTRL_SORTER_MMAP: 24,
          SQLITE_TESTCTRL_TRACEFLAGS: 31,
          SQLITE_TESTCTRL_TUNE: 32,
          SQLITE_TESTCTRL_USELONGDOUBLE: 34,
          SQLITE_TESTCTRL_VDBE_COVERAGE: 21,
          SQLITE_TEXT: 3,
          SQLITE_TOOBIG: 18,
          SQLITE_TRACE_CLOSE: 8,
          SQLITE_TRACE_PROFILE: 2,
          SQLITE_TRACE_ROW: 4,
          SQLITE_TRACE_STMT: 1,
          SQLITE_TRANSACTION: 22,
          SQLITE_TXN_NONE: 0,
          SQLITE_TXN_READ: 1,
          SQLITE_TXN_WRITE: 2,
          SQLITE_UPDATE: 23,
          SQLITE_UTF16: 4,
          SQLITE_UTF16BE: 3,
          SQLITE_UTF16LE: 2,
          SQLITE_UTF16_ALIGNED: 8,
          SQLITE_UTF8: 1,
          SQLITE_UTF8_ZT: 16,
          SQLITE_VERSION_NUMBER: 3054001,
          SQLITE_VTAB_CONSTRAINT_SUPPORT: 1,
          SQLITE_VTAB_DIRECTONLY: 3,
          SQLITE_VTAB_INNOCUOUS: 2,
          SQLITE_VTAB_USES_ALL_SCHEMAS: 4,
          SQLITE_WARNING: 28,
          SQLITE_WARNING_AUTOINDEX: 284,
          SQLITE_WIN32_DATA_DIRECTORY_TYPE: 1,
          SQLITE_WIN32_TEMP_DIRECTORY_TYPE: 2,
          SQLITE_XFER: 1
        }, ea = "SQLITE_ABORT SQLITE_ABORT_ROLLBACK SQLITE_AUTH SQLITE_AUTH_USER SQLITE_BUSY SQLITE_BUSY_RECOVERY SQLITE_BUSY_SNAPSHOT SQLITE_BUSY_TIMEOUT SQLITE_CANTOPEN SQLITE_CANTOPEN_CONVPATH SQLITE_CANTOPEN_DIRTYWAL SQLITE_CANTOPEN_FULLPATH SQLITE_CANTOPEN_ISDIR SQLITE_CANTOPEN_NOTEMPDIR SQLITE_CANTOPEN_SYMLINK SQLITE_CONSTRAINT SQLITE_CONSTRAINT_CHECK SQLITE_CONSTRAINT_COMMITHOOK SQLITE_CONSTRAINT_DATATYPE SQLITE_CONSTRAINT_FOREIGNKEY SQLITE_CONSTRAINT_FUNCTION SQLITE_CONSTRAINT_NOTNULL SQLITE_CONSTRAINT_PINNED SQLITE_CONSTRAINT_PRIMARYKEY SQLITE_CONSTRAINT_ROWID SQLITE_CONSTRAINT_TRIGGER SQLITE_CONSTRAINT_UNIQUE SQLITE_CONSTRAINT_VTAB SQLITE_CORRUPT SQLITE_CORRUPT_INDEX SQLITE_CORRUPT_SEQUENCE SQLITE_CORRUPT_VTAB SQLITE_DONE SQLITE_EMPTY SQLITE_ERROR SQLITE_ERROR_KEY SQLITE_ERROR_MISSING_COLLSEQ SQLITE_ERROR_RESERVESIZE SQLITE_ERROR_RETRY SQLITE_ERROR_SNAPSHOT SQLITE_ERROR_UNABLE SQLITE_FORMAT SQLITE_FULL SQLITE_INTERNAL SQLITE_INTERRUPT SQLITE_IOERR SQLITE_IOERR_ACCESS SQLITE_IOERR_AUTH SQLITE_IOERR_BADKEY SQLITE_IOERR_BEGIN_ATOMIC SQLITE_IOERR_BLOCKED SQLITE_IOERR_CHECKRESERVEDLOCK SQLITE_IOERR_CLOSE SQLITE_IOERR_CODEC SQLITE_IOERR_COMMIT_ATOMIC SQLITE_IOERR_CONVPATH SQLITE_IOERR_CORRUPTFS SQLITE_IOERR_DATA SQLITE_IOERR_DELETE SQLITE_IOERR_DELETE_NOENT SQLITE_IOERR_DIR_CLOSE SQLITE_IOERR_DIR_FSYNC SQLITE_IOERR_FSTAT SQLITE_IOERR_FSYNC SQLITE_IOERR_GETTEMPPATH SQLITE_IOERR_IN_PAGE SQLITE_IOERR_LOCK SQLITE_IOERR_MMAP SQLITE_IOERR_NOMEM SQLITE_IOERR_RDLOCK SQLITE_IOERR_READ SQLITE_IOERR_ROLLBACK_ATOMIC SQLITE_IOERR_SEEK SQLITE_IOERR_SHMLOCK SQLITE_IOERR_SHMMAP SQLITE_IOERR_SHMOPEN SQLITE_IOERR_SHMSIZE SQLITE_IOERR_SHORT_READ SQLITE_IOERR_TRUNCATE SQLITE_IOERR_UNLOCK SQLITE_IOERR_VNODE SQLITE_IOERR_WRITE SQLITE_LOCKED SQLITE_LOCKED_SHAREDCACHE SQLITE_LOCKED_VTAB SQLITE_MISMATCH SQLITE_MISUSE SQLITE_NOLFS SQLITE_NOMEM SQLITE_NOTADB SQLITE_NOTFOUND SQLITE_NOTICE SQLITE_NOTICE_RBU SQLITE_NOTICE_RECOVER_ROLLBACK SQLITE_NOTICE_RECOVER_WAL SQLITE_PERM SQLITE_PROTOCOL SQLITE_RANGE SQLITE_READONLY SQLITE_READONLY_CANTINIT SQLITE_READONLY_CANTLOCK SQLITE_READONLY_DBMOVED SQLITE_READONLY_DIRECTORY SQLITE_READONLY_RECOVERY SQLITE_READONLY_ROLLBACK SQLITE_ROW SQLITE_SCHEMA SQLITE_TOOBIG SQLITE_WARNING SQLITE_WARNING_AUTOINDEX".split(" ");
        k.onRuntimeInitialized = function() {
          function a(e, h) {
            nb(e, h instanceof Error ? h.message : String(h), -1);
          }
          function b(e, h) {
            switch (typeof h) {
              case "boolean":
                lc(e, h ? 1 : 0);
                break;
              case "number":
                mc(e, h);
                break;
              case "string":
                nc(e, h, l(h), -1);
                break;
              case "object":
                if (h === null) ob(e);
                else if (h.length != null) {
                  var p = fa(h.length);
                  v.set(h, p);
                  oc(e, p, h.length, -1);
                  ha(p);
                } else nb(e, "Wrong API use : tried to return a value of an unknown type (" + h + ").", -1);
                break;
              default:
                ob(e);
            }
          }
          function d(e, h) {
            for (var p = [], r = 0; r < e; r += 1) {
              var u = y(
                h + 4 * r,
                "i32"
              ), w = pc(u);
              if (w === 1 || w === 2) u = qc(u);
              else if (w === 3) w = pb(u), u = rc(u), u = A(u, w, true);
              else if (w === 4) {
                w = u;
                u = pb(w);
                w = sc(w);
                for (var x = new Uint8Array(u), G = 0; G < u; G += 1) x[G] = v[w + G];
                u = x;
              } else u = null;
              p.push(u);
            }
            return p;
          }
          function c(e, h) {
            this.Xa = e;
            this.db = h;
            this.Va = 1;
            this.Hb = [];
          }
          function f(e, h) {
            this.db = h;
            this.xb = ja(e);
            if (this.xb === null) throw Error("Unable to allocate memory for the SQL string");
            this.Cb = this.xb;
            this.ib = this.Nb = null;
          }
          function g(e) {
            this.filename = "dbfile_" + (4294967295 * Math.random() >>> 0);
            e != null && ka(
              this.filename,
              e
            );
            this.handleError(U(this.filename, q));
            this.db = y(q, "i32");
            z && tc(this.db);
            this.Eb = {};
            this.eb = /* @__PURE__ */ new Map();
          }
          function m(e, h) {
            return e.replace(/[A-Z]/g, function(p) {
              return p.toLowerCase();
            }) + ":" + h;
          }
          function t(e) {
            e.forEach(la);
          }
          var z = k.useOldExtensionFunctions !== false, q = oa(4), n = k.cwrap, F = {};
          ea.forEach(function(e) {
            F[da[e]] = e;
          });
          var U = n("sqlite3_open", "number", ["string", "number"]), ma = n("sqlite3_close_v2", "number", ["number"]), za = n("sqlite3_backup_init", "number", ["number", "string", "number", "string"]), na = n(
            "sqlite3_backup_step",
            "number",
            ["number", "number"]
          ), ca = n("sqlite3_backup_finish", "number", ["number"]), Aa = n("sqlite3_exec", "number", ["number", "number", "number", "number", "number"]), N = n("sqlite3_changes", "number", ["number"]), uc = n("sqlite3_sql", "string", ["number"]), vc = n("sqlite3_normalized_sql", "string", ["number"]), Pa = n("sqlite3_prepare_v2", "number", ["number", "number", "number", "number", "number"]), wc = n("sqlite3_bind_text", "number", ["number", "number", "number", "number", "number"]), rb = n("sqlite3_bind_blob", "number", [
            "number",
            "number",
            "number",
            "number",
            "number"
          ]), xc = n("sqlite3_bind_double", "number", ["number", "number", "number"]), yc = n("sqlite3_bind_int", "number", ["number", "number", "number"]), sb = n("sqlite3_bind_int64", "number", ["number", "number", "number"]), zc = typeof n("sqlite3_memory_used", "number", [])() === "bigint", Ac = n("sqlite3_bind_parameter_index", "number", ["number", "string"]), Bc = n("sqlite3_step", "number", ["number"]), ia = n("sqlite3_errmsg", "string", ["number"]), Cc = n("sqlite3_extended_errcode", "number", ["number"]), Dc = n(
            "sqlite3_column_count",
            "number",
            ["number"]
          ), Ec = n("sqlite3_data_count", "number", ["number"]), Fc = n("sqlite3_column_double", "number", ["number", "number"]), Gc = n("sqlite3_column_text", "number", ["number", "number"]), Hc = n("sqlite3_column_blob", "number", ["number", "number"]), tb = n("sqlite3_column_bytes", "number", ["number", "number"]), Ic = n("sqlite3_column_type", "number", ["number", "number"]), Jc = n("sqlite3_column_name", "string", ["number", "number"]), Kc = n("sqlite3_reset", "number", ["number"]), Lc = n("sqlite3_clear_bindings", "number", ["number"]), Mc = n("sqlite3_finalize", "number", ["number"]), ub = n("sqlite3_create_function_v2", "number", "number string number number number number number number number".split(" ")), pc = n("sqlite3_value_type", "number", ["number"]), pb = n("sqlite3_value_bytes", "number", ["number"]), rc = n("sqlite3_value_text", "number", ["number"]), sc = n("sqlite3_value_blob", "number", ["number"]), qc = n("sqlite3_value_double", "number", ["number"]), mc = n("sqlite3_result_double", "", ["number", "number"]), ob = n("sqlite3_result_null", "", ["number"]), nc = n("sqlite3_result_text", "", ["number", "string", "number", "number"]), oc = n("sqlite3_result_blob", "", ["number", "number", "number", "number"]), lc = n("sqlite3_result_int", "", ["number", "number"]), nb = n("sqlite3_result_error", "", ["number", "string", "number"]), vb = n("sqlite3_aggregate_context", "number", ["number", "number"]), tc = n("RegisterExtensionFunctions", "number", ["number"]), wb = n("sqlite3_update_hook", "number", ["number", "number", "number"]);
          c.prototype.bind = function(e) {
            if (!this.Xa) throw "Statement closed";
            this.reset();
            return Array.isArray(e) ? this.ec(e) : e != null && typeof e === "object" ? this.fc(e) : true;
          };
          c.prototype.step = function() {
            if (!this.Xa) throw "Statement closed";
            this.Va = 1;
            var e = Bc(this.Xa);
            switch (e) {
              case 100:
                return true;
              case 101:
                return false;
              default:
                throw this.db.handleError(e);
            }
          };
          c.prototype.Wb = function(e) {
            e == null && (e = this.Va, this.Va += 1);
            return Fc(this.Xa, e);
          };
          c.prototype.tc = function(e) {
            e == null && (e = this.Va, this.Va += 1);
            if (typeof BigInt !== "function") throw Error("BigInt is not supported");
            return BigInt(this.Xb(e));
          };
          c.prototype.Xb = function(e) {
            e == null && (e = this.Va, this.Va += 1);
            var h = Gc(this.Xa, e);
            e = tb(this.Xa, e);
            return A(h, e, true);
          };
          c.prototype.getBlob = function(e) {
            e == null && (e = this.Va, this.Va += 1);
            var h = tb(this.Xa, e);
            e = Hc(this.Xa, e);
            for (var p = new Uint8Array(h), r = 0; r < h; r += 1) p[r] = v[e + r];
            return p;
          };
          c.prototype.get = function(e, h) {
            h = h || {};
            e != null && this.bind(e) && this.step();
            e = [];
            for (var p = Ec(this.Xa), r = 0; r < p; r += 1) switch (Ic(this.Xa, r)) {
              case 1:
                var u = h.useBigInt ? this.tc(r) : this.Wb(r);
                e.push(u);
                break;
              case 2:
                e.push(this.Wb(r));
                break;
              case 3:
                e.push(this.Xb(r));
                break;
              case 4:
                e.push(this.getBlob(r));
                break;
              default:
                e.push(null);
            }
            return e;
          };
          c.prototype.Lb = function() {
            for (var e = [], h = Dc(this.Xa), p = 0; p < h; p += 1) e.push(Jc(this.Xa, p));
            return e;
          };
          c.prototype.Vb = function(e, h) {
            var p = this.get(e, h);
            e = this.Lb();
            return Object.fromEntries(e.map(function(r, u) {
              return [r, p[u]];
            }));
          };
          c.prototype.xc = function() {
            return uc(this.Xa);
          };
          c.prototype.uc = function() {
            return vc(this.Xa);
          };
          c.prototype.run = function(e) {
            e != null && this.bind(e);
            this.step();
            return this.reset();
          };
          c.prototype.jc = function(e, h) {
            h == null && (h = this.Va, this.Va += 1);
            var p = ja(e);
            this.Hb.push(p);
            this.db.handleError(wc(this.Xa, h, p, l(e), 0));
          };
          c.prototype.dc = function(e, h) {
            h == null && (h = this.Va, this.Va += 1);
            var p = fa(e.length);
            v.set(e, p);
            this.Hb.push(p);
            this.db.handleError(rb(this.Xa, h, p, e.length, 0));
          };
          c.prototype.Rb = function(e, h) {
            h == null && (h = this.Va, this.Va += 1);
            this.db.handleError((e === (e | 0) ? yc : xc)(this.Xa, h, e));
          };
          c.prototype.cc = function(e, h) {
            h == null && (h = this.Va, this.Va += 1);
            if (BigInt.asIntN(64, e) !== e) throw new RangeError("BigInt value is out of range for a 64-bit integer: " + e);
            e = zc ? sb(this.Xa, h, e) : sb(this.Xa, h, Number(BigInt.asIntN(32, e)), Number(e >> BigInt(32)));
            this.db.handleError(e);
          };
          c.prototype.hc = function(e) {
            e == null && (e = this.Va, this.Va += 1);
            rb(this.Xa, e, 0, 0, 0);
          };
          c.prototype.Sb = function(e, h) {
            h == null && (h = this.Va, this.Va += 1);
            switch (typeof e) {
              case "string":
                this.jc(e, h);
                return;
              case "number":
                this.Rb(e, h);
                return;
              case "bigint":
                this.cc(e, h);
                return;
              case "boolean":
                this.Rb(e + 0, h);
                return;
              case "object":
                if (e === null) {
                  this.hc(h);
                  return;
                }
                if (e.length != null) {
                  this.dc(e, h);
                  return;
                }
            }
            throw "Wrong API use : tried to bind a value of an unknown type (" + e + ").";
          };
          c.prototype.fc = function(e) {
            var h = this;
            Object.keys(e).forEach(function(p) {
              var r = Ac(h.Xa, p);
              r !== 0 && h.Sb(e[p], r);
            });
            return true;
          };
          c.prototype.ec = function(e) {
            for (var h = 0; h < e.length; h += 1) this.Sb(e[h], h + 1);
            return true;
          };
          c.prototype.reset = function() {
            this.Kb();
            return Lc(this.Xa) === 0 && Kc(this.Xa) === 0;
          };
          c.prototype.Kb = function() {
            for (var e; (e = this.Hb.pop()) !== void 0; ) ha(e);
          };
          c.prototype.mb = function() {
            this.Kb();
            var e = Mc(this.Xa) === 0;
            delete this.db.Eb[this.Xa];
            this.Xa = 0;
            return e;
          };
          f.prototype.next = function() {
            if (this.xb === null) return { done: true };
            this.ib !== null && (this.ib.mb(), this.ib = null);
            if (!this.db.db) throw this.yb(), Error("Database closed");
            var e = pa(), h = oa(4);
            qa(q);
            qa(h);
            try {
              this.db.handleError(Pa(this.db.db, this.Cb, -1, q, h));
              this.Cb = y(h, "i32");
              var p = y(q, "i32");
              if (p === 0) return this.yb(), { done: true };
              this.ib = new c(p, this.db);
              this.db.Eb[p] = this.ib;
              return { value: this.ib, done: false };
            } catch (r) {
              throw this.Nb = A(this.Cb), this.yb(), r;
            } finally {
              ra(e);
            }
          };
          f.prototype.yb = function() {
            ha(this.xb);
            this.xb = null;
          };
          f.prototype["return"] = function() {
            this.ib !== null && (this.ib.mb(), this.ib = null);
            this.yb();
            return { done: true };
          };
          f.prototype.vc = function() {
            return this.Nb !== null ? this.Nb : A(this.Cb);
          };
          typeof Symbol === "function" && typeof Symbol.iterator === "symbol" && (f.prototype[Symbol.iterator] = function() {
            return this;
          });
          g.prototype.run = function(e, h) {
            if (!this.db) throw "Database closed";
            if (h) {
              e = this.Ob(e, h);
              try {
                e.step();
              } finally {
                e.mb();
              }
            } else {
              e = ja(e);
              try {
                this.handleError(Aa(this.db, e, 0, 0, q));
              } finally {
                ha(e);
              }
            }
            return this;
          };
          g.prototype.exec = function(e, h, p) {
            if (!this.db) throw "Database closed";
            var r = pa(), u = null, w = null, x = null;
            try {
              x = w = ja(e);
              var G = oa(4);
              for (e = []; y(x, "i8") !== 0; ) {
                qa(q);
                qa(G);
                this.handleError(Pa(this.db, x, -1, q, G));
                var S = y(q, "i32");
                x = y(G, "i32");
                if (S !== 0) {
                  var D = null;
                  u = new c(S, this);
                  for (h != null && u.bind(h); u.step(); ) D === null && (D = { columns: u.Lb(), values: [] }, e.push(D)), D.values.push(u.get(null, p));
                  u.mb();
                }
              }
              return e;
            } catch (K) {
              throw u && u.mb(), K;
            } finally {
              w && ha(w), ra(r);
            }
          };
          g.prototype.qc = function(e, h, p, r, u) {
            typeof h === "function" && (r = p, p = h, h = void 0);
            e = this.Ob(e, h);
            try {
              for (; e.step(); ) p(e.Vb(
                null,
                u
              ));
            } finally {
              e.mb();
            }
            if (typeof r === "function") return r();
          };
          g.prototype.Ob = function(e, h) {
            e = ja(e);
            try {
              qa(q), this.handleError(Pa(this.db, e, -1, q, 0));
            } finally {
              ha(e);
            }
            e = y(q, "i32");
            if (e === 0) throw "Nothing to prepare";
            var p = new c(e, this);
            h != null && p.bind(h);
            return this.Eb[e] = p;
          };
          g.prototype.Ac = function(e) {
            return new f(e, this);
          };
          g.prototype.sc = function() {
            if (!this.db) throw Error("Database closed");
            var e = this.filename + "_export";
            ka(e, []);
            var h = 0, p = 0;
            try {
              var r = B(e).node, u = null, w = r.Ta.write;
              r.Ta = Object.create(r.Ta);
              r.Ta.write = function(S, D, K, V, T) {
                if (u === null) return w(S, D, K, V, T);
                r.Ya.set(D.subarray(K, K + V), T);
                r.Za = Math.max(r.Za, T + V);
                return V;
              };
              var x = U(e, q);
              h = y(q, "i32");
              if (x !== 0) throw Error(ia(h));
              p = za(h, "main", this.db, "main");
              if (p === 0) throw Error(ia(h));
              x = na(p, 0);
              if (x === 0) {
                var G = this.exec("PRAGMA main.page_count; PRAGMA main.page_size");
                u = new Uint8Array(G[0].values[0][0] * G[1].values[0][0]);
                r.Ya = u;
                x = na(p, -1);
              }
              if (x === 5 || x === 6) throw Error("Unable to export: SQLite is busy or locked. Finish active write transactions before exporting.");
              if (x !== 101) throw Error(ia(h));
              x = ca(p);
              p = 0;
              if (x !== 0) throw Error(ia(h));
              x = ma(h);
              if (x !== 0) throw Error(ia(h));
              h = 0;
              u = new Uint8Array(r.Ya.buffer, r.Ya.byteOffset, r.Za);
              u.length > 0 && (u[18] = 1, u[19] = 1);
              return u;
            } finally {
              p !== 0 && ca(p), h !== 0 && ma(h), sa("/" + e);
            }
          };
          g.prototype.close = function() {
            this.db !== null && (Object.values(this.Eb).forEach(function(e) {
              e.mb();
            }), this.eb.forEach(t), this.eb.clear(), this.ob && (la(this.ob), this.ob = void 0), this.handleError(ma(this.db)), sa("/" + this.filename), this.db = null);
          };
          g.prototype.handleError = function(e) {
            if (e === 0) return null;
            var h = ia(this.db);
            var p = Cc(this.db);
            (p & 255) !== (e & 255) && (p = e);
            e = Error(h);
            e.code = F[p];
            e.errcode = p;
            throw e;
          };
          g.prototype.wc = function() {
            return N(this.db);
          };
          g.prototype.nc = function(e, h) {
            var p = m(e, h.length);
            this.eb.has(p) && (t(this.eb.get(p)), this.eb.delete(p));
            var r = ta(function(u, w, x) {
              w = d(w, x);
              try {
                var G = h.apply(null, w);
              } catch (S) {
                a(u, S);
                return;
              }
              b(u, G);
            }, "viii");
            this.eb.set(p, [r]);
            this.handleError(ub(this.db, e, h.length, 1, 0, r, 0, 0, 0));
            return this;
          };
          g.prototype.mc = function(e, h) {
            function p(D) {
              x.has(D) || x.set(D, r());
              return x.get(D);
            }
            var r = h.init || function() {
              return null;
            }, u = h.finalize || function(D) {
              return D;
            }, w = h.step;
            if (!w) throw "An aggregate function must have a step function in " + e;
            var x = /* @__PURE__ */ new Map();
            h = m(e, w.length - 1);
            this.eb.has(h) && (t(this.eb.get(h)), this.eb.delete(h));
            var G = ta(function(D, K, V) {
              var T = vb(D, 1), Ra = p(T);
              K = d(K, V);
              Ra = [Ra].concat(K);
              try {
                x.set(T, w.apply(null, Ra));
              } catch (Nc) {
                x.delete(T), a(D, Nc);
              }
            }, "viii"), S = ta(
              function(D) {
                var K = vb(D, 1);
                try {
                  var V = u(p(K));
                } catch (T) {
                  x.delete(K);
                  a(D, T);
                  return;
                }
                b(D, V);
                x.delete(K);
              },
              "vi"
            );
            this.eb.set(h, [G, S]);
            this.handleError(ub(this.db, e, w.length - 1, 1, 0, 0, G, S, 0));
            return this;
          };
          g.prototype.Hc = function(e) {
            this.ob && (wb(this.db, 0, 0), la(this.ob), this.ob = void 0);
            if (!e) return this;
            this.ob = ta(function(h, p, r, u, w) {
              switch (p) {
                case 18:
                  h = "insert";
                  break;
                case 23:
                  h = "update";
                  break;
                case 9:
                  h = "delete";
                  break;
                default:
                  throw "unknown operationCode in updateHook callback: " + p;
              }
              r = A(r);
              u = A(u);
              if (w > Number.MAX_SAFE_INTEGER) throw "rowId too big to fit inside a Number";
              e(h, r, u, Number(w));
            }, "viiiij");
            wb(
              this.db,
              this.ob,
              0
            );
            return this;
          };
          c.prototype.bind = c.prototype.bind;
          c.prototype.step = c.prototype.step;
          c.prototype.get = c.prototype.get;
          c.prototype.getColumnNames = c.prototype.Lb;
          c.prototype.getAsObject = c.prototype.Vb;
          c.prototype.getSQL = c.prototype.xc;
          c.prototype.getNormalizedSQL = c.prototype.uc;
          c.prototype.run = c.prototype.run;
          c.prototype.reset = c.prototype.reset;
          c.prototype.freemem = c.prototype.Kb;
          c.prototype.free = c.prototype.mb;
          f.prototype.next = f.prototype.next;
          f.prototype.getRemainingSQL = f.prototype.vc;
          g.prototype.run = g.prototype.run;
          g.prototype.exec = g.prototype.exec;
          g.prototype.each = g.prototype.qc;
          g.prototype.prepare = g.prototype.Ob;
          g.prototype.iterateStatements = g.prototype.Ac;
          g.prototype["export"] = g.prototype.sc;
          g.prototype.close = g.prototype.close;
          g.prototype.handleError = g.prototype.handleError;
          g.prototype.getRowsModified = g.prototype.wc;
          g.prototype.create_function = g.prototype.nc;
          g.prototype.create_aggregate = g.prototype.mc;
          g.prototype.updateHook = g.prototype.Hc;
          k.Database = g;
          k.constants = Object.freeze(da);
        };
        var ua = "./this.program", va = globalThis.document?.currentScript?.src;
        ba && (va = self.location.href);
        var wa = "", xa, ya;
        if (aa || ba) {
          try {
            wa = new URL(".", va).href;
          } catch {
          }
          ba && (ya = (a) => {
            var b = new XMLHttpRequest();
            b.open("GET", a, false);
            b.responseType = "arraybuffer";
            b.send(null);
            return new Uint8Array(b.response);
          });
          xa = async (a) => {
            a = await fetch(a, { credentials: "same-origin" });
            if (a.ok) return a.arrayBuffer();
            throw Error(a.status + " : " + a.url);
          };
        }
        var Ba = console.log.bind(console), C = console.error.bind(console), Ca, Da = false, Ea;
        function Fa() {
          if (!v?.buffer?.resizable) {
            var a = Ga.buffer;
            v = new Int8Array(a);
            Ha = new Int16Array(a);
            E = new Uint8Array(a);
            H = new Int32Array(a);
            I = new Uint32Array(a);
            Ia = new Float32Array(a);
            Ja = new Float64Array(a);
            J = new BigInt64Array(a);
          }
        }
        function Ka() {
          var a = k.preRun;
          a && (typeof a === "function" && (a = [a]), La.push(...a));
          for (a = La; a.length > 0; ) a.shift()(k);
        }
        function Ma() {
          var a = k.postRun;
          a && (typeof a === "function" && (a = [a]), Na.push(...a));
          for (a = Na; a.length > 0; ) a.shift()(k);
        }
        function Oa(a) {
          k.onAbort?.(a);
          a = `Aborted(${a})`;
          C(a);
          Da = true;
          throw new WebAssembly.RuntimeError(a + ". Build with -sASSERTIONS for more info.");
        }
        var Qa;
        async function Sa(a) {
          if (!Ca) try {
            return await xa(a);
          } catch {
          }
          if (a == Qa && Ca) a = new Uint8Array(Ca);
          else if (ya) a = ya(a);
          else throw "both async and sync fetching of the wasm failed";
          return a;
        }
        async function Ta(a, b) {
          try {
            var d = await Sa(a);
            return await WebAssembly.instantiate(d, b);
          } catch (c) {
            C(`failed to asynchronously prepare wasm: ${c}`), Oa(c);
          }
        }
        async function Ua(a) {
          var b = Qa;
          if (!Ca) try {
            var d = fetch(b, { credentials: "same-origin" });
            return await WebAssembly.instantiateStreaming(d, a);
          } catch (c) {
            C(`wasm streaming compile failed: ${c}`), C("falling back to ArrayBuffer instantiation");
          }
          return Ta(b, a);
        }
        class Va {
          name = "ExitStatus";
          constructor(a) {
            this.message = `Program terminated with exit(${a})`;
            this.status = a;
          }
        }
        var v, Na = [], La = [], Wa = true, E, Xa = new TextDecoder(), Ya = (a, b, d, c) => {
          d = b + d;
          if (c) return d;
          for (; a[b] && !(b >= d); ) ++b;
          return b;
        }, A = (a, b, d) => a ? Xa.decode(E.subarray(a, Ya(E, a, b, d))) : "", Za = (a, b) => {
          for (var d = 0, c = a.length - 1; c >= 0; c--) {
            var f = a[c];
            f === "." ? a.splice(c, 1) : f === ".." ? (a.splice(c, 1), d++) : d && (a.splice(c, 1), d--);
          }
          if (b) for (; d; d--) a.unshift("..");
          return a;
        }, $a = (a) => {
          var b = a.charAt(0) === "/", d = a.slice(-1) === "/";
          (a = Za(a.split("/").filter((c) => !!c), !b).join("/")) || b || (a = ".");
          a && d && (a += "/");
          return (b ? "/" : "") + a;
        }, ab = (a) => {
          var b = /^(\/?|)([\s\S]*?)((?:\.{1,2}|[^\/]+?|)(\.[^.\/]*|))(?:[\/]*)$/.exec(a).slice(1);
          a = b[0];
          b = b[1];
          if (!a && !b) return ".";
          b &&= b.slice(0, -1);
          return a + b;
        }, bb = (a) => a && a.match(/([^\/]+|\/)\/*$/)[1], cb = (...a) => {
          for (var b = "", d = false, c = a.length - 1; c >= -1 && !d; c--) {
            d = c >= 0 ? a[c] : "/";
            if (typeof d !== "string") throw new TypeError("Arguments to path.resolve must be strings");
            if (!d) return "";
            b = d + "/" + b;
            d = d.charAt(0) === "/";
          }
          b = Za(b.split("/").filter((f) => !!f), !d).join("/");
          return (d ? "/" : "") + b || ".";
        }, l = (a) => {
          for (var b = 0, d = 0; d < a.length; ++d) {
            var c = a.codePointAt(d);
            c <= 127 ? b++ : c <= 2047 ? b += 2 : c <= 65535 ? b += 3 : (b += 4, d++);
          }
          return b;
        }, L = (a, b, d, c) => {
          if (!(c > 0)) return 0;
          var f = d;
          c = d + c - 1;
          for (var g = 0; g < a.length; ++g) {
            var m = a.codePointAt(g);
            if (m <= 127) {
              if (d >= c) break;
              b[d++] = m;
            } else if (m <= 2047) {
              if (d + 1 >= c) break;
              b[d++] = 192 | m >> 6;
              b[d++] = 128 | m & 63;
            } else if (m <= 65535) {
              if (d + 2 >= c) break;
              b[d++] = 224 | m >> 12;
              b[d++] = 128 | m >> 6 & 63;
              b[d++] = 128 | m & 63;
            } else {
              if (d + 3 >= c) break;
              b[d++] = 240 | m >> 18;
              b[d++] = 128 | m >> 12 & 63;
              b[d++] = 128 | m >> 6 & 63;
              b[d++] = 128 | m & 63;
              g++;
            }
          }
          b[d] = 0;
          return d - f;
        }, db = (a) => {
          var b = Array(l(a) + 1);
          a = L(a, b, 0, b.length);
          b.length = a;
          return b;
        }, eb = (a, b) => {
          var d = 0;
          a && (d |= 365);
          b && (d |= 146);
          return d;
        }, M = { gb: null, kb() {
          return M.createNode(null, "/", 16895, 0);
        }, createNode(a, b, d, c) {
          if ((d & 61440) === 24576 || (d & 61440) === 4096) throw new O(63);
          M.gb || (M.gb = { dir: { node: { cb: M.Ua.cb, hb: M.Ua.hb, ub: M.Ua.ub, zb: M.Ua.zb, ac: M.Ua.ac, Gb: M.Ua.Gb, Db: M.Ua.Db, Qb: M.Ua.Qb, Fb: M.Ua.Fb }, stream: { fb: M.Ta.fb } }, file: { node: { cb: M.Ua.cb, hb: M.Ua.hb }, stream: { fb: M.Ta.fb, read: M.Ta.read, write: M.Ta.write, Ab: M.Ta.Ab, Bb: M.Ta.Bb } }, link: { node: { cb: M.Ua.cb, hb: M.Ua.hb, nb: M.Ua.nb }, stream: {} }, Tb: { node: { cb: M.Ua.cb, hb: M.Ua.hb }, stream: fb } });
          d = gb(a, b, d, c);
          P(d.mode) ? (d.Ua = M.gb.dir.node, d.Ta = M.gb.dir.stream, d.Ya = {}) : (d.mode & 61440) === 32768 ? (d.Ua = M.gb.file.node, d.Ta = M.gb.file.stream, d.Za = 0, d.Ya = M.rc ?? (M.rc = new Uint8Array(0))) : (d.mode & 61440) === 40960 ? (d.Ua = M.gb.link.node, d.Ta = M.gb.link.stream) : (d.mode & 61440) === 8192 && (d.Ua = M.gb.Tb.node, d.Ta = M.gb.Tb.stream);
          d.jb = d.ab = d.$a = Date.now();
          a && (a.Ya[b] = d, a.jb = a.ab = a.$a = d.jb);
          return d;
        }, Ua: { cb(a) {
          var b = {};
          b.oc = (a.mode & 61440) === 8192 ? a.id : 1;
          b.zc = a.id;
          b.mode = a.mode;
          b.Cc = 1;
          b.uid = 0;
          b.yc = 0;
          b.wb = a.wb;
          P(a.mode) ? b.size = 4096 : (a.mode & 61440) === 32768 ? b.size = a.Za : (a.mode & 61440) === 40960 ? b.size = a.link.length : b.size = 0;
          b.jb = new Date(a.jb);
          b.ab = new Date(a.ab);
          b.$a = new Date(a.$a);
          b.kc = 4096;
          b.lc = Math.ceil(b.size / b.kc);
          return b;
        }, hb(a, b) {
          for (var d of ["mode", "atime", "mtime", "ctime"]) b[d] != null && (a[d] = b[d]);
          b.size !== void 0 && (b = b.size, a.Za != b && (d = a.Ya, a.Ya = new Uint8Array(b), a.Ya.set(d.subarray(0, Math.min(b, a.Za))), a.Za = b));
        }, ub() {
          M.Ib || (M.Ib = new O(44), M.Ib.stack = "<generic error, no stack>");
          throw M.Ib;
        }, zb(a, b, d, c) {
          return M.createNode(
            a,
            b,
            d,
            c
          );
        }, ac(a, b, d) {
          try {
            var c = hb(b, d);
          } catch (g) {
          }
          if (c && P(a.mode)) for (var f in c.Ya) throw new O(55);
          delete a.parent.Ya[a.name];
          b.Ya[d] = a;
          a.name = d;
          b.$a = b.ab = a.parent.$a = a.parent.ab = Date.now();
        }, Gb(a, b) {
          delete a.Ya[b];
          a.$a = a.ab = Date.now();
        }, Db(a, b) {
          var d = hb(a, b), c;
          for (c in d.Ya) throw new O(55);
          delete a.Ya[b];
          a.$a = a.ab = Date.now();
        }, Qb(a) {
          return [".", "..", ...Object.keys(a.Ya)];
        }, Fb(a, b, d) {
          a = M.createNode(a, b, 41471, 0);
          a.link = d;
          return a;
        }, nb(a) {
          if ((a.mode & 61440) !== 40960) throw new O(28);
          return a.link;
        } }, Ta: { read(a, b, d, c, f) {
          if (f >= a.node.Za) return 0;
          c = Math.min(a.node.Za - f, c);
          b.set(a.node.Ya.subarray(f, f + c), d);
          return c;
        }, write(a, b, d, c, f, g) {
          b.buffer === v.buffer && (g = false);
          if (!c) return 0;
          a = a.node;
          a.ab = a.$a = Date.now();
          if (g) a.Ya = b.subarray(d, d + c), a.Za = c;
          else if (a.Za || f) {
            g = f + c;
            var m = a.Ya.length;
            m >= g || (g = Math.max(g, m * (m < 1048576 ? 2 : 1.125) >>> 0), m && (g = Math.max(g, 256)), m = a.Ya.subarray(0, a.Za), a.Ya = new Uint8Array(g), a.Ya.set(m));
            a.Ya.set(b.subarray(d, d + c), f);
            a.Za = Math.max(a.Za, f + c);
          } else a.Ya = b.slice(d, d + c), a.Za = c;
          return c;
        }, fb(a, b, d) {
          d === 1 ? b += a.position : d === 2 && (a.node.mode & 61440) === 32768 && (b += a.node.Za);
          if (b < 0) throw new O(28);
          return b;
        }, Ab(a, b, d, c, f) {
          if ((a.node.mode & 61440) !== 32768) throw new O(43);
          a = a.node.Ya;
          if (f & 2 || a.buffer !== v.buffer) {
            f = true;
            c = Math.ceil(b / 65536) * 65536;
            var g = ib(65536, c);
            g && E.fill(0, g, g + c);
            c = g;
            if (!c) throw new O(48);
            if (a) {
              if (d > 0 || d + b < a.length) a = a.subarray ? a.subarray(d, d + b) : a.slice(d, d + b);
              v.set(a, c);
            }
          } else f = false, c = a.byteOffset;
          return { Fc: c, bc: f };
        }, Bb(a, b, d, c) {
          M.Ta.write(a, b, 0, c, d, false);
          return 0;
        } } }, jb = [], kb = (a) => {
          var b = Ya(a, 0);
          return Xa.decode(a.buffer ? a.subarray(0, b) : new Uint8Array(a.slice(0, b)));
        }, lb = [];
        function mb(a, b) {
          lb[a] = { input: [], output: [], sb: b };
          qb(a, xb);
        }
        var xb = { open(a) {
          var b = lb[a.node.wb];
          if (!b) throw new O(43);
          a.bb = b;
          a.seekable = false;
        }, close(a) {
          a.bb.sb.tb(a.bb);
        }, tb(a) {
          a.bb.sb.tb(a.bb);
        }, read(a, b, d, c) {
          if (!a.bb || !a.bb.sb.Yb) throw new O(60);
          for (var f = 0, g = 0; g < c; g++) {
            try {
              var m = a.bb.sb.Yb(a.bb);
            } catch (t) {
              throw new O(29);
            }
            if (m === void 0 && !f) throw new O(6);
            if (m === null || m === void 0) break;
            f++;
            b[d + g] = m;
            if (m === 10) break;
          }
          f && (a.node.jb = Date.now());
          return f;
        }, write(a, b, d, c) {
          if (!a.bb || !a.bb.sb.Pb) throw new O(60);
          try {
            for (var f = 0; f < c; f++) a.bb.sb.Pb(a.bb, b[d + f]);
          } catch (g) {
            throw new O(29);
          }
          c && (a.node.ab = a.node.$a = Date.now());
          return f;
        } }, yb = { Yb() {
          a: {
            if (!jb.length) {
              var a = null;
              globalThis.window?.prompt && (a = window.prompt("Input: "), a !== null && (a += "\n"));
              if (!a) {
                a = null;
                break a;
              }
              jb = db(a);
            }
            a = jb.shift();
          }
          return a;
        }, Pb(a, b) {
          b === null || b === 10 ? (Ba(kb(a.output)), a.output = []) : b != 0 && a.output.push(b);
        }, tb(a) {
          a.output?.length > 0 && (Ba(kb(a.output)), a.output = []);
        }, Oc() {
          return { Kc: 25856, Mc: 5, Jc: 191, Lc: 35387, Ic: [3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] };
        }, Pc() {
          return 0;
        }, Qc() {
          return [
            24,
            80
          ];
        } }, zb = { Pb(a, b) {
          b === null || b === 10 ? (C(kb(a.output)), a.output = []) : b != 0 && a.output.push(b);
        }, tb(a) {
          a.output?.length > 0 && (C(kb(a.output)), a.output = []);
        } }, Ab = () => (a) => (crypto.getRandomValues(a), 0), Bb = (a) => (Bb = Ab())(a), Cb = null, Db = {}, Eb = [], Fb = 1, Q = [], Gb = false, Hb = true, Ib = {}, O = class {
          name = "ErrnoError";
          constructor(a) {
            this.Wa = a;
          }
        }, Jb = class {
          shared = {};
          node = null;
          get flags() {
            return this.shared.flags;
          }
          set flags(a) {
            this.shared.flags = a;
          }
          get position() {
            return this.shared.position;
          }
          set position(a) {
            this.shared.position = a;
          }
        }, Kb = class {
          Ua = {};
          Ta = {};
          qb = null;
          constructor(a, b, d, c) {
            a ||= this;
            this.parent = a;
            this.kb = a.kb;
            this.id = Fb++;
            this.name = b;
            this.mode = d;
            this.wb = c;
            this.jb = this.ab = this.$a = Date.now();
          }
          get read() {
            return (this.mode & 365) === 365;
          }
          set read(a) {
            a ? this.mode |= 365 : this.mode &= -366;
          }
          get write() {
            return (this.mode & 146) === 146;
          }
          set write(a) {
            a ? this.mode |= 146 : this.mode &= -147;
          }
          Ec() {
          }
        };
        function B(a, b = {}) {
          if (!a) throw new O(44);
          b.Jb ?? (b.Jb = true);
          a.charAt(0) === "/" || (a = "//" + a);
          var d = 0;
          a: for (; d < 40; d++) {
            a = a.split("/").filter((t) => !!t);
            for (var c = Cb, f = "/", g = 0; g < a.length; g++) {
              var m = g === a.length - 1;
              if (m && b.parent) break;
              if (a[g] !== ".") if (a[g] === "..") if (f = ab(f), c === c.parent) {
                a = f + "/" + a.slice(g + 1).join("/");
                d--;
                continue a;
              } else c = c.parent;
              else {
                f = $a(f + "/" + a[g]);
                try {
                  c = hb(c, a[g]);
                } catch (t) {
                  if (t?.Wa === 44 && m && b.Dc) return { path: f };
                  throw t;
                }
                !c.qb || m && !b.Jb || (c = c.qb.root);
                if ((c.mode & 61440) === 40960 && (!m || b.pb)) {
                  if (!c.Ua.nb) throw new O(52);
                  c = c.Ua.nb(c);
                  c.charAt(0) === "/" || (c = ab(f) + "/" + c);
                  a = c + "/" + a.slice(g + 1).join("/");
                  continue a;
                }
              }
            }
            return { path: f, node: c };
          }
          throw new O(32);
        }
        function Lb(a) {
          for (var b; ; ) {
            if (a === a.parent) return a = a.kb.$b, b ? a[a.length - 1] !== "/" ? `${a}/${b}` : a + b : a;
            b = b ? `${a.name}/${b}` : a.name;
            a = a.parent;
          }
        }
        function Mb(a, b) {
          for (var d = 0, c = 0; c < b.length; c++) d = (d << 5) - d + b.charCodeAt(c) | 0;
          return (a + d >>> 0) % Q.length;
        }
        function Nb(a) {
          var b = Mb(a.parent.id, a.name);
          if (Q[b] === a) Q[b] = a.rb;
          else for (b = Q[b]; b; ) {
            if (b.rb === a) {
              b.rb = a.rb;
              break;
            }
            b = b.rb;
          }
        }
        function hb(a, b) {
          var d = P(a.mode) ? (d = Ob(a, "x")) ? d : a.Ua.ub ? 0 : 2 : 54;
          if (d) throw new O(d);
          for (d = Q[Mb(a.id, b)]; d; d = d.rb) {
            var c = d.name;
            if (d.parent.id === a.id && c === b) return d;
          }
          return a.Ua.ub(a, b);
        }
        function gb(a, b, d, c) {
          a = new Kb(a, b, d, c);
          b = Mb(a.parent.id, a.name);
          a.rb = Q[b];
          return Q[b] = a;
        }
        function P(a) {
          return (a & 61440) === 16384;
        }
        function Ob(a, b) {
          return Hb ? 0 : b.includes("r") && !(a.mode & 292) || b.includes("w") && !(a.mode & 146) || b.includes("x") && !(a.mode & 73) ? 2 : 0;
        }
        function Pb(a, b) {
          if (!P(a.mode)) return 54;
          try {
            return hb(a, b), 20;
          } catch (d) {
          }
          return Ob(a, "wx");
        }
        function Qb(a, b, d) {
          try {
            var c = hb(a, b);
          } catch (f) {
            return f.Wa;
          }
          if (a = Ob(a, "wx")) return a;
          if (d) {
            if (!P(c.mode)) return 54;
            if (c === c.parent || Lb(c) === "/") return 10;
          } else if (P(c.mode)) return 31;
          return 0;
        }
        function Rb(a) {
          if (!a) throw new O(63);
          return a;
        }
        function R(a) {
          a = Eb[a];
          if (!a) throw new O(8);
          return a;
        }
        function Sb(a, b = -1) {
          a = Object.assign(new Jb(), a);
          if (b == -1) a: {
            for (b = 0; b <= 4096; b++) if (!Eb[b]) break a;
            throw new O(33);
          }
          a.lb = b;
          return Eb[b] = a;
        }
        function Tb(a, b = -1) {
          a = Sb(a, b);
          a.Ta?.Nc?.(a);
          return a;
        }
        function Ub(a, b, d) {
          var c = a?.Ta.hb;
          a = c ? a : b;
          c ??= b.Ua.hb;
          Rb(c);
          try {
            c(a, d);
          } catch (f) {
            if (f instanceof RangeError) throw new O(22);
            throw f;
          }
        }
        var fb = { open(a) {
          a.Ta = Db[a.node.wb].Ta;
          a.Ta.open?.(a);
        }, fb() {
          throw new O(70);
        } };
        function qb(a, b) {
          Db[a] = { Ta: b };
        }
        function Vb(a, b) {
          var d = b === "/";
          if (d && Cb) throw new O(10);
          if (!d && b) {
            var c = B(b, { Jb: false });
            b = c.path;
            c = c.node;
            if (c.qb) throw new O(10);
            if (!P(c.mode)) throw new O(54);
          }
          b = { type: a, Rc: {}, $b: b, Bc: [] };
          a = a.kb(b);
          a.kb = b;
          b.root = a;
          d ? Cb = a : c && (c.qb = b, c.kb && c.kb.Bc.push(b));
        }
        function Wb(a, b, d) {
          var c = B(a, { parent: true }).node;
          a = bb(a);
          if (!a) throw new O(28);
          if (a === "." || a === "..") throw new O(20);
          var f = Pb(c, a);
          if (f) throw new O(f);
          if (!c.Ua.zb) throw new O(63);
          return c.Ua.zb(c, a, b, d);
        }
        function Xb(a, b = 438) {
          return Wb(a, b & 4095 | 32768, 0);
        }
        function W(a, b = 511) {
          return Wb(a, b & 1023 | 16384, 0);
        }
        function Yb(a, b, d) {
          typeof d === "undefined" && (d = b, b = 438);
          Wb(a, b | 8192, d);
        }
        function Zb(a, b) {
          if (!cb(a)) throw new O(44);
          var d = B(b, { parent: true }).node;
          if (!d) throw new O(44);
          b = bb(b);
          var c = Pb(d, b);
          if (c) throw new O(c);
          if (!d.Ua.Fb) throw new O(63);
          d.Ua.Fb(d, b, a);
        }
        function $b(a) {
          var b = B(a, { parent: true }).node;
          a = bb(a);
          var d = hb(b, a), c = Qb(b, a, true);
          if (c) throw new O(c);
          if (!b.Ua.Db) throw new O(63);
          if (d.qb) throw new O(10);
          b.Ua.Db(b, a);
          Nb(d);
        }
        function sa(a) {
          var b = B(a, { parent: true }).node;
          if (!b) throw new O(44);
          a = bb(a);
          var d = hb(b, a), c = Qb(b, a, false);
          if (c) throw new O(c);
          if (!b.Ua.Gb) throw new O(63);
          if (d.qb) throw new O(10);
          b.Ua.Gb(b, a);
          Nb(d);
        }
        function ac(a, b = false) {
          a = B(a, { pb: !b }).node;
          return Rb(a.Ua.cb)(a);
        }
        function bc(a, b, d) {
          Ub(a, b, { mode: d & 4095 | b.mode & -4096, $a: Date.now(), Ub: false });
        }
        function cc(a, b) {
          a = typeof a === "string" ? B(a, { pb: true }).node : a;
          bc(null, a, b);
        }
        function dc(a, b, d) {
          if (P(b.mode)) throw new O(31);
          if ((b.mode & 61440) !== 32768) throw new O(28);
          var c = Ob(b, "w");
          if (c) throw new O(c);
          Ub(a, b, { size: d, timestamp: Date.now() });
        }
        function ec(a, b, d, c = false) {
          a = B(a, { pb: !c });
          Ub(null, a.node, { jb: b, ab: d, Ub: c });
        }
        function fc(a, b, d = 438) {
          if (a === "") throw new O(44);
          if (typeof b === "string") {
            var c = { r: 0, "r+": 2, w: 577, "w+": 578, a: 1089, "a+": 1090 }[b];
            if (typeof c === "undefined") throw Error(`Unknown file open mode: ${b}`);
            b = c;
          }
          d = b & 64 ? d & 4095 | 32768 : 0;
          if (typeof a === "object") c = a;
          else {
            var f = a.endsWith("/");
            a = B(a, { pb: !(b & 131072), Dc: true });
            c = a.node;
            a = a.path;
          }
          var g = false;
          if (b & 64) if (c) {
            if (b & 128) throw new O(20);
          } else {
            if (f) throw new O(31);
            c = Wb(a, d | 511, 0);
            g = true;
          }
          if (!c) throw new O(44);
          (c.mode & 61440) === 8192 && (b &= -513);
          if (b & 65536 && !P(c.mode)) throw new O(54);
          if (!g && (c ? (c.mode & 61440) === 40960 ? f = 32 : (f = ["r", "w", "rw"][b & 3], b & 512 && (f += "w"), f = P(c.mode) && (f !== "r" || b & 576) ? 31 : Ob(c, f)) : f = 44, f)) throw new O(f);
          b & 512 && !g && (f = c, f = typeof f === "string" ? B(f, { pb: true }).node : f, dc(null, f, 0));
          b &= -131713;
          f = Sb({ node: c, path: Lb(c), flags: b, seekable: true, position: 0, Ta: c.Ta, Gc: [], error: false });
          f.Ta.open && f.Ta.open(f);
          g && cc(c, d & 511);
          !k.logReadFiles || b & 1 || a in Ib || (Ib[a] = 1, C(`read file: ${a}`));
          return f;
        }
        function hc(a) {
          if (a.lb === null) throw new O(8);
          a.Mb && (a.Mb = null);
          a.node?.Ec();
          try {
            a.Ta.close && a.Ta.close(a);
          } catch (b) {
            throw b;
          } finally {
            Eb[a.lb] = null;
          }
          a.lb = null;
        }
        function ic(a, b, d) {
          if (a.lb === null) throw new O(8);
          if (!a.seekable || !a.Ta.fb) throw new O(70);
          if (d != 0 && d != 1 && d != 2) throw new O(28);
          a.position = a.Ta.fb(a, b, d);
          a.Gc = [];
        }
        function jc(a, b, d, c, f) {
          if (c < 0 || f < 0) throw new O(28);
          if (a.lb === null) throw new O(8);
          if ((a.flags & 2097155) === 0) throw new O(8);
          if (P(a.node.mode)) throw new O(31);
          if (!a.Ta.write) throw new O(28);
          a.seekable && a.flags & 1024 && ic(a, 0, 2);
          var g = typeof f !== "undefined";
          if (!g) f = a.position;
          else if (!a.seekable) throw new O(70);
          b = a.Ta.write(a, b, d, c, f, void 0);
          g || (a.position += b);
          return b;
        }
        function kc() {
          var a, b, d;
          Gb = true;
          a ??= k.stdin;
          b ??= k.stdout;
          d ??= k.stderr;
          a ? X("stdin", a) : Zb("/dev/tty", "/dev/stdin");
          b ? X("stdout", null, b) : Zb("/dev/tty", "/dev/stdout");
          d ? X("stderr", null, d) : Zb("/dev/tty1", "/dev/stderr");
          fc("/dev/stdin", 0);
          fc("/dev/stdout", 1);
          fc("/dev/stderr", 1);
        }
        function ka(a, b) {
          var d = "/", c = a;
          d && (d = typeof d === "string" ? d : Lb(d), c = a ? $a(d + "/" + a) : d);
          a = eb(true, true);
          c = Xb(c, a);
          b && (typeof b === "string" && (b = db(b)), b.subarray || (b = new Uint8Array(b)), cc(c, a | 146), d = fc(c, 577), jc(d, b, 0, b.length, 0), hc(d), cc(c, a));
        }
        function X(a, b, d) {
          a = $a("/dev/" + a);
          var c = eb(!!b, !!d);
          X.Zb ?? (X.Zb = 64);
          var f = X.Zb++ << 8 | 0;
          qb(f, { open(g) {
            g.seekable = false;
          }, close() {
            d?.buffer?.length && d(10);
          }, read(g, m, t, z) {
            for (var q = 0, n = 0; n < z; n++) {
              try {
                var F = b();
              } catch (U) {
                throw new O(29);
              }
              if (F === void 0 && !q) throw new O(6);
              if (F === null || F === void 0) break;
              q++;
              m[t + n] = F;
            }
            q && (g.node.jb = Date.now());
            return q;
          }, write(g, m, t, z) {
            for (var q = 0; q < z; q++) try {
              d(m[t + q]);
            } catch (n) {
              throw new O(29);
            }
            z && (g.node.ab = g.node.$a = Date.now());
            return q;
          } });
          Yb(a, c, f);
        }
        var Y = {}, H, J, I;
        function Oc(a, b, d = false) {
          if (b.charAt(0) === "/") return b;
          a = a === -100 ? "/" : R(a).path;
          if (b.length == 0) {
            if (!d) throw new O(44);
            return a;
          }
          return a + "/" + b;
        }
        function Pc(a, b) {
          I[a >> 2] = b.oc;
          I[a + 4 >> 2] = b.mode;
          I[a + 8 >> 2] = b.Cc;
          I[a + 12 >> 2] = b.uid;
          I[a + 16 >> 2] = b.yc;
          I[a + 20 >> 2] = b.wb;
          J[a + 24 >> 3] = BigInt(b.size);
          H[a + 32 >> 2] = 4096;
          H[a + 36 >> 2] = b.lc;
          var d = b.jb.getTime(), c = b.ab.getTime(), f = b.$a.getTime();
          J[a + 40 >> 3] = BigInt(Math.floor(d / 1e3));
          I[a + 48 >> 2] = d % 1e3 * 1e3 * 1e3;
          J[a + 56 >> 3] = BigInt(Math.floor(c / 1e3));
          I[a + 64 >> 2] = c % 1e3 * 1e3 * 1e3;
          J[a + 72 >> 3] = BigInt(Math.floor(f / 1e3));
          I[a + 80 >> 2] = f % 1e3 * 1e3 * 1e3;
          J[a + 88 >> 3] = BigInt(b.zc);
          return 0;
        }
        var Qc = void 0, Ha, Rc = () => {
          var a = H[+Qc >> 2];
          Qc += 4;
          return a;
        }, Sc = 0, Tc = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335], Uc = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334], Vc = (a) => {
          if (!(a instanceof Va || a == "unwind")) throw a;
        }, Wc = (a) => {
          Ea = a;
          Wa || Sc > 0 || (k.onExit?.(a), Da = true);
          throw new Va(a);
        }, Xc = {}, Yc = {}, $c = () => {
          if (!Zc) {
            var a = { USER: "web_user", LOGNAME: "web_user", PATH: "/", PWD: "/", HOME: "/home/web_user", LANG: (globalThis.navigator?.language ?? "C").replace("-", "_") + ".UTF-8", _: ua }, b;
            for (b in Yc) Yc[b] === void 0 ? delete a[b] : a[b] = Yc[b];
            var d = [];
            for (b in a) d.push(`${b}=${a[b]}`);
            Zc = d;
          }
          return Zc;
        }, Zc, Ia, Ja;
        function qa(a) {
          var b = "i32";
          b.endsWith("*") && (b = "*");
          switch (b) {
            case "i1":
              v[a] = 0;
              break;
            case "i8":
              v[a] = 0;
              break;
            case "i16":
              Ha[a >> 1] = 0;
              break;
            case "i32":
              H[a >> 2] = 0;
              break;
            case "i64":
              J[a >> 3] = BigInt(0);
              break;
            case "float":
              Ia[a >> 2] = 0;
              break;
            case "double":
              Ja[a >> 3] = 0;
              break;
            case "*":
              I[a >> 2] = 0;
              break;
            default:
              Oa(`invalid type for setValue: ${b}`);
          }
        }
        function y(a, b = "i8") {
          b.endsWith("*") && (b = "*");
          switch (b) {
            case "i1":
              return v[a];
            case "i8":
              return v[a];
            case "i16":
              return Ha[a >> 1];
            case "i32":
              return H[a >> 2];
            case "i64":
              return J[a >> 3];
            case "float":
              return Ia[a >> 2];
            case "double":
              return Ja[a >> 3];
            case "*":
              return I[a >> 2];
            default:
              Oa(`invalid type for getValue: ${b}`);
          }
        }
        var ad = (a, b, d, c) => {
          var f = { string: (q) => {
            var n = 0;
            if (q !== null && q !== void 0 && q !== 0) {
              n = l(q) + 1;
              var F = oa(n);
              L(q, E, F, n);
              n = F;
            }
            return n;
          }, array: (q) => {
            var n = oa(q.length);
            v.set(q, n);
            return n;
          } };
          a = k["_" + a];
          var g = [], m = 0;
          if (c) for (var t = 0; t < c.length; t++) {
            var z = f[d[t]];
            z ? (m ||= pa(), g[t] = z(c[t])) : g[t] = c[t];
          }
          d = a(...g);
          return d = (function(q) {
            m && ra(m);
            return b === "string" ? A(q) : b === "boolean" ? !!q : q;
          })(d);
        }, ja = (a) => {
          var b = l(a) + 1, d = fa(b);
          d && L(a, E, d, b);
          return d;
        }, bd = [], cd, la = (a) => {
          cd.delete(Z.get(a));
          Z.set(a, null);
          bd.push(a);
        }, dd = (a) => {
          var b = a.length;
          return [b % 128 | 128, b >> 7, ...a];
        }, ed = { i: 127, p: 127, j: 126, f: 125, d: 124, e: 111 }, fd = (a) => dd(Array.from(a, (b) => ed[b])), ta = (a, b) => {
          if (!cd) {
            cd = /* @__PURE__ */ new WeakMap();
            var d = Z.length;
            if (cd) for (var c = 0; c < 0 + d; c++) {
              var f = Z.get(c);
              f && cd.set(f, c);
            }
          }
          if (d = cd.get(a) || 0) return d;
          d = bd.length ? bd.pop() : Z.grow(1);
          try {
            Z.set(d, a);
          } catch (g) {
            if (!(g instanceof TypeError)) throw g;
            b = Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0, 1, ...dd([1, 96, ...fd(b.slice(1)), ...fd(b[0] === "v" ? "" : b[0])]), 2, 7, 1, 1, 101, 1, 102, 0, 0, 7, 5, 1, 1, 102, 0, 0);
            b = new WebAssembly.Module(b);
            b = new WebAssembly.Instance(
              b,
              { e: { f: a } }
            ).exports.f;
            Z.set(d, b);
          }
          cd.set(a, d);
          return d;
        };
        Q.length = 4096;
        Vb(M, "/");
        W("/tmp");
        W("/home");
        W("/home/web_user");
        (function() {
          W("/dev");
          qb(259, { read: () => 0, write: (c, f, g, m) => m, fb: () => 0 });
          Yb("/dev/null", 259);
          mb(1280, yb);
          mb(1536, zb);
          Yb("/dev/tty", 1280);
          Yb("/dev/tty1", 1536);
          var a = new Uint8Array(1024), b = 0, d = () => {
            b || (Bb(a), b = a.byteLength);
            return a[--b];
          };
          X("random", d);
          X("urandom", d);
          W("/dev/shm");
          W("/dev/shm/tmp");
        })();
        (function() {
          W("/proc");
          var a = W("/proc/self");
          W("/proc/self/fd");
          Vb({ kb() {
            var b = gb(a, "fd", 16895, 73);
            b.Ta = { fb: M.Ta.fb };
            b.Ua = { ub(d, c) {
              d = +c;
              var f = R(d);
              d = { parent: null, kb: { $b: "fake" }, Ua: { nb: () => f.path }, id: d + 1 };
              return d.parent = d;
            }, Qb() {
              return Array.from(Eb.entries()).filter(([, d]) => d).map(([d]) => d.toString());
            } };
            return b;
          } }, "/proc/self/fd");
        })();
        k.noExitRuntime && (Wa = k.noExitRuntime);
        k.print && (Ba = k.print);
        k.printErr && (C = k.printErr);
        k.wasmBinary && (Ca = k.wasmBinary);
        k.thisProgram && (ua = k.thisProgram);
        var gd = k.preInit;
        if (gd) for (typeof gd === "function" && (k.preInit = gd = [gd]); gd.length > 0; ) gd.shift()();
        k.stackSave = () => pa();
        k.stackRestore = (a) => ra(a);
        k.stackAlloc = (a) => oa(a);
        k.cwrap = (a, b, d, c) => {
          var f = !d || d.every((g) => g === "number" || g === "boolean");
          return b !== "string" && f && !c ? k["_" + a] : (...g) => ad(a, b, d, g);
        };
        k.addFunction = ta;
        k.removeFunction = la;
        k.UTF8ToString = A;
        k.lengthBytesUTF8 = l;
        k.stringToNewUTF8 = ja;
        k.writeArrayToMemory = (a, b) => {
          v.set(a, b);
        };
        var fa, ha, ib, hd, ra, oa, pa, Ga, Z, jd = {
          a: (a, b, d, c) => Oa(`Assertion failed: ${A(a)}, at: ` + [b ? A(b) : "unknown filename", d, c ? A(c) : "unknown function"]),
          i: function(a, b) {
            try {
              return a = A(a), cc(a, b), 0;
            } catch (d) {
              if (typeof Y === "undefined" || d.name !== "ErrnoError") throw d;
              return -d.Wa;
            }
          },
          D: function(a, b, d) {
            try {
              b = A(b);
              b = Oc(a, b);
              if (d & -8) return -28;
              var c = B(b, { pb: true }).node;
              if (!c) return -44;
              a = "";
              d & 4 && (a += "r");
              d & 2 && (a += "w");
              d & 1 && (a += "x");
              return a && Ob(c, a) ? -2 : 0;
            } catch (f) {
              if (typeof Y === "undefined" || f.name !== "ErrnoError") throw f;
              return -f.Wa;
            }
          },
          j: function(a, b) {
            try {
              var d = R(a);
              bc(d, d.node, b);
              return 0;
            } catch (c) {
              if (typeof Y === "undefined" || c.name !== "ErrnoError") throw c;
              return -c.Wa;
            }
          },
          h: function(a) {
            try {
              var b = R(a);
              Ub(b, b.node, { timestamp: Date.now(), Ub: false });
              return 0;
            } catch (d) {
              if (typeof Y === "undefined" || d.name !== "ErrnoError") throw d;
              return -d.Wa;
            }
          },
          b: function(a, b, d) {
            Qc = d;
            try {
              var c = R(a);
              switch (b) {
                case 0:
                  var f = Rc();
                  if (f < 0) break;
                  for (; Eb[f]; ) f++;
                  return Tb(c, f).lb;
                case 1:
                case 2:
                  return 0;
                case 3:
                  return c.flags;
                case 4:
                  return f = Rc(), c.flags = c.flags & -289793 | f & 289792, 0;
                case 12:
                  return f = Rc(), Ha[f + 0 >> 1] = 2, 0;
                case 13:
                case 14:
                  return 0;
              }
              return -28;
            } catch (g) {
              if (typeof Y === "undefined" || g.name !== "ErrnoError") throw g;
              return -g.Wa;
            }
          },
          g: function(a, b) {
            try {
              var d = R(a), c = d.node, f = d.Ta.cb;
              a = f ? d : c;
              f ??= c.Ua.cb;
              Rb(f);
              var g = f(a);
              return Pc(b, g);
            } catch (m) {
              if (typeof Y === "undefined" || m.name !== "ErrnoError") throw m;
              return -m.Wa;
            }
          },
          J: function(a, b) {
            b = b < -9007199254740992 || b > 9007199254740992 ? NaN : Number(b);
            try {
              if (isNaN(b)) return -22;
              var d = R(a);
              if (b < 0 || (d.flags & 2097155) === 0) throw new O(28);
              dc(
                d,
                d.node,
                b
              );
              return 0;
            } catch (c) {
              if (typeof Y === "undefined" || c.name !== "ErrnoError") throw c;
              return -c.Wa;
            }
          },
          I: function(a, b) {
            try {
              if (!b) return -28;
              var d = l("/") + 1;
              if (b < d) return -68;
              L("/", E, a, b);
              return d;
            } catch (c) {
              if (typeof Y === "undefined" || c.name !== "ErrnoError") throw c;
              return -c.Wa;
            }
          },
          F: () => 0,
          M: function(a, b) {
            try {
              return a = A(a), Pc(b, ac(a, true));
            } catch (d) {
              if (typeof Y === "undefined" || d.name !== "ErrnoError") throw d;
              return -d.Wa;
            }
          },
          C: function(a, b, d) {
            try {
              return b = A(b), b = Oc(a, b), W(b, d & -19), 0;
            } catch (c) {
              if (typeof Y === "undefined" || c.name !== "ErrnoError") throw c;
              return -c.Wa;
            }
          },
          L: function(a, b, d, c) {
            try {
              b = A(b);
              var f = c & 256;
              b = Oc(a, b, c & 4096);
              return Pc(d, f ? ac(b, true) : ac(b));
            } catch (g) {
              if (typeof Y === "undefined" || g.name !== "ErrnoError") throw g;
              return -g.Wa;
            }
          },
          x: function(a, b, d, c) {
            Qc = c;
            try {
              b = A(b);
              b = Oc(a, b);
              var f = c ? Rc() : 0;
              d & 64 && (f &= -19);
              return fc(b, d, f).lb;
            } catch (g) {
              if (typeof Y === "undefined" || g.name !== "ErrnoError") throw g;
              return -g.Wa;
            }
          },
          s: function(a, b, d, c) {
            try {
              b = A(b);
              b = Oc(a, b);
              if (c <= 0) return -28;
              var f = B(b).node;
              if (!f) throw new O(44);
              if (!f.Ua.nb) throw new O(28);
              var g = f.Ua.nb(f);
              var m = Math.min(c, l(g)), t = v[d + m];
              L(g, E, d, c + 1);
              v[d + m] = t;
              return m;
            } catch (z) {
              if (typeof Y === "undefined" || z.name !== "ErrnoError") throw z;
              return -z.Wa;
            }
          },
          r: function(a) {
            try {
              return a = A(a), $b(a), 0;
            } catch (b) {
              if (typeof Y === "undefined" || b.name !== "ErrnoError") throw b;
              return -b.Wa;
            }
          },
          N: function(a, b) {
            try {
              return a = A(a), Pc(b, ac(a));
            } catch (d) {
              if (typeof Y === "undefined" || d.name !== "ErrnoError") throw d;
              return -d.Wa;
            }
          },
          o: function(a, b, d) {
            try {
              b = A(b);
              b = Oc(a, b);
              if (d) if (d === 512) $b(b);
              else return -28;
              else sa(b);
              return 0;
            } catch (c) {
              if (typeof Y === "undefined" || c.name !== "ErrnoError") throw c;
              return -c.Wa;
            }
          },
          n: function(a, b, d, c) {
            try {
              c &= 256;
              b = A(b);
              b = Oc(a, b, true);
              var f = Date.now();
              if (d) {
                let t2 = function(z) {
                  var q = H[z + 8 >> 2];
                  return q == 1073741823 ? f : q == 1073741822 ? null : (I[z >> 2] + H[z + 4 >> 2] * 4294967296) * 1e3 + Math.floor(q / 1e6);
                };
                var t = t2;
                var g = t2(d);
                var m = t2(d + 16);
              } else m = g = f;
              (m ?? g) !== null && ec(b, g, m, c);
              return 0;
            } catch (t2) {
              if (typeof Y === "undefined" || t2.name !== "ErrnoError") throw t2;
              return -t2.Wa;
            }
          },
          w: () => Oa(""),
          v: () => {
            Wa = false;
            Sc = 0;
          },
          A: function(a, b) {
            a = a < -9007199254740992 || a > 9007199254740992 ? NaN : Number(a);
            a = new Date(a * 1e3);
            if (isNaN(a.getTime())) return 1;
            H[b >> 2] = a.getSeconds();
            H[b + 4 >> 2] = a.getMinutes();
            H[b + 8 >> 2] = a.getHours();
            H[b + 12 >> 2] = a.getDate();
            H[b + 16 >> 2] = a.getMonth();
            H[b + 20 >> 2] = a.getFullYear() - 1900;
            H[b + 24 >> 2] = a.getDay();
            var d = a.getFullYear();
            H[b + 28 >> 2] = (d % 4 !== 0 || d % 100 === 0 && d % 400 !== 0 ? Uc : Tc)[a.getMonth()] + a.getDate() - 1 | 0;
            H[b + 36 >> 2] = -(a.getTimezoneOffset() * 60);
            d = new Date(a.getFullYear(), 6, 1).getTimezoneOffset();
            var c = new Date(a.getFullYear(), 0, 1).getTimezoneOffset();
            H[b + 32 >> 2] = (d != c && a.getTimezoneOffset() == Math.min(c, d)) | 0;
            return 0;
          },
          y: function(a, b, d, c, f, g, m) {
            f = f < -9007199254740992 || f > 9007199254740992 ? NaN : Number(f);
            try {
              var t = R(c);
              if (b & 2 && !(d & 2) && (t.flags & 2097155) !== 2) throw new O(2);
              if ((t.flags & 2097155) === 1) throw new O(2);
              if (!t.Ta.Ab) throw new O(43);
              if (!a) throw new O(28);
              var z = t.Ta.Ab(t, a, f, b, d);
              var q = z.Fc;
              H[g >> 2] = z.bc;
              I[m >> 2] = q;
              return 0;
            } catch (n) {
              if (typeof Y === "undefined" || n.name !== "ErrnoError") throw n;
              return -n.Wa;
            }
          },
          z: function(a, b, d, c, f, g) {
            g = g < -9007199254740992 || g > 9007199254740992 ? NaN : Number(g);
            try {
              var m = R(f);
              if (d & 2) {
                if ((m.node.mode & 61440) !== 32768) throw new O(43);
                c & 2 || m.Ta.Bb && m.Ta.Bb(m, E.subarray(a, a + b), g, b, c);
              }
            } catch (t) {
              if (typeof Y === "undefined" || t.name !== "ErrnoError") throw t;
              return -t.Wa;
            }
          },
          k: (a, b) => {
            Xc[a] && (clearTimeout(Xc[a].id), delete Xc[a]);
            if (!b) return 0;
            var d = setTimeout(() => {
              delete Xc[a];
              var c = [a, performance.now()], f = hd;
              if (!Da) try {
                f(...c);
              } catch (g) {
                Vc(g);
              } finally {
                if (!(Wa || Sc > 0)) try {
                  Ea = c = Ea, Wc(c);
                } catch (g) {
                  Vc(g);
                }
              }
            }, b);
            Xc[a] = { id: d, Sc: b };
            return 0;
          },
          B: (a, b, d, c) => {
            var f = (/* @__PURE__ */ new Date()).getFullYear(), g = new Date(f, 0, 1).getTimezoneOffset();
            f = new Date(f, 6, 1).getTimezoneOffset();
            I[a >> 2] = Math.max(g, f) * 60;
            H[b >> 2] = Number(g != f);
            b = (m) => {
              var t = Math.abs(m);
              return `UTC${m >= 0 ? "-" : "+"}${String(Math.floor(t / 60)).padStart(2, "0")}${String(t % 60).padStart(2, "0")}`;
            };
            a = b(g);
            b = b(f);
            f < g ? (L(a, E, d, 17), L(b, E, c, 17)) : (L(a, E, c, 17), L(b, E, d, 17));
          },
          d: () => Date.now(),
          p: () => 2147483648,
          c: () => performance.now(),
          l: (a) => {
            var b = E.length;
            a >>>= 0;
            if (a > 2147483648) return false;
            for (var d = 1; d <= 4; d *= 2) {
              var c = b * (1 + 0.2 / d);
              c = Math.min(c, a + 100663296);
              a: {
                c = (Math.min(2147483648, Math.ceil(Math.max(a, c) / 65536) * 65536) - Ga.buffer.byteLength + 65535) / 65536 | 0;
                try {
                  Ga.grow(c);
                  Fa();
                  var f = 1;
                  break a;
                } catch (g) {
                }
                f = void 0;
              }
              if (f) return true;
            }
            return false;
          },
          G: (a, b) => {
            var d = 0, c = 0, f;
            for (f of $c()) {
              var g = b + d;
              I[a + c >> 2] = g;
              d += L(f, E, g, Infinity) + 1;
              c += 4;
            }
            return 0;
          },
          H: (a, b) => {
            var d = $c();
            I[a >> 2] = d.length;
            a = 0;
            for (var c of d) a += l(c) + 1;
            I[b >> 2] = a;
            return 0;
          },
          e: function(a) {
            try {
              var b = R(a);
              hc(b);
              return 0;
            } catch (d) {
              if (typeof Y === "undefined" || d.name !== "ErrnoError") throw d;
              return d.Wa;
            }
          },
          m: function(a, b) {
            try {
              var d = R(a);
              v[b] = d.bb ? 2 : P(d.mode) ? 3 : (d.mode & 61440) === 40960 ? 7 : 4;
              Ha[b + 2 >> 1] = 0;
              J[b + 8 >> 3] = BigInt(0);
              J[b + 16 >> 3] = BigInt(0);
              return 0;
            } catch (c) {
              if (typeof Y === "undefined" || c.name !== "ErrnoError") throw c;
              return c.Wa;
            }
          },
          t: function(a, b, d, c) {
            try {
              a: {
                var f = R(a);
                a = b;
                for (var g, m = b = 0; m < d; m++) {
                  var t = I[a >> 2], z = I[a + 4 >> 2];
                  a += 8;
                  try {
                    var q = f, n = t, F = z, U = g, ma = v;
                    if (F < 0 || U < 0) throw new O(28);
                    if (q.lb === null) throw new O(8);
                    if ((q.flags & 2097155) === 1) throw new O(8);
                    if (P(q.node.mode)) throw new O(31);
                    if (!q.Ta.read) throw new O(28);
                    var za = typeof U !== "undefined";
                    if (!za) U = q.position;
                    else if (!q.seekable) throw new O(70);
                    var na = q.Ta.read(q, ma, n, F, U);
                    za || (q.position += na);
                    var ca = na;
                  } catch (N) {
                    if (b > 0 && N instanceof O && (N.Wa == 6 || N.Wa == 6)) break;
                    throw N;
                  }
                  if (ca < 0) {
                    var Aa = -1;
                    break a;
                  }
                  b += ca;
                  if (ca < z) break;
                  typeof g !== "undefined" && (g += ca);
                }
                Aa = b;
              }
              I[c >> 2] = Aa;
              return 0;
            } catch (N) {
              if (typeof Y === "undefined" || N.name !== "ErrnoError") throw N;
              return N.Wa;
            }
          },
          E: function(a, b, d, c) {
            b = b < -9007199254740992 || b > 9007199254740992 ? NaN : Number(b);
            try {
              if (isNaN(b)) return 22;
              var f = R(a);
              ic(f, b, d);
              J[c >> 3] = BigInt(f.position);
              f.Mb && !b && d === 0 && (f.Mb = null);
              return 0;
            } catch (g) {
              if (typeof Y === "undefined" || g.name !== "ErrnoError") throw g;
              return g.Wa;
            }
          },
          K: function(a) {
            try {
              var b = R(a);
              return b.Ta?.tb?.(b);
            } catch (d) {
              if (typeof Y === "undefined" || d.name !== "ErrnoError") throw d;
              return d.Wa;
            }
          },
          q: function(a, b, d, c) {
            try {
              var f = R(a);
              a = b;
              if (d == 1) var g = jc(f, v, I[a >> 2], I[a + 4 >> 2]);
              else {
                for (var m = b = 0, t = a; m < d; m++, t += 8) b += I[t + 4 >> 2];
                var z = new Uint8Array(b);
                for (m = t = 0; m < d; m++, a += 8) {
                  var q = I[a >> 2], n = I[a + 4 >> 2];
                  z.set(
                    E.subarray(q, q + n),
                    t
                  );
                  t += n;
                }
                g = jc(f, z, 0, b);
              }
              I[c >> 2] = g;
              return 0;
            } catch (F) {
              if (typeof Y === "undefined" || F.name !== "ErrnoError") throw F;
              return F.Wa;
            }
          },
          u: Wc,
          f: function(a) {
            console.warn("sql.js: legacy function " + A(a) + "() is deprecated and will be disabled by default in the next major version. Initialize with useOldExtensionFunctions: false to use native SQLite functions. See https://github.com/sql-js/sql.js/pull/647");
          }
        };
        async function kd() {
          Ka();
          var a = k.setStatus;
          a && (a("Running..."), await new Promise((b) => setTimeout(b, 1)), setTimeout(a, 1, ""));
          Da || (k.noFSInit || Gb || kc(), ld.P(), Hb = false, k.onRuntimeInitialized?.(), Ma());
        }
        var ld;
        (async function() {
          function a(c) {
            c = ld = c.exports;
            k._sqlite3_memory_used = c.R;
            k._sqlite3_free = c.S;
            k._sqlite3_value_text = c.T;
            k._sqlite3_prepare_v2 = c.U;
            k._sqlite3_step = c.V;
            k._sqlite3_reset = c.W;
            k._sqlite3_exec = c.X;
            k._sqlite3_finalize = c.Y;
            k._sqlite3_column_name = c.Z;
            k._sqlite3_column_text = c._;
            k._sqlite3_column_type = c.$;
            k._sqlite3_errmsg = c.aa;
            k._sqlite3_backup_init = c.ba;
            k._sqlite3_backup_step = c.ca;
            k._sqlite3_backup_finish = c.da;
            k._sqlite3_clear_bindings = c.ea;
            k._sqlite3_value_blob = c.fa;
            k._sqlite3_value_bytes = c.ga;
            k._sqlite3_value_double = c.ha;
            k._sqlite3_value_int = c.ia;
            k._sqlite3_value_type = c.ja;
            k._sqlite3_result_blob = c.ka;
            k._sqlite3_result_double = c.la;
            k._sqlite3_result_error = c.ma;
            k._sqlite3_result_int = c.na;
            k._sqlite3_result_int64 = c.oa;
            k._sqlite3_result_null = c.pa;
            k._sqlite3_result_text = c.qa;
            k._sqlite3_aggregate_context = c.ra;
            k._sqlite3_column_count = c.sa;
            k._sqlite3_data_count = c.ta;
            k._sqlite3_column_blob = c.ua;
            k._sqlite3_column_bytes = c.va;
            k._sqlite3_column_double = c.wa;
            k._sqlite3_bind_blob = c.xa;
            k._sqlite3_bind_double = c.ya;
            k._sqlite3_bind_int = c.za;
            k._sqlite3_bind_int64 = c.Aa;
            k._sqlite3_bind_text = c.Ba;
            k._sqlite3_bind_parameter_index = c.Ca;
            k._sqlite3_sql = c.Da;
            k._sqlite3_normalized_sql = c.Ea;
            k._sqlite3_changes = c.Fa;
            k._sqlite3_close_v2 = c.Ga;
            k._sqlite3_create_function_v2 = c.Ha;
            k._sqlite3_update_hook = c.Ia;
            k._sqlite3_extended_errcode = c.Ja;
            k._sqlite3_open = c.Ka;
            fa = k._malloc = c.La;
            ha = k._free = c.Ma;
            k._RegisterExtensionFunctions = c.Na;
            ib = c.Oa;
            hd = c.Pa;
            ra = c.Qa;
            oa = c.Ra;
            pa = c.Sa;
            Ga = c.O;
            Z = c.Q;
            Fa();
            return ld;
          }
          var b = { a: jd }, d = k.instantiateWasm;
          if (d) return new Promise((c) => {
            d(b, (f) => c(a(f)));
          });
          Qa ??= k.locateFile ? k.locateFile("sql-wasm-browser.wasm", wa) : wa + "sql-wasm-browser.wasm";
          return (function(c) {
            return a(c.instance);
          })(await Ua(b));
        })().then(() => kd());
        return Module;
      });
      return initSqlJsPromise;
    };
    if (typeof exports === "object" && typeof module === "object") {
      module.exports = initSqlJs;
      module.exports.default = initSqlJs;
    } else if (typeof define === "function" && define["amd"]) {
      define([], function() {
        return initSqlJs;
      });
    } else if (typeof exports === "object") {
      exports["Module"] = initSqlJs;
    }
  }
});
export default require_sql_wasm_browser();
