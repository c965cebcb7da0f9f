import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-3CG65SHH.js";

// builtin-by-require:node:path
var require_node_path = __commonJS({
  "builtin-by-require:node:path"(exports, module) {
    module.exports = __require("node:path");
  }
});

export {
  require_node_path
};
