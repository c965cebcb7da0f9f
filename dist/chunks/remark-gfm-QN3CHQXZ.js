import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  remarkGfm
} from "./chunk-FECFLWOY.js";
import "./chunk-GCOM7GIF.js";
import "./chunk-QI7QIMCT.js";
import "./chunk-V5PPT5MJ.js";
import "./chunk-DJQDPVMH.js";
import "./chunk-V3TF6P22.js";
import "./chunk-3CG65SHH.js";
export {
  remarkGfm as default
};
