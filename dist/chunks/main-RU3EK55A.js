import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  runAction
} from "./chunk-HOUHWFKS.js";
import "./chunk-BTBWC3A5.js";
import "./chunk-VMLB7Z4O.js";
import "./chunk-55SCGZVG.js";
import "./chunk-IFY4HQBU.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-MTIA3I3M.js";
import "./chunk-BDOKL3XF.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-TQLTVCQ6.js";
import "./chunk-3CG65SHH.js";
export {
  runAction
};
