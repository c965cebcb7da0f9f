import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  rehypeRaw
} from "./chunk-7OQN7RBM.js";
import "./chunk-V5PPT5MJ.js";
import "./chunk-DJQDPVMH.js";
import "./chunk-JVRBKBMW.js";
import "./chunk-3CG65SHH.js";
export {
  rehypeRaw as default
};
