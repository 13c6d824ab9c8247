import { Hono } from 'hono';
import { z } from 'zod';
import { conditionProblems } from '../../core/conditions/validate.ts';
import { bucketKey, fillSeries } from '../../core/timeseries.ts';
import type { RouteDeps } from '../../deps.ts';
import { parseBody, parseQuery } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { AudienceEstimateRequest, type TimeSeries, type Trends } from '../../schema/insights.ts';
import { audienceEstimate } from './audience-estimate.ts';
import { messageOr404 } from './messages.ts';
import { siteOr404 } from './sites.ts';
import { userLookup } from './user-lookup.ts';

const DAY = 86_400_000;

const SeriesQuery = z.object({
  bucket: z.enum(['hour', 'day']).default('day'),
  days: z.coerce.number().int().min(1).max(365).default(14),
});
const TrendsQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(14) });

/** Charts, list trends, audience estimates and the user lookup for the admin page. */
export function insightRoutes(deps: RouteDeps) {
  return new Hono()
    .get('/messages/:id/timeseries', async (c) => {
      const message = await messageOr404(deps, c.req.param('id'));
      const { bucket, days } = parseQuery(c, SeriesQuery);
      const to = deps.clock();
      const from = new Date(to.getTime() - days * DAY);
      const rows = await deps.store.activity(message.id, bucket, from.toISOString());
      const body: TimeSeries = { bucket, points: fillSeries(rows, bucket, from, to) };
      return c.json(body);
    })
    .get('/sites/:siteId/trends', async (c) => {
      const site = await siteOr404(deps, c.req.param('siteId'));
      const { days } = parseQuery(c, TrendsQuery);
      const now = deps.clock().getTime();
      const dayKeys = Array.from({ length: days }, (_, i) =>
        bucketKey(new Date(now - (days - 1 - i) * DAY), 'day'),
      );
      const rows = await deps.store.dailyImpressions(site.id, `${dayKeys[0]}T00:00:00.000Z`);
      const messages: Record<string, number[]> = {};
      for (const m of await deps.store.listMessages(site.id)) messages[m.id] = dayKeys.map(() => 0);
      for (const r of rows) {
        const series = messages[r.messageId];
        const i = dayKeys.indexOf(r.day);
        if (series && i >= 0) series[i] = r.count;
      }
      const body: Trends = { days: dayKeys, messages };
      return c.json(body);
    })
    .post('/sites/:siteId/audience-estimate', async (c) => {
      const site = await siteOr404(deps, c.req.param('siteId'));
      const req = await parseBody(c, AudienceEstimateRequest);
      const problems = conditionProblems(req.audience);
      if (problems.length > 0)
        throw new ApiError(400, 'invalid_request', `invalid audience: ${problems[0]}`, {
          audience: problems.join('; '),
        });
      return c.json(await audienceEstimate(deps, site, req));
    })
    .get('/sites/:siteId/users/:key', async (c) => {
      const site = await siteOr404(deps, c.req.param('siteId'));
      const lookup = await userLookup(deps, site, c.req.param('key'));
      if (lookup === null) throw new ApiError(404, 'not_found', 'this site has never seen that user');
      return c.json(lookup);
    });
}
