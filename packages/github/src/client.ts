import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';

/** Where mlci's GitHub code writes what it decided; tests pass a recorder. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug?(message: string): void;
}

/** A logger that says nothing, for callers that do not care. */
export const silentLogger: Logger = { info() {}, warning() {} };

export interface ClientOptions {
  /** GITHUB_TOKEN or a personal access token. Never logged; `core.setSecret(token)` is run()'s job. */
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
   * Pace content-creating requests as GitHub asks (one write a second, one notifying write every
   * three seconds) to avoid secondary rate limits. Default true; tests of concurrency turn it off.
   */
  paceWrites?: boolean;
}

/**
 * Octokit with the plugins @actions/github uses, built here rather than through @actions/github:
 * that package loads @actions/http-client and undici on every start (~100 ms of a step's time) to
 * support proxies, which mlci loads only when a proxy is configured (see proxyAwareFetch).
 */
const PLUGGED = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling);

/** The Octokit every mlci action uses: REST methods, pagination, retries on 5xx, rate-limit handling. */
export type GitHubClient = InstanceType<typeof PLUGGED>;

/**
 * Builds the one client mlci talks to GitHub through. 5xx answers and network errors are retried
 * with back-off; 4xx answers are not (they will not change), except rate limits: those wait for
 * GitHub's retry-after (or the reset time) and retry, with a warning, up to `rateLimitRetries` times.
 */
export function createClient(options: ClientOptions): GitHubClient {
  const log = options.log ?? silentLogger;
  const unit = options.delayUnitMs ?? 1000;
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const onLimit =
    (kind: string) => (retryAfter: number, request: RequestOptions, _o: unknown, count: number) => {
      const what = `${request.method} ${request.url}`;
      if (count < rateLimitRetries) {
        log.warning(
          `GitHub ${kind} rate limit hit by ${what}: retrying after ${retryAfter} s (retry ${count + 1} of ${rateLimitRetries})`,
        );
        return true;
      }
      log.warning(`GitHub ${kind} rate limit hit by ${what}: giving up after ${rateLimitRetries} retries`);
      return false;
    };
  const throttle: ThrottlingOptions = {
    onRateLimit: onLimit('primary'),
    onSecondaryRateLimit: onLimit('secondary'),
    retryAfterBaseValue: unit,
    fallbackSecondaryRateRetryAfter: 60,
    ...(options.paceWrites === false ? { write: unpaced, notifications: unpaced } : {}),
  };
  const apiUrl = (options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(
    /\/+$/,
    '',
  );
  return new PLUGGED({
    auth: `token ${options.token}`,
    userAgent: userAgent(),
    baseUrl: apiUrl,
    request: { fetch: proxyAwareFetch },
    retry: {
      retries: options.retries ?? 3,
      retryAfterBaseValue: unit,
      // Retried by the throttling plugin (403/429) or by the caller (409/422 on a moved ref).
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
    },
    throttle,
    log: {
      debug: (message: string) => log.debug?.(message),
      info: (message: string) => log.debug?.(message),
      warn: (message: string) => log.warning(message),
      error: (message: string) => log.warning(message),
    },
  });
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
 * Node's own fetch, unless the runner is behind a proxy (self-hosted runners often are): then the
 * runner's proxy settings (`https_proxy`, `no_proxy`) are honoured through @actions/http-client and
 * undici, exactly as @actions/github does, loaded on the first request that needs them.
 */
const proxyAwareFetch: Fetch = async (input, init) => {
  if (!PROXY_VARIABLES.some((name) => (process.env[name] ?? '') !== '')) return globalThis.fetch(input, init);
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

interface RequestOptions {
  method: string;
  url: string;
}

/**
 * A stand-in for a Bottleneck group that schedules at once. The throttling plugin only calls
 * `group.key(id).schedule(options, fn, ...args)`.
 */
const unpaced = {
  key: () => ({
    schedule: (_options: unknown, fn: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      Promise.resolve().then(() => fn(...args)),
  }),
} as unknown as NonNullable<ThrottlingOptions['write']>;

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
