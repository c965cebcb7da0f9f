import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  driftStep,
  runDrift
} from "./chunk-QU336ML3.js";
import "./chunk-XZ5BFFSI.js";
import "./chunk-TSRJ3QEP.js";
import "./chunk-77HL2ZDK.js";
import "./chunk-FFHVUAVJ.js";
import "./chunk-HMZYJOLJ.js";
import "./chunk-MWNZ47BH.js";
import "./chunk-XMWE4XSE.js";
import "./chunk-BBRN4AUK.js";
import "./chunk-NN4GAXRC.js";
import "./chunk-CVYQBI66.js";
import "./chunk-CWKNKEBK.js";
import "./chunk-VMLB7Z4O.js";
import "./chunk-NP5REK3X.js";
import "./chunk-ZIA7CJWI.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-MTIA3I3M.js";
import "./chunk-U4QT2LPJ.js";
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
