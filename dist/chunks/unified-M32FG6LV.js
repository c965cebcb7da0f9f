import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  unified
} from "./chunk-JVWZ5MTE.js";
import "./chunk-DRYVPDB3.js";
import "./chunk-FGZRLSMN.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-3CG65SHH.js";
export {
  unified
};
