import { describe, expect, it } from 'vitest';
import { releaseFixture } from '../../test/support/core-fixtures.ts';
import { type Message, MessageInput } from '../schema/message.ts';
import { bucket } from './bucketing.ts';
import { compileSite } from './compile/compile-site.ts';
import { decideCompiled } from './decide.ts';
import { explainUser, targets } from './explain.ts';
import { emptyUserState } from './history.ts';

const NOW = new Date('2026-11-26T10:00:00Z');
const TS = '2026-11-01T00:00:00Z';

function message(id: string, input: Record<string, unknown>): Message {
  const parsed = MessageInput.parse({
    kind: 'announcement',
    name: id,
    content: { en: { title: id } },
    ...input,
  });
  const compiled = { en: { title: id, body: [] } };
  return {
    ...parsed,
    id,
    siteId: 'site_1',
    version: 0,
    status: 'live',
    compiled,
    createdAt: TS,
    updatedAt: TS,
    publishedAt: TS,
  };
}

// Paused at Texas 50%: nobody new is reached.
const release = releaseFixture({}, { status: 'paused', currentPhase: 1 });
const site = compileSite({
  messages: [
    message('msg_news', { display: { style: 'modal' }, releaseId: 'rel_1', priority: 2 }),
    message('msg_modal', { display: { style: 'modal' }, priority: 1 }),
    message('msg_late', { display: { style: 'modal' } }),
  ],
  releases: [release],
  attention: { maxPerDay: 3, minGapMinutes: 30 },
  siteLocale: 'en',
});
const input = (traits: Record<string, unknown>) => ({
  user: { key: 'u_1', traits },
  state: emptyUserState(),
  context: {},
  now: NOW,
});

describe('explainUser', () => {
  it('gives decide’s own verdicts, each reason in words', () => {
    const x = explainUser(site, input({ city: 'Boston' }));
    const d = decideCompiled(site, input({ city: 'Boston' }));
    expect(x.decision).toEqual(d);
    expect(x.messages.get('msg_modal')).toEqual({ shown: true, reason: null, detail: null });
    expect(x.messages.get('msg_news')).toMatchObject({ shown: false, reason: 'release-inactive' });
    expect(x.messages.get('msg_news')?.detail).toBe(
      'release “Reserve ahead”: the release is paused at phase “Texas” and reaches no one new; outside the audience of the current phase “Texas”; the later phase “Everyone” will reach them',
    );
  });

  it('names the attention budget when it is the reason', () => {
    const x = explainUser(site, input({ city: 'Boston' }));
    expect(x.messages.get('msg_late')).toEqual({
      shown: false,
      reason: 'attention-budget',
      detail:
        'the site’s attention budget (at most 3 interruptions a day, 30 minutes apart): another interrupting message comes first on this visit',
    });
    const state = { ...emptyUserState(), interruptions: ['2026-11-26T09:50:00Z'] };
    expect(explainUser(site, { ...input({}), state }).messages.get('msg_modal')?.detail).toContain(
      'this user had 1 in the last day, the last 10 minutes ago',
    );
  });

  it('tells each release’s standing, recorded exposure first', () => {
    const exposures = { rel_1: { phase: 1, holdout: false, at: TS } };
    const x = explainUser(site, { ...input({ city: 'Boston' }), state: { ...emptyUserState(), exposures } });
    expect(x.releases.get('rel_1')).toMatchObject({ enabled: true, phase: 'Texas', why: 'exposed' });
  });
});

describe('targets', () => {
  it('counts nobody for a paused release’s message, reached before the pause or not: its messages stop', () => {
    const news = site.messages.find((m) => m.message.id === 'msg_news');
    if (!news) throw new Error('no message');
    const key = Array.from({ length: 100 }, (_, i) => `u_${i}`).find(
      (k) => bucket('reserve-ahead', k) < 1000,
    );
    const user = { key: key as string, traits: { city: 'Austin' } };
    expect(targets(site, news, user, emptyUserState(), NOW)).toBe(false);
    const exposures = { rel_1: { phase: 0, holdout: false, at: TS } };
    expect(targets(site, news, user, { ...emptyUserState(), exposures }, NOW)).toBe(false);
  });
});
