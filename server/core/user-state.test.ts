import { describe, expect, it } from 'vitest';
import table from '../../test/cases/user-state.json';
import type { Event } from '../schema/events.ts';
import type { MessageHistory, UserState } from '../schema/history.ts';
import { emptyMessageHistory, emptyUserState } from './history.ts';
import { applyUserChanges, type UserChange } from './user-state.ts';

/** A case's state: only the fields that matter; messages list only their non-empty fields. */
type PartialState = Omit<Partial<UserState>, 'messages'> & {
  messages?: Record<string, Partial<MessageHistory>>;
};
type Case = {
  name: string;
  before: PartialState | null;
  changes: (
    | Exclude<UserChange, { kind: 'event' }>
    | { kind: 'event'; event: Partial<Event>; interrupting: boolean }
  )[];
  expected?: PartialState;
  unchanged?: boolean;
};

function state(partial: PartialState): UserState {
  const messages = Object.fromEntries(
    Object.entries(partial.messages ?? {}).map(([id, h]) => [id, { ...emptyMessageHistory(), ...h }]),
  );
  return { ...emptyUserState(), ...partial, messages };
}

let seq = 0;
function change(c: Case['changes'][number]): UserChange {
  if (c.kind !== 'event') return c;
  seq += 1;
  const id = `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
  return { ...c, event: { id, user: { anonymousId: 'a_1' }, ...c.event } as Event };
}

describe('applyUserChanges', () => {
  it.each((table.cases as Case[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const before = state(c.before ?? {});
    const after = applyUserChanges(before, c.changes.map(change));
    if (c.unchanged) expect(after).toBe(before);
    else expect(after).toEqual(state(c.expected ?? {}));
  });
});
