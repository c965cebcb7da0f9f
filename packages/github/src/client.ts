import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { nodeFetch } from './http.js';

/** Where mlci's GitHub code writes what it decided; tests pass a recorder. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug?(message: string): void;
}

/** A logger that says nothing, for callers that do not care. */
export const silentLogger: Logger = { info() {}, warning() {} };

export interface ClientOptions {
  /** GITHUB_TOKEN or a personal access token. Never logged; run() masks it before anything else. */
  token: string;
  /** GITHUB_API_URL: `https://api.github.com`, or `https://HOST/api/v3` on GitHub Enterprise Server. */
  apiUrl?: string;
  log?: Logger;
  /** How often a 5xx (or network error) is retried; default 3. */
  retries?: number;
  /** How often a rate-limited request (primary or secondary) is retried; default 3. */
  rateLimitRetries?: number;
  /**
   * Milliseconds per second of waiting: the retry back-off (1, 4, 9 s...) and GitHub's retry-after
   * are multiplied by it. Default 1000; tests pass 1 so a "retry after 60 s" takes 60 ms.
   */
  delayUnitMs?: number;
  /**
   * Space writes one second apart, as GitHub's guidance on secondary rate limits asks. Default
   * true; the actions turn it off (a report makes a handful of writes, and a rate limit that
   * still comes is waited out and retried).
   */
  paceWrites?: boolean;
}

/**
 * Octokit with the REST methods and pagination @actions/github provides, built here rather than
 * through @actions/github: that package loads @actions/http-client and undici on every start
 * (~100 ms of a step) for proxies, which mlci loads only when a proxy is configured (see
 * proxyAwareFetch). Retries and rate limits are one request hook below instead of
 * @octokit/plugin-retry and -throttling, whose Bottleneck queues added ~10 ms to every request.
 */
const PLUGGED = Octokit.plugin(restEndpointMethods, paginateRest);

/** The Octokit every mlci action uses: REST methods, pagination, retries on 5xx, rate-limit handling. */
export type GitHubClient = InstanceType<typeof PLUGGED>;

/** Answers that will not change when asked again: never retried (403/429 only as rate limits). */
const NOT_RETRIED = new Set([400, 401, 403, 404, 409, 410, 422, 429, 451]);

/**
 * Builds the one client mlci talks to GitHub through. 5xx answers and network errors are retried
 * with back-off; 4xx answers are not (they will not change), except rate limits: those wait for
 * GitHub's retry-after (or the reset time) and retry, with a warning, up to `rateLimitRetries` times.
 */
export function createClient(options: ClientOptions): GitHubClient {
  const log = options.log ?? silentLogger;
  const unit = options.delayUnitMs ?? 1000;
  const retries = options.retries ?? 3;
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const apiUrl = (options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(
    /\/+$/,
    '',
  );
  const client = new PLUGGED({
    auth: `token ${options.token}`,
    userAgent: userAgent(),
    baseUrl: apiUrl,
    request: { fetch: proxyAwareFetch },
    log: {
      debug: (message: string) => log.debug?.(message),
      info: (message: string) => log.debug?.(message),
      warn: (message: string) => log.warning(message),
      error: (message: string) => log.warning(message),
    },
  });
  let lastWrite = 0;
  client.hook.wrap('request', async (request, route) => {
    const what = `${route.method} ${route.url}`;
    let failures = 0;
    let limits = 0;
    for (;;) {
      if (options.paceWrites !== false && route.method !== 'GET' && route.method !== 'HEAD') {
        const wait = lastWrite + unit - Date.now();
        if (wait > 0) await sleep(wait);
        lastWrite = Date.now();
      }
      try {
        return await request(route);
      } catch (error) {
        const limit = rateLimit(error);
        if (limit !== undefined) {
          if (limits >= rateLimitRetries) {
            log.warning(
              `GitHub ${limit.kind} rate limit hit by ${what}: giving up after ${rateLimitRetries} retries`,
            );
            throw error;
          }
          limits++;
          log.warning(
            `GitHub ${limit.kind} rate limit hit by ${what}: retrying after ${limit.seconds} s (retry ${limits} of ${rateLimitRetries})`,
          );
          await sleep(limit.seconds * unit);
          continue;
        }
        const status = statusOf(error);
        if ((status !== undefined && (NOT_RETRIED.has(status) || status < 500)) || failures >= retries)
          throw error;
        failures++;
        log.debug?.(`${what} failed (${status ?? messageOf(error)}); retry ${failures} of ${retries}`);
        // 1, 4, 9 s: a server error burst usually passes within seconds.
        await sleep(failures * failures * unit);
      }
    }
  });
  return client;
}

/**
 * Whether an error is GitHub asking us to slow down, and for how long (seconds): a secondary
 * limit (403/429 saying so, with retry-after or a minute), or the primary limit (no requests left
 * until x-ratelimit-reset).
 */
function rateLimit(error: unknown): { kind: 'primary' | 'secondary'; seconds: number } | undefined {
  const status = statusOf(error);
  if (status !== 403 && status !== 429) return undefined;
  const headers =
    (error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (/\bsecondary rate\b/i.test(messageOf(error)) || (status === 429 && Number.isFinite(retryAfter))) {
    return { kind: 'secondary', seconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 60 };
  }
  if (headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    const seconds = Number.isFinite(reset) ? Math.max(0, Math.ceil(reset - Date.now() / 1000)) : 60;
    return { kind: 'primary', seconds };
  }
  return undefined;
}

function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}

/** `mlci`, plus the runner's orchestration id when it sets one (as @actions/github does). */
function userAgent(): string {
  const id = process.env.ACTIONS_ORCHESTRATION_ID?.trim();
  return id ? `mlci actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : 'mlci';
}

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

type Fetch = typeof globalThis.fetch;
let proxied: Promise<Fetch> | undefined;

/**
 * node:http(s) through nodeFetch (Node's own fetch costs a cold step ~60 ms of start-up), unless
 * the runner is behind a proxy (self-hosted runners often are): then the runner's proxy settings
 * (`https_proxy`, `no_proxy`) are honoured through @actions/http-client and undici, exactly as
 * @actions/github does, loaded on the first request that needs them.
 */
const proxyAwareFetch: Fetch = async (input, init) => {
  if (!PROXY_VARIABLES.some((name) => (process.env[name] ?? '') !== '')) return nodeFetch(input, init);
  proxied ??= (async () => {
    const [{ HttpClient }, undici] = await Promise.all([import('@actions/http-client'), import('undici')]);
    return (async (url: string | URL | Request, options?: RequestInit) => {
      const target = typeof url === 'string' ? url : url instanceof URL ? url.href : url.url;
      const dispatcher = new HttpClient().getAgentDispatcher(target);
      return undici.fetch(target, { ...(options as object), ...(dispatcher ? { dispatcher } : {}) } as never);
    }) as unknown as Fetch;
  })();
  return (await proxied)(input, init);
};

/** The HTTP status of an Octokit RequestError, or undefined for anything else. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

/** The message GitHub sent with an error response, for logs and reports. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
