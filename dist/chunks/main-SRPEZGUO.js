import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  runAction
} from "./chunk-VOY67A6U.js";
import "./chunk-L6DSRPNV.js";
import "./chunk-VMLB7Z4O.js";
import "./chunk-OVJ7P3LL.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-456YZPFI.js";
import "./chunk-T2HWWXHH.js";
import "./chunk-LEDCZB2W.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-3CG65SHH.js";
export {
  runAction
};
