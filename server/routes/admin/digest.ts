import { changelogUrl } from '../../changelog/posts.ts';
import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { adminRoute, json, routeApp } from '../../http/routes.ts';
import { DigestReport, DigestStatus } from '../../schema/changelog.ts';
import { siteOr404 } from './sites.ts';

const status = adminRoute('get', '/sites/{siteId}/digest', 'The changelog email digest', {
  description: 'SMTP configured or not, subscribers, last run',
  responses: {
    200: json(DigestStatus, 'Whether it can go out, to how many, and when it last did'),
  },
});
const send = adminRoute(
  'post',
  '/sites/{siteId}/digest/send',
  'Sends the changelog email digest now, whatever its schedule (409 without SMTP)',
  {
    responses: { 200: json(DigestReport, 'What was sent') },
  },
);

/**
 * /api/sites/:siteId/digest: whether the changelog's email digest can go out (SMTP configured), how many
 * subscribe to it and when it last ran; `POST …/digest/send` sends it now, whatever the schedule.
 */
export function digestRoutes(deps: RouteDeps) {
  return routeApp()
    .openapi(status, async (c) => {
      const site = await siteOr404(deps, c.req.valid('param').siteId);
      const body: DigestStatus = {
        smtp: deps.mailer !== undefined,
        changelogUrl: site.changelogSlug === null ? null : changelogUrl(deps.publicUrl, site.changelogSlug),
        subscribers: await deps.store.countSubscribers(site.id),
        lastRunAt: await deps.store.lastDigestRun(site.id),
      };
      return c.json(body, 200);
    })
    .openapi(send, async (c) => {
      const site = await siteOr404(deps, c.req.valid('param').siteId);
      if (deps.mailer === undefined)
        throw new ApiError(409, 'smtp_not_configured', 'no mail can go out: set HERALD_SMTP_URL');
      if (site.changelogSlug === null)
        throw new ApiError(409, 'no_changelog', 'the site has no public changelog: set its changelog slug');
      return c.json(await deps.digests.send(site), 200);
    });
}
