import type { Event } from '../schema/events.ts';
import type { MessageHistory, UserState } from '../schema/history.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A user the site has never seen: no traits, no history. */
export function emptyUserState(): UserState {
  return { traits: {}, messages: {}, interruptions: [], lastSeenAt: null };
}

/** A message the user has not met yet. */
export function emptyMessageHistory(): MessageHistory {
  return {
    impressions: 0,
    firstSeenAt: null,
    lastSeenAt: null,
    dismissedAt: null,
    clickedAt: null,
    respondedAt: null,
  };
}

/** The later of two times; `b` when there is no `a`. */
export const later = (a: string | null, b: string): string =>
  a === null || Date.parse(b) > Date.parse(a) ? b : a;
const earlier = (a: string | null, b: string): string =>
  a === null || Date.parse(b) < Date.parse(a) ? b : a;

/**
 * Folds one event into a user's state. Pure, so the store can apply it inside the insert transaction
 * and decide can read frequency history from one row instead of the event log.
 *
 * @example applyEvent(emptyUserState(), { type: 'dismiss', messageId: 'msg_1', at, … }, false)
 */
export function applyEvent(state: UserState, event: Event, interrupting: boolean): UserState {
  const lastSeenAt = later(state.lastSeenAt, event.at);
  if (event.messageId === undefined) return { ...state, lastSeenAt };
  const before = state.messages[event.messageId] ?? emptyMessageHistory();
  const h = { ...before };
  let interruptions = state.interruptions;
  switch (event.type) {
    case 'impression':
      h.impressions += 1;
      h.firstSeenAt = earlier(h.firstSeenAt, event.at);
      h.lastSeenAt = later(h.lastSeenAt, event.at);
      // Pruned against the latest interruption, not this event's time: events arriving out of order (or
      // in concurrent batches) then leave the same list as events applied in time order.
      if (interrupting) {
        const latest = later(interruptions[interruptions.length - 1] ?? null, event.at);
        interruptions = pruneInterruptions([...interruptions, event.at], latest);
      }
      break;
    case 'dismiss':
      h.dismissedAt = later(h.dismissedAt, event.at);
      break;
    case 'click':
      h.clickedAt = later(h.clickedAt, event.at);
      break;
    case 'response':
      h.respondedAt = later(h.respondedAt, event.at);
      break;
    default:
      return { ...state, lastSeenAt };
  }
  return { ...state, lastSeenAt, interruptions, messages: { ...state.messages, [event.messageId]: h } };
}

/** Keeps only interruptions of the last day before `now` (the budget's window), sorted. */
export function pruneInterruptions(times: string[], now: string): string[] {
  const since = Date.parse(now) - DAY_MS;
  return times.filter((t) => Date.parse(t) > since).sort();
}

/**
 * Merges the states of one person known under two keys (anonymous before sign-in, then identified),
 * so a message dismissed before sign-in stays dismissed after.
 */
export function mergeUserStates(states: UserState[]): UserState {
  const merged = emptyUserState();
  for (const s of states) {
    merged.traits = { ...merged.traits, ...s.traits };
    if (s.lastSeenAt !== null) merged.lastSeenAt = later(merged.lastSeenAt, s.lastSeenAt);
    merged.interruptions = [...merged.interruptions, ...s.interruptions].sort();
    for (const [releaseId, x] of Object.entries(s.exposures ?? {})) {
      const seen = merged.exposures?.[releaseId];
      // The earliest exposure wins: it is when the release first reached this person.
      if (seen === undefined || Date.parse(x.at) < Date.parse(seen.at))
        merged.exposures = { ...merged.exposures, [releaseId]: x };
    }
    for (const [id, h] of Object.entries(s.messages)) {
      const m = merged.messages[id];
      merged.messages[id] = m === undefined ? h : mergeHistory(m, h);
    }
  }
  return merged;
}

function mergeHistory(a: MessageHistory, b: MessageHistory): MessageHistory {
  const pick = (x: string | null, y: string | null, f: typeof later) =>
    x === null ? y : y === null ? x : f(x, y);
  return {
    impressions: a.impressions + b.impressions,
    firstSeenAt: pick(a.firstSeenAt, b.firstSeenAt, earlier),
    lastSeenAt: pick(a.lastSeenAt, b.lastSeenAt, later),
    dismissedAt: pick(a.dismissedAt, b.dismissedAt, later),
    clickedAt: pick(a.clickedAt, b.clickedAt, later),
    respondedAt: pick(a.respondedAt, b.respondedAt, later),
  };
}
