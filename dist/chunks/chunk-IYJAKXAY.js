import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// actions/shared/src/compile-cache.ts
import module from "node:module";
import { join } from "node:path";
var nodeEnableCompileCache = module.enableCompileCache;
function enableCompileCache(env = process.env, enable = nodeEnableCompileCache) {
  const temp = env.RUNNER_TEMP;
  if (enable === void 0 || temp === void 0 || temp === "") return void 0;
  const directory = join(temp, "mlci-compile-cache");
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
