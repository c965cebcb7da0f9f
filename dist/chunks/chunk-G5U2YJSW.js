import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-3CG65SHH.js";

// builtin-by-require:node:util
var require_node_util = __commonJS({
  "builtin-by-require:node:util"(exports, module) {
    module.exports = __require("node:util");
  }
});

export {
  require_node_util
};
