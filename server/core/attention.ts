import type { MessageHistory } from '../schema/history.ts';
import type { Display, MessageKind, Trigger } from '../schema/message.ts';
import type { AttentionBudget } from '../schema/site.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Modals, slide-outs and surveys interrupt; banners, tooltips and feed posts wait to be noticed. A message
 * marked `attentionExempt` counts as not interrupting: the budget neither holds it back nor is spent by it.
 */
export function isInterrupting(kind: MessageKind, display: Display, attentionExempt = false): boolean {
  if (attentionExempt) return false;
  if (kind === 'survey') return true;
  return 'style' in display && (display.style === 'modal' || display.style === 'slideout');
}

/**
 * How many *new* interrupting messages this user may get now under the site's attention budget:
 * at most `maxPerDay` in any 24 hours, at least `minGapMinutes` apart (so at most one at a time when a gap is set).
 */
export function attentionAllowance(budget: AttentionBudget, interruptions: string[], now: Date): number {
  const t = now.getTime();
  const recent = interruptions.map((s) => Date.parse(s)).filter((x) => x > t - DAY_MS && x <= t);
  const left = Math.max(0, budget.maxPerDay - recent.length);
  if (budget.minGapMinutes === 0) return left;
  const last = recent.length === 0 ? Number.NEGATIVE_INFINITY : Math.max(...recent);
  if (t - last < budget.minGapMinutes * 60_000) return 0;
  return Math.min(left, 1);
}

/** A message the user already had on screen today was paid for then; showing it again is not a new interruption. */
export function alreadyPaid(history: MessageHistory | undefined, now: Date): boolean {
  if (history?.lastSeenAt == null) return false;
  return now.getTime() - Date.parse(history.lastSeenAt) < DAY_MS;
}

/**
 * A release's feedback prompt asked when the user acts (their `track` event, their click on an element), not
 * on load: it follows the release's own announcement, so the gap that announcement spent does not hold it back.
 */
export function isFollowUp(message: {
  kind: MessageKind;
  trigger: Trigger;
  releaseId: string | null;
}): boolean {
  return message.kind === 'survey' && message.releaseId !== null && message.trigger.on !== 'load';
}

/**
 * Whether a follow-up may interrupt although the allowance is spent: the day's cap still has room, and the gap
 * is open once the interruptions made by its own release's messages are left out. `own`: the times (ms) the
 * user saw those messages; `given`: interruptions this same decision already gave, and whether any of them
 * came from another release or from no release (that one spends the gap for everyone).
 */
export function followUpAllowed(
  budget: AttentionBudget,
  interruptions: string[],
  own: number[],
  now: Date,
  given: { count: number; byOthers: boolean },
): boolean {
  const t = now.getTime();
  const recent = interruptions.map((s) => Date.parse(s)).filter((x) => x > t - DAY_MS && x <= t);
  if (recent.length + given.count >= budget.maxPerDay) return false;
  if (budget.minGapMinutes === 0) return true;
  if (given.byOthers) return false;
  const others = recent.filter((x) => !own.includes(x));
  const last = others.length === 0 ? Number.NEGATIVE_INFINITY : Math.max(...others);
  return t - last >= budget.minGapMinutes * 60_000;
}
