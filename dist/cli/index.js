import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  main,
  processIO
} from "../chunks/chunk-HGBKZYLL.js";
import "../chunks/chunk-NOSS6IKQ.js";

// packages/cli/src/bin.ts
process.exitCode = await main(process.argv.slice(2), processIO);
