import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { packCli } from '../../scripts/pack-cli.js';
import { smokeTest } from '../../scripts/smoke-cli.js';
import { VERSION } from '../../packages/cli/src/version.js';
import { startFakeNpmRegistry, type FakeNpmRegistry } from '../support/fake-npm-registry.js';

/**
 * The `mlci` npm package as a user gets it (issue #13): packed from the sources, installed with
 * `npm install -g` into a temporary prefix and run from a repository outside this checkout. npm
 * talks to a registry on loopback holding @napi-rs/canvas (copied from node_modules), with an
 * empty cache, so nothing comes from the network or from this machine's npm cache.
 */
const root = resolve(import.meta.dirname, '../..');
const canvasInstalls = process.platform === 'linux' && process.arch === 'x64';

let registry: FakeNpmRegistry;
let tarball: string;
let npmEnv: NodeJS.ProcessEnv;
let npmArgs: string[];

beforeAll(async () => {
  registry = await startFakeNpmRegistry(
    ['@napi-rs/canvas', '@napi-rs/canvas-linux-x64-gnu'].map((name) => join(root, 'node_modules', name)),
  );
  tarball = await packCli(mkdtempSync(join(tmpdir(), 'mlci-pack-')));
  const cache = mkdtempSync(join(tmpdir(), 'mlci-npm-cache-'));
  npmArgs = [`--registry=${registry.url}`, `--cache=${cache}`];
  npmEnv = {
    ...process.env,
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    // The user's own npm configuration must not point this install elsewhere.
    npm_config_userconfig: join(cache, 'npmrc'),
  };
}, 120_000);

afterAll(async () => {
  await registry?.close();
});

function packedFile(path: string): string {
  return execFileSync('tar', ['-xzOf', tarball, `package/${path}`], { encoding: 'utf8' });
}

describe('the mlci npm package', () => {
  it('is named mlci, carries the release version and an mlci executable, and bundles the workspace', () => {
    expect(tarball.endsWith(`mlci-${VERSION}.tgz`)).toBe(true);
    const manifest = JSON.parse(packedFile('package.json')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'mlci',
      version: VERSION,
      bin: { mlci: 'bin/mlci.js' },
      type: 'module',
    });
    // Nothing from the workspace at run time: the only dependency is the canvas binary, optional.
    expect(manifest['dependencies']).toBeUndefined();
    const core = JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(manifest['optionalDependencies']).toEqual({
      '@napi-rs/canvas': core.dependencies['@napi-rs/canvas'],
    });
    const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(manifest['engines']).toEqual(rootManifest.engines);

    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'package/LICENSE',
        'package/README.md',
        'package/bin/mlci.js',
        'package/lib/mlci.js',
        'package/assets/fonts/Inter-Regular.ttf',
        'package/assets/css/github-markdown-light.css',
      ]),
    );
    expect(
      files.filter((f) => !/^package\/(LICENSE|README\.md|package\.json|bin\/|lib\/|assets\/)/.test(f)),
    ).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') || f.endsWith('.map'))).toEqual([]);
    expect(packedFile('bin/mlci.js').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(packedFile('lib/mlci.js')).not.toMatch(/from ["']@mlci\//);
  });

  it('installs with npm install -g and runs read, check, compare and report from a user repository', async () => {
    const result = await smokeTest(tarball, { npmArgs, env: npmEnv, expectCharts: canvasInstalls });
    expect(result.version).toBe(VERSION);
    expect(result.steps).toContain(
      '(in model/) mlci compare --base git:main:metrics.json --head metrics.json --gate accuracy drop <= 0.001',
    );
    if (canvasInstalls) expect(result.steps.at(-1)).toMatch(/^report: [1-9]\d* PNG charts$/);
    expect(registry.requests).toContain('/@napi-rs/canvas');
  }, 120_000);

  // Asynchronously: the registry answers from this process's event loop. `./` matters: npx runs a
  // bare or absolute path as a command of its own.
  it('runs with npx --yes ./mlci-X.Y.Z.tgz from a folder that is not a project', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mlci-npx-'));
    copyFileSync(tarball, join(folder, basename(tarball)));
    const { stdout } = await promisify(execFile)(
      'npx',
      ['--yes', ...npmArgs, `./${basename(tarball)}`, '--version'],
      {
        cwd: folder,
        encoding: 'utf8',
        env: npmEnv,
      },
    );
    expect(stdout).toBe(`${VERSION}\n`);
  }, 120_000);
});
