import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { adminRoute, body, json, routeApp } from '../../http/routes.ts';
import { PreviewRequest, PreviewResponse } from '../../schema/preview.ts';
import { explainOnSite, releaseExplained } from './explain-user.ts';
import { siteOr404 } from './sites.ts';

const preview = adminRoute('post', '/sites/{siteId}/preview', 'Would this sample user see this message', {
  description: 'And why not',
  request: { body: body(PreviewRequest) },
  responses: { 200: json(PreviewResponse, 'Shown or not, with the rule that decided') },
});

/**
 * POST /api/sites/:siteId/preview: would this sample user see this message now, and if not, which rule keeps
 * them out. Decides over the whole site (other messages spend the attention budget too) with the user's
 * recorded state, as `/v1/decide` does; the message is judged as if it were live, so a draft can be checked
 * before publishing.
 */
export function previewRoutes(deps: RouteDeps) {
  return routeApp().openapi(preview, async (c) => {
    const site = await siteOr404(deps, c.req.valid('param').siteId);
    const req = c.req.valid('json');
    const message = await deps.store.getMessage(req.messageId);
    if (message?.siteId !== site.id) throw new ApiError(404, 'not_found', 'message not found on this site');
    const keys = [req.user.id, req.user.anonymousId].filter((k): k is string => k !== undefined);
    const x = await explainOnSite(deps, site, {
      keys,
      traits: req.user.traits,
      context: req.context,
      ignoreHistory: req.ignoreHistory,
      asLive: message.id,
    });
    const verdict = x.messages.get(message.id);
    const release = x.allReleases.find((r) => r.id === message.releaseId);
    const standing = release && x.releases.get(release.id);
    const body: PreviewResponse = {
      show: verdict?.shown ?? false,
      reason: verdict?.reason ?? null,
      detail: verdict?.detail ?? null,
      release: release && standing ? releaseExplained(release, standing) : null,
    };
    return c.json(body, 200);
  });
}
