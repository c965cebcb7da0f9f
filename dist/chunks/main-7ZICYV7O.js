import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  runAction
} from "./chunk-4QTM3KU5.js";
import "./chunk-Z3NVJ6NQ.js";
import "./chunk-44H4BNGX.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-HSXRBD2M.js";
import "./chunk-LEDCZB2W.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-3CG65SHH.js";
export {
  runAction
};
