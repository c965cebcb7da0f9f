import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/**
 * `fetch` for Octokit, over node:http and node:https.
 *
 * Node's global fetch is undici, which Node compiles on its first call: in a cold process (every
 * action step is one) six requests took ~80 ms through fetch against ~17 ms through node:http, and
 * the process took ~140 ms longer to run to its end. An action makes a handful of requests, so
 * that start-up was the largest cost of a report step after chart drawing.
 *
 * What Octokit's fetch wrapper uses, and nothing more: method, headers, a string or byte body,
 * `redirect` and `signal`; a response with status, statusText, url, iterable headers with get(),
 * text(), json(), arrayBuffer() and body. Behaviour kept from fetch:
 * - redirects are followed (at most 20); a 303, or a 301/302 answering a POST, becomes a GET
 *   without a body; the Authorization header is dropped when a redirect leaves the origin (an
 *   artifact download is redirected to blob storage, which must not see the token);
 * - gzip, deflate and br bodies are decoded;
 * - a connection that goes silent for 300 s fails, as undici's header and body timeouts do;
 * - network failures are a `TypeError('fetch failed')` with the cause attached, which Octokit
 *   turns into a status-500 RequestError that the client retries.
 * A body of any other type (a stream) is passed to the global fetch.
 */
export async function nodeFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const body = init.body;
  if (typeof input !== 'string' && !(input instanceof URL)) return globalThis.fetch(input, init);
  if (body !== undefined && body !== null && typeof body !== 'string' && !isBytes(body)) {
    return globalThis.fetch(input, init);
  }
  let url = new URL(input);
  let method = (init.method ?? 'GET').toUpperCase();
  let payload: Buffer | undefined = toBuffer(body);
  const headers = headerRecord(init.headers);
  headers['accept-encoding'] ??= 'gzip, deflate, br';
  const signal = init.signal ?? undefined;
  for (let redirects = 0; ; redirects++) {
    const response = await send(url, method, headers, payload, signal);
    const location = response.headers.location;
    const status = response.statusCode ?? 0;
    if (!REDIRECTS.has(status) || location === undefined || init.redirect === 'manual') {
      const bytes = await read(response);
      return new NodeResponse(
        status,
        response.statusMessage ?? '',
        url.href,
        redirects > 0,
        response,
        bytes,
      ) as unknown as Response;
    }
    response.resume();
    if (init.redirect === 'error') throw networkError(new Error(`redirected to ${location}`));
    if (redirects >= MAX_REDIRECTS) throw networkError(new Error(`more than ${MAX_REDIRECTS} redirects`));
    const next = new URL(location, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw networkError(new Error(`redirected to an unsupported URL: ${next.protocol}`));
    }
    if (status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST') {
      method = 'GET';
      payload = undefined;
      for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language']) {
        delete headers[name];
      }
    }
    if (next.origin !== url.origin) delete headers.authorization;
    url = next;
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
/** undici's headersTimeout and bodyTimeout: how long a connection may stay silent. */
const IDLE_TIMEOUT_MS = 300_000;

function isBytes(body: unknown): body is ArrayBuffer | ArrayBufferView {
  return body instanceof ArrayBuffer || ArrayBuffer.isView(body);
}

function toBuffer(body: RequestInit['body']): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  const view = body as ArrayBufferView;
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

/** Header names in lower case, as fetch's Headers keeps them; values as strings. */
function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  if (headers === undefined) return record;
  const entries: Iterable<[string, string]> =
    typeof (headers as Headers).entries === 'function' && !Array.isArray(headers)
      ? (headers as Headers).entries()
      : Array.isArray(headers)
        ? (headers as Array<[string, string]>)
        : Object.entries(headers as Record<string, string>);
  for (const [name, value] of entries) record[name.toLowerCase()] = String(value);
  return record;
}

function networkError(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  payload: Buffer | undefined,
  signal: AbortSignal | undefined,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const outgoing = { ...headers };
    if (payload !== undefined) outgoing['content-length'] = String(payload.length);
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method,
      headers: outgoing,
    });
    const onAbort = () => request.destroy(abortError(signal!) as Error);
    signal?.addEventListener('abort', onAbort, { once: true });
    request.setTimeout(IDLE_TIMEOUT_MS, () =>
      request.destroy(new Error(`no answer from ${url.host} for ${IDLE_TIMEOUT_MS / 1000} s`)),
    );
    request.on('response', (response) => {
      signal?.removeEventListener('abort', onAbort);
      // The body is read with the same silence limit: a stalled download fails instead of hanging.
      response.setTimeout?.(IDLE_TIMEOUT_MS, () =>
        response.destroy(new Error(`${url.host} stopped sending for ${IDLE_TIMEOUT_MS / 1000} s`)),
      );
      resolve(response);
    });
    request.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(signal?.aborted ? abortError(signal) : networkError(error));
    });
    request.end(payload);
  });
}

function read(response: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', (error) => reject(networkError(error)));
    response.on('end', () => {
      const raw = Buffer.concat(chunks);
      try {
        resolve(decode(raw, response.headers['content-encoding']));
      } catch (error) {
        reject(networkError(error));
      }
    });
  });
}

/** The body as sent, decoded as fetch decodes it (codings applied last are listed last). */
function decode(raw: Buffer, encoding: string | undefined): Buffer {
  if (encoding === undefined || raw.length === 0) return raw;
  let body = raw;
  for (const coding of encoding
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .reverse()) {
    if (coding === 'gzip' || coding === 'x-gzip') body = gunzipSync(body);
    else if (coding === 'br') body = brotliDecompressSync(body);
    else if (coding === 'deflate') body = isZlibWrapped(body) ? inflateSync(body) : inflateRawSync(body);
    else if (coding !== '' && coding !== 'identity') return raw; // unknown: left as it came, as fetch does
  }
  return body;
}

/** "deflate" means zlib-wrapped data, but some servers send it raw (fetch accepts both). */
function isZlibWrapped(body: Buffer): boolean {
  return body.length >= 2 && (body[0]! & 0x0f) === 8 && ((body[0]! << 8) | body[1]!) % 31 === 0;
}

/** The response headers, read-only, with fetch's Headers interface (lower-case names, sorted). */
class ResponseHeaders {
  readonly #values: Map<string, string>;

  constructor(message: IncomingMessage) {
    const values = new Map<string, string>();
    for (const [name, value] of Object.entries(message.headers)) {
      if (value === undefined) continue;
      values.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    this.#values = new Map([...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of this.#values) callback(value, name);
  }

  entries(): IterableIterator<[string, string]> {
    return this.#values.entries();
  }

  keys(): IterableIterator<string> {
    return this.#values.keys();
  }

  values(): IterableIterator<string> {
    return this.#values.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#values.entries();
  }
}

/** The part of fetch's Response that Octokit reads; the whole body is already in memory. */
class NodeResponse {
  readonly headers: ResponseHeaders;
  readonly ok: boolean;
  readonly type = 'basic';
  #used = false;

  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly url: string,
    readonly redirected: boolean,
    message: IncomingMessage,
    private readonly bytes: Buffer,
  ) {
    this.headers = new ResponseHeaders(message);
    this.ok = status >= 200 && status < 300;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  /** A stream over the buffered body (Octokit hands it out when asked not to parse the body). */
  get body(): ReadableStream<Uint8Array> | null {
    if (this.bytes.length === 0) return null;
    const bytes = this.#consume();
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    });
  }

  async text(): Promise<string> {
    return this.#consume().toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#consume();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  #consume(): Buffer {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.bytes;
  }
}
