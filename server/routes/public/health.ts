import { Hono } from 'hono';
import type { RouteDeps } from '../../deps.ts';

/** GET /healthz: liveness plus a storage round trip, so a load balancer drops an instance that lost its database. */
export function healthRoutes(deps: RouteDeps) {
  return new Hono().get('/', async (c) => {
    try {
      await deps.store.ping();
      return c.json({ ok: true, storage: 'ok' });
    } catch (err) {
      deps.log('health check failed', err);
      return c.json({ ok: false, storage: 'unavailable' }, 503);
    }
  });
}
