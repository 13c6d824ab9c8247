import { decideCompiled } from '../../core/decide.ts';
import { feedFor } from '../../core/feed.ts';
import { emptyUserState } from '../../core/history.ts';
import { asksForTestMode, isTestUser, testModeGranted } from '../../core/test-mode.ts';
import type { RouteDeps } from '../../deps.ts';
import { receiptSigner } from '../../http/receipts.ts';
import { json, jsonText, routeApp } from '../../http/routes.ts';
import { traitProblems } from '../../schema/common.ts';
import { DecideResponse } from '../../schema/decide.ts';
import { decideAnswer, forTestMode } from './decide-answer.ts';
import { countNewAnonymous, publicCaller, widgetRoute } from './site-context.ts';

const decide = widgetRoute('What this user should see now', {
  200: json(DecideResponse, 'The messages to show, each with its receipt'),
});

/** POST /v1/decide: what this user should see now. Costs one user-state lookup; messages come from memory. */
export function decideRoutes(deps: RouteDeps) {
  return routeApp().openapi(decide, async (c) => {
    const { req, live, now, user, known } = await publicCaller(deps, c);
    if (known === null && user.id === undefined) await countNewAnonymous(deps, c);
    const state = known ?? emptyUserState();
    const merged = { ...state.traits, ...user.traits };
    // The request's traits are within bounds; stored ones merged in may pass 50 keys: then the new ones win alone.
    const traits = traitProblems(merged).length === 0 ? merged : user.traits;
    const testMode = asksForTestMode(req.user.test, req.context.url) && testModeGranted(live.site, user);
    const decided = decideCompiled(live.compiled, {
      user: { key: user.key, traits },
      state,
      context: req.context,
      now,
      testMode,
    });
    const decision = testMode ? forTestMode(decided, live.releases) : decided;
    // Written only when something is new, both in the same group commit (one transaction for many decides):
    // changed traits, and a release reaching this user for the first time, so their exposure sticks.
    const at = now.toISOString();
    const newTraits =
      Object.keys(user.traits).length > 0 && JSON.stringify(traits) !== JSON.stringify(state.traits);
    await Promise.all([
      newTraits ? deps.store.saveTraits(live.site.id, user.key, traits, at) : undefined,
      // A test user's exposures are never recorded: they would count in the release report.
      isTestUser(live.site, user.key)
        ? undefined
        : deps.store.recordExposures(live.site.id, user.key, decision.exposures, at),
    ]);
    const feed = feedFor({
      ...live,
      siteLocale: live.site.defaultLocale,
      user: { key: user.key, traits },
      state,
      locale: req.context.locale,
      now,
    });
    // Each message's events count only with its receipt (DESIGN: nobody may forge feedback).
    const sign = receiptSigner(live.site, user, now);
    const body = decideAnswer(
      decision,
      {
        theme: live.site.theme,
        // Only for a user with posts to read: otherwise no launcher shows, and a page with no message
        // downloads no UI at all (the loader imports the surfaces for messages or for the launcher).
        feedUnread: feed.posts.length > 0 ? feed.unread : undefined,
        receipt: sign(''),
        ...(testMode && { test: true as const }),
      },
      (m) => ({ receipt: sign(m.id) }),
    );
    return jsonText<DecideResponse>(c, body);
  });
}
