import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { releaseFixture } from '../../test/support/core-fixtures.ts';
import { DecideResponse } from '../schema/decide.ts';
import type { Event } from '../schema/events.ts';
import type { UserState } from '../schema/history.ts';
import { type Message, MessageInput, type MessageStatus } from '../schema/message.ts';
import { HiddenReason } from '../schema/reasons.ts';
import type { ReleaseStatus } from '../schema/release.ts';
import { bucket } from './bucketing.ts';
import { byPriority, type DecideInput, type Decision, decide } from './decide.ts';
import { applyEvent, emptyUserState, mergeUserStates } from './history.ts';
import { holdoutSalt } from './releases.ts';

const NOW = new Date('2026-11-26T10:00:00Z');
const TS = '2026-11-01T00:00:00Z';
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

type MessageFixture = Partial<z.input<typeof MessageInput>> & {
  id: string;
  status?: MessageStatus;
  publishedAt?: string | null;
  compiled?: Message['compiled'];
};

/**
 * A stored message as the admin API would make it: the input parsed for its defaults (a banner announcement,
 * untilDismissed, everyone, every page), then identity, lifecycle and content compiled to `{ title, body: [] }`.
 */
function message({ id, status = 'live', publishedAt = TS, compiled, ...input }: MessageFixture): Message {
  const parsed = MessageInput.parse({
    kind: 'announcement',
    name: id,
    display: { style: 'banner' },
    content: { en: { title: `${id} (en)` } },
    ...input,
  });
  return {
    ...parsed,
    id,
    siteId: 'site_1',
    version: 0,
    status,
    compiled:
      compiled ??
      Object.fromEntries(
        Object.entries(parsed.content).map(([locale, c]) => [locale, { title: c.title, body: [] }]),
      ),
    createdAt: TS,
    updatedAt: TS,
    publishedAt,
  };
}

const modal = (id: string, more: Partial<MessageFixture> = {}) =>
  message({ id, display: { style: 'modal' }, ...more });
/** A rating survey in a slide-out (stars unless `more` says otherwise). */
const survey = (id: string, more: Partial<MessageFixture> = {}) =>
  message({ id, kind: 'survey', display: { style: 'slideout' }, survey: { scale: 'stars5' }, ...more });

const release = releaseFixture;

function input(over: Partial<DecideInput> = {}): DecideInput {
  return {
    messages: [],
    releases: [],
    attention: { maxPerDay: 3, minGapMinutes: 30 },
    siteLocale: 'en',
    user: { key: 'u_1', traits: { city: 'Austin', plan: 'pro' } },
    state: emptyUserState(),
    context: { url: 'https://app.example.com/app/home', locale: 'en' },
    now: NOW,
    ...over,
  };
}

let seq = 0;
function event(
  type: Event['type'],
  messageId: string,
  at: string,
  user: Event['user'] = { id: 'u_1' },
): Event {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    type,
    messageId,
    at,
    user,
    ...(type === 'response' ? { value: 5 } : {}),
  };
}

/** A user state built the way the store builds it: events folded in with applyEvent. */
function stateAfter(events: Event[], interrupting: (messageId: string) => boolean = () => false): UserState {
  return events.reduce((s, e) => applyEvent(s, e, interrupting(e.messageId ?? '')), emptyUserState());
}

const shownIds = (d: Decision) => d.messages.map((m) => m.id);
const reasonOf = (d: Decision, id: string) => d.hidden.find((h) => h.id === id)?.reason;

/** The first users u_0, u_1, … whose bucket for a salt passes a test. */
function usersWhere(n: number, test: (key: string) => boolean): string[] {
  const found: string[] = [];
  for (let i = 0; found.length < n; i++) if (test(`u_${i}`)) found.push(`u_${i}`);
  return found;
}
const firstUserWhere = (test: (key: string) => boolean) => usersWhere(1, test)[0] ?? '';

describe('decide: targeting', () => {
  it('shows a live message to a user inside its audience', () => {
    const d = decide(input({ messages: [message({ id: 'msg_1', audience: { city: 'Austin' } })] }));
    expect(shownIds(d)).toEqual(['msg_1']);
    expect(d.hidden).toEqual([]);
  });

  it('hides a message from a user outside its audience (not-in-audience)', () => {
    const d = decide(
      input({
        messages: [message({ id: 'msg_1', audience: { city: 'Austin' } })],
        user: { key: 'u_1', traits: { city: 'Dallas' } },
      }),
    );
    expect(shownIds(d)).toEqual([]);
    expect(d.hidden).toEqual([{ id: 'msg_1', reason: 'not-in-audience', detail: expect.any(String) }]);
  });

  it('shows a message with an operator audience to a matching user', () => {
    const m = message({ id: 'msg_1', audience: { plan: { $in: ['plus', 'pro'] } } });
    expect(shownIds(decide(input({ messages: [m] })))).toEqual(['msg_1']);
    const free = decide(input({ messages: [m], user: { key: 'u_1', traits: { plan: 'free' } } }));
    expect(reasonOf(free, 'msg_1')).toBe('not-in-audience');
  });

  it.each<MessageStatus>(['draft', 'paused', 'archived'])('hides a %s message (not-live)', (status) => {
    const d = decide(input({ messages: [message({ id: 'msg_1', status })] }));
    expect(d.hidden).toEqual([{ id: 'msg_1', reason: 'not-live', detail: `the message is ${status}` }]);
  });

  it('hides a message before its start (scheduled)', () => {
    const start = '2026-11-27T00:00:00Z';
    const d = decide(input({ messages: [message({ id: 'msg_1', schedule: { start } })] }));
    expect(d.hidden).toEqual([{ id: 'msg_1', reason: 'scheduled', detail: expect.stringContaining(start) }]);
  });

  it('hides a message once its end has passed (expired)', () => {
    const end = '2026-11-25T00:00:00Z';
    const d = decide(input({ messages: [message({ id: 'msg_1', schedule: { end } })] }));
    expect(d.hidden).toEqual([{ id: 'msg_1', reason: 'expired', detail: expect.stringContaining(end) }]);
  });

  it('shows a message from the instant its schedule starts and hides it from the instant it ends', () => {
    const m = message({ id: 'msg_1', schedule: { start: NOW.toISOString(), end: '2026-11-27T10:00:00Z' } });
    expect(shownIds(decide(input({ messages: [m] })))).toEqual(['msg_1']);
    const atEnd = decide(input({ messages: [m], now: new Date('2026-11-27T10:00:00Z') }));
    expect(reasonOf(atEnd, 'msg_1')).toBe('expired');
  });

  it('hides a message on a page its rules exclude (page-excluded)', () => {
    const m = message({ id: 'msg_1', pages: { include: ['/app/*'], exclude: ['/app/admin/*'] } });
    const d = decide(input({ messages: [m], context: { url: 'https://app.example.com/app/admin/users' } }));
    expect(d.hidden).toEqual([
      { id: 'msg_1', reason: 'page-excluded', detail: expect.stringContaining('/app/admin/users') },
    ]);
  });

  it('hides a message on a page outside its includes (page-excluded)', () => {
    const m = message({ id: 'msg_1', pages: { include: ['/app/*'] } });
    const d = decide(input({ messages: [m], context: { url: 'https://app.example.com/settings' } }));
    expect(reasonOf(d, 'msg_1')).toBe('page-excluded');
  });

  it('leaves the page to the widget when the request has no URL', () => {
    const m = message({ id: 'msg_1', pages: { include: ['/app/*'] } });
    expect(shownIds(decide(input({ messages: [m], context: {} })))).toEqual(['msg_1']);
  });

  it('gives the most basic reason first: lifecycle, then schedule, then page, then audience', () => {
    const outsider = { key: 'u_1', traits: { city: 'Dallas' } };
    const base = {
      audience: { city: 'Austin' },
      pages: { include: ['/other'] },
      schedule: { start: '2027-01-01T00:00:00Z' },
    };
    const d = decide(
      input({
        user: outsider,
        messages: [
          message({ id: 'a', status: 'draft', ...base }),
          message({ id: 'b', ...base }),
          message({ id: 'c', ...base, schedule: {} }),
          message({ id: 'd', ...base, schedule: {}, pages: {} }),
        ],
      }),
    );
    expect(['a', 'b', 'c', 'd'].map((id) => reasonOf(d, id))).toEqual([
      'not-live',
      'scheduled',
      'page-excluded',
      'not-in-audience',
    ]);
  });
});

describe('decide: rollout', () => {
  const m = message({ id: 'msg_rollout', rollout: { percent: 10 } });

  it('hides a message from a user outside its rollout (outside-rollout)', () => {
    const key = firstUserWhere((u) => bucket('msg_rollout', u) >= 1000);
    const d = decide(input({ messages: [m], user: { key, traits: {} } }));
    expect(d.hidden).toEqual([
      { id: 'msg_rollout', reason: 'outside-rollout', detail: expect.stringContaining('10%') },
    ]);
  });

  it('shows a message to a user inside its rollout', () => {
    const key = firstUserWhere((u) => bucket('msg_rollout', u) < 1000);
    expect(shownIds(decide(input({ messages: [m], user: { key, traits: {} } })))).toEqual(['msg_rollout']);
  });

  it('shows a 10% rollout to 10% ± 1% of 10,000 users', () => {
    let shown = 0;
    for (let i = 0; i < 10_000; i++) {
      shown += decide(input({ messages: [m], user: { key: `u_${i}`, traits: {} } })).messages.length;
    }
    expect(shown).toBeGreaterThanOrEqual(900);
    expect(shown).toBeLessThanOrEqual(1100);
  });

  it('gives each user the same answer on every page and every call (sticky, FIELD-NOTES #2)', () => {
    const urls = ['https://app.example.com/app/home', 'https://app.example.com/app/rides', undefined];
    for (let i = 0; i < 300; i++) {
      const key = `u_${i}`;
      const answers = urls.map(
        (url) =>
          decide(input({ messages: [m], user: { key, traits: {} }, context: { url } })).messages.length,
      );
      expect(new Set(answers).size).toBe(1);
    }
  });
});

describe('decide: frequency', () => {
  it('hides a message the user dismissed (dismissed)', () => {
    const state = stateAfter([
      event('impression', 'msg_1', minutesAgo(60)),
      event('dismiss', 'msg_1', minutesAgo(59)),
    ]);
    const d = decide(input({ messages: [message({ id: 'msg_1' })], state }));
    expect(d.hidden).toEqual([{ id: 'msg_1', reason: 'dismissed', detail: expect.any(String) }]);
  });

  it('hides an untilDismissed message once its call to action was used', () => {
    const state = stateAfter([
      event('impression', 'msg_1', minutesAgo(60)),
      event('click', 'msg_1', minutesAgo(59)),
    ]);
    expect(reasonOf(decide(input({ messages: [message({ id: 'msg_1' })], state })), 'msg_1')).toBe(
      'dismissed',
    );
  });

  it('keeps showing an untilDismissed message the user saw but did not dismiss', () => {
    const state = stateAfter([event('impression', 'msg_1', minutesAgo(60))]);
    expect(shownIds(decide(input({ messages: [message({ id: 'msg_1' })], state })))).toEqual(['msg_1']);
  });

  it('hides a once message after its first impression (frequency-capped)', () => {
    const state = stateAfter([event('impression', 'msg_1', minutesAgo(60))]);
    const d = decide(input({ messages: [message({ id: 'msg_1', frequency: { mode: 'once' } })], state }));
    expect(reasonOf(d, 'msg_1')).toBe('frequency-capped');
  });

  it('hides a times message until its interval has passed', () => {
    const m = message({ id: 'msg_1', frequency: { mode: 'times', times: 3, everyDays: 1 } });
    const state = stateAfter([event('impression', 'msg_1', minutesAgo(60))]);
    expect(reasonOf(decide(input({ messages: [m], state })), 'msg_1')).toBe('frequency-capped');
    const tomorrow = new Date(NOW.getTime() + 24 * 3_600_000);
    expect(shownIds(decide(input({ messages: [m], state, now: tomorrow })))).toEqual(['msg_1']);
  });

  it('never asks an answered survey again (answered)', () => {
    const answered = survey('msg_survey', { frequency: { mode: 'times', times: 10, everyDays: 0 } });
    const state = stateAfter([
      event('impression', 'msg_survey', minutesAgo(3000)),
      event('response', 'msg_survey', minutesAgo(2999)),
    ]);
    expect(reasonOf(decide(input({ messages: [answered], state })), 'msg_survey')).toBe('answered');
  });

  it('shows an always message again after it was dismissed', () => {
    const state = stateAfter([
      event('impression', 'msg_1', minutesAgo(60)),
      event('dismiss', 'msg_1', minutesAgo(59)),
    ]);
    const d = decide(input({ messages: [message({ id: 'msg_1', frequency: { mode: 'always' } })], state }));
    expect(shownIds(d)).toEqual(['msg_1']);
  });

  it('keeps a message dismissed before sign-in hidden after sign-in', () => {
    const anonymous = stateAfter([
      event('impression', 'msg_1', minutesAgo(120), { anonymousId: 'a_9f' }),
      event('dismiss', 'msg_1', minutesAgo(119), { anonymousId: 'a_9f' }),
    ]);
    const identified = stateAfter([event('impression', 'msg_2', minutesAgo(10), { id: 'u_42' })]);
    const state = mergeUserStates([anonymous, identified]);
    const d = decide(
      input({
        messages: [message({ id: 'msg_1' }), message({ id: 'msg_2' })],
        state,
        user: { key: 'u_42', traits: {} },
      }),
    );
    expect(reasonOf(d, 'msg_1')).toBe('dismissed');
    expect(shownIds(d)).toEqual(['msg_2']);
  });

  it('ignores history with ignoreHistory: a dismissed message is judged on targeting alone', () => {
    const state = stateAfter([
      event('impression', 'msg_1', minutesAgo(60)),
      event('dismiss', 'msg_1', minutesAgo(59)),
    ]);
    const d = decide(input({ messages: [message({ id: 'msg_1' })], state, ignoreHistory: true }));
    expect(shownIds(d)).toEqual(['msg_1']);
  });

  it('still applies targeting with ignoreHistory', () => {
    const d = decide(
      input({
        messages: [
          message({ id: 'msg_1', audience: { city: 'Paris' } }),
          message({ id: 'msg_2', status: 'draft' }),
        ],
        ignoreHistory: true,
      }),
    );
    expect(d.hidden.map((h) => h.reason)).toEqual(['not-in-audience', 'not-live']);
  });
});

describe('decide: attention budget', () => {
  it('hides the second interrupting message when a gap is set (attention-budget)', () => {
    const d = decide(input({ messages: [modal('msg_a', { priority: 2 }), modal('msg_b', { priority: 1 })] }));
    expect(shownIds(d)).toEqual(['msg_a']);
    expect(d.hidden).toEqual([{ id: 'msg_b', reason: 'attention-budget', detail: expect.any(String) }]);
  });

  it('still shows banners and tooltips beside an interrupting message', () => {
    const d = decide(
      input({
        messages: [
          modal('msg_modal', { priority: 3 }),
          modal('msg_modal_2', { priority: 2 }),
          message({ id: 'msg_banner', priority: 1 }),
          message({ id: 'msg_tip', kind: 'tooltip', display: { anchor: '#reserve' } }),
        ],
      }),
    );
    expect(shownIds(d)).toEqual(['msg_modal', 'msg_banner', 'msg_tip']);
    expect(d.hidden.map((h) => [h.id, h.reason])).toEqual([['msg_modal_2', 'attention-budget']]);
  });

  it('spends the budget on the higher-priority message', () => {
    const d = decide(
      input({ messages: [modal('msg_low', { priority: 0 }), modal('msg_high', { priority: 5 })] }),
    );
    expect(shownIds(d)).toEqual(['msg_high']);
    expect(reasonOf(d, 'msg_low')).toBe('attention-budget');
  });

  it('counts slide-outs and surveys as interrupting', () => {
    const d = decide(
      input({
        messages: [
          message({ id: 'msg_slide', display: { style: 'slideout' }, priority: 1 }),
          message({
            id: 'msg_survey',
            kind: 'survey',
            display: { style: 'banner' },
            survey: { scale: 'nps' },
          }),
        ],
      }),
    );
    expect(shownIds(d)).toEqual(['msg_slide']);
    expect(reasonOf(d, 'msg_survey')).toBe('attention-budget');
  });

  it('hides every new interrupting message while the gap since the last one runs, but not a banner', () => {
    const state = { ...emptyUserState(), interruptions: [minutesAgo(10)] };
    const d = decide(input({ messages: [modal('msg_modal'), message({ id: 'msg_banner' })], state }));
    expect(shownIds(d)).toEqual(['msg_banner']);
    expect(reasonOf(d, 'msg_modal')).toBe('attention-budget');
  });

  it('hides interrupting messages once the day’s budget is spent', () => {
    const state = { ...emptyUserState(), interruptions: [minutesAgo(300), minutesAgo(200), minutesAgo(100)] };
    const d = decide(input({ messages: [modal('msg_modal')], state }));
    expect(reasonOf(d, 'msg_modal')).toBe('attention-budget');
  });

  it('shows several interrupting messages at once when no gap is set, up to maxPerDay', () => {
    const d = decide(
      input({
        attention: { maxPerDay: 2, minGapMinutes: 0 },
        messages: [
          modal('msg_a', { priority: 3 }),
          modal('msg_b', { priority: 2 }),
          modal('msg_c', { priority: 1 }),
        ],
      }),
    );
    expect(shownIds(d)).toEqual(['msg_a', 'msg_b']);
    expect(reasonOf(d, 'msg_c')).toBe('attention-budget');
  });

  it('shows again an interrupting message the user already had today without spending the budget', () => {
    const state = stateAfter([event('impression', 'msg_seen', minutesAgo(10))], () => true);
    const d = decide(input({ messages: [modal('msg_seen', { priority: 1 }), modal('msg_new')], state }));
    expect(shownIds(d)).toEqual(['msg_seen']);
    expect(reasonOf(d, 'msg_new')).toBe('attention-budget');
  });

  it('ignores the attention budget with ignoreHistory', () => {
    const state = { ...emptyUserState(), interruptions: [minutesAgo(1)] };
    const d = decide(input({ messages: [modal('msg_a'), modal('msg_b')], state, ignoreHistory: true }));
    expect(shownIds(d).sort()).toEqual(['msg_a', 'msg_b']);
  });

  it('does not spend the budget on a message it cannot show for lack of content', () => {
    const d = decide(
      input({
        messages: [modal('msg_empty', { priority: 2, compiled: {} }), modal('msg_ok', { priority: 1 })],
      }),
    );
    expect(reasonOf(d, 'msg_empty')).toBe('no-content');
    expect(shownIds(d)).toEqual(['msg_ok']);
  });
});

describe('decide: a release’s survey asked when the user acts (follow-up)', () => {
  // An Austin user the pilot reaches (bucket below 10%, not held out), on the site's default budget.
  const user = {
    key: usersWhere(
      1,
      (k) => bucket('reserve-ahead', k) < 1000 && bucket(holdoutSalt(release()), k) >= 500,
    )[0] as string,
    traits: { city: 'Austin' },
  };
  const news = modal('msg_news', { priority: 5, releaseId: 'rel_1' });
  const ask = (over: Partial<MessageFixture> = {}) =>
    survey('msg_ask', { releaseId: 'rel_1', trigger: { on: 'event', event: 'reserved' }, ...over });
  const run = (messages: Message[], state = emptyUserState()) =>
    decide(input({ messages, releases: [release()], user, state }));

  it('is given beside its release’s announcement, which spent the gap', () => {
    expect(shownIds(run([news, ask()]))).toEqual(['msg_news', 'msg_ask']);
  });

  it('is given a minute after its release’s announcement was seen', () => {
    const state = stateAfter([event('impression', 'msg_news', minutesAgo(1), { id: user.key })], () => true);
    expect(shownIds(run([news, ask()], state))).toEqual(['msg_news', 'msg_ask']);
  });

  it('waits when another message spent the gap', () => {
    const other = modal('msg_other', { priority: 9 });
    const d = run([other, news, ask()]);
    expect(shownIds(d)).toEqual(['msg_other']);
    expect(reasonOf(d, 'msg_ask')).toBe('attention-budget');
  });

  it('waits when asked on load: only the user’s own action makes it a follow-up', () => {
    const d = run([news, ask({ trigger: { on: 'load', delayMs: 0 } })]);
    expect(reasonOf(d, 'msg_ask')).toBe('attention-budget');
  });

  it('still keeps to the day’s cap', () => {
    const d = decide(
      input({
        messages: [news, ask()],
        releases: [release()],
        user,
        attention: { maxPerDay: 1, minGapMinutes: 30 },
      }),
    );
    expect(reasonOf(d, 'msg_ask')).toBe('attention-budget');
  });
});

describe('decide: order', () => {
  it('orders messages by priority, highest first', () => {
    const d = decide(
      input({
        messages: [
          message({ id: 'msg_mid', priority: 0 }),
          message({ id: 'msg_top', priority: 10 }),
          message({ id: 'msg_low', priority: -5 }),
        ],
      }),
    );
    expect(shownIds(d)).toEqual(['msg_top', 'msg_mid', 'msg_low']);
    expect(d.messages.map((m) => m.priority)).toEqual([10, 0, -5]);
  });

  it('breaks a priority tie by the earlier publication, then by id', () => {
    const d = decide(
      input({
        messages: [
          message({ id: 'msg_c', publishedAt: '2026-11-20T00:00:00Z' }),
          message({ id: 'msg_b', publishedAt: '2026-11-10T00:00:00Z' }),
          message({ id: 'msg_a', publishedAt: '2026-11-20T00:00:00Z' }),
        ],
      }),
    );
    expect(shownIds(d)).toEqual(['msg_b', 'msg_a', 'msg_c']);
  });

  it('gives the same order whatever order the messages arrive in', () => {
    const messages = [5, 1, 3, 1, 0].map((priority, i) => message({ id: `msg_${i}`, priority }));
    const forward = shownIds(decide(input({ messages })));
    const backward = shownIds(decide(input({ messages: [...messages].reverse() })));
    expect(backward).toEqual(forward);
    expect(forward).toEqual(['msg_0', 'msg_2', 'msg_1', 'msg_3', 'msg_4']);
  });

  it('leaves the caller’s message list in its order', () => {
    const messages = [message({ id: 'msg_1', priority: 0 }), message({ id: 'msg_2', priority: 9 })];
    decide(input({ messages }));
    expect(messages.map((m) => m.id)).toEqual(['msg_1', 'msg_2']);
  });

  it('byPriority sorts higher priority first', () => {
    const low = message({ id: 'a', priority: 1 });
    const high = message({ id: 'b', priority: 2 });
    expect(byPriority(high, low)).toBeLessThan(0);
    expect(byPriority(low, high)).toBeGreaterThan(0);
    expect(byPriority(low, low)).toBe(0);
  });
});

describe('decide: locale', () => {
  const multilingual = message({
    id: 'msg_1',
    content: {
      en: { title: 'Reserve a scooter ahead' },
      de: { title: 'Roller vorab reservieren' },
      ar: { title: 'احجز سكوتر مسبقًا' },
    },
  });
  const shown = (context: DecideInput['context'], over: Partial<DecideInput> = {}) =>
    decide(input({ messages: [multilingual], context, ...over })).messages[0];

  it('shows a de-AT user the German content', () => {
    expect(shown({ locale: 'de-AT' })).toMatchObject({
      locale: 'de',
      content: { title: 'Roller vorab reservieren' },
    });
  });

  it('shows a user with an unknown locale the site’s default locale', () => {
    expect(shown({ locale: 'ja-JP' })).toMatchObject({
      locale: 'en',
      content: { title: 'Reserve a scooter ahead' },
    });
  });

  it('shows the site’s default locale when the user sends none', () => {
    expect(shown({}, { siteLocale: 'de' })?.locale).toBe('de');
  });

  it('prefers the message’s own default locale to the site’s', () => {
    const m = message({
      id: 'msg_2',
      content: { en: { title: 'x' }, de: { title: 'y' } },
      defaultLocale: 'de',
    });
    const d = decide(input({ messages: [m], context: { locale: 'ja' }, siteLocale: 'en' }));
    expect(d.messages[0]?.locale).toBe('de');
  });

  it('marks Arabic content right to left', () => {
    expect(shown({ locale: 'ar-EG' })).toMatchObject({ locale: 'ar', rtl: true });
  });

  it('marks English and German content left to right', () => {
    expect(shown({ locale: 'en-US' })?.rtl).toBe(false);
    expect(shown({ locale: 'de' })?.rtl).toBe(false);
  });
});

describe('decide: releases', () => {
  const rel = release();
  const releaseMessage = message({ id: 'msg_rel', releaseId: 'rel_1' });
  const held = (u: string) => bucket(holdoutSalt(rel), u) < 500;
  const phaseBucket = (u: string) => bucket(rel.key, u);
  const austin = (key: string) => ({ key, traits: { city: 'Austin' } });

  it('shows a release message to an exposed user, tagged with the release key', () => {
    const key = firstUserWhere((u) => !held(u) && phaseBucket(u) < 1000);
    const d = decide(input({ messages: [releaseMessage], releases: [rel], user: austin(key) }));
    expect(shownIds(d)).toEqual(['msg_rel']);
    expect(d.messages[0]?.releaseKey).toBe('reserve-ahead');
    expect(d.releases).toEqual({
      'reserve-ahead': { enabled: true, phase: 'Pilot: Austin', holdout: false },
    });
  });

  it('hides a release message from a user the release has not reached (not-exposed)', () => {
    const key = firstUserWhere((u) => !held(u) && phaseBucket(u) >= 1000);
    const d = decide(input({ messages: [releaseMessage], releases: [rel], user: austin(key) }));
    expect(reasonOf(d, 'msg_rel')).toBe('not-exposed');
    expect(d.releases['reserve-ahead']).toEqual({ enabled: false, phase: null, holdout: false });
  });

  it('hides a release message from a held-out user (holdout)', () => {
    const key = firstUserWhere((u) => held(u) && bucket(rel.key, u) < 1000);
    const d = decide(input({ messages: [releaseMessage], releases: [rel], user: austin(key) }));
    expect(reasonOf(d, 'msg_rel')).toBe('holdout');
    // A held-out user keeps the phase they would be in, so reports can compare them with that phase's exposed users.
    expect(d.releases['reserve-ahead']).toEqual({ enabled: false, phase: 'Pilot: Austin', holdout: true });
  });

  it.each<ReleaseStatus>(['draft', 'rolled_back'])(
    'hides a release message while the release is %s (release-inactive)',
    (status) => {
      const key = firstUserWhere((u) => !held(u) && phaseBucket(u) < 1000);
      const d = decide(
        input({ messages: [releaseMessage], releases: [release({}, { status })], user: austin(key) }),
      );
      expect(d.hidden).toEqual([
        { id: 'msg_rel', reason: 'release-inactive', detail: expect.stringContaining(status) },
      ]);
      expect(d.releases['reserve-ahead']?.enabled).toBe(false);
    },
  );

  it('hides a message whose release is missing (release-inactive)', () => {
    const d = decide(input({ messages: [releaseMessage], releases: [] }));
    expect(d.hidden).toEqual([
      { id: 'msg_rel', reason: 'release-inactive', detail: expect.stringContaining('missing') },
    ]);
  });

  it('keeps a user exposed in the pilot seeing release messages after the release advances', () => {
    const key = firstUserWhere((u) => !held(u) && phaseBucket(u) < 1000);
    for (const currentPhase of [0, 1, 2]) {
      const d = decide(
        input({ messages: [releaseMessage], releases: [release({}, { currentPhase })], user: austin(key) }),
      );
      expect(shownIds(d)).toEqual(['msg_rel']);
      expect(d.releases['reserve-ahead']?.phase).toBe('Pilot: Austin');
    }
  });

  it.each<[ReleaseStatus, number]>([
    ['active', 0],
    ['active', 1],
    ['active', 2],
    ['complete', 2],
  ])('agrees with the releases map for every user (%s, phase %i)', (status, currentPhase) => {
    const r = release({}, { status, currentPhase });
    const cities = ['Austin', 'Dallas', 'Paris'];
    for (let i = 0; i < 3000; i++) {
      const d = decide(
        input({
          messages: [releaseMessage],
          releases: [r],
          user: { key: `u_${i}`, traits: { city: cities[i % 3] } },
        }),
      );
      const verdict = d.releases['reserve-ahead'];
      expect(shownIds(d).includes('msg_rel')).toBe(verdict?.enabled);
      if (!verdict?.enabled)
        expect(reasonOf(d, 'msg_rel')).toBe(verdict?.holdout ? 'holdout' : 'not-exposed');
    }
  });

  it('reports every release, with or without messages', () => {
    const other = {
      ...release({ key: 'dark-mode', holdoutPercent: 0, phases: [{ name: 'All', percent: 100 }] }),
      id: 'rel_2',
    };
    const d = decide(input({ releases: [rel, other] }));
    expect(Object.keys(d.releases).sort()).toEqual(['dark-mode', 'reserve-ahead']);
    expect(d.releases['dark-mode']).toEqual({ enabled: true, phase: 'All', holdout: false });
  });

  it('does not tag a message outside any release with a release key', () => {
    const d = decide(input({ messages: [message({ id: 'msg_1' })], releases: [rel] }));
    expect(d.messages[0]).not.toHaveProperty('releaseKey');
  });
});

describe('decide: the shown message', () => {
  it('carries what the widget needs to show and re-check the message', () => {
    const m = message({
      id: 'msg_1',
      display: { style: 'modal' },
      pages: { include: ['/app/*'] },
      trigger: { on: 'event', event: 'opened_map', delayMs: 500 },
      priority: 4,
    });
    expect(decide(input({ messages: [m] })).messages[0]).toEqual({
      id: 'msg_1',
      kind: 'announcement',
      display: { style: 'modal' },
      content: { title: 'msg_1 (en)', body: [] },
      locale: 'en',
      rtl: false,
      trigger: { on: 'event', event: 'opened_map', delayMs: 500 },
      pages: { include: ['/app/*'], exclude: [] },
      dismissible: 'forever',
      priority: 4,
    });
  });

  it('includes the survey scale for a survey', () => {
    const m = survey('msg_s', { survey: { scale: 'nps' } });
    expect(decide(input({ messages: [m] })).messages[0]?.survey).toEqual({ scale: 'nps', followUp: false });
  });

  it('tells the widget a dismissal is only for the session when the message may come back', () => {
    const m = message({ id: 'msg_1', frequency: { mode: 'times', times: 3, everyDays: 1 } });
    expect(decide(input({ messages: [m] })).messages[0]?.dismissible).toBe('session');
  });
});

describe('decide: nothing is silently dropped', () => {
  const rel = release();
  const held = (u: string) => bucket(holdoutSalt(rel), u) < 500;
  const messages = [
    message({ id: 'm_shown_banner' }),
    modal('m_shown_modal', { priority: 5 }),
    modal('m_budget'),
    message({ id: 'm_draft', status: 'draft' }),
    message({ id: 'm_paused', status: 'paused' }),
    message({ id: 'm_scheduled', schedule: { start: '2027-01-01T00:00:00Z' } }),
    message({ id: 'm_expired', schedule: { end: '2026-01-01T00:00:00Z' } }),
    message({ id: 'm_page', pages: { exclude: ['/app/*'] } }),
    message({ id: 'm_audience', audience: { city: 'Paris' } }),
    message({ id: 'm_rollout', rollout: { percent: 0 } }),
    message({ id: 'm_release', releaseId: 'rel_1' }),
    message({ id: 'm_missing_release', releaseId: 'rel_missing' }),
    message({ id: 'm_dismissed' }),
    message({ id: 'm_once', frequency: { mode: 'once' } }),
    message({ id: 'm_answered', kind: 'survey', display: { style: 'banner' }, survey: { scale: 'thumbs' } }),
    message({ id: 'm_tooltip', kind: 'tooltip', display: { anchor: '#x' } }),
  ];
  const state = stateAfter([
    event('dismiss', 'm_dismissed', minutesAgo(100)),
    event('impression', 'm_once', minutesAgo(2000)),
    event('response', 'm_answered', minutesAgo(2000)),
  ]);

  it('accounts for every message exactly once, shown or hidden, for many users', () => {
    for (let i = 0; i < 500; i++) {
      const user = { key: `u_${i}`, traits: { city: i % 2 ? 'Austin' : 'Dallas' } };
      const d = decide(input({ messages, releases: [rel], state, user }));
      const ids = [...shownIds(d), ...d.hidden.map((h) => h.id)];
      expect(ids.sort()).toEqual(messages.map((m) => m.id).sort());
    }
  });

  it('gives every hidden message a known reason and a detail', () => {
    for (let i = 0; i < 200; i++) {
      const d = decide(
        input({ messages, releases: [rel], state, user: { key: `u_${i}`, traits: { city: 'Austin' } } }),
      );
      for (const h of d.hidden) {
        expect(HiddenReason.options).toContain(h.reason);
        expect(h.detail.length).toBeGreaterThan(0);
      }
    }
  });

  it('explains each message with its own reason', () => {
    // Held out *and* inside the pilot's share: the holdout is drawn from the users the phase reaches.
    const key = firstUserWhere((u) => held(u) && bucket(rel.key, u) < 1000);
    const d = decide(input({ messages, releases: [rel], state, user: { key, traits: { city: 'Austin' } } }));
    expect(shownIds(d).sort()).toEqual(['m_shown_banner', 'm_shown_modal', 'm_tooltip']);
    expect(Object.fromEntries(d.hidden.map((h) => [h.id, h.reason]))).toEqual({
      m_budget: 'attention-budget',
      m_draft: 'not-live',
      m_paused: 'not-live',
      m_scheduled: 'scheduled',
      m_expired: 'expired',
      m_page: 'page-excluded',
      m_audience: 'not-in-audience',
      m_rollout: 'outside-rollout',
      m_release: 'holdout',
      m_missing_release: 'release-inactive',
      m_dismissed: 'dismissed',
      m_once: 'frequency-capped',
      m_answered: 'answered',
    });
  });

  it('answers in the shape the public API promises', () => {
    const d = decide(input({ messages, releases: [rel], state }));
    expect(DecideResponse.safeParse({ messages: d.messages, releases: d.releases }).success).toBe(true);
  });
});
