import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-3CG65SHH.js";

// builtin-by-require:node:fs
var require_node_fs = __commonJS({
  "builtin-by-require:node:fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

export {
  require_node_fs
};
