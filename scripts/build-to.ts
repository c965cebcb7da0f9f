/**
 * `npx tsx scripts/build-to.ts DIR`: builds dist/ into DIR instead, for running the end-to-end
 * tests on work in progress without touching the committed dist/ (`MLCI_TEST_DIST=DIR npm run
 * test:unit -- test/actions`).
 */
import { resolve } from 'node:path';
import { buildDist } from './build.js';

const dir = process.argv[2];
if (dir === undefined) {
  process.stderr.write('Usage: npx tsx scripts/build-to.ts DIR\n');
  process.exit(2);
}
await buildDist(resolve(dir));
process.stdout.write(`built into ${resolve(dir)}\n`);
