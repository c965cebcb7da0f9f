import { runAction } from '../../shared/src/main.js';
import { run } from './run.js';

await runAction(run);
