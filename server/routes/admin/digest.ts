import { Hono } from 'hono';
import { changelogUrl } from '../../changelog/posts.ts';
import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import type { DigestStatus } from '../../schema/changelog.ts';
import { siteOr404 } from './sites.ts';

/**
 * /api/sites/:siteId/digest: whether the changelog's email digest can go out (SMTP configured), how many
 * subscribe to it and when it last ran; `POST …/digest/send` sends it now, whatever the schedule.
 */
export function digestRoutes(deps: RouteDeps) {
  return new Hono()
    .get('/sites/:siteId/digest', async (c) => {
      const site = await siteOr404(deps, c.req.param('siteId'));
      const status: DigestStatus = {
        smtp: deps.mailer !== undefined,
        changelogUrl: site.changelogSlug === null ? null : changelogUrl(deps.publicUrl, site.changelogSlug),
        subscribers: await deps.store.countSubscribers(site.id),
        lastRunAt: await deps.store.lastDigestRun(site.id),
      };
      return c.json(status);
    })
    .post('/sites/:siteId/digest/send', async (c) => {
      const site = await siteOr404(deps, c.req.param('siteId'));
      if (deps.mailer === undefined)
        throw new ApiError(409, 'smtp_not_configured', 'no mail can go out: set HERALD_SMTP_URL');
      if (site.changelogSlug === null)
        throw new ApiError(409, 'no_changelog', 'the site has no public changelog: set its changelog slug');
      return c.json(await deps.digests.send(site));
    });
}
