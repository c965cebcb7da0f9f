import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  remarkParse
} from "./chunk-4TH737RL.js";
import "./chunk-V3CBUCWF.js";
import "./chunk-GCOM7GIF.js";
import "./chunk-QI7QIMCT.js";
import "./chunk-3CG65SHH.js";
export {
  remarkParse as default
};
