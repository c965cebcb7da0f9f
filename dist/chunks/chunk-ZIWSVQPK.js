import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  require_node_module
} from "./chunk-MTIA3I3M.js";
import {
  require_node_path
} from "./chunk-DPFCA6DW.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// actions/shared/src/compile-cache.ts
var import_node_module = __toESM(require_node_module(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var nodeEnableCompileCache = import_node_module.default.enableCompileCache;
function enableCompileCache(env = process.env, enable = nodeEnableCompileCache) {
  const temp = env.RUNNER_TEMP;
  if (enable === void 0 || temp === void 0 || temp === "") return void 0;
  const directory = (0, import_node_path.join)(temp, "mlci-compile-cache");
  try {
    enable(directory);
  } catch {
    return void 0;
  }
  return directory;
}

export {
  enableCompileCache
};
