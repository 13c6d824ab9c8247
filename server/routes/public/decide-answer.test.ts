import { describe, expect, it } from 'vitest';
import { benchRelease, mixedMessages } from '../../../test/bench/decide-bench.ts';
import { compileSite } from '../../core/compile/compile-site.ts';
import { decideCompiled } from '../../core/decide.ts';
import { emptyUserState } from '../../core/history.ts';
import { DecideResponse } from '../../schema/decide.ts';
import { decideAnswer } from './decide-answer.ts';

const now = new Date('2026-11-26T10:00:00Z');
const site = compileSite({
  messages: mixedMessages(20, 'rel_1'),
  releases: [benchRelease()],
  attention: { maxPerDay: 10, minGapMinutes: 0 },
  siteLocale: 'en',
});
const decision = decideCompiled(site, {
  user: { key: 'u_3', traits: { city: 'Austin', plan: 'pro', age: 30, beta: true } },
  state: emptyUserState(),
  context: { url: '/app/home', locale: 'de-DE' },
  now,
});
const theme = { brandColor: '#123456', radius: 4, font: 'serif' };

describe('decideAnswer', () => {
  it('writes the same answer JSON.stringify would, from the prepared message JSON', () => {
    expect(decision.messages.length).toBeGreaterThan(1);
    const text = decideAnswer(decision, { theme, feedUnread: 2 });
    const expected = { messages: decision.messages, releases: decision.releases, theme, feedUnread: 2 };
    expect(text).toBe(JSON.stringify(expected));
    expect(DecideResponse.parse(JSON.parse(text))).toEqual(expected);
  });

  it('adds per-user fields to each message, and leaves out an absent feed count', () => {
    const text = decideAnswer(decision, { theme, feedUnread: undefined }, (m) => ({ receipt: `r-${m.id}` }));
    const body = JSON.parse(text);
    expect(body.messages.map((m: { receipt: string }) => m.receipt)).toEqual(
      decision.messages.map((m) => `r-${m.id}`),
    );
    expect(body.messages[0]).toEqual({ ...decision.messages[0], receipt: `r-${decision.messages[0]?.id}` });
    expect('feedUnread' in body).toBe(false);
  });

  it('writes an empty list when nothing is shown', () => {
    const none = { ...decision, messages: [], messagesJson: [] };
    expect(JSON.parse(decideAnswer(none, { theme }))).toEqual({
      messages: [],
      releases: decision.releases,
      theme,
    });
  });
});
