import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  unified
} from "./chunk-MWGJNAMT.js";
import "./chunk-V3CBUCWF.js";
import "./chunk-DJQDPVMH.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-3CG65SHH.js";
export {
  unified
};
