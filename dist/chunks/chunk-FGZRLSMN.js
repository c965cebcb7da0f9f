import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// node_modules/devlop/lib/default.js
function ok() {
}

export {
  ok
};
