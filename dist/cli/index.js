import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  main,
  processIO
} from "../chunks/chunk-D7TUBUB7.js";
import "../chunks/chunk-632ZFM76.js";

// packages/cli/src/bin.ts
process.exitCode = await main(process.argv.slice(2), processIO);
