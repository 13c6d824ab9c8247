import type { RouteDeps } from '../../deps.ts';
import { routeApp } from '../../http/routes.ts';
import { accountRoutes } from './accounts.ts';
import { demoDataRoutes } from './demo-data.ts';
import { digestRoutes } from './digest.ts';
import { insightRoutes } from './insights.ts';
import { messageRoutes } from './messages.ts';
import { previewRoutes } from './preview.ts';
import { releaseRoutes } from './releases.ts';
import { resultRoutes } from './results.ts';
import { rolloutRoutes } from './rollout.ts';
import { segmentRoutes } from './segments.ts';
import { sessionRoutes } from './session.ts';
import { siteRoutes } from './sites.ts';
import { wideningRoutes } from './widening.ts';

/**
 * Every `/api` route, chained so that their declarations add up to one type, `AdminApi`, which types the
 * admin page's client (`hc<AdminApi>`). A new resource is one more `.route(…)` here.
 *
 * @example app.route('/api', adminApi(deps))
 */
export function adminApi(deps: RouteDeps) {
  return routeApp()
    .route('/session', sessionRoutes(deps))
    .route('/sites', siteRoutes(deps))
    .route('/', messageRoutes(deps))
    .route('/', resultRoutes(deps))
    .route('/', previewRoutes(deps))
    .route('/', releaseRoutes(deps))
    .route('/', segmentRoutes(deps))
    .route('/', wideningRoutes(deps))
    .route('/', insightRoutes(deps))
    .route('/', accountRoutes(deps))
    .route('/', rolloutRoutes(deps))
    .route('/', digestRoutes(deps))
    .route('/', demoDataRoutes(deps));
}

/** The admin API's routes with their inputs and outputs, for `hc<AdminApi>('/api')`. */
export type AdminApi = ReturnType<typeof adminApi>;
