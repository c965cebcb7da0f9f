// One temporary folder per test run: TMPDIR points into it for the tests, the jest workers and the
// action processes they start, so every mkdtemp of theirs lands inside it, and it is removed when
// the run ends (whatever the tests forgot). MLCI_KEEP_TEST_TMP=1 keeps it, to look at what a test
// wrote; its path is printed then.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KEY = '__MLCI_TEST_TMP__';

export function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-test-run-'));
  globalThis[KEY] = dir;
  process.env.TMPDIR = dir;
}

export function teardown() {
  const dir = globalThis[KEY];
  if (dir === undefined) return;
  if (process.env.MLCI_KEEP_TEST_TMP === '1') {
    process.stdout.write(`Test files kept in ${dir}\n`);
    return;
  }
  rmSync(dir, { recursive: true, force: true });
}
