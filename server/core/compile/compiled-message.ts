import type { ShownMessage } from '../../schema/decide.ts';
import type { Message } from '../../schema/message.ts';
import type { HiddenReason } from '../../schema/reasons.ts';
import type { Release } from '../../schema/release.ts';
import { isFollowUp, isInterrupting } from '../attention.ts';
import { rolloutTest } from '../bucketing.ts';
import { chooseLocale, isRtlLocale } from '../content/locale.ts';
import { dismissalScope } from '../frequency.ts';

/** Why a message is hidden, in the preview's words. */
export type Verdict = { reason: HiddenReason; detail: string };

/**
 * A shown message ready to send: the value, and its JSON without the closing brace, so the route can append
 * the fields that differ per user (the `receipt`) and close it, instead of serialising content per request.
 */
export type PreparedShown = { value: ShownMessage; openJson: string };

/** One message compiled for decide: everything that does not depend on the user is worked out here. */
export type CompiledMessage = {
  message: Message;
  /** A verdict known without the user (not live), or null. */
  fixed: Verdict | null;
  startsAt: number | null;
  endsAt: number | null;
  /** Index into the site's distinct page rules and audiences, each run at most once per request. */
  pagesIndex: number;
  audienceIndex: number;
  /** Why the audience hides it, naming the saved segments it refers to. */
  outsideAudience: Verdict;
  inRollout: (userKey: string) => boolean;
  outsideRollout: Verdict;
  /** The message's release (undefined when it names one that does not exist), or null. */
  release: Release | null | undefined;
  interrupting: boolean;
  /** A release's survey asked when the user acts: the gap its own release spent does not hold it back. */
  followUp: boolean;
  /** The message as shown in the locale nearest to the requested one, or null when it has no content. */
  shownFor: (requestedLocale: string | undefined) => PreparedShown | null;
};

/** Enough requested locales for any real audience; past it the memo starts over rather than grow. */
const maxLocales = 64;

/**
 * Compiles one message. `pagesIndex` and `audienceIndex` come from the site compiler, which shares page rules
 * and audiences between messages that have the same ones; `audienceWords` names the segments in its audience.
 */
export function compileMessage(
  message: Message,
  releases: Map<string, Release>,
  siteLocale: string,
  {
    audienceWords,
    ...indexes
  }: { pagesIndex: number; audienceIndex: number; audienceWords?: string | undefined },
): CompiledMessage {
  const release = message.releaseId === null ? null : releases.get(message.releaseId);
  const { start, end } = message.schedule;
  return {
    outsideAudience: {
      reason: 'not-in-audience',
      detail: `the user’s traits do not match the audience${audienceWords ? ` (${audienceWords})` : ''}`,
    },
    message,
    fixed:
      message.status === 'live' ? null : { reason: 'not-live', detail: `the message is ${message.status}` },
    startsAt: start === null ? null : Date.parse(start),
    endsAt: end === null ? null : Date.parse(end),
    ...indexes,
    inRollout: rolloutTest(message.id, message.rollout.percent),
    outsideRollout: {
      reason: 'outside-rollout',
      detail: `the user is outside the ${message.rollout.percent}% rollout`,
    },
    release,
    interrupting: isInterrupting(message.kind, message.display, message.attentionExempt),
    followUp: isFollowUp(message),
    shownFor: shownByLocale(message, siteLocale, release?.key),
  };
}

/** The shown message per requested locale, each locale's answer prepared once. */
function shownByLocale(message: Message, siteLocale: string, releaseKey: string | undefined) {
  const locales = Object.keys(message.compiled);
  const fallback = message.defaultLocale ?? siteLocale;
  const prepared = new Map<string, PreparedShown>();
  const chosen = new Map<string, PreparedShown | null>();
  return (requested: string | undefined): PreparedShown | null => {
    const wanted = requested ?? '';
    let answer = chosen.get(wanted);
    if (answer !== undefined) return answer;
    answer = null;
    if (locales.length > 0) {
      const locale = chooseLocale(locales, requested, fallback);
      answer = prepared.get(locale) ?? null;
      if (answer === null) {
        answer = prepare(message, locale, releaseKey);
        if (answer !== null) prepared.set(locale, answer);
      }
    }
    if (chosen.size >= maxLocales) chosen.clear();
    chosen.set(wanted, answer);
    return answer;
  };
}

function prepare(message: Message, locale: string, releaseKey: string | undefined): PreparedShown | null {
  const content = message.compiled[locale];
  if (content === undefined) return null;
  const value: ShownMessage = {
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
  return { value, openJson: JSON.stringify(value).slice(0, -1) };
}
