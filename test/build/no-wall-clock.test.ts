import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * Tests assert behaviour, never time: on a busy machine a 20 ms limit on the fake server's answers
 * failed (31 ms seen, issue #13). Budgets live in `npm run bench`, measured against `node -e 0` in
 * the same run.
 * This finds a test that reads the clock to measure an interval. Timestamps as data (a rate-limit
 * reset `Date.now() / 1000 + 20`) are fine; support code may time what it records for benches.
 */
const TESTS = resolve(import.meta.dirname, '..');
// `Date.now() - started` (an interval) but not `Date.now() - days * DAY` (a timestamp).
const MEASURING = /performance\.now\(\)|process\.hrtime|Date\.now\(\)\s*-\s*[A-Za-z_$][\w$.]*\s*(?:[);,]|$)/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'support' || entry.name === 'fixtures' ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

test('no test measures elapsed time', () => {
  const found = testFiles(TESTS).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        MEASURING.test(line) ? [`${relative(TESTS, file)}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
  // This file names the patterns in its own source.
  expect(found.filter((line) => !line.startsWith('build/no-wall-clock.test.ts'))).toEqual([]);
});
