export { main, VERSION } from './main.js';
export { EXIT, type CliIO } from './io.js';
