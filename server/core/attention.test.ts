import { describe, expect, it } from 'vitest';
import cases from '../../test/cases/attention.json';
import type { MessageHistory } from '../schema/history.ts';
import type { Display, MessageKind, Trigger } from '../schema/message.ts';
import type { AttentionBudget } from '../schema/site.ts';
import { alreadyPaid, attentionAllowance, followUpAllowed, isFollowUp, isInterrupting } from './attention.ts';
import { emptyMessageHistory } from './history.ts';

type InterruptingCase = {
  name: string;
  kind: MessageKind;
  display: Display;
  attentionExempt?: boolean;
  expected: boolean;
};
/** `minutesAgo`: when the user's recent interruptions happened, counted back from `now`. */
type AllowanceCase = { name: string; budget: AttentionBudget; minutesAgo: number[]; expected: number };
type FollowUpCase = {
  name: string;
  kind: MessageKind;
  trigger: Trigger;
  releaseId: string | null;
  expected: boolean;
};
/** `ownMinutesAgo`: when the user saw the release's own interrupting messages. */
type FollowUpAllowedCase = Omit<AllowanceCase, 'expected'> & {
  ownMinutesAgo: number[];
  given: { count: number; byOthers: boolean };
  expected: boolean;
};
type PaidCase = { name: string; history: Partial<MessageHistory> | null; expected: boolean };

const now = new Date(cases.now);
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

const history = (partial: Partial<MessageHistory>): MessageHistory => ({
  ...emptyMessageHistory(),
  ...partial,
});

describe('isInterrupting', () => {
  it.each((cases.interrupting as InterruptingCase[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(isInterrupting(c.kind, c.display, c.attentionExempt)).toBe(c.expected);
  });
});

describe('attentionAllowance', () => {
  it.each((cases.allowance as AllowanceCase[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(attentionAllowance(c.budget, c.minutesAgo.map(minutesAgo), now)).toBe(c.expected);
  });

  it('reads interruptions written with any UTC offset', () => {
    // 11:50+02:00 is 09:50Z, ten minutes before now: inside a 30-minute gap.
    expect(attentionAllowance({ maxPerDay: 3, minGapMinutes: 30 }, ['2026-11-26T11:50:00+02:00'], now)).toBe(
      0,
    );
  });

  it('never allows more than one at a time when a gap is set, however large maxPerDay is', () => {
    for (const maxPerDay of [1, 2, 5, 100]) {
      expect(attentionAllowance({ maxPerDay, minGapMinutes: 1 }, [], now)).toBe(1);
    }
  });

  it('never allows more than maxPerDay in any 24 hours when followed hour by hour', () => {
    const budget = { maxPerDay: 3, minGapMinutes: 0 };
    const shown: string[] = [];
    for (let hour = 0; hour < 72; hour++) {
      const t = new Date(now.getTime() + hour * 3_600_000);
      if (attentionAllowance(budget, shown, t) > 0) shown.push(t.toISOString());
      const windowStart = t.getTime() - 24 * 3_600_000;
      expect(shown.filter((s) => Date.parse(s) > windowStart).length).toBeLessThanOrEqual(3);
    }
    expect(shown.length).toBe(9);
  });
});

describe('alreadyPaid', () => {
  it.each((cases.alreadyPaid as PaidCase[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(alreadyPaid(c.history === null ? undefined : history(c.history), now)).toBe(c.expected);
  });
});

describe('isFollowUp', () => {
  it.each((cases.followUp as FollowUpCase[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(isFollowUp(c)).toBe(c.expected);
  });
});

describe('followUpAllowed', () => {
  it.each((cases.followUpAllowed as FollowUpAllowedCase[]).map((c) => [c.name, c] as const))(
    '%s',
    (_name, c) => {
      const own = c.ownMinutesAgo.map((m) => Date.parse(minutesAgo(m)));
      expect(followUpAllowed(c.budget, c.minutesAgo.map(minutesAgo), own, now, c.given)).toBe(c.expected);
    },
  );
});
