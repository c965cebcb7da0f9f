import { teardown } from './temp-folder.js';

export default teardown;
