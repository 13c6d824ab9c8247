import type { UserState } from '../schema/history.ts';
import type { HiddenReason } from '../schema/reasons.ts';
import type { AttentionBudget } from '../schema/site.ts';
import type { CompiledSite } from './compile/compile-site.ts';
import type { CompiledMessage } from './compile/compiled-message.ts';
import { judge, startJudging } from './compile/judge.ts';
import { type DecideRequestInput, type Decision, decideCompiled, releaseDecisions } from './decide.ts';
import { type ReleaseStanding, releaseStanding } from './release-standing.ts';

/** One message for one user: shown, or the reason decide hid it and that reason in words. */
export type MessageVerdict = { shown: boolean; reason: HiddenReason | null; detail: string | null };

/** decide's answer for one user, with every release's standing and every message's verdict in words. */
export type Explanation = {
  decision: Decision;
  /** By release id. */
  releases: Map<string, ReleaseStanding>;
  /** By message id. */
  messages: Map<string, MessageVerdict>;
};

const releaseReasons = new Set<HiddenReason>(['release-inactive', 'not-exposed', 'holdout']);

/**
 * The one source of every explanation (the preview, "who will see this", the support lookup): decide itself
 * on the user's recorded state, each hidden message's reason said in words, and, where the release is the
 * reason, which of its rules keeps the user out.
 *
 * @example explainUser(site, { user, state, context: {}, now }).messages.get('msg_1')
 *   // { shown: false, reason: 'not-exposed', detail: 'release “Offline mode”: outside the audience of …' }
 */
export function explainUser(site: CompiledSite, input: DecideRequestInput): Explanation {
  const decision = decideCompiled(site, input);
  const releases = new Map(
    site.releases.map((r) => [
      r.id,
      releaseStanding(
        r,
        input.user.key,
        input.user.traits,
        input.state.exposures?.[r.id],
        site.audienceWords,
      ),
    ]),
  );
  const messages = new Map<string, MessageVerdict>();
  for (const m of decision.messages) messages.set(m.id, { shown: true, reason: null, detail: null });
  const compiled = new Map(site.messages.map((m) => [m.message.id, m.message]));
  for (const h of decision.hidden) {
    const release = compiled.get(h.id)?.releaseId;
    const standing = release == null ? undefined : releases.get(release);
    let detail = h.detail;
    if (standing !== undefined && releaseReasons.has(h.reason))
      detail = `release “${site.releases.find((r) => r.id === release)?.name}”: ${standing.words}`;
    else if (h.reason === 'attention-budget') detail = budgetWords(site.attention, input.state, input.now);
    messages.set(h.id, { shown: false, reason: h.reason, detail });
  }
  return { decision, releases, messages };
}

/**
 * Whether a message's targeting (audience, rollout percentage, its release's status, phase, percentage and
 * holdout) reaches a user, whatever they saw already: decide's own checks with the history ignored. What the
 * audience estimate counts.
 */
export function targets(
  site: CompiledSite,
  m: CompiledMessage,
  user: DecideRequestInput['user'],
  state: UserState,
  now: Date,
): boolean {
  const { byId } = releaseDecisions(site, user, state);
  const judging = startJudging(site, {
    user,
    state,
    url: undefined,
    now,
    ignoreHistory: true,
    testMode: false,
    releases: byId,
  });
  return judge(judging, m) === null;
}

/** The attention budget, named, when it is the reason: its rule and what this user already had. */
function budgetWords(budget: AttentionBudget, state: UserState, now: Date): string {
  const rule = `the site’s attention budget (at most ${budget.maxPerDay} interruptions a day, ${budget.minGapMinutes} minutes apart)`;
  const t = now.getTime();
  const recent = state.interruptions.map((s) => Date.parse(s)).filter((x) => x > t - 86_400_000 && x <= t);
  if (recent.length === 0) return `${rule}: another interrupting message comes first on this visit`;
  const ago = Math.round((t - Math.max(...recent)) / 60_000);
  return `${rule}: this user had ${recent.length} in the last day, the last ${ago} minutes ago`;
}
