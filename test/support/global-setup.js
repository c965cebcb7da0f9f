import { setup } from './temp-folder.js';

export default setup;
