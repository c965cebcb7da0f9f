import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  driftStep,
  runDrift
} from "./chunk-INSICB44.js";
import "./chunk-KEMWW3B4.js";
import "./chunk-MFPTRVLM.js";
import "./chunk-GCUGJDMS.js";
import "./chunk-F56DFHV3.js";
import "./chunk-ZOJNMNFW.js";
import "./chunk-WE7IKWJT.js";
import "./chunk-4R3FL7BL.js";
import "./chunk-BBRN4AUK.js";
import "./chunk-ASNOHSSA.js";
import "./chunk-JNPPPDWK.js";
import "./chunk-CWKNKEBK.js";
import "./chunk-VMLB7Z4O.js";
import "./chunk-55SCGZVG.js";
import "./chunk-IFY4HQBU.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-MTIA3I3M.js";
import "./chunk-7KQVUUA4.js";
import "./chunk-PTB36J5H.js";
import "./chunk-BDOKL3XF.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-TQLTVCQ6.js";
import "./chunk-3CG65SHH.js";
export {
  driftStep,
  runDrift
};
