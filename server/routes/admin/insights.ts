import { z } from 'zod';
import { conditionProblems } from '../../core/conditions/validate.ts';
import { bucketKey, fillSeries } from '../../core/timeseries.ts';
import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { adminRoute, body, json, routeApp } from '../../http/routes.ts';
import {
  AudienceEstimate,
  AudienceEstimateRequest,
  TimeSeries,
  Trends,
  UserLookup,
} from '../../schema/insights.ts';
import { audienceEstimate } from './audience-estimate.ts';
import { messageOr404 } from './messages.ts';
import { assertSegmentsExist } from './segment-refs.ts';
import { siteOr404 } from './sites.ts';
import { userLookup } from './user-lookup.ts';

const DAY = 86_400_000;

const SeriesQuery = z.object({
  bucket: z.enum(['hour', 'day']).default('day'),
  days: z.coerce.number().int().min(1).max(365).default(14),
});
const TrendsQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(14) });

const timeseries = adminRoute('get', '/messages/{id}/timeseries', 'Activity per hour or day', {
  description: '?bucket, ?days',
  request: { query: SeriesQuery },
  responses: { 200: json(TimeSeries, 'One point per bucket, empty ones included') },
});
const trends = adminRoute('get', '/sites/{siteId}/trends', 'Daily impressions per message (?days)', {
  request: { query: TrendsQuery },
  responses: { 200: json(Trends, 'The days and each message’s impressions on them') },
});
const estimate = adminRoute(
  'post',
  '/sites/{siteId}/audience-estimate',
  'How many known users match an audience',
  {
    request: { body: body(AudienceEstimateRequest) },
    responses: { 200: json(AudienceEstimate, 'Matching and known users') },
  },
);
const lookup = adminRoute('get', '/sites/{siteId}/users/{key}', 'One user', {
  description: 'Traits, releases, messages seen, dismissed and answered',
  responses: {
    200: json(UserLookup, 'What this site knows of the user, and what they would see'),
  },
});

/** Charts, list trends, audience estimates and the user lookup for the admin page. */
export function insightRoutes(deps: RouteDeps) {
  return routeApp()
    .openapi(timeseries, async (c) => {
      const message = await messageOr404(deps, c.req.valid('param').id);
      const { bucket, days } = c.req.valid('query');
      const to = deps.clock();
      const from = new Date(to.getTime() - days * DAY);
      const rows = await deps.store.activity(message.id, bucket, from.toISOString());
      const body: TimeSeries = { bucket, points: fillSeries(rows, bucket, from, to) };
      return c.json(body, 200);
    })
    .openapi(trends, async (c) => {
      const site = await siteOr404(deps, c.req.valid('param').siteId);
      const { days } = c.req.valid('query');
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
      return c.json(body, 200);
    })
    .openapi(estimate, async (c) => {
      const site = await siteOr404(deps, c.req.valid('param').siteId);
      const req = c.req.valid('json');
      const problems = conditionProblems(req.audience);
      if (problems.length > 0)
        throw new ApiError(400, 'invalid_request', `invalid audience: ${problems[0]}`, {
          audience: problems.join('; '),
        });
      await assertSegmentsExist(deps, site.id, { audience: req.audience }, 'invalid_request', 'audience');
      return c.json(await audienceEstimate(deps, site, req), 200);
    })
    .openapi(lookup, async (c) => {
      const { siteId, key } = c.req.valid('param');
      const site = await siteOr404(deps, siteId);
      const found = await userLookup(deps, site, key);
      if (found === null) throw new ApiError(404, 'not_found', 'this site has never seen that user');
      return c.json(found, 200);
    });
}
