/**
 * `npm run pack:cli -- [--out DIR]`: builds the `mlci` npm package and packs it into
 * `DIR/mlci-<version>.tgz` (default: the current folder), printing the tarball's path as the last
 * line of stdout. The release workflow publishes that tarball; `npm run smoke:cli` tests it.
 *
 * The package is npm/mlci/ (package.json, README) plus what this builds:
 * - `lib/`: the CLI bundled by esbuild with everything it imports from the workspace and from npm,
 *   so installing it fetches nothing but @napi-rs/canvas (an optional dependency: a native addon
 *   cannot be bundled, and npm picks the binary for the user's platform). Split into chunks so each
 *   command loads only what it uses: `mlci --version` loads no command at all.
 * - `bin/mlci.js`: the two-line executable npm links onto PATH.
 * - `assets/`: the chart font and the preview stylesheet, found next to the bundle at run time.
 * Nothing here is committed: the package is built from the sources at release.
 *
 * The build fails when a bundled package's `engines` does not admit every Node version the
 * package's own `engines` does: bundling hides that from npm's EBADENGINE warning.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import semver from 'semver';
import { builtinsByRequire, REQUIRE_BANNER } from './build.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PACKAGE_TEMPLATE = join(root, 'npm', 'mlci');

interface Manifest {
  name: string;
  version: string;
  engines: { node: string };
  optionalDependencies?: Record<string, string>;
}

export function readManifest(dir = PACKAGE_TEMPLATE): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Packages bundled into lib/ (from esbuild's inputs) whose `engines.node` does not cover ours. */
export function enginesDisagreements(inputs: readonly string[], ours: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match === null || seen.has(match[1]!)) continue;
    seen.add(match[1]!);
    const manifest = JSON.parse(readFileSync(join(root, match[1]!, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      engines?: { node?: string };
    };
    const theirs = manifest.engines?.node;
    if (theirs !== undefined && !semver.subset(ours, theirs))
      problems.push(
        `${manifest.name}@${manifest.version} wants node ${theirs}, the package promises ${ours}`,
      );
  }
  return problems.sort();
}

/** Builds the package's files into `stage` (emptied first); returns its manifest. */
export async function stageCliPackage(stage: string): Promise<Manifest> {
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const manifest = readManifest();
  cpSync(join(PACKAGE_TEMPLATE, 'package.json'), join(stage, 'package.json'));
  cpSync(join(PACKAGE_TEMPLATE, 'README.md'), join(stage, 'README.md'));
  cpSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
  const result = await build({
    entryPoints: { 'lib/mlci': join(root, 'packages', 'cli', 'src', 'bin.ts') },
    outdir: stage,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'lib/[name]-[hash]',
    external: ['@napi-rs/canvas'],
    banner: { js: REQUIRE_BANNER },
    plugins: [builtinsByRequire],
    legalComments: 'eof',
    metafile: true,
    logLevel: 'warning',
  });
  const problems = enginesDisagreements(Object.keys(result.metafile.inputs), manifest.engines.node);
  if (problems.length > 0)
    throw new Error(
      `npm/mlci/package.json "engines" promises more than what lib/ bundles:\n  ${problems.join('\n  ')}`,
    );
  mkdirSync(join(stage, 'bin'));
  writeFileSync(join(stage, 'bin', 'mlci.js'), "#!/usr/bin/env node\nimport '../lib/mlci.js';\n");
  chmodSync(join(stage, 'bin', 'mlci.js'), 0o755);
  cpSync(join(root, 'packages', 'core', 'assets'), join(stage, 'assets'), { recursive: true });
  return manifest;
}

/** Builds and packs the package into `outDir`; returns the tarball's absolute path. */
export async function packCli(outDir: string): Promise<string> {
  const stage = mkdtempSync(join(tmpdir(), 'mlci-package-'));
  try {
    const manifest = await stageCliPackage(stage);
    mkdirSync(outDir, { recursive: true });
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', resolve(outDir)], {
        cwd: stage,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    ) as { filename: string }[];
    const tarball = join(resolve(outDir), packed[0]!.filename);
    if (!existsSync(tarball) || !tarball.endsWith(`mlci-${manifest.version}.tgz`))
      throw new Error(`npm pack did not write mlci-${manifest.version}.tgz into ${outDir}`);
    return tarball;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: '.' } } });
  process.stdout.write(`${await packCli(values.out)}\n`);
}
