import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  remarkGfm
} from "./chunk-LLKJOOW5.js";
import "./chunk-OJANOP4W.js";
import "./chunk-CG2CTDKZ.js";
import "./chunk-RONRIPXY.js";
import "./chunk-FGZRLSMN.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-3CG65SHH.js";
export {
  remarkGfm as default
};
