import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  enableCompileCache
} from "../chunks/chunk-IYJAKXAY.js";
import "../chunks/chunk-3CG65SHH.js";

// actions/compare-metrics/src/index.ts
enableCompileCache();
var [{ runAction }, { run }] = await Promise.all([import("../chunks/main-CMTUKL5C.js"), import("../chunks/run-3SHQBETE.js")]);
await runAction(run);
