import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-3CG65SHH.js";

// builtin-by-require:node:zlib
var require_node_zlib = __commonJS({
  "builtin-by-require:node:zlib"(exports, module) {
    module.exports = __require("node:zlib");
  }
});

export {
  require_node_zlib
};
