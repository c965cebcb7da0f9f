import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  defaultFootnoteBackContent,
  defaultFootnoteBackLabel,
  handlers,
  remarkRehype
} from "./chunk-ZVE7QRPN.js";
import "./chunk-QI7QIMCT.js";
import "./chunk-V5PPT5MJ.js";
import "./chunk-DJQDPVMH.js";
import "./chunk-JVRBKBMW.js";
import "./chunk-3CG65SHH.js";
export {
  remarkRehype as default,
  defaultFootnoteBackContent,
  defaultFootnoteBackLabel,
  handlers as defaultHandlers
};
