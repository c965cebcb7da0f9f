import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, globalAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { createClient } from '../../packages/github/src/client.js';
import { nodeFetch } from '../../packages/github/src/http.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A loopback server that records what it was sent and answers with `handler`. */
async function serve(
  handler: (request: Seen, response: ServerResponse, origin: string) => void,
): Promise<{ origin: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  let origin = '';
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(entry);
      handler(entry, response, origin);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(server);
  return { origin, seen, server };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections();
      return new Promise((resolve) => s.close(resolve));
    }),
  );
});

describe('nodeFetch, the fetch Octokit gets', () => {
  test('sends the method, headers and body, and gives back status, headers and body', async () => {
    const { origin, seen } = await serve((_request, response) => {
      response.writeHead(201, 'Created', {
        'Content-Type': 'application/json; charset=utf-8',
        'X-RateLimit-Remaining': '4999',
        Link: '<https://example.test/?page=2>; rel="next"',
      });
      response.end('{"id":7}');
    });
    const response = await nodeFetch(`${origin}/repos/o/r/issues/1/comments`, {
      method: 'POST',
      headers: { Authorization: 'token ghs_x', 'Content-Type': 'application/json' },
      body: '{"body":"héllo"}',
    });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/repos/o/r/issues/1/comments',
      body: '{"body":"héllo"}',
    });
    expect(seen[0]!.headers).toMatchObject({
      authorization: 'token ghs_x',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength('{"body":"héllo"}')),
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Created');
    expect(response.ok).toBe(true);
    expect(response.url).toBe(`${origin}/repos/o/r/issues/1/comments`);
    expect(response.headers.get('X-RATELIMIT-REMAINING')).toBe('4999');
    // Iteration yields lower-case names in order, as fetch's Headers does (Octokit copies them so).
    const names = [...response.headers].map(([name]) => name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['content-type', 'link', 'x-ratelimit-remaining']));
    expect(await response.json()).toEqual({ id: 7 });
    await expect(response.text()).rejects.toThrow(/already been read/);
  });

  test.each([
    ['gzip', 'gzip', gzipSync],
    ['br', 'br', brotliCompressSync],
    ['deflate (zlib)', 'deflate', deflateSync],
    ['deflate (raw, as some servers send it)', 'deflate', deflateRawSync],
  ] as const)('decodes a %s body', async (_label, coding, compress) => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': coding });
      response.end(compress(Buffer.from(JSON.stringify({ comments: 'x'.repeat(10_000) }))));
    });
    const response = await nodeFetch(`${origin}/`);
    expect(((await response.json()) as { comments: string }).comments).toHaveLength(10_000);
  });

  test('bytes come back unchanged (an artifact zip)', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 255, 128, 7]);
    const { origin } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/zip' });
      response.end(zip);
    });
    const response = await nodeFetch(`${origin}/a.zip`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(zip);
  });

  test('a redirect within the origin keeps the token; one to another origin drops it', async () => {
    const storage = await serve((_request, response) => response.end('zip bytes'));
    const api = await serve((request, response, origin) => {
      if (request.url === '/first') response.writeHead(302, { Location: `${origin}/second` }).end();
      else response.writeHead(302, { Location: `${storage.origin}/blob?sig=1` }).end();
    });
    const response = await nodeFetch(`${api.origin}/first`, {
      headers: { authorization: 'token ghs_secret' },
    });
    expect(await response.text()).toBe('zip bytes');
    expect(response.url).toBe(`${storage.origin}/blob?sig=1`);
    expect(response.redirected).toBe(true);
    expect(api.seen.map((s) => s.headers.authorization)).toEqual(['token ghs_secret', 'token ghs_secret']);
    expect(storage.seen[0]!.headers.authorization).toBeUndefined();
  });

  test('a 303 turns a POST into a GET without its body; a 307 repeats the POST', async () => {
    const { origin, seen } = await serve((request, response) => {
      if (request.url === '/see-other') response.writeHead(303, { Location: '/done' }).end();
      else if (request.url === '/temporary') response.writeHead(307, { Location: '/done' }).end();
      else response.end(request.method);
    });
    const init = { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } };
    expect(await (await nodeFetch(`${origin}/see-other`, init)).text()).toBe('GET');
    expect(seen[1]).toMatchObject({ method: 'GET', body: '' });
    expect(seen[1]!.headers['content-type']).toBeUndefined();
    expect(await (await nodeFetch(`${origin}/temporary`, init)).text()).toBe('POST');
    expect(seen[3]).toMatchObject({ method: 'POST', body: '{"a":1}' });
  });

  test('redirect: manual returns the redirect; a loop fails after 20', async () => {
    const { origin, seen } = await serve((_request, response) => {
      response.writeHead(301, { Location: '/again' }).end();
    });
    const manual = await nodeFetch(`${origin}/x`, { redirect: 'manual' });
    expect(manual.status).toBe(301);
    expect(manual.headers.get('location')).toBe('/again');
    await expect(nodeFetch(`${origin}/x`)).rejects.toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
      cause: expect.objectContaining({ message: 'more than 20 redirects' }),
    });
    expect(seen).toHaveLength(1 + 21);
  });

  test('a refused connection is a TypeError with its cause, as fetch throws', async () => {
    const { origin, server } = await serve(() => {});
    await new Promise((resolve) => server.close(resolve));
    await expect(nodeFetch(`${origin}/`)).rejects.toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
      cause: expect.objectContaining({ code: 'ECONNREFUSED' }),
    });
  });

  test('a connection that breaks mid-body is a network error, not a short body', async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      response.write('{"partial":');
      setTimeout(() => response.socket?.destroy(), 10);
    });
    await expect(nodeFetch(`${origin}/`)).rejects.toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
    });
  });

  test('speaks HTTPS, as to api.github.com: TLS checked against the trusted certificates', async () => {
    const tls = 'test/fixtures/generated/tls';
    const cert = readFileSync(`${tls}/localhost.crt`);
    const server = createHttpsServer(
      { cert, key: readFileSync(`${tls}/localhost.key`) },
      (request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
        response.end(
          gzipSync(JSON.stringify({ method: request.method, auth: request.headers.authorization })),
        );
      },
    );
    servers.push(server as unknown as Server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/repos/o/r`;
    // Not trusted yet: a self-signed certificate fails as fetch fails, with the cause.
    await expect(nodeFetch(url)).rejects.toMatchObject({
      message: 'fetch failed',
      cause: expect.objectContaining({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
    });
    // Trusted (as NODE_EXTRA_CA_CERTS does for a GitHub Enterprise Server's own CA).
    const trusted = globalAgent.options.ca;
    globalAgent.options.ca = cert;
    try {
      const response = await nodeFetch(url, {
        method: 'PATCH',
        headers: { authorization: 'token t' },
        body: '{}',
      });
      expect(await response.json()).toEqual({ method: 'PATCH', auth: 'token t' });
    } finally {
      globalAgent.options.ca = trusted;
      globalAgent.destroy();
    }
  });

  test('a long pagination reuses one connection without piling up listeners (no warnings)', async () => {
    const { origin } = await serve((_request, response) => response.end('[]'));
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(String(warning));
    process.on('warning', onWarning);
    try {
      for (let page = 1; page <= 40; page++)
        await (await nodeFetch(`${origin}/comments?page=${page}`)).text();
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  test('an abort signal ends the request with an AbortError', async () => {
    const { origin } = await serve(() => {
      // never answers
    });
    const controller = new AbortController();
    const pending = nodeFetch(`${origin}/slow`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(nodeFetch(`${origin}/slow`, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  test('through Octokit: a dropped connection is retried, an error answer keeps its message', async () => {
    let calls = 0;
    const { origin } = await serve((request, response) => {
      calls++;
      if (calls === 1) {
        response.socket?.destroy();
        return;
      }
      if (request.url === '/repos/o/r') {
        response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
        response.end('{"full_name":"o/r"}');
        return;
      }
      response.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end('{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}');
    });
    const client = createClient({ token: 'ghs_t', apiUrl: origin, delayUnitMs: 1, paceWrites: false });
    const repo = await client.rest.repos.get({ owner: 'o', repo: 'r' });
    expect(repo.data.full_name).toBe('o/r');
    expect(calls).toBe(2);
    await expect(client.rest.repos.get({ owner: 'o', repo: 'missing' })).rejects.toMatchObject({
      status: 404,
      message: expect.stringContaining('Not Found'),
    });
  });
});
