import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  runnerIO
} from "./chunk-BTBWC3A5.js";
import {
  isMlciError
} from "./chunk-TQLTVCQ6.js";

// actions/shared/src/main.ts
async function runAction(run, io = runnerIO()) {
  try {
    await run(io);
  } catch (error) {
    if (isMlciError(error)) {
      io.setFailed(error.message);
      return;
    }
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    io.setFailed(`mlci failed unexpectedly; this is a bug, please report it with this log:
${detail}`);
  }
}

export {
  runAction
};
