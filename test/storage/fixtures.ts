import { randomUUID } from 'node:crypto';
import { Message } from '../../server/schema/message.ts';
import type { Release } from '../../server/schema/release.ts';
import type { Site } from '../../server/schema/site.ts';
import type { StoredEvent } from '../../server/store/store.ts';

/** Ids unique per run, so the suite also passes against a shared database (PostgreSQL). */
export const uid = (prefix: string): string => `${prefix}_${randomUUID().slice(0, 12)}`;

const T0 = '2026-11-26T10:00:00.000Z';

/** A time `minutes` after the suite's fixed start. */
export const at = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

export function makeSite(overrides: Partial<Site> = {}): Site {
  return {
    id: uid('site'),
    name: 'Scooters',
    webhookUrl: null,
    changelogSlug: null,
    digest: { every: 'off' },
    testUsers: [],
    allowedOrigins: ['https://app.example.com'],
    identityVerification: 'off',
    attention: { maxPerDay: 3, minGapMinutes: 30 },
    theme: { brandColor: '#4f46e5', radius: 12, font: 'system-ui, sans-serif' },
    defaultLocale: 'en',
    publicKey: uid('pk'),
    secret: uid('sk'),
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** A draft five-star survey; what it leaves out takes the schema's defaults, as the API would store it. */
export function makeMessage(siteId: string, overrides: Partial<Message> = {}): Message {
  const question = 'How is reserving ahead?';
  return {
    ...Message.parse({
      id: uid('msg'),
      siteId,
      version: 0,
      kind: 'survey',
      name: question,
      display: { style: 'modal' },
      content: { en: { title: question, body: '' } },
      survey: { scale: 'stars5', followUp: true },
      status: 'draft',
      compiled: { en: { title: question, body: [] } },
      createdAt: T0,
      updatedAt: T0,
      publishedAt: null,
    }),
    ...overrides,
  };
}

export function makeRelease(siteId: string, overrides: Partial<Release> = {}): Release {
  return {
    history: [],
    id: uid('rel'),
    siteId,
    key: 'reserve-ahead',
    name: 'Reserve ahead',
    phases: [
      { name: 'Pilot: Austin', audience: { city: 'Austin' }, percent: 10 },
      { name: 'Everyone', audience: {}, percent: 100 },
    ],
    holdoutPercent: 5,
    goal: { event: 'reservation_made' },
    guardrails: null,
    autoAdvance: null,
    status: 'draft',
    version: 0,
    currentPhase: -1,
    phaseStartedAt: null,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

type EventInput = Partial<StoredEvent> & Pick<StoredEvent, 'siteId' | 'type'> & { userKey?: string };

/** A stored event of an anonymous user `userKey` unless `user` says otherwise. */
export function makeEvent(input: EventInput): StoredEvent {
  const userKey = input.userKey ?? 'anon_1';
  return {
    id: randomUUID(),
    at: T0,
    receivedAt: T0,
    user: { anonymousId: userKey },
    userKey,
    interrupting: false,
    phase: null,
    verified: false,
    ...input,
  };
}
