import { z } from 'zod';
import type { RouteDeps } from '../../deps.ts';
import { json, route, routeApp } from '../../http/routes.ts';

const Health = z.object({ ok: z.boolean(), storage: z.enum(['ok', 'unavailable']) });

const health = route('get', '/', 'Liveness and storage check', {
  tags: ['public'],
  responses: {
    200: json(Health, 'Up, with its storage reachable'),
    503: json(Health, 'Up, but its storage is not reachable'),
  },
});

/** GET /healthz: liveness plus a storage round trip, so a load balancer drops an instance that lost its database. */
export function healthRoutes(deps: RouteDeps) {
  return routeApp().openapi(health, async (c) => {
    try {
      await deps.store.ping();
      return c.json({ ok: true, storage: 'ok' } as const, 200);
    } catch (err) {
      deps.log('health check failed', err);
      return c.json({ ok: false, storage: 'unavailable' } as const, 503);
    }
  });
}
