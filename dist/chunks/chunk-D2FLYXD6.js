import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-3CG65SHH.js";

// builtin-by-require:node:url
var require_node_url = __commonJS({
  "builtin-by-require:node:url"(exports, module) {
    module.exports = __require("node:url");
  }
});

export {
  require_node_url
};
