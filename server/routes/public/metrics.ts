import { z } from 'zod';
import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { route, routeApp, text } from '../../http/routes.ts';
import { safeEqual } from '../../http/web-crypto.ts';

/** Prometheus's text exposition format, as `prom-client` writes it. */
export const PROMETHEUS_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const metrics = route('get', '/', 'Prometheus metrics', {
  tags: ['operations'],
  description:
    'Request latency per route, events stored, queue depth, live-cache version. Needs `Authorization: Bearer <HERALD_API_TOKEN>` when a token is set. `HERALD_METRICS=off` removes the endpoint.',
  security: [{ bearer: [] }],
  responses: {
    200: text(PROMETHEUS_TYPE, z.string(), 'The metrics, in Prometheus text format'),
  },
});

/**
 * GET /metrics, when the runtime gives the app a `metrics` source (main.ts: prom-client). Route patterns,
 * counts and queue depths only, no user data; still, with `HERALD_API_TOKEN` set it takes that bearer, so
 * an instance's load is not public.
 */
export function metricsRoutes(deps: RouteDeps, source: () => Promise<string>) {
  return routeApp().openapi(metrics, async (c) => {
    if (deps.apiToken !== undefined) {
      const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      if (bearer === undefined || !safeEqual(bearer, deps.apiToken))
        throw new ApiError(401, 'unauthorized', 'send the HERALD_API_TOKEN bearer token');
    }
    return c.text(await source(), 200, { 'content-type': PROMETHEUS_TYPE, 'cache-control': 'no-store' });
  });
}
