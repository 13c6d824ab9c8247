import { compileSite } from '../../core/compile/compile-site.ts';
import { explainUser } from '../../core/explain.ts';
import { emptyUserState } from '../../core/history.ts';
import type { ReleaseStanding } from '../../core/release-standing.ts';
import type { RouteDeps } from '../../deps.ts';
import type { ReleaseExplained } from '../../schema/preview.ts';
import type { Release } from '../../schema/release.ts';
import type { Site } from '../../schema/site.ts';

/** One user as an admin tool asks about them: their keys, traits to add, where they are, what to ignore. */
export type ExplainRequest = {
  keys: string[];
  traits?: Record<string, unknown>;
  context?: { url?: string | undefined; locale?: string | undefined };
  ignoreHistory?: boolean;
  /** Judge this message as if it were live (the preview checks a draft before it is published). */
  asLive?: string;
};

/**
 * The preview's and the support lookup's one way to ask: the user's recorded state (traits, exposures, what
 * they saw) and the site's messages and releases, through the same core decision `/v1/decide` runs.
 * `stored` is null when the site has never seen any of the keys.
 */
export async function explainOnSite(deps: RouteDeps, site: Site, req: ExplainRequest) {
  const [stored, messages, releases, segments] = await Promise.all([
    req.keys.length > 0 ? deps.store.getUserState(site.id, req.keys) : null,
    deps.store.listMessages(site.id),
    deps.store.listReleases(site.id),
    deps.store.listSegments(site.id),
  ]);
  const state = stored ?? emptyUserState();
  const judged = messages
    .filter((m) => m.status !== 'archived' || m.id === req.asLive)
    .map((m) =>
      m.id === req.asLive && (m.status === 'draft' || m.status === 'paused')
        ? { ...m, status: 'live' as const }
        : m,
    );
  const compiled = compileSite({
    messages: judged,
    releases,
    segments,
    attention: site.attention,
    siteLocale: site.defaultLocale,
  });
  const key = req.keys[0] ?? 'preview-user';
  const explanation = explainUser(compiled, {
    user: { key, traits: { ...state.traits, ...req.traits } },
    state,
    context: req.context ?? {},
    now: deps.clock(),
    ignoreHistory: req.ignoreHistory,
  });
  return { ...explanation, stored, state, key, allMessages: messages, allReleases: releases };
}

/** A release's standing for the admin API. */
export function releaseExplained(release: Release, standing: ReleaseStanding): ReleaseExplained {
  const { enabled, phase, holdout, why, words } = standing;
  return {
    id: release.id,
    key: release.key,
    name: release.name,
    enabled,
    phase,
    holdout,
    why,
    reason: words,
  };
}
