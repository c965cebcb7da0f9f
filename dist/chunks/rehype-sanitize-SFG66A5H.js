import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  defaultSchema,
  rehypeSanitize
} from "./chunk-XD3EMNZQ.js";
import "./chunk-JZ5YFYFD.js";
import "./chunk-3CG65SHH.js";
export {
  rehypeSanitize as default,
  defaultSchema
};
