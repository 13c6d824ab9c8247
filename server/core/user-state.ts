import type { Event } from '../schema/events.ts';
import type { UserState } from '../schema/history.ts';
import type { NewExposure } from './decide.ts';
import { applyEvent } from './history.ts';

/**
 * Every way a user's stored state changes: an event they sent, the traits a decide saw them with, releases
 * reaching them. The store applies these and nothing else, so a new kind of change is one more case here.
 */
export type UserChange =
  | { kind: 'event'; event: Event; interrupting: boolean }
  | { kind: 'traits'; traits: Record<string, unknown>; at: string }
  | { kind: 'exposures'; exposures: NewExposure[]; at: string };

/**
 * A user's state after one change. Pure. Events commute (counts add, times keep the earliest or latest,
 * interruptions keep the last day before the latest), so batches folded in any order give one state.
 * Returns `state` itself when nothing changes, so the store can skip the write.
 *
 * @example applyUserChange(emptyUserState(), { kind: 'traits', traits: { city: 'Austin' }, at })
 */
export function applyUserChange(state: UserState, change: UserChange): UserState {
  switch (change.kind) {
    case 'event':
      return applyEvent(state, change.event, change.interrupting);
    case 'traits':
      return withTraits(state, change.traits, change.at);
    case 'exposures':
      return withExposures(state, change.exposures, change.at);
  }
}

/** `changes` applied in order. */
export function applyUserChanges(state: UserState, changes: readonly UserChange[]): UserState {
  return changes.reduce(applyUserChange, state);
}

/**
 * The state with these traits, last seen at `at` unless seen later already. Unchanged when a user already
 * seen comes with the same traits: a busy decide endpoint then writes nothing.
 */
function withTraits(state: UserState, traits: Record<string, unknown>, at: string): UserState {
  if (state.lastSeenAt !== null && sameJson(state.traits, traits)) return state;
  const lastSeenAt =
    state.lastSeenAt !== null && Date.parse(state.lastSeenAt) >= Date.parse(at) ? state.lastSeenAt : at;
  return { ...state, traits, lastSeenAt };
}

/** The state with these exposures added; one recorded before stays as it was (exposure is sticky). */
function withExposures(state: UserState, exposures: NewExposure[], at: string): UserState {
  const fresh = exposures.filter((x) => state.exposures?.[x.releaseId] === undefined);
  if (fresh.length === 0) return state;
  const recorded = { ...state.exposures };
  for (const x of fresh) recorded[x.releaseId] ??= { phase: x.phase, holdout: x.holdout, at };
  return { ...state, exposures: recorded };
}

/** Traits are parsed JSON: equal when they serialise alike (key order included, as stored). */
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
