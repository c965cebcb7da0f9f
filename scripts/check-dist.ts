/**
 * `npm run check:dist`: builds dist/ afresh into a temporary folder and compares it, file by file,
 * with the dist/ in the working tree. Any changed, missing or extra file fails the check (a
 * `git diff dist/` misses new files; this does not, and it needs no git). In CI the working tree
 * is a clean clone, so this is the committed dist/.
 */
import { readFileSync, readdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildDist, DIST } from './build.js';

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const fresh = mkdtempSync(join(tmpdir(), 'mlci-dist-'));
try {
  await buildDist(fresh);
  const built = files(fresh);
  const committed = files(DIST);
  const problems: string[] = [];
  for (const file of built) {
    if (!committed.includes(file)) problems.push(`missing from dist/: ${file}`);
    else if (!readFileSync(join(fresh, file)).equals(readFileSync(join(DIST, file))))
      problems.push(`differs from a fresh build: dist/${file}`);
  }
  for (const file of committed)
    if (!built.includes(file)) problems.push(`not made by the build: dist/${file}`);
  if (problems.length > 0) {
    process.stderr.write(
      `dist/ is stale (${problems.length} difference${problems.length === 1 ? '' : 's'}):\n  ${problems.slice(0, 30).join('\n  ')}\n` +
        'Run `npm run build` and commit dist/.\n',
    );
    process.exitCode = 1;
  } else {
    process.stdout.write(`dist/ matches a fresh build (${built.length} files)\n`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
