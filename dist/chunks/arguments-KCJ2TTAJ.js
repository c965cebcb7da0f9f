import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  ArgumentError,
  describeArgumentProblem,
  helpHint,
  parseCommandArgs,
  suggestCommand
} from "./chunk-C5BLIKTQ.js";
import "./chunk-G5U2YJSW.js";
import "./chunk-OVJ7P3LL.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-456YZPFI.js";
import "./chunk-T2HWWXHH.js";
import "./chunk-LEDCZB2W.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-3CG65SHH.js";
export {
  ArgumentError,
  describeArgumentProblem,
  helpHint,
  parseCommandArgs,
  suggestCommand
};
