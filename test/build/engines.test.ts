import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';

/**
 * `engines` is a promise: every Node version it admits runs every installed package. npm only
 * warns (EBADENGINE) when a dependency asks for more, so a range that drifted (content-type 3 wants
 * Node 22 while we said 20, issue #13) goes unnoticed until someone on that Node version breaks.
 * Each package in the lock file must accept every version our range accepts.
 */
const root = resolve(import.meta.dirname, '../..');

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
  os?: string[];
  cpu?: string[];
}

test("every locked package accepts every Node version of the root package's engines", () => {
  const ours = (
    JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { engines: { node: string } }
  ).engines.node;
  expect(semver.validRange(ours)).not.toBeNull();
  const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const disagreeing = Object.entries(lock.packages).flatMap(([path, entry]) => {
    const theirs = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
    if (path === '' || theirs === undefined) return [];
    return semver.subset(ours, theirs) ? [] : [`${path}@${entry.version ?? '?'} wants node ${theirs}`];
  });
  expect(disagreeing).toEqual([]);
});
