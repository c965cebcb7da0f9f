import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  enableCompileCache
} from "../chunks/chunk-ZIWSVQPK.js";
import "../chunks/chunk-MTIA3I3M.js";
import "../chunks/chunk-DPFCA6DW.js";
import "../chunks/chunk-3CG65SHH.js";

// actions/compare-metrics/src/index.ts
enableCompileCache();
var [{ runAction }, { run }] = await Promise.all([import("../chunks/main-RU3EK55A.js"), import("../chunks/run-6CVTVKOB.js")]);
await runAction(run);
