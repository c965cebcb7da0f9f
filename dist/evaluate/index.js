import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  enableCompileCache
} from "../chunks/chunk-LUZLOJEY.js";
import "../chunks/chunk-DPFCA6DW.js";
import "../chunks/chunk-3CG65SHH.js";

// actions/evaluate/src/index.ts
enableCompileCache();
var [{ runAction }, { run }] = await Promise.all([import("../chunks/main-DQ6PMHT5.js"), import("../chunks/run-O64PICHV.js")]);
await runAction(run);
