import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, globalAgent } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { ConfigurationError } from '@mlci/core';
import { createClient, statusOf, type Logger } from '../../packages/github/src/client.js';
import { limitFetch, nodeFetch, RequestTimeoutError } from '../../packages/github/src/http.js';

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
const children: ChildProcess[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections();
      return new Promise((resolve) => s.close(resolve));
    }),
  );
});

/**
 * A loopback port where connecting never completes: a listening socket that is never accepted
 * from (its process blocks for good once listening) and whose backlog of one is full, so the
 * kernel drops every further connection attempt, as a firewall that swallows packets does.
 */
async function neverAccepting(): Promise<{ origin: string }> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const server = require('node:net').createServer();
       server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
         process.stdout.write(server.address().port + '\\n');
         // Blocks before the event loop could accept anything (stdout to a pipe is synchronous).
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
       });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (data) => resolve(Number(String(data).trim())));
    child.once('error', reject);
  });
  // The first connections fill the backlog (the kernel completes them unaccepted); later ones hang.
  const fillers = Array.from({ length: 8 }, () => connect(port, '127.0.0.1').on('error', () => {}));
  sockets.push(...fillers);
  await Promise.any(fillers.map((socket) => new Promise((resolve) => socket.once('connect', resolve))));
  return { origin: `http://127.0.0.1:${port}` };
}

/** A logger that keeps everything, debug lines included. */
function fullLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
  };
}

/** The cause of a network failure, checked to be a timeout. */
async function timeoutOf(pending: Promise<unknown>): Promise<RequestTimeoutError> {
  const error = await pending.then(
    () => {
      throw new Error('expected the request to time out');
    },
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  const cause = (error as { cause: unknown }).cause;
  expect(cause).toBeInstanceOf(RequestTimeoutError);
  return cause as RequestTimeoutError;
}

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

describe('nodeFetch limits: connecting and the whole request', () => {
  test('a server that accepts but never answers: the total limit fires, naming the request without its query', async () => {
    const { origin } = await serve(() => {
      // never answers
    });
    const cause = await timeoutOf(
      nodeFetch(`${origin}/repos/o/r/contents/x?ref=main&sig=secret`, {}, { totalMs: 50 }),
    );
    expect(cause).toMatchObject({
      phase: 'total',
      limitMs: 50,
      method: 'GET',
      path: '/repos/o/r/contents/x',
    });
    expect(cause.message).toBe('GitHub did not answer GET /repos/o/r/contents/x within 0.05 s');
  });

  test('the total limit covers reading the body', async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      response.write('{"partial":'); // and nothing more
    });
    const cause = await timeoutOf(
      nodeFetch(`${origin}/repos/o/r`, { method: 'PATCH', body: '{}' }, { totalMs: 80 }),
    );
    expect(cause.message).toBe('GitHub did not answer PATCH /repos/o/r within 0.08 s');
  });

  test('the total limit spans redirects, and says where a download was sent', async () => {
    const storage = await serve(() => {
      // blob storage that never answers
    });
    const storageHost = new URL(storage.origin).host;
    const api = await serve((_request, response) => {
      response.writeHead(302, { Location: `${storage.origin}/blob?sig=secret` }).end();
    });
    const cause = await timeoutOf(
      nodeFetch(`${api.origin}/repos/o/r/actions/artifacts/7/zip`, {}, { totalMs: 60 }),
    );
    expect(cause.message).toBe(
      `GitHub did not answer GET /repos/o/r/actions/artifacts/7/zip (redirected to ${storageHost}) within 0.06 s`,
    );
    expect(cause.message).not.toContain('secret');
  });

  test('a server that never accepts the connection: the connect limit fires before the total one', async () => {
    const { origin } = await neverAccepting();
    const cause = await timeoutOf(nodeFetch(`${origin}/repos/o/r`, {}, { connectMs: 100, totalMs: 5_000 }));
    expect(cause).toMatchObject({ phase: 'connect', limitMs: 100 });
    expect(cause.message).toBe('could not connect to GitHub for GET /repos/o/r within 0.1 s');
  });

  test('answers within the limits are untouched; the caller may still abort', async () => {
    const { origin } = await serve((request, response) => {
      if (request.url === '/slow') return; // never answers
      response.end('ok');
    });
    const limits = { connectMs: 2_000, totalMs: 10_000 };
    for (let i = 0; i < 3; i++)
      expect(await (await nodeFetch(`${origin}/fast`, {}, limits)).text()).toBe('ok');
    const controller = new AbortController();
    const pending = nodeFetch(`${origin}/slow`, { signal: controller.signal }, limits);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('limits are positive numbers of milliseconds', async () => {
    await expect(nodeFetch('http://127.0.0.1:9/', {}, { totalMs: 0 })).rejects.toThrow(
      'timeouts.totalMs must be a number of milliseconds above 0, not 0',
    );
    expect(() => limitFetch(globalThis.fetch, { connectMs: Number.NaN })).toThrow(RangeError);
  });

  test('limitFetch puts another fetch under the total limit, body included; a stream body takes that path', async () => {
    const { origin } = await serve((request, response) => {
      if (request.url.startsWith('/stalls')) {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
        response.write('{"partial":');
        return;
      }
      if (request.url === '/never') return;
      response
        .writeHead(201, 'Created', { 'Content-Type': 'application/json' })
        .end(`{"got":"${request.body}"}`);
    });
    const limited = limitFetch(globalThis.fetch, { totalMs: 80 });
    const cause = await timeoutOf(limited(`${origin}/stalls?x=1`));
    expect(cause.message).toBe('GitHub did not answer GET /stalls within 0.08 s');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('streamed'));
        controller.close();
      },
    });
    const streamed = await nodeFetch(
      `${origin}/upload`,
      { method: 'POST', body: stream, duplex: 'half' } as RequestInit,
      { totalMs: 5_000 },
    );
    expect(streamed.status).toBe(201);
    expect(streamed.statusText).toBe('Created');
    expect(streamed.url).toBe(`${origin}/upload`);
    expect(await streamed.json()).toEqual({ got: 'streamed' });
    const never = await timeoutOf(
      nodeFetch(new Request(`${origin}/never`, { method: 'DELETE' }), {}, { totalMs: 50 }),
    );
    expect(never.message).toBe('GitHub did not answer DELETE /never within 0.05 s');
  });
});

describe('createClient limits, through Octokit', () => {
  const never = () => {
    // accepts the request, never answers
  };

  test('a request that never gets an answer fails with the limit in the message, after its retries', async () => {
    const { origin, seen } = await serve(never);
    const log = fullLogger();
    const client = createClient({
      token: 'ghs_t',
      apiUrl: origin,
      log,
      delayUnitMs: 1,
      retries: 2,
      timeouts: { totalMs: 50 },
    });
    const error = await client.rest.repos
      .getContent({ owner: 'o', repo: 'r', path: 'x', ref: 'main' })
      .catch((e: unknown) => e);
    // A network failure as Octokit reports them: status 500, the cause's message.
    expect(statusOf(error)).toBe(500);
    expect((error as Error).message).toBe('GitHub did not answer GET /repos/o/r/contents/x within 0.05 s');
    expect(seen.map((s) => s.url)).toEqual(Array(3).fill('/repos/o/r/contents/x?ref=main'));
    expect(log.lines).toEqual([
      'debug: GET /repos/{owner}/{repo}/contents/{path}: network error: GitHub did not answer GET /repos/o/r/contents/x within 0.05 s; retry 1 of 2 in 1 s (1 of 60 s of retry waits spent)',
      'debug: GET /repos/{owner}/{repo}/contents/{path}: network error: GitHub did not answer GET /repos/o/r/contents/x within 0.05 s; retry 2 of 2 in 4 s (5 of 60 s of retry waits spent)',
      'debug: GET /repos/{owner}/{repo}/contents/{path}: network error: GitHub did not answer GET /repos/o/r/contents/x within 0.05 s; giving up after 2 retries',
    ]);
  });

  test('a request that timed out is retried and may then succeed', async () => {
    let calls = 0;
    const { origin } = await serve((_request, response) => {
      if (++calls === 1) return; // the first one never gets an answer
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"full_name":"o/r"}');
    });
    const client = createClient({
      token: 'ghs_t',
      apiUrl: origin,
      delayUnitMs: 1,
      timeouts: { totalMs: 200 },
    });
    const repo = await client.rest.repos.get({ owner: 'o', repo: 'r' });
    expect(repo.data.full_name).toBe('o/r');
    expect(calls).toBe(2);
  });

  test('a server that never accepts: the connect limit, retried like any network failure', async () => {
    const { origin } = await neverAccepting();
    const log = fullLogger();
    const client = createClient({
      token: 'ghs_t',
      apiUrl: origin,
      log,
      delayUnitMs: 1,
      retries: 1,
      timeouts: { connectMs: 100, totalMs: 5_000 },
    });
    const error = await client.rest.repos.get({ owner: 'o', repo: 'r' }).catch((e: unknown) => e);
    expect(statusOf(error)).toBe(500);
    expect((error as Error).message).toBe('could not connect to GitHub for GET /repos/o/r within 0.1 s');
    expect(log.lines).toHaveLength(2);
    expect(log.lines[0]).toMatch(
      /network error: could not connect to GitHub for GET \/repos\/o\/r within 0.1 s; retry 1 of 1 in 1 s/,
    );
  });

  test('MLCI_REQUEST_TIMEOUT sets the total limit in seconds; the option wins; a bad value is a configuration error', async () => {
    const { origin } = await serve(never);
    const fromEnv = createClient({
      token: 'ghs_t',
      apiUrl: origin,
      retries: 0,
      env: { MLCI_REQUEST_TIMEOUT: '0.05' },
    });
    await expect(fromEnv.rest.repos.get({ owner: 'o', repo: 'r' })).rejects.toThrow(
      'GitHub did not answer GET /repos/o/r within 0.05 s',
    );
    const fromOption = createClient({
      token: 'ghs_t',
      apiUrl: origin,
      retries: 0,
      env: { MLCI_REQUEST_TIMEOUT: '3600' },
      timeouts: { totalMs: 40 },
    });
    await expect(fromOption.rest.repos.get({ owner: 'o', repo: 'r' })).rejects.toThrow(
      'GitHub did not answer GET /repos/o/r within 0.04 s',
    );
    const bad = () => createClient({ token: 'ghs_t', apiUrl: origin, env: { MLCI_REQUEST_TIMEOUT: '1m' } });
    expect(bad).toThrow(ConfigurationError);
    expect(bad).toThrow(
      'MLCI_REQUEST_TIMEOUT must be a number of seconds above 0 (such as 120), but is "1m"',
    );
    expect(() => createClient({ token: 'ghs_t', timeouts: { connectMs: -1 } })).toThrow(RangeError);
    expect(() => createClient({ token: 'ghs_t', retryBudgetSeconds: Number.NaN })).toThrow(RangeError);
  });

  test('downloads get their own, longer limit; one call can be given its own', async () => {
    const { origin } = await serve(never);
    const client = createClient({
      token: 'ghs_t',
      apiUrl: origin,
      retries: 0,
      timeouts: { totalMs: 50, downloadMs: 120 },
    });
    await expect(
      client.rest.actions.downloadArtifact({ owner: 'o', repo: 'r', artifact_id: 7, archive_format: 'zip' }),
    ).rejects.toThrow('GitHub did not answer GET /repos/o/r/actions/artifacts/7/zip within 0.12 s');
    await expect(client.request('GET /repos/o/r/tarball/main')).rejects.toThrow('within 0.12 s');
    await expect(client.rest.actions.getArtifact({ owner: 'o', repo: 'r', artifact_id: 7 })).rejects.toThrow(
      'GitHub did not answer GET /repos/o/r/actions/artifacts/7 within 0.05 s',
    );
    await expect(
      client.rest.repos.get({ owner: 'o', repo: 'r', request: { timeouts: { totalMs: 70 } } }),
    ).rejects.toThrow('GitHub did not answer GET /repos/o/r within 0.07 s');
  });

  test('behind a proxy (undici through @actions/http-client) the total limit holds too', async () => {
    const { origin } = await serve(never);
    const saved = process.env.HTTP_PROXY;
    // Loopback addresses bypass the proxy, so the request goes straight to the server, through undici.
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    try {
      const client = createClient({ token: 'ghs_t', apiUrl: origin, retries: 0, timeouts: { totalMs: 50 } });
      const error = await client.rest.repos.get({ owner: 'o', repo: 'r' }).catch((e: unknown) => e);
      expect(statusOf(error)).toBe(500);
      expect((error as Error).message).toBe('GitHub did not answer GET /repos/o/r within 0.05 s');
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = saved;
    }
  });

  test("the caller's own abort is not retried", async () => {
    const { origin, seen } = await serve(never);
    const client = createClient({ token: 'ghs_t', apiUrl: origin, delayUnitMs: 1 });
    const controller = new AbortController();
    const pending = client.rest.repos.get({ owner: 'o', repo: 'r', request: { signal: controller.signal } });
    setTimeout(() => controller.abort(), 20);
    const error = (await pending.catch((e: unknown) => e)) as Error & { cause?: Error };
    // Under Jest, Node's DOMException is not an Error of the test's realm, so Octokit wraps it.
    expect([error.name, error.cause?.name]).toContain('AbortError');
    expect(seen).toHaveLength(1);
  });
});
