import { later } from '../../core/history.ts';
import type { RouteDeps } from '../../deps.ts';
import type { UserLookup } from '../../schema/insights.ts';
import type { Site } from '../../schema/site.ts';
import { explainOnSite, releaseExplained } from './explain-user.ts';

/**
 * Everything support needs to answer "why don't I have it yet?" for one user: last-seen traits, each
 * release's decision and the rule behind it in words, and each message's history plus whether decide would
 * show it now and why not. All from the core decision `/v1/decide` runs, on the user's recorded state.
 */
export async function userLookup(deps: RouteDeps, site: Site, key: string): Promise<UserLookup | null> {
  const [x, responses, goalAt] = await Promise.all([
    explainOnSite(deps, site, { keys: [key] }),
    deps.store.userResponses(site.id, [key]),
    deps.store.lastGoalAt(site.id, [key]),
  ]);
  if (x.stored === null) return null;
  const { state } = x;
  return {
    key,
    traits: state.traits,
    // Goals leave the state as it was (`changesState`): the later of the two is when the user was last seen.
    lastSeenAt: goalAt === null ? state.lastSeenAt : later(state.lastSeenAt, goalAt),
    releases: x.allReleases.flatMap((r) => {
      const standing = x.releases.get(r.id);
      return standing ? [releaseExplained(r, standing)] : [];
    }),
    messages: x.allMessages
      .filter((m) => state.messages[m.id] !== undefined || m.status === 'live')
      .map((m) => {
        const h = state.messages[m.id];
        const verdict = x.messages.get(m.id);
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
          // An archived message is not judged (decide never sees it); it is listed for its history.
          ...(verdict ?? archived),
        };
      }),
  };
}

const archived = { shown: false, reason: 'not-live', detail: 'the message is archived' } as const;
