import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  ArgumentError,
  describeArgumentProblem,
  helpHint,
  parseCommandArgs,
  suggestCommand
} from "./chunk-7CSL7YNM.js";
import "./chunk-G5U2YJSW.js";
import "./chunk-HKRQ7G2F.js";
import "./chunk-GWAIW46Y.js";
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
