import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-3CG65SHH.js";

// builtin-by-require:node:os
var require_node_os = __commonJS({
  "builtin-by-require:node:os"(exports, module) {
    module.exports = __require("node:os");
  }
});

export {
  require_node_os
};
