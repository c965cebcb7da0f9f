import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  main,
  processIO
} from "../chunks/chunk-3MOPDJ6U.js";
import "../chunks/chunk-LQM5ANUI.js";
import "../chunks/chunk-GWAIW46Y.js";
import "../chunks/chunk-OO554BUH.js";
import "../chunks/chunk-PZRURCD6.js";
import "../chunks/chunk-3CG65SHH.js";

// packages/cli/src/bin.ts
process.exitCode = await main(process.argv.slice(2), processIO);
