import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * An npm registry on loopback that holds a few packages, packed from folders on disk (the copies
 * in node_modules): installing the packed CLI then resolves its dependencies the way it does
 * against registry.npmjs.org, on a machine with no network. Every other package answers 404, as
 * the registry does for a name it does not know; npm skips an optional dependency it cannot get.
 */
export interface FakeNpmRegistry {
  /** With a trailing slash, as npm's `--registry` wants it. */
  url: string;
  /** `GET` paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

interface Held {
  manifest: Record<string, unknown> & { name: string; version: string };
  tarball: Buffer;
  file: string;
  integrity: string;
  shasum: string;
}

export async function startFakeNpmRegistry(packageDirs: readonly string[]): Promise<FakeNpmRegistry> {
  const work = mkdtempSync(join(tmpdir(), 'mlci-npm-registry-'));
  const held = new Map<string, Held>();
  for (const dir of packageDirs) {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work, dir], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ) as { filename: string; integrity: string; shasum: string }[];
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Held['manifest'];
    const file = basename(packed!.filename);
    held.set(manifest.name, {
      manifest,
      tarball: readFileSync(join(work, file)),
      file,
      integrity: packed!.integrity,
      shasum: packed!.shasum,
    });
  }
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]!);
    requests.push(path);
    const reply = (status: number, body: unknown, type = 'application/json') => {
      response.writeHead(status, { 'content-type': type });
      response.end(Buffer.isBuffer(body) ? body : JSON.stringify(body));
    };
    if (request.method !== 'GET') return reply(405, { error: 'method not allowed' });
    const tarball = /^\/-\/tarballs\/(.+)$/.exec(path);
    if (tarball !== null) {
      const found = [...held.values()].find((p) => p.file === tarball[1]);
      return found === undefined
        ? reply(404, { error: 'not found' })
        : reply(200, found.tarball, 'application/octet-stream');
    }
    const found = held.get(path.slice(1));
    if (found === undefined) return reply(404, { error: 'not found' });
    const { manifest } = found;
    return reply(200, {
      name: manifest.name,
      'dist-tags': { latest: manifest.version },
      versions: {
        [manifest.version]: {
          ...manifest,
          dist: {
            tarball: `${url}-/tarballs/${found.file}`,
            integrity: found.integrity,
            shasum: found.shasum,
          },
        },
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        rmSync(work, { recursive: true, force: true });
      }),
  };
}
