import type { Role } from '../schema/account.ts';

/** What a request does: looks, or may change something. */
export type Access = 'read' | 'write';

/**
 * Routes that take a POST only because their input (a sample user, an audience) does not fit in a query
 * string; they change nothing, so they need only read access and are not audited.
 */
const queries = /^\/api\/sites\/:siteId\/(preview|audience-estimate)$/;

/**
 * `read` for GET, HEAD, OPTIONS and the query routes; `write` for every request that may change something.
 *
 * @example accessOf('POST', '/api/sites/:siteId/preview') // 'read'
 */
export function accessOf(method: string, route: string): Access {
  const reads = ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) || queries.test(route);
  return reads ? 'read' : 'write';
}

type Rule = { route: RegExp; read: readonly Role[]; write: readonly Role[] };

const everyone: readonly Role[] = ['admin', 'editor', 'viewer'];
const authors: readonly Role[] = ['admin', 'editor'];
const admins: readonly Role[] = ['admin'];

/**
 * Who may do what, first matching rule wins. Routes are Hono patterns as registered (`/api/messages/:id`).
 * The last rule makes any new route readable by all and writable by admins only until someone decides
 * otherwise, so a route added without a thought here is never open to editors by accident.
 */
const rules: Rule[] = [
  { route: /^\/api\/(accounts|audit)(\/|$)/, read: admins, write: admins },
  { route: /^\/api\/session$/, read: everyone, write: everyone },
  { route: /^\/api\/(sites\/:siteId\/)?(messages|releases|segments)(\/|$)/, read: everyone, write: authors },
  { route: /^\/api(\/|$)/, read: everyone, write: admins },
];

/**
 * Whether `role` may call `method` on `route` (a Hono route pattern). Anything outside `/api` is denied.
 *
 * @example permitted('editor', 'POST', '/api/messages/:id/publish') // true
 * @example permitted('viewer', 'PATCH', '/api/messages/:id') // false
 */
export function permitted(role: Role, method: string, route: string): boolean {
  const rule = rules.find((r) => r.route.test(route));
  return rule?.[accessOf(method, route)].includes(role) ?? false;
}
