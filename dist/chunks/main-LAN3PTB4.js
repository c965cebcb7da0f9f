import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  runAction
} from "./chunk-PXCII3JF.js";
import "./chunk-DGBZUW2B.js";
import "./chunk-VMLB7Z4O.js";
import "./chunk-ICKTSBT3.js";
import "./chunk-ERHSPN4D.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-MTIA3I3M.js";
import "./chunk-5VLZXSW3.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-TQLTVCQ6.js";
import "./chunk-3CG65SHH.js";
export {
  runAction
};
