import { decide } from '../../core/decide.ts';
import { releaseDecision } from '../../core/releases.ts';
import type { RouteDeps } from '../../deps.ts';
import type { UserLookup } from '../../schema/insights.ts';
import type { Release } from '../../schema/release.ts';
import type { Site } from '../../schema/site.ts';

function releaseReason(release: Release, d: ReturnType<typeof releaseDecision>): string {
  if (release.status === 'draft') return 'the release has not started';
  if (release.status === 'rolled_back') return 'the release was rolled back';
  if (d.holdout) return 'in the holdout, kept from the release to measure its lift';
  if (d.enabled) return `exposed in phase “${d.phase}”`;
  const phase = release.phases[release.currentPhase];
  return phase ? `not inside phase “${phase.name}” (${phase.percent}% of its audience) yet` : 'not exposed';
}

/**
 * Everything support needs to answer "why don't I have it yet?" for one user: last-seen traits, each
 * release's decision in words, and each message's history plus whether decide would show it now.
 */
export async function userLookup(deps: RouteDeps, site: Site, key: string): Promise<UserLookup | null> {
  const state = await deps.store.getUserState(site.id, [key]);
  if (state === null) return null;
  const [messages, releases, responses] = await Promise.all([
    deps.store.listMessages(site.id),
    deps.store.listReleases(site.id),
    deps.store.userResponses(site.id, [key]),
  ]);
  const now = deps.clock();
  const decision = decide({
    messages: messages.filter((m) => m.status !== 'archived'),
    releases,
    attention: site.attention,
    siteLocale: site.defaultLocale,
    user: { key, traits: state.traits },
    state,
    context: {},
    now,
  });
  const hidden = new Map(decision.hidden.map((h) => [h.id, h]));
  return {
    key,
    traits: state.traits,
    lastSeenAt: state.lastSeenAt,
    releases: releases.map((r) => {
      const d = releaseDecision(r, key, state.traits);
      return { id: r.id, key: r.key, name: r.name, ...d, reason: releaseReason(r, d) };
    }),
    messages: messages
      .filter((m) => state.messages[m.id] !== undefined || !hidden.has(m.id) || m.status === 'live')
      .map((m) => {
        const h = state.messages[m.id];
        return {
          id: m.id,
          name: m.name,
          kind: m.kind,
          impressions: h?.impressions ?? 0,
          lastSeenAt: h?.lastSeenAt ?? null,
          dismissedAt: h?.dismissedAt ?? null,
          clickedAt: h?.clickedAt ?? null,
          respondedAt: h?.respondedAt ?? null,
          responses: responses
            .filter((r) => r.messageId === m.id)
            .map(({ value, text, at }) => ({ value, text, at })),
          shown: !hidden.has(m.id),
          reason: hidden.get(m.id)?.reason ?? null,
        };
      }),
  };
}
