import type { RouteHandler } from '@hono/zod-openapi';
import { z } from 'zod';
import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { adminRoute, IdParam, json, optionalBody, routeApp } from '../../http/routes.ts';
import { releaseReport } from '../../rollout/report.ts';
import { Release, type RolloutAction } from '../../schema/release.ts';
import { ReleaseReport } from '../../schema/report.ts';
import { releaseOr404 } from './releases.ts';

const ActionBody = z.object({ reason: z.string().max(500).optional() }).strict();
const ReportQuery = z.object({
  by: z
    .string()
    .regex(/^(phase|trait:[A-Za-z0-9_.-]{1,100})$/, 'by is `phase` or `trait:NAME`')
    .default('phase'),
});

const defaultReason: Record<RolloutAction, string> = {
  advance: 'advanced by hand',
  pause: 'paused by hand',
  resume: 'resumed by hand',
  rollback: 'rolled back by hand',
  complete: 'completed by hand',
};

const report = adminRoute('get', '/releases/{id}/report', 'Per phase', {
  description: 'Or ?by=trait:NAME): exposed, holdout, ratings, goal conversion and lift',
  request: { query: ReportQuery },
  responses: { 200: json(ReleaseReport, 'The report') },
});
const controlRoute = <const A extends RolloutAction>(action: A) =>
  adminRoute('post', `/releases/{id}/${action}`, `Rollout control: ${action} (optional body { reason })`, {
    request: { params: IdParam, body: optionalBody(ActionBody) },
    responses: { 200: json(Release, 'The release after the transition') },
  });

/** /api/releases/:id/advance|pause|resume|rollback|complete and /report: run a rollout and read its results. */
export function rolloutRoutes(deps: RouteDeps) {
  /** Applies one action by hand; a 409 when the release's status does not allow it now. */
  const control =
    <A extends RolloutAction>(action: A): RouteHandler<ReturnType<typeof controlRoute<A>>> =>
    async (c) => {
      const release = await releaseOr404(deps, c.req.valid('param').id);
      const reason = c.req.valid('json').reason ?? defaultReason[action];
      const result = await deps.rollout.apply(release, action, 'manual', reason, c.get('actor')?.name);
      if (!result.ok) throw new ApiError(409, result.code, result.reason);
      return c.json(result.release, 200);
    };

  return routeApp()
    .openapi(report, async (c) => {
      const release = await releaseOr404(deps, c.req.valid('param').id);
      const { by } = c.req.valid('query');
      const spec =
        by === 'phase'
          ? ({ kind: 'phase' } as const)
          : ({ kind: 'trait', name: by.slice('trait:'.length) } as const);
      return c.json(await releaseReport(deps.store, deps.rollout, release, spec), 200);
    })
    .openapi(controlRoute('advance'), control('advance'))
    .openapi(controlRoute('pause'), control('pause'))
    .openapi(controlRoute('resume'), control('resume'))
    .openapi(controlRoute('rollback'), control('rollback'))
    .openapi(controlRoute('complete'), control('complete'));
}
