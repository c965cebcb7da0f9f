import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  runAction
} from "./chunk-PL4HTLLX.js";
import "./chunk-GXGPVB3R.js";
import "./chunk-EZW2GA5R.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-HSXRBD2M.js";
import "./chunk-LEDCZB2W.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-3CG65SHH.js";
export {
  runAction
};
