/**
 * Which prebuilt Skia binary of @napi-rs/canvas this process needs. Its own module, free of
 * chart.js and the canvas, so the build (scripts/build.ts) and the tests read the same table as the
 * loader in render.ts without loading either.
 *
 * @napi-rs/canvas publishes one npm package per platform, and npm installs only the one of the
 * machine it runs on. The committed dist/ runs with no install step, so it carries one package per
 * GitHub-hosted runner (SHIPPED_CANVAS_PACKAGES); the loader picks among them at run time.
 */

/** What decides the binary: Node's `process.platform` and `process.arch`, and the C library on Linux. */
export interface CanvasTarget {
  platform: string;
  arch: string;
  /** Linux only: musl (Alpine) needs other binaries than glibc (Ubuntu, Debian, ...). */
  libc?: 'glibc' | 'musl';
}

/**
 * Every binary @napi-rs/canvas publishes, by `platform-arch[-libc]`, as its own loader (js-binding.js)
 * names them. A checkout on any of these platforms draws charts (npm installed its binary); dist/
 * carries only the shipped ones.
 */
const PUBLISHED: Record<string, string> = {
  'linux-x64-glibc': 'linux-x64-gnu',
  'linux-x64-musl': 'linux-x64-musl',
  'linux-arm64-glibc': 'linux-arm64-gnu',
  'linux-arm64-musl': 'linux-arm64-musl',
  'linux-arm-glibc': 'linux-arm-gnueabihf',
  'linux-riscv64-glibc': 'linux-riscv64-gnu',
  'darwin-arm64': 'darwin-arm64',
  'darwin-x64': 'darwin-x64',
  'win32-x64': 'win32-x64-msvc',
  'win32-arm64': 'win32-arm64-msvc',
  'android-arm64': 'android-arm64',
};

/** The npm package holding the binary for `target`, or undefined when @napi-rs/canvas publishes none. */
export function canvasPackageFor(target: CanvasTarget): string | undefined {
  const key =
    target.platform === 'linux'
      ? `linux-${target.arch}-${target.libc ?? 'glibc'}`
      : `${target.platform}-${target.arch}`;
  const suffix = PUBLISHED[key];
  return suffix === undefined ? undefined : `@napi-rs/canvas-${suffix}`;
}

/**
 * The binaries the committed dist/ carries: one for each kind of GitHub-hosted runner (ubuntu-*,
 * ubuntu-*-arm, macos-14 and later, windows-*). Each costs 28-39 MB unpacked (13-16 MB in the
 * repository's tarball; README, "Charts on every runner"). macOS x64 (macos-13) and Windows arm64
 * runners are left out: their report says charts are unavailable there.
 */
const RUNNERS: ReadonlyArray<{ runner: string; target: CanvasTarget }> = [
  { runner: 'Linux x64', target: { platform: 'linux', arch: 'x64', libc: 'glibc' } },
  { runner: 'Linux arm64', target: { platform: 'linux', arch: 'arm64', libc: 'glibc' } },
  { runner: 'macOS arm64', target: { platform: 'darwin', arch: 'arm64' } },
  { runner: 'Windows x64', target: { platform: 'win32', arch: 'x64' } },
];

export const SHIPPED_CANVAS_PACKAGES: ReadonlyArray<{ runner: string; target: CanvasTarget; name: string }> =
  RUNNERS.map(({ runner, target }) => ({ runner, target, name: canvasPackageFor(target)! }));

/** "Linux x64, Linux arm64, macOS arm64 and Windows x64", for messages. */
export function shippedRunners(): string {
  const names = SHIPPED_CANVAS_PACKAGES.map((p) => p.runner);
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/** "linux-x64 (musl)", "darwin-arm64": the target as people write it. */
export function describeTarget(target: CanvasTarget): string {
  return `${target.platform}-${target.arch}${target.platform === 'linux' && target.libc === 'musl' ? ' (musl)' : ''}`;
}

/**
 * The C library of this Linux: musl when /usr/bin/ldd is musl's (how @napi-rs/canvas itself tells),
 * else glibc. Reading one small file costs well under a millisecond; Node's diagnostic report, the
 * alternative, takes tens.
 */
export function detectLibc(readText: (path: string) => string): 'glibc' | 'musl' {
  try {
    return readText('/usr/bin/ldd').includes('musl') ? 'musl' : 'glibc';
  } catch {
    return 'glibc';
  }
}
