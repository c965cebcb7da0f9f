/**
 * `npm run build`: bundles every action and the CLI into dist/ in one esbuild run, so code they
 * share (core, the GitHub adapter, chart.js, the Markdown stack) lands once in dist/chunks/ instead
 * of once per action (STYLE.md: one bundler run, several entries, shared chunks with stable names).
 *
 * dist/ is committed: `uses: OWNER/REPO/actions/report@v1` runs dist/report/index.js with nothing
 * installed. What cannot be bundled is copied next to it:
 * - @napi-rs/canvas and its Linux x64 (glibc) binary, which the charts are drawn with: a native
 *   addon is a file Node must load from disk. Other platforms get a report without charts, and the
 *   report says so.
 * - the chart font and the preview stylesheet (packages/core/assets), found at run time next to
 *   the bundle (see fontDirectory() and stylesheetDirectory()).
 * The build is deterministic (content-hashed chunk names, no timestamps), so CI rebuilds and fails
 * when `git status --porcelain dist` shows any difference, new files included.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuiltin } from 'node:module';
import { build, type Plugin } from 'esbuild';

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

/** Native and runtime-located files that ship beside the bundles. */
const NATIVE_PACKAGES = ['@napi-rs/canvas', '@napi-rs/canvas-linux-x64-gnu'];

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

export async function buildDist(dist: string = DIST): Promise<void> {
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
  for (const name of NATIVE_PACKAGES) {
    const from = join(root, 'node_modules', name);
    if (!existsSync(from)) throw new Error(`${name} is not installed: run npm ci first`);
    const to = join(dist, 'node_modules', name);
    mkdirSync(to, { recursive: true });
    for (const file of readdirSync(from).sort()) {
      // The package's code, licence and binary; not its TypeScript types or README.
      if (/\.(js|node)$/.test(file) || file === 'package.json' || file === 'LICENSE')
        cpSync(join(from, file), join(to, file));
    }
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  await buildDist();
  process.stdout.write(`dist/ built in ${Math.round(performance.now() - started)} ms\n`);
}
