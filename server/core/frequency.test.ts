import { describe, expect, it } from 'vitest';
import cases from '../../test/cases/frequency.json';
import type { MessageHistory } from '../schema/history.ts';
import type { Frequency, MessageKind } from '../schema/message.ts';
import type { HiddenReason } from '../schema/reasons.ts';
import { dismissalScope, frequencyVerdict } from './frequency.ts';
import { emptyMessageHistory } from './history.ts';

type VerdictCase = {
  name: string;
  frequency: Frequency;
  kind: MessageKind;
  /** Only the fields that matter; the rest default to a history with nothing in it. */
  history: Partial<MessageHistory> | null;
  expected: HiddenReason | null;
};
type ScopeCase = { name: string; frequency: Frequency; expected: 'forever' | 'session' };

const now = new Date(cases.now);

const history = (partial: Partial<MessageHistory>): MessageHistory => ({
  ...emptyMessageHistory(),
  ...partial,
});

describe('frequencyVerdict', () => {
  it.each((cases.verdicts as VerdictCase[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const h = c.history === null ? undefined : history(c.history);
    expect(frequencyVerdict(c.frequency, c.kind, h, now)).toBe(c.expected);
  });

  it('never hides an always message, whatever the history', () => {
    const kinds: MessageKind[] = ['announcement', 'tooltip', 'survey'];
    const full = history({
      impressions: 99,
      firstSeenAt: cases.now,
      lastSeenAt: cases.now,
      dismissedAt: cases.now,
      clickedAt: cases.now,
      respondedAt: cases.now,
    });
    for (const kind of kinds) expect(frequencyVerdict({ mode: 'always' }, kind, full, now)).toBeNull();
  });

  it('hides an answered survey under every rule but always', () => {
    const answered = history({
      impressions: 1,
      lastSeenAt: '2026-01-01T00:00:00Z',
      respondedAt: '2026-01-01T00:00:05Z',
    });
    const rules: Frequency[] = [
      { mode: 'once' },
      { mode: 'untilDismissed' },
      { mode: 'times', times: 1000, everyDays: 0 },
    ];
    for (const rule of rules) expect(frequencyVerdict(rule, 'survey', answered, now)).toBe('answered');
  });
});

describe('dismissalScope', () => {
  it.each((cases.dismissalScope as ScopeCase[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(dismissalScope(c.frequency)).toBe(c.expected);
  });
});
