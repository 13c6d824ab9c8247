import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Env, Hono, Schema } from 'hono';
import type { ExtractSchema, MergeSchemaPath } from 'hono/types';
import type { UnionToIntersection } from 'hono/utils/types';
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
 * The resources whose routes spell their whole path (`/sites/{siteId}/messages`, `/messages/{id}`…), so
 * each is mounted at the root, in this order (Hono tries routes in the order they were added). A new
 * resource is one more entry here.
 */
const AT_ROOT = [
  messageRoutes,
  resultRoutes,
  previewRoutes,
  releaseRoutes,
  segmentRoutes,
  wideningRoutes,
  insightRoutes,
  accountRoutes,
  rolloutRoutes,
  digestRoutes,
  demoDataRoutes,
] as const;

/** The routes one of them adds to the API's type when mounted at the root, as `.route('/', app)` adds them. */
type AtRoot<F> = F extends (deps: RouteDeps) => Hono<Env, infer S extends Schema, string>
  ? MergeSchemaPath<S, '/'>
  : never;

/**
 * Every `/api` route, in one type, `AdminApi`, which types the admin page's client (`hc<AdminApi>`). A
 * loop of `.route` calls does not add up their types as a chain does, so `AtRoot` says what each adds,
 * and the answer is typed with all of them.
 *
 * @example app.route('/api', adminApi(deps))
 */
export function adminApi(deps: RouteDeps) {
  const api = routeApp().route('/session', sessionRoutes(deps)).route('/sites', siteRoutes(deps));
  for (const routes of AT_ROOT) api.route('/', routes(deps));
  type Routes = ExtractSchema<typeof api> & UnionToIntersection<AtRoot<(typeof AT_ROOT)[number]>>;
  return api as OpenAPIHono<Env, Routes, '/'>;
}

/** The admin API's routes with their inputs and outputs, for `hc<AdminApi>('/api')`. */
export type AdminApi = ReturnType<typeof adminApi>;
