import { z } from 'zod';
import { widening } from '../../core/rollout/widening.ts';
import { resolveSegments } from '../../core/segments.ts';
import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { adminRoute, json, routeApp } from '../../http/routes.ts';
import { Widening } from '../../schema/insights.ts';
import { RolloutAction } from '../../schema/release.ts';
import { releaseOr404 } from './releases.ts';

/** Known users read at most, as the audience estimate does. */
const LIMIT = 200_000;
const WideningQuery = z.object({ action: RolloutAction });

const route = adminRoute('get', '/releases/{id}/widening', 'How many known users a rollout action', {
  description: '?action=advance|resume|complete…) would newly reach',
  request: { query: WideningQuery },
  responses: { 200: json(Widening, 'Users newly reached, of those known') },
});

/**
 * GET /api/releases/:id/widening?action=advance: how many known users the action would newly reach, so
 * the admin asks "this reaches about N more users" before Start, Advance, Resume or Complete.
 */
export function wideningRoutes(deps: RouteDeps) {
  return routeApp().openapi(route, async (c) => {
    const release = await releaseOr404(deps, c.req.valid('param').id);
    const { action } = c.req.valid('query');
    const [users, segments] = await Promise.all([
      deps.store.knownUsers(release.siteId, LIMIT),
      deps.store.listSegments(release.siteId),
    ]);
    // Phases that refer to saved segments reach whom those segments describe now.
    const [resolved = release] = resolveSegments([], [release], segments).releases;
    const body: Widening | null = widening(resolved, action, users);
    if (body === null)
      throw new ApiError(409, 'invalid_transition', `a ${release.status} release cannot ${action}`);
    return c.json(body, 200);
  });
}
