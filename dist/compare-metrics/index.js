import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  enableCompileCache
} from "../chunks/chunk-IYJAKXAY.js";
import "../chunks/chunk-3CG65SHH.js";

// actions/compare-metrics/src/index.ts
enableCompileCache();
var [{ runAction }, { run }] = await Promise.all([import("../chunks/main-JXQ6ULUR.js"), import("../chunks/run-63YOGCT5.js")]);
await runAction(run);
