import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  runAction
} from "./chunk-WI73C5EV.js";
import "./chunk-2LW7X6EE.js";
import "./chunk-VMLB7Z4O.js";
import "./chunk-NP5REK3X.js";
import "./chunk-ZIA7CJWI.js";
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
