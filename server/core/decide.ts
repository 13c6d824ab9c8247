import type { ReleaseDecision, ShownMessage } from '../schema/decide.ts';
import type { UserState } from '../schema/history.ts';
import type { Message } from '../schema/message.ts';
import type { HiddenReason } from '../schema/reasons.ts';
import type { Release } from '../schema/release.ts';
import type { AttentionBudget } from '../schema/site.ts';
import { alreadyPaid, attentionAllowance, isInterrupting } from './attention.ts';
import { inRollout } from './bucketing.ts';
import { evalCondition } from './conditions/evaluate.ts';
import { chooseLocale, isRtlLocale } from './content/locale.ts';
import { dismissalScope, frequencyVerdict } from './frequency.ts';
import { pageAllowed } from './pages.ts';
import { decisionOf, releaseReach } from './releases.ts';
import { scheduleState } from './schedule.ts';

/** Everything decide() needs, gathered by the route: no I/O or clock inside. */
export type DecideInput = {
  messages: Message[];
  releases: Release[];
  attention: AttentionBudget;
  siteLocale: string;
  user: { key: string; traits: Record<string, unknown> };
  state: UserState;
  context: { url?: string | undefined; locale?: string | undefined };
  now: Date;
  /** Preview: judge targeting alone, ignoring what the user already saw. */
  ignoreHistory?: boolean;
};

/** Why one message is hidden from this user, for the admin preview. */
export type Hidden = { id: string; reason: HiddenReason; detail: string };

/** A release reaching a user for the first time: to be recorded, so their exposure sticks. */
export type NewExposure = { releaseId: string; phase: number; holdout: boolean };

export type Decision = {
  messages: ShownMessage[];
  hidden: Hidden[];
  releases: Record<string, ReleaseDecision>;
  exposures: NewExposure[];
};

/** Orders messages: higher priority first, then the earlier published, then by id so the order is stable. */
export function byPriority(a: Message, b: Message): number {
  return (
    b.priority - a.priority ||
    (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') ||
    a.id.localeCompare(b.id)
  );
}

/**
 * What this user should see now, in order, and for every other message why not (CONVENTIONS #8).
 *
 * @example decide({ messages, releases, attention, siteLocale: 'en', user, state, context, now }).hidden
 *   // [{ id: 'msg_2', reason: 'not-in-audience', detail: '…' }]
 */
export function decide(input: DecideInput): Decision {
  const { user, now } = input;
  const releases: Record<string, ReleaseDecision> = {};
  const releaseById = new Map<string, { release: Release; decision: ReleaseDecision }>();
  const exposures: NewExposure[] = [];
  for (const release of input.releases) {
    const recorded = input.state.exposures?.[release.id];
    const reach = releaseReach(release, user.key, user.traits, recorded);
    if (reach !== null && recorded === undefined) exposures.push({ releaseId: release.id, ...reach });
    const decision = decisionOf(release, reach);
    releases[release.key] = decision;
    releaseById.set(release.id, { release, decision });
  }

  const hidden: Hidden[] = [];
  const eligible: Message[] = [];
  for (const message of [...input.messages].sort(byPriority)) {
    const verdict = judge(message, input, releaseById);
    if (verdict === null) eligible.push(message);
    else hidden.push({ id: message.id, ...verdict });
  }

  let allowance = input.ignoreHistory
    ? Number.POSITIVE_INFINITY
    : attentionAllowance(input.attention, input.state.interruptions, now);
  const messages: ShownMessage[] = [];
  for (const message of eligible) {
    const shown = toShown(message, input, releaseById.get(message.releaseId ?? '')?.release.key);
    if (shown === null) {
      hidden.push({ id: message.id, reason: 'no-content', detail: 'the message has no content' });
      continue;
    }
    if (
      isInterrupting(message.kind, message.display) &&
      !alreadyPaid(input.state.messages[message.id], now)
    ) {
      if (allowance <= 0) {
        hidden.push({
          id: message.id,
          reason: 'attention-budget',
          detail: 'the site-wide attention budget for this user is spent for now',
        });
        continue;
      }
      allowance -= 1;
    }
    messages.push(shown);
  }
  return { messages, hidden, releases, exposures };
}

type Verdict = { reason: HiddenReason; detail: string } | null;

function judge(
  message: Message,
  input: DecideInput,
  releases: Map<string, { release: Release; decision: ReleaseDecision }>,
): Verdict {
  if (message.status !== 'live') return { reason: 'not-live', detail: `the message is ${message.status}` };
  const when = scheduleState(message.schedule, input.now);
  if (when === 'before') return { reason: 'scheduled', detail: `starts at ${message.schedule.start}` };
  if (when === 'after') return { reason: 'expired', detail: `ended at ${message.schedule.end}` };
  if (!pageAllowed(message.pages, input.context.url))
    return { reason: 'page-excluded', detail: `page rules exclude ${input.context.url}` };
  if (!evalCondition(input.user.traits, message.audience))
    return { reason: 'not-in-audience', detail: 'the user’s traits do not match the audience' };
  if (!inRollout(message.id, input.user.key, message.rollout.percent)) {
    return {
      reason: 'outside-rollout',
      detail: `the user is outside the ${message.rollout.percent}% rollout`,
    };
  }
  if (message.releaseId !== null) {
    const r = releases.get(message.releaseId);
    if (
      r === undefined ||
      r.release.status === 'draft' ||
      r.release.status === 'paused' ||
      r.release.status === 'rolled_back'
    ) {
      return { reason: 'release-inactive', detail: `the release is ${r?.release.status ?? 'missing'}` };
    }
    if (r.decision.holdout) return { reason: 'holdout', detail: 'the user is in the release’s holdout' };
    if (!r.decision.enabled)
      return { reason: 'not-exposed', detail: 'the release has not reached this user yet' };
  }
  if (input.ignoreHistory) return null;
  const reason = frequencyVerdict(
    message.frequency,
    message.kind,
    input.state.messages[message.id],
    input.now,
  );
  return reason === null ? null : { reason, detail: frequencyDetail(reason) };
}

function frequencyDetail(reason: HiddenReason): string {
  if (reason === 'dismissed') return 'the user dismissed it';
  if (reason === 'answered') return 'the user already answered';
  return 'the frequency rule has been met';
}

function toShown(message: Message, input: DecideInput, releaseKey: string | undefined): ShownMessage | null {
  const locales = Object.keys(message.compiled);
  if (locales.length === 0) return null;
  const locale = chooseLocale(locales, input.context.locale, message.defaultLocale ?? input.siteLocale);
  const content = message.compiled[locale];
  if (content === undefined) return null;
  return {
    id: message.id,
    kind: message.kind,
    display: message.display,
    content,
    locale,
    rtl: isRtlLocale(locale),
    trigger: message.trigger,
    ...(message.survey ? { survey: message.survey } : {}),
    pages: message.pages,
    dismissible: dismissalScope(message.frequency),
    priority: message.priority,
    ...(releaseKey ? { releaseKey } : {}),
  };
}
