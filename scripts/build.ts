/**
 * `npm run build`: bundles every action and the CLI into dist/ in one esbuild run, so code they
 * share (core, the GitHub adapter, chart.js, the Markdown stack) lands once in dist/chunks/ instead
 * of once per action (STYLE.md: one bundler run, several entries, shared chunks with stable names).
 *
 * dist/ is committed: `uses: OWNER/REPO/actions/report@v1` runs dist/report/index.js with nothing
 * installed. What cannot be bundled is copied next to it:
 * - @napi-rs/canvas and its prebuilt binaries, which the charts are drawn with: a native addon is a
 *   file Node must load from disk. One binary per kind of GitHub-hosted runner (Linux x64 and
 *   arm64, macOS arm64, Windows x64: SHIPPED_CANVAS_PACKAGES); the loader picks one at run time.
 *   Other platforms get a report without charts, and the report says so. See canvasPackages().
 * - the chart font and the preview stylesheet (packages/core/assets), found at run time next to
 *   the bundle (see fontDirectory() and stylesheetDirectory()).
 * - sql.js's WebAssembly SQLite (`sql-wasm.wasm`, for MLflow's mlflow.db store) into assets/: its
 *   JavaScript is bundled (a chunk of its own, loaded only when a .db is read), the binary is a
 *   file it reads (see sqlWasmPath()).
 * The build is deterministic (content-hashed chunk names, no timestamps), so CI rebuilds and fails
 * when `git status --porcelain dist` shows any difference, new files included.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuiltin } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { SHIPPED_CANVAS_PACKAGES } from '../packages/core/src/report/charts/canvas-binary.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(root, 'dist');

/** Every action with a JavaScript entry, plus the CLI (so other CIs can run `node dist/cli/index.js`). */
export function entryPoints(): Record<string, string> {
  const entries: Record<string, string> = {};
  const actionsDir = join(root, 'actions');
  for (const name of readdirSync(actionsDir).sort()) {
    const entry = join(actionsDir, name, 'src', 'index.ts');
    if (existsSync(entry)) entries[`${name}/index`] = entry;
  }
  entries['cli/index'] = join(root, 'packages', 'cli', 'src', 'bin.ts');
  return entries;
}

/**
 * The native packages that ship beside the bundles, and the folder each is copied from.
 *
 * @napi-rs/canvas comes from node_modules. Its binaries cannot all come from there: npm installs
 * only the one for the machine it runs on (the others are optional dependencies whose `os`/`cpu`
 * do not match), and refuses a direct dependency on another platform's (EBADPLATFORM) unless
 * forced. So a binary npm did not install is fetched by npm itself (`npm pack`, through npm's
 * cache and registry settings), checked against the integrity package-lock.json records for it,
 * and unpacked into node_modules/.cache/mlci-canvas/, where the next build finds it offline. The
 * version is the installed @napi-rs/canvas's, so every binary matches the JavaScript beside it; the
 * bytes are the lockfile's, so the build stays deterministic.
 */
export function canvasPackages(
  options: { otherPlatforms?: boolean } = {},
): Array<{ name: string; from: string }> {
  const canvas = join(root, 'node_modules', '@napi-rs', 'canvas');
  if (!existsSync(canvas)) throw new Error('@napi-rs/canvas is not installed: run npm ci first');
  const version = (JSON.parse(readFileSync(join(canvas, 'package.json'), 'utf8')) as { version: string })
    .version;
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; integrity?: string }>;
  };
  return [
    { name: '@napi-rs/canvas', from: canvas },
    ...SHIPPED_CANVAS_PACKAGES.flatMap(({ name }) => {
      const installed = join(root, 'node_modules', name);
      if (existsSync(installed) && packageVersion(installed) === version) return [{ name, from: installed }];
      if (options.otherPlatforms === false) return [];
      const locked = lock.packages[`node_modules/${name}`];
      if (locked?.version !== version || locked.integrity === undefined)
        throw new Error(
          `package-lock.json records no ${name}@${version} (found ${locked?.version ?? 'none'}): it is an optional dependency of @napi-rs/canvas@${version}, and dist/ ships it; run \`npm install\` to record it`,
        );
      return [{ name, from: fetchPackage(name, version, locked.integrity) }];
    }),
  ];
}

function packageVersion(folder: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** The folder of `name@version` unpacked, fetched once by npm and checked against `integrity`. */
function fetchPackage(name: string, version: string, integrity: string): string {
  const cacheRoot = join(root, 'node_modules', '.cache', 'mlci-canvas');
  const cached = join(cacheRoot, `${name.replace('/', '+')}@${version}`);
  if (existsSync(join(cached, 'package.json'))) return cached;
  // Unpacked beside the cache, then renamed into place: a rename across file systems (a tmpfs
  // /tmp) would fail, and a build stopped halfway leaves no half-written package in the cache.
  mkdirSync(cacheRoot, { recursive: true });
  const work = mkdtempSync(join(cacheRoot, '.pack-'));
  try {
    // npm_execpath is npm's own script when the build runs from `npm run`; `npm` otherwise (a .cmd
    // on Windows, which only a shell starts).
    const npm = process.env['npm_execpath']?.replace(/npx-cli\.js$/, 'npm-cli.js');
    const args = [
      'pack',
      `${name}@${version}`,
      '--pack-destination',
      work,
      '--prefer-offline',
      '--loglevel=error',
    ];
    try {
      if (npm !== undefined && /\.[cm]?js$/.test(npm))
        execFileSync(process.execPath, [npm, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      else
        execFileSync('npm', args, {
          stdio: ['ignore', 'ignore', 'pipe'],
          shell: process.platform === 'win32',
        });
    } catch (error) {
      const said = String((error as { stderr?: Buffer }).stderr ?? '').trim() || (error as Error).message;
      throw new Error(
        `could not fetch ${name}@${version}, the canvas binary dist/ ships for another runner (npm pack said: ${said.split('\n')[0]}); the build needs npm's registry once, then finds it in node_modules/.cache/mlci-canvas`,
        { cause: error },
      );
    }
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (tarball === undefined) throw new Error(`npm pack ${name}@${version} wrote no tarball`);
    const bytes = readFileSync(join(work, tarball));
    const [algorithm, expected] = integrity.split(/-(.*)/s) as [string, string];
    const actual = createHash(algorithm).update(bytes).digest('base64');
    if (actual !== expected)
      throw new Error(
        `${name}@${version} from npm does not match package-lock.json (integrity ${algorithm}-${actual}, expected ${integrity})`,
      );
    const unpacked = join(work, 'package');
    untar(gunzipSync(bytes), work);
    rmSync(cached, { recursive: true, force: true });
    renameSync(unpacked, cached);
    return cached;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Writes the regular files of a tar archive (npm's tarballs: ustar, everything under `package/`)
 * into `into`. Small enough to keep here rather than depend on a tar package or on a `tar` command
 * that differs between Linux, macOS and Windows.
 */
export function untar(archive: Buffer, into: string): void {
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break; // the end: two zero blocks
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    const name = longName ?? (prefix !== '' ? `${prefix}/${field(0, 100)}` : field(0, 100));
    const body = archive.subarray(offset + 512, offset + 512 + size);
    longName = undefined;
    if (type === 'x') {
      // A pax header: only its path matters here (names over 100 characters).
      const path = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (path !== null) longName = path[1];
    } else if (type === '0') {
      const relative = normalize(name);
      if (relative.startsWith('..') || relative.startsWith('/') || /^[a-zA-Z]:/.test(relative))
        throw new Error(`refusing to unpack ${name}: outside the package`);
      mkdirSync(dirname(join(into, relative)), { recursive: true });
      writeFileSync(join(into, relative), body);
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
}

/**
 * Node's built-in modules are loaded with require() rather than `import`, in our code as in the
 * CommonJS dependencies. An ES import of a built-in makes Node build its ES module facade, which
 * reads every export, lazy ones included: on Node 24 `import ... from 'node:http'` loads undici
 * that way (~35 ms of every step, against ~4 ms for require('node:http')), and node:process,
 * node:util and node:fs cost 3-7 ms each. Each such import becomes a tiny CommonJS module that
 * requires the built-in (through the `require` the banner creates), and esbuild reads its
 * properties where they are used.
 */
export const builtinsByRequire: Plugin = {
  name: 'builtins-by-require',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      if (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') return undefined;
      if (!isBuiltin(args.path)) return undefined;
      return { path: args.path, namespace: 'builtin-by-require' };
    });
    build.onLoad({ filter: /.*/, namespace: 'builtin-by-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** Bundled CommonJS dependencies call require(); in an ES module it has to be made. */
export const REQUIRE_BANNER =
  "import { createRequire as __mlciCreateRequire } from 'node:module';\nconst require = __mlciCreateRequire(import.meta.url);";

export interface BuildOptions {
  /**
   * false: only the canvas binary npm installed here, no fetching (a test that runs a bundle on
   * this machine needs no other). dist/ itself is always built with every runner's.
   */
  otherPlatforms?: boolean;
}

export async function buildDist(dist: string = DIST, options: BuildOptions = {}): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  await build({
    entryPoints: entryPoints(),
    outdir: dist,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    external: ['@napi-rs/canvas'],
    banner: { js: REQUIRE_BANNER },
    plugins: [builtinsByRequire],
    legalComments: 'eof',
    sourcemap: false,
    minify: false,
    logLevel: 'warning',
  });
  writeFileSync(
    join(dist, 'package.json'),
    `${JSON.stringify({ private: true, type: 'module', description: 'Built by scripts/build.ts; do not edit.' }, null, 2)}\n`,
  );
  cpSync(join(root, 'packages', 'core', 'assets'), join(dist, 'assets'), { recursive: true });
  cpSync(
    join(root, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm'),
    join(dist, 'assets', 'sql-wasm.wasm'),
  );
  // The binary's licence travels with it (sql.js is MIT; SQLite itself is in the public domain).
  cpSync(join(root, 'node_modules', 'sql.js', 'LICENSE'), join(dist, 'assets', 'sql-wasm.LICENSE'));
  for (const { name, from } of canvasPackages(options)) {
    const to = join(dist, 'node_modules', name);
    mkdirSync(to, { recursive: true });
    for (const file of readdirSync(from).sort()) {
      // The package's code, licence and binary (and on Windows the ICU data Skia reads beside it);
      // not its TypeScript types, README or SBOM.
      if (/\.(js|node|dat)$/.test(file) || file === 'package.json' || file === 'LICENSE')
        cpSync(join(from, file), join(to, file));
    }
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  await buildDist();
  process.stdout.write(`dist/ built in ${Math.round(performance.now() - started)} ms\n`);
}
