import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  DRIFT_OPTIONS,
  driftCommand,
  driftText,
  driftUsage
} from "./chunk-ULNSOUC4.js";
import "./chunk-CPOUWLH7.js";
import "./chunk-6BJIIDYL.js";
import "./chunk-BBRN4AUK.js";
import "./chunk-FRHPGI24.js";
import "./chunk-CWKNKEBK.js";
import "./chunk-VMLB7Z4O.js";
import "./chunk-XG7WJV6A.js";
import "./chunk-ZIA7CJWI.js";
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
