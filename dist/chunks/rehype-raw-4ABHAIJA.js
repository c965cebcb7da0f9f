import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  rehypeRaw
} from "./chunk-TDUTHGGA.js";
import "./chunk-JZ5YFYFD.js";
import "./chunk-RONRIPXY.js";
import "./chunk-FGZRLSMN.js";
import "./chunk-3CG65SHH.js";
export {
  rehypeRaw as default
};
