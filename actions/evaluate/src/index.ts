import { enableCompileCache } from '../../shared/src/compile-cache.js';

// Before the action's code is imported, so that its compiled code can come from the cache.
enableCompileCache();
const [{ runAction }, { run }] = await Promise.all([import('../../shared/src/main.js'), import('./run.js')]);
await runAction(run);
