// Shared pieces of the route handlers: the handler shape, repository lookup and GitHub-style pagination.
import type { Ctx } from '../serialize.js';
import { notFound, type RepoState } from '../state.js';

export interface HandlerRequest {
  ctx: Ctx;
  /** Path and query parameters, coerced to their schema types (numbers, booleans). */
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  // The body was validated against the operation's schema before the handler runs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** The request path as received (without the query), for Link headers. */
  path: string;
}

export interface HandlerResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A non-JSON body (zip downloads). */
  raw?: Uint8Array;
}

export type Handler = (req: HandlerRequest) => HandlerResponse;

export function repoOf(req: HandlerRequest): RepoState {
  const repo = req.ctx.state.findRepo(String(req.params.owner), String(req.params.repo));
  if (!repo) throw notFound();
  return repo;
}

/** Slices a list by per_page (default 30, max 100) and page, and builds GitHub's Link header. */
export function paginate<T>(
  req: HandlerRequest,
  items: T[],
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(req.query.per_page ?? 30), 1), 100);
  const page = Math.max(Number(req.query.page ?? 1), 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (p: number, rel: string): string => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query)) if (k !== 'page' && v !== undefined) q.set(k, String(v));
    q.set('per_page', String(perPage));
    q.set('page', String(p));
    return `<${req.ctx.api}${req.path}?${q.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}
