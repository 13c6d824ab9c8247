import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { permitted } from '../core/permissions.ts';
import type { AppDeps } from '../deps.ts';
import type { Account, Role } from '../schema/account.ts';
import { publicAccount } from '../store/accounts-query.ts';
import type { StoredSession } from '../store/store.ts';
import { ApiError } from './errors.ts';
import { sessionOf } from './session.ts';
import { safeEqual } from './web-crypto.ts';

/** Who is calling the admin API: the bearer token (full access) or a signed-in account. */
export type Actor = {
  /** How the audit log names them: the account's email, or `api-token`. */
  name: string;
  role: Role;
  account: Account | null;
  session: StoredSession | null;
};

declare module 'hono' {
  interface ContextVariableMap {
    actor: Actor;
  }
}

/** The route that sign-in is: the one `/api` request that needs no credentials. */
export const SIGN_IN = { method: 'POST', route: '/api/session' } as const;

/** The pattern of the route that will answer (`/api/messages/:id`), or `/api/*` when none will. */
export function routeOf(c: Context): string {
  return routePath(c, -1);
}

async function actorOf(c: Context, deps: AppDeps): Promise<Actor | null> {
  const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer !== undefined) {
    const ok = deps.apiToken !== undefined && safeEqual(bearer, deps.apiToken);
    return ok ? { name: 'api-token', role: 'admin', account: null, session: null } : null;
  }
  const session = await sessionOf(c, deps.store, deps.clock());
  if (session === null) return null;
  const account = await deps.store.getAccount(session.accountId);
  if (account === null || account.disabled) return null;
  return { name: account.email, role: account.role, account: publicAccount(account), session };
}

/**
 * Guards `/api/*`. `Authorization: Bearer <HERALD_API_TOKEN>` has full access; otherwise the session cookie
 * must name a live session of an enabled account (else 401). A cookie-authenticated request that is not a
 * GET must echo the session's token in `x-csrf-token` (else 403 `csrf_failed`): another site can make a
 * browser send the cookie, but cannot read the token. Finally the role must permit the route (else 403).
 * Sets `c.var.actor` for the routes and the audit log.
 *
 * @example app.use('/api/*', apiAuth(deps))
 */
export function apiAuth(deps: AppDeps): MiddlewareHandler {
  return async function apiAuthorize(c, next) {
    const method = c.req.method;
    const route = routeOf(c);
    if (method === SIGN_IN.method && route === SIGN_IN.route) return next();
    const actor = await actorOf(c, deps);
    if (actor === null) throw new ApiError(401, 'unauthorized', 'sign in or send a valid bearer token');
    const reads = method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
    if (
      actor.session !== null &&
      !reads &&
      !safeEqual(c.req.header('x-csrf-token') ?? '', actor.session.csrfToken)
    )
      throw new ApiError(403, 'csrf_failed', 'send the session’s CSRF token in the x-csrf-token header');
    if (!permitted(actor.role, method, route))
      throw new ApiError(403, 'forbidden', `the ${actor.role} role may not ${method} ${route}`);
    c.set('actor', actor);
    return next();
  };
}
