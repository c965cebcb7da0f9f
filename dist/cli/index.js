import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  main
} from "../chunks/chunk-7KQVUUA4.js";
import {
  processIO
} from "../chunks/chunk-PTB36J5H.js";
import "../chunks/chunk-TQLTVCQ6.js";
import "../chunks/chunk-3CG65SHH.js";

// packages/cli/src/bin.ts
process.exitCode = await main(process.argv.slice(2), processIO);
