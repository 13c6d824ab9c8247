import fc from 'fast-check';
import { expect } from 'vitest';
import { emptyUserState } from '../../server/core/history.ts';
import { applyUserChanges, changesState } from '../../server/core/user-state.ts';
import type { EventType } from '../../server/schema/events.ts';
import type { Store, StoredEvent } from '../../server/store/store.ts';
import { at, makeEvent, uid } from './fixtures.ts';

const TYPES: EventType[] = ['impression', 'click', 'dismiss', 'response', 'track'];

/** One generated event: which of 4 users and 3 messages, what, when (within 3 days), and whether it interrupts. */
const anEvent = fc.record({
  user: fc.nat(3),
  message: fc.nat(2),
  type: fc.constantFrom(...TYPES),
  minute: fc.nat(3 * 24 * 60),
  interrupting: fc.boolean(),
});

/**
 * Property: however events for the same users are split into batches, sent at once (through `stores` in
 * turn, so with two instances the flushes run concurrently), repeated, and in whatever order, each user's
 * stored state equals the events applied one by one by the pure transition, each id counted once (the
 * events that change a state: `changesState`).
 */
export async function checkBatchesFoldLikeOneByOne(stores: Store[], siteId: string, runs = 12) {
  await fc.assert(
    fc.asyncProperty(
      fc.array(anEvent, { minLength: 1, maxLength: 60 }),
      fc.array(fc.nat(5), { minLength: 1, maxLength: 60 }),
      fc.nat(59),
      async (generated, batchOf, repeated) => {
        const prefix = uid('fold');
        const events = generated.map((g) =>
          makeEvent({
            siteId,
            userKey: `${prefix}_${g.user}`,
            type: g.type,
            ...(g.type === 'track' ? { name: 'reserved' } : { messageId: `msg_${g.message}` }),
            at: at(g.minute),
            interrupting: g.interrupting,
          }),
        );
        const batches: StoredEvent[][] = Array.from({ length: 6 }, () => []);
        for (const [i, e] of events.entries()) batches[batchOf[i % batchOf.length] ?? 0]?.push(e);
        // One event sent again in another batch: a client retry. It must count once.
        const again = events[repeated % events.length];
        if (again !== undefined) batches[(batchOf[0] ?? 0) + 1]?.push(again);
        await Promise.all(
          batches.map((batch, i) => (stores[i % stores.length] as Store).insertEvents(batch)),
        );
        const users = [...new Set(events.map((e) => e.userKey))];
        for (const userKey of users) {
          // Track events leave a state as it was: a user with only those has none stored.
          const own = events.filter((e) => e.userKey === userKey && changesState(e));
          const expected =
            own.length === 0
              ? null
              : applyUserChanges(
                  emptyUserState(),
                  own.map((event) => ({ kind: 'event', event, interrupting: event.interrupting })),
                );
          expect(await (stores[0] as Store).getUserState(siteId, [userKey])).toEqual(expected);
        }
      },
    ),
    { numRuns: runs },
  );
}
