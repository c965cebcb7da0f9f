// A fake GitHub REST server for tests: node:http on loopback, in-memory state, and every request and
// response checked against GitHub's OpenAPI description. See README.md next to this file.
import { handleGraphql } from './graphql.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadOpenApi, type Operation } from './openapi.js';
import { acceptedPermissionsHeader, allowed, scopesOf, type Permissions } from './permissions.js';
import { actionRoutes } from './routes/actions.js';
import { checkRoutes } from './routes/checks.js';
import { gitRoutes } from './routes/git.js';
import { issueRoutes } from './routes/issues.js';
import { miscRoutes } from './routes/misc.js';
import { repoRoutes } from './routes/repos.js';
import type { Handler, HandlerResponse } from './routes/util.js';
import { DOCS, FakeState, HttpError, type UserRef } from './state.js';

export { FakeState, GITHUB_ACTIONS_BOT, gitBlobSha } from './state.js';
export type { Access, Permissions, Scope } from './permissions.js';
export type {
  AddIssue,
  AddPullRequest,
  AddWorkflowRun,
  CollaboratorRole,
  CommitOptions,
  RepoState,
  UserRef,
} from './state.js';

export interface RecordedRequest {
  method: string;
  /** Without the query string and without a /api/v3 prefix. */
  path: string;
  query: Record<string, string | string[]>;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  /** The status sent (0 while the request is in flight). */
  status: number;
  operationId: string | undefined;
  /**
   * Milliseconds the fake spent between receiving the body and sending the response (validation
   * included), so benchmarks can tell the client's time from the fake's.
   */
  serverMs?: number;
}

export interface Fault {
  method?: string;
  path?: RegExp;
  /** How many matching requests get this fault (default 1). */
  times?: number;
  /** 0: only delay (delayMs), then serve normally. */
  status: number;
  headers?: Record<string, string>;
  /** Default: GitHub's body for that status. */
  body?: unknown;
  delayMs?: number;
}

export interface FakeGitHub {
  /** http://127.0.0.1:<port>: use as GITHUB_API_URL / baseUrl; `${url}/api/v3` works too (GHES). */
  url: string;
  state: FakeState;
  requests: RecordedRequest[];
  /** Validation failures, unknown routes and bugs of the fake seen so far. */
  problems: string[];
  assertNoProblems(): void;
  inject(fault: Fault): void;
  /** Drops the faults not used up yet: GitHub is well again. */
  clearFaults(): void;
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  /** When set, requests must carry `Authorization: token <token>` or `Bearer <token>`; 401 otherwise. */
  token?: string;
  /** Every write gets 403 "Resource not accessible by integration", as a fork PR's token does. */
  readOnly?: boolean;
  /**
   * Tokens accepted besides `token` that may only read, as the GITHUB_TOKEN of a `pull_request`
   * run from a fork: one server then plays both halves of the fork setup.
   */
  readOnlyTokens?: string[];
  /**
   * Tokens accepted besides `token`, each with its own account: a personal access token's user,
   * or a GitHub App installation token's `<slug>[bot]` (see `tokenAccounts`). Comments, statuses
   * and GraphQL `viewer` are theirs; GET /user answers only for a user's token, as GitHub does.
   */
  tokens?: Record<string, TokenAccount>;
  /**
   * The `permissions:` block of the workflow whose GITHUB_TOKEN `token` is (for example
   * `{ contents: 'read', checks: 'write' }`): a scope it does not name is `none`, as on GitHub. A
   * request the permissions do not cover gets GitHub's 403 `Resource not accessible by
   * integration` with its `x-accepted-github-permissions` header. Without it, every scope is
   * `write` (the fake's behaviour before permissions were modelled).
   */
  permissions?: Permissions;
}

/** Who a token is (FakeGitHubOptions.tokens). */
export interface TokenAccount {
  user: Partial<UserRef> & { login: string };
  /** `user`: a personal access token (classic or fine-grained); `installation`: a GitHub App's token. */
  kind: 'user' | 'installation';
  /** What the token may do, as FakeGitHubOptions.permissions; default everything. */
  permissions?: Permissions;
}

/** Ready-made token accounts. */
export const tokenAccounts = {
  /** A personal access token of `login` (a User). */
  personal: (login: string, id?: number): TokenAccount => ({
    user: { login, type: 'User', ...(id !== undefined ? { id } : {}) },
    kind: 'user',
  }),
  /** An installation token of the GitHub App `slug`: its bot `<slug>[bot]`. */
  app: (slug: string, id?: number): TokenAccount => ({
    user: { login: `${slug}[bot]`, type: 'Bot', ...(id !== undefined ? { id } : {}) },
    kind: 'installation',
  }),
};

/** Ready-made faults with GitHub's own headers and messages. */
export const faults = {
  secondaryRateLimit: (times = 1): Fault => ({
    status: 403,
    times,
    headers: { 'retry-after': '1' },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '403',
    },
  }),
  serverError: (status = 502, times = 1): Fault => ({ status, times }),
  readOnly: (times = 1): Fault => ({ status: 403, times }),
  conflict: (times = 1): Fault => ({ status: 409, times }),
  validationFailed: (message = 'Validation Failed', times = 1): Fault => ({
    status: 422,
    times,
    body: { message, documentation_url: DOCS, status: '422' },
  }),
};

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  422: 'Validation Failed',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const HANDLERS: Record<string, Handler> = {
  ...issueRoutes,
  ...checkRoutes,
  ...gitRoutes,
  ...repoRoutes,
  ...actionRoutes,
  ...miscRoutes,
};

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function errorBody(status: number, message = DEFAULT_MESSAGES[status] ?? 'Error'): Record<string, unknown> {
  return { message, documentation_url: DOCS, status: String(status) };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseQuery(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const api = loadOpenApi();
  const state = new FakeState();
  const requests: RecordedRequest[] = [];
  const problems: string[] = [];
  const pending: Array<Fault & { left: number }> = [];
  let base = '';
  let requestCounter = 0;

  const send = (res: ServerResponse, r: HandlerResponse): void => {
    const headers: Record<string, string> = {
      'x-github-request-id': `FAKE:${(++requestCounter).toString(16).toUpperCase().padStart(6, '0')}`,
      'x-ratelimit-limit': '15000',
      'x-ratelimit-remaining': '14999',
      'x-ratelimit-reset': String(state.clock.epochSeconds() + 3600),
      'x-ratelimit-resource': 'core',
      'x-github-media-type': 'github.v3; format=json',
      ...r.headers,
    };
    if (r.raw) {
      res.writeHead(r.status, {
        'content-type': 'application/zip',
        'content-length': r.raw.length,
        ...headers,
      });
      res.end(Buffer.from(r.raw));
    } else if (r.body === undefined) {
      res.writeHead(r.status, headers);
      res.end();
    } else {
      const text = JSON.stringify(r.body);
      res.writeHead(r.status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        ...headers,
      });
      res.end(text);
    }
  };

  const takeFault = (method: string, path: string): (Fault & { left: number }) | undefined => {
    const i = pending.findIndex(
      (f) => (!f.method || f.method.toUpperCase() === method) && (!f.path || f.path.test(path)),
    );
    if (i === -1) return undefined;
    const fault = pending[i]!;
    if (--fault.left <= 0) pending.splice(i, 1);
    return fault;
  };

  const dispatch = (
    method: string,
    path: string,
    apiBase: string,
    query: Record<string, string | string[]>,
    body: unknown,
    authorization: string | undefined,
    record: RecordedRequest,
  ): HandlerResponse => {
    // The artifact storage behind the download redirect: signed URLs need no token, as on GitHub.
    const storage = /^\/_fake\/artifacts\/([^/]+)\/([^/]+)\/(\d+)\.zip$/.exec(path);
    if (storage && method === 'GET') {
      const repo = state.findRepo(storage[1]!, storage[2]!);
      const artifact = repo?.artifacts.find((a) => a.id === Number(storage[3]));
      if (!artifact) return { status: 404, body: errorBody(404) };
      return { status: 200, raw: artifact.zip };
    }

    const presented = /^(?:token|bearer)\s+(.+)$/i.exec(authorization ?? '')?.[1];
    const readOnlyToken = presented !== undefined && (options.readOnlyTokens ?? []).includes(presented);
    const account = presented !== undefined ? options.tokens?.[presented] : undefined;
    if (options.token !== undefined && !readOnlyToken && account === undefined) {
      if (presented !== options.token) return { status: 401, body: errorBody(401) };
    }
    const identity = account !== undefined ? state.user(account.user) : state.identity;
    const userToken = account?.kind === 'user';

    // GitHub's GraphQL endpoint: /graphql, or /api/graphql on GitHub Enterprise Server.
    if (method === 'POST' && (path === '/graphql' || path === '/api/graphql')) {
      record.operationId = 'graphql';
      return handleGraphql(state, body, problems, options.readOnly === true || readOnlyToken, identity);
    }

    const match = api.match(method, path);
    if (match === undefined || match === 'method-not-allowed') {
      problems.push(`unknown route ${method} ${path}`);
      return { status: 404, body: errorBody(404) };
    }
    const { op } = match;
    record.operationId = op.operationId;

    const params = api.validateParams(op, match.params, query);
    const bodyErrors = api.validateRequestBody(op, body);
    const errors = [...params.errors, ...bodyErrors];
    if (errors.length) {
      problems.push(`invalid request ${method} ${path} (${op.operationId}): ${errors.join('; ')}`);
      return respond(op, {
        status: 422,
        body: errorBody(422, `Invalid request.\n\n${errors.join('\n')}`),
      });
    }
    if ((options.readOnly || readOnlyToken) && WRITE_METHODS.has(method)) {
      return respond(op, { status: 403, body: errorBody(403, 'Resource not accessible by integration') });
    }
    const permissions = account !== undefined ? account.permissions : options.permissions;
    if (permissions !== undefined) {
      const repo = state.findRepo(String(match.params.owner ?? ''), String(match.params.repo ?? ''));
      const scopes = scopesOf(op.operationId, repo, params.values);
      const write = WRITE_METHODS.has(method);
      if (scopes !== undefined && !allowed(permissions, scopes, write, repo !== undefined && !repo.private)) {
        return respond(op, {
          status: 403,
          body: errorBody(403, 'Resource not accessible by integration'),
          headers: { 'x-accepted-github-permissions': acceptedPermissionsHeader(scopes, write) },
        });
      }
    }
    const handler = HANDLERS[op.operationId];
    if (!handler) {
      problems.push(`not implemented by the fake: ${op.operationId} (${method} ${path})`);
      return { status: 404, body: errorBody(404) };
    }
    const pathValues: Record<string, unknown> = {};
    const queryValues: Record<string, unknown> = {};
    for (const p of op.params) {
      if (!(p.name in params.values)) continue;
      if (p.in === 'path') pathValues[p.name] = params.values[p.name];
      if (p.in === 'query') queryValues[p.name] = params.values[p.name];
    }
    let result: HandlerResponse;
    try {
      result = handler({
        ctx: { api: apiBase, state, identity, userToken },
        params: pathValues,
        query: queryValues,
        body,
        path,
      });
    } catch (e) {
      if (e instanceof HttpError) {
        result = { status: e.status, body: e.body };
      } else {
        problems.push(`the fake crashed on ${method} ${path}: ${(e as Error).stack ?? String(e)}`);
        result = { status: 500, body: errorBody(500) };
      }
    }
    return respond(op, result);
  };

  // Every response the fake sends is checked: an invalid one is a bug in the fake.
  const respond = (op: Operation, r: HandlerResponse): HandlerResponse => {
    if (r.raw) return r;
    if (r.status < 300 && !api.isDocumented(op, r.status)) {
      problems.push(`the fake sent undocumented status ${r.status} for ${op.operationId}`);
    }
    const errors = api.validateResponse(op, r.status, r.body ?? null);
    if (errors && errors.length && r.body !== undefined) {
      problems.push(`invalid response ${r.status} of ${op.operationId}: ${errors.join('; ')}`);
    }
    return r;
  };

  const server = createServer((req, res) => {
    void (async () => {
      const method = (req.method ?? 'GET').toUpperCase();
      const url = new URL(req.url ?? '/', base);
      let path = url.pathname;
      let apiBase = base;
      // GitHub Enterprise Server serves the REST API under /api/v3.
      if (path === '/api/v3' || path.startsWith('/api/v3/')) {
        path = path.slice('/api/v3'.length) || '/';
        apiBase = `${base}/api/v3`;
      }
      const query = parseQuery(url.searchParams);
      const raw = await readBody(req);
      const received = performance.now();
      const record: RecordedRequest = {
        method,
        path,
        query,
        body: undefined,
        status: 0,
        operationId: undefined,
      };
      requests.push(record);
      let result: HandlerResponse;
      let parsed: unknown;
      let parseError = false;
      if (raw.length) {
        try {
          parsed = JSON.parse(raw.toString('utf8'));
          record.body = parsed;
        } catch {
          parseError = true;
          record.body = raw.toString('utf8');
        }
      }
      const fault = takeFault(method, path);
      if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault && fault.status !== 0) {
        result = {
          status: fault.status,
          body: fault.body === undefined ? errorBody(fault.status) : fault.body,
          ...(fault.headers ? { headers: fault.headers } : {}),
        };
        record.operationId = (() => {
          if (method === 'POST' && (path === '/graphql' || path === '/api/graphql')) return 'graphql';
          const m = api.match(method, path);
          return typeof m === 'object' ? m.op.operationId : undefined;
        })();
      } else if (parseError) {
        problems.push(`request body of ${method} ${path} is not JSON`);
        result = { status: 400, body: errorBody(400, 'Problems parsing JSON') };
      } else {
        // Synchronous from here on: each request sees and leaves a consistent state.
        result = dispatch(method, path, apiBase, query, parsed, req.headers.authorization, record);
      }
      record.status = result.status;
      send(res, result);
      record.serverMs = performance.now() - received;
    })().catch((e: unknown) => {
      problems.push(`the fake failed: ${String(e)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    state,
    requests,
    problems,
    assertNoProblems() {
      if (problems.length) {
        throw new Error(`fake GitHub saw ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
      }
    },
    inject(fault) {
      pending.push({ ...fault, left: fault.times ?? 1 });
    },
    clearFaults() {
      pending.length = 0;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Clients keep connections alive; without this close() would wait for their idle timeout.
        server.closeAllConnections();
      });
    },
  };
}
