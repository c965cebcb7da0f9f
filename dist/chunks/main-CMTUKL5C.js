import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  runAction
} from "./chunk-PWDOTK56.js";
import "./chunk-KKP6DMZ2.js";
import "./chunk-PZRURCD6.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-3CG65SHH.js";
export {
  runAction
};
