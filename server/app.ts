import { digestService } from './changelog/digest.ts';
import type { AppDeps, RouteDeps } from './deps.ts';
import { auditTrail } from './http/audit.ts';
import { apiAuth } from './http/auth.ts';
import { bodyLimit } from './http/body-limit.ts';
import { publicCors } from './http/cors.ts';
import { onError } from './http/errors.ts';
import { addressLimit, DEFAULT_LIMITS } from './http/limits.ts';
import { observeRequests } from './http/observe.ts';
import { rateLimiter } from './http/rate-limit.ts';
import { refuseNul } from './http/refuse-nul.ts';
import { route, routeApp } from './http/routes.ts';
import { liveSites } from './live/live-sites.ts';
import { outboxDeliverer } from './rollout/outbox.ts';
import { rolloutService } from './rollout/service.ts';
import { adminApi } from './routes/admin/api.ts';
import { assetRoutes } from './routes/assets.ts';
import { changelogPages } from './routes/changelog/pages.ts';
import { subscribeRoutes } from './routes/changelog/subscribe.ts';
import { docsRoutes } from './routes/docs/docs.ts';
import { openApiDocument } from './routes/docs/openapi.ts';
import { decideRoutes } from './routes/public/decide.ts';
import { eventsRoutes } from './routes/public/events.ts';
import { feedRoutes } from './routes/public/feed.ts';
import { healthRoutes } from './routes/public/health.ts';
import { metricsRoutes } from './routes/public/metrics.ts';
import { cachedUserStates } from './store/user-state-cache.ts';

/** Public bodies stay small: an event batch is at most 100 events and beacons are chunked well under 64 KB. */
const PUBLIC_BODY_LIMIT = 256 * 1024;
const ADMIN_BODY_LIMIT = 1024 * 1024;

/**
 * Wires Herald's routes to their dependencies. Uses only web-standard APIs so the same app runs on Node
 * and on Cloudflare Workers.
 *
 * @example const app = createApp({ store, clock: () => new Date(), ids: randomId, log: console.error, publicUrl, passwords });
 *          await app.request('/healthz');
 */
export function createApp(appDeps: AppDeps) {
  const deps = withUserStateCache(appDeps);
  const live = liveSites(deps.store, { shareLoads: !deps.isolatedRequests });
  if (deps.changes) {
    const changes = deps.changes;
    live.onInvalidate((siteId) => changes.publish(siteId));
    changes.subscribe((siteId) => (siteId === '*' ? live.clear() : live.dropLocal(siteId)));
  }
  const webhooks = outboxDeliverer({
    store: deps.store,
    ids: deps.ids,
    retryDelaysMs: deps.webhookRetryDelaysMs ?? [2_000, 10_000, 60_000, 300_000],
    log: deps.log,
  });
  const rollout = rolloutService({
    store: deps.store,
    clock: deps.clock,
    live,
    outbox: webhooks,
    ids: deps.ids,
    log: deps.log,
  });
  const limiter = rateLimiter(deps.store.rateCounts);
  const limit = { ...DEFAULT_LIMITS, ...deps.limits };
  const digests = digestService({ ...deps, live, mailer: deps.mailer });
  const routeDeps: RouteDeps = { ...deps, live, rollout, limiter, limit, digests };
  const app = routeApp();
  app.onError(onError(deps.log));
  // First, so its clock includes every other middleware and its answer is the one sent.
  if (deps.observe) app.use('*', observeRequests(deps.observe));
  // Every route: a NUL in the URL would reach PostgreSQL as a 500.
  app.use('*', refuseNul());
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404),
  );

  app.use(
    '/v1/*',
    publicCors(),
    // Around the address limit, so that the body of a request refused with 429 is still read (no reset).
    bodyLimit(PUBLIC_BODY_LIMIT),
    addressLimit(limiter, limit.perAddress, deps.clock, deps.clientIp),
  );
  // Each public endpoint takes one method; another is told which (405 with Allow), not that nothing is there.
  for (const [path, routes, allow] of [
    ['/v1/decide', decideRoutes, 'POST'],
    ['/v1/events', eventsRoutes, 'POST'],
    ['/v1/feed', feedRoutes, 'POST'],
    ['/healthz', healthRoutes, 'GET'],
  ] as const) {
    app.route(path, routes(routeDeps));
    app.all(path, (c) =>
      c.json({ error: { code: 'method_not_allowed', message: `${path} takes ${allow} only` } }, 405, {
        Allow: allow,
      }),
    );
  }

  if (deps.metrics) app.route('/metrics', metricsRoutes(routeDeps, deps.metrics));

  app.use('/api/*', bodyLimit(ADMIN_BODY_LIMIT), auditTrail(deps), apiAuth(deps));
  app.route('/api', adminApi(routeDeps));

  app.route('/changelog', changelogPages(routeDeps));
  app.route('/changelog', subscribeRoutes(routeDeps));
  app.route(
    '/',
    docsRoutes(() => openApiDocument(app, deps.publicUrl), deps.publicUrl),
  );
  if (deps.assets) app.route('/', assetRoutes(deps.assets));
  app.openapi(
    route('get', '/', 'Redirects to /docs', {
      tags: ['public'],
      responses: { 302: { description: 'To /docs' } },
    }),
    (c) => c.redirect('/docs'),
  );
  return Object.assign(app, { live, rollout, webhooks, digests });
}

export type HeraldApp = ReturnType<typeof createApp>;

/** The deps with the store's user states cached when asked for, invalidated across instances by `changes`. */
function withUserStateCache(deps: AppDeps): AppDeps {
  if (deps.userStateCache === undefined) return deps;
  const options = { max: deps.userStateCache.max, ...(deps.changes ? { feed: deps.changes } : {}) };
  return { ...deps, store: cachedUserStates(deps.store, options) };
}
