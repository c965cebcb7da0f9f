import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  runAction
} from "./chunk-NRURKVZD.js";
import "./chunk-ZNYX2IO6.js";
import "./chunk-LMPCRWX5.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-HSXRBD2M.js";
import "./chunk-PZRURCD6.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-3CG65SHH.js";
export {
  runAction
};
