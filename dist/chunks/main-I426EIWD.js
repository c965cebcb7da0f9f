import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  runAction
} from "./chunk-NR3UEJYP.js";
import "./chunk-WNFFA6MJ.js";
import "./chunk-7NKEQJPG.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-HSXRBD2M.js";
import "./chunk-LEDCZB2W.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-3CG65SHH.js";
export {
  runAction
};
