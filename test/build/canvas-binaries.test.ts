import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { SHIPPED_CANVAS_PACKAGES } from '../../packages/core/src/report/charts/canvas-binary.js';
import { canvasBinaryPath } from '../../packages/core/src/report/charts/render.js';
import { untar } from '../../scripts/build.js';

// The committed dist/ (or the build under test, MLCI_TEST_DIST): it runs on the runner with nothing
// installed, so every runner's binary must be in it, and be the binary for that runner.
const DIST = process.env['MLCI_TEST_DIST'] || resolve(import.meta.dirname, '../../dist');

interface Manifest {
  name: string;
  version: string;
  main: string;
  os: string[];
  cpu: string[];
  libc?: string[];
}

function manifest(folder: string): Manifest {
  return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest;
}

describe('the canvas binaries in dist/', () => {
  const canvas = manifest(join(DIST, 'node_modules', '@napi-rs', 'canvas'));

  test.each(SHIPPED_CANVAS_PACKAGES.map((p) => [p.runner, p.name, p.target] as const))(
    '%s: %s is there, for that os and cpu, in the version of @napi-rs/canvas beside it',
    (_runner, name, target) => {
      const folder = join(DIST, 'node_modules', name);
      const own = manifest(folder);
      expect({ name: own.name, version: own.version, os: own.os, cpu: own.cpu }).toEqual({
        name,
        version: canvas.version,
        os: [target.platform],
        cpu: [target.arch],
      });
      if (target.platform === 'linux') expect(own.libc).toEqual([target.libc]);
      expect(existsSync(join(folder, own.main))).toBe(true);
      // Skia on Windows reads its ICU data beside the binary; without it fillText crashes
      // (Brooooooklyn/canvas#253).
      if (target.platform === 'win32') expect(existsSync(join(folder, 'icudtl.dat'))).toBe(true);
    },
  );

  test.each(SHIPPED_CANVAS_PACKAGES.map((p) => [p.runner, p.name, p.target] as const))(
    'the loader, running from dist/chunks on %s, finds %s inside dist/',
    (_runner, name, target) => {
      const require = createRequire(join(DIST, 'chunks', 'render.js'));
      const file = canvasBinaryPath(target, require);
      expect(file.startsWith(join(DIST, 'node_modules', ...name.split('/')) + sep)).toBe(true);
      expect(file.endsWith('.node')).toBe(true);
    },
  );

  test('no other binary is shipped (each costs about 30 MB in every download of the actions)', () => {
    const shipped = readdirSync(join(DIST, 'node_modules', '@napi-rs')).map((f) => `@napi-rs/${f}`);
    expect(shipped.sort()).toEqual(['@napi-rs/canvas', ...SHIPPED_CANVAS_PACKAGES.map((p) => p.name)].sort());
  });
});

/** One ustar entry: a 512-byte header, then the body padded to 512 bytes. */
function entry(name: string, body: Buffer, type = '0'): Buffer {
  const header = Buffer.alloc(512);
  header.write(name.slice(0, 100), 0, 'utf8');
  header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  header.write(type, 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  return Buffer.concat([header, body, Buffer.alloc((512 - (body.length % 512)) % 512)]);
}

describe('unpacking an npm tarball in the build', () => {
  test('writes its regular files, long (pax) names included', () => {
    const long = `package/${'d'.repeat(120)}.node`;
    const pax = Buffer.from(`139 path=${long}\n`);
    const archive = Buffer.concat([
      entry('package/package.json', Buffer.from('{"name":"x"}')),
      entry('PaxHeader', pax, 'x'),
      entry(long.slice(0, 100), Buffer.from('binary')),
      Buffer.alloc(1024),
    ]);
    const into = mkdtempSync(join(tmpdir(), 'mlci-untar-'));
    untar(archive, into);
    expect(readFileSync(join(into, 'package', 'package.json'), 'utf8')).toBe('{"name":"x"}');
    expect(readFileSync(join(into, long), 'utf8')).toBe('binary');
  });

  test('refuses a file outside the package', () => {
    const into = mkdtempSync(join(tmpdir(), 'mlci-untar-'));
    expect(() =>
      untar(Buffer.concat([entry('../evil.js', Buffer.from('x')), Buffer.alloc(1024)]), into),
    ).toThrow('refusing to unpack ../evil.js: outside the package');
  });
});
