import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  require_undici
} from "./chunk-7TBUWX5K.js";
import "./chunk-3CG65SHH.js";
export default require_undici();
