import { Hono } from 'hono';
import { decide } from '../../core/decide.ts';
import { emptyUserState } from '../../core/history.ts';
import type { RouteDeps } from '../../deps.ts';
import { parseBody } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { PreviewRequest, type PreviewResponse } from '../../schema/preview.ts';
import { siteOr404 } from './sites.ts';

/**
 * POST /api/sites/:siteId/preview: would this sample user see this message now, and if not, why.
 * Judges the message as if it were live, so a draft can be checked before publishing.
 */
export function previewRoutes(deps: RouteDeps) {
  return new Hono().post('/sites/:siteId/preview', async (c) => {
    const site = await siteOr404(deps, c.req.param('siteId'));
    const req = await parseBody(c, PreviewRequest);
    const message = await deps.store.getMessage(req.messageId);
    if (message?.siteId !== site.id) throw new ApiError(404, 'not_found', 'message not found on this site');
    const key = req.user.id ?? req.user.anonymousId ?? 'preview-user';
    const keys = [req.user.id, req.user.anonymousId].filter((k): k is string => k !== undefined);
    const stored = keys.length > 0 ? await deps.store.getUserState(site.id, keys) : null;
    const state = stored ?? emptyUserState();
    const decision = decide({
      messages: [
        message.status === 'draft' || message.status === 'paused' ? { ...message, status: 'live' } : message,
      ],
      releases: await deps.store.listReleases(site.id),
      attention: site.attention,
      siteLocale: site.defaultLocale,
      user: { key, traits: { ...state.traits, ...req.user.traits } },
      state,
      context: req.context,
      now: deps.clock(),
      ignoreHistory: req.ignoreHistory,
    });
    const hidden = decision.hidden[0];
    const body: PreviewResponse = hidden
      ? { show: false, reason: hidden.reason, detail: hidden.detail }
      : { show: true, reason: null, detail: null };
    return c.json(body);
  });
}
