import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-3CG65SHH.js";

// builtin-by-require:node:module
var require_node_module = __commonJS({
  "builtin-by-require:node:module"(exports, module) {
    module.exports = __require("node:module");
  }
});

export {
  require_node_module
};
