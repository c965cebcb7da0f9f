// GitHub's OpenAPI description as the fake's judge: route matching and ajv validation of requests and
// responses. The 13 MB document is parsed once per process (module-level cache) and schemas are compiled
// lazily per operation, so a test file pays ~0.2 s once and each validation afterwards is cached.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction, type ErrorObject } from 'ajv';
import addFormatsImport from 'ajv-formats';

// ajv-formats is CommonJS with `exports.default`; under NodeNext + ts-jest the default import may be the
// module namespace or the function itself.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ??
  addFormatsImport) as unknown as (ajv: Ajv) => Ajv;

type Json = unknown;
type SchemaObject = Record<string, unknown>;

export interface ParamSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: SchemaObject | undefined;
}

export interface Operation {
  method: string;
  template: string;
  operationId: string;
  params: ParamSpec[];
  requestBodySchema: SchemaObject | undefined;
  requestBodyRequired: boolean;
  /** status code -> JSON schema of the body (undefined: documented without JSON body). */
  responses: Map<string, SchemaObject | undefined>;
}

export interface RouteMatch {
  op: Operation;
  params: Record<string, string>;
}

interface Segment {
  literal?: string;
  /** A whole-segment parameter. */
  param?: string;
  /** A segment mixing literals and parameters, e.g. `{base}...{head}`. */
  regex?: RegExp;
  names?: string[];
}

interface Route {
  template: string;
  segments: Segment[];
  ops: Map<string, Operation>;
  /** Higher wins: literal segments before mixed segments before parameters, position by position. */
  rank: number[];
}

// Parameters that hold slashes in practice (file paths, refs like heads/feature/x); clients may or may
// not percent-encode the slash, so these may span several path segments.
const MULTI_SEGMENT = new Set(['path', 'ref', 'basehead', 'branch']);

const SPEC_PATH = new URL(
  '../../../node_modules/@octokit/openapi/generated/api.github.com.json',
  import.meta.url,
);

function specFile(): string {
  // Resolve through node's resolver when possible, so a hoisting change does not break the fake.
  try {
    const require = createRequire(import.meta.url);
    return require.resolve('@octokit/openapi/generated/api.github.com.json');
  } catch {
    return SPEC_PATH.pathname;
  }
}

/**
 * OpenAPI 3.0 -> JSON Schema draft-07 for ajv: `nullable` becomes an explicit null alternative, and
 * `#/components/...` refs are rewritten to the registered document `gh`. Returns a new object.
 */
export function toDraft7(schema: Json, rewriteRefs: boolean): Json {
  if (Array.isArray(schema)) return schema.map((s) => toDraft7(s, rewriteRefs));
  if (schema === null || typeof schema !== 'object') return schema;
  const src = schema as SchemaObject;
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(src)) {
    if (key === 'nullable' && value === true) continue;
    // `enum`, `default`, `example` hold data, not schemas: copy them untouched.
    if (key === 'enum' || key === 'default' || key === 'example' || key === 'examples') {
      if (key === 'enum') out[key] = value;
      continue;
    }
    if (key === '$ref' && typeof value === 'string' && rewriteRefs && value.startsWith('#/')) {
      out[key] = `gh${value}`;
      continue;
    }
    // GitHub's description uses oneOf where alternatives overlap (e.g. two error schemas with no required
    // property), so a valid body matches several and strict oneOf would reject every one: use anyOf.
    if (key === 'oneOf') {
      out.anyOf = toDraft7(value, rewriteRefs);
      continue;
    }
    if (key === 'properties' && value && typeof value === 'object') {
      const props: SchemaObject = {};
      for (const [name, sub] of Object.entries(value as SchemaObject))
        props[name] = toDraft7(sub, rewriteRefs);
      out[key] = props;
      continue;
    }
    out[key] = toDraft7(value, rewriteRefs);
  }
  if (src.nullable === true) {
    const composite = '$ref' in out || 'allOf' in out || 'anyOf' in out;
    if (composite || out.type === undefined) {
      return { anyOf: [{ type: 'null' }, out] };
    }
    out.type = Array.isArray(out.type) ? [...(out.type as string[]), 'null'] : [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

function compileSegments(template: string): Segment[] {
  return template
    .split('/')
    .slice(1)
    .map((part) => {
      const whole = /^\{([^}]+)\}$/.exec(part);
      if (whole) return { param: whole[1]! };
      if (!part.includes('{')) return { literal: part };
      const names: string[] = [];
      const source = part
        .split(/(\{[^}]+\})/)
        .map((piece) => {
          const m = /^\{([^}]+)\}$/.exec(piece);
          if (m) {
            names.push(m[1]!);
            return '(.+?)';
          }
          return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return { regex: new RegExp(`^${source}$`), names };
    });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export class OpenApi {
  readonly routes: Route[] = [];
  readonly byOperationId = new Map<string, Operation>();
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly doc: SchemaObject;

  constructor(doc: SchemaObject) {
    this.doc = doc;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, addUsedSchema: false });
    addFormats(this.ajv);
    // GitHub-specific or OpenAPI-only formats: accept, as ajv would otherwise warn on each of them.
    for (const f of [
      'int32',
      'int64',
      'double',
      'float',
      'repo.nwo',
      'binary',
      'uri-template',
      'timestamp',
    ]) {
      if (!(f in this.ajv.formats)) this.ajv.addFormat(f, true);
    }
    const components = doc.components as SchemaObject;
    const schemas: SchemaObject = {};
    for (const [name, schema] of Object.entries(components.schemas as SchemaObject)) {
      schemas[name] = toDraft7(schema, true);
    }
    this.ajv.addSchema({ $id: 'gh', components: { schemas } });

    const paths = doc.paths as Record<string, Record<string, SchemaObject>>;
    for (const [template, item] of Object.entries(paths)) {
      const ops = new Map<string, Operation>();
      const shared = (item.parameters as unknown as Json[] | undefined) ?? [];
      for (const [method, raw] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method)) continue;
        const op = this.operation(method.toUpperCase(), template, raw, shared);
        ops.set(op.method, op);
        this.byOperationId.set(op.operationId, op);
      }
      const segments = compileSegments(template);
      const rank = segments.map((s) => (s.literal !== undefined ? 3 : s.regex ? 2 : 1));
      this.routes.push({ template, segments, ops, rank });
    }
    // Most specific first: compare ranks position by position, then longer templates first.
    this.routes.sort((a, b) => {
      for (let i = 0; i < Math.min(a.rank.length, b.rank.length); i++) {
        if (a.rank[i] !== b.rank[i]) return b.rank[i]! - a.rank[i]!;
      }
      return b.rank.length - a.rank.length;
    });
  }

  private deref(value: Json): SchemaObject {
    let v = value as SchemaObject;
    while (v && typeof v.$ref === 'string') {
      const parts = (v.$ref as string).replace(/^#\//, '').split('/');
      let cur: unknown = this.doc;
      for (const p of parts) cur = (cur as SchemaObject)[p.replace(/~1/g, '/').replace(/~0/g, '~')];
      v = cur as SchemaObject;
    }
    return v;
  }

  private operation(method: string, template: string, raw: SchemaObject, shared: Json[]): Operation {
    const params: ParamSpec[] = [];
    for (const p of [...shared, ...((raw.parameters as Json[] | undefined) ?? [])]) {
      const d = this.deref(p);
      params.push({
        name: d.name as string,
        in: d.in as ParamSpec['in'],
        required: d.required === true,
        schema: d.schema as SchemaObject | undefined,
      });
    }
    let requestBodySchema: SchemaObject | undefined;
    let requestBodyRequired = false;
    if (raw.requestBody) {
      const rb = this.deref(raw.requestBody);
      requestBodyRequired = rb.required === true;
      const content = rb.content as Record<string, SchemaObject> | undefined;
      requestBodySchema = content?.['application/json']?.schema as SchemaObject | undefined;
    }
    const responses = new Map<string, SchemaObject | undefined>();
    for (const [status, r] of Object.entries((raw.responses as SchemaObject | undefined) ?? {})) {
      const d = this.deref(r);
      const content = d.content as Record<string, SchemaObject> | undefined;
      const json = content?.['application/json'] ?? content?.['application/scim+json'];
      responses.set(status, json?.schema as SchemaObject | undefined);
    }
    return {
      method,
      template,
      operationId: raw.operationId as string,
      params,
      requestBodySchema,
      requestBodyRequired,
      responses,
    };
  }

  /** Finds the operation for a request path (already stripped of the query and any /api/v3 prefix). */
  match(method: string, path: string): RouteMatch | 'method-not-allowed' | undefined {
    const parts = path.split('/').slice(1);
    let wrongMethod = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts, 0, 0, {});
      if (!params) continue;
      const op = route.ops.get(method);
      if (op) return { op, params };
      wrongMethod = true;
    }
    return wrongMethod ? 'method-not-allowed' : undefined;
  }

  private validator(key: string, schema: () => Json): ValidateFunction {
    let v = this.compiled.get(key);
    if (!v) {
      v = this.ajv.compile(toDraft7(schema(), true) as SchemaObject);
      this.compiled.set(key, v);
    }
    return v;
  }

  /** Coerces path and query strings to their schema types, then validates them. Returns error texts. */
  validateParams(
    op: Operation,
    path: Record<string, string>,
    query: Record<string, string | string[]>,
  ): { errors: string[]; values: Record<string, unknown> } {
    const errors: string[] = [];
    const values: Record<string, unknown> = {};
    for (const p of op.params) {
      if (p.in !== 'path' && p.in !== 'query') continue;
      const raw = p.in === 'path' ? path[p.name] : query[p.name];
      if (raw === undefined) {
        if (p.required) errors.push(`${p.in} parameter ${p.name} is required`);
        continue;
      }
      const value = coerce(raw, p.schema);
      values[p.name] = value;
      if (!p.schema) continue;
      const v = this.validator(`param:${op.operationId}:${p.name}`, () => p.schema);
      if (!v(value)) errors.push(...formatErrors(v.errors, `${p.in} parameter ${p.name}`));
    }
    return { errors, values };
  }

  validateRequestBody(op: Operation, body: unknown): string[] {
    if (body === undefined) return op.requestBodyRequired ? ['request body is required'] : [];
    if (!op.requestBodySchema) return [];
    const v = this.validator(`req:${op.operationId}`, () => op.requestBodySchema);
    return v(body) ? [] : formatErrors(v.errors, 'request body');
  }

  /** Validates a response body; `undefined` when the spec has no JSON schema for that status. */
  validateResponse(op: Operation, status: number, body: unknown): string[] | undefined {
    const key = String(status);
    const schema = op.responses.has(key) ? op.responses.get(key) : op.responses.get(`${key[0]}XX`);
    if (!schema) return undefined;
    const v = this.validator(`res:${op.operationId}:${key}`, () => schema);
    return v(body) ? [] : formatErrors(v.errors, `response ${status}`);
  }

  isDocumented(op: Operation, status: number): boolean {
    return op.responses.has(String(status)) || op.responses.has(`${String(status)[0]}XX`);
  }
}

function matchSegments(
  segments: Segment[],
  parts: string[],
  si: number,
  pi: number,
  acc: Record<string, string>,
): Record<string, string> | undefined {
  if (si === segments.length) return pi === parts.length ? acc : undefined;
  const seg = segments[si]!;
  // `/contents` and `/contents/` name the repository root: an empty trailing {path}.
  if (pi >= parts.length || (parts[pi] === '' && pi === parts.length - 1)) {
    return seg.param === 'path' && si === segments.length - 1 ? { ...acc, path: '' } : undefined;
  }
  const part = parts[pi]!;
  if (seg.literal !== undefined) {
    return safeDecode(part) === seg.literal ? matchSegments(segments, parts, si + 1, pi + 1, acc) : undefined;
  }
  const remainingSegments = segments.length - si - 1;
  const maxSpan = seg.param && MULTI_SEGMENT.has(seg.param) ? parts.length - pi - remainingSegments : 1;
  for (let span = 1; span <= maxSpan; span++) {
    const raw = parts.slice(pi, pi + span).join('/');
    if (raw === '') return undefined;
    const next = { ...acc };
    if (seg.param) {
      next[seg.param] = safeDecode(raw);
    } else {
      const m = seg.regex!.exec(safeDecode(raw));
      if (!m) continue;
      seg.names!.forEach((n, i) => (next[n] = m[i + 1]!));
    }
    const done = matchSegments(segments, parts, si + 1, pi + span, next);
    if (done) return done;
  }
  return undefined;
}

function coerce(raw: string | string[], schema: SchemaObject | undefined): unknown {
  const type = schema?.type;
  if (type === 'array') return Array.isArray(raw) ? raw : raw.split(',');
  const value = Array.isArray(raw) ? raw[raw.length - 1]! : raw;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function formatErrors(errors: ErrorObject[] | null | undefined, what: string): string[] {
  return (errors ?? []).slice(0, 8).map((e) => {
    const extra = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : '';
    return `${what}${e.instancePath || ''} ${e.message ?? 'is invalid'}${extra}`;
  });
}

let cached: OpenApi | undefined;

/** The shared, lazily built spec (one per process / jest module registry). */
export function loadOpenApi(): OpenApi {
  if (!cached) cached = new OpenApi(JSON.parse(readFileSync(specFile(), 'utf8')) as SchemaObject);
  return cached;
}
