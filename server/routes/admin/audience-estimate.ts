import { compileSite } from '../../core/compile/compile-site.ts';
import { evalCondition } from '../../core/conditions/evaluate.ts';
import { targets } from '../../core/explain.ts';
import { emptyUserState } from '../../core/history.ts';
import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import type { AudienceEstimate, AudienceEstimateRequest } from '../../schema/insights.ts';
import type { Message } from '../../schema/message.ts';
import type { Site } from '../../schema/site.ts';

/** Estimates read at most this many known users; past it the estimate says how many it read. */
const ESTIMATE_LIMIT = 200_000;

/**
 * How many known users a message with this audience, rollout and release would reach now, by decide's own
 * checks on each user's last-seen traits and recorded exposure (a release paused at Texas 50% counts neither
 * Boston users nor the Texans it had not reached). Pages, schedule and what users already saw are left out.
 */
export async function audienceEstimate(
  deps: RouteDeps,
  site: Site,
  req: AudienceEstimateRequest,
): Promise<AudienceEstimate> {
  const [releases, saved, segments] = await Promise.all([
    deps.store.listReleases(site.id),
    req.messageId === undefined ? null : deps.store.getMessage(req.messageId),
    deps.store.listSegments(site.id),
  ]);
  if (req.releaseId !== null && !releases.some((r) => r.id === req.releaseId))
    throw new ApiError(400, 'invalid_request', 'release not found on this site', {
      releaseId: 'no release with this id on this site',
    });
  if (req.messageId !== undefined && saved?.siteId !== site.id)
    throw new ApiError(400, 'invalid_request', 'message not found on this site', {
      messageId: 'no message with this id on this site',
    });
  const message: Message = {
    ...(saved ?? blank(site)),
    audience: req.audience,
    releaseId: req.releaseId,
    rollout: { percent: req.percent },
    status: 'live',
    pages: { include: [], exclude: [] },
    schedule: { start: null, end: null },
  };
  const compiled = compileSite({
    messages: [message],
    releases,
    segments,
    attention: site.attention,
    siteLocale: 'en',
  });
  const m = compiled.messages[0];
  const audienceAlone = m?.message.audience ?? req.audience;
  const users = await deps.store.knownUsers(site.id, ESTIMATE_LIMIT);
  const now = deps.clock();
  let matching = 0;
  let audience = 0;
  for (const u of users) {
    if (evalCondition(u.traits, audienceAlone)) audience++;
    const state = { ...emptyUserState(), traits: u.traits, exposures: u.exposures };
    if (m && targets(compiled, m, { key: u.key, traits: u.traits }, state, now)) matching++;
  }
  return { matching, known: users.length, audience };
}

/** What the estimate sets on the message it checks, whether saved or not (see `audienceEstimate`). */
type Estimated = 'audience' | 'releaseId' | 'rollout' | 'status' | 'pages' | 'schedule';

/** A message not saved yet: the rest of a message, which the estimate does not set itself. */
function blank(site: Site): Omit<Message, Estimated> {
  return {
    id: 'msg_estimate',
    siteId: site.id,
    version: 0,
    kind: 'announcement',
    name: 'estimate',
    display: { style: 'banner' },
    content: {},
    compiled: {},
    trigger: { on: 'load', delayMs: 0 },
    frequency: { mode: 'always' },
    priority: 0,
    feed: false,
    createdAt: site.createdAt,
    updatedAt: site.createdAt,
    publishedAt: null,
  };
}
