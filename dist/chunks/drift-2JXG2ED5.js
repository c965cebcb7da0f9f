import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  DRIFT_OPTIONS,
  driftCommand,
  driftText,
  driftUsage
} from "./chunk-GCUGJDMS.js";
import "./chunk-F56DFHV3.js";
import "./chunk-4R3FL7BL.js";
import "./chunk-BBRN4AUK.js";
import "./chunk-ASNOHSSA.js";
import "./chunk-CWKNKEBK.js";
import "./chunk-VMLB7Z4O.js";
import "./chunk-55SCGZVG.js";
import "./chunk-IFY4HQBU.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-MTIA3I3M.js";
import "./chunk-PTB36J5H.js";
import "./chunk-BDOKL3XF.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-TQLTVCQ6.js";
import "./chunk-3CG65SHH.js";
export {
  DRIFT_OPTIONS,
  driftCommand,
  driftText,
  driftUsage
};
