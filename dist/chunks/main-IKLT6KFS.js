import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  runAction
} from "./chunk-C6BJCLO5.js";
import "./chunk-H5MSD4IH.js";
import "./chunk-G23R3D2L.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-HSXRBD2M.js";
import "./chunk-LEDCZB2W.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-3CG65SHH.js";
export {
  runAction
};
