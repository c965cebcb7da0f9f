import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  require_undici
} from "./chunk-D56KZP54.js";
import "./chunk-3CG65SHH.js";
export default require_undici();
