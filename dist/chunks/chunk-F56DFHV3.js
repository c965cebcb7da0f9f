import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  materializeGitPath,
  parseGitSpec
} from "./chunk-4R3FL7BL.js";
import {
  readTable
} from "./chunk-55SCGZVG.js";
import {
  require_node_fs
} from "./chunk-ERMUBDDR.js";
import {
  require_node_path
} from "./chunk-DPFCA6DW.js";
import {
  ConfigurationError
} from "./chunk-TQLTVCQ6.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// packages/cli/src/tables.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_path = __toESM(require_node_path(), 1);
async function readTableSpec(spec, options) {
  const git = parseGitSpec(spec);
  if (git === void 0) return { profile: await readTable(spec, options), path: spec };
  const copy = await materializeGitPath(git);
  return {
    profile: await readTable(copy.path, { ...options, label: `${spec} (${copy.label})` }),
    path: copy.path
  };
}
function writeOutFile(path, text, what) {
  try {
    (0, import_node_fs.mkdirSync)((0, import_node_path.dirname)(path), { recursive: true });
    (0, import_node_fs.writeFileSync)(path, text);
  } catch (error) {
    const why = error.code ?? String(error);
    throw new ConfigurationError(`--out ${path}: cannot write ${what} (${why})`);
  }
}

export {
  readTableSpec,
  writeOutFile
};
