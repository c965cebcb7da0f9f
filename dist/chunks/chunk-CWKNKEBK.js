import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-3CG65SHH.js";

// builtin-by-require:node:child_process
var require_node_child_process = __commonJS({
  "builtin-by-require:node:child_process"(exports, module) {
    module.exports = __require("node:child_process");
  }
});

export {
  require_node_child_process
};
