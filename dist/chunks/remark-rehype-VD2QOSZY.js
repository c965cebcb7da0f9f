import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  defaultFootnoteBackContent,
  defaultFootnoteBackLabel,
  handlers,
  remarkRehype
} from "./chunk-JS2I7XSC.js";
import "./chunk-CG2CTDKZ.js";
import "./chunk-JZ5YFYFD.js";
import "./chunk-RONRIPXY.js";
import "./chunk-FGZRLSMN.js";
import "./chunk-3CG65SHH.js";
export {
  remarkRehype as default,
  defaultFootnoteBackContent,
  defaultFootnoteBackLabel,
  handlers as defaultHandlers
};
