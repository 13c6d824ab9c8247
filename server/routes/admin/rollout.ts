import { Hono } from 'hono';
import { z } from 'zod';
import type { RouteDeps } from '../../deps.ts';
import { parseQuery } from '../../http/body.ts';
import { ApiError, invalid } from '../../http/errors.ts';
import { assertNoNul } from '../../http/refuse-nul.ts';
import { releaseReport } from '../../rollout/report.ts';
import type { RolloutAction } from '../../schema/release.ts';
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

/** Reads an optional JSON body `{ reason }`; an empty body is fine. */
async function reasonOf(req: Request): Promise<string | undefined> {
  const text = await req.text();
  if (text.trim() === '') return undefined;
  assertNoNul(text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'the body is not valid JSON');
  }
  const parsed = ActionBody.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error, 'body');
  return parsed.data.reason;
}

/** /api/releases/:id/advance|pause|resume|rollback|complete and /report: run a rollout and read its results. */
export function rolloutRoutes(deps: RouteDeps) {
  const app = new Hono().get('/releases/:id/report', async (c) => {
    const release = await releaseOr404(deps, c.req.param('id'));
    const { by } = parseQuery(c, ReportQuery);
    const spec =
      by === 'phase'
        ? ({ kind: 'phase' } as const)
        : ({ kind: 'trait', name: by.slice('trait:'.length) } as const);
    return c.json(await releaseReport(deps.store, deps.rollout, release, spec));
  });
  for (const action of ['advance', 'pause', 'resume', 'rollback', 'complete'] as const) {
    app.post(`/releases/:id/${action}`, async (c) => {
      const release = await releaseOr404(deps, c.req.param('id'));
      const reason = (await reasonOf(c.req.raw)) ?? defaultReason[action];
      const result = await deps.rollout.apply(release, action, 'manual', reason, c.get('actor')?.name);
      if (!result.ok) throw new ApiError(409, result.code, result.reason);
      return c.json(result.release);
    });
  }
  return app;
}
