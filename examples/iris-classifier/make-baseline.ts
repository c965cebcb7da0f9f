/**
 * Regenerates baseline/: the main branch's model (train.ts's MAIN_PARAMS) trained with seeds 1 to
 * 3. In a real project this is what CI stores when main changes; here it is committed so the
 * example runs without GitHub. The test suite checks that these files are exactly what this
 * script writes, so a change to train.ts that forgets to rerun it fails the tests.
 *
 * Usage: npx tsx examples/iris-classifier/make-baseline.ts
 */
import { rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAIN_PARAMS, SEEDS, loadIris, train } from './train.js';

const here = dirname(fileURLToPath(import.meta.url));
const data = loadIris();
for (const seed of SEEDS) {
  const out = join(here, 'baseline', `seed-${seed}`);
  // Start clean: a file an older train.ts wrote must not linger in the baseline.
  rmSync(out, { recursive: true, force: true });
  const { metrics } = train({ ...MAIN_PARAMS, seed }, out, data);
  console.log(`${relative(process.cwd(), out)}: accuracy ${String(metrics.accuracy)}`);
}
