import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';

/** One answered request, as `/metrics` and the request log see it. */
export type RequestObservation = {
  method: string;
  /** The route's pattern (`/api/messages/:id`), never the raw URL: bounded labels, and no ids or tokens. */
  route: string;
  status: number;
  ms: number;
};

/**
 * Reports every request once answered (errors included: `onError` has shaped the answer by then) to
 * `observe`, for the latency histogram and the JSON request log that `main.ts` wires.
 *
 * @example app.use('*', observeRequests((o) => log.info(o, 'request')))
 */
export function observeRequests(observe: (o: RequestObservation) => void): MiddlewareHandler {
  return async function observeRequest(c, next) {
    const started = performance.now();
    await next();
    observe({
      method: c.req.method,
      route: routeOf(c),
      status: c.res.status,
      ms: performance.now() - started,
    });
  };
}

/**
 * The pattern of the handler that answered; a path nothing declares (404, or a static file served by the
 * catch-all) is one label, so a scanner cannot mint a time series per URL.
 */
function routeOf(c: Context): string {
  const path = routePath(c);
  return path === '' || path.endsWith('*') ? 'unmatched' : path;
}
