import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context, Env, MiddlewareHandler, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { z } from 'zod';
import { ErrorBody } from '../schema/error.ts';
import { ApiError, invalid } from './errors.ts';
import { assertNoNul } from './refuse-nul.ts';

/** What a failed check names in its message: "invalid body: …", "invalid query: …". */
const WHAT: Record<string, string> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'path',
  header: 'headers',
};

/**
 * A sub-app whose routes are declared with their zod schemas (`app.openapi(route(…), handler)`): the
 * library validates with them, the OpenAPI document and `/docs` are generated from them, and the admin's
 * `hc` client is typed by them. A failed check is Herald's 400 naming every invalid field.
 *
 * @example routeApp().openapi(route('get', '/', 'The site', { responses: { 200: json(Site, 'The site') } }), h)
 */
export function routeApp<E extends Env = Env>() {
  return new OpenAPIHono<E>({
    defaultHook(result) {
      if (!result.success) throw invalid(result.error, WHAT[result.target] ?? result.target);
    },
  });
}

type MediaType = 'application/json' | 'text/plain';

/** What a declaration gives besides its method, path and summary: request, responses, tags… */
type RouteRest = Omit<RouteConfig, 'method' | 'path' | 'summary'>;

/** The parameters a path names: `/sites/{siteId}/segments/{segmentId}` → `'siteId' | 'segmentId'`. */
type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;

/** The request a declaration gives, with its path's parameters when it names none of its own. */
type RequestOf<P extends string, R extends RouteRest> = R extends { request: infer Q }
  ? Q extends { params: unknown }
    ? Q
    : Q & PathParams<P>
  : PathParams<P>;
type PathParams<P extends string> = [ParamNames<P>] extends [never]
  ? Record<never, never>
  : { params: z.ZodObject<{ [K in ParamNames<P>]: z.ZodString }> };

/** `{ params }` for the parameters `path` names (each a string), or nothing for a path without any. */
function pathParams<P extends string>(path: P): PathParams<P> {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name as string);
  if (names.length === 0) return {} as PathParams<P>;
  return { params: z.object(Object.fromEntries(names.map((name) => [name, z.string()]))) } as PathParams<P>;
}

/**
 * A route declaration (`createRoute`). Its path parameters are the ones the path names (`/messages/{id}`
 * takes `id`), each a string, unless `request.params` gives a schema of its own; its answers include
 * Herald's one error body (`errors`), which every route may give. A JSON body, when it has one, is read
 * the way every Herald body is before its schema sees it: 415 for another media type, 400
 * `invalid_json`, no NUL. A body declared with `text/plain` too takes `sendBeacon`'s text as JSON.
 *
 * @example route('post', '/', 'What this user should see now', { request: { body: body(DecideRequest) }, responses: { 200: json(DecideResponse, 'What to show') } })
 */
export function route<
  const M extends RouteConfig['method'],
  const P extends string,
  const R extends RouteRest,
>(method: M, path: P, summary: string, rest: R) {
  const request = { ...pathParams(path), ...rest.request } as RequestOf<P, R>;
  const responses = { ...rest.responses, ...errors };
  const config = { method, path, summary, ...rest, request, responses };
  const content = rest.request?.body?.content;
  // A body described by a plain JSON schema (a form post, say) is the handler's to read.
  const jsonBody = content?.['application/json'];
  if (!content || !jsonBody || !('schema' in jsonBody) || !(jsonBody.schema instanceof z.ZodType))
    return createRoute(config);
  const types = Object.keys(content);
  const reader = readBody({ types, optional: !rest.request?.body?.required });
  return createRoute({ ...config, middleware: [reader, ...[rest.middleware ?? []].flat()] });
}

/** A required JSON request body; `also: ['text/plain']` for `sendBeacon`. */
export function body<S extends z.ZodType>(schema: S, description?: string, also: MediaType[] = []) {
  const content = { 'application/json': { schema } } as const;
  return {
    required: true as const,
    ...(description ? { description } : {}),
    content: also.includes('text/plain') ? { ...content, 'text/plain': { schema } } : content,
  };
}

/** A JSON request body that may be left out (read as `{}`). */
export function optionalBody<S extends z.ZodType>(schema: S) {
  return { required: false as const, content: { 'application/json': { schema } } };
}

/** A JSON response. */
export function json<S extends z.ZodType>(schema: S, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A response of another media type (HTML, CSS, CSV, RSS), described by a string schema. */
export function text<const T extends string, S extends z.ZodType>(type: T, schema: S, description: string) {
  return { description, content: { [type]: { schema } } as { [K in T]: { schema: S } } };
}

/**
 * A 200 JSON answer serialized ahead of time (decide splices content compiled when the message was
 * saved; a feed library writes JSON Feed), typed as the schema's output it follows so the route's declaration still checks it.
 */
export function jsonText<T>(c: Context, text: string, type = 'application/json') {
  const res: Response = c.body(text, 200, { 'content-type': type });
  return res as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
}

/** The error answers every route may give (`route` adds them to each), in Herald's one error body. */
export const errors = {
  '4XX': json(ErrorBody, 'A client error: `{ error: { code, message, fields? } }`'),
} as const;

const mediaTypeOf = (header: string | undefined) => (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Reads the body's text before the library's validator parses it: a media type other than JSON is a 415
 * (Hono's validator would read it as `{}`), an escaped NUL is a 400 (PostgreSQL cannot store it). A body
 * taken as text (sendBeacon's `text/plain`, or an optional body sent without a type) is handed on as
 * JSON, so the validator checks it like any other.
 */
function readBody({ types, optional }: { types: string[]; optional: boolean }): MiddlewareHandler {
  const textOk = types.includes('text/plain');
  return async function readJsonBody(c, next) {
    const type = mediaTypeOf(c.req.header('content-type'));
    // Another declared type (a form post) goes to the library's validator for it as it is.
    if (type !== 'application/json' && type !== 'text/plain' && types.includes(type)) return next();
    const asText = (textOk && (type === 'text/plain' || type === '')) || (optional && type === '');
    if (type !== 'application/json' && !asText) {
      throw new ApiError(
        415,
        'unsupported_media_type',
        `expected application/json${textOk ? ' or text/plain' : ''}`,
      );
    }
    const raw = await c.req.text();
    assertNoNul(raw);
    // An optional body left empty (`POST /api/releases/:id/pause`) is an empty object.
    const json = optional && raw.trim() === '' ? '{}' : raw;
    if (json !== raw || type !== 'application/json') {
      c.req.raw = jsonRequest(c.req.raw, json);
      c.req.bodyCache = {}; // the validator reads the new request's text
    }
    await next();
  };
}

/** The same request, its body (already read) marked as JSON. */
function jsonRequest(req: Request, text: string): Request {
  const headers = new Headers(req.headers);
  headers.set('content-type', 'application/json');
  return new Request(req.url, { method: req.method, headers, body: text });
}

/** Who may call an admin route: the bearer token, or a session cookie with its CSRF token. */
const ADMIN_AUTH: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

/** An `/api` route: documented as needing credentials (`apiAuth` checks them for every `/api/*`). */
export function adminRoute<
  const M extends RouteConfig['method'],
  const P extends string,
  const R extends RouteRest,
>(method: M, path: P, summary: string, rest: R) {
  return route(method, path, summary, { tags: ['admin'], security: ADMIN_AUTH, ...rest });
}

/** Words a route may add to its summary: what it does beyond the summary's few words. */
type More = { description?: string };

/**
 * The usual routes of a stored thing in the admin API, its name, schema and paths said once: a collection
 * (`/sites/{siteId}/messages`) to list (`{ messages: [...] }`) and create in, and an item
 * (`/messages/{id}`) to read, change and delete. Each route gives only its own words: its summary, what
 * its answer is, and the body it takes.
 *
 * @example const messages = adminResource('messages', Message, '/sites/{siteId}/messages', '/messages/{id}');
 * const get = messages.get('One message', 'The message');
 */
export function adminResource<
  const N extends string,
  S extends z.ZodType,
  const C extends string,
  const I extends string,
>(name: N, schema: S, collection: C, item: I) {
  const list = z.object({ [name]: z.array(schema) }) as z.ZodObject<Record<N, z.ZodArray<S>>>;
  /** A route that takes a JSON body and answers with the thing as it is stored now. */
  const write =
    <const M extends 'post' | 'patch', const P extends string, A extends RouteConfig['responses']>(
      method: M,
      path: P,
      answers: (answer: string) => A,
    ) =>
    <B extends z.ZodType>(summary: string, input: B, answer: string, more: More = {}) =>
      adminRoute(method, path, summary, {
        ...more,
        request: { body: body(input) },
        responses: answers(answer),
      });
  return {
    /** GET the collection: all of them, as `{ <name>: [...] }`. */
    list: (summary: string, answer: string, more: More = {}) =>
      adminRoute('get', collection, summary, { ...more, responses: { 200: json(list, answer) } }),
    /** POST to the collection: 201 with the new one. */
    create: write('post', collection, (answer) => ({ 201: json(schema, answer) })),
    /** GET the item. */
    get: (summary: string, answer: string, more: More = {}) =>
      adminRoute('get', item, summary, { ...more, responses: { 200: json(schema, answer) } }),
    /** PATCH the item: 200 with it changed. */
    update: write('patch', item, (answer) => ({ 200: json(schema, answer) })),
    /** DELETE the item: 204. */
    remove: (summary: string, more: More = {}) =>
      adminRoute('delete', item, summary, { ...more, responses: { 204: { description: 'Deleted' } } }),
  };
}

/** Path parameters for a path built from a type parameter, which TypeScript cannot read names out of. */
export const IdParam = z.object({ id: z.string() });
