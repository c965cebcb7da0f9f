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
 *   turns into a status-500 RequestError (its message is the cause's) that the client retries.
 * Added to fetch: `timeouts` (third argument), a limit on connecting and one on the whole request,
 * redirects and body included, so a GitHub that never answers fails the step in seconds instead of
 * hanging it until the job's own timeout (6 hours by default). A limit that fires is a network
 * failure like the others, caused by a {@link RequestTimeoutError}.
 * A body of any other type (a stream) is passed to the global fetch, under the total limit.
 */
export async function nodeFetch(
  input: string | URL | Request,
  init: RequestInit = {},
  timeouts: RequestTimeouts = {},
): Promise<Response> {
  const body = init.body;
  if (typeof input !== 'string' && !(input instanceof URL)) {
    return limitFetch(globalThis.fetch, timeouts)(input, init);
  }
  if (body !== undefined && body !== null && typeof body !== 'string' && !isBytes(body)) {
    return limitFetch(globalThis.fetch, timeouts)(input, init);
  }
  const limits = checkTimeouts(timeouts);
  let url = new URL(input);
  let method = (init.method ?? 'GET').toUpperCase();
  const asked = { method, path: url.pathname, origin: url.origin };
  let payload: Buffer | undefined = toBuffer(body);
  const headers = headerRecord(init.headers);
  headers['accept-encoding'] ??= 'gzip, deflate, br';
  const deadline = new Deadline(
    init.signal ?? undefined,
    limits.totalMs,
    () =>
      new RequestTimeoutError('total', limits.totalMs, asked.method, asked.path, hostOf(url, asked.origin)),
  );
  const connectTimeout = () =>
    new RequestTimeoutError('connect', limits.connectMs, asked.method, asked.path, hostOf(url, asked.origin));
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await send(url, method, headers, payload, deadline, limits.connectMs, connectTimeout);
      const location = response.headers.location;
      const status = response.statusCode ?? 0;
      if (!REDIRECTS.has(status) || location === undefined || init.redirect === 'manual') {
        const bytes = await read(response, deadline);
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
  } finally {
    deadline.clear();
  }
}

/** Limits on one request, in milliseconds. */
export interface RequestTimeouts {
  /**
   * Opening the connection: DNS, TCP and, for https, the TLS handshake (default 10 s). A reused
   * keep-alive connection is already open. Applies to each connection a redirect opens.
   */
  connectMs?: number;
  /**
   * The whole request: connecting, redirects, sending, waiting for the answer and reading its body
   * (default 60 s).
   */
  totalMs?: number;
}

/** The limits a request gets when it is given none. */
export const DEFAULT_TIMEOUTS: Readonly<Required<RequestTimeouts>> = Object.freeze({
  connectMs: 10_000,
  totalMs: 60_000,
});

/**
 * A request that took longer than its limit. It reaches the caller as the cause of a
 * `TypeError('fetch failed')` (a network failure, as fetch reports them), so Octokit makes it a
 * status-500 RequestError carrying this message, which the client retries like a dropped
 * connection. The path is given without its query, where signed URLs keep their secrets.
 */
export class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError';

  constructor(
    /** `connect`: no connection within connectMs; `total`: no complete answer within totalMs. */
    readonly phase: 'connect' | 'total',
    readonly limitMs: number,
    /** The method and path asked for (before any redirect). */
    readonly method: string,
    readonly path: string,
    /** The host being talked to when the limit fired, when a redirect had left GitHub's origin. */
    readonly redirectedTo?: string,
  ) {
    const where = redirectedTo === undefined ? '' : ` (redirected to ${redirectedTo})`;
    super(
      phase === 'connect'
        ? `could not connect to GitHub for ${method} ${path}${where} within ${seconds(limitMs)}`
        : `GitHub did not answer ${method} ${path}${where} within ${seconds(limitMs)}`,
    );
  }
}

/**
 * Any fetch (undici's, through a proxy) under the total limit of `timeouts`: the request is
 * aborted when it fires, and the body is read before the response is handed back, so the limit
 * covers it (Octokit reads bodies with errors swallowed: a body cut short would be an empty
 * success). The caller's own abort stays an AbortError. Connecting is left to that fetch's own
 * limit (undici's is 10 s).
 */
export function limitFetch(
  fetch: typeof globalThis.fetch,
  timeouts: RequestTimeouts = {},
): typeof globalThis.fetch {
  const { totalMs } = checkTimeouts(timeouts);
  return async (input, init = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const outer = init.signal ?? (input instanceof Request ? input.signal : undefined);
    const deadline = new Deadline(
      outer,
      totalMs,
      () => new RequestTimeoutError('total', totalMs, method, url.pathname),
    );
    try {
      const response = await fetch(input, { ...init, signal: deadline.signal });
      const bytes = await response.arrayBuffer();
      const copy = new Response(NULL_BODY.has(response.status) ? null : bytes, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      Object.defineProperties(copy, {
        url: { value: response.url },
        redirected: { value: response.redirected },
      });
      return copy;
    } catch (error) {
      throw deadline.timedOut !== undefined ? networkError(deadline.timedOut) : error;
    } finally {
      deadline.clear();
    }
  };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const MAX_REDIRECTS = 20;
/** undici's headersTimeout and bodyTimeout: how long a connection may stay silent. */
const IDLE_TIMEOUT_MS = 300_000;
/** setTimeout's largest delay; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The limits with their defaults, checked: a limit is a positive number of milliseconds. */
function checkTimeouts(timeouts: RequestTimeouts): Required<RequestTimeouts> {
  const limits = { ...DEFAULT_TIMEOUTS };
  for (const key of ['connectMs', 'totalMs'] as const) {
    const value = timeouts[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value > 0)) {
      throw new RangeError(`timeouts.${key} must be a number of milliseconds above 0, not ${String(value)}`);
    }
    limits[key] = value;
  }
  return limits;
}

/** "60 s", "0.05 s": a limit as the person reading the error set it. */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** The host of a redirect that left the origin asked for, for messages; undefined otherwise. */
function hostOf(url: URL, origin: string): string | undefined {
  return url.origin === origin ? undefined : url.host;
}

/**
 * The total limit of one request, and the caller's signal: `signal` aborts when either fires.
 * `timedOut` tells which did.
 */
class Deadline {
  readonly #controller = new AbortController();
  readonly #outer: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  timedOut: RequestTimeoutError | undefined;

  constructor(outer: AbortSignal | undefined, ms: number, timeout: () => RequestTimeoutError) {
    this.#outer = outer;
    if (outer?.aborted) this.#controller.abort(outer.reason);
    else outer?.addEventListener('abort', this.#onAbort, { once: true });
    this.#timer = setTimeout(
      () => {
        this.timedOut = timeout();
        this.#controller.abort(this.timedOut);
      },
      Math.min(ms, MAX_TIMER_MS),
    );
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** What a request ended by `signal` rejects with: a network failure or the caller's AbortError. */
  failure(): unknown {
    return this.timedOut !== undefined ? networkError(this.timedOut) : abortError(this.#outer!);
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#outer?.removeEventListener('abort', this.#onAbort);
  }

  readonly #onAbort = () => this.#controller.abort(this.#outer?.reason);
}

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
  deadline: Deadline,
  connectMs: number,
  connectTimeout: () => RequestTimeoutError,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const signal = deadline.signal;
    if (signal.aborted) {
      reject(deadline.failure());
      return;
    }
    const outgoing = { ...headers };
    if (payload !== undefined) outgoing['content-length'] = String(payload.length);
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method,
      headers: outgoing,
    });
    // Waiting for a socket from the agent counts as connecting; a reused keep-alive one is open.
    let connecting: ReturnType<typeof setTimeout> | undefined = setTimeout(
      () => request.destroy(connectTimeout()),
      Math.min(connectMs, MAX_TIMER_MS),
    );
    const connected = () => {
      clearTimeout(connecting);
      connecting = undefined;
    };
    request.on('socket', (socket) => {
      if (request.reusedSocket) connected();
      else socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
    });
    const onAbort = () => request.destroy(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    request.setTimeout(IDLE_TIMEOUT_MS, () =>
      request.destroy(new Error(`no answer from ${url.host} for ${IDLE_TIMEOUT_MS / 1000} s`)),
    );
    request.on('response', (response) => {
      connected();
      signal.removeEventListener('abort', onAbort);
      // The body is read with the same silence limit: a stalled download fails instead of hanging.
      response.setTimeout?.(IDLE_TIMEOUT_MS, () =>
        response.destroy(new Error(`${url.host} stopped sending for ${IDLE_TIMEOUT_MS / 1000} s`)),
      );
      resolve(response);
    });
    request.on('error', (error) => {
      connected();
      signal.removeEventListener('abort', onAbort);
      reject(signal.aborted ? deadline.failure() : networkError(error));
    });
    request.end(payload);
  });
}

/** The whole body; the total limit (or the caller's abort) ends the reading too. */
function read(response: IncomingMessage, deadline: Deadline): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const signal = deadline.signal;
    const chunks: Buffer[] = [];
    const onAbort = () => {
      response.destroy();
      reject(deadline.failure());
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(networkError(error));
    });
    response.on('end', () => {
      signal.removeEventListener('abort', onAbort);
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
