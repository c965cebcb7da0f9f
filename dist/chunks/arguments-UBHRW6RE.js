import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  ArgumentError,
  describeArgumentProblem,
  helpHint,
  parseCommandArgs,
  suggestCommand
} from "./chunk-5FS2ERH6.js";
import "./chunk-G5U2YJSW.js";
import "./chunk-PPPQ6UM3.js";
import "./chunk-V3TF6P22.js";
import "./chunk-SI4UUVF4.js";
import "./chunk-TQLTVCQ6.js";
import "./chunk-2EDACSTG.js";
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
