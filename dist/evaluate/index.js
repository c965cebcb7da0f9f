import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  enableCompileCache
} from "../chunks/chunk-LUZLOJEY.js";
import "../chunks/chunk-DPFCA6DW.js";
import "../chunks/chunk-3CG65SHH.js";

// actions/evaluate/src/index.ts
enableCompileCache();
var [{ runAction }, { run }] = await Promise.all([import("../chunks/main-SRPEZGUO.js"), import("../chunks/run-AE4OGZJZ.js")]);
await runAction(run);
