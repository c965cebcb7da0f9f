import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canvasPackageFor,
  detectLibc,
  SHIPPED_CANVAS_PACKAGES,
  shippedRunners,
  type CanvasTarget,
} from '../../../../packages/core/src/report/charts/canvas-binary.js';
import { canvasBinaryPath } from '../../../../packages/core/src/report/charts/render.js';

/** The GitHub-hosted runners, as Node sees them. */
const RUNNERS: Array<[string, CanvasTarget, string]> = [
  [
    'ubuntu-latest (Linux x64)',
    { platform: 'linux', arch: 'x64', libc: 'glibc' },
    '@napi-rs/canvas-linux-x64-gnu',
  ],
  [
    'ubuntu-24.04-arm (Linux arm64)',
    { platform: 'linux', arch: 'arm64', libc: 'glibc' },
    '@napi-rs/canvas-linux-arm64-gnu',
  ],
  ['macos-latest (macOS arm64)', { platform: 'darwin', arch: 'arm64' }, '@napi-rs/canvas-darwin-arm64'],
  ['windows-latest (Windows x64)', { platform: 'win32', arch: 'x64' }, '@napi-rs/canvas-win32-x64-msvc'],
];

describe('the canvas binary a runner needs', () => {
  test.each(RUNNERS)('%s loads %s', (_runner, target, name) => {
    expect(canvasPackageFor(target)).toBe(name);
  });

  test('dist/ ships exactly the binaries of the four kinds of GitHub-hosted runner', () => {
    expect(SHIPPED_CANVAS_PACKAGES.map((p) => p.name)).toEqual(RUNNERS.map(([, , name]) => name));
    expect(shippedRunners()).toBe('Linux x64, Linux arm64, macOS arm64 and Windows x64');
  });

  test('Alpine (musl) needs another binary than Ubuntu, one dist/ does not carry', () => {
    const name = canvasPackageFor({ platform: 'linux', arch: 'x64', libc: 'musl' });
    expect(name).toBe('@napi-rs/canvas-linux-x64-musl');
    expect(SHIPPED_CANVAS_PACKAGES.map((p) => p.name)).not.toContain(name);
  });

  test.each([
    { platform: 'freebsd', arch: 'x64' },
    { platform: 'linux', arch: 'ppc64', libc: 'glibc' as const },
    { platform: 'win32', arch: 'ia32' },
  ])('a platform @napi-rs/canvas publishes nothing for ($platform-$arch) has no package', (target) => {
    expect(canvasPackageFor(target)).toBeUndefined();
  });

  test('the C library is told by /usr/bin/ldd, as @napi-rs/canvas tells it', () => {
    expect(detectLibc(() => '#!/bin/sh\nexec /lib/ld-musl-x86_64.so.1 --list "$@"\n')).toBe('musl');
    expect(detectLibc(() => '#!/bin/bash\n# ldd (GNU libc) 2.36\n')).toBe('glibc');
    expect(
      detectLibc(() => {
        throw new Error('ENOENT');
      }),
    ).toBe('glibc');
  });
});

/** A node_modules folder as npm lays it out, with @napi-rs/canvas and the given binaries in it. */
function fakeInstall(binaries: string[], layout: 'hoisted' | 'nested'): NodeJS.Require {
  const root = mkdtempSync(join(tmpdir(), 'mlci-canvas-'));
  const canvas = join(root, 'node_modules', '@napi-rs', 'canvas');
  mkdirSync(canvas, { recursive: true });
  writeFileSync(join(canvas, 'package.json'), JSON.stringify({ name: '@napi-rs/canvas', main: 'index.js' }));
  for (const name of binaries) {
    const folder =
      layout === 'hoisted' ? join(root, 'node_modules', name) : join(canvas, 'node_modules', name);
    const file = `skia.${name.slice('@napi-rs/canvas-'.length)}.node`;
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name, main: file }));
    writeFileSync(join(folder, file), '');
  }
  // Resolving from a file of the bundle, as the chunk in dist/ does.
  mkdirSync(join(root, 'chunks'));
  return createRequire(join(root, 'chunks', 'render.js'));
}

describe('the loader finds the binary it chose', () => {
  test.each(RUNNERS)('on %s, beside @napi-rs/canvas as in dist/node_modules', (_runner, target, name) => {
    const require = fakeInstall(
      RUNNERS.map(([, , n]) => n),
      'hoisted',
    );
    const file = canvasBinaryPath(target, require);
    expect(file.replaceAll('\\', '/')).toMatch(
      new RegExp(`/node_modules/${name}/skia\\.${name.slice('@napi-rs/canvas-'.length)}\\.node$`),
    );
  });

  test('inside @napi-rs/canvas, where npm puts it when it cannot hoist it', () => {
    const require = fakeInstall(['@napi-rs/canvas-darwin-arm64'], 'nested');
    expect(canvasBinaryPath({ platform: 'darwin', arch: 'arm64' }, require).replaceAll('\\', '/')).toMatch(
      /\/node_modules\/@napi-rs\/canvas\/node_modules\/@napi-rs\/canvas-darwin-arm64\/skia\.darwin-arm64\.node$/,
    );
  });

  test('names the missing binary when the platform has none installed', () => {
    const require = fakeInstall(['@napi-rs/canvas-linux-x64-gnu'], 'hoisted');
    expect(() => canvasBinaryPath({ platform: 'linux', arch: 'x64', libc: 'musl' }, require)).toThrow(
      '@napi-rs/canvas-linux-x64-musl, its binary, is not installed beside @napi-rs/canvas',
    );
    expect(() => canvasBinaryPath({ platform: 'freebsd', arch: 'x64' }, require)).toThrow(
      '@napi-rs/canvas publishes no binary for freebsd-x64',
    );
  });
});
