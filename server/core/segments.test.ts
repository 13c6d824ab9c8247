import { describe, expect, it } from 'vitest';
import { releaseFixture } from '../../test/support/core-fixtures.ts';
import { type Message, MessageInput } from '../schema/message.ts';
import type { Segment } from '../schema/segment.ts';
import { compileSite } from './compile/compile-site.ts';
import { evalCondition } from './conditions/evaluate.ts';
import { explainUser } from './explain.ts';
import { emptyUserState } from './history.ts';
import { resolveAudience, segmentIds, segmentUses, segmentWords } from './segments.ts';

const TS = '2026-11-01T00:00:00Z';
const segment = (id: string, name: string, condition: Record<string, unknown>): Segment => ({
  id,
  siteId: 'site_1',
  name,
  description: '',
  condition,
  createdAt: TS,
  updatedAt: TS,
});
const texas = segment('seg_tx', 'Texas', { city: { $in: ['Austin', 'Dallas', 'Houston', 'El Paso'] } });
const pro = segment('seg_pro', 'Pro plan', { plan: 'pro' });
const byId = new Map([texas, pro].map((s) => [s.id, s]));

function message(id: string, audience: Record<string, unknown>): Message {
  return {
    ...MessageInput.parse({
      kind: 'announcement',
      name: id,
      display: { style: 'banner' },
      content: { en: { title: id } },
      audience,
    }),
    id,
    siteId: 'site_1',
    version: 0,
    status: 'live',
    compiled: { en: { title: id, body: [] } },
    createdAt: TS,
    updatedAt: TS,
    publishedAt: TS,
  };
}

describe('resolveAudience', () => {
  it.each([
    ['a segment alone', { $segment: 'seg_tx' }, { city: 'Dallas' }, true],
    ['a segment alone, someone outside it', { $segment: 'seg_tx' }, { city: 'Boston' }, false],
    [
      'a segment with a trait beside it',
      { $segment: 'seg_tx', plan: 'pro' },
      { city: 'Austin', plan: 'free' },
      false,
    ],
    [
      'a segment inside $or',
      { $or: [{ $segment: 'seg_tx' }, { $segment: 'seg_pro' }] },
      { plan: 'pro' },
      true,
    ],
    ['a segment under $not', { $not: { $segment: 'seg_tx' } }, { city: 'Boston' }, true],
    ['a segment that does not exist matches no one', { $segment: 'seg_gone' }, { city: 'Austin' }, false],
    ['nor does a trait named $segment forge one', { $segment: 'seg_gone' }, { $segment: 'seg_gone' }, false],
  ])('%s', (_, audience, traits, matches) => {
    expect(evalCondition(traits, resolveAudience(audience, byId))).toBe(matches);
  });

  it('gives back an audience without references as the same object', () => {
    const audience = { city: 'Austin', $or: [{ plan: 'pro' }] };
    expect(resolveAudience(audience, byId)).toBe(audience);
  });

  it('lists the ids an audience refers to, and names them in words', () => {
    const audience = {
      $and: [{ $segment: 'seg_tx' }, { $or: [{ $segment: 'seg_pro' }, { $segment: 'seg_tx' }] }],
    };
    expect(segmentIds(audience)).toEqual(['seg_tx', 'seg_pro']);
    expect(segmentWords(audience, byId)).toBe('segments “Texas” and “Pro plan”');
    expect(segmentWords({ $segment: 'seg_tx' }, byId)).toBe('segment “Texas”');
    expect(segmentWords({ city: 'Austin' }, byId)).toBeUndefined();
  });
});

describe('saved segments in the compiled site', () => {
  const release = releaseFixture(
    {
      phases: [
        { name: 'Pilot', audience: { city: 'Austin' }, percent: 100 },
        { name: 'Texas', audience: { $segment: 'seg_tx' }, percent: 100 },
      ],
      holdoutPercent: 0,
    },
    { status: 'active', currentPhase: 1 },
  );
  const messages = [message('msg_tx', { $segment: 'seg_tx' }), message('msg_all', {})];
  const compile = (segments: Segment[]) =>
    compileSite({
      messages,
      releases: [release],
      segments,
      attention: { maxPerDay: 9, minGapMinutes: 0 },
      siteLocale: 'en',
    });
  const explain = (segments: Segment[], city: string) =>
    explainUser(compile(segments), {
      user: { key: 'u_1', traits: { city } },
      state: emptyUserState(),
      context: {},
      now: new Date('2026-11-26T10:00:00Z'),
      ignoreHistory: true,
    });

  it('reaches whom the segment describes, through a message and through a release phase', () => {
    const dallas = explain([texas], 'Dallas');
    expect(dallas.messages.get('msg_tx')?.shown).toBe(true);
    expect(dallas.decision.releases['reserve-ahead']?.enabled).toBe(true);
  });

  it('says which segment keeps a user out, for a message and for a release phase', () => {
    const boston = explain([texas], 'Boston');
    expect(boston.messages.get('msg_tx')?.detail).toBe(
      'the user’s traits do not match the audience (segment “Texas”)',
    );
    expect(boston.releases.get(release.id)?.words).toBe(
      'outside the audience of the current phase “Texas” (segment “Texas”); no later phase reaches them',
    );
  });

  it('follows an edit of the segment when the site is compiled again', () => {
    const withBoston = segment('seg_tx', 'Texas', { city: { $in: ['Austin', 'Boston'] } });
    expect(explain([texas], 'Boston').messages.get('msg_tx')?.shown).toBe(false);
    const boston = explain([withBoston], 'Boston');
    expect(boston.messages.get('msg_tx')?.shown).toBe(true);
    expect(boston.decision.releases['reserve-ahead']?.enabled).toBe(true);
  });

  it('keeps the messages in the order given, with the segments written in', () => {
    const site = compile([texas]);
    expect(site.sources.map((m) => m.id)).toEqual(['msg_tx', 'msg_all']);
    expect(site.sources[0]?.audience).toEqual(texas.condition);
  });

  it('finds the messages and release phases that use a segment', () => {
    expect(segmentUses('seg_tx', messages, [release])).toEqual([
      { kind: 'message', id: 'msg_tx', name: 'msg_tx' },
      { kind: 'release', id: release.id, name: release.name, phase: 'Texas' },
    ]);
    expect(segmentUses('seg_pro', messages, [release])).toEqual([]);
  });
});
