import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, RouteDeps } from './deps.ts';
import { auditTrail } from './http/audit.ts';
import { apiAuth } from './http/auth.ts';
import { publicCors } from './http/cors.ts';
import { ApiError, onError } from './http/errors.ts';
import { addressLimit, DEFAULT_LIMITS } from './http/limits.ts';
import { rateLimiter } from './http/rate-limit.ts';
import { liveSites } from './live/live-sites.ts';
import { rolloutService } from './rollout/service.ts';
import { webhookSender } from './rollout/webhook.ts';
import { accountRoutes } from './routes/admin/accounts.ts';
import { demoDataRoutes } from './routes/admin/demo-data.ts';
import { insightRoutes } from './routes/admin/insights.ts';
import { messageRoutes } from './routes/admin/messages.ts';
import { previewRoutes } from './routes/admin/preview.ts';
import { releaseRoutes } from './routes/admin/releases.ts';
import { resultRoutes } from './routes/admin/results.ts';
import { rolloutRoutes } from './routes/admin/rollout.ts';
import { sessionRoutes } from './routes/admin/session.ts';
import { siteRoutes } from './routes/admin/sites.ts';
import { assetRoutes } from './routes/assets.ts';
import { changelogPages } from './routes/changelog/pages.ts';
import { docsRoutes } from './routes/docs/docs.ts';
import { decideRoutes } from './routes/public/decide.ts';
import { eventsRoutes } from './routes/public/events.ts';
import { feedRoutes } from './routes/public/feed.ts';
import { healthRoutes } from './routes/public/health.ts';

/** Public bodies stay small: an event batch is at most 100 events and beacons are chunked well under 64 KB. */
const PUBLIC_BODY_LIMIT = 256 * 1024;
const ADMIN_BODY_LIMIT = 1024 * 1024;

function bodyLimitOf(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `the body is larger than ${maxSize} bytes`);
    },
  });
}

/**
 * Wires Herald's routes to their dependencies. Uses only web-standard APIs so the same app runs on Node
 * and on Cloudflare Workers.
 *
 * @example const app = createApp({ store, clock: () => new Date(), ids: randomId, log: console.error, publicUrl, passwords });
 *          await app.request('/healthz');
 */
export function createApp(deps: AppDeps) {
  const live = liveSites(deps.store);
  if (deps.changes) {
    const changes = deps.changes;
    live.onInvalidate((siteId) => changes.publish(siteId));
    changes.subscribe((siteId) => (siteId === '*' ? live.clear() : live.dropLocal(siteId)));
  }
  const webhooks = webhookSender({
    retryDelaysMs: deps.webhookRetryDelaysMs ?? [2_000, 10_000, 60_000, 300_000],
    log: deps.log,
  });
  const rollout = rolloutService({ store: deps.store, clock: deps.clock, live, webhooks });
  const limiter = rateLimiter(deps.store.rateCounts);
  const limit = { ...DEFAULT_LIMITS, ...deps.limits };
  const routeDeps: RouteDeps = { ...deps, live, rollout, limiter, limit };
  const app = new Hono();
  app.onError(onError(deps.log));
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404),
  );

  app.use(
    '/v1/*',
    publicCors(),
    addressLimit(limiter, limit.perAddress, deps.clock, deps.clientIp),
    bodyLimitOf(PUBLIC_BODY_LIMIT),
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

  app.use('/api/*', auditTrail(deps), apiAuth(deps), bodyLimitOf(ADMIN_BODY_LIMIT));
  app.route('/api/session', sessionRoutes(routeDeps));
  app.route('/api/sites', siteRoutes(routeDeps));
  for (const routes of [
    messageRoutes,
    resultRoutes,
    previewRoutes,
    releaseRoutes,
    insightRoutes,
    accountRoutes,
    rolloutRoutes,
    demoDataRoutes,
  ])
    app.route('/api', routes(routeDeps));

  app.route('/changelog', changelogPages(routeDeps));
  app.route('/', docsRoutes(deps.publicUrl));
  if (deps.assets) app.route('/', assetRoutes(deps.assets));
  app.get('/', (c) => c.redirect('/docs'));
  return Object.assign(app, { live, rollout, webhooks });
}

export type HeraldApp = ReturnType<typeof createApp>;
