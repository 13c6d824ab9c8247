import type { MessageHistory } from '../schema/history.ts';
import type { Frequency, MessageKind } from '../schema/message.ts';
import type { HiddenReason } from '../schema/reasons.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether the user's history with a message still allows showing it (FIELD-NOTES #1: a dismissed or answered
 * message never returns unless its rule says so). Null when it may show, else the reason it may not.
 *
 * @example frequencyVerdict({ mode: 'once' }, 'announcement', { impressions: 1, … }, now) // 'frequency-capped'
 */
export function frequencyVerdict(
  frequency: Frequency,
  kind: MessageKind,
  history: MessageHistory | undefined,
  now: Date,
): HiddenReason | null {
  if (history === undefined) return null;
  if (frequency.mode === 'always') return null;
  if (kind === 'survey' && history.respondedAt !== null) return 'answered';
  switch (frequency.mode) {
    case 'once':
      // A dismissal whose impression event was lost still ends a `once` message.
      if (history.dismissedAt !== null || history.clickedAt !== null) return 'dismissed';
      return history.impressions > 0 ? 'frequency-capped' : null;
    case 'untilDismissed':
      // Using the call to action acknowledges the message as much as closing it does.
      return history.dismissedAt !== null || history.clickedAt !== null ? 'dismissed' : null;
    case 'times': {
      if (history.impressions >= frequency.times) return 'frequency-capped';
      if (history.lastSeenAt === null || frequency.everyDays === 0) return null;
      const next = Date.parse(history.lastSeenAt) + frequency.everyDays * DAY_MS;
      return now.getTime() < next ? 'frequency-capped' : null;
    }
  }
}

/** How a dismissal ends a message, so the widget can remember it locally before the server hears of it. */
export function dismissalScope(frequency: Frequency): 'forever' | 'session' {
  return frequency.mode === 'once' || frequency.mode === 'untilDismissed' ? 'forever' : 'session';
}
