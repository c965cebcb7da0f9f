import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  remarkParse
} from "./chunk-AHAI6O5L.js";
import "./chunk-DRYVPDB3.js";
import "./chunk-OJANOP4W.js";
import "./chunk-CG2CTDKZ.js";
import "./chunk-3CG65SHH.js";
export {
  remarkParse as default
};
