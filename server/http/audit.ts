import type { Context, MiddlewareHandler } from 'hono';
import { accessOf } from '../core/permissions.ts';
import type { AppDeps } from '../deps.ts';
import type { AuditEntry } from '../schema/account.ts';
import { type Actor, routeOf } from './auth.ts';

/** The id a create answered with (`201 { id }`), if any. */
async function createdId(c: Context): Promise<string | undefined> {
  if (c.res.status !== 201 || !c.res.headers.get('content-type')?.includes('json')) return undefined;
  const body = (await c.res.clone().json()) as { id?: unknown };
  return typeof body.id === 'string' ? body.id : undefined;
}

/** Which fields the request changed: names only, never values (a password must not reach the log). */
async function changedFields(c: Context): Promise<string[] | undefined> {
  if (!c.req.header('content-type')?.includes('json')) return undefined;
  try {
    const body: unknown = JSON.parse(await c.req.text());
    return body !== null && typeof body === 'object' && !Array.isArray(body)
      ? Object.keys(body).sort()
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes one audit entry for each successful `/api` request that may change something: who (the actor's
 * email or `api-token`), what (method, route pattern, target id), when, and the names of the fields sent.
 * One middleware rather than a line in every route, so a new route is audited without anyone remembering.
 * A failed audit write is logged, not answered as an error: the change itself is already made.
 *
 * @example app.use('/api/*', auditTrail(deps), apiAuth(deps))
 */
export function auditTrail(deps: AppDeps): MiddlewareHandler {
  return async function audit(c, next) {
    await next();
    const route = routeOf(c);
    const actor = c.get('actor') as Actor | undefined;
    if (actor === undefined || c.res.status >= 400 || accessOf(c.req.method, route) === 'read') return;
    const fields = await changedFields(c);
    const entry: AuditEntry = {
      id: deps.ids('aud'),
      at: deps.clock().toISOString(),
      actor: actor.name,
      action: `${c.req.method} ${route}`,
      // After `next()` the params are those of the route that answered.
      target: c.req.param('id') ?? (await createdId(c)) ?? c.req.param('siteId') ?? actor.account?.id ?? null,
      detail: fields === undefined ? {} : { fields },
    };
    try {
      await deps.store.appendAudit(entry);
    } catch (err) {
      deps.log('could not write the audit log', { entry, err });
    }
  };
}
