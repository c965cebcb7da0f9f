import { ConfigurationError } from '@mlci/core';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { DEFAULT_TIMEOUTS, limitFetch, nodeFetch, type RequestTimeouts } from './http.js';

export { RequestTimeoutError, type RequestTimeouts } from './http.js';

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
  /** How often a 5xx (or network error, a request past its time limit included) is retried; default 3. */
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
  /**
   * Limits on every request, in milliseconds (see {@link ClientTimeouts}): connecting 10 s, the
   * whole request 60 s (or `MLCI_REQUEST_TIMEOUT`), downloads 300 s. A request past its limit is
   * a network failure: retried like one, within the retry budget.
   */
  timeouts?: ClientTimeouts;
  /**
   * Seconds the client may spend waiting before retries, summed over all its requests (one client
   * per step, so: per step; waits of concurrent requests each count); default 60. Multiplied by
   * `delayUnitMs` like every wait. A wait that does not fit in what is left (a back-off, a
   * `retry-after`, a rate-limit reset) is not waited: the request fails at once with a
   * {@link RetryBudgetError} saying so, status kept. The time of the attempts themselves is bounded
   * by `timeouts`, not by this budget. Else the environment variable `MLCI_RETRY_BUDGET`.
   */
  retryBudgetSeconds?: number;
  /** Where `MLCI_REQUEST_TIMEOUT`, `MLCI_RETRY_BUDGET` and `GITHUB_API_URL` are read; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Request limits of a client, in milliseconds. `totalMs` comes, in this order, from here, from
 * the environment variable `MLCI_REQUEST_TIMEOUT` (seconds, e.g. `MLCI_REQUEST_TIMEOUT=120` in a
 * workflow's `env:` for a slow GitHub Enterprise Server), or the default 60 s.
 */
export interface ClientTimeouts extends RequestTimeouts {
  /**
   * The whole-request limit of downloads, which can be large: artifact archives, zipballs and
   * tarballs, workflow logs (default 300 s, and never less than `totalMs`). One call can be given
   * its own limits with `request: { timeouts: { totalMs } }` among its parameters.
   */
  downloadMs?: number;
}

/** The environment variable that sets the total limit of a request, in seconds. */
export const REQUEST_TIMEOUT_VARIABLE = 'MLCI_REQUEST_TIMEOUT';

/** Downloads' total limit when none is given. */
export const DEFAULT_DOWNLOAD_MS = 300_000;

/** Seconds of retry waits a client may spend when not told otherwise. */
export const DEFAULT_RETRY_BUDGET_SECONDS = 60;

/**
 * The environment variable that sets the retry budget, in seconds (`MLCI_RETRY_BUDGET=300` in a
 * workflow's `env:` to ride out a longer outage; `0` never waits).
 */
export const RETRY_BUDGET_VARIABLE = 'MLCI_RETRY_BUDGET';

/**
 * GitHub asked mlci to wait (or mlci's back-off would wait) longer than what is left of the retry
 * budget, so the request failed without waiting. `status`, `response` and `request` are those of
 * the answer that asked (statusOf still tells a rate limit or 5xx from a 404); `cause` is the
 * original error.
 */
export class RetryBudgetError extends Error {
  override name = 'RetryBudgetError';
  readonly status: number;
  readonly response?: { status: number; url: string; headers: Record<string, unknown>; data: unknown };
  readonly request?: { method: string; url: string; headers: Record<string, unknown> };

  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.status = statusOf(cause) ?? 500;
    const { response, request } = cause as Pick<RetryBudgetError, 'response' | 'request'>;
    if (response !== undefined) this.response = response;
    if (request !== undefined) this.request = request;
  }
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
 * Builds the one client mlci talks to GitHub through. 5xx answers and network errors (timeouts
 * included) are retried with back-off; 4xx answers are not (they will not change), except rate
 * limits: those wait for GitHub's retry-after (or the reset time) and retry, with a warning, up to
 * `rateLimitRetries` times. Every wait comes out of one budget (`retryBudgetSeconds`) shared by all
 * requests of the client; each retry is written to the debug log with its reason and wait.
 */
export function createClient(options: ClientOptions): GitHubClient {
  const log = options.log ?? silentLogger;
  const env = options.env ?? process.env;
  const unit = options.delayUnitMs ?? 1000;
  const retries = options.retries ?? 3;
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const budget = options.retryBudgetSeconds ?? budgetFromEnv(env) ?? DEFAULT_RETRY_BUDGET_SECONDS;
  if (typeof budget !== 'number' || !(budget >= 0)) {
    throw new RangeError(`retryBudgetSeconds must be a number of seconds, 0 or more, not ${String(budget)}`);
  }
  const timeouts = clientTimeouts(options.timeouts, env);
  const apiUrl = (options.apiUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  const fetch = proxyAwareFetch({ connectMs: timeouts.connectMs, totalMs: timeouts.totalMs });
  const client = new PLUGGED({
    auth: `token ${options.token}`,
    userAgent: userAgent(),
    baseUrl: apiUrl,
    request: { fetch },
    log: {
      debug: (message: string) => log.debug?.(message),
      info: (message: string) => log.debug?.(message),
      warn: (message: string) => log.warning(message),
      error: (message: string) => log.warning(message),
    },
  });
  let lastWrite = 0;
  /** Seconds of retry waits spent so far by all requests of this client. */
  let waited = 0;
  client.hook.wrap('request', async (request, route) => {
    const what = `${route.method} ${route.url}`;
    applyLimits(route, fetch, timeouts);
    let failures = 0;
    let limits = 0;
    /** Whether a wait fits in what is left of the budget; logged when it does not. */
    const fits = (seconds: number, reason: string): boolean => {
      if (waited + seconds <= budget) return true;
      log.debug?.(
        `${what}: ${reason}; not retried: waiting ${seconds} s does not fit in the retry budget (${budgetLeft(budget, waited)})`,
      );
      return false;
    };
    /** Waits out of the budget, logging the retry with its reason and wait. */
    const wait = async (seconds: number, reason: string, retry: string): Promise<void> => {
      waited += seconds;
      log.debug?.(
        `${what}: ${reason}; ${retry} in ${seconds} s (${waited} of ${budget} s of retry waits spent)`,
      );
      await sleep(seconds * unit);
    };
    for (;;) {
      if (options.paceWrites !== false && route.method !== 'GET' && route.method !== 'HEAD') {
        const pause = lastWrite + unit - Date.now();
        if (pause > 0) await sleep(pause);
        lastWrite = Date.now();
      }
      try {
        return await request(route);
      } catch (error) {
        // The caller's own abort: asking again would only be aborted again.
        if ((error instanceof Error && error.name === 'AbortError') || signalOf(route)?.aborted) throw error;
        const limit = rateLimit(error);
        if (limit !== undefined) {
          if (limits >= rateLimitRetries) {
            log.warning(
              `GitHub ${limit.kind} rate limit hit by ${what}: giving up after ${rateLimitRetries} retries`,
            );
            throw error;
          }
          const reason = `GitHub ${limit.kind} rate limit (${statusOf(error)})`;
          if (!fits(limit.seconds, reason)) {
            throw new RetryBudgetError(
              `GitHub asked to wait ${limit.seconds} s before retrying ${asked(error, route)} (${limit.kind} rate limit); ` +
                `mlci waits at most ${budget} s in a step${waited > 0 ? ` and has ${budgetLeft(budget, waited)}` : ''}: re-run the job later`,
              error,
            );
          }
          limits++;
          log.warning(
            `GitHub ${limit.kind} rate limit hit by ${what}: retrying after ${limit.seconds} s (retry ${limits} of ${rateLimitRetries})`,
          );
          await wait(limit.seconds, reason, `retry ${limits} of ${rateLimitRetries}`);
          continue;
        }
        const status = statusOf(error);
        if (status !== undefined && (NOT_RETRIED.has(status) || status < 500)) throw error;
        const reason = failureOf(error);
        if (failures >= retries) {
          log.debug?.(`${what}: ${reason}; giving up after ${retries} retries`);
          throw error;
        }
        // 1, 4, 9 s: a server error burst usually passes within seconds.
        const backOff = (failures + 1) * (failures + 1);
        if (!fits(backOff, reason)) {
          throw new RetryBudgetError(
            `${asked(error, route)} failed (${reason}) and was not retried: mlci waits at most ${budget} s ` +
              `in a step for retries and has ${budgetLeft(budget, waited)}: re-run the job later`,
            error,
          );
        }
        failures++;
        await wait(backOff, reason, `retry ${failures} of ${retries}`);
      }
    }
  });
  return client;
}

/** MLCI_RETRY_BUDGET, when set: seconds of retry waits a step may spend. */
function budgetFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const variable = (env[RETRY_BUDGET_VARIABLE] ?? '').trim();
  if (variable === '') return undefined;
  const value = Number(variable);
  if (!Number.isFinite(value) || value < 0) {
    throw new ConfigurationError(
      `${RETRY_BUDGET_VARIABLE} must be a number of seconds, 0 or more (such as 300), but is "${variable}"`,
    );
  }
  return value;
}

/** The limits of a client: options, then MLCI_REQUEST_TIMEOUT, then the defaults. */
function clientTimeouts(timeouts: ClientTimeouts = {}, env: NodeJS.ProcessEnv): Required<ClientTimeouts> {
  for (const key of ['connectMs', 'totalMs', 'downloadMs'] as const) {
    const value = timeouts[key];
    if (value !== undefined && (typeof value !== 'number' || !(value > 0))) {
      throw new RangeError(`timeouts.${key} must be a number of milliseconds above 0, not ${String(value)}`);
    }
  }
  let totalMs = timeouts.totalMs;
  const variable = (env[REQUEST_TIMEOUT_VARIABLE] ?? '').trim();
  if (totalMs === undefined && variable !== '') {
    const value = Number(variable);
    if (!Number.isFinite(value) || !(value > 0)) {
      throw new ConfigurationError(
        `${REQUEST_TIMEOUT_VARIABLE} must be a number of seconds above 0 (such as 120), but is "${variable}"`,
      );
    }
    totalMs = value * 1000;
  }
  totalMs ??= DEFAULT_TIMEOUTS.totalMs;
  return {
    connectMs: timeouts.connectMs ?? DEFAULT_TIMEOUTS.connectMs,
    totalMs,
    downloadMs: Math.max(timeouts.downloadMs ?? DEFAULT_DOWNLOAD_MS, totalMs),
  };
}

/** Routes whose answer is a file, which can be large (templates or literal paths). */
const DOWNLOADS = [
  /\/actions\/artifacts\/[^/]+\/[^/]+$/, // artifact archive: .../artifacts/{artifact_id}/{archive_format}
  /\/(zipball|tarball)(\/|$)/,
  /\/actions\/(runs|jobs)\/.+\/logs$/,
];

/** What the request hook is given: the endpoint options of one call. */
type Route = Required<GitHubClient['request']['endpoint']['DEFAULTS']>;

/**
 * Gives the call a fetch under its limits: the client's, the download limit for a download, or
 * those the call gave (`request: { timeouts }`). A fetch the call brought is kept. The route is
 * changed in place: Octokit's inner hooks (the token's) are bound to this object and ignore what
 * the outer hook passes them.
 */
function applyLimits(route: Route, fetch: LimitedFetch, timeouts: Required<ClientTimeouts>): void {
  const options = (route.request ?? {}) as { fetch?: unknown; timeouts?: RequestTimeouts };
  if (options.fetch !== undefined && options.fetch !== fetch) return;
  const path = route.url.split('?')[0]!;
  const own: RequestTimeouts = {
    connectMs: timeouts.connectMs,
    totalMs: DOWNLOADS.some((pattern) => pattern.test(path)) ? timeouts.downloadMs : timeouts.totalMs,
    ...options.timeouts,
  };
  route.request = { ...route.request, fetch: fetch.within(own) };
}

/** What was asked, for messages: `POST /repos/o/r/issues/1/comments` (no query: no secrets). */
function asked(error: unknown, route: Route): string {
  const url = (error as { request?: { url?: unknown } }).request?.url;
  if (typeof url === 'string') {
    try {
      return `${route.method} ${new URL(url).pathname}`;
    } catch {
      // not a URL: the route below
    }
  }
  return `${route.method} ${route.url.split('?')[0]}`;
}

function signalOf(route: Route): AbortSignal | undefined {
  return (route.request as { signal?: AbortSignal } | undefined)?.signal;
}

/** Why a request failed, for the debug log: `HTTP 502` or the network failure. */
function failureOf(error: unknown): string {
  const status = statusOf(error);
  const answered = (error as { response?: unknown }).response !== undefined;
  return answered && status !== undefined ? `HTTP ${status}` : `network error: ${messageOf(error)}`;
}

function budgetLeft(budget: number, waited: number): string {
  return `${Math.max(0, budget - waited)} s of ${budget} s left`;
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
/** The client's fetch (under its limits), and the same fetch under other limits. */
type LimitedFetch = Fetch & { within(timeouts: RequestTimeouts): Fetch };
let proxied: Promise<Fetch> | undefined;

/**
 * node:http(s) through nodeFetch (Node's own fetch costs a cold step ~60 ms of start-up), unless
 * the runner is behind a proxy (self-hosted runners often are): then the runner's proxy settings
 * (`https_proxy`, `no_proxy`) are honoured through @actions/http-client and undici, exactly as
 * @actions/github does, loaded on the first request that needs them. Both under `timeouts`
 * (through a proxy, connecting is left to undici's own 10 s limit).
 */
function proxyAwareFetch(timeouts: RequestTimeouts): LimitedFetch {
  const fetch = (async (input, init) => {
    if (!PROXY_VARIABLES.some((name) => (process.env[name] ?? '') !== '')) {
      return nodeFetch(input, init, timeouts);
    }
    proxied ??= (async () => {
      const [{ HttpClient }, undici] = await Promise.all([import('@actions/http-client'), import('undici')]);
      return (async (url: string | URL | Request, options?: RequestInit) => {
        const target = typeof url === 'string' ? url : url instanceof URL ? url.href : url.url;
        const dispatcher = new HttpClient().getAgentDispatcher(target);
        return undici.fetch(target, {
          ...(options as object),
          ...(dispatcher ? { dispatcher } : {}),
        } as never);
      }) as unknown as Fetch;
    })();
    return limitFetch(await proxied, timeouts)(input, init);
  }) as LimitedFetch;
  fetch.within = (other) => proxyAwareFetch(other);
  return fetch;
}

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
