export * from './gpus.js';
export * from './lines.js';
export * from './non-finite.js';
export * from './record.js';
export * from './shell.js';
