import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  main,
  processIO
} from "../chunks/chunk-VPH4FVXA.js";
import "../chunks/chunk-CWKNKEBK.js";
import "../chunks/chunk-G23R3D2L.js";
import "../chunks/chunk-GWAIW46Y.js";
import "../chunks/chunk-HSXRBD2M.js";
import "../chunks/chunk-LEDCZB2W.js";
import "../chunks/chunk-ERMUBDDR.js";
import "../chunks/chunk-DPFCA6DW.js";
import "../chunks/chunk-3CG65SHH.js";

// packages/cli/src/bin.ts
process.exitCode = await main(process.argv.slice(2), processIO);
