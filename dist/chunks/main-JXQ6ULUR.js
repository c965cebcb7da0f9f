import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  runAction
} from "./chunk-SMRSYHAS.js";
import "./chunk-LQM5ANUI.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-OO554BUH.js";
import "./chunk-PZRURCD6.js";
import "./chunk-3CG65SHH.js";
export {
  runAction
};
