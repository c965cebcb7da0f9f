import { GitHub, defaults, getOctokitOptions } from '@actions/github/lib/utils';
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

const PLUGGED = GitHub.plugin(retry, throttling);

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
  const apiUrl = (options.apiUrl ?? defaults.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  return new PLUGGED(
    getOctokitOptions(options.token, {
      baseUrl: apiUrl,
      // @actions/github's defaults carry the proxy-aware fetch; passing `request` replaces them.
      request: { ...defaults.request },
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
    }),
  );
}

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
