import { describe, expect, it } from 'vitest';
import type { Event, EventType } from '../schema/events.ts';
import { UserState } from '../schema/history.ts';
import { applyEvent, emptyUserState, mergeUserStates, pruneInterruptions } from './history.ts';

const NOW = '2026-11-26T10:00:00.000Z';
const hoursAgo = (h: number) => new Date(Date.parse(NOW) - h * 3_600_000).toISOString();

let seq = 0;
function event(type: EventType, at: string, fields: Partial<Event> = {}): Event {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    type,
    at,
    user: { anonymousId: 'a_1' },
    ...(type === 'goal' || type === 'track' ? { name: 'reservation_made' } : { messageId: 'msg_1' }),
    ...(type === 'response' ? { value: 4 } : {}),
    ...fields,
  };
}

/** Folds events in order, as the store does; `interrupting` says which messages interrupt. */
function fold(events: Event[], interrupting = false, from: UserState = emptyUserState()): UserState {
  return events.reduce((s, e) => applyEvent(s, e, interrupting), from);
}

describe('emptyUserState', () => {
  it('has no traits, no history, no interruptions and was never seen', () => {
    expect(emptyUserState()).toEqual({ traits: {}, messages: {}, interruptions: [], lastSeenAt: null });
  });

  it('returns a fresh object each time', () => {
    const a = emptyUserState();
    a.interruptions.push(NOW);
    expect(emptyUserState().interruptions).toEqual([]);
  });
});

describe('applyEvent', () => {
  it('counts an impression and records when the message was first and last seen', () => {
    const s = fold([event('impression', hoursAgo(2)), event('impression', hoursAgo(1))]);
    expect(s.messages.msg_1).toEqual({
      impressions: 2,
      firstSeenAt: hoursAgo(2),
      lastSeenAt: hoursAgo(1),
      dismissedAt: null,
      clickedAt: null,
      respondedAt: null,
    });
  });

  it('keeps first and last seen right when impressions arrive out of order', () => {
    const s = fold([
      event('impression', hoursAgo(1)),
      event('impression', hoursAgo(3)),
      event('impression', hoursAgo(2)),
    ]);
    expect(s.messages.msg_1?.impressions).toBe(3);
    expect(s.messages.msg_1?.firstSeenAt).toBe(hoursAgo(3));
    expect(s.messages.msg_1?.lastSeenAt).toBe(hoursAgo(1));
  });

  it('records an interruption for an interrupting impression', () => {
    const s = applyEvent(emptyUserState(), event('impression', NOW), true);
    expect(s.interruptions).toEqual([NOW]);
  });

  it('records no interruption for a banner or tooltip impression', () => {
    const s = applyEvent(emptyUserState(), event('impression', NOW), false);
    expect(s.interruptions).toEqual([]);
  });

  it('prunes interruptions older than 24 hours when a new one is recorded', () => {
    const from = {
      ...emptyUserState(),
      interruptions: [hoursAgo(30), hoursAgo(24), hoursAgo(23), hoursAgo(2)],
    };
    const s = applyEvent(from, event('impression', NOW), true);
    expect(s.interruptions).toEqual([hoursAgo(23), hoursAgo(2), NOW]);
  });

  it('keeps interruptions sorted oldest first', () => {
    const s = fold(
      [event('impression', hoursAgo(1)), event('impression', hoursAgo(5), { messageId: 'msg_2' })],
      true,
    );
    expect(s.interruptions).toEqual([hoursAgo(5), hoursAgo(1)]);
  });

  it('records a dismissal without counting an impression', () => {
    const s = fold([event('dismiss', NOW)]);
    expect(s.messages.msg_1).toMatchObject({ impressions: 0, dismissedAt: NOW, lastSeenAt: null });
  });

  it('keeps the latest dismissal', () => {
    const s = fold([event('dismiss', hoursAgo(1)), event('dismiss', hoursAgo(5))]);
    expect(s.messages.msg_1?.dismissedAt).toBe(hoursAgo(1));
  });

  it('records a click', () => {
    const s = fold([event('impression', hoursAgo(1)), event('click', NOW)]);
    expect(s.messages.msg_1).toMatchObject({ impressions: 1, clickedAt: NOW, dismissedAt: null });
  });

  it('records a response', () => {
    const s = fold([event('impression', hoursAgo(1)), event('response', NOW, { value: 5 })]);
    expect(s.messages.msg_1).toMatchObject({ impressions: 1, respondedAt: NOW });
  });

  it('records a text-only response', () => {
    const s = fold([event('response', NOW, { value: undefined, text: 'Nice' })]);
    expect(s.messages.msg_1?.respondedAt).toBe(NOW);
  });

  it('does not add an interruption for a dismissal, click or response, even of an interrupting message', () => {
    const s = fold([event('dismiss', NOW), event('click', NOW), event('response', NOW)], true);
    expect(s.interruptions).toEqual([]);
  });

  it.each<EventType>(['goal', 'track'])('only marks the user as seen on a %s event', (type) => {
    const before = fold([event('impression', hoursAgo(2))]);
    const after = applyEvent(before, event(type, NOW), false);
    expect(after).toEqual({ ...before, lastSeenAt: NOW });
  });

  it('ignores a goal that names a message, apart from marking the user as seen', () => {
    const after = applyEvent(emptyUserState(), event('goal', NOW, { messageId: 'msg_1' }), true);
    expect(after).toEqual({ ...emptyUserState(), lastSeenAt: NOW });
  });

  it('marks the user as last seen at their latest event of any kind', () => {
    const s = fold([
      event('click', hoursAgo(1)),
      event('track', hoursAgo(3)),
      event('impression', hoursAgo(2)),
    ]);
    expect(s.lastSeenAt).toBe(hoursAgo(1));
  });

  it('keeps histories of different messages apart', () => {
    const s = fold([event('impression', hoursAgo(2)), event('dismiss', NOW, { messageId: 'msg_2' })]);
    expect(s.messages.msg_1).toMatchObject({ impressions: 1, dismissedAt: null });
    expect(s.messages.msg_2).toMatchObject({ impressions: 0, dismissedAt: NOW });
  });

  it('keeps the user’s traits', () => {
    const from = { ...emptyUserState(), traits: { city: 'Austin' } };
    expect(applyEvent(from, event('impression', NOW), true).traits).toEqual({ city: 'Austin' });
  });

  it('leaves the state it was given untouched', () => {
    const from = fold([event('impression', hoursAgo(2))], true);
    const snapshot = structuredClone(from);
    for (const type of ['impression', 'dismiss', 'click', 'response', 'goal', 'track'] as const) {
      applyEvent(from, event(type, NOW), true);
    }
    expect(from).toEqual(snapshot);
  });

  it('produces a state the schema accepts', () => {
    const s = fold(
      [
        event('impression', hoursAgo(2)),
        event('click', hoursAgo(1)),
        event('response', NOW),
        event('track', NOW),
      ],
      true,
    );
    expect(UserState.safeParse(s).success).toBe(true);
  });
});

describe('pruneInterruptions', () => {
  it('keeps only the last 24 hours before now, sorted', () => {
    expect(pruneInterruptions([hoursAgo(1), hoursAgo(25), hoursAgo(12), hoursAgo(24)], NOW)).toEqual([
      hoursAgo(12),
      hoursAgo(1),
    ]);
  });

  it('keeps nothing from an empty list', () => {
    expect(pruneInterruptions([], NOW)).toEqual([]);
  });
});

describe('mergeUserStates', () => {
  const anonymous = fold([event('impression', hoursAgo(5)), event('dismiss', hoursAgo(5))], true, {
    ...emptyUserState(),
    traits: { plan: 'free', locale: 'de' },
  });
  const identified = fold(
    [
      event('impression', hoursAgo(1), { user: { id: 'u_42' } }),
      event('impression', hoursAgo(1), { messageId: 'msg_2' }),
    ],
    true,
    { ...emptyUserState(), traits: { plan: 'pro', city: 'Austin' } },
  );

  it('keeps a dismissal made before sign-in', () => {
    const merged = mergeUserStates([anonymous, identified]);
    expect(merged.messages.msg_1?.dismissedAt).toBe(hoursAgo(5));
  });

  it('adds up impressions and spans first to last seen', () => {
    const merged = mergeUserStates([anonymous, identified]);
    expect(merged.messages.msg_1).toEqual({
      impressions: 2,
      firstSeenAt: hoursAgo(5),
      lastSeenAt: hoursAgo(1),
      dismissedAt: hoursAgo(5),
      clickedAt: null,
      respondedAt: null,
    });
  });

  it('keeps messages known under only one of the keys', () => {
    const merged = mergeUserStates([anonymous, identified]);
    expect(merged.messages.msg_2?.impressions).toBe(1);
  });

  it('keeps the latest of each acknowledgement across states', () => {
    const a = fold([event('click', hoursAgo(3)), event('response', hoursAgo(1))]);
    const b = fold([
      event('click', hoursAgo(2)),
      event('response', hoursAgo(4)),
      event('dismiss', hoursAgo(6)),
    ]);
    expect(mergeUserStates([a, b]).messages.msg_1).toMatchObject({
      clickedAt: hoursAgo(2),
      respondedAt: hoursAgo(1),
      dismissedAt: hoursAgo(6),
    });
  });

  it('joins interruptions from both states, sorted, so the attention budget counts them all', () => {
    const merged = mergeUserStates([anonymous, identified]);
    expect(merged.interruptions).toEqual([hoursAgo(5), hoursAgo(1), hoursAgo(1)]);
  });

  it('lets the later state’s traits win and keeps the rest', () => {
    const merged = mergeUserStates([anonymous, identified]);
    expect(merged.traits).toEqual({ plan: 'pro', locale: 'de', city: 'Austin' });
  });

  it('marks the user last seen at the latest of both', () => {
    expect(mergeUserStates([anonymous, identified]).lastSeenAt).toBe(hoursAgo(1));
    expect(mergeUserStates([identified, anonymous]).lastSeenAt).toBe(hoursAgo(1));
  });

  it('gives the same histories whichever state comes first', () => {
    expect(mergeUserStates([identified, anonymous]).messages).toEqual(
      mergeUserStates([anonymous, identified]).messages,
    );
  });

  it('returns an empty state for no states, and an equal state for one', () => {
    expect(mergeUserStates([])).toEqual(emptyUserState());
    expect(mergeUserStates([identified])).toEqual(identified);
  });

  it('leaves the states it was given untouched', () => {
    const a = structuredClone(anonymous);
    const b = structuredClone(identified);
    mergeUserStates([anonymous, identified]);
    mergeUserStates([identified, anonymous]);
    expect(anonymous).toEqual(a);
    expect(identified).toEqual(b);
  });
});
