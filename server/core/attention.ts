import type { MessageHistory } from '../schema/history.ts';
import type { Display, MessageKind } from '../schema/message.ts';
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
