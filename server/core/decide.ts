import type { ReleaseDecision, ShownMessage } from '../schema/decide.ts';
import type { UserState } from '../schema/history.ts';
import type { HiddenReason } from '../schema/reasons.ts';
import { alreadyPaid, attentionAllowance, followUpAllowed } from './attention.ts';
import { type CompiledSite, compileSite, type SiteRules } from './compile/compile-site.ts';
import type { CompiledMessage } from './compile/compiled-message.ts';
import { judge, startJudging } from './compile/judge.ts';
import { decisionOf, releaseReach, testDecision } from './releases.ts';

/** The order decide shows messages in, decided when the site is compiled. */
export { byPriority } from './compile/compile-site.ts';

/** Everything decide() needs, gathered by the route: no I/O or clock inside. */
export type DecideInput = SiteRules & {
  user: { key: string; traits: Record<string, unknown> };
  state: UserState;
  context: { url?: string | undefined; locale?: string | undefined };
  now: Date;
  /** Preview: judge targeting alone, ignoring what the user already saw. */
  ignoreHistory?: boolean;
  /**
   * Test mode, granted by the route to a site's listed test users only: every release that is not rolled
   * back reaches them (draft, paused or in an early phase), without holdout, and nothing is recorded.
   */
  testMode?: boolean;
};

/** Why one message is hidden from this user, for the admin preview. */
export type Hidden = { id: string; reason: HiddenReason; detail: string };

/** A release reaching a user for the first time: to be recorded, so their exposure sticks. */
export type NewExposure = { releaseId: string; phase: number; holdout: boolean };

export type Decision = {
  /** Shown messages, in order. Shared with the compiled site: read, never change them. */
  messages: ShownMessage[];
  /**
   * Each shown message as JSON without its closing brace, in the same order: the route appends the fields
   * that differ per user (a `receipt`) and `}` instead of serialising the content on every request.
   */
  messagesJson: string[];
  hidden: Hidden[];
  releases: Record<string, ReleaseDecision>;
  exposures: NewExposure[];
};

/**
 * What this user should see now, in order, and for every other message why not (CONVENTIONS #8).
 * Compiles the rules first: for the preview and tests. The decide route runs `decideCompiled` on the
 * live cache's compiled site instead.
 *
 * @example decide({ messages, releases, attention, siteLocale: 'en', user, state, context, now }).hidden
 *   // [{ id: 'msg_2', reason: 'not-in-audience', detail: '…' }]
 */
export function decide(input: DecideInput): Decision {
  return decideCompiled(compileSite(input), input);
}

/** The per-request part of decide: the user, what they did, where they are, and when. */
export type DecideRequestInput = Pick<
  DecideInput,
  'user' | 'state' | 'context' | 'now' | 'ignoreHistory' | 'testMode'
>;

/**
 * decide() on a compiled site. Per request it parses the URL once, runs each distinct page rule and audience
 * at most once, hashes the user into each rollout, and reads the user's history; nothing else.
 *
 * @example decideCompiled(live.compiled, { user, state, context, now }).messages
 */
export function decideCompiled(site: CompiledSite, input: DecideRequestInput): Decision {
  const { user, state, now } = input;
  const testMode = input.testMode === true;
  const { releases, byId, exposures } = releaseDecisions(site, user, state, testMode);
  const ignoreHistory = input.ignoreHistory === true;
  const judging = startJudging(site, {
    user,
    state,
    url: input.context.url,
    now,
    ignoreHistory,
    releases: byId,
    testMode,
  });
  const hidden: Hidden[] = [];
  const eligible: CompiledMessage[] = [];
  for (const m of site.messages) {
    const verdict = judge(judging, m);
    if (verdict === null) eligible.push(m);
    else hidden.push({ id: m.message.id, reason: verdict.reason, detail: verdict.detail });
  }

  let allowance = ignoreHistory
    ? Number.POSITIVE_INFINITY
    : attentionAllowance(site.attention, state.interruptions, now);
  const messages: ShownMessage[] = [];
  const messagesJson: string[] = [];
  const given: Given = { count: 0, byOthers: false, releases: new Set() };
  for (const m of eligible) {
    const id = m.message.id;
    const shown = m.shownFor(input.context.locale);
    if (shown === null) {
      hidden.push({ id, reason: 'no-content', detail: 'the message has no content' });
      continue;
    }
    if (m.interrupting && !alreadyPaid(state.messages[id], now)) {
      if (allowance > 0) allowance -= 1;
      else if (!(m.followUp && followUpMay(site, m, input, given))) {
        hidden.push({ id, reason: 'attention-budget', detail: attentionSpent });
        continue;
      }
      const releaseId = m.message.releaseId;
      given.count += 1;
      if (releaseId === null) given.byOthers = true;
      else given.releases.add(releaseId);
    }
    messages.push(shown.value);
    messagesJson.push(shown.openJson);
  }
  return { messages, messagesJson, hidden, releases, exposures };
}

/**
 * Each release's decision for this user (by key, as the widget gets them, and by id, for judging messages),
 * and the exposures to record: a release reaching them for the first time.
 */
export function releaseDecisions(
  site: CompiledSite,
  user: DecideInput['user'],
  state: UserState,
  testMode = false,
) {
  const releases: Record<string, ReleaseDecision> = {};
  const byId = new Map<string, ReleaseDecision>();
  const exposures: NewExposure[] = [];
  for (const release of site.releases) {
    if (testMode) {
      const decision = testDecision(release);
      releases[release.key] = decision;
      byId.set(release.id, decision);
      continue;
    }
    const recorded = state.exposures?.[release.id];
    const reach = releaseReach(release, user.key, user.traits, recorded);
    if (reach !== null && recorded === undefined) exposures.push({ releaseId: release.id, ...reach });
    const decision = decisionOf(release, reach);
    releases[release.key] = decision;
    byId.set(release.id, decision);
  }
  return { releases, byId, exposures };
}

/** Interruptions this decision gave: how many, whether one came from no release, and from which releases. */
type Given = { count: number; byOthers: boolean; releases: Set<string> };

/**
 * Whether a follow-up (a release's survey asked when the user acts) may interrupt although the allowance is
 * spent: only the gap its own release's messages spent stands in the way (the day's cap still holds).
 */
function followUpMay(
  site: CompiledSite,
  m: CompiledMessage,
  input: DecideRequestInput,
  given: Given,
): boolean {
  const releaseId = m.message.releaseId;
  const own: number[] = [];
  for (const other of site.messages) {
    if (other.message.releaseId !== releaseId || !other.interrupting) continue;
    const h = input.state.messages[other.message.id];
    if (h?.firstSeenAt) own.push(Date.parse(h.firstSeenAt));
    if (h?.lastSeenAt) own.push(Date.parse(h.lastSeenAt));
  }
  const byOthers = given.byOthers || [...given.releases].some((r) => r !== releaseId);
  return followUpAllowed(site.attention, input.state.interruptions, own, input.now, {
    count: given.count,
    byOthers,
  });
}

const attentionSpent = 'the site-wide attention budget for this user is spent for now';
